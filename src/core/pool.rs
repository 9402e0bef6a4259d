//! The pool of core worker processes that runs the server's core calls.
//!
//! The OCaml 4 runtime is single-threaded, so one process runs one core call at a time.
//! The server therefore starts its own binary as `darcsweb core-worker` several times
//! (each its own runtime) and sends each call to one of them over stdin/stdout (the
//! framing is in `WIRE.md`). Every call runs under budgets that the kernel enforces in
//! the worker (a CPU-time limit set before each call, an address-space limit set once):
//! past them the worker dies, is replaced, and the call fails with
//! [`CoreError::TooExpensive`].
//!
//! * One OS thread per worker does the blocking frame I/O and owns the child process; a
//!   second, short-lived thread per child waits for it to exit (without reaping it), so
//!   a worker that dies while idle is noticed at once, reaped and replaced.
//! * Calls are queued FIFO in two lanes. [`Lane::Long`] calls run only on the long-call
//!   workers (`[limits] core_workers` of them); [`Lane::Short`] calls (small applies,
//!   inverts, commutes, replays of small histories) run on a worker kept for them or on
//!   any idle long-call worker, so they never wait behind a long call.
//! * A call made while a cancellation token is set on the calling thread (see
//!   [`super::cancel`]) is dropped from its queue when the token is cancelled, or, if it
//!   is running, its worker is killed (SIGKILL) and replaced.
//! * There is no fallback to the in-process runtime: if no worker can be started, calls
//!   fail with [`CoreError::Unavailable`] and the pool keeps trying to start them.

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use super::CoreError;

/// How a pool is set up (from `[limits]` in the configuration).
#[derive(Debug, Clone)]
pub struct PoolConfig {
    /// The executable started as `EXE core-worker`: the server's own binary.
    pub exe: PathBuf,
    /// Workers for long calls; one more is started for short calls.
    pub workers: usize,
    /// CPU seconds one call may use before the kernel stops its worker (0: no limit).
    pub cpu_secs: u64,
    /// Address space of one worker, in bytes (0: no limit).
    pub memory_bytes: u64,
}

/// Which workers may run a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lane {
    /// A call whose cost is bounded by its small input: the short-call worker or any
    /// idle long-call worker runs it.
    Short,
    /// Any other call: only the long-call workers run it, so short calls never wait
    /// behind it.
    Long,
}

type Reply = tokio::sync::oneshot::Sender<Result<Vec<u8>, CoreError>>;

struct Job {
    id: u64,
    req: Vec<u8>,
    reply: Reply,
}

/// One worker's state, shared between its I/O thread, its exit watcher and callers.
struct Slot {
    /// The short-call worker serves the short lane only; the others the long lane first.
    lane: Lane,
    /// The running child's process id while it is not reaped (so signalling it is safe).
    pid: Option<u32>,
    /// Counts the children this slot started (the exit watcher names the one it watches).
    generation: u64,
    /// The child has exited (it is not reaped yet).
    exited: bool,
    /// The id of the call the child is running.
    running: Option<u64>,
    /// The running call was cancelled and its child killed for that.
    cancelled: bool,
    /// Why no child can be started at the moment (cleared by the next start).
    down: Option<String>,
}

struct State {
    short: VecDeque<Job>,
    long: VecDeque<Job>,
    slots: Vec<Slot>,
    next_id: u64,
}

/// A started pool of core worker processes; see the module documentation.
pub struct Pool {
    cfg: PoolConfig,
    state: Mutex<State>,
    cv: Condvar,
}

/// How a child's service ended.
enum End {
    /// It exited (or was killed) while idle.
    Idle,
    /// It must be replaced after a call (killed by a limit, cancelled, or its heap exhausted).
    Replace,
}

/// A worker that exits this soon after its start without serving a call counts as a
/// failed start (the next start is delayed, up to [`MAX_BACKOFF`]).
const EARLY_EXIT: Duration = Duration::from_secs(1);
/// The niceness of the long-call workers: while one computes for seconds, the server's
/// threads and the short-call worker get the CPU first (under contention a nice-10
/// process gets about a tenth of a nice-0 one's share), so other pages keep answering.
pub const LONG_CALL_NICE: i32 = 10;
/// The OCaml runtime settings of the long-call workers (unless `OCAMLRUNPARAM` is set):
/// a 32 MiB minor heap and a major GC that lets the heap grow to five times the live
/// data. Their calls (the dependency graph above all) allocate much and keep much; on
/// libuv's graph this cuts the time by about a fifth (`examples/prune_timing.rs`), and
/// the memory stays far inside `core_memory_bytes`. The server's own runtime, which runs
/// only short calls, keeps the defaults.
pub const LONG_CALL_OCAMLRUNPARAM: &str = "s=4M,o=400";
const MAX_BACKOFF: Duration = Duration::from_secs(30);

impl Pool {
    /// Start the pool: one thread per worker, each starting its worker process at once.
    pub fn start(cfg: PoolConfig) -> std::io::Result<Arc<Pool>> {
        let n = cfg.workers.max(1);
        let slots = (0..=n)
            .map(|i| Slot {
                lane: if i == 0 { Lane::Short } else { Lane::Long },
                pid: None,
                generation: 0,
                exited: false,
                running: None,
                cancelled: false,
                down: None,
            })
            .collect();
        let pool = Arc::new(Pool {
            cfg,
            state: Mutex::new(State { short: VecDeque::new(), long: VecDeque::new(), slots, next_id: 0 }),
            cv: Condvar::new(),
        });
        for i in 0..=n {
            let p = pool.clone();
            std::thread::Builder::new().name(format!("core-worker-{i}")).spawn(move || p.run_slot(i))?;
        }
        Ok(pool)
    }

    /// The process ids of the running workers, the short-call worker's first (for
    /// diagnostics and tests).
    pub fn worker_pids(&self) -> Vec<u32> {
        self.lock().slots.iter().filter_map(|s| s.pid).collect()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Why no worker can run a call of `lane`, when none can.
    fn unavailable(st: &State, lane: Lane) -> Option<String> {
        let mut why = None;
        for s in st.slots.iter().filter(|s| lane == Lane::Short || s.lane == Lane::Long) {
            match &s.down {
                Some(w) => why = Some(w.clone()),
                None => return None,
            }
        }
        why
    }

    /// Run one raw request (WIRE.md) in a worker of `lane` and wait for its response.
    pub fn call(&self, req: Vec<u8>, lane: Lane) -> Result<Vec<u8>, CoreError> {
        let token = super::cancel::current();
        if token.as_ref().is_some_and(|t| t.is_cancelled()) {
            return Err(CoreError::Cancelled);
        }
        let (tx, rx) = tokio::sync::oneshot::channel();
        let id = {
            let mut st = self.lock();
            if let Some(why) = Self::unavailable(&st, lane) {
                return Err(CoreError::Unavailable(why));
            }
            let id = st.next_id;
            st.next_id += 1;
            let job = Job { id, req, reply: tx };
            match lane {
                Lane::Short => st.short.push_back(job),
                Lane::Long => st.long.push_back(job),
            }
            id
        };
        self.cv.notify_all();
        let gone = || CoreError::Internal("the core worker pool dropped the call".into());
        match token {
            None => futures_executor::block_on(rx).unwrap_or_else(|_| Err(gone())),
            Some(token) => {
                let cancelled = std::pin::pin!(token.cancelled());
                match futures_executor::block_on(futures_util::future::select(rx, cancelled)) {
                    futures_util::future::Either::Left((r, _)) => r.unwrap_or_else(|_| Err(gone())),
                    futures_util::future::Either::Right(_) => {
                        self.cancel(id);
                        Err(CoreError::Cancelled)
                    }
                }
            }
        }
    }

    /// Drop call `id` from its queue, or kill the worker running it.
    fn cancel(&self, id: u64) {
        let mut st = self.lock();
        st.short.retain(|j| j.id != id);
        st.long.retain(|j| j.id != id);
        for s in st.slots.iter_mut() {
            if s.running == Some(id) {
                s.cancelled = true;
                if !s.exited {
                    kill(s.pid);
                }
            }
        }
    }

    /// The life of worker `i`: start a child, serve calls, replace it when it ends.
    fn run_slot(self: Arc<Self>, i: usize) {
        let mut failures: u32 = 0;
        loop {
            if failures > 0 {
                std::thread::sleep(backoff(failures));
            }
            let started = Instant::now();
            let mut child = match self.spawn(i) {
                Ok(c) => c,
                Err(e) => {
                    failures += 1;
                    let why = format!("cannot start a core worker ({}): {e}", self.cfg.exe.display());
                    tracing::error!("{why}");
                    self.set_down(i, why);
                    continue;
                }
            };
            let (end, served) = self.serve(i, &mut child);
            let status = self.reap(i, &mut child, matches!(end, End::Replace));
            match end {
                // a worker that exits by itself right after its start will not serve
                End::Idle
                    if !served
                        && started.elapsed() < EARLY_EXIT
                        && status.as_ref().is_ok_and(|s| s.signal().is_none()) =>
                {
                    failures += 1;
                    let why = format!("the core worker exits at start ({})", describe(&status));
                    tracing::error!("{why}");
                    self.set_down(i, why);
                }
                End::Idle => {
                    failures = 0;
                    tracing::warn!("core worker {i} exited while idle ({}); starting a new one", describe(&status));
                }
                End::Replace => failures = 0,
            }
        }
    }

    /// Record that slot `i` cannot start a worker; fail the queued calls no worker can take.
    fn set_down(&self, i: usize, why: String) {
        let mut dropped = Vec::new();
        {
            let mut st = self.lock();
            st.slots[i].down = Some(why);
            if let Some(w) = Self::unavailable(&st, Lane::Long) {
                dropped.extend(st.long.drain(..).map(|j| (j, w.clone())));
            }
            if let Some(w) = Self::unavailable(&st, Lane::Short) {
                dropped.extend(st.short.drain(..).map(|j| (j, w.clone())));
            }
        }
        for (j, w) in dropped {
            let _ = j.reply.send(Err(CoreError::Unavailable(w)));
        }
    }

    /// Start slot `i`'s child and the thread that notices its exit.
    fn spawn(self: &Arc<Self>, i: usize) -> std::io::Result<Worker> {
        let mut cmd = Command::new(&self.cfg.exe);
        cmd.arg("core-worker");
        if self.cfg.memory_bytes > 0 {
            cmd.arg("--memory-bytes").arg(self.cfg.memory_bytes.to_string());
        }
        if self.lock().slots[i].lane == Lane::Long {
            cmd.arg("--nice").arg(LONG_CALL_NICE.to_string());
            if std::env::var_os("OCAMLRUNPARAM").is_none() {
                cmd.env("OCAMLRUNPARAM", LONG_CALL_OCAMLRUNPARAM);
            }
        }
        let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit()).spawn()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::other("no pipe to the core worker"));
        };
        let pid = child.id();
        let generation = {
            let mut st = self.lock();
            let s = &mut st.slots[i];
            s.generation += 1;
            s.pid = Some(pid);
            s.exited = false;
            s.down = None;
            s.generation
        };
        let pool = self.clone();
        let watcher = std::thread::Builder::new().name(format!("core-worker-{i}-exit")).spawn(move || {
            if let Some(p) = rustix::process::Pid::from_raw(pid as i32) {
                use rustix::process::{waitid, WaitId, WaitIdOptions};
                // NOWAIT: the child stays a zombie until its I/O thread reaps it, so its
                // pid cannot be reused while anyone may still signal it.
                while let Err(rustix::io::Errno::INTR) =
                    waitid(WaitId::Pid(p), WaitIdOptions::EXITED | WaitIdOptions::NOWAIT)
                {}
            }
            let mut st = pool.lock();
            if st.slots[i].generation == generation {
                st.slots[i].exited = true;
            }
            drop(st);
            pool.cv.notify_all();
        });
        if let Err(e) = watcher {
            let _ = child.kill();
            let _ = child.wait();
            self.lock().slots[i].pid = None;
            return Err(e);
        }
        Ok(Worker { child, stdin, stdout, status: None })
    }

    /// Serve calls with one child until it must be replaced; also says whether it
    /// answered at least one call.
    fn serve(&self, i: usize, w: &mut Worker) -> (End, bool) {
        let lane = self.lock().slots[i].lane;
        let mut served = false;
        loop {
            let job = {
                let mut st = self.lock();
                loop {
                    if st.slots[i].exited {
                        return (End::Idle, served);
                    }
                    let next = match lane {
                        Lane::Short => st.short.pop_front(),
                        Lane::Long => st.long.pop_front().or_else(|| st.short.pop_front()),
                    };
                    if let Some(job) = next {
                        st.slots[i].running = Some(job.id);
                        st.slots[i].cancelled = false;
                        break job;
                    }
                    st = self.cv.wait(st).unwrap_or_else(|e| e.into_inner());
                }
            };
            let budget = u32::try_from(self.cfg.cpu_secs).unwrap_or(u32::MAX);
            let result = exchange(w, budget, &job.req);
            let cancelled = {
                let mut st = self.lock();
                let s = &mut st.slots[i];
                s.running = None;
                std::mem::take(&mut s.cancelled)
            };
            match result {
                Ok(_) if cancelled => {
                    // the answer came before the kill landed: the child may be dying
                    let _ = job.reply.send(Err(CoreError::Cancelled));
                    return (End::Replace, true);
                }
                Ok(resp) => {
                    served = true;
                    if let Some(why) = exhausted(&resp) {
                        let _ = job.reply.send(Err(CoreError::TooExpensive(why)));
                        return (End::Replace, true);
                    }
                    let _ = job.reply.send(Ok(resp));
                }
                Err(e) => {
                    let status = self.reap(i, w, true);
                    let err = if cancelled { CoreError::Cancelled } else { self.died(&status, &e) };
                    if !cancelled {
                        tracing::warn!(
                            "core worker {i} died during a call ({}); starting a new one",
                            describe(&status)
                        );
                    }
                    let _ = job.reply.send(Err(err));
                    return (End::Replace, true);
                }
            }
        }
    }

    /// Kill (when `kill_it`) and reap slot `i`'s child; its exit status.
    fn reap(&self, i: usize, w: &mut Worker, kill_it: bool) -> std::io::Result<ExitStatus> {
        if let Some(status) = w.status {
            return Ok(status);
        }
        if kill_it {
            let st = self.lock();
            if !st.slots[i].exited {
                kill(st.slots[i].pid);
            }
        }
        let status = w.child.wait();
        if let Ok(s) = status {
            w.status = Some(s);
        }
        let mut st = self.lock();
        st.slots[i].pid = None;
        st.slots[i].exited = false;
        status
    }

    /// The error for a call whose worker died on its own.
    fn died(&self, status: &std::io::Result<ExitStatus>, io: &std::io::Error) -> CoreError {
        use rustix::process::Signal;
        let signal = status.as_ref().ok().and_then(|s| s.signal());
        match signal {
            Some(s) if s == Signal::XCPU.as_raw() => CoreError::TooExpensive(format!(
                "it needs more than the {} s of CPU time one core computation may use on this server",
                self.cfg.cpu_secs
            )),
            Some(s) if [Signal::SEGV, Signal::ABORT, Signal::BUS].iter().any(|x| x.as_raw() == s) => {
                CoreError::TooExpensive(format!(
                    "it needs more memory than one core worker may use on this server ({})",
                    bytes(self.cfg.memory_bytes)
                ))
            }
            _ => CoreError::WorkerDied(format!("{} ({io})", describe(status))),
        }
    }
}

/// A running child and its pipes.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    stdout: ChildStdout,
    /// Its exit status, once reaped.
    status: Option<ExitStatus>,
}

/// Send one call (its CPU budget, then the request) and read the response.
fn exchange(w: &mut Worker, budget: u32, req: &[u8]) -> std::io::Result<Vec<u8>> {
    w.stdin.write_all(&((req.len() + 4) as u64).to_le_bytes())?;
    w.stdin.write_all(&budget.to_le_bytes())?;
    w.stdin.write_all(req)?;
    w.stdin.flush()?;
    read_message(&mut w.stdout)
}

/// One length-prefixed message (u64 little-endian length, then the bytes).
pub(super) fn read_message(r: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let mut len = [0u8; 8];
    r.read_exact(&mut len)?;
    let n = usize::try_from(u64::from_le_bytes(len))
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "message too large"))?;
    let mut buf = Vec::new();
    r.take(n as u64).read_to_end(&mut buf)?;
    if buf.len() != n {
        return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "truncated message"));
    }
    Ok(buf)
}

/// A status-2 response saying the worker's OCaml heap or stack was exhausted: why, as
/// shown to the user.
fn exhausted(resp: &[u8]) -> Option<String> {
    let mut d = super::wire::Dec::new(resp);
    if d.u8().ok()? != 2 {
        return None;
    }
    let msg = d.bytes().ok()?;
    if msg.starts_with(b"out of memory") {
        Some("it needs more memory than one core worker may use on this server".into())
    } else if msg.starts_with(b"stack overflow") {
        Some("its input is nested too deeply for the core's stack".into())
    } else {
        None
    }
}

fn kill(pid: Option<u32>) {
    if let Some(p) = pid.and_then(|p| rustix::process::Pid::from_raw(p as i32)) {
        let _ = rustix::process::kill_process(p, rustix::process::Signal::KILL);
    }
}

fn backoff(failures: u32) -> Duration {
    (Duration::from_millis(100) * 2u32.saturating_pow(failures.saturating_sub(1).min(10))).min(MAX_BACKOFF)
}

fn describe(status: &std::io::Result<ExitStatus>) -> String {
    match status {
        Ok(s) => match s.signal() {
            Some(sig) => format!("killed by signal {sig}"),
            None => format!("exit status {}", s.code().unwrap_or(-1)),
        },
        Err(e) => format!("status unknown: {e}"),
    }
}

/// A byte count for messages (`4 GiB`).
fn bytes(n: u64) -> String {
    if n == 0 {
        return "no limit".into();
    }
    const UNITS: [&str; 4] = ["bytes", "KiB", "MiB", "GiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < UNITS.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} bytes")
    } else {
        format!("{v:.1} {}", UNITS[u]).replace(".0 ", " ")
    }
}
