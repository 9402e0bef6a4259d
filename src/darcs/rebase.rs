//! `_darcs/rebase` (section 10.3): patches suspended by `darcs rebase`, with their fixups.

use std::path::Path;

use super::error::{Error, Result};
use super::files::RepoDir;
use super::format::RepoFormat;
use super::hash::read_maybe_gzipped;
use super::info::{parse_info, PatchInfo};
use super::parse::Cursor;
use super::patch::{parse_named_in, parse_prim_in, NamedPatch};
use super::prim::Prim;

/// A change to a patch name recorded while suspending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameFixup {
    /// `addname INFO`.
    Add(PatchInfo),
    /// `delname INFO`.
    Del(PatchInfo),
    /// `rename OLD NEW`.
    Rename(PatchInfo, PatchInfo),
}

/// One fixup preceding a suspended patch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fixup {
    /// `rebase-fixup ( PRIM )`: a prim the suspended patch must be commuted past.
    Prim(Prim),
    /// `rebase-name ( ... )`.
    Name(NameFixup),
}

/// A suspended patch and the fixups before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suspended {
    /// Fixups, in file order.
    pub fixups: Vec<Fixup>,
    /// The suspended named patch (plain prims).
    pub patch: NamedPatch,
}

/// Parse the content of `_darcs/rebase` for a repository in `format`.
pub fn parse_rebase(data: &[u8], format: RepoFormat, file: &Path) -> Result<Vec<Suspended>> {
    // suspended patches hold plain prims, without darcs-3 prim ids
    let body_format = if format == RepoFormat::Darcs3 { RepoFormat::Darcs2 } else { format };
    let mut c = Cursor::new(data, file);
    if c.word("rebase header")? != b"rebase" {
        return Err(c.err("rebase: expected 'rebase VERSION {'"));
    }
    c.word("rebase version")?;
    c.expect_str(b"{", "after the rebase version")?;
    let mut out = Vec::new();
    loop {
        if c.lex_str(b"}") {
            break;
        }
        c.skip_space();
        if c.word("rebase item")? != b"rebase-change" {
            return Err(c.err("rebase: expected 'rebase-change'"));
        }
        c.expect_str(b"(", "after rebase-change")?;
        let mut fixups = Vec::new();
        loop {
            if c.lex_str(b")") {
                break;
            }
            c.skip_space();
            let at = c.pos;
            match c.word("fixup")? {
                b"rebase-fixup" => {
                    c.expect_str(b"(", "after rebase-fixup")?;
                    fixups.push(Fixup::Prim(parse_prim_in(&mut c, body_format)?));
                    c.expect_str(b")", "closing rebase-fixup")?;
                }
                b"rebase-name" => {
                    c.expect_str(b"(", "after rebase-name")?;
                    c.skip_space();
                    let kat = c.pos;
                    let nf = match c.word("name fixup")? {
                        b"addname" => NameFixup::Add(parse_info(&mut c)?),
                        b"delname" => NameFixup::Del(parse_info(&mut c)?),
                        b"rename" => {
                            let a = parse_info(&mut c)?;
                            NameFixup::Rename(a, parse_info(&mut c)?)
                        }
                        _ => return Err(c.err_at(kat, "rebase: expected addname, delname or rename")),
                    };
                    fixups.push(Fixup::Name(nf));
                    c.expect_str(b")", "closing rebase-name")?;
                }
                _ => return Err(c.err_at(at, "rebase: expected rebase-fixup or rebase-name")),
            }
        }
        let patch = parse_named_in(&mut c, body_format)?;
        out.push(Suspended { fixups, patch });
    }
    if !c.at_end() {
        return Err(c.err("rebase: trailing data"));
    }
    Ok(out)
}

/// Read `<repo>/_darcs/rebase` (gzipped or not); a missing file means no suspended patches.
pub fn read_rebase(repo: &Path, format: RepoFormat, limit: u64) -> Result<Vec<Suspended>> {
    read_rebase_in(&RepoDir::open(repo), format, limit)
}

/// [`read_rebase`] through an opened repository directory.
pub fn read_rebase_in(dir: &RepoDir, format: RepoFormat, limit: u64) -> Result<Vec<Suspended>> {
    let rel = Path::new("_darcs/rebase");
    match read_maybe_gzipped(dir, rel, limit) {
        Ok((data, _grant)) => parse_rebase(&data, format, &dir.shown(rel)),
        Err(Error::MissingFile { .. }) => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse() {
        let f = Path::new("rebase");
        assert!(parse_rebase(b"rebase 0.2 {\n}", RepoFormat::Darcs2, f).unwrap().is_empty());
        let t = b"rebase 0.2 {\nrebase-change (\nrebase-fixup (\nhunk ./f 4\n+d\n)\nrebase-name (\naddname\n[x\nA**20240101000000]\n)\n)\n[append e\nA**20240101004200] hunk ./f 5\n+e\nrebase-change (\n)\n[add z\nA**20240101004300] addfile ./z\n}";
        let s = parse_rebase(t, RepoFormat::Darcs3, f).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].fixups.len(), 2);
        assert_eq!(s[0].patch.info.name, b"append e");
        assert_eq!(s[1].patch.body.len(), 1);
        assert!(matches!(parse_rebase(b"rebase 0.2 {\nfoo\n}", RepoFormat::Darcs2, f), Err(Error::Malformed { .. })));
        assert!(matches!(
            parse_rebase(b"rebase 0.2 {\nrebase-change (\n)\n", RepoFormat::Darcs2, f),
            Err(Error::Malformed { .. })
        ));
    }
}
