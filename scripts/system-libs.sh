#!/usr/bin/env bash
# Install the Debian libraries WeasyPrint (attestation PDFs) loads at run time,
# when missing: Pango, its FreeType back-end and HarfBuzz's subsetter (fonts are
# embedded subsetted). Run by `make run` and `make test`; needs root to install.
set -euo pipefail
missing=()
libs=$(ldconfig -p)
for pair in libpango-1.0.so.0:libpango-1.0-0 libpangoft2-1.0.so.0:libpangoft2-1.0-0 \
  libharfbuzz-subset.so.0:libharfbuzz-subset0 libfontconfig.so.1:libfontconfig1; do
  grep -qF "${pair%%:*}" <<<"$libs" || missing+=("${pair##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing Debian libraries for PDF attestations: ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "Run as root, or install them yourself: apt-get install ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
