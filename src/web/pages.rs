//! A cache of finished pages: the body and headers of a repository page's (or its JSON
//! API answer's) 200 answer, keyed by the request target and the repository state
//! ([`fingerprint`]), so that a warm page is one lookup (no re-render, no re-escape, no
//! re-hash for its `ETag`) and a new patch shows on the next request. Bounded by bytes
//! (`cache.page_bytes`, `moka`) and by age (`cache.page_ttl_secs`: the relative dates
//! and the description follow).
//!
//! There is no single flight at this level: the expensive work under a page (replays,
//! annotations, dependencies) is single-flighted by [`super::flight::Flight`], which also
//! cancels it once every request waiting for it has gone; concurrent first requests of
//! one page only render its template more than once.

use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::flight::blocking;
use super::{fingerprint, url, AppState};

/// What identifies a finished page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    /// The repository's name.
    pub repo: String,
    /// The repository state ([`fingerprint`]).
    pub state: String,
    /// The raw request path and query.
    pub target: String,
    /// The `Host` the request named, when pages show it (no `base_url` configured).
    pub host: Option<String>,
}

/// A finished page: its headers (`ETag` included) and body.
pub struct Page {
    headers: HeaderMap,
    body: Bytes,
}

/// Put into a 200 answer's extensions by a handler whose page is complete only for now
/// (the head check still running): the answer is not kept.
#[derive(Debug, Clone, Copy)]
pub struct Transient;

/// Bytes counted for a page beyond its body (key, headers, bookkeeping).
const OVERHEAD: usize = 512;

/// The finished pages kept, within a byte budget.
pub struct PageCache {
    pages: Option<moka::sync::Cache<PageKey, Arc<Page>>>,
    /// The largest page kept (a page alone should not empty the cache).
    max_page: usize,
}

impl PageCache {
    /// Keep pages up to `budget` bytes in all (0: none), each at most `ttl`.
    pub fn new(budget: usize, ttl: Duration) -> PageCache {
        let pages = (budget > 0).then(|| {
            moka::sync::Cache::builder()
                .max_capacity(budget as u64)
                .weigher(|k: &PageKey, p: &Arc<Page>| u32::try_from(weight(k, p)).unwrap_or(u32::MAX))
                .time_to_live(ttl.max(Duration::from_secs(1)))
                .build()
        });
        PageCache { pages, max_page: budget / 8 }
    }

    /// The page kept for `key`.
    pub fn get(&self, key: &PageKey) -> Option<Arc<Page>> {
        self.pages.as_ref()?.get(key)
    }

    /// Keep `page` for `key` (unless it is too large to keep).
    pub fn insert(&self, key: PageKey, page: Arc<Page>) {
        if let Some(c) = &self.pages {
            if weight(&key, &page) <= self.max_page {
                c.insert(key, page);
            }
        }
    }

    /// Bytes kept now, after pending evictions (for tests and statistics).
    pub fn weighted_size(&self) -> u64 {
        self.pages.as_ref().map_or(0, |c| {
            c.run_pending_tasks();
            c.weighted_size()
        })
    }

    /// Pages kept now, after pending evictions.
    pub fn entry_count(&self) -> u64 {
        self.pages.as_ref().map_or(0, |c| {
            c.run_pending_tasks();
            c.entry_count()
        })
    }
}

fn weight(k: &PageKey, p: &Page) -> usize {
    p.body.len() + k.repo.len() + k.state.len() + k.target.len() + OVERHEAD
}

/// The repository segment of a kept page, if the path is one: `/{repo}/{family}/…` for
/// the pages (no family: the summary) and `/api/{repo}/{family}/…` for the JSON API.
/// Snapshots and the dumb-HTTP files stream or are cached elsewhere; `goto` redirects.
fn kept_repo<'a>(segments: &[&'a str]) -> Option<&'a str> {
    const PAGES: [&str; 8] = ["", "log", "tags", "atom", "patch", "tree", "raw", "annotate"];
    match segments {
        ["api", repo, family, ..] => ["log", "patch", "tree", "annotate"].contains(family).then_some(*repo),
        [first, ..] if matches!(*first, "api" | "static") => None,
        [repo] => Some(*repo),
        [repo, family, ..] => PAGES.contains(family).then_some(*repo),
        [] => None,
    }
}

/// Answer a repository page from the cache, or let the handler answer it and keep the
/// answer when it is a complete 200 page.
pub async fn cached(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    // HEAD goes to the handler: its answer (no body, the length, the compression layer's
    // `Vary`) stays exactly what the framework makes of it
    if req.method() != Method::GET || state.pages.pages.is_none() {
        return next.run(req).await;
    }
    let segments = url::raw_segments(req.uri().path());
    let Some(name) = kept_repo(&segments) else {
        return next.run(req).await;
    };
    let Some(repo) = url::decode_text(name, "repository name").ok().and_then(|n| state.registry.get(&n)) else {
        return next.run(req).await;
    };
    let r = repo.clone();
    let Ok(index) = blocking(move || r.index().map_err(super::error::WebError::from)).await else {
        return next.run(req).await; // the handler says what is wrong
    };
    let key = PageKey {
        repo: repo.name.clone(),
        state: fingerprint(&index),
        target: req.uri().path_and_query().map_or("", |p| p.as_str()).to_string(),
        host: if state.config.base_url.is_none() {
            req.headers().get(header::HOST).and_then(|h| h.to_str().ok()).map(str::to_string)
        } else {
            None
        },
    };
    if let Some(page) = state.pages.get(&key) {
        return answer(&page);
    }
    let res = next.run(req).await;
    if !keepable(&res, state.pages.max_page) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, state.pages.max_page).await else {
        // only a body whose length was known and small enough gets here
        return axum::response::IntoResponse::into_response(super::error::WebError::Internal(
            "the page could not be read".into(),
        ));
    };
    if !parts.headers.contains_key(header::ETAG) {
        if let Some(tag) = super::layers::weak_etag(&bytes) {
            parts.headers.insert(header::ETAG, tag);
        }
    }
    let page = Arc::new(Page { headers: parts.headers, body: bytes });
    state.pages.insert(key, page.clone());
    answer(&page)
}

/// Whether an answer is a complete page to keep: a 200 page with a chosen `Cache-Control`
/// other than `no-store`, not compressed, of a known length within the page limit (a
/// larger one is answered as it is, not read here).
fn keepable(res: &Response, max_page: usize) -> bool {
    use http_body::Body as _;
    let h = res.headers();
    res.status() == StatusCode::OK
        && res.extensions().get::<Transient>().is_none()
        && h.get(header::CACHE_CONTROL).is_some_and(|v| v.as_bytes() != super::layers::NO_STORE.as_bytes())
        && !h.contains_key(header::CONTENT_ENCODING)
        && !h.contains_key(header::SET_COOKIE)
        && res.body().size_hint().exact().is_some_and(|n| n <= max_page as u64)
}

/// The response of a kept page.
fn answer(page: &Page) -> Response {
    let mut r = Response::new(Body::from(page.body.clone()));
    r.headers_mut().extend(page.headers.clone());
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(i: usize) -> PageKey {
        PageKey { repo: "r".into(), state: "1:abc".into(), target: format!("/r/log?page={i}"), host: None }
    }

    fn page(n: usize) -> Arc<Page> {
        Arc::new(Page { headers: HeaderMap::new(), body: Bytes::from(vec![b'x'; n]) })
    }

    #[test]
    fn the_cache_stays_within_its_budget() {
        let c = PageCache::new(100_000, Duration::from_secs(60));
        for i in 0..200 {
            c.insert(key(i), page(5_000));
            assert!(c.weighted_size() <= 100_000, "{} bytes kept after {i} pages", c.weighted_size());
        }
        assert!(c.entry_count() > 0);
        // a page over an eighth of the budget is not kept
        c.insert(key(1000), page(20_000));
        assert!(c.get(&key(1000)).is_none());
        // budget 0: nothing is kept
        let none = PageCache::new(0, Duration::from_secs(60));
        none.insert(key(1), page(10));
        assert!(none.get(&key(1)).is_none());
        assert_eq!(none.weighted_size(), 0);
    }

    #[test]
    fn families() {
        assert_eq!(kept_repo(&["r"]), Some("r"));
        assert_eq!(kept_repo(&["r", ""]), Some("r"));
        assert_eq!(kept_repo(&["r", "tree", "head", "a"]), Some("r"));
        assert_eq!(kept_repo(&["r", "patch", "x.diff"]), Some("r"));
        assert_eq!(kept_repo(&["api", "r", "log"]), Some("r"));
        assert_eq!(kept_repo(&["api", "r", "annotate", "head", "f"]), Some("r"));
        assert_eq!(kept_repo(&["r", "snapshot", "head.tar.gz"]), None);
        assert_eq!(kept_repo(&["r", "_darcs", "inventory"]), None);
        assert_eq!(kept_repo(&["r", "goto"]), None);
        assert_eq!(kept_repo(&["api", "repos"]), None);
        assert_eq!(kept_repo(&["api", "r", "snapshot"]), None);
        assert_eq!(kept_repo(&["static", "style.css"]), None);
    }
}
