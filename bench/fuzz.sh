#!/usr/bin/env bash
# bench/fuzz.sh N [SEED] [JOBS]: N mutants of a healthy repository (tests/fuzz/mod.rs), split
# over JOBS processes (default 2) at the lowest priority; each prints its report, then the
# totals are what to quote. Needs darcs 2.16 (the oracle) and the test corpus (built here
# with tests/fixtures/make-fixtures.sh when missing).
set -euo pipefail
n=${1:?usage: bench/fuzz.sh N [SEED] [JOBS]}
seed=${2:-1}
jobs=${3:-2}
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
corpus=${DARCSWEB_CORPUS:-$target/test-corpus}
[ -f "$corpus/README.txt" ] || bash tests/fixtures/make-fixtures.sh "$corpus"
cargo build --release --bin darcsweb --example fuzz
per=$(( (n + jobs - 1) / jobs ))
pids=()
for j in $(seq 0 $((jobs - 1))); do
  nice -n 19 "$target/release/examples/fuzz" "$per" $((seed + j * per)) "$corpus/repos/prims-d2" \
    "$target/fuzz-run-$j" > "$target/fuzz-$j.txt" 2>&1 &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
cat "$target"/fuzz-[0-9]*.txt
exit $status
