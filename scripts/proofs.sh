#!/usr/bin/env bash
# Check every theory file (in the order of theories/_CoqProject). With --extract, also
# compile Extract.v, which writes the OCaml into ../extracted/ relative to the directory
# it is compiled in. DIR (default theories/) lets the extraction check work on a copy.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
extract=0
[ "${1:-}" = --extract ] && { extract=1; shift; }
dir=${1:-$here/theories}
cd "$dir"
flags=$(grep -E '^-' _CoqProject | tr '\n' ' ')
for f in $(grep -E '\.v$' _CoqProject); do
  if [ "$f" = Extract.v ] && [ $extract -eq 0 ]; then continue; fi
  if [ "$f" != Extract.v ] && [ -f "${f%.v}.vo" ] && [ "${f%.v}.vo" -nt "$f" ] && [ $extract -eq 1 ]; then continue; fi
  echo "  CHECK $f"
  # shellcheck disable=SC2086
  "$here/scripts/coqc.sh" $flags "$f"
done
