#!/usr/bin/env bash
# Re-check every compiled module of theories/ (all of _CoqProject) with the independent
# kernel checker, coqchk (rocqchk on Rocq >= 9; COQCHK overrides), and require an empty
# context: no axiom, no type-in-type, no unsafe (co)fixpoint, no assumed positivity.
# It reads the .vo files: run `make proofs` first. Last line: the count and the time.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here/theories"
if [ -n "${COQCHK:-}" ]; then chk=$COQCHK
elif command -v rocqchk >/dev/null 2>&1; then chk=rocqchk
else chk=coqchk; fi
mods=$(grep -E '\.v$' _CoqProject | sed 's/\.v$//; s/^/DarcsWeb./')
for m in $mods; do
  [ -f "${m#DarcsWeb.}.vo" ] || { echo "coqchk: ${m#DarcsWeb.}.vo is missing: run make proofs first" >&2; exit 2; }
done
out=$(mktemp)
trap 'rm -f "$out"' EXIT
start=$(date +%s)
# shellcheck disable=SC2086
if ! $chk -silent -o -R . DarcsWeb $mods >"$out" 2>&1; then
  cat "$out"
  echo "coqchk: FAILED" >&2
  exit 1
fi
end=$(date +%s)
sed -n '/CONTEXT SUMMARY/,$p' "$out"
for k in "Axioms" "Constants/Inductives relying on type-in-type" \
         "Constants/Inductives relying on unsafe (co)fixpoints" "Inductives whose positivity is assumed"; do
  if ! grep -qF "* $k: <none>" "$out"; then
    echo "coqchk: \"$k\" is not empty (see above)" >&2
    exit 1
  fi
done
echo "coqchk: $(echo "$mods" | wc -w) modules checked, empty context, $((end - start)) s"
