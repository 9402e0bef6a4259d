//! The safe Rust face of the verified core (extracted from `theories/`).
//!
//! Calls are coarse (a whole patch sequence per call) and cross as one byte string each
//! way (`WIRE.md`). Where they run is chosen once per process:
//!
//! * in the server, every call but [`validate_path`] goes to a [`pool`] of worker
//!   processes (`darcsweb core-worker`), each with its own OCaml runtime and with CPU and
//!   memory budgets ([`start_workers`]); a call past them fails with
//!   [`CoreError::TooExpensive`], and no call falls back to this process;
//! * [`validate_path`] (bounded input, microseconds) always runs in this process's own
//!   runtime: the OCaml 4 runtime is single-threaded, so one dedicated thread owns it and
//!   runs every call, fed by a channel ([`runtime`]);
//! * `darcsweb check`, unit tests and benchmarks may choose to run everything in process
//!   ([`use_in_process`]); integration tests name the worker executable
//!   ([`use_worker_executable`]).
//!
//! OCaml exceptions and failures come back as [`CoreError`]s, never as a crash.

pub mod cancel;
pub mod coverage;
pub mod effect;
pub mod pool;
pub mod pruned;
mod runtime;
pub mod wire;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::darcs::prim::{Path, Prim};
use pool::{Lane, Pool, PoolConfig};
use runtime::call;
use wire::{Dec, Enc, Malformed, TooLarge};

/// What can go wrong in a call to the core.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CoreError {
    /// The patch sequence does not apply: `patch` (and `prim` inside it) failed.
    #[error("patch {patch} (primitive {prim}) does not apply: {message}")]
    DoesNotApply {
        /// Index of the failing named patch in the sequence (of the failing prim for [`apply`]).
        patch: u32,
        /// Index of the failing prim inside that named patch (0 for [`apply`]).
        prim: u32,
        /// The core's description of the failure.
        message: String,
    },
    /// The core rejected the request or an exception escaped (a bug, reported not hidden).
    #[error("verified core failure: {0}")]
    Internal(String),
    /// The history holds a case the model in `theories/` does not cover (status 3).
    #[error("not covered by the verified core: {0}")]
    Unsupported(String),
    /// The computation went past the CPU-time or memory budget of a core worker
    /// (`[limits] core_cpu_secs`, `core_memory_bytes`); the worker was replaced.
    #[error("this operation is too expensive for this server: {0}")]
    TooExpensive(String),
    /// The worker running the call died for another reason (killed from outside); a new
    /// one has been started, so the same call may succeed when tried again.
    #[error("the core worker running this computation stopped ({0}); a new one has been started")]
    WorkerDied(String),
    /// No core worker could be started (they are retried in the background).
    #[error("the verified core is unavailable: {0}")]
    Unavailable(String),
    /// The caller went away (its request was cancelled) before the answer came.
    #[error("the computation was cancelled")]
    Cancelled,
    /// A pruned op (13 to 15) needs this summarised patch in full (status 4); the
    /// functions of [`pruned`] return it as [`pruned::Pruned::Need`].
    #[error("the pruned computation needs patch {0} in full")]
    NeedsPatch(u32),
}

impl From<TooLarge> for CoreError {
    fn from(_: TooLarge) -> Self {
        CoreError::Internal("the request is too large: a length does not fit the wire format's u32".into())
    }
}

impl CoreError {
    /// Whether the same call may succeed later (the error must not be cached as the answer).
    pub fn is_transient(&self) -> bool {
        matches!(self, CoreError::WorkerDied(_) | CoreError::Unavailable(_) | CoreError::Cancelled)
    }
}

/// Where this process runs its core calls (chosen once).
enum Backend {
    /// In the one runtime of this process (never the server's choice).
    InProcess,
    /// In worker processes.
    Workers(Arc<Pool>),
}

static BACKEND: OnceLock<Backend> = OnceLock::new();

/// Run this process's core calls (all but [`validate_path`]) in a pool of worker
/// processes started now from `cfg.exe`, under `cfg`'s budgets. The server calls it
/// once at start; it fails if the pool cannot be set up or a backend was already chosen.
pub fn start_workers(cfg: PoolConfig) -> Result<(), String> {
    let pool = Pool::start(cfg).map_err(|e| format!("cannot start the core worker pool: {e}"))?;
    BACKEND.set(Backend::Workers(pool)).map_err(|_| "the verified core's backend was already chosen".to_string())
}

/// For integration tests and benchmarks: run core calls in workers started from `exe`
/// (e.g. `env!("CARGO_BIN_EXE_darcsweb")`), one per core, without budgets. Does nothing
/// when a backend was already chosen, so every test may call it.
pub fn use_worker_executable(exe: impl Into<PathBuf>) {
    static INIT: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _once = INIT.lock().unwrap_or_else(|e| e.into_inner());
    if BACKEND.get().is_some() {
        return;
    }
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    match Pool::start(PoolConfig { exe: exe.into(), workers, cpu_secs: 0, memory_bytes: 0 }) {
        Ok(p) => {
            let _ = BACKEND.set(Backend::Workers(p));
        }
        Err(e) => tracing::error!("cannot start the core worker pool: {e}"),
    }
}

/// For `darcsweb check`, unit tests and the FFI benchmark: run every core call in this
/// process's own runtime (one call at a time, no budgets). The server never does this.
/// Does nothing when a backend was already chosen.
pub fn use_in_process() {
    let _ = BACKEND.set(Backend::InProcess);
}

/// Requests up to this size of the ops whose cost is bounded by their input (apply,
/// invert, commute) take the short-call lane of the pool.
const SHORT_REQUEST_BYTES: usize = 1 << 20;

/// Replays of a history (tree_at, file_at, annotate) up to this size also take the
/// short-call lane: their cost grows faster than their input, but on a history this
/// small it stays far below a second, so a small repository's old versions and
/// annotations do not wait behind a large repository's long computations.
const SHORT_HISTORY_BYTES: usize = 256 << 10;

/// A state of the repository tree: every path with what is there.
pub type Tree = BTreeMap<Path, Node>;

/// What a path holds in a [`Tree`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A directory; its entries are the paths below it in the same tree.
    Dir,
    /// A file with its raw content.
    File(Vec<u8>),
}

/// What [`file_at`] finds at a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Nothing is at the path after the patches.
    Absent,
    /// A file, with its raw content.
    File(Vec<u8>),
    /// A directory, with the names of its entries.
    Dir(Vec<Vec<u8>>),
}

/// A named patch as the core sees it: its effect and its explicit dependencies
/// (indices of earlier patches of the same sequence).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Named {
    /// The patch's effect, in order.
    pub prims: Vec<Prim>,
    /// Indices of earlier patches of the sequence it explicitly depends on (`--ask-deps`).
    pub deps: Vec<u32>,
}

/// A darcs-3 prim with its identity, as the core sees it: `inverse` for a negative
/// `hash -N ID`, `position` = N, `patch` = a number the caller gives each patch id
/// (equal ids, equal numbers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NPrim {
    /// Whether this is the inverse of the identified prim (`hash -N ID`).
    pub inverse: bool,
    /// N in `hash N ID`: the prim's position in its named patch.
    pub position: u32,
    /// The caller's number for the named patch id; equal ids must get equal numbers.
    pub patch: u32,
    /// The prim itself.
    pub prim: Prim,
}

/// A darcs-3 contexted prim: the prims it depends on, then the prim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contexted3 {
    /// The prims that must precede [`patch`](Self::patch), in order.
    pub context: Vec<NPrim>,
    /// The prim, seen after its context.
    pub patch: NPrim,
}

/// A darcs-3 repository patch: a prim, or a conflictor (effect, the set it conflicts
/// with, its own identity).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rp3 {
    /// A plain prim with its identity.
    Prim(NPrim),
    /// A conflictor: what it does to the tree, and what it conflicts with.
    Conflictor {
        /// Its effect on the tree, as stored in the patch.
        effect: Vec<NPrim>,
        /// The set of contexted prims it conflicts with.
        conflicts: Vec<Contexted3>,
        /// The prim this conflictor stands for, in its context.
        identity: Contexted3,
    },
}

/// A darcs-3 named patch with its repository patches (conflictors kept) and explicit
/// dependencies (indices of earlier patches of the same sequence).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Named3 {
    /// The repository patches, in order.
    pub patches: Vec<Rp3>,
    /// Indices of the earlier patches it explicitly depends on.
    pub deps: Vec<u32>,
}

/// A darcs-2 named patch with its repository patches as parsed (conflictors and
/// duplicates kept) and explicit dependencies (indices of earlier patches).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Named2 {
    /// The repository patches, in order: prims, (inverse) duplicates and (inverse) conflictors;
    /// any other kind makes [`dependencies2_offloaded`] answer [`CoreError::Unsupported`].
    pub patches: Vec<crate::darcs::patch::RepoPatch>,
    /// Indices of the earlier patches it explicitly depends on.
    pub deps: Vec<u32>,
}

/// Line origins of a file: for each line, the index of the named patch that
/// introduced it (`None`: unknown), and the lines themselves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// For each line, the index of the named patch that introduced it (`None`: unknown).
    pub origins: Vec<Option<u32>>,
    /// The file's lines (its content split on `\n`), as many as `origins`.
    pub lines: Vec<Vec<u8>>,
}

/// The result of commuting `p;q`: `Some((q', p'))`, or `None` when they do not commute.
pub type Commuted = Option<(Vec<Prim>, Vec<Prim>)>;

const OP_APPLY: u32 = 1;
const OP_INVERT: u32 = 2;
const OP_COMMUTE: u32 = 3;
const OP_TREE_AT: u32 = 4;
const OP_FILE_AT: u32 = 5;
const OP_ANNOTATE: u32 = 6;
const OP_DEPENDENCIES: u32 = 7;
const OP_COMMUTE_NAMED: u32 = 8;

/// Run a request of an op whose cost is bounded by its input (apply, invert, commute):
/// small ones take the pool's short-call lane.
fn run<T>(req: Enc, f: impl FnOnce(&mut Dec) -> Result<T, Malformed>) -> Result<T, CoreError> {
    let lane = if req.buf.len() <= SHORT_REQUEST_BYTES { Lane::Short } else { Lane::Long };
    run_in(req, lane, f)
}

/// Run a request of an op that replays a history (tree_at, file_at, annotate): the
/// long-call lane unless the history is small.
fn run_replay<T>(req: Enc, f: impl FnOnce(&mut Dec) -> Result<T, Malformed>) -> Result<T, CoreError> {
    let lane = if req.buf.len() <= SHORT_HISTORY_BYTES { Lane::Short } else { Lane::Long };
    run_in(req, lane, f)
}

/// Run a request of an op that commutes a whole history (the dependency graphs, whose
/// cost grows with the square of the history): always the long-call lane.
fn run_long<T>(req: Enc, f: impl FnOnce(&mut Dec) -> Result<T, Malformed>) -> Result<T, CoreError> {
    run_in(req, Lane::Long, f)
}

/// Run a request where this process runs its calls (see [`start_workers`]) and decode an
/// ok payload with `f`; maps statuses 1 to 3 to errors.
fn run_in<T>(req: Enc, lane: Lane, f: impl FnOnce(&mut Dec) -> Result<T, Malformed>) -> Result<T, CoreError> {
    let backend = BACKEND.get().ok_or_else(|| {
        CoreError::Unavailable("no core backend was chosen (core::start_workers was not called)".into())
    })?;
    let resp = match backend {
        Backend::InProcess => call(req.buf)?,
        Backend::Workers(pool) => pool.call(req.buf, lane)?,
    };
    decode_response(&resp, f)
}

/// Decode a response (status byte, then its payload).
fn decode_response<T>(resp: &[u8], f: impl FnOnce(&mut Dec) -> Result<T, Malformed>) -> Result<T, CoreError> {
    let bad = |m: Malformed| CoreError::Internal(format!("malformed core response: {}", m.0));
    let mut d = Dec::new(resp);
    match d.u8().map_err(bad)? {
        0 => {
            let v = f(&mut d).map_err(bad)?;
            d.done().map_err(bad)?;
            Ok(v)
        }
        1 => {
            let patch = d.u32().map_err(bad)?;
            let prim = d.u32().map_err(bad)?;
            let message = String::from_utf8_lossy(&d.bytes().map_err(bad)?).into_owned();
            Err(CoreError::DoesNotApply { patch, prim, message })
        }
        3 => Err(CoreError::Unsupported(String::from_utf8_lossy(&d.bytes().map_err(bad)?).into_owned())),
        4 => Err(CoreError::NeedsPatch(d.u32().map_err(bad)?)),
        _ => Err(CoreError::Internal(String::from_utf8_lossy(&d.bytes().map_err(bad)?).into_owned())),
    }
}

/// One raw request through this process's own runtime: the response bytes, or a
/// status-2 response describing the failure (what a core worker process answers).
pub fn call_raw(req: Vec<u8>) -> Vec<u8> {
    call(req).unwrap_or_else(|e| {
        let mut out = Enc::default();
        out.u8(2);
        let msg = e.to_string();
        // a message longer than u32::MAX bytes cannot be: say so rather than truncate
        if out.bytes(msg.as_bytes()).is_err() {
            out.buf.truncate(1);
            out.bytes(b"internal failure (message too long)").expect("a short message fits");
        }
        out.buf
    })
}

fn enc_tree(e: &mut Enc, t: &Tree) -> Result<(), TooLarge> {
    e.len(t.len())?;
    for (path, node) in t {
        e.path(path)?;
        match node {
            Node::Dir => e.u8(0),
            Node::File(c) => {
                e.u8(1);
                e.bytes(c)?;
            }
        }
    }
    Ok(())
}

fn dec_tree(d: &mut Dec) -> Result<Tree, Malformed> {
    let n = d.u32()?;
    let mut t = Tree::new();
    for _ in 0..n {
        let p = d.path()?;
        let node = match d.u8()? {
            0 => Node::Dir,
            1 => Node::File(d.bytes()?),
            _ => return Err(Malformed("unknown node kind")),
        };
        t.insert(p, node);
    }
    Ok(t)
}

fn enc_named(e: &mut Enc, ps: &[Named]) -> Result<(), TooLarge> {
    e.len(ps.len())?;
    for p in ps {
        e.prims(&p.prims)?;
        e.u32s(&p.deps)?;
    }
    Ok(())
}

/// Apply a sequence of prims to a tree.
pub fn apply(tree: &Tree, prims: &[Prim]) -> Result<Tree, CoreError> {
    let mut e = Enc::new(OP_APPLY);
    enc_tree(&mut e, tree)?;
    e.prims(prims)?;
    run(e, dec_tree)
}

/// Apply hunks (and any other prims) to a single file's content.
pub fn apply_hunks(path: &Path, content: &[u8], prims: &[Prim]) -> Result<Vec<u8>, CoreError> {
    let mut tree = Tree::new();
    for i in 1..path.len() {
        tree.insert(path[..i].to_vec(), Node::Dir);
    }
    tree.insert(path.clone(), Node::File(content.to_vec()));
    match apply(&tree, prims)?.remove(path) {
        Some(Node::File(c)) => Ok(c),
        _ => Err(CoreError::DoesNotApply { patch: 0, prim: 0, message: "the file is gone".into() }),
    }
}

/// The inverse of a sequence (reversed, each prim inverted).
pub fn invert(prims: &[Prim]) -> Result<Vec<Prim>, CoreError> {
    let mut e = Enc::new(OP_INVERT);
    e.prims(prims)?;
    run(e, |d| d.prims())
}

/// Commute `p;q` into `q';p'` (darcs' rules), or `None` when they do not commute.
pub fn commute(p: &[Prim], q: &[Prim]) -> Result<Commuted, CoreError> {
    let mut e = Enc::new(OP_COMMUTE);
    e.prims(p)?;
    e.prims(q)?;
    run(e, dec_commuted)
}

/// Commute two named patches (explicit dependencies block), as darcs does.
pub fn commute_named(p: &Named, q: &Named) -> Result<Commuted, CoreError> {
    let mut e = Enc::new(OP_COMMUTE_NAMED);
    for n in [p, q] {
        e.prims(&n.prims)?;
        e.u32s(&n.deps)?;
    }
    run(e, dec_commuted)
}

fn dec_commuted(d: &mut Dec) -> Result<Commuted, Malformed> {
    Ok(match d.u8()? {
        0 => None,
        _ => {
            let q = d.prims()?;
            let p = d.prims()?;
            Some((q, p))
        }
    })
}

/// The tree after all of `patches`, from the empty tree.
pub fn tree_at(patches: &[Named]) -> Result<Tree, CoreError> {
    let mut e = Enc::new(OP_TREE_AT);
    enc_named(&mut e, patches)?;
    run_replay(e, dec_tree)
}

/// What `path` holds after all of `patches`.
pub fn file_at(patches: &[Named], path: &Path) -> Result<Lookup, CoreError> {
    let mut e = Enc::new(OP_FILE_AT);
    enc_named(&mut e, patches)?;
    e.path(path)?;
    run_replay(e, |d| {
        Ok(match d.u8()? {
            0 => Lookup::Absent,
            1 => Lookup::File(d.bytes()?),
            _ => Lookup::Dir(d.strs()?),
        })
    })
}

/// For every line of `path` after all of `patches`, the patch that introduced it.
pub fn annotate(patches: &[Named], path: &Path) -> Result<Annotation, CoreError> {
    let mut e = Enc::new(OP_ANNOTATE);
    enc_named(&mut e, patches)?;
    e.path(path)?;
    run_replay(e, |d| {
        let origins = d.u32s()?.into_iter().map(|o| (o != u32::MAX).then_some(o)).collect();
        let lines = d.strs()?;
        Ok(Annotation { origins, lines })
    })
}

/// For every patch, its direct dependencies (transitively reduced), ascending.
pub fn dependencies(patches: &[Named]) -> Result<Vec<Vec<u32>>, CoreError> {
    let mut e = Enc::new(OP_DEPENDENCIES);
    enc_named(&mut e, patches)?;
    run_long(e, dec_deps)
}

fn dec_deps(d: &mut Dec) -> Result<Vec<Vec<u32>>, Malformed> {
    let n = d.u32()?;
    (0..n).map(|_| d.u32s()).collect()
}

const OP_DEPENDENCIES3: u32 = 10;

fn enc_nprim(e: &mut Enc, p: &NPrim) -> Result<(), TooLarge> {
    e.u8(if p.inverse { 0 } else { 1 });
    e.u32(p.position);
    e.u32(p.patch);
    e.prim(&p.prim)
}

fn enc_contexted3(e: &mut Enc, c: &Contexted3) -> Result<(), TooLarge> {
    e.len(c.context.len())?;
    for p in &c.context {
        enc_nprim(e, p)?;
    }
    enc_nprim(e, &c.patch)
}

fn enc_named3(e: &mut Enc, ps: &[Named3]) -> Result<(), TooLarge> {
    e.len(ps.len())?;
    for n in ps {
        e.len(n.patches.len())?;
        for p in &n.patches {
            match p {
                Rp3::Prim(p) => {
                    e.u8(0);
                    enc_nprim(e, p)?;
                }
                Rp3::Conflictor { effect, conflicts, identity } => {
                    e.u8(1);
                    e.len(effect.len())?;
                    for p in effect {
                        enc_nprim(e, p)?;
                    }
                    e.len(conflicts.len())?;
                    for c in conflicts {
                        enc_contexted3(e, c)?;
                    }
                    enc_contexted3(e, identity)?;
                }
            }
        }
        e.u32s(&n.deps)?;
    }
    Ok(())
}

const OP_DEPENDENCIES2: u32 = 11;

fn enc_rp2(e: &mut Enc, p: &crate::darcs::patch::RepoPatch) -> Result<(), CoreError> {
    use crate::darcs::patch::RepoPatch as R;
    match p {
        R::Prim(p) => {
            e.u8(0);
            e.prim(p)?;
        }
        R::Duplicate(n) => {
            e.u8(1);
            enc_non(e, n)?;
        }
        R::Etacilpud(n) => {
            e.u8(2);
            enc_non(e, n)?;
        }
        R::Conflictor { ix, xx, x } | R::InvConflictor { ix, xx, x } => {
            e.u8(if matches!(p, R::Conflictor { .. }) { 3 } else { 4 });
            e.len(ix.len())?;
            for n in ix {
                enc_non(e, n)?;
            }
            e.prims(xx)?;
            enc_non(e, x)?;
        }
        other => return Err(CoreError::Unsupported(format!("a {} patch in a darcs-2 history", other.kind_name()))),
    }
    Ok(())
}

fn enc_non(e: &mut Enc, n: &crate::darcs::patch::Non) -> Result<(), CoreError> {
    e.len(n.context.len())?;
    for p in &n.context {
        enc_rp2(e, p)?;
    }
    e.prim(&n.prim)?;
    Ok(())
}

/// [`dependencies`] of a darcs-2 history, commuting its conflictors and duplicates by
/// darcs-2's rules (what `darcs show dependencies` does).
pub fn dependencies2(patches: &[Named2]) -> Result<Vec<Vec<u32>>, CoreError> {
    let mut e = Enc::new(OP_DEPENDENCIES2);
    e.len(patches.len())?;
    for n in patches {
        e.len(n.patches.len())?;
        for p in &n.patches {
            enc_rp2(&mut e, p)?;
        }
        e.u32s(&n.deps)?;
    }
    run_long(e, dec_deps)
}

/// [`dependencies`] of a darcs-3 history, commuting its conflictors by darcs-3's rules
/// (what `darcs show dependencies` does).
pub fn dependencies3(patches: &[Named3]) -> Result<Vec<Vec<u32>>, CoreError> {
    let mut e = Enc::new(OP_DEPENDENCIES3);
    enc_named3(&mut e, patches)?;
    run_long(e, dec_deps)
}

/// Run a blocking core call from async code without stalling the tokio workers.
pub async fn spawn<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, CoreError> + Send + 'static,
) -> Result<T, CoreError> {
    tokio::task::spawn_blocking(f).await.unwrap_or_else(|e| Err(CoreError::Internal(format!("core task failed: {e}"))))
}

const OP_VALIDATE_PATH: u32 = 9;

/// Longest input [`validate_path`] takes to the core; longer ones are refused here, so
/// that every call this process's own runtime runs stays short.
pub const MAX_VALIDATE_BYTES: usize = 8 * 1024;

fn validate_request(raw: &[u8]) -> Result<Enc, String> {
    if raw.len() > MAX_VALIDATE_BYTES {
        return Err(format!("the path is {} bytes long; at most {MAX_VALIDATE_BYTES} are accepted", raw.len()));
    }
    let mut e = Enc::new(OP_VALIDATE_PATH);
    // cannot fail: the length is at most MAX_VALIDATE_BYTES
    e.bytes(raw).map_err(|_| "the path is too long".to_string())?;
    Ok(e)
}

fn dec_validated(d: &mut Dec) -> Result<Result<Path, String>, Malformed> {
    Ok(match d.u8()? {
        1 => Ok(d.path()?),
        _ => Err(String::from_utf8_lossy(&d.bytes()?).into_owned()),
    })
}

/// Check a (percent-decoded) URL path with the predicate proved in `theories/`;
/// `Err` carries the reason it is refused. Runs in this process's own runtime (it
/// blocks the calling thread for microseconds); async code uses [`validate_path_async`].
pub fn validate_path(raw: &[u8]) -> Result<Result<Path, String>, CoreError> {
    match validate_request(raw) {
        Ok(e) => decode_response(&call(e.buf)?, dec_validated),
        Err(why) => Ok(Err(why)),
    }
}

/// [`validate_path`] for async code: the task awaits the answer, no thread blocks.
pub async fn validate_path_async(raw: &[u8]) -> Result<Result<Path, String>, CoreError> {
    match validate_request(raw) {
        Ok(e) => decode_response(&runtime::call_async(e.buf).await?, dec_validated),
        Err(why) => Ok(Err(why)),
    }
}

pub mod worker;
