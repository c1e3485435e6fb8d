"""A load on a thread of its own (shell.load_job): it goes to the end whatever the page does, and the Import
page shows its outcome in the language the person reads now."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


def test_a_load_that_went_in_but_could_not_be_audited_says_so_never_that_nothing_changed(
    db, tmp_path, monkeypatch
):
    from etl import audit

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(audit, "record", full_disk)
    saved, _ = uploads(tmp_path, {"組織.csv": ORGS})
    job = load_job.start(saved, {"id-1": "組織.csv"}, "tester", "en", tmp_path)
    assert job.wait(60)
    assert job.result.committed and SnapshotStore(db).current() is not None
    assert job.result.error.startswith("the files were loaded, but the audit log could not be written")
    assert "監査ログに記録できませんでした" in job.result.error_messages["ja"]


def test_one_load_at_a_time_two_clicks_at_once_start_one(db, tmp_path):
    saved, _ = uploads(tmp_path, {"組織.csv": ORGS})
    with SnapshotStore(db).lock():
        first = load_job.start(saved, {"id-1": "組織.csv"}, "tester", "en", tmp_path)
        assert load_job.start(saved, {"id-1": "組織.csv"}, "tester", "en", tmp_path) is None
    assert first.wait(60) and first.result.committed


def test_while_another_person_s_load_runs_the_page_says_so_and_undo_waits(db, tmp_path):
    saved, _ = uploads(tmp_path, {"組織.csv": ORGS})
    assert loader.load([next(iter(saved))], db=db).committed  # something to undo
    with SnapshotStore(db).lock():
        job = load_job.start(saved, {"id-1": "組織.csv"}, "someone else", "ja", tmp_path)
        app = AppTest.from_file(DASHBOARD, default_timeout=60)
        app.query_params["lang"] = "en"
        app.session_state["undo_confirm"] = True  # sure: only the running load holds the undo back
        app.switch_page("app_pages/import.py")
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        assert any("Another load is running" in i.value for i in app.info)
        undo = [b for b in app.button if b.label == "Undo"]
        assert len(undo) == 1 and undo[0].disabled
    assert job.wait(60)
    app.run()
    assert not [i for i in app.info if "Another load is running" in i.value]
    assert not [b for b in app.button if b.label == "Undo"][0].disabled


def test_a_load_of_which_no_file_went_in_is_no_success(db, tmp_path):
    saved, _ = uploads(tmp_path, {"unknown.csv": UNKNOWN})
    job = load_job.start(saved, {"id-1": "unknown.csv"}, "tester", "ja", tmp_path)
    assert job.wait(60)
    app = AppTest.from_file(DASHBOARD, default_timeout=60)
    app.query_params["lang"] = "en"
    app.session_state["import"] = ImportState(job=job)
    app.switch_page("app_pages/import.py")
    app.run()
    assert not app.success
    assert [w.value for w in app.warning] == [
        "No file was loaded (each was refused, or the same as one loaded before): the data did not change."
    ]


def test_a_rerun_while_the_outcome_is_worked_out_leaves_the_job_for_the_next_run(finished_job, monkeypatch):
    """Reading the session's state is where Streamlit stops a run for a rerun: stopped there, the page
    still holds the finished job, and the next run shows its outcome (it was let go first, and lost)."""
    from shell import imports

    class Rerun(Exception):
        pass

    def stopped():
        raise Rerun

    state = ImportState(job=finished_job)
    with monkeypatch.context() as patch:
        patch.setattr(imports, "lang", stopped)
        with pytest.raises(Rerun):
            imports.finish_load(state)
    assert state.job is finished_job and state.flash is None and state.last_result == []
    monkeypatch.setattr(imports, "lang", lambda: "en")
    monkeypatch.setattr(imports, "t", lambda key, **params: key)
    monkeypatch.setattr(imports.uploads, "mark_loaded", lambda ids: None)
    imports.finish_load(state)
    assert state.job is None and state.flash == ("success", "import_done") and len(state.last_result) == 2


def _hold_the_lock(db: Path, task: str) -> subprocess.Popen:
    """Another process (the command line) that takes the writers' lock for `task` and keeps it until it
    is killed; returns once it holds it."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from etl.snapshots import SnapshotStore\n"
            "with SnapshotStore(sys.argv[1]).lock(sys.argv[2]):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(120)\n",
            str(db),
            task,
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_the_store_says_who_writes_and_forgets_a_writer_that_died(db):
    store = SnapshotStore(db)
    assert store.writer() is None  # no load yet: no lock file
    with store.lock("rebuild"):
        here = store.writer()  # this process's own lock, taken on another open file: held
    assert here.task == "rebuild" and here.pid == os.getpid() and here.started is not None
    assert store.writer() is None
    holder = _hold_the_lock(db, "undo")
    try:
        there = store.writer()
        assert there.task == "undo" and there.pid == holder.pid
    finally:
        holder.kill()  # killed with the lock held: the file it wrote stays, the lock does not
        holder.wait()
    assert (store.folder / ".writer.json").exists() and store.writer() is None
    with pytest.raises(ValueError), store.lock("anything"):
        pass


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_while_the_command_line_loads_the_page_says_so_and_a_load_waits_its_turn(db, tmp_path, lang):
    saved, _ = uploads(tmp_path, {"組織.csv": ORGS})
    assert loader.load([next(iter(saved))], db=db).committed  # something to undo
    holder = _hold_the_lock(db, "load")
    try:
        app = AppTest.from_file(DASHBOARD, default_timeout=60)
        app.query_params["lang"] = lang
        app.session_state["undo_confirm"] = True  # sure: only the load elsewhere holds the undo back
        app.switch_page("app_pages/import.py")
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        said = {
            "ja": "別の処理がデータを更新しています(データの取込、",
            "en": "Another process is updating the data (a data load, started at ",
        }[lang]
        assert [i.value for i in app.info if said in i.value], [i.value for i in app.info]
        undo = [b for b in app.button if b.label == {"ja": "取り消す", "en": "Undo"}[lang]]
        assert len(undo) == 1 and undo[0].disabled
    finally:
        holder.kill()
        holder.wait()
    app.run()
    assert not [i for i in app.info if said in i.value]
    assert not [b for b in app.button if b.label == {"ja": "取り消す", "en": "Undo"}[lang]][0].disabled


def test_a_load_started_while_another_process_writes_says_what_it_waits_for(db, tmp_path):
    saved, _ = uploads(tmp_path, {"組織.csv": ORGS})
    assert loader.load([next(iter(saved))], db=db).committed  # data: the page makes no demo of its own
    holder = _hold_the_lock(db, "undo")
    try:
        job = load_job.start(saved, {"id-1": "組織.csv"}, "tester", "ja", tmp_path)
        app = AppTest.from_file(DASHBOARD, default_timeout=60)
        app.query_params["lang"] = "ja"
        app.session_state["import"] = ImportState(job=job)
        app.switch_page("app_pages/import.py")
        app.run()
        assert not app.exception, [e.value for e in app.exception]
        captions = [c.value for c in app.caption]
        assert "別の処理(取込の取消)の終了を待っています。終わると取込が始まります。" in captions, captions
        assert not app.info  # its own load is no other's
    finally:
        holder.kill()
        holder.wait()
    assert job.wait(60) and job.result.committed
