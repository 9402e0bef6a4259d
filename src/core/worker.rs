//! A helper process for long core computations (the dependency graph of a long history).
//!
//! The OCaml 4 runtime is single-threaded and one process has one, so a call that runs
//! for seconds would make every other core call wait. The server therefore starts its
//! own binary as `darcsweb core-worker`, a second process with its own runtime running
//! the same extracted code, and sends it the long calls over stdin/stdout in the wire
//! format of `WIRE.md` (each message prefixed by its length, u64 little-endian). When
//! the helper cannot be started (e.g. in a test binary), calls run in process.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitCode, Stdio};
use std::sync::Mutex;

struct Worker {
    child: Child,
    stdin: ChildStdin,
    stdout: ChildStdout,
}

static WORKER: Mutex<Option<Worker>> = Mutex::new(None);

/// The executable to start: `$DARCSWEB_CORE_WORKER`, else this process's own binary when
/// it is `darcsweb`.
fn exe() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("DARCSWEB_CORE_WORKER") {
        return Some(PathBuf::from(p));
    }
    let me = std::env::current_exe().ok()?;
    (me.file_name()? == "darcsweb").then_some(me)
}

fn start() -> Option<Worker> {
    let mut child = Command::new(exe()?)
        .arg("core-worker")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .ok()?;
    let stdin = child.stdin.take()?;
    let stdout = child.stdout.take()?;
    Some(Worker { child, stdin, stdout })
}

fn exchange(w: &mut Worker, req: &[u8]) -> std::io::Result<Vec<u8>> {
    w.stdin.write_all(&(req.len() as u64).to_le_bytes())?;
    w.stdin.write_all(req)?;
    w.stdin.flush()?;
    read_message(&mut w.stdout)
}

fn read_message(r: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let mut len = [0u8; 8];
    r.read_exact(&mut len)?;
    let n = usize::try_from(u64::from_le_bytes(len))
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "message too large"))?;
    let mut buf = vec![0u8; n];
    r.read_exact(&mut buf)?;
    Ok(buf)
}

/// Send a raw request to the helper process (started on first use); `None` when it is
/// not available, so the caller runs the request in process.
pub fn call(req: &[u8]) -> Option<Vec<u8>> {
    let mut guard = WORKER.lock().unwrap_or_else(|e| e.into_inner());
    if guard.is_none() {
        *guard = start();
    }
    let w = guard.as_mut()?;
    match exchange(w, req) {
        Ok(resp) => Some(resp),
        Err(e) => {
            tracing::warn!("core worker failed ({e}); running in process");
            let _ = w.child.kill();
            let _ = w.child.wait();
            *guard = None;
            None
        }
    }
}

/// The process id of the running helper, if one was started.
pub fn pid() -> Option<u32> {
    WORKER.lock().unwrap_or_else(|e| e.into_inner()).as_ref().map(|w| w.child.id())
}

/// `darcsweb core-worker`: answer requests on stdin until it closes.
pub fn serve_stdio() -> ExitCode {
    let mut stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    loop {
        let req = match read_message(&mut stdin) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return ExitCode::SUCCESS,
            Err(_) => return ExitCode::FAILURE,
        };
        let resp = super::call_raw(req);
        let ok = stdout
            .write_all(&(resp.len() as u64).to_le_bytes())
            .and_then(|_| stdout.write_all(&resp))
            .and_then(|_| stdout.flush());
        if ok.is_err() {
            return ExitCode::FAILURE;
        }
    }
}
