#!/usr/bin/env bash
# Debian packages the dashboard needs besides Python: Chromium (prints the briefing's PDF; the browser
# tests drive it), Noto Sans CJK (Japanese on screen and in slides) and IPAex Gothic (a TrueType Japanese
# font Chromium embeds in the PDF). Usage: scripts/system-packages.sh [extra packages...]
# Installs only what is missing, and only where it can (root with apt-get); else it says what is missing.
set -uo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing+=(fonts-noto-cjk)
fc-list 2>/dev/null | grep -qi "ipaexgothic" || missing+=(fonts-ipaexfont-gothic)
for package in "$@"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "missing system packages (the PDF briefing needs them): ${missing[*]}" >&2
fi
exit 0
