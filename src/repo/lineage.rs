//! A file's history from its lineage: which patches the core gets in full to answer what
//! a path holds at a version, or its annotation (ops 12, 14, 15, 17 of `WIRE.md`).
//!
//! The core proves the pruned answer equal to the full replay's for any choice of
//! entries (`Spec.op14_file_at_pruned`, `Spec.op15_annotate_pruned`), and answers "need
//! patch j" when a summary it was given could matter (a move brings a new name into the
//! lineage). This module only chooses well: the patches whose summary meets the path go
//! in full (a big one in part: its prims on the path, the others as runs of paths), the
//! rest as their summary, so a file's page costs the patches that touch it, not the
//! history.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::store::Summary;
use super::{RepoError, Result};
use crate::core::pruned::{self, FileEntry, Pruned};
use crate::core::{Annotation, CoreError, Lookup, Named};
use crate::darcs::prim::Path;

/// A patch with at least this many prims is sent in part (its prims that meet the path,
/// the others as runs of the paths they touch), not whole.
const PART_MIN_PRIMS: usize = 16;

/// What the core says each patch touches: one summary per patch (op 12, kept with the
/// patch's size in a [`Summary`]), and the paths of each prim of the big patches, asked
/// for when first needed (op 17).
pub(crate) struct Touched {
    sums: Arc<Vec<Summary>>,
    prim_paths: Mutex<HashMap<usize, Arc<Vec<Vec<Path>>>>>,
}

/// One path is a component-wise prefix of the other (the core's `related`).
fn related(a: &Path, b: &Path) -> bool {
    let n = a.len().min(b.len());
    a[..n] == b[..n]
}

/// Some path of `xs` is [`related`] to some path of `ys` (the core's `meets`).
pub(crate) fn meets(xs: &[Path], ys: &[Path]) -> bool {
    xs.iter().any(|x| ys.iter().any(|y| related(x, y)))
}

/// A patch's effect, shared: one of a loaded history's, or one loaded alone.
pub(crate) enum NamedRef {
    /// Patch `.1` of a whole history's effects.
    All(Arc<Vec<Named>>, usize),
    /// One patch's effect.
    One(Arc<Named>),
}

impl std::ops::Deref for NamedRef {
    type Target = Named;
    fn deref(&self) -> &Named {
        match self {
            NamedRef::All(v, j) => &v[*j],
            NamedRef::One(n) => n,
        }
    }
}

/// Where the effect of patch `j` comes from (loaded when the core needs it in full).
pub(crate) type Source<'a> = &'a dyn Fn(usize) -> Result<NamedRef>;

impl Touched {
    /// The summaries `sums` (from the persistent store, or [`Touched::compute`]d).
    pub fn new(sums: Arc<Vec<Summary>>) -> Touched {
        Touched { sums, prim_paths: Mutex::new(HashMap::new()) }
    }

    /// The summaries of every patch of `effects`, computed by the core.
    pub fn compute(effects: &[Named]) -> std::result::Result<Vec<Vec<Path>>, CoreError> {
        pruned::touched(effects)
    }

    /// The summary of patch `j`.
    pub fn summary(&self, j: usize) -> &[Path] {
        self.sums.get(j).map(|s| &s.sum[..]).unwrap_or(&[])
    }

    fn prim_paths(&self, named: &Named, j: usize) -> std::result::Result<Arc<Vec<Vec<Path>>>, CoreError> {
        if let Some(p) = self.prim_paths.lock().unwrap_or_else(|e| e.into_inner()).get(&j) {
            return Ok(p.clone());
        }
        let mut all = pruned::touched_prims(std::slice::from_ref(named))?;
        let p = Arc::new(all.pop().unwrap_or_default());
        self.prim_paths.lock().unwrap_or_else(|e| e.into_inner()).insert(j, p.clone());
        Ok(p)
    }
}

/// What the patches (of the first `n`) whose summary meets `path` keep in memory: about
/// what a request for its history sends and the core holds (the others go as summaries).
pub(crate) fn weight(n: usize, touched: &Touched, path: &Path) -> u64 {
    let target = std::slice::from_ref(path);
    (0..n.min(touched.sums.len())).filter(|&j| meets(touched.summary(j), target)).map(|j| touched.sums[j].weight).sum()
}

/// How each patch is sent.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Send {
    Summary,
    Part,
    Full,
}

/// Run `op` on the first `n` patches, each sent as chosen above (its effect taken from
/// `source` when sent in full or in part), sending in full each patch the core asks for
/// until it answers.
fn run<T>(
    n: usize,
    source: Source,
    touched: &Touched,
    path: &Path,
    op: impl Fn(&[FileEntry]) -> std::result::Result<Pruned<T>, CoreError>,
) -> Result<T> {
    let target = std::slice::from_ref(path);
    if n > touched.sums.len() {
        return Err(RepoError::Core(CoreError::Internal("fewer summaries than patches".into())));
    }
    let mut how: Vec<Send> = (0..n)
        .map(|j| {
            if !meets(touched.summary(j), target) {
                Send::Summary
            } else if touched.sums[j].prims as usize >= PART_MIN_PRIMS {
                Send::Part
            } else {
                Send::Full
            }
        })
        .collect();
    let mut loaded: HashMap<usize, NamedRef> = HashMap::new();
    let mut parts: HashMap<usize, Arc<Vec<Vec<Path>>>> = HashMap::new();
    for (j, h) in how.iter().enumerate() {
        if *h != Send::Summary {
            let named = source(j)?;
            if *h == Send::Part {
                parts.insert(j, touched.prim_paths(&named, j)?);
            }
            loaded.insert(j, named);
        }
    }
    // each round sends one more patch in full: at most one round per patch
    for _ in 0..=n {
        let entries: Vec<FileEntry> = how
            .iter()
            .enumerate()
            .map(|(j, h)| match h {
                Send::Summary => FileEntry::Skip(touched.summary(j)),
                Send::Full => FileEntry::Full(&loaded[&j]),
                Send::Part => {
                    let pp = &parts[&j];
                    pruned::part(&loaded[&j].prims, pp, |i| pp.get(i).is_none_or(|ps| meets(ps, target)))
                }
            })
            .collect();
        let answer = op(&entries)?;
        drop(entries);
        match answer {
            Pruned::Done(v) => return Ok(v),
            Pruned::Need(j) => match how.get_mut(j as usize) {
                Some(h) if *h != Send::Full => {
                    *h = Send::Full;
                    if let std::collections::hash_map::Entry::Vacant(v) = loaded.entry(j as usize) {
                        v.insert(source(j as usize)?);
                    }
                }
                _ => {
                    return Err(RepoError::Core(CoreError::Internal(format!(
                        "the core asked again for patch {j}, sent in full"
                    ))))
                }
            },
        }
    }
    Err(RepoError::Core(CoreError::Internal("the pruned computation did not settle".into())))
}

/// What `path` holds after the first `n` patches (op 14), from the patches of its lineage.
pub(crate) fn file_at(n: usize, source: Source, touched: &Touched, path: &Path) -> Result<Lookup> {
    run(n, source, touched, path, |es| pruned::file_at_pruned(es, path))
}

/// The annotation of the file `path` after the first `n` patches (op 15), from its
/// lineage; origins are positions in the history.
pub(crate) fn annotate(n: usize, source: Source, touched: &Touched, path: &Path) -> Result<Annotation> {
    run(n, source, touched, path, |es| pruned::annotate_pruned(es, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Path {
        s.split('/').filter(|c| !c.is_empty()).map(|c| c.as_bytes().to_vec()).collect()
    }

    #[test]
    fn related_is_the_prefix_order_either_way() {
        assert!(related(&p("a/b"), &p("a/b/c")));
        assert!(related(&p("a/b/c"), &p("a/b")));
        assert!(related(&p(""), &p("x")));
        assert!(!related(&p("a/b"), &p("a/c")));
        assert!(!related(&p("ab"), &p("a")));
        assert!(meets(&[p("x"), p("a")], &[p("a/b")]));
        assert!(!meets(&[p("x")], &[p("a/b")]));
    }
}
