//! Helpers shared by the `http_*` tests (`mod http_util;`).
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

use darcsweb::repo::Registry;
use darcsweb::web::config::{Config, Limits};
use darcsweb::web::serve::ServeLimits;
use darcsweb::web::{router, AppState};

/// An answer of the router.
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn header(&self, name: &str) -> String {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string()
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

/// The web application serving the repositories under `roots`.
pub fn app(roots: &[PathBuf]) -> Router {
    crate::common::core_workers();
    let cfg = Config { roots: roots.to_vec(), base_url: Some("http://darcs.example".into()), ..Config::default() };
    router(Arc::new(AppState::new(Registry::discover(roots), cfg)))
}

/// GET `uri` with extra headers.
pub async fn get_with(app: &Router, uri: &str, headers: &[(&str, &str)]) -> Resp {
    let mut req = Request::builder().uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let res = app.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Resp { status, headers, body }
}

/// GET `uri`.
pub async fn get(app: &Router, uri: &str) -> Resp {
    get_with(app, uri, &[]).await
}

/// Serve `roots` on a real loopback socket from a background thread (the server's accept
/// loop); returns the address.
pub fn serve(roots: &[PathBuf]) -> SocketAddr {
    let app = app(roots);
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(l.local_addr().unwrap()).unwrap();
            // the server's own accept loop, with the default limits
            let limits = ServeLimits::new(&Limits::default(), 1024);
            darcsweb::web::serve::serve(l, app, limits, std::future::pending()).await.unwrap();
        });
    });
    rx.recv().unwrap()
}

/// A private copy of corpus repository `name` in a fresh temporary directory
/// (`<tmp>/<name>`), so darcs may write its index there.
pub fn copy_repo(corpus: &Path, name: &str) -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let dst = t.path().join(name);
    copy_dir(&corpus.join("repos").join(name), &dst).unwrap();
    (t, dst)
}

/// One patch of `darcs log --xml-output`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlPatch {
    pub hash: String,
    pub name: String,
    pub author: String,
    pub date: String,
    pub comment: Option<String>,
    pub inverted: bool,
}

/// Undo XML/HTML character escapes: darcs' XML writes `&lt;`, askama `&#60;`.
pub fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&#60;", "<")
        .replace("&gt;", ">")
        .replace("&#62;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&#38;", "&")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> String {
    let key = format!(" {name}='");
    let i = tag.find(&key).unwrap_or_else(|| panic!("no {name} in {tag}")) + key.len();
    let j = tag[i..].find('\'').unwrap() + i;
    unescape(&tag[i..j])
}

fn element(block: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let i = block.find(&open)? + open.len();
    let j = block[i..].find(&close)? + i;
    Some(unescape(&block[i..j]))
}

/// Parse `darcs log --xml-output` (newest first), top-level patches only.
pub fn parse_log_xml(xml: &str) -> Vec<XmlPatch> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<patch ") {
        let block_start = &rest[i..];
        let tag_end = block_start.find('>').unwrap();
        let tag = &block_start[..tag_end];
        let end = block_start.find("</patch>").unwrap();
        let block = &block_start[tag_end + 1..end];
        out.push(XmlPatch {
            hash: attr(tag, "hash"),
            name: element(block, "name").unwrap_or_default(),
            author: attr(tag, "author"),
            date: attr(tag, "date"),
            comment: element(block, "comment"),
            inverted: attr(tag, "inverted") == "True",
        });
        rest = &block_start[end + "</patch>".len()..];
    }
    out
}

#[allow(unused_imports)]
pub use crate::common::{copy_dir, darcs_os, parse_dot};

/// Every href and src attribute value of an HTML page (still HTML-escaped).
pub fn hrefs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for key in ["href=\"", "src=\""] {
        let mut rest = html;
        while let Some(i) = rest.find(key) {
            let s = &rest[i + key.len()..];
            let j = s.find('"').unwrap();
            out.push(s[..j].replace("&amp;", "&"));
            rest = &s[j..];
        }
    }
    out
}
