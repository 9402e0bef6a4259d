//! The dependency graph of a history: the background job's state, the darcs→core
//! translation it needs (conflicted darcs-2/3 patches), and the graph itself, whole
//! (op 7) or patch by patch with a store (op 13).

use std::collections::HashMap;
use std::sync::Arc;

use super::*;
use crate::core::{self, Named};
use crate::darcs::budget::{self, Grant};
use crate::darcs::prim::Path;
use crate::repo::load::Loader;
use crate::repo::store::{self, Kind, Store};
use crate::repo::{RepoError, Result};

/// Direct dependencies and dependents of every patch.
pub(super) type DepGraph = (Vec<Vec<usize>>, Vec<Vec<usize>>);

/// The dependency graph, computed once per history in a background thread (it walks
/// the whole history through the core), waited for by the requests that need it.
#[derive(Default)]
pub(super) struct Deps {
    pub(super) state: std::sync::Mutex<DepsState>,
    pub(super) ready: std::sync::Condvar,
}

#[derive(Default)]
pub(super) enum DepsState {
    #[default]
    Idle,
    Running,
    Done(Arc<DepGraph>),
    Failed(RepoError),
}

/// The dependency graph patch by patch (op 13, each call under its own CPU budget), each
/// patch's answer kept in the store keyed by the history ending with it: a restart
/// resumes where the last computation stopped, and a new patch computes only itself.
/// Each call sends in full the earlier patches whose summaries meet the paths gathered
/// so far (the patch's own, grown by each patch sent in full) or that it explicitly
/// depends on, the others as summaries; a patch the core asks for is sent in full too
/// (the selection `tests/core_ffi.rs` checks against op 7).
pub(super) fn incremental_graph(patches: &Patches, store: &Store) -> Result<DepGraph> {
    use crate::core::pruned::{self, DepsEntry, Pruned};
    let sums = patches.summaries()?;
    let effects = patches.effects()?;
    let n = effects.len();
    use crate::repo::lineage::meets;
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
pub(super) fn dep_graph(effects: &[Named]) -> Result<DepGraph> {
    Ok(reverse_deps(core::dependencies(effects)?))
}

/// A core error, with "not covered by the model" as [`RepoError::Unsupported`].
pub(super) fn core_unsupported(e: core::CoreError) -> RepoError {
    match e {
        core::CoreError::Unsupported(why) => RepoError::Unsupported(why),
        e => RepoError::Core(e),
    }
}

/// Direct dependencies as positions, with the dependents of every patch.
pub(super) fn reverse_deps(deps: Vec<Vec<u32>>) -> DepGraph {
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
pub(super) enum Conflicted {
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
pub(super) type ForDeps = (Option<Result<Vec<Named>>>, Option<Conflicted>);

/// One pass over the patch files for the dependency graph: the effects (when `effects`
/// is asked for: other pages may have loaded them already) and, for a darcs-2 or darcs-3
/// history with at least one conflictor or duplicate, its repository patches (for a
/// darcs-1 history with mergers, [`Conflicted::V1`]: not modelled). `Err`
/// only when a patch file cannot be read or parsed; an effect darcsweb cannot compute
/// (darcs-1 nested mergers) is the effects' own `Err`.
pub(super) fn load_for_deps(loader: &Loader, files: &[String], effects: bool, slot: &GrantSlot) -> Result<ForDeps> {
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
pub(super) fn darcs3_patches(
    bodies: Vec<(Vec<crate::darcs::patch::RepoPatch>, Vec<u32>)>,
) -> Result<Vec<core::Named3>> {
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
