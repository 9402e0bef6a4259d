//! One loaded version of a repository's history: the index, the patches' effects
//! (parsed lazily), and caches of trees and annotations. Trees at old versions,
//! annotations and dependencies are computed by the verified core.
//!
//! With a persistent store ([`super::store`]) a file's page needs only the history's
//! summaries (one entry) and the effects of the patches its lineage sends in full (one
//! entry each), not every patch's effect; what a file holds at a version and its
//! annotation are kept there too, keyed by the history prefix they were computed from.
//!
//! Split along its jobs: [`patches`] loads and keeps the per-patch data, [`deps`] the
//! dependency graph, [`translate`] what a page shows of a darcs patch; this file holds
//! the history itself, its caches of trees, files and annotations, and the replays.

use std::path::Path as FsPath;
use std::sync::{Arc, OnceLock};

use super::lineage::{self};
use super::load::Loader;
use super::store::{self, Kind, Store};
use super::verify::HeadCheck;
use super::{
    cache, AnnotatedLine, Cache, CacheSizes, Entry, Index, PatchDetail, RepoError, Result, SharedTree, Version,
};
use super::{DepsWait, SHORT_GRAPH_PATCHES};
use crate::core::{self, Named, Node, Tree};
use crate::darcs::budget::{self, Grant};
use crate::darcs::prim::{display_path, Path, Prim};
use crate::darcs::pristine::{EntryKind, Pristine};

mod deps;
mod patches;
mod translate;

pub(crate) use deps::GRAPH_BUDGET_MS;
use deps::*;
use patches::*;
pub(crate) use translate::*;

pub(crate) struct History {
    pub index: Arc<Index>,
    loader: Arc<Loader>,
    /// Patch file name of each patch, by position.
    files: Vec<String>,
    /// Root hash of the recorded tree: head pages read it directly (`check` proves it
    /// equal to the replay).
    pristine: String,
    /// Every patch's effect and summary.
    patches: Arc<Patches>,
    trees: Cache<usize, (SharedTree, Arc<Grant<'static>>)>,
    annotations: Cache<(usize, Path), Arc<Vec<AnnotatedLine>>>,
    /// Files (or their absence) at old versions, read from their lineage.
    files_at: Cache<(usize, Path), (Option<Entry>, Arc<Grant<'static>>)>,
    details: Cache<usize, (Arc<PatchDetail>, Arc<Grant<'static>>)>,
    deps: Arc<Deps>,
    /// What each patch touches (the core's summaries), for a file's history.
    touched: OnceLock<Arc<lineage::Touched>>,
    /// Whether the recorded tree equals the replay ([`super::verify`]).
    head_check: std::sync::Mutex<HeadCheck>,
    /// The replayed head once verified, for the next history's check to start from.
    head_tree: std::sync::Mutex<Option<(usize, SharedTree, Arc<Grant<'static>>)>>,
}

/// What a list of prims keeps in memory (lines are separate allocations).
pub(crate) fn prims_weight(prims: &[Prim]) -> u64 {
    let path = |p: &Path| p.iter().map(|c| c.len() as u64 + 40).sum::<u64>() + 24;
    let lines = |ls: &[Vec<u8>]| ls.iter().map(|l| l.len() as u64 + 56).sum::<u64>();
    prims
        .iter()
        .map(|p| {
            64 + match p {
                Prim::Hunk { path: p, old, new, .. } => path(p) + lines(old) + lines(new),
                Prim::AddFile(p) | Prim::RmFile(p) | Prim::AddDir(p) | Prim::RmDir(p) => path(p),
                Prim::Move { from, to } => path(from) + path(to),
                Prim::Replace { path: p, tokchars, old, new } => {
                    path(p) + (tokchars.len() + old.len() + new.len()) as u64
                }
                Prim::Binary { path: p, old, new } => path(p) + (old.len() + new.len()) as u64,
                Prim::ChangePref { name, old, new } => (name.len() + old.len() + new.len()) as u64,
            }
        })
        .sum()
}

/// What a tree keeps in memory.
pub(crate) fn tree_weight(t: &Tree) -> u64 {
    t.iter()
        .map(|(p, n)| {
            let content = match n {
                Node::File(c) => c.len() as u64,
                Node::Dir => 0,
            };
            96 + p.iter().map(|c| c.len() as u64 + 40).sum::<u64>() + content
        })
        .sum()
}

/// What a call of the core on `base` and `patches` takes while it runs: the request,
/// the core's own copy of both, and the answer.
pub(crate) fn core_cost(base: &Tree, patches: &[Named]) -> u64 {
    let prims: u64 = patches.iter().map(|n| prims_weight(&n.prims)).sum();
    tree_weight(base).saturating_mul(3).saturating_add(prims.saturating_mul(2))
}

/// Take `bytes` of the memory budget for work on the repository (`what` names it).
pub(crate) fn charge(bytes: u64, what: &str) -> Result<Grant<'static>> {
    budget::charge(bytes).map_err(|b| {
        if b.never_fits() {
            RepoError::TooLarge(format!("{what}: {b}: more than the server's whole memory budget"))
        } else {
            RepoError::Busy(format!("{what}: {b}"))
        }
    })
}

impl History {
    /// Read the inventories of the repository at `dir` (patch files are read lazily).
    pub fn load(dir: &FsPath, sizes: CacheSizes, store: Option<Arc<Store>>) -> Result<History> {
        let loader = Arc::new(Loader::open(dir)?);
        let (inv, pristine) = loader.inventory()?;
        let mut metas = Vec::with_capacity(inv.len());
        let mut files = Vec::with_capacity(inv.len());
        for (i, (info, file)) in inv.into_iter().enumerate() {
            metas.push(meta(i, &info));
            files.push(file);
        }
        let patches = Arc::new(Patches {
            loader: loader.clone(),
            files: files.clone(),
            store,
            effects: Effects::default(),
            slot: GrantSlot::default(),
            sums: OnceLock::new(),
            sums_loading: std::sync::Mutex::new(()),
            prefixes: OnceLock::new(),
            one: cache(ONE_PATCH_CACHE),
        });
        let mut index = Index::new(metas);
        // The file → patches map needs what every patch touches: built on the first query
        // by path (from the store's summaries when there is a store, else the effects).
        {
            let patches = patches.clone();
            index.touched_source = Some(Arc::new(move || {
                if patches.store.is_some() {
                    let s = patches.summaries();
                    s.as_ref().ok().map(|s| s.iter().map(|x| x.touches.clone()).collect())
                } else {
                    let e = patches.effects();
                    e.as_ref().ok().map(|e| e.iter().map(|n| touches(&n.prims)).collect())
                }
            }));
        }
        Ok(History {
            index: Arc::new(index),
            loader,
            files,
            pristine,
            patches,
            trees: cache(sizes.trees),
            annotations: cache(sizes.annotations),
            files_at: cache(sizes.annotations),
            details: cache(256),
            deps: Arc::new(Deps::default()),
            touched: OnceLock::new(),
            head_check: std::sync::Mutex::new(HeadCheck::Pending),
            head_tree: std::sync::Mutex::new(None),
        })
    }

    fn check_index(&self, i: usize) -> Result<()> {
        if i < self.index.patches.len() {
            Ok(())
        } else {
            Err(RepoError::NotFound(format!("no patch number {i}")))
        }
    }

    fn check_version(&self, v: Version) -> Result<()> {
        if v.applied <= self.index.patches.len() {
            Ok(())
        } else {
            Err(RepoError::NotFound(format!("no version {}", v.applied)))
        }
    }

    /// The effects of every patch, parsed once.
    pub fn effects(&self) -> Result<Arc<Vec<Named>>> {
        self.patches.effects()
    }

    /// The tree after the first `v.applied` patches, replayed by the core from the nearest
    /// cached earlier tree.
    pub fn tree(&self, v: Version) -> Result<SharedTree> {
        self.check_version(v)?;
        let k = v.applied;
        let base = {
            let mut c = self.trees.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((t, _)) = c.get(&k) {
                return Ok(t.clone());
            }
            c.iter().filter(|(j, _)| **j <= k).max_by_key(|(j, _)| **j).map(|(j, (t, _))| (*j, t.clone()))
        };
        let (j, base) = base.unwrap_or((0, Arc::new(Tree::new())));
        let effects = self.effects()?;
        let running = charge(core_cost(&base, &effects[j..k]), "replaying the history")?;
        let t = replay(&base, &effects[j..k], j).map_err(|e| self.damaged(e))?;
        drop(running);
        let t = Arc::new(t);
        // kept only while the budget allows it
        if let Ok(g) = budget::charge(tree_weight(&t)) {
            self.trees.lock().unwrap_or_else(|e| e.into_inner()).put(k, (t.clone(), Arc::new(g)));
        }
        Ok(t)
    }

    /// A patch that does not apply means damaged data: say which patch, not "internal error".
    fn damaged(&self, e: RepoError) -> RepoError {
        match e {
            RepoError::Core(core::CoreError::DoesNotApply { patch, message, .. }) => {
                let p = patch as usize;
                match self.index.patches.get(p) {
                    Some(m) => RepoError::Corrupt(format!(
                        "patch {} ({} {:?}) does not apply: {message}",
                        p + 1,
                        m.hash,
                        crate::darcs::error::clip(&m.name, 80)
                    )),
                    None => RepoError::Corrupt(format!("a patch does not apply: {message}")),
                }
            }
            e => e,
        }
    }

    /// What `path` holds at `v`: at head from the pristine; at an old version from a
    /// cached tree, or else from the patches of the path's lineage (a directory's
    /// listing needs the tree, which is replayed then).
    pub fn entry(&self, v: Version, path: &Path) -> Result<Option<Entry>> {
        if v.applied == self.index.patches.len() {
            return self.head_entry(path);
        }
        self.check_version(v)?;
        let cached = self.trees.lock().unwrap_or_else(|e| e.into_inner()).get(&v.applied).map(|(t, _)| t.clone());
        if let Some(t) = cached {
            return Ok(entry_in(&t, path));
        }
        if !path.is_empty() {
            let key = (v.applied, path.clone());
            if let Some((e, _)) = self.files_at.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
                return Ok(e.clone());
            }
            let n = v.applied;
            let lookup = match self.patches.stored(Kind::FileAt, n, path, store::decode_lookup) {
                Some(l) => l,
                None => {
                    let touched = self.touched()?;
                    let _running = charge(2 * lineage::weight(n, &touched, path), "reading a file's history")?;
                    let source = |j| self.patches.named(j);
                    let l = lineage::file_at(n, &source, &touched, path).map_err(|e| self.damaged(e))?;
                    if !matches!(l, core::Lookup::Dir(_)) {
                        self.patches.keep_result(Kind::FileAt, n, path, store::encode_lookup(&l));
                    }
                    l
                }
            };
            let found = match lookup {
                core::Lookup::File(c) => Some(Some(Entry::File(Arc::new(c)))),
                core::Lookup::Absent => Some(None),
                core::Lookup::Dir(_) => None,
            };
            if let Some(e) = found {
                let size = match &e {
                    Some(Entry::File(c)) => c.len() as u64,
                    _ => 0,
                };
                // kept only while the budget allows it
                if let Ok(g) = budget::charge(size + 128) {
                    self.files_at.lock().unwrap_or_else(|e| e.into_inner()).put(key, (e.clone(), Arc::new(g)));
                }
                return Ok(e);
            }
        }
        let t = self.tree(v)?;
        Ok(entry_in(&t, path))
    }

    /// Where the check of the recorded tree against the replay stands.
    pub fn head_check(&self) -> HeadCheck {
        self.head_check.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub(crate) fn set_head_check(&self, c: HeadCheck) {
        *self.head_check.lock().unwrap_or_else(|e| e.into_inner()) = c;
    }

    /// Replay the history by the core (from `prev`'s verified head when this history
    /// extends it) and compare the result with the recorded tree ([`super::verify`]).
    pub(crate) fn check_head(&self, prev: Option<&History>) -> HeadCheck {
        let n = self.index.patches.len();
        let (m, base) = prev
            .and_then(|p| {
                let g = p.head_tree.lock().unwrap_or_else(|e| e.into_inner());
                let (m, t, _) = g.as_ref()?;
                let same = *m <= n
                    && p.index.patches[..*m].iter().zip(&self.index.patches[..*m]).all(|(a, b)| a.hash == b.hash);
                same.then(|| (*m, t.clone()))
            })
            .unwrap_or_else(|| (0, Arc::new(Tree::new())));
        // a verdict of the same patches and recorded tree, by the same core, is not redone
        let store = self.patches.store.as_ref();
        let verified = store::key(&[
            b"verified",
            &store::history_key(&self.patches.format(), &self.files),
            self.pristine.as_bytes(),
        ]);
        if m == 0 && store.and_then(|s| s.read(Kind::Verified, &verified)).as_deref() == Some(&(n as u64).to_le_bytes())
        {
            return HeadCheck::Verified { patches: n };
        }
        let run = || -> Result<HeadCheck> {
            let effects = self.effects()?;
            let running = charge(core_cost(&base, &effects[m..n]), "checking the head")?;
            let tree = replay(&base, &effects[m..n], m).map_err(|e| self.damaged(e))?;
            drop(running);
            let differs = super::check::compare_head(&self.loader, &self.pristine, &tree)?;
            let tree = Arc::new(tree);
            if differs.is_none() {
                if let Some(s) = store {
                    s.write(Kind::Verified, &verified, &(n as u64).to_le_bytes());
                }
                // kept only while the budget allows it
                if let Ok(g) = budget::charge(tree_weight(&tree)) {
                    *self.head_tree.lock().unwrap_or_else(|e| e.into_inner()) = Some((n, tree, Arc::new(g)));
                }
            }
            Ok(match differs {
                None => HeadCheck::Verified { patches: n },
                Some((path, what)) => HeadCheck::Differs { path, what },
            })
        };
        run().unwrap_or_else(|e| HeadCheck::NotChecked(e.to_string()))
    }

    /// The core's summary of what each patch touches, computed once per history (or
    /// read from the store).
    fn touched(&self) -> Result<Arc<lineage::Touched>> {
        if let Some(t) = self.touched.get() {
            return Ok(t.clone());
        }
        let s = self.patches.summaries()?;
        Ok(self.touched.get_or_init(|| Arc::new(lineage::Touched::new(s))).clone())
    }

    /// What `path` holds at head, read from the pristine tree without any replay.
    fn head_entry(&self, path: &Path) -> Result<Option<Entry>> {
        let pristine = Pristine::new(&self.loader.store);
        Ok(match pristine.lookup(&self.pristine, path)? {
            None => None,
            Some((EntryKind::File, h)) => Some(Entry::File(Arc::new(pristine.read_file(&h)?))),
            Some((EntryKind::Directory, h)) => {
                let mut children: Vec<(Vec<u8>, bool)> =
                    pristine.read_dir(&h)?.into_iter().map(|e| (e.name, e.kind == EntryKind::Directory)).collect();
                children.sort();
                Some(Entry::Dir(children))
            }
        })
    }

    pub fn walk(&self, v: Version) -> Result<Vec<(Path, Entry)>> {
        let t = self.tree(v)?;
        Ok(t.iter()
            .filter_map(|(p, n)| {
                let e = match n {
                    Node::File(c) => Entry::File(Arc::new(c.clone())),
                    Node::Dir => entry_in(&t, p)?,
                };
                Some((p.clone(), e))
            })
            .collect())
    }

    pub fn annotate(&self, v: Version, path: &Path) -> Result<Vec<AnnotatedLine>> {
        self.check_version(v)?;
        let key = (v.applied, path.clone());
        if let Some(a) = self.annotations.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Ok((**a).clone());
        }
        let n = v.applied;
        let a = match self.patches.stored(Kind::Annotation, n, path, store::decode_annotation) {
            Some(a) => a,
            None => {
                let touched = self.touched()?;
                let _running = charge(2 * lineage::weight(n, &touched, path), "annotating")?;
                let source = |j| self.patches.named(j);
                match lineage::file_at(n, &source, &touched, path).map_err(|e| self.damaged(e))? {
                    core::Lookup::File(_) => {}
                    core::Lookup::Dir(_) => {
                        return Err(RepoError::BadRequest(format!("{} is a directory", display_path(path))))
                    }
                    core::Lookup::Absent => return Err(RepoError::NotFound(format!("no file {}", display_path(path)))),
                }
                let a = lineage::annotate(n, &source, &touched, path).map_err(|e| self.damaged(e))?;
                self.patches.keep_result(Kind::Annotation, n, path, store::encode_annotation(&a));
                a
            }
        };
        let lines: Vec<AnnotatedLine> = a
            .lines
            .into_iter()
            .zip(a.origins.into_iter().chain(std::iter::repeat(None)))
            .map(|(line, o)| AnnotatedLine { line, patch: o.map(|o| o as usize) })
            .collect();
        self.annotations.lock().unwrap_or_else(|e| e.into_inner()).put(key, Arc::new(lines.clone()));
        Ok(lines)
    }

    /// (direct dependencies, direct dependents) of patch `i`, waiting for the graph as
    /// `wait` says; `Ok(None)` when it is still being computed.
    pub fn dependencies_within(&self, i: usize, wait: DepsWait) -> Result<Option<(Vec<usize>, Vec<usize>)>> {
        self.check_index(i)?;
        let deadline = match wait {
            DepsWait::Forever => None,
            DepsWait::Upto(w) | DepsWait::IfStarting(w) => Some(std::time::Instant::now() + w),
        };
        let mut st = self.deps.state.lock().unwrap_or_else(|e| e.into_inner());
        let mut waited = false;
        let mut started = false;
        loop {
            // a transient failure (a core worker died) is told to the requests that waited
            // for that computation; a later request starts it again
            if !waited && matches!(&*st, DepsState::Failed(e) if e.is_transient()) {
                *st = DepsState::Idle;
            }
            match &*st {
                DepsState::Done(g) => {
                    return Ok(Some((g.0.get(i).cloned().unwrap_or_default(), g.1.get(i).cloned().unwrap_or_default())))
                }
                DepsState::Failed(e) => return Err(e.clone()),
                DepsState::Idle => {
                    *st = DepsState::Running;
                    started = true;
                    let (deps, patches) = (self.deps.clone(), self.patches.clone());
                    std::thread::spawn(move || {
                        let (loader, files, slot) = (&patches.loader, &patches.files, &patches.slot);
                        // a graph of the same patches by the same core is read back, not redone
                        let graph_key = store::key(&[b"deps", &patches.prefix_key(files.len())]);
                        let stored = patches.store.as_ref().and_then(|s| {
                            s.read(Kind::Deps, &graph_key).and_then(|b| store::decode_graph(&b, files.len()))
                        });
                        let loaded = || load_for_deps(loader, files, patches.effects.done.get().is_none(), slot);
                        let result = match stored.map_or_else(|| loaded().map(Err), |g| Ok(Ok(g))) {
                            Ok(Ok(g)) => Ok(reverse_deps(g)),
                            Ok(Err((loaded, conflicted))) => {
                                if let Some(e) = loaded {
                                    patches.effects.keep(e.map(Arc::new));
                                }
                                match conflicted {
                                    Some(Conflicted::V1) => Err(RepoError::Unsupported(DARCS1_MERGER_DEPS.into())),
                                    Some(Conflicted::V2(v2)) => {
                                        core::dependencies2(&v2).map_err(core_unsupported).map(reverse_deps)
                                    }
                                    Some(Conflicted::V3(v3)) => {
                                        core::dependencies3(&v3).map_err(core_unsupported).map(reverse_deps)
                                    }
                                    None => staged_graph(&patches, patches.store.as_deref(), &deps.progress),
                                }
                                .inspect(|g| {
                                    if let (Some(s), Some(b)) = (&patches.store, store::encode_graph(&g.0)) {
                                        s.write(Kind::Deps, &graph_key, &b);
                                    }
                                })
                            }
                            Err(e) => Err(e),
                        };
                        let mut st = deps.state.lock().unwrap_or_else(|e| e.into_inner());
                        *st = match result {
                            Ok(g) => DepsState::Done(Arc::new(g)),
                            Err(e) => DepsState::Failed(e),
                        };
                        deps.ready.notify_all();
                    });
                }
                DepsState::Running => {}
            }
            // a page waits only for a graph it started, of a short history
            if matches!(wait, DepsWait::IfStarting(_)) && (!started || self.patches.files.len() > SHORT_GRAPH_PATCHES) {
                return Ok(None);
            }
            waited = true;
            st = match deadline {
                None => self.deps.ready.wait(st).unwrap_or_else(|e| e.into_inner()),
                Some(d) => {
                    let left = d.saturating_duration_since(std::time::Instant::now());
                    if left.is_zero() {
                        return Ok(None);
                    }
                    self.deps.ready.wait_timeout(st, left).unwrap_or_else(|e| e.into_inner()).0
                }
            };
        }
    }

    /// How many patches' dependencies are known while the graph is being computed.
    pub fn deps_progress(&self) -> usize {
        self.deps.progress.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub fn dependencies(&self, i: usize) -> Result<(Vec<usize>, Vec<usize>)> {
        Ok(self.dependencies_within(i, DepsWait::Forever)?.unwrap_or_default())
    }

    pub fn detail(&self, i: usize) -> Result<Arc<PatchDetail>> {
        self.check_index(i)?;
        if let Some((d, _)) = self.details.lock().unwrap_or_else(|e| e.into_inner()).get(&i) {
            return Ok(d.clone());
        }
        let file = &self.files[i];
        let (raw, named, mut grant) = self.loader.named_charged(file)?;
        let (prims, unsupported) = match self.loader.effect(&named) {
            Ok(p) => (p, None),
            Err(RepoError::Unsupported(why)) => (Vec::new(), Some(why)),
            Err(e) => return Err(e),
        };
        let explicit_deps = named.explicit_deps.iter().filter_map(|info| self.index.by_hash(&info.id())).collect();
        let d = Arc::new(PatchDetail {
            meta: self.index.patches[i].clone(),
            touched: if unsupported.is_some() { Vec::new() } else { summarize(&named) },
            prims,
            explicit_deps,
            raw: Arc::new(raw),
            unsupported,
        });
        // what the page keeps: the raw text and the prims, twice (prims and summary)
        grant.shrink_to(d.raw.len() as u64 + 2 * prims_weight(&d.prims));
        self.details.lock().unwrap_or_else(|e| e.into_inner()).put(i, (d.clone(), Arc::new(grant)));
        Ok(d)
    }
}

/// Apply `patches` (the ones from position `first`) to `base` in one core call, naming
/// the patch that fails.
pub(crate) fn replay(base: &Tree, patches: &[Named], first: usize) -> Result<Tree> {
    let mut flat = Vec::new();
    let mut owner = Vec::new();
    for (i, n) in patches.iter().enumerate() {
        for (j, p) in n.prims.iter().enumerate() {
            flat.push(p.clone());
            owner.push((first + i, j));
        }
    }
    core::apply(base, &flat).map_err(|e| match e {
        // op 1 reports the failing prim's position in `flat` as `patch`
        core::CoreError::DoesNotApply { patch: at, message, .. } => {
            let (patch, prim) = owner.get(at as usize).copied().unwrap_or((first, at as usize));
            RepoError::Core(core::CoreError::DoesNotApply { patch: patch as u32, prim: prim as u32, message })
        }
        e => RepoError::Core(e),
    })
}

/// What a tree holds at `path`: a file, or a directory with its immediate entries.
pub(crate) fn entry_in(t: &Tree, path: &Path) -> Option<Entry> {
    if !path.is_empty() {
        match t.get(path)? {
            Node::File(c) => return Some(Entry::File(Arc::new(c.clone()))),
            Node::Dir => {}
        }
    }
    let mut children: Vec<(Vec<u8>, bool)> = t
        .range(path.clone()..)
        .skip_while(|(p, _)| *p == path)
        .take_while(|(p, _)| p.starts_with(path))
        .filter(|(p, _)| p.len() == path.len() + 1)
        .map(|(p, n)| (p[path.len()].clone(), matches!(n, Node::Dir)))
        .collect();
    children.sort();
    Some(Entry::Dir(children))
}
