#!/usr/bin/env python3
"""Differential test of the extracted core against real darcs.

Usage: differential.py DRIVER REPO [REPO...]

DRIVER is the executable built from extracted/darcscore.ml, src/core/ffi/glue.ml
and tests/proofs/core_driver.ml (framed requests on stdin, responses on stdout).
Each REPO is a darcs repository without conflicts (e.g. the fixtures prims-d2,
prims-d3, big-d2, made by tests/fixtures/make-fixtures.sh).  Patches, their
effects and the pristine tree are read with darcs_read.py (beside this file), a
reader of the format independent of darcsweb's own.  Checked, through the wire
format of src/core/WIRE.md:

  op 4 tree_at      == the recorded (pristine) tree
  op 5 file_at      == every pristine file's content
  op 1 apply, op 2 invert: applying all effects then their inverse gives back
                    the empty tree
  op 3 commute      self-inverse on every adjacent pair of prims that commutes
  op 6 annotate     == darcs annotate --machine-readable (every file)
  op 7 dependencies == darcs show dependencies
  op 8 commute_named agrees with op 3 when there are no explicit dependencies

Prints one line per failure and a final line "N passed, M failed".
"""
import os, re, shutil, struct, subprocess, sys, tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import darcs_read

passed = failed = 0

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL', what)

# ---------------- wire encoding ----------------
def u8(v): return bytes([v])
def u32(v): return struct.pack('<I', v)
def s(b): return u32(len(b)) + b
def lst(items, f): return u32(len(items)) + b''.join(f(x) for x in items)
def pth(p):  # p: str path 'a/b' (surrogateescape) -> components
    comps = [c.encode('utf-8', 'surrogateescape') for c in p.split('/')] if p else []
    return lst(comps, s)

def prim(x):
    k = x[0]
    if k == 'hunk': return u8(0) + pth(x[1]) + u32(x[2]) + lst(x[3], s) + lst(x[4], s)
    if k == 'addfile': return u8(1) + pth(x[1])
    if k == 'rmfile': return u8(2) + pth(x[1])
    if k == 'adddir': return u8(3) + pth(x[1])
    if k == 'rmdir': return u8(4) + pth(x[1])
    if k == 'move': return u8(5) + pth(x[1]) + pth(x[2])
    if k == 'replace': return u8(6) + pth(x[1]) + s(x[2]) + s(x[3]) + s(x[4])
    if k == 'binary': return u8(7) + pth(x[1]) + s(x[2]) + s(x[3])
    if k == 'changepref': return u8(8) + s(x[1]) + s(x[2]) + s(x[3])
    raise ValueError(k)

def named(n): return lst(n[0], prim) + lst(n[1], u32)

class Dec:
    def __init__(self, b): self.b, self.p = b, 0
    def u8(self): v = self.b[self.p]; self.p += 1; return v
    def u32(self): v = struct.unpack_from('<I', self.b, self.p)[0]; self.p += 4; return v
    def s(self): n = self.u32(); v = self.b[self.p:self.p + n]; self.p += n; return v
    def lst(self, f): return [f() for _ in range(self.u32())]
    def path(self): return '/'.join(c.decode('utf-8', 'surrogateescape') for c in self.lst(self.s))
    def prim(self):
        t = self.u8()
        if t == 0: return ('hunk', self.path(), self.u32(), self.lst(self.s), self.lst(self.s))
        if t in (1, 2, 3, 4): return (['', 'addfile', 'rmfile', 'adddir', 'rmdir'][t], self.path())
        if t == 5: return ('move', self.path(), self.path())
        if t == 6: return ('replace', self.path(), self.s(), self.s(), self.s())
        if t == 7: return ('binary', self.path(), self.s(), self.s())
        if t == 8: return ('changepref', self.s(), self.s(), self.s())
        raise ValueError(t)
    def tree(self):
        out = []
        for _ in range(self.u32()):
            p = self.path(); k = self.u8()
            out.append((p, None if k == 0 else self.s()))
        return out

class Core:
    def __init__(self, driver):
        self.proc = subprocess.Popen([driver], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    def call(self, op, payload):
        req = u32(op) + payload
        self.proc.stdin.write(u32(len(req)) + req); self.proc.stdin.flush()
        n = struct.unpack('<I', self.proc.stdout.read(4))[0]
        d = Dec(self.proc.stdout.read(n))
        st = d.u8()
        if st == 1: return ('notapply', d.u32(), d.u32(), d.s())
        if st == 2: return ('error', d.s())
        return ('ok', d)

# ---------------- repository reading ----------------
def read_repo(repo):
    fmt = darcs_read.repo_format(repo)
    pristine, patches = darcs_read.read_inventories(repo)
    ids = {}
    out = []
    for i, (info, h) in enumerate(patches):
        inf, deps, eff = darcs_read.read_named(repo, h, fmt)
        if inf != info:
            raise darcs_read.FormatError('patch file %s does not match its inventory entry' % h)
        ids[inf.patch_id()] = i
        out.append((eff, sorted(ids[d.patch_id()] for d in deps)))
    want = {}
    for kind, path, h in darcs_read.walk_pristine(repo, pristine):
        want[path[2:]] = darcs_read.read_pristine(repo, h) if kind == 'f' else None
    return out, [info.patch_id() for info, _ in patches], want

def darcs(repo, *args):
    env = dict(os.environ, DARCS_DONT_ESCAPE_ANYTHING='1', DARCS_DONT_COLOR='1', TZ='UTC')
    return subprocess.run(['darcs'] + list(args), cwd=repo, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout

def test_repo(core, repo, name):
    nameds, pids, want = read_repo(repo)
    req = lst(nameds, named)
    # op 4
    r = core.call(4, req)
    check(r[0] == 'ok', '%s: tree_at status %r' % (name, r[:1] if r[0] == 'ok' else r))
    if r[0] != 'ok': return
    got = r[1].tree()
    check(dict(got) == want, '%s: tree_at differs from pristine' % name)
    check([p for p, _ in got] == sorted((p for p, _ in got),
          key=lambda p: [c.encode('utf-8', 'surrogateescape') for c in p.split('/')]),
          '%s: tree_at output order' % name)
    # op 5
    for p, c in want.items():
        r = core.call(5, req + pth(p))
        if c is None:
            ok = r[0] == 'ok' and r[1].u8() == 2
        else:
            ok = r[0] == 'ok' and r[1].u8() == 1 and r[1].s() == c
        check(ok, '%s: file_at %s' % (name, p))
    # ops 1 and 2
    allp = [x for eff, _ in nameds for x in eff]
    r = core.call(1, u32(0) + lst(allp, prim))
    check(r[0] == 'ok' and dict(r[1].tree()) == want, '%s: apply of all effects' % name)
    r = core.call(2, lst(allp, prim))
    if r[0] == 'ok':
        inv = r[1].lst(r[1].prim)
        r2 = core.call(1, lst(sorted(want.items()), lambda e: pth(e[0]) + (u8(0) if e[1] is None else u8(1) + s(e[1]))) + lst(inv, prim))
        check(r2[0] == 'ok' and r2[1].tree() == [], '%s: apply then invert gives the empty tree' % name)
    else:
        check(False, '%s: invert %r' % (name, r))
    # op 3: self-inverse on adjacent prims
    n_comm = 0
    for a, b in zip(allp, allp[1:]):
        r = core.call(3, lst([a], prim) + lst([b], prim))
        if r[0] != 'ok': check(False, '%s: commute status' % name); continue
        if r[1].u8() == 1:
            q = r[1].lst(r[1].prim); p = r[1].lst(r[1].prim)
            r2 = core.call(3, lst(q, prim) + lst(p, prim))
            ok = r2[0] == 'ok' and r2[1].u8() == 1
            ok = ok and r2[1].lst(r2[1].prim) == [a] and r2[1].lst(r2[1].prim) == [b]
            check(ok, '%s: commute self-inverse on %r ; %r' % (name, a, b))
            n_comm += 1
    # op 8 vs op 3
    for x, y in zip(nameds, nameds[1:]):
        if y[1]: continue
        r = core.call(8, named((x[0], [])) + named((y[0], [])))
        r2 = core.call(3, lst(x[0], prim) + lst(y[0], prim))
        check(r[0] == 'ok' and r2[0] == 'ok' and r[1].b == r2[1].b, '%s: commute_named vs commute' % name)
    # op 6: annotate every file, against darcs
    for p, c in sorted(want.items()):
        if c is None: continue
        exp = darcs(repo, 'annotate', '--machine-readable', '--no-patch-index', p)
        if not exp:
            continue  # darcs cannot annotate it (e.g. binary changes)
        r = core.call(6, req + pth(p))
        if r[0] != 'ok': check(False, '%s: annotate %s: %r' % (name, p, r)); continue
        idx = r[1].lst(r[1].u32); lines = r[1].lst(r[1].s)
        got = b''.join(((pids[i] if i != 0xFFFFFFFF else '0' * 40).encode() + b' | ' + l + b' \n')
                       for i, l in zip(idx, lines)) + b'\n'
        check(got == exp, '%s: annotate %s' % (name, p))
    # op 7: dependencies, against darcs show dependencies
    dot = darcs(repo, 'show', 'dependencies').decode('utf-8', 'replace')
    short = {pid[:8]: i for i, pid in enumerate(pids)}
    exp = [[] for _ in pids]
    for m in re.finditer(r'"([0-9a-f]{8})" -> \{([^}]*)\}', dot):
        exp[short[m.group(1)]] = sorted(short[x] for x in re.findall(r'"([0-9a-f]{8})"', m.group(2)))
    r = core.call(7, req)
    if r[0] == 'ok':
        got = r[1].lst(lambda: r[1].lst(r[1].u32))
        for i, (g, e) in enumerate(zip(got, exp)):
            check(g == e, '%s: dependencies of patch %d: got %r, darcs %r' % (name, i, g, e))
    else:
        check(False, '%s: dependencies %r' % (name, r))
    print('%s: %d patches, %d commuting adjacent prims checked' % (name, len(nameds), n_comm))

def main():
    driver, repos = sys.argv[1], sys.argv[2:]
    core = Core(driver)
    for repo in repos:
        tmp = tempfile.mkdtemp()
        try:
            copy = os.path.join(tmp, 'r')
            shutil.copytree(repo, copy, symlinks=True)
            test_repo(core, copy, os.path.basename(repo.rstrip('/')))
        finally:
            shutil.rmtree(tmp)
    print('%d passed, %d failed' % (passed, failed))
    sys.exit(1 if failed else 0)

if __name__ == '__main__':
    main()
