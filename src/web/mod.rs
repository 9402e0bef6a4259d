//! The web interface: one axum router, one module per page family, askama templates
//! (`templates/`, auto-escaped), one stylesheet (`static/style.css`) and no script.
//!
//! Every handler reads the raw request path itself (decoded exactly once, repository
//! paths validated by the verified predicate, see [`url`]), asks the repository layer
//! on the blocking pool, builds a view model and renders it.

pub mod api;
pub mod config;
pub mod dumb;
pub mod error;
pub mod flight;
pub mod highlight;
pub mod home;
pub mod layers;
pub mod legacy;
pub mod log;
pub mod markdown;
pub mod pages;
pub mod patch;
pub mod serve;
pub mod site;
pub mod summary;
pub mod tree;
pub mod url;
pub mod views;

use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::repo::{AnnotatedLine, Entry, Index, Registry, Repo};
use config::{CacheConfig, Config, Limits};
use error::WebError;
use flight::{blocking, Flight};

/// What the pages need to know of the configuration.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Shown in every page's header and title.
    pub site_title: String,
    /// Public base URL (no trailing `/`), for clone commands and the feed.
    pub base_url: Option<String>,
    /// Bounds on what one request may cost.
    pub limits: Limits,
    /// Byte budgets of the caches in [`AppState`].
    pub cache: CacheConfig,
}

impl From<&Config> for WebConfig {
    fn from(c: &Config) -> Self {
        WebConfig {
            site_title: c.site_title.clone(),
            base_url: c.base_url.as_ref().map(|b| b.trim_end_matches('/').to_string()),
            limits: c.limits.clone(),
            cache: c.cache.clone(),
        }
    }
}

/// Identifies one expensive answer: repository, repository state, version, path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FlightKey {
    /// The repository's name.
    pub repo: String,
    /// Changes whenever the repository's patch list does ([`fingerprint`]).
    pub state: String,
    /// The version ([`Version::applied`](crate::repo::Version::applied)); for a patch page,
    /// the patch's index.
    pub applied: usize,
    /// The path asked about; empty for answers about a whole version or patch.
    pub path: crate::darcs::prim::Path,
}

/// The server's shared state.
pub struct AppState {
    /// The repositories served, found under the configured roots.
    pub registry: Registry,
    /// What the pages need of the configuration.
    pub config: WebConfig,
    /// Single-flight (and small cache) for annotations.
    pub annotations: Flight<FlightKey, Arc<Vec<AnnotatedLine>>>,
    /// Single-flight for tree lookups (the repository layer caches the contents).
    pub entries: Flight<FlightKey, Option<Entry>>,
    /// Single-flight and cache of snapshot archives.
    pub snapshots: Flight<FlightKey, Arc<Vec<u8>>>,
    /// Single-flight and cache of what a patch page shows (`applied` = the patch index).
    pub patches: Flight<FlightKey, Arc<patch::PatchData>>,
    /// Single-flight and cache of what directory listings show beyond names (sizes and
    /// the last patch touching each entry).
    pub listings: Flight<FlightKey, Arc<tree::ListingInfo>>,
    /// Single-flight and cache of a log page's per-patch counts (`applied` = the page).
    pub log_counts: Flight<FlightKey, Arc<Vec<log::Counts>>>,
    /// Finished repository pages, answered again without rendering ([`pages`]).
    pub pages: pages::PageCache,
}

impl AppState {
    /// The state for `registry` under configuration `config`.
    pub fn new(mut registry: Registry, config: Config) -> AppState {
        // a repository whose `read` lacks "*" is private: anonymous HTTP never sees it
        let (users, repos) = (config.users.clone(), config.repos.clone());
        registry.retain(move |r| crate::host::config::Access { users: &users, repos: &repos }.is_public(&r.name));
        for r in &config.roots {
            error::hide_path(r);
            if let Ok(c) = r.canonicalize() {
                error::hide_path(&c);
            }
        }
        for r in registry.list() {
            error::hide_path(&r.dir);
            if let Some(p) = r.dir.parent() {
                error::hide_path(p);
            }
        }
        crate::darcs::budget::global().set_limit(config.limits.memory_bytes);
        let web = WebConfig::from(&config);
        AppState {
            registry,
            annotations: Flight::new(web.cache.annotate_bytes, |v: &Arc<Vec<AnnotatedLine>>| {
                v.iter().map(|l| l.line.len() + 48).sum::<usize>() + 64
            }),
            entries: Flight::new(0, |_| 0),
            snapshots: Flight::new(web.cache.snapshot_bytes, |v: &Arc<Vec<u8>>| v.len()),
            patches: Flight::new(web.cache.patch_bytes, patch::weight),
            listings: Flight::new(16 * 1024 * 1024, |v: &Arc<tree::ListingInfo>| 64 + v.entries.len() * 32),
            log_counts: Flight::new(4 * 1024 * 1024, |v: &Arc<Vec<log::Counts>>| 64 + v.len() * 40),
            pages: pages::PageCache::new(web.cache.page_bytes, Duration::from_secs(web.cache.page_ttl_secs)),
            config: web,
        }
    }
}

/// The whole web application.
pub fn router(state: Arc<AppState>) -> Router {
    let limits = state.config.limits.clone();
    let compress = CompressionLayer::new().compress_when(
        SizeAbove::new(256)
            .and(NotForContentType::const_new("application/octet-stream"))
            .and(NotForContentType::const_new("application/gzip"))
            .and(NotForContentType::IMAGES),
    );
    Router::new()
        .route("/", get(home::index))
        .route("/healthz", get(site::healthz))
        .route("/robots.txt", get(site::robots))
        .route("/static/style.css", get(site::style))
        .route("/proofs", get(site::proofs))
        .route("/darcsweb.cgi", get(legacy::redirect))
        .route("/api/repos", get(api::repos))
        .route("/api/{repo}/log", get(api::log))
        .route("/api/{repo}/patch/{hash}", get(api::patch))
        .route("/api/{repo}/tree/{*rest}", get(api::tree))
        .route("/api/{repo}/annotate/{*rest}", get(api::annotate))
        .route("/{repo}", get(summary::summary))
        .route("/{repo}/", get(summary::slash))
        .route("/{repo}/log", get(log::log))
        .route("/{repo}/tags", get(summary::tags))
        .route("/{repo}/atom", get(log::atom))
        .route("/{repo}/patch/{hash}", get(patch::patch))
        .route("/{repo}/goto", get(tree::goto))
        .route("/{repo}/tree", get(tree::tree_root))
        .route("/{repo}/tree/{*rest}", get(tree::tree))
        .route("/{repo}/raw/{*rest}", get(tree::raw))
        .route("/{repo}/annotate/{*rest}", get(tree::annotate))
        .route("/{repo}/snapshot/{*rest}", get(tree::snapshot))
        .route("/{repo}/_darcs/{*file}", get(dumb::file))
        .fallback(fallback)
        .with_state(state.clone())
        .layer(axum::middleware::from_fn_with_state(state.clone(), pages::cached))
        .layer(RequestBodyLimitLayer::new(limits.max_body_bytes))
        .layer(axum::middleware::from_fn(layers::etag))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(limits.request_timeout_secs),
        ))
        .layer(axum::middleware::from_fn_with_state(state.clone(), layers::error_pages))
        .layer(compress)
        .layer(axum::middleware::from_fn(layers::security_headers))
}

async fn fallback(uri: Uri) -> WebError {
    WebError::NotFound(format!("there is no page at {}", url::clip(uri.path(), 200)))
}

/// Shorthand for handler results.
pub type WebResult<T = Response> = Result<T, WebError>;

/// The raw remainder of a request path after its first `n` segments.
pub fn after_segments(path: &str, n: usize) -> &str {
    let mut rest = path.strip_prefix('/').unwrap_or(path);
    for _ in 0..n {
        rest = rest.split_once('/').map(|(_, r)| r).unwrap_or("");
    }
    rest
}

/// The repository named by raw segment number `i` of the request path, with its index.
pub async fn open_repo(state: &Arc<AppState>, uri: &Uri, i: usize) -> WebResult<(Arc<Repo>, Arc<Index>)> {
    let raw = url::raw_segments(uri.path()).get(i).copied().unwrap_or("");
    let name = url::decode_text(raw, "repository name")?;
    let repo = state
        .registry
        .get(&name)
        .ok_or_else(|| WebError::NotFound(format!("there is no repository named {:?}", url::clip(&name, 100))))?;
    let r = repo.clone();
    let index = blocking(move || r.index().map_err(WebError::from)).await?;
    Ok((repo, index))
}

/// A string identifying the repository state an index describes.
pub fn fingerprint(index: &Index) -> String {
    match index.patches.last() {
        Some(p) => format!("{}:{}", index.patches.len(), p.hash),
        None => "0".into(),
    }
}

/// Render a template as an HTML response with the given `Cache-Control`.
pub fn html<T: askama::Template>(page: &T, cache: &'static str) -> WebResult {
    // control and reordering characters come only from repository data: show them
    let body = views::visible(&page.render()?).into_owned();
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    Ok(r)
}

/// A response with a body, a content type and a `Cache-Control`.
pub fn bytes_response(body: impl Into<axum::body::Body>, ctype: &'static str, cache: &'static str) -> Response {
    let mut r = Response::new(body.into());
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    r
}

/// The `Cache-Control` for a page at a version.
pub fn cache_for(v: &url::VersionRef) -> &'static str {
    if v.pinned() {
        layers::IMMUTABLE
    } else {
        layers::SHORT
    }
}

/// Resolve a version of a repository (blocking).
pub async fn resolve(repo: &Arc<Repo>, v: &url::VersionRef) -> WebResult<crate::repo::Version> {
    let (r, arg) = (repo.clone(), v.resolve_arg());
    blocking(move || r.resolve(&arg).map_err(WebError::from)).await
}

/// What a path holds at a version, through the single-flight.
pub async fn entry_at(
    state: &Arc<AppState>,
    repo: &Arc<Repo>,
    index: &Index,
    v: crate::repo::Version,
    path: &crate::darcs::prim::Path,
) -> WebResult<Option<Entry>> {
    let key = FlightKey { repo: repo.name.clone(), state: fingerprint(index), applied: v.applied, path: path.clone() };
    let (r, p) = (repo.clone(), path.clone());
    state.entries.get(key, move || r.entry(v, &p).map_err(WebError::from)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_segments_keeps_the_raw_rest() {
        assert_eq!(after_segments("/r/tree/head/a%2Fb/c", 2), "head/a%2Fb/c");
        assert_eq!(after_segments("/api/r/tree/x", 3), "x");
        assert_eq!(after_segments("/r", 2), "");
    }
}
