//! The dependency graph of a history: the background job's state, the darcs→core
//! translation it needs (conflicted darcs-2/3 patches), and the graph itself, computed in
//! stretches (op 18) and kept patch by patch in the store.

use std::collections::HashMap;
use std::sync::Arc;

use super::*;
use crate::core::{self, Named};
use crate::darcs::budget::{self, Grant};
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
    /// Patches whose dependencies are known while the graph is computed.
    pub(super) progress: std::sync::atomic::AtomicUsize,
}

#[derive(Default)]
pub(super) enum DepsState {
    #[default]
    Idle,
    Running,
    Done(Arc<DepGraph>),
    Failed(RepoError),
}

/// The time the core may spend on one history's graph, in all, in milliseconds
/// ([`crate::repo::set_graph_budget`]).
pub(crate) static GRAPH_BUDGET_MS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(4 * 3600 * 1000);

/// One stretch at a time, across every history's graph: however many graphs are being
/// computed, they hold at most one core worker at once, so a page's long call (an old
/// version, an annotation) finds another one free, or waits for one stretch at most.
static GRAPH_TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Patches per op 18 call at first; the stretch then grows or shrinks so that each call
/// takes about [`STRETCH_SECS`].
const FIRST_STRETCH: usize = 64;
const MAX_STRETCH: usize = 8192;
const STRETCH_SECS: f64 = 2.0;

/// The dependency graph in stretches (op 18, each call under its own budget, so that no
/// call holds a core worker for long and a history of any length finishes), each patch's
/// direct and all dependencies kept in the store when there is one, keyed by the history
/// ending with it: a restart resumes where the last computation stopped, and a new patch
/// computes only itself. `progress` counts the patches done, for the pages that wait.
/// A stretch over the budget is halved and tried again, down to one patch.
pub(super) fn staged_graph(
    patches: &Patches,
    store: Option<&Store>,
    progress: &std::sync::atomic::AtomicUsize,
) -> Result<DepGraph> {
    use crate::core::pruned;
    use std::sync::atomic::Ordering;
    let effects = patches.effects()?;
    let n = effects.len();
    let mut direct: Vec<Vec<u32>> = Vec::with_capacity(n);
    let mut all: Vec<Vec<u32>> = Vec::with_capacity(n);
    let key = |k: usize| store::key(&[b"deps_of", &patches.prefix_key(k + 1)]);
    if let Some(s) = store {
        while direct.len() < n {
            let k = direct.len();
            match s.read(Kind::DepsOf, &key(k)).and_then(|b| store::decode_deps_of(&b, k)) {
                Some(d) => {
                    direct.push(d.direct);
                    all.push(d.all);
                }
                None => break,
            }
        }
    }
    let resumed = direct.len();
    progress.store(resumed, Ordering::Relaxed);
    let mut stretch = FIRST_STRETCH;
    let budget = std::time::Duration::from_millis(GRAPH_BUDGET_MS.load(Ordering::Relaxed));
    let mut spent = std::time::Duration::ZERO;
    while direct.len() < n {
        if spent > budget {
            return Err(RepoError::Core(core::CoreError::TooExpensive(format!(
                "the dependency graph of this history needs more than the {} s one history's graph may use on \
                 this server ([limits] graph_secs; {} of its {n} patches were done, and are kept when there is a \
                 cache directory)",
                budget.as_secs(),
                direct.len()
            ))));
        }
        let a = direct.len();
        let b = (a + stretch).min(n);
        let earlier: Vec<(&Named, &[u32])> = (0..a).map(|j| (&effects[j], &all[j][..])).collect();
        let turn = GRAPH_TURN.lock().unwrap_or_else(|e| e.into_inner());
        let started = std::time::Instant::now();
        let answer = pruned::deps_range(&earlier, &effects[a..b]);
        drop(turn);
        let secs = started.elapsed().as_secs_f64();
        spent += started.elapsed();
        let got = match answer {
            Ok(got) if got.len() == b - a => got,
            Ok(got) => {
                return Err(RepoError::Core(core::CoreError::Internal(format!(
                    "op 18 answered {} patches for a stretch of {}",
                    got.len(),
                    b - a
                ))))
            }
            Err(core::CoreError::TooExpensive(_)) if b - a > 1 => {
                stretch = (b - a) / 2;
                continue;
            }
            Err(e) => return Err(core_unsupported(e)),
        };
        for (k, d) in (a..b).zip(got) {
            if let (Some(s), Some(bytes)) = (store, store::encode_deps_of(&d)) {
                s.write(Kind::DepsOf, &key(k), &bytes);
            }
            direct.push(d.direct);
            all.push(d.all);
        }
        progress.store(direct.len(), Ordering::Relaxed);
        if secs < STRETCH_SECS / 2.0 {
            stretch = (stretch * 2).min(MAX_STRETCH);
        } else if secs > STRETCH_SECS * 2.0 {
            stretch = (stretch / 2).max(1);
        }
    }
    tracing::debug!("dependencies of {n} patches ({} computed, {resumed} from the store)", n - resumed);
    Ok(reverse_deps(direct))
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
