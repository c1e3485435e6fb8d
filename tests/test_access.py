"""Roles from the roles file, small groups hidden for aggregate-only roles, and the audit log."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from etl import audit, config, loader
from etl import settings as etl_settings
from presentation import privacy
from shell import roles
from tests.conftest import write

ROLES_FILE = """
groups_claim = "roles"
[roles.executive]
emails = ["Mayor@City.example"]
groups = ["dx-exec"]
[roles.analyst]
groups = ["dx-office"]
[roles.data_admin]
emails = ["admin@city.example"]
"""


@pytest.fixture
def granted(tmp_path):
    path = tmp_path / "roles.toml"
    path.write_text(ROLES_FILE, encoding="utf-8")
    return roles.load(path)


def test_a_person_gets_the_role_of_their_address_or_group_and_the_most_rights_win(granted):
    assert granted.groups_claim == "roles"
    assert roles.role_for("mayor@city.example", [], granted) == "executive"  # addresses ignore case
    assert roles.role_for("someone@city.example", ["dx-office"], granted) == "analyst"
    assert roles.role_for("mayor@city.example", ["dx-office"], granted) == "analyst"
    assert roles.role_for("admin@city.example", "dx-exec", granted) == "data_admin"  # a claim as one string
    assert roles.role_for("stranger@city.example", ["other"], granted) is None
    assert roles.role_for(None, None, granted) is None


def test_each_role_opens_only_its_pages():
    executive, analyst, admin = (roles.User("x", role, "oidc") for role in roles.ROLES)
    # an executive reads the overview, the briefing and the two programme pages (aggregates only there)
    opened = [p for p in (*roles.READING_PAGES, "import") if executive.may_open(p)]
    assert opened == ["overview", "briefing", "ideas", "learning", "impact"]
    assert not executive.sees_people and analyst.sees_people and not analyst.may_open("import")
    assert admin.may_open("import") and admin.is_admin


def test_a_broken_roles_file_gives_nobody_a_role_and_says_why(tmp_path):
    path = tmp_path / "roles.toml"
    path.write_text("[roles.analyst\nemails = [", encoding="utf-8")
    broken = roles.load(path)
    assert broken.problem and roles.role_for("admin@city.example", [], broken) is None


def test_small_groups_are_hidden_and_a_second_cell_where_the_total_would_reveal_the_first():
    frame = pd.DataFrame(
        {"bureau": ["A", "B", "C", "D"], "leavers": [12, 3, 7, 0], "learners": [2, 1, 40, 9]}
    )
    hidden = privacy.suppress(frame, ["leavers", "learners"], minimum=5)
    # one small cell (B's 3): the total would give it away, so the smallest other count (C's 7) goes too
    assert hidden["leavers"].isna().tolist() == [False, True, True, False]
    assert hidden.loc[3, "leavers"] == 0  # nobody is not a small group
    # two small cells already hide each other
    assert hidden["learners"].isna().tolist() == [True, True, False, False]
    assert hidden.loc[2, "learners"] == 40


def test_a_share_beside_a_hidden_count_is_hidden_with_it_and_people_roles_see_everything():
    frame = pd.DataFrame(
        {
            "bureau": ["A", "B", "C"],
            "learners": [3, 40, 50],
            "staff": [10, 100, 100],
            "per_100": [30.0, 40.0, 50.0],
        }
    )
    shown = privacy.for_viewer(frame, ["learners"], ("per_100",), sees_people=False)
    # 3 learners of 10 staff: the count goes, and so does the 30 per 100 that would give it back
    assert shown["learners"].isna().tolist() == [True, True, False]
    assert shown["per_100"].isna().tolist() == [True, True, False]
    assert privacy.as_text(shown, ["learners"], sees_people=False)["learners"].tolist() == ["—", "—", "50"]
    assert privacy.for_viewer(frame, ["learners"], ("per_100",), sees_people=True).equals(frame)


def test_an_event_study_month_estimated_from_a_small_group_is_left_out_for_aggregate_roles():
    # min_group_size 5 (the default): month 24 rests on 3 certified people, month 0 on 40
    estimates = pd.DataFrame(
        {"event_month": [0, 24, None], "estimate": [0.1, 0.9, 0.2], "people": [40, 3, 40]}
    )
    assert privacy.estimates_for_viewer(estimates)["event_month"].tolist()[:1] == [0]
    assert len(privacy.estimates_for_viewer(estimates)) == 2
    assert privacy.estimates_for_viewer(estimates, sees_people=True).equals(estimates)


def test_the_minimum_group_size_comes_from_the_settings_file(tmp_path, monkeypatch):
    settings = tmp_path / "settings.toml"
    settings.write_text("[privacy]\nmin_group_size = 10\n", encoding="utf-8")
    monkeypatch.setenv("DXDASH_SETTINGS", str(settings))
    assert privacy.min_group_size() == 10
    settings.write_text("[privacy]\nmin_group_size = 1\n", encoding="utf-8")
    assert (
        privacy.min_group_size() == etl_settings.BY_NAME["min_group_size"].default
    )  # 1 would protect nobody


def test_the_audit_log_records_each_load_and_undo_once_and_an_undo_never_erases_it(db, exports):
    write(exports, "orgs.csv", "所属コード,所属名\n0101,総務課\n")
    loader.load([exports], actor="admin@city.example")
    write(exports, "orgs.csv", "所属コード,所属名\n0101,総務課\n0102,人事課\n")
    loader.load([exports], actor="admin@city.example")
    loader.load([exports], actor="admin@city.example")  # nothing changed: no new snapshot, no entry
    assert loader.undo(actor="admin@city.example")
    log = audit.entries()
    assert [entry["action"] for entry in log] == ["load", "load", "undo"]
    assert {entry["actor"] for entry in log} == {"admin@city.example"}
    assert log[0]["detail"]["files"] == [{"file": "orgs.csv", "kind": "organizations", "status": "loaded"}]
    path = config.audit_path()
    assert path.parent == db.parent and ".snapshots" not in str(path)  # outside the snapshots
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["action"] for line in lines] == ["load", "load", "undo"]


def test_a_command_line_load_is_audited_as_the_command_line(db, exports):
    write(exports, "orgs.csv", "所属コード,所属名\n0101,総務課\n")
    loader.load([exports])
    assert audit.entries()[0]["actor"].startswith("command line")


def test_the_audit_log_takes_only_its_known_actions(tmp_path):
    with pytest.raises(ValueError):
        audit.record("x", "delete_everything", path=tmp_path / "audit.jsonl")


def test_the_cookie_secret_is_written_once_where_sign_in_is_configured_and_it_is_empty(tmp_path):
    from shell.auth_secret import ensure_cookie_secret

    secrets_file = tmp_path / "secrets.toml"
    assert ensure_cookie_secret(secrets_file) is False  # no file: local mode, nothing to do
    secrets_file.write_text('[auth]\nclient_id = "dx"\ncookie_secret = ""\n', encoding="utf-8")
    assert ensure_cookie_secret(secrets_file) is True
    written = secrets_file.read_text(encoding="utf-8")
    secret = written.split('cookie_secret = "')[1].split('"')[0]
    assert len(secret) >= 48 and 'client_id = "dx"' in written
    assert ensure_cookie_secret(secrets_file) is False  # never replaced once there
    assert secrets_file.read_text(encoding="utf-8") == written
    assert secrets_file.stat().st_mode & 0o077 == 0  # readable by its owner only


def headers(*pairs):
    """A request's headers as Streamlit's get_all reads them (a name may come more than once)."""
    return lambda name: [value for key, value in pairs if key.lower() == name.lower()]


@pytest.mark.parametrize(
    "pairs",
    [
        [("Host", "127.0.0.1:8501")],
        [("Host", "localhost:8501"), ("Origin", "http://localhost:8501")],
        [("Host", "[::1]:8501"), ("Origin", "http://[::1]:8501")],
        [("Host", "LOCALHOST.:8501")],
    ],
)
def test_a_browser_on_this_computer_asking_a_loopback_name_is_local(pairs):
    from shell import access

    assert access.is_local_request(headers(*pairs))


@pytest.mark.parametrize(
    "pairs",
    [
        [],  # no Host
        [("Host", "127.0.0.1:8501"), ("Host", "evil.example")],  # two
        [("Host", "evil.example:8501"), ("Origin", "http://evil.example:8501")],  # DNS rebinding
        [("Host", "127.0.0.2:8082")],  # a proxy listening on another address passes its own Host
        [("Host", "localhost.evil.example")],
        [("Host", "127.0.0.1@evil.example")],
        [("Host", "127.0.0.1:port")],
        [("Host", "127.0.0.1:8501"), ("X-Forwarded-For", "10.1.2.3")],
        [("Host", "127.0.0.1:8501"), ("x-real-ip", "10.1.2.3")],
        [("Host", "127.0.0.1:8501"), ("Forwarded", "for=10.1.2.3")],
        [("Host", "127.0.0.1:8501"), ("Via", "1.1 proxy")],
        [("Host", "127.0.0.1:8501"), ("X-Forwarded-Host", "dash.city.example")],
        [("Host", "127.0.0.1:8501"), ("Origin", "http://evil.example")],
        [("Host", "127.0.0.1:8501"), ("Origin", "null")],
    ],
)
def test_a_proxy_a_rebound_name_or_a_foreign_page_is_never_local(pairs):
    from shell import access

    assert not access.is_local_request(headers(*pairs))


def test_an_identity_header_sent_twice_is_found(monkeypatch):
    import streamlit as st

    from shell import access

    monkeypatch.setattr(st, "get_option", lambda name: {"X-Remote-User": "email"})
    assert access.repeated_identity_headers(headers(("X-Remote-User", "a@x"))) == []
    twice = headers(("X-Remote-User", "admin@city.example"), ("x-remote-user", "a@x"))
    assert access.repeated_identity_headers(twice) == ["X-Remote-User"]


def test_an_entry_stays_one_line_whatever_its_text_and_the_reader_never_falls_over(tmp_path):
    path = tmp_path / "audit.jsonl"
    name = "cert\u20281\u2029x\x85\u000b\u000c\u001c.csv"
    audit.record("admin@city.example", "load", {"files": [{"file": name}]}, path)
    audit.record("admin@city.example", "undo", {}, path)
    assert (
        len(path.read_bytes().split(b"\n")) == 3 and len(path.read_text(encoding="utf-8").splitlines()) == 2
    )
    log = audit.read(path)
    assert log.chain_holds and log.entries[0]["detail"]["files"][0]["file"] == name
    with open(path, "ab") as handle:  # lines no entry would write
        handle.write(b'\xff\xfe not utf-8\n[1, 2]\n{"detail": "text"}\n{broken\n')
    audit.record("admin@city.example", "undo", {}, path)
    log = audit.read(path)
    assert [e["action"] for e in log.entries] == [
        "load",
        "undo",
        "unreadable",
        "unreadable",
        "",
        "unreadable",
        "undo",
    ]
    assert not log.chain_holds and log.broken_at == 3


def test_the_chain_of_hashes_shows_an_entry_edited_removed_or_inserted(tmp_path):
    path = tmp_path / "audit.jsonl"
    for actor in ("a", "b", "c", "d"):
        audit.record(actor, "sign_in", {"role": "analyst"}, path)
    original = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert audit.read(path).chain_holds and audit.read(path).broken_at is None
    edited = original.copy()
    edited[1] = edited[1].replace('"analyst"', '"data_admin"')
    removed = original[:1] + original[2:]
    inserted = original[:2] + [original[1]] + original[2:]
    for lines, broken_at in ((edited, 3), (removed, 2), (inserted, 3)):
        path.write_text("".join(lines), encoding="utf-8")
        assert audit.read(path).broken_at == broken_at


def test_a_log_begun_before_the_hashes_is_checked_from_its_first_hashed_entry(tmp_path):
    path = tmp_path / "audit.jsonl"
    path.write_text('{"at": "2026-01-01", "actor": "a", "action": "load", "detail": {}}\n', encoding="utf-8")
    audit.record("b", "undo", {}, path)
    log = audit.read(path)
    assert log.chain_holds and log.unchained == 1 and len(log.entries) == 2


def test_a_run_whose_files_were_all_refused_is_audited_too(db, exports):
    write(exports, "orgs.csv", "所属コード,所属名\n0101,総務課\n")
    loader.load([exports], actor="admin@city.example")
    write(exports, "orgs.csv", "this is,not an export\n1,2\n")
    result = loader.load([exports], actor="admin@city.example")
    assert result.snapshot is None  # nothing changed
    first, entry = audit.entries()
    assert entry["action"] == "load" and entry["detail"]["outcome"] == "refused"
    assert entry["detail"]["files"][0]["status"] == "rejected" and entry["detail"]["snapshot"] is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[roles.analyst]\nemails = "a@city.example"\n', "roles_not_a_list"),  # one address, not a list
        ("[roles.analyst]\nemails = [1]\n", "roles_not_a_list"),
        ('roles = "all"\n', "roles_not_a_table"),
        ('[roles.admin]\nemails = ["a@city.example"]\n', "roles_unknown_role"),
        ("groups_claim = 3\n", "roles_not_text"),
        ("x = " + "[" * 50_000 + "]" * 50_000 + "\n", "roles_not_toml"),  # RecursionError in tomllib
        ("[roles.analyst\n", "roles_not_toml"),
    ],
)
def test_a_roles_file_of_the_wrong_shape_grants_nobody_and_says_why(tmp_path, text, key):
    from presentation.words import WORDS

    path = tmp_path / "roles.toml"
    path.write_text(text, encoding="utf-8")
    granted = roles.load(path)
    assert granted.problem[0] == key and key in WORDS
    assert granted.problem[1]["file"] == "roles.toml" and str(tmp_path) not in str(granted.problem)
    assert roles.role_for("a@city.example", [], granted) is None


def test_a_roles_file_too_large_or_not_a_regular_file_is_never_read(tmp_path, monkeypatch):
    import os
    import time

    big = tmp_path / "big.toml"
    big.write_text("# " + "x" * (roles.MAX_BYTES + 10), encoding="utf-8")
    assert roles.load(big).problem[0] == "roles_too_large"
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert roles.load(fifo).problem[0] == "roles_not_a_file"  # and does not hang waiting for a writer
    assert time.monotonic() - started < 5
    missing = roles.load(tmp_path / "missing.toml")
    assert missing.problem[0] == "roles_unreadable" and str(tmp_path) not in str(missing.problem)


def test_the_roles_file_is_read_again_only_when_it_changes(tmp_path, monkeypatch):
    import os

    path = tmp_path / "roles.toml"
    path.write_text('[roles.analyst]\nemails = ["a@city.example"]\n', encoding="utf-8")
    reads = []
    parse = roles._parse
    monkeypatch.setattr(roles, "_parse", lambda text, name: reads.append(name) or parse(text, name))
    for _ in range(5):
        assert roles.role_for("a@city.example", [], roles.load(path)) == "analyst"
    assert len(reads) == 1
    path.write_text('[roles.data_admin]\nemails = ["a@city.example"]\n', encoding="utf-8")
    os.utime(path, ns=(1, 10**18))  # a change of the same size within one tick still shows in its time
    assert roles.role_for("a@city.example", [], roles.load(path)) == "data_admin" and len(reads) == 2


def test_an_entry_after_a_last_line_without_its_end_stays_a_line_of_its_own(tmp_path):
    path = tmp_path / "audit.jsonl"
    audit.record("a", "undo", {}, path)
    path.write_bytes(path.read_bytes().rstrip(b"\n"))  # saved by an editor without the final newline
    audit.record("b", "undo", {}, path)
    log = audit.read(path)
    assert [e["actor"] for e in log.entries] == ["a", "b"] and log.chain_holds


def test_a_count_beside_a_hidden_one_is_hidden_with_it_so_it_cannot_bound_it():
    """Ideas by bureau for an aggregate role: B's 8 ideas go with A's 1 (the total would give A's back);
    B's 7 passed, left shown, would say B submitted at least 7, and so A exactly 1. The row goes whole."""
    frame = pd.DataFrame(
        {
            "bureau": ["A", "B", "C", "D", "E"],
            "ideas": [1, 8, 30, 40, 50],
            "passed": [0, 7, 20, 25, 30],
            "per_100": [1.0, 8.0, 3.0, 4.0, 5.0],
        }
    )
    shown = privacy.for_viewer(frame, ["ideas", "passed"], ("per_100",), sees_people=False)
    for column in ("ideas", "passed", "per_100"):
        assert shown[column].isna().tolist() == [True, True, False, False, False], column
    assert shown.loc[2:, "ideas"].tolist() == [30, 40, 50]


def test_a_lone_hidden_cell_left_by_hiding_rows_takes_one_more_row_with_it():
    # A's 3 and B's 4 learners hide each other, and their rows go whole; B has no completions figure, so
    # A's 10 completions would be the column's one hidden cell, given back by the total: C's row goes too
    frame = pd.DataFrame(
        {"bureau": ["A", "B", "C", "D"], "learners": [3, 4, 50, 60], "completions": [10, None, 20, 30]}
    )
    shown = privacy.for_viewer(frame, ["learners", "completions"], sees_people=False)
    assert shown["learners"].isna().tolist() == [True, True, True, False]
    assert shown["completions"].isna().tolist() == [True, True, True, False]


def test_a_year_s_results_are_one_group_whose_total_is_shown():
    # a bureau's ideas by result: 2024's 1 failed goes, and its 3 resubmitted with it (the year's 35 ideas
    # would give the 1 back); 2023 has no small cell
    frame = pd.DataFrame(
        {"fiscal_year": [2023, 2024], "ideas": [37, 35], "pass": [37, 31], "resubmit": [0, 3], "fail": [0, 1]}
    )
    shown = privacy.across_for_viewer(frame, ["pass", "resubmit", "fail"])
    assert shown.loc[0, ["pass", "resubmit", "fail"]].tolist() == [37, 0, 0]
    assert shown.loc[1, ["resubmit", "fail"]].isna().all() and shown.loc[1, "pass"] == 31
    assert shown["ideas"].tolist() == [37, 35]
    assert privacy.across_for_viewer(frame, ["pass", "resubmit", "fail"], sees_people=True).equals(frame)


def test_a_small_difference_between_a_whole_and_its_part_hides_the_row():
    """31 ideas and 30 passed, both shown, said one idea did not pass; 7 new managers of whom 6 attended,
    that one did not."""
    frame = pd.DataFrame(
        {"bureau": ["A", "B", "C", "D"], "ideas": [31, 36, 40, 50], "passed": [30, 20, 25, 30],
         "difference": ["+1.0 pt", "+2.0 pt", "+3.0 pt", "+4.0 pt"]}
    )  # fmt: skip
    shown = privacy.for_viewer(frame, ["ideas", "passed"], ("difference",), within=(("ideas", "passed"),))
    # A's 1 not passed goes, and the smallest other difference (C's 15) with it: the total not passed
    # would give A's back
    assert shown["ideas"].isna().tolist() == [True, False, True, False]
    assert shown["passed"].isna().tolist() == [True, False, True, False]
    assert shown["difference"].tolist() == ["—", "+2.0 pt", "—", "+4.0 pt"]  # words stay words
    plain = privacy.for_viewer(frame, ["ideas", "passed"], ("difference",))
    assert plain["difference"].tolist() == frame["difference"].tolist()  # nothing hidden: all kept
