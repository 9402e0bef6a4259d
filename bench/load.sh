#!/usr/bin/env bash
# bench/load.sh: load test of the web server on a 10,000-patch repository.
#
#   bash bench/load.sh [SECONDS_PER_FAMILY=10] [CONNECTIONS=32]
#
# Builds the release binary (or takes DARCSWEB_BIN, to compare two builds on the same
# data), generates (once, cached in bench/out/) a 10,000-patch darcs repository with
# `darcs convert import` of a generated git fast-export stream and a small repository
# with a C source edited 40 times (the highlighted families), serves them on loopback,
# warms each page family, runs wrk for a bounded time per family and prints warm
# requests/s and p99 latency. Needs: cargo, darcs, python3, wrk, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-10}
CONNS=${2:-32}
OUT=bench/out
REPOS=$OUT/repos
N=10000
REPO=bench10k

for t in darcs python3 wrk curl; do
  command -v "$t" >/dev/null || { echo "load.sh: $t is required" >&2; exit 1; }
done

if [ -n "${DARCSWEB_BIN:-}" ]; then
  BIN=$DARCSWEB_BIN
else
  echo "== building the release binary"
  cargo build --release --quiet
  BIN=${CARGO_TARGET_DIR:-target}/release/darcsweb
fi

if [ ! -f "$REPOS/$REPO/_darcs/hashed_inventory" ] || [ "$(cat "$OUT/$REPO.n" 2>/dev/null)" != "$N" ]; then
  echo "== generating a $N-patch repository (once)"
  rm -rf "$REPOS/$REPO" "$OUT/work"
  mkdir -p "$REPOS" "$OUT/work/home/.darcs"
  printf 'ALL ignore-times\n' > "$OUT/work/home/.darcs/defaults"
  python3 - "$N" > "$OUT/work/stream.fi" <<'PYEOF'
import sys
out = sys.stdout.buffer
N, t0 = int(sys.argv[1]), 1577836800
files = {}
for i in range(1, N + 1):
    msg = b'patch %d\n\nchange number %d of the load test\n' % (i, i)
    out.write(b'commit refs/heads/master\nmark :%d\n' % i)
    out.write(b'committer Load Gen <load@example.com> %d +0000\n' % (t0 + i * 60))
    out.write(b'data %d\n%s' % (len(msg), msg))
    if i > 1:
        out.write(b'from :%d\n' % (i - 1))
    # 200 files in 10 directories; each patch rewrites one line of one file, so files
    # grow long histories (annotate has work to do)
    f = i % 200
    lines = files.setdefault(f, [b'header of file %d' % f] + [b'line %d' % j for j in range(40)])
    lines[(i // 200) % len(lines)] = b'line changed by patch %d' % i
    if i % 7 == 0:
        lines.append(b'appended by patch %d' % i)
    content = b'\n'.join(lines) + b'\n'
    out.write(b'M 100644 inline dir%d/file%d.txt\n' % (f % 10, f))
    out.write(b'data %d\n%s\n' % (len(content), content))
    if i % 1000 == 0:
        tm = b'release %d\n' % (i // 1000)
        out.write(b'tag v%d\nfrom :%d\ntagger Load Gen <load@example.com> %d +0000\ndata %d\n%s\n'
                  % (i // 1000, i, t0 + i * 60 + 30, len(tm), tm))
PYEOF
  ( cd "$OUT/work" && HOME="$PWD/home" darcs convert import "$REPO" < stream.fi >/dev/null )
  mv "$OUT/work/$REPO" "$REPOS/$REPO"
  rm -rf "$OUT/work"
  echo "$N" > "$OUT/$REPO.n"
fi

if [ ! -f "$REPOS/csrc/_darcs/hashed_inventory" ]; then
  echo "== generating a repository with a C source (once)"
  rm -rf "$REPOS/csrc" "$OUT/cwork" && mkdir -p "$OUT/cwork/home/.darcs"
  printf 'ALL ignore-times\n' > "$OUT/cwork/home/.darcs/defaults"
  ( export HOME="$PWD/$OUT/cwork/home" DARCS_EMAIL='Load Gen <load@example.com>'
    darcs init --quiet --repodir="$REPOS/csrc"
    cd "$REPOS/csrc"
    for k in $(seq 1 40); do
      awk -v k="$k" 'BEGIN {
        print "#include <stdio.h>"; print "#include <string.h>"; print ""
        for (f = 1; f <= 40; f++) {
          printf "/* function %d, revision %d */\nstatic int fn%d(const char *s, int n)\n{\n", f, (f == k % 40 + 1) ? k : 0, f
          for (i = 1; i <= 8; i++) printf "    n = n * %d + (int)strlen(s) - %d; /* step %d */\n", f, i, i
          print "    return n;"; print "}"; print ""
        }
        print "int main(void) { printf(\"%d\\n\", fn1(\"x\", 1)); return 0; }"
      }' > engine.c
      [ "$k" = 1 ] && darcs add --quiet engine.c
      darcs record --all --quiet --name="engine revision $k" >/dev/null
    done )
  rm -rf "$OUT/cwork"
fi

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
echo "== serving on $BASE"
"$BIN" serve --listen "127.0.0.1:$PORT" "$REPOS" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "$BASE/healthz" >/dev/null && break
  sleep 0.1
done
curl -sf "$BASE/healthz" >/dev/null || { echo "server did not start:"; cat "$OUT/server.log"; exit 1; }

echo "== cold index build"
start=$(date +%s.%N)
curl -sf "$BASE/api/$REPO/log?limit=1" >/dev/null
echo "   first request (index of $N patches): $(python3 -c "print(f'{$(date +%s.%N) - $start:.2f}')") s"
HASH=$(curl -sf "$BASE/api/$REPO/log?offset=5000&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["patches"][0]["hash"])')
FILE=dir3/file13.txt

declare -a NAMES URLS
add() { NAMES+=("$1"); URLS+=("$2"); }
add "log page"       "$BASE/$REPO/log?page=50"
add "log search"     "$BASE/$REPO/log?q=patch+9999"
add "patch page"     "$BASE/$REPO/patch/$HASH"
add "head tree dir"  "$BASE/$REPO/tree/head/dir3/"
add "head tree file" "$BASE/$REPO/tree/head/$FILE"
add "annotate"       "$BASE/$REPO/annotate/head/$FILE"
add "raw"            "$BASE/$REPO/raw/head/$FILE"
add "raw at hash"    "$BASE/$REPO/raw/$HASH/$FILE"
add "C file"         "$BASE/csrc/tree/head/engine.c"
add "C annotate"     "$BASE/csrc/annotate/head/engine.c"
CHASH=$(curl -sf "$BASE/api/csrc/log?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["patches"][0]["hash"])')
add "C patch page"   "$BASE/csrc/patch/$CHASH"
add "api log"        "$BASE/api/$REPO/log?offset=100&limit=50"

echo "== warming (first request of each family, cold)"
for i in "${!URLS[@]}"; do
  # a cold request may time out while the core replays a long history: try again
  for try in 1 2 3 4 5; do
    t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "${URLS[$i]}")
    printf '   %-16s %s s (status %s)\n' "${NAMES[$i]}" "${t#* }" "${t%% *}"
    [ "${t%% *}" = 200 ] && break
  done
  [ "${t%% *}" = 200 ] || { echo "   ${URLS[$i]} answered ${t%% *}" >&2; exit 1; }
done

echo "== dependency graph (computed once per history, in the helper process)"
start=$(date +%s.%N)
until curl -sf -o /dev/null "$BASE/api/$REPO/patch/$HASH"; do sleep 1; done   # waits up to 25 s a request
echo "   ready after $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s more"

echo "== wrk: ${SECS}s per family, $CONNS connections, 4 threads"
printf '%-16s %12s %12s %12s\n' family 'req/s' 'p50' 'p99'
for i in "${!URLS[@]}"; do
  r=$(wrk -t4 -c"$CONNS" -d"${SECS}s" --latency "${URLS[$i]}")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$r")
  p50=$(awk '$1=="50%" {print $2}' <<<"$r")
  p99=$(awk '$1=="99%" {print $2}' <<<"$r")
  errs=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$r")
  printf '%-16s %12s %12s %12s %s\n' "${NAMES[$i]}" "$rps" "$p50" "$p99" "$errs"
done
