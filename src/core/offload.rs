//! Where core calls run (the offload policy): the backend chosen once per process (the
//! worker pool, or this process's own runtime), the lane a request takes, and the
//! decoding of answers into [`CoreError`]s.

use super::*;

/// Where this process runs its core calls (chosen once).
pub(super) enum Backend {
    /// In the one runtime of this process (never the server's choice).
    InProcess,
    /// In worker processes.
    Workers(Arc<Pool>),
}

pub(super) static BACKEND: OnceLock<Backend> = OnceLock::new();

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
pub(super) const SHORT_REQUEST_BYTES: usize = 1 << 20;

/// Replays of a history (tree_at, file_at, annotate) up to this size also take the
/// short-call lane: their cost grows faster than their input, but on a history this
/// small it stays far below a second, so a small repository's old versions and
/// annotations do not wait behind a large repository's long computations.
pub(super) const SHORT_HISTORY_BYTES: usize = 256 << 10;

/// Run a request of an op whose cost is bounded by its input (apply, invert, commute):
/// small ones take the pool's short-call lane.
pub(super) fn run<T>(req: Enc, f: impl FnOnce(&mut Dec) -> Result<T, Malformed>) -> Result<T, CoreError> {
    let lane = if req.buf.len() <= SHORT_REQUEST_BYTES { Lane::Short } else { Lane::Long };
    run_in(req, lane, f)
}

/// Run a request of an op that replays a history (tree_at, file_at, annotate): the
/// long-call lane unless the history is small.
pub(super) fn run_replay<T>(req: Enc, f: impl FnOnce(&mut Dec) -> Result<T, Malformed>) -> Result<T, CoreError> {
    let lane = if req.buf.len() <= SHORT_HISTORY_BYTES { Lane::Short } else { Lane::Long };
    run_in(req, lane, f)
}

/// Run a request of an op that commutes a whole history (the dependency graphs, whose
/// cost grows with the square of the history): always the long-call lane.
pub(super) fn run_long<T>(req: Enc, f: impl FnOnce(&mut Dec) -> Result<T, Malformed>) -> Result<T, CoreError> {
    run_in(req, Lane::Long, f)
}

/// Run a request where this process runs its calls (see [`start_workers`]) and decode an
/// ok payload with `f`; maps statuses 1 to 3 to errors.
pub(super) fn run_in<T>(
    req: Enc,
    lane: Lane,
    f: impl FnOnce(&mut Dec) -> Result<T, Malformed>,
) -> Result<T, CoreError> {
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
pub(super) fn decode_response<T>(
    resp: &[u8],
    f: impl FnOnce(&mut Dec) -> Result<T, Malformed>,
) -> Result<T, CoreError> {
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
