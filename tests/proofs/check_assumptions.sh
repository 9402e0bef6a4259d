#!/bin/sh
# tests/proofs/check_assumptions.sh: check that every exported theorem of
# theories/ is closed (no axiom, no admitted lemma) and that no .v file
# contains Admitted / admit / Axiom / Parameter / Conjecture.
#
# The exported theorems are listed in theories/Theorems.txt, one per line:
#   <Module> <theorem name>
# (lines starting with '#' and empty lines are ignored).  The script
# compiles theories/ (coqc, or `rocq compile` when present), generates a .v
# file that Requires every module and runs Print Assumptions on each
# theorem, and fails unless each prints "Closed under the global context".
# Last line of output: "N passed, M failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
theories="$root/theories"
list="$theories/Theorems.txt"

if command -v rocq >/dev/null 2>&1; then
  compile() { rocq compile "$@"; }
else
  compile() { coqc "$@"; }
fi

passed=0
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1. forbidden words in the sources
if grep -nE 'Admitted|admit\.|Axiom|Parameter|Conjecture' "$theories"/*.v; then
  echo "FAIL: forbidden keyword in theories/*.v (see above)"
  failed=$((failed + 1))
else
  passed=$((passed + 1))
fi

# 2. compile the theories (in a copy, so the tree is not touched)
mkdir -p "$work/theories" "$work/extracted"
cp "$theories"/*.v "$theories"/_CoqProject "$work/theories/"
cd "$work/theories" || exit 2
ok=1
for f in $(grep '\.v$' _CoqProject); do
  if ! compile -R . DarcsWeb "$f" >"$work/compile.log" 2>&1; then
    cat "$work/compile.log"
    echo "FAIL: $f does not compile"
    ok=0
    break
  fi
done
if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "$passed passed, $failed failed"; exit 1; fi

# 3. Print Assumptions of every exported theorem
gen="$work/theories/CheckAssumptions.v"
mods=$(grep -v '^#' "$list" | awk 'NF>=2 {print $1}' | sort -u | tr '\n' ' ')
echo "From DarcsWeb Require $mods." > "$gen"
n=0
grep -v '^#' "$list" | awk 'NF>=2 {print $1, $2}' | while read -r m t; do
  echo "Print Assumptions $m.$t."
done >> "$gen"
compile -R . DarcsWeb CheckAssumptions.v >"$work/assumptions.log" 2>&1
status=$?
if [ $status -ne 0 ]; then
  cat "$work/assumptions.log"
  echo "FAIL: the Print Assumptions file does not compile"
  failed=$((failed + 1))
  echo "$passed passed, $failed failed"
  exit 1
fi
# Each Print Assumptions prints either "Closed under the global context"
# or a block starting with "Axioms:" (or similar); split the log per theorem.
total=$(grep -v '^#' "$list" | awk 'NF>=2' | wc -l)
closed=$(grep -c 'Closed under the global context' "$work/assumptions.log")
names=$(grep -v '^#' "$list" | awk 'NF>=2 {print $1 "." $2}')
# Map each answer to its theorem, in order.
awk -v names="$names" '
  BEGIN { n = split(names, nm, "\n"); i = 0 }
  /Closed under the global context/ { i++; print "ok    " nm[i]; next }
  /^(Axioms|Section Variables|Opaque constants|Transparent constants):?/ { i++; print "NOT CLOSED " nm[i]; next }
' "$work/assumptions.log" > "$work/result.txt"
cat "$work/result.txt"
p=$(grep -c '^ok ' "$work/result.txt")
f=$((total - p))
passed=$((passed + p))
failed=$((failed + f))
if [ "$closed" -ne "$total" ]; then
  echo "FAIL: $closed of $total theorems are closed under the global context"
  cat "$work/assumptions.log"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
