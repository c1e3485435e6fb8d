"""The words table and the formatting helpers: every key in both languages, figures read the same."""

import ast
import re
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from etl import settings
from etl.fiscal import fiscal_year_end
from etl.messages import MESSAGES
from presentation import fmt
from presentation.words import KIND_LABELS, LANGUAGES, PLURAL, PROGRAMME, STRINGS, WORDS, translate

ROOT = Path(__file__).resolve().parent.parent
# the callables that take a key first (translate takes the language first)
WORD_CALLS = {"t": 0, "words": 0, "said": 0, "msg": 0, "language": 0, "translate": 1}


def _built(key: ast.expr) -> bool:
    """A key made from pieces at run time: f"level_{x}", "level_" + x, "level_%s" % x, "{}".format(x)."""
    if isinstance(key, ast.JoinedStr):
        return True
    if isinstance(key, ast.BinOp) and isinstance(key.op, ast.Add | ast.Mod):
        return any(
            isinstance(side, ast.Constant) and isinstance(side.value, str) for side in (key.left, key.right)
        )
    return isinstance(key, ast.Call) and getattr(key.func, "attr", None) == "format"


def _walk(source: str, name: str = "<test>"):
    """The keys `source` passes to a words call, its tables of words by value, the calls whose key is
    built at run time, and every string constant in it."""
    calls, maps, built, constants = [], [], [], set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            constants.add(node.value)
        elif isinstance(node, ast.Call):
            callee = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
            position = WORD_CALLS.get(callee)
            if position is not None and len(node.args) > position:
                key = node.args[position]
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    calls.append(key.value)
                elif _built(key):
                    built.append(f"{name}:{node.lineno}")
        elif isinstance(node, ast.Dict) and node.values:
            values = [
                v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
            ]
            if len(values) == len(node.values) and set(values) & set(WORDS):
                maps.append(tuple(values))
    return calls, maps, built, constants


def _walk_code():
    calls, maps, built, constants = [], [], [], set()
    files = [ROOT / "dashboard.py"]
    files += [
        p
        for folder in ("etl", "presentation", "shell", "briefing", "app_pages")
        for p in (ROOT / folder).rglob("*.py")
    ]
    for path in files:
        found = _walk(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
        calls += found[0]
        maps += found[1]
        built += found[2]
        constants |= found[3]
    return calls, maps, built, constants


KEY_CALLS, WORD_MAPS, BUILT_KEYS, CONSTANTS = _walk_code()


def test_every_string_exists_in_japanese_and_english():
    # English has no counter words (人, 本): a unit may be empty in English only
    missing = [
        key
        for key, texts in WORDS.items()
        if set(texts) != set(LANGUAGES)
        or not texts["ja"]
        or (not texts["en"] and not key.startswith("unit_"))
    ]
    assert missing == []


def test_placeholders_match_between_languages():

    from presentation.words import _fields as fields

    assert [k for k, v in WORDS.items() if fields(v["ja"]) != fields(v["en"])] == []


def test_each_word_is_written_once():
    # the pages, the command line and the kinds share one table: a key written in two of its sources
    # would say the same thing in two ways
    sources = [set(STRINGS), set(MESSAGES), set(KIND_LABELS), set(PROGRAMME)]
    assert [key for key in WORDS if sum(key in source for source in sources) > 1] == []


def test_every_key_the_code_names_exists():
    assert sorted(set(KEY_CALLS) - set(WORDS)) == []
    # a table of words by value (LEVEL_WORDS, a table's column headers): all its values are keys
    assert [keys for keys in WORD_MAPS if set(keys) - set(WORDS)] == []


def test_every_key_is_named_somewhere_in_the_code():
    # a key nobody names is a word nobody reads; the kinds' words come from their registry (etl/kinds.py)
    dead = set(WORDS) - set(KIND_LABELS) - CONSTANTS
    assert sorted(dead) == []


def test_no_key_is_built_at_run_time():
    # t(f"level_{x}") hides its keys from the two tests above: a table of words by value names them instead
    assert BUILT_KEYS == []


def test_the_key_tests_can_fail():
    source = "t('no_such_word'); t(f'level_{x}'); C = {'a': 'col_app', 'b': 'col_nope'}\n"
    source += "t('status_' + s)\nwords('level_%s' % x)\nsaid('{}_help'.format(key))\nt(LEVEL_WORDS[x])\n"
    calls, maps, built, _ = _walk(source)
    assert calls == ["no_such_word"] and built == ["<test>:1", "<test>:2", "<test>:3", "<test>:4"]
    assert maps == [("col_app", "col_nope")]


def test_english_puts_the_right_form_after_a_figure():
    # "1 apps": a figure before a counted noun takes a plural form ({count|app|apps}); a rule's value and a
    # figure that is never one (a limit, a share) are exempt
    nouns = "apps|files|rows|ideas|projects|entries|departments|depts|courses|teams|themes|learners|days"
    never_one = set(settings.BY_NAME) | {"limit", "sample", "rest", "days", "hours", "per_100"}  # a rate
    bare = [
        key
        for key, texts in WORDS.items()
        for name in re.findall(rf"\{{(\w+)\}} (?:(?!of )[a-z-]+ )?(?:{nouns})\b", PLURAL.sub("", texts["en"]))
        if name not in never_one
    ]
    assert bare == []
    assert translate("en", "others_total", count="1", hours="3 h") == "The other 1 app together: 3 h"
    assert translate("en", "others_total", count="2", hours="3 h") == "The other 2 apps together: 3 h"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_rest_below_the_top_apps_counts_the_apps_that_saved_time(lang):
    """The register lists every app; "the other 2,896 apps" counted those not in use that year with the
    ones that saved time. Those that saved none are counted apart, and only where there are any."""
    from presentation.charts.hours import others_caption
    from presentation.words import Words

    apps = pd.DataFrame({"hours_saved": [50.0, 40.0, 3.0, 2.0, 0.0, 0.0, 0.0]})
    said = others_caption(apps, Words(lang), top=2)
    assert (
        said
        == {
            "ja": "上位20本以外の2本の合計: 5時間(このほか、この年度に削減時間のないアプリが3本あります)",
            "en": "The other 2 apps together: 5 h (3 more apps in the register saved no time this year)",
        }[lang]
    )
    assert "3" not in others_caption(apps.head(4), Words(lang), top=2).replace("上位20", "")


@pytest.mark.parametrize(
    ("value", "ja", "en"),
    [
        (10_019_000_000, "100.2億円", "¥10.02bn"),
        (12_340_000, "1,234万円", "¥12.3m"),
        (1_234, "1,234円", "¥1,234"),
        (None, "—", "—"),
    ],
)
def test_yen(value, ja, en):
    assert fmt.yen(value, "ja") == ja
    assert fmt.yen(value, "en") == en


def test_hours():
    assert fmt.hours(85_002.4, "ja") == "8.5万時間"
    assert fmt.hours(1_234, "ja") == "1,234時間"
    assert fmt.hours(85_002.4, "en") == "85,002 h"


def test_fiscal_year_labels():
    assert fmt.fiscal_year(2024, "ja") == "2024年度"
    assert fmt.fiscal_year(2024, "ja", wareki=True) == "2024年度(令和6年度)"
    assert fmt.fiscal_year(2019, "ja", wareki=True) == "2019年度(令和元年度)"
    assert fmt.fiscal_year(2024, "en") == "FY2024"
    assert fiscal_year_end(2024) == date(2025, 3, 31)


def test_signed_changes():
    assert fmt.signed(fmt.integer(12), 12) == "+12"
    assert fmt.signed(fmt.integer(-758), -758) == "-758"
    assert fmt.signed(fmt.yen(-4e8, "ja"), -4e8) == "-4.0億円"


def test_tables_show_dates_without_midnight_and_missing_values_as_empty_cells():
    import pandas as pd

    from shell.tables import translated

    frame = pd.DataFrame({"sheet": [None, "組織"], "day": pd.to_datetime(["2024-04-01", None])})
    shown = translated(frame, {"sheet": "col_sheet", "day": "col_certified_on"})
    assert shown.values.tolist() == [["", "2024-04-01"], ["組織", ""]]


def test_downloads_open_in_excel_and_never_run_a_formula():
    import io

    import openpyxl
    import pandas as pd

    from shell.tables import csv_bytes, xlsx_bytes

    frame = pd.DataFrame(
        {"アプリ名": ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "申請"], "件数": [1, 2, 3, 4, 5]}
    )
    csv = csv_bytes(frame)
    assert csv.startswith(b"\xef\xbb\xbf")
    lines = csv.decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines[2:5]] == ["'+1", "'-2", "'@SUM(A1)"]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(frame))).active
    assert [(c.value, c.data_type) for c in sheet["A"]][1:3] == [('=HYPERLINK("x")', "s"), ("+1", "s")]
    assert sheet["B2"].value == 1


def test_a_formula_behind_a_tab_or_a_line_break_is_neutralised_and_a_control_character_breaks_no_file():
    import csv as csv_module
    import io

    import openpyxl
    import pandas as pd

    from etl.normalize import clean
    from shell.tables import csv_bytes, xlsx_bytes

    raw = ["\t=1+1", '\r=HYPERLINK("http://x")', "\n-2", "a\x01b", "\x01=1"]
    frame = pd.DataFrame({"値": raw})
    cells = [row[0] for row in csv_module.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig")))][1:]
    assert cells == ["'\t=1+1", '\'\r=HYPERLINK("http://x")', "'\n-2", "ab", "'=1"]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(frame))).active  # openpyxl raised on \x01
    assert [c.value for c in sheet["A"]][1:] == ["\t=1+1", '\r=HYPERLINK("http://x")', "\n-2", "ab", "=1"]
    assert all(c.data_type == "s" for c in sheet["A"])
    assert clean("申\x01請\x1f\x7f") == "申請\x7f" and clean("\x00") is None  # on the way in


def test_change_on_the_previous_year_reads_like_the_figure():
    assert fmt.change(2734, 2332, fmt.integer, "ja") == "+402"
    assert fmt.change(85_273, 125_187, fmt.hours, "ja") == "-4.0万時間"
    assert fmt.change(18.96e9, 14.53e9, fmt.yen, "en") == "+¥4.43bn"
    assert fmt.change(1, None, fmt.integer, "ja") is None


def test_a_column_header_has_no_placeholder():
    # a table's headers are translated without parameters: "{fy}" would be shown as it is
    assert [
        key for key, texts in WORDS.items() if key.startswith("col_") and "{" in texts["ja"] + texts["en"]
    ] == []


def test_a_session_reruns_in_bursts_a_person_makes_but_a_flood_is_held_back():
    from shell import throttle

    state: dict = {}
    assert all(throttle.take(state, 0.0) for _ in range(throttle.BURST))  # a burst of clicks
    assert not throttle.take(state, 0.0) and not throttle.take(state, 0.1)  # then no more at once
    assert throttle.take(state, 0.1 + 1 / throttle.RATE)  # a token back after 1 / RATE seconds
    flood = sum(throttle.take(state, 10 + i / 100) for i in range(100))  # 100 reruns in a second
    assert flood <= throttle.BURST + throttle.RATE * 1 + 1


def test_one_briefing_prints_at_a_time_and_one_that_waits_too_long_is_told_so(monkeypatch):
    import threading
    import time

    from briefing import pdf

    running, most = [0], [0]
    lock = threading.Lock()

    def slow_print(deck):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.05)
        with lock:
            running[0] -= 1
        return b"%PDF"

    monkeypatch.setattr(pdf, "_print", slow_print)
    threads = [threading.Thread(target=pdf.write, args=(None,)) for _ in range(6)]  # six clicks at once
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert most[0] == pdf.PRINT_SLOTS == 1
    # every slot stays taken for PRINT_WAIT_S (a semaphore whose wait ends empty: a real wait with a
    # timeout never ends under faketime, which the suite is also run with)
    monkeypatch.setattr(pdf, "_printers", type("Taken", (), {"acquire": lambda self, timeout: False})())
    with pytest.raises(pdf.PrinterBusy):
        pdf.write(None)


def test_a_person_makes_lists_of_named_staff_only_so_fast_and_each_one_made_is_audited_once(tmp_path):
    from etl import audit
    from shell import downloads

    path = tmp_path / "audit.jsonl"
    made = downloads.personal_file(
        lambda: b"staff",
        "text/csv",
        "staff.csv",
        "flood@city.example",
        lambda: audit.record("flood@city.example", "download", {"table": "staff"}, path),
    )
    results = []
    for _ in range(100):  # a script that repeats the request
        try:
            results.append(made())
        except downloads.TooManyFiles:
            results.append(None)
    assert results[: downloads.BURST] == [b"staff"] * downloads.BURST and results[-1] is None
    assert len(audit.entries(path)) == results.count(b"staff") <= downloads.BURST + 1
    other = downloads.personal_file(lambda: b"x", "text/csv", "x.csv", "other@city.example", lambda: None)
    assert other() == b"x"  # another person is not held back
    assert len(downloads._pending) <= downloads.MAX_PENDING


def test_a_failed_print_says_why_in_words_and_never_shows_a_path(monkeypatch):
    import subprocess

    from briefing import pdf

    def times_out(command, **kwargs):
        raise subprocess.TimeoutExpired(command, 1)

    monkeypatch.setattr(pdf, "chromium", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(pdf, "html_document", lambda deck: "<html></html>")
    monkeypatch.setattr(subprocess, "run", times_out)
    with pytest.raises(pdf.PdfError) as failed:
        pdf.write(None)
    assert str(failed.value) == "print_failed" and str(failed.value) in pdf.REASONS
    from presentation.words import WORDS

    assert all(f"pdf_{reason}" in WORDS for reason in pdf.REASONS)


def test_an_audit_entry_with_a_lone_surrogate_is_written_and_read(tmp_path):
    from etl import audit

    path = tmp_path / "audit.jsonl"
    audit.record("a\ud800b", "load", {"file": "x\udcffy.csv"}, path)
    assert audit.read(path).entries[0]["actor"] == "a\ud800b" and audit.read(path).chain_holds


def test_a_file_made_is_read_three_times_with_or_without_its_extension_then_gone(monkeypatch):
    import threading

    from streamlit.runtime import memory_media_file_storage as store

    from shell import downloads

    class Storage:
        def __init__(self):
            self._files_by_id = {}

        def get_file(self, filename):
            try:
                return self._files_by_id[filename.rsplit(".", 1)[0]]
            except KeyError:
                raise store.MediaFileStorageError(filename) from None

    class Manager:
        def __init__(self):
            self._storage, self._lock, self._file_metadata = Storage(), threading.Lock(), {}

    manager = Manager()
    monkeypatch.setattr(downloads.runtime, "exists", lambda: True)
    monkeypatch.setattr(downloads, "_media", lambda: (manager, manager._storage))
    downloads.install()
    data = downloads.dropped_after_download(lambda: b"staff", "text/csv", "staff.csv")()
    file_id = store._calculate_file_id(data, "text/csv", "staff.csv")
    manager._storage._files_by_id[file_id] = "the file"  # what Streamlit stores after the call
    reads = [manager._storage.get_file(name) for name in (file_id, f"{file_id}.csv", file_id)]
    assert reads == ["the file"] * downloads.FETCHES
    with pytest.raises(store.MediaFileStorageError):
        manager._storage.get_file(f"{file_id}.csv")
    assert file_id not in manager._storage._files_by_id


def test_files_past_their_time_go_first_and_the_list_never_holds_more_than_its_bound(monkeypatch):
    from shell import downloads

    monkeypatch.setattr(downloads, "_pending", {})
    monkeypatch.setattr(downloads, "MAX_PENDING", 3)
    downloads._pending.update({"old1": [3, 1.0], "old2": [3, 2.0], "a": [3, 99.0], "b": [3, 99.0]})
    downloads._pending.update({"c": [3, 99.0], "d": [3, 99.0]})
    gone = downloads._expired(10.0)
    # the two past their time, and the oldest one beyond the bound of three
    assert gone == ["old1", "old2", "a"] and list(downloads._pending) == ["b", "c", "d"]


@pytest.mark.parametrize(
    ("lang", "expected"), [("ja", ["利用件数", "認定区分", "other"]), ("en", ["uses", "level", "other"])]
)
def test_a_set_aside_rows_column_is_named_as_the_export_heads_it(lang, expected):
    import pandas as pd

    from presentation.charts.quality import issues_table
    from presentation.words import Words

    frame = pd.DataFrame(
        {
            "kind": ["app_usage", "certifications", "app_usage"],
            "severity": ["quarantine", "quarantine", "warning"],
            "column_name": ["uses", "level", "other"],  # "other": a column this version does not know
        }
    )
    assert issues_table(frame, Words(lang))["column_name"].tolist() == expected


def test_a_funnel_s_table_has_one_row_per_step_with_its_count_even_where_two_steps_count_alike():
    # a funnel lies on its side by default: its steps are on y, its counts on x
    import pandas as pd

    from presentation.charts.base import figure_table
    from presentation.charts.ideas import pipeline
    from presentation.words import Words

    said = Words("en")
    row = pd.Series({"submitted": 40, "passed": 25, "taken_up": 25, "building": 9, "live": 6})
    table = figure_table(pipeline(row, 2025, said))
    assert table.iloc[:, 0].tolist() == [40, 25, 25, 9, 6]
    assert len(set(table.index)) == 5 and all(isinstance(step, str) for step in table.index)


def _dataframe_calls(source: str) -> list[ast.Call]:
    return [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "dataframe"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "st"
    ]


def _shows_missing_as_empty(call: ast.Call) -> bool:
    return any(
        k.arg == "placeholder" and isinstance(k.value, ast.Constant) and k.value.value == ""
        for k in call.keywords
    )


def test_every_table_shows_a_missing_value_as_an_empty_cell_not_the_word_none():
    # Streamlit writes "None" in a missing cell unless told otherwise: English on a Japanese page
    sources = [*ROOT.glob("app_pages/*.py"), *ROOT.glob("shell/*.py"), ROOT / "dashboard.py"]
    calls = [
        (path.name, call) for path in sources for call in _dataframe_calls(path.read_text(encoding="utf-8"))
    ]
    assert len(calls) >= 7
    assert [(name, call.lineno) for name, call in calls if not _shows_missing_as_empty(call)] == []
    # the check itself can fail
    assert not _shows_missing_as_empty(_dataframe_calls("st.dataframe(frame, hide_index=True)")[0])


AUDITED = [
    {"at": "2026-12-01T00:00:00Z", "actor": "a@city.example", "action": "sign_in",
     "detail": {"role": "data_admin", "mode": "oidc"}},
    {"at": "2026-12-01T00:01:00Z", "actor": "a@city.example", "action": "load",
     "detail": {"snapshot": "s2.duckdb", "files": [
         {"file": "usage.csv", "kind": "app_usage", "status": "loaded"},
         {"file": "broken.xlsx", "kind": None, "status": "rejected"}]}},
    {"at": "2026-12-01T00:02:00Z", "actor": "a@city.example", "action": "load",
     "detail": {"snapshot": None, "outcome": "refused", "files": [{"file": "x.csv", "kind": None, "status": "rejected"}]}},
    {"at": "2026-12-01T00:03:00Z", "actor": "a@city.example", "action": "mapping",
     "detail": {"kind": "app_usage", "column": "uses", "header": "count"}},
    {"at": "2026-12-01T00:04:00Z", "actor": "a@city.example", "action": "download",
     "detail": {"table": "people", "format": "xlsx", "rows": 1234}},
    {"at": "2026-12-01T00:05:00Z", "actor": "a@city.example", "action": "undo",
     "detail": {"restored": "s1.duckdb", "undone": "s2.duckdb"}},
    {"at": "2026-12-01T00:06:00Z", "actor": "a@city.example", "action": "load", "detail": {"files": "not a list"}},
]  # fmt: skip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_audit_log_is_written_out_in_the_reader_s_language(lang):
    from presentation.charts.quality import audit_table
    from presentation.words import Words

    table = audit_table(AUDITED, Words(lang))
    # recorded in UTC, read in Japan's time to the second, as the loads' times are; newest first
    assert table["at"].iloc[-1] == {"ja": "2026年12月1日 09:00:00", "en": "1 Dec 2026 09:00:00"}[lang]
    assert list(table["at"]) == [fmt.moment(e["at"], lang, seconds=True) for e in reversed(AUDITED)]
    recorded = [e["at"] for e in reversed(AUDITED)]  # the entries below by the stamps they were recorded at
    detail = dict(zip(recorded, table["detail"], strict=True))
    action = dict(zip(recorded, table["action"], strict=True))
    japanese = re.compile("[ぁ-んァ-ン一-龯]")
    for at, text in [*detail.items(), *action.items()]:
        if at != "2026-12-01T00:06:00Z":  # of no shape this version knows: as recorded
            assert bool(japanese.search(text)) == (lang == "ja"), text
            assert "{" not in text, text
    expected = {
        "ja": [
            "役割: データ管理者、方法: シングルサインオン(OIDC)",
            "usage.csv(アプリ利用実績・取込済)、broken.xlsx(種類不明・取込不可) → スナップショット s2.duckdb",
            "people.xlsx(1,234行)",
        ],
        "en": [
            "Role: Data administrator, through single sign-on (OIDC)",
            "usage.csv (App usage, loaded); broken.xlsx (kind unknown, rejected) → snapshot s2.duckdb",
            "people.xlsx (1,234 rows)",
        ],
    }[lang]
    assert [
        detail["2026-12-01T00:00:00Z"],
        detail["2026-12-01T00:01:00Z"],
        detail["2026-12-01T00:04:00Z"],
    ] == expected
    assert (
        "count" in detail["2026-12-01T00:03:00Z"]
        and ("利用件数" if lang == "ja" else "uses") in detail["2026-12-01T00:03:00Z"]
    )
    assert detail["2026-12-01T00:06:00Z"] == '{"files": "not a list"}'


def test_charts_whose_traces_would_not_read_as_a_table_give_one_of_their_own():
    import pandas as pd

    from presentation.charts import apps, ideas, impact, talent
    from presentation.charts.base import figure_table
    from presentation.words import Words

    said = Words("en")
    # a box plot: per year, the projects and their fewest, median and most days (its points read as one)
    live = pd.DataFrame({"live_fiscal_year": [2024, 2024, 2024, 2025], "days_idea_to_live": [30, 90, 60, 200],
                         "theme": ["a", "b", "c", "d"]})  # fmt: skip
    box = ideas.time_to_live_table(live, said)
    assert box.loc["FY2024"].tolist() == [3, 30, 60, 90] and box.loc["FY2025"].tolist() == [1, 200, 200, 200]
    # the median of an even count is a whole day, halves up (391.5 days read oddly beside whole days)
    even = pd.DataFrame({"live_fiscal_year": [2024] * 4, "days_idea_to_live": [30, 391, 392, 500]})
    assert ideas.time_to_live_table(even, said).loc["FY2024"].tolist() == [4, 30, 392, 500]
    # an event study: the estimate and both edges of its interval (the band read as its upper edge)
    estimates = pd.DataFrame({"outcome": ["built_share"] * 3, "event_month": [-1, 0, 1],
                              "estimate": [0.0, 0.01, 0.05], "lower": [None, -0.01, 0.02], "upper": [None, 0.03, 0.08]})  # fmt: skip
    study = impact.event_study_table(estimates, "built_share", said)
    assert list(study.columns) == ["Estimate", "95% interval, lower", "95% interval, upper"]
    scale = impact.EVENT_STUDY_OUTCOMES["built_share"][2]
    assert study.iloc[2].tolist() == [round(0.05 * scale, 2), round(0.02 * scale, 2), round(0.08 * scale, 2)]
    # a curve of 2,900 points: a row per tenth of the apps
    hours = pd.Series(sorted(range(1, 2901), reverse=True), dtype=float)
    cumulative = hours.cumsum() / hours.sum()
    curve = apps.pareto_table(cumulative, said)
    assert len(curve) == 10 and curve.iloc[-1].tolist() == [2900, 100.0]
    assert curve.loc["Top 10% of apps"].tolist() == [290, round(float(cumulative.iloc[289]) * 100, 1)]
    # a treemap: each department under its bureau with what its colour says, and no column of its key
    coverage = pd.DataFrame({"bureau_name": ["総務局", "総務局"], "dept_code": ["0101", "0102"], "dept_name": ["総務課", "人事課"],
                             "staff": [40, 12], "leaders_nominated": [2, 0], "dx_talent": [5, 1]})  # fmt: skip
    table = talent.coverage_table(coverage, said)
    assert table.loc["人事課"].tolist() == ["総務局", 12, 0, 1]
    treemap = talent.coverage_treemap(coverage, 2024, said)
    generic = figure_table(treemap)
    # the legend's colour key has no figures; the one series is named by the chart's title, never "1"
    assert list(generic.columns) == [treemap.layout.title.text]
    # inside its bureau's box a department is named without its bureau (short enough for a small box),
    # and the hover names it whole; a label too small to read is hidden, not shrunk
    named = talent.coverage_treemap(coverage.assign(dept_name=["総務局監査課", "人事課"]), 2024, said)
    assert list(named.data[0].labels) == ["総務局", "監査課", "人事課"]
    ward = coverage.assign(bureau_name="若松区役所", dept_name=["若松区戸籍住民登録係", "若松区"])
    assert list(talent.coverage_treemap(ward, 2024, said).data[0].labels) == [
        "若松区役所",
        "戸籍住民登録係",
        "若松区",
    ]
    assert named.data[0].customdata[1].startswith("総務局監査課<br>")
    assert named.layout.uniformtext.mode == "hide" and named.layout.uniformtext.minsize >= 9


def test_a_chart_s_table_says_what_its_figures_are_and_writes_them_as_a_person_reads_them():
    import pandas as pd

    from presentation.charts.base import figure_formats, figure_table
    from presentation.charts.costs import cost_components
    from presentation.words import Words

    said = Words("ja")
    kpis = pd.DataFrame({"fiscal_year": [2024, 2025], "cost_avoided_cumulative_yen": [1.0e9, 2.5e9],
                         "cost_initial_yen": [0.8e9, 2.0e9], "cost_running_yen": [0.15e9, 0.35e9],
                         "cost_maintenance_yen": [0.05e9, 0.15e9]})  # fmt: skip
    figure = cost_components(kpis, said)
    table = figure_table(figure)
    assert table.attrs["values"] == figure.layout.yaxis.title.text  # the unit (億円) the figures are in
    assert said("series_total") in table.columns  # the totals over the bars, named
    frame = pd.DataFrame(
        {"whole": [1200.0, 3.0], "large": [57.14, 100.0], "small": [0.083, -1.2], "words": ["a", "b"]}
    )
    assert figure_formats(frame) == {"whole": "{:,.0f}", "large": "{:,.1f}", "small": "{:,.2f}"}


def test_a_chart_table_names_its_one_series_and_writes_months_as_months():
    """A chart of one unnamed series gave a column headed "1", and a monthly chart rows headed
    2021-04-01T00:00:00.000000."""
    import datetime

    import pandas as pd
    import plotly.graph_objects as go

    from presentation.charts.base import figure_table

    months = go.Figure(go.Bar(x=pd.date_range("2021-04-01", periods=3, freq="MS"), y=[4, 5, 6]))
    months.update_layout(yaxis_title="アプリ数(件)")
    assert figure_table(months).to_dict() == {"アプリ数(件)": {"2021-04": 4, "2021-05": 5, "2021-06": 6}}
    days = go.Figure(go.Scatter(x=[datetime.date(2024, 4, 3), datetime.date(2024, 4, 4)], y=[1, 2], name="s"))
    assert list(figure_table(days).index) == ["2024-04-03", "2024-04-04"]
    bureaus = go.Figure(go.Bar(x=[3, 2], y=["2024-04-01 局", "局B"], orientation="h"))
    bureaus.update_layout(title="提出件数(局別)")
    assert figure_table(bureaus).to_dict() == {"提出件数(局別)": {"2024-04-01 局": 3, "局B": 2}}


def test_the_cost_band_s_table_names_its_edges_low_and_high_not_by_the_band_s_legend():
    import pandas as pd

    from presentation.charts.base import figure_table
    from presentation.charts.costs import cost_band
    from presentation.words import Words

    frame = pd.DataFrame(
        {"fiscal_year": [2024, 2025], "cost_avoided_cumulative_yen": [1e9, 2e9], "low_yen": [8e8, 1.6e9],
         "high_yen": [1.2e9, 2.4e9]}
    )  # fmt: skip
    for lang in ("ja", "en"):
        said = Words(lang)
        table = figure_table(cost_band(frame, 0.8, 1.2, said))
        assert list(table.columns) == [said("band_high"), said("band_low"), said("band_base")]


def test_a_funnel_with_no_certification_loaded_for_its_year_gives_no_rate_rather_than_zero():
    """FY2026's Silver certifications come in at the year's end: the funnel said data was missing and its
    table 0.0% certified in every bureau."""
    import pandas as pd

    from presentation.charts import talent
    from presentation.words import Words

    frame = pd.DataFrame(
        {"bureau_name": ["総務局"], "nominated": [20], "trained": [18], "submitted": [15], "certified": [0],
         "has_nominated": [True], "has_trained": [True], "has_submitted": [True], "has_certified": [False]}
    )  # fmt: skip
    table = talent.funnel_table(frame, Words("ja"))
    assert table["conversion"].tolist() == ["—"]
    assert "conversion" not in talent.funnel_columns(frame.iloc[0])
    loaded = frame.assign(certified=[12], has_certified=[True])
    assert talent.funnel_table(loaded, Words("ja"))["conversion"].tolist() == ["60.0%"]
    assert "conversion" in talent.funnel_columns(loaded.iloc[0])


def test_every_chart_writes_its_axes_figures_in_full_with_separators():
    import plotly.graph_objects as go

    from presentation.charts.base import layout

    figure = layout(go.Figure(go.Bar(x=[15_000, 120_000], y=["A", "B"], orientation="h")), "t", "x", "y")
    for axis in (figure.layout.xaxis, figure.layout.yaxis):
        assert axis.separatethousands and axis.exponentformat == "none"  # 15,000, never 15k


def test_a_hover_says_the_unit_of_a_bare_figure_and_leaves_percentages_and_written_figures_alone():
    import plotly.graph_objects as go

    from presentation.charts.base import with_unit

    figure = go.Figure()
    figure.add_bar(x=["4月"], y=[3], hovertemplate="%{x}: %{y:,}<extra>受講者</extra>")
    figure.add_bar(x=["4月"], y=[5], hovertemplate="%{x}: %{y:,}<extra>修了</extra>")
    figure.add_bar(y=["総務局"], x=[9.5], orientation="h", hovertemplate="%{y}: %{x:.1f}%<extra></extra>")
    figure.add_bar(x=["4月"], y=[0.4], customdata=["4,000万円"], hovertemplate="%{x}: %{customdata}")
    figure.add_funnel(y=["提出", "合格"], x=[10, 4], hovertemplate="%{y}: %{x:,}<extra></extra>")
    with_unit(figure, ("人", "件", "人", "件", "件"))
    assert [trace.hovertemplate for trace in figure.data] == [
        "%{x}: %{y:,}人<extra>受講者</extra>",
        "%{x}: %{y:,}件<extra>修了</extra>",
        "%{y}: %{x:.1f}%<extra></extra>",  # a share keeps its %
        "%{x}: %{customdata}",  # written out beforehand, in its own unit
        "%{y}: %{x:,}件<extra></extra>",  # a funnel's figures are on x
    ]


@pytest.mark.parametrize(("lang", "hours", "people"), [("ja", "時間", "人"), ("en", " h", "")])
def test_the_charts_hovers_carry_the_unit_of_their_figures(lang, hours, people):
    import pandas as pd

    from presentation.charts import costs, learning
    from presentation.charts import hours as hours_charts
    from presentation.words import Words

    said = Words(lang)
    bureaus = pd.DataFrame({"bureau_name": ["総務局"], "hours_saved": [1234.0]})
    [bar] = hours_charts.hours_by_bureau(bureaus, 2025, said).data
    assert bar.hovertemplate == "%{y}: %{x:,.0f}" + hours + "<extra></extra>"
    months = pd.DataFrame(
        {
            "month": pd.to_datetime(["2025-04-01"]),
            "active_learners": [12],
            "completions": [3],
            "minutes": [90],
        }
    )
    learners, completions = learning.by_month(months, 2025, said).data
    assert learners.hovertemplate.startswith("%{x}: %{y:,}" + people + "<extra>")
    assert completions.hovertemplate.startswith("%{x}: %{y:,}" + said("unit_items") + "<extra>")
    # the value of hours saved in 億円 on its axis: the hover writes the amount as the cards do, never a
    # rounded 0 for 0.4億円
    years = pd.DataFrame({"fiscal_year": [2025], "hours_saved": [8_000.0]})
    [value] = costs.value_of_hours(years, 5_000, said).data
    assert list(value.customdata) == [fmt.yen(40_000_000, lang)]


def test_figures_a_role_reads_as_text_are_aligned_right_as_figures_and_codes_are_not():
    import pandas as pd

    from presentation import privacy
    from shell.tables import number_columns

    frame = pd.DataFrame(
        {
            "bureau_name": ["環境局", "消防局"],
            "code": ["000123", "000124"],
            "learners": [212, 3],
            "staff": [445, 90],
        }
    )
    shown = privacy.as_text(frame.assign(learners=[212, float("nan")]), ["learners"], sees_people=False)
    config = number_columns(shown)
    assert shown["learners"].tolist() == ["212", "—"]
    assert config["learners"]["alignment"] == "right"
    assert config["staff"]["type_config"]["type"] == "number"
    # a column of decimals writes each row with the column's decimals: 963.0 beside 1,677.9, not 963
    hours = number_columns(
        pd.DataFrame({"h": [1941.8, 963.0, None], "r": [0.79, 0.9, 1.24], "n": [3.0, 12.0, None]})
    )
    assert [hours[c]["type_config"]["format"] for c in ("h", "r", "n")] == ["%,.1f", "%,.2f", "%,d"]
    assert "bureau_name" not in config and "code" not in config
    # the briefing's tables write their figures with units: those align right too, a year or a grade not
    kpis = pd.DataFrame(
        {
            "actual": ["2,266人", "13.0万時間", "¥14.55bn", "129,834 h"],
            "change": ["+758人", "-8 depts", "+¥4.55bn", "—"],
            "achieved": ["94.4%", "108.3%", "—", "—"],
            "grade": ["C 目標を下回る", "B plan met", "—", "—"],
            "year": ["2025年度", "2024年度", "2023年度", "2022年度"],
        }
    )
    aligned = number_columns(kpis)
    assert sorted(aligned) == ["achieved", "actual", "change"]
    # in a wide table a name wider than a medium column takes a medium width, so the columns after it stay
    # on the page; a short label keeps its own width, and a narrow table keeps every width
    wide = pd.DataFrame(
        {f"n{i}": [i] for i in range(5)}
        | {"dept": ["八幡西区高齢者・障害者相談コーナー"], "group": ["Have not learned"]}
    )
    config = number_columns(wide)
    assert config["dept"]["width"] == "medium" and "group" not in config
    assert "dept" not in number_columns(wide[["n0", "dept", "group"]])
    assert "dept" not in number_columns(wide, whole=frozenset({"dept"}))  # a row's reason: read in full


def test_a_loads_time_is_written_as_the_day_beside_it_to_the_minute():
    # "最終取込: 2026-12-04 08:37" sat beside "データの最新日: 2026年11月30日"
    assert fmt.moment("2026-12-04T08:37:12", "ja") == "2026年12月4日 08:37"
    assert fmt.moment("2026-12-04T08:37:12", "en") == "4 Dec 2026 08:37"
    assert fmt.moment(None, "ja") == fmt.moment("", "en") == "—"
    # a stamp with its zone (the audit log's UTC) is read in Japan's time, whatever the server's zone
    assert fmt.moment("2026-12-04T21:10:05+00:00", "ja", seconds=True) == "2026年12月5日 06:10:05"


def test_the_loads_record_japan_s_time_whatever_the_server_s_zone(tmp_path, monkeypatch):
    """A server whose clock is set to UTC (or any zone) still records the loads in Japan's time, as the
    audit log is read: the last load's time, the loads table and each file's line in the load log."""
    import time

    import duckdb

    from etl import loader
    from etl.fiscal import TOKYO

    monkeypatch.setenv("TZ", "America/Los_Angeles")  # 16 or 17 hours from Japan: no day can hide it
    time.tzset()
    try:
        csv = tmp_path / "usage.csv"
        csv.write_text(
            "利用日,アプリID,職員番号,利用件数\n2024/04/01,APP-00001,K100001,3\n", encoding="utf-8"
        )
        before = datetime.now(TOKYO).replace(tzinfo=None)
        result = loader.load([csv], db=tmp_path / "x.duckdb")
        after = datetime.now(TOKYO).replace(tzinfo=None)
        assert result.committed
        con = duckdb.connect(str(tmp_path / "x.duckdb"), read_only=True)
        last = datetime.fromisoformat(
            con.execute("select value from meta where key = 'last_load_at'").fetchone()[0]
        )
        stamps = con.execute("select started_at, finished_at from loads").fetchone()
        stamps += con.execute("select loaded_at from load_files").fetchone()
        con.close()
        for stamp in (last, *stamps):
            assert before.replace(microsecond=0) <= stamp <= after, (stamp, before, after)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_a_chart_s_table_reads_a_figure_that_went_through_pickle():
    """st.cache_data keeps the briefing's slides pickled; a figure comes back with its numpy arrays as
    plotly.js typed arrays ({"dtype", "bdata"}), whose len() is 2: the preview's second visit failed."""
    import pickle

    import numpy as np
    import plotly.graph_objects as go

    from presentation.charts.base import figure_table, trace_values

    figure = go.Figure(
        [
            go.Bar(x=["FY2023", "FY2024", "FY2025"], y=np.array([751.0, 1508.0, 2266.0]), name="DX talent"),
            go.Bar(y=["A", "B", "C"], x=np.array([1, 2, 300], dtype="int64"), orientation="h", name="h"),
        ]
    )
    again = pickle.loads(pickle.dumps(figure))
    assert isinstance(again.data[0].y, dict) and "bdata" in again.data[0].y  # what plotly does
    assert trace_values(again.data[0].y) == [751.0, 1508.0, 2266.0]
    assert trace_values(again.data[1].x) == [1, 2, 300]
    pd.testing.assert_frame_equal(figure_table(again), figure_table(figure), check_dtype=False)
