//! Rendering patches back to text: darcs' storage syntax (byte-identical to what darcs
//! writes, escaped paths, hex for binaries) and the display form of `darcs log -v`.

use super::escape::{display_bytes, encode_path, PathEncoding};
use super::format::RepoFormat;
use super::info::PatchInfo;
use super::patch::{Contexted, NamedPatch, NamedPrim, Non, RepoPatch};
use super::prim::Prim;

/// Storage or display form.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Storage(PathEncoding),
    Display,
}

/// A text made of lines, composed like darcs' `Doc` (`$$` adds a line, `<+>` extends the last).
struct Doc {
    lines: Vec<Vec<u8>>,
    mode: Mode,
}

impl Doc {
    fn new(mode: Mode) -> Doc {
        Doc { lines: Vec::new(), mode }
    }
    fn line(&mut self, l: impl Into<Vec<u8>>) {
        self.lines.push(l.into());
    }
    /// `<+>`: append to the last line with a space (or start a line).
    fn same_line(&mut self, s: &[u8]) {
        match self.lines.last_mut() {
            Some(l) => {
                l.push(b' ');
                l.extend_from_slice(s);
            }
            None => self.lines.push(s.to_vec()),
        }
    }
    /// A prefix visible only in display form (darcs' `hiddenPrefix`).
    fn hidden_prefixed(&mut self, sub: Doc) {
        for mut l in sub.lines {
            if self.mode == Mode::Display {
                l.insert(0, b'|');
            }
            self.lines.push(l);
        }
    }
    fn sub(&self) -> Doc {
        Doc::new(self.mode)
    }
    fn path(&self, p: &super::prim::Path) -> Vec<u8> {
        match self.mode {
            Mode::Storage(enc) => encode_path(p, enc),
            Mode::Display => display_bytes(p),
        }
    }
    fn join(&self) -> Vec<u8> {
        self.lines.join(&b'\n')
    }
}

fn cat(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

fn prim_doc(p: &Prim, d: &mut Doc) {
    match p {
        Prim::Hunk { path, line, old, new } => {
            d.line(cat(&[b"hunk ", &d.path(path), b" ", line.to_string().as_bytes()]));
            for l in old {
                d.line(cat(&[b"-", l]));
            }
            for l in new {
                d.line(cat(&[b"+", l]));
            }
        }
        Prim::AddFile(path) => d.line(cat(&[b"addfile ", &d.path(path)])),
        Prim::RmFile(path) => d.line(cat(&[b"rmfile ", &d.path(path)])),
        Prim::AddDir(path) => d.line(cat(&[b"adddir ", &d.path(path)])),
        Prim::RmDir(path) => d.line(cat(&[b"rmdir ", &d.path(path)])),
        Prim::Move { from, to } => d.line(cat(&[b"move ", &d.path(from), b" ", &d.path(to)])),
        Prim::Replace { path, tokchars, old, new } => {
            d.line(cat(&[b"replace ", &d.path(path), b" [", tokchars, b"] ", old, b" ", new]))
        }
        Prim::Binary { path, old, new } => {
            d.line(cat(&[b"binary ", &d.path(path)]));
            if d.mode != Mode::Display {
                for (kw, data) in [(&b"oldhex"[..], old), (b"newhex", new)] {
                    d.line(kw);
                    let h = hex::encode(data).into_bytes();
                    // darcs' breakEvery 78: a final empty chunk when the length is a multiple of 78
                    let mut rest: &[u8] = &h;
                    loop {
                        if rest.len() < 78 {
                            d.line(cat(&[b"*", rest]));
                            break;
                        }
                        let (a, b) = rest.split_at(78);
                        d.line(cat(&[b"*", a]));
                        rest = b;
                    }
                }
            }
        }
        Prim::ChangePref { name, old, new } => {
            d.line(cat(&[b"changepref ", name]));
            d.line(old.clone());
            d.line(new.clone());
        }
    }
}

fn non_doc(n: &Non, d: &mut Doc) {
    let mut ctx = d.sub();
    for rp in &n.context {
        repo_patch_doc(rp, &mut ctx);
    }
    d.hidden_prefixed(ctx);
    d.line(if d.mode == Mode::Display { &b"|:"[..] } else { b":" });
    prim_doc(&n.prim, d);
}

fn named_prim_doc(np: &NamedPrim, d: &mut Doc) {
    if d.mode != Mode::Display {
        d.line(format!("hash {} {}", np.id.index, np.id.patch_id));
    }
    prim_doc(&np.prim, d);
}

fn contexted_doc(c: &Contexted, d: &mut Doc) {
    let mut ctx = d.sub();
    for np in &c.context {
        named_prim_doc(np, &mut ctx);
    }
    d.hidden_prefixed(ctx);
    d.line(if d.mode == Mode::Display { &b"|:"[..] } else { b":" });
    named_prim_doc(&c.patch, d);
}

fn repo_patch_doc(rp: &RepoPatch, d: &mut Doc) {
    match rp {
        RepoPatch::Prim(p) => prim_doc(p, d),
        RepoPatch::Named(np) => named_prim_doc(np, d),
        RepoPatch::Merger { version, first, second } | RepoPatch::Regrem { version, first, second } => {
            let kw: &[u8] = if matches!(rp, RepoPatch::Merger { .. }) { b"merger " } else { b"regrem " };
            d.line(cat(&[kw, version, b" ("]));
            repo_patch_doc(first, d);
            repo_patch_doc(second, d);
            d.line(")");
        }
        RepoPatch::Duplicate(n) | RepoPatch::Etacilpud(n) => {
            d.line(if matches!(rp, RepoPatch::Duplicate(_)) { "duplicate" } else { "etacilpud" });
            non_doc(n, d);
        }
        RepoPatch::Conflictor { ix, xx, x } | RepoPatch::InvConflictor { ix, xx, x } => {
            d.line(if matches!(rp, RepoPatch::Conflictor { .. }) { "conflictor" } else { "rotcilfnoc" });
            if !ix.is_empty() {
                d.same_line(b"{{");
                for n in ix {
                    non_doc(n, d);
                }
                d.line("}}");
            }
            if xx.is_empty() {
                d.same_line(b"[]");
            } else {
                d.same_line(b"[");
                for p in xx {
                    prim_doc(p, d);
                }
                d.line("]");
            }
            non_doc(x, d);
        }
        RepoPatch::Conflictor3 { effect, conflicts, identity } => {
            d.line("conflictor");
            if effect.is_empty() {
                d.same_line(b"[]");
            } else {
                d.same_line(b"[");
                for np in effect {
                    named_prim_doc(np, d);
                }
                d.line("]");
            }
            if !conflicts.is_empty() {
                d.same_line(b"{{");
                for c in conflicts {
                    contexted_doc(c, d);
                }
                d.line("}}");
            }
            contexted_doc(identity, d);
        }
    }
}

/// A prim in storage syntax (paths escaped; darcs-1 `DoubleEncoded`), without final newline.
pub fn prim_storage_bytes(p: &Prim, enc: PathEncoding) -> Vec<u8> {
    let mut d = Doc::new(Mode::Storage(enc));
    prim_doc(p, &mut d);
    d.join()
}

/// A prim in darcs' own (darcs-2) storage text, for a raw view (invalid UTF-8 replaced).
pub fn render_prim(p: &Prim) -> String {
    String::from_utf8_lossy(&prim_storage_bytes(p, PathEncoding::Plain)).into_owned()
}

/// A prim as `darcs log -v` shows it (unescaped paths, no hex), lines joined by `\n`.
pub fn prim_display_bytes(p: &Prim) -> Vec<u8> {
    let mut d = Doc::new(Mode::Display);
    prim_doc(p, &mut d);
    d.join()
}

/// One body element in storage syntax.
pub fn repo_patch_storage_bytes(rp: &RepoPatch, format: RepoFormat) -> Vec<u8> {
    let mut d = Doc::new(Mode::Storage(encoding_of(format)));
    repo_patch_doc(rp, &mut d);
    d.join()
}

fn encoding_of(format: RepoFormat) -> PathEncoding {
    if format == RepoFormat::Darcs1 {
        PathEncoding::DoubleEncoded
    } else {
        PathEncoding::Plain
    }
}

impl NamedPatch {
    /// The body in storage syntax (darcs-1: bare if one patch, else braced).
    pub fn body_storage_bytes(&self, format: RepoFormat) -> Vec<u8> {
        let mut d = Doc::new(Mode::Storage(encoding_of(format)));
        if format == RepoFormat::Darcs1 && self.body.len() != 1 {
            d.line("{");
            for rp in &self.body {
                repo_patch_doc(rp, &mut d);
            }
            d.line("}");
        } else {
            for rp in &self.body {
                repo_patch_doc(rp, &mut d);
            }
        }
        d.join()
    }

    /// The whole patch file content as darcs writes it (uncompressed, no final newline).
    pub fn to_storage_bytes(&self, format: RepoFormat) -> Vec<u8> {
        let body = self.body_storage_bytes(format);
        let mut out = Vec::with_capacity(body.len() + 256);
        self.info.write_stored(&mut out);
        out.push(b' ');
        if !self.explicit_deps.is_empty() {
            out.extend_from_slice(b"\n<\n");
            for dep in &self.explicit_deps {
                dep.write_stored(&mut out);
                out.extend_from_slice(b" \n");
            }
            out.push(b'>');
            if !body.is_empty() {
                out.push(b' ');
            }
        }
        out.extend_from_slice(&body);
        out
    }

    /// The body as `darcs log -v` shows it (dependencies, then prims), without indentation.
    pub fn display_lines(&self) -> Vec<Vec<u8>> {
        let mut d = Doc::new(Mode::Display);
        for dep in &self.explicit_deps {
            d.line(cat(&[b"depend ", dep.id().as_bytes()]));
            d.line(cat(&[b"  * ", &dep.name]));
        }
        for rp in &self.body {
            repo_patch_doc(rp, &mut d);
        }
        d.lines
    }

    /// This patch's entry of `darcs log -v` (with `TZ=UTC`, nothing escaped), ending in `\n`.
    pub fn log_verbose(&self) -> Vec<u8> {
        let mut out = header_lines(&self.info);
        for l in self.display_lines() {
            out.extend_from_slice(b"    ");
            out.extend_from_slice(&l);
            out.push(b'\n');
        }
        out
    }
}

/// `* name`, `tagged NAME` or `UNDO: name`, as in `darcs log`.
fn title_line(info: &PatchInfo) -> Vec<u8> {
    if info.inverted {
        cat(&[b"UNDO: ", &info.name])
    } else if let Some(t) = info.tag_name() {
        cat(&[b"tagged ", t])
    } else {
        cat(&[b"* ", &info.name])
    }
}

/// The header of a `darcs log` entry: `patch ID`, `Author:`, `Date:`, title and comment lines.
pub fn header_lines(info: &PatchInfo) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"patch ");
    out.extend_from_slice(info.id().as_bytes());
    out.extend_from_slice(b"\nAuthor: ");
    out.extend_from_slice(&info.author);
    out.extend_from_slice(b"\nDate:   ");
    out.extend_from_slice(info.date_display().as_bytes());
    out.extend_from_slice(b"\n  ");
    out.extend_from_slice(&title_line(info));
    out.push(b'\n');
    for l in info.comment_for_display() {
        out.extend_from_slice(b"  ");
        out.extend_from_slice(l);
        out.push(b'\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_chunks() {
        let p = Prim::Binary { path: vec![b"x".to_vec()], old: vec![], new: vec![7u8; 39] };
        let s = prim_storage_bytes(&p, PathEncoding::Plain);
        assert_eq!(s, format!("binary ./x\noldhex\n*\nnewhex\n*{}\n*", "07".repeat(39)).into_bytes());
        assert_eq!(prim_display_bytes(&p), b"binary ./x");
    }

    #[test]
    fn prims() {
        let p = Prim::Replace {
            path: vec![b"a b".to_vec()],
            tokchars: b"A-Z".to_vec(),
            old: b"x".to_vec(),
            new: b"y".to_vec(),
        };
        assert_eq!(render_prim(&p), r"replace ./a\32\b [A-Z] x y");
        assert_eq!(prim_display_bytes(&p), b"replace ./a b [A-Z] x y");
        let h = Prim::Hunk { path: vec![b"f".to_vec()], line: 3, old: vec![], new: vec![] };
        assert_eq!(render_prim(&h), "hunk ./f 3");
    }
}
