//! Named patch files (sections 5–7): parsing of darcs-1/2/3 bodies into a structure that
//! keeps conflictors and mergers as they are written. What they do to the tree is the
//! verified core's answer (`crate::core::effect`), not computed here.

use std::path::Path;

use super::error::{quote_word, Result};
use super::escape::{decode_path_in, PathEncoding};
use super::format::RepoFormat;
use super::info::{parse_info, PatchInfo};
use super::parse::Cursor;
use super::prim::{Line, Prim};

/// Deepest nesting of mergers/conflictors/groups accepted (protects the stack).
pub const MAX_NESTING: usize = 256;

/// A darcs-3 prim id `hash N ID`: the prim is the N-th of the named patch `ID` (negative: inverse).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PrimId {
    /// 1-based position in the introducing named patch, negative for the inverse.
    pub index: i64,
    /// Patch id (40 hex) of the named patch that introduced the prim.
    pub patch_id: String,
}

/// A darcs-3 prim with its id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NamedPrim {
    /// The prim's identity.
    pub id: PrimId,
    /// The prim itself.
    pub prim: Prim,
}

/// darcs-2 `Non`: a prim together with the context patches it applies after.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Non {
    /// Context patches (darcs-2 repo patches), possibly empty.
    pub context: Vec<RepoPatch>,
    /// The prim.
    pub prim: Prim,
}

/// darcs-3 `Contexted`: a named prim with its context of named prims.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Contexted {
    /// Context prims, possibly empty.
    pub context: Vec<NamedPrim>,
    /// The prim.
    pub patch: NamedPrim,
}

/// One element of a named patch's body, in any of the three formats.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RepoPatch {
    /// A plain prim (darcs-1 and darcs-2).
    Prim(Prim),
    /// darcs-3 plain prim with its id.
    Named(NamedPrim),
    /// darcs-1 `merger VERSION (first second)`.
    Merger {
        /// Always `0.0` in practice.
        version: Vec<u8>,
        /// The patch this merger undoes.
        first: Box<RepoPatch>,
        /// The patch being merged.
        second: Box<RepoPatch>,
    },
    /// darcs-1 `regrem VERSION (first second)`: the inverse of a merger.
    Regrem {
        /// Always `0.0` in practice.
        version: Vec<u8>,
        /// First argument of the inverted merger.
        first: Box<RepoPatch>,
        /// Second argument of the inverted merger.
        second: Box<RepoPatch>,
    },
    /// darcs-2 `conflictor [{{ix}}] [xx] x`.
    Conflictor {
        /// Conflicting patches already undone by other conflictors.
        ix: Vec<Non>,
        /// Prims undone by this conflictor (its effect is their inverse).
        xx: Vec<Prim>,
        /// The original patch, in its context.
        x: Non,
    },
    /// darcs-2 `rotcilfnoc`: inverse conflictor (effect `xx` in order).
    InvConflictor {
        /// As in `Conflictor`.
        ix: Vec<Non>,
        /// Prims applied by this patch.
        xx: Vec<Prim>,
        /// As in `Conflictor`.
        x: Non,
    },
    /// darcs-2 `duplicate`: an identical change; no effect.
    Duplicate(Non),
    /// darcs-2 `etacilpud`: inverse duplicate; no effect.
    Etacilpud(Non),
    /// darcs-3 `conflictor [effect] {{conflicts}} identity`.
    Conflictor3 {
        /// The effect, stored directly.
        effect: Vec<NamedPrim>,
        /// The set of conflicting contexted prims.
        conflicts: Vec<Contexted>,
        /// The patch this conflictor represents.
        identity: Contexted,
    },
}

/// A parsed patch file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NamedPatch {
    /// The metadata block at the start of the file.
    pub info: PatchInfo,
    /// Explicit dependencies (`<` … `>`), in file order (newest first for tags).
    pub explicit_deps: Vec<PatchInfo>,
    /// The body, flattened from any `{}`/`()` grouping.
    pub body: Vec<RepoPatch>,
}

impl RepoPatch {
    /// What kind of repository patch this is, in darcs' words (for messages).
    pub fn kind_name(&self) -> &'static str {
        match self {
            RepoPatch::Prim(_) => "primitive",
            RepoPatch::Named(_) => "darcs-3 primitive",
            RepoPatch::Merger { .. } => "merger",
            RepoPatch::Regrem { .. } => "regrem",
            RepoPatch::Conflictor { .. } => "darcs-2 conflictor",
            RepoPatch::InvConflictor { .. } => "rotcilfnoc",
            RepoPatch::Duplicate(_) => "duplicate",
            RepoPatch::Etacilpud(_) => "etacilpud",
            RepoPatch::Conflictor3 { .. } => "darcs-3 conflictor",
        }
    }

    /// Whether this is a conflict/merge representation rather than a plain prim.
    pub fn is_conflicted(&self) -> bool {
        !matches!(self, RepoPatch::Prim(_) | RepoPatch::Named(_))
    }
}

impl NamedPatch {
    /// Whether the body contains conflictors, duplicates or mergers.
    pub fn has_conflicts(&self) -> bool {
        self.body.iter().any(RepoPatch::is_conflicted)
    }

    /// Parse a whole patch file of a repository in `format`.
    pub fn parse(data: &[u8], format: RepoFormat, file: &Path) -> Result<NamedPatch> {
        let mut c = Cursor::new(data, file);
        let np = Parser { c: &mut c, format }.named()?;
        if !c.at_end() {
            let what = match c.peek_word() {
                Some(w) => format!("patch body: unknown or misplaced {}", quote_word(w)),
                None => "patch body: trailing data".to_string(),
            };
            return Err(c.err(what));
        }
        Ok(np)
    }
}

/// Parse one named patch at `pos` (for bundles); returns it, the end of its storage text
/// (no trailing newline) and the position where parsing stopped.
pub(crate) fn parse_named_at(
    data: &[u8],
    pos: usize,
    format: RepoFormat,
    file: &Path,
) -> Result<(NamedPatch, usize, usize)> {
    let mut c = Cursor::at(data, file, pos);
    let np = Parser { c: &mut c, format }.named()?;
    Ok((np, c.content_end, c.pos))
}

/// Parse a named patch at the cursor with `format`'s body syntax (used by the rebase reader).
pub(crate) fn parse_named_in(c: &mut Cursor<'_>, format: RepoFormat) -> Result<NamedPatch> {
    Parser { c, format }.named()
}

/// Parse one prim at the cursor (darcs-1 paths double-encoded).
pub(crate) fn parse_prim_in(c: &mut Cursor<'_>, format: RepoFormat) -> Result<Prim> {
    Parser { c, format }.prim()
}

const PRIM_KEYWORDS: [&[u8]; 9] =
    [b"hunk", b"addfile", b"rmfile", b"adddir", b"rmdir", b"move", b"replace", b"binary", b"changepref"];

fn is_prim_kw(w: &[u8]) -> bool {
    PRIM_KEYWORDS.contains(&w)
}

struct Parser<'c, 'a> {
    c: &'c mut Cursor<'a>,
    format: RepoFormat,
}

impl Parser<'_, '_> {
    fn enc(&self) -> PathEncoding {
        if self.format == RepoFormat::Darcs1 {
            PathEncoding::DoubleEncoded
        } else {
            PathEncoding::Plain
        }
    }

    fn named(&mut self) -> Result<NamedPatch> {
        let info = parse_info(self.c)?;
        let mut explicit_deps = Vec::new();
        if self.c.lex_str(b"<") {
            loop {
                if self.c.lex_str(b">") {
                    break;
                }
                if !self.c.peek_str(b"[") {
                    return Err(self.c.err("dependency list: expected a patch info or '>'"));
                }
                explicit_deps.push(parse_info(self.c)?);
            }
        }
        let body = match self.format {
            RepoFormat::Darcs1 => self.v1_body()?,
            RepoFormat::Darcs2 => self.v2_top()?,
            RepoFormat::Darcs3 => self.v3_list()?,
        };
        Ok(NamedPatch { info, explicit_deps, body })
    }

    fn depth_check(&self, depth: usize) -> Result<()> {
        if depth > MAX_NESTING {
            Err(self.c.err("patch nesting too deep"))
        } else {
            Ok(())
        }
    }

    // ---------------------------------------------------------------- prims

    fn path(&mut self) -> Result<super::prim::Path> {
        self.c.skip_space();
        let at = self.c.pos;
        let w = self.c.word("path")?;
        decode_path_in(w, self.enc(), self.c.file, self.c.data, at)
    }

    fn prim(&mut self) -> Result<Prim> {
        self.c.skip_space();
        let at = self.c.pos;
        let kw = self.c.word("prim")?;
        let p = match kw {
            b"hunk" => {
                let path = self.path()?;
                self.c.skip_space();
                let lat = self.c.pos;
                let n = self.c.int("hunk line number")?;
                let line = u32::try_from(n)
                    .ok()
                    .filter(|&l| l >= 1)
                    .ok_or_else(|| self.c.err_at(lat, format!("hunk: line number {n} out of range")))?;
                let (mut old, mut new): (Vec<Line>, Vec<Line>) = (Vec::new(), Vec::new());
                if self.c.newline() {
                    self.c.lines_starting_with(b' ');
                    old = self.c.lines_starting_with(b'-').into_iter().map(<[u8]>::to_vec).collect();
                    new = self.c.lines_starting_with(b'+').into_iter().map(<[u8]>::to_vec).collect();
                    self.c.lines_starting_with(b' ');
                }
                Prim::Hunk { path, line, old, new }
            }
            b"addfile" => Prim::AddFile(self.path()?),
            b"rmfile" => Prim::RmFile(self.path()?),
            b"adddir" => Prim::AddDir(self.path()?),
            b"rmdir" => Prim::RmDir(self.path()?),
            b"move" => {
                let from = self.path()?;
                let to = self.path()?;
                Prim::Move { from, to }
            }
            b"replace" => {
                let path = self.path()?;
                self.c.skip_space();
                let tat = self.c.pos;
                let t = self.c.word("replace token chars")?;
                let tokchars = t
                    .strip_prefix(b"[")
                    .and_then(|t| t.strip_suffix(b"]"))
                    .ok_or_else(|| self.c.err_at(tat, "replace: token chars must be written [..]"))?
                    .to_vec();
                let old = self.c.word("replace old token")?.to_vec();
                let new = self.c.word("replace new token")?.to_vec();
                Prim::Replace { path, tokchars, old, new }
            }
            b"binary" => {
                let path = self.path()?;
                let old = self.hex_block(b"oldhex")?;
                let new = self.hex_block(b"newhex")?;
                Prim::Binary { path, old, new }
            }
            b"changepref" => {
                let name = self.c.word("changepref name")?.to_vec();
                self.c.skip_spaces_only();
                if !self.c.newline() {
                    return Err(self.c.err("changepref: expected a newline after the name"));
                }
                let old = self.c.take_till(b'\n').to_vec();
                if !self.c.newline() {
                    return Err(self.c.err("changepref: missing new value line"));
                }
                let new = self.c.take_till(b'\n').to_vec();
                Prim::ChangePref { name, old, new }
            }
            other => {
                return Err(self.c.err_at(at, format!("unknown prim {}", quote_word(other))));
            }
        };
        Ok(p)
    }

    fn hex_block(&mut self, keyword: &[u8]) -> Result<Vec<u8>> {
        self.c.skip_space();
        let at = self.c.pos;
        let w = self.c.word("binary")?;
        if w != keyword {
            return Err(self.c.err_at(at, format!("binary: expected {:?}", String::from_utf8_lossy(keyword))));
        }
        self.c.skip_space();
        let start = self.c.pos;
        let lines = self.c.lines_starting_with(b'*');
        let total: usize = lines.iter().map(|l| l.len()).sum();
        if !total.is_multiple_of(2) {
            return Err(self.c.err_at(start, "binary: odd number of hex digits"));
        }
        let mut out = Vec::with_capacity(total / 2);
        let mut pending: Option<u8> = None;
        for l in lines {
            for &h in l {
                let v = match h {
                    b'0'..=b'9' => h - b'0',
                    b'a'..=b'f' => h - b'a' + 10,
                    b'A'..=b'F' => h - b'A' + 10,
                    _ => return Err(self.c.err_at(start, format!("binary: bad hex digit {:?}", h as char))),
                };
                match pending.take() {
                    None => pending = Some(v),
                    Some(hi) => out.push(hi << 4 | v),
                }
            }
        }
        Ok(out)
    }

    // ---------------------------------------------------------------- darcs-1

    fn v1_starts_patch(&mut self) -> bool {
        match self.c.peek_word() {
            Some(w) => w.starts_with(b"{") || w.starts_with(b"(") || w == b"merger" || w == b"regrem" || is_prim_kw(w),
            None => false,
        }
    }

    fn v1_body(&mut self) -> Result<Vec<RepoPatch>> {
        let mut out = Vec::new();
        if self.v1_starts_patch() {
            self.v1_item(&mut out, 0)?;
        }
        Ok(out)
    }

    fn v1_item(&mut self, out: &mut Vec<RepoPatch>, depth: usize) -> Result<()> {
        self.depth_check(depth)?;
        for (open, close) in [(b"{", b"}"), (b"(", b")")] {
            if self.c.lex_str(open) {
                loop {
                    if self.c.lex_str(close) {
                        return Ok(());
                    }
                    if self.c.at_end() {
                        return Err(self.c.err(format!("unterminated {:?}", open[0] as char)));
                    }
                    self.v1_item(out, depth + 1)?;
                }
            }
        }
        match self.c.peek_word() {
            Some(w @ (b"merger" | b"regrem")) => {
                let is_merger = w == b"merger";
                self.c.word("merger")?;
                let version = self.c.word("merger version")?.to_vec();
                self.c.expect_str(b"(", "after merger version")?;
                let first = Box::new(self.v1_single(depth + 1)?);
                let second = Box::new(self.v1_single(depth + 1)?);
                self.c.expect_str(b")", "closing a merger")?;
                out.push(if is_merger {
                    RepoPatch::Merger { version, first, second }
                } else {
                    RepoPatch::Regrem { version, first, second }
                });
                Ok(())
            }
            _ => {
                out.push(RepoPatch::Prim(self.prim()?));
                Ok(())
            }
        }
    }

    fn v1_single(&mut self, depth: usize) -> Result<RepoPatch> {
        let at = self.c.pos;
        let mut v = Vec::new();
        self.v1_item(&mut v, depth)?;
        match v.len() {
            1 => v.pop().ok_or_else(|| self.c.err_at(at, "merger argument")),
            n => Err(self.c.err_at(at, format!("merger argument must be one patch, found {n}"))),
        }
    }

    // ---------------------------------------------------------------- darcs-2

    fn v2_top(&mut self) -> Result<Vec<RepoPatch>> {
        let mut out = Vec::new();
        self.v2_top_into(&mut out, 0)?;
        Ok(out)
    }

    fn v2_top_into(&mut self, out: &mut Vec<RepoPatch>, depth: usize) -> Result<()> {
        self.depth_check(depth)?;
        loop {
            self.c.skip_space();
            let group = match self.c.rest() {
                [b'(', ..] => Some(b")"),
                [b'{', b'{', ..] => None,
                [b'{', ..] => Some(b"}"),
                _ => None,
            };
            if let Some(close) = group {
                self.c.pos += 1;
                self.v2_top_into(out, depth + 1)?;
                self.c.expect_str(close, "closing a group")?;
                continue;
            }
            match self.v2_patch(depth)? {
                Some(p) => out.push(p),
                None => return Ok(()),
            }
        }
    }

    fn v2_list(&mut self, depth: usize) -> Result<Vec<RepoPatch>> {
        let mut out = Vec::new();
        while let Some(p) = self.v2_patch(depth)? {
            out.push(p);
        }
        Ok(out)
    }

    fn v2_patch(&mut self, depth: usize) -> Result<Option<RepoPatch>> {
        self.depth_check(depth)?;
        let Some(w) = self.c.peek_word() else {
            return Ok(None);
        };
        let p = match w {
            b"duplicate" | b"etacilpud" => {
                let dup = w == b"duplicate";
                self.c.word("duplicate")?;
                let n = self.non(depth + 1)?;
                if dup {
                    RepoPatch::Duplicate(n)
                } else {
                    RepoPatch::Etacilpud(n)
                }
            }
            b"conflictor" | b"rotcilfnoc" => {
                let fwd = w == b"conflictor";
                self.c.word("conflictor")?;
                let mut ix = Vec::new();
                if self.c.lex_str(b"{{") {
                    loop {
                        if self.c.lex_str(b"}}") {
                            break;
                        }
                        if self.c.at_end() {
                            return Err(self.c.err("conflictor: unterminated {{"));
                        }
                        ix.push(self.non(depth + 1)?);
                    }
                }
                self.c.expect_str(b"[", "in conflictor")?;
                let mut xx = Vec::new();
                loop {
                    if self.c.lex_str(b"]") {
                        break;
                    }
                    xx.push(self.prim()?);
                }
                let x = self.non(depth + 1)?;
                if fwd {
                    RepoPatch::Conflictor { ix, xx, x }
                } else {
                    RepoPatch::InvConflictor { ix, xx, x }
                }
            }
            w if is_prim_kw(w) => RepoPatch::Prim(self.prim()?),
            _ => return Ok(None),
        };
        Ok(Some(p))
    }

    fn non(&mut self, depth: usize) -> Result<Non> {
        self.depth_check(depth)?;
        let context = self.v2_list(depth + 1)?;
        self.c.expect_str(b":", "before the prim of a Non")?;
        let prim = self.prim()?;
        Ok(Non { context, prim })
    }

    // ---------------------------------------------------------------- darcs-3

    fn prim_id(&mut self) -> Result<PrimId> {
        self.c.skip_space();
        let at = self.c.pos;
        if self.c.word("prim id")? != b"hash" {
            return Err(self.c.err_at(at, "expected 'hash N ID'"));
        }
        let index = self.c.int("prim id index")?;
        self.c.skip_space();
        let iat = self.c.pos;
        let id = self.c.word("prim id")?;
        if index == 0 || id.len() != 40 || !id.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(self.c.err_at(iat, "prim id: expected a non-zero index and 40 hex digits"));
        }
        Ok(PrimId { index, patch_id: String::from_utf8_lossy(id).into_owned() })
    }

    fn named_prim(&mut self) -> Result<NamedPrim> {
        let id = self.prim_id()?;
        let prim = self.prim()?;
        Ok(NamedPrim { id, prim })
    }

    fn named_prims_while_hash(&mut self) -> Result<Vec<NamedPrim>> {
        let mut v = Vec::new();
        while self.c.peek_word() == Some(b"hash") {
            v.push(self.named_prim()?);
        }
        Ok(v)
    }

    fn contexted(&mut self) -> Result<Contexted> {
        let context = self.named_prims_while_hash()?;
        self.c.expect_str(b":", "in a contexted patch")?;
        let patch = self.named_prim()?;
        Ok(Contexted { context, patch })
    }

    fn v3_list(&mut self) -> Result<Vec<RepoPatch>> {
        let mut out = Vec::new();
        loop {
            match self.c.peek_word() {
                Some(b"hash") => out.push(RepoPatch::Named(self.named_prim()?)),
                Some(b"conflictor") => {
                    self.c.word("conflictor")?;
                    self.c.expect_str(b"[", "in conflictor")?;
                    let mut effect = Vec::new();
                    loop {
                        if self.c.lex_str(b"]") {
                            break;
                        }
                        effect.push(self.named_prim()?);
                    }
                    let mut conflicts = Vec::new();
                    if self.c.lex_str(b"{{") {
                        loop {
                            if self.c.lex_str(b"}}") {
                                break;
                            }
                            if self.c.at_end() {
                                return Err(self.c.err("conflictor: unterminated {{"));
                            }
                            conflicts.push(self.contexted()?);
                        }
                    }
                    let identity = self.contexted()?;
                    out.push(RepoPatch::Conflictor3 { effect, conflicts, identity });
                }
                _ => return Ok(out),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::darcs::error::Error;

    fn parse(s: &[u8], f: RepoFormat) -> Result<NamedPatch> {
        NamedPatch::parse(s, f, Path::new("p"))
    }

    fn p(s: &str) -> Vec<Vec<u8>> {
        s.split('/').map(|c| c.as_bytes().to_vec()).collect()
    }

    const INFO: &str = "[n\nA <a@b>**20240101000000\n Ignore-this: 1\n] ";

    #[test]
    fn hunk_line_model() {
        let np = parse(
            format!("{INFO}hunk ./nonl.txt 1\n-\n+no newline at end\nhunk ./f 3\n+\nhunk ./g 7\n-").as_bytes(),
            RepoFormat::Darcs2,
        )
        .unwrap();
        assert_eq!(
            np.body,
            vec![
                RepoPatch::Prim(Prim::Hunk {
                    path: p("nonl.txt"),
                    line: 1,
                    old: vec![b"".to_vec()],
                    new: vec![b"no newline at end".to_vec()]
                }),
                RepoPatch::Prim(Prim::Hunk { path: p("f"), line: 3, old: vec![], new: vec![b"".to_vec()] }),
                RepoPatch::Prim(Prim::Hunk { path: p("g"), line: 7, old: vec![b"".to_vec()], new: vec![] }),
            ]
        );
        // CR is content, leading +/- are content, empty hunk without newline, context lines skipped
        let np = parse(
            format!("{INFO}hunk ./c 2\n-a\r\n--x\n++y\n+ \nhunk ./e 4\nhunk ./ctx 1\n keep\n-b\n+c\n after").as_bytes(),
            RepoFormat::Darcs2,
        )
        .unwrap();
        assert_eq!(
            np.body[0],
            RepoPatch::Prim(Prim::Hunk {
                path: p("c"),
                line: 2,
                old: vec![b"a\r".to_vec(), b"-x".to_vec()],
                new: vec![b"+y".to_vec(), b" ".to_vec()]
            })
        );
        assert_eq!(np.body[1], RepoPatch::Prim(Prim::Hunk { path: p("e"), line: 4, old: vec![], new: vec![] }));
        assert_eq!(
            np.body[2],
            RepoPatch::Prim(Prim::Hunk { path: p("ctx"), line: 1, old: vec![b"b".to_vec()], new: vec![b"c".to_vec()] })
        );
        let np = parse(format!("{INFO}hunk ./z 1").as_bytes(), RepoFormat::Darcs2).unwrap();
        assert_eq!(np.body[0], RepoPatch::Prim(Prim::Hunk { path: p("z"), line: 1, old: vec![], new: vec![] }));
        assert_malformed(&[
            "hunk ./f 0\n+x",
            "hunk ./f -1\n+x",
            "hunk ./f x\n+x",
            "hunk f 1\n+x",
            "hunk ./f 99999999999\n+x",
        ]);
    }

    /// Each body, after the test patch's metadata, is refused as malformed (darcs-2).
    fn assert_malformed(bodies: &[&str]) {
        for bad in bodies {
            assert!(
                matches!(parse(format!("{INFO}{bad}").as_bytes(), RepoFormat::Darcs2), Err(Error::Malformed { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn other_prims() {
        let np = parse(
            format!("{INFO}replace ./tok.txt [a-z.] qux.txt zap.txt\nbinary ./i.png\noldhex\n*\nnewhex\n*89504E\n*0a\nchangepref test\n\necho hello\nmove ./a ./b\nrmdir ./d").as_bytes(),
            RepoFormat::Darcs2,
        )
        .unwrap();
        assert_eq!(
            np.body[0],
            RepoPatch::Prim(Prim::Replace {
                path: p("tok.txt"),
                tokchars: b"a-z.".to_vec(),
                old: b"qux.txt".to_vec(),
                new: b"zap.txt".to_vec()
            })
        );
        assert_eq!(
            np.body[1],
            RepoPatch::Prim(Prim::Binary { path: p("i.png"), old: vec![], new: vec![0x89, 0x50, 0x4e, 0x0a] })
        );
        assert_eq!(
            np.body[2],
            RepoPatch::Prim(Prim::ChangePref { name: b"test".to_vec(), old: vec![], new: b"echo hello".to_vec() })
        );
        assert_eq!(np.body[3], RepoPatch::Prim(Prim::Move { from: p("a"), to: p("b") }));
        assert_eq!(np.body[4], RepoPatch::Prim(Prim::RmDir(p("d"))));
        assert_malformed(&[
            "binary ./x\noldhex\n*0g\nnewhex\n*",
            "binary ./x\noldhex\n*0\nnewhex\n*",
            "binary ./x\nnewhex\n*\noldhex\n*",
            "replace ./t a-z x y",
            "frob ./x",
        ]);
    }

    #[test]
    fn deps_and_empty() {
        let np = parse(format!("{INFO}\n<\n[d\nA**20240101000000] \n>").as_bytes(), RepoFormat::Darcs2).unwrap();
        assert_eq!(np.explicit_deps.len(), 1);
        assert!(np.body.is_empty());
        let np = parse(INFO.as_bytes(), RepoFormat::Darcs3).unwrap();
        assert!(np.body.is_empty() && np.explicit_deps.is_empty());
        let np = parse(format!("{INFO}\n<\n[d\nA**20240101000000] \n> {{\n}}").as_bytes(), RepoFormat::Darcs1).unwrap();
        assert!(np.body.is_empty());
    }

    #[test]
    fn darcs2_conflicts_and_effect() {
        crate::core::use_in_process();
        let src = format!("{INFO}duplicate\nhunk ./n 1\n-newB\nrmfile ./n\n:\naddfile ./n\nconflictor {{{{\n:\nhunk ./f 2\n-two\n+TWO-A\n}}}} [\nhunk ./n 1\n+newB\n]\n:\nhunk ./n 1\n+newA");
        let np = parse(src.as_bytes(), RepoFormat::Darcs2).unwrap();
        assert_eq!(np.body.len(), 2);
        match &np.body[0] {
            RepoPatch::Duplicate(n) => {
                assert_eq!(n.context.len(), 2);
                assert_eq!(n.prim, Prim::AddFile(p("n")));
            }
            o => panic!("{o:?}"),
        }
        match &np.body[1] {
            RepoPatch::Conflictor { ix, xx, x } => {
                assert_eq!(ix.len(), 1);
                assert_eq!(xx.len(), 1);
                assert_eq!(x.prim, Prim::Hunk { path: p("n"), line: 1, old: vec![], new: vec![b"newA".to_vec()] });
            }
            o => panic!("{o:?}"),
        }
        // the effect, from the verified core (op 20): nothing, then the inverse of `xx`
        assert_eq!(
            crate::core::effect::of_body(&np.body).unwrap(),
            vec![Prim::Hunk { path: p("n"), line: 1, old: vec![b"newB".to_vec()], new: vec![] }]
        );
    }

    #[test]
    fn darcs1_mergers() {
        crate::core::use_in_process();
        let src = format!("{INFO}merger 0.0 (\nmove ./g ./gB\nmove ./g ./gA\n)");
        let np = parse(src.as_bytes(), RepoFormat::Darcs1).unwrap();
        assert!(
            matches!(&np.body[0], RepoPatch::Merger { first, .. } if **first == RepoPatch::Prim(Prim::Move { from: p("g"), to: p("gB") }))
        );
        // the effect, from the verified core (op 23): a merger of two prims undoes the first
        assert_eq!(crate::core::effect::of_body(&np.body).unwrap(), vec![Prim::Move { from: p("gB"), to: p("g") }]);
        let regrem = format!("{INFO}regrem 0.0 (\nmove ./g ./gB\nmove ./g ./gA\n)");
        let np = parse(regrem.as_bytes(), RepoFormat::Darcs1).unwrap();
        assert_eq!(crate::core::effect::of_body(&np.body).unwrap(), vec![Prim::Move { from: p("g"), to: p("gB") }]);
        // a merger of mergers needs darcs-1 commutation, which the core does not model
        let unsupported = |np: &NamedPatch| matches!(crate::core::effect::of_body(&np.body), Err(crate::core::CoreError::Unsupported(m)) if m.contains("merger"));
        let nested = format!("{INFO}merger 0.0 (\nrmfile ./h\nmerger 0.0 (\naddfile ./a\naddfile ./b\n)\n)");
        let np = parse(nested.as_bytes(), RepoFormat::Darcs1).unwrap();
        assert!(unsupported(&np));
        let other = format!("{INFO}merger 0.1 (\nmove ./g ./gB\nmove ./g ./gA\n)");
        assert!(unsupported(&parse(other.as_bytes(), RepoFormat::Darcs1).unwrap()));
        let grouped = format!("{INFO}{{\n(\naddfile ./a\n{{\n}}\n)\naddfile ./b\n}}");
        assert_eq!(parse(grouped.as_bytes(), RepoFormat::Darcs1).unwrap().body.len(), 2);
        let deep = format!("{INFO}{}", "{\n".repeat(100_000));
        assert!(matches!(parse(deep.as_bytes(), RepoFormat::Darcs1), Err(Error::Malformed { .. })));
        let deep2 = format!("{INFO}{}", "duplicate\n".repeat(100_000));
        assert!(matches!(parse(deep2.as_bytes(), RepoFormat::Darcs2), Err(Error::Malformed { .. })));
    }

    #[test]
    fn darcs3() {
        crate::core::use_in_process();
        let id = "97f9a14772952b1f62d332c6f20a121ecb3d8f31";
        let src = format!("{INFO}conflictor [\nhash -1 {id}\nmove ./gB ./g\n] {{{{\n:\nhash 1 {id}\nmove ./g ./gB\n}}}}\n:\nhash 1 {id}\nmove ./g ./gA\nhash 2 {id}\naddfile ./x");
        let np = parse(src.as_bytes(), RepoFormat::Darcs3).unwrap();
        assert_eq!(np.body.len(), 2);
        // the effect, from the verified core (op 21): the conflictor's stored effect, then the prim
        assert_eq!(
            crate::core::effect::of_body(&np.body).unwrap(),
            vec![Prim::Move { from: p("gB"), to: p("g") }, Prim::AddFile(p("x"))]
        );
        assert!(matches!(
            parse(format!("{INFO}hash 0 {id}\naddfile ./x").as_bytes(), RepoFormat::Darcs3),
            Err(Error::Malformed { .. })
        ));
        assert!(matches!(
            parse(format!("{INFO}hash 1 xyz\naddfile ./x").as_bytes(), RepoFormat::Darcs3),
            Err(Error::Malformed { .. })
        ));
        assert!(matches!(
            parse(format!("{INFO}addfile ./x").as_bytes(), RepoFormat::Darcs3),
            Err(Error::Malformed { .. })
        ));
    }
}
