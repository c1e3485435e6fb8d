#!/usr/bin/env bash
# Checks the briefing as a person would, outside the default test command (LibreOffice is large):
# makes the .pptx and .pdf of a complete year, a year in progress and one bureau in both languages
# from a database (default: the demo, built if missing), opens every .pptx in LibreOffice (headless,
# converted to PDF), renders every page of every PDF to a picture with pdftoppm, and checks the fonts
# (pdffonts) and the figures (pdftotext) of the PDFs. Look at the pictures it lists.
# Usage: scripts/check-briefing.sh [database]   Pictures: test-artifacts/briefing/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
scripts/system-packages.sh poppler-utils libreoffice-impress
out=test-artifacts/briefing
rm -rf "$out" && mkdir -p "$out"
db="${1:-}"
if [ -z "$db" ]; then
  db="$out/demo/dxdash.duckdb"
  .venv/bin/python -m etl demo --out "$out/demo-exports" >/dev/null
  DXDASH_DB="$db" .venv/bin/python -m etl load "$out/demo-exports" >/dev/null || true  # 3 bad rows on purpose
fi
latest=$(DXDASH_DB="$db" .venv/bin/python -m etl kpis --json | .venv/bin/python -c "import json,sys; print(json.load(sys.stdin)['fiscal_year'])")
complete=$((latest - 2))
bureau=$(.venv/bin/python -c "import duckdb,sys; print(duckdb.connect(sys.argv[1], read_only=True).execute('select bureau_name from stg_organizations where bureau_name <> \'\' order by bureau_order limit 1').fetchone()[0])" "$db")
cases=("ja $complete" "en $complete" "ja $latest" "en $latest" "ja $latest bureau")
for case in "${cases[@]}"; do
  set -- $case
  name="briefing-$1-$2${3:+-bureau}"
  extra=()
  [ "${3:-}" = "bureau" ] && extra=(--bureau "$bureau")
  .venv/bin/python -m briefing --fy "$2" --lang "$1" --out "$out/$name.pptx" --db "$db" "${extra[@]}" >/dev/null
  .venv/bin/python -m briefing --fy "$2" --lang "$1" --out "$out/$name.pdf" --db "$db" "${extra[@]}" >/dev/null
  # the PowerPoint as an office suite opens it
  mkdir -p "$out/libreoffice"
  soffice --headless --convert-to pdf --outdir "$out/libreoffice" "$out/$name.pptx" >/dev/null 2>&1
  pdftoppm -r 60 -png "$out/libreoffice/$name.pdf" "$out/libreoffice/$name"
  pdftoppm -r 60 -png "$out/$name.pdf" "$out/$name"
  # the PDF: every font embedded, no glyphs drawn as Type 3 shapes, the headline figures in its text
  fonts=$(pdffonts "$out/$name.pdf" | tail -n +3)
  if ! echo "$fonts" | awk '$(NF-4) != "yes" { bad = 1 } END { exit bad }'; then
    echo "FAIL $name: a font is not embedded"; echo "$fonts"; exit 1
  fi
  if echo "$fonts" | grep -q "Type 3"; then echo "FAIL $name: Type 3 glyphs"; exit 1; fi
  hours=$(DXDASH_DB="$db" .venv/bin/python -c "
import json, subprocess, sys
from presentation import fmt
k = json.loads(subprocess.run([sys.executable, '-m', 'etl', 'kpis', '--fy', '$2', '--json'], capture_output=True, text=True).stdout)
print(fmt.hours(k['hours_saved'], '$1'))")
  pdftotext "$out/$name.pdf" - | grep -F "$hours" >/dev/null || { echo "FAIL $name: $hours not in the PDF"; exit 1; }
  # LibreOffice spaces Latin from Japanese in its text layer: compare without spaces
  pdftotext "$out/libreoffice/$name.pdf" - | tr -d " " | grep -F "${hours// /}" >/dev/null || { echo "FAIL $name: $hours not in the slides"; exit 1; }
  echo "ok $name: fonts embedded ($(echo "$fonts" | awk '{print $1}' | sort -u | tr '\n' ' ')), $hours found"
done
echo "pictures to look at: $out/*.png and $out/libreoffice/*.png"
