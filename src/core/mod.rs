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
//!   runs every call, fed by a channel (`runtime.rs`);
//! * `darcsweb check`, unit tests and benchmarks may choose to run everything in process
//!   ([`use_in_process`]); integration tests name the worker executable
//!   ([`use_worker_executable`]).
//!
//! OCaml exceptions and failures come back as [`CoreError`]s, never as a crash.
//!
//! This file holds the ops themselves; `types.rs` the API's types, `encode.rs` their wire
//! encoding, `offload.rs` where calls run and which lane they take.

pub mod cancel;
pub mod coverage;
pub mod effect;
pub mod pool;
pub mod pruned;
mod runtime;
pub mod wire;

mod encode;
mod offload;
mod types;

use encode::*;
use offload::*;
pub use offload::{call_raw, start_workers, use_in_process, use_worker_executable};
pub use types::*;

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

const OP_APPLY: u32 = 1;
const OP_INVERT: u32 = 2;
const OP_COMMUTE: u32 = 3;
const OP_TREE_AT: u32 = 4;
const OP_FILE_AT: u32 = 5;
const OP_ANNOTATE: u32 = 6;
const OP_DEPENDENCIES: u32 = 7;
const OP_COMMUTE_NAMED: u32 = 8;

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

const OP_DEPENDENCIES3: u32 = 10;

const OP_DEPENDENCIES2: u32 = 11;

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
