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
    /// The repository's data is damaged (500): the message names the file or patch.
    #[error("this repository is damaged: {0}")]
    Corrupt(String),
    /// The server's memory budget cannot hold the answer now (503).
    #[error("the server cannot answer this now: {0}")]
    Busy(String),
    /// The verified core or the server failed (500).
    #[error("internal error: {0}")]
    Internal(String),
    /// The computation went past the budgets of a core worker (`[limits] core_cpu_secs`,
    /// `core_memory_bytes`): 503 Service Unavailable, because the request is valid and
    /// the limit is this server's capacity, not a fault of the request (so not 4xx) nor
    /// a bug (so not 500). No `Retry-After`: the same request needs the same budget.
    /// Like every error page it is sent with `Cache-Control: no-store`.
    #[error("{0}")]
    TooExpensive(String),
    /// The core is unavailable for now (its worker died during the call and was
    /// restarted, or none could be started): 503 with `Retry-After`, since trying again
    /// may well succeed.
    #[error("{0}")]
    Unavailable(String),
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
            WebError::Busy(_) | WebError::TooExpensive(_) | WebError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Other(s, _) => *s,
        }
    }

    /// The message shown to the user, with server paths removed.
    pub fn message(&self) -> String {
        scrub(&self.to_string())
    }

    /// What the reader can do about it, when there is something to say.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            WebError::Corrupt(_) => Some(HINT_DAMAGED),
            WebError::Busy(_) => Some("Other requests hold the server's memory now; try again in a moment."),
            _ => None,
        }
    }
}

impl From<RepoError> for WebError {
    fn from(e: RepoError) -> Self {
        match e {
            RepoError::NotFound(m) => WebError::NotFound(m),
            RepoError::BadRequest(m) => WebError::BadRequest(m),
            RepoError::TooLarge(m) => WebError::TooLarge(m),
            RepoError::Corrupt(m) => WebError::Corrupt(m),
            RepoError::Busy(m) => WebError::Busy(m),
            RepoError::Unsupported(m) => WebError::Other(StatusCode::NOT_IMPLEMENTED, m),
            RepoError::Core(c) => WebError::from(c),
        }
    }
}

impl From<crate::core::CoreError> for WebError {
    fn from(e: crate::core::CoreError) -> Self {
        use crate::core::CoreError as C;
        match e {
            C::TooExpensive(_) => WebError::TooExpensive(e.to_string()),
            C::WorkerDied(_) => WebError::Unavailable(format!("{e}: reload the page to try again")),
            C::Unavailable(_) | C::Cancelled => WebError::Unavailable(e.to_string()),
            e => WebError::Internal(e.to_string()),
        }
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::Internal(format!("cannot render the page: {e}"))
    }
}

/// The hint of a damaged repository's page.
pub const HINT_DAMAGED: &str = "The repository's files are damaged or incomplete, so this page cannot be shown. \
    Its owner can run `darcsweb check` (or `darcs check`) on it to list what is wrong, \
    and `darcs repair` or a fresh clone to mend it.";

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
    hint: Option<&'static str>,
}

/// The message and hint of an error page, kept on the response (an extension) so that
/// the middleware can show the same page inside its repository's tabs.
#[derive(Debug, Clone)]
pub struct ErrorMessage(pub String, pub Option<&'static str>);

/// The HTML error page for `status` with `message` (already user-readable).
pub fn error_page(status: StatusCode, message: &str) -> Response {
    error_page_with(status, message, None)
}

/// [`error_page`] with a hint under the message (what the reader can do).
pub fn error_page_with(status: StatusCode, message: &str, hint: Option<&'static str>) -> Response {
    let reason = status.canonical_reason().unwrap_or("Error");
    error_page_in(status, message, hint, super::views::Chrome::plain(&format!("{} {}", status.as_u16(), reason)))
}

/// [`error_page_with`] with the given page chrome (a repository's tabs, for one).
pub fn error_page_in(
    status: StatusCode,
    message: &str,
    hint: Option<&'static str>,
    chrome: super::views::Chrome,
) -> Response {
    let reason = status.canonical_reason().unwrap_or("Error").to_string();
    let page = ErrorPage { chrome, code: status.as_u16(), reason, message: scrub(message), hint };
    let body = page.render().unwrap_or_else(|_| format!("{} {}", status.as_u16(), page.message));
    let body = super::views::visible(&body).into_owned();
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.extensions_mut().insert(ErrorMessage(scrub(message), hint));
    r
}

/// Seconds a client is asked to wait before trying an [`WebError::Unavailable`] page again.
const RETRY_AFTER: HeaderValue = HeaderValue::from_static("1");

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let mut r = error_page_with(self.status(), &self.message(), self.hint());
        if matches!(self, WebError::Busy(_)) {
            r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        if matches!(self, WebError::Unavailable(_)) {
            r.headers_mut().insert(header::RETRY_AFTER, RETRY_AFTER);
        }
        r
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
        let body = match self.0.hint() {
            Some(h) => serde_json::json!({ "status": status.as_u16(), "error": self.0.message(), "hint": h }),
            None => serde_json::json!({ "status": status.as_u16(), "error": self.0.message() }),
        };
        let mut r = (status, body.to_string()).into_response();
        let h = r.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if matches!(self.0, WebError::Unavailable(_)) {
            h.insert(header::RETRY_AFTER, RETRY_AFTER);
        }
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
    fn core_budgets_and_dead_workers_are_503_never_cached() {
        use crate::core::CoreError;
        let e = WebError::from(RepoError::Core(CoreError::TooExpensive("it needs more than 1 s".into())));
        assert!(matches!(e, WebError::TooExpensive(_)));
        let r = e.clone().into_response();
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(r.headers()[header::CACHE_CONTROL], "no-store");
        assert!(r.headers().get(header::RETRY_AFTER).is_none());
        assert!(e.message().contains("too expensive for this server"), "{}", e.message());
        let d = WebError::from(CoreError::WorkerDied("killed by signal 9".into()));
        assert!(d.message().contains("a new one has been started"), "{}", d.message());
        let r = ApiError(d).into_response();
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(r.headers()[header::RETRY_AFTER], "1");
        assert_eq!(r.headers()[header::CACHE_CONTROL], "no-store");
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
