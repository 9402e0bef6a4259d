#!/usr/bin/env bash
# Check every theory file (in the order of theories/_CoqProject). Extract.v writes the
# OCaml into ../extracted/ relative to the directory it is compiled in: with --extract it
# is compiled in DIR (so extracted/ is rewritten), otherwise in a scratch directory.
# DIR (default theories/) lets the extraction check work on a copy.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
extract=0
[ "${1:-}" = --extract ] && { extract=1; shift; }
dir=${1:-$here/theories}
cd "$dir"
flags=$(grep -E '^-' _CoqProject | tr '\n' ' ')
for f in $(grep -E '\.v$' _CoqProject); do
  if [ "$f" = Extract.v ] && [ $extract -eq 0 ]; then
    # Spec.v (after it) states its theorems on the api_* entry points: compile Extract.v
    # too, but from a scratch directory, so that its OCaml goes there, not to extracted/.
    scratch=$(mktemp -d)
    mkdir "$scratch/x" "$scratch/extracted"
    echo "  CHECK $f (extraction written to a scratch directory)"
    (cd "$scratch/x" && "$here/scripts/coqc.sh" -R "$dir" DarcsWeb "$dir/$f") || { rm -rf "$scratch"; exit 1; }
    rm -rf "$scratch"
    continue
  fi
  if [ "$f" != Extract.v ] && [ -f "${f%.v}.vo" ] && [ "${f%.v}.vo" -nt "$f" ] && [ $extract -eq 1 ]; then continue; fi
  echo "  CHECK $f"
  # shellcheck disable=SC2086
  "$here/scripts/coqc.sh" $flags "$f"
done
