"""Bilingual (ja/en) messages the ETL writes into its log, quarantine and command-line output."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

# the catalogue, Japanese and English side by side (etl/messages.toml): read once, here
MESSAGES: dict[str, dict[str, str]] = tomllib.loads(
    (Path(__file__).parent / "messages.toml").read_text(encoding="utf-8")
)
LANGS = ("ja", "en")  # every message is in each


def language() -> str:
    """The CLI's language: DXDASH_LANG, else the locale, else English."""
    for var in ("DXDASH_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def msg(key: str, lang: str | None = None, **params) -> str:
    text = MESSAGES[key][lang or language()]
    return text.format(**params) if params else text


def in_each_language(key: str, **params) -> dict[str, str]:
    """A message in every language, by its code: for a page that shows it in whichever its reader reads."""
    return {lang: msg(key, lang, **params) for lang in LANGS}
