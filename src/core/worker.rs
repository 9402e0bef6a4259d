//! `darcsweb core-worker`: one process of the server's [`pool`](super::pool) of core
//! workers. It runs the calls it reads on stdin in its own OCaml runtime and writes the
//! answers to stdout (the framing is in `WIRE.md`), under the budgets the kernel
//! enforces for it:
//!
//! * `RLIMIT_AS` = `--memory-bytes`, set once at start (an allocation past it fails: the
//!   OCaml core answers "out of memory", Rust aborts);
//! * before every call, the soft `RLIMIT_CPU` = the CPU time used so far plus the call's
//!   budget, so the kernel stops the process (SIGXCPU) once one call has used its budget;
//! * no core dumps, and it is killed (SIGKILL) when the server that started it dies;
//! * a long-call worker runs niced (`--nice`), so that the server's own threads and the
//!   short-call worker take the CPU first while a long call computes.

use std::io::Write;
use std::process::ExitCode;

use rustix::process::{getrlimit, setrlimit, Resource, Rlimit};

/// Set the limits that hold for the worker's whole life; `Err` says which failed.
fn set_lifetime_limits(memory_bytes: Option<u64>, nice: Option<i32>) -> Result<(), String> {
    if let Some(n) = nice {
        rustix::process::setpriority_process(None, n).map_err(|e| format!("setpriority({n}): {e}"))?;
    }
    // the server's death must not leave a worker computing: the pipes would only tell it
    // once its call is over
    rustix::process::set_parent_process_death_signal(Some(rustix::process::Signal::KILL))
        .map_err(|e| format!("prctl(PR_SET_PDEATHSIG): {e}"))?;
    let no_core = Rlimit { current: Some(0), maximum: getrlimit(Resource::Core).maximum };
    setrlimit(Resource::Core, no_core).map_err(|e| format!("setrlimit(RLIMIT_CORE): {e}"))?;
    if let Some(bytes) = memory_bytes {
        let hard = getrlimit(Resource::As).maximum;
        let soft = hard.map_or(bytes, |h| h.min(bytes));
        setrlimit(Resource::As, Rlimit { current: Some(soft), maximum: hard })
            .map_err(|e| format!("setrlimit(RLIMIT_AS): {e}"))?;
    }
    Ok(())
}

/// Let the coming call use `budget` more seconds of CPU time (0: no limit) than this
/// process has used so far.
fn set_cpu_budget(budget: u32) -> Result<(), String> {
    let hard = getrlimit(Resource::Cpu).maximum;
    let soft = if budget == 0 {
        hard
    } else {
        let used = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
        // RLIMIT_CPU counts whole seconds: round what was used up
        let used = used.tv_sec.max(0) as u64 + u64::from(used.tv_nsec > 0);
        let want = used.saturating_add(u64::from(budget));
        Some(hard.map_or(want, |h| h.min(want)))
    };
    setrlimit(Resource::Cpu, Rlimit { current: soft, maximum: hard }).map_err(|e| format!("setrlimit(RLIMIT_CPU): {e}"))
}

/// `darcsweb core-worker [--memory-bytes N] [--nice N]`: answer calls on stdin until it
/// closes.
pub fn serve_stdio(memory_bytes: Option<u64>, nice: Option<i32>) -> ExitCode {
    if let Err(e) = set_lifetime_limits(memory_bytes, nice) {
        eprintln!("darcsweb core-worker: {e}");
        return ExitCode::FAILURE;
    }
    let mut stdin = std::io::stdin().lock();
    let mut stdout = std::io::stdout().lock();
    loop {
        let frame = match super::pool::read_message(&mut stdin) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return ExitCode::SUCCESS,
            Err(_) => return ExitCode::FAILURE,
        };
        let Some((budget, req)) = frame.split_first_chunk::<4>() else {
            eprintln!("darcsweb core-worker: a call without its CPU budget");
            return ExitCode::FAILURE;
        };
        if let Err(e) = set_cpu_budget(u32::from_le_bytes(*budget)) {
            eprintln!("darcsweb core-worker: {e}");
            return ExitCode::FAILURE;
        }
        let resp = super::call_raw(req.to_vec());
        let ok = stdout
            .write_all(&(resp.len() as u64).to_le_bytes())
            .and_then(|_| stdout.write_all(&resp))
            .and_then(|_| stdout.flush());
        if ok.is_err() {
            return ExitCode::FAILURE;
        }
    }
}
