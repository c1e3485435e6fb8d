"""Fiscal years (April-March, 年度) and the dates that cut a year in progress (contract 4.1)."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

TOKYO = ZoneInfo("Asia/Tokyo")
# Pins "today" (YYYY-MM-DD) for the tests and for a demo of another day; unset, the clock in Japan decides.
TODAY_VARIABLE = "DXDASH_TODAY"


def fiscal_year_of(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def date_in_fiscal_year(fiscal_year: int, month: int, day: int) -> date:
    """The date of a month and day within a fiscal year (January-March fall in the next calendar year)."""
    return date(fiscal_year if month >= 4 else fiscal_year + 1, month, day)


def to_wareki(fiscal_year: int) -> str:
    """令和6年度 style label for a fiscal year (used by the demo and the UI)."""
    for era, base in (("令和", 2019), ("平成", 1989), ("昭和", 1926)):
        if fiscal_year >= base:
            n = fiscal_year - base + 1
            return f"{era}{'元' if n == 1 else n}年度"
    return f"{fiscal_year}年度"


def fiscal_year_start(fiscal_year: int) -> date:
    return date(fiscal_year, 4, 1)


def fiscal_year_end(fiscal_year: int) -> date:
    return date(fiscal_year + 1, 3, 31)


def days_in_year(fiscal_year: int) -> int:
    return (fiscal_year_end(fiscal_year) - fiscal_year_start(fiscal_year)).days + 1


def today_in_japan() -> date:
    """The one "today" of the product: the day in Japan, or the day DXDASH_TODAY pins."""
    pinned = os.environ.get(TODAY_VARIABLE, "").strip()
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError:
            raise ValueError(f"{TODAY_VARIABLE} must be a date written YYYY-MM-DD, not {pinned!r}") from None
    return datetime.now(TOKYO).date()


def now_in_japan() -> datetime:
    """The moment in Japan, as a wall-clock time without a zone (2026-12-05 06:09:48): what the load log,
    the loads table and the last load's time record, whatever zone the server's clock is set to."""
    return datetime.now(TOKYO).replace(tzinfo=None)


def same_day_a_year_before(day: date) -> date:
    """The same month and day a year earlier; 29 February reads as 28 February."""
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def cut_a_year_before(fiscal_year: int, day: date | None) -> date:
    """Where FY N-1 is cut to compare it with FY N seen up to `day` (前年同期).

    A day before FY N began means nothing of FY N has happened, so nothing of FY N-1 counts either;
    a day after it ended means the whole year.
    """
    start, end = fiscal_year_start(fiscal_year), fiscal_year_end(fiscal_year)
    if day is None or day >= end:
        return fiscal_year_end(fiscal_year - 1)
    if day < start:
        return fiscal_year_start(fiscal_year - 1) - timedelta(days=1)
    return same_day_a_year_before(day)


def month_a_year_before(day: date) -> date:
    """The first day of `day`'s month a year earlier: the last month of a year in progress's same period
    the year before, for monthly figures (2026-11-30 -> 2025-11-01)."""
    return date(day.year - 1, day.month, 1)
