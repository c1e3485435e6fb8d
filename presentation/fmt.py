"""Number and date formatting, so a figure reads the same on a card, a chart and a table."""

from __future__ import annotations

import math
import re
from datetime import date, datetime

from etl.fiscal import TOKYO, fiscal_year_end, to_wareki


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fiscal_year(fy: int, lang: str, wareki: bool = False) -> str:
    """2024年度 (令和6年度) / FY2024."""
    if lang == "ja":
        return f"{fy}年度({to_wareki(fy)})" if wareki else f"{fy}年度"
    return f"FY{fy}"


def integer(value, lang: str = "ja", unit: str = "") -> str:
    if _missing(value):
        return "—"
    return f"{round(value):,}{unit}"


def departments(value, lang: str) -> str:
    """A count of departments with its unit, so that a change beside a share (leader coverage: 89.2%,
    +7) never reads as points: +7所属 / +7 depts."""
    if _missing(value):
        return "—"
    unit = "所属" if lang == "ja" else (" dept" if abs(round(value)) == 1 else " depts")
    return integer(value, lang, unit)


def yen(value, lang: str) -> str:
    """100.2億円 / 1,234万円 / 1,234円; English ¥10.02bn / ¥12.3m / ¥1,234."""
    if _missing(value):
        return "—"
    sign = "-" if value < 0 else ""
    amount = abs(value)
    if lang == "ja":
        if amount >= 1e8:
            return f"{sign}{amount / 1e8:,.1f}億円"
        if amount >= 1e4:
            return f"{sign}{amount / 1e4:,.0f}万円"
        return f"{sign}{amount:,.0f}円"
    if amount >= 1e9:
        return f"{sign}¥{amount / 1e9:,.2f}bn"
    if amount >= 1e6:
        return f"{sign}¥{amount / 1e6:,.1f}m"
    return f"{sign}¥{amount:,.0f}"


def yen_axis_unit(lang: str) -> float:
    """What one unit of a yen axis is worth: 億円 in Japanese, ¥bn in English (as `yen` writes them)."""
    return 1e8 if lang == "ja" else 1e9


def hours(value, lang: str) -> str:
    """8.5万時間 / 1,234時間; English 85,002 h."""
    if _missing(value):
        return "—"
    if lang == "ja":
        if abs(value) >= 1e4:
            return f"{value / 1e4:,.1f}万時間"
        return f"{value:,.0f}時間"
    return f"{value:,.0f} h"


def percent(value, digits: int = 1) -> str:
    if _missing(value):
        return "—"
    return f"{value * 100:.{digits}f}%"


def points(value, lang: str, short: bool = False) -> str:
    """A difference of two shares in percentage points, signed: +5.8 pt / +5.8ポイント; `short`: a card's
    figure, +5.8pt in Japanese too (+7.3 ポイント broke onto two lines in a quarter-width card)."""
    if _missing(value):
        return "—"
    unit = ("pt" if short else "ポイント") if lang == "ja" else " pt"
    return signed(f"{value:.1f}" + unit, value)


def signed(text: str, value) -> str:
    """A change on the previous year: +1,234 / -56."""
    if _missing(value):
        return ""
    return ("+" if value > 0 else "") + text if not text.startswith("-") else text


def change(current, previous, formatter, lang: str) -> str | None:
    """The change on the previous year, formatted like the figure itself and signed (+1,234 / -4.0億円);
    None when there is no previous year to compare with."""
    if previous is None or _missing(previous) or _missing(current):
        return None
    delta = current - previous
    return signed(formatter(delta, lang), delta)


def day(value: date | None, lang: str) -> str:
    if value is None:
        return "—"
    if lang == "ja":
        return f"{value.year}年{value.month}月{value.day}日"
    return value.strftime("%d %b %Y").lstrip("0")


def moment(stamp: str | None, lang: str, seconds: bool = False) -> str:
    """A time as the day is written beside it, to the minute (or the second): 2026年12月4日 08:37 / 4 Dec
    2026 08:37, in Japan's time. Stored ISO text without a zone is Japan's wall-clock time already (the
    loads'); with one (the audit log's UTC), it is turned to Japan's. — without one."""
    if not stamp:
        return "—"
    at = datetime.fromisoformat(stamp)
    if at.tzinfo is not None:
        at = at.astimezone(TOKYO)
    return f"{day(at.date(), lang)} {at:%H:%M:%S}" if seconds else f"{day(at.date(), lang)} {at:%H:%M}"


def year_cut(fy: int, as_of: date | None, lang: str) -> str:
    """The day a year's figures to date stand at: the end of a complete year (2025年度末 / the end of
    FY2025), the latest day of the data in a year in progress (2026年11月30日 / 30 Nov 2026), never "the
    end" of a year that has not ended."""
    if as_of is not None and as_of < fiscal_year_end(fy):
        return day(as_of, lang)
    return f"{fiscal_year(fy, lang)}末" if lang == "ja" else f"the end of {fiscal_year(fy, lang)}"


def year_cut_of(kpis: dict | None, fy: int, lang: str) -> str:
    """year_cut as a year's headline figures (etl.metrics.kpis) place it: at the data's latest day while
    the year is in progress, else at its end. The one place the pages and the briefing decide it."""
    in_progress = kpis is not None and not kpis["year_complete"] and kpis["as_of"]
    return year_cut(fy, date.fromisoformat(kpis["as_of"]) if in_progress else None, lang)


def month_label(month: int, lang: str) -> str:
    if lang == "ja":
        return f"{month}月"
    return ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]


FISCAL_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3]


def year_to_date(as_of: date, lang: str) -> str:
    """The months of a fiscal year in progress: 4–10月 / Apr–Oct."""
    if lang == "ja":
        return f"4–{as_of.month}月"
    return f"{month_label(4, lang)}–{month_label(as_of.month, lang)}"


# a figure written out as text: 1,234, 47.6, -3, or — for a cell hidden from a role (privacy.as_text),
# with the units this module writes (2,266人, 13.0万時間, ¥14.55bn, 129,834 h, 94.4%, -8 depts, -8所属: the
# briefing's tables); a code of digits (000123) is no figure, nor a year (2025年度), nor words after one
_UNIT = r"(?:%|人|件|本|所属|時間|万時間|円|万円|億円|日|チーム| h| pt|ポイント|bn|m| days?| depts?)?"
_WRITTEN_FIGURE = re.compile(rf"[+\-−]?¥?(?:0|[1-9][\d,]*)(?:\.\d+)?{_UNIT}|—")


def is_written_figure(text: str) -> bool:
    """Whether a table's text cell holds a figure (set right, as numbers are), on the pages and slides."""
    return bool(_WRITTEN_FIGURE.fullmatch(text))
