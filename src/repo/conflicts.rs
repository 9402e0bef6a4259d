//! A patch as darcs recorded it (conflictors, duplicates and mergers kept, as `darcs log
//! -v` prints them) and which earlier patches it conflicts with or duplicates.
//!
//! darcs-3 conflictors name the prims they conflict with (`hash N ID`: the prim's patch).
//! darcs-2 conflictors and duplicates, and darcs-1 mergers, hold the prims they undo or
//! repeat in their own context: an earlier patch is named when one of its prims, commuted
//! by the verified core past everything recorded after it, is that prim (or is it as
//! recorded, for a duplicate whose addition later patches depend on).

use std::collections::BTreeSet;

use super::{Repo, RepoError, Result};
use crate::darcs::patch::{NamedPatch, RepoPatch};
use crate::darcs::prim::{Path, Prim};

/// How far back (in patches) a darcs-1/darcs-2 conflict is looked for.
pub const WINDOW: usize = 200;

/// A patch's recorded form and its conflicts.
#[derive(Debug, Clone, Default)]
pub struct Recorded {
    /// The body as `darcs log -v` prints it (explicit dependencies, then the repository
    /// patches: prims, conflictors with their `|`-prefixed contexts, duplicates).
    pub lines: Vec<Vec<u8>>,
    /// The body holds a conflictor or a merger: darcs marks this patch conflicted.
    pub conflicted: bool,
    /// Positions of the earlier patches this one conflicts with, oldest first.
    pub conflicts_with: Vec<usize>,
    /// Positions of the earlier patches whose change this one repeats (darcs-2 duplicates).
    pub duplicates: Vec<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Conflict,
    Duplicate,
}

fn prim_paths(p: &Prim) -> Vec<&Path> {
    p.paths().collect()
}

fn related(a: &Prim, b: &Prim) -> bool {
    prim_paths(a).iter().any(|x| prim_paths(b).iter().any(|y| x.starts_with(y) || y.starts_with(x)))
}

impl Repo {
    /// The patch at `index` as darcs recorded it, with the patches it conflicts with.
    pub fn recorded(&self, index: usize) -> Result<Recorded> {
        let detail = self.patch(index)?;
        let format = crate::darcs::format::read_format(&self.dir)?;
        let named = NamedPatch::parse(&detail.raw, format.format, std::path::Path::new("patch"))
            .map_err(|e| RepoError::Corrupt(e.to_string()))?;
        let idx = self.index()?;
        let mut out = Recorded {
            lines: named.display_lines(),
            conflicted: named.body.iter().any(|rp| {
                matches!(
                    rp,
                    RepoPatch::Conflictor { .. }
                        | RepoPatch::InvConflictor { .. }
                        | RepoPatch::Conflictor3 { .. }
                        | RepoPatch::Merger { .. }
                        | RepoPatch::Regrem { .. }
                )
            }),
            ..Recorded::default()
        };
        // darcs-3: the conflictor names them
        let mut with: BTreeSet<usize> = BTreeSet::new();
        let mut dups: BTreeSet<usize> = BTreeSet::new();
        let mut targets: Vec<(Prim, Kind)> = Vec::new();
        for rp in &named.body {
            match rp {
                RepoPatch::Conflictor3 { conflicts, .. } => {
                    for c in conflicts {
                        if let Some(j) = idx.by_hash(&c.patch.id.patch_id) {
                            if j != index {
                                with.insert(j);
                            }
                        }
                    }
                }
                RepoPatch::Conflictor { ix, xx, .. } => {
                    targets.extend(xx.iter().map(|p| (p.clone(), Kind::Conflict)));
                    targets.extend(ix.iter().map(|n| (n.prim.clone(), Kind::Conflict)));
                }
                RepoPatch::Merger { first, .. } => {
                    if let RepoPatch::Prim(p) = first.as_ref() {
                        targets.push((p.clone(), Kind::Conflict));
                    }
                }
                RepoPatch::Duplicate(n) => targets.push((n.prim.clone(), Kind::Duplicate)),
                _ => {}
            }
        }
        // the patch's own prims appear in its conflictors' contexts: they are no conflict
        let own: Vec<&Prim> = named
            .body
            .iter()
            .filter_map(|rp| match rp {
                RepoPatch::Conflictor { x, .. } => Some(&x.prim),
                RepoPatch::Duplicate(n) => Some(&n.prim),
                _ => None,
            })
            .collect();
        targets.retain(|(t, k)| *k == Kind::Duplicate || !own.contains(&t));
        let mut left: Vec<bool> = vec![true; targets.len()];
        let first = index.saturating_sub(WINDOW);
        // prims recorded after candidate j and before this patch, built newest first
        let mut after: Vec<Prim> = Vec::new();
        for j in (first..index).rev() {
            if !left.iter().any(|&l| l) {
                break;
            }
            let pj = self.patch(j)?;
            for (k, q) in pj.prims.iter().enumerate() {
                for (t, (target, kind)) in targets.iter().enumerate() {
                    if !left[t] || !related(q, target) {
                        continue;
                    }
                    let hit = q == target
                        || {
                            let mut rest: Vec<Prim> = pj.prims[k + 1..].to_vec();
                            rest.extend(after.iter().cloned());
                            matches!(crate::core::commute(std::slice::from_ref(q), &rest)?, Some((_, p)) if p.len() == 1 && p[0] == *target)
                        };
                    if hit {
                        left[t] = false;
                        match kind {
                            Kind::Conflict => with.insert(j),
                            Kind::Duplicate => dups.insert(j),
                        };
                    }
                }
            }
            let mut v = pj.prims.clone();
            v.extend(after);
            after = v;
        }
        out.conflicts_with = with.into_iter().collect();
        out.duplicates = dups.into_iter().collect();
        Ok(out)
    }
}
