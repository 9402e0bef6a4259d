"""darcs_read: a small, read-only reader of hashed darcs repositories.

Used by tests/proofs/differential.py to obtain, for a darcs 2.16 repository
(formats darcs-1 "hashed", darcs-2, darcs-3), its patches, their effects and its
recorded (pristine) tree, which are then fed to the extracted OCaml core and
compared with the real `darcs` binary.

This reader is deliberately independent of darcsweb's Rust reader (src/): it is
a second, separate reading of the on-disk format, written from the format
description (inventories, patch files, prim syntax, path escaping, pristine
listings) and checked against repositories made by darcs itself.  A bug shared
by both readers would otherwise go unnoticed by the differential test.

Interface:
  repo_format(repo)            -> 'darcs-1' | 'darcs-2' | 'darcs-3'
  read_inventories(repo)       -> (pristine root hash, [(PatchInfo, patch file name)])
                                  oldest patch first
  read_named(repo, name, fmt)  -> Named(info, deps, effect)
  parse_named(data, fmt)       -> idem, from the (uncompressed) file content
  PatchInfo.patch_id()         -> the SHA-1 patch identity darcs shows
  walk_pristine(repo, root)    -> yields ('f' | 'd', './a/b', hash), parents first
  read_pristine(repo, hash)    -> a pristine object's content

Effects are lists of primitive patches as tuples:
  ('hunk', path, line, [old lines], [new lines])   ('addfile'|'rmfile'|'adddir'|'rmdir', path)
  ('move', src, dst)   ('replace', path, tokchars, old, new)   ('binary', path, old, new)
  ('changepref', name, old, new)
Paths are str 'a/b' (bytes decoded with 'surrogateescape'); everything else is bytes.
Conflicted darcs-2/darcs-3 patches are reduced to their effect; darcs-1 mergers
raise Unsupported.  Every hashed file read is checked against its name.
"""
import gzip, hashlib, os, re
from typing import NamedTuple, List

EMPTY_HASH = hashlib.sha256(b'').hexdigest()
WHITE = b' \t\n\r\f\v'


class FormatError(Exception):
    pass


class Unsupported(FormatError):
    pass


# ---------------- files ----------------
def _read(repo, rel):
    with open(os.path.join(repo, '_darcs', rel), 'rb') as f:
        data = f.read()
    return gzip.decompress(data) if data[:2] == b'\x1f\x8b' else data


def _hashed(repo, sub, name):
    """Content of _darcs/SUB/NAME, checked against NAME ('size-sha256' or 'sha256')."""
    data = _read(repo, sub + '/' + name)
    size, _, digest = name.rpartition('-')
    if (size and int(size) != len(data)) or hashlib.sha256(data).hexdigest() != digest:
        raise FormatError('hash mismatch in _darcs/%s/%s' % (sub, name))
    return data


def repo_format(repo):
    props = set()
    for line in _read(repo, 'format').decode('ascii').split('\n'):
        props.update(line.split('|'))
    if 'hashed' not in props:
        raise Unsupported('not a hashed repository: %r' % sorted(props))
    return 'darcs-3' if 'darcs-3' in props else 'darcs-2' if 'darcs-2' in props else 'darcs-1'


# ---------------- patch infos ----------------
class PatchInfo(NamedTuple):
    name: bytes
    author: bytes
    date: bytes
    log: List[bytes]
    inverted: bool

    def patch_id(self):
        h = hashlib.sha1(self.name + self.author + self.date + b''.join(self.log))
        h.update(b't' if self.inverted else b'f')
        return h.hexdigest()


def parse_info(data, pos):
    """Parse '[name\\nauthor*Fdate{\\n log}[\\n]]' at data[pos]; return (info, pos after ']')."""
    if data[pos:pos + 1] != b'[':
        raise FormatError('patch info expected at byte %d' % pos)
    eol = data.index(b'\n', pos)
    name = data[pos + 1:eol]
    star = data.index(b'*', eol + 1)
    author, flag = data[eol + 1:star], data[star + 1:star + 2]
    if flag not in (b'*', b'-'):
        raise FormatError('bad patch info flag %r' % flag)
    p = star + 2
    while data[p:p + 1] not in (b']', b'\n'):
        p += 1
    date, log = data[star + 2:p], []
    while data[p:p + 1] == b'\n' and data[p + 1:p + 2] == b' ':
        e = data.find(b'\n', p + 2)
        if e < 0:
            raise FormatError('unterminated patch info')
        log.append(data[p + 2:e])
        p = e
    if data[p:p + 1] == b'\n':
        p += 1
    if data[p:p + 1] != b']':
        raise FormatError('patch info not closed by "]" at byte %d' % p)
    return PatchInfo(name, author, date, log, flag == b'-'), p + 1


# ---------------- inventories ----------------
def _skip(data, pos):
    while pos < len(data) and data[pos] in WHITE:
        pos += 1
    return pos


def _word(data, pos):
    pos = _skip(data, pos)
    end = pos
    while end < len(data) and data[end] not in WHITE:
        end += 1
    return data[pos:end], end


def parse_inventory(data):
    """(parent inventory name or None, [(info, patch file name)]) of one inventory."""
    pos, parent, entries = _skip(data, 0), None, []
    if data.startswith(b'Starting with inventory:', pos):
        parent, pos = _word(data, pos + len(b'Starting with inventory:'))
        parent = parent.decode('ascii')
    while True:
        pos = _skip(data, pos)
        if pos == len(data):
            return parent, entries
        info, pos = parse_info(data, pos)
        key, pos = _word(data, pos)
        name, pos = _word(data, pos)
        if key != b'hash:' or not name:
            raise FormatError('"hash: <name>" expected after a patch info in an inventory')
        entries.append((info, name.decode('ascii')))


def read_inventories(repo):
    head = _read(repo, 'hashed_inventory')
    pristine = EMPTY_HASH
    if head.startswith(b'pristine:'):
        eol = head.find(b'\n')
        eol = len(head) if eol < 0 else eol
        pristine, head = head[9:eol].strip().decode('ascii'), head[eol + 1:]
    chunks = []
    parent, entries = parse_inventory(head)
    chunks.append(entries)
    while parent is not None:
        parent, entries = parse_inventory(_hashed(repo, 'inventories', parent))
        chunks.append(entries)
    return pristine, [e for chunk in reversed(chunks) for e in chunk]


# ---------------- named patches ----------------
class Named(NamedTuple):
    info: PatchInfo
    deps: List[PatchInfo]
    effect: list


_ESC = re.compile(rb'\\(\d+)\\')


def decode_path(word, fmt):
    """'./a\\32\\b' (escaped, darcs-1 also byte-wise UTF-8 encoded) -> 'a b'."""
    if fmt == 'darcs-1':
        word = bytes(ord(c) & 0xFF for c in word.decode('utf-8'))
    if not word.startswith(b'./'):
        raise FormatError('path without "./": %r' % word)
    return _unescape(word[2:])


def _unescape(b):
    return _ESC.sub(lambda m: chr(int(m.group(1))).encode('utf-8'), b).decode('utf-8', 'surrogateescape')


def invert(p):
    k = p[0]
    if k == 'hunk':
        return ('hunk', p[1], p[2], p[4], p[3])
    if k in ('addfile', 'rmfile', 'adddir', 'rmdir'):
        return ({'addfile': 'rmfile', 'rmfile': 'addfile', 'adddir': 'rmdir', 'rmdir': 'adddir'}[k], p[1])
    if k == 'move':
        return ('move', p[2], p[1])
    if k == 'replace':
        return ('replace', p[1], p[2], p[4], p[3])
    return (k, p[1], p[3], p[2])  # binary, changepref


class _Body:
    """Tokenizer and parser for a named patch's body (after info and dependencies)."""

    def __init__(self, data, pos, fmt):
        self.data, self.pos, self.fmt = data, pos, fmt

    def word(self):
        w, self.pos = _word(self.data, self.pos)
        return w

    def peek(self):
        return _word(self.data, self.pos)[0]

    def expect(self, w):
        got = self.word()
        if got != w:
            raise FormatError('expected %r, got %r at byte %d' % (w, got, self.pos))

    def line(self):
        """The rest of the current line; the newline (if any) is consumed."""
        e = self.data.find(b'\n', self.pos)
        e = len(self.data) if e < 0 else e
        l, self.pos = self.data[self.pos:e], e + 1
        return l

    def eol(self):
        if self.data[self.pos:self.pos + 1] == b'\n':
            self.pos += 1
        elif self.pos < len(self.data):
            raise FormatError('end of line expected at byte %d' % self.pos)

    def lines(self, lead):
        out = []
        while self.data[self.pos:self.pos + 1] == lead:
            self.pos += 1
            out.append(self.line())
        return out

    def path(self):
        return decode_path(self.word(), self.fmt)

    def prim(self, kw=None):
        kw = kw or self.word()
        if self.fmt == 'darcs-3':  # darcs-3 prims carry an identity: hash N PATCHID
            if kw != b'hash':
                raise FormatError('darcs-3 prim without "hash N ID": %r' % kw)
            int(self.word()); self.word()
            kw = self.word()
        if kw in (b'addfile', b'rmfile', b'adddir', b'rmdir'):
            return (kw.decode(), self.path())
        if kw == b'move':
            return ('move', self.path(), self.path())
        if kw == b'hunk':
            path, line = self.path(), int(self.word())
            self.eol()
            return ('hunk', path, line, self.lines(b'-'), self.lines(b'+'))
        if kw == b'replace':
            path, chars, old, new = self.path(), self.word(), self.word(), self.word()
            if not (chars.startswith(b'[') and chars.endswith(b']')):
                raise FormatError('bad token chars %r' % chars)
            return ('replace', path, chars[1:-1], old, new)
        if kw == b'binary':
            path = self.path()
            self.expect(b'oldhex'); self.eol()
            old = bytes.fromhex(b''.join(self.lines(b'*')).decode('ascii'))
            self.expect(b'newhex'); self.eol()
            new = bytes.fromhex(b''.join(self.lines(b'*')).decode('ascii'))
            return ('binary', path, old, new)
        if kw == b'changepref':
            name = self.word()
            self.eol()
            return ('changepref', name, self.line(), self.line())
        raise FormatError('unknown patch keyword %r at byte %d' % (kw, self.pos))

    def patches(self, stop=None):
        """Effect of the patches up to the word STOP (consumed) or the end."""
        eff = []
        while True:
            w = self.word()
            if w == stop or (not w and stop is None):
                return eff
            if not w:
                raise FormatError('missing %r' % stop)
            eff += self.patch(w)

    def patch(self, w):
        if w in (b'{', b'('):  # grouping, flattened
            return self.patches(b'}' if w == b'{' else b')')
        if w in (b'merger', b'regrem'):
            raise Unsupported('darcs-1 %s patches (conflicts) are not supported' % w.decode())
        if self.fmt == 'darcs-1':
            return [self.prim(w)]
        if w in (b'conflictor', b'rotcilfnoc'):
            if self.fmt == 'darcs-2':  # conflictor [{{ NON* }}] XX NON: effect = inverse of XX
                self.contexts()
                xx = self.prims_list()
                self.non()
                return [invert(p) for p in reversed(xx)] if w == b'conflictor' else xx
            r = self.prims_list()  # darcs-3: conflictor R [{{ CTX* }}] CTX: effect = R
            self.contexts()
            self.non()
            return r
        if w in (b'duplicate', b'etacilpud') and self.fmt == 'darcs-2':
            self.non()
            return []
        return [self.prim(w)]

    def prims_list(self):  # "[]" | "[" prim* "]"
        w = self.word()
        if w == b'[]':
            return []
        if w != b'[':
            raise FormatError('"[" expected, got %r' % w)
        out = []
        while self.peek() != b']':
            out.append(self.prim())
        self.word()
        return out

    def contexts(self):  # optional "{{" NON* "}}"
        if self.peek() == b'{{':
            self.word()
            while self.peek() != b'}}':
                self.non()
            self.word()

    def non(self):  # context patches, ":", one prim
        self.patches(b':')
        return self.prim()


def parse_named(data, fmt):
    info, pos = parse_info(data, 0)
    deps = []
    pos = _skip(data, pos)
    if data[pos:pos + 1] == b'<':
        pos = _skip(data, pos + 1)
        while data[pos:pos + 1] != b'>':
            dep, pos = parse_info(data, pos)
            deps.append(dep)
            pos = _skip(data, pos)
        pos += 1
    return Named(info, deps, _Body(data, pos, fmt).patches())


def read_named(repo, name, fmt):
    return parse_named(_hashed(repo, 'patches', name), fmt)


# ---------------- pristine tree ----------------
def read_pristine(repo, h):
    return b'' if h == EMPTY_HASH else _hashed(repo, 'pristine.hashed', h)


def walk_pristine(repo, root, prefix='.'):
    """Yield ('f' | 'd', './a/b', hash) for everything below the directory ROOT."""
    lines = read_pristine(repo, root).split(b'\n')
    if lines[-1] == b'':
        lines.pop()
    if len(lines) % 3:
        raise FormatError('bad pristine directory listing %s' % root)
    for i in range(0, len(lines), 3):
        kind, name, h = lines[i:i + 3]
        path = prefix + '/' + _unescape(name)
        h = h.decode('ascii')
        if kind == b'file:':
            yield 'f', path, h
        elif kind == b'directory:':
            yield 'd', path, h
            yield from walk_pristine(repo, h, path)
        else:
            raise FormatError('bad pristine entry kind %r' % kind)
