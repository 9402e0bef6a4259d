//! Markdown files (the README on the summary page, `.md` files in the tree) rendered to
//! HTML with `pulldown-cmark` and sanitised with `ammonia`: no script, no style, no
//! event handler survives, so the page's Content-Security-Policy needs no change.
//! Relative links and images are resolved inside the repository, at the version shown:
//! links lead to the tree page, images to the raw file. Images from other sites are not
//! loaded (the CSP forbids them): they become links.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::url::VersionRef;
use super::views::Links;
use crate::darcs::prim::Path;

/// Whether a file name is a Markdown file.
pub fn is_markdown(name: &[u8]) -> bool {
    let n = String::from_utf8_lossy(name).to_ascii_lowercase();
    n.ends_with(".md") || n.ends_with(".markdown") || n.ends_with(".mdown")
}

/// Where a link in a Markdown file leads.
enum Target {
    /// Another site, a `mailto:`, or an anchor in this page: kept as written.
    Keep,
    /// A path inside the repository (and the `#fragment` it carries, if any).
    Repo(Path, String),
}

/// Resolve `url`, written in a file of directory `dir`, against the repository: `/x` is
/// relative to the root, `x` and `../x` to `dir`; `..` never climbs above the root.
fn resolve(url: &str, dir: &Path) -> Target {
    let lower = url.to_ascii_lowercase();
    if url.is_empty()
        || url.starts_with('#')
        || url.starts_with("//")
        || lower.contains(':') && {
            // a scheme: letters, digits, + - . before the first ':' (and no '/' before it)
            let scheme = &lower[..lower.find(':').unwrap_or(0)];
            !scheme.is_empty() && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
        }
    {
        return Target::Keep;
    }
    let (path, frag) = match url.split_once('#') {
        Some((p, f)) => (p, format!("#{f}")),
        None => (url, String::new()),
    };
    let path = path.split('?').next().unwrap_or("");
    let mut out: Path = if path.starts_with('/') { Vec::new() } else { dir.clone() };
    for c in path.split('/') {
        let c = super::url::decode_bytes(c);
        match c.as_slice() {
            b"" | b"." => {}
            b".." => {
                out.pop();
            }
            _ => out.push(c),
        }
    }
    Target::Repo(out, frag)
}

/// A heading's anchor as GitHub makes it: lower case, spaces to `-`, punctuation dropped.
pub fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Render `md`, a file in directory `dir` of the repository at version `v`, to sanitised HTML.
pub fn render(md: &str, links: &Links, v: &VersionRef, dir: &Path) -> String {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut events: Vec<Event> = Vec::new();
    let mut in_heading: Option<usize> = None;
    // external images become links: their alt text is inside them
    let mut image_as_link = Vec::new();
    for ev in Parser::new_ext(md, opts) {
        match ev {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                let dest = match resolve(&dest_url, dir) {
                    Target::Keep => dest_url,
                    Target::Repo(p, frag) => CowStr::from(format!("{}{frag}", links.tree(v, &p))),
                };
                events.push(Event::Start(Tag::Link { link_type, dest_url: dest, title, id }));
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => match resolve(&dest_url, dir) {
                Target::Repo(p, _) => {
                    image_as_link.push(false);
                    events.push(Event::Start(Tag::Image {
                        link_type,
                        dest_url: CowStr::from(links.raw(v, &p)),
                        title,
                        id,
                    }));
                }
                Target::Keep => {
                    image_as_link.push(true);
                    events.push(Event::Start(Tag::Link { link_type, dest_url, title, id }));
                }
            },
            Event::End(TagEnd::Image) => {
                if image_as_link.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                } else {
                    events.push(Event::End(TagEnd::Image));
                }
            }
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                in_heading = Some(events.len());
                events.push(Event::Start(Tag::Heading { level, id, classes, attrs }));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = in_heading.take() {
                    // give the heading an id from its text, unless it has one
                    let text: String = events[start + 1..]
                        .iter()
                        .filter_map(|e| match e {
                            Event::Text(t) | Event::Code(t) => Some(t.to_string()),
                            _ => None,
                        })
                        .collect();
                    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
                        if id.is_none() && !text.is_empty() {
                            *id = Some(CowStr::from(slug(&text)));
                        }
                    }
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Html(h) | Event::InlineHtml(h) => events.push(Event::Html(h)),
            e => events.push(e),
        }
    }
    let mut html = String::with_capacity(md.len() * 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    let mut b = ammonia::Builder::default();
    b.link_rel(Some("noopener noreferrer nofollow"));
    for h in
        [HeadingLevel::H1, HeadingLevel::H2, HeadingLevel::H3, HeadingLevel::H4, HeadingLevel::H5, HeadingLevel::H6]
    {
        let tag = match h {
            HeadingLevel::H1 => "h1",
            HeadingLevel::H2 => "h2",
            HeadingLevel::H3 => "h3",
            HeadingLevel::H4 => "h4",
            HeadingLevel::H5 => "h5",
            HeadingLevel::H6 => "h6",
        };
        b.add_tag_attributes(tag, &["id"]);
    }
    b.add_tag_attributes("input", &["type", "checked", "disabled"]);
    b.add_tags(&["input"]);
    b.clean(&html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Path {
        s.split('/').filter(|c| !c.is_empty()).map(|c| c.as_bytes().to_vec()).collect()
    }

    #[test]
    fn relative_links_and_images_resolve_inside_the_repository() {
        let l = Links::new("r");
        let v = VersionRef::Hash("a".repeat(40));
        let md = "[g](guide.md) [up](../README.md#top) [root](/src/) ![i](../img/x.png) [out](../../../../etc/passwd) [w](https://darcs.net/) [m](mailto:a@b) [h](#usage)";
        let html = render(md, &l, &v, &p("docs"));
        let h = "a".repeat(40);
        assert!(html.contains(&format!("href=\"/r/tree/{h}/docs/guide.md\"")), "{html}");
        assert!(html.contains(&format!("href=\"/r/tree/{h}/README.md#top\"")), "{html}");
        assert!(html.contains(&format!("href=\"/r/tree/{h}/src\"")), "{html}");
        assert!(html.contains(&format!("src=\"/r/raw/{h}/img/x.png\"")), "{html}");
        assert!(html.contains(&format!("href=\"/r/tree/{h}/etc/passwd\"")), "climbing stops at the root: {html}");
        assert!(html.contains("href=\"https://darcs.net/\""), "{html}");
        assert!(html.contains("href=\"mailto:a@b\""), "{html}");
        assert!(html.contains("href=\"#usage\""), "{html}");
    }

    #[test]
    fn scripts_styles_and_handlers_are_removed() {
        let l = Links::new("r");
        let md = "# Title *here*\n\n<script>alert(1)</script><p style=\"color:red\" onclick=\"x()\">p</p>\n\n<a href=\"javascript:alert(1)\">j</a> ![ext](https://example.org/x.png)";
        let html = render(md, &l, &VersionRef::Head, &Vec::new());
        assert!(!html.contains("<script") && !html.contains("alert(1)</script>"), "{html}");
        assert!(!html.contains("style=") && !html.contains("onclick"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<img"), "external images are links: {html}");
        assert!(html.contains("<a href=\"https://example.org/x.png\""), "{html}");
        assert!(html.contains("<h1 id=\"title-here\">"), "{html}");
    }
}
