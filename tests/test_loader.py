"""The office's cases for loading: messy exports, corrections, overlaps, orphans and broken files."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from etl import loader, mapping, metrics
from etl.snapshots import SnapshotStore
from tests.conftest import query, write

ORGS = "所属コード,所属名,局名\n0101,総務課,総務局\n0102,人事課,総務局\n0201,市民課,門司区役所\n"
APPS = (
    "アプリID,アプリ名,所管所属コード,作成日,1件あたり削減時間(分),外注想定初期費用(円)\n"
    'A1,申請受付,0101,2024-04-01,30,"1,000,000"\n'
    "A2,集計,0102,2024-04-01,60,500000\n"
)


def kpis(db: Path, fy: int) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return metrics.kpis(con, fy)
    finally:
        con.close()


def hours(db: Path, fy: int) -> float:
    return kpis(db, fy)["hours_saved"]


def test_a_march_export_and_an_april_export_that_overlap_count_the_overlap_once(db, exports):
    write(exports, "apps.csv", APPS)
    write(exports, "usage_03.csv", "アプリID,利用日,利用件数\nA1,2025-03-30,10\nA1,2025-03-31,10\n")
    # April's export repeats the last days of March
    write(exports, "usage_04.csv", "アプリID,利用日,利用件数\nA1,2025-03-31,10\nA1,2025-04-01,4\n")
    result = loader.load([exports], db=db)
    assert result.exit_code == 0
    assert hours(db, 2024) == pytest.approx(20 * 30 / 60)
    assert hours(db, 2025) == pytest.approx(4 * 30 / 60)


def test_a_correction_file_moves_a_certification_date_to_another_fiscal_year(db, exports):
    write(exports, "certs.csv", "職員番号,認定区分,認定日\n000123,シルバー,2025-03-20\n")
    loader.load([exports / "certs.csv"], db=db)
    assert kpis(db, 2024)["certified"]["silver"] == 1
    write(exports, "certs_fix.csv", "職員番号,認定区分,認定日\n000123,silver,R7.4.2\n")
    loader.load([exports / "certs_fix.csv"], db=db)
    assert kpis(db, 2024)["certified"]["silver"] == 0
    assert kpis(db, 2025)["certified"]["silver"] == 1
    assert query(db, "select count(*) from raw_certifications") == [(1,)]


def test_a_kintone_csv_in_cp932_with_its_extra_columns_loads(db, exports):
    text = (
        "レコード番号,アプリID,アプリ名,所管所属コード,作成日,1件あたり削減時間(分),作成者,作成日時,更新者,更新日時\r\n"
        "1,A1,申請受付,0101,令和6年4月1日,３０分,dx-admin,2024-03-31T15:30:00Z,dx-admin,2024-04-02T01:00:00Z\r\n"
    )
    write(exports, "kintone.csv", text, encoding="cp932")
    result = loader.load([exports], db=db)
    assert [(f.kind, f.status, f.rows_loaded) for f in result.files] == [("apps", "loaded", 1)]
    assert query(db, "select app_id, owner_dept_code, minutes_saved_per_use from raw_apps") == [
        ("A1", "0101", 30.0)
    ]
    assert "レコード番号" not in [r[0] for r in query(db, "describe raw_apps")]


def test_a_kintone_export_headed_by_field_codes_loads_where_the_codes_are_the_contract_s_names(db, exports):
    write(exports, "apps.csv", APPS)
    text = (
        "\ufeffレコード番号,app_id,usage_date,uses,staff_id,作成者,作成日時,更新者,更新日時\r\n"
        "1,A1,2024-04-01,3,000123,dx-admin,2024-04-01T01:00:00Z,dx-admin,2024-04-01T01:00:00Z\r\n"
        "2,A2,2024-04-02,2,000124,dx-admin,2024-04-02T01:00:00Z,dx-admin,2024-04-02T01:00:00Z\r\n"
    )
    write(exports, "log.csv", text)
    result = loader.load([exports], db=db)
    assert [(f.kind, f.rows_loaded) for f in result.files] == [("apps", 2), ("app_usage", 2)]
    assert hours(db, 2024) == pytest.approx((3 * 30 + 2 * 60) / 60)


def test_kintone_s_default_field_codes_load_once_the_mapping_file_names_them(db, exports, tmp_path):
    write(exports, "apps.csv", APPS)
    text = "レコード番号,文字列__1行_,日付,数値,作成者\r\n1,A1,2024-04-01,4,dx-admin\r\n"
    write(exports, "log.csv", text)
    first = loader.load([exports / "apps.csv", exports / "log.csv"], db=db)
    assert [f.status for f in first.files] == ["loaded", "rejected"]
    # the mapping file as data/mapping.toml's comments show it (DXDASH_MAPPING points at a test copy)
    (tmp_path / "mapping.toml").write_text(
        '[aliases.app_usage]\napp_id = ["文字列__1行_"]\nusage_date = ["日付"]\nuses = ["数値"]\n',
        encoding="utf-8",
    )
    again = loader.load([exports / "log.csv"], db=db)
    assert [(f.kind, f.status) for f in again.files] == [("app_usage", "loaded")]
    assert hours(db, 2024) == pytest.approx(4 * 30 / 60)


def test_slash_dates_typed_by_duckdb_keep_the_latest_row_of_a_repeated_key_and_mixed_forms_still_read(
    db, exports
):
    write(exports, "apps.csv", APPS)
    # every date in one fixed form (typed in SQL); A1 on 1 April twice: the later row stands
    write(
        exports, "slash.csv", "アプリID,利用日,利用件数\nA1,2024/04/01,5\nA2,2024/04/02,1\nA1,2024/04/01,2\n"
    )
    # forms mixed in one file (read value by value), loaded first (names in code-point order): its
    # 2024/4/2 is the slash file's 2024/04/02, which replaces it
    write(exports, "mixed.csv", "アプリID,利用日,利用件数\nA2,2024/4/2,3\nA2,2024-04-03,1\n")
    result = loader.load([exports], db=db)
    assert result.exit_code == 0, result.to_json()
    rows = query(db, "select app_id, usage_date::varchar, uses from raw_app_usage order by all")
    assert rows == [("A1", "2024-04-01", 2), ("A2", "2024-04-02", 1), ("A2", "2024-04-03", 1)]


def test_a_utc_datetime_on_the_fiscal_year_boundary_counts_in_the_new_year(db, exports):
    write(exports, "certs.csv", "staff_id,level,certified_on\n000001,gold,2024-03-31T15:30:00Z\n")
    loader.load([exports], db=db)
    assert kpis(db, 2024)["certified"]["gold"] == 1
    assert kpis(db, 2023)["certified"]["gold"] == 0


def test_orphan_usage_joins_once_the_app_register_arrives(db, exports):
    write(exports, "usage.csv", "アプリID,利用月,件数\nA1,2024年5月,120\n")
    loader.load([exports / "usage.csv"], db=db)
    assert hours(db, 2024) == 0
    assert query(db, "select count(*) from stg_app_usage where is_orphan") == [(1,)]
    write(exports, "apps.csv", APPS)
    loader.load([exports / "apps.csv"], db=db)
    assert hours(db, 2024) == pytest.approx(120 * 30 / 60)
    assert query(db, "select count(*) from stg_app_usage where is_orphan") == [(0,)]


def test_an_exact_duplicate_row_counts_once(db, exports):
    write(exports, "apps.csv", APPS)
    write(exports, "usage.csv", "アプリID,利用日,利用件数\nA2,2024-06-03,5\nA2,2024-06-03,5\n")
    result = loader.load([exports], db=db)
    assert result.exit_code == 0
    assert hours(db, 2024) == pytest.approx(5.0)


def test_bad_rows_are_quarantined_with_a_reason_and_the_rest_loads(db, exports):
    write(exports, "apps.csv", APPS)
    write(
        exports,
        "usage.csv",
        "アプリID,利用日,利用件数\nA1,2024-06-03,2\nA1,2024-13-45,3\nA1,2024-06-04,-1\nA2,2024-06-05,4\n",
    )
    write(
        exports, "certs.csv", "職員番号,認定区分,認定日\n000001,プラチナ,2024-06-01\n000002,gold,2024-06-01\n"
    )
    result = loader.load([exports], db=db)
    assert result.exit_code == 1
    assert result.committed
    by_kind = {f.kind: f for f in result.files}
    assert (by_kind["app_usage"].rows_loaded, by_kind["app_usage"].rows_quarantined) == (2, 2)
    assert (by_kind["certifications"].rows_loaded, by_kind["certifications"].rows_quarantined) == (1, 1)
    issues = query(
        db,
        "select file_name, row_number, column_name, raw_value, reason_en, reason_ja from row_issues "
        "where severity = 'quarantine' order by file_name, row_number",
    )
    assert [i[:5] for i in issues] == [
        ("certs.csv", 2, "level", "プラチナ", "unknown level (bronze/silver/gold)"),
        ("usage.csv", 3, "usage_date", "2024-13-45", "not a readable date"),
        ("usage.csv", 4, "uses", "-1", "negative values are not allowed"),
    ]
    assert all(i[5] for i in issues)  # a Japanese reason too
    assert hours(db, 2024) == pytest.approx(2 * 30 / 60 + 4 * 60 / 60)


def test_an_unreadable_optional_value_is_a_warning_and_the_row_loads(db, exports):
    write(exports, "apps.csv", APPS.replace('"1,000,000"', "未定"))
    result = loader.load([exports], db=db)
    assert result.exit_code == 0
    assert query(db, "select initial_cost_yen from raw_apps where app_id = 'A1'") == [(None,)]
    assert query(db, "select column_name, raw_value from row_issues where severity = 'warning'") == [
        ("initial_cost_yen", "未定")
    ]


def test_the_same_file_twice_changes_nothing_and_says_so(db, exports):
    write(exports, "apps.csv", APPS)
    first = loader.load([exports], db=db)
    snapshot = db.resolve()
    second = loader.load([exports], db=db)
    assert [f.status for f in first.files] == ["loaded"]
    assert [f.status for f in second.files] == ["unchanged"]
    assert second.exit_code == 0
    assert db.resolve() == snapshot


def test_a_month_row_stands_and_that_months_day_rows_are_listed_as_overlaps(db, exports):
    write(exports, "apps.csv", APPS)
    write(exports, "usage_month.csv", "アプリID,利用月,利用件数\nA1,2024-05,100\n")
    write(
        exports,
        "usage_days.csv",
        "アプリID,利用日,利用件数\nA1,2024-05-01,7\nA1,2024-05-02,8\nA1,2024-06-01,2\n",
    )
    loader.load([exports], db=db)
    assert hours(db, 2024) == pytest.approx((100 + 2) * 30 / 60)
    assert query(db, "select count(*) from stg_app_usage where is_overlap") == [(2,)]


def test_month_granular_and_daily_usage_give_the_same_fiscal_year_hours(tmp_path, monkeypatch):
    monkeypatch.setenv("DXDASH_MAPPING", str(tmp_path / "none.toml"))
    results = []
    for name, usage in (
        ("month", "アプリID,利用月,利用件数\nA1,2024年6月,30\n"),
        ("day", "アプリID,利用日,利用件数\nA1,2024-06-03,10\nA1,2024-06-04,20\n"),
    ):
        folder = tmp_path / name
        folder.mkdir()
        write(folder, "apps.csv", APPS)
        write(folder, "usage.csv", usage)
        loader.load([folder], db=tmp_path / f"{name}.duckdb")
        results.append(hours(tmp_path / f"{name}.duckdb", 2024))
    assert results[0] == results[1] == pytest.approx(15.0)


def test_codes_keep_their_leading_zeros(db, exports):
    write(exports, "orgs.csv", ORGS)
    loader.load([exports], db=db)
    assert query(db, "select dept_code from raw_organizations order by 1") == [
        ("0101",),
        ("0102",),
        ("0201",),
    ]


def test_a_tab_separated_file_with_a_csv_extension_loads(db, exports):
    write(exports, "orgs.csv", ORGS.replace(",", "\t"))
    result = loader.load([exports], db=db)
    assert [f.rows_loaded for f in result.files] == [3]


def test_a_workbook_with_a_notes_sheet_loads_its_data_sheet(db, exports):
    path = exports / "orgs.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        pd.DataFrame({"注記": ["4月1日現在"]}).to_excel(writer, sheet_name="注記", index=False)
        pd.DataFrame({"所属コード": ["0101"], "所属名": ["総務課"], "局名": ["総務局"]}).to_excel(
            writer, sheet_name="組織", index=False
        )
    result = loader.load([exports], db=db)
    assert [(f.kind, f.sheet, f.status) for f in result.files] == [("organizations", "組織", "loaded")]
    assert "注記" in result.files[0].message


def test_a_load_of_a_workbook_and_a_csv_imports_no_pandas(db, exports):
    # the first run loads the demo's workbooks in a process of its own: pandas would add a third of a
    # second before the overview can be drawn, for nothing the load needs
    pd.DataFrame(
        {"所属コード": ["0101", "0102"], "所属名": ["総務課", None], "局名": ["総務局", "総務局"]}
    ).to_excel(exports / "orgs.xlsx", sheet_name="組織", index=False)
    write(exports, "apps.csv", APPS)
    code = (
        "import sys\nfrom etl import loader\n"
        f"result = loader.load([{str(exports)!r}], db={str(db)!r}, estimate=False)\n"
        "assert [f.status for f in result.files] == ['loaded', 'loaded'], result.to_json()\n"
        "assert 'pandas' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parent.parent, check=True)
    # the workbook's rows as they were, each with its row number: an empty required cell sets its row aside
    assert query(db, "select dept_code, dept_name, source_row from raw_organizations") == [
        ("0101", "総務課", 2)
    ]
    issues = "select sheet, row_number, column_name, reason_code from row_issues"
    assert query(db, issues) == [("組織", 3, "dept_name", "missing")]


def test_a_workbook_with_no_matching_sheet_is_rejected_naming_its_sheets(db, exports):
    path = exports / "memo.xlsx"
    pd.DataFrame({"メモ": ["x"]}).to_excel(path, sheet_name="メモ", index=False)
    result = loader.load([exports], db=db)
    assert result.files[0].status == "rejected"
    assert "メモ" in result.files[0].message


def test_a_sheet_with_a_title_row_and_a_blank_row_above_its_header_loads_and_says_which_row(db, exports):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "台帳"
    sheet.append(["令和6年度 アプリ台帳(DX推進課作成)"])
    sheet.append([])
    sheet.append(["アプリID", "アプリ名", "所管所属コード", "作成日", "1件あたり削減時間(分)"])
    sheet.append(["A1", "申請受付", "0101", pd.Timestamp("2024-04-01"), 30])
    sheet.append(["A2", "集計", "0102", "2024/4/1", -5])  # set aside: its row is the sheet's row 5
    book.save(exports / "apps.xlsx")
    result = loader.load([exports], db=db, lang="en")
    [file] = result.files
    assert (file.kind, file.rows_loaded, file.rows_quarantined) == ("apps", 1, 1)
    assert "the header is row 3" in file.message
    assert query(db, "select row_number, column_name from row_issues") == [(5, "minutes_saved_per_use")]


def test_a_header_below_the_tenth_row_is_not_looked_for(db, exports):
    from openpyxl import Workbook

    book = Workbook()
    for line in range(10):
        book.active.append([f"注記 {line + 1}"])
    book.active.append(["所属コード", "所属名"])
    book.active.append(["0101", "総務課"])
    book.save(exports / "orgs.xlsx")
    [file] = loader.load([exports], db=db, lang="en").files
    assert file.status == "rejected"


def test_real_date_cells_in_a_workbook_are_read_as_dates(db, exports):
    path = exports / "certs.xlsx"
    frame = pd.DataFrame(
        {"職員番号": ["000001"], "認定区分": ["ゴールド"], "認定日": [pd.Timestamp("2025-02-10")]}
    )
    frame.to_excel(path, index=False)
    loader.load([exports], db=db)
    assert query(db, "select certified_on::varchar from raw_certifications") == [("2025-02-10",)]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("garbage.csv", bytes(range(256)) * 4, "neither CSV nor Excel"),
        ("empty.csv", b"", "empty"),
        ("header_only.csv", "アプリID,利用日,利用件数\n".encode(), "header row only"),
        ("truncated.xlsx", None, "damaged"),
    ],
)
def test_a_broken_file_gets_a_one_line_reason_and_the_other_files_still_load(
    db, exports, name, content, reason
):
    if content is None:
        good = exports / "good.xlsx"
        pd.DataFrame({"a": [1]}).to_excel(good, index=False)
        content = good.read_bytes()[:300]
        good.unlink()
    (exports / name).write_bytes(content)
    write(exports, "orgs.csv", ORGS)
    result = loader.load([exports], db=db)
    statuses = {Path(f.path).name: f for f in result.files}
    assert statuses[name].status == "rejected"
    assert reason in statuses[name].message and "\n" not in statuses[name].message
    assert statuses["orgs.csv"].status == "loaded"
    assert result.exit_code == 1


def test_an_unrecognised_file_names_the_candidate_kinds_and_their_missing_columns(db, exports):
    write(exports, "usage.csv", "アプリID,利用日\nA1,2024-04-01\n")
    result = loader.load([exports], db=db)
    message = result.files[0].message
    assert result.files[0].status == "rejected"
    assert "app_usage" in message and "uses" in message


def test_a_bare_roster_or_nominations_header_is_a_tie_until_kind_is_forced(db, exports):
    write(exports, "people.csv", "年度,所属コード,職員番号\n2024,0101,000001\n")
    tie = loader.load([exports], db=db)
    assert tie.files[0].status == "rejected"
    assert "staff" in tie.files[0].message and "nominations" in tie.files[0].message
    forced = loader.load([exports], db=db, kind="nominations")
    assert forced.files[0].status == "loaded"
    assert query(db, "select level from raw_nominations") == [("silver",)]


def test_a_refusal_is_worded_in_each_language_with_that_language_s_kinds(db, exports):
    """A run in Japanese says why a file was refused in English too (the log, and a page whose reader
    switched language), with the kinds' English names: no Japanese words in the English reason."""
    write(exports, "people.csv", "年度,所属コード,職員番号\n2024,0101,000001\n")
    write(exports, "usage.csv", "アプリID,利用日\nA1,2024-04-01\n")
    write(exports, "orgs.csv", ORGS)
    result = loader.load([exports], db=db, lang="ja")
    refused = [f for f in result.files if f.status == "rejected"]
    assert len(refused) == 2
    for entry in refused:
        assert entry.message == entry.messages["ja"]
        assert re.search("[ぁ-んァ-ン一-龯]", entry.messages["ja"])
        assert not re.search("[ぁ-んァ-ン一-龯]", entry.messages["en"]), entry.messages["en"]
    logged = query(
        db, "select message_ja, message_en from load_files where status = 'rejected' order by file_name"
    )
    assert sorted(logged) == sorted((f.messages["ja"], f.messages["en"]) for f in refused)


def test_the_canonical_header_wins_over_an_alias(db, exports):
    write(exports, "certs.csv", "staff_id,level,区分,certified_on\n1,gold,silver,2024-05-01\n")
    loader.load([exports], db=db)
    assert query(db, "select level from raw_certifications") == [("gold",)]


def test_an_alias_added_in_the_mapping_file_is_recognised(db, exports):
    mapping.save_alias("app_usage", "uses", "利用回数")
    write(exports, "apps.csv", APPS)
    write(exports, "usage.csv", "アプリID,利用日,利用回数\nA1,2024-06-03,2\n")
    result = loader.load([exports], db=db)
    assert [f.kind for f in result.files] == ["apps", "app_usage"]
    assert hours(db, 2024) == pytest.approx(1.0)


def test_other_files_in_a_folder_are_listed_as_skipped(db, exports):
    write(exports, "orgs.csv", ORGS)
    write(exports, "readme.txt", "hello")
    result = loader.load([exports], db=db)
    assert result.skipped == [str(exports / "readme.txt")]
    assert result.to_json()["skipped"] == [str(exports / "readme.txt")]


def test_files_in_a_folder_load_in_code_point_order_so_the_later_file_wins(db, exports):
    write(exports, "b.csv", "職員番号,認定区分,認定日\n1,silver,2024-06-01\n")
    write(exports, "a.csv", "職員番号,認定区分,認定日\n1,silver,2024-05-01\n")
    loader.load([exports], db=db)
    assert query(db, "select certified_on::varchar from raw_certifications") == [("2024-06-01",)]


def test_a_failed_run_leaves_the_previous_data_intact(db, exports, monkeypatch):
    write(exports, "apps.csv", APPS)
    write(exports, "usage.csv", "アプリID,利用日,利用件数\nA1,2024-06-03,2\n")
    loader.load([exports], db=db)
    before = kpis(db, 2024)

    def broken_build(con, **options):
        raise duckdb.IOException("disk full")

    monkeypatch.setattr(loader.models, "build", broken_build)
    write(exports, "usage2.csv", "アプリID,利用日,利用件数\nA1,2024-06-04,200\n")
    result = loader.load([exports], db=db)
    assert result.exit_code == 2 and not result.committed
    assert "disk full" in result.error
    assert kpis(db, 2024) == before
    assert not list(SnapshotStore(db).folder.glob("*.tmp"))


def test_a_load_killed_halfway_leaves_the_previous_data_and_the_next_load_cleans_up(db, exports):
    write(exports, "apps.csv", APPS)
    loader.load([exports], db=db)
    before = kpis(db, 2024)
    write(exports, "usage.csv", "アプリID,利用日,利用件数\nA1,2024-06-03,2\n")
    # the process dies (as under kill -9) in the middle of building the marts
    script = (
        "import os, sys; from etl import loader;"
        "loader.models.build = lambda con, **options: os._exit(9);"
        f"loader.load([{str(exports)!r}], db={str(db)!r})"
    )
    killed = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parent.parent)
    assert killed.returncode == 9
    assert list(SnapshotStore(db).folder.glob("*.tmp"))
    assert kpis(db, 2024) == before
    result = loader.load([exports], db=db)
    assert result.exit_code == 0
    assert kpis(db, 2024)["hours_saved"] == pytest.approx(1.0)
    assert not list(SnapshotStore(db).folder.glob("*.tmp"))


def test_a_reader_keeps_its_snapshot_while_a_load_switches_to_a_new_one(db, exports):
    write(exports, "apps.csv", APPS)
    loader.load([exports], db=db)
    reader = duckdb.connect(str(db), read_only=True)
    write(exports, "apps2.csv", APPS.replace("A2,", "A3,"))
    result = loader.load([exports / "apps2.csv"], db=db)
    assert result.exit_code == 0
    assert reader.execute("select count(*) from raw_apps").fetchall() == [(2,)]
    reader.close()
    assert query(db, "select count(*) from raw_apps") == [(3,)]


def test_old_snapshots_are_cleaned_up(db, exports):
    for number in range(6):
        write(exports, f"orgs{number}.csv", ORGS + f"09{number:02d},課{number},局\n")
        loader.load([exports / f"orgs{number}.csv"], db=db)
    assert len(SnapshotStore(db).snapshots()) <= 3


def test_a_load_writes_each_rename_out_with_its_folder_before_relying_on_it(db, exports, monkeypatch):
    """The snapshot's rename is on the disk before the database names it, and the database's new name
    is on the disk before the load says it is done (a power cut never leaves it naming nothing)."""
    from etl import snapshots

    steps = []
    replace, sync = os.replace, snapshots.sync_folder
    monkeypatch.setattr(
        snapshots.os,
        "replace",
        # the writer's note beside the lock (SnapshotStore.writer) is no part of the data
        lambda a, b: (Path(b).name == ".writer.json" or steps.append(("rename", Path(b))), replace(a, b))[1],
    )
    monkeypatch.setattr(
        snapshots, "sync_folder", lambda folder: (steps.append(("sync", Path(folder))), sync(folder))[1]
    )
    write(exports, "orgs.csv", ORGS)
    assert loader.load([exports], db=db).committed
    [(_, snapshot)] = [
        step for step in steps if step[0] == "rename" and step[1].suffix == ".duckdb" and step[1] != db
    ]
    assert steps == [("rename", snapshot), ("sync", snapshot.parent), ("rename", db), ("sync", db.parent)], (
        steps
    )


def test_the_first_office_load_replaces_the_demo_data(db, demo_exports, exports):
    loader.load([demo_exports], db=db)
    assert query(db, "select value from meta where key = 'dataset'") == [("demo",)]
    write(exports, "orgs.csv", ORGS)
    result = loader.load([exports], db=db)
    assert result.exit_code == 0
    assert query(db, "select value from meta where key = 'dataset'") == [("office",)]
    assert query(db, "select count(*) from raw_organizations") == [(3,)]
    assert query(db, "select count(*) from raw_apps") == [(0,)]
    # and demo exports are refused once the office's own data is there
    again = loader.load([demo_exports / "11_目標.csv"], db=db)
    assert again.files[0].status == "rejected"


def test_the_database_cannot_be_written_exit_status_two(tmp_path, exports, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    write(exports, "orgs.csv", ORGS)
    result = loader.load([exports], db=blocker / "db.duckdb")
    assert result.exit_code == 2 and not result.committed and result.error


def test_a_workbook_that_expands_too_far_is_refused(db, exports, monkeypatch):
    path = exports / "big.xlsx"
    pd.DataFrame({"所属コード": ["0101"] * 2000, "所属名": ["x" * 50] * 2000}).to_excel(path, index=False)
    monkeypatch.setattr(loader.config, "MAX_WORKBOOK_EXPANDED_BYTES", 10_000)
    result = loader.load([exports], db=db)
    assert result.files[0].status == "rejected"
    assert "expands" in result.files[0].message
    assert zipfile.is_zipfile(path)


def test_a_database_of_the_earlier_version_is_brought_up_to_date_by_the_next_load(db, exports):
    db.parent.mkdir(parents=True)
    con = duckdb.connect(str(db))
    con.execute(
        """create table raw_app_usage (app_id varchar, usage_date date, uses bigint, staff_id varchar,
           granularity varchar, source_file varchar, source_row bigint, load_id integer)"""
    )
    con.execute("insert into raw_app_usage values ('A1', '2024-04-01', 5, null, 'month', 'old.csv', 2, 1)")
    con.close()
    write(exports, "apps.csv", APPS)
    result = loader.load([exports], db=db)
    assert result.committed and result.exit_code == 0, result.to_json()
    assert query(db, "select app_id, granularity::varchar, source_file, source_row from stg_app_usage") == [
        ("A1", "month", "old.csv", 2)
    ]
    assert hours(db, 2024) == pytest.approx(5 * 30 / 60)


def test_a_snapshot_whose_models_an_earlier_version_built_is_built_again_once(db, exports):
    write(exports, "apps.csv", APPS)
    loader.load([exports], db=db)
    assert not loader.models_outdated(db)
    # an earlier version wrote other SQL and had no e-learning mart: the snapshot says so
    con = duckdb.connect(str(db))
    con.execute("drop table mart_learning_activity")
    con.execute("update meta set value = 'earlier' where key = 'models'")
    con.close()
    assert loader.models_outdated(db)
    before = loader.SnapshotStore(db).current()
    assert loader.rebuild(db)
    assert loader.SnapshotStore(db).current() != before  # a new snapshot: readers of the old one go on
    assert query(db, "select count(*) from mart_learning_activity") == [(0,)]
    assert not loader.models_outdated(db) and not loader.rebuild(db)


def test_loading_the_same_files_again_rebuilds_models_an_earlier_version_built(db, exports):
    write(exports, "apps.csv", APPS)
    loader.load([exports], db=db)
    con = duckdb.connect(str(db))
    con.execute("drop table mart_ideas")
    con.execute("update meta set value = 'earlier' where key = 'models'")
    con.close()
    result = loader.load([exports], db=db)
    assert [f.status for f in result.files] == ["unchanged"]
    assert query(db, "select count(*) from mart_ideas") == [(0,)]


def test_a_database_from_before_the_roster_had_addresses_is_brought_up_to_date_by_the_rebuild(demo_db_copy):
    # an earlier version's raw tables: no email column, no user list; its models then built again
    con = duckdb.connect(str(demo_db_copy))
    con.execute("alter table raw_staff drop column email")
    con.execute("alter table raw_elearning drop column email")
    con.execute("drop table raw_elearning_users")
    con.execute("update meta set value = 'earlier' where key = 'models'")
    con.close()
    assert loader.rebuild(demo_db_copy)
    con = duckdb.connect(str(demo_db_copy), read_only=True)
    try:
        figures = metrics.kpis(con, 2024)["elearning"]
        assert figures["learners"] > 0  # the rows by staff id still count; addresses wait for a roster
        assert con.execute("select count(*) from raw_elearning_users").fetchone() == (0,)
    finally:
        con.close()


def test_a_first_office_load_whose_files_are_all_refused_leaves_the_demo_data(db, demo_exports, exports):
    loader.load([demo_exports], db=db)
    before = SnapshotStore(db).current()
    write(exports, "unknown.csv", "見出しA,見出しB\n1,2\n")
    result = loader.load([exports], db=db)
    assert [f.status for f in result.files] == ["rejected"] and result.committed
    assert SnapshotStore(db).current() == before  # no empty office database in its place
    assert query(db, "select value from meta where key = 'dataset'") == [("demo",)]
    assert query(db, "select count(*) > 0 from raw_apps") == [(True,)]


def test_an_undo_undoes_only_the_load_its_person_saw(db, exports):
    write(exports, "orgs.csv", ORGS)
    loader.load([exports / "orgs.csv"], db=db)
    seen = SnapshotStore(db).current()
    write(exports, "more.csv", ORGS + "0301,企画課,企画局\n")
    loader.load([exports / "more.csv"], db=db)  # meanwhile, another person's load
    with pytest.raises(loader.DataChanged):
        loader.undo(db, seen=str(seen))
    assert query(db, "select count(*) from raw_organizations") == [(4,)]  # nothing undone
    assert loader.undo(db, seen=str(SnapshotStore(db).current())) == seen.name
