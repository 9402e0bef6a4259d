//! The JSON twins of the pages under `/api/`: repositories, log, patch (metadata, prims,
//! dependencies), tree and annotate. Errors are JSON too (`{"status", "error"}`).

use std::sync::Arc;

use axum::extract::State;
use axum::http::{header, HeaderValue, Uri};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::error::{ApiError, WebError};
use super::flight::blocking;
use super::layers::SHORT;
use super::patch::{load, patch_ref, replace_segment, Form, PatchRef};
use super::tree::{annotation, entry, is_binary, locate};
use super::url::{self, Query};
use super::{cache_for, open_repo, AppState};
use crate::darcs::prim::{display_path, Prim};
use crate::repo::{Entry, PatchMeta, Touched};

type ApiResult = Result<Response, ApiError>;

fn json<T: Serialize>(v: &T, cache: &'static str) -> ApiResult {
    let body = serde_json::to_vec(v).map_err(|e| WebError::Internal(format!("cannot encode JSON: {e}")))?;
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    Ok(r)
}

/// A patch as `darcs log --xml-output` describes it.
#[derive(Serialize)]
pub struct PatchJson {
    /// The 40-hex patch id.
    pub hash: String,
    /// The name (for a tag, the full `TAG …` name).
    pub name: String,
    /// The author as recorded.
    pub author: String,
    /// The date in ISO 8601 (`2024-01-01T00:03:00Z`, UTC).
    pub date: String,
    /// The date as darcs stores it, `YYYYMMDDHHMMSS` (UTC).
    pub date_darcs: String,
    /// The log lines without `Ignore-this:` (as `darcs log` shows them); absent when none.
    pub comment: Option<String>,
    /// A legacy inverted patch (`*-`), which darcs shows as `UNDO: name`.
    pub inverted: bool,
    /// The tag's name when the patch is a tag, else absent (`null`).
    pub tag: Option<String>,
}

impl From<&PatchMeta> for PatchJson {
    fn from(m: &PatchMeta) -> Self {
        PatchJson {
            hash: m.hash.clone(),
            name: m.name.clone(),
            author: m.author.clone(),
            date: super::views::date_rfc3339(&m.date),
            date_darcs: m.date.clone(),
            comment: (!m.description.is_empty()).then(|| m.description.clone()),
            inverted: m.inverted,
            tag: m.tag.clone(),
        }
    }
}

#[derive(Serialize)]
struct RepoJson {
    name: String,
    description: String,
    patches: usize,
    last_change: Option<PatchJson>,
    /// The run-time check of the head (`pending`, `verified`, `differs`, `not-checked`).
    head_check: Option<HeadCheckJson>,
    error: Option<String>,
}

#[derive(Serialize)]
struct HeadCheckJson {
    state: &'static str,
    detail: String,
}

/// `GET /api/repos`: every repository with its description, patch count and latest patch.
pub async fn repos(State(state): State<Arc<AppState>>) -> ApiResult {
    let s = state.clone();
    let rows = blocking(move || {
        Ok(s.registry
            .list()
            .into_iter()
            .map(|r| {
                let description = r.description();
                match r.index() {
                    Ok(ix) => RepoJson {
                        name: r.name.clone(),
                        description,
                        patches: ix.patches.len(),
                        last_change: ix.patches.iter().max_by(|a, b| a.date.cmp(&b.date)).map(PatchJson::from),
                        head_check: r
                            .head_check()
                            .ok()
                            .map(|c| HeadCheckJson { state: c.state(), detail: c.describe() }),
                        error: None,
                    },
                    Err(e) => RepoJson {
                        name: r.name.clone(),
                        description,
                        patches: 0,
                        last_change: None,
                        head_check: None,
                        error: Some(WebError::from(e).message()),
                    },
                }
            })
            .collect::<Vec<_>>())
    })
    .await?;
    json(&rows, SHORT)
}

#[derive(Serialize)]
struct LogJson {
    repository: String,
    total: usize,
    offset: usize,
    limit: usize,
    patches: Vec<PatchJson>,
}

/// Largest `limit` of `/api/{repo}/log`.
pub const MAX_LIMIT: usize = 1000;

/// `GET /api/{repo}/log`: a page (`offset` and `limit`, or `page` and `limit` as on the
/// log page) of the log, newest first, filtered by `q` (a substring of name, author,
/// comment or hash) and `path` (patches touching it).
pub async fn log(State(state): State<Arc<AppState>>, uri: Uri) -> ApiResult {
    let (repo, index) = open_repo(&state, &uri, 1).await?;
    let query = Query::parse(uri.query());
    let limit = query.number("limit", 50, 1, MAX_LIMIT)?;
    let offset = match query.text("page")? {
        Some(_) => {
            if query.text("offset")?.is_some() {
                return Err(WebError::BadRequest("give either page or offset, not both".into()).into());
            }
            (query.number("page", 1, 1, 100_000_000)? - 1).saturating_mul(limit)
        }
        None => query.number("offset", 0, 0, 100_000_000)?,
    };
    let q = query.text("q")?;
    let path = query.path("path").await?;
    let ix = index.clone();
    let (ids, total) = blocking(move || Ok(ix.log(offset, limit, q.as_deref(), path.as_ref()))).await?;
    let patches = ids.iter().filter_map(|&i| index.patches.get(i)).map(PatchJson::from).collect();
    json(&LogJson { repository: repo.name.clone(), total, offset, limit, patches }, SHORT)
}

/// A primitive patch in JSON (texts decoded lossily as UTF-8).
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum PrimJson {
    /// `hunk`: at 1-based `line`, the lines `old` become `new`.
    Hunk {
        /// The file changed.
        path: String,
        /// The 1-based line where the change starts.
        line: u32,
        /// The lines removed.
        old: Vec<String>,
        /// The lines added.
        new: Vec<String>,
    },
    /// `addfile`: an empty file is created.
    Addfile {
        /// The new file.
        path: String,
    },
    /// `rmfile`: an empty file is removed.
    Rmfile {
        /// The file removed.
        path: String,
    },
    /// `adddir`: an empty directory is created.
    Adddir {
        /// The new directory.
        path: String,
    },
    /// `rmdir`: an empty directory is removed.
    Rmdir {
        /// The directory removed.
        path: String,
    },
    /// `move`: a file or directory is renamed.
    Move {
        /// The old path.
        from: String,
        /// The new path.
        to: String,
    },
    /// `replace`: every whole-token occurrence of `old` in the file becomes `new`.
    Replace {
        /// The file changed.
        path: String,
        /// The characters tokens are made of (a character class body, e.g. `A-Za-z_0-9`).
        tokchars: String,
        /// The token replaced.
        old: String,
        /// The token put in its place.
        new: String,
    },
    /// `binary`: the whole content is replaced; only the sizes are given.
    Binary {
        /// The file changed.
        path: String,
        /// The content's size before, in bytes.
        old_size: usize,
        /// The content's size after, in bytes.
        new_size: usize,
    },
    /// `changepref`: a repository preference changes (no effect on the tree).
    Changepref {
        /// The preference's name.
        name: String,
        /// Its value before.
        old: String,
        /// Its value after.
        new: String,
    },
}

fn s(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

impl From<&Prim> for PrimJson {
    fn from(p: &Prim) -> Self {
        match p {
            Prim::Hunk { path, line, old, new } => PrimJson::Hunk {
                path: display_path(path),
                line: *line,
                old: old.iter().map(|l| s(l)).collect(),
                new: new.iter().map(|l| s(l)).collect(),
            },
            Prim::AddFile(p) => PrimJson::Addfile { path: display_path(p) },
            Prim::RmFile(p) => PrimJson::Rmfile { path: display_path(p) },
            Prim::AddDir(p) => PrimJson::Adddir { path: display_path(p) },
            Prim::RmDir(p) => PrimJson::Rmdir { path: display_path(p) },
            Prim::Move { from, to } => PrimJson::Move { from: display_path(from), to: display_path(to) },
            Prim::Replace { path, tokchars, old, new } => {
                PrimJson::Replace { path: display_path(path), tokchars: s(tokchars), old: s(old), new: s(new) }
            }
            Prim::Binary { path, old, new } => {
                PrimJson::Binary { path: display_path(path), old_size: old.len(), new_size: new.len() }
            }
            Prim::ChangePref { name, old, new } => PrimJson::Changepref { name: s(name), old: s(old), new: s(new) },
        }
    }
}

#[derive(Serialize)]
struct PatchDetailJson<'a> {
    #[serde(flatten)]
    meta: PatchJson,
    /// The log without `Ignore-this:` lines.
    description: &'a str,
    touched: &'a [Touched],
    prims: Vec<PrimJson>,
    /// Direct dependencies (hashes), as `darcs show dependencies` draws them.
    dependencies: Vec<String>,
    /// Patches that depend directly on this one.
    dependents: Vec<String>,
    explicit_dependencies: Vec<String>,
}

/// `GET /api/{repo}/patch/{hash}`: a patch's metadata, summary, prims and direct
/// dependencies both ways (waits up to 25 s for the dependency graph, else 503).
pub async fn patch(State(state): State<Arc<AppState>>, uri: Uri) -> ApiResult {
    let (repo, index) = open_repo(&state, &uri, 1).await?;
    let raw = url::raw_segments(uri.path()).get(3).copied().unwrap_or("");
    let i = match patch_ref(&index, raw)? {
        PatchRef::Found(i, Form::Page) => i,
        PatchRef::Found(..) => {
            return Err(WebError::NotFound(
                "the raw forms are at /{repo}/patch/{hash}.patch and /{repo}/patch/{hash}.diff".into(),
            )
            .into())
        }
        PatchRef::Redirect(full) => {
            return Ok(axum::response::Redirect::to(&replace_segment(&uri, 3, &full)).into_response())
        }
        PatchRef::Ambiguous(ids) => {
            let body = serde_json::json!({
                "status": 300,
                "error": "several patches have a hash starting with this prefix",
                "candidates": ids.iter().filter_map(|&i| index.patches.get(i)).map(PatchJson::from).collect::<Vec<_>>(),
            });
            let mut r = json(&body, super::layers::NO_STORE)?;
            *r.status_mut() = axum::http::StatusCode::MULTIPLE_CHOICES;
            return Ok(r);
        }
    };
    let data = load(&state, &repo, &index, i).await?;
    // an API client would rather wait than get a partial answer; the request timeout bounds it
    let (deps, dependents) =
        match super::patch::deps(&repo, i, crate::repo::DepsWait::Upto(std::time::Duration::from_secs(25))).await? {
            Ok(d) => d,
            Err(done) => {
                return Err(WebError::Other(
                    axum::http::StatusCode::SERVICE_UNAVAILABLE,
                    format!(
                        "the dependency graph is still being computed ({}); retry shortly",
                        super::patch::graph_progress(done, index.patches.len())
                    ),
                )
                .into())
            }
        };
    let hashes = |ids: &[usize]| ids.iter().filter_map(|&i| index.patches.get(i)).map(|m| m.hash.clone()).collect();
    let d = &data.detail;
    let body = PatchDetailJson {
        meta: PatchJson::from(&d.meta),
        description: &d.meta.description,
        touched: &d.touched,
        prims: d.prims.iter().map(PrimJson::from).collect(),
        dependencies: hashes(&deps),
        dependents: hashes(&dependents),
        explicit_dependencies: hashes(&d.explicit_deps),
    };
    json(&body, super::layers::PATCH_PAGE)
}

#[derive(Serialize)]
struct DirEntryJson {
    name: String,
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
enum TreeJson {
    Directory { path: String, version: String, entries: Vec<DirEntryJson> },
    File { path: String, version: String, size: usize, binary: bool, text: Option<String> },
}

/// `GET /api/{repo}/tree/{version}/{path}`: a directory's entries, or a file's size and
/// (for UTF-8 text under the display limit) its text.
pub async fn tree(State(state): State<Arc<AppState>>, uri: Uri) -> ApiResult {
    let at = locate(&state, &uri, 1).await?;
    let e = entry(&state, &at).await?;
    let path = display_path(&at.path);
    let version = at.vref.resolve_arg();
    let body = match e {
        Entry::Dir(entries) => TreeJson::Directory {
            path,
            version,
            entries: entries
                .iter()
                .map(|(n, d)| DirEntryJson { name: s(n), kind: if *d { "directory" } else { "file" } })
                .collect(),
        },
        Entry::File(b) => {
            let binary = is_binary(&b);
            let text = (!binary && b.len() <= state.config.limits.max_display_bytes)
                .then(|| std::str::from_utf8(&b).ok().map(str::to_string))
                .flatten();
            TreeJson::File { path, version, size: b.len(), binary, text }
        }
    };
    json(&body, cache_for(&at.vref))
}

#[derive(Serialize)]
struct AnnLineJson {
    line: usize,
    /// The patch that introduced the line (`null`: unknown).
    hash: Option<String>,
    text: String,
}

#[derive(Serialize)]
struct AnnotateJson {
    path: String,
    version: String,
    lines: Vec<AnnLineJson>,
}

/// `GET /api/{repo}/annotate/{version}/{path}`: each line of a file with the patch that
/// introduced it.
pub async fn annotate(State(state): State<Arc<AppState>>, uri: Uri) -> ApiResult {
    let at = locate(&state, &uri, 1).await?;
    let ann = annotation(&state, &at).await?;
    let lines = ann
        .iter()
        .enumerate()
        .map(|(i, l)| AnnLineJson {
            line: i + 1,
            hash: l.patch.and_then(|p| at.index.patches.get(p)).map(|m| m.hash.clone()),
            text: s(&l.line),
        })
        .collect();
    json(&AnnotateJson { path: display_path(&at.path), version: at.vref.resolve_arg(), lines }, cache_for(&at.vref))
}
