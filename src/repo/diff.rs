//! The diff of a patch as `darcs diff --hash H` shows it: GNU `diff -rN -u` between the
//! tree before the patch and the tree after it, restricted to the paths the patch
//! touches, hunks merged with 3 lines of context.
//!
//! Both trees come from the repository layer (`Repo::entry`, i.e. the verified core's
//! replay, or the pristine at head); the line diff is `similar`'s Myers diff. Nothing
//! here applies or commutes patches: the prims are only read for the paths they touch
//! and, for the page's rename-aware pairing, for the names their moves give.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::{Entry, Repo, Result, Version};
use crate::darcs::prim::{Path, Prim};

/// Lines of context around each change (`diff -u`).
pub const CONTEXT: usize = 3;
/// Longest a line diff may search for a minimal edit script before it settles for a
/// correct but longer one (pathological inputs only; the diff stays applicable).
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_secs(2);

/// How the files of the old and new trees are paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pairing {
    /// By identical path, as `diff -r` does: a move is a removal and an addition.
    SamePath,
    /// Through the patch's moves, as a reader expects: a moved file is diffed against
    /// its old name.
    FollowMoves,
}

/// The diff of one patch: one entry per file whose content differs (or that moved).
#[derive(Debug, Clone, Default)]
pub struct PatchDiff {
    /// The files, in `diff -r` order (path components compared byte-wise).
    pub files: Vec<FileDiff>,
}

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The file is new.
    Added,
    /// The file is gone.
    Removed,
    /// The file changed in place.
    Modified,
    /// The file was moved (its content may also have changed).
    Renamed,
}

/// The diff of one file.
#[derive(Debug, Clone)]
pub struct FileDiff {
    /// The file's path before the patch (`None`: it did not exist).
    pub old_path: Option<Path>,
    /// The file's path after the patch (`None`: it does not exist any more).
    pub new_path: Option<Path>,
    /// What happened to the file.
    pub status: Status,
    /// Its content before (empty when absent).
    pub old: Arc<Vec<u8>>,
    /// Its content after (empty when absent).
    pub new: Arc<Vec<u8>>,
    /// Either side holds a NUL byte: `diff` says "Binary files … differ" and shows no lines.
    pub binary: bool,
    /// The hunks (none for binary files and unchanged moves).
    pub hunks: Vec<Hunk>,
    /// Lines added (`+` lines).
    pub added: usize,
    /// Lines removed (`-` lines).
    pub removed: usize,
}

/// One `@@` hunk.
#[derive(Debug, Clone)]
pub struct Hunk {
    /// First old line (1-based; for an empty range, the line before it, as `diff` prints).
    pub old_start: usize,
    /// Old lines in the hunk (context and removed).
    pub old_len: usize,
    /// First new line, likewise.
    pub new_start: usize,
    /// New lines in the hunk (context and added).
    pub new_len: usize,
    /// The nearest line above the hunk that starts a definition (git's default rule: it
    /// begins with a letter, `_` or `$`), for the `@@` line of the page.
    pub function: Option<String>,
    /// The hunk's lines in order.
    pub lines: Vec<DiffLine>,
}

/// The kind of a diff line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Unchanged (` `).
    Context,
    /// Removed (`-`).
    Removed,
    /// Added (`+`).
    Added,
}

/// One line of a hunk, by its numbers in the old and new files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffLine {
    /// What the line is.
    pub op: Op,
    /// Its 0-based index in the old file (context and removed lines).
    pub old: Option<u32>,
    /// Its 0-based index in the new file (context and added lines).
    pub new: Option<u32>,
}

impl Hunk {
    /// The `@@ -a,b +c,d @@` header exactly as GNU diff writes it (a length of 1 is
    /// omitted; an empty range starts at the line before it).
    pub fn header(&self) -> String {
        fn range(start: usize, len: usize) -> String {
            if len == 1 {
                format!("{start}")
            } else {
                format!("{start},{len}")
            }
        }
        format!("@@ -{} +{} @@", range(self.old_start, self.old_len), range(self.new_start, self.new_len))
    }
}

/// The lines of a file as `diff` sees them: each with its `\n`, the last one possibly
/// without (an "incomplete" line, which differs from the same text with a newline).
pub fn lines(b: &[u8]) -> Vec<&[u8]> {
    b.split_inclusive(|&c| c == b'\n').collect()
}

/// A line without its `\n`.
pub fn strip_nl(l: &[u8]) -> &[u8] {
    l.strip_suffix(b"\n").unwrap_or(l)
}

/// Whether `diff` takes the content for binary (it holds a NUL byte).
pub fn is_binary(b: &[u8]) -> bool {
    b.contains(&0)
}

impl FileDiff {
    /// The path shown for the file: the new one, or the old one for a removal.
    pub fn path(&self) -> &Path {
        self.new_path.as_ref().or(self.old_path.as_ref()).expect("a file diff has a path")
    }

    /// Line `i` (0-based) of the old content, without its `\n`.
    pub fn old_line(&self, lines: &[&[u8]], i: u32) -> Vec<u8> {
        lines.get(i as usize).map(|l| strip_nl(l).to_vec()).unwrap_or_default()
    }
}

/// Diff `old` against `new` into hunks with [`CONTEXT`] lines of context.
pub fn hunks(old: &[u8], new: &[u8]) -> Vec<Hunk> {
    let a = lines(old);
    let b = lines(new);
    let deadline = std::time::Instant::now() + DIFF_DEADLINE;
    let ops = similar::capture_diff_slices_deadline(similar::Algorithm::Myers, &a, &b, Some(deadline));
    let mut out = Vec::new();
    for group in similar::group_diff_ops(ops, CONTEXT) {
        let mut lines = Vec::new();
        for op in &group {
            for change in op.iter_changes(&a, &b) {
                let (o, n) = (change.old_index().map(|i| i as u32), change.new_index().map(|i| i as u32));
                let op = match change.tag() {
                    similar::ChangeTag::Equal => Op::Context,
                    similar::ChangeTag::Delete => Op::Removed,
                    similar::ChangeTag::Insert => Op::Added,
                };
                lines.push(DiffLine { op, old: o, new: n });
            }
        }
        let (Some(first), Some(last)) = (group.first(), group.last()) else { continue };
        let old_from = first.old_range().start;
        let old_to = last.old_range().end;
        let new_from = first.new_range().start;
        let new_to = last.new_range().end;
        let (old_len, new_len) = (old_to - old_from, new_to - new_from);
        out.push(Hunk {
            // GNU: an empty range is numbered by the line before it
            old_start: if old_len == 0 { old_from } else { old_from + 1 },
            old_len,
            new_start: if new_len == 0 { new_from } else { new_from + 1 },
            new_len,
            function: function_before(&a, old_from),
            lines,
        });
    }
    out
}

/// git's default function-name rule: the nearest line above `before` (0-based, exclusive)
/// that begins with a letter, `_` or `$`, trimmed and cut to 80 bytes.
fn function_before(lines: &[&[u8]], before: usize) -> Option<String> {
    lines[..before.min(lines.len())]
        .iter()
        .rev()
        .find(|l| matches!(l.first(), Some(c) if c.is_ascii_alphabetic() || *c == b'_' || *c == b'$'))
        .map(|l| {
            let l = strip_nl(l);
            let l = l.strip_suffix(b"\r").unwrap_or(l);
            let s = String::from_utf8_lossy(&l[..l.len().min(80)]).trim_end().to_string();
            s
        })
}

/// The files of `tree` under `path` (the file itself, or everything below a directory).
fn collect(
    repo: &Repo,
    v: Version,
    path: &Path,
    files: &mut BTreeMap<Path, Arc<Vec<u8>>>,
    dirs: &mut BTreeSet<Path>,
) -> Result<()> {
    match repo.entry(v, path)? {
        None => {}
        Some(Entry::File(b)) => {
            files.insert(path.clone(), b);
        }
        Some(Entry::Dir(children)) => {
            dirs.insert(path.clone());
            for (name, _) in children {
                let mut p = path.clone();
                p.push(name);
                collect(repo, v, &p, files, dirs)?;
            }
        }
    }
    Ok(())
}

/// The paths a patch touches, as darcs' `listTouchedFiles` gives them (both names of a
/// move), without those below another one (their files are collected with it).
pub fn touched_paths(prims: &[Prim]) -> Vec<Path> {
    let set: BTreeSet<Path> = prims.iter().flat_map(Prim::paths).cloned().collect();
    let mut out: Vec<Path> = Vec::new();
    for p in set {
        // sorted: a path's ancestors come before it
        if !out.iter().any(|q| p.starts_with(q)) {
            out.push(p);
        }
    }
    out
}

/// For each file after the patch, its name before it: the moves of the patch followed in
/// order (`None`: the file was added). Files the moves do not concern keep their name.
fn names_before(prims: &[Prim], old_files: &BTreeMap<Path, Arc<Vec<u8>>>) -> BTreeMap<Path, Option<Path>> {
    let mut cur: BTreeMap<Path, Option<Path>> = old_files.keys().map(|p| (p.clone(), Some(p.clone()))).collect();
    for p in prims {
        match p {
            Prim::Move { from, to } => {
                let moved: Vec<Path> = cur
                    .range(from.clone()..)
                    .take_while(|(k, _)| k.starts_with(from))
                    .map(|(k, _)| k.clone())
                    .collect();
                for k in moved {
                    if let Some(v) = cur.remove(&k) {
                        let mut n = to.clone();
                        n.extend_from_slice(&k[from.len()..]);
                        cur.insert(n, v);
                    }
                }
            }
            Prim::RmFile(q) => {
                cur.remove(q);
            }
            Prim::AddFile(q) => {
                cur.insert(q.clone(), None);
            }
            _ => {}
        }
    }
    cur
}

fn file_diff(old_path: Option<Path>, new_path: Option<Path>, old: Arc<Vec<u8>>, new: Arc<Vec<u8>>) -> FileDiff {
    let status = match (&old_path, &new_path) {
        (None, _) => Status::Added,
        (_, None) => Status::Removed,
        (Some(a), Some(b)) if a != b => Status::Renamed,
        _ => Status::Modified,
    };
    let binary = is_binary(&old) || is_binary(&new);
    let hunks = if binary || old == new { Vec::new() } else { hunks(&old, &new) };
    let count = |op| hunks.iter().flat_map(|h| &h.lines).filter(|l| l.op == op).count();
    let (added, removed) = (count(Op::Added), count(Op::Removed));
    FileDiff { old_path, new_path, status, old, new, binary, hunks, added, removed }
}

/// The diff between two sets of files (path → content), paired as `pairing` says.
pub fn diff_files(
    prims: &[Prim],
    old_files: &BTreeMap<Path, Arc<Vec<u8>>>,
    new_files: &BTreeMap<Path, Arc<Vec<u8>>>,
    pairing: Pairing,
) -> PatchDiff {
    let empty = Arc::new(Vec::new());
    let mut out = Vec::new();
    match pairing {
        Pairing::SamePath => {
            let paths: BTreeSet<&Path> = old_files.keys().chain(new_files.keys()).collect();
            for p in paths {
                match (old_files.get(p), new_files.get(p)) {
                    // `diff -N` takes an absent file for an empty one
                    (a, b) if a.unwrap_or(&empty) == b.unwrap_or(&empty) => {}
                    (a, b) => out.push(file_diff(
                        a.map(|_| p.clone()),
                        b.map(|_| p.clone()),
                        a.cloned().unwrap_or_else(|| empty.clone()),
                        b.cloned().unwrap_or_else(|| empty.clone()),
                    )),
                }
            }
        }
        Pairing::FollowMoves => {
            let before = names_before(prims, old_files);
            let mut used: BTreeSet<&Path> = BTreeSet::new();
            // (sort key, diff): new files by their new name, removed ones by their old name
            let mut items: Vec<(Path, FileDiff)> = Vec::new();
            for (p, b) in new_files {
                let old_name = match before.get(p) {
                    Some(Some(o)) if old_files.contains_key(o) && !used.contains(o) => Some(o),
                    Some(None) => None,
                    _ if old_files.contains_key(p) && !used.contains(p) => Some(p),
                    _ => None,
                };
                match old_name {
                    Some(o) => {
                        used.insert(o);
                        let a = &old_files[o];
                        if o != p || a != b {
                            items.push((p.clone(), file_diff(Some(o.clone()), Some(p.clone()), a.clone(), b.clone())));
                        }
                    }
                    None => items.push((p.clone(), file_diff(None, Some(p.clone()), empty.clone(), b.clone()))),
                }
            }
            for (p, a) in old_files {
                if !used.contains(p) {
                    items.push((p.clone(), file_diff(Some(p.clone()), None, a.clone(), empty.clone())));
                }
            }
            items.sort_by(|x, y| x.0.cmp(&y.0));
            out = items.into_iter().map(|(_, d)| d).collect();
        }
    }
    PatchDiff { files: out }
}

impl Repo {
    /// The diff of the patch at `index` between the trees before and after it (both from
    /// the repository layer), over the paths it touches, paired as `pairing` says.
    pub fn tree_diff(&self, index: usize, pairing: Pairing) -> Result<PatchDiff> {
        let detail = self.patch(index)?;
        if let Some(why) = &detail.unsupported {
            return Err(super::RepoError::Unsupported(why.clone()));
        }
        let (before, after) = (Version { applied: index }, Version { applied: index + 1 });
        let mut old_files = BTreeMap::new();
        let mut new_files = BTreeMap::new();
        let mut dirs = BTreeSet::new();
        for p in touched_paths(&detail.prims) {
            collect(self, before, &p, &mut old_files, &mut dirs)?;
            collect(self, after, &p, &mut new_files, &mut dirs)?;
        }
        Ok(diff_files(&detail.prims, &old_files, &new_files, pairing))
    }
}

/// GNU diff's quoting of a file name in headers: as is, unless it holds a byte that needs
/// escaping (then C-style quoted, like `diff` 3.x does).
fn quote_name(name: &[u8]) -> Vec<u8> {
    let needs = name.iter().any(|&c| c <= b' ' || c >= 0x7f || c == b'"' || c == b'\\');
    if !needs {
        return name.to_vec();
    }
    let mut out = vec![b'"'];
    for &c in name {
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x07 => out.extend_from_slice(b"\\a"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0b => out.extend_from_slice(b"\\v"),
            0x0c => out.extend_from_slice(b"\\f"),
            c if !(b' '..0x7f).contains(&c) => out.extend_from_slice(format!("\\{c:03o}").as_bytes()),
            c => out.push(c),
        }
    }
    out.push(b'"');
    out
}

/// The whole diff as `darcs diff --hash H` prints it: the patch's header, then
/// `diff -rN -u old-REPO/PATH new-REPO/PATH` blocks (`patch -p1` applies them).
/// `stamp` is the time shown for files that exist (`diff` shows the epoch for absent ones).
pub fn render_unified(header: &[u8], repo: &str, diff: &PatchDiff, stamp: &str) -> Vec<u8> {
    const EPOCH: &str = "1970-01-01 00:00:00.000000000 +0000";
    let mut out = header.to_vec();
    for f in &diff.files {
        let old_name = quote_name(
            &[format!("old-{repo}/").as_bytes(), &f.old_path.as_ref().unwrap_or(f.path()).join(&b'/')].concat(),
        );
        let new_name = quote_name(
            &[format!("new-{repo}/").as_bytes(), &f.new_path.as_ref().unwrap_or(f.path()).join(&b'/')].concat(),
        );
        if f.binary {
            // GNU diff prints only this line for binary files, no `diff` header
            out.extend_from_slice(b"Binary files ");
            out.extend_from_slice(&old_name);
            out.extend_from_slice(b" and ");
            out.extend_from_slice(&new_name);
            out.extend_from_slice(b" differ\n");
            continue;
        }
        out.extend_from_slice(b"diff -rN -u ");
        out.extend_from_slice(&old_name);
        out.push(b' ');
        out.extend_from_slice(&new_name);
        out.push(b'\n');
        let time = |present: bool| if present { stamp } else { EPOCH };
        out.extend_from_slice(b"--- ");
        out.extend_from_slice(&old_name);
        out.extend_from_slice(format!("\t{}\n", time(f.old_path.is_some())).as_bytes());
        out.extend_from_slice(b"+++ ");
        out.extend_from_slice(&new_name);
        out.extend_from_slice(format!("\t{}\n", time(f.new_path.is_some())).as_bytes());
        let (a, b) = (lines(&f.old), lines(&f.new));
        for h in &f.hunks {
            out.extend_from_slice(h.header().as_bytes());
            out.push(b'\n');
            for l in &h.lines {
                let (mark, text) = match l.op {
                    Op::Context => (b' ', a[l.old.unwrap_or(0) as usize]),
                    Op::Removed => (b'-', a[l.old.unwrap_or(0) as usize]),
                    Op::Added => (b'+', b[l.new.unwrap_or(0) as usize]),
                };
                out.push(mark);
                out.extend_from_slice(text);
                if !text.ends_with(b"\n") {
                    out.extend_from_slice(b"\n\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Path {
        s.split('/').map(|c| c.as_bytes().to_vec()).collect()
    }

    fn text(h: &[Hunk], a: &[u8], b: &[u8]) -> String {
        let d = PatchDiff {
            files: vec![FileDiff {
                old_path: Some(p("f")),
                new_path: Some(p("f")),
                status: Status::Modified,
                old: Arc::new(a.to_vec()),
                new: Arc::new(b.to_vec()),
                binary: false,
                hunks: h.to_vec(),
                added: 0,
                removed: 0,
            }],
        };
        let s = String::from_utf8(render_unified(b"", "r", &d, "T")).unwrap();
        s.lines().skip(3).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn hunks_merge_with_three_lines_of_context() {
        let a: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let b = a.replace("\n5\n", "\nfive\n").replace("\n11\n", "\neleven\n");
        let h = hunks(a.as_bytes(), b.as_bytes());
        // 5 and 11 are 6 lines apart: one hunk, as GNU diff makes it
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].header(), "@@ -2,13 +2,13 @@");
        let b = a.replace("\n3\n", "\nthree\n").replace("\n17\n", "\nx\n");
        let h = hunks(a.as_bytes(), b.as_bytes());
        assert_eq!(h.iter().map(Hunk::header).collect::<Vec<_>>(), ["@@ -1,6 +1,6 @@", "@@ -14,7 +14,7 @@"]);
    }

    #[test]
    fn empty_ranges_and_missing_newlines_like_gnu_diff() {
        let h = hunks(b"", b"a\nb\n");
        assert_eq!(h[0].header(), "@@ -0,0 +1,2 @@");
        let h = hunks(b"a\n", b"");
        assert_eq!(h[0].header(), "@@ -1 +0,0 @@");
        let h = hunks(b"a\nb", b"a\nb\n");
        assert_eq!(text(&h, b"a\nb", b"a\nb\n"), "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b");
    }

    #[test]
    fn function_context_is_the_nearest_definition_above() {
        let a = "int f(void)\n{\n  a;\n  b;\n  c;\n  d;\n  e;\n}\n";
        let b = a.replace("  d;", "  D;");
        let h = hunks(a.as_bytes(), b.as_bytes());
        assert_eq!(h[0].function.as_deref(), Some("int f(void)"));
        assert_eq!(hunks(b"x\n", b"y\n")[0].function, None);
    }

    #[test]
    fn moves_pair_old_and_new_names() {
        let prims = vec![
            Prim::Move { from: p("a"), to: p("tmp") },
            Prim::Move { from: p("b"), to: p("a") },
            Prim::Move { from: p("tmp"), to: p("b") },
            Prim::Move { from: p("d"), to: p("e") },
        ];
        let f = |v: &[(&str, &str)]| -> BTreeMap<Path, Arc<Vec<u8>>> {
            v.iter().map(|(k, c)| (p(k), Arc::new(c.as_bytes().to_vec()))).collect()
        };
        let old = f(&[("a", "1\n"), ("b", "2\n"), ("d/x", "x\n")]);
        let new = f(&[("a", "2\n"), ("b", "1\n"), ("e/x", "x\n")]);
        let d = diff_files(&prims, &old, &new, Pairing::FollowMoves);
        let pairs: Vec<_> =
            d.files.iter().map(|f| (f.old_path.clone(), f.new_path.clone(), f.hunks.len(), f.status)).collect();
        assert_eq!(
            pairs,
            vec![
                (Some(p("b")), Some(p("a")), 0, Status::Renamed),
                (Some(p("a")), Some(p("b")), 0, Status::Renamed),
                (Some(p("d/x")), Some(p("e/x")), 0, Status::Renamed),
            ]
        );
        let d = diff_files(&prims, &old, &new, Pairing::SamePath);
        assert_eq!(d.files.len(), 4, "diff -r: a and b modified, d/x removed, e/x added");
        assert_eq!(d.files[2].status, Status::Removed);
    }

    #[test]
    fn names_are_quoted_like_gnu_diff() {
        assert_eq!(quote_name(b"old-r/a'[b]*"), b"old-r/a'[b]*");
        assert_eq!(quote_name(b"old-r/a b"), b"\"old-r/a b\"");
        assert_eq!(quote_name("old-r/\u{fc}".as_bytes()), b"\"old-r/\\303\\274\"");
        assert_eq!(quote_name(b"old-r/t\tb"), b"\"old-r/t\\tb\"");
        assert_eq!(quote_name(b"old-r/back\\slash"), b"\"old-r/back\\\\slash\"");
    }
}
