#!/usr/bin/env bash
# bench/compare.sh: two darcsweb builds side by side, in one run, on bench/load.sh's data.
#
#   bash bench/compare.sh BEFORE_BIN AFTER_BIN [ROUNDS=3] [SECONDS=5] [CONNECTIONS=32]
#
# Runs bench/load.sh with each binary in turn (before, after, before, after, ...), ROUNDS
# times, so that both meet the same machine load, and prints per page family the median
# warm requests/s and p99 of each and their ratio (after / before) as a markdown table.
# With COMPARE_REPO=DIR (a darcs repository, e.g. a real history imported by
# bench/real.sh) and COMPARE_FILE=PATH (a file in it, e.g. its most-edited one), it
# measures that repository's log, tree, file, annotate and middle patch pages instead,
# with `wrk -t2 -c8` for SECONDS each after three warming requests (binaries that know
# it get --no-cache-dir).
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
# one binary's run on COMPARE_REPO, in bench/load.sh's table format
real_run() {
  local bin=$1 port root name extra=() base hash total u r rps p50 p99
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  root=$(mktemp -d) && name=$(basename "$COMPARE_REPO") && ln -s "$(realpath "$COMPARE_REPO")" "$root/$name"
  "$bin" serve --help | grep -q -- --no-cache-dir && extra=(--no-cache-dir)
  "$bin" serve "${extra[@]}" --listen "127.0.0.1:$port" "$root" > /dev/null 2>&1 &
  local pid=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.1; done
  total=$(curl -sf "$base/api/$name/log?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
  hash=$(curl -sf "$base/api/$name/log?offset=$((total / 2))&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["patches"][0]["hash"])')
  echo "family                  req/s          p50          p99"
  for u in "log page|/$name/log" "head tree dir|/$name/tree/head/" "head tree file|/$name/tree/head/$COMPARE_FILE" \
           "annotate|/$name/annotate/head/$COMPARE_FILE" "patch page|/$name/patch/$hash"; do
    for _ in 1 2 3; do curl -s -o /dev/null --max-time 120 "$base${u#*|}"; done
    r=$(wrk -t2 -c8 -d"${SECS}s" --latency "$base${u#*|}" | awk '/Requests\/sec/{rps=$2} /^ +50%/{p50=$2} /^ +99%/{p99=$2} END{print rps, p50, p99}')
    read -r rps p50 p99 <<< "$r"
    printf '%-16s %12s %12s %12s\n' "${u%%|*}" "$rps" "$p50" "$p99"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -r "$root"
}

for r in $(seq 1 "$ROUNDS"); do
  for side in before after; do
    if [ "$side" = before ]; then bin=$BEFORE; else bin=$AFTER; fi
    echo "== round $r: $side ($bin)" >&2
    echo "### $side" >> "$OUT"
    if [ -n "${COMPARE_REPO:-}" ]; then
      real_run "$bin" >> "$OUT"
    else
      DARCSWEB_BIN=$bin bash bench/load.sh "$SECS" "$CONNS" 2>&1 | sed -n '/== wrk/,$p' >> "$OUT"
    fi
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
