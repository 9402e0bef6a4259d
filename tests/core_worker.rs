//! The pool of core worker processes (`darcsweb core-worker`): its answers are the
//! core's; a call past its CPU budget is too expensive; short calls do not wait behind
//! long ones; a cancelled call frees its worker; a worker that dies, idle or busy, is
//! reaped and replaced.

use std::time::{Duration, Instant};

use darcsweb::core::cancel::{self, CancellationToken};
use darcsweb::core::pool::{Lane, Pool, PoolConfig};
use darcsweb::core::wire::{Dec, Enc};
use darcsweb::core::{self, CoreError, Named};
use darcsweb::darcs::prim::{Path, Prim};

fn history() -> Vec<Named> {
    let f = vec![b"f".to_vec()];
    let g = vec![b"g".to_vec()];
    let line = |s: &str| s.as_bytes().to_vec();
    vec![
        Named { prims: vec![Prim::AddFile(f.clone())], deps: vec![] },
        Named { prims: vec![Prim::AddFile(g.clone())], deps: vec![] },
        Named {
            prims: vec![Prim::Hunk { path: f.clone(), line: 1, old: vec![], new: vec![line("a"), line("b")] }],
            deps: vec![],
        },
        Named { prims: vec![Prim::Hunk { path: g.clone(), line: 1, old: vec![], new: vec![line("x")] }], deps: vec![] },
        Named {
            prims: vec![Prim::Hunk { path: f.clone(), line: 2, old: vec![line("b")], new: vec![line("B")] }],
            deps: vec![1],
        },
    ]
}

/// A pool of its own (the tests' shared one must not lose workers to these tests).
/// It returns once every worker is started.
fn pool(workers: usize, cpu_secs: u64) -> std::sync::Arc<Pool> {
    let p = Pool::start(PoolConfig { exe: env!("CARGO_BIN_EXE_darcsweb").into(), workers, cpu_secs, memory_bytes: 0 })
        .expect("the pool starts");
    assert!(eventually(|| p.worker_pids().len() == workers + 1), "the workers did not start");
    p
}

fn kill(pid: u32) {
    let pid = rustix::process::Pid::from_raw(pid as i32).unwrap();
    rustix::process::kill_process(pid, rustix::process::Signal::KILL).unwrap();
}

/// WIRE.md op 7 (dependencies) of a file of `2n` lines added, then `n` patches each
/// changing its own line, two apart: every pair commutes, on the same file, so darcs'
/// walk (pruned or not) commutes each patch past every later one, n²/2 commutations
/// (n = 20,000 takes the core minutes). Tries and pruning do not make this cheap.
fn expensive(n: usize) -> Vec<u8> {
    let f: Path = vec![b"big".to_vec()];
    let mut e = Enc::new(7);
    e.len(n + 1).unwrap();
    let lines: Vec<Vec<u8>> = (0..2 * n).map(|i| format!("line {i}").into_bytes()).collect();
    e.prims(&[Prim::AddFile(f.clone()), Prim::Hunk { path: f.clone(), line: 1, old: vec![], new: lines }]).unwrap();
    e.u32s(&[]).unwrap();
    for k in 0..n {
        let line = 2 * k + 1;
        let old = vec![format!("line {}", line - 1).into_bytes()];
        let new = vec![format!("changed {k}").into_bytes()];
        e.prims(&[Prim::Hunk { path: f.clone(), line: line as u32, old, new }]).unwrap();
        e.u32s(&[]).unwrap();
    }
    e.buf
}

/// WIRE.md op 2 (invert) of one addfile: a short call.
fn short_call() -> Vec<u8> {
    let mut e = Enc::new(2);
    e.prims(&[Prim::AddFile(vec![b"f".to_vec()])]).unwrap();
    e.buf
}

fn inverted(resp: &[u8]) -> Vec<Prim> {
    let mut d = Dec::new(resp);
    assert_eq!(d.u8().unwrap(), 0, "status of {resp:?}");
    d.prims().unwrap()
}

/// Wait (at most 60 s) until `cond` holds; false if it never did.
fn eventually(mut cond: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// Whether process `pid` is gone (reaped: no zombie left behind).
fn gone(pid: u32) -> bool {
    !std::path::Path::new(&format!("/proc/{pid}")).exists()
}

/// CPU time (user + system, in clock ticks) process `pid` has used.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after_name = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = after_name.split_whitespace().collect();
    // fields 14 and 15 of stat (utime, stime); `after_name` starts at field 3
    f.get(11).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
        + f.get(12).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
}

#[test]
fn the_workers_answer_like_the_core() {
    crate::common::core_workers();
    let h = history();
    assert_eq!(core::dependencies(&h).unwrap(), vec![vec![], vec![], vec![0], vec![1], vec![1, 2]]);
    // a malformed history is an error from the worker, and the worker survives it
    let bad = vec![Named { prims: vec![], deps: vec![7] }];
    let _ = core::dependencies(&bad);
    assert_eq!(core::dependencies(&h).unwrap(), vec![vec![], vec![], vec![0], vec![1], vec![1, 2]]);
    // the same request answered in this process's own runtime and by a worker
    let mut e = Enc::new(7);
    e.len(h.len()).unwrap();
    for n in &h {
        e.prims(&n.prims).unwrap();
        e.u32s(&n.deps).unwrap();
    }
    let p = pool(1, 0);
    assert_eq!(p.call(e.buf.clone(), Lane::Long).unwrap(), core::call_raw(e.buf));
}

#[test]
fn a_call_past_its_cpu_budget_is_too_expensive_and_its_worker_replaced() {
    let p = pool(1, 1);
    let before = p.worker_pids();
    match p.call(expensive(5_000), Lane::Long) {
        Err(CoreError::TooExpensive(why)) => assert!(why.contains("1 s of CPU time"), "{why}"),
        other => panic!("expected TooExpensive, got {:?}", other.map(|r| r.len())),
    }
    let killed = before[1];
    assert!(eventually(|| gone(killed)), "the worker past its budget was not reaped");
    assert!(eventually(|| p.worker_pids().len() == 2), "the worker was not replaced");
    assert_eq!(inverted(&p.call(short_call(), Lane::Long).unwrap()), vec![Prim::RmFile(vec![b"f".to_vec()])]);
}

#[test]
fn short_calls_do_not_wait_behind_long_ones_and_a_cancelled_call_frees_its_worker() {
    let p = pool(1, 0);
    let long_pid = p.worker_pids()[1];
    let token = CancellationToken::new();
    let (tx, rx) = std::sync::mpsc::channel();
    let long = {
        let (p, token) = (p.clone(), token.clone());
        std::thread::spawn(move || {
            let r = cancel::with_token(token, || p.call(expensive(20_000), Lane::Long));
            let _ = tx.send(());
            r
        })
    };
    // the long call is running: its worker is using CPU
    let start = cpu_ticks(long_pid);
    assert!(eventually(|| cpu_ticks(long_pid) > start + 20), "the long call did not start");
    for _ in 0..20 {
        assert_eq!(inverted(&p.call(short_call(), Lane::Short).unwrap()), vec![Prim::RmFile(vec![b"f".to_vec()])]);
    }
    assert!(rx.try_recv().is_err(), "the long call ended before the short ones were answered");
    token.cancel();
    assert!(matches!(long.join().unwrap(), Err(CoreError::Cancelled)));
    assert!(eventually(|| gone(long_pid)), "the cancelled call's worker was not killed and reaped");
    assert!(eventually(|| p.worker_pids().len() == 2 && !p.worker_pids().contains(&long_pid)));
    assert!(p.call(short_call(), Lane::Long).is_ok());
    // a call made under an already cancelled token is not even queued
    let t = CancellationToken::new();
    t.cancel();
    assert!(matches!(cancel::with_token(t, || p.call(short_call(), Lane::Long)), Err(CoreError::Cancelled)));
}

#[test]
fn a_worker_killed_while_idle_is_reaped_and_replaced_at_once() {
    let p = pool(2, 0);
    let before = p.worker_pids();
    assert_eq!(before.len(), 3);
    for &pid in &before {
        kill(pid);
    }
    // noticed without any call: reaped (no zombie) and replaced
    for &pid in &before {
        assert!(eventually(|| gone(pid)), "worker {pid} was left a zombie");
    }
    assert!(eventually(|| {
        let now = p.worker_pids();
        now.len() == 3 && now.iter().all(|n| !before.contains(n))
    }));
    assert_eq!(inverted(&p.call(short_call(), Lane::Long).unwrap()), vec![Prim::RmFile(vec![b"f".to_vec()])]);
}

#[test]
fn a_worker_killed_during_a_call_fails_that_call_which_says_so() {
    let p = pool(1, 0);
    let pid = p.worker_pids()[1];
    let long = {
        let p = p.clone();
        std::thread::spawn(move || p.call(expensive(20_000), Lane::Long))
    };
    let start = cpu_ticks(pid);
    assert!(eventually(|| cpu_ticks(pid) > start + 20), "the long call did not start");
    kill(pid);
    match long.join().unwrap() {
        Err(e @ CoreError::WorkerDied(_)) => {
            let msg = e.to_string();
            assert!(msg.contains("signal 9") && msg.contains("a new one has been started"), "{msg}");
        }
        other => panic!("expected WorkerDied, got {:?}", other.map(|r| r.len())),
    }
    assert!(eventually(|| gone(pid)));
    assert!(eventually(|| p.worker_pids().len() == 2));
    assert!(p.call(short_call(), Lane::Long).is_ok());
}
