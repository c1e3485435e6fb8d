"""Every date, fiscal-year and number spelling of the contract, and property tests of the date parser."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from etl import kinds
from etl.normalize import clean, header_key, parse_date, parse_fiscal_year, parse_value


@pytest.mark.parametrize(
    "text",
    [
        "2024-04-01",
        "2024/4/1",
        "2024.4.1",
        "2024年4月1日",
        "令和6年4月1日",
        "R6.4.1",
        "R06.04.01",
        "r6.4.1",
        "２０２４／４／１",
        "2024-04-01 09:30",
        "2024/4/1 9:30:00",
        "令和6年4月1日 10:00",
        "2024-04-01T00:00:00",
        "2024-04-01T08:59:59+09:00",
    ],
)
def test_every_spelling_of_the_first_day_of_fy2024(text):
    assert parse_date(clean(text)) == (date(2024, 4, 1), "day", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("平成31年4月30日", date(2019, 4, 30)),
        ("H31.4.30", date(2019, 4, 30)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("R1.5.1", date(2019, 5, 1)),
        ("昭和64年1月7日", date(1989, 1, 7)),
    ],
)
def test_era_dates(text, expected):
    assert parse_date(text)[0] == expected


def test_kintone_utc_datetime_on_the_fiscal_year_boundary_is_taken_in_tokyo_time():
    # 2024-03-31 15:30 UTC is 2024-04-01 00:30 in Tokyo: FY2024, not FY2023
    assert parse_date("2024-03-31T15:30:00Z")[0] == date(2024, 4, 1)
    assert parse_date("2024-03-31T14:59:59Z")[0] == date(2024, 3, 31)
    assert parse_date("2024-03-31T23:30:00-05:00")[0] == date(2024, 4, 1)


@pytest.mark.parametrize("text", ["2024-04", "2024/4", "2024年4月", "R6.4", "令和6年4月"])
def test_a_month_means_its_first_day_where_the_column_allows_a_month(text):
    assert parse_value(kinds.DATE_OR_MONTH, text) == (date(2024, 4, 1), "month", None)
    assert parse_value(kinds.DATE, text) == (None, None, "month_not_allowed")


@pytest.mark.parametrize("text", ["2024-02-30", "2024/13/1", "R6.4.31", "yesterday", "2024", "令和0年1月1日"])
def test_impossible_or_unreadable_dates_are_errors(text):
    value, _, error = parse_value(kinds.DATE, text)
    assert value is None and error in ("bad_date", "month_not_allowed")


@pytest.mark.parametrize(
    "text", ["2024", "2024年度", "FY2024", "fy2024", "令和6年度", "R6年度", "R6", "Ｒ６年度"]
)
def test_every_fiscal_year_spelling(text):
    assert parse_fiscal_year(clean(text)) == (2024, None)


def test_first_year_of_an_era_is_gannen():
    assert parse_fiscal_year("令和元年度") == (2019, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234", 1234),
        ("￥1,200", 1200),
        ("¥1,200", 1200),
        ("1,200円", 1200),
        ("30分", 30),
        ("12件", 12),
        ("1.5時間", 1.5),
        ("１２３", 123),
        (" 7 ", 7),
    ],
)
def test_number_spellings(text, expected):
    assert parse_value(kinds.NUMBER, text)[0] == expected


def test_negative_and_fractional_counts_are_errors():
    assert parse_value(kinds.COUNT, "-1")[2] == "negative"
    assert parse_value(kinds.COUNT, "1.5")[2] == "not_whole"
    assert parse_value(kinds.NUMBER, "abc")[2] == "bad_number"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("bronze", "bronze"),
        ("ブロンズ", "bronze"),
        ("Silver", "silver"),
        ("シルバー", "silver"),
        ("GOLD", "gold"),
    ],
)
def test_level_names(text, level):
    assert parse_value(kinds.LEVEL, text)[0] == level


def test_unknown_level_is_an_error():
    assert parse_value(kinds.LEVEL, "プラチナ")[2] == "bad_level"


def test_codes_keep_leading_zeros_and_full_width_digits_read_half_width():
    assert parse_value(kinds.CODE, "0101")[0] == "0101"
    assert parse_value(kinds.CODE, "０１０１")[0] == "0101"
    assert parse_value(kinds.CODE, "101.0")[0] == "101"


def test_empty_cell_is_missing():
    assert parse_value(kinds.DATE, "  ") == (None, None, None)


def test_headers_compare_after_nfkc_trim_and_casefold():
    assert header_key(" 受講時間（分） ") == header_key("受講時間(分)")
    assert header_key("Staff_ID") == header_key("staff_id")
    # the e-learning service's English headers with spaces are the contract's snake-case names
    assert header_key("Course Last Accessed Date") == header_key("course_last_accessed_date")
    assert header_key("User  External-ID") == header_key("user_external_id")
    assert header_key("E-mail") == header_key("e mail") != header_key("email")


def _wareki(day: date, style: int) -> str:
    era, base, letter = ("令和", 2019, "R") if day >= date(2019, 5, 1) else ("平成", 1989, "H")
    n = day.year - base + 1
    return [
        f"{era}{'元' if n == 1 else n}年{day.month}月{day.day}日",
        f"{letter}{n}.{day.month}.{day.day}",
        f"{letter}{n:02d}.{day.month:02d}.{day.day:02d}",
    ][style]


@given(st.dates(min_value=date(1989, 1, 8), max_value=date(2099, 12, 31)), st.integers(0, 2))
def test_wareki_spellings_read_back_as_the_same_day(day, style):
    assert parse_date(_wareki(day, style)) == (day, "day", None)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.sampled_from(["-", "/", "."]))
def test_gregorian_spellings_read_back_as_the_same_day(day, separator):
    text = f"{day.year}{separator}{day.month}{separator}{day.day}"
    assert parse_date(text) == (day, "day", None)
    assert parse_date(f"{day.year}年{day.month}月{day.day}日")[0] == day


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)))
def test_utc_datetimes_take_the_tokyo_date(moment):
    text = moment.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    expected = (moment.replace(microsecond=0, tzinfo=UTC) + timedelta(hours=9)).date()
    assert parse_date(text)[0] == expected


@given(st.text(max_size=20))
def test_the_parser_never_raises(text):
    for type_ in (kinds.DATE, kinds.DATE_OR_MONTH, kinds.FISCAL_YEAR, kinds.NUMBER, kinds.COUNT, kinds.LEVEL):
        parse_value(type_, text)


def test_an_address_reads_lower_cased_from_full_width_and_padded_text_and_a_broken_one_is_no_address():
    assert parse_value(kinds.EMAIL, " ＴＡＲＯ．Ｙａｍａｄａ＠Ｃｉｔｙ．ｅｘａｍｐｌｅ ") == (
        "taro.yamada@city.example",
        None,
        None,
    )
    for broken in ("taro yamada@city.example", "taro@@city.example", "@city.example", "taro@"):
        assert parse_value(kinds.EMAIL, broken) == (None, None, "bad_email")


# printable ASCII with the odd full-width letter, space, tab and Excel's `101.0`: the texts a code,
# text or address column holds
_CELLS = st.lists(st.sampled_from(list("Ab9-_.@ 1０ａ\t") + [".0"]), min_size=1, max_size=8).map("".join)


@given(_CELLS, st.sampled_from([kinds.CODE, kinds.TEXT, kinds.EMAIL]))
def test_a_value_the_staging_takes_as_already_canonical_is_what_the_parser_makes_of_it(raw, type_):
    from etl.staging import _already_canonical

    if _already_canonical(type_, [raw]):
        assert parse_value(type_, raw) == (raw, None, None)


def _plain_one_by_one(type_: str, raw: str) -> bool:
    """The definition value by value: printable ASCII, no space at either end, and for a code not Excel's
    `101.0`, for an address lower-case and an address."""
    from etl.normalize import EMAIL_FORM

    plain = raw.isascii() and raw.isprintable() and raw == raw.strip()
    if type_ == kinds.CODE:
        return plain and not (raw.endswith(".0") and raw[:-2].isdigit())
    if type_ == kinds.EMAIL:
        return plain and raw == raw.lower() and EMAIL_FORM.fullmatch(raw) is not None
    return plain


@given(
    st.lists(
        st.one_of(_CELLS, st.sampled_from(["", " ", "a\x1fb", "\x1f", "12.0", "ab ", " ab"])), max_size=6
    ),
    st.sampled_from([kinds.CODE, kinds.TEXT, kinds.EMAIL]),
)
def test_many_values_are_already_canonical_exactly_when_each_of_them_is(values, type_):
    # the values are looked at joined, at once: a separator or a space beside one must not mislead
    from etl.staging import _already_canonical

    assert _already_canonical(type_, values) == all(_plain_one_by_one(type_, raw) for raw in values)


@pytest.mark.parametrize(
    "type_, raw, canonical",
    [
        (kinds.CODE, "K100123", True),
        (kinds.CODE, "101.0", False),  # Excel's number cell: the parser makes it 101
        (kinds.CODE, " K1", False),
        (kinds.TEXT, "Excel basics", True),
        (kinds.TEXT, "Ｅｘｃｅｌ", False),  # full-width: NFKC changes it
        (kinds.EMAIL, "taro@city.example", True),
        (kinds.EMAIL, "Taro@City.example", False),  # lower-cased by the parser
        (kinds.EMAIL, "no address", False),
    ],
)
def test_already_canonical_values_are_found_without_the_parser(type_, raw, canonical):
    from etl.staging import _already_canonical

    assert _already_canonical(type_, [raw]) is canonical
