//! `/{repo}/log?page=N&q=TEXT&path=P` (50 patches a page, newest first, searchable,
//! restricted to a path; each patch with its files and lines changed, the first line of
//! its comment, a relative date and a conflict mark; search matches highlighted) and
//! `/{repo}/atom[?path=P]` (the latest 30 patches).

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::Uri;

use super::error::WebError;
use super::flight::blocking;
use super::layers::SHORT;
use super::url::{self, Query};
use super::views::{self, Chrome, Links, PatchRow};
use super::{bytes_response, fingerprint, html, open_repo, AppState, FlightKey, WebResult};
use crate::darcs::prim::display_path;

/// Patches per log page.
pub const PER_PAGE: usize = 50;
/// Entries of the Atom feed.
pub const FEED_ENTRIES: usize = 30;

/// One patch of the log.
pub struct LogRow {
    /// The patch's row (name, author, dates, link).
    pub p: PatchRow,
    /// The name as HTML, the search match in `<mark>`.
    pub name_html: String,
    /// The author's name as HTML, likewise.
    pub author_html: String,
    /// The first line of the comment (empty when there is none).
    pub first_line: String,
    /// When the search matched only in the comment: the matching line, as HTML.
    pub comment_match: Option<String>,
    /// Paths touched ("3 files"), lines added, lines removed (as `darcs log --summary`
    /// counts them); `None` when the patch file cannot be read.
    pub counts: Option<(String, usize, usize)>,
    /// Some lines were added or removed.
    pub lines_changed: bool,
    /// darcs marks a path of this patch conflicted.
    pub conflicted: bool,
}

/// `text` escaped, with the first case-insensitive occurrence of `q` in `<mark>`
/// (`None`: it does not occur).
pub fn mark_match(text: &str, q: &str) -> Option<String> {
    if q.is_empty() {
        return None;
    }
    let lower = text.to_lowercase();
    let ql = q.to_lowercase();
    // lower-casing can change lengths outside ASCII: then mark nothing rather than guess
    let at = lower.find(&ql)?;
    let mut out = String::new();
    if lower.len() != text.len() || !text.is_char_boundary(at) || !text.is_char_boundary(at + ql.len()) {
        super::highlight::escape_into(&mut out, text);
        return Some(out);
    }
    super::highlight::escape_into(&mut out, &text[..at]);
    out.push_str("<mark>");
    super::highlight::escape_into(&mut out, &text[at..at + ql.len()]);
    out.push_str("</mark>");
    super::highlight::escape_into(&mut out, &text[at + ql.len()..]);
    Some(out)
}

fn escaped(text: &str) -> String {
    let mut out = String::new();
    super::highlight::escape_into(&mut out, text);
    out
}

/// The log row of patch `i`, its search match marked.
/// What a log row shows of a patch's file: paths touched, lines added and removed, and
/// whether darcs marks a path conflicted (computed once per page and cached).
pub type Counts = Option<(usize, usize, usize, bool)>;

fn counts_of(d: &crate::repo::PatchDetail) -> Counts {
    Some((
        d.touched.len(),
        d.touched.iter().map(|t| t.added_lines).sum(),
        d.touched.iter().map(|t| t.removed_lines).sum(),
        d.touched.iter().any(|t| t.conflict),
    ))
}

fn log_row(links: &Links, index: &crate::repo::Index, counts: Counts, i: usize, q: &str) -> Option<LogRow> {
    let m = index.patches.get(i)?;
    let p = PatchRow::new(links, m);
    // a tag shows its name after a `tag` badge
    let shown_name = m.tag.clone().unwrap_or_else(|| m.name.clone());
    let name_html = mark_match(&shown_name, q);
    let author_html = mark_match(&p.author, q);
    let comment_match = if name_html.is_none() && author_html.is_none() && !q.is_empty() {
        m.description.lines().find_map(|l| mark_match(l, q))
    } else {
        None
    };
    let conflicted = counts.is_some_and(|c| c.3);
    let counts = counts.map(|(n, a, d, _)| (format!("{n} file{}", if n == 1 { "" } else { "s" }), a, d));
    let lines_changed = counts.as_ref().is_some_and(|c| c.1 + c.2 > 0);
    Some(LogRow {
        name_html: name_html.unwrap_or_else(|| escaped(&shown_name)),
        author_html: author_html.unwrap_or_else(|| escaped(&p.author)),
        first_line: m.description.lines().find(|l| !l.trim().is_empty()).unwrap_or("").to_string(),
        comment_match,
        counts,
        lines_changed,
        conflicted,
        p,
    })
}

#[derive(Template)]
#[template(path = "log.html")]
struct LogPage {
    chrome: Chrome,
    action: String,
    q: String,
    path: String,
    path_href: Option<String>,
    total: usize,
    page: usize,
    pages: usize,
    first: usize,
    last: usize,
    patches: Vec<LogRow>,
    prev: Option<String>,
    next: Option<String>,
}

fn log_href(links: &Links, page: usize, q: &str, path: &str) -> String {
    let mut parts = Vec::new();
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    if !q.is_empty() {
        parts.push(format!("q={}", url::enc(q)));
    }
    if !path.is_empty() {
        parts.push(format!("path={path}"));
    }
    if parts.is_empty() {
        links.log()
    } else {
        format!("{}?{}", links.log(), parts.join("&"))
    }
}

/// `GET /{repo}/log`: a page of [`PER_PAGE`] patches, newest first, filtered by `?q=`
/// (a substring of name, author, comment or hash) and `?path=` (patches touching it).
pub async fn log(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    let (repo, index) = open_repo(&state, &uri, 0).await?;
    let query = Query::parse(uri.query());
    let page = query.number("page", 1, 1, 1_000_000)?;
    let q = query.text("q")?;
    let path = query.path("path").await?;
    let ix = index.clone();
    let (q2, p2) = (q.clone(), path.clone());
    let (ids, total) =
        blocking(move || Ok(ix.log((page - 1) * PER_PAGE, PER_PAGE, q2.as_deref(), p2.as_ref()))).await?;
    let pages = total.div_ceil(PER_PAGE).max(1);
    if page > pages {
        return Err(WebError::NotFound(format!("page {page} does not exist: this log has {pages} page(s)")));
    }
    let links = Links::new(&repo.name);
    let qs = q.clone().unwrap_or_default();
    let path_enc = path.as_ref().map(url::path).unwrap_or_default();
    // the rows' counts (read from the patch files once per page and repository state)
    let key = FlightKey {
        repo: repo.name.clone(),
        state: format!("{}\n{qs}\n{path_enc}", fingerprint(&index)),
        applied: page,
        path: Vec::new(),
    };
    let (r, ids2) = (repo.clone(), ids.clone());
    let counts = state
        .log_counts
        .get(key, move || {
            let details = r.details(&ids2).map_err(WebError::from)?;
            Ok(Arc::new(details.iter().map(|d| d.as_ref().ok().and_then(|d| counts_of(d))).collect::<Vec<Counts>>()))
        })
        .await?;
    let rows: Vec<LogRow> = ids
        .iter()
        .enumerate()
        .filter_map(|(k, &i)| log_row(&links, &index, counts.get(k).copied().flatten(), i, &qs))
        .collect();
    // where the path's heading links: the path at head, or, for a path gone since, the
    // last version that had it
    let (r, ix, p3, l2) = (repo.clone(), index.clone(), path.clone(), links.clone());
    let path_href = if path.is_none() {
        None
    } else {
        blocking(move || {
            let href = match &p3 {
                None => None,
                Some(p) => {
                    if r.entry(ix.head(), p).ok().flatten().is_some() {
                        Some(l2.tree(&url::VersionRef::Head, p))
                    } else {
                        // the newest patch touching it removed or moved it: the version before
                        let (newest, _) = ix.log(0, 1, None, Some(p));
                        newest.first().and_then(|&j| {
                            let v = crate::repo::Version { applied: j };
                            let before = j.checked_sub(1).and_then(|k| ix.patches.get(k))?;
                            r.entry(v, p).ok().flatten()?;
                            Some(l2.tree(&url::VersionRef::Hash(before.hash.clone()), p))
                        })
                    }
                }
            };
            Ok(href)
        })
        .await?
    };
    let title = match &path {
        Some(p) => format!("log of {}", display_path(p)),
        None => "log".to_string(),
    };
    let mut chrome = Chrome::repo(&state.config.site_title, &repo.name, &title, "log");
    if let Some(p) = &path {
        chrome.feed = Some(format!("{}?path={}", links.atom(), url::path(p)));
    }
    let page_view = LogPage {
        chrome,
        action: links.log(),
        q: qs.clone(),
        path: path.as_ref().map(display_path).unwrap_or_default(),
        path_href,
        total,
        page,
        pages,
        first: if total == 0 { 0 } else { (page - 1) * PER_PAGE + 1 },
        last: ((page - 1) * PER_PAGE + ids.len()),
        patches: rows,
        prev: (page > 1).then(|| log_href(&links, page - 1, &qs, &path_enc)),
        next: (page < pages).then(|| log_href(&links, page + 1, &qs, &path_enc)),
    };
    html(&page_view, SHORT)
}

/// One entry of the feed.
pub struct FeedEntry {
    /// `urn:darcs:patch:HASH`: stable whatever the server's address.
    pub id: String,
    /// The patch's name.
    pub title: String,
    /// The author's name without the address.
    pub author: String,
    /// The patch's date in RFC 3339 (UTC).
    pub updated: String,
    /// Absolute link to the patch page (relative when no base URL is configured).
    pub href: String,
    /// The patch's description (its log without `Ignore-this:`); omitted when empty.
    pub content: String,
}

#[derive(Template)]
#[template(path = "atom.xml")]
struct Feed {
    title: String,
    id: String,
    self_href: String,
    alt_href: String,
    updated: String,
    entries: Vec<FeedEntry>,
}

/// Drop the characters XML 1.0 cannot carry (control characters other than tab and newlines).
pub fn xml_text(s: &str) -> String {
    views::visible(s).chars().filter(|&c| c != '\u{FFFE}' && c != '\u{FFFF}').collect()
}

/// `GET /{repo}/atom`: an Atom feed of the latest [`FEED_ENTRIES`] patches, of those
/// touching `?path=` when given.
pub async fn atom(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    let (repo, index) = open_repo(&state, &uri, 0).await?;
    let query = Query::parse(uri.query());
    let path = query.path("path").await?;
    let ix = index.clone();
    let p2 = path.clone();
    let (ids, _) = blocking(move || Ok(ix.log(0, FEED_ENTRIES, None, p2.as_ref()))).await?;
    let links = Links::new(&repo.name);
    let base = state.config.base_url.clone().unwrap_or_default();
    let entries: Vec<FeedEntry> = ids
        .iter()
        .filter_map(|&i| index.patches.get(i))
        .map(|m| FeedEntry {
            id: format!("urn:darcs:patch:{}", m.hash),
            title: xml_text(&m.name),
            author: xml_text(&views::author_name(&m.author)),
            updated: views::date_rfc3339(&m.date),
            href: format!("{base}{}", links.patch(&m.hash)),
            content: xml_text(&m.description),
        })
        .collect();
    let updated = entries.iter().map(|e| e.updated.clone()).max().unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let (title, self_href) = match &path {
        Some(p) => (
            xml_text(&format!("{}: {} · {}", state.config.site_title, repo.name, display_path(p))),
            format!("{base}{}?path={}", links.atom(), url::path(p)),
        ),
        None => (xml_text(&format!("{}: {}", state.config.site_title, repo.name)), format!("{base}{}", links.atom())),
    };
    let feed = Feed {
        title,
        id: format!(
            "urn:darcs:repository:{}{}",
            url::enc(&repo.name),
            path.as_ref().map(|p| format!(":{}", url::path(p))).unwrap_or_default()
        ),
        alt_href: format!("{base}{}", links.log_path(path.as_ref().unwrap_or(&Vec::new()))),
        self_href,
        updated,
        entries,
    };
    let body = views::visible(&askama::Template::render(&feed)?).into_owned();
    Ok(bytes_response(body, "application/atom+xml; charset=utf-8", SHORT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_are_marked_and_escaped() {
        assert_eq!(mark_match("Fix <b> in Parser", "parser").as_deref(), Some("Fix &lt;b&gt; in <mark>Parser</mark>"));
        assert_eq!(mark_match("abc", "x"), None);
        assert_eq!(mark_match("abc", ""), None);
    }
}
