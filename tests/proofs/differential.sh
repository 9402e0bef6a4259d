#!/bin/sh
# tests/proofs/differential.sh [REPO...]: build the extracted core with the glue
# and a small driver (in a temporary directory), then compare it with real darcs
# on the given repositories (made by tests/fixtures/make-fixtures.sh; default
# $CORPUS/repos/prims-d1..d3).  Needs ocamlfind, python3, darcs.
# Last line of output: "N passed, M failed".
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root/extracted/darcscore.ml" "$root/extracted/darcscore.mli" \
   "$root/src/core/ffi/glue.ml" "$here/core_driver.ml" "$work/"
( cd "$work" &&
  ocamlfind ocamlopt -package str -c darcscore.mli darcscore.ml glue.ml &&
  ocamlfind ocamlopt -package str darcscore.cmx glue.cmx core_driver.ml -o core_driver )
if [ $# -eq 0 ]; then
  corpus=${CORPUS:-/tmp/corpus}
  set -- "$corpus/repos/prims-d1" "$corpus/repos/prims-d2" "$corpus/repos/prims-d3"
fi
python3 "$here/differential.py" "$work/core_driver" "$@"
