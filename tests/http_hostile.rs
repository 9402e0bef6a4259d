//! Hostile requests: traversal in every encoding, darcs' private files, NUL bytes, huge
//! paths, bad hashes, bad page numbers, unknown repositories. Each must be answered 4xx
//! with an error page (JSON under /api/) and never serve a file outside the allowlist.
//! And a repository made by the test whose file names, patch names, author, comment,
//! README and motd carry markup must render it inert on every page.

use crate::common;
use crate::http_util;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use http_util::*;
use tower::ServiceExt;

/// Canaries: text that must never appear in an answer.
const CANARIES: [&str; 5] =
    ["CANARY-SECRET-OUTSIDE", "CANARY-AUTHOR-PREF", "CANARY-UNRECORDED", "CANARY-PENDING", "root:x:0:0"];

const NAME: &str = "<script>alert(\"name\")</script> & 'quote' \"dq\"";
const AUTHOR: &str = "Mallory <script>evil()</script> <m@example.com>";
const COMMENT: &str = "comment with <b>bold</b> & <iframe src=x>";
const FILE1: &str = "<img src=x onerror=alert(1)>.txt";
const FILE2: &str = "a\"b'c&d.txt";
const DIR: &str = "<b>dir";
const TAG: &str = "<script>tag()</script>";

struct Site {
    _dir: tempfile::TempDir,
    root: PathBuf,
    app: Router,
}

fn run(args: &[&str], cwd: &Path) {
    let out = common::darcs(args, cwd);
    assert!(out.status.success(), "darcs {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A root holding `p` (a copy of prims-d2), `xss` (made here) and a secret file beside them.
fn site() -> &'static Site {
    static S: OnceLock<Site> = OnceLock::new();
    S.get_or_init(|| {
        let corpus = common::corpus();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        std::fs::create_dir_all(&root).unwrap();
        copy_dir(&corpus.join("repos/prims-d2"), &root.join("p")).unwrap();
        let x = root.join("xss");
        std::fs::create_dir_all(&x).unwrap();
        run(&["init"], &x);
        std::fs::write(x.join(FILE1), "<script>alert(\"content\")</script>\n&amp; \"quoted\" 'single'\n").unwrap();
        std::fs::write(x.join(FILE2), "plain\n").unwrap();
        std::fs::create_dir_all(x.join(DIR)).unwrap();
        std::fs::write(x.join(DIR).join("inner.txt"), "</pre><script>x()</script>\n").unwrap();
        std::fs::write(x.join("README"), "Read me <script>alert(\"readme\")</script>\n").unwrap();
        run(&["add", "--reserved-ok", "-r", FILE1, FILE2, DIR, "README"], &x);
        let log = dir.path().join("log.txt");
        std::fs::write(&log, format!("{NAME}\n{COMMENT}\n")).unwrap();
        run(&["record", "-a", "--author", AUTHOR, "--logfile", log.to_str().unwrap()], &x);
        std::fs::write(x.join(FILE2), "plain\nmore <u>x</u>\n").unwrap();
        run(&["record", "-a", "--author", AUTHOR, "-m", "second & <em>last</em>"], &x);
        run(&["tag", "--author", AUTHOR, "-m", TAG], &x);
        std::fs::write(x.join("_darcs/prefs/motd"), "<script>alert(\"motd\")</script>\n").unwrap();
        // canaries: outside the repositories, in private darcs files, in the working tree
        std::fs::write(root.join("secret.txt"), "CANARY-SECRET-OUTSIDE\n").unwrap();
        for r in ["p", "xss"] {
            let d = root.join(r);
            std::fs::write(d.join("_darcs/prefs/author"), "CANARY-AUTHOR-PREF\n").unwrap();
            std::fs::write(d.join("unrecorded.txt"), "CANARY-UNRECORDED\n").unwrap();
            std::fs::write(d.join("_darcs/index"), "CANARY-PENDING\n").unwrap();
            let _ = std::fs::create_dir_all(d.join("_darcs/patches"));
            std::fs::write(d.join("_darcs/patches/pending"), "CANARY-PENDING\n").unwrap();
        }
        let app = http_util::app(std::slice::from_ref(&root));
        Site { _dir: dir, root, app }
    })
}

fn hostile_urls() -> Vec<String> {
    let long = "a/".repeat(5000);
    let mut v: Vec<String> = [
        "/p/tree/head/..",
        "/p/tree/head/../secret.txt",
        "/p/raw/head/../../secret.txt",
        "/p/tree/head/%2e%2e",
        "/p/raw/head/%2e%2e/secret.txt",
        "/p/raw/head/%2E%2E%2Fsecret.txt",
        "/p/raw/head/%252e%252e/secret.txt",
        "/p/raw/head/%252e%252e%252fsecret.txt",
        "/p/raw/head/..%2fsecret.txt",
        "/p/raw/head/..%2f..%2f..%2fetc%2fpasswd",
        "/p/raw/head/%2e%2e%5csecret.txt",
        "/p/raw/head/..%5C..%5Csecret.txt",
        "/p/raw/head/%c0%ae%c0%ae/secret.txt",
        "/p/raw/head/%c0%ae%c0%ae%c0%afsecret.txt",
        "/p/raw/head/%e0%80%ae%e0%80%ae/secret.txt",
        "/p/tree/head/_darcs",
        "/p/tree/head/_darcs/prefs/author",
        "/p/raw/head/_darcs/prefs/author",
        "/p/raw/head/_darcs/patches/pending",
        "/p/annotate/head/_darcs/hashed_inventory",
        "/p/raw/head/moved-dir/../../_darcs/index",
        "/p/_darcs/patches/pending",
        "/p/_darcs/index",
        "/p/_darcs/prefs/author",
        "/p/_darcs/prefs/prefs",
        "/p/_darcs/../secret.txt",
        "/p/_darcs/%2e%2e/%2e%2e/secret.txt",
        "/p/_darcs/patches/..%2f..%2f..%2fsecret.txt",
        "/p/_darcs/inventories/%2e%2e",
        "/p/tree/head/.",
        "/p/raw/head/./g.txt",
        "//etc/passwd",
        "/p/raw/head//etc/passwd",
        "/p/raw/head/%2fetc%2fpasswd",
        "/p/raw/head/g.txt%00",
        "/p/raw/head/g.txt%00.png",
        "/p/tree/head/%00",
        "/p/raw/head/unrecorded.txt",
        "/p/tree/head/g.txt/extra",
        "/p/annotate/head/",
        "/p/raw/head/",
        "/p/patch/0000000000000000000000000000000000000000",
        "/p/patch/zzzz",
        "/p/patch/..%2f..%2fsecret.txt",
        "/p/patch/0000000000000000000000000000000000000000.patch",
        "/p/tree/0000000000000000000000000000000000000000/",
        "/p/tree/tag/no-such-tag/",
        "/p/tree/tag/%ff/",
        "/p/tree/HEAD/",
        "/p/tree/..%2f..%2f/",
        "/p/log?page=-1",
        "/p/log?page=abc",
        "/p/log?page=0",
        "/p/log?page=99999999",
        "/p/log?page=99999999999999999999999999",
        "/p/log?path=../secret.txt",
        "/p/log?path=_darcs/prefs",
        "/p/log?path=%2fetc%2fpasswd",
        "/p/atom?path=%2e%2e",
        "/p/log?q=%ff%fe",
        "/no-such-repo",
        "/no-such-repo/log",
        "/%2e%2e/log",
        "/..%2f..%2fetc/tree/head/passwd",
        "/../secret.txt",
        "/p/snapshot/../../secret.txt.tar.gz",
        "/p/snapshot/head%2f..%2f..%2fsecret.txt.tar.gz",
        "/p/snapshot/head.zip",
        "/p/snapshot/head/g.txt.tar.gz",
        "/darcsweb.cgi?r=p;a=frobnicate",
        "/darcsweb.cgi?r=p;a=commit;h=../../secret",
        "/static/../secret.txt",
        "/static/secret.txt",
        "/api/p/log?limit=100000000",
        "/api/p/log?limit=-5",
        "/api/p/log?offset=abc",
        "/api/p/tree/head/..%2fsecret.txt",
        "/api/p/annotate/head/_darcs/prefs/author",
        "/api/p/patch/zzzz",
        "/api/no-such-repo/log",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push(format!("/p/tree/head/{long}"));
    v.push(format!("/p/raw/head/{}", "%2e%2e/".repeat(2000)));
    v.push(format!("/p/log?q={}", "x".repeat(10_000)));
    v
}

#[tokio::test]
async fn hostile_urls_get_4xx_and_serve_nothing_private() {
    let s = site();
    let urls = hostile_urls();
    assert!(urls.len() >= 40);
    for u in &urls {
        let r = get(&s.app, u).await;
        let code = r.status.as_u16();
        assert!((400..500).contains(&code), "{u}: status {code}: {}", &r.text()[..r.text().len().min(400)]);
        let ct = r.header("content-type");
        if u.starts_with("/api/") {
            assert_eq!(ct, "application/json", "{u}");
            assert!(r.json()["error"].as_str().is_some_and(|e| !e.is_empty()), "{u}");
        } else {
            assert_eq!(ct, "text/html; charset=utf-8", "{u}");
            assert!(r.text().contains("class=\"message\""), "{u}: an error page naming the problem");
        }
        let body = r.text();
        for c in CANARIES {
            assert!(!body.contains(c), "{u}: leaked {c}");
        }
        assert!(!body.contains(s.root.to_str().unwrap()), "{u}: server path in the answer");
        assert!(!r.header("content-security-policy").is_empty(), "{u}: CSP");
        assert_eq!(r.header("x-content-type-options"), "nosniff");
    }
}

#[tokio::test]
async fn other_methods_and_bodies_are_refused() {
    let s = site();
    for m in ["POST", "PUT", "DELETE"] {
        let req = Request::builder().method(m).uri("/p/log").body(Body::from("x")).unwrap();
        let r = s.app.clone().oneshot(req).await.unwrap();
        assert_eq!(r.status(), 405, "{m}");
        assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/html"));
    }
    let req = Request::builder()
        .uri("/p/log")
        .header("content-length", "10000000")
        .body(Body::from(vec![b'x'; 10_000_000]))
        .unwrap();
    let r = s.app.clone().oneshot(req).await.unwrap();
    assert!(r.status().is_client_error(), "{}", r.status());
}

/// Pages of the hostile repository, and what must not be in them.
#[tokio::test]
async fn markup_in_names_is_rendered_inert() {
    let s = site();
    let log = get(&s.app, "/api/xss/log").await.json();
    let patches = log["patches"].as_array().unwrap();
    assert_eq!(patches.len(), 3);
    // JSON carries the exact text
    assert_eq!(patches[2]["name"], NAME);
    assert_eq!(patches[2]["author"], AUTHOR);
    assert!(patches[2]["comment"].as_str().unwrap().contains(COMMENT));
    let first = patches[2]["hash"].as_str().unwrap().to_string();
    let second = patches[1]["hash"].as_str().unwrap().to_string();
    let tag = patches[0]["hash"].as_str().unwrap().to_string();
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|c| if c.is_ascii_alphanumeric() { (c as char).to_string() } else { format!("%{c:02X}") })
            .collect()
    };
    let pages = vec![
        "/".to_string(),
        "/?q=xss".into(),
        "/xss".into(),
        "/xss/log".into(),
        format!("/xss/log?q={}", enc("<script>")),
        format!("/xss/log?path={}", enc(FILE1)),
        "/xss/tags".into(),
        format!("/xss/patch/{first}"),
        format!("/xss/patch/{second}"),
        format!("/xss/patch/{tag}"),
        "/xss/tree/head/".into(),
        format!("/xss/tree/head/{}", enc(FILE1)),
        format!("/xss/tree/head/{}", enc(FILE2)),
        format!("/xss/tree/head/{}/", enc(DIR)),
        format!("/xss/tree/head/{}/inner.txt", enc(DIR)),
        format!("/xss/annotate/head/{}", enc(FILE1)),
        format!("/xss/annotate/head/{}", enc(FILE2)),
        format!("/xss/tree/{first}/{}", enc(FILE1)),
        format!("/xss/tree/tag/{}/", enc(TAG)),
        // errors echo what was asked, escaped
        format!("/xss/tree/head/{}", enc("<script>alert(1)</script>")),
        format!("/xss/tree/tag/{}/", enc("<script>nope()</script>")),
        format!("/{}/log", enc("<script>repo()</script>")),
        format!("/xss/patch/{}", enc("<script>")),
        format!("/xss/log?page={}", enc("<script>")),
    ];
    for p in &pages {
        let r = get(&s.app, p).await;
        let t = r.text();
        assert!(r.header("content-type").starts_with("text/html"), "{p}");
        let lower = t.to_lowercase();
        assert!(!lower.contains("<script"), "{p}: a live <script>");
        for tag in ["<img", "<iframe", "<b>dir", "<em>", "<u>"] {
            assert!(!lower.contains(tag), "{p}: live markup {tag}");
        }
        for h in hrefs(&t) {
            assert!(h.bytes().all(|b| b.is_ascii_graphic() && b != b'"' && b != b'<' && b != b'\''), "{p}: href {h:?}");
        }
    }
    // and the escaped forms are what a person reads (entities normalised to one spelling)
    let norm = |t: String| {
        t.replace("&#60;", "&lt;")
            .replace("&#62;", "&gt;")
            .replace("&#34;", "&quot;")
            .replace("&#38;", "&amp;")
            .replace("&#x27;", "&#39;")
    };
    let summary = norm(get(&s.app, "/xss").await.text());
    assert!(summary.contains("&lt;script&gt;alert(&quot;motd&quot;)&lt;/script&gt;"), "motd escaped");
    assert!(summary.contains("Read me &lt;script&gt;"), "README escaped");
    let patch = norm(get(&s.app, &format!("/xss/patch/{first}")).await.text());
    assert!(patch.contains("&lt;script&gt;alert("), "name escaped");
    assert!(patch.contains("&amp; &#39;quote&#39; &quot;dq&quot;"), "quotes and & escaped: {patch}");
    assert!(patch.contains("comment with &lt;b&gt;bold&lt;/b&gt; &amp; &lt;iframe src=x&gt;"), "comment escaped");
    assert!(patch.contains("Mallory &lt;script&gt;evil()&lt;/script&gt;"), "author escaped");
    assert!(patch.contains("&lt;img src=x onerror=alert(1)&gt;.txt"), "file name escaped");
    let tree = norm(get(&s.app, "/xss/tree/head/").await.text());
    assert!(
        tree.contains(&format!("href=\"/xss/tree/head/{}\"", "%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.txt")),
        "href percent-encoded: {tree}"
    );
    assert!(tree.contains("a&quot;b&#39;c&amp;d.txt"), "name with quotes");
    let file = norm(get(&s.app, &format!("/xss/tree/head/{}", enc(FILE1))).await.text());
    assert!(file.contains("&lt;script&gt;alert(&quot;content&quot;)&lt;/script&gt;"), "content escaped");
    assert!(file.contains("&amp;amp;"), "an entity in the file is shown as text");
    // raw never answers HTML, whatever the file holds
    let raw = get(&s.app, &format!("/xss/raw/head/{}", enc(FILE1))).await;
    assert_eq!(raw.header("content-type"), "text/plain; charset=utf-8");
    assert!(raw.header("content-security-policy").contains("sandbox"));
    assert_eq!(raw.text(), "<script>alert(\"content\")</script>\n&amp; \"quoted\" 'single'\n");
    // the feed is escaped XML
    let atom = norm(get(&s.app, "/xss/atom").await.text());
    assert!(!atom.contains("<script") && atom.contains("&lt;script&gt;"), "{atom}");
    assert!(!atom.contains("<iframe"));
}
