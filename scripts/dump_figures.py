"""Writes every figure the product shows on the demo, as text, so that a change meant to move code and not
figures can be checked byte for byte: `python scripts/dump_figures.py OUT` before and after, then `diff -r`.

What it writes, all for a pinned today (DXDASH_TODAY, else 2026-11-16) and the demo of seed 2024:
- every report (etl/sql/report_*.sql) for each fiscal year 2023-2026, city-wide and for one bureau, with
  each value of a choice parameter (level, dimension, lang);
- `python -m etl kpis --json` of FY2023-2026;
- the briefing deck's content (cover, slides, tables, notes, chart figures) of FY2023-2026 in ja and en;
- with --pages, every page's text in ja and en as AppTest reads it (cards, captions, tables, charts), for
  the latest year and for FY2025, a complete one.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import sys
import tempfile
from dataclasses import asdict, is_dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DXDASH_TODAY", "2026-11-16")

YEARS = (2023, 2024, 2025, 2026)
COMPLETE_YEAR = 2025
# when the dump's own load ran, as the pages write it (it differs run to run; no figure is written so)
LOAD_TIME = re.compile(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?|\d{8}T\d{6}-\d+-\d+\.duckdb")
PAGES = (
    "overview",
    "briefing",
    "talent",
    "ideas",
    "learning",
    "impact",
    "apps",
    "hours",
    "costs",
    "import",
    "quality",
)


def _values(name: str, bureau: str) -> list[dict]:
    from etl import reports
    from etl.fiscal import today_in_japan

    wanted = reports.parameters(name)
    choices: dict[str, list] = {
        "fiscal_year": list(YEARS),
        "bureaus": [[], [bureau]],
        "today": [today_in_japan()],
        "as_of": [date(2026, 10, 31)],  # the demo's own as_of on the pinned today
        "min_hours": [0, 300],
        "positions": [["係長", "課長", "部長"]],
        **{key: list(allowed) for key, allowed in reports.CHOICES.items()},
    }
    keys = sorted(wanted)
    unknown = set(keys) - set(choices)
    if unknown:
        raise SystemExit(f"{name}: no values to dump for {sorted(unknown)}")
    return [dict(zip(keys, combo, strict=True)) for combo in itertools.product(*(choices[k] for k in keys))]


def _rounded(value):
    """Floats to 10 significant digits: DuckDB sums in parallel, so a float's last bits differ run to run
    on the same data and code (653.85 or 653.8499999999997); every figure shown is rounded far coarser."""
    if isinstance(value, float):
        return float(f"{value:.10g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _json(value) -> str:
    return json.dumps(_rounded(value), ensure_ascii=False, indent=1, sort_keys=True, default=str)


def _plain(value):
    import plotly.graph_objects as go

    if isinstance(value, go.Figure):
        return json.loads(value.to_json())
    if is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in asdict(value).items()} | {"__type__": type(value).__name__}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _deck(con, fiscal_year: int, lang: str):
    from briefing import content

    deck = content.gather(con, fiscal_year, lang)
    # asdict() deep-copies figures badly; walk the deck's fields by hand
    out = {}
    for key, value in vars(deck).items():
        if key == "slides":
            out[key] = [{k: _plain(v) for k, v in vars(slide).items()} for slide in value]
        else:
            out[key] = _plain(value)
    return out


def _pages(out: Path, db: Path) -> None:
    from streamlit.testing.v1 import AppTest

    os.environ["DXDASH_DB"] = str(db)
    # the latest year (in progress: no change on a whole year) and a complete one (changes on the year before)
    for page, lang, year in itertools.product(PAGES, ("ja", "en"), (None, COMPLETE_YEAR)):
        app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        app.query_params["lang"] = lang
        if year:
            app.query_params["fy"] = str(year)
        app.switch_page(f"app_pages/{page}.py")
        app.run()
        lines = _texts(app.main)
        text = LOAD_TIME.sub("<load time>", "\n".join(lines) + "\n")
        name = f"{page}.{lang}" + (f".fy{year}" if year else "")
        (out / "pages" / f"{name}.txt").write_text(text, encoding="utf-8")


def _texts(element) -> list[str]:
    from streamlit.testing.v1.element_tree import Block

    if isinstance(element, Block):
        return [line for child in element.children.values() for line in _texts(child)]
    kind = type(element).__name__
    proto = getattr(element, "proto", None)
    if kind == "Metric":
        return [f"metric | {element.label} | {element.value} | {element.delta} | {proto.help}"]
    if kind == "Dataframe":
        return [f"table | {element.value.to_csv(index=False, float_format='%.10g')}"]
    if proto is not None and proto.DESCRIPTOR.name == "PlotlyChart":
        return [f"chart | {_json(json.loads(proto.spec))}"]
    for attribute in ("value", "label", "body"):
        if hasattr(element, attribute):
            try:
                return [f"{kind} | {getattr(element, attribute)}"]
            except Exception:  # an element whose value AppTest cannot read is named only
                break
    return [kind]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", action="store_true", help="also every page's text through AppTest")
    args = parser.parse_args()

    import duckdb

    from etl import demo, loader, metrics, reports

    work = Path(tempfile.mkdtemp(prefix="dump-"))
    demo.write_demo(work / "exports", seed=2024)
    db = work / "dxdash.duckdb"
    loader.load([work / "exports"], db=db)
    for folder in ("reports", "kpis", "briefing", "pages"):
        (args.out / folder).mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db), read_only=True)
    bureau = reports.run(con, "report_bureaus")["bureau_name"].iloc[0]
    for name in reports.REPORTS:
        parts = []
        for params in _values(name, bureau):
            frame = reports.run(con, name, **params)
            if "loaded_at" in frame or "run_id" in frame:  # the load's own clock and id differ run to run
                frame = frame.drop(columns=[c for c in ("loaded_at", "run_id", "started_at") if c in frame])
            parts.append(
                f"## {json.dumps(params, default=str)}\n{frame.to_csv(index=False, float_format='%.10g')}"
            )
        (args.out / "reports" / f"{name}.txt").write_text(
            LOAD_TIME.sub("<load time>", "\n".join(parts)), encoding="utf-8"
        )
    for year in YEARS:
        figures = metrics.kpis(con, year)
        (args.out / "kpis" / f"{year}.json").write_text(_json(figures), encoding="utf-8")
        for lang in ("ja", "en"):
            deck = _deck(con, year, lang)
            deck.pop("footer", None)  # names the load's time
            (args.out / "briefing" / f"{year}.{lang}.json").write_text(_json(deck), encoding="utf-8")
    con.close()
    if args.pages:
        _pages(args.out, db)
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
