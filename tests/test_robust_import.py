"""No real export can fail a run: files the office really produces, and an attack on the import path.

Each file that cannot be read is rejected with a reason; the other files of its run still commit.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from etl import config, loader, mapping
from etl.preview import preview as preview_file
from shell import uploads
from tests.conftest import query, write

ROOT = Path(__file__).resolve().parent.parent
APPS = "アプリID,アプリ名,所管所属コード,作成日,1件あたり削減時間(分)\nA1,申請受付,0101,2024-04-01,30\n"


def statuses(result) -> list[tuple[str, str]]:
    return [(Path(f.path).name, f.status) for f in result.files]


def test_a_kintone_note_with_a_line_break_loads_with_spreadsheet_row_numbers(db, exports):
    write(exports, "apps.csv", APPS)
    write(
        exports,
        "usage.csv",
        "アプリID,利用日,利用件数,備考\r\n"
        'A1,2024-04-01,3,"一行目\r\n二行目"\r\n'
        "A1,2024-04-02,-1,\r\n",  # the third record (row 3 in Excel), though the fourth physical line
    )
    result = loader.load([exports], db=db)
    assert statuses(result) == [("apps.csv", "loaded"), ("usage.csv", "loaded")]
    assert result.committed
    assert query(db, "select uses from raw_app_usage") == [(3,)]
    assert query(db, "select row_number, column_name from row_issues") == [(3, "uses")]


def test_a_csv_duckdb_refuses_is_rejected_with_a_reason_and_the_others_commit(db, exports, monkeypatch):
    monkeypatch.setattr(config, "MAX_CSV_LINE_BYTES", 1024 * 1024)
    write(exports, "apps.csv", APPS)
    write(exports, "usage.csv", "アプリID,利用日,利用件数,備考\nA1,2024-04-01,3," + "x" * 2_000_000 + "\n")
    result = loader.load([exports], db=db, lang="ja")
    assert statuses(result) == [("apps.csv", "loaded"), ("usage.csv", "rejected")]
    assert "1 MB" in result.files[1].message and "行" in result.files[1].message
    assert result.committed and result.exit_code == 1
    assert query(db, "select count(*) from raw_apps") == [(1,)]


def test_a_cell_of_several_megabytes_loads(db, exports):
    write(exports, "apps.csv", APPS)
    write(exports, "usage.csv", "アプリID,利用日,利用件数,備考\nA1,2024-04-01,3," + "長" * 3_000_000 + "\n")
    result = loader.load([exports], db=db)
    assert statuses(result) == [("apps.csv", "loaded"), ("usage.csv", "loaded")]
    assert query(db, "select uses from raw_app_usage") == [(3,)]


def test_a_bom_in_front_of_cp932_text_is_read_as_cp932_with_a_note(db, exports):
    write(exports, "apps.csv", APPS)
    (exports / "usage.csv").write_bytes(
        b"\xef\xbb\xbf" + "アプリID,利用日,利用件数\nA1,2024-04-05,2\n".encode("cp932")
    )
    result = loader.load([exports], db=db)
    assert statuses(result) == [("apps.csv", "loaded"), ("usage.csv", "loaded")]
    assert "CP932" in result.files[1].message
    assert query(db, "select app_id, uses from raw_app_usage") == [("A1", 2)]


def _usage_export(rows: int = 40) -> bytes:
    lines = ["レコード番号,アプリID,利用日,利用件数,備考"]
    lines += [f'{i},A1,2024-05-{1 + i % 28:02d},{i % 7},"メモ{i}\r\n続き"' for i in range(rows)]
    return ("\r\n".join(lines) + "\r\n").encode("cp932")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.integers(min_value=0, max_value=2_000),
    flips=st.lists(st.tuples(st.integers(0, 2_000), st.integers(0, 255)), max_size=6),
    inserts=st.lists(st.tuples(st.integers(0, 2_000), st.binary(min_size=1, max_size=8)), max_size=4),
)
def test_a_damaged_export_never_fails_its_run(tmp_path_factory, cut, flips, inserts):
    folder = tmp_path_factory.mktemp("damaged")
    data = bytearray(_usage_export())
    for position, value in flips:
        data[position % len(data)] = value
    for position, extra in inserts:
        data[position % len(data) : position % len(data)] = extra
    (folder / "apps.csv").write_text(APPS, encoding="utf-8")
    (folder / "usage.csv").write_bytes(bytes(data[: max(cut, 1) if cut < len(data) else len(data)]))
    result = loader.load([folder], db=folder / "db" / "x.duckdb")
    assert result.error is None and result.committed, result.to_json()
    assert result.files[0].status == "loaded"
    assert query(folder / "db" / "x.duckdb", "select count(*) from raw_apps") == [(1,)]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    cut=st.integers(min_value=10, max_value=6_000), flip=st.tuples(st.integers(0, 6_000), st.integers(0, 255))
)
def test_a_damaged_workbook_never_fails_its_run(tmp_path_factory, cut, flip):
    folder = tmp_path_factory.mktemp("damaged-xlsx")
    book = Workbook()
    book.active.append(["アプリID", "利用月", "利用件数"])
    for month in range(1, 13):
        book.active.append(["A1", f"2024年{month}月", month])
    book.save(folder / "usage.xlsx")
    data = bytearray((folder / "usage.xlsx").read_bytes())
    data[flip[0] % len(data)] = flip[1]
    (folder / "usage.xlsx").write_bytes(bytes(data[: min(cut, len(data))]))
    (folder / "apps.csv").write_text(APPS, encoding="utf-8")
    result = loader.load([folder], db=folder / "db" / "x.duckdb")
    assert result.error is None and result.committed, result.to_json()
    assert ("apps.csv", "loaded") in statuses(result)


def _amplifying_workbook(path: Path, cell_chars: int = 20_000_000, cells: int = 40) -> Path:
    """A few kilobytes on disk: one long shared string that many cells point at (written by hand, as an
    attacker would: Excel and openpyxl never write a cell longer than 32,767 characters)."""
    rows = ['<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>'
            '<c r="D1" t="s"><v>3</v></c></row>']  # fmt: skip
    for i in range(2, cells + 2):
        rows.append(
            f'<row r="{i}"><c r="A{i}" t="s"><v>4</v></c><c r="B{i}" t="s"><v>5</v></c>'
            f'<c r="C{i}"><v>1</v></c><c r="D{i}" t="s"><v>6</v></c></row>'
        )
    strings = ["アプリID", "利用日", "利用件数", "備考", "A1", "2024-04-01", "x" * cell_chars]
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
            'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="利用実績" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{package}">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>{"".join(rows)}'
            "</sheetData></worksheet>"
        ),
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}" count="{len(strings)}" '
            f'uniqueCount="{len(strings)}">'
            + "".join(f"<si><t>{text}</t></si>" for text in strings)
            + "</sst>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def test_an_amplifying_workbook_is_refused_by_preview_and_load_in_bounded_memory(tmp_path):
    path = _amplifying_workbook(tmp_path / "amplify.xlsx")
    assert path.stat().st_size < 200_000
    script = (
        "import json, resource, sys\n"
        "from etl import loader, preview\n"
        "previews = preview.preview(sys.argv[1], lang='en')\n"
        "result = loader.load([sys.argv[2], sys.argv[1]], db=sys.argv[3], lang='en')\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n"
        "print(json.dumps({'preview': [p.message for p in previews], 'load': result.to_json(), 'peak': peak}))\n"
    )
    apps = tmp_path / "apps.csv"
    apps.write_text(APPS, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-c", script, str(path), str(apps), str(tmp_path / "db" / "x.duckdb")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout)
    assert "32,767" in out["preview"][0]
    files = {Path(f["path"]).name: f for f in out["load"]["files"]}
    assert files["amplify.xlsx"]["status"] == "rejected" and "32,767" in files["amplify.xlsx"]["message"]
    assert files["apps.csv"]["status"] == "loaded" and out["load"]["committed"]
    assert out["peak"] < 1.5 * 1024**3


def test_a_workbook_whose_cells_hold_too_much_text_is_refused(db, exports, monkeypatch):
    monkeypatch.setattr(config, "MAX_WORKBOOK_TEXT_CHARS", 100_000)
    _amplifying_workbook(exports / "many.xlsx", cell_chars=30_000, cells=10)
    result = loader.load([exports], db=db)
    assert result.files[0].status == "rejected"
    assert "CSV" in result.files[0].message


def test_the_amplifying_workbook_from_the_command_line_is_rejected_not_a_failed_run(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _amplifying_workbook(folder / "amplify.xlsx")
    (folder / "apps.csv").write_text(APPS, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(folder), "--db", str(tmp_path / "x.duckdb"), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DXDASH_LANG": "en", "HOME": str(tmp_path)},
        timeout=300,
    )
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    assert report["committed"] is True
    assert [f["status"] for f in report["files"]] == ["rejected", "loaded"]


def test_a_preview_checks_a_bounded_sample_and_sends_at_most_a_page_of_bad_rows(exports):
    rows = "".join(f"A1,2024-04-01,-{i}\n" for i in range(1, 5_001))
    path = write(exports, "usage.csv", "アプリID,利用日,利用件数\n" + rows)
    [preview] = preview_file(path, lang="en")
    assert preview.rows_read == config.PREVIEW_ROWS
    assert preview.rows_quarantined == config.PREVIEW_ROWS
    assert len(preview.quarantine) == config.PREVIEW_PAGE_ROWS
    assert preview.rows_total == 5_000
    assert "4,000" in preview.message


def test_a_preview_of_a_large_workbook_reads_only_its_first_rows(exports):
    book = Workbook()
    book.active.append(["アプリID", "利用日", "利用件数"])
    for i in range(3_000):
        book.active.append(["A1", "2024-04-01", i])
    book.save(exports / "usage.xlsx")
    [preview] = preview_file(exports / "usage.xlsx", lang="en")
    assert preview.rows_read == config.PREVIEW_ROWS
    assert preview.rows_total == 3_000


def test_a_header_with_a_line_break_is_mapped_and_the_mapping_file_stays_readable(db, exports):
    write(exports, "apps.csv", APPS)
    write(exports, "usage.csv", 'アプリID,利用日,"利用\r\n件数"\r\nA1,2024-04-01,7\r\n')
    [preview] = preview_file(exports / "usage.csv", lang="en")
    assert "利用\r\n件数" in preview.headers and preview.kind is None
    mapping.save_alias("app_usage", "uses", "利用\r\n件数")
    mapping.save_alias("app_usage", "uses", 'say "hi" \\ again')
    assert mapping.load_extra_aliases()["app_usage"]["uses"] == ["利用\r\n件数", 'say "hi" \\ again']
    result = loader.load([exports], db=db)
    assert statuses(result) == [("apps.csv", "loaded"), ("usage.csv", "loaded")]
    assert query(db, "select uses from raw_app_usage") == [(7,)]


def test_a_broken_mapping_file_is_reported_and_the_load_goes_on(db, exports):
    config.mapping_path().write_text('[aliases.app_usage]\nuses = ["利用\n件数"]\n', encoding="utf-8")
    write(exports, "apps.csv", APPS)
    result = loader.load([exports], db=db)
    assert result.committed and statuses(result) == [("apps.csv", "loaded")]
    assert result.warnings and "mapping.toml" in result.warnings[0]
    assert "warnings" in result.to_json()


def test_undo_after_undo_undo_load_goes_back_to_the_load_before(db, exports):
    def silver() -> int:
        con = duckdb.connect(str(db), read_only=True)
        try:
            return con.execute("select count(*) from raw_certifications").fetchone()[0]
        finally:
            con.close()

    for number in range(1, 4):
        write(
            exports, f"certs{number}.csv", f"職員番号,認定区分,認定日\nS{number},silver,2024-06-0{number}\n"
        )
        loader.load([exports / f"certs{number}.csv"], db=db)
    assert silver() == 3
    assert loader.undo(db) and loader.undo(db)
    assert silver() == 1
    write(exports, "certs4.csv", "職員番号,認定区分,認定日\nS4,silver,2024-06-04\n")
    loader.load([exports / "certs4.csv"], db=db)
    assert silver() == 2
    assert loader.undo(db) is not None
    assert silver() == 1


def test_upload_folders_of_a_server_that_is_gone_are_swept_on_start(tmp_path):
    gone = tmp_path / f"{uploads.PREFIX}999999999-abc"
    mine = tmp_path / f"{uploads.PREFIX}{__import__('os').getpid()}-def"
    for folder in (gone, mine):
        (folder / "session").mkdir(parents=True)
        (folder / "session" / "upload.csv").write_bytes(b"x" * 1000)
    assert uploads.sweep(tmp_path) == [gone]
    assert not gone.exists() and mine.exists()
