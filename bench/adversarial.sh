#!/usr/bin/env bash
# bench/adversarial.sh: the adversarial but valid inputs of theories/README.md ("Costs"),
# built with real darcs and timed through the release binary.
#
#   bash bench/adversarial.sh [RUNS=5] [DEPTHS="250 500 1000 1500"] [BIN=target/release/darcsweb]
#
# * nested-N: one patch that adds N nested directories ./d/d/.../d and then removes them in
#   reverse. darcs cannot record it from a working tree (the net change is empty), so the
#   script records `adddir ./x`, rewrites that patch file with the longer body and fixes its
#   hash in the inventory; `darcs check` accepts the result. Timed: `darcsweb check`.
# * lines-100000: a 100,000-line file added in one patch and changed whole in the next (darcs
#   records one hunk). Timed: the first annotate of it through the JSON API of a fresh server
#   (after the index is built), which asks the core for the file and then for its annotation.
#
# Prints the median wall-clock time and the median CPU time (user+sys of the process) of RUNS
# runs. Needs: darcs, python3, curl. The repositories are cached in bench/out/adversarial.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
DEPTHS=${2:-"250 500 1000 1500"}
BIN=${3:-target/release/darcsweb}
OUT=bench/out/adversarial
mkdir -p "$OUT"
export DARCS_EMAIL="bench <bench@example.invalid>"
[ -x "$BIN" ] || { echo "adversarial.sh: build the release binary first (cargo build --release)" >&2; exit 1; }

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# run CMD... RUNS times; print "median wall s, median cpu s"
timed() {
  local walls=() cpus=() t
  t=$(mktemp)
  for _ in $(seq 1 "$RUNS"); do
    /usr/bin/time -o "$t" -f '%e %U %S' "$@" >/dev/null 2>&1
    walls+=("$(tail -1 "$t" | awk '{ print $1 }')")
    cpus+=("$(tail -1 "$t" | awk '{ print $2 + $3 }')")
  done
  rm -f "$t"
  echo "$(printf '%s\n' "${walls[@]}" | median) s wall, $(printf '%s\n' "${cpus[@]}" | median) s cpu"
}

nested() {
  local n=$1 r=$OUT/nested-$1
  [ -f "$r/.done" ] && return
  rm -rf "$r"; mkdir -p "$r"
  ( cd "$r" && darcs init -q && mkdir x && darcs add -q x && darcs record -q -a -m nested --skip-long-comment )
  python3 - "$r" "$n" <<'PYEOF'
import gzip, hashlib, os, re, sys
repo, depth = sys.argv[1], int(sys.argv[2])
inv_path = os.path.join(repo, '_darcs/hashed_inventory')
inv = open(inv_path).read()
old = re.search(r'hash: (\d{10}-[0-9a-f]{64})', inv).group(1)
pdir = os.path.join(repo, '_darcs/patches')
head, prim = gzip.open(os.path.join(pdir, old)).read().rsplit(b'] ', 1)
assert prim == b'adddir ./x', prim
lines = [b'adddir ./x']
lines += [b'adddir ./' + b'/'.join([b'd'] * k) for k in range(1, depth + 1)]
lines += [b'rmdir ./' + b'/'.join([b'd'] * k) for k in range(depth, 0, -1)]
body = head + b'] {\n' + b'\n'.join(lines) + b'\n}'
new = '%010d-%s' % (len(body), hashlib.sha256(body).hexdigest())
with gzip.open(os.path.join(pdir, new), 'wb') as f:
    f.write(body)
os.remove(os.path.join(pdir, old))
open(inv_path, 'w').write(inv.replace(old, new))
PYEOF
  touch "$r/.done"
}

lines100k() {
  local r=$OUT/lines-100000
  [ -f "$r/.done" ] && return
  rm -rf "$r"; mkdir -p "$r"
  ( cd "$r" && darcs init -q
    python3 -c "open('f','w').write(''.join('line %d\n' % i for i in range(100000)))"
    darcs add -q f && darcs record -q -a -m 'add f' --skip-long-comment
    python3 -c "open('f','w').write(''.join('changed %d\n' % i for i in range(100000)))"
    darcs record -q -a -m 'change f' --skip-long-comment )
  touch "$r/.done"
}

# one fresh server; annotate of f after the index is built
annotate_once() {
  local port log
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  log=$(mktemp)
  "$BIN" serve --listen "127.0.0.1:$port" --no-cache-dir "$OUT/lines-100000" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.05; done
  curl -sf "http://127.0.0.1:$port/api/lines-100000/log?limit=1" >/dev/null
  python3 - "http://127.0.0.1:$port/api/lines-100000/annotate/head/f" "$pid" <<'PYEOF'
import os, sys, time, urllib.error, urllib.request
def cpu(pid):  # user + system time of the server so far
    f = open('/proc/%s/stat' % pid).read().rsplit(')', 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf('SC_CLK_TCK')
c, t = cpu(sys.argv[2]), time.time()
try:
    body = urllib.request.urlopen(sys.argv[1], timeout=600).read()
    assert b'"changed 99999"' in body
    print('%.3f %.2f' % (time.time() - t, cpu(sys.argv[2]) - c))
except urllib.error.HTTPError as e:  # the server gave up waiting for the core
    print('%.3f %.2f HTTP-%d' % (time.time() - t, cpu(sys.argv[2]) - c, e.code))
PYEOF
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
}

echo "== nested directories: darcsweb check ($RUNS runs, medians)"
for n in $DEPTHS; do
  nested "$n"
  echo "   $n levels: $(timed "$BIN" check "$OUT/nested-$n")"
done

echo "== 100,000-line file changed whole: first annotate through the API ($RUNS runs, medians)"
lines100k
runs=$(for _ in $(seq 1 "$RUNS"); do annotate_once; done)
echo "   $(echo "$runs" | awk '{ print $1 }' | median) s wall, $(echo "$runs" | awk '{ print $2 }' | median) s cpu (server process)"
if echo "$runs" | grep -q HTTP; then echo "   (failed: $(echo "$runs" | grep -o 'HTTP-[0-9]*' | sort | uniq -c | xargs))"; fi
