"""Every word a person reads, in Japanese and English, and how to say one in a given language.

No Streamlit here: the figure builders and the briefing use it outside a page. The ETL's own messages
(etl/messages.py) and the kinds' names (etl/kinds.py) are part of the same table, written once there.
"""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from etl import settings
from etl.kinds import KINDS
from etl.messages import MESSAGES

Language = Literal["ja", "en"]


def _catalogue(name: str) -> dict[str, dict[str, str]]:
    """A keyed TOML catalogue beside this module: one table per key, its ja and en side by side."""
    return tomllib.loads((Path(__file__).parent / name).read_text(encoding="utf-8"))


LANGUAGES: tuple[Language, ...] = ("ja", "en")

STRINGS = _catalogue("words.toml")
PROGRAMME = _catalogue("words_programme.toml")  # the two programme pages' words

# the words of the ETL and of the kinds, so that a page says what the command line says
KIND_LABELS = {f"kind_{k.name}": {"ja": k.label_ja, "en": k.label_en} for k in KINDS.values()}
WORDS: dict[str, dict[str, str]] = {**MESSAGES, **KIND_LABELS, **STRINGS, **PROGRAMME}


# Words looked up by a value from the data (a level, a status, a step): every key written out, so that
# a test finds a missing or an unused one. A kind's words come from the kinds' own registry (etl/kinds.py).
LEVEL_WORDS = {"bronze": "level_bronze", "silver": "level_silver", "gold": "level_gold"}
STEP_WORDS = {
    "nominated": "step_nominated",
    "trained": "step_trained",
    "submitted": "step_submitted",
    "certified": "step_certified",
}
COST_WORDS = {"initial": "cost_initial", "running": "cost_running", "maintenance": "cost_maintenance"}
RESULT_WORDS = {
    "pass": "result_pass",
    "resubmit": "result_resubmit",
    "fail": "result_fail",
    "none": "result_none",
}
STAGE_WORDS = {
    "submitted": "stage_submitted",
    "passed": "stage_passed",
    "taken_up": "stage_taken_up",
    "building": "stage_building",
    "live": "stage_live",
}
PROJECT_STATUS_WORDS = {"idea": "status_idea", "building": "status_building", "live": "status_live"}
LOAD_STATUS_WORDS = {
    "loaded": "status_loaded",
    "unchanged": "status_unchanged",
    "rejected": "status_rejected",
}
SEVERITY_WORDS = {"quarantine": "severity_quarantine", "warning": "severity_warning"}
ROLE_WORDS = {"executive": "role_executive", "analyst": "role_analyst", "data_admin": "role_data_admin"}
# what the audit log records (etl.audit.ACTIONS), and how a person signed in (shell.access.mode)
AUDIT_ACTION_WORDS = {
    "sign_in": "audit_sign_in",
    "load": "audit_load",
    "undo": "audit_undo",
    "mapping": "audit_mapping",
    "download": "audit_download",
}
AUDIT_MODE_WORDS = {"local": "audit_mode_local", "header": "audit_mode_header", "oidc": "audit_mode_oidc"}
APP_EVENT_WORDS = {"created": "series_created", "released": "series_released", "retired": "series_retired"}
PAGE_WORDS = {
    "overview": "page_overview",
    "briefing": "page_briefing",
    "talent": "page_talent",
    "ideas": "page_ideas",
    "learning": "page_learning",
    "impact": "page_impact",
    "apps": "page_apps",
    "hours": "page_hours",
    "costs": "page_costs",
    "import": "page_import",
    "quality": "page_quality",
}
# why a briefing's PDF could not be printed (briefing.pdf.REASONS)
PDF_REASON_WORDS = {
    "no_chromium": "pdf_no_chromium",
    "print_failed": "pdf_print_failed",
    "printed_nothing": "pdf_printed_nothing",
    "busy": "pdf_busy",
}
# the programme's own rules a record can break (report_rule_checks' rule column)
CHECK_WORDS = {
    "certified_without_assignment": "rule_certified_without_assignment",
    "certified_without_session": "rule_certified_without_session",
    "nominated_not_trained": "rule_nominated_not_trained",
    "submitted_not_certified": "rule_submitted_not_certified",
}
# what each business rule (etl/settings.py) is, on the Data quality page's list of the rules in force
RULE_DESCRIPTIONS = {
    "inactive_days": "rule_inactive_days",
    "recent_use_days": "rule_recent_use_days",
    "min_days_to_annualise": "rule_min_days_to_annualise",
    "backlog_min_hours": "rule_backlog_min_hours",
    "min_group_size": "rule_min_group_size",
    "leaders_per_department": "rule_leaders_per_department",
}
KIND_WORDS = {kind: f"kind_{kind}" for kind in KINDS}  # the same keys as KIND_LABELS, from the same registry


# English says "1 app" and "2 apps": {count|app|apps} is the first form where the figure {count} is 1,
# else the second (a form may hold the figure itself: {count|one entry|all {count} entries})
_FORM = r"(?:[^|{}]|\{\w+\})*"
PLURAL = re.compile(rf"\{{(\w+)\|({_FORM})\|({_FORM})\}}")


def _plural(text: str, params: dict) -> str:
    def form(match: re.Match) -> str:
        return (
            match.group(2) if str(params.get(match.group(1), "")).strip() in ("1", "one") else match.group(3)
        )

    return PLURAL.sub(form, text)


def _fields(text: str) -> set[str]:
    """The placeholders a text names (a plural's figure among them)."""
    text = PLURAL.sub(lambda m: "{" + m.group(1) + "}" + m.group(2) + m.group(3), text)
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# the words that name a business rule ({inactive_days}): written with the rule's value in force, so that
# a page never says "180 days" of a list the office's settings cut at 90
WORDS_NAMING_RULES = frozenset(
    key for key, texts in WORDS.items() if _fields(texts["ja"]) & settings.BY_NAME.keys()
)


# English writes a count below ten in a sentence as a word ("two leaders"); Japanese writes the figure
_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def rule_values(lang: Language) -> dict[str, str]:
    values = settings.load().values.items()
    return {name: _SMALL[v] if lang == "en" and 0 <= v < 10 else f"{v:,}" for name, v in values}


def translate(lang: Language, key: str, **params) -> str:
    text = WORDS[key][lang]
    if key in WORDS_NAMING_RULES:
        params = rule_values(lang) | params
    if "|" in text:
        text = _plural(text, params)
    return text.format(**params) if params else text


@dataclass(frozen=True)
class Words:
    """The words of one language: `words("chart_hours_title")`; `words.lang` for the number formats."""

    lang: Language

    def __call__(self, key: str, **params) -> str:
        return translate(self.lang, key, **params)
