//! The pruned ops of the verified core (ops 12 to 16 of `WIRE.md`): patch summaries,
//! the dependencies of one patch, and a file or its annotation at a version, computed
//! from the patches whose touched paths meet what the answer depends on.
//!
//! The caller sends every earlier patch either in full or as the summary op 12 computed
//! for it; the core checks that each summarised patch cannot change the answer and
//! otherwise answers [`Pruned::Need`] with its index, so the caller retries with that patch
//! in full. `theories/PruneLaws.v` and `theories/LineageLaws.v` prove the answers equal
//! to the unpruned ops' whenever every summary covers its patch's touched paths (which
//! holds for the summaries op 12 returns).

use super::wire::{Dec, Enc, Malformed};
use super::{enc_named, run, run_offloaded, Annotation, CoreError, Lookup, Named};
use crate::darcs::prim::Path;

const OP_TOUCHED: u32 = 12;
const OP_DEPS_OF: u32 = 13;
const OP_FILE_AT_PRUNED: u32 = 14;
const OP_ANNOTATE_PRUNED: u32 = 15;
const OP_DEPENDENCIES_UNPRUNED: u32 = 16;

/// An answer, or the index of a patch the core needs in full before it can answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pruned<T> {
    Done(T),
    Need(u32),
}

/// An earlier patch as op 13 takes it.
#[derive(Debug, Clone, Copy)]
pub enum DepsEntry<'a> {
    /// The patch, and all its dependencies (direct and indirect, as [`PatchDeps::all`]).
    Full(&'a Named, &'a [u32]),
    /// The summary of its touched paths ([`touched`]).
    Skip(&'a [Path]),
}

/// A patch of the history as ops 14 and 15 take it.
#[derive(Debug, Clone, Copy)]
pub enum FileEntry<'a> {
    Full(&'a Named),
    Skip(&'a [Path]),
}

/// The dependencies of one patch.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PatchDeps {
    /// Direct dependencies (the transitive reduction), ascending.
    pub direct: Vec<u32>,
    /// All dependencies, direct and indirect, descending.
    pub all: Vec<u32>,
}

/// For each patch, the summary of its touched paths: sorted, without duplicates, and
/// without any path below another one of the list (a move touches both its names, an
/// adddir/rmdir its directory, a file prim its file; a preference change nothing).
pub fn touched(patches: &[Named]) -> Result<Vec<Vec<Path>>, CoreError> {
    let mut e = Enc::new(OP_TOUCHED);
    enc_named(&mut e, patches);
    run(e, |d| {
        let n = d.u32()?;
        (0..n)
            .map(|_| {
                let k = d.u32()?;
                (0..k).map(|_| d.path()).collect()
            })
            .collect()
    })
}

/// Run a pruned op: status 4 ("need patch j") becomes [`Pruned::Need`].
fn run_pruned<T>(req: Enc, f: impl FnOnce(&mut Dec) -> Result<T, Malformed>) -> Result<Pruned<T>, CoreError> {
    match run(req, f) {
        Ok(v) => Ok(Pruned::Done(v)),
        Err(CoreError::NeedsPatch(j)) => Ok(Pruned::Need(j)),
        Err(e) => Err(e),
    }
}

/// The direct and all dependencies of `patch`, which comes right after `earlier` (patch
/// `earlier.len()`), as darcs computes them (`Depend.deps_of`).
pub fn deps_of(patch: &Named, earlier: &[DepsEntry]) -> Result<Pruned<PatchDeps>, CoreError> {
    let mut e = Enc::new(OP_DEPS_OF);
    e.prims(&patch.prims);
    e.u32s(&patch.deps);
    e.len(earlier.len());
    for x in earlier {
        match x {
            DepsEntry::Full(n, all) => {
                e.u8(0);
                e.prims(&n.prims);
                e.u32s(&n.deps);
                e.u32s(all);
            }
            DepsEntry::Skip(paths) => {
                e.u8(1);
                enc_paths(&mut e, paths);
            }
        }
    }
    run_pruned(e, |d| Ok(PatchDeps { direct: d.u32s()?, all: d.u32s()? }))
}

fn enc_paths(e: &mut Enc, paths: &[Path]) {
    e.len(paths.len());
    for p in paths {
        e.path(p);
    }
}

fn enc_file_entries(e: &mut Enc, history: &[FileEntry]) {
    e.len(history.len());
    for x in history {
        match x {
            FileEntry::Full(n) => {
                e.u8(0);
                e.prims(&n.prims);
                e.u32s(&n.deps);
            }
            FileEntry::Skip(paths) => {
                e.u8(1);
                enc_paths(e, paths);
            }
        }
    }
}

/// What `path` holds after `history` ([`super::file_at`]), from the patches of its lineage.
pub fn file_at_pruned(history: &[FileEntry], path: &Path) -> Result<Pruned<Lookup>, CoreError> {
    let mut e = Enc::new(OP_FILE_AT_PRUNED);
    enc_file_entries(&mut e, history);
    e.path(path);
    run_pruned(e, |d| {
        Ok(match d.u8()? {
            0 => Lookup::Absent,
            1 => Lookup::File(d.bytes()?),
            _ => Lookup::Dir(d.strs()?),
        })
    })
}

/// [`super::annotate`] of `path` after `history`, from the patches of its lineage; the
/// origins are indices into `history`.
pub fn annotate_pruned(history: &[FileEntry], path: &Path) -> Result<Pruned<Annotation>, CoreError> {
    let mut e = Enc::new(OP_ANNOTATE_PRUNED);
    enc_file_entries(&mut e, history);
    e.path(path);
    run_pruned(e, |d| {
        let origins = d.u32s()?.into_iter().map(|o| (o != u32::MAX).then_some(o)).collect();
        let lines = d.strs()?;
        Ok(Annotation { origins, lines })
    })
}

/// [`super::dependencies`] computed by darcs' walk without pruning (every earlier patch
/// commuted): for differential tests and benchmarks.
pub fn dependencies_unpruned(patches: &[Named]) -> Result<Vec<Vec<u32>>, CoreError> {
    let mut e = Enc::new(OP_DEPENDENCIES_UNPRUNED);
    enc_named(&mut e, patches);
    run_offloaded(e, super::dec_deps)
}
