//! `/{repo}/_darcs/{file}`: exactly the files `darcs clone` and `darcs pull` fetch over
//! HTTP (darcs-format.md section 11), as `application/octet-stream`; everything else
//! is 404. The allowlist is checked here and again by [`crate::repo::Repo::darcs_file`].

use std::sync::Arc;

use axum::extract::State;
use axum::http::Uri;

use super::error::WebError;
use super::flight::blocking;
use super::layers::IMMUTABLE;
use super::{after_segments, bytes_response, open_repo, url, AppState, WebResult};

/// Whether `rel` (relative to `_darcs/`, decoded) may be served, and whether its
/// content is addressed by its name (so it never changes).
pub fn allowed(rel: &str) -> Option<bool> {
    let name_ok = |n: &str| {
        !n.is_empty()
            && n.len() <= 200
            && !n.starts_with('.')
            && n.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    };
    match rel {
        "format" | "hashed_inventory" | "prefs/motd" => Some(false),
        _ => {
            let (dir, name) = rel.split_once('/')?;
            if !name_ok(name) {
                return None;
            }
            match dir {
                "inventories" | "pristine.hashed" => Some(true),
                "patches" if !name.starts_with("pending") && !name.starts_with("unrevert") => Some(true),
                "packs" => Some(false),
                _ => None,
            }
        }
    }
}

/// `GET /{repo}/_darcs/{file}`: an allowed file as is (immutable when content-addressed,
/// `no-cache` otherwise), else 404.
pub async fn file(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    let (repo, _) = open_repo(&state, &uri, 0).await?;
    let raw = after_segments(uri.path(), 2);
    let rel = url::decode_text(raw, "file name")?;
    let Some(immutable) = allowed(&rel) else {
        return Err(WebError::NotFound(format!(
            "_darcs/{} is not served (only what darcs clone and pull need)",
            url::clip(&rel, 100)
        )));
    };
    let r = repo.clone();
    let rel2 = rel.clone();
    let (bytes, grant) = blocking(move || r.darcs_file_charged(&rel2).map_err(WebError::from)).await?;
    let cache = if immutable { IMMUTABLE } else { "no-cache" };
    let body = axum::body::Body::new(Charged { data: Some(bytes.into()), _grant: grant });
    Ok(bytes_response(body, "application/octet-stream", cache))
}

/// A response body that keeps its bytes charged to the memory budget until it has been
/// sent (or the client went away): many clients fetching a large pack at once cannot
/// hold more than the budget.
struct Charged {
    data: Option<axum::body::Bytes>,
    _grant: crate::darcs::budget::Grant<'static>,
}

impl http_body::Body for Charged {
    type Data = axum::body::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::task::Poll::Ready(self.data.take().map(|d| Ok(http_body::Frame::data(d))))
    }

    fn is_end_stream(&self) -> bool {
        self.data.is_none()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.data.as_ref().map_or(0, |d| d.len() as u64))
    }
}

#[cfg(test)]
mod tests {
    use super::allowed;

    #[test]
    fn allowlist() {
        for ok in [
            "format",
            "hashed_inventory",
            "prefs/motd",
            "inventories/0000000123-abc",
            "patches/0000000202-1448ab",
            "pristine.hashed/e3b0c442",
            "packs/basic.tar.gz",
            "packs/pristine",
            "patches/20100829173424-fb03a-d3f723fd.gz",
        ] {
            assert!(allowed(ok).is_some(), "{ok}");
        }
        for bad in [
            "index",
            "prefs/author",
            "prefs/prefs",
            "prefs/sources",
            "prefs/defaultrepo",
            "patches/pending",
            "patches/pending.tentative",
            "patches/unrevert",
            "patches/../index",
            "patches/a/b",
            "patches/",
            "patches/.x",
            "inventories/..",
            "tentative_hashed_inventory",
            "rebase",
            "patch_index/x",
            "../etc/passwd",
            "/format",
            "format/",
        ] {
            assert!(allowed(bad).is_none(), "{bad}");
        }
    }
}
