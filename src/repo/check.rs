//! `darcsweb check REPO`: replay every patch from the empty tree through the verified
//! core and compare the result with the recorded (pristine) tree.

use std::io::IsTerminal;
use std::path::Path as FsPath;
use std::process::ExitCode;

use super::history::replay;
use super::load::Loader;
use super::{RepoError, Result};
use crate::core::{Named, Node, Tree};
use crate::darcs::hash::Kind;
use crate::darcs::prim::display_path;
use crate::darcs::pristine::{EntryKind, Pristine};

/// The outcome of a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Replaying all `patches` gives exactly the pristine tree of `paths` entries.
    Consistent {
        /// How many patches were replayed (the whole inventory).
        patches: usize,
        /// How many paths the tree holds, the root not counted.
        paths: usize,
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
pub fn run(dir: &FsPath, mut progress: impl FnMut(usize, usize)) -> Result<Outcome> {
    let loader = Loader::open(dir)?;
    check_prefs(&loader)?;
    let (inv, pristine_root) = loader.inventory()?;
    let total = inv.len();
    let mut ids = std::collections::HashMap::new();
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
                    return Ok(fail("the patch file's metadata differs from the inventory's".into()));
                }
                let deps = np.explicit_deps.iter().filter_map(|d| ids.get(&d.id()).copied()).collect();
                Named { prims, deps }
            }
            Err(RepoError::Unsupported(reason)) => {
                return Ok(Outcome::Unsupported { index: i, hash: info.id(), reason })
            }
            Err(e) => return Ok(fail(e.to_string())),
        };
        ids.insert(info.id(), i as u32);
        chunk.push(named);
        if chunk.len() == CHUNK || i + 1 == total {
            match replay(&tree, &chunk, first) {
                Ok(t) => tree = t,
                Err(RepoError::Core(crate::core::CoreError::DoesNotApply { patch, prim, message })) => {
                    let p = patch as usize;
                    let (info, _) = &inv[p.min(total - 1)];
                    return Ok(Outcome::PatchFails {
                        index: p,
                        hash: info.id(),
                        name: crate::darcs::info::text_for_display(&info.name),
                        reason: format!("primitive {prim} does not apply: {message}"),
                    });
                }
                Err(e) => return Err(e),
            }
            first = i + 1;
            chunk.clear();
            progress(i + 1, total);
        }
    }
    compare(&loader, &pristine_root, &tree, total)
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
fn compare(loader: &Loader, root: &str, tree: &Tree, patches: usize) -> Result<Outcome> {
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
    Ok(Outcome::Consistent { patches, paths: seen })
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
        Ok(Outcome::Consistent { patches, paths }) => {
            println!("{}: consistent: {patches} patches replayed by the verified core give the recorded tree ({paths} paths)", dir.display());
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
