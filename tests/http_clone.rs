//! `darcs clone` and `darcs pull` over HTTP from the server on a real socket: the
//! clone equals the served repository, a patch recorded afterwards in the served
//! repository arrives with `pull`, and `darcs check` passes on the clone.

use crate::common;
use crate::http_util;

use std::path::Path;

use http_util::*;

fn darcs_ok(args: &[&str], cwd: &Path) -> String {
    let out = common::darcs(args, cwd);
    assert!(
        out.status.success(),
        "darcs {args:?} in {}: {}{}",
        cwd.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn log_xml(repo: &Path) -> String {
    darcs_ok(&["log", "--xml-output"], repo)
}

fn files(repo: &Path) -> String {
    darcs_ok(&["show", "files", "--no-pending"], repo)
}

/// Clone `name` over HTTP, compare it with the served copy, record in the served copy,
/// pull, check.
fn clone_and_pull(name: &str) {
    let corpus = common::corpus();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("served");
    copy_dir(&corpus.join("repos").join(name), &root.join(name)).unwrap();
    let served = root.join(name);
    let addr = serve(std::slice::from_ref(&root));
    let url = format!("http://{addr}/{name}");

    let clone = tmp.path().join("clone");
    let out = common::darcs(&["clone", "--no-cache", &url, clone.to_str().unwrap()], tmp.path());
    assert!(out.status.success(), "darcs clone {url}: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(log_xml(&clone), log_xml(&served), "{name}: the clone has the same history");
    assert_eq!(files(&clone), files(&served), "{name}: the clone has the same files");
    assert!(darcs_ok(&["check"], &clone).contains("consistent"), "{name}: darcs check on the clone");

    // a new patch in the served repository
    let work = served.clone();
    std::fs::write(work.join("over-http.txt"), "sent over HTTP\nsecond line\n").unwrap();
    darcs_ok(&["add", "over-http.txt"], &work);
    darcs_ok(&["record", "-a", "-m", "recorded after the clone", "--author", "Pull Test <p@example.com>"], &work);
    let _ = std::fs::remove_file(work.join("_darcs/index"));

    let out = common::darcs(&["pull", "-a", "--no-cache", &url], &clone);
    assert!(out.status.success(), "darcs pull: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(log_xml(&clone), log_xml(&served), "{name}: the pull brought the new patch");
    assert_eq!(std::fs::read_to_string(clone.join("over-http.txt")).unwrap(), "sent over HTTP\nsecond line\n");
    assert!(darcs_ok(&["check"], &clone).contains("consistent"), "{name}: darcs check after the pull");

    // the server's own pages follow the served repository (its index was rebuilt)
    let page = reqwest_like_get(&format!("http://{addr}/api/{name}/log?limit=1"));
    assert!(page.contains("recorded after the clone"), "{page}");
}

/// A tiny HTTP/1.1 GET over a plain socket (no client dependency).
fn reqwest_like_get(url: &str) -> String {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut s = std::net::TcpStream::connect(host).unwrap();
    write!(s, "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    String::from_utf8_lossy(&buf).into_owned()
}

#[test]
fn clone_and_pull_darcs2() {
    clone_and_pull("prims-d2");
}

#[test]
fn clone_and_pull_darcs3() {
    clone_and_pull("prims-d3");
}

#[test]
fn clone_and_pull_with_packs_and_conflicts() {
    clone_and_pull("packed-d2");
    clone_and_pull("conflicts-d2");
}

#[test]
fn clone_of_an_unknown_repository_fails_cleanly() {
    let corpus = common::corpus();
    let addr = serve(&[corpus.join("repos")]);
    let tmp = tempfile::tempdir().unwrap();
    let out = common::darcs(&["clone", "--no-cache", &format!("http://{addr}/no-such-repo"), "c"], tmp.path());
    assert!(!out.status.success());
    assert!(!tmp.path().join("c/_darcs").exists());
}
