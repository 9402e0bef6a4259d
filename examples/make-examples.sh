#!/usr/bin/env bash
# Create the example repositories that `darcsweb serve` shows when given no roots.
# Uses the real darcs; contents and dates are fixed (darcs adds a random Ignore-this
# line to every patch, so patch hashes differ between runs, nothing else does).
#   make-examples.sh OUTDIR
set -euo pipefail
out=$(realpath -m "${1:?usage: make-examples.sh OUTDIR}")
command -v darcs >/dev/null || { echo "make-examples: darcs is not installed (apt-get install darcs)" >&2; exit 1; }
if [ -f "$out/.complete" ]; then exit 0; fi
rm -rf "$out.tmp"
mkdir -p "$out.tmp"
export HOME="$out.tmp/.home" XDG_CACHE_HOME="$out.tmp/.home/cache" TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$HOME/.darcs"
printf 'ALL ignore-times\n' > "$HOME/.darcs/defaults"
n=0
# rec AUTHOR NAME [LOG...]: record everything with a fixed date (one minute apart)
rec() {
  local author=$1 name=$2; shift 2
  n=$((n + 1))
  local date
  date=$(date -u -d "@$((1709283600 + n * 60))" '+%a %b %e %H:%M:%S %Z %Y')   # 2024-03-01 09:00 UTC + n min
  { echo "$date"; echo "$author"; echo "$name"; if [ $# -gt 0 ]; then printf '%s\n' "$@"; fi; } |
    darcs record --pipe -a -l -q >/dev/null
}
ALICE='Alice Example <alice@example.org>'
BOB='Bob Example <bob@example.org>'

# --- hello: a small program with the usual life of a project
mkdir "$out.tmp/hello" && cd "$out.tmp/hello" && darcs init -q
printf 'A friendly greeting program, kept in darcs.\n' > _darcs/prefs/motd
cat > README.md <<'MD'
# hello

A tiny example repository served by **darcsweb**.

Run `./hello.sh NAME` to be greeted.
MD
printf '#!/bin/sh\necho "Hello, world"\n' > hello.sh
rec "$ALICE" "Initial import" "The first version of hello: a README and the script."
printf '#!/bin/sh\n# greet whoever is named on the command line\nname=${1:-world}\necho "Hello, $name"\n' > hello.sh
rec "$BOB" "Greet by name" "Take the name from the first argument."
mkdir doc && printf 'Usage\n=====\n\n  hello.sh [NAME]\n\nPrints a greeting.\n' > doc/usage.txt
rec "$ALICE" "Add usage documentation"
n=$((n + 1))
printf '%s\n%s\n' "$(date -u -d "@$((1709283600 + n * 60))" '+%a %b %e %H:%M:%S %Z %Y')" "$ALICE" |
  darcs tag --pipe -m 1.0 -q >/dev/null
darcs mv -q doc/usage.txt doc/USAGE
rec "$BOB" "Rename usage file"
darcs replace -q name person hello.sh
rec "$ALICE" "Call it person, not name" "A token replace: every 'name' token becomes 'person'."
printf 'Copyright 2024 the hello authors.\nLicensed under the GPL, version 2 or later.\n' > COPYING
rec "$BOB" "Add a licence"

# --- notes: a second repository, with binary content and a removed file
mkdir "$out.tmp/notes" && cd "$out.tmp/notes" && darcs init -q
printf 'Shopping\n- bread\n- milk\n' > list.txt
printf 'draft\n' > draft.txt
rec "$BOB" "Start the notes"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01' > pixel.png
printf 'Shopping\n- bread\n- milk\n- coffee\n' > list.txt
rec "$ALICE" "Add a picture and coffee"
rm draft.txt
rec "$BOB" "Drop the draft"

for r in hello notes; do rm -rf "$out.tmp/$r/_darcs/index" "$out.tmp/$r/_darcs/index.old" "$out.tmp/$r/_darcs/patch_index"; done
rm -rf "$out.tmp/.home"
rm -rf "$out"
mv "$out.tmp" "$out"
touch "$out/.complete"
echo "example repositories written to $out" >&2
