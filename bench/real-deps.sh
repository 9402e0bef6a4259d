#!/usr/bin/env bash
# bench/real-deps.sh: darcsweb's dependency graph of a real history against darcs' own.
#
#   bash bench/real-deps.sh DARCS_REPO [N]
#
# darcs needs hours for the whole graph of a history like libuv's, so the comparison is
# on the last N patches [300]: `darcs show dependencies --last=N` walks only them, and
# its edges are exactly the graph's edges between them (a path between two of them only
# goes through patches in between). Starts darcsweb on the repository (a release build,
# or DARCSWEB_BIN) with a temporary cache directory, times the whole graph through the
# API (up to REAL_DEPS_TIMEOUT [3600] s), then compares, for each of the N patches, its
# direct dependencies among them. Prints the time and the number of patches that differ
# (0 expected); exits 1 if any does. REAL_DEPS_CACHE: a cache directory to use (and keep)
# instead of a temporary one, so that a second run only compares. Needs: cargo, darcs,
# curl, python3.
set -euo pipefail
REPO=$(cd "${1:?usage: bench/real-deps.sh DARCS_REPO [N]}" && pwd)
N=${2:-300}
TIMEOUT=${REAL_DEPS_TIMEOUT:-3600}
cd "$(dirname "$0")/.."
if [ -z "${DARCSWEB_BIN:-}" ]; then
  cargo build --release --quiet --bin darcsweb
  DARCSWEB_BIN=${CARGO_TARGET_DIR:-target}/release/darcsweb
fi
TMP=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$TMP"' EXIT
NAME=$(basename "$REPO")
CACHE=${REAL_DEPS_CACHE:-$TMP/cache}
mkdir -p "$TMP/root" "$CACHE"
ln -s "$REPO" "$TMP/root/$NAME"
PORT=$((20000 + RANDOM % 20000))
"$DARCSWEB_BIN" serve --listen "127.0.0.1:$PORT" --cache-dir "$CACHE" "$TMP/root" >"$TMP/server.log" 2>&1 &
SERVER=$!
URL="http://127.0.0.1:$PORT"
until curl -sf "$URL/healthz" >/dev/null; do sleep 0.1; done
START=$(date +%s.%N)
curl -sf "$URL/api/$NAME/log?limit=$N" >"$TMP/log.json"
NEWEST=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["patches"][0]["hash"])' "$TMP/log.json")
while :; do
  code=$(curl -s -o "$TMP/patch.json" -w '%{http_code}' "$URL/api/$NAME/patch/$NEWEST")
  [ "$code" = 200 ] && break
  if [ "$code" != 503 ] || ! grep -q "still being computed" "$TMP/patch.json"; then
    echo "the graph failed: $code $(cat "$TMP/patch.json")" >&2
    exit 1
  fi
  if [ "$(echo "$(date +%s.%N) - $START > $TIMEOUT" | bc)" = 1 ]; then
    echo "the graph was not ready after $TIMEOUT s: $(cat "$TMP/patch.json")" >&2
    exit 1
  fi
  echo "  $(cat "$TMP/patch.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["error"])')" >&2
done
GRAPH=$(echo "$(date +%s.%N) - $START" | bc)
echo "whole graph of $NAME through the API: $(printf '%.0f' "$GRAPH") s from the server's start"
(cd "$REPO" && darcs show dependencies --last="$N") >"$TMP/darcs.dot"
python3 - "$URL" "$NAME" "$TMP/log.json" "$TMP/darcs.dot" <<'PY'
import json, sys, urllib.request
url, name, log, dot = sys.argv[1:]
hashes = [p["hash"] for p in json.load(open(log))["patches"]]
theirs = {}
for line in open(dot):
    l = line.strip()
    if not l.startswith('"'):
        continue
    node, rest = l.split('"')[1], l.split('"', 2)[2].strip()
    if rest.startswith("[label"):  # a node (its label may hold "->")
        theirs.setdefault(node, set())
    elif rest.startswith("->"):
        deps = rest[2:].strip().strip("{}").split()
        theirs.setdefault(node, set()).update(d.strip('"') for d in deps)
short = {h[:8]: h for h in hashes}
assert set(theirs) == set(short), f"darcs' DOT has {len(theirs)} nodes, the log {len(short)}"
differ = 0
for h in hashes:
    j = json.load(urllib.request.urlopen(f"{url}/api/{name}/patch/{h}"))
    ours = {d[:8] for d in j["dependencies"] if d[:8] in short}
    if ours != theirs[h[:8]]:
        differ += 1
        print(f"  {h[:8]}: darcsweb {sorted(ours)}, darcs {sorted(theirs[h[:8]])}", file=sys.stderr)
print(f"last {len(hashes)} patches: {differ} differ from darcs show dependencies --last={len(hashes)}")
sys.exit(1 if differ else 0)
PY
