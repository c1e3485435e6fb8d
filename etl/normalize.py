"""Reading one cell value: NFKC, every date and fiscal-year spelling of the contract, money, units."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone

from etl import kinds
from etl.fiscal import TOKYO

# Era name -> the Gregorian year of its first year (元年).
ERAS = {
    "明治": 1868,
    "大正": 1912,
    "昭和": 1926,
    "平成": 1989,
    "令和": 2019,
    "m": 1868,
    "t": 1912,
    "s": 1926,
    "h": 1989,
    "r": 2019,
}
_ERA = r"(?P<era>明治|大正|昭和|平成|令和|[MTSHRmtshr])\s*(?P<eyear>元|\d{1,2})"
_SEP = r"\s*[-/.]\s*"
_TIME = r"(?:[ Tt]\s*(?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?P<tz>[Zz]|[+-]\d{2}:?\d{2})?)?"

_PATTERNS = [
    # 2024-04-01, 2024/4/1, 2024.4.1, with an optional time and offset
    re.compile(rf"^(?P<year>\d{{4}}){_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<day>\d{{1,2}}){_TIME}$"),
    # 2024年4月1日
    re.compile(rf"^(?P<year>\d{{4}})\s*年\s*(?P<month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日{_TIME}$"),
    # 令和6年4月1日, 令和元年5月1日
    re.compile(rf"^{_ERA}\s*年\s*(?P<month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日{_TIME}$"),
    # R6.4.1, R06.04.01, H31/4/30
    re.compile(rf"^{_ERA}{_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<day>\d{{1,2}}){_TIME}$"),
]
_MONTH_PATTERNS = [
    re.compile(rf"^(?P<year>\d{{4}}){_SEP}(?P<month>\d{{1,2}})$"),
    re.compile(r"^(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月$"),
    re.compile(rf"^{_ERA}\s*年\s*(?P<month>\d{{1,2}})\s*月$"),
    re.compile(rf"^{_ERA}{_SEP}(?P<month>\d{{1,2}})$"),
]
_FY_PATTERNS = [
    re.compile(r"^(?:fy\s*)?(?P<year>\d{4})(?:\s*年度)?$"),
    re.compile(rf"^{_ERA}(?:\s*年度)?$"),
]

LEVELS = {
    "bronze": "bronze",
    "ブロンズ": "bronze",
    "silver": "silver",
    "シルバー": "silver",
    "gold": "gold",
    "ゴールド": "gold",
}
ATTENDANCE = {"出席": "attended", "attended": "attended", "欠席": "absent", "absent": "absent"}
RESULTS = {
    "合格": "pass",
    "pass": "pass",
    "不合格": "fail",
    "fail": "fail",
    "再提出": "resubmit",
    "resubmit": "resubmit",
}
STATUSES = {
    "検討中": "idea",
    "idea": "idea",
    "開発中": "building",
    "building": "building",
    "実装済": "live",
    "実装済み": "live",
    "live": "live",
}
_UNIT_SUFFIXES = ("時間", "円", "分", "件")


# control characters no text means (and no .xlsx may hold): all of C0 but tab, line feed and carriage return
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean(value: object) -> str | None:
    """NFKC-normalise, drop control characters and trim; an empty cell is None."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = CONTROL_CHARACTERS.sub("", unicodedata.normalize("NFKC", str(value))).strip()
    return text or None


# a run of spaces, underscores and hyphens in a header reads as one space (contract section 2): the SaaS
# services write `Course Last Accessed Date` where the contract says `course_last_accessed_date`
_HEADER_SEPARATORS = re.compile(r"[\s_\-]+")


def header_key(name: object) -> str:
    """How headers are compared: NFKC, trimmed, case-folded, separators as one space."""
    text = unicodedata.normalize("NFKC", str(name or "")).casefold()
    return _HEADER_SEPARATORS.sub(" ", text).strip()


def _year(groups: dict) -> int:
    if groups.get("year"):
        return int(groups["year"])
    era = groups["era"]
    base = ERAS[era if len(era) > 1 else era.lower()]
    eyear = 1 if groups["eyear"] == "元" else int(groups["eyear"])
    if eyear < 1:
        raise ValueError("era year 0")
    return base + eyear - 1


def _tz_date(day: date, time_text: str | None, tz_text: str | None) -> date:
    """A datetime with an offset (kintone writes UTC) is converted to Tokyo time before its date."""
    if not tz_text or not time_text:
        return day
    parts = [float(p) for p in time_text.split(":")]
    hour, minute, second = (parts + [0.0, 0.0])[:3]
    if tz_text in ("Z", "z"):
        offset = UTC
    else:
        sign = -1 if tz_text[0] == "-" else 1
        digits = tz_text[1:].replace(":", "")
        offset = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    moment = datetime(day.year, day.month, day.day, tzinfo=offset) + timedelta(
        hours=hour, minutes=minute, seconds=second
    )
    return moment.astimezone(TOKYO).date()


def parse_date(text: str, allow_month: bool = False) -> tuple[date | None, str | None, str | None]:
    """Returns (date, granularity 'day'|'month', error code)."""
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            groups = match.groupdict()
            try:
                day = date(_year(groups), int(groups["month"]), int(groups["day"]))
                return _tz_date(day, groups.get("time"), groups.get("tz")), "day", None
            except (ValueError, OverflowError):
                return None, None, "bad_date"
    for pattern in _MONTH_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                first = date(_year(match.groupdict()), int(match["month"]), 1)
            except (ValueError, OverflowError):
                return None, None, "bad_date"
            if allow_month:
                return first, "month", None
            return None, None, "month_not_allowed"
    return None, None, "bad_date"


def parse_fiscal_year(text: str) -> tuple[int | None, str | None]:
    lowered = text.casefold()
    for pattern in _FY_PATTERNS:
        match = pattern.match(lowered if pattern is _FY_PATTERNS[0] else text)
        if match:
            try:
                year = _year(match.groupdict())
            except ValueError:
                return None, "bad_fiscal_year"
            if 1900 <= year <= 2200:
                return year, None
    return None, "bad_fiscal_year"


def parse_number(text: str, whole: bool = False) -> tuple[float | int | None, str | None]:
    body = text.replace(",", "").replace(" ", "")
    body = body.lstrip("¥\\")  # NFKC turns ￥ into ¥; a CP932 backslash is a yen sign
    for suffix in _UNIT_SUFFIXES:
        if body.endswith(suffix):
            body = body[: -len(suffix)]
            break
    try:
        number = float(body)
    except ValueError:
        return None, "bad_number"
    if math.isnan(number) or math.isinf(number):
        return None, "bad_number"
    if number < 0:
        return None, "negative"
    if whole:
        if number != int(number):
            return None, "not_whole"
        return int(number), None
    return number, None


def parse_code(text: str) -> str:
    """Codes stay text; an Excel number cell like 101.0 reads as 101."""
    if text.endswith(".0") and text[:-2].isdigit():
        return text[:-2]
    return text


EMAIL_FORM = re.compile(r"[^\s@]+@[^\s@]+")


def parse_email(text: str) -> tuple[str | None, str | None]:
    """An address as the contract compares it (section 2): NFKC and trimmed already, then lower-cased.
    Spaces inside or no `@` between two parts is no address."""
    address = text.lower()
    if not EMAIL_FORM.fullmatch(address):
        return None, "bad_email"
    return address, None


def _lookup(table: dict[str, str], error: str):
    def parse(text: str):
        value = table.get(text.casefold())
        return (value, None) if value else (None, error)

    return parse


_PARSERS = {
    kinds.LEVEL: _lookup(LEVELS, "bad_level"),
    kinds.ATTENDANCE: _lookup(ATTENDANCE, "bad_attendance"),
    kinds.RESULT: _lookup(RESULTS, "bad_result"),
    kinds.STATUS: _lookup(STATUSES, "bad_status"),
    kinds.FISCAL_YEAR: parse_fiscal_year,
    kinds.COUNT: lambda text: parse_number(text, whole=True),
    kinds.NUMBER: parse_number,
    kinds.YEN: parse_number,
    kinds.CODE: lambda text: (parse_code(text), None),
    kinds.TEXT: lambda text: (text, None),
    kinds.METRIC: lambda text: (text.casefold(), None),
    kinds.EMAIL: parse_email,
}


def parse_value(type_: str, raw: object) -> tuple[object, str | None, str | None]:
    """One raw cell -> (value, granularity, error code). An empty cell is (None, None, None)."""
    text = clean(raw)
    if text is None:
        return None, None, None
    if type_ in (kinds.DATE, kinds.DATE_OR_MONTH):
        return parse_date(text, allow_month=type_ == kinds.DATE_OR_MONTH)
    value, error = _PARSERS[type_](text)
    return value, None, error
