//! Trees and files at a version: `/{repo}/tree/{version}/{path}` (directory listing with
//! sizes and the last patch touching each entry, or a file: highlighted, or rendered
//! when it is Markdown), `/{repo}/raw/…` (the bytes, never as HTML),
//! `/{repo}/annotate/…` (line origins with age shading), `/{repo}/goto` (the version
//! picker's target) and `/{repo}/snapshot/{version}.tar.gz`.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderValue, Uri};
use axum::response::{IntoResponse, Redirect, Response};

use super::error::WebError;
use super::highlight;
use super::url::{self, Query, VersionRef};
use super::views::{self, Chrome, Links, PatchRow};
use super::{
    after_segments, bytes_response, cache_for, entry_at, fingerprint, html, open_repo, resolve, AppState, FlightKey,
    WebResult,
};
use crate::darcs::prim::{display_path, Path};
use crate::repo::{AnnotatedLine, Entry, Index, Repo, Version};

/// What a tree URL names, resolved.
pub struct At {
    /// The repository named by the URL.
    pub repo: Arc<Repo>,
    /// Its index when the request came in (the version was resolved against it).
    pub index: Arc<Index>,
    /// The version as the URL names it: decides the links and the `Cache-Control`.
    pub vref: VersionRef,
    /// The version resolved to a number of applied patches.
    pub version: Version,
    /// The path in the tree, validated by the core's predicate (empty: the root).
    pub path: Path,
    /// The repository's links, for the page to build.
    pub links: Links,
}

/// A short hash as the version of `/{repo}/{kind}/{version}/…` (`skip` = 1 under
/// `/api/`): the redirect to the full hash, or the list of candidates. `None` when the
/// version is not a hash prefix.
pub async fn short_version(state: &Arc<AppState>, uri: &Uri, skip: usize) -> WebResult<Option<Response>> {
    let seg = url::raw_segments(uri.path()).get(skip + 2).copied().unwrap_or("");
    if !crate::repo::lookup::is_prefix(seg) {
        return Ok(None);
    }
    let (repo, index) = open_repo(state, uri, skip).await?;
    super::patch::prefix_answer(state, uri, skip + 2, &repo.name, &index, seg).map(Some)
}

/// Parse `/{repo}/{kind}/{version}/{path}` (`skip` = 1 under `/api/`) and resolve it.
pub async fn locate(state: &Arc<AppState>, uri: &Uri, skip: usize) -> WebResult<At> {
    let (repo, index) = open_repo(state, uri, skip).await?;
    let rest = after_segments(uri.path(), skip + 2);
    let (vref, raw_path) = url::split_version(rest)?;
    let path = url::repo_path(raw_path).await?;
    let version = resolve(&repo, &vref).await?;
    let links = Links::new(&repo.name);
    Ok(At { repo, index, vref, version, path, links })
}

/// The entry at the located path, or a 404 naming it.
pub async fn entry(state: &Arc<AppState>, at: &At) -> WebResult<Entry> {
    entry_at(state, &at.repo, &at.index, at.version, &at.path).await?.ok_or_else(|| {
        WebError::NotFound(format!(
            "there is no file or directory {:?} at version {}",
            url::clip(&display_path(&at.path), 200),
            at.vref.label()
        ))
    })
}

/// `/{repo}/tree` → the root at head.
pub async fn tree_root(uri: Uri) -> Response {
    Redirect::permanent(&format!("{}/head/", uri.path().trim_end_matches('/'))).into_response()
}

/// One entry of a directory listing.
pub struct DirRow {
    /// The entry's name (lossy for non-UTF-8 bytes).
    pub name: String,
    /// A directory (shown with a trailing `/` and no raw link).
    pub dir: bool,
    /// Link to the entry's tree page at the same version.
    pub href: String,
    /// Link to a file's raw bytes at the same version.
    pub raw_href: String,
    /// Link to the log of the patches touching the entry.
    pub log_href: String,
    /// A file's size, for people (empty for directories).
    pub size: String,
    /// The last patch (up to this version) that touched the entry or anything below it.
    pub last: Option<PatchRow>,
}

/// One choice of the version picker.
pub struct PickOption {
    /// The `version` value sent: `head`, a hash or `tag/NAME`.
    pub value: String,
    /// What is shown.
    pub label: String,
    /// The version shown now.
    pub selected: bool,
}

/// The version picker of tree, file and annotate pages: a form sent to `/{repo}/goto`
/// (no script), offering head, the tags and the latest patches.
pub struct Picker {
    /// `/{repo}/goto`.
    pub action: String,
    /// `tree` or `annotate`: the page asked for.
    pub kind: &'static str,
    /// The path, URL-encoded (the target decodes it once more).
    pub path: String,
    /// Head, then the tags, then the latest patches.
    pub head: PickOption,
    /// The tags, newest first (at most 30).
    pub tags: Vec<PickOption>,
    /// The latest patches (10).
    pub recent: Vec<PickOption>,
}

/// Tags and latest patches offered by the picker.
const PICK_TAGS: usize = 30;
const PICK_RECENT: usize = 10;

fn picker(at: &At, kind: &'static str) -> Picker {
    let cur = at.vref.resolve_arg();
    let opt = |value: String, label: String| PickOption { selected: value == cur, value, label };
    let ix = &at.index;
    Picker {
        action: format!("{}/goto", at.links.summary()),
        kind,
        path: url::path(&at.path),
        head: opt("head".into(), "head".into()),
        tags: ix
            .tags
            .iter()
            .take(PICK_TAGS)
            .filter_map(|&i| ix.patches.get(i))
            .filter_map(|m| Some(opt(format!("tag/{}", m.tag.clone()?), format!("tag {}", m.tag.clone()?))))
            .collect(),
        recent: ix
            .patches
            .iter()
            .rev()
            .take(PICK_RECENT)
            .map(|m| opt(m.hash.clone(), format!("{} {}", views::short(&m.hash), url::clip(&m.name, 50))))
            .collect(),
    }
}

/// At head: the patch head is (shown and linked on every page at head).
fn head_patch(at: &At) -> Option<PatchRow> {
    (at.vref == VersionRef::Head).then(|| at.index.patches.last().map(|m| PatchRow::new(&at.links, m))).flatten()
}

#[derive(Template)]
#[template(path = "tree.html")]
struct DirPage {
    chrome: Chrome,
    version: String,
    head: Option<PatchRow>,
    picker: Picker,
    parent: Option<String>,
    rows: Vec<DirRow>,
    log_href: String,
    snapshot_href: String,
    head_href: Option<String>,
    relative_dates: bool,
}

#[derive(Template)]
#[template(path = "blob.html")]
struct FilePage {
    chrome: Chrome,
    name: String,
    version: String,
    head: Option<PatchRow>,
    picker: Picker,
    size: String,
    /// Each line's HTML (escaped, highlighted), shared with the cache.
    lines: Arc<Vec<String>>,
    /// The file rendered (Markdown), when it is shown so.
    rendered: Option<String>,
    /// Link to the other view of a Markdown file (source or rendered).
    other_view: Option<(String, &'static str)>,
    /// Why the content is not shown (binary, too large), if it is not.
    notice: Option<String>,
    raw_href: String,
    /// Annotate is offered for text files within the annotate limit.
    annotate_href: Option<String>,
    log_href: String,
    head_href: Option<String>,
}

/// Whether bytes are shown as text (no NUL byte).
pub fn is_binary(b: &[u8]) -> bool {
    b.contains(&0)
}

/// Split file content into lines the way darcs counts them (a final newline ends the
/// last line; it does not start a new one).
pub fn split_lines(b: &[u8]) -> Vec<&[u8]> {
    if b.is_empty() {
        return Vec::new();
    }
    let b = b.strip_suffix(b"\n").unwrap_or(b);
    b.split(|&c| c == b'\n').collect()
}

/// Each line of a text file as HTML, highlighted when its language is known (by the
/// file's name) and it is small enough (cached by content hash).
pub fn highlighted_lines(name: &[u8], bytes: &[u8]) -> Arc<Vec<String>> {
    highlight::rendered_lines(name, bytes)
}

fn chrome_at(state: &AppState, at: &At, what: &str, crumbs_to_file: bool) -> Chrome {
    let title = if at.path.is_empty() { what.to_string() } else { format!("{} · {what}", display_path(&at.path)) };
    let mut c = Chrome::repo(&state.config.site_title, &at.repo.name, &title, "tree");
    c.crumbs = views::path_crumbs(&at.links, &at.repo.name, &at.vref, &at.path);
    if !crumbs_to_file {
        if let Some(last) = c.crumbs.last_mut() {
            last.href.clear();
        }
    }
    c
}

fn head_href(at: &At, f: fn(&Links, &VersionRef, &Path) -> String) -> Option<String> {
    (at.vref != VersionRef::Head).then(|| f(&at.links, &VersionRef::Head, &at.path))
}

/// What a directory listing shows of its entries beyond their names: for each, a
/// file's size and the last patch touching it (computed once per version and cached).
pub struct ListingInfo {
    /// Per entry, in the directory's order: (size of a file, last touching patch).
    pub entries: Vec<(Option<usize>, Option<usize>)>,
}

async fn listing_info(state: &Arc<AppState>, at: &At, entries: &[(Vec<u8>, bool)]) -> WebResult<Arc<ListingInfo>> {
    let key = FlightKey {
        repo: at.repo.name.clone(),
        state: fingerprint(&at.index),
        applied: at.version.applied,
        path: at.path.clone(),
    };
    let (r, ix, v, dir, entries) = (at.repo.clone(), at.index.clone(), at.version, at.path.clone(), entries.to_vec());
    state
        .listings
        .get(key, move || {
            let names: Vec<Vec<u8>> = entries.iter().map(|(n, _)| n.clone()).collect();
            let last = ix.last_touching(v.applied, &dir, &names).unwrap_or_else(|| vec![None; names.len()]);
            let mut out = Vec::with_capacity(entries.len());
            for ((name, is_dir), last) in entries.iter().zip(last) {
                let size = if *is_dir {
                    None
                } else {
                    let mut p = dir.clone();
                    p.push(name.clone());
                    match r.entry(v, &p).map_err(WebError::from)? {
                        Some(Entry::File(b)) => Some(b.len()),
                        _ => None,
                    }
                };
                out.push((size, last));
            }
            Ok(Arc::new(ListingInfo { entries: out }))
        })
        .await
}

/// `GET /{repo}/tree/{version}/{path}`: a directory listing, or a file shown with line
/// numbers and highlighting (unless binary or larger than the display limit); a
/// Markdown file is rendered (`?source=1` shows its lines).
pub async fn tree(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    if let Some(r) = short_version(&state, &uri, 0).await? {
        return Ok(r);
    }
    let at = locate(&state, &uri, 0).await?;
    let e = entry(&state, &at).await?;
    let cache = cache_for(&at.vref);
    match e {
        Entry::Dir(entries) => {
            let info = listing_info(&state, &at, &entries).await?;
            let rows = entries
                .iter()
                .zip(&info.entries)
                .map(|((name, dir), (size, last))| {
                    let mut p = at.path.clone();
                    p.push(name.clone());
                    DirRow {
                        name: String::from_utf8_lossy(name).into_owned(),
                        dir: *dir,
                        href: at.links.tree(&at.vref, &p),
                        raw_href: at.links.raw(&at.vref, &p),
                        log_href: at.links.log_path(&p),
                        size: size.map(views::size).unwrap_or_default(),
                        last: last.and_then(|i| at.index.patches.get(i)).map(|m| PatchRow::new(&at.links, m)),
                    }
                })
                .collect();
            let parent = (!at.path.is_empty()).then(|| at.links.tree(&at.vref, &at.path[..at.path.len() - 1].to_vec()));
            let page = DirPage {
                chrome: chrome_at(&state, &at, "tree", false),
                version: at.vref.label(),
                head: head_patch(&at),
                picker: picker(&at, "tree"),
                parent,
                rows,
                log_href: at.links.log_path(&at.path),
                snapshot_href: at.links.snapshot(&at.vref),
                head_href: head_href(&at, Links::tree),
                relative_dates: !at.vref.pinned(),
            };
            html(&page, cache)
        }
        Entry::File(bytes) => {
            let max = state.config.limits.max_display_bytes;
            let name = at.path.last().cloned().unwrap_or_default();
            let source = Query::parse(uri.query()).text("source")?.is_some();
            let markdown = super::markdown::is_markdown(&name) && !is_binary(&bytes) && bytes.len() <= max;
            let none = || Arc::new(Vec::new());
            let (lines, notice, rendered) = if bytes.len() > max {
                (
                    none(),
                    Some(format!(
                        "This file is {}, larger than the {} shown here.",
                        views::size(bytes.len()),
                        views::size(max)
                    )),
                    None,
                )
            } else if is_binary(&bytes) {
                (none(), Some(format!("Binary file, {} bytes.", bytes.len())), None)
            } else if markdown && !source {
                let dir = at.path[..at.path.len().saturating_sub(1)].to_vec();
                let html = super::markdown::render(&String::from_utf8_lossy(&bytes), &at.links, &at.vref, &dir);
                (none(), None, Some(html))
            } else {
                (highlighted_lines(&name, &bytes), None, None)
            };
            let here = at.links.tree(&at.vref, &at.path);
            let other_view =
                markdown.then(
                    || {
                        if source {
                            (here.clone(), "rendered")
                        } else {
                            (format!("{here}?source=1"), "source")
                        }
                    },
                );
            let annotatable = !is_binary(&bytes) && bytes.len() <= state.config.limits.max_annotate_bytes;
            let page = FilePage {
                chrome: chrome_at(&state, &at, "file", false),
                name: String::from_utf8_lossy(&name).into_owned(),
                version: at.vref.label(),
                head: head_patch(&at),
                picker: picker(&at, "tree"),
                size: views::size(bytes.len()),
                lines,
                rendered,
                other_view,
                notice,
                raw_href: at.links.raw(&at.vref, &at.path),
                annotate_href: annotatable.then(|| at.links.annotate(&at.vref, &at.path)),
                log_href: at.links.log_path(&at.path),
                head_href: head_href(&at, Links::tree),
            };
            html(&page, cache)
        }
    }
}

/// `GET /{repo}/goto?kind=tree|annotate&version=V&path=P`: where the version picker
/// sends people (a redirect to that page at that version; `P` is URL-encoded).
pub async fn goto(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    let (repo, _index) = open_repo(&state, &uri, 0).await?;
    let q = Query::parse(uri.query());
    let kind = match q.text("kind")?.as_deref() {
        None | Some("tree") => "tree",
        Some("annotate") => "annotate",
        Some(k) => return Err(WebError::BadRequest(format!("kind={:?}: use tree or annotate", url::clip(k, 40)))),
    };
    let version = q.text("version")?.unwrap_or_else(|| "head".into());
    let vref = url::split_version(&url::enc(&version).replacen("%2F", "/", 1))?.0;
    resolve(&repo, &vref).await?;
    let path = url::repo_path(&q.text("path")?.unwrap_or_default()).await?;
    let links = Links::new(&repo.name);
    let to = if kind == "annotate" { links.annotate(&vref, &path) } else { links.tree(&vref, &path) };
    Ok(Redirect::to(&to).into_response())
}

/// Pick an image's content type by its extension, so `<img>` in rendered Markdown shows
/// it; `None` for everything else (served as a download).
fn image_type(name: &[u8]) -> Option<&'static str> {
    let n = String::from_utf8_lossy(name).to_ascii_lowercase();
    let ext = n.rsplit_once('.')?.1.to_string();
    Some(match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        _ => return None,
    })
}

/// `Content-Disposition` for downloading a file named `name`.
pub fn attachment(name: &[u8]) -> HeaderValue {
    let ascii: String =
        name.iter().map(|&b| if b.is_ascii_alphanumeric() || b"._-+".contains(&b) { b as char } else { '_' }).collect();
    let v = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{}", url::seg(name));
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

/// `GET /{repo}/raw/{version}/{path}`: a file's bytes, as UTF-8 text, as an image
/// (PNG, JPEG, GIF, WebP, for Markdown's images) or as a download, sandboxed so that
/// they never run as a page of this site.
pub async fn raw(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    if let Some(r) = short_version(&state, &uri, 0).await? {
        return Ok(r);
    }
    let at = locate(&state, &uri, 0).await?;
    match entry(&state, &at).await? {
        Entry::Dir(_) => Err(WebError::NotFound(format!(
            "{:?} is a directory; raw serves files (see the tree page)",
            display_path(&at.path)
        ))),
        Entry::File(bytes) => {
            let text = !is_binary(&bytes) && std::str::from_utf8(&bytes).is_ok();
            let name = at.path.last().map(|v| v.as_slice()).unwrap_or(b"file");
            let image = if text { None } else { image_type(name) };
            let ctype = match image {
                Some(t) => t,
                None if text => "text/plain; charset=utf-8",
                None => "application/octet-stream",
            };
            let mut r = bytes_response(bytes.as_ref().clone(), ctype, cache_for(&at.vref));
            let h = r.headers_mut();
            h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
            if !text && image.is_none() {
                h.insert(header::CONTENT_DISPOSITION, attachment(name));
            }
            Ok(r)
        }
    }
}

/// Annotate the located file (through the single-flight; refuses binary and huge files).
pub async fn annotation(state: &Arc<AppState>, at: &At) -> WebResult<Arc<Vec<AnnotatedLine>>> {
    match entry(state, at).await? {
        Entry::Dir(_) => {
            return Err(WebError::BadRequest(format!(
                "{:?} is a directory; only files can be annotated",
                display_path(&at.path)
            )))
        }
        Entry::File(b) if b.len() > state.config.limits.max_annotate_bytes => {
            return Err(WebError::TooLarge(format!(
                "this file is {}; files above {} are not annotated",
                views::size(b.len()),
                views::size(state.config.limits.max_annotate_bytes)
            )))
        }
        Entry::File(b) if is_binary(&b) => {
            return Err(WebError::BadRequest("this is a binary file; only text files can be annotated".into()))
        }
        Entry::File(_) => {}
    }
    let key = FlightKey {
        repo: at.repo.name.clone(),
        state: fingerprint(&at.index),
        applied: at.version.applied,
        path: at.path.clone(),
    };
    let (r, v, p) = (at.repo.clone(), at.version, at.path.clone());
    state.annotations.get(key, move || r.annotate(v, &p).map(Arc::new).map_err(WebError::from)).await
}

/// One line of the annotate page.
pub struct AnnLine {
    /// The 1-based line number, also the line's anchor (`#L12`).
    pub no: usize,
    /// The line's HTML: escaped text with syntax classes.
    pub html: String,
    /// Set on the first line of a run of lines from the same patch.
    pub first: bool,
    /// The patch's short hash, or `????????` when the origin is unknown.
    pub short: String,
    /// Tooltip: the patch's name, author and date.
    pub title: String,
    /// Link to the patch, or empty when the origin is unknown.
    pub href: String,
    /// The shading class, 0 (newest patch) to 7 (oldest, or unknown); see [`ages`].
    pub age: usize,
}

#[derive(Template)]
#[template(path = "annotate.html")]
struct AnnotatePage {
    chrome: Chrome,
    version: String,
    head: Option<PatchRow>,
    picker: Picker,
    lines: Vec<AnnLine>,
    file_href: String,
    raw_href: String,
    head_href: Option<String>,
    patches: Vec<PatchRow>,
}

/// Age classes of the patches behind a file's lines: 0 for the newest patch … 7 for
/// the oldest, spread by rank so every file shows its own gradient (unknown: 7).
pub fn ages(lines: &[AnnotatedLine]) -> std::collections::HashMap<Option<usize>, usize> {
    let distinct: std::collections::BTreeSet<usize> = lines.iter().filter_map(|l| l.patch).collect();
    let k = distinct.len();
    let mut m: std::collections::HashMap<Option<usize>, usize> = distinct
        .iter()
        .rev()
        .enumerate()
        .map(|(rank, &p)| (Some(p), if k <= 1 { 0 } else { rank * 7 / (k - 1) }))
        .collect();
    m.insert(None, 7);
    m
}

/// `GET /{repo}/annotate/{version}/{path}`: each line of a text file with the patch that
/// introduced it, shaded by the patch's age, highlighted like the file view.
pub async fn annotate(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    if let Some(r) = short_version(&state, &uri, 0).await? {
        return Ok(r);
    }
    let at = locate(&state, &uri, 0).await?;
    let ann = annotation(&state, &at).await?;
    let age = ages(&ann);
    // the same highlighting as the file view (the annotated lines are the file's lines)
    let mut content = Vec::with_capacity(ann.iter().map(|l| l.line.len() + 1).sum());
    for l in ann.iter() {
        content.extend_from_slice(&l.line);
        content.push(b'\n');
    }
    let shown = highlighted_lines(at.path.last().map(|v| v.as_slice()).unwrap_or(b""), &content);
    let mut lines = Vec::with_capacity(ann.len());
    let mut prev: Option<Option<usize>> = None;
    let mut seen = std::collections::BTreeSet::new();
    for (i, l) in ann.iter().enumerate() {
        let meta = l.patch.and_then(|p| at.index.patches.get(p));
        if let Some(p) = l.patch {
            seen.insert(p);
        }
        lines.push(AnnLine {
            no: i + 1,
            html: shown.get(i).cloned().unwrap_or_default(),
            first: prev != Some(l.patch),
            short: meta.map(|m| views::short(&m.hash)).unwrap_or_else(|| "????????".into()),
            title: meta
                .map(|m| format!("{} — {}, {}", m.name, views::author_name(&m.author), views::date(&m.date)))
                .unwrap_or_else(|| "origin unknown".into()),
            href: meta.map(|m| at.links.patch(&m.hash)).unwrap_or_default(),
            age: age.get(&l.patch).copied().unwrap_or(7),
        });
        prev = Some(l.patch);
    }
    let mut ids: Vec<usize> = seen.into_iter().collect();
    ids.reverse();
    let page = AnnotatePage {
        chrome: chrome_at(&state, &at, "annotate", true),
        version: at.vref.label(),
        head: head_patch(&at),
        picker: picker(&at, "annotate"),
        lines,
        file_href: at.links.tree(&at.vref, &at.path),
        raw_href: at.links.raw(&at.vref, &at.path),
        head_href: head_href(&at, Links::annotate),
        patches: PatchRow::list(&at.links, &at.index, &ids),
    };
    html(&page, cache_for(&at.vref))
}

/// Build the `.tar.gz` of a tree (directories before their children).
pub fn build_tarball(prefix: &str, items: &[(Path, Entry)], mtime: u64, max: u64) -> WebResult<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    let total: u64 = items.iter().map(|(_, e)| if let Entry::File(b) = e { b.len() as u64 } else { 0 }).sum();
    if total > max {
        return Err(WebError::TooLarge(format!(
            "the tree holds {}; snapshots are limited to {}",
            views::size(total as usize),
            views::size(max as usize)
        )));
    }
    // the archive is built in memory: at most the files' bytes, taken from the budget
    let _building = crate::darcs::budget::charge(total).map_err(|b| {
        let m = format!("building the snapshot {}", b);
        if b.never_fits() {
            WebError::TooLarge(m)
        } else {
            WebError::Busy(m)
        }
    })?;
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    let io = |e: std::io::Error| WebError::Internal(format!("cannot build the archive: {e}"));
    let mut root = tar::Header::new_gnu();
    root.set_entry_type(tar::EntryType::Directory);
    root.set_mode(0o755);
    root.set_mtime(mtime);
    root.set_size(0);
    tar.append_data(&mut root, format!("{prefix}/"), std::io::empty()).map_err(io)?;
    for (p, e) in items {
        if p.is_empty() {
            continue;
        }
        let mut name = prefix.as_bytes().to_vec();
        for c in p {
            name.push(b'/');
            name.extend_from_slice(c);
        }
        let mut h = tar::Header::new_gnu();
        h.set_mtime(mtime);
        match e {
            Entry::Dir(_) => {
                name.push(b'/');
                h.set_entry_type(tar::EntryType::Directory);
                h.set_mode(0o755);
                h.set_size(0);
                tar.append_data(&mut h, std::ffi::OsStr::from_bytes(&name), std::io::empty()).map_err(io)?;
            }
            Entry::File(b) => {
                h.set_entry_type(tar::EntryType::Regular);
                h.set_mode(0o644);
                h.set_size(b.len() as u64);
                tar.append_data(&mut h, std::ffi::OsStr::from_bytes(&name), b.as_slice()).map_err(io)?;
            }
        }
    }
    let gz = tar.into_inner().map_err(io)?;
    gz.finish().map_err(io)
}

/// `GET /{repo}/snapshot/{version}.tar.gz`: the whole tree at a version as a gzipped
/// tarball, built once per repository state and cached.
pub async fn snapshot(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    let (repo, index) = open_repo(&state, &uri, 0).await?;
    let rest = after_segments(uri.path(), 2);
    let Some(vpart) = rest.strip_suffix(".tar.gz") else {
        return Err(WebError::NotFound("snapshots are named VERSION.tar.gz (head, a patch hash or tag/NAME)".into()));
    };
    let (vref, extra) = url::split_version(vpart)?;
    if !extra.is_empty() {
        return Err(WebError::NotFound("a snapshot is of a whole version: VERSION.tar.gz".into()));
    }
    let version = resolve(&repo, &vref).await?;
    let label = match &vref {
        VersionRef::Head => index
            .patches
            .get(version.applied.wrapping_sub(1))
            .map(|m| views::short(&m.hash))
            .unwrap_or_else(|| "empty".into()),
        VersionRef::Hash(h) => views::short(h),
        VersionRef::Tag(t) => t.clone(),
    };
    let clean: String = format!("{}-{label}", repo.name)
        .chars()
        .map(|c| if c.is_alphanumeric() || "._-+".contains(c) { c } else { '_' })
        .collect();
    let mtime = index.patches.get(version.applied.wrapping_sub(1)).map(|m| views::date_unix(&m.date)).unwrap_or(0);
    let state_fp = fingerprint(&index);
    let key =
        FlightKey { repo: repo.name.clone(), state: state_fp.clone(), applied: version.applied, path: Vec::new() };
    let (r, prefix, max) = (repo.clone(), clean.clone(), state.config.limits.max_snapshot_bytes);
    let archive = state
        .snapshots
        .get(key, move || {
            let items = r.walk(version)?;
            build_tarball(&prefix, &items, mtime, max).map(Arc::new)
        })
        .await?;
    let mut resp = bytes_response(archive.as_ref().clone(), "application/gzip", cache_for(&vref));
    let h = resp.headers_mut();
    h.insert(header::CONTENT_DISPOSITION, attachment(format!("{clean}.tar.gz").as_bytes()));
    let tag = format!(
        "\"snap-{}\"",
        &hex::encode(<sha1::Sha1 as sha1::Digest>::digest(format!("{state_fp}/{}/{clean}", version.applied)))[..20]
    );
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_like_darcs() {
        assert_eq!(split_lines(b""), Vec::<&[u8]>::new());
        assert_eq!(split_lines(b"a\nb\n"), vec![&b"a"[..], b"b"]);
        assert_eq!(split_lines(b"a\nb"), vec![&b"a"[..], b"b"]);
        assert_eq!(split_lines(b"\n"), vec![&b""[..]]);
        assert!(is_binary(b"a\0b") && !is_binary(b"abc"));
    }

    #[test]
    fn ages_spread_by_rank() {
        let l = |p| AnnotatedLine { line: Vec::new(), patch: p };
        let a = ages(&[l(Some(3)), l(Some(90)), l(Some(50)), l(None), l(Some(3))]);
        assert_eq!((a[&Some(90)], a[&Some(50)], a[&Some(3)], a[&None]), (0, 3, 7, 7));
        assert_eq!(ages(&[l(Some(5))])[&Some(5)], 0);
    }

    #[test]
    fn tarball_lists_dirs_and_files() {
        let items = vec![
            (vec![], Entry::Dir(vec![])),
            (vec![b"d".to_vec()], Entry::Dir(vec![])),
            (vec![b"d".to_vec(), b"f\xff".to_vec()], Entry::File(Arc::new(b"hello\n".to_vec()))),
        ];
        let gz = build_tarball("r-x", &items, 60, 1000).unwrap();
        let mut ar = tar::Archive::new(flate2::read::GzDecoder::new(&gz[..]));
        let names: Vec<Vec<u8>> = ar.entries().unwrap().map(|e| e.unwrap().path_bytes().into_owned()).collect();
        assert_eq!(names, vec![b"r-x/".to_vec(), b"r-x/d/".to_vec(), b"r-x/d/f\xff".to_vec()]);
        assert!(matches!(build_tarball("r", &items, 0, 3), Err(WebError::TooLarge(_))));
    }

    #[test]
    fn attachment_names_are_safe() {
        let v = attachment(b"a\"b\r\n.bin");
        let s = v.to_str().unwrap();
        assert!(s.starts_with("attachment; filename=\"a_b__.bin\""), "{s}");
        assert!(!s.contains('\r'));
    }
}
