//! `darcsweb check REPO`: replay every patch from the empty tree through the verified
//! core and compare the result with the recorded (pristine) tree; and say how many
//! patches stay inside the hypotheses of the proved laws (op 22, `theories/Strict.v`).

use std::io::IsTerminal;
use std::path::Path as FsPath;
use std::process::ExitCode;

use super::load::Loader;
use super::{RepoError, Result};
use crate::core::coverage::Class;
use crate::core::{CoreError, Named, Node, Tree};
use crate::darcs::hash::Kind;
use crate::darcs::info::PatchInfo;
use crate::darcs::prim::display_path;
use crate::darcs::pristine::{EntryKind, Pristine};

/// How many patches of a replay stay inside the hypotheses of the laws: strict apply
/// succeeds on them from the tree the replay reached, and no hunk of theirs is empty
/// (each patch classified by the verified core, op 22; `Strict.coverage_spec`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Patches classified (replayed).
    pub patches: usize,
    /// Patches inside the hypotheses.
    pub inside: usize,
    /// Positions (0-based) of the patches strict apply fails on: darcs' non-strict apply
    /// (a file losing its last line, a content change to an absent file) was needed.
    pub non_strict: Vec<usize>,
    /// Positions (0-based) of the patches holding an empty hunk.
    pub empty_hunks: Vec<usize>,
}

impl Coverage {
    /// Count the classes of the patches from position `first` on.
    pub(crate) fn add(&mut self, first: usize, classes: &[Class]) {
        for (k, c) in classes.iter().enumerate() {
            self.patches += 1;
            if c.inside() {
                self.inside += 1;
            }
            if c.non_strict_at.is_some() {
                self.non_strict.push(first + k);
            }
            if c.empty_hunk {
                self.empty_hunks.push(first + k);
            }
        }
    }

    /// `N of M patches inside the proved hypotheses (K use darcs' non-strict apply:
    /// patches 3, 17; E carry empty hunks: patch 9)`, patches numbered from 1.
    pub fn describe(&self) -> String {
        let list = |v: &[usize]| {
            let shown: Vec<String> = v.iter().take(5).map(|i| (i + 1).to_string()).collect();
            let more = if v.len() > 5 { ", …" } else { "" };
            format!("patch{} {}{more}", if v.len() == 1 { "" } else { "es" }, shown.join(", "))
        };
        let mut out = format!("{} of {} patches inside the proved hypotheses", self.inside, self.patches);
        let mut why = Vec::new();
        why.push(match self.non_strict.len() {
            0 => "none uses darcs' non-strict apply".to_string(),
            k => {
                format!("{k} use{} darcs' non-strict apply: {}", if k == 1 { "s" } else { "" }, list(&self.non_strict))
            }
        });
        why.push(match self.empty_hunks.len() {
            0 => "none carries an empty hunk".to_string(),
            1 => format!("1 carries an empty hunk: {}", list(&self.empty_hunks)),
            e => format!("{e} carry empty hunks: {}", list(&self.empty_hunks)),
        });
        out.push_str(&format!(" ({})", why.join("; ")));
        out
    }
}

/// The outcome of a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Replaying all `patches` gives exactly the pristine tree of `paths` entries.
    Consistent {
        /// How many patches were replayed (the whole inventory).
        patches: usize,
        /// How many paths the tree holds, the root not counted.
        paths: usize,
        /// How many of them are inside the hypotheses of the proved laws.
        coverage: Coverage,
    },
    /// A patch could not be read or did not apply.
    PatchFails {
        /// The patch's 0-based position in the inventory.
        index: usize,
        /// Its 40-hex patch id.
        hash: String,
        /// Its name, for display.
        name: String,
        /// Why it fails: the read error, or which primitive does not apply and why.
        reason: String,
    },
    /// A patch uses something the core does not model (darcs-1 nested mergers).
    Unsupported {
        /// The patch's 0-based position in the inventory.
        index: usize,
        /// Its 40-hex patch id.
        hash: String,
        /// What it uses that is not modelled.
        reason: String,
    },
    /// The replayed tree differs from the pristine at `path`.
    Differs {
        /// The first path found to differ, as darcs displays it.
        path: String,
        /// How it differs (missing on one side, contents, file versus directory).
        what: String,
    },
}

/// Patches replayed per core call (and progress-bar step).
const CHUNK: usize = 200;

/// Run the check; `progress` is called with (done, total) after each chunk.
pub fn run(dir: &FsPath, progress: impl FnMut(usize, usize)) -> Result<Outcome> {
    let loader = Loader::open(dir)?;
    check_prefs(&loader)?;
    let (inv, pristine_root) = loader.inventory()?;
    let mut coverage = Coverage::default();
    match replay_inventory(&loader, &inv, &mut coverage, progress)? {
        Replayed::Tree(tree) => compare(&loader, &pristine_root, &tree, inv.len(), coverage),
        Replayed::Stopped(outcome) => Ok(outcome),
    }
}

/// Where a replay ended.
enum Replayed {
    /// Every patch applied: the tree after the last one.
    Tree(Tree),
    /// A patch could not be read, did not apply, or is not modelled.
    Stopped(Outcome),
}

/// Replay the patches of `inv` from the empty tree through the verified core (op 22,
/// [`CHUNK`] patches per call), counting their classes into `coverage`. `progress` is
/// called with (done, total) after each chunk.
fn replay_inventory(
    loader: &Loader,
    inv: &[(PatchInfo, String)],
    coverage: &mut Coverage,
    mut progress: impl FnMut(usize, usize),
) -> Result<Replayed> {
    let total = inv.len();
    let mut tree = Tree::new();
    let mut chunk: Vec<Named> = Vec::new();
    let mut first = 0;
    for (i, (info, file)) in inv.iter().enumerate() {
        let fail = |reason: String| Outcome::PatchFails {
            index: i,
            hash: info.id(),
            name: crate::darcs::info::text_for_display(&info.name),
            reason,
        };
        let named = match loader.named(file).and_then(|(_, np)| Ok((loader.effect(&np)?, np))) {
            Ok((prims, np)) => {
                if np.info != *info {
                    return Ok(Replayed::Stopped(fail(
                        "the patch file's metadata differs from the inventory's".into(),
                    )));
                }
                // op 22 ignores explicit dependencies
                Named { prims, deps: Vec::new() }
            }
            Err(RepoError::Unsupported(reason)) => {
                return Ok(Replayed::Stopped(Outcome::Unsupported { index: i, hash: info.id(), reason }))
            }
            Err(e) => return Ok(Replayed::Stopped(fail(e.to_string()))),
        };
        chunk.push(named);
        if chunk.len() == CHUNK || i + 1 == total {
            match crate::core::coverage::coverage(&tree, &chunk) {
                Ok((classes, t)) => {
                    coverage.add(first, &classes);
                    tree = t;
                }
                Err(CoreError::DoesNotApply { patch, prim, .. }) => {
                    let p = (first + patch as usize).min(total - 1);
                    let (info, _) = &inv[p];
                    return Ok(Replayed::Stopped(Outcome::PatchFails {
                        index: p,
                        hash: info.id(),
                        name: crate::darcs::info::text_for_display(&info.name),
                        reason: format!("primitive {prim} does not apply"),
                    }));
                }
                Err(e) => return Err(e.into()),
            }
            first = i + 1;
            chunk.clear();
            progress(i + 1, total);
        }
    }
    Ok(Replayed::Tree(tree))
}

/// darcs reads the files of `_darcs/prefs` (and fails on one it cannot read): each must
/// be a regular file beneath the repository (a FIFO, socket, device or directory there, or
/// a link leading out, is refused like any other file).
fn check_prefs(loader: &Loader) -> Result<()> {
    let prefs = loader.store.root().join("_darcs/prefs");
    let Ok(rd) = std::fs::read_dir(&prefs) else { return Ok(()) };
    let mut names: Vec<std::ffi::OsString> = rd.filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    names.sort();
    for name in names {
        let rel = FsPath::new("_darcs/prefs").join(&name);
        match loader.store.dir().open_regular(&rel) {
            Ok(_) | Err(crate::darcs::error::Error::MissingFile { .. }) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Compare the replayed tree with the pristine, path by path.
fn compare(loader: &Loader, root: &str, tree: &Tree, patches: usize, coverage: Coverage) -> Result<Outcome> {
    let pristine = Pristine::new(&loader.store);
    let walk = pristine.walk(root)?;
    let mut seen = 0usize;
    for w in &walk {
        if w.path.is_empty() {
            continue;
        }
        seen += 1;
        let shown = display_path(&w.path);
        match (tree.get(&w.path), w.kind) {
            (None, _) => {
                return Ok(Outcome::Differs { path: shown, what: "in the pristine tree but not in the replay".into() })
            }
            (Some(Node::Dir), EntryKind::Directory) => {}
            (Some(Node::File(c)), EntryKind::File) => {
                // every object is read and hashed, the empty file's too (darcs reads it)
                let recorded = loader.store.read_always(Kind::Pristine, &w.hash)?;
                if *c != recorded {
                    return Ok(Outcome::Differs { path: shown, what: "the file's contents differ".into() });
                }
            }
            (Some(_), _) => {
                return Ok(Outcome::Differs {
                    path: shown,
                    what: "a file in one tree, a directory in the other".into(),
                })
            }
        }
    }
    // directory objects: the walk read them, but not those named by the empty hash,
    // which darcs reads too (all but an empty root: a new repository has no such file)
    let mut dirs: std::collections::HashSet<&str> = std::collections::HashSet::new();
    dirs.extend(walk.iter().filter(|w| w.kind == EntryKind::Directory).map(|w| w.hash.as_str()));
    for h in dirs {
        loader.store.read_always(Kind::Pristine, h)?;
    }
    if seen != tree.len() {
        let in_pristine: std::collections::HashSet<_> = walk.iter().map(|w| &w.path).collect();
        if let Some(extra) = tree.keys().find(|p| !in_pristine.contains(p)) {
            return Ok(Outcome::Differs {
                path: display_path(extra),
                what: "in the replay but not in the pristine tree".into(),
            });
        }
    }
    Ok(Outcome::Consistent { patches, paths: seen, coverage })
}

/// Compare the replayed `tree` with the recorded tree of root `root`: the first path that
/// differs and how, or `None` when they are equal (the server's head check).
pub(crate) fn compare_head(loader: &Loader, root: &str, tree: &Tree) -> Result<Option<(String, String)>> {
    Ok(match compare(loader, root, tree, 0, Coverage::default())? {
        Outcome::Differs { path, what } => Some((path, what)),
        _ => None,
    })
}

/// The command: progress bar on a terminal, a summary line, exit status 0/1.
pub fn main(dir: &FsPath) -> ExitCode {
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new(0);
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} replaying {pos}/{len} patches {wide_bar} {eta}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let result = run(dir, |done, total| {
        if let Some(b) = &bar {
            b.set_length(total as u64);
            b.set_position(done as u64);
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    match result {
        Ok(Outcome::Consistent { patches, paths, coverage }) => {
            println!("{}: consistent: {patches} patches replayed by the verified core give the recorded tree ({paths} paths)", dir.display());
            println!("{}: {}", dir.display(), coverage.describe());
            ExitCode::SUCCESS
        }
        Ok(Outcome::PatchFails { index, hash, name, reason }) => {
            println!("{}: INCONSISTENT: patch {} ({hash} {name:?}) fails: {reason}", dir.display(), index + 1);
            ExitCode::FAILURE
        }
        Ok(Outcome::Unsupported { index, hash, reason }) => {
            println!("{}: cannot check: patch {} ({hash}): {reason}", dir.display(), index + 1);
            ExitCode::FAILURE
        }
        Ok(Outcome::Differs { path, what }) => {
            println!("{}: INCONSISTENT: {path}: {what}", dir.display());
            ExitCode::FAILURE
        }
        Err(e) => {
            println!("{}: cannot check: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(non_strict_at: Option<u32>, empty_hunk: bool) -> Class {
        Class { non_strict_at, empty_hunk }
    }

    #[test]
    fn coverage_counts_and_describes() {
        let mut c = Coverage::default();
        c.add(0, &[class(None, false), class(Some(2), false)]);
        c.add(2, &[class(None, true), class(Some(0), true), class(None, false)]);
        assert_eq!(c, Coverage { patches: 5, inside: 2, non_strict: vec![1, 3], empty_hunks: vec![2, 3] });
        assert_eq!(
            c.describe(),
            "2 of 5 patches inside the proved hypotheses (2 use darcs' non-strict apply: patches 2, 4; \
             2 carry empty hunks: patches 3, 4)"
        );
        let mut one = Coverage::default();
        one.add(0, &[class(Some(0), false), class(None, true)]);
        assert_eq!(
            one.describe(),
            "0 of 2 patches inside the proved hypotheses (1 uses darcs' non-strict apply: patch 1; \
             1 carries an empty hunk: patch 2)"
        );
        let mut many = Coverage::default();
        many.add(0, &[class(Some(0), false); 7]);
        assert!(many.describe().contains("7 use darcs' non-strict apply: patches 1, 2, 3, 4, 5, …; none carries"));
    }
}
