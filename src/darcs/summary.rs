//! Patch summaries as `darcs log --summary` computes them (per-file, combined).
//!
//! Trusted presentation (theories/README.md, "Trusted base"): darcs' summary is read off
//! the repository patches as written (a conflictor is summarised by the prim it stands
//! for, marked conflicted; a duplicate by its prim), not from the effect; nothing here
//! applies, inverts or commutes a patch. A darcs-1 merger, which darcs summarises by its
//! effect, is summarised by the effect the verified core gives it (op 23). It is tested
//! against `darcs log --summary` on every corpus repository (`tests/darcs_format.rs`,
//! `tests/http_routes.rs`).

use super::error::{Error, Result};
use super::escape::display_bytes;
use super::patch::{NamedPatch, RepoPatch};
use super::prim::{Path, Prim};

/// Whether a summarised change is plain, conflicted or a duplicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConflictState {
    /// A normal change.
    Okay,
    /// Part of a conflict (conflictor, merger).
    Conflicted,
    /// darcs-2 `duplicate`.
    Duplicated,
}

/// What happened to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FileOp {
    /// Added (`addfile`, possibly with content).
    Add,
    /// Removed.
    Remove,
    /// Modified (hunks, binary, replace).
    Modify,
}

/// One line of a patch summary.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SummaryItem {
    /// A file added, removed or modified, with line/token counts.
    File {
        /// Add, remove or modify.
        op: FileOp,
        /// The file.
        path: Path,
        /// Lines removed by hunks.
        removed_lines: usize,
        /// Lines added by hunks.
        added_lines: usize,
        /// Number of `replace` prims.
        replaced_tokens: usize,
        /// Conflict state.
        state: ConflictState,
    },
    /// A directory added.
    AddDir {
        /// The directory.
        path: Path,
        /// Conflict state.
        state: ConflictState,
    },
    /// A directory removed.
    RmDir {
        /// The directory.
        path: Path,
        /// Conflict state.
        state: ConflictState,
    },
    /// A file or directory moved.
    Move {
        /// Old path.
        from: Path,
        /// New path.
        to: Path,
        /// Conflict state.
        state: ConflictState,
    },
}

enum Chunk {
    Item(SummaryItem),
    /// A change with nothing to show (changepref); it still separates combinable items.
    Nothing,
}

fn summarize(p: &Prim, state: ConflictState) -> Chunk {
    let file = |op, path: &Path, r, a, x| {
        Chunk::Item(SummaryItem::File {
            op,
            path: path.clone(),
            removed_lines: r,
            added_lines: a,
            replaced_tokens: x,
            state,
        })
    };
    match p {
        Prim::Hunk { path, old, new, .. } => file(FileOp::Modify, path, old.len(), new.len(), 0),
        Prim::Binary { path, .. } => file(FileOp::Modify, path, 0, 0, 0),
        Prim::Replace { path, .. } => file(FileOp::Modify, path, 0, 0, 1),
        Prim::AddFile(path) => file(FileOp::Add, path, 0, 0, 0),
        Prim::RmFile(path) => file(FileOp::Remove, path, 0, 0, 0),
        Prim::AddDir(path) => Chunk::Item(SummaryItem::AddDir { path: path.clone(), state }),
        Prim::RmDir(path) => Chunk::Item(SummaryItem::RmDir { path: path.clone(), state }),
        Prim::Move { from, to } => Chunk::Item(SummaryItem::Move { from: from.clone(), to: to.clone(), state }),
        Prim::ChangePref { .. } => Chunk::Nothing,
    }
}

fn combine_state(a: ConflictState, b: ConflictState) -> ConflictState {
    use ConflictState::*;
    match (a, b) {
        (Conflicted, _) | (_, Conflicted) => Conflicted,
        (Duplicated, _) | (_, Duplicated) => Duplicated,
        _ => Okay,
    }
}

fn combine_op(a: FileOp, b: FileOp) -> Option<FileOp> {
    use FileOp::*;
    match (a, b) {
        (Add, Remove) | (Remove, Add) => None,
        (Add, _) | (_, Add) => Some(Add),
        (Remove, _) | (_, Remove) => Some(Remove),
        (Modify, Modify) => Some(Modify),
    }
}

fn combine(chunks: Vec<Chunk>) -> Vec<SummaryItem> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for c in chunks {
        if let (
            Some(Chunk::Item(SummaryItem::File {
                op: o1,
                path: f1,
                removed_lines: r1,
                added_lines: a1,
                replaced_tokens: x1,
                state: s1,
            })),
            Chunk::Item(SummaryItem::File {
                op: o2,
                path: f2,
                removed_lines: r2,
                added_lines: a2,
                replaced_tokens: x2,
                state: s2,
            }),
        ) = (out.last_mut(), &c)
        {
            if f1 == f2 {
                if let Some(o3) = combine_op(*o1, *o2) {
                    *o1 = o3;
                    *r1 += r2;
                    *a1 += a2;
                    *x1 += x2;
                    *s1 = combine_state(*s1, *s2);
                    continue;
                }
            }
        }
        out.push(c);
    }
    out.into_iter()
        .filter_map(|c| match c {
            Chunk::Item(i) => Some(i),
            Chunk::Nothing => None,
        })
        .collect()
}

/// The summary chunk of one repository patch, read off what is written (darcs'
/// `conflictedEffect`): a prim as it is, a duplicate's or conflictor's own prim marked.
fn conflicted_effect(rp: &RepoPatch, out: &mut Vec<Chunk>) -> Result<()> {
    match rp {
        RepoPatch::Prim(p) => out.push(summarize(p, ConflictState::Okay)),
        RepoPatch::Named(np) => out.push(summarize(&np.prim, ConflictState::Okay)),
        RepoPatch::Duplicate(n) | RepoPatch::Etacilpud(n) => out.push(summarize(&n.prim, ConflictState::Duplicated)),
        RepoPatch::Conflictor { x, .. } | RepoPatch::InvConflictor { x, .. } => {
            out.push(summarize(&x.prim, ConflictState::Conflicted))
        }
        RepoPatch::Conflictor3 { identity, .. } => out.push(summarize(&identity.patch.prim, ConflictState::Conflicted)),
        RepoPatch::Merger { .. } | RepoPatch::Regrem { .. } => {
            // darcs-1 summarises a merger by its effect, marked conflicted: the verified
            // core's (op 23; a merger of mergers is not modelled, so not summarised)
            let effect = crate::core::effect::of_body(std::slice::from_ref(rp)).map_err(|e| match e {
                crate::core::CoreError::Unsupported(why) => Error::Unsupported(why),
                e => Error::Unsupported(format!("the effect of a darcs-1 merger: {e}")),
            })?;
            out.extend(effect.iter().map(|p| summarize(p, ConflictState::Conflicted)));
        }
    }
    Ok(())
}

impl NamedPatch {
    /// The summary `darcs log --summary` shows (changeprefs omitted); `Unsupported` for
    /// darcs-1 mergers of mergers (darcs summarises their effect, which is not modelled).
    pub fn summary(&self) -> Result<Vec<SummaryItem>> {
        let mut chunks = Vec::new();
        for rp in &self.body {
            conflicted_effect(rp, &mut chunks)?;
        }
        Ok(combine(chunks))
    }
}

impl SummaryItem {
    /// The line `darcs log --summary` prints (`M ./f -1 +2`, `A ./d/`, ` ./a -> ./b`).
    pub fn to_line(&self) -> Vec<u8> {
        let mark = |t: &str, s: ConflictState| -> Vec<u8> {
            match s {
                ConflictState::Okay => t.as_bytes().to_vec(),
                ConflictState::Conflicted => format!("{t}!").into_bytes(),
                ConflictState::Duplicated => t.as_bytes().to_vec(),
            }
        };
        let dup = |s: ConflictState| {
            if s == ConflictState::Duplicated {
                &b" duplicate"[..]
            } else {
                b""
            }
        };
        match self {
            SummaryItem::File { op, path, removed_lines, added_lines, replaced_tokens, state } => {
                let t = match op {
                    FileOp::Add => "A",
                    FileOp::Remove => "R",
                    FileOp::Modify => "M",
                };
                let mut l = mark(t, *state);
                l.push(b' ');
                l.extend_from_slice(&display_bytes(path));
                if *op == FileOp::Modify {
                    for (n, pre) in [(*removed_lines, "-"), (*added_lines, "+"), (*replaced_tokens, "r")] {
                        if n > 0 {
                            l.extend_from_slice(format!(" {pre}{n}").as_bytes());
                        }
                    }
                }
                l.extend_from_slice(dup(*state));
                l
            }
            SummaryItem::AddDir { path, state } | SummaryItem::RmDir { path, state } => {
                let mut l = mark(if matches!(self, SummaryItem::AddDir { .. }) { "A" } else { "R" }, *state);
                l.push(b' ');
                l.extend_from_slice(&display_bytes(path));
                l.push(b'/');
                l.extend_from_slice(dup(*state));
                l
            }
            SummaryItem::Move { from, to, .. } => {
                let mut l = b" ".to_vec();
                l.extend_from_slice(&display_bytes(from));
                l.extend_from_slice(b" -> ");
                l.extend_from_slice(&display_bytes(to));
                l
            }
        }
    }
}
