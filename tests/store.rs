//! The persistent store (`src/repo/store.rs`): a restart with a warm store answers as a
//! server without one and recomputes nothing; damaged entries are recomputed, never
//! believed; the repositories are never written; a store that cannot be written leaves
//! the server serving.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use axum::Router;
use sha2::{Digest, Sha256};

use darcsweb::repo::store::{StatsSnapshot, Store};
use darcsweb::repo::Registry;
use darcsweb::web::config::Config;
use darcsweb::web::{router, AppState};

use crate::common::{copy_dir, core_workers, corpus, corpus_repos};
use crate::http_util::get;

/// The corpus repositories the tests read (every format, conflicts, moves, rebase).
fn repos() -> Vec<String> {
    corpus_repos().into_iter().filter(|r| !r.starts_with("big")).collect()
}

/// A private copy of those repositories (other tests run darcs in the corpus).
fn fixture() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    for r in repos() {
        copy_dir(&corpus().join("repos").join(&r), &t.path().join(&r)).unwrap();
    }
    t
}

/// The application over the repositories under `root`, with the store in `cache` (none
/// when `None`), and that store.
fn app(root: &Path, cache: Option<&Path>) -> (Router, Option<Arc<Store>>) {
    core_workers();
    let root = root.to_path_buf();
    let mut reg = Registry::discover(std::slice::from_ref(&root));
    let store = cache.map(|c| Arc::new(Store::open(c, &reg.dirs()).expect("open the store")));
    reg.set_store(store.clone());
    let cfg = Config { roots: vec![root], base_url: Some("http://darcs.example".into()), ..Config::default() };
    (router(Arc::new(AppState::new(reg, cfg))), store)
}

/// The URLs compared: per repository its log, and for a few patches the patch (JSON and
/// its diff, which reads the files before and after it), each file it touches at the
/// versions before and after it and its annotation, and the root directory there.
async fn urls(app: &Router) -> Vec<String> {
    let mut out = Vec::new();
    for r in repos() {
        out.push(format!("/api/{r}/log?limit=500"));
        let log = get(app, &format!("/api/{r}/log?limit=500")).await.json();
        let patches: Vec<String> = log["patches"]
            .as_array()
            .unwrap()
            .iter()
            .rev() // oldest first
            .map(|p| p["hash"].as_str().unwrap().to_string())
            .collect();
        let step = (patches.len() / 4).max(1);
        for i in (0..patches.len()).step_by(step).chain([patches.len().saturating_sub(1)]) {
            let Some(h) = patches.get(i) else { continue };
            out.push(format!("/api/{r}/patch/{h}"));
            out.push(format!("/{r}/patch/{h}.diff"));
            let p = get(app, &format!("/api/{r}/patch/{h}")).await.json();
            let versions: Vec<String> = patches.get(i.wrapping_sub(1)).into_iter().chain([h]).cloned().collect();
            for v in &versions {
                out.push(format!("/api/{r}/tree/{v}/"));
            }
            for t in p["touched"].as_array().into_iter().flatten() {
                for path in [&t["path"], &t["to"]].into_iter().filter_map(|x| x.as_str()) {
                    for v in &versions {
                        out.push(format!("/api/{r}/tree/{v}/{path}"));
                        out.push(format!("/api/{r}/annotate/{v}/{path}"));
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Status and body of every URL.
async fn answers(app: &Router, urls: &[String]) -> BTreeMap<String, (u16, Vec<u8>)> {
    let mut out = BTreeMap::new();
    for u in urls {
        let r = get(app, u).await;
        out.insert(u.clone(), (r.status.as_u16(), r.body));
    }
    out
}

fn assert_same(want: &BTreeMap<String, (u16, Vec<u8>)>, got: &BTreeMap<String, (u16, Vec<u8>)>, what: &str) {
    for (u, (s, b)) in want {
        let (s2, b2) = &got[u];
        assert_eq!((s, String::from_utf8_lossy(b)), (s2, String::from_utf8_lossy(b2)), "{what}: {u}");
    }
}

/// Wait for every repository's background check of its head (it may write an entry).
async fn settle(app: &Router) {
    for _ in 0..600 {
        let repos = get(app, "/api/repos").await.json();
        if repos.as_array().unwrap().iter().all(|r| r["head_check"]["state"] != "pending") {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the head checks did not finish");
}

/// Every file below `dir` with the SHA-256 of its content.
fn digest_tree(dir: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let m = std::fs::symlink_metadata(&p).unwrap();
            if m.is_dir() {
                stack.push(p);
            } else {
                let bytes = if m.is_file() { std::fs::read(&p).unwrap() } else { Vec::new() };
                out.insert(p.strip_prefix(dir).unwrap().to_path_buf(), hex::encode(Sha256::digest(&bytes)));
            }
        }
    }
    out
}

/// Every entry of the store with its modification time.
fn entries(store: &Store) -> BTreeMap<PathBuf, std::time::SystemTime> {
    let mut out = BTreeMap::new();
    for k in std::fs::read_dir(store.dir()).unwrap() {
        for e in std::fs::read_dir(k.unwrap().path()).unwrap() {
            let p = e.unwrap().path();
            out.insert(p.clone(), std::fs::metadata(&p).unwrap().modified().unwrap());
        }
    }
    out
}

fn stats(s: &Option<Arc<Store>>) -> StatsSnapshot {
    s.as_ref().unwrap().stats()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restart_with_a_warm_store_answers_the_same_without_recomputing_or_writing_a_repository() {
    let fx = fixture();
    let before = digest_tree(fx.path());
    let cache = tempfile::tempdir().unwrap();
    let (plain, _) = app(fx.path(), None);
    let urls = urls(&plain).await;
    assert!(urls.len() > 50, "{} urls", urls.len());
    let want = answers(&plain, &urls).await;
    settle(&plain).await;

    let (cold, cold_store) = app(fx.path(), Some(cache.path()));
    assert_same(&want, &answers(&cold, &urls).await, "cold store");
    settle(&cold).await;
    let s = stats(&cold_store);
    assert!(s.writes > 0 && s.rejected == 0 && s.write_failures == 0, "{s:?}");
    let written = entries(cold_store.as_ref().unwrap());

    let (warm, warm_store) = app(fx.path(), Some(cache.path()));
    assert_same(&want, &answers(&warm, &urls).await, "warm store");
    settle(&warm).await;
    let s = stats(&warm_store);
    assert!(s.hits > 0, "{s:?}");
    assert_eq!((s.writes, s.rejected, s.write_failures), (0, 0, 0), "a warm store recomputes nothing: {s:?}");
    assert_eq!(entries(warm_store.as_ref().unwrap()), written, "no entry was rewritten");

    assert!(before == digest_tree(fx.path()), "a repository was written");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn damaged_entries_are_recomputed_never_believed() {
    let fx = fixture();
    let cache = tempfile::tempdir().unwrap();
    let (plain, _) = app(fx.path(), None);
    let urls = urls(&plain).await;
    let want = answers(&plain, &urls).await;
    let (cold, store) = app(fx.path(), Some(cache.path()));
    assert_same(&want, &answers(&cold, &urls).await, "cold store");
    settle(&cold).await;
    drop(cold);
    // every entry damaged, one way out of four: a flipped byte, a truncation, another
    // entry's content, another version's stamp (its checksum right)
    let files: Vec<PathBuf> = entries(store.as_ref().unwrap()).into_keys().collect();
    assert!(files.len() > 10);
    let contents: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    for (i, f) in files.iter().enumerate() {
        let mut b = contents[i].clone();
        match i % 4 {
            0 => {
                let at = b.len() / 2;
                b[at] ^= 0x40;
            }
            1 => b.truncate(b.len() / 2),
            2 => b = contents[(i + 1) % contents.len()].clone(),
            _ => {
                b[20] ^= 1; // inside the stamp
                let n = b.len() - 32;
                let sum = Sha256::digest(&b[..n]);
                b[n..].copy_from_slice(&sum);
            }
        }
        std::fs::write(f, b).unwrap();
    }
    let (again, store2) = app(fx.path(), Some(cache.path()));
    assert_same(&want, &answers(&again, &urls).await, "damaged store");
    settle(&again).await;
    let s = stats(&store2);
    assert!(s.rejected > 0 && s.writes > 0, "{s:?}");
    // what was recomputed was written again, good this time
    let (third, store3) = app(fx.path(), Some(cache.path()));
    assert_same(&want, &answers(&third, &urls).await, "repaired store");
    settle(&third).await;
    let s = stats(&store3);
    assert_eq!((s.rejected, s.writes), (0, 0), "{s:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_that_cannot_be_written_only_costs_time() {
    let fx = fixture();
    let cache = tempfile::tempdir().unwrap();
    let (plain, _) = app(fx.path(), None);
    let urls = urls(&plain).await;
    let want = answers(&plain, &urls).await;
    let (with, store) = app(fx.path(), Some(cache.path()));
    // its directories replaced by files: nothing can be read or written there any more
    let dir = store.as_ref().unwrap().dir().to_path_buf();
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::write(&dir, b"not a directory").unwrap();
    assert_same(&want, &answers(&with, &urls).await, "unwritable store");
    let s = stats(&store);
    assert!(s.write_failures > 0 && s.hits == 0, "{s:?}");
}

#[test]
fn the_server_serves_when_its_cache_directory_cannot_be_created() {
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let root = corpus().join("repos").join("prims-d2");
    let mut child = Command::new(env!("CARGO_BIN_EXE_darcsweb"))
        .args(["serve", "--listen", "127.0.0.1:0", "--cache-dir"])
        .arg(file.join("cache"))
        .arg(&root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start darcsweb serve");
    let mut out = child.stdout.take().unwrap();
    let mut line = Vec::new();
    let mut b = [0u8; 1];
    while out.read(&mut b).unwrap_or(0) == 1 && b[0] != b'\n' {
        line.push(b[0]);
    }
    let line = String::from_utf8_lossy(&line).into_owned();
    let addr = line.split("http://").nth(1).unwrap_or_else(|| panic!("no address in {line:?}")).trim_end_matches('/');
    let status = {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        write!(s, "GET /api/prims-d2/log HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
        let mut resp = String::new();
        let _ = s.read_to_string(&mut resp);
        resp.lines().next().unwrap_or("").to_string()
    };
    let _ = child.kill();
    let mut err = String::new();
    let _ = child.stderr.take().unwrap().read_to_string(&mut err);
    let _ = child.wait();
    assert!(status.contains(" 200 "), "{status}: {err}");
    assert!(err.contains("working without a cache directory"), "{err}");
}

/// How many per-patch dependency entries the store holds.
fn deps_of_entries(store: &Store) -> usize {
    std::fs::read_dir(store.dir().join("deps-of"))
        .unwrap()
        .filter(|e| !e.as_ref().unwrap().file_name().to_string_lossy().starts_with('.'))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_patch_computes_only_its_own_dependencies() {
    if !crate::common::darcs_available() {
        return;
    }
    let fx = fixture();
    let cache = tempfile::tempdir().unwrap();
    let repo = "prims-d2";
    let graph = |app: Router| async move {
        let log = get(&app, &format!("/api/{repo}/log?limit=500")).await.json();
        let mut out = Vec::new();
        for p in log["patches"].as_array().unwrap() {
            let h = p["hash"].as_str().unwrap();
            let j = get(&app, &format!("/api/{repo}/patch/{h}")).await.json();
            out.push((h.to_string(), j["dependencies"].clone(), j["dependents"].clone()));
        }
        out
    };
    let (before, store) = app(fx.path(), Some(cache.path()));
    let n = graph(before).await.len();
    assert_eq!(deps_of_entries(store.as_ref().unwrap()), n);
    // one more patch, recorded by darcs in the copy
    std::fs::write(fx.path().join(repo).join("store-test.txt"), "one more line\n").unwrap();
    let o = crate::common::darcs(&["record", "-a", "-l", "-m", "added by the store test"], &fx.path().join(repo));
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (plain, _) = app(fx.path(), None);
    let want = graph(plain).await;
    assert_eq!(want.len(), n + 1);
    let (after, store) = app(fx.path(), Some(cache.path()));
    assert_eq!(graph(after).await, want, "the incremental graph is op 7's");
    assert_eq!(deps_of_entries(store.as_ref().unwrap()), n + 1, "only the new patch was computed");
}
