//! Links of the old darcsweb (`/darcsweb.cgi?r=REPO;a=ACTION;h=HASH;f=PATH`, `;` or
//! `&` separated) answered with a permanent redirect to the matching page.

use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};

use super::error::WebError;
use super::url::{self, Query};
use super::WebResult;

/// The patch id inside an old darcsweb `h=`: a 40-hex id, or the darcs-1 patch file
/// name `YYYYMMDDHHMMSS-xxxxx-<40 hex>[.gz]` whose last part is the id.
fn patch_id(h: &str) -> Option<String> {
    let h = h.trim().trim_end_matches(".gz");
    let id = h.rsplit('-').next()?;
    url::is_hash(id).then(|| id.to_string())
}

/// Where an old darcsweb URL now lives (`None`: nothing matches).
pub fn target(query: Option<&str>) -> Result<String, WebError> {
    let q = Query::parse(query);
    let Some(repo) = q.text("r")? else { return Ok("/".into()) };
    let repo = url::enc(repo.trim_end_matches('/'));
    let action = q.text("a")?.unwrap_or_else(|| "summary".into());
    let hash = match q.text("h")? {
        Some(h) => Some(
            patch_id(&h)
                .ok_or_else(|| WebError::NotFound(format!("{:?} is not a patch hash of darcs", url::clip(&h, 80))))?,
        ),
        None => None,
    };
    let file: String = q
        .bytes("f")
        .unwrap_or(b"")
        .split(|&b| b == b'/')
        .filter(|c| !c.is_empty() && *c != b".")
        .map(url::seg)
        .collect::<Vec<_>>()
        .join("/");
    let version = hash.clone().unwrap_or_else(|| "head".into());
    let need_hash = || {
        hash.clone()
            .ok_or_else(|| WebError::NotFound(format!("the old darcsweb action {action} needs a patch hash (h=)")))
    };
    let with_path = |base: String| if file.is_empty() { base } else { format!("{base}?path={file}") };
    Ok(match action.as_str() {
        "summary" => format!("/{repo}"),
        "shortlog" | "log" | "filehistory" => with_path(format!("/{repo}/log")),
        "commit" | "commitdiff" | "headdiff" | "filediff" => format!("/{repo}/patch/{}", need_hash()?),
        "commitdiff_plain" | "patch" => format!("/{repo}/patch/{}.patch", need_hash()?),
        "tree" => format!("/{repo}/tree/{version}/{file}"),
        "headblob" => format!("/{repo}/tree/head/{file}"),
        "blob" => format!("/{repo}/tree/{version}/{file}"),
        "plainblob" => format!("/{repo}/raw/{version}/{file}"),
        "annotate_shade" | "annotate_normal" | "annotate_plain" | "annotate" => {
            format!("/{repo}/annotate/{version}/{file}")
        }
        "rss" | "atom" => with_path(format!("/{repo}/atom")),
        "tags" => format!("/{repo}/tags"),
        other => {
            return Err(WebError::NotFound(format!(
                "the old darcsweb action {:?} has no equivalent here",
                url::clip(other, 40)
            )))
        }
    })
}

/// `GET /darcsweb.cgi?r=…;a=…`: a permanent redirect from an old darcsweb link to the
/// page that replaces it (404 for actions with no equivalent).
pub async fn redirect(uri: Uri) -> WebResult {
    let to = target(uri.query())?;
    let mut r: Response = StatusCode::MOVED_PERMANENTLY.into_response();
    r.headers_mut().insert(
        header::LOCATION,
        HeaderValue::from_str(&to).map_err(|_| WebError::BadRequest("cannot redirect to that address".into()))?,
    );
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::target;

    const H: &str = "0123456789abcdef0123456789abcdef01234567";

    #[test]
    fn old_links() {
        assert_eq!(target(Some("r=proj;a=summary")).unwrap(), "/proj");
        assert_eq!(target(Some("r=proj&a=shortlog")).unwrap(), "/proj/log");
        assert_eq!(target(Some(&format!("r=proj;a=commit;h={H}"))).unwrap(), format!("/proj/patch/{H}"));
        assert_eq!(
            target(Some(&format!("r=proj;a=commitdiff;h=20050101000000-abcde-{H}.gz"))).unwrap(),
            format!("/proj/patch/{H}")
        );
        assert_eq!(target(Some("r=proj;a=headblob;f=/src/a%20b.c")).unwrap(), "/proj/tree/head/src/a%20b.c");
        assert_eq!(target(Some(&format!("r=proj;a=blob;h={H};f=/x"))).unwrap(), format!("/proj/tree/{H}/x"));
        assert_eq!(target(Some("r=proj;a=annotate_shade;f=/x")).unwrap(), "/proj/annotate/head/x");
        assert_eq!(target(Some("r=proj;a=plainblob;f=/x")).unwrap(), "/proj/raw/head/x");
        assert_eq!(target(Some("r=proj;a=rss")).unwrap(), "/proj/atom");
        assert_eq!(target(Some("r=proj;a=tags")).unwrap(), "/proj/tags");
        assert_eq!(target(Some("r=proj;a=tree;f=/d")).unwrap(), "/proj/tree/head/d");
        assert_eq!(target(Some("r=proj;a=log;f=/d")).unwrap(), "/proj/log?path=d");
        assert_eq!(target(Some("r=my%20proj")).unwrap(), "/my%20proj");
        assert_eq!(target(None).unwrap(), "/");
        assert_eq!(target(Some("r=p;a=headblob;f=/../x")).unwrap(), "/p/tree/head/%2E%2E/x");
        assert!(target(Some("r=p;a=commit")).is_err());
        assert!(target(Some("r=p;a=commit;h=zz")).is_err());
        assert!(target(Some("r=p;a=frobnicate")).is_err());
    }
}
