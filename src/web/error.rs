//! The web layer's one error type, mapped to a status code and an error page (HTML for
//! pages, JSON under `/api/`). Every error names what was wrong; no message shows a
//! server path (messages pass through [`scrub`]).

use std::sync::RwLock;

use askama::Template;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::repo::RepoError;

/// What went wrong while answering a request.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WebError {
    /// Something named in the URL does not exist (404).
    #[error("{0}")]
    NotFound(String),
    /// The URL or its query is malformed or refused (400).
    #[error("{0}")]
    BadRequest(String),
    /// The answer would be too large to compute or send (413).
    #[error("{0}")]
    TooLarge(String),
    /// The repository's data is inconsistent (500).
    #[error("the repository data is corrupt: {0}")]
    Corrupt(String),
    /// The verified core or the server failed (500).
    #[error("internal error: {0}")]
    Internal(String),
    /// Any other status (used to give plain framework answers an error page).
    #[error("{1}")]
    Other(StatusCode, String),
}

impl WebError {
    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Corrupt(_) | WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
            WebError::Other(s, _) => *s,
        }
    }

    /// The message shown to the user, with server paths removed.
    pub fn message(&self) -> String {
        scrub(&self.to_string())
    }
}

impl From<RepoError> for WebError {
    fn from(e: RepoError) -> Self {
        match e {
            RepoError::NotFound(m) => WebError::NotFound(m),
            RepoError::BadRequest(m) => WebError::BadRequest(m),
            RepoError::TooLarge(m) => WebError::TooLarge(m),
            RepoError::Corrupt(m) => WebError::Corrupt(m),
            RepoError::Unsupported(m) => WebError::Other(StatusCode::NOT_IMPLEMENTED, m),
            RepoError::Core(c) => WebError::Internal(c.to_string()),
        }
    }
}

impl From<crate::core::CoreError> for WebError {
    fn from(e: crate::core::CoreError) -> Self {
        WebError::Internal(e.to_string())
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::Internal(format!("cannot render the page: {e}"))
    }
}

static SCRUBBED: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Register a server directory (a repository root) that must never appear in a message.
pub fn hide_path(p: &std::path::Path) {
    let s = p.to_string_lossy().into_owned();
    if s.len() > 1 {
        let mut v = SCRUBBED.write().unwrap_or_else(|e| e.into_inner());
        if !v.contains(&s) {
            v.push(s);
            v.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
    }
}

/// Replace every registered server directory in `msg` by `…`.
pub fn scrub(msg: &str) -> String {
    let v = SCRUBBED.read().unwrap_or_else(|e| e.into_inner());
    let mut out = msg.to_string();
    for p in v.iter() {
        if out.contains(p.as_str()) {
            out = out.replace(p.as_str(), "…");
        }
    }
    out
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: super::views::Chrome,
    code: u16,
    reason: String,
    message: String,
}

/// The message of an error page, kept on the response (an extension) so that the
/// middleware can show the same page inside its repository's tabs.
#[derive(Debug, Clone)]
pub struct ErrorMessage(pub String);

/// The HTML error page for `status` with `message` (already user-readable).
pub fn error_page(status: StatusCode, message: &str) -> Response {
    let reason = status.canonical_reason().unwrap_or("Error");
    error_page_in(status, message, super::views::Chrome::plain(&format!("{} {}", status.as_u16(), reason)))
}

/// [`error_page`] with the given page chrome (a repository's tabs, for one).
pub fn error_page_in(status: StatusCode, message: &str, chrome: super::views::Chrome) -> Response {
    let reason = status.canonical_reason().unwrap_or("Error").to_string();
    let page = ErrorPage { chrome, code: status.as_u16(), reason, message: scrub(message) };
    let body = page.render().unwrap_or_else(|_| format!("{} {}", status.as_u16(), page.message));
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.extensions_mut().insert(ErrorMessage(scrub(message)));
    r
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        error_page(self.status(), &self.message())
    }
}

/// The same errors, answered as JSON (`{"status": 404, "error": "…"}`) for `/api/`.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl<E: Into<WebError>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.0.status();
        let body = serde_json::json!({ "status": status.as_u16(), "error": self.0.message() });
        let mut r = (status, body.to_string()).into_response();
        let h = r.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(WebError::NotFound("x".into()).status(), StatusCode::NOT_FOUND);
        assert_eq!(WebError::BadRequest("x".into()).status(), StatusCode::BAD_REQUEST);
        assert_eq!(WebError::Corrupt("x".into()).status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(WebError::from(RepoError::TooLarge("big".into())).status(), StatusCode::PAYLOAD_TOO_LARGE);
    }

    #[test]
    fn scrubs_server_paths() {
        hide_path(std::path::Path::new("/srv/secret-root"));
        let e = WebError::Corrupt("cannot read /srv/secret-root/r/_darcs/x".into());
        assert!(!e.message().contains("/srv/secret-root"), "{}", e.message());
        assert!(e.message().contains("…/r/_darcs/x"));
    }

    #[test]
    fn error_page_is_html_and_escaped() {
        let r = error_page(StatusCode::NOT_FOUND, "no file <script>");
        assert_eq!(r.status(), 404);
        assert_eq!(r.headers()[header::CONTENT_TYPE], "text/html; charset=utf-8");
    }
}
