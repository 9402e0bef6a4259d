#!/usr/bin/env bash
# bench/real.sh: darcsweb beside darcs 2.16 and cgit on a real history, in one run.
#
#   bash bench/real.sh [DARCS_REPO GIT_REPO]
#
# With no arguments it builds (once) the history in ../shared/real/ next to the
# repository with its import.sh, into $BENCH_WORK; or takes any darcs repository and its
# git twin (the same history, converted with `darcs convert import`). It picks the
# targets from the history (the most-edited file, a patch in the middle, an old version
# of that file), then measures, one after the other so that nothing shares the CPU:
#   - darcs: the commands giving the same answers (median of hyperfine runs after a
#     first run, which alone counts when it is long; each capped by `timeout`);
#   - darcsweb cold: from starting a fresh server to the first 200 answer of each page
#     (median of several fresh starts when that is cheap), and to the dependency graph;
#   - darcsweb warm: wrk per page family, on the server that has computed the graph;
#   - cgit (Debian package) on nginx + fcgiwrap, cache on, serving the git twin from a
#     generated configuration on loopback: wrk per page family.
# Prints one markdown table (progress goes to stderr) and writes it to $BENCH_WORK/real.md.
# Needs: cargo, darcs, git, curl, wrk, hyperfine, python3, cgit, nginx, fcgiwrap.
#
# Environment (defaults in brackets):
#   BENCH_WORK [target/bench-real]  imported repositories, darcs' scratch copy, real.md
#   BENCH_SECS [8]                  wrk seconds per page family (BENCH_THREADS [2], BENCH_CONNS [8])
#   BENCH_COLD_RUNS [3]             fresh starts per page when one takes < BENCH_COLD_CHEAP [5] s
#   BENCH_COLD_TIMEOUT [60]         give a cold page up after this many seconds
#   BENCH_GRAPH_TIMEOUT [120]       give the dependency graph up after this many seconds
#   BENCH_DARCS_TIMEOUT [120]       cap of one darcs command; BENCH_DARCS_RUNS [3] hyperfine runs
#   DARCSWEB_BIN                    a darcsweb binary to measure instead of building one
#   BENCH_DARCSWEB_CONFIG           a darcsweb.toml for the servers (default: none, the defaults)
#   BENCH_CACHE_DIR                 the servers' cache directory (default: none, --no-cache-dir, so
#                                   that "cold" means computed from the repository; with one
#                                   filled by an earlier run, cold is a restart with a warm store)
set -euo pipefail
cd "$(dirname "$0")/.."
TOP=$PWD
WORK=${BENCH_WORK:-target/bench-real}
SECS=${BENCH_SECS:-8}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNS:-8}
COLD_RUNS=${BENCH_COLD_RUNS:-3}
COLD_CHEAP=${BENCH_COLD_CHEAP:-5}
COLD_TIMEOUT=${BENCH_COLD_TIMEOUT:-60}
GRAPH_TIMEOUT=${BENCH_GRAPH_TIMEOUT:-120}
DARCS_TIMEOUT=${BENCH_DARCS_TIMEOUT:-120}
DARCS_RUNS=${BENCH_DARCS_RUNS:-3}
CGIT_CGI=${CGIT_CGI:-/usr/lib/cgit/cgit.cgi}
CGIT_SHARE=${CGIT_SHARE:-/usr/share/cgit}

say() { printf '%s\n' "$*" >&2; }
die() { say "real.sh: $*"; exit 1; }

# ---- tools ------------------------------------------------------------------------------
# nginx and fcgiwrap live in /usr/sbin, often not on a user's PATH
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
FCGIWRAP=$(command -v fcgiwrap || echo /usr/sbin/fcgiwrap)
missing=()
for t in darcs git curl wrk hyperfine python3 timeout; do
  command -v "$t" >/dev/null || missing+=("$t")
done
[ -x "$CGIT_CGI" ] || missing+=(cgit)
[ -x "$NGINX" ] || missing+=(nginx)
[ -x "$FCGIWRAP" ] || missing+=(fcgiwrap)
if [ ${#missing[@]} -gt 0 ]; then
  pkgs=${missing[*]}
  pkgs=${pkgs//timeout/coreutils}
  die "missing: ${missing[*]}; on Debian or Ubuntu: sudo apt-get install ${pkgs}"
fi
darcs --version | grep -q '^2\.16' || say "note: darcs $(darcs --version) (the comparison was written for 2.16)"

# ---- inputs -----------------------------------------------------------------------------
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
if [ $# -eq 2 ]; then
  DARCS_REPO=$1 GIT_REPO=$2
elif [ $# -eq 0 ]; then
  # ../shared/real next to this checkout, or next to the main checkout of a worktree
  SHARED=""
  for top in "$(git rev-parse --show-toplevel 2>/dev/null || echo "$TOP")" \
             "$(dirname "$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo "$TOP/.git")")"; do
    if [ -x "$top/../shared/real/import.sh" ]; then SHARED=$top/../shared/real; break; fi
  done
  [ -n "$SHARED" ] || die "no ../shared/real/import.sh next to the repository; usage: bench/real.sh DARCS_REPO GIT_REPO"
  say "== importing $SHARED into $WORK (once; darcs convert import takes minutes)"
  # import.sh skips what already exists and ends with "darcs: DIR   git: DIR"
  line=$("$SHARED/import.sh" "$WORK" | tail -n 1)
  DARCS_REPO=$(sed -n 's/^darcs: \(.*[^ ]\) *git: .*/\1/p' <<<"$line")
  GIT_REPO=$(sed -n 's/.* git: *//p' <<<"$line")
  if [ -z "$DARCS_REPO" ] || [ -z "$GIT_REPO" ]; then die "could not read import.sh's output: $line"; fi
else
  die "usage: bench/real.sh [DARCS_REPO GIT_REPO]"
fi
DARCS_REPO=$(cd "$DARCS_REPO" && pwd -P)
GIT_REPO=$(cd "$GIT_REPO" && pwd -P)
[ -f "$DARCS_REPO/_darcs/hashed_inventory" ] || die "$DARCS_REPO is not a hashed darcs repository"
[ -d "$GIT_REPO/.git" ] && GIT_REPO=$GIT_REPO/.git
git --git-dir="$GIT_REPO" rev-parse --verify -q HEAD >/dev/null || die "$GIT_REPO is not a git repository with a HEAD"
R=$(basename "$DARCS_REPO")   # darcsweb names a root that is a repository after its directory
gitc() { git --git-dir="$GIT_REPO" "$@"; }

# ---- darcsweb binary ----------------------------------------------------------------------
if [ -n "${DARCSWEB_BIN:-}" ]; then
  BIN=$DARCSWEB_BIN
else
  say "== building the release binary"
  cargo build --release --quiet
  BIN=${CARGO_TARGET_DIR:-target}/release/darcsweb
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

# ---- scratch space, servers, cleanup ------------------------------------------------------
TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench-real.XXXXXX")
SERVER="" NGINX_PID="" FCGI_PID=""
stop_server() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  SERVER=""
}
stop_cgit() {
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
  if [ -n "$FCGI_PID" ]; then
    # fcgiwrap -c N forks N children that outlive their parent, and replaces one that
    # dies: stop the parent, end its children, then the parent
    kill -STOP "$FCGI_PID" 2>/dev/null || true
    pkill -TERM -P "$FCGI_PID" 2>/dev/null || true
    kill -KILL "$FCGI_PID" 2>/dev/null || true; wait "$FCGI_PID" 2>/dev/null || true
  fi
  NGINX_PID="" FCGI_PID=""
}
cleanup() { stop_server; stop_cgit; rm -rf "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s%N; }
# nanoseconds -> "123 ms" or "4.5 s"
fmt_ns() { python3 -c 'import sys; s=int(sys.argv[1])/1e9; print(f"{s*1000:.0f} ms" if s < 1 else f"{s:.1f} s" if s < 100 else f"{s:.0f} s")' "$1"; }
median() { python3 -c 'import sys, statistics; print(int(statistics.median(int(x) for x in sys.argv[1:])))' "$@"; }

# ---- darcs' scratch copy (darcs writes a patch index and its own index into a repository) ---
SCR=$WORK/darcs-scratch/$R
say "== copying $DARCS_REPO for darcs' commands ($SCR)"
rm -rf "$SCR" && mkdir -p "$SCR"
cp -a "$DARCS_REPO/." "$SCR/"
rm -rf "$SCR/_darcs/patch_index"
export DARCS_HOME=$TMP/home
mkdir -p "$DARCS_HOME/.darcs"
darcs_in() { (cd "$SCR" && HOME=$DARCS_HOME bash -c "$1"); }

# ---- targets ----------------------------------------------------------------------------
say "== picking targets"
darcs_in 'darcs log --xml-output' > "$TMP/darcs-log.xml"
gitc log --format='%H%x1f%ct%x1f%at%x1f%B%x1e' > "$TMP/git-log"
# the most-edited file that exists at the head of both histories
darcs_in 'darcs show files --no-directories' > "$TMP/darcs-files"
F=""
while read -r _ path; do
  if gitc cat-file -e "HEAD:$path" 2>/dev/null && grep -qxF "./$path" "$TMP/darcs-files"; then
    F=$path; break
  fi
done < <(gitc log --name-only --format= | sed '/^$/d' | sort | uniq -c | sort -rn | head -20)
[ -n "$F" ] || die "no file edited in the git history exists at the head"
F_EDITS=$(gitc log --format=%H -- "$F" | wc -l)
gitc log --format=%H --diff-filter=AM -- "$F" > "$TMP/git-file-commits"
python3 - "$TMP/darcs-log.xml" "$TMP/git-log" "$TMP/git-file-commits" > "$TMP/targets" <<'PYEOF'
# darcs convert import keeps a commit's first line as the patch name and its committer
# date (UTC) as the patch date: match on both (on the date alone when that is unique)
import sys, time, xml.etree.ElementTree as ET
patches = [(p.get("hash"), p.get("date"), (p.findtext("name") or "").strip())
           for p in ET.parse(sys.argv[1]).getroot().iter("patch")]
by_key, by_date = {}, {}
for rec in open(sys.argv[2], encoding="utf-8", errors="replace").read().split("\x1e"):
    rec = rec.strip("\n")
    if not rec:
        continue
    h, ct, at, msg = rec.split("\x1f", 3)
    first = msg.strip().split("\n", 1)[0].strip()
    for t in {ct, at}:
        d = time.strftime("%Y%m%d%H%M%S", time.gmtime(int(t)))
        by_key.setdefault((d, first), h)
        by_date.setdefault(d, []).append(h)
def git_of(p):
    h = by_key.get((p[1], p[2]))
    if h is None and len(set(by_date.get(p[1], []))) == 1:
        h = by_date[p[1]][0]
    return h
darcs_of = {}
for p in patches:
    g = git_of(p)
    if g is not None:
        darcs_of.setdefault(g, p)
def nearest(items, ok):
    mid = len(items) // 2
    for k in range(len(items)):
        for j in (mid - k, mid + k):
            if 0 <= j < len(items) and ok(items[j]):
                return items[j]
    return None
mid = nearest(patches, lambda p: git_of(p) is not None)
file_commits = [l.strip() for l in open(sys.argv[3]) if l.strip()]
old = nearest(file_commits, lambda c: c in darcs_of)
if mid is None or old is None:
    sys.exit("no darcs patch matches a git commit (by name and date)")
print(f"N_PATCHES={len(patches)}")
print(f"H_MID={mid[0]}")
print(f"C_MID={git_of(mid)}")
print(f"H_OLD={darcs_of[old][0]}")
print(f"C_OLD={old}")
PYEOF
# shellcheck source=/dev/null
. "$TMP/targets"
N_COMMITS=$(gitc rev-list --count HEAD)
NAME_MID=$(gitc log -1 --format=%s "$C_MID")
DATE_OLD=$(gitc log -1 --format=%cs "$C_OLD")
FQ=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$F")
Fq=$(printf %q "$F")
say "   $R: $N_PATCHES patches, $N_COMMITS git commits; most-edited file $F ($F_EDITS commits)"
say "   middle patch $H_MID = git $C_MID ($NAME_MID)"
say "   old version: $F after $H_OLD = git $C_OLD ($DATE_OLD)"

# ---- page families ------------------------------------------------------------------------
# name | darcsweb path | cgit path | darcs command (run in the repository)
NAMES=() DW=() CG=() DC=()
fam() { NAMES+=("$1"); DW+=("$2"); CG+=("$3"); DC+=("$4"); }
fam "summary"             "/$R"                    "/$R/"                       ""
fam "log page"            "/$R/log"                "/$R/log/"                   "darcs log --max-count=50 --summary"
fam "atom feed"           "/$R/atom"               "/$R/atom/"                  "darcs log --max-count=30 --xml-output"
fam "tree at head"        "/$R/tree/head/"         "/$R/tree/"                  "darcs show files"
fam "file at head"        "/$R/tree/head/$FQ"      "/$R/tree/$FQ"               "darcs show contents $Fq"
fam "file at head, raw"   "/$R/raw/head/$FQ"       "/$R/plain/$FQ"              "darcs show contents $Fq"
OLD_ROW=${#NAMES[@]}
fam "old version, raw"    "/$R/raw/$H_OLD/$FQ"     "/$R/plain/$FQ?id=$C_OLD"    "darcs show contents --match 'hash $H_OLD' $Fq"
fam "annotate"            "/$R/annotate/head/$FQ"  "/$R/blame/$FQ"              "darcs annotate $Fq"
PATCH_ROW=${#NAMES[@]}
fam "patch page"          "/$R/patch/$H_MID"       "/$R/commit/?id=$C_MID"      "darcs log -v --match 'hash $H_MID'"
fam "diff"                "/$R/patch/$H_MID.diff"  "/$R/diff/?id=$C_MID"        "darcs diff --hash $H_MID"
DEPS_ROW=${#NAMES[@]}
fam "dependencies"        "/api/$R/patch/$H_MID"   ""                           "darcs show dependencies --last=300"

# ---- darcs --------------------------------------------------------------------------------
declare -A DARCS_CELL=()
say "== darcs $(darcs --version) (cap ${DARCS_TIMEOUT} s a command)"
for i in "${!NAMES[@]}"; do
  cmd=${DC[$i]}
  [ -n "$cmd" ] || continue
  [ -z "${DARCS_CELL[$cmd]:-}" ] || continue
  t0=$(now); rc=0
  darcs_in "timeout $DARCS_TIMEOUT $cmd" > "$TMP/darcs-out-$i" 2> "$TMP/darcs-err" || rc=$?
  first=$(( $(now) - t0 ))
  if [ "$rc" = 124 ]; then
    cell="> $DARCS_TIMEOUT s"
  elif [ "$rc" != 0 ]; then
    cell="failed ($rc)"; say "   $cmd: $(head -c 300 "$TMP/darcs-err")"
  elif [ "$first" -ge 10000000000 ] || [ "$DARCS_RUNS" -lt 1 ]; then
    cell="$(fmt_ns "$first")"   # long: the first run alone
  else
    (cd "$SCR" && HOME=$DARCS_HOME hyperfine --style none --runs "$DARCS_RUNS" \
        --export-json "$TMP/hf.json" "timeout $DARCS_TIMEOUT $cmd") >/dev/null 2>&1
    med=$(python3 -c 'import json, sys; print(int(json.load(open(sys.argv[1]))["results"][0]["median"] * 1e9))' "$TMP/hf.json")
    cell="$(fmt_ns "$med")"
    # the first run may build darcs' patch index: say so when it cost much more
    if [ "$first" -gt $((2 * med + 200000000)) ]; then cell="$cell (first $(fmt_ns "$first"))"; fi
  fi
  [ "$rc" = 0 ] || rm -f "$TMP/darcs-out-$i"
  DARCS_CELL[$cmd]=$cell
  say "   $(printf '%-45.45s' "$cmd") $cell"
done

# ---- darcsweb -----------------------------------------------------------------------------
# start a fresh server on a fresh port; T0 = when it was started, READY = ns to /healthz
start_server() {
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  T0=$(now)
  CACHE_ARGS=(--no-cache-dir)
  if [ -n "${BENCH_CACHE_DIR:-}" ]; then CACHE_ARGS=(--cache-dir "$BENCH_CACHE_DIR"); fi
  "$BIN" serve --listen "127.0.0.1:$PORT" "${CACHE_ARGS[@]}" ${BENCH_DARCSWEB_CONFIG:+--config "$BENCH_DARCSWEB_CONFIG"} "$DARCS_REPO" >>"$TMP/darcsweb.log" 2>&1 &
  SERVER=$!
  until curl -sf -o /dev/null --max-time 5 "$BASE/healthz"; do
    kill -0 "$SERVER" 2>/dev/null || { cat "$TMP/darcsweb.log" >&2; die "darcsweb did not start"; }
    [ $(( $(now) - T0 )) -lt 30000000000 ] || die "darcsweb did not answer /healthz within 30 s"
    sleep 0.01
  done
  READY=$(( $(now) - T0 ))
}

# one cold measurement: a fresh server, then the page until it answers 200.
# Sets COLD_NS (start to answer, or empty past the cap) and COLD_NOTE.
cold_once() {
  local url=$1 out code total
  start_server
  COLD_NOTE="" COLD_NS=""
  while :; do
    out=$(curl -s -o "$TMP/body" -w '%{http_code} %{time_total}' --max-time "$COLD_TIMEOUT" "$BASE$url") || true
    code=${out%% *}
    total=$(( $(now) - T0 ))
    if [ "$code" = 200 ]; then COLD_NS=$total; break; fi
    COLD_NOTE="after a $code"
    [ "$total" -lt $((COLD_TIMEOUT * 1000000000)) ] || break
    sleep 0.2
  done
  if grep -q 'Dependencies are not available' "$TMP/body" 2>/dev/null; then COLD_NOTE="without dependencies"; fi
  say "   $(printf '%-20s' "$2") ready $(fmt_ns "$READY"), first answer ${out#* } s (status $code)${COLD_NOTE:+, $COLD_NOTE}"
  stop_server
}

declare -A COLD_CELL=()
READYS=()
say "== darcsweb cold: a fresh server per page (up to $COLD_RUNS starts when cheap)"
for i in "${!NAMES[@]}"; do
  [ "$i" = "$DEPS_ROW" ] && continue
  times=()
  for run in $(seq 1 "$COLD_RUNS"); do
    cold_once "${DW[$i]}" "${NAMES[$i]}"
    READYS+=("$READY")
    if [ -z "$COLD_NS" ]; then times=(); break; fi
    times+=("$COLD_NS")
    [ "$COLD_NS" -lt $((COLD_CHEAP * 1000000000)) ] || break
    [ "$run" -lt "$COLD_RUNS" ] || break
  done
  if [ ${#times[@]} -eq 0 ]; then
    COLD_CELL[$i]="> $COLD_TIMEOUT s${COLD_NOTE:+ ($COLD_NOTE)}"
  else
    COLD_CELL[$i]="$(fmt_ns "$(median "${times[@]}")")${COLD_NOTE:+ ($COLD_NOTE)}"
  fi
done
READY_MED=$(median "${READYS[@]}")

say "== darcsweb: dependency graph, cold (cap ${GRAPH_TIMEOUT} s), then warm on the same server"
start_server
GRAPH_NS="" GRAPH_NOTE="none within the cap" code=000
while :; do
  left=$(( GRAPH_TIMEOUT - ($(now) - T0) / 1000000000 ))
  [ "$left" -gt 0 ] || break
  rm -f "$TMP/body"
  code=$(curl -s -o "$TMP/body" -w '%{http_code}' --max-time "$left" "$BASE${DW[$DEPS_ROW]}") || true
  if [ "$code" = 200 ] && python3 -c 'import json, sys; sys.exit("dependencies" not in json.load(open(sys.argv[1])))' "$TMP/body"; then
    GRAPH_NS=$(( $(now) - T0 )); break
  fi
  if [ "$code" = 000 ]; then GRAPH_NOTE="none within the cap"; else GRAPH_NOTE="$code, $(python3 -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
try: msg = json.loads(raw)["error"]
except Exception: msg = raw.decode("utf-8", "replace")
print(" ".join(msg.replace("|", "/").replace("`", "").split())[:400])' "$TMP/body")"; fi
  sleep 0.5
done
if [ -n "$GRAPH_NS" ]; then
  COLD_CELL[$DEPS_ROW]=$(fmt_ns "$GRAPH_NS")
  say "   dependencies of $H_MID after $(fmt_ns "$GRAPH_NS")"
else
  if [ "$code" = 000 ]; then COLD_CELL[$DEPS_ROW]="> $GRAPH_TIMEOUT s"
  else COLD_CELL[$DEPS_ROW]="> $GRAPH_TIMEOUT s (answers $code)"; fi
  say "   not answered after $GRAPH_TIMEOUT s; last answer $GRAPH_NOTE"
fi

# wrk on one URL: "req/s" plus a note on errors
run_wrk() {
  local r rps bad
  r=$(wrk -t"$THREADS" -c"$CONNS" -d"${SECS}s" --latency "$1" 2>&1) || true
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' <<<"$r")
  bad=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i} END {print n + 0}' <<<"$r")
  printf '%s' "${rps:-0}"
  if [ "$bad" != 0 ]; then printf ' (%s errors)' "$bad"; fi
}
# request a page until it answers 200 (for at most BENCH_COLD_TIMEOUT s): it is then warm
warm_up() {
  local code t0 left
  t0=$(now)
  while :; do
    left=$(( COLD_TIMEOUT - ($(now) - t0) / 1000000000 ))
    [ "$left" -gt 0 ] || break
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time "$left" "$1") || true
    [ "$code" = 200 ] && return 0
    sleep 0.2
  done
  if [ "$code" = 000 ]; then WARM_FAIL="no answer in $COLD_TIMEOUT s"; else WARM_FAIL="answers $code"; fi
  say "   $1: $WARM_FAIL"; return 1
}

declare -A WARM_CELL=()
ORDER=("${!NAMES[@]}")
WARM_WHERE="darcsweb's on the server that computed the graph"
if [ -z "$GRAPH_NS" ]; then
  # the graph is still being computed and may hold the core workers: measure the other
  # pages on a fresh server, and the patch page (which starts the graph) last
  say "   (the graph is not ready: the warm pages are measured on a fresh server, the patch page last)"
  stop_server
  start_server
  ORDER=()
  for i in "${!NAMES[@]}"; do [ "$i" = "$PATCH_ROW" ] || [ "$i" = "$DEPS_ROW" ] || ORDER+=("$i"); done
  ORDER+=("$PATCH_ROW")
  WARM_CELL[$DEPS_ROW]="—"
  WARM_WHERE="the graph was not ready, so darcsweb's on a fresh server, the patch page last (the graph's last answer: $GRAPH_NOTE)"
fi
say "== darcsweb warm: wrk -t$THREADS -c$CONNS -d${SECS}s per page"
for i in "${ORDER[@]}"; do
  if warm_up "$BASE${DW[$i]}"; then
    WARM_CELL[$i]=$(run_wrk "$BASE${DW[$i]}")
    if [ "$i" = "$PATCH_ROW" ]; then
      # into a file: grep -q leaving a pipe early would fail the pipeline under pipefail
      curl -s -o "$TMP/body" --max-time "$COLD_TIMEOUT" "$BASE${DW[$i]}" || true
      if grep -q 'Dependencies are not available' "$TMP/body"; then
        WARM_CELL[$i]="${WARM_CELL[$i]} (without dependencies)"
      fi
    fi
  else
    WARM_CELL[$i]="— ($WARM_FAIL)"
  fi
  say "   $(printf '%-20s' "${NAMES[$i]}") ${WARM_CELL[$i]} req/s"
done
# the same answers? the old version from darcsweb, darcs and git
curl -s -o "$TMP/dw-old" --max-time "$COLD_TIMEOUT" "$BASE${DW[$OLD_ROW]}" || true
gitc show "$C_OLD:$F" > "$TMP/git-old"
if cmp -s "$TMP/dw-old" "$TMP/git-old"; then SAME_OLD="darcsweb's bytes equal git's"
else SAME_OLD="darcsweb's bytes differ from git's (darcs convert import linearises merges)"; fi
if [ ! -f "$TMP/darcs-out-$OLD_ROW" ]; then SAME_OLD="$SAME_OLD (darcs did not finish)"
elif cmp -s "$TMP/dw-old" "$TMP/darcs-out-$OLD_ROW"; then SAME_OLD="$SAME_OLD and darcs'"
else SAME_OLD="$SAME_OLD, and differ from darcs'"; fi
stop_server

# ---- cgit -----------------------------------------------------------------------------------
CG_PORT=$(free_port)
CG_BASE="http://127.0.0.1:$CG_PORT"
CG_WORKERS=$(( $(nproc) * 2 ))
mkdir -p "$TMP/cgit-cache" "$TMP/nginx"
cat > "$TMP/cgitrc" <<EOF
cache-root=$TMP/cgit-cache
cache-size=10000
virtual-root=/
css=/cgit.css
logo=/cgit.png
enable-blame=1
max-atom-items=30
repo.url=$R
repo.path=$GIT_REPO
EOF
cat > "$TMP/nginx.conf" <<EOF
user $(id -un) $(id -gn);
worker_processes $(nproc);
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $TMP/nginx/body;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  proxy_temp_path $TMP/nginx/proxy;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;
  server {
    listen 127.0.0.1:$CG_PORT;
    location ~ ^/(cgit\\.css|cgit\\.png|favicon\\.ico|robots\\.txt)\$ { root $CGIT_SHARE; }
    location / {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME $CGIT_CGI;
      fastcgi_param PATH_INFO \$uri;
      fastcgi_param QUERY_STRING \$args;
      fastcgi_param HTTP_HOST \$server_name;
      fastcgi_param CGIT_CONFIG $TMP/cgitrc;
      fastcgi_pass unix:$TMP/fcgiwrap.sock;
    }
  }
}
EOF
say "== cgit on nginx + fcgiwrap ($CG_WORKERS CGI workers), cache on, at $CG_BASE"
"$FCGIWRAP" -c "$CG_WORKERS" -s "unix:$TMP/fcgiwrap.sock" >"$TMP/fcgiwrap.log" 2>&1 &
FCGI_PID=$!
"$NGINX" -e "$TMP/nginx/error.log" -c "$TMP/nginx.conf" -p "$TMP/nginx" -g 'daemon off;' >"$TMP/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
for _ in $(seq 1 100); do
  curl -sf -o /dev/null --max-time 10 "$CG_BASE/$R/" && break
  sleep 0.1
done
curl -sf -o /dev/null --max-time 10 "$CG_BASE/$R/" || { cat "$TMP/nginx/error.log" "$TMP/fcgiwrap.log" >&2; die "cgit did not answer"; }
# that first request filled the summary's cache entry: start again from an empty cache
rm -rf "${TMP:?}/cgit-cache" && mkdir -p "$TMP/cgit-cache"

declare -A CGIT_CELL=() CGIT_FIRST=()
for i in "${!NAMES[@]}"; do
  [ -n "${CG[$i]}" ] || { CGIT_CELL[$i]="—"; continue; }
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time "$COLD_TIMEOUT" "$CG_BASE${CG[$i]}") || true
  CGIT_FIRST[$i]=$(fmt_ns "$(python3 -c 'import sys; print(int(float(sys.argv[1]) * 1e9))' "${out#* }")")
  if warm_up "$CG_BASE${CG[$i]}"; then CGIT_CELL[$i]=$(run_wrk "$CG_BASE${CG[$i]}"); else CGIT_CELL[$i]="— ($WARM_FAIL)"; fi
  say "   $(printf '%-20s' "${NAMES[$i]}") first (uncached) ${CGIT_FIRST[$i]}, warm ${CGIT_CELL[$i]} req/s"
done
stop_cgit

# ---- the table ------------------------------------------------------------------------------
code() { if [ -n "$1" ]; then printf '\x60%s\x60' "$1"; else printf '—'; fi; }
ratio() {
  python3 -c '
import re, sys
a, b = (re.match(r"[0-9.]+", x) for x in sys.argv[1:])
print(f"{float(a.group()) / float(b.group()):.1f}×" if a and b and float(b.group()) > 0 else "—")' "$1" "$2"
}
{
  echo "| page family | darcsweb cold | darcsweb warm req/s | darcs | cgit req/s | ratio warm/cgit |"
  echo "|---|---|---|---|---|---|"
  for i in "${!NAMES[@]}"; do
    d=${DC[$i]:+${DARCS_CELL[${DC[$i]}]}}
    echo "| ${NAMES[$i]} | ${COLD_CELL[$i]} | ${WARM_CELL[$i]} | ${d:-—} | ${CGIT_CELL[$i]} | $(ratio "${WARM_CELL[$i]}" "${CGIT_CELL[$i]}") |"
  done
  echo
  echo "$R: $N_PATCHES darcs patches, $N_COMMITS git commits; $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')); $(date -u +%Y-%m-%d);" \
       "darcsweb $(git -C "$TOP" describe --always --dirty 2>/dev/null || echo '?'), darcs $(darcs --version), $("$NGINX" -v 2>&1 | sed 's/.*: //'), cgit $(dpkg-query -W -f '${Version}' cgit 2>/dev/null || echo '?')."
  echo
  echo "* Cold: from starting a fresh \`darcsweb serve\` to the page's first 200 answer (the server answers /healthz after $(fmt_ns "$READY_MED")), median of up to $COLD_RUNS fresh starts; dependencies: until \`/api/$R/patch/{hash}\` answers with them (cap $GRAPH_TIMEOUT s). Warm: \`wrk -t$THREADS -c$CONNS -d${SECS}s\` after the page answered once; $WARM_WHERE. cgit: cache on, $CG_WORKERS fcgiwrap workers; its first (uncached) answers took $(for i in "${!NAMES[@]}"; do [ -n "${CGIT_FIRST[$i]:-}" ] && printf '%s %s, ' "${NAMES[$i]}" "${CGIT_FIRST[$i]}"; done | sed 's/, $//')."
  echo "* darcs: median of $DARCS_RUNS runs after a first one (alone when it took ≥ 10 s), in a copy of the repository, each capped at $DARCS_TIMEOUT s."
  echo "* Targets: the most-edited file \`$F\` ($F_EDITS commits); the middle patch \`$H_MID\` (git \`$C_MID\`, \"$NAME_MID\"); the old version: \`$F\` after \`$H_OLD\` (git \`$C_OLD\`, $DATE_OLD): $SAME_OLD."
  for i in "${!NAMES[@]}"; do
    echo "* ${NAMES[$i]}: \`${DW[$i]}\` · cgit $(code "${CG[$i]}") · $(code "${DC[$i]}")"
  done
} > "$WORK/real.md"
cat "$WORK/real.md"
say "== written to $WORK/real.md"
