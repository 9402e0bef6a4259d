#!/usr/bin/env bash
# bench/compare.sh: two darcsweb builds side by side, in one run, on bench/load.sh's data.
#
#   bash bench/compare.sh BEFORE_BIN AFTER_BIN [ROUNDS=3] [SECONDS=5] [CONNECTIONS=32]
#
# Runs bench/load.sh with each binary in turn (before, after, before, after, ...), ROUNDS
# times, so that both meet the same machine load, and prints per page family the median
# warm requests/s and p99 of each and their ratio (after / before) as a markdown table.
# Build BEFORE_BIN from an older commit, e.g.
#   git worktree add /tmp/old OLDCOMMIT && (cd /tmp/old && cargo build --release)
# Needs what bench/load.sh needs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bench/compare.sh BEFORE_BIN AFTER_BIN [ROUNDS] [SECONDS] [CONNECTIONS]" >&2; exit 2; }
BEFORE=$1
AFTER=$2
ROUNDS=${3:-3}
SECS=${4:-5}
CONNS=${5:-32}
OUT=bench/out/compare.txt
mkdir -p bench/out
: > "$OUT"
for r in $(seq 1 "$ROUNDS"); do
  for side in before after; do
    if [ "$side" = before ]; then bin=$BEFORE; else bin=$AFTER; fi
    echo "== round $r: $side ($bin)" >&2
    echo "### $side" >> "$OUT"
    DARCSWEB_BIN=$bin bash bench/load.sh "$SECS" "$CONNS" 2>&1 | sed -n '/== wrk/,$p' >> "$OUT"
  done
done
python3 - "$OUT" <<'PYEOF'
import collections, re, statistics, sys
runs = collections.defaultdict(lambda: collections.defaultdict(list))
side = None
for line in open(sys.argv[1]):
    m = re.match(r"### (\w+)", line)
    if m:
        side = m.group(1)
        continue
    m = re.match(r"^(.{16})\s+([\d.]+)\s+([\d.]+)(us|ms|s)\s+([\d.]+)(us|ms|s)", line)
    if m and side:
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
        runs[m.group(1).strip()][side].append((float(m.group(2)), float(m.group(5)) * scale[m.group(6)]))
print("| family | before req/s | after req/s | after/before | before p99 | after p99 |")
print("|---|---|---|---|---|---|")
for fam, v in runs.items():
    med = lambda s, k: statistics.median(x[k] for x in v[s]) if v[s] else float("nan")
    b, a = med("before", 0), med("after", 0)
    print(f"| {fam} | {b:.0f} | {a:.0f} | {a / b:.2f}× | {med('before', 1):.1f} ms | {med('after', 1):.1f} ms |")
PYEOF
