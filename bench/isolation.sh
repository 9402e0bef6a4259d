#!/usr/bin/env bash
# bench/isolation.sh: does one expensive request slow the rest of the site down?
#
#   bash bench/isolation.sh [SECONDS=10] [ATTACKERS=7] [FIFO_READERS=80]
#
# Builds the release binary and (once, in bench/out/isolation/) these repositories with
# the real darcs:
#   - `big`: a file of 100,000 lines added then changed whole (its annotation once cost
#     the core tens of seconds);
#   - `deep`: a patch adding 1,500 nested directories and one removing them (replaying
#     and diffing it once took minutes);
#   - `adv1`..`adv4`: 6,000 one-line edits of one file, numbered so that darcs' dependency
#     walk needs about n²/2 commutations: each graph costs a core worker its whole CPU
#     budget (60 s by default), the expensive computation that is left;
#   - `fifo`: a copy of `small` whose newest patch file is a FIFO (never written to);
#   - `small`: a healthy 30-patch repository.
# It serves them with the default limits, warms `small`'s pages, then for each URL
# measures with wrk (1 thread, 4 connections, SECONDS) the median and p99 latency, first
# on an idle server, then while ATTACKERS loops of curl keep requesting the expensive
# pages (the dependency graphs first) and FIFO_READERS connections read the FIFO's patch,
# each every 100 ms. Prints a table. Needs: cargo, darcs, python3, wrk, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
ATTACKERS=${2:-7}
FIFO_READERS=${3:-80}
OUT=bench/out/isolation
REPOS=$OUT/repos
TARGET=${CARGO_TARGET_DIR:-target}

for t in darcs python3 wrk curl; do
  command -v "$t" >/dev/null || { echo "isolation.sh: $t is required" >&2; exit 1; }
done

echo "== building the release binary"
cargo build --release --quiet
BIN=$TARGET/release/darcsweb

export HOME="$PWD/$OUT/home" DARCS_EMAIL="Bench <bench@example.com>" TZ=UTC
mkdir -p "$HOME/.darcs"
record() { darcs record --all --quiet --name="$1" >/dev/null; }

# each repository is built in $WORK and moved into place once complete
WORK=$PWD/$OUT/work
mkdir -p "$REPOS"
if [ ! -d "$REPOS/big" ]; then
  echo "== big: a 100,000-line file added, then changed whole"
  rm -rf "$WORK" && mkdir -p "$WORK/big" && cd "$WORK/big"
  darcs init --quiet
  seq -f 'line %g' 1 100000 > big.txt
  darcs add --quiet big.txt && record 'add a big file'
  seq -f 'changed %g' 1 100000 > big.txt
  record 'change every line'
  cd - >/dev/null && mv "$WORK/big" "$REPOS/big"
fi
if [ ! -d "$REPOS/deep" ]; then
  echo "== deep: 1,500 nested directories added, then removed"
  # through a fast-import stream: `darcs add --recursive` of such a tree takes darcs
  # itself more than ten minutes
  rm -rf "$WORK" && mkdir -p "$WORK"
  python3 - > "$WORK/deep.fi" <<'PYEOF'
import sys
out = sys.stdout.buffer
deep = "/".join(["d"] * 1500).encode()
def commit(mark, msg, ops):
    out.write(b"commit refs/heads/master\nmark :%d\ncommitter Bench <bench@example.com> %d +0000\n" % (mark, 1577836800 + mark * 60))
    out.write(b"data %d\n%s" % (len(msg), msg))
    if mark > 1:
        out.write(b"from :%d\n" % (mark - 1))
    for o in ops:
        out.write(o)
commit(1, b"a file\n", [b"M 100644 inline top.txt\ndata 4\ntop\n\n"])
commit(2, b"add 1500 nested directories\n", [b"M 100644 inline %s/f.txt\ndata 5\ndeep\n\n" % deep])
commit(3, b"remove them\n", [b"D d\n"])
PYEOF
  ( cd "$WORK" && darcs convert import deep < deep.fi >/dev/null ) && mv "$WORK/deep" "$REPOS/deep"
fi
if [ ! -d "$REPOS/small" ]; then
  echo "== small: a healthy 30-patch repository"
  rm -rf "$WORK" && mkdir -p "$WORK/small" && cd "$WORK/small"
  darcs init --quiet
  for i in $(seq 1 30); do
    seq -f "line %g of file $((i % 5))" 1 $((20 + i)) > "f$((i % 5)).txt"
    darcs add --quiet "f$((i % 5)).txt" 2>/dev/null || true
    record "patch $i"
  done
  cd - >/dev/null && mv "$WORK/small" "$REPOS/small"
fi
for k in 1 2 3 4; do
  [ -d "$REPOS/adv$k" ] && continue
  echo "== adv$k: 6,000 edits whose dependency graph needs n²/2 commutations"
  rm -rf "$WORK" && mkdir -p "$WORK/adv$k" && cd "$WORK/adv$k"
  darcs init --quiet --darcs-2
  seq -f 'line %g' 0 5999 > big.txt
  darcs add --quiet big.txt && record "add ($k)"
  # the patches are written directly (recording 6,000 of them takes darcs minutes); the
  # edits cancel in pairs, so the recorded tree stays right
  python3 - 6000 <<'PYEOF'
import gzip, hashlib, sys
n = int(sys.argv[1])
inv = open("_darcs/hashed_inventory", "rb").read()
for k in range(n):
    m = k // 2
    old, new = ("line %d" % (2 * m), "changed %d" % m)
    if k % 2:
        old, new = new, old
    info = "[edit %d\nBench <bench@example.com>**20240101%02d%02d%02d\n Ignore-this: %x\n]" % (
        k, k // 3600, k // 60 % 60, k % 60, k)
    body = ("%s hunk ./big.txt %d\n-%s\n+%s\n" % (info, 2 * m + 1, old, new)).encode()
    name = "%010d-%s" % (len(body), hashlib.sha256(body).hexdigest())
    with open("_darcs/patches/" + name, "wb") as f:
        f.write(gzip.compress(body, 1))
    inv += ("%s \nhash: %s\n" % (info, name)).encode()
open("_darcs/hashed_inventory", "wb").write(inv)
PYEOF
  cd - >/dev/null && mv "$WORK/adv$k" "$REPOS/adv$k"
done
if [ ! -d "$REPOS/fifo" ]; then
  echo "== fifo: small with its newest patch file replaced by a FIFO"
  rm -rf "$WORK" && mkdir -p "$WORK" && cp -a "$REPOS/small" "$WORK/fifo"
  newest=$(sed -n 's/^hash: //p' "$WORK/fifo/_darcs/hashed_inventory" | tail -n 1)
  rm "$WORK/fifo/_darcs/patches/$newest" && mkfifo "$WORK/fifo/_darcs/patches/$newest"
  mv "$WORK/fifo" "$REPOS/fifo"
fi
rm -rf "$WORK"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
"$BIN" serve --listen "127.0.0.1:$PORT" --no-cache-dir "$REPOS" > "$OUT/server.log" 2>&1 &
SERVER=$!
ATTACK_PIDS=()
rm -f "$OUT/stop"
cleanup() {
  touch "$OUT/stop"   # the attack loops end after their current request
  for p in "${ATTACK_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  kill $SERVER 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/healthz" >/dev/null && break; sleep 0.1; done
curl -sf "$BASE/healthz" >/dev/null || { echo "server did not start:"; cat "$OUT/server.log"; exit 1; }
echo "== serving on $BASE ($(nproc) cores; the server's log: $OUT/server.log)"

hashes() { curl -sf "$BASE/api/$1/log" | python3 -c 'import json,sys; print(" ".join(p["hash"] for p in json.load(sys.stdin)["patches"]))'; }
read -r -a SMALL <<< "$(hashes small)"
read -r -a DEEP <<< "$(hashes deep)"
read -r -a FIFO <<< "$(hashes small)"   # the same patches: fifo's log reads only the inventory
# newest first: DEEP[1] added the directories, DEEP[0] removed them
URLS=(
  "/healthz"
  "/small/log"
  "/small/tree/head/"
  "/small/patch/${SMALL[3]}"
  "/small/tree/${SMALL[10]}/"
  "/small/annotate/head/f1.txt"
)
ADV=()
for k in 1 2 3 4; do
  read -r -a H <<< "$(hashes "adv$k")"
  ADV+=("/api/adv$k/patch/${H[0]}")   # the API waits up to 25 s for the whole graph
done
ATTACKS=(
  "${ADV[@]}"
  "/big/annotate/head/big.txt"
  "/deep/tree/${DEEP[1]}/"
  "/deep/patch/${DEEP[0]}"
)
echo "== warming small's pages"
for u in "${URLS[@]}"; do curl -s -o /dev/null "$BASE$u"; done

# wrk's median and p99 for one URL, in milliseconds
measure() {
  wrk -t1 -c4 -d"${SECS}s" --latency "$BASE$1" 2>/dev/null | python3 -c '
import re, sys
text = sys.stdin.read()
def ms(label):
    m = re.search(r"^\s*" + label + r"\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    if not m:
        return float("nan")
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
req = re.search(r"Requests/sec:\s+([\d.]+)", text)
errs = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
p50, p99 = ms("50%"), ms("99%")
rps = float(req.group(1)) if req else 0.0
print("%.2f %.2f %.0f %s" % (p50, p99, rps, errs.group(1) if errs else 0))'
}

declare -A IDLE
echo "== idle server"
for u in "${URLS[@]}"; do IDLE[$u]=$(measure "$u"); done

echo "== under attack: $ATTACKERS loops of expensive requests"
: > "$OUT/attacks.log"
for i in $(seq 0 $((ATTACKERS - 1))); do
  u=${ATTACKS[$((i % ${#ATTACKS[@]}))]}
  ( while [ ! -e "$OUT/stop" ]; do curl -s -o /dev/null -w "%{http_code} %{time_total}s $u\n" "$BASE$u" >> "$OUT/attacks.log"; done ) &
  ATTACK_PIDS+=($!)
done
# the FIFO readers: FIFO_READERS connections of one wrk, each asking every 100 ms for a
# page that opens the FIFO (the newest patch's page, or the tree at its version); one
# process, so that the readers themselves do not flood the machine with curl processes
cat > "$OUT/fifo.lua" <<LUAEOF
local paths = { "/fifo/patch/${FIFO[0]}", "/fifo/tree/${FIFO[0]}/" }
local n = 0
request = function() n = n + 1; return wrk.format("GET", paths[n % 2 + 1]) end
delay = function() return 100 end
LUAEOF
wrk -t1 -c"$FIFO_READERS" -d$((SECS * ${#URLS[@]} + 3))s -s "$OUT/fifo.lua" "$BASE" > "$OUT/fifo.log" 2>&1 &
FIFO_PID=$!
sleep 2
declare -A BUSY
for u in "${URLS[@]}"; do BUSY[$u]=$(measure "$u"); done
wait "$FIFO_PID" || true

printf '\n%-52s %23s   %23s\n' "" "idle server" "under attack"
printf '%-52s %7s %7s %7s   %7s %7s %7s %s\n' URL "p50 ms" "p99 ms" "req/s" "p50 ms" "p99 ms" "req/s" "non-2xx"
for u in "${URLS[@]}"; do
  read -r a50 a99 arps _ <<< "${IDLE[$u]}"
  read -r b50 b99 brps berr <<< "${BUSY[$u]}"
  printf '%-52s %7s %7s %7s   %7s %7s %7s %s\n' "${u:0:52}" "$a50" "$a99" "$arps" "$b50" "$b99" "$brps" "$berr"
done
echo
echo "expensive requests answered meanwhile (count, status, URL; 408: stopped at the request timeout):"
awk '{print $1, $3}' "$OUT/attacks.log" | sort | uniq -c | sed 's/^/  /'
echo "the FIFO readers (one wrk; the patch page answers 500 \"damaged\", the tree 200):"
grep -E "requests in|Non-2xx|Latency" "$OUT/fifo.log" | sed 's/^/  /' || true

