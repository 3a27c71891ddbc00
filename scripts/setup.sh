#!/usr/bin/env bash
# Prepares a fresh Debian/Ubuntu machine for paldocs: system packages (fonts for the PDF, poppler for the
# PDF-text tests, LibreOffice Writer for the real-client DOCX test, Pango for WeasyPrint, Chromium for the
# test that the BIP HTML page loads in a browser without any request), then a virtual environment in .venv
# with paldocs and its test tools. Safe to run again; skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(fonts-liberation2 fontconfig poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
          libreoffice-writer-nogui chromium chromium-driver)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
echo "setup: ready (.venv/bin/paldocs)"
