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

/// `GET /healthz`: `ok`, for load balancers and container health checks (never cached).
pub async fn healthz() -> Response {
    bytes_response("ok\n", "text/plain; charset=utf-8", "no-store")
}

/// `GET /robots.txt`: [`ROBOTS`].
pub async fn robots() -> Response {
    bytes_response(ROBOTS, "text/plain; charset=utf-8", "public, max-age=86400")
}

/// `GET /static/style.css`: [`STYLE`], with an `ETag` of its hash (it changes only with
/// the binary).
pub async fn style() -> Response {
    let mut r = bytes_response(STYLE, "text/css; charset=utf-8", "public, max-age=86400");
    r.headers_mut().insert(axum::http::header::ETAG, STYLE_ETAG.parse().expect("a valid etag"));
    r
}

static STYLE_ETAG: LazyLock<String> = LazyLock::new(|| format!("\"{}\"", &hex::encode(Sha256::digest(STYLE))[..20]));

/// `theories/README.md`, `Theorems.txt` and `_CoqProject`, embedded at build time.
const README: &str = include_str!("../../theories/README.md");
const THEOREMS: &str = include_str!("../../theories/Theorems.txt");
const COQ_PROJECT: &str = include_str!("../../theories/_CoqProject");

/// The theories this server was built from.
pub struct Theories {
    /// `(module, theorem)` of every exported theorem (`Theorems.txt`).
    pub theorems: Vec<(String, String)>,
    /// `(file name, sha256)` of each `.v` file of `_CoqProject`.
    pub files: Vec<(String, String)>,
    /// sha256 over the `sha256sum`-style listing of the files.
    pub total: String,
    /// Whether the hashes were computed at build time (else read at start-up from the
    /// source tree, when it is there).
    pub at_build: bool,
}

/// The `.v` files of `_CoqProject`, in its order.
pub fn theory_files() -> Vec<&'static str> {
    COQ_PROJECT.lines().map(str::trim).filter(|l| l.ends_with(".v") && !l.starts_with('-')).collect()
}

/// The theorems, the files and their hashes.
pub fn theories() -> &'static Theories {
    static T: LazyLock<Theories> = LazyLock::new(|| {
        let theorems = THEOREMS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once(' ').map(|(m, t)| (m.to_string(), t.trim().to_string())))
            .collect();
        // build.rs hashed the sources this binary's core was extracted from
        let files: Vec<(String, String)> = include_str!(concat!(env!("OUT_DIR"), "/theories.sha256"))
            .lines()
            .filter_map(|l| l.split_once("  ").map(|(h, n)| (n.to_string(), h.to_string())))
            .collect();
        let at_build = true;
        let listing: String = files.iter().map(|(n, h)| format!("{h}  {n}\n")).collect();
        let total = hex::encode(Sha256::digest(listing.as_bytes()));
        Theories { theorems, files, total, at_build }
    });
    &T
}

#[derive(Template)]
#[template(path = "proofs.html")]
struct ProofsPage {
    chrome: Chrome,
    readme: &'static str,
    theorems: Vec<(String, String)>,
    files: Vec<(String, String)>,
    total: String,
    complete: bool,
    at_build: bool,
}

/// `GET /proofs`: the theories' README, the theorems proved and the hashes of the sources.
pub async fn proofs(State(state): State<Arc<AppState>>) -> WebResult {
    let t = theories();
    let mut chrome = Chrome::plain("Proofs");
    chrome.site = state.config.site_title.clone();
    let page = ProofsPage {
        chrome,
        readme: README,
        theorems: t.theorems.clone(),
        files: t.files.clone(),
        total: t.total.clone(),
        complete: t.files.len() == theory_files().len(),
        at_build: t.at_build,
    };
    html(&page, SHORT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theories_are_embedded_and_hashed() {
        let t = theories();
        assert!(!t.theorems.is_empty(), "Theorems.txt lists theorems");
        assert!(theory_files().contains(&"Extract.v"));
        // in the source tree every listed file is hashed, exactly like sha256sum
        assert_eq!(t.files.len(), theory_files().len());
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("theories");
        let (name, hash) = &t.files[0];
        assert_eq!(hash, &hex::encode(Sha256::digest(std::fs::read(dir.join(name)).unwrap())));
    }

    #[test]
    fn robots_keeps_crawlers_off_expensive_pages() {
        for l in ["Disallow: /*/annotate/", "Disallow: /*/snapshot/", "Disallow: /api/", "Allow: /*/tree/head/"] {
            assert!(ROBOTS.lines().any(|x| x == l), "{l}");
        }
    }
}
