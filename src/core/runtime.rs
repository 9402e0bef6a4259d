//! The one owner of the OCaml runtime in this process: a dedicated thread that starts
//! the runtime and runs every call, fed by a channel. This is the only module of
//! darcsweb with `unsafe` code (the FFI into `src/core/ffi/stubs.c`).
#![allow(unsafe_code)]

use std::sync::mpsc;
use std::sync::OnceLock;

use super::CoreError;

mod ffi {
    #![allow(non_upper_case_globals, non_camel_case_types, non_snake_case, dead_code, missing_docs)]
    include!(concat!(env!("OUT_DIR"), "/core_bindings.rs"));
}

struct Job {
    req: Vec<u8>,
    reply: Reply,
}

/// Where the owner thread sends an answer: a blocked thread, or an awaiting task.
enum Reply {
    Blocking(mpsc::SyncSender<Result<Vec<u8>, CoreError>>),
    Async(tokio::sync::oneshot::Sender<Result<Vec<u8>, CoreError>>),
}

/// The owner thread's mailbox; started on first use.
fn mailbox() -> &'static mpsc::Sender<Job> {
    static TX: OnceLock<mpsc::Sender<Job>> = OnceLock::new();
    TX.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("verified-core".into())
            // Extracted code recurses on lists; a large (virtual) stack keeps deep inputs safe.
            .stack_size(1 << 30)
            .spawn(move || owner(rx))
            .expect("cannot start the verified core's thread");
        tx
    })
}

/// The one thread that ever enters the OCaml runtime.
fn owner(rx: mpsc::Receiver<Job>) {
    // SAFETY: called once, on this thread, before any other call into OCaml.
    let init = unsafe { ffi::dw_core_init() };
    while let Some(job) = spin_then_wait(OWNER_SPIN, || rx.try_recv().ok(), || rx.recv().ok()) {
        let result = if init != 0 {
            Err(CoreError::Internal(format!("the OCaml runtime did not start (code {init})")))
        } else {
            raw_call(&job.req)
        };
        match job.reply {
            Reply::Blocking(tx) => {
                let _ = tx.send(result);
            }
            Reply::Async(tx) => {
                let _ = tx.send(result);
            }
        }
    }
}

fn raw_call(req: &[u8]) -> Result<Vec<u8>, CoreError> {
    let mut out: *mut u8 = std::ptr::null_mut();
    let mut out_len: usize = 0;
    // SAFETY: only the owner thread calls this; the request slice outlives the call, and the
    // response is copied then freed with the stubs' own allocator.
    let rc = unsafe { ffi::dw_core_call(req.as_ptr(), req.len(), &mut out, &mut out_len) };
    let bytes = if out.is_null() {
        Vec::new()
    } else {
        // SAFETY: the stub returned a malloc'ed buffer of out_len bytes, not freed yet.
        let v = unsafe { std::slice::from_raw_parts(out, out_len) }.to_vec();
        // SAFETY: `out` came from dw_core_call and is freed once, after the copy above.
        unsafe { ffi::dw_core_free(out) };
        v
    };
    match rc {
        0 => Ok(bytes),
        -2 => Err(CoreError::Internal(format!("OCaml exception: {}", String::from_utf8_lossy(&bytes)))),
        n => Err(CoreError::Internal(format!("core call failed with code {n}"))),
    }
}

/// Send one request to the owner thread and wait (blocking) for the raw response.
pub(super) fn call(req: Vec<u8>) -> Result<Vec<u8>, CoreError> {
    let (tx, rx) = mpsc::sync_channel(1);
    mailbox()
        .send(Job { req, reply: Reply::Blocking(tx) })
        .map_err(|_| CoreError::Internal("the verified core's thread is gone".into()))?;
    spin_then_wait(CALLER_SPIN, || rx.try_recv().ok(), || rx.recv().ok())
        .ok_or_else(|| CoreError::Internal("the verified core's thread is gone".into()))?
}

/// [`call`] for async callers: the task awaits the answer instead of blocking its thread.
pub(super) async fn call_async(req: Vec<u8>) -> Result<Vec<u8>, CoreError> {
    let gone = || CoreError::Internal("the verified core's thread is gone".into());
    let (tx, rx) = tokio::sync::oneshot::channel();
    mailbox().send(Job { req, reply: Reply::Async(tx) }).map_err(|_| gone())?;
    rx.await.map_err(|_| gone())?
}

/// How long the owner thread polls for the next call, and a caller for its answer,
/// before sleeping. Waking a sleeping thread costs tens of microseconds on a virtual
/// machine, longer than most core calls; callers poll less, as many may wait at once.
const OWNER_SPIN: std::time::Duration = std::time::Duration::from_micros(50);
const CALLER_SPIN: std::time::Duration = std::time::Duration::from_micros(20);

/// Poll `try_now` for up to `spin`, then block on `wait`.
fn spin_then_wait<T>(
    spin: std::time::Duration,
    mut try_now: impl FnMut() -> Option<T>,
    wait: impl FnOnce() -> Option<T>,
) -> Option<T> {
    let start = std::time::Instant::now();
    while start.elapsed() < spin {
        if let Some(v) = try_now() {
            return Some(v);
        }
        std::hint::spin_loop();
    }
    wait()
}
