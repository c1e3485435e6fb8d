"""python -m briefing --fy N --lang ja|en --out FILE.pptx|FILE.pdf [--bureau NAME] [--db FILE]
                     [--nominations N] [--gold-places N]

Exit 0 with the file written, or 2 with a one-line reason. Never imports Streamlit."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from briefing import content, pdf, slides
from etl import config
from etl.db import first_line


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m briefing", description="DX talent dashboard: executive briefing"
    )
    parser.add_argument("--fy", type=int, required=True, help="fiscal year (2024 = 2024年度)")
    parser.add_argument("--lang", choices=("ja", "en"), required=True)
    parser.add_argument("--out", type=Path, required=True, help="FILE.pptx or FILE.pdf")
    parser.add_argument("--bureau", help="one bureau (局・区) instead of the whole city")
    parser.add_argument("--db", help="the database (default: DXDASH_DB or data/dxdash.duckdb)")
    parser.add_argument(
        "--nominations", type=_count, help="next year's Silver nominations (default: the year's own)"
    )
    parser.add_argument(
        "--gold-places",
        type=_count,
        help="next year's Gold seminar places (default: the year's own Gold attendees)",
    )
    args = parser.parse_args(argv)
    suffix = args.out.suffix.lower()
    if suffix not in (".pptx", ".pdf"):
        return _fail(f"--out must end in .pptx or .pdf: {args.out.name}")
    path = config.db_path(args.db)
    if not path.exists():
        return _fail(f"no database at {path}: load exports first (python -m etl load ...)")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        return _fail(first_line(error))
    try:
        if args.bureau and args.bureau not in _bureaus(con):
            return _fail(f"unknown bureau: {args.bureau}")
        deck = content.gather(
            con, args.fy, args.lang, args.bureau, planned=(args.nominations, args.gold_places)
        )
        data = slides.write(deck) if suffix == ".pptx" else pdf.write(deck)
    except LookupError:
        return _fail(f"no data for fiscal year {args.fy}")
    except pdf.PdfError as error:
        return _fail(f"the PDF could not be printed: {error}")
    except duckdb.Error as error:
        return _fail(first_line(error))
    finally:
        con.close()
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(data)
    except OSError as error:
        return _fail(first_line(error))
    print(args.out)
    return 0


def _bureaus(con) -> list[str]:
    from etl import reports

    return reports.run(con, "report_bureaus")["bureau_name"].tolist()


def _count(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 100_000:
        raise argparse.ArgumentTypeError(f"must be between 0 and 100000, not {value}")
    return value


def _fail(reason: str) -> int:
    print(reason, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
