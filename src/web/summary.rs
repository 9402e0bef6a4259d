//! `/{repo}`: description, clone command, latest patches, tags and the README at head;
//! `/{repo}/tags`.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap, Uri};
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
    /// The README rendered from Markdown (sanitised HTML), when it is Markdown.
    readme_html: Option<String>,
    readme_href: String,
    readme_source_href: String,
    head: Option<PatchRow>,
    /// The run-time check of the head: its state (a CSS class) and a sentence.
    head_state: &'static str,
    head_check: String,
}

/// `/{repo}/` → `/{repo}`.
pub async fn slash(uri: Uri) -> impl IntoResponse {
    let p = uri.path().trim_end_matches('/');
    Redirect::permanent(if p.is_empty() { "/" } else { p })
}

/// The clone command shown to users: the configured base URL, else the `Host` the
/// request was sent to.
pub fn clone_command(base: Option<&str>, host: Option<&str>, links: &Links) -> String {
    let base = match (base, host) {
        (Some(b), _) => b.to_string(),
        (None, Some(h)) if !h.is_empty() && h.bytes().all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b)) => {
            format!("http://{h}")
        }
        _ => "http://HOST".to_string(),
    };
    format!("darcs clone {base}{}", links.summary())
}

/// `GET /{repo}`: the summary page (description, clone command, the latest 10 patches
/// and tags, and the README at head).
pub async fn summary(State(state): State<Arc<AppState>>, uri: Uri, headers: HeaderMap) -> WebResult {
    let (repo, index) = open_repo(&state, &uri, 0).await?;
    let links = Links::new(&repo.name);
    let r = repo.clone();
    let ix = index.clone();
    let (description, readme, check) = blocking(move || {
        let description = r.description();
        let check = r.head_check()?;
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
        Ok((description, readme, check))
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
        clone_cmd: clone_command(
            state.config.base_url.as_deref(),
            headers.get(header::HOST).and_then(|h| h.to_str().ok()),
            &links,
        ),
        patch_count: n,
        recent: PatchRow::list(&links, &index, &recent),
        tags: PatchRow::list(&links, &index, &tags),
        more_tags: index.tags.len() > 10,
        log_href: links.log(),
        tags_href: links.tags(),
        snapshot_href: links.snapshot(&super::url::VersionRef::Head),
        readme_href: links.tree(&super::url::VersionRef::Head, &vec![readme_name.as_bytes().to_vec()]),
        readme_source_href: format!(
            "{}?source=1",
            links.tree(&super::url::VersionRef::Head, &vec![readme_name.as_bytes().to_vec()])
        ),
        readme_html: readme
            .as_ref()
            .filter(|_| super::markdown::is_markdown(readme_name.as_bytes()))
            .map(|t| super::markdown::render(t, &links, &super::url::VersionRef::Head, &Vec::new())),
        readme_name,
        readme,
        head: index.patches.last().map(|m| PatchRow::new(&links, m)),
        head_state: check.state(),
        head_check: check.describe(),
    };
    let mut r = html(&page, SHORT)?;
    if check == crate::repo::verify::HeadCheck::Pending {
        // the head check's answer is shown as soon as it comes: keep no finished page
        r.extensions_mut().insert(super::pages::Transient);
    }
    Ok(r)
}

/// One tag of the tags page.
pub struct TagRow {
    /// The tag's name (without darcs' `TAG ` prefix).
    pub tag: String,
    /// The tag patch itself.
    pub patch: PatchRow,
    /// Link to the tree at the tag.
    pub tree_href: String,
    /// Link to a `.tar.gz` of the tree at the tag.
    pub snapshot_href: String,
}

#[derive(Template)]
#[template(path = "tags.html")]
struct TagsPage {
    chrome: Chrome,
    tags: Vec<TagRow>,
}

/// `GET /{repo}/tags`: every tag, newest first.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clone_commands() {
        let l = Links::new("my repo");
        assert_eq!(clone_command(Some("https://h/x"), Some("other"), &l), "darcs clone https://h/x/my%20repo");
        assert_eq!(clone_command(None, Some("127.0.0.1:8080"), &l), "darcs clone http://127.0.0.1:8080/my%20repo");
        assert_eq!(clone_command(None, Some("evil\"><x"), &l), "darcs clone http://HOST/my%20repo");
        assert_eq!(clone_command(None, None, &l), "darcs clone http://HOST/my%20repo");
    }
}
