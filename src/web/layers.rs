//! Middleware applied to every response: security headers, an HTML error page for
//! every error status (also the framework's own 404/405/408/413 answers), `ETag` with
//! `If-None-Match` → 304, and a default `Cache-Control`.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha1::{Digest, Sha1};

use std::sync::Arc;

use axum::extract::State;

use super::error::{error_page, error_page_in, ErrorMessage};
use super::views::Chrome;
use super::AppState;

/// The Content-Security-Policy of every response (no script at all is used).
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; \
                       form-action 'self'; frame-ancestors 'none'";

/// `Cache-Control` of content that can never change (addressed by a patch hash).
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of content that follows the repository's head.
pub const SHORT: &str = "public, max-age=60";
/// `Cache-Control` of a patch page: the patch never changes, but its list of dependents
/// grows as new patches arrive.
pub const PATCH_PAGE: &str = "public, max-age=300";
/// `Cache-Control` of a page that is incomplete for now (dependencies still computing).
pub const NO_STORE: &str = "no-store";

/// Responses larger than this are not buffered to compute an `ETag`.
const ETAG_MAX: usize = 64 * 1024 * 1024;

/// Add the security headers to every response (a handler may set a stricter CSP).
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    r
}

/// The repository a page path belongs to (its first segment names a served one).
fn repo_of(state: &AppState, path: &str) -> Option<String> {
    let first = super::url::raw_segments(path).first().copied().unwrap_or("");
    let name = super::url::decode_text(first, "repository name").ok()?;
    state.registry.get(&name).map(|r| r.name.clone())
}

/// Give every error status an HTML page (JSON under `/api/`), whatever produced it; an
/// error page of a repository keeps its tabs.
pub async fn error_pages(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let repo = if api { None } else { repo_of(&state, req.uri().path()) };
    let r = next.run(req).await;
    let status = r.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return r;
    }
    let ct = r.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let done = if api { ct.starts_with("application/json") } else { ct.starts_with("text/html") };
    if done {
        // an error page of a repository: the same page inside the repository's tabs
        if let (Some(name), Some(msg)) = (&repo, r.extensions().get::<ErrorMessage>()) {
            let reason = status.canonical_reason().unwrap_or("Error");
            let chrome = Chrome::repo(&state.config.site_title, name, &format!("{} {reason}", status.as_u16()), "");
            let mut out = error_page_in(status, &msg.0, msg.1, chrome);
            for k in [header::ALLOW, header::CACHE_CONTROL, header::RETRY_AFTER] {
                if let Some(v) = r.headers().get(&k) {
                    out.headers_mut().insert(k, v.clone());
                }
            }
            return out;
        }
        return r;
    }
    let allow = r.headers().get(header::ALLOW).cloned();
    let body = axum::body::to_bytes(r.into_body(), 64 * 1024).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&body).trim().to_string();
    let message = match status {
        StatusCode::METHOD_NOT_ALLOWED => "this address only answers GET and HEAD requests".to_string(),
        StatusCode::REQUEST_TIMEOUT => "the request took too long and was stopped".to_string(),
        StatusCode::PAYLOAD_TOO_LARGE => "the request body is too large".to_string(),
        StatusCode::NOT_FOUND if text.is_empty() => "there is no page at this address".to_string(),
        _ if text.is_empty() => status.canonical_reason().unwrap_or("error").to_string(),
        _ => super::url::clip(&text, 300),
    };
    let mut out = if api {
        super::error::ApiError(super::error::WebError::Other(status, message)).into_response()
    } else if let Some(name) = &repo {
        let reason = status.canonical_reason().unwrap_or("Error");
        error_page_in(
            status,
            &message,
            None,
            Chrome::repo(&state.config.site_title, name, &format!("{} {reason}", status.as_u16()), ""),
        )
    } else {
        error_page(status, &message)
    };
    if let Some(a) = allow {
        out.headers_mut().insert(header::ALLOW, a);
    }
    out
}

/// Weak `ETag` from the body (unless the handler set one), `If-None-Match` → 304, and
/// `Cache-Control: no-cache` where the handler chose nothing.
pub async fn etag(req: Request, next: Next) -> Response {
    // HEAD answers reach this layer without their body: their tag would be wrong
    let cacheable = req.method() == Method::GET;
    let inm = req.headers().get(header::IF_NONE_MATCH).cloned();
    let r = next.run(req).await;
    if !cacheable || r.status() != StatusCode::OK {
        return r;
    }
    let (mut parts, body) = r.into_parts();
    if !parts.headers.contains_key(header::CACHE_CONTROL) {
        parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    let body = if parts.headers.contains_key(header::ETAG) {
        body
    } else {
        let small = parts
            .headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
            .is_none_or(|n| n <= ETAG_MAX);
        if !small {
            body
        } else {
            match axum::body::to_bytes(body, ETAG_MAX).await {
                Ok(bytes) => {
                    if let Some(v) = weak_etag(&bytes) {
                        parts.headers.insert(header::ETAG, v);
                    }
                    Body::from(bytes)
                }
                Err(_) => {
                    return super::error::WebError::TooLarge("the answer is too large to send".into()).into_response()
                }
            }
        }
    };
    if let (Some(inm), Some(tag)) = (inm, parts.headers.get(header::ETAG)) {
        if matches(&inm, tag) {
            let mut h = HeaderMap::new();
            for k in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
                if let Some(v) = parts.headers.get(&k) {
                    h.insert(k, v.clone());
                }
            }
            let mut nm = StatusCode::NOT_MODIFIED.into_response();
            *nm.headers_mut() = h;
            return nm;
        }
    }
    Response::from_parts(parts, body)
}

/// The weak `ETag` of a body (also kept with a cached page, see [`super::pages`]).
pub fn weak_etag(body: &[u8]) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!("W/\"{}\"", &hex::encode(Sha1::digest(body))[..20])).ok()
}

/// Weak comparison of `If-None-Match` (a list, or `*`) with an entity tag.
fn matches(inm: &HeaderValue, tag: &HeaderValue) -> bool {
    let Ok(inm) = inm.to_str() else { return false };
    let Ok(tag) = tag.to_str() else { return false };
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    inm.trim() == "*" || inm.split(',').any(|t| bare(t) == bare(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match() {
        let tag = HeaderValue::from_static("W/\"abc\"");
        assert!(matches(&HeaderValue::from_static("W/\"abc\""), &tag));
        assert!(matches(&HeaderValue::from_static("\"x\", \"abc\""), &tag));
        assert!(matches(&HeaderValue::from_static("*"), &tag));
        assert!(!matches(&HeaderValue::from_static("\"abd\""), &tag));
    }
}
