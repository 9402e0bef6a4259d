#!/usr/bin/env bash
# make-big-repo.sh OUTDIR [N]: a darcs repository of N (default 10000) patches, built with the
# real darcs from a generated git fast-export stream (`darcs convert import`).
# Content: 50 files (hot.txt + 49 others) of ~200 lines; commit 1 adds them all; afterwards
# every 5th commit edits one line of hot.txt, the others edit one line of the other files
# round-robin. Idempotent: does nothing when OUTDIR/.make-big-repo-done exists.
set -euo pipefail
OUT=${1:?usage: make-big-repo.sh OUTDIR [N]}
N=${2:-10000}
MARK="$OUT/_darcs/make-big-repo-done"
if [ -f "$MARK" ] && [ "$(cat "$MARK")" = "$N" ]; then
  exit 0
fi
rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
W=$(mktemp -d "${TMPDIR:-/tmp}/make-big-repo.XXXXXX")
trap 'rm -rf "$W"' EXIT

python3 - "$N" > "$W/big.fi" <<'PYEOF'
import sys
out = sys.stdout.buffer
N = int(sys.argv[1])
t0 = 1577836800
LINES = 200
others = ['dir%d/file%02d.txt' % (k % 5, k) for k in range(49)]
files = {'hot.txt': [b'hot line %d original' % j for j in range(LINES)]}
for k, f in enumerate(others):
    files[f] = [b'line %d of %s original' % (j, f.encode()) for j in range(LINES)]

def emit(path):
    content = b''.join(l + b'\n' for l in files[path])
    out.write(b'M 100644 inline %s\ndata %d\n%s\n' % (path.encode(), len(content), content))

rr = 0
for i in range(1, N + 1):
    if i == 1:
        touched, name = list(files), b'initial import'
    elif i % 5 == 0:
        f = 'hot.txt'
        j = (i * 37) % LINES
        files[f][j] = b'hot line %d edited by patch %d' % (j, i)
        touched, name = [f], b'edit hot.txt line %d (patch %d)' % (j, i)
    else:
        f = others[rr % len(others)]
        rr += 1
        j = (i * 13) % LINES
        files[f][j] = b'line %d of %s edited by patch %d' % (j, f.encode(), i)
        touched, name = [f], b'edit %s line %d (patch %d)' % (f.encode(), j, i)
    msg = name + b'\n\ngenerated patch %d\n' % i
    out.write(b'commit refs/heads/master\nmark :%d\n' % i)
    out.write(b'committer Gen <gen@example.com> %d +0000\n' % (t0 + i * 60))
    out.write(b'data %d\n%s' % (len(msg), msg))
    if i > 1:
        out.write(b'from :%d\n' % (i - 1))
    for f in touched:
        emit(f)
    out.write(b'\n')
PYEOF

( cd "$W" && darcs convert import big < big.fi > convert.log 2>&1 ) || { tail -20 "$W/convert.log" >&2; exit 1; }
mv "$W/big" "$OUT"
rm -rf "$OUT/_darcs/patch_index"
echo "$N" > "$MARK"
