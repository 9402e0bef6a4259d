//! `/{repo}/patch/{hash}`: one patch (metadata, conflicts, dependencies, the files it
//! changes with +/- counts, and its diff in one form at a time: unified, side by side,
//! or as darcs recorded it), `/{repo}/patch/{hash}.patch` (darcs' own text form) and
//! `/{repo}/patch/{hash}.diff` (the plain unified diff of `darcs diff --hash`).
//! A unique hash prefix of at least 6 digits redirects to the full hash; an ambiguous one
//! lists the candidates. A patch page never walks the history.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect};

use super::error::WebError;
use super::flight::blocking;
use super::highlight::{self, render_line, word_marks, Highlighted};
use super::layers::{IMMUTABLE, NO_STORE, PATCH_PAGE};
use super::url::{self, Query, VersionRef};
use super::views::{self, Chrome, Links, PatchRow};
use super::{bytes_response, html, open_repo, AppState, WebResult};
use crate::darcs::prim::{display_path, Path, Prim};
use crate::repo::conflicts::Recorded;
use crate::repo::diff::{self, FileDiff, Op, Pairing, PatchDiff, Status};
use crate::repo::lookup::{is_prefix, Prefix};
use crate::repo::{Index, PatchDetail};

/// A file diff with more rows than this is shown on its own page (linked).
pub const LARGE_FILE_ROWS: usize = 1500;
/// Above this many rows in all, a patch's files are shown collapsed.
pub const COLLAPSE_ROWS: usize = 1000;

/// Which form of a patch a URL asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The page (`/patch/{hash}`).
    Page,
    /// darcs' own text (`.patch`).
    Raw,
    /// The plain unified diff (`.diff`).
    Diff,
}

/// What the hash segment of a patch URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatchRef {
    /// The patch at this position, in this form.
    Found(usize, Form),
    /// A unique prefix: the same URL with this full hash.
    Redirect(String),
    /// An ambiguous prefix: the candidates, newest first.
    Ambiguous(Vec<usize>),
}

/// Read the raw hash segment of a patch URL (`HASH`, `HASH.patch`, `HASH.diff`, or a
/// prefix of at least 6 hex digits of any of those).
pub fn patch_ref(index: &Index, raw: &str) -> WebResult<PatchRef> {
    let seg = url::decode_text(raw, "patch hash")?;
    let (hash, form) = if let Some(h) = seg.strip_suffix(".patch") {
        (h.to_string(), Form::Raw)
    } else if let Some(h) = seg.strip_suffix(".diff") {
        (h.to_string(), Form::Diff)
    } else {
        (seg, Form::Page)
    };
    if url::is_hash(&hash) {
        let i = index
            .by_hash(&hash)
            .ok_or_else(|| WebError::NotFound(format!("there is no patch {hash} in this repository")))?;
        return Ok(PatchRef::Found(i, form));
    }
    if is_prefix(&hash) {
        return match index.by_prefix(&hash) {
            Prefix::One(i) => {
                let suffix = match form {
                    Form::Page => "",
                    Form::Raw => ".patch",
                    Form::Diff => ".diff",
                };
                Ok(PatchRef::Redirect(format!("{}{suffix}", index.patches[i].hash)))
            }
            Prefix::Many(v) => Ok(PatchRef::Ambiguous(v)),
            Prefix::None => {
                Err(WebError::NotFound(format!("no patch of this repository has a hash starting with {hash}")))
            }
        };
    }
    Err(WebError::BadRequest(format!(
        "{:?} is not a patch hash (40 hexadecimal digits, or at least the first {})",
        url::clip(&hash, 80),
        crate::repo::lookup::MIN_PREFIX
    )))
}

/// The URL `uri` with its segment number `seg` replaced by `with` (query kept): where a
/// hash prefix redirects.
pub fn replace_segment(uri: &Uri, seg: usize, with: &str) -> String {
    let mut parts: Vec<&str> = url::raw_segments(uri.path());
    if let Some(p) = parts.get_mut(seg) {
        *p = with;
    }
    let q = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
    format!("/{}{q}", parts.join("/"))
}

#[derive(Template)]
#[template(path = "ambiguous.html")]
struct AmbiguousPage {
    chrome: Chrome,
    prefix: String,
    patches: Vec<PatchRow>,
}

/// The answer to an ambiguous prefix: 300 Multiple Choices listing the candidates.
pub fn ambiguous(state: &AppState, repo: &str, index: &Index, prefix: &str, ids: &[usize]) -> WebResult {
    let links = Links::new(repo);
    let page = AmbiguousPage {
        chrome: Chrome::repo(&state.config.site_title, repo, "ambiguous hash", "log"),
        prefix: prefix.to_string(),
        patches: PatchRow::list(&links, index, ids),
    };
    let mut r = html(&page, NO_STORE)?;
    *r.status_mut() = StatusCode::MULTIPLE_CHOICES;
    Ok(r)
}

/// A line of the recorded form with its CSS class (`add`, `del`, `phead`, `ctx`, `dep`).
pub struct RecordedLine {
    /// The line's class.
    pub class: &'static str,
    /// The line as `darcs log -v` prints it.
    pub text: String,
}

/// The recorded lines as darcs prints them, classed for colour.
pub fn recorded_lines(r: &Recorded) -> Vec<RecordedLine> {
    r.lines
        .iter()
        .map(|l| {
            let text = String::from_utf8_lossy(l).into_owned();
            let class = match l.first() {
                Some(b'+') => "add",
                Some(b'-') => "del",
                Some(b'|') => "ctx",
                _ if text.starts_with("depend ") || text.starts_with("  * ") => "dep",
                _ if text.starts_with("conflictor")
                    || text.starts_with("duplicate")
                    || text.starts_with("rotcilfnoc")
                    || text.starts_with("etacilpud")
                    || text.starts_with("merger")
                    || text.starts_with("regrem")
                    || text.starts_with("}}")
                    || text == "]"
                    || text == ")" =>
                {
                    "conf"
                }
                _ => "phead",
            };
            RecordedLine { class, text }
        })
        .collect()
}

/// A primitive as darcs shows it: a header line and its body lines.
pub fn show_prim(p: &Prim) -> (String, Vec<(&'static str, String)>, Option<&Path>) {
    let dpath = |p: &Path| format!("./{}", display_path(p));
    let lossy = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    match p {
        Prim::Hunk { path, line, old, new } => {
            let mut lines: Vec<(&'static str, String)> =
                old.iter().map(|l| ("del", format!("-{}", lossy(l)))).collect();
            lines.extend(new.iter().map(|l| ("add", format!("+{}", lossy(l)))));
            (format!("hunk {} {line}", dpath(path)), lines, Some(path))
        }
        Prim::AddFile(p) => (format!("addfile {}", dpath(p)), vec![], Some(p)),
        Prim::RmFile(p) => (format!("rmfile {}", dpath(p)), vec![], None),
        Prim::AddDir(p) => (format!("adddir {}", dpath(p)), vec![], Some(p)),
        Prim::RmDir(p) => (format!("rmdir {}", dpath(p)), vec![], None),
        Prim::Move { from, to } => (format!("move {} {}", dpath(from), dpath(to)), vec![], Some(to)),
        Prim::Replace { path, tokchars, old, new } => {
            (format!("replace {} [{}] {} {}", dpath(path), lossy(tokchars), lossy(old), lossy(new)), vec![], Some(path))
        }
        Prim::Binary { path, old, new } => (
            format!("binary {}", dpath(path)),
            vec![("del", format!("-{}", views::size(old.len()))), ("add", format!("+{}", views::size(new.len())))],
            Some(path),
        ),
        Prim::ChangePref { name, old, new } => {
            (format!("changepref {}", lossy(name)), vec![("del", lossy(old)), ("add", lossy(new))], None)
        }
    }
}

/// One row of a unified diff.
pub struct UniRow {
    /// `c` context, `a` added, `d` removed, `h` hunk header.
    pub class: &'static str,
    /// The old line number, or empty.
    pub old_no: String,
    /// The new line number, or empty.
    pub new_no: String,
    /// The line's HTML (escaped; syntax classes and word-level `<mark>`s), prefixed by
    /// its `+`, `-` or space; for a header, `@@ … @@` and the enclosing function.
    pub html: String,
}

/// One row of a side-by-side diff (`hunk` rows span both sides).
pub struct SbsRow {
    /// A hunk header row: its HTML is in `left`.
    pub hunk: bool,
    /// The old line's number, or empty.
    pub left_no: String,
    /// The old line's HTML, or empty.
    pub left: String,
    /// `del`, `ctx`, or `none` when there is no line.
    pub left_class: &'static str,
    /// The new line's number, or empty.
    pub right_no: String,
    /// The new line's HTML, or empty.
    pub right: String,
    /// `add`, `ctx`, or `none`.
    pub right_class: &'static str,
}

/// One file of the patch: its summary line and (when shown inline) its diff.
pub struct FileView {
    /// Its element id (`f0`, `f1`, …): the summary links to it.
    pub anchor: String,
    /// The path after the patch (before, for a removed file).
    pub path: String,
    /// For a moved file, its old path.
    pub old_path: Option<String>,
    /// `added`, `removed`, `modified` or `moved`.
    pub status: &'static str,
    /// `A`, `D`, `M` or `R`.
    pub mark: &'static str,
    /// Lines added.
    pub added: usize,
    /// Lines removed.
    pub removed: usize,
    /// Five squares: `a` (added), `d` (removed) or `n` (neither), like a diffstat bar.
    pub bar: Vec<&'static str>,
    /// A binary file: no lines.
    pub binary: bool,
    /// Moved with its content unchanged.
    pub unchanged: bool,
    /// Rows of the diff (hunk headers included).
    pub rows_count: usize,
    /// Shown expanded (`<details open>`).
    pub open: bool,
    /// Too large (or past the page's budget): the diff is on its own page, here.
    pub own_page: Option<String>,
    /// The rendered rows (unified or side by side, as the view asks) when the file is
    /// inline; shared with the patch's cache.
    pub rows: Arc<Rows>,
    /// The file in the tree right after the patch (`None` when removed).
    pub href: Option<String>,
    /// Annotate of the file just before the patch (`None` for new and binary files).
    pub annotate_before: Option<String>,
}

fn bar(added: usize, removed: usize) -> Vec<&'static str> {
    let total = added + removed;
    if total == 0 {
        return vec!["n"; 5];
    }
    let mut a = (added * 5 + total / 2) / total;
    if added > 0 && a == 0 {
        a = 1;
    }
    if removed > 0 && a == 5 {
        a = 4;
    }
    let d = if removed > 0 { 5 - a } else { 0 };
    let mut v = vec!["a"; a];
    v.extend(std::iter::repeat_n("d", d));
    v.extend(std::iter::repeat_n("n", 5 - a - d));
    v
}

/// The rows of a file's diff, in one form: unified rows, or side-by-side rows.
pub fn diff_rows(f: &FileDiff, split: bool) -> (Vec<UniRow>, Vec<SbsRow>) {
    let name = |p: &Option<Path>| p.as_ref().and_then(|p| p.last().cloned()).unwrap_or_default();
    let hl_old = f.old_path.as_ref().and_then(|_| highlight::highlight(&name(&f.old_path), &f.old));
    let hl_new = f.new_path.as_ref().and_then(|_| highlight::highlight(&name(&f.new_path), &f.new));
    let a = diff::lines(&f.old);
    let b = diff::lines(&f.new);
    let text = |v: &[&[u8]], i: Option<u32>| -> String {
        i.and_then(|i| v.get(i as usize))
            .map(|l| String::from_utf8_lossy(diff::strip_nl(l)).into_owned())
            .unwrap_or_default()
    };
    let runs = |h: &Option<Arc<Highlighted>>, i: Option<u32>| -> Option<Vec<(u32, u8)>> {
        h.as_ref().and_then(|h| h.lines.get(i? as usize).cloned())
    };
    let no = |i: Option<u32>| i.map(|i| (i + 1).to_string()).unwrap_or_default();
    let mut uni = Vec::new();
    let mut sbs = Vec::new();
    for h in &f.hunks {
        let mut head = String::new();
        highlight::escape_into(&mut head, &h.header());
        if let Some(func) = &h.function {
            head.push_str(" <span class=\"fn\">");
            highlight::escape_into(&mut head, func);
            head.push_str("</span>");
        }
        if split {
            sbs.push(SbsRow {
                hunk: true,
                left_no: String::new(),
                left: head,
                left_class: "none",
                right_no: String::new(),
                right: String::new(),
                right_class: "none",
            });
        } else {
            uni.push(UniRow { class: "h", old_no: String::new(), new_no: String::new(), html: head });
        }
        let mut k = 0;
        while k < h.lines.len() {
            let l = h.lines[k];
            if l.op == Op::Context {
                let t = text(&a, l.old);
                let html = render_line(&t, runs(&hl_old, l.old).as_deref(), &[]);
                if split {
                    sbs.push(SbsRow {
                        hunk: false,
                        left_no: no(l.old),
                        left: html.clone(),
                        left_class: "ctx",
                        right_no: no(l.new),
                        right: html,
                        right_class: "ctx",
                    });
                } else {
                    uni.push(UniRow { class: "c", old_no: no(l.old), new_no: no(l.new), html: format!(" {html}") });
                }
                k += 1;
                continue;
            }
            let dels: Vec<_> = h.lines[k..].iter().take_while(|l| l.op == Op::Removed).copied().collect();
            k += dels.len();
            let adds: Vec<_> = h.lines[k..].iter().take_while(|l| l.op == Op::Added).copied().collect();
            k += adds.len();
            let dtext: Vec<String> = dels.iter().map(|l| text(&a, l.old)).collect();
            let atext: Vec<String> = adds.iter().map(|l| text(&b, l.new)).collect();
            let mut dmarks = vec![Vec::new(); dels.len()];
            let mut amarks = vec![Vec::new(); adds.len()];
            for j in 0..dels.len().min(adds.len()) {
                (dmarks[j], amarks[j]) = word_marks(&dtext[j], &atext[j]);
            }
            let dhtml: Vec<String> = dels
                .iter()
                .enumerate()
                .map(|(j, l)| render_line(&dtext[j], runs(&hl_old, l.old).as_deref(), &dmarks[j]))
                .collect();
            let ahtml: Vec<String> = adds
                .iter()
                .enumerate()
                .map(|(j, l)| render_line(&atext[j], runs(&hl_new, l.new).as_deref(), &amarks[j]))
                .collect();
            if split {
                for j in 0..dels.len().max(adds.len()) {
                    let mut r = SbsRow {
                        hunk: false,
                        left_no: String::new(),
                        left: String::new(),
                        left_class: "none",
                        right_no: String::new(),
                        right: String::new(),
                        right_class: "none",
                    };
                    if let Some(d) = dels.get(j) {
                        (r.left_no, r.left, r.left_class) = (no(d.old), dhtml[j].clone(), "del");
                    }
                    if let Some(a) = adds.get(j) {
                        (r.right_no, r.right, r.right_class) = (no(a.new), ahtml[j].clone(), "add");
                    }
                    sbs.push(r);
                }
            } else {
                for (j, d) in dels.iter().enumerate() {
                    uni.push(UniRow {
                        class: "d",
                        old_no: no(d.old),
                        new_no: String::new(),
                        html: format!("-{}", dhtml[j]),
                    });
                }
                for (j, a) in adds.iter().enumerate() {
                    uni.push(UniRow {
                        class: "a",
                        old_no: String::new(),
                        new_no: no(a.new),
                        html: format!("+{}", ahtml[j]),
                    });
                }
            }
        }
    }
    (uni, sbs)
}

/// A file's rendered diff: unified rows, or side-by-side rows (the other is empty).
pub type Rows = (Vec<UniRow>, Vec<SbsRow>);

/// The diff's rows of a file, hunk headers included (what it costs to show).
pub fn row_count(f: &FileDiff) -> usize {
    f.hunks.iter().map(|h| h.lines.len() + 1).sum()
}

/// Which form of the diff a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Unified (the default).
    Unified,
    /// Side by side.
    Split,
    /// The prims and conflictors as darcs recorded them.
    Recorded,
}

impl View {
    fn parse(q: Option<&str>) -> WebResult<View> {
        match q {
            None | Some("unified") => Ok(View::Unified),
            Some("split") => Ok(View::Split),
            Some("recorded") => Ok(View::Recorded),
            Some(other) => {
                Err(WebError::BadRequest(format!("view={:?}: use unified, split or recorded", url::clip(other, 40))))
            }
        }
    }
    fn word(self) -> &'static str {
        match self {
            View::Unified => "unified",
            View::Split => "split",
            View::Recorded => "recorded",
        }
    }
}

/// A link to one form of the diff.
pub struct ViewLink {
    /// What it shows.
    pub label: &'static str,
    /// Where.
    pub href: String,
    /// The form shown now.
    pub current: bool,
}

#[derive(Template)]
#[template(path = "patch.html")]
struct PatchPage {
    chrome: Chrome,
    meta: PatchRow,
    description: String,
    tree_href: String,
    raw_href: String,
    diff_href: String,
    prev: Option<PatchRow>,
    next: Option<PatchRow>,
    conflicted: bool,
    conflicts_with: Vec<PatchRow>,
    duplicates: Vec<PatchRow>,
    conflict_error: Option<String>,
    is_tag: bool,
    deps: Vec<PatchRow>,
    dependents: Vec<PatchRow>,
    explicit: Vec<PatchRow>,
    deps_error: Option<String>,
    unsupported: Option<String>,
    files: Vec<FileView>,
    total_added: usize,
    total_removed: usize,
    views: Vec<ViewLink>,
    view: &'static str,
    recorded: Vec<RecordedLine>,
    recorded_cut: bool,
    diff_error: Option<String>,
    has_changes: bool,
    single: Option<String>,
    whole_href: String,
}

/// Everything the patch page and its JSON twin need, computed on the blocking pool.
pub struct PatchData {
    /// The patch's position in the repository's order.
    pub index: usize,
    /// Metadata, prims, summary and raw text, from the repository layer.
    pub detail: Arc<PatchDetail>,
    /// The diff between the trees before and after the patch, moves followed, or why it
    /// cannot be shown (kept as a value: the page still shows everything else).
    pub diff: Result<Arc<PatchDiff>, WebError>,
    /// The recorded form and the patches it conflicts with.
    pub recorded: Result<Arc<Recorded>, WebError>,
    /// Rendered rows by (file, side by side), kept so a warm page only prints them.
    pub rendered: std::sync::Mutex<std::collections::HashMap<(usize, bool), Arc<Rows>>>,
}

/// How long a patch page waits for the repository's dependency graph before it is shown
/// without it (the graph is computed once per history, in the background), when the
/// page's request started that computation, of a short history ([`crate::repo::DepsWait::IfStarting`]).
pub const DEPS_WAIT_PAGE: std::time::Duration = std::time::Duration::from_millis(500);

/// How far a dependency graph being computed got, for the pages and the API.
pub fn graph_progress(done: usize, total: usize) -> String {
    format!("{} of the {total} patches done", done.min(total))
}

/// The patch's (dependencies, dependents), or `Err(done)` while the graph is being
/// computed (`done`: the patches whose dependencies are known so far). Not part of
/// [`PatchData`]: dependents grow as patches arrive.
pub async fn deps(
    repo: &Arc<crate::repo::Repo>,
    i: usize,
    wait: crate::repo::DepsWait,
) -> WebResult<Result<(Vec<usize>, Vec<usize>), usize>> {
    let r = repo.clone();
    blocking(move || match r.dependencies_within(i, wait) {
        Ok(Some(d)) => Ok(Ok(d)),
        // still computing: how many patches are done
        Ok(None) => Ok(Err(r.deps_progress())),
        Err(e) => Err(WebError::from(e)),
    })
    .await
}

/// Load the patch, its diff and its recorded form (never the whole history), through
/// the single-flight cache (a patch never changes under its hash).
pub async fn load(
    state: &Arc<AppState>,
    repo: &Arc<crate::repo::Repo>,
    index: &Index,
    i: usize,
) -> WebResult<Arc<PatchData>> {
    let key =
        super::FlightKey { repo: repo.name.clone(), state: super::fingerprint(index), applied: i, path: Vec::new() };
    let r = repo.clone();
    state
        .patches
        .get(key, move || {
            let detail = r.patch(i)?;
            let diff = r.tree_diff(i, Pairing::FollowMoves).map(Arc::new).map_err(WebError::from);
            let recorded = r.recorded(i).map(Arc::new).map_err(WebError::from);
            // a core worker that died is worth another try: not kept as this patch's data
            for e in [diff.as_ref().err(), recorded.as_ref().err()].into_iter().flatten() {
                if let WebError::Unavailable(_) = e {
                    return Err(e.clone());
                }
            }
            Ok(Arc::new(PatchData { index: i, detail, diff, recorded, rendered: Default::default() }))
        })
        .await
}

/// The memory a cached [`PatchData`] holds, roughly.
pub fn weight(d: &Arc<PatchData>) -> usize {
    let diff: usize = match &d.diff {
        Ok(pd) => pd
            .files
            .iter()
            .map(|f| f.old.len() + f.new.len() + 256 + f.hunks.iter().map(|h| 64 + h.lines.len() * 12).sum::<usize>())
            .sum(),
        Err(_) => 0,
    };
    let recorded: usize = match &d.recorded {
        Ok(r) => r.lines.iter().map(|l| l.len() + 24).sum(),
        Err(_) => 0,
    };
    let prims: usize = d
        .detail
        .prims
        .iter()
        .map(|p| match p {
            Prim::Hunk { old, new, .. } => old.iter().chain(new).map(|l| l.len() + 24).sum::<usize>() + 64,
            Prim::Binary { old, new, .. } => old.len() + new.len() + 64,
            _ => 128,
        })
        .sum();
    1024 + d.detail.raw.len() + diff + recorded + prims
}

/// The `diff` timestamp of a patch date (`YYYYMMDDHHMMSS`): `YYYY-MM-DD HH:MM:SS.000000000 +0000`.
fn diff_stamp(d: &str) -> String {
    if d.len() == 14 && d.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}-{} {}:{}:{}.000000000 +0000", &d[0..4], &d[4..6], &d[6..8], &d[8..10], &d[10..12], &d[12..14])
    } else {
        "1970-01-01 00:00:00.000000000 +0000".into()
    }
}

/// `GET /{repo}/patch/{hash}`: the patch page (`?view=unified|split|recorded`,
/// `?file=PATH` for one file's whole diff); `{hash}.patch`: the patch file as darcs stores
/// it, decompressed; `{hash}.diff`: the unified diff of `darcs diff --hash`.
pub async fn patch(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    let (repo, index) = open_repo(&state, &uri, 0).await?;
    let raw_seg = url::raw_segments(uri.path()).get(2).copied().unwrap_or("");
    let (i, form) = match patch_ref(&index, raw_seg)? {
        PatchRef::Found(i, f) => (i, f),
        PatchRef::Redirect(full) => return Ok(Redirect::to(&replace_segment(&uri, 2, &full)).into_response()),
        PatchRef::Ambiguous(ids) => return ambiguous(&state, &repo.name, &index, raw_seg, &ids),
    };
    match form {
        Form::Raw => {
            let r = repo.clone();
            let detail = blocking(move || r.patch(i).map_err(WebError::from)).await?;
            return Ok(bytes_response(detail.raw.as_ref().clone(), "text/plain; charset=utf-8", IMMUTABLE));
        }
        Form::Diff => {
            let r = repo.clone();
            let body = blocking(move || {
                let detail = r.patch(i).map_err(WebError::from)?;
                let d = r.tree_diff(i, Pairing::SamePath).map_err(WebError::from)?;
                let header =
                    match crate::darcs::info::PatchInfo::parse_at(&detail.raw, 0, std::path::Path::new("patch")) {
                        Ok((info, _)) => crate::darcs::render::header_lines(&info),
                        Err(_) => Vec::new(),
                    };
                Ok(diff::render_unified(&header, &r.name, &d, &diff_stamp(&detail.meta.date)))
            })
            .await?;
            let mut resp = bytes_response(body, "text/plain; charset=utf-8", IMMUTABLE);
            resp.headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; sandbox"));
            return Ok(resp);
        }
        Form::Page => {}
    }
    let query = Query::parse(uri.query());
    let view = View::parse(query.text("view")?.as_deref())?;
    let single = query.path("file").await?;
    let data = load(&state, &repo, &index, i).await?;
    let links = Links::new(&repo.name);
    let m = &data.detail.meta;
    let v = VersionRef::Hash(m.hash.clone());
    let prev_v = i.checked_sub(1).and_then(|j| index.patches.get(j)).map(|p| VersionRef::Hash(p.hash.clone()));
    let page_href = links.patch(&m.hash);
    let view_href = |w: View, file: Option<&Path>| {
        let mut q = Vec::new();
        if w != View::Unified {
            q.push(format!("view={}", w.word()));
        }
        if let Some(f) = file {
            q.push(format!("file={}", url::path(f)));
        }
        if q.is_empty() {
            page_href.clone()
        } else {
            format!("{page_href}?{}", q.join("&"))
        }
    };
    // the diff, one form, with a budget of rows for the page
    let limit = state.config.limits.max_patch_lines;
    let (mut files, diff_error) = match &data.diff {
        Ok(d) => (
            Vec::new(),
            if single.is_some() && !d.files.iter().any(|f| Some(f.path()) == single.as_ref()) {
                Some("this patch does not change that file".to_string())
            } else {
                None
            },
        ),
        Err(e) => (Vec::new(), Some(e.message())),
    };
    let (mut total_added, mut total_removed) = (0, 0);
    if let Ok(d) = &data.diff {
        let total_rows: usize = d.files.iter().map(row_count).sum();
        let collapse = total_rows > COLLAPSE_ROWS && single.is_none();
        let mut budget = limit;
        for (k, f) in d.files.iter().enumerate() {
            total_added += f.added;
            total_removed += f.removed;
            if let Some(s) = &single {
                if f.path() != s {
                    continue;
                }
            }
            let rows = row_count(f);
            let inline = view != View::Recorded && (single.is_some() || (rows <= LARGE_FILE_ROWS && rows <= budget));
            let rows_shown: Arc<Rows> = if inline {
                let key = (k, view == View::Split);
                let hit = data.rendered.lock().unwrap_or_else(|e| e.into_inner()).get(&key).cloned();
                match hit {
                    Some(r) => r,
                    None => {
                        let r = Arc::new(diff_rows(f, view == View::Split));
                        // kept within the page's budget only (a file's own page is not kept)
                        if single.is_none() {
                            data.rendered.lock().unwrap_or_else(|e| e.into_inner()).insert(key, r.clone());
                        }
                        r
                    }
                }
            } else {
                Arc::new((Vec::new(), Vec::new()))
            };
            if inline && single.is_none() {
                budget -= rows;
            }
            let (mark, status) = match f.status {
                Status::Added => ("A", "added"),
                Status::Removed => ("D", "removed"),
                Status::Modified => ("M", "modified"),
                Status::Renamed => ("R", "moved"),
            };
            files.push(FileView {
                anchor: format!("f{k}"),
                path: display_path(f.path()),
                old_path: (f.status == Status::Renamed).then(|| f.old_path.as_ref().map(display_path)).flatten(),
                status,
                mark,
                added: f.added,
                removed: f.removed,
                bar: bar(f.added, f.removed),
                binary: f.binary,
                unchanged: !f.binary && f.hunks.is_empty(),
                rows_count: rows,
                open: !collapse,
                own_page: (!inline && view != View::Recorded && !f.binary && rows > 0)
                    .then(|| view_href(view, Some(f.path()))),
                rows: rows_shown,
                href: f.new_path.as_ref().map(|p| links.tree(&v, p)),
                annotate_before: match (&prev_v, &f.old_path) {
                    (Some(pv), Some(op)) if !diff::is_binary(&f.old) => Some(links.annotate(pv, op)),
                    _ => None,
                },
            });
        }
    }
    // the recorded form
    let (recorded, recorded_cut, conflicted, conflicts_with, duplicates, conflict_error) = match &data.recorded {
        Ok(r) => {
            let mut lines = if view == View::Recorded { recorded_lines(r) } else { Vec::new() };
            let cut = lines.len() > limit;
            lines.truncate(limit);
            (
                lines,
                cut,
                r.conflicted,
                PatchRow::list(&links, &index, &r.conflicts_with),
                PatchRow::list(&links, &index, &r.duplicates),
                None,
            )
        }
        Err(e) => (Vec::new(), false, false, Vec::new(), Vec::new(), Some(e.message())),
    };
    // a page missing what the server could not afford to compute is not cached
    let mut uncacheable = [data.diff.as_ref().err(), data.recorded.as_ref().err()]
        .into_iter()
        .flatten()
        .any(|e| matches!(e, WebError::TooExpensive(_)));
    let (deps, dependents, deps_error, cache) =
        match self::deps(&repo, i, crate::repo::DepsWait::IfStarting(DEPS_WAIT_PAGE)).await {
            Ok(Ok((d, r))) => {
                (PatchRow::list(&links, &index, &d), PatchRow::list(&links, &index, &r), None, PATCH_PAGE)
            }
            Ok(Err(done)) => (
                Vec::new(),
                Vec::new(),
                Some(format!(
                    "the verified core is still computing the dependencies ({}); reload in a moment",
                    graph_progress(done, index.patches.len())
                )),
                NO_STORE,
            ),
            Err(e) => {
                uncacheable |= matches!(e, WebError::TooExpensive(_) | WebError::Unavailable(_));
                (Vec::new(), Vec::new(), Some(e.message()), PATCH_PAGE)
            }
        };
    let cache = if uncacheable { NO_STORE } else { cache };
    let is_tag = m.tag.is_some();
    let has_changes = !files.is_empty()
        || diff_error.is_some()
        || (!is_tag && data.detail.prims.iter().any(|p| !matches!(p, Prim::AddDir(_) | Prim::RmDir(_))));
    let views = [("unified", View::Unified), ("side by side", View::Split), ("as recorded", View::Recorded)]
        .into_iter()
        .map(|(label, w)| ViewLink { label, href: view_href(w, single.as_ref()), current: w == view })
        .collect();
    let page = PatchPage {
        chrome: Chrome::repo(&state.config.site_title, &repo.name, &m.name, "log"),
        meta: PatchRow::new(&links, m),
        description: m.description.clone(),
        tree_href: links.tree(&v, &Vec::new()),
        raw_href: links.patch_raw(&m.hash),
        diff_href: links.patch_diff(&m.hash),
        prev: i.checked_sub(1).and_then(|j| index.patches.get(j)).map(|p| PatchRow::new(&links, p)),
        next: index.patches.get(i + 1).map(|p| PatchRow::new(&links, p)),
        conflicted,
        conflicts_with,
        duplicates,
        conflict_error,
        is_tag,
        deps,
        dependents,
        explicit: PatchRow::list(&links, &index, &data.detail.explicit_deps),
        deps_error,
        unsupported: data.detail.unsupported.clone(),
        total_added,
        total_removed,
        files,
        views,
        view: view.word(),
        recorded,
        recorded_cut,
        diff_error,
        has_changes,
        single: single.as_ref().map(display_path),
        whole_href: view_href(view, None),
    };
    html(&page, cache)
}

/// A redirect or the candidates for a prefix in an API or tree URL (`seg` = the
/// segment holding it).
pub fn prefix_answer(state: &AppState, uri: &Uri, seg: usize, repo: &str, index: &Index, prefix: &str) -> WebResult {
    match index.by_prefix(prefix) {
        Prefix::One(i) => Ok(Redirect::to(&replace_segment(uri, seg, &index.patches[i].hash)).into_response()),
        Prefix::Many(ids) => ambiguous(state, repo, index, prefix, &ids),
        Prefix::None => {
            Err(WebError::NotFound(format!("no patch of this repository has a hash starting with {prefix}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_have_five_squares() {
        assert_eq!(bar(0, 0), vec!["n"; 5]);
        assert_eq!(bar(10, 0), vec!["a"; 5]);
        assert_eq!(bar(0, 3), vec!["d"; 5]);
        assert_eq!(bar(1, 100), vec!["a", "d", "d", "d", "d"]);
        assert_eq!(bar(100, 1), vec!["a", "a", "a", "a", "d"]);
        assert_eq!(bar(5, 5).len(), 5);
    }

    #[test]
    fn rows_pair_words_and_number_lines() {
        let old = b"int f(void)\n{\n  a = 1;\n  b = 2;\n}\n".to_vec();
        let new = b"int f(void)\n{\n  a = 10;\n  b = 2;\n}\n".to_vec();
        let f = FileDiff {
            old_path: Some(vec![b"x.c".to_vec()]),
            new_path: Some(vec![b"x.c".to_vec()]),
            status: Status::Modified,
            hunks: diff::hunks(&old, &new),
            old: Arc::new(old),
            new: Arc::new(new),
            binary: false,
            added: 1,
            removed: 1,
        };
        let (uni, _) = diff_rows(&f, false);
        assert_eq!(uni[0].class, "h");
        assert!(uni[0].html.starts_with("@@ -1,5 +1,5 @@"), "{}", uni[0].html);
        let del = uni.iter().find(|r| r.class == "d").unwrap();
        let add = uni.iter().find(|r| r.class == "a").unwrap();
        assert_eq!((del.old_no.as_str(), add.new_no.as_str()), ("3", "3"));
        assert!(del.html.contains("<mark>") && add.html.contains("<mark>"), "{} / {}", del.html, add.html);
        let (_, sbs) = diff_rows(&f, true);
        assert!(sbs.iter().any(|r| r.left_class == "del" && r.right_class == "add"));
    }

    #[test]
    fn prims_display_like_darcs() {
        let p = Prim::Hunk {
            path: vec![b"d".to_vec(), b"f g".to_vec()],
            line: 3,
            old: vec![b"x".to_vec()],
            new: vec![b"y".to_vec()],
        };
        let (h, l, _) = show_prim(&p);
        assert_eq!(h, "hunk ./d/f g 3");
        assert_eq!(l, vec![("del", "-x".to_string()), ("add", "+y".to_string())]);
    }

    #[test]
    fn prefixes_redirect_within_the_url() {
        let uri: Uri = "/r/patch/abcdef12.diff?view=split".parse().unwrap();
        assert_eq!(replace_segment(&uri, 2, "X.diff"), "/r/patch/X.diff?view=split");
    }
}
