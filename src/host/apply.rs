//! Verified apply: what `darcs apply --all` does to a hosted repository, decided before
//! anything is written. Every change to the tree is computed by the verified core.
//!
//! 1. The bundle is parsed; its `Patch bundle hash` must be present and right, its
//!    patches distinct and (darcs-3) their prim ids their own.
//! 2. Its context must be in the repository. The patches it shares with the
//!    repository are skipped (a re-push does nothing).
//! 3. The repository's patches the sender did not have (`L`: not in the context, nor in
//!    what its oldest tag stands for) are dealt with as darcs merges prims: the incoming
//!    patches are commuted past the inverse of `L` with the core's `commute_named`. A
//!    pair that does not commute is a conflict, and the bundle is refused naming both
//!    patches and the files they touch (darcs 2.16's `apply --dont-allow-conflicts`).
//! 4. The incoming patches must apply in their context, and the new recorded tree is the
//!    core's `apply` of their effect to the old one.
//!
//! Conflicted patches (darcs-2 conflictors and duplicates, darcs-3 conflictors) are
//! accepted when no commutation is needed (`L` empty); commuting them needs the
//! conflictor layers' own merge, which the core does not offer yet, so such pushes are
//! refused with a message.

use std::collections::{HashMap, HashSet};
use std::path::Path as FsPath;

use crate::core::{self, Named, Node, Tree};
use crate::darcs::bundle::{parse_bundle, Bundle};
use crate::darcs::format::{read_format, RepoFormat};
use crate::darcs::hash::Kind;
use crate::darcs::info::PatchInfo;
use crate::darcs::patch::{NamedPatch, RepoPatch};
use crate::darcs::prim::{display_path, Path, Prim};
use crate::darcs::pristine::EntryKind;
use crate::darcs::repository::Repository;

/// Why a bundle is not applied. The message is shown to the pusher.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// darcs-1 repositories are served, never written.
    #[error("{0} repositories are read-only here; convert it with `darcs convert darcs-2`")]
    ReadOnlyFormat(&'static str),
    /// The repository has a working tree (hosted repositories must be bare).
    #[error("this repository has a working tree; darcsweb only writes bare repositories (`darcsweb repo create`, or `darcs clone --no-working-dir`)")]
    WorkingTree,
    /// A rebase is in progress in the repository.
    #[error("a rebase is in progress in this repository")]
    Rebase,
    /// The bundle cannot be read.
    #[error("malformed bundle: {0}")]
    Malformed(String),
    /// The bundle's own hash or a patch's identity does not match its content.
    #[error("bundle hash mismatch: {0}")]
    BadHash(String),
    /// The bundle's context names patches the repository does not have.
    #[error("the bundle's context has {} patch(es) this repository lacks (pull first?): {}", .0.len(), .0.join(", "))]
    MissingContext(Vec<String>),
    /// A patch depends explicitly on a patch neither in the repository nor in the bundle.
    #[error("patch {0} depends on {1}, which is neither in the repository nor in the bundle")]
    MissingDependency(String, String),
    /// Applying the bundle would create a conflict.
    #[error("refusing to apply patches leading to conflicts: {incoming} conflicts with {local}, already in the repository{}; pull, resolve, record and push again", files_clause(.files))]
    Conflict {
        /// The incoming patch, described.
        incoming: String,
        /// The repository's patch it conflicts with, described.
        local: String,
        /// The files both touch.
        files: Vec<String>,
    },
    /// A patch does not apply where the bundle says it does.
    #[error("patch {0} does not apply: {1}")]
    DoesNotApply(String, String),
    /// The push needs something the verified core does not provide.
    #[error("not supported: {0}")]
    Unsupported(String),
    /// The repository itself cannot be read.
    #[error("cannot read the repository: {0}")]
    Repository(String),
    /// The core failed (a bug, reported).
    #[error("verified core failure: {0}")]
    Core(String),
}

fn files_clause(files: &[String]) -> String {
    if files.is_empty() {
        String::new()
    } else {
        format!(" (both touch {})", files.join(", "))
    }
}

/// What a bundle does to a repository.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Every patch of the bundle is already in the repository.
    NothingToDo {
        /// The patches of the bundle (all present).
        skipped: Vec<PatchInfo>,
    },
    /// Append these patches and record this tree.
    Apply(Plan),
}

/// The new state of a repository: its patches stay, `patches` come after them.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The repository's patch format.
    pub format: RepoFormat,
    /// The bundle's patches already in the repository.
    pub skipped: Vec<PatchInfo>,
    /// The patches to append, in order, as they will be stored (merged where needed).
    pub patches: Vec<NamedPatch>,
    /// Whether the patches had to be commuted past repository patches the sender lacked.
    pub merged: bool,
    /// The recorded tree after them.
    pub tree: Tree,
    /// `_darcs/hashed_inventory` as it was read (the plan's base).
    pub base_inventory: Vec<u8>,
}

fn describe(info: &PatchInfo) -> String {
    format!("'{}' ({})", info.name_str(), &info.id()[..12])
}

fn repo_err(e: impl std::fmt::Display) -> Refusal {
    Refusal::Repository(e.to_string())
}

fn core_err(e: core::CoreError) -> Refusal {
    match e {
        core::CoreError::Unsupported(m) => Refusal::Unsupported(m),
        e => Refusal::Core(e.to_string()),
    }
}

/// The effect of a named patch as prims (of a conflicted one, the verified core's answer).
pub fn effect(np: &NamedPatch) -> Result<Vec<Prim>, Refusal> {
    core::effect::of_body(&np.body).map_err(core_err)
}

/// Read the recorded tree of a repository into the core's form.
pub fn read_tree(repo: &Repository) -> Result<Tree, Refusal> {
    let pristine = repo.pristine();
    let mut tree = Tree::new();
    for w in pristine.walk(repo.pristine_root()).map_err(repo_err)? {
        let node = match w.kind {
            EntryKind::Directory => Node::Dir,
            EntryKind::File => Node::File(pristine.read_file(&w.hash).map_err(repo_err)?),
        };
        tree.insert(w.path, node);
    }
    Ok(tree)
}

/// Decide what `bundle_text` does to the repository at `dir` (read-only).
pub fn plan(dir: &FsPath, bundle_text: &[u8]) -> Result<Outcome, Refusal> {
    let fmt = read_format(dir).map_err(repo_err)?;
    if fmt.format == RepoFormat::Darcs1 {
        return Err(Refusal::ReadOnlyFormat("darcs-1"));
    }
    if !fmt.no_working_dir {
        return Err(Refusal::WorkingTree);
    }
    if fmt.rebase_in_progress {
        return Err(Refusal::Rebase);
    }
    let base_inventory = std::fs::read(dir.join("_darcs/hashed_inventory")).map_err(repo_err)?;
    let repo = Repository::open(dir).map_err(repo_err)?;
    let bundle = parse(bundle_text, fmt.format)?;
    check_patches(&bundle, fmt.format)?;

    let index: HashMap<String, usize> = repo.ids().iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
    let missing: Vec<String> = bundle.context.iter().filter(|c| !index.contains_key(&c.id())).map(describe).collect();
    if !missing.is_empty() {
        return Err(Refusal::MissingContext(missing));
    }
    let (present, new): (Vec<&NamedPatch>, Vec<&NamedPatch>) =
        bundle.patches.iter().partition(|p| index.contains_key(&p.info.id()));
    let skipped: Vec<PatchInfo> = present.iter().map(|p| p.info.clone()).collect();
    if new.is_empty() {
        return Ok(Outcome::NothingToDo { skipped });
    }
    let mut known: HashSet<String> = index.keys().cloned().collect();
    for p in &bundle.patches {
        for d in &p.explicit_deps {
            if !known.contains(&d.id()) {
                return Err(Refusal::MissingDependency(describe(&p.info), describe(d)));
            }
        }
        known.insert(p.info.id());
    }

    for p in &new {
        // as darcs' own "malicious path" check: no patch may touch darcs' directory
        let paths = touched(&effect(p)?);
        if let Some(bad) = paths.iter().find(|path| path.iter().any(|c| c.eq_ignore_ascii_case(b"_darcs"))) {
            return Err(Refusal::Malformed(format!(
                "patch {} touches ./{}, inside darcs' own directory",
                describe(&p.info),
                display_path(bad)
            )));
        }
    }
    let common = common_with_sender(&repo, &index, &bundle.context)?;
    if let Some(p) = present.iter().find(|p| common.contains(&index[&p.info.id()])) {
        return Err(Refusal::Malformed(format!("patch {} is both new and in the bundle's context", describe(&p.info))));
    }
    let local: Vec<usize> = (0..repo.len()).filter(|i| !common.contains(i)).collect();
    let tree = read_tree(&repo)?;
    let plan = if local.is_empty() {
        let effects = new.iter().map(|p| effect(p)).collect::<Result<Vec<_>, _>>()?;
        let infos: Vec<&PatchInfo> = new.iter().map(|p| &p.info).collect();
        let tree = apply_all(&tree, &effects, &infos)?;
        Plan {
            format: fmt.format,
            skipped,
            patches: new.into_iter().cloned().collect(),
            merged: false,
            tree,
            base_inventory,
        }
    } else {
        let (patches, tree) = merge(&repo, &local, &bundle, &index, tree)?;
        Plan { format: fmt.format, skipped, patches, merged: true, tree, base_inventory }
    };
    for p in &plan.patches {
        let text = p.to_storage_bytes(plan.format);
        match NamedPatch::parse(&text, plan.format, FsPath::new("<new patch>")) {
            Ok(again) if again == *p => {}
            _ => return Err(Refusal::Unsupported(format!("patch {} cannot be stored faithfully", describe(&p.info)))),
        }
    }
    Ok(Outcome::Apply(plan))
}

/// Parse the bundle; a missing or wrong `Patch bundle hash` is refused.
fn parse(text: &[u8], format: RepoFormat) -> Result<Bundle, Refusal> {
    use crate::darcs::error::Error;
    let b = parse_bundle(text, format, FsPath::new("<bundle>")).map_err(|e| match e {
        Error::HashMismatch { expected, actual, .. } => {
            Refusal::BadHash(format!("the bundle says {expected}, its patches hash to {actual}"))
        }
        e => {
            // "<bundle>:LINE: malformed bundle: WHAT" -> "line LINE: WHAT"
            let m = e.to_string().replace("malformed bundle: ", "");
            Refusal::Malformed(match m.strip_prefix("<bundle>:").and_then(|r| r.split_once(": ")) {
                Some((line, what)) => format!("line {line}: {what}"),
                None => m,
            })
        }
    })?;
    if b.hash.is_none() {
        return Err(Refusal::Malformed("no 'Patch bundle hash:' (darcs send and push always write one)".into()));
    }
    if b.patches.is_empty() {
        return Err(Refusal::Malformed("the bundle holds no patch".into()));
    }
    Ok(b)
}

/// Distinct patch ids; darcs-3 prims carry their own patch's id and position.
fn check_patches(b: &Bundle, format: RepoFormat) -> Result<(), Refusal> {
    let mut seen = HashSet::new();
    for p in &b.patches {
        let id = p.info.id();
        if !seen.insert(id.clone()) {
            return Err(Refusal::Malformed(format!("patch {} appears twice", describe(&p.info))));
        }
        if format == RepoFormat::Darcs3 && !p.has_conflicts() {
            for (k, rp) in p.body.iter().enumerate() {
                if let RepoPatch::Named(np) = rp {
                    if np.id.patch_id != id || np.id.index != k as i64 + 1 {
                        return Err(Refusal::BadHash(format!(
                            "primitive {} of patch {} is identified as 'hash {} {}'",
                            k + 1,
                            describe(&p.info),
                            np.id.index,
                            np.id.patch_id
                        )));
                    }
                }
            }
        }
    }
    Ok(())
}

/// The repository's patches the sender had: those of the context, and when the context's
/// oldest entry is a tag, everything that tag stands for (its explicit dependencies,
/// followed transitively: darcs makes a tag depend on every patch not already depended on).
fn common_with_sender(
    repo: &Repository,
    index: &HashMap<String, usize>,
    context: &[PatchInfo],
) -> Result<HashSet<usize>, Refusal> {
    let mut common: HashSet<usize> = context.iter().filter_map(|c| index.get(&c.id()).copied()).collect();
    let Some(oldest) = context.last().filter(|c| c.is_tag()) else { return Ok(common) };
    let Some(&tag) = index.get(&oldest.id()) else { return Ok(common) };
    if inventory_starts(repo)?.contains(&tag) {
        // darcs starts an inventory only at a clean tag: everything before it is its own
        common.extend(0..tag);
        return Ok(common);
    }
    let mut work = vec![tag];
    while let Some(i) = work.pop() {
        let np = repo.patch(i).map_err(repo_err)?;
        for d in &np.explicit_deps {
            match index.get(&d.id()) {
                Some(&j) => {
                    if common.insert(j) {
                        work.push(j)
                    }
                }
                None => return Err(Refusal::Repository(format!("{} depends on a missing patch", describe(&np.info)))),
            }
        }
    }
    Ok(common)
}

/// Positions (in repository order) of the first patch of every inventory file but the
/// oldest: darcs splits inventories only at clean tags (darcs-format.md 4.3).
fn inventory_starts(repo: &Repository) -> Result<HashSet<usize>, Refusal> {
    let mut starts = HashSet::new();
    let mut at = 0;
    for (i, name) in repo.inventory().files.iter().enumerate() {
        let data = repo.store().read(Kind::Inventories, name).map_err(repo_err)?;
        let inv = crate::darcs::inventory::parse_inventory(&data, FsPath::new(name)).map_err(repo_err)?;
        if i > 0 {
            starts.insert(at);
        }
        at += inv.entries.len();
    }
    if !repo.inventory().files.is_empty() {
        starts.insert(at); // the head inventory's first patch
    }
    Ok(starts)
}

/// Apply the patches' effects to `tree`, naming the first patch that does not apply.
fn apply_all(tree: &Tree, effects: &[Vec<Prim>], infos: &[&PatchInfo]) -> Result<Tree, Refusal> {
    let mut owner = Vec::new();
    let mut flat = Vec::new();
    for (i, e) in effects.iter().enumerate() {
        owner.extend(std::iter::repeat_n(i, e.len()));
        flat.extend(e.iter().cloned());
    }
    core::apply(tree, &flat).map_err(|e| match e {
        core::CoreError::DoesNotApply { patch, message, .. } => {
            let who = owner.get(patch as usize).and_then(|&i| infos.get(i)).map(|i| describe(i));
            Refusal::DoesNotApply(who.unwrap_or_else(|| "?".into()), message)
        }
        e => core_err(e),
    })
}

/// A patch in the middle of a merge: its info, explicit dependencies, current effect.
#[derive(Debug, Clone)]
struct Item {
    info: PatchInfo,
    deps: Vec<String>,
    prims: Vec<Prim>,
}

/// Commute `p;q` into `q';p'` with the core (explicit dependencies block).
fn commute(p: &Item, q: &Item) -> Result<core::Commuted, Refusal> {
    let depends = q.deps.contains(&p.info.id());
    let a = Named { prims: p.prims.clone(), deps: Vec::new() };
    let b = Named { prims: q.prims.clone(), deps: if depends { vec![0] } else { Vec::new() } };
    core::commute_named(&a, &b).map_err(core_err)
}

/// Drop from `seq` the patches `drop` selects by commuting each of them before the ones
/// kept; the kept ones come back with their effects as they are without the dropped ones.
fn commute_out(seq: Vec<Item>, drop: impl Fn(&Item) -> bool) -> Result<Vec<Item>, Refusal> {
    let mut kept: Vec<Item> = Vec::new();
    for mut d in seq {
        if !drop(&d) {
            kept.push(d);
            continue;
        }
        for k in kept.iter_mut().rev() {
            match commute(k, &d)? {
                Some((d2, k2)) => {
                    d.prims = d2;
                    k.prims = k2;
                }
                None => {
                    return Err(Refusal::Unsupported(format!(
                        "{} is in the repository and in the bundle, but in orders that do not commute past {}",
                        describe(&d.info),
                        describe(&k.info)
                    )))
                }
            }
        }
    }
    Ok(kept)
}

fn touched(prims: &[Prim]) -> HashSet<Path> {
    prims.iter().flat_map(Prim::paths).cloned().collect()
}

/// Bring the bundle's new patches past the repository's `local` patches (darcs' merge of
/// prims: commute them past the inverse of `local`); returns them as they will be stored
/// and the new tree.
fn merge(
    repo: &Repository,
    local: &[usize],
    bundle: &Bundle,
    index: &HashMap<String, usize>,
    tree: Tree,
) -> Result<(Vec<NamedPatch>, Tree), Refusal> {
    let mut local_items = Vec::new();
    for &i in local {
        let np = repo.patch(i).map_err(repo_err)?;
        if np.has_conflicts() {
            return Err(Refusal::Unsupported(format!(
                "the repository has patches you lack, and {} among them is conflicted; \
                 merging past conflicted patches needs the conflictor merge, which the verified core does not offer yet: \
                 pull them before recording more",
                describe(&np.info)
            )));
        }
        local_items.push(Item {
            deps: np.explicit_deps.iter().map(PatchInfo::id).collect(),
            prims: effect(&np)?,
            info: np.info,
        });
    }
    let mut incoming = Vec::new();
    for p in &bundle.patches {
        if p.has_conflicts() {
            return Err(Refusal::Unsupported(format!(
                "{} is a conflicted patch and the repository has patches you lack; \
                 merging conflicted patches needs the conflictor merge, which the verified core does not offer yet",
                describe(&p.info)
            )));
        }
        incoming.push(Item {
            deps: p.explicit_deps.iter().map(PatchInfo::id).collect(),
            prims: effect(p)?,
            info: p.info.clone(),
        });
    }
    // the bundle must apply where it says it does: after the repository without `local`
    let mut back =
        core::invert(&local_items.iter().flat_map(|l| l.prims.clone()).collect::<Vec<_>>()).map_err(core_err)?;
    let all_in: Vec<Prim> = incoming.iter().flat_map(|n| n.prims.clone()).collect();
    back.extend(all_in);
    if let Err(e) = core::apply(&tree, &back) {
        return Err(match e {
            core::CoreError::DoesNotApply { message, .. } => {
                Refusal::DoesNotApply("of the bundle".into(), format!("{message} (in the bundle's context)"))
            }
            e => core_err(e),
        });
    }
    let shared: HashSet<String> =
        bundle.patches.iter().map(|p| p.info.id()).filter(|id| index.contains_key(id)).collect();
    let local1 = commute_out(local_items, |x| shared.contains(&x.info.id()))?;
    let new1 = commute_out(incoming, |x| shared.contains(&x.info.id()))?;
    // inverse of local1, in sequence order: inv(l_k) ... inv(l_1)
    let mut inv: Vec<Item> = Vec::new();
    for l in local1.iter().rev() {
        inv.push(Item { info: l.info.clone(), deps: Vec::new(), prims: core::invert(&l.prims).map_err(core_err)? });
    }
    let mut merged = Vec::new();
    for mut n in new1 {
        let original = n.prims.clone();
        for k in inv.iter_mut().rev() {
            match commute(k, &n)? {
                Some((n2, k2)) => {
                    n.prims = n2;
                    k.prims = k2;
                }
                None => {
                    let l = local1.iter().find(|l| l.info == k.info).map(|l| l.prims.clone()).unwrap_or_default();
                    let mut files: Vec<String> = touched(&original)
                        .intersection(&touched(&l))
                        .map(|p| format!("./{}", display_path(p)))
                        .collect();
                    files.sort();
                    return Err(Refusal::Conflict { incoming: describe(&n.info), local: describe(&k.info), files });
                }
            }
        }
        merged.push(n);
    }
    let effects: Vec<Vec<Prim>> = merged.iter().map(|n| n.prims.clone()).collect();
    let infos: Vec<&PatchInfo> = merged.iter().map(|n| &n.info).collect();
    let tree = apply_all(&tree, &effects, &infos)?;
    let by_id: HashMap<String, &NamedPatch> = bundle.patches.iter().map(|p| (p.info.id(), p)).collect();
    let mut out = Vec::new();
    for n in merged {
        let orig = by_id.get(&n.info.id()).ok_or_else(|| Refusal::Core("merged patch lost".into()))?;
        out.push(rebody(orig, n.prims)?);
    }
    Ok((out, tree))
}

/// The patch `orig` with its prims replaced by `prims` (commutation keeps their number;
/// darcs-3 prims keep their ids).
fn rebody(orig: &NamedPatch, prims: Vec<Prim>) -> Result<NamedPatch, Refusal> {
    if prims.len() != orig.body.len() {
        return Err(Refusal::Unsupported(format!(
            "merging {} changed its number of primitive patches",
            describe(&orig.info)
        )));
    }
    let body = orig
        .body
        .iter()
        .zip(prims)
        .map(|(old, prim)| match old {
            RepoPatch::Named(np) => {
                let mut np = np.clone();
                np.prim = prim;
                RepoPatch::Named(np)
            }
            _ => RepoPatch::Prim(prim),
        })
        .collect();
    Ok(NamedPatch { info: orig.info.clone(), explicit_deps: orig.explicit_deps.clone(), body })
}

/// Name and hash of each patch file and each pristine object a plan writes, with their
/// uncompressed content, and the new `hashed_inventory`.
pub struct Files {
    /// `(kind, name, uncompressed content)` of every hashed file to write.
    pub hashed: Vec<(Kind, String, Vec<u8>)>,
    /// The new head inventory.
    pub hashed_inventory: Vec<u8>,
    /// The new pristine root hash.
    pub pristine_root: String,
}

impl Plan {
    /// The files this plan writes (patch files, pristine objects, the head inventory).
    pub fn files(&self) -> Result<Files, Refusal> {
        use crate::darcs::hash::SizeHash;
        let (root, objects) = super::pristine::objects(&self.tree);
        let mut hashed: Vec<(Kind, String, Vec<u8>)> =
            objects.into_iter().map(|(name, data)| (Kind::Pristine, name, data)).collect();
        let mut entries = Vec::new();
        for p in &self.patches {
            let text = p.to_storage_bytes(self.format);
            let name = SizeHash::of(&text).to_string();
            p.info.write_stored(&mut entries);
            entries.extend_from_slice(b" \nhash: ");
            entries.extend_from_slice(name.as_bytes());
            entries.push(b'\n');
            hashed.push((Kind::Patches, name, text));
        }
        let base = &self.base_inventory;
        let rest = match base.iter().position(|&b| b == b'\n') {
            Some(n) if base.starts_with(b"pristine:") => &base[n + 1..],
            _ => return Err(Refusal::Repository("hashed_inventory does not start with a pristine line".into())),
        };
        let old_root = std::str::from_utf8(&base[b"pristine:".len()..base.len() - rest.len() - 1]).unwrap_or("");
        if old_root.len() != 64 {
            return Err(Refusal::Unsupported(
                "this repository's pristine uses size-prefixed names (darcs < 2.3.1): run `darcs optimize pristine`"
                    .into(),
            ));
        }
        let mut inv = format!("pristine:{root}\n").into_bytes();
        inv.extend_from_slice(rest);
        inv.extend_from_slice(&entries);
        Ok(Files { hashed, hashed_inventory: inv, pristine_root: root })
    }
}
