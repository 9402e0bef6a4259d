//! View models shared by the pages: the page chrome (title, repository tabs,
//! breadcrumbs) and patch rows. Templates only print these; they never compute.

use crate::repo::{Index, PatchMeta};

use super::url::{self, VersionRef};

/// What every page's layout (`base.html`) shows.
pub struct Chrome {
    /// The site's title: the header's brand link and the end of `<title>`.
    pub site: String,
    /// The page's own title, first in `<title>`.
    pub title: String,
    /// Set on pages that belong to a repository.
    pub repo: Option<RepoNav>,
    /// Breadcrumbs under the tabs (last one is the current page, without a link).
    pub crumbs: Vec<Crumb>,
    /// Link to the Atom feed for `<link rel=alternate>`.
    pub feed: Option<String>,
}

/// The repository tabs.
pub struct RepoNav {
    /// The repository's name, shown after the site's and linked to its summary.
    pub name: String,
    /// Href of the summary tab.
    pub summary: String,
    /// Href of the log tab.
    pub log: String,
    /// Href of the tree tab (the root at head).
    pub tree: String,
    /// Href of the tags tab.
    pub tags: String,
    /// Href of the Atom feed.
    pub atom: String,
    /// Which tab is current: `summary`, `log`, `tree`, `tags` or empty.
    pub active: &'static str,
}

/// One breadcrumb.
pub struct Crumb {
    /// The text shown.
    pub label: String,
    /// Where it leads (unused for the last crumb, the current page).
    pub href: String,
}

impl Chrome {
    /// A page outside any repository.
    pub fn plain(title: &str) -> Chrome {
        Chrome { site: "darcsweb".into(), title: title.into(), repo: None, crumbs: Vec::new(), feed: None }
    }

    /// A page of repository `name` with tab `active`.
    pub fn repo(site: &str, name: &str, title: &str, active: &'static str) -> Chrome {
        let links = Links::new(name);
        Chrome {
            site: site.into(),
            title: format!("{title} · {name}"),
            repo: Some(RepoNav {
                name: name.into(),
                summary: links.summary(),
                log: links.log(),
                tree: links.tree(&VersionRef::Head, &Vec::new()),
                tags: links.tags(),
                atom: links.atom(),
                active,
            }),
            crumbs: Vec::new(),
            feed: Some(links.atom()),
        }
    }
}

/// The hrefs of one repository's pages (every segment percent-encoded).
#[derive(Clone)]
pub struct Links {
    base: String,
}

impl Links {
    /// The links of repository `repo` (its name, not yet encoded).
    pub fn new(repo: &str) -> Links {
        Links { base: format!("/{}", url::enc(repo)) }
    }
    /// `/{repo}`: the summary page.
    pub fn summary(&self) -> String {
        self.base.clone()
    }
    /// `/{repo}/log`: the whole log.
    pub fn log(&self) -> String {
        format!("{}/log", self.base)
    }
    /// The log of the patches touching `p` (`?path=`), or the whole log for the root.
    pub fn log_path(&self, p: &crate::darcs::prim::Path) -> String {
        if p.is_empty() {
            self.log()
        } else {
            format!("{}/log?path={}", self.base, url::path(p))
        }
    }
    /// `/{repo}/tags`: the tag list.
    pub fn tags(&self) -> String {
        format!("{}/tags", self.base)
    }
    /// `/{repo}/atom`: the Atom feed of recent patches.
    pub fn atom(&self) -> String {
        format!("{}/atom", self.base)
    }
    /// The page of the patch with 40-hex id `hash`.
    pub fn patch(&self, hash: &str) -> String {
        format!("{}/patch/{}", self.base, hash)
    }
    /// The patch file itself (`{hash}.patch`, darcs' text form), for download.
    pub fn patch_raw(&self, hash: &str) -> String {
        format!("{}/patch/{}.patch", self.base, hash)
    }
    /// The patch as a plain unified diff (`{hash}.diff`, `darcs diff --hash`'s form).
    pub fn patch_diff(&self, hash: &str) -> String {
        format!("{}/patch/{}.diff", self.base, hash)
    }
    fn at(&self, kind: &str, v: &VersionRef, p: &crate::darcs::prim::Path) -> String {
        if p.is_empty() {
            format!("{}/{kind}/{}/", self.base, v.url())
        } else {
            format!("{}/{kind}/{}/{}", self.base, v.url(), url::path(p))
        }
    }
    /// The tree page of `p` at version `v` (a directory listing or a file view).
    pub fn tree(&self, v: &VersionRef, p: &crate::darcs::prim::Path) -> String {
        self.at("tree", v, p)
    }
    /// The bytes of file `p` at version `v`, served as they are.
    pub fn raw(&self, v: &VersionRef, p: &crate::darcs::prim::Path) -> String {
        self.at("raw", v, p)
    }
    /// The annotation (per line, the patch that introduced it) of file `p` at version `v`.
    pub fn annotate(&self, v: &VersionRef, p: &crate::darcs::prim::Path) -> String {
        self.at("annotate", v, p)
    }
    /// A `.tar.gz` of the whole tree at version `v`.
    pub fn snapshot(&self, v: &VersionRef) -> String {
        format!("{}/snapshot/{}.tar.gz", self.base, v.url())
    }
}

/// One patch in a list.
pub struct PatchRow {
    /// The 40-hex patch id.
    pub hash: String,
    /// Its first 8 digits, as shown ([`short`]).
    pub short: String,
    /// The patch's name.
    pub name: String,
    /// The author's name without the address ([`author_name`]).
    pub author: String,
    /// The author as recorded, shown on hover.
    pub author_full: String,
    /// `YYYY-MM-DD HH:MM` (UTC) ([`date`]).
    pub date: String,
    /// The date in ISO 8601 / RFC 3339 for `<time datetime>` ([`date_rfc3339`]).
    pub iso: String,
    /// How long ago, for people ("3 days ago"; [`ago`]).
    pub ago: String,
    /// Link to the patch page.
    pub href: String,
    /// The tag's name, when the patch is a tag (shown instead of the name).
    pub tag: Option<String>,
    /// A legacy inverted patch, badged `undo`.
    pub inverted: bool,
}

impl PatchRow {
    /// The row of patch `m` of the repository `links` points into.
    pub fn new(links: &Links, m: &PatchMeta) -> PatchRow {
        PatchRow {
            hash: m.hash.clone(),
            short: short(&m.hash),
            name: m.name.clone(),
            author: author_name(&m.author),
            author_full: m.author.clone(),
            date: date(&m.date),
            iso: date_rfc3339(&m.date),
            ago: ago(date_unix(&m.date), now_unix()),
            href: links.patch(&m.hash),
            tag: m.tag.clone(),
            inverted: m.inverted,
        }
    }

    /// The rows of the patches at positions `ids` of `index`, in that order (unknown ids skipped).
    pub fn list(links: &Links, index: &Index, ids: &[usize]) -> Vec<PatchRow> {
        ids.iter().filter_map(|&i| index.patches.get(i)).map(|m| PatchRow::new(links, m)).collect()
    }
}

/// Whether `c` must not reach a page raw: C0 and C1 controls (but tab, newline and
/// carriage return, which text files hold), DEL, and the characters that reorder text
/// (bidirectional embeddings, overrides and isolates, the marks): a name holding
/// U+202E can display as another name.
pub fn is_hidden_char(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every [`is_hidden_char`] shown as `\u{…}` (e.g. `\u{202e}`), visibly, never raw.
///
/// Every page passes through here, so it scans bytes, 16 at a time, rather than decode
/// characters: only a chunk holding a control byte or a non-ASCII byte is looked at closely.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    let Some(first) = next_hidden(s, 0) else {
        return std::borrow::Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    let mut at = first;
    let mut copied = 0;
    loop {
        let c = s[at..].chars().next().unwrap_or_default();
        out.push_str(&s[copied..at]);
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
        copied = at + c.len_utf8();
        match next_hidden(s, copied) {
            Some(i) => at = i,
            None => break,
        }
    }
    out.push_str(&s[copied..]);
    std::borrow::Cow::Owned(out)
}

/// The byte offset of the first [`is_hidden_char`] of `s` at or after `from` (a character
/// boundary).
fn next_hidden(s: &str, from: usize) -> Option<usize> {
    // a byte that may start a hidden character: a C0 control or DEL, or any non-ASCII byte
    // (C1 controls and the reordering marks are two and three bytes long)
    fn suspect(b: u8) -> bool {
        !(0x20..0x7f).contains(&b)
    }
    let bytes = s.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let end = (i + 16).min(bytes.len());
        if bytes[i..end].iter().fold(false, |acc, &b| acc | suspect(b)) {
            for j in i..end {
                if suspect(bytes[j]) && s.is_char_boundary(j) && s[j..].chars().next().is_some_and(is_hidden_char) {
                    return Some(j);
                }
            }
        }
        i = end;
    }
    None
}

/// The first 8 hex digits (what `darcs show dependencies` names patches by).
pub fn short(hash: &str) -> String {
    hash.chars().take(8).collect()
}

/// `Name <mail>` → `Name` (the whole string when there is no name part).
pub fn author_name(a: &str) -> String {
    match a.find('<') {
        Some(i) if i > 0 && !a[..i].trim().is_empty() => a[..i].trim().to_string(),
        _ => a.trim().trim_start_matches('<').trim_end_matches('>').to_string(),
    }
}

/// `YYYYMMDDHHMMSS` → `YYYY-MM-DD HH:MM` (UTC); other forms unchanged.
pub fn date(d: &str) -> String {
    if d.len() == 14 && d.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}-{} {}:{}", &d[0..4], &d[4..6], &d[6..8], &d[8..10], &d[10..12])
    } else {
        d.to_string()
    }
}

/// `YYYYMMDDHHMMSS` → RFC 3339 (`YYYY-MM-DDTHH:MM:SSZ`), for the feed.
pub fn date_rfc3339(d: &str) -> String {
    if d.len() == 14 && d.bytes().all(|b| b.is_ascii_digit()) {
        format!("{}-{}-{}T{}:{}:{}Z", &d[0..4], &d[4..6], &d[6..8], &d[8..10], &d[10..12], &d[12..14])
    } else {
        "1970-01-01T00:00:00Z".to_string()
    }
}

/// Seconds since 1970 of a `YYYYMMDDHHMMSS` date (0 when malformed).
pub fn date_unix(d: &str) -> u64 {
    let fmt = time::macros::format_description!("[year][month][day][hour][minute][second]");
    time::PrimitiveDateTime::parse(d, &fmt).map(|t| t.assume_utc().unix_timestamp().max(0) as u64).unwrap_or(0)
}

/// Seconds since 1970, now.
pub fn now_unix() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// How long before `now` the moment `then` was, in words ("5 minutes ago", "3 years ago").
pub fn ago(then: u64, now: u64) -> String {
    if then == 0 {
        return "at an unknown date".into();
    }
    if then > now {
        return "in the future".into();
    }
    let s = now - then;
    let (n, unit) = match s {
        s if s < 60 => return "just now".into(),
        s if s < 3600 => (s / 60, "minute"),
        s if s < 86_400 => (s / 3600, "hour"),
        s if s < 86_400 * 30 => (s / 86_400, "day"),
        s if s < 86_400 * 365 => (s / (86_400 * 30), "month"),
        s => (s / (86_400 * 365), "year"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

/// A byte count for people.
pub fn size(n: usize) -> String {
    match n {
        n if n < 1024 => format!("{n} bytes"),
        n if n < 1024 * 1024 => format!("{:.1} KiB", n as f64 / 1024.0),
        n => format!("{:.1} MiB", n as f64 / (1024.0 * 1024.0)),
    }
}

/// The breadcrumbs of `path` inside a tree at `v`: repository root, then each directory.
pub fn path_crumbs(links: &Links, repo: &str, v: &VersionRef, p: &crate::darcs::prim::Path) -> Vec<Crumb> {
    let mut out = vec![Crumb { label: format!("{repo} @ {}", v.label()), href: links.tree(v, &Vec::new()) }];
    for i in 0..p.len() {
        out.push(Crumb { label: String::from_utf8_lossy(&p[i]).into_owned(), href: links.tree(v, &p[..=i].to_vec()) });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_names() {
        assert_eq!(date("20240101000300"), "2024-01-01 00:03");
        assert_eq!(date_rfc3339("20240101000300"), "2024-01-01T00:03:00Z");
        assert_eq!(date_unix("19700101000100"), 60);
        assert_eq!(author_name("Test User <t@e.com>"), "Test User");
        assert_eq!(author_name("<t@e.com>"), "t@e.com");
        assert_eq!(author_name("plain"), "plain");
        assert_eq!(size(10), "10 bytes");
        assert_eq!(size(2048), "2.0 KiB");
        assert_eq!(ago(100, 100), "just now");
        assert_eq!(ago(100, 100 + 120), "2 minutes ago");
        assert_eq!(ago(100, 100 + 86_400), "1 day ago");
        assert_eq!(ago(100, 100 + 86_400 * 800), "2 years ago");
        assert_eq!(ago(0, 5), "at an unknown date");
    }

    #[test]
    fn hidden_characters_are_shown_visibly() {
        assert_eq!(visible("plain\ttext\r\n"), "plain\ttext\r\n");
        assert_eq!(visible("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        assert_eq!(visible("a\u{1b}[31mb\u{7}\u{0}"), "a\\u{1b}[31mb\\u{7}\\u{0}");
        assert_eq!(visible("\u{2066}x\u{2069}\u{200f}\u{85}"), "\\u{2066}x\\u{2069}\\u{200f}\\u{85}");
        assert!(!visible("ok \u{e9}").contains('\\'));
        // every character of a wide sample, alone and among others, against the plain rule
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let s = format!("ab\u{e9}{c}xyz0123456789012345{c}");
            let want: String = s
                .chars()
                .map(|c| if is_hidden_char(c) { format!("\\u{{{:x}}}", c as u32) } else { c.to_string() })
                .collect();
            assert_eq!(visible(&s), want, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn links_encode() {
        let l = Links::new("my repo");
        assert_eq!(l.summary(), "/my%20repo");
        let p = vec![b"a b".to_vec(), b"<c>".to_vec()];
        assert_eq!(l.tree(&VersionRef::Head, &p), "/my%20repo/tree/head/a%20b/%3Cc%3E");
        assert_eq!(l.tree(&VersionRef::Tag("v 1".into()), &Vec::new()), "/my%20repo/tree/tag/v%201/");
        assert_eq!(l.log_path(&p), "/my%20repo/log?path=a%20b/%3Cc%3E");
    }
}
