//! `/{repo}/log?page=N&q=TEXT&path=P` (50 patches a page, newest first, searchable,
//! restricted to a path) and `/{repo}/atom[?path=P]` (the latest 30 patches).

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::Uri;

use super::error::WebError;
use super::flight::blocking;
use super::layers::SHORT;
use super::url::{self, Query};
use super::views::{self, Chrome, Links, PatchRow};
use super::{bytes_response, html, open_repo, AppState, WebResult};
use crate::darcs::prim::display_path;

/// Patches per log page.
pub const PER_PAGE: usize = 50;
/// Entries of the Atom feed.
pub const FEED_ENTRIES: usize = 30;

#[derive(Template)]
#[template(path = "log.html")]
struct LogPage {
    chrome: Chrome,
    action: String,
    q: String,
    path: String,
    path_href: String,
    total: usize,
    page: usize,
    pages: usize,
    first: usize,
    last: usize,
    patches: Vec<PatchRow>,
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
        path_href: path.as_ref().map(|p| links.tree(&url::VersionRef::Head, p)).unwrap_or_default(),
        total,
        page,
        pages,
        first: if total == 0 { 0 } else { (page - 1) * PER_PAGE + 1 },
        last: ((page - 1) * PER_PAGE + ids.len()),
        patches: PatchRow::list(&links, &index, &ids),
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
