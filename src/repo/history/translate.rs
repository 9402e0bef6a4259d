//! What the index and the pages show of a patch, read from darcs' patch: its metadata,
//! the paths it touches, and a path's history through moves.

use std::collections::HashSet;

use crate::darcs::prim::{display_path, Path, Prim};
use crate::repo::{PatchMeta, Touched};

pub(super) fn meta(i: usize, info: &crate::darcs::info::PatchInfo) -> PatchMeta {
    let text = crate::darcs::info::text_for_display;
    PatchMeta {
        index: i,
        hash: info.id(),
        name: text(&info.name),
        author: text(&info.author),
        date: String::from_utf8_lossy(&info.date).into_owned(),
        comment: info.comment_raw().map(|c| text(&c)),
        description: info.comment_for_display().iter().map(|l| text(l)).collect::<Vec<_>>().join("\n"),
        inverted: info.inverted,
        tag: info.tag_name().map(text),
    }
}

pub(crate) use crate::repo::store::Touch;

pub(super) fn touches(prims: &[Prim]) -> Vec<Touch> {
    prims.iter().filter_map(|p| p.target().map(|(path, to)| (path.clone(), to.cloned()))).collect()
}

/// Walk back from head tracking the names `path` had: collect the patches that touch
/// it (or anything below it), renaming through moves.
pub(crate) fn follow_moves(touched: &[Vec<Touch>], path: &Path, out: &mut HashSet<usize>) {
    let mut name = path.clone();
    for i in (0..touched.len()).rev() {
        for (p, to) in touched[i].iter().rev() {
            match to {
                Some(to) => {
                    if name.starts_with(to) {
                        let rest = name[to.len()..].to_vec();
                        name = p.clone();
                        name.extend(rest);
                        out.insert(i);
                    } else if p.starts_with(&name) || to.starts_with(&name) {
                        out.insert(i);
                    }
                }
                None => {
                    if p.starts_with(&name) {
                        out.insert(i);
                    }
                }
            }
        }
    }
}

/// `darcs log --summary` of a patch (the parser folds hunks into the add or remove of
/// their file as darcs does); empty for a patch whose effect is not modelled.
pub(super) fn summarize(named: &crate::darcs::patch::NamedPatch) -> Vec<Touched> {
    use crate::darcs::summary::{ConflictState, FileOp, SummaryItem};
    let touched = |kind, path: &Path, to: Option<&Path>, add, rem, state: &ConflictState| Touched {
        kind,
        path: display_path(path),
        to: to.map(display_path),
        added_lines: add,
        removed_lines: rem,
        conflict: *state == ConflictState::Conflicted,
    };
    named
        .summary()
        .unwrap_or_default()
        .iter()
        .map(|item| match item {
            SummaryItem::File { op, path, removed_lines, added_lines, state, .. } => {
                // like darcs, line counts are given for modified files only
                match op {
                    FileOp::Add => touched("add_file", path, None, 0, 0, state),
                    FileOp::Remove => touched("remove_file", path, None, 0, 0, state),
                    FileOp::Modify => touched("modify_file", path, None, *added_lines, *removed_lines, state),
                }
            }
            SummaryItem::AddDir { path, state } => touched("add_directory", path, None, 0, 0, state),
            SummaryItem::RmDir { path, state } => touched("remove_directory", path, None, 0, 0, state),
            // darcs' summary never marks a move as conflicted
            SummaryItem::Move { from, to, .. } => touched("move", from, Some(to), 0, 0, &ConflictState::Okay),
        })
        .collect()
}
