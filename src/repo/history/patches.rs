//! A history's per-patch data: every patch's effect and summary, loaded lazily, from
//! the persistent store when it holds them.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::*;
use crate::core::{self, Named};
use crate::darcs::budget::{self, Grant};
use crate::darcs::prim::{Path, Prim};
use crate::repo::lineage::{self, NamedRef};
use crate::repo::load::Loader;
use crate::repo::store::{self, Kind, PatchRecord, Store, Summary};
use crate::repo::{Cache, RepoError, Result};

/// Every patch's effect, loaded once per history by whichever request needs it first.
#[derive(Default)]
pub(super) struct Effects {
    pub(super) done: OnceLock<Result<Arc<Vec<Named>>>>,
    pub(super) loading: std::sync::Mutex<()>,
}

impl Effects {
    /// Keep `r` as the answer unless it is a transient failure.
    pub(super) fn keep(&self, r: Result<Arc<Vec<Named>>>) {
        if !r.as_ref().is_err_and(RepoError::is_transient) {
            let _ = self.done.set(r);
        }
    }
}

/// Where per-patch grants are gathered into one that lives as long as what they pay for.
pub(super) type GrantSlot = Arc<std::sync::Mutex<Option<Grant<'static>>>>;

pub(super) fn keep(slot: &GrantSlot, g: Grant<'static>) {
    let mut s = slot.lock().unwrap_or_else(|e| e.into_inner());
    match s.as_mut() {
        Some(all) => all.absorb(g),
        None => *s = Some(g),
    }
}

/// Patches loaded alone (for a file's lineage) kept per history.
pub(super) const ONE_PATCH_CACHE: usize = 8192;

/// Most patches parsed before their summaries are asked of the core in one call.
pub(super) const SUMMARY_BATCH: usize = 512;

/// A patch parsed for its summary: position, id, explicit dependencies' ids, effect,
/// and the memory it holds.
pub(super) type Parsed = (usize, String, Vec<String>, Vec<Prim>, Grant<'static>);

/// A history's per-patch data: every patch's effect, and its [`Summary`] (what a file's
/// page chooses by). With a persistent [`Store`], both come from its entries when it
/// holds them (checked, keyed by the patch files' hashes), and whatever is missing is
/// computed from the patch files and written there; the repository is only read.
pub(crate) struct Patches {
    pub(super) loader: Arc<Loader>,
    pub(super) files: Vec<String>,
    pub(super) store: Option<Arc<Store>>,
    pub(super) effects: Effects,
    /// The memory budget the effects hold while this history lives.
    pub(super) slot: GrantSlot,
    pub(super) sums: OnceLock<Result<Arc<Vec<Summary>>>>,
    pub(super) sums_loading: std::sync::Mutex<()>,
    /// The history key of every prefix of the history ([`store::history_key`]).
    pub(super) prefixes: OnceLock<Vec<store::Key>>,
    /// Effects of single patches, loaded for a file's lineage.
    pub(super) one: Cache<usize, (Arc<Named>, Arc<Grant<'static>>)>,
}

/// The explicit dependencies `dep_ids` of the patch at `i` (id `id`) as positions of the
/// earlier patches, `ids` holding those seen so far (the patch is added to it).
pub(super) fn positions(ids: &mut HashMap<String, u32>, i: usize, id: String, dep_ids: &[String]) -> Vec<u32> {
    let deps = dep_ids.iter().filter_map(|d| ids.get(d).copied()).collect();
    ids.insert(id, i as u32);
    deps
}

impl Patches {
    pub(super) fn format(&self) -> String {
        format!("{:?}", self.loader.format.format)
    }

    /// The history key of the first `n` patches (computed for every prefix at once).
    pub(super) fn prefix_key(&self, n: usize) -> store::Key {
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
    pub(super) fn stored<T>(
        &self,
        kind: Kind,
        n: usize,
        path: &Path,
        decode: impl Fn(&[u8]) -> Option<T>,
    ) -> Option<T> {
        let s = self.store.as_ref()?;
        let k = store::path_key(kind_tag(kind), &self.prefix_key(n), path);
        s.read(kind, &k).and_then(|b| decode(&b))
    }

    /// Store a result about `path` after the first `n` patches.
    pub(super) fn keep_result(&self, kind: Kind, n: usize, path: &Path, payload: Option<Vec<u8>>) {
        if let (Some(s), Some(b)) = (self.store.as_ref(), payload) {
            s.write(kind, &store::path_key(kind_tag(kind), &self.prefix_key(n), path), &b);
        }
    }

    /// The effects, loaded now if need be (their memory charged to the history). A
    /// transient core failure (a cancelled request, a core worker that died) is returned
    /// but not kept: the next request loads again.
    pub(super) fn effects(&self) -> Result<Arc<Vec<Named>>> {
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
    pub(super) fn load_effects(&self) -> Result<Vec<Named>> {
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

    pub(super) fn stored_summaries(&self, store: &Store) -> Result<Vec<Summary>> {
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
    pub(super) fn named(&self, j: usize) -> Result<NamedRef> {
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

pub(super) fn kind_tag(k: Kind) -> &'static [u8] {
    match k {
        Kind::FileAt => b"file_at",
        _ => b"annotation",
    }
}

/// The summaries of `effects`, by the core (op 12).
pub(super) fn summaries_of(effects: &[Named]) -> Result<Vec<Summary>> {
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
