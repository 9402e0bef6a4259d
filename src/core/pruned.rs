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

use super::wire::{Dec, Enc, Malformed, TooLarge};
use super::{enc_named, run, run_long, run_replay, Annotation, CoreError, Lookup, Named};
use crate::darcs::prim::{Path, Prim};

const OP_TOUCHED: u32 = 12;
const OP_DEPS_OF: u32 = 13;
const OP_FILE_AT_PRUNED: u32 = 14;
const OP_ANNOTATE_PRUNED: u32 = 15;
const OP_DEPENDENCIES_UNPRUNED: u32 = 16;
const OP_TOUCHED_PRIMS: u32 = 17;
const OP_DEPS_RANGE: u32 = 18;

/// An answer, or the index of a patch the core needs in full before it can answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pruned<T> {
    /// The answer.
    Done(T),
    /// Send this patch (an index into the history) in full and ask again.
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
#[derive(Debug, Clone)]
pub enum FileEntry<'a> {
    /// The patch.
    Full(&'a Named),
    /// The summary of its touched paths ([`touched`]).
    Skip(&'a [Path]),
    /// Its prims that may matter, the others in runs given by the paths they touch
    /// (built by [`part`]).
    Part(Vec<Segment<'a>>),
}

/// A part of a patch in a [`FileEntry::Part`].
#[derive(Debug, Clone)]
pub enum Segment<'a> {
    /// One prim of the patch, in order.
    Prim(&'a Prim),
    /// `n` consecutive prims, and (at least) every path they touch.
    Run(u32, Vec<Path>),
}

/// A partial entry: the prims for which `keep` holds, the others in runs whose paths
/// are those [`touched_prims`] gave for them (`prim_paths[i]` for prim `i`).
pub fn part<'a>(prims: &'a [Prim], prim_paths: &[Vec<Path>], keep: impl Fn(usize) -> bool) -> FileEntry<'a> {
    let mut segs = Vec::new();
    let mut run: Option<(u32, Vec<Path>)> = None;
    for (i, p) in prims.iter().enumerate() {
        if keep(i) {
            if let Some((n, paths)) = run.take() {
                segs.push(Segment::Run(n, paths));
            }
            segs.push(Segment::Prim(p));
        } else {
            let (n, paths) = run.get_or_insert_with(|| (0, Vec::new()));
            *n += 1;
            for x in prim_paths.get(i).map(|v| &v[..]).unwrap_or(&[]) {
                if !paths.contains(x) {
                    paths.push(x.clone());
                }
            }
            if prim_paths.get(i).is_none() {
                // no paths known for this prim: the root, related to everything
                paths.push(Vec::new());
            }
        }
    }
    if let Some((n, paths)) = run.take() {
        segs.push(Segment::Run(n, paths));
    }
    FileEntry::Part(segs)
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
    enc_named(&mut e, patches)?;
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

/// For each patch, the paths each of its prims touches (the core's `touched_prim`): what
/// [`part`] needs to summarise the prims it leaves out.
pub fn touched_prims(patches: &[Named]) -> Result<Vec<Vec<Vec<Path>>>, CoreError> {
    let mut e = Enc::new(OP_TOUCHED_PRIMS);
    enc_named(&mut e, patches)?;
    run(e, |d| {
        let n = d.u32()?;
        (0..n)
            .map(|_| {
                let k = d.u32()?;
                (0..k)
                    .map(|_| {
                        let m = d.u32()?;
                        (0..m).map(|_| d.path()).collect()
                    })
                    .collect()
            })
            .collect()
    })
}

/// Run a pruned op: status 4 ("need patch j") becomes [`Pruned::Need`].
fn run_pruned<T>(req: Enc, f: impl FnOnce(&mut Dec) -> Result<T, Malformed>) -> Result<Pruned<T>, CoreError> {
    match run_replay(req, f) {
        Ok(v) => Ok(Pruned::Done(v)),
        Err(CoreError::NeedsPatch(j)) => Ok(Pruned::Need(j)),
        Err(e) => Err(e),
    }
}

/// The direct and all dependencies of `patch`, which comes right after `earlier` (patch
/// `earlier.len()`), as darcs computes them (`Depend.deps_of`).
pub fn deps_of(patch: &Named, earlier: &[DepsEntry]) -> Result<Pruned<PatchDeps>, CoreError> {
    let mut e = Enc::new(OP_DEPS_OF);
    e.prims(&patch.prims)?;
    e.u32s(&patch.deps)?;
    e.len(earlier.len())?;
    for x in earlier {
        match x {
            DepsEntry::Full(n, all) => {
                e.u8(0);
                e.prims(&n.prims)?;
                e.u32s(&n.deps)?;
                e.u32s(all)?;
            }
            DepsEntry::Skip(paths) => {
                e.u8(1);
                enc_paths(&mut e, paths)?;
            }
        }
    }
    run_pruned(e, |d| Ok(PatchDeps { direct: d.u32s()?, all: d.u32s()? }))
}

/// The direct and all dependencies of each patch of `stretch`, which comes right after
/// `earlier` (each earlier patch with all its dependencies, as this or [`deps_of`]
/// answered them): a stretch of darcs' graph (`PruneLaws.deps_range_exact`), so that the
/// whole graph can be computed in calls that each fit the core's budget.
pub fn deps_range(earlier: &[(&Named, &[u32])], stretch: &[Named]) -> Result<Vec<PatchDeps>, CoreError> {
    let mut e = Enc::new(OP_DEPS_RANGE);
    e.len(earlier.len())?;
    for (n, all) in earlier {
        e.prims(&n.prims)?;
        e.u32s(&n.deps)?;
        e.u32s(all)?;
    }
    enc_named(&mut e, stretch)?;
    run_long(e, |d| {
        let n = d.u32()?;
        (0..n).map(|_| Ok(PatchDeps { direct: d.u32s()?, all: d.u32s()? })).collect()
    })
}

fn enc_paths(e: &mut Enc, paths: &[Path]) -> Result<(), TooLarge> {
    e.len(paths.len())?;
    for p in paths {
        e.path(p)?;
    }
    Ok(())
}

fn enc_file_entries(e: &mut Enc, history: &[FileEntry]) -> Result<(), TooLarge> {
    e.len(history.len())?;
    for x in history {
        match x {
            FileEntry::Full(n) => {
                e.u8(0);
                e.prims(&n.prims)?;
                e.u32s(&n.deps)?;
            }
            FileEntry::Skip(paths) => {
                e.u8(1);
                enc_paths(e, paths)?;
            }
            FileEntry::Part(segs) => {
                e.u8(2);
                e.len(segs.len())?;
                for s in segs {
                    match s {
                        Segment::Prim(p) => {
                            e.u8(0);
                            e.prim(p)?;
                        }
                        Segment::Run(n, paths) => {
                            e.u8(1);
                            e.u32(*n);
                            enc_paths(e, paths)?;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// What `path` holds after `history` ([`super::file_at`]), from the patches of its lineage.
pub fn file_at_pruned(history: &[FileEntry], path: &Path) -> Result<Pruned<Lookup>, CoreError> {
    let mut e = Enc::new(OP_FILE_AT_PRUNED);
    enc_file_entries(&mut e, history)?;
    e.path(path)?;
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
    enc_file_entries(&mut e, history)?;
    e.path(path)?;
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
    enc_named(&mut e, patches)?;
    run_long(e, super::dec_deps)
}
