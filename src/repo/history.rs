//! One loaded version of a repository's history: the index, the patches' effects
//! (parsed lazily), and caches of trees and annotations. Trees at old versions,
//! annotations and dependencies are computed by the verified core.
//!
//! With a persistent store ([`super::store`]) a file's page needs only the history's
//! summaries (one entry) and the effects of the patches its lineage sends in full (one
//! entry each), not every patch's effect; what a file holds at a version and its
//! annotation are kept there too, keyed by the history prefix they were computed from.

use std::collections::{HashMap, HashSet};
use std::path::Path as FsPath;
use std::sync::{Arc, OnceLock};

use super::lineage::{self, NamedRef};
use super::load::Loader;
use super::store::{self, Kind, PatchRecord, Store, Summary};
use super::verify::HeadCheck;
use super::DepsWait;
use super::{
    cache, AnnotatedLine, Cache, CacheSizes, Entry, Index, PatchDetail, PatchMeta, RepoError, Result, SharedTree,
    Touched, Version,
};
use crate::core::{self, Named, Node, Tree};
use crate::darcs::budget::{self, Grant};
use crate::darcs::prim::{display_path, Path, Prim};
use crate::darcs::pristine::{EntryKind, Pristine};

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

/// Every patch's effect, loaded once per history by whichever request needs it first.
#[derive(Default)]
struct Effects {
    done: OnceLock<Result<Arc<Vec<Named>>>>,
    loading: std::sync::Mutex<()>,
}

impl Effects {
    /// Keep `r` as the answer unless it is a transient failure.
    fn keep(&self, r: Result<Arc<Vec<Named>>>) {
        if !r.as_ref().is_err_and(RepoError::is_transient) {
            let _ = self.done.set(r);
        }
    }
}

/// Where per-patch grants are gathered into one that lives as long as what they pay for.
type GrantSlot = Arc<std::sync::Mutex<Option<Grant<'static>>>>;

fn keep(slot: &GrantSlot, g: Grant<'static>) {
    let mut s = slot.lock().unwrap_or_else(|e| e.into_inner());
    match s.as_mut() {
        Some(all) => all.absorb(g),
        None => *s = Some(g),
    }
}

/// Patches loaded alone (for a file's lineage) kept per history.
const ONE_PATCH_CACHE: usize = 8192;

/// Most patches parsed before their summaries are asked of the core in one call.
const SUMMARY_BATCH: usize = 512;

/// A patch parsed for its summary: position, id, explicit dependencies' ids, effect,
/// and the memory it holds.
type Parsed = (usize, String, Vec<String>, Vec<Prim>, Grant<'static>);

/// A history's per-patch data: every patch's effect, and its [`Summary`] (what a file's
/// page chooses by). With a persistent [`Store`], both come from its entries when it
/// holds them (checked, keyed by the patch files' hashes), and whatever is missing is
/// computed from the patch files and written there; the repository is only read.
pub(crate) struct Patches {
    loader: Arc<Loader>,
    files: Vec<String>,
    store: Option<Arc<Store>>,
    effects: Effects,
    /// The memory budget the effects hold while this history lives.
    slot: GrantSlot,
    sums: OnceLock<Result<Arc<Vec<Summary>>>>,
    sums_loading: std::sync::Mutex<()>,
    /// The history key of every prefix of the history ([`store::history_key`]).
    prefixes: OnceLock<Vec<store::Key>>,
    /// Effects of single patches, loaded for a file's lineage.
    one: Cache<usize, (Arc<Named>, Arc<Grant<'static>>)>,
}

/// The explicit dependencies `dep_ids` of the patch at `i` (id `id`) as positions of the
/// earlier patches, `ids` holding those seen so far (the patch is added to it).
fn positions(ids: &mut HashMap<String, u32>, i: usize, id: String, dep_ids: &[String]) -> Vec<u32> {
    let deps = dep_ids.iter().filter_map(|d| ids.get(d).copied()).collect();
    ids.insert(id, i as u32);
    deps
}

impl Patches {
    fn format(&self) -> String {
        format!("{:?}", self.loader.format.format)
    }

    /// The history key of the first `n` patches (computed for every prefix at once).
    fn prefix_key(&self, n: usize) -> store::Key {
        let all = self.prefixes.get_or_init(|| {
            let mut h = store::history_key(&self.format(), &[]);
            let mut v = Vec::with_capacity(self.files.len() + 1);
            v.push(h);
            for f in &self.files {
                h = store::chain(&h, f);
                v.push(h);
            }
            v
        });
        all[n.min(all.len() - 1)]
    }

    /// A stored result about `path` after the first `n` patches.
    fn stored<T>(&self, kind: Kind, n: usize, path: &Path, decode: impl Fn(&[u8]) -> Option<T>) -> Option<T> {
        let s = self.store.as_ref()?;
        let k = store::path_key(kind_tag(kind), &self.prefix_key(n), path);
        s.read(kind, &k).and_then(|b| decode(&b))
    }

    /// Store a result about `path` after the first `n` patches.
    fn keep_result(&self, kind: Kind, n: usize, path: &Path, payload: Option<Vec<u8>>) {
        if let (Some(s), Some(b)) = (self.store.as_ref(), payload) {
            s.write(kind, &store::path_key(kind_tag(kind), &self.prefix_key(n), path), &b);
        }
    }

    /// The effects, loaded now if need be (their memory charged to the history). A
    /// transient core failure (a cancelled request, a core worker that died) is returned
    /// but not kept: the next request loads again.
    fn effects(&self) -> Result<Arc<Vec<Named>>> {
        if let Some(r) = self.effects.done.get() {
            return r.clone();
        }
        let _one = self.effects.loading.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = self.effects.done.get() {
            return r.clone();
        }
        let r = self.load_effects().map(Arc::new);
        self.effects.keep(r.clone());
        r
    }

    /// Every patch's effect, in order, with its explicit dependencies as positions: from
    /// the store's entry when it holds a good one, else from the patch file.
    fn load_effects(&self) -> Result<Vec<Named>> {
        let format = self.format();
        let mut ids: HashMap<String, u32> = HashMap::with_capacity(self.files.len());
        let mut out = Vec::with_capacity(self.files.len());
        for (i, f) in self.files.iter().enumerate() {
            let stored = self.store.as_ref().and_then(|s| s.read(Kind::Patch, &store::patch_key(&format, f)));
            if let Some((rec, prims)) = stored.as_deref().and_then(store::decode_patch) {
                keep(&self.slot, charge(prims_weight(&prims), "loading the history")?);
                let deps = positions(&mut ids, i, rec.id, &rec.dep_ids);
                out.push(Named { prims, deps });
                continue;
            }
            let (_, named, mut grant) = self.loader.named_charged(f)?;
            let prims = self.loader.effect(&named)?;
            let dep_ids: Vec<String> = named.explicit_deps.iter().map(|d| d.id()).collect();
            let deps = positions(&mut ids, i, named.info.id(), &dep_ids);
            drop(named);
            grant.shrink_to(prims_weight(&prims));
            keep(&self.slot, grant);
            out.push(Named { prims, deps });
        }
        Ok(out)
    }

    /// Every patch's [`Summary`], computed once per history: with a store, from the
    /// history's entry, else from the patches' entries (each patch missing there read,
    /// summarised and written); without one, from the effects.
    pub(crate) fn summaries(&self) -> Result<Arc<Vec<Summary>>> {
        if let Some(r) = self.sums.get() {
            return r.clone();
        }
        let _one = self.sums_loading.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(r) = self.sums.get() {
            return r.clone();
        }
        let r = match &self.store {
            Some(s) => self.stored_summaries(s),
            None => self.effects().and_then(|e| summaries_of(&e)),
        }
        .map(Arc::new);
        if !r.as_ref().is_err_and(RepoError::is_transient) {
            let _ = self.sums.set(r.clone());
        }
        r
    }

    fn stored_summaries(&self, store: &Store) -> Result<Vec<Summary>> {
        let format = self.format();
        let hkey = store::history_key(&format, &self.files);
        if let Some(s) = store.read(Kind::History, &hkey).and_then(|b| store::decode_history(&b, &self.files)) {
            return Ok(s);
        }
        let started = std::time::Instant::now();
        let mut recs: Vec<Option<PatchRecord>> = Vec::with_capacity(self.files.len());
        // parsed patches waiting for their summaries, with the memory they hold
        let mut pending: Vec<Parsed> = Vec::new();
        let mut computed = 0usize;
        let flush = |pending: &mut Vec<Parsed>, recs: &mut Vec<Option<PatchRecord>>| -> Result<()> {
            // the prims lent to the request, not copied (a whole history's worth at first)
            let batch: Vec<Named> =
                pending.iter_mut().map(|p| Named { prims: std::mem::take(&mut p.3), deps: Vec::new() }).collect();
            let sums = lineage::Touched::compute(&batch)?;
            for (p, n) in pending.iter_mut().zip(batch) {
                p.3 = n.prims;
            }
            for ((j, id, dep_ids, prims, _grant), sum) in pending.drain(..).zip(sums) {
                let summary = Summary {
                    prims: prims.len() as u32,
                    weight: prims_weight(&prims),
                    sum,
                    deps: Vec::new(),
                    touches: touches(&prims),
                };
                let rec = PatchRecord { summary, id, dep_ids };
                if let Some(b) = store::encode_patch(&rec, &prims) {
                    store.write(Kind::Patch, &store::patch_key(&format, &self.files[j]), &b);
                }
                recs[j] = Some(rec);
            }
            Ok(())
        };
        for (j, f) in self.files.iter().enumerate() {
            let stored = store.read(Kind::Patch, &store::patch_key(&format, f));
            if let Some(rec) = stored.as_deref().and_then(store::decode_patch_head) {
                recs.push(Some(rec));
                continue;
            }
            recs.push(None);
            computed += 1;
            let (_, named, mut grant) = self.loader.named_charged(f)?;
            let prims = self.loader.effect(&named)?;
            let dep_ids: Vec<String> = named.explicit_deps.iter().map(|d| d.id()).collect();
            let id = named.info.id();
            drop(named);
            // the prims, and their copy sent to the core
            grant.shrink_to(2 * prims_weight(&prims));
            pending.push((j, id, dep_ids, prims, grant));
            if pending.len() >= SUMMARY_BATCH {
                flush(&mut pending, &mut recs)?;
            }
        }
        if !pending.is_empty() {
            flush(&mut pending, &mut recs)?;
        }
        let mut ids: HashMap<String, u32> = HashMap::with_capacity(self.files.len());
        let mut out = Vec::with_capacity(recs.len());
        for (i, rec) in recs.into_iter().enumerate() {
            let rec = rec.ok_or_else(|| RepoError::Core(core::CoreError::Internal("a summary is missing".into())))?;
            let mut s = rec.summary;
            s.deps = positions(&mut ids, i, rec.id, &rec.dep_ids);
            out.push(s);
        }
        if let Some(b) = store::encode_history(&self.files, &out) {
            store.write(Kind::History, &hkey, &b);
        }
        tracing::debug!(
            "store: summaries of {} patches ({computed} computed) in {:?}",
            self.files.len(),
            started.elapsed()
        );
        Ok(out)
    }

    /// The effect of patch `j` alone: from the whole history's effects when they are
    /// loaded (or when there is no store), else from its store entry or its patch file.
    fn named(&self, j: usize) -> Result<NamedRef> {
        if let Some(Ok(all)) = self.effects.done.get() {
            return Ok(NamedRef::All(all.clone(), j));
        }
        let Some(store) = &self.store else {
            return Ok(NamedRef::All(self.effects()?, j));
        };
        if let Some((n, _)) = self.one.lock().unwrap_or_else(|e| e.into_inner()).get(&j) {
            return Ok(NamedRef::One(n.clone()));
        }
        let sums = self.summaries()?;
        let s = sums.get(j).ok_or_else(|| RepoError::NotFound(format!("no patch number {j}")))?;
        let (f, format) = (&self.files[j], self.format());
        let key = store::patch_key(&format, f);
        let stored = store.read(Kind::Patch, &key).and_then(|b| store::decode_patch(&b));
        let prims = match stored {
            Some((_, prims)) => prims,
            None => {
                // damaged or deleted since the summaries were read: computed and written again
                let (_, named, _grant) = self.loader.named_charged(f)?;
                let prims = self.loader.effect(&named)?;
                let rec = PatchRecord {
                    summary: Summary { deps: Vec::new(), ..s.clone() },
                    id: named.info.id(),
                    dep_ids: named.explicit_deps.iter().map(|d| d.id()).collect(),
                };
                if let Some(b) = store::encode_patch(&rec, &prims) {
                    store.write(Kind::Patch, &key, &b);
                }
                prims
            }
        };
        let n = Arc::new(Named { prims, deps: s.deps.clone() });
        // kept only while the budget allows it
        if let Ok(g) = budget::charge(prims_weight(&n.prims)) {
            self.one.lock().unwrap_or_else(|e| e.into_inner()).put(j, (n.clone(), Arc::new(g)));
        }
        Ok(NamedRef::One(n))
    }
}

fn kind_tag(k: Kind) -> &'static [u8] {
    match k {
        Kind::FileAt => b"file_at",
        _ => b"annotation",
    }
}

/// The summaries of `effects`, by the core (op 12).
fn summaries_of(effects: &[Named]) -> Result<Vec<Summary>> {
    let sums = lineage::Touched::compute(effects)?;
    Ok(effects
        .iter()
        .zip(sums)
        .map(|(n, sum)| Summary {
            prims: n.prims.len() as u32,
            weight: prims_weight(&n.prims),
            sum,
            deps: n.deps.clone(),
            touches: touches(&n.prims),
        })
        .collect())
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

/// Direct dependencies and dependents of every patch.
type DepGraph = (Vec<Vec<usize>>, Vec<Vec<usize>>);

/// The dependency graph, computed once per history in a background thread (it walks
/// the whole history through the core), waited for by the requests that need it.
#[derive(Default)]
struct Deps {
    state: std::sync::Mutex<DepsState>,
    ready: std::sync::Condvar,
}

#[derive(Default)]
enum DepsState {
    #[default]
    Idle,
    Running,
    Done(Arc<DepGraph>),
    Failed(RepoError),
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
                                    None => match &patches.store {
                                        Some(s) => incremental_graph(&patches, s),
                                        None => patches.effects().and_then(|e| dep_graph(&e)),
                                    },
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
                DepsState::Running => {
                    if !started && matches!(wait, DepsWait::IfStarting(_)) {
                        return Ok(None);
                    }
                }
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

/// The dependency graph patch by patch (op 13, each call under its own CPU budget), each
/// patch's answer kept in the store keyed by the history ending with it: a restart
/// resumes where the last computation stopped, and a new patch computes only itself.
/// Each call sends in full the earlier patches whose summaries meet the paths gathered
/// so far (the patch's own, grown by each patch sent in full) or that it explicitly
/// depends on, the others as summaries; a patch the core asks for is sent in full too
/// (the selection `tests/core_ffi.rs` checks against op 7).
fn incremental_graph(patches: &Patches, store: &Store) -> Result<DepGraph> {
    use crate::core::pruned::{self, DepsEntry, Pruned};
    let sums = patches.summaries()?;
    let effects = patches.effects()?;
    let n = effects.len();
    let meets = |xs: &[Path], ys: &[Path]| {
        xs.iter().any(|x| ys.iter().any(|y| x[..x.len().min(y.len())] == y[..x.len().min(y.len())]))
    };
    let mut direct: Vec<Vec<u32>> = Vec::with_capacity(n);
    let mut all: Vec<Vec<u32>> = Vec::with_capacity(n);
    let mut computed = 0usize;
    for k in 0..n {
        let key = store::key(&[b"deps_of", &patches.prefix_key(k + 1)]);
        if let Some(d) = store.read(Kind::DepsOf, &key).and_then(|b| store::decode_deps_of(&b, k)) {
            direct.push(d.direct);
            all.push(d.all);
            continue;
        }
        computed += 1;
        let mut full = vec![false; k];
        let mut gathered: Vec<Path> = sums[k].sum.clone();
        let mut explicit: Vec<u32> = effects[k].deps.clone();
        for j in (0..k).rev() {
            if meets(&sums[j].sum, &gathered) || explicit.contains(&(j as u32)) {
                full[j] = true;
                for p in &sums[j].sum {
                    if !gathered.contains(p) {
                        gathered.push(p.clone());
                    }
                }
                explicit.extend(effects[j].deps.iter().copied());
            }
        }
        let d = loop {
            let entries: Vec<DepsEntry> = (0..k)
                .map(|j| if full[j] { DepsEntry::Full(&effects[j], &all[j]) } else { DepsEntry::Skip(&sums[j].sum) })
                .collect();
            match pruned::deps_of(&effects[k], &entries).map_err(core_unsupported)? {
                Pruned::Done(d) => break d,
                Pruned::Need(j) => match full.get_mut(j as usize) {
                    Some(f) if !*f => *f = true,
                    _ => {
                        return Err(RepoError::Core(core::CoreError::Internal(format!(
                            "the core asked again for patch {j}, sent in full"
                        ))))
                    }
                },
            }
        };
        if let Some(b) = store::encode_deps_of(&d) {
            store.write(Kind::DepsOf, &key, &b);
        }
        direct.push(d.direct);
        all.push(d.all);
    }
    tracing::debug!("store: dependencies of {n} patches ({computed} computed)");
    Ok(reverse_deps(direct))
}

/// The core's direct dependencies of every patch, and their inverse (dependents).
fn dep_graph(effects: &[Named]) -> Result<DepGraph> {
    Ok(reverse_deps(core::dependencies(effects)?))
}

/// A core error, with "not covered by the model" as [`RepoError::Unsupported`].
fn core_unsupported(e: core::CoreError) -> RepoError {
    match e {
        core::CoreError::Unsupported(why) => RepoError::Unsupported(why),
        e => RepoError::Core(e),
    }
}

/// Direct dependencies as positions, with the dependents of every patch.
fn reverse_deps(deps: Vec<Vec<u32>>) -> DepGraph {
    let deps: Vec<Vec<usize>> = deps.into_iter().map(|d| d.into_iter().map(|x| x as usize).collect()).collect();
    let mut rdeps = vec![Vec::new(); deps.len()];
    for (i, ds) in deps.iter().enumerate() {
        for &d in ds {
            if let Some(r) = rdeps.get_mut(d) {
                r.push(i);
            }
        }
    }
    (deps, rdeps)
}

/// A history with conflicts, as the repository patches darcs commutes to find
/// dependencies (conflictors and duplicates kept, not just their effects).
enum Conflicted {
    /// A darcs-1 history with mergers: darcs commutes the mergers themselves (darcs-1
    /// commutation, not modelled), so a patch never depends on the patch its merger
    /// undoes; the graph of the effects would say it does.
    V1,
    V2(Vec<core::Named2>),
    V3(Vec<core::Named3>),
}

/// What the dependencies of a darcs-1 history with mergers are.
pub(crate) const DARCS1_MERGER_DEPS: &str = "the dependencies of a darcs-1 history with mergers: darcs commutes the \
     mergers themselves (darcs-1 commutation), which the verified core does not model";

/// What [`load_for_deps`] reads: every patch's effect (when asked for; `Err` when one cannot
/// be computed) and, for a conflicted darcs-2 or darcs-3 history, its repository patches.
type ForDeps = (Option<Result<Vec<Named>>>, Option<Conflicted>);

/// One pass over the patch files for the dependency graph: the effects (when `effects`
/// is asked for: other pages may have loaded them already) and, for a darcs-2 or darcs-3
/// history with at least one conflictor or duplicate, its repository patches (for a
/// darcs-1 history with mergers, [`Conflicted::V1`]: not modelled). `Err`
/// only when a patch file cannot be read or parsed; an effect darcsweb cannot compute
/// (darcs-1 nested mergers) is the effects' own `Err`.
fn load_for_deps(loader: &Loader, files: &[String], effects: bool, slot: &GrantSlot) -> Result<ForDeps> {
    use crate::darcs::format::RepoFormat;
    use crate::darcs::patch::RepoPatch;
    let keep_bodies = loader.format.format != RepoFormat::Darcs1;
    let mut positions: HashMap<String, u32> = HashMap::with_capacity(files.len());
    let mut eff: Option<Result<Vec<Named>>> = effects.then(|| Ok(Vec::with_capacity(files.len())));
    let mut bodies: Vec<(Vec<RepoPatch>, Vec<u32>)> = Vec::new();
    let mut conflicted = false;
    // the bodies are dropped when the graph is done: their grants with them
    let mut bodies_grant: Option<Grant<'static>> = None;
    for (i, f) in files.iter().enumerate() {
        let (data, named, mut grant) = loader.named_charged(f)?;
        // what stays is the parsed body (darcs-2/3), not the reading's reserve: without
        // this, every patch kept about 1 MiB and 4,000 small patches filled a 1 GiB budget
        let body_weight = if keep_bodies {
            budget::lines_cost(data.len() as u64, data.iter().filter(|&&b| b == b'\n').count() as u64)
        } else {
            0
        };
        drop(data);
        grant.shrink_to(body_weight);
        let deps: Vec<u32> = named.explicit_deps.iter().filter_map(|d| positions.get(&d.id()).copied()).collect();
        positions.insert(named.info.id(), i as u32);
        if let Some(Ok(out)) = &mut eff {
            match loader.effect(&named) {
                Ok(prims) => {
                    let w = prims_weight(&prims);
                    keep(slot, charge(w, "loading the history")?);
                    out.push(Named { prims, deps: deps.clone() })
                }
                Err(e) => eff = Some(Err(e)),
            }
        }
        match bodies_grant.as_mut() {
            Some(all) => all.absorb(grant),
            None => bodies_grant = Some(grant),
        }
        conflicted |= named.body.iter().any(|p| !matches!(p, RepoPatch::Prim(_) | RepoPatch::Named(_)));
        if keep_bodies {
            bodies.push((named.body, deps));
        }
    }
    let conflicted = match loader.format.format {
        _ if !conflicted => None,
        RepoFormat::Darcs1 => Some(Conflicted::V1),
        RepoFormat::Darcs2 => {
            Some(Conflicted::V2(bodies.into_iter().map(|(patches, deps)| core::Named2 { patches, deps }).collect()))
        }
        RepoFormat::Darcs3 => Some(Conflicted::V3(darcs3_patches(bodies)?)),
    };
    Ok((eff, conflicted))
}

/// darcs-3 bodies as the core's repository patches, every patch id of a prim identity
/// given a number (equal ids, equal numbers).
fn darcs3_patches(bodies: Vec<(Vec<crate::darcs::patch::RepoPatch>, Vec<u32>)>) -> Result<Vec<core::Named3>> {
    use crate::darcs::patch::{Contexted, NamedPrim, RepoPatch};
    #[derive(Default)]
    struct Ids(HashMap<String, u32>);
    impl Ids {
        fn nprim(&mut self, p: &NamedPrim) -> core::NPrim {
            let n = self.0.len() as u32;
            core::NPrim {
                inverse: p.id.index < 0,
                position: p.id.index.unsigned_abs().min(u64::from(u32::MAX)) as u32,
                patch: *self.0.entry(p.id.patch_id.clone()).or_insert(n),
                prim: p.prim.clone(),
            }
        }
        fn contexted(&mut self, c: &Contexted) -> core::Contexted3 {
            core::Contexted3 { context: c.context.iter().map(|p| self.nprim(p)).collect(), patch: self.nprim(&c.patch) }
        }
    }
    let mut ids = Ids::default();
    let mut out = Vec::with_capacity(bodies.len());
    for (i, (body, deps)) in bodies.into_iter().enumerate() {
        let mut patches = Vec::with_capacity(body.len());
        for rp in &body {
            patches.push(match rp {
                RepoPatch::Named(p) => core::Rp3::Prim(ids.nprim(p)),
                RepoPatch::Conflictor3 { effect, conflicts, identity } => core::Rp3::Conflictor {
                    effect: effect.iter().map(|p| ids.nprim(p)).collect(),
                    conflicts: conflicts.iter().map(|c| ids.contexted(c)).collect(),
                    identity: ids.contexted(identity),
                },
                other => {
                    return Err(RepoError::Unsupported(format!(
                        "patch {} of a darcs-3 repository holds a {} patch",
                        i + 1,
                        other.kind_name()
                    )))
                }
            });
        }
        out.push(core::Named3 { patches, deps });
    }
    Ok(out)
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

fn meta(i: usize, info: &crate::darcs::info::PatchInfo) -> PatchMeta {
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

pub(crate) use super::store::Touch;

fn touches(prims: &[Prim]) -> Vec<Touch> {
    prims
        .iter()
        .filter_map(|p| match p {
            Prim::Hunk { path, .. }
            | Prim::AddFile(path)
            | Prim::RmFile(path)
            | Prim::AddDir(path)
            | Prim::RmDir(path)
            | Prim::Replace { path, .. }
            | Prim::Binary { path, .. } => Some((path.clone(), None)),
            Prim::Move { from, to } => Some((from.clone(), Some(to.clone()))),
            Prim::ChangePref { .. } => None,
        })
        .collect()
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
fn summarize(named: &crate::darcs::patch::NamedPatch) -> Vec<Touched> {
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
