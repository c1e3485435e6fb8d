"""A load on a thread of its own (shell.load_job): it goes to the end whatever the page does, and the Import
page shows its outcome in the language the person reads now."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl import loader
from etl.snapshots import SnapshotStore
from presentation import untrusted
from shell import load_job
from shell.state import ImportState
from tests.conftest import write
from tests.test_loader import ORGS

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
UNKNOWN = "見出しA,見出しB\n1,2\n"


def uploads(tmp_path: Path, files: dict[str, str]) -> tuple[dict[Path, str], Path]:
    """Files as the Import page saves them: in the session's folder, under names of our own."""
    session = tmp_path / "session"
    session.mkdir()
    saved = {write(session, f"upload-{n}.csv", text): name for n, (name, text) in enumerate(files.items())}
    return saved, session


def test_a_load_goes_on_when_the_session_s_folder_goes_and_leaves_nothing_behind(db, tmp_path):
    parent = tmp_path / "jobs"
    parent.mkdir()
    saved, session = uploads(tmp_path, {"組織.csv": ORGS, "unknown.csv": UNKNOWN})
    with SnapshotStore(db).lock():  # the load waits here, as behind a load of the command line
        job = load_job.start(saved, {"id-1": "組織.csv", "id-2": "unknown.csv"}, "tester", "ja", parent)
        assert not job.wait(0.5) and load_job.running() == [job]
        shutil.rmtree(session)  # the session ends: its upload folder goes with it
    assert job.wait(60)
    assert load_job.running() == [] and list(parent.iterdir()) == []  # its own links are gone too
    result = job.result
    assert result.committed and result.error is None
    by_name = {f.path: f for f in result.files}
    assert by_name["組織.csv"].status == "loaded" and by_name["組織.csv"].message == "3行を取り込みました"
    assert by_name["組織.csv"].messages["en"] == "3 row(s) loaded"
    assert by_name["unknown.csv"].status == "rejected"


def test_a_fault_in_the_load_is_a_failed_load_in_both_languages_never_a_thread_that_dies(
    db, tmp_path, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("something of ours broke")

    monkeypatch.setattr(loader, "load", broken)
    saved, _ = uploads(tmp_path, {"組織.csv": ORGS})
    job = load_job.start(saved, {"id-1": "組織.csv"}, "tester", "en", tmp_path)
    assert job.wait(30)
    assert job.result.error == job.result.error_messages["en"]
    assert "something of ours broke" in job.result.error_messages["ja"]
    assert load_job.running() == []


@pytest.fixture
def finished_job(db, tmp_path) -> load_job.LoadJob:
    """A load started in Japanese, done."""
    saved, _ = uploads(tmp_path, {"組織.csv": ORGS, "unknown.csv": UNKNOWN})
    job = load_job.start(saved, {"id-1": "組織.csv", "id-2": "unknown.csv"}, "tester", "ja", tmp_path)
    assert job.wait(60)
    return job


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_import_page_shows_a_finished_load_in_the_language_read_now(finished_job, lang):
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    app.query_params["lang"] = lang
    app.session_state["import"] = ImportState(job=finished_job)
    app.switch_page("app_pages/import.py")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert [s.value for s in app.success] == [
        {"ja": "取込が完了しました", "en": "The load is complete"}[lang]
    ]
    [refused] = [e.value for e in app.error]  # the file of no known kind, and why, in this language
    reason = next(f.messages[lang] for f in finished_job.result.files if f.status == "rejected")
    assert refused == f"{untrusted.markdown('unknown.csv')}: {untrusted.markdown(reason)}"
    table = app.dataframe[0]  # the load's result, above its history
    messages = list(table.value.iloc[:, -1])
    assert messages == [f.messages[lang] for f in finished_job.result.files]
    assert app.session_state["import"].job is None  # shown once: the next run shows the page afresh
