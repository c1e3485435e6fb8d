"""The business rules: each defined once with its default, bounds and words, documented in the settings
file, bound into the SQL, and named in the words with the value in force. The tests loop over the live
list of rules, so a new one cannot go undocumented."""

from __future__ import annotations

import re
import tomllib

import pytest

from etl import config, reports, settings
from etl.db import parameter_names
from presentation.words import LANGUAGES, RULE_DESCRIPTIONS, WORDS, WORDS_NAMING_RULES, translate
from tests.conftest import office_settings

SHIPPED = tomllib.loads(config.DEFAULT_SETTINGS.read_text(encoding="utf-8"))
SHIPPED_TEXT = config.DEFAULT_SETTINGS.read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", settings.RULES, ids=lambda rule: rule.key)
def test_every_rule_is_written_in_the_shipped_settings_file_with_its_default_and_bounds(rule):
    if rule.fixed:  # the contract's rule is named in a comment, never as a key the office might edit
        assert rule.name not in SHIPPED.get(rule.section, {})
        assert f"[{rule.section}] {rule.name} = {rule.default}" in SHIPPED_TEXT
        return
    assert SHIPPED[rule.section][rule.name] == rule.default
    # the comment above the key says what it is and the bounds a value must keep to
    comment = SHIPPED_TEXT.split(f"\n{rule.name} = ")[0].rsplit("\n", 1)[-1]
    assert comment.startswith("# ") and comment.rstrip().endswith(f"{rule.minimum}-{rule.maximum}")


@pytest.mark.parametrize("rule", settings.RULES, ids=lambda rule: rule.key)
def test_every_rule_has_its_words_and_is_used_by_the_code(rule):
    assert all(WORDS[RULE_DESCRIPTIONS[rule.name]][lang] for lang in LANGUAGES)
    assert rule.minimum <= rule.default <= rule.maximum
    # read where a figure is made: settings.value("name") in the code, or $name bound by a query (not
    # only named in a comment); the words' table of rule descriptions does not count
    code = "".join(
        path.read_text(encoding="utf-8")
        for folder in ("etl", "presentation", "shell", "briefing", "app_pages")
        for path in (config.PROJECT_ROOT / folder).rglob("*.py")
    )
    bound = set().union(
        *(parameter_names(p.read_text(encoding="utf-8")) for p in config.SQL_DIR.glob("*.sql"))
    )
    assert f'settings.value("{rule.name}")' in code or rule.name in bound


def test_no_rule_is_written_as_a_figure_in_the_words():
    # "no use for 180 days" would stay 180 when the office sets 90: the words name the rule instead
    written = {
        key
        for key, texts in WORDS.items()
        for rule in settings.RULES
        if not rule.fixed and re.search(rf"(?<![\d,.]){rule.default}\s*(日|days)", texts["ja"] + texts["en"])
    }
    assert written == set()
    assert {"kpi_used_recently", "deck_act_why_inactive", "action_list_title"} <= WORDS_NAMING_RULES


def test_a_rule_the_office_changes_changes_the_list_and_its_words(tmp_path, monkeypatch, demo_con):
    before = reports.run(demo_con, "report_cleanup", bureaus=[])
    office_settings(tmp_path, monkeypatch, "[lowcode]\ninactive_days = 30\nrecent_use_days = 7\n")
    after = reports.run(demo_con, "report_cleanup", bureaus=[])
    assert after["is_inactive"].sum() > before["is_inactive"].sum()
    assert translate("en", "deck_act_why_inactive") == "no use in 30 days"
    assert translate("ja", "kpi_used_recently") == "直近7日に利用されたアプリ"
    week = reports.first_row(reports.run(demo_con, "report_app_activity"))["used_recently"]
    office_settings(tmp_path, monkeypatch, "[lowcode]\nrecent_use_days = 90\n")
    quarter = reports.first_row(reports.run(demo_con, "report_app_activity"))["used_recently"]
    assert 0 < week < quarter


def test_a_report_is_given_its_parameters_but_never_the_rules_it_binds():
    assert reports.parameters("report_cleanup") == {"bureaus"}
    assert reports.parameters("report_app_activity") == frozenset()


@pytest.mark.parametrize(
    "text", ["inactive_days = 3", "inactive_days = 99999", 'inactive_days = "often"', "inactive_days = 1.5"]
)
def test_a_value_that_cannot_be_used_falls_back_to_the_default_and_says_why(tmp_path, monkeypatch, text):
    office_settings(tmp_path, monkeypatch, f"[lowcode]\n{text}\n")
    loaded = settings.load()
    assert loaded["inactive_days"] == 180 and "inactive_days" not in loaded.given
    [(name, key, params)] = loaded.problems
    assert (name, key, params["rule"], params["min"], params["max"]) == (
        "inactive_days",
        "rule_out_of_range",
        "lowcode.inactive_days",
        7,
        3650,
    )


@pytest.mark.parametrize("text", ["10", "10.0", '"10"', '"１０"', '" 10 "'])
def test_a_whole_number_is_read_however_the_office_writes_it(tmp_path, monkeypatch, text):
    office_settings(tmp_path, monkeypatch, f"[privacy]\nmin_group_size = {text}\n")
    assert settings.value("min_group_size") == 10 and not settings.load().problems


def test_an_unreadable_settings_file_says_every_rule_uses_its_default(tmp_path, monkeypatch):
    office_settings(tmp_path, monkeypatch, "[lowcode\ninactive_days = 30\n")
    loaded = settings.load()
    assert loaded["inactive_days"] == 180
    [(_, key, params)] = loaded.problems
    assert key == "rules_unreadable" and params["file"] == "settings.toml"


def test_a_rule_named_only_in_a_comment_is_not_bound():
    # DuckDB refuses a parameter a query has no place for: a comment naming a rule must not add one
    sql = "-- apps unused for $inactive_days days\nselect $fiscal_year -- and $bureaus\n"
    assert parameter_names(sql) == {"fiscal_year"}


def test_the_contracts_rule_is_never_read_from_the_file(tmp_path, monkeypatch):
    office_settings(tmp_path, monkeypatch, "[programme]\nleaders_per_department = 3\n")
    assert settings.value("leaders_per_department") == 2 and not settings.load().problems


def test_an_edited_settings_file_is_read_again(tmp_path, monkeypatch):
    path = office_settings(tmp_path, monkeypatch, "[privacy]\nmin_group_size = 8\n")
    assert settings.value("min_group_size") == 8
    path.write_text("[privacy]\nmin_group_size = 12\n", encoding="utf-8")
    assert settings.value("min_group_size") == 12
