//! `/{repo}/patch/{hash}`: one patch (metadata, touched paths, darcs' primitives, a
//! coloured unified or side-by-side diff, dependencies) and `/{repo}/patch/{hash}.patch`
//! (darcs' own text form). A patch page never walks the history.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::Uri;

use super::error::WebError;
use super::flight::blocking;
use super::layers::{IMMUTABLE, NO_STORE, PATCH_PAGE};
use super::url::{self, VersionRef};
use super::views::{self, Chrome, Links, PatchRow};
use super::{bytes_response, html, open_repo, AppState, WebResult};
use crate::darcs::prim::{display_path, Path, Prim};
use crate::repo::{DiffLine, FileDiff, Index, PatchDetail};

/// The patch named by raw segment `i` of the URL: `(index, wants the raw form)`.
pub fn patch_index(index: &Index, raw: &str) -> WebResult<(usize, bool)> {
    let seg = url::decode_text(raw, "patch hash")?;
    let (hash, raw_form) = match seg.strip_suffix(".patch") {
        Some(h) => (h.to_string(), true),
        None => (seg, false),
    };
    if !url::is_hash(&hash) {
        return Err(WebError::BadRequest(format!(
            "{:?} is not a patch hash (40 lowercase hexadecimal digits)",
            url::clip(&hash, 80)
        )));
    }
    let i = index
        .by_hash(&hash)
        .ok_or_else(|| WebError::NotFound(format!("there is no patch {hash} in this repository")))?;
    Ok((i, raw_form))
}

/// A primitive as darcs shows it: a header line and its body lines.
pub struct PrimView {
    /// darcs' header line, e.g. `hunk ./src/a.c 12`.
    pub header: String,
    /// `(class, text)`: class `del`, `add` or `ctx`.
    pub lines: Vec<(&'static str, String)>,
    /// Link to the touched path in the tree at this patch; `None` when the patch removes it.
    pub path_href: Option<String>,
}

fn dpath(p: &Path) -> String {
    format!("./{}", display_path(p))
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// darcs' display form of a primitive (as `darcs log -v` prints it).
pub fn show_prim(p: &Prim) -> (String, Vec<(&'static str, String)>, Option<&Path>) {
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
    /// The row's CSS class: `add`, `del`, `ctx` or `hunk`.
    pub class: &'static str,
    /// The line's number in the old file, or empty (added lines, hunk headers).
    pub old_no: String,
    /// The line's number in the new file, or empty (removed lines, hunk headers).
    pub new_no: String,
    /// The line prefixed by its `+`, `-` or space, or the `@@ … @@` header as is.
    pub text: String,
}

/// One row of a side-by-side diff (`hunk` rows span both sides).
pub struct SbsRow {
    /// A hunk header row; its text is in `left`, the other fields are empty.
    pub hunk: bool,
    /// The old line's number, or empty.
    pub left_no: String,
    /// The old line (a removed or context line), or empty.
    pub left: String,
    /// The old side's CSS class: `del`, `ctx`, or `none` when there is no line.
    pub left_class: &'static str,
    /// The new line's number, or empty.
    pub right_no: String,
    /// The new line (an added or context line), or empty.
    pub right: String,
    /// The new side's CSS class: `add`, `ctx`, or `none` when there is no line.
    pub right_class: &'static str,
}

/// The diff of one file.
pub struct FileView {
    /// The file's path, as darcs displays it.
    pub path: String,
    /// The element id the file's heading links to (`f0`, `f1`, …).
    pub anchor: String,
    /// `added`, `removed`, `modified` or `moved from OLD`.
    pub change: String,
    /// A binary file: no lines are shown.
    pub binary: bool,
    /// The unified diff's rows (cut to the page's line budget).
    pub unified: Vec<UniRow>,
    /// The same lines paired side by side.
    pub sbs: Vec<SbsRow>,
    /// Link to the file in the tree at this patch; `None` when the patch removes it.
    pub href: Option<String>,
}

fn no(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn class(op: char) -> &'static str {
    match op {
        '+' => "add",
        '-' => "del",
        '@' => "hunk",
        _ => "ctx",
    }
}

/// Pair the lines of a unified diff into side-by-side rows.
pub fn side_by_side(lines: &[DiffLine]) -> Vec<SbsRow> {
    let mut rows = Vec::new();
    let mut i = 0;
    let empty = |hunk| SbsRow {
        hunk,
        left_no: String::new(),
        left: String::new(),
        left_class: "none",
        right_no: String::new(),
        right: String::new(),
        right_class: "none",
    };
    while i < lines.len() {
        let l = &lines[i];
        match l.op {
            '@' => {
                let mut r = empty(true);
                r.left = l.text.clone();
                rows.push(r);
                i += 1;
            }
            '-' | '+' => {
                let dels: Vec<&DiffLine> = lines[i..].iter().take_while(|l| l.op == '-').collect();
                i += dels.len();
                let adds: Vec<&DiffLine> = lines[i..].iter().take_while(|l| l.op == '+').collect();
                i += adds.len();
                for k in 0..dels.len().max(adds.len()) {
                    let mut r = empty(false);
                    if let Some(d) = dels.get(k) {
                        (r.left_no, r.left, r.left_class) = (no(d.old_no), d.text.clone(), "del");
                    }
                    if let Some(a) = adds.get(k) {
                        (r.right_no, r.right, r.right_class) = (no(a.new_no), a.text.clone(), "add");
                    }
                    rows.push(r);
                }
            }
            _ => {
                rows.push(SbsRow {
                    hunk: false,
                    left_no: no(l.old_no),
                    left: l.text.clone(),
                    left_class: "ctx",
                    right_no: no(l.new_no),
                    right: l.text.clone(),
                    right_class: "ctx",
                });
                i += 1;
            }
        }
    }
    rows
}

/// The view of a file's diff, cutting after `budget` lines (decremented).
pub fn file_view(d: &FileDiff, k: usize, budget: &mut usize, links: &Links, v: &VersionRef) -> FileView {
    let take = d.lines.len().min(*budget);
    *budget -= take;
    let lines = &d.lines[..take];
    let change = match (&d.old_path, &d.new_path) {
        (None, Some(_)) => "added".to_string(),
        (Some(_), None) => "removed".to_string(),
        (Some(a), Some(b)) if a != b => format!("moved from {a}"),
        _ => "modified".to_string(),
    };
    FileView {
        path: d.path.clone(),
        anchor: format!("f{k}"),
        change,
        binary: d.binary,
        unified: lines
            .iter()
            .map(|l| UniRow {
                class: class(l.op),
                old_no: if l.op == '@' { String::new() } else { no(l.old_no) },
                new_no: if l.op == '@' { String::new() } else { no(l.new_no) },
                text: if l.op == '@' { l.text.clone() } else { format!("{}{}", l.op, l.text) },
            })
            .collect(),
        sbs: side_by_side(lines),
        href: d.new_path.as_ref().map(|_| links.tree(v, &d.raw_path)),
    }
}

/// A touched path for the summary list: the repository's record and its one-letter mark.
pub struct TouchedView {
    /// `A` added, `D` removed, `R` moved, `P` preference, `M` modified.
    pub mark: &'static str,
    /// The path's record, as `darcs log --summary` gives it.
    pub of: crate::repo::Touched,
}

#[derive(Template)]
#[template(path = "patch.html")]
struct PatchPage {
    chrome: Chrome,
    meta: PatchRow,
    description: String,
    tree_href: String,
    raw_href: String,
    touched: Vec<TouchedView>,
    prims: Vec<PrimView>,
    prims_cut: bool,
    files: Vec<FileView>,
    diff_error: Option<String>,
    diff_cut: bool,
    deps: Vec<PatchRow>,
    dependents: Vec<PatchRow>,
    explicit: Vec<PatchRow>,
    deps_error: Option<String>,
    unsupported: Option<String>,
}

/// Everything the patch page and its JSON twin need, computed on the blocking pool.
pub struct PatchData {
    /// The patch's position in the repository's order.
    pub index: usize,
    /// Metadata, prims, summary and raw text, from the repository layer.
    pub detail: Arc<PatchDetail>,
    /// The per-file diff (hunks from the patch, context from the tree before it), or why
    /// it cannot be shown (kept as a value: the page still shows everything else).
    pub diff: Result<Vec<FileDiff>, WebError>,
}

/// How long a patch page waits for the repository's dependency graph before it is shown
/// without it (the graph is computed once per history, in the background).
pub const DEPS_WAIT_PAGE: std::time::Duration = std::time::Duration::from_millis(500);

/// The patch's (dependencies, dependents), or `Ok(None)` while the graph is being
/// computed. Not part of [`PatchData`]: dependents grow as patches arrive.
pub async fn deps(
    repo: &Arc<crate::repo::Repo>,
    i: usize,
    wait: std::time::Duration,
) -> WebResult<Option<(Vec<usize>, Vec<usize>)>> {
    let r = repo.clone();
    blocking(move || r.dependencies_within(i, wait).map_err(WebError::from)).await
}

/// Load the patch and its diff (never the whole history),
/// through the single-flight cache (a patch never changes under its hash).
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
            let diff = r.diff(i).map_err(WebError::from);
            // a core worker that died is worth another try: not kept as this patch's diff
            if let Err(e @ WebError::Unavailable(_)) = &diff {
                return Err(e.clone());
            }
            Ok(Arc::new(PatchData { index: i, detail, diff }))
        })
        .await
}

/// The memory a cached [`PatchData`] holds, roughly.
pub fn weight(d: &Arc<PatchData>) -> usize {
    let diff: usize = match &d.diff {
        Ok(files) => {
            files.iter().map(|f| f.path.len() + f.lines.iter().map(|l| l.text.len() + 32).sum::<usize>()).sum()
        }
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
    1024 + d.detail.raw.len() + diff + prims
}

/// `GET /{repo}/patch/{hash}`: the patch page; `GET /{repo}/patch/{hash}.patch`: the
/// patch file as darcs stores it, decompressed.
pub async fn patch(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    let (repo, index) = open_repo(&state, &uri, 0).await?;
    let raw_seg = url::raw_segments(uri.path()).get(2).copied().unwrap_or("");
    let (i, raw_form) = patch_index(&index, raw_seg)?;
    if raw_form {
        let r = repo.clone();
        let detail = blocking(move || r.patch(i).map_err(WebError::from)).await?;
        return Ok(bytes_response(detail.raw.as_ref().clone(), "text/plain; charset=utf-8", IMMUTABLE));
    }
    let data = load(&state, &repo, &index, i).await?;
    let links = Links::new(&repo.name);
    let m = &data.detail.meta;
    let v = VersionRef::Hash(m.hash.clone());
    let mut budget = state.config.limits.max_patch_lines;
    let mut prims = Vec::new();
    let mut prims_cut = false;
    for p in &data.detail.prims {
        let (header, mut lines, path) = show_prim(p);
        // paths the patch removes get no link to the tree at its version
        let path = path.filter(|q| data.detail.exists_after(q));
        if lines.len() > budget {
            lines.truncate(budget);
            prims_cut = true;
        }
        budget -= lines.len();
        prims.push(PrimView { header, lines, path_href: path.map(|p| links.tree(&v, p)) });
        if budget == 0 {
            prims_cut = true;
            break;
        }
    }
    // a page missing what the server could not afford to compute is not cached
    let mut uncacheable = matches!(data.diff, Err(WebError::TooExpensive(_)));
    let mut dbudget = state.config.limits.max_patch_lines;
    let (files, diff_error, diff_cut) = match &data.diff {
        Ok(d) => {
            let total: usize = d.iter().map(|f| f.lines.len()).sum();
            (
                d.iter().enumerate().map(|(k, f)| file_view(f, k, &mut dbudget, &links, &v)).collect(),
                None,
                total > state.config.limits.max_patch_lines,
            )
        }
        Err(e) => (Vec::new(), Some(e.message()), false),
    };
    let (deps, dependents, deps_error, cache) = match self::deps(&repo, i, DEPS_WAIT_PAGE).await {
        Ok(Some((d, r))) => (PatchRow::list(&links, &index, &d), PatchRow::list(&links, &index, &r), None, PATCH_PAGE),
        Ok(None) => (
            Vec::new(),
            Vec::new(),
            Some(format!(
                "the verified core is still computing the dependencies of the {} patches; reload in a moment",
                index.patches.len()
            )),
            NO_STORE,
        ),
        Err(e) => {
            uncacheable |= matches!(e, WebError::TooExpensive(_) | WebError::Unavailable(_));
            (Vec::new(), Vec::new(), Some(e.message()), PATCH_PAGE)
        }
    };
    let cache = if uncacheable { NO_STORE } else { cache };
    let touched = data
        .detail
        .touched
        .iter()
        .map(|t| TouchedView {
            mark: match t.kind {
                "add_file" | "add_directory" => "A",
                "remove_file" | "remove_directory" => "D",
                "move" => "R",
                "changepref" => "P",
                _ => "M",
            },
            of: t.clone(),
        })
        .collect();
    let page = PatchPage {
        chrome: Chrome::repo(&state.config.site_title, &repo.name, &m.name, "log"),
        meta: PatchRow::new(&links, m),
        description: m.description.clone(),
        tree_href: links.tree(&v, &Vec::new()),
        raw_href: links.patch_raw(&m.hash),
        touched,
        prims,
        prims_cut,
        files,
        diff_error,
        diff_cut,
        deps,
        dependents,
        explicit: PatchRow::list(&links, &index, &data.detail.explicit_deps),
        deps_error,
        unsupported: data.detail.unsupported.clone(),
    };
    html(&page, cache)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(op: char, o: Option<u32>, n: Option<u32>, t: &str) -> DiffLine {
        DiffLine { op, old_no: o, new_no: n, text: t.into() }
    }

    #[test]
    fn side_by_side_pairs_runs() {
        let lines = vec![
            dl('@', None, None, "@@ -1,3 +1,3 @@"),
            dl(' ', Some(1), Some(1), "a"),
            dl('-', Some(2), None, "b"),
            dl('-', Some(3), None, "c"),
            dl('+', None, Some(2), "B"),
        ];
        let rows = side_by_side(&lines);
        assert_eq!(rows.len(), 4);
        assert!(rows[0].hunk);
        assert_eq!((rows[1].left.as_str(), rows[1].right.as_str()), ("a", "a"));
        assert_eq!((rows[2].left.as_str(), rows[2].right.as_str()), ("b", "B"));
        assert_eq!((rows[3].left.as_str(), rows[3].right_class), ("c", "none"));
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
        let (h, _, _) = show_prim(&Prim::Move { from: vec![b"a".to_vec()], to: vec![b"b".to_vec()] });
        assert_eq!(h, "move ./a ./b");
        let (h, _, _) = show_prim(&Prim::Replace {
            path: vec![b"f".to_vec()],
            tokchars: b"A-Za-z_0-9".to_vec(),
            old: b"x".to_vec(),
            new: b"y".to_vec(),
        });
        assert_eq!(h, "replace ./f [A-Za-z_0-9] x y");
    }
}
