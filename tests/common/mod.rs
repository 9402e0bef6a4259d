//! Shared helpers for integration tests: the darcs test repositories (built once per
//! `target/` directory by `tests/fixtures/make-fixtures.sh`, with the real darcs) and a
//! way to run the real `darcs` binary.
//!
//! Environment: `DARCSWEB_CORPUS` uses this already-built fixture directory instead of
//! building one.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

static BUILD_LOCK: Mutex<()> = Mutex::new(());

/// The script that builds the test repositories and darcs' answers about them.
pub fn fixture_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/make-fixtures.sh")
}

/// The cargo `target/` directory this test binary was built into.
pub fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("current_exe");
    // target/<profile>/deps/<test binary>
    exe.parent()
        .and_then(Path::parent)
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| std::env::temp_dir().join("darcsweb-test-target"))
}

/// Whether a `darcs` binary can be run.
pub fn darcs_available() -> bool {
    Command::new("darcs").arg("--version").output().map(|o| o.status.success()).unwrap_or(false)
}

/// A private, empty HOME for darcs runs (so the tester's `~/.darcs` cannot change outputs).
fn darcs_home() -> PathBuf {
    let h = target_dir().join("test-darcs-home");
    let _ = std::fs::create_dir_all(h.join(".darcs"));
    h
}

/// Run `darcs ARGS` in `cwd` with canonical-output settings (`TZ=UTC`, no colour, no
/// escaping, `LANG=C.UTF-8`, a private HOME); returns the output whatever the exit status.
pub fn darcs(args: &[&str], cwd: &Path) -> Output {
    let args: Vec<&[u8]> = args.iter().map(|a| a.as_bytes()).collect();
    darcs_os(&args, cwd)
}

/// [`darcs`] with byte-string arguments (file names need not be UTF-8).
pub fn darcs_os(args: &[&[u8]], cwd: &Path) -> Output {
    use std::os::unix::ffi::OsStrExt;
    let home = darcs_home();
    Command::new("darcs")
        .args(args.iter().map(|a| std::ffi::OsStr::from_bytes(a)))
        .current_dir(cwd)
        .env("TZ", "UTC")
        .env("DARCS_DONT_COLOR", "1")
        .env("DARCS_DONT_ESCAPE_ANYTHING", "1")
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("DARCS_EMAIL", "Test User <test@example.com>")
        .output()
        .unwrap_or_else(|e| panic!("cannot run darcs ({e}); install darcs 2.16 to run these tests"))
}

/// Run this test binary's core calls as the server does: in `darcsweb core-worker`
/// processes of the binary built with the tests (idempotent; every helper that leads to
/// the core calls it first).
pub fn core_workers() {
    darcsweb::core::use_worker_executable(env!("CARGO_BIN_EXE_darcsweb"));
}

/// The fixture directory (`repos/`, `bundles/`, `expected/`), built on first use.
/// Concurrent test binaries and threads build it only once: a lock directory
/// serialises builders and a marker file records completion.
pub fn corpus() -> PathBuf {
    core_workers();
    if let Some(d) = std::env::var_os("DARCSWEB_CORPUS") {
        let d = PathBuf::from(d);
        assert!(d.join("repos").is_dir(), "DARCSWEB_CORPUS={} has no repos/ directory", d.display());
        return d;
    }
    let _guard = BUILD_LOCK.lock().unwrap_or_else(|p| p.into_inner());
    let target = target_dir();
    let dir = target.join("test-corpus");
    let marker = target.join("test-corpus.complete");
    let lock = target.join("test-corpus.lock");
    let script = fixture_script();
    // the marker names the script it was built by: an edited script rebuilds the fixtures
    let script_text = std::fs::read(&script).unwrap_or_else(|e| panic!("{}: {e}", script.display()));
    let stamp = format!("{:016x}\n", {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        script_text.hash(&mut h);
        h.finish()
    });
    let built = || std::fs::read_to_string(&marker).is_ok_and(|m| m == stamp) && dir.join("README.txt").exists();
    if built() {
        return dir;
    }
    assert!(darcs_available(), "the darcs binary is required to build the test corpus (apt install darcs)");
    let _ = std::fs::create_dir_all(&target);
    let started = Instant::now();
    loop {
        match std::fs::create_dir(&lock) {
            Ok(()) => {
                let _ = std::fs::write(lock.join("pid"), std::process::id().to_string());
                if built() {
                    let _ = std::fs::remove_dir_all(&lock);
                    return dir;
                }
                let _ = std::fs::remove_file(&marker);
                let _ = std::fs::remove_dir_all(&dir); // partial build from an interrupted run
                let out = Command::new("bash").arg(&script).arg(&dir).output();
                let ok = matches!(&out, Ok(o) if o.status.success());
                if ok {
                    std::fs::write(&marker, &stamp).expect("write the fixtures' marker");
                }
                let _ = std::fs::remove_dir_all(&lock);
                match out {
                    Ok(o) if o.status.success() => return dir,
                    Ok(o) => panic!(
                        "make-fixtures.sh failed ({}):\n{}\n{}",
                        o.status,
                        String::from_utf8_lossy(&o.stdout),
                        String::from_utf8_lossy(&o.stderr)
                    ),
                    Err(e) => panic!("cannot run bash {}: {e}", script.display()),
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                if built() {
                    return dir;
                }
                let stale = std::fs::metadata(&lock)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| SystemTime::now().duration_since(t).ok())
                    .is_some_and(|age| age > Duration::from_secs(15 * 60));
                if stale {
                    let _ = std::fs::remove_dir_all(&lock);
                    continue;
                }
                assert!(started.elapsed() < Duration::from_secs(30 * 60), "timed out waiting for {}", lock.display());
                std::thread::sleep(Duration::from_millis(250));
            }
            Err(e) => panic!("cannot create {}: {e}", lock.display()),
        }
    }
}

/// Names of the corpus repositories (sorted).
pub fn corpus_repos() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(corpus().join("repos"))
        .expect("corpus repos")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Copy a directory tree (files and directories only).
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let t = e.file_type()?;
        let dst = to.join(e.file_name());
        if t.is_dir() {
            copy_dir(&e.path(), &dst)?;
        } else if t.is_file() {
            std::fs::copy(e.path(), dst)?;
        }
    }
    Ok(())
}

/// Parse `darcs show dependencies` (DOT): short id → set of short ids it depends on.
pub fn parse_dot(dot: &str) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let mut m = std::collections::BTreeMap::new();
    for line in dot.lines() {
        let l = line.trim();
        // a node's label may hold "->": a node line is `"id" [label=...]`
        let is_node =
            l.starts_with('"') && l.splitn(3, '"').nth(2).is_some_and(|r| r.trim_start().starts_with("[label"));
        if is_node {
            let id = l.split('"').nth(1).unwrap().to_string();
            m.entry(id).or_insert_with(std::collections::BTreeSet::new);
        } else if let Some((from, to)) = l.split_once("->") {
            let from = from.trim().trim_matches('"').to_string();
            let deps: std::collections::BTreeSet<String> = to
                .trim()
                .trim_start_matches('{')
                .trim_end_matches('}')
                .split_whitespace()
                .map(|s| s.trim_matches('"').to_string())
                .collect();
            m.entry(from).or_insert_with(std::collections::BTreeSet::new).extend(deps);
        }
    }
    m
}

/// `darcs annotate --machine-readable` of `rel` in `dir`: the patch hash and the line, for
/// every line; `Err` with darcs' message when it refuses (binary files, for one).
pub fn darcs_annotate(dir: &Path, rel: &str) -> Result<Vec<(String, Vec<u8>)>, String> {
    let o = darcs(&["annotate", "--machine-readable", "--no-patch-index", rel], dir);
    if !o.status.success() {
        return Err(String::from_utf8_lossy(&o.stderr).into_owned());
    }
    Ok(o.stdout
        .split(|&b| b == b'\n')
        .filter(|l| l.len() >= 43)
        .map(|l| (String::from_utf8_lossy(&l[..40]).into_owned(), l[43..l.len() - 1].to_vec()))
        .collect())
}

/// darcsweb's annotate of `path` at `v`, in the form of [`darcs_annotate`] (an unknown
/// origin is forty zeros).
pub fn our_annotate(
    repo: &darcsweb::repo::Repo,
    v: darcsweb::repo::Version,
    path: &darcsweb::darcs::prim::Path,
) -> Vec<(String, Vec<u8>)> {
    let idx = repo.index().unwrap();
    repo.annotate(v, path)
        .unwrap()
        .into_iter()
        .map(|l| (l.patch.map(|i| idx.patches[i].hash.clone()).unwrap_or_else(|| "0".repeat(40)), l.line))
        .collect()
}
