//! `/`: the repositories, with description, last change and patch count; `?q=` filters.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::Uri;

use super::error::WebError;
use super::flight::blocking;
use super::layers::SHORT;
use super::url::Query;
use super::views::{self, Chrome, Links};
use super::{html, AppState, WebResult};

/// One repository of the list.
pub struct RepoRow {
    /// The repository's name (its directory's, with a suffix when two are alike).
    pub name: String,
    /// Link to its summary page.
    pub href: String,
    /// The first non-blank line of `_darcs/prefs/motd`, or empty.
    pub description: String,
    /// How many patches it has (0 when it could not be read).
    pub patches: usize,
    /// Date of the most recently recorded patch (`YYYY-MM-DD HH:MM`), or empty.
    pub last_date: String,
    /// Name of that patch, or empty.
    pub last_name: String,
    /// Link to that patch, or empty.
    pub last_href: String,
    /// Why the repository could not be read, if it could not.
    pub error: Option<String>,
}

/// The facts about every repository (blocking: builds indexes on first use).
pub fn repo_rows(state: &AppState, q: Option<&str>) -> Vec<RepoRow> {
    let q = q.map(|q| q.to_lowercase());
    state
        .registry
        .list()
        .into_iter()
        .filter_map(|r| {
            let description = r.description();
            if let Some(q) = &q {
                if !r.name.to_lowercase().contains(q) && !description.to_lowercase().contains(q) {
                    return None;
                }
            }
            let links = Links::new(&r.name);
            let mut row = RepoRow {
                name: r.name.clone(),
                href: links.summary(),
                description,
                patches: 0,
                last_date: String::new(),
                last_name: String::new(),
                last_href: String::new(),
                error: None,
            };
            match r.index() {
                Ok(ix) => {
                    row.patches = ix.patches.len();
                    if let Some(m) = ix.patches.iter().max_by(|a, b| a.date.cmp(&b.date)) {
                        row.last_date = views::date(&m.date);
                        row.last_name = m.name.clone();
                        row.last_href = links.patch(&m.hash);
                    }
                }
                Err(e) => row.error = Some(WebError::from(e).message()),
            }
            Some(row)
        })
        .collect()
}

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage {
    chrome: Chrome,
    q: String,
    repos: Vec<RepoRow>,
    total: usize,
}

/// `GET /`: the repository list, filtered by `?q=` (a case-insensitive substring of name
/// or description).
pub async fn index(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    let query = Query::parse(uri.query());
    let q = query.text("q")?;
    let s = state.clone();
    let q2 = q.clone();
    let (repos, total) = blocking(move || Ok((repo_rows(&s, q2.as_deref()), s.registry.list().len()))).await?;
    let mut chrome = Chrome::plain("Repositories");
    chrome.site = state.config.site_title.clone();
    html(&IndexPage { chrome, q: q.unwrap_or_default(), repos, total }, SHORT)
}
