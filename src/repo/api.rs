//! The types the web layer sees of a repository: plain data, cheap to clone or share.

use crate::darcs::prim::{Path, Prim};

/// One named patch's metadata, as `darcs log --xml-output` shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PatchMeta {
    /// Position in the repository's order (0 = oldest).
    pub index: usize,
    /// The 40-hex patch identity (`hash='…'` of `darcs log --xml-output`).
    pub hash: String,
    /// The name (for a tag, the full `TAG …` name).
    pub name: String,
    /// The author as recorded (usually `Name <email>`), undecoded bytes shown lossily.
    pub author: String,
    /// The raw 14-digit UTC date `YYYYMMDDHHMMSS`.
    pub date: String,
    /// Every log line joined with `\n`, `Ignore-this:` included (as darcs' XML shows it).
    pub comment: Option<String>,
    /// The log without `Ignore-this:` lines: what a person reads.
    pub description: String,
    /// A legacy inverted patch (`*-` in its metadata), which darcs shows as `UNDO: name`.
    pub inverted: bool,
    /// `Some(name)` when the patch is a tag.
    pub tag: Option<String>,
}

/// A version of the tree: the first `applied` patches of the repository order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Version {
    /// How many patches, from the oldest, the tree has applied (0 = the empty tree).
    pub applied: usize,
}

/// What a path holds at a version.
#[derive(Debug, Clone)]
pub enum Entry {
    /// A directory with its entries (name, is_dir), sorted by name bytes.
    Dir(Vec<(Vec<u8>, bool)>),
    /// A file's bytes.
    File(std::sync::Arc<Vec<u8>>),
}

/// How one path was touched by a patch (`darcs log --summary`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Touched {
    /// `add_file`, `remove_file`, `add_directory`, `remove_directory`, `modify_file`, `move`, `changepref`.
    pub kind: &'static str,
    /// The path touched (for a move, its source), as darcs displays it.
    pub path: String,
    /// For a move, the destination.
    pub to: Option<String>,
    /// Lines this patch adds to the file (darcs counts them for modified files only, else 0).
    pub added_lines: usize,
    /// Lines this patch removes from the file (likewise, 0 unless the file is modified).
    pub removed_lines: usize,
    /// The path is part of a conflict (darcs marks these `conflict='true'`).
    pub conflict: bool,
}

/// Everything a patch page shows, computed from the patch file and the verified core.
#[derive(Debug, Clone)]
pub struct PatchDetail {
    /// The patch's metadata, as in the log.
    pub meta: PatchMeta,
    /// The effect's prims, in order (what the patch does to the tree).
    pub prims: Vec<Prim>,
    /// Summary of touched paths.
    pub touched: Vec<Touched>,
    /// Indices of the explicitly named dependencies.
    pub explicit_deps: Vec<usize>,
    /// The patch file decompressed: darcs' own text form.
    pub raw: std::sync::Arc<Vec<u8>>,
    /// Why the effect is not shown, when the patch uses something the core does not
    /// model (a darcs-1 merger of mergers); `prims` and `touched` are then empty.
    pub unsupported: Option<String>,
}

impl PatchDetail {
    /// Whether `path` (or a directory above it) is still there after the patch, as far
    /// as the patch itself says: it was not removed or moved away by it, or was put back.
    pub fn exists_after(&self, path: &Path) -> bool {
        let mut gone: Vec<&Path> = Vec::new();
        for p in &self.prims {
            match p {
                Prim::RmFile(q) | Prim::RmDir(q) => gone.push(q),
                Prim::AddFile(q) | Prim::AddDir(q) => gone.retain(|g| *g != q),
                Prim::Move { from, to } => {
                    gone.push(from);
                    gone.retain(|g| *g != to);
                }
                _ => {}
            }
        }
        !gone.iter().any(|g| path.starts_with(g))
    }
}

/// One annotated line of a file.
#[derive(Debug, Clone)]
pub struct AnnotatedLine {
    /// The line's raw bytes, without its `\n`.
    pub line: Vec<u8>,
    /// The patch that introduced the line, when known.
    pub patch: Option<usize>,
}
