//! `/{repo}`: description, clone command, latest patches, tags and the README at head;
//! `/{repo}/tags`.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::Uri;
use axum::response::{IntoResponse, Redirect};

use super::flight::blocking;
use super::layers::SHORT;
use super::views::{Chrome, Links, PatchRow};
use super::{html, open_repo, AppState, WebResult};
use crate::repo::Entry;

/// README file names looked for at the root, in order.
const READMES: [&str; 4] = ["README", "README.md", "README.txt", "readme.md"];
/// Longest README shown on the summary.
const README_MAX: usize = 256 * 1024;

#[derive(Template)]
#[template(path = "summary.html")]
struct SummaryPage {
    chrome: Chrome,
    description: String,
    clone_cmd: String,
    patch_count: usize,
    recent: Vec<PatchRow>,
    tags: Vec<PatchRow>,
    more_tags: bool,
    log_href: String,
    tags_href: String,
    snapshot_href: String,
    readme_name: String,
    readme: Option<String>,
    readme_href: String,
}

/// `/{repo}/` → `/{repo}`.
pub async fn slash(uri: Uri) -> impl IntoResponse {
    let p = uri.path().trim_end_matches('/');
    Redirect::permanent(if p.is_empty() { "/" } else { p })
}

/// The clone command shown to users.
pub fn clone_command(base: Option<&str>, links: &Links) -> String {
    format!("darcs clone {}{}", base.unwrap_or("http://HOST"), links.summary())
}

pub async fn summary(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    let (repo, index) = open_repo(&state, &uri, 0).await?;
    let links = Links::new(&repo.name);
    let r = repo.clone();
    let ix = index.clone();
    let (description, readme) = blocking(move || {
        let description = r.description();
        let head = ix.head();
        let mut readme = None;
        for name in READMES {
            if let Ok(Some(Entry::File(bytes))) = r.entry(head, &vec![name.as_bytes().to_vec()]) {
                let shown = &bytes[..bytes.len().min(README_MAX)];
                let mut text = String::from_utf8_lossy(shown).into_owned();
                if bytes.len() > README_MAX {
                    text.push_str("\n…");
                }
                readme = Some((name.to_string(), text));
                break;
            }
        }
        Ok((description, readme))
    })
    .await?;
    let n = index.patches.len();
    let recent: Vec<usize> = (0..n).rev().take(10).collect();
    let tags: Vec<usize> = index.tags.iter().copied().take(10).collect();
    let (readme_name, readme) = match readme {
        Some((n, t)) => (n, Some(t)),
        None => (String::new(), None),
    };
    let page = SummaryPage {
        chrome: Chrome::repo(&state.config.site_title, &repo.name, "summary", "summary"),
        description,
        clone_cmd: clone_command(state.config.base_url.as_deref(), &links),
        patch_count: n,
        recent: PatchRow::list(&links, &index, &recent),
        tags: PatchRow::list(&links, &index, &tags),
        more_tags: index.tags.len() > 10,
        log_href: links.log(),
        tags_href: links.tags(),
        snapshot_href: links.snapshot(&super::url::VersionRef::Head),
        readme_href: links.tree(&super::url::VersionRef::Head, &vec![readme_name.as_bytes().to_vec()]),
        readme_name,
        readme,
    };
    html(&page, SHORT)
}

/// One tag of the tags page.
pub struct TagRow {
    pub tag: String,
    pub patch: PatchRow,
    pub tree_href: String,
    pub snapshot_href: String,
}

#[derive(Template)]
#[template(path = "tags.html")]
struct TagsPage {
    chrome: Chrome,
    tags: Vec<TagRow>,
}

pub async fn tags(State(state): State<Arc<AppState>>, uri: Uri) -> WebResult {
    let (repo, index) = open_repo(&state, &uri, 0).await?;
    let links = Links::new(&repo.name);
    let tags = index
        .tags
        .iter()
        .filter_map(|&i| index.patches.get(i))
        .map(|m| {
            let v = super::url::VersionRef::Hash(m.hash.clone());
            TagRow {
                tag: m.tag.clone().unwrap_or_else(|| m.name.clone()),
                patch: PatchRow::new(&links, m),
                tree_href: links.tree(&v, &Vec::new()),
                snapshot_href: links.snapshot(&v),
            }
        })
        .collect();
    html(&TagsPage { chrome: Chrome::repo(&state.config.site_title, &repo.name, "tags", "tags"), tags }, SHORT)
}
