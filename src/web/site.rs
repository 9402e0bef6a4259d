//! Site-wide pages: health check, robots.txt, the stylesheet, and `/proofs` (the
//! verified theorems and the hashes of their sources).

use std::sync::{Arc, LazyLock};

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use sha2::{Digest, Sha256};

use super::layers::SHORT;
use super::views::Chrome;
use super::{bytes_response, html, AppState, WebResult};

/// The stylesheet, embedded in the binary.
pub const STYLE: &str = include_str!("../../static/style.css");

/// `robots.txt`: crawlers may read the head tree and the log; not annotations,
/// snapshots, old versions, searches, the JSON API or darcs' files.
pub const ROBOTS: &str = "User-agent: *\n\
Allow: /*/tree/head/\n\
Allow: /*/raw/head/\n\
Disallow: /*/tree/\n\
Disallow: /*/raw/\n\
Disallow: /*/annotate/\n\
Disallow: /*/snapshot/\n\
Disallow: /*/_darcs/\n\
Disallow: /*/patch/*.patch\n\
Disallow: /*?q=\n\
Disallow: /*&q=\n\
Disallow: /*;q=\n\
Disallow: /api/\n\
Disallow: /darcsweb.cgi\n\
Allow: /*/log\n\
Allow: /\n";

pub async fn healthz() -> Response {
    bytes_response("ok\n", "text/plain; charset=utf-8", "no-store")
}

pub async fn robots() -> Response {
    bytes_response(ROBOTS, "text/plain; charset=utf-8", "public, max-age=86400")
}

pub async fn style() -> Response {
    let mut r = bytes_response(STYLE, "text/css; charset=utf-8", "public, max-age=86400");
    r.headers_mut().insert(axum::http::header::ETAG, STYLE_ETAG.parse().expect("a valid etag"));
    r
}

static STYLE_ETAG: LazyLock<String> = LazyLock::new(|| format!("\"{}\"", &hex::encode(Sha256::digest(STYLE))[..20]));

/// The theories as found at build time (the source tree's `theories/`).
pub struct Theories {
    /// `theories/README.md`, when present.
    pub readme: Option<String>,
    /// `(file name, sha256)` of each `.v` file, by name.
    pub files: Vec<(String, String)>,
    /// sha256 over the `sha256sum`-style listing of the files.
    pub total: String,
    /// Where they were read from, for the page (relative to the source tree).
    pub found: bool,
}

/// Read `theories/` of the source tree this binary was built from.
pub fn theories() -> &'static Theories {
    static T: LazyLock<Theories> = LazyLock::new(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("theories");
        let readme = std::fs::read_to_string(dir.join("README.md")).ok();
        let mut files = Vec::new();
        if let Ok(rd) = std::fs::read_dir(&dir) {
            for e in rd.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.ends_with(".v") {
                    if let Ok(b) = std::fs::read(e.path()) {
                        files.push((name, hex::encode(Sha256::digest(&b))));
                    }
                }
            }
        }
        files.sort();
        let listing: String = files.iter().map(|(n, h)| format!("{h}  {n}\n")).collect();
        let total = hex::encode(Sha256::digest(listing.as_bytes()));
        Theories { found: !files.is_empty(), readme, files, total }
    });
    &T
}

#[derive(Template)]
#[template(path = "proofs.html")]
struct ProofsPage {
    chrome: Chrome,
    readme: String,
    files: Vec<(String, String)>,
    total: String,
    found: bool,
}

pub async fn proofs(State(state): State<Arc<AppState>>) -> WebResult {
    let t = theories();
    let mut chrome = Chrome::plain("Proofs");
    chrome.site = state.config.site_title.clone();
    let page = ProofsPage {
        chrome,
        readme: t.readme.clone().unwrap_or_else(|| "theories/README.md was not found when this server started.".into()),
        files: t.files.clone(),
        total: t.total.clone(),
        found: t.found,
    };
    html(&page, SHORT)
}
