#!/usr/bin/env bash
# The fiat-crypto discipline: extract afresh into a temporary directory and fail if
# anything differs from the committed extracted/. Nobody hand-edits generated code.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -a "$here/theories" "$tmp/theories"
mkdir "$tmp/extracted"
"$here/scripts/proofs.sh" --extract "$tmp/theories" >/dev/null
if diff -ru "$here/extracted" "$tmp/extracted"; then
  echo "extraction check: extracted/ matches a fresh extraction ($(ls "$tmp/extracted" | wc -l) files)"
else
  echo "extraction check FAILED: extracted/ differs from a fresh extraction of theories/ (run 'make extract' and commit)" >&2
  exit 1
fi
