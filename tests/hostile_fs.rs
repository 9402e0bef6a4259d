//! Hostile repositories: each case of the issue built for real and checked end to end.
//! Symbolic links out of the repository (motd, format, `prefs/`, `packs/`), FIFOs in place
//! of a patch or an inventory, inventories darcs refuses, a 10-million-line patch and
//! gzip bombs under a small memory budget, control characters in names, damaged data,
//! and repositories appearing and disappearing under a root. Nothing outside a
//! repository may appear in a page, an error or `check`'s output; `check` must exit 1
//! naming the problem; the server's peak memory must stay within its budget.

use crate::common;
use crate::fuzz::{self, http_get, run_limited, Exit, Server, CANARY};
use crate::http_util;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use darcsweb::darcs::hash::SizeHash;
use darcsweb::darcs::{Error, Kind, Repository, Store};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_darcsweb"))
}

/// A root with a canary file beside it (`<tmp>/outside/canary.txt`).
fn root() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let root = t.path().join("root");
    let outside = t.path().join("outside");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("canary.txt"), format!("{CANARY}\nsecond line\n")).unwrap();
    (t, root, outside)
}

fn add(root: &Path, name: &str, from: &str) -> PathBuf {
    let dst = root.join(name);
    common::copy_dir(&common::corpus().join("repos").join(from), &dst).unwrap();
    dst
}

/// `darcsweb check` with a wall-clock limit: (exit code, output).
fn check(repo: &Path) -> (i32, String) {
    let mut c = Command::new(bin());
    c.arg("check").arg(repo);
    let (exit, out, _) = run_limited(c, Duration::from_secs(60));
    match exit {
        Exit::Code(c) => (c, out),
        e => panic!("darcsweb check {}: {e:?} (hung or crashed)\n{out}", repo.display()),
    }
}

fn darcs_rejects(repo: &Path) -> bool {
    let t = tempfile::tempdir().unwrap();
    let copy = t.path().join("r");
    common::copy_dir(repo, &copy).unwrap();
    !common::darcs(&["check", "--no-cache"], &copy).status.success()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// Append a patch whose file is `stored` (under `name`, default: its hash) to `repo`.
fn append_patch(repo: &Path, content: &[u8], stored: Option<Vec<u8>>, name: Option<String>) -> String {
    let name = name.unwrap_or_else(|| SizeHash::of(content).to_string());
    std::fs::write(repo.join("_darcs/patches").join(&name), stored.unwrap_or_else(|| gzip(content))).unwrap();
    let info_end = content.iter().position(|&b| b == b']').unwrap() + 1;
    let mut inv = std::fs::read(repo.join("_darcs/hashed_inventory")).unwrap();
    inv.extend_from_slice(&content[..info_end]);
    inv.extend_from_slice(format!(" \nhash: {name}\n").as_bytes());
    std::fs::write(repo.join("_darcs/hashed_inventory"), inv).unwrap();
    name
}

const INFO: &str = "[hostile patch\nMallory <m@example.com>**20240202000000\n Ignore-this: 0123\n]";

fn pages(r: &str) -> Vec<String> {
    ["/", "/api/repos", "/{r}", "/{r}/log", "/{r}/tree/head/", "/api/{r}/log", "/{r}/atom", "/{r}/tags"]
        .iter()
        .map(|p| p.replace("{r}", r))
        .chain(
            ["/{r}/_darcs/prefs/motd", "/{r}/_darcs/format", "/{r}/_darcs/packs/pristine"].map(|p| p.replace("{r}", r)),
        )
        .collect()
}

#[tokio::test]
async fn symlinks_never_lead_outside_the_repository() {
    let (_t, root, outside) = root();
    let canary = outside.join("canary.txt");
    let motd = add(&root, "motd", "prims-d2");
    std::fs::write(motd.join("_darcs/prefs/motd"), "").unwrap();
    std::fs::remove_file(motd.join("_darcs/prefs/motd")).unwrap();
    std::os::unix::fs::symlink(&canary, motd.join("_darcs/prefs/motd")).unwrap();
    let format = add(&root, "format", "prims-d2");
    std::fs::remove_file(format.join("_darcs/format")).unwrap();
    std::os::unix::fs::symlink("../../../outside/canary.txt", format.join("_darcs/format")).unwrap();
    let prefs = add(&root, "prefs", "prims-d2");
    let out_prefs = outside.join("prefs");
    common::copy_dir(&prefs.join("_darcs/prefs"), &out_prefs).unwrap();
    std::fs::write(out_prefs.join("motd"), CANARY).unwrap();
    std::fs::remove_dir_all(prefs.join("_darcs/prefs")).unwrap();
    std::os::unix::fs::symlink(&out_prefs, prefs.join("_darcs/prefs")).unwrap();
    let packs = add(&root, "packs", "packed-d2");
    let out_packs = outside.join("packs");
    std::fs::create_dir_all(&out_packs).unwrap();
    std::fs::write(out_packs.join("pristine"), CANARY).unwrap();
    std::fs::write(out_packs.join("basic.tar.gz"), CANARY).unwrap();
    let _ = std::fs::remove_dir_all(packs.join("_darcs/packs"));
    std::os::unix::fs::symlink(&out_packs, packs.join("_darcs/packs")).unwrap();

    let app = http_util::app(std::slice::from_ref(&root));
    for r in ["motd", "format", "prefs", "packs"] {
        for p in pages(r) {
            let a = http_util::get(&app, &p).await;
            let t = a.text();
            assert!(!t.contains(CANARY) && !t.contains("second line"), "{p}: content from outside: {t}");
            assert!(!t.contains(outside.to_str().unwrap()), "{p}: a server path");
            let outside_link = matches!(
                (r, p.contains("/_darcs/prefs/motd"), p.contains("/_darcs/packs/")),
                ("motd" | "prefs", true, _) | ("packs", _, true)
            );
            if outside_link {
                assert_eq!(a.status, 404, "{p}");
            }
        }
    }
    // the repository whose format file leads outside says so, on pages and in the API
    let s = http_util::get(&app, "/format").await;
    assert_eq!(s.status, 500, "{}", s.text());
    assert!(s.text().contains("symbolic link leading outside"), "{}", s.text());
    let j = http_util::get(&app, "/api/repos").await.json();
    let row = j.as_array().unwrap().iter().find(|r| r["name"] == "format").unwrap().clone();
    assert!(row["error"].as_str().unwrap().contains("_darcs/format"), "{row}");
    // the motd link is simply no description; the repository itself is fine
    let s = http_util::get(&app, "/motd").await;
    assert_eq!(s.status, 200);
    // check names the file and quotes nothing
    let (code, out) = check(&format);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("_darcs/format") && out.contains("outside"), "{out}");
    assert!(!out.contains(CANARY) && !out.contains("second line"), "{out}");
}

#[tokio::test]
async fn fifos_are_refused_not_waited_for() {
    let (_t, root, _outside) = root();
    let mkfifo = |p: &Path| {
        std::fs::remove_file(p).unwrap();
        assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
    };
    let patch = add(&root, "patch", "prims-d2");
    let newest = Repository::open(&patch).unwrap().entries().last().unwrap().patch_file.clone();
    mkfifo(&patch.join("_darcs/patches").join(&newest));
    let head = add(&root, "head", "prims-d2");
    mkfifo(&head.join("_darcs/hashed_inventory"));
    let parent = add(&root, "parent", "prims-d2");
    let inv = Repository::open(&parent).unwrap().inventory().files.last().unwrap().clone();
    mkfifo(&parent.join("_darcs/inventories").join(&inv));
    let format = add(&root, "format", "prims-d2");
    mkfifo(&format.join("_darcs/format"));

    for (repo, file) in [
        (&patch, format!("patches/{newest}")),
        (&head, "hashed_inventory".to_string()),
        (&parent, format!("inventories/{inv}")),
        (&format, "format".to_string()),
    ] {
        let (code, out) = check(repo);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains(&file) && out.contains("FIFO"), "names the file and what it is: {out}");
    }
    let app = http_util::app(std::slice::from_ref(&root));
    let hashes: Vec<String> = Repository::open(common::corpus().join("repos/prims-d2"))
        .unwrap()
        .ids()
        .iter()
        .rev()
        .take(2)
        .cloned()
        .collect();
    for r in ["patch", "head", "parent", "format"] {
        let mut ps = pages(r);
        ps.extend(hashes.iter().map(|h| format!("/{r}/patch/{h}")));
        ps.push(format!("/{r}/tree/{}/", hashes[1]));
        for p in ps {
            let a = tokio::time::timeout(Duration::from_secs(60), http_util::get(&app, &p))
                .await
                .unwrap_or_else(|_| panic!("{p}: no answer (blocked on a FIFO?)"));
            assert!(a.status.as_u16() < 600, "{p}");
        }
    }
    let s = http_util::get(&app, &format!("/patch/patch/{}", hashes[0])).await;
    assert!(s.text().contains("FIFO"), "the page says what is wrong: {}", s.text());
}

#[test]
fn check_rejects_what_darcs_rejects_in_the_inventories() {
    let (_t, root, _) = root();
    // the same patch listed many times
    let dup = add(&root, "dup", "prims-d2");
    let p = dup.join("_darcs/hashed_inventory");
    let text = std::fs::read_to_string(&p).unwrap();
    let last = &text[text.rfind("\n[").unwrap() + 1..];
    let mut t = text.clone();
    for _ in 0..3000 {
        t.push_str(last);
    }
    std::fs::write(&p, t).unwrap();
    let (code, out) = check(&dup);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("duplicate patch") && out.contains("hashed_inventory"), "{out}");
    assert!(darcs_rejects(&dup), "darcs refuses it too");
    // an inventory continuing another without any entry (not even the closing tag)
    let notag = add(&root, "notag", "prims-d2");
    let p = notag.join("_darcs/hashed_inventory");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, &text[..text.find("\n[").unwrap() + 1]).unwrap();
    let (code, out) = check(&notag);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("does not start with a tag") && out.contains("hashed_inventory"), "{out}");
    assert!(darcs_rejects(&notag), "darcs refuses it too");
    // a damaged pristine object of the empty content (empty.txt)
    let empty = add(&root, "empty", "prims-d2");
    let blob = empty.join("_darcs/pristine.hashed").join(darcsweb::darcs::hash::EMPTY_SHA256);
    assert!(blob.exists(), "prims-d2 records an empty file");
    std::fs::write(&blob, gzip(b"not empty\n")).unwrap();
    let (code, out) = check(&empty);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(darcsweb::darcs::hash::EMPTY_SHA256), "{out}");
    assert!(darcs_rejects(&empty), "darcs refuses it too");
    // the same object as a file of 0 bytes (found by the fuzzer: darcs reads it as gzip)
    std::fs::write(&blob, b"").unwrap();
    let (code, out) = check(&empty);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(darcsweb::darcs::hash::EMPTY_SHA256) && out.contains("empty"), "{out}");
    assert!(darcs_rejects(&empty), "darcs refuses it too");
    // a preference file darcs reads that is not a file (found by the fuzzer)
    let prefs = add(&root, "prefs", "prims-d2");
    std::fs::remove_file(prefs.join("_darcs/prefs/binaries")).unwrap();
    std::fs::create_dir(prefs.join("_darcs/prefs/binaries")).unwrap();
    let (code, out) = check(&prefs);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("_darcs/prefs/binaries") && out.contains("a directory"), "{out}");
    assert!(darcs_rejects(&prefs), "darcs refuses it too");
}

/// A patch adding `n` one-character lines to a new file, stored gzipped (small).
fn lines_patch(n: usize) -> Vec<u8> {
    let mut c = format!("{INFO} addfile ./many\nhunk ./many 1\n").into_bytes();
    c.reserve(n * 3);
    for _ in 0..n {
        c.extend_from_slice(b"+a\n");
    }
    c.pop();
    c
}

#[test]
fn small_inputs_stay_within_the_memory_budget() {
    let (t, root, _) = root();
    let budget: u64 = 192 << 20;
    let healthy = add(&root, "healthy", "prims-d2");
    let _ = healthy;
    // 10 million one-character lines in a 30 KB gzip file
    let big = add(&root, "lines", "prims-d2");
    let content = lines_patch(10_000_000);
    let gz = gzip(&content);
    assert!(gz.len() < 200 << 10, "{} bytes", gz.len());
    append_patch(&big, &content, Some(gz), None);
    let lines_id = Repository::open(&big).unwrap().ids().last().unwrap().clone();
    let later = "[later\nMallory <m@example.com>**20240203000000\n Ignore-this: 2\n] addfile ./zz".as_bytes();
    append_patch(&big, later, None, None); // so the version after it is replayed, not read
                                           // eight repositories each holding a gzip bomb (1 GiB of zeros) named as 100 MiB: one
                                           // at a time fits in the budget
    let member = gzip(&vec![0u8; 64 << 20]);
    let bomb: Vec<u8> = member.iter().copied().cycle().take(member.len() * 16).collect();
    let bomb_name = format!("0104857600-{}", "ab".repeat(32));
    for i in 0..8 {
        let r = add(&root, &format!("bomb{i}"), "prims-d2");
        let content = format!("{INFO} addfile ./bomb{i}").into_bytes();
        append_patch(&r, &content, Some(bomb.clone()), Some(bomb_name.clone()));
    }
    // check: refuses the 10M-line patch by the budget, quickly, naming it
    let (code, out) = check(&big);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("memory budget") && out.contains("patches/"), "{out}");
    let (code, out) = check(&root.join("bomb0"));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&bomb_name), "{out}");

    let mut server = Server::start(&bin(), &root, budget, t.path());
    let limit = Duration::from_secs(60);
    assert_eq!(http_get(&server.addr, "/healthy/log", limit).unwrap().status, 200);
    let start = server.peak_kib();
    let bomb_id = Repository::open(root.join("bomb0")).unwrap().ids().last().unwrap().clone();
    for round in 0..2 {
        let mut threads = Vec::new();
        for i in 0..8 {
            let (addr, id) = (server.addr.clone(), bomb_id.clone());
            threads.push(std::thread::spawn(move || http_get(&addr, &format!("/bomb{i}/patch/{id}"), limit)));
        }
        for p in [format!("/lines/patch/{lines_id}"), format!("/lines/tree/{lines_id}/")] {
            let addr = server.addr.clone();
            threads.push(std::thread::spawn(move || http_get(&addr, &p, limit)));
        }
        for t in threads {
            let a = t.join().unwrap().expect("an answer");
            let body = String::from_utf8_lossy(&a.body);
            assert!([413, 500, 503].contains(&a.status), "round {round}: {} {body}", a.status);
        }
        // the log filtered by path needs every patch's effect: it answers, without the patch
        assert!(http_get(&server.addr, "/lines/log?path=many", limit).unwrap().status < 500);
        for p in ["/", "/api/repos"] {
            assert_eq!(http_get(&server.addr, p, limit).unwrap().status, 200, "{p}");
        }
    }
    assert!(server.alive());
    let peak = server.peak_kib();
    // the budget bounds the repository data the server holds; under load, the threads
    // that run the ten requests at once add their stacks and allocator arenas (measured:
    // up to 34 MiB over the budget on a 2-core machine running builds beside the suite,
    // none when idle): 64 MiB of slack, far below one bomb (1 GiB) or the 10-million-line
    // patch (2.1 GB)
    let slack = 64 << 10;
    assert!(
        peak <= start + (budget >> 10) + slack,
        "peak {peak} KiB > {start} KiB at start + the budget {} KiB + {slack} KiB",
        budget >> 10
    );
    assert_eq!(http_get(&server.addr, "/healthy/log", limit).unwrap().status, 200);
    drop(server);
}

#[test]
fn failed_reads_are_remembered_until_the_file_changes() {
    let (_t, root, _) = root();
    let r = add(&root, "r", "prims-d2");
    let name = Repository::open(&r).unwrap().entries().last().unwrap().patch_file.clone();
    let p = r.join("_darcs/patches").join(&name);
    let orig = std::fs::read(&p).unwrap();
    std::fs::write(&p, &orig[..orig.len() / 2]).unwrap();
    let store = Store::open(&r, Default::default(), Vec::new());
    let first = store.read(Kind::Patches, &name).unwrap_err();
    assert!(matches!(first, Error::BadGzip { .. }), "{first}");
    let again = store.read(Kind::Patches, &name).unwrap_err();
    assert!(matches!(&again, Error::Remembered { .. }), "not read again: {again}");
    assert_eq!(again.to_string(), first.to_string());
    std::fs::write(&p, &orig).unwrap(); // repaired: read again, and fine
    assert!(store.read(Kind::Patches, &name).is_ok());
}

#[tokio::test]
async fn names_with_control_and_bidi_characters_are_shown_visibly() {
    let (_t, root, _) = root();
    let r = add(&root, "r", "prims-d2");
    let content = "[evil\u{202e}gnp.exe \u{1b}[31mred\u{7}\nMallory\u{202e} <m@example.com>**20240202000000\n Ignore-this: 1\n] addfile ./x\u{202e}y.txt"
        .as_bytes()
        .to_vec();
    append_patch(&r, &content, None, None);
    std::fs::write(r.join("_darcs/prefs/motd"), "motd\u{202e}txt\u{1b}\n").unwrap();
    let id = Repository::open(&r).unwrap().ids().last().unwrap().clone();
    let app = http_util::app(std::slice::from_ref(&root));
    for p in ["/".to_string(), "/r".into(), "/r/log".into(), format!("/r/patch/{id}"), "/r/atom".into()] {
        let a = http_util::get(&app, &p).await;
        let t = a.text();
        assert_eq!(a.status, 200, "{p}: {t}");
        for c in ['\u{202e}', '\u{1b}', '\u{7}'] {
            assert!(!t.contains(c), "{p}: raw {c:?}");
        }
        assert!(t.contains("\\u{202e}"), "{p}: shown visibly");
    }
    let t = http_util::get(&app, &format!("/r/patch/{id}")).await.text();
    assert!(t.contains("evil\\u{202e}gnp.exe \\u{1b}[31mred\\u{7}"), "{t}");
    // the JSON API keeps the exact text (JSON escapes controls itself)
    let j = http_util::get(&app, "/api/r/log").await.json();
    assert_eq!(j["patches"][0]["name"], "evil\u{202e}gnp.exe \u{1b}[31mred\u{7}");
}

#[tokio::test]
async fn damaged_data_gets_a_page_naming_the_patch_and_suggesting_check() {
    let (_t, root, _) = root();
    let r = add(&root, "r", "prims-d2");
    // a well-formed patch (right hash) whose hunk removes a line that is not there
    let content = format!("{INFO} hunk ./g.txt 1\n-no such line\n+x").into_bytes();
    let name = append_patch(&r, &content, None, None);
    let id = Repository::open(&r).unwrap().ids().last().unwrap().clone();
    // and a later patch, so that the version after the damaged one is replayed (head is
    // read from the pristine tree)
    let later = "[later\nMallory <m@example.com>**20240203000000\n Ignore-this: 2\n] addfile ./zz".as_bytes();
    append_patch(&r, later, None, None);
    let app = http_util::app(std::slice::from_ref(&root));
    for p in [format!("/r/tree/{id}/g.txt"), format!("/r/annotate/{id}/g.txt")] {
        let a = http_util::get(&app, &p).await;
        let t = a.text();
        assert_eq!(a.status, 500, "{p}: {t}");
        assert!(t.contains("damaged") && t.contains(&id) && t.contains("hostile patch"), "{p}: {t}");
        assert!(t.contains("darcsweb check"), "{p}: suggests check: {t}");
        assert!(!t.contains("internal error"), "{p}: {t}");
    }
    let (code, out) = check(&r);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&id), "{out}");
    // damage in a file: the page names the file
    std::fs::write(r.join("_darcs/patches").join(&name), b"garbage").unwrap();
    let a = http_util::get(&app, &format!("/r/patch/{id}")).await;
    assert!(a.text().contains(&format!("patches/{name}")) && a.text().contains("darcsweb check"), "{}", a.text());
}

#[tokio::test]
async fn repositories_appear_disappear_and_are_replaced_without_a_restart() {
    let (t, root, _) = root();
    add(&root, "a", "prims-d2");
    let app = http_util::app(std::slice::from_ref(&root));
    assert_eq!(http_util::get(&app, "/a").await.status, 200);
    assert_eq!(http_util::get(&app, "/b").await.status, 404);
    // appears (renamed into place, as a deployment would)
    let staged = t.path().join("staged-b");
    common::copy_dir(&common::corpus().join("repos/prims-d1"), &staged).unwrap();
    std::fs::rename(&staged, root.join("b")).unwrap();
    assert_eq!(http_util::get(&app, "/b").await.status, 200);
    let names = |j: serde_json::Value| -> Vec<String> {
        j.as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(names(http_util::get(&app, "/api/repos").await.json()), ["a", "b"]);
    let before = http_util::get(&app, "/api/a/log").await.json()["total"].clone();
    // replaced by another repository under the same name
    let staged = t.path().join("staged-a");
    common::copy_dir(&common::corpus().join("repos/conflicts-d2"), &staged).unwrap();
    std::fs::rename(root.join("a"), t.path().join("old-a")).unwrap();
    std::fs::rename(&staged, root.join("a")).unwrap();
    let after = http_util::get(&app, "/api/a/log").await.json()["total"].clone();
    let want = Repository::open(root.join("a")).unwrap().len();
    assert_eq!(after, want, "the new repository's log (was {before})");
    // disappears
    std::fs::remove_dir_all(root.join("b")).unwrap();
    assert_eq!(http_util::get(&app, "/b").await.status, 404);
    assert_eq!(names(http_util::get(&app, "/api/repos").await.json()), ["a"]);
    // and a repository removed while the fuzz helper serves still leaves the server up
    let _ = fuzz::KINDS;
}
