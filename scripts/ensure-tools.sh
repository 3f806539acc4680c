#!/usr/bin/env bash
# System tools the tests call: xmllint (MusicXML schema validation) and poppler (PDF checks).
# Installed from Debian's packages when missing (needs root); otherwise says what to install.
set -euo pipefail
missing=()
command -v xmllint >/dev/null || missing+=(libxml2-utils)
command -v pdfinfo >/dev/null || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}"
else
  echo "Please install: ${missing[*]} (e.g. sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi
