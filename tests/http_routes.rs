//! Every route through the router (tower `oneshot`): status codes, content types and
//! headers; and the JSON and raw answers compared with real darcs on the test corpus
//! (`darcs log --xml-output`, `show contents`, `annotate`, `show dependencies`,
//! `show files`).

use crate::common;
use crate::http_util;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::OnceLock;

use axum::Router;
use http_util::*;

fn corpus() -> PathBuf {
    common::corpus()
}

/// One app over the whole corpus, shared by the tests (indexes are built once).
fn app() -> &'static Router {
    static APP: OnceLock<Router> = OnceLock::new();
    APP.get_or_init(|| http_util::app(&[corpus().join("repos")]))
}

/// Percent-encode every byte of a path component that is not alphanumeric.
fn enc(b: &[u8]) -> String {
    b.iter()
        .map(|&c| {
            if c.is_ascii_alphanumeric() || c == b'.' || c == b'-' || c == b'_' {
                (c as char).to_string()
            } else {
                format!("%{c:02X}")
            }
        })
        .collect()
}

fn enc_path(p: &[u8]) -> String {
    p.split(|&c| c == b'/').map(enc).collect::<Vec<_>>().join("/")
}

/// Patch ids of a corpus repository, oldest first.
fn patch_ids(repo: &str) -> Vec<String> {
    std::fs::read_to_string(corpus().join("expected").join(repo).join("patch-ids.txt"))
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn last_id(repo: &str) -> String {
    patch_ids(repo).last().unwrap().clone()
}

const SECURITY: [(&str, &str); 4] = [
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "same-origin"),
    ("x-frame-options", "DENY"),
    ("content-security-policy", ""),
];

fn assert_security(r: &Resp, uri: &str) {
    for (k, v) in SECURITY {
        let got = r.header(k);
        assert!(!got.is_empty(), "{uri}: missing {k}");
        if !v.is_empty() {
            assert_eq!(got, v, "{uri}: {k}");
        }
    }
    let csp = r.header("content-security-policy");
    assert!(
        csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'") || csp.contains("sandbox"),
        "{uri}: CSP {csp}"
    );
}

#[tokio::test]
async fn every_route_answers_with_its_status_type_and_headers() {
    let h = last_id("prims-d2");
    let first = patch_ids("prims-d2")[0].clone();
    let cases: Vec<(String, u16, &str)> = vec![
        ("/".into(), 200, "text/html; charset=utf-8"),
        ("/?q=prims".into(), 200, "text/html"),
        ("/prims-d2".into(), 200, "text/html"),
        ("/prims-d2/".into(), 308, ""),
        ("/prims-d2/log".into(), 200, "text/html"),
        ("/prims-d2/log?q=move".into(), 200, "text/html"),
        ("/prims-d2/log?path=g.txt".into(), 200, "text/html"),
        ("/prims-d2/log?page=1&q=hunk".into(), 200, "text/html"),
        ("/prims-d2/tags".into(), 200, "text/html"),
        ("/prims-d2/atom".into(), 200, "application/atom+xml"),
        ("/prims-d2/atom?path=g.txt".into(), 200, "application/atom+xml"),
        (format!("/prims-d2/patch/{h}"), 200, "text/html"),
        (format!("/prims-d2/patch/{first}"), 200, "text/html"),
        (format!("/prims-d2/patch/{h}.patch"), 200, "text/plain; charset=utf-8"),
        ("/prims-d2/tree".into(), 308, ""),
        ("/prims-d2/tree/head".into(), 200, "text/html"),
        ("/prims-d2/tree/head/".into(), 200, "text/html"),
        ("/prims-d2/tree/head/moved-dir".into(), 200, "text/html"),
        ("/prims-d2/tree/head/g.txt".into(), 200, "text/html"),
        (format!("/prims-d2/tree/{first}/f.txt"), 200, "text/html"),
        ("/prims-d2/tree/tag/v1.0/".into(), 200, "text/html"),
        ("/prims-d2/tree/head/image.png".into(), 200, "text/html"),
        ("/prims-d2/raw/head/g.txt".into(), 200, "text/plain; charset=utf-8"),
        ("/prims-d2/raw/head/image.png".into(), 200, "image/png"),
        ("/prims-d2/raw/head/data.dat".into(), 200, "application/octet-stream"),
        ("/prims-d2/annotate/head/g.txt".into(), 200, "text/html"),
        (format!("/prims-d2/annotate/{first}/f.txt"), 200, "text/html"),
        ("/prims-d2/snapshot/head.tar.gz".into(), 200, "application/gzip"),
        ("/prims-d2/snapshot/tag/v1.0.tar.gz".into(), 200, "application/gzip"),
        ("/prims-d2/_darcs/format".into(), 200, "application/octet-stream"),
        ("/prims-d2/_darcs/hashed_inventory".into(), 200, "application/octet-stream"),
        ("/prims-d2/_darcs/prefs/motd".into(), 200, "application/octet-stream"),
        ("/prims-d2/_darcs/prefs/author".into(), 404, "text/html"),
        ("/proofs".into(), 200, "text/html"),
        ("/healthz".into(), 200, "text/plain"),
        ("/robots.txt".into(), 200, "text/plain"),
        ("/static/style.css".into(), 200, "text/css"),
        ("/api/repos".into(), 200, "application/json"),
        ("/api/prims-d2/log".into(), 200, "application/json"),
        (format!("/api/prims-d2/patch/{h}"), 200, "application/json"),
        ("/api/prims-d2/tree/head/".into(), 200, "application/json"),
        ("/api/prims-d2/tree/head/g.txt".into(), 200, "application/json"),
        ("/api/prims-d2/annotate/head/g.txt".into(), 200, "application/json"),
        ("/darcsweb.cgi?r=prims-d2;a=summary".into(), 301, ""),
        ("/no-such-repo".into(), 404, "text/html"),
        ("/prims-d2/no-such-page".into(), 404, "text/html"),
        ("/api/no-such-repo/log".into(), 404, "application/json"),
        (format!("/api/prims-d2/patch/{}", "0".repeat(40)), 404, "application/json"),
    ];
    for (uri, status, ctype) in &cases {
        let r = get(app(), uri).await;
        assert_eq!(r.status.as_u16(), *status, "{uri}: {}", r.text());
        assert!(r.header("content-type").starts_with(ctype), "{uri}: content-type {}", r.header("content-type"));
        assert_security(&r, uri);
        if *status == 200 && ctype.starts_with("text/html") {
            let t = r.text();
            assert!(t.starts_with("<!DOCTYPE html>") && t.contains("</html>"), "{uri}: not a whole page");
            assert!(t.contains("<link rel=\"stylesheet\" href=\"/static/style.css\">"), "{uri}");
            assert!(!t.contains("<script"), "{uri}: pages carry no script");
        }
        if *status >= 400 && ctype.starts_with("text/html") {
            assert!(r.text().contains("class=\"message\""), "{uri}: error page names the problem");
        }
    }
    // a few contents
    let r = get(app(), "/prims-d2").await;
    let t = r.text();
    assert!(t.contains("darcs clone http://darcs.example/prims-d2"), "clone command");
    let motd = std::fs::read_to_string(common::corpus().join("repos/prims-d2/_darcs/prefs/motd")).unwrap();
    assert!(t.contains(motd.trim()), "description from motd");
    assert!(t.contains("last patch"), "latest patches");
    assert!(t.contains("v2.0") && t.contains("v1.0"), "tags");
    let r = get(app(), "/?q=prims").await;
    assert!(r.text().contains("/prims-d2\"") && !r.text().contains("/big-d2\""), "filter");
    let r = get(app(), "/healthz").await;
    assert_eq!(r.text(), "ok\n");
    let r = get(app(), "/prims-d2/").await;
    assert_eq!(r.header("location"), "/prims-d2");
    let r = get(app(), "/darcsweb.cgi?r=prims-d2;a=headblob;f=/g.txt").await;
    assert_eq!((r.status.as_u16(), r.header("location").as_str()), (301, "/prims-d2/tree/head/g.txt"));
    let r = get(app(), &format!("/darcsweb.cgi?r=prims-d2&a=commit&h={h}")).await;
    assert_eq!(r.header("location"), format!("/prims-d2/patch/{h}"));
    let r = get(app(), "/prims-d2/tree/head/g.txt").await;
    assert!(r.text().contains("id=\"L1\"") && r.text().contains("href=\"#L1\""), "line anchors");
    let r = get(app(), "/prims-d2/tree/head/image.png").await;
    assert!(r.text().contains("Binary file") && r.text().contains("/prims-d2/raw/head/image.png"), "binary notice");
    let r = get(app(), "/prims-d2/raw/head/data.dat").await;
    assert!(r.header("content-disposition").starts_with("attachment"), "binary download");
    let r = get(app(), &format!("/prims-d2/patch/{h}.patch")).await;
    assert!(r.text().contains("last patch"), "raw patch text");
}

#[tokio::test]
async fn robots_and_stylesheet() {
    let r = get(app(), "/robots.txt").await;
    let t = r.text();
    for l in [
        "Disallow: /*/annotate/",
        "Disallow: /*/snapshot/",
        "Disallow: /api/",
        "Disallow: /*?q=",
        "Allow: /*/tree/head/",
        "Disallow: /*/tree/",
    ] {
        assert!(t.lines().any(|x| x == l), "robots.txt lacks {l}");
    }
    let r = get(app(), "/static/style.css").await;
    assert!(r.text().contains("prefers-color-scheme: dark"));
    assert!(r.text().contains(":focus-visible"));
    assert!(r.header("cache-control").contains("max-age"));
}

#[tokio::test]
async fn caching_etags_and_compression() {
    let h = last_id("prims-d2");
    // hash-pinned pages are immutable; a patch page is not (its dependents grow)
    for (uri, cache) in [
        (format!("/prims-d2/patch/{h}"), "public, max-age=300"),
        (format!("/prims-d2/patch/{h}.patch"), "public, max-age=31536000, immutable"),
        (format!("/prims-d2/tree/{h}/g.txt"), "public, max-age=31536000, immutable"),
        (format!("/prims-d2/raw/{h}/g.txt"), "public, max-age=31536000, immutable"),
        (format!("/prims-d2/annotate/{h}/g.txt"), "public, max-age=31536000, immutable"),
        (format!("/api/prims-d2/patch/{h}"), "public, max-age=300"),
    ] {
        let r = get(app(), &uri).await;
        assert_eq!(r.status, 200, "{uri}");
        assert_eq!(r.header("cache-control"), cache, "{uri}");
        let etag = r.header("etag");
        assert!(!etag.is_empty(), "{uri}: etag");
        let r2 = get_with(app(), &uri, &[("if-none-match", &etag)]).await;
        assert_eq!(r2.status, 304, "{uri}: If-None-Match");
        assert!(r2.body.is_empty());
        assert_eq!(r2.header("etag"), etag);
        let r3 = get_with(app(), &uri, &[("if-none-match", "\"other\"")]).await;
        assert_eq!(r3.status, 200, "{uri}: other etag");
    }
    // head pages are short-lived
    for uri in ["/prims-d2/log", "/prims-d2/tree/head/g.txt", "/prims-d2/raw/head/g.txt", "/prims-d2"] {
        let r = get(app(), uri).await;
        assert_eq!(r.header("cache-control"), "public, max-age=60", "{uri}");
        assert!(!r.header("etag").is_empty(), "{uri}");
    }
    // errors are not cached
    assert_eq!(get(app(), "/nope").await.header("cache-control"), "no-store");
    // compression when asked, never for darcs' own files
    let plain = get(app(), "/prims-d2/log").await;
    let gz = get_with(app(), "/prims-d2/log", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gz.header("content-encoding"), "gzip");
    let mut d = flate2::read::GzDecoder::new(&gz.body[..]);
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut d, &mut out).unwrap();
    assert_eq!(out, plain.body);
    let inv = get_with(app(), "/prims-d2/_darcs/hashed_inventory", &[("accept-encoding", "gzip")]).await;
    assert_eq!(inv.header("content-encoding"), "");
    assert_eq!(inv.body, std::fs::read(corpus().join("repos/prims-d2/_darcs/hashed_inventory")).unwrap());
}

/// The ISO 8601 `date` the API gives patch `hash`.
fn got_iso(got: &[serde_json::Value], hash: &str) -> String {
    got.iter().find(|p| p["hash"] == hash).and_then(|p| p["date"].as_str()).unwrap_or("").to_string()
}

/// All patches of `/api/{repo}/log`, paging with offset/limit.
async fn api_log(repo: &str) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    loop {
        let r = get(app(), &format!("/api/{repo}/log?offset={}&limit=1000", out.len())).await;
        assert_eq!(r.status, 200, "{repo}: {}", r.text());
        let j = r.json();
        let ps = j["patches"].as_array().unwrap().clone();
        let total = j["total"].as_u64().unwrap() as usize;
        let n = ps.len();
        out.extend(ps);
        if n == 0 || out.len() >= total {
            break;
        }
    }
    out
}

#[tokio::test]
async fn api_log_equals_darcs_log_xml() {
    let mut compared = 0;
    for repo in common::corpus_repos() {
        let Ok(xml) = std::fs::read_to_string(corpus().join("expected").join(&repo).join("log.xml")) else {
            continue; // lazy-d2: darcs itself would fetch from the source to answer
        };
        let want = parse_log_xml(&xml);
        let got = api_log(&repo).await;
        assert_eq!(got.len(), want.len(), "{repo}: number of patches");
        for (g, w) in got.iter().zip(&want) {
            let g = XmlPatch {
                hash: g["hash"].as_str().unwrap().into(),
                name: g["name"].as_str().unwrap().into(),
                author: g["author"].as_str().unwrap().into(),
                date: g["date_darcs"].as_str().unwrap().into(),
                comment: g["comment"].as_str().map(str::to_string),
                inverted: g["inverted"].as_bool().unwrap(),
            };
            // the API drops the Ignore-this: line, as `darcs log` does
            let mut w = w.clone();
            w.comment = w
                .comment
                .map(|c| c.lines().filter(|l| !l.starts_with("Ignore-this:")).collect::<Vec<_>>().join("\n"))
                .filter(|c| !c.is_empty());
            assert_eq!(g, w, "{repo}");
            let d = &w.date;
            let iso = format!("{}-{}-{}T{}:{}:{}Z", &d[0..4], &d[4..6], &d[6..8], &d[8..10], &d[10..12], &d[12..14]);
            assert_eq!(got_iso(&got, &g.hash), iso, "{repo}: ISO 8601 date");
        }
        compared += want.len();
    }
    assert!(compared > 3000, "compared {compared} patches");
}

#[tokio::test]
async fn log_pages_search_and_paths() {
    let want = parse_log_xml(&std::fs::read_to_string(corpus().join("expected/big-d2/log.xml")).unwrap());
    let pages = want.len().div_ceil(50);
    let r = get(app(), "/big-d2/log").await;
    let t = r.text();
    assert_eq!(t.matches("<tr").count() - 1, 50, "50 patches a page");
    assert!(t.contains(&format!("page 1 of {pages}")));
    let p2 = get(app(), "/big-d2/log?page=2").await.text();
    assert!(p2.contains(&format!("/big-d2/patch/{}", want[50].hash)), "page 2 starts at the 51st newest");
    assert!(!p2.contains(&format!("/big-d2/patch/{}", want[49].hash)));
    let last = get(app(), &format!("/big-d2/log?page={pages}")).await;
    assert_eq!(last.status, 200);
    assert!(last.text().contains(&format!("/big-d2/patch/{}", want.last().unwrap().hash)));
    assert_eq!(get(app(), &format!("/big-d2/log?page={}", pages + 1)).await.status, 404);
    // search: all of history, name/author/comment/hash
    let r = get(app(), "/api/big-d2/log?q=long%20comment%20for%20patch%202999").await.json();
    assert_eq!(r["total"], 1);
    assert_eq!(r["patches"][0]["name"], "patch 2999");
    let h = &want[want.len() - 3].hash;
    let r = get(app(), &format!("/api/big-d2/log?q={}", &h[..12])).await.json();
    assert_eq!(r["patches"][0]["hash"].as_str().unwrap(), h);
    let r = get(app(), "/big-d2/log?q=patch+2999").await;
    assert!(r.text().contains("patch 2999"));
    // path restriction: every patch listed touches the path
    let r = get(app(), "/api/prims-d2/log?path=g.txt&limit=1000").await.json();
    let names: Vec<&str> = r["patches"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"add text files") || names.contains(&"move file"), "{names:?}");
    assert!(!names.contains(&"add binaries"), "{names:?}");
    // feed: at most 30 entries
    let r = get(app(), "/big-d2/atom").await.text();
    assert_eq!(r.matches("<entry>").count(), 30);
    assert!(r.contains(&format!("urn:darcs:patch:{}", want[0].hash)));
}

#[tokio::test]
async fn raw_equals_darcs_show_contents() {
    let (_t, copy) = copy_repo(&corpus(), "prims-d2");
    let ids = patch_ids("prims-d2");
    let mut compared = 0;
    for (k, h) in ids.iter().enumerate() {
        if k % 3 != 0 && k != ids.len() - 1 {
            continue;
        }
        let m = format!("hash {h}");
        let files =
            common::darcs(&["show", "files", "--no-pending", "--no-directories", "--null", "--match", &m], &copy);
        assert!(files.status.success(), "show files at {h}");
        for f in files.stdout.split(|&b| b == 0).filter(|f| !f.is_empty()) {
            let rel = f.strip_prefix(b"./").unwrap_or(f);
            let want = darcs_os(&[b"show", b"contents", b"--match", m.as_bytes(), rel], &copy);
            assert!(want.status.success());
            let r = get(app(), &format!("/prims-d2/raw/{h}/{}", enc_path(rel))).await;
            assert_eq!(r.status, 200, "{h} {}: {}", String::from_utf8_lossy(rel), r.text());
            assert_eq!(r.body, want.stdout, "{h} {}", String::from_utf8_lossy(rel));
            let ct = r.header("content-type");
            assert!(ct == "text/plain; charset=utf-8" || ct == "application/octet-stream" || ct == "image/png", "{ct}");
            compared += 1;
        }
    }
    assert!(compared > 50, "compared {compared} files");
    // the corpus' own records
    let v1 = get(app(), "/prims-d2/raw/tag/v1.0/g.txt").await;
    assert_eq!(v1.body, std::fs::read(corpus().join("expected/prims-d2/contents-g-at-v1.0.txt")).unwrap());
}

/// Parse `darcs annotate --machine-readable`: `(hash, line)` per line.
fn parse_annotate(out: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = Vec::new();
    let mut lines: Vec<&[u8]> = out.split(|&b| b == b'\n').collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    for l in lines {
        let (h, rest) = l.split_at(40);
        let rest = rest.strip_prefix(b" | ").unwrap_or_else(|| panic!("bad line {}", String::from_utf8_lossy(l)));
        let rest = rest.strip_suffix(b" ").unwrap_or(rest);
        v.push((String::from_utf8_lossy(h).into_owned(), rest.to_vec()));
    }
    v
}

async fn compare_annotate(repo: &str, version: &str, path: &[u8], want: &[u8]) {
    let want = parse_annotate(want);
    let r = get(app(), &format!("/api/{repo}/annotate/{version}/{}", enc_path(path))).await;
    assert_eq!(r.status, 200, "{}: {}", String::from_utf8_lossy(path), r.text());
    let j = r.json();
    let got = j["lines"].as_array().unwrap();
    assert_eq!(got.len(), want.len(), "{}: number of lines", String::from_utf8_lossy(path));
    for (g, (h, text)) in got.iter().zip(&want) {
        let gh = g["hash"].as_str().unwrap_or("0000000000000000000000000000000000000000");
        assert_eq!(gh, h, "{}: line {}", String::from_utf8_lossy(path), g["line"]);
        assert_eq!(g["text"].as_str().unwrap(), String::from_utf8_lossy(text), "{}", String::from_utf8_lossy(path));
    }
    // the page shows the same short hashes
    let page = get(app(), &format!("/{repo}/annotate/{version}/{}", enc_path(path))).await;
    assert_eq!(page.status, 200);
    if let Some((h, _)) = want.first() {
        assert!(page.text().contains(&h[..8]));
    }
}

#[tokio::test]
async fn api_annotate_equals_darcs_annotate() {
    let e = corpus().join("expected/prims-d2");
    compare_annotate("prims-d2", "head", b"g.txt", &std::fs::read(e.join("annotate-g.txt")).unwrap()).await;
    compare_annotate("prims-d2", "head", b"crlf.txt", &std::fs::read(e.join("annotate-crlf.txt")).unwrap()).await;
    let (_t, copy) = copy_repo(&corpus(), "prims-d2");
    let ids = patch_ids("prims-d2");
    let mut n = 0;
    for (version, m) in
        [("head".to_string(), None), (ids[ids.len() / 2].clone(), Some(format!("hash {}", ids[ids.len() / 2])))]
    {
        let mut args = vec!["show", "files", "--no-pending", "--no-directories", "--null"];
        if let Some(m) = &m {
            args.extend(["--match", m]);
        }
        let files = common::darcs(&args, &copy);
        for f in files.stdout.split(|&b| b == 0).filter(|f| !f.is_empty()) {
            let rel = f.strip_prefix(b"./").unwrap_or(f);
            let api = get(app(), &format!("/api/prims-d2/tree/{version}/{}", enc_path(rel))).await.json();
            if api["binary"].as_bool() == Some(true) {
                continue;
            }
            let mut args: Vec<&[u8]> = vec![b"annotate", b"--machine-readable", b"--no-patch-index"];
            if let Some(m) = &m {
                args.extend([&b"--match"[..], m.as_bytes()]);
            }
            args.push(rel);
            let out = darcs_os(&args, &copy);
            if !out.status.success() {
                // darcs 2.16 itself fails on some paths at old versions ("Non-exhaustive
                // patterns" in Annotate.hs for rawbytes.txt, later replaced by a directory)
                eprintln!("darcs annotate failed on {} at {version}: skipped", String::from_utf8_lossy(rel));
                continue;
            }
            compare_annotate("prims-d2", &version, rel, &out.stdout).await;
            n += 1;
        }
    }
    assert!(n >= 10, "annotated {n} files");
}

/// Compare `/api/{repo}/patch/{hash}` dependencies with a `darcs show dependencies` DOT.
async fn compare_deps(repo: &str, dot: &str) {
    let want = parse_dot(dot);
    let ids = patch_ids(repo);
    assert_eq!(want.len(), ids.len(), "{repo}: DOT nodes");
    let mut dependents: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, deps) in &want {
        for d in deps {
            dependents.entry(d.clone()).or_default().insert(from.clone());
        }
    }
    let mut got_deps = BTreeMap::new();
    let mut got_dependents = BTreeMap::new();
    for h in &ids {
        let r = get(app(), &format!("/api/{repo}/patch/{h}")).await;
        assert_eq!(r.status, 200, "{repo} {h}: {}", r.text());
        let j = r.json();
        let short = |k: &str| -> BTreeSet<String> {
            j[k].as_array().unwrap().iter().map(|x| x.as_str().unwrap()[..8].to_string()).collect()
        };
        got_deps.insert(h[..8].to_string(), short("dependencies"));
        got_dependents.insert(h[..8].to_string(), short("dependents"));
        // the page links them
        let page = get(app(), &format!("/{repo}/patch/{h}")).await.text();
        for d in short("dependencies") {
            assert!(page.contains(&format!("<code>{d}</code>")), "{repo} {h}: page lists {d}");
        }
    }
    assert_eq!(got_deps, want, "{repo}: direct dependencies (short id -> its dependencies)");
    for (k, v) in got_dependents {
        assert_eq!(v, dependents.get(&k).cloned().unwrap_or_default(), "{repo}: dependents of {k}");
    }
}

async fn compare_deps_with_darcs(repo: &str) {
    let (_t, copy) = copy_repo(&corpus(), repo);
    let out = common::darcs(&["show", "dependencies"], &copy);
    assert!(out.status.success(), "{repo}: darcs show dependencies");
    compare_deps(repo, &String::from_utf8_lossy(&out.stdout)).await;
}

#[tokio::test]
async fn api_patch_dependencies_equal_darcs_show_dependencies() {
    compare_deps("prims-d2", &std::fs::read_to_string(corpus().join("expected/prims-d2/dependencies.dot")).unwrap())
        .await;
    compare_deps_with_darcs("prims-d3").await;
    compare_deps_with_darcs("prims-d1").await;
}

/// In conflicted histories darcs commutes the conflictors and duplicates themselves
/// (theories/Conflict2.v, Conflict3.v): patches never depend on what they conflict with.
#[tokio::test]
async fn api_patch_dependencies_in_conflicted_histories_equal_darcs() {
    for repo in ["conflicts-d2", "conflicts-d3", "conflicts-unresolved-d2", "conflicts-unresolved-d3"] {
        compare_deps_with_darcs(repo).await;
    }
}

#[tokio::test]
async fn api_patch_has_metadata_and_prims() {
    let want = parse_log_xml(&std::fs::read_to_string(corpus().join("expected/prims-d2/log.xml")).unwrap());
    for w in &want {
        let j = get(app(), &format!("/api/prims-d2/patch/{}", w.hash)).await.json();
        assert_eq!(j["hash"], w.hash.as_str());
        assert_eq!(j["name"], w.name.as_str());
        assert_eq!(j["author"], w.author.as_str());
        assert!(j["prims"].is_array() && j["touched"].is_array());
    }
    let edit = want.iter().find(|w| w.name == "edit hunks").unwrap();
    let j = get(app(), &format!("/api/prims-d2/patch/{}", edit.hash)).await.json();
    assert!(j["prims"].as_array().unwrap().iter().any(|p| p["type"] == "hunk"), "{j}");
    let page = get(app(), &format!("/prims-d2/patch/{}", edit.hash)).await.text();
    assert!(page.contains("<tr class=\"a\">") || page.contains("<tr class=\"d\">"), "coloured diff");
    assert!(page.contains("?view=split\""), "a link to the side-by-side form");
    let recorded = get(app(), &format!("/prims-d2/patch/{}?view=recorded", edit.hash)).await.text();
    assert!(recorded.contains("hunk ./"), "native prims shown");
    assert!(page.contains(&format!("/prims-d2/patch/{}.patch", edit.hash)), "raw link");
}

/// Every path under `dir` at `version`, via the JSON tree (`./path` like `darcs show files`).
async fn api_walk(repo: &str, version: &str) -> BTreeSet<Vec<u8>> {
    let mut out = BTreeSet::new();
    out.insert(b".".to_vec());
    let mut todo: Vec<Vec<u8>> = vec![Vec::new()];
    while let Some(dir) = todo.pop() {
        let r = get(app(), &format!("/api/{repo}/tree/{version}/{}", enc_path(&dir))).await;
        assert_eq!(r.status, 200, "{}: {}", String::from_utf8_lossy(&dir), r.text());
        let j = r.json();
        assert_eq!(j["type"], "directory");
        for e in j["entries"].as_array().unwrap() {
            let name = e["name"].as_str().unwrap().as_bytes();
            let mut p = dir.clone();
            if !p.is_empty() {
                p.push(b'/');
            }
            p.extend_from_slice(name);
            let mut shown = b"./".to_vec();
            shown.extend_from_slice(&p);
            out.insert(shown);
            if e["type"] == "directory" {
                todo.push(p);
            }
        }
    }
    out
}

fn lines_set(path: PathBuf) -> BTreeSet<Vec<u8>> {
    std::fs::read(path)
        .unwrap()
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| String::from_utf8_lossy(l).into_owned().into_bytes())
        .collect()
}

#[tokio::test]
async fn tree_listing_equals_darcs_show_files() {
    let e = corpus().join("expected/prims-d2");
    assert_eq!(api_walk("prims-d2", "head").await, lines_set(e.join("files.txt")));
    let first = &patch_ids("prims-d2")[0];
    assert_eq!(api_walk("prims-d2", first).await, lines_set(e.join("files-at-first.txt")));
    for repo in ["prims-d3", "conflicts-d2"] {
        assert_eq!(
            api_walk(repo, "head").await,
            lines_set(corpus().join("expected").join(repo).join("files.txt")),
            "{repo}"
        );
    }
    // the HTML listing links every entry, percent-encoded
    let page = get(app(), "/prims-d2/tree/head/").await.text();
    assert!(page.contains("href=\"/prims-d2/tree/head/tab%09here.txt\""), "encoded tab");
    assert!(page.contains("href=\"/prims-d2/tree/head/lat%E9n1.txt\""), "a latin-1 byte is linked percent-encoded");
    assert!(page.contains("lat\u{FFFD}n1.txt"), "and shown lossily");
    let r = get(app(), "/prims-d2/raw/head/lat%E9n1.txt").await;
    assert_eq!(r.status, 200, "the encoded link resolves");
    for h in hrefs(&page) {
        assert!(h.starts_with('/') || h.starts_with('#'), "{h}");
        assert!(h.bytes().all(|b| b.is_ascii_graphic()), "unencoded href {h:?}");
    }
}

#[tokio::test]
async fn snapshot_is_the_tree() {
    let r = get(app(), "/prims-d2/snapshot/head.tar.gz").await;
    assert_eq!(r.status, 200);
    assert!(r.header("content-disposition").contains(".tar.gz"));
    let mut ar = tar::Archive::new(flate2::read::GzDecoder::new(&r.body[..]));
    let mut names = BTreeSet::new();
    let mut contents = BTreeMap::new();
    for e in ar.entries().unwrap() {
        let mut e = e.unwrap();
        let p = e.path_bytes().into_owned();
        let i = p.iter().position(|&b| b == b'/').unwrap();
        let rel = p[i + 1..].strip_suffix(b"/").unwrap_or(&p[i + 1..]).to_vec();
        let mut shown = if rel.is_empty() { b".".to_vec() } else { b"./".to_vec() };
        shown.extend_from_slice(&rel);
        names.insert(String::from_utf8_lossy(&shown).into_owned().into_bytes());
        let mut b = Vec::new();
        std::io::Read::read_to_end(&mut e, &mut b).unwrap();
        contents.insert(rel, b);
    }
    assert_eq!(names, lines_set(corpus().join("expected/prims-d2/files.txt")));
    let g = get(app(), "/prims-d2/raw/head/g.txt").await;
    assert_eq!(contents[&b"g.txt".to_vec()], g.body);
    assert_eq!(get(app(), "/prims-d2/snapshot/head.zip").await.status, 404);
}

#[tokio::test]
async fn dumb_http_serves_exactly_the_allowlist() {
    let d = corpus().join("repos/prims-d2/_darcs");
    let first =
        |sub: &str| std::fs::read_dir(d.join(sub)).unwrap().next().unwrap().unwrap().file_name().into_string().unwrap();
    for rel in [
        "format".to_string(),
        "hashed_inventory".into(),
        "prefs/motd".into(),
        format!("inventories/{}", first("inventories")),
        format!("patches/{}", first("patches")),
        format!("pristine.hashed/{}", first("pristine.hashed")),
    ] {
        let r = get(app(), &format!("/prims-d2/_darcs/{rel}")).await;
        assert_eq!(r.status, 200, "{rel}");
        assert_eq!(r.header("content-type"), "application/octet-stream");
        assert_eq!(r.body, std::fs::read(d.join(&rel)).unwrap(), "{rel}");
    }
    for rel in [
        "prefs/author",
        "prefs/prefs",
        "prefs/email",
        "prefs/defaults",
        "prefs/boring",
        "rebase",
        "tentative_pristine",
        "index",
        "patches/pending",
        "inventories",
        "patches/",
        "",
    ] {
        let r = get(app(), &format!("/prims-d2/_darcs/{rel}")).await;
        assert_eq!(r.status, 404, "{rel}");
    }
    // packs of a packed repository
    let r = get(app(), "/packed-d2/_darcs/packs/basic.tar.gz").await;
    assert_eq!(r.status, 200);
}

#[tokio::test]
async fn head_requests_and_limits() {
    // HEAD answers like GET, without a body
    let req =
        axum::http::Request::builder().method("HEAD").uri("/prims-d2/log").body(axum::body::Body::empty()).unwrap();
    let r = tower::ServiceExt::oneshot(app().clone(), req).await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    assert!(r.headers().contains_key("content-security-policy"));
    // size caps: a small configuration shows notices and refuses big work
    let roots = vec![corpus().join("repos")];
    let mut cfg = darcsweb::web::config::Config { roots: roots.clone(), ..Default::default() };
    cfg.limits.max_display_bytes = 10;
    cfg.limits.max_annotate_bytes = 10;
    cfg.limits.max_snapshot_bytes = 10;
    let small = darcsweb::web::router(std::sync::Arc::new(darcsweb::web::AppState::new(
        darcsweb::repo::Registry::discover(&roots),
        cfg,
    )));
    let r = get(&small, "/prims-d2/tree/head/g.txt").await;
    assert_eq!(r.status, 200);
    assert!(
        r.text().contains("larger than the 10 bytes shown here") && r.text().contains("/prims-d2/raw/head/g.txt"),
        "{}",
        r.text()
    );
    assert!(!r.text().contains("id=\"L1\""));
    let r = get(&small, "/prims-d2/annotate/head/g.txt").await;
    assert_eq!(r.status, 413);
    assert!(r.text().contains("are not annotated"));
    let r = get(&small, "/prims-d2/snapshot/head.tar.gz").await;
    assert_eq!(r.status, 413);
    assert!(r.text().contains("snapshots are limited"));
    // the raw file is always available
    assert_eq!(get(&small, "/prims-d2/raw/head/g.txt").await.status, 200);
}

/// One touched path of a patch summary: `(kind, path, to, added, removed, conflict)`.
type SummaryEntry = (String, String, String, u64, u64, bool);

/// The [`SummaryEntry`] of each `<summary>` entry of one patch of
/// `darcs log --xml-output --summary`, keyed by patch hash.
fn parse_summaries(xml: &str) -> BTreeMap<String, Vec<SummaryEntry>> {
    let unescape = |s: &str| {
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    };
    let num = |s: &str, key: &str| -> u64 {
        s.find(&format!("<{key} num='"))
            .map(|i| {
                let r = &s[i + key.len() + 7..];
                r[..r.find('\'').unwrap()].parse().unwrap()
            })
            .unwrap_or(0)
    };
    let mut out = BTreeMap::new();
    for block in xml.split("\n<patch ").skip(1) {
        let i = block.find(" hash='").unwrap() + 7;
        let hash = block[i..i + 40].to_string();
        let Some(s) = block.find("\n    <summary>") else { continue };
        let e = block[s..].find("\n    </summary>").unwrap() + s;
        let lines: Vec<&str> = block[s..e].lines().map(str::trim).filter(|l| !l.is_empty()).skip(1).collect();
        let mut items = Vec::new();
        let mut k = 0;
        while k < lines.len() {
            let l = lines[k];
            if let Some(rest) = l.strip_prefix("<move ") {
                let attr = |name: &str| {
                    let i = rest.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                    unescape(&rest[i..i + rest[i..].find('"').unwrap()])
                };
                items.push(("move".to_string(), attr("from"), attr("to"), 0, 0, rest.contains("conflict")));
                k += 1;
            } else if let Some(open) = l.strip_prefix('<') {
                let kind = open.split([' ', '>']).next().unwrap().to_string();
                let conflict = open.contains("conflict='true'");
                let body = lines[k + 1];
                let path = unescape(&body[..body.find('<').unwrap_or(body.len())]);
                items.push((kind, path, String::new(), num(body, "added_lines"), num(body, "removed_lines"), conflict));
                k += 3;
            } else {
                panic!("unexpected summary line {l:?}");
            }
        }
        items.sort();
        out.insert(hash, items);
    }
    out
}

#[tokio::test]
async fn api_patch_summary_equals_darcs_log_summary() {
    for repo in ["prims-d2", "prims-d3", "conflicts-d2"] {
        let xml = String::from_utf8_lossy(
            &std::fs::read(corpus().join("expected").join(repo).join("log-summary.xml")).unwrap(),
        )
        .into_owned();
        let want = parse_summaries(&xml);
        assert_eq!(want.len(), patch_ids(repo).len(), "{repo}: parsed every patch");
        let mut diffs = Vec::new();
        for (hash, w) in &want {
            let j = get(app(), &format!("/api/{repo}/patch/{hash}")).await.json();
            let mut got: Vec<SummaryEntry> = j["touched"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|t| t["kind"] != "changepref")
                .map(|t| {
                    (
                        t["kind"].as_str().unwrap().to_string(),
                        t["path"].as_str().unwrap().to_string(),
                        t["to"].as_str().unwrap_or("").to_string(),
                        t["added_lines"].as_u64().unwrap(),
                        t["removed_lines"].as_u64().unwrap(),
                        t["conflict"].as_bool().unwrap(),
                    )
                })
                .collect();
            got.sort();
            if &got != w {
                diffs.push(format!("{repo} {hash} {}:\n  darcs: {w:?}\n  api:   {got:?}", j["name"]));
            }
        }
        assert!(diffs.is_empty(), "summaries differ from darcs log --summary:\n{}", diffs.join("\n"));
    }
}

/// darcs-1 nested mergers: the patch page still shows the patch (metadata, raw text)
/// and says why its effect is missing; versions after it answer 501, not 500.
#[tokio::test]
async fn darcs1_nested_mergers_are_shown_not_crashed() {
    let ids = patch_ids("conflicts-d1");
    let mut unsupported = 0;
    for h in &ids {
        let r = get(app(), &format!("/conflicts-d1/patch/{h}")).await;
        assert_eq!(r.status, 200, "patch {h}");
        if r.text().contains("The effect of this patch is not shown") {
            unsupported += 1;
            assert!(r.text().contains("merger"), "patch {h} says why");
            let later = get(app(), &format!("/conflicts-d1/tree/{h}/")).await;
            assert_eq!(later.status, 501, "tree after {h}");
        }
    }
    assert!(unsupported > 0, "conflicts-d1 has nested mergers");
    // the head tree comes from the pristine and works
    assert_eq!(get(app(), "/conflicts-d1/tree/head/").await.status, 200);
}

/// The patch page's summary marks each touched path and flags conflicted ones, as
/// `darcs log --summary` does.
#[tokio::test]
async fn patch_page_summary_marks_paths_and_conflicts() {
    let log = parse_log_xml(&std::fs::read_to_string(corpus().join("expected/conflicts-d2/log.xml")).unwrap());
    let hash = |name: &str| log.iter().find(|p| p.name == name).unwrap().hash.clone();
    let base = get(app(), &format!("/conflicts-d2/patch/{}", hash("base"))).await.text();
    assert!(
        base.contains("<abbr class=\"mark mA\" title=\"added\">A</abbr></td><td class=\"name\"><a href=\"#f0\">f</a>"),
        "{base}"
    );
    assert!(!base.contains("badge warn\">conflict"), "base conflicts with nothing");
    let two = get(app(), &format!("/conflicts-d2/patch/{}", hash("A two"))).await.text();
    assert!(two.contains("badge warn\">conflict"), "A two is a conflictor");
    assert!(two.contains("<h2>Conflicts</h2>"), "and says so");
}
