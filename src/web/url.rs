//! URLs in both directions: percent-encoding every href segment (one helper, [`seg`]),
//! and reading the raw request path and query (decoded exactly once, then validated).

use percent_encoding::{percent_decode, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use super::error::WebError;
use crate::darcs::prim::Path;

/// Bytes kept as they are in a path segment or a query value: RFC 3986 unreserved.
const KEEP: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Percent-encode one path segment (any bytes: file names need not be UTF-8).
/// A segment made only of dots is encoded whole, so no client can take it for `.`/`..`.
pub fn seg(bytes: &[u8]) -> String {
    if !bytes.is_empty() && bytes.iter().all(|&b| b == b'.') {
        return "%2E".repeat(bytes.len());
    }
    percent_encoding::percent_encode(bytes, KEEP).to_string()
}

/// Percent-encode a string as one segment or query value.
pub fn enc(s: &str) -> String {
    if !s.is_empty() && s.bytes().all(|b| b == b'.') {
        return "%2E".repeat(s.len());
    }
    utf8_percent_encode(s, KEEP).to_string()
}

/// Encode a repository path as `a/b/c` (each component encoded, `/` between them).
pub fn path(p: &Path) -> String {
    p.iter().map(|c| seg(c)).collect::<Vec<_>>().join("/")
}

/// A version as it appears in URLs: `head`, a patch hash, or `tag/NAME`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionRef {
    /// `head`: every patch applied; changes as the repository does.
    Head,
    /// A 40-hex patch id: the tree up to and including that patch (never changes).
    Hash(String),
    /// `tag/NAME`: the tree up to and including the tag named NAME (decoded).
    Tag(String),
}

impl VersionRef {
    /// The string [`crate::repo::Repo::resolve`] understands.
    pub fn resolve_arg(&self) -> String {
        match self {
            VersionRef::Head => "head".into(),
            VersionRef::Hash(h) => h.clone(),
            VersionRef::Tag(t) => format!("tag/{t}"),
        }
    }

    /// The version's encoded URL form (`tag/NAME` with NAME as one encoded segment).
    pub fn url(&self) -> String {
        match self {
            VersionRef::Head => "head".into(),
            VersionRef::Hash(h) => h.clone(),
            VersionRef::Tag(t) => format!("tag/{}", enc(t)),
        }
    }

    /// Whether the URL names content that can never change (a patch hash).
    pub fn pinned(&self) -> bool {
        matches!(self, VersionRef::Hash(_))
    }

    /// A short label for people.
    pub fn label(&self) -> String {
        match self {
            VersionRef::Head => "head".into(),
            VersionRef::Hash(h) => h.chars().take(12).collect(),
            VersionRef::Tag(t) => format!("tag {t}"),
        }
    }
}

/// Whether `s` is a full patch identity (40 lowercase hex digits).
pub fn is_hash(s: &str) -> bool {
    s.len() == 40 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Percent-decode once into bytes.
pub fn decode_bytes(raw: &str) -> Vec<u8> {
    percent_decode(raw.as_bytes()).collect()
}

/// Percent-decode once into text; refuse bytes that are not UTF-8.
pub fn decode_text(raw: &str, what: &str) -> Result<String, WebError> {
    String::from_utf8(decode_bytes(raw))
        .map_err(|_| WebError::BadRequest(format!("the {what} in the URL is not valid UTF-8")))
}

/// The raw (still encoded) segments of a request path: `/a/b/` gives `["a", "b", ""]`.
pub fn raw_segments(path: &str) -> Vec<&str> {
    path.strip_prefix('/').unwrap_or(path).split('/').collect()
}

/// Read `VERSION[/PATH]` from the raw remainder of a URL (after `/tree/`, `/raw/`, …):
/// the version and the still-encoded path (without one trailing `/`).
pub fn split_version(rest: &str) -> Result<(VersionRef, &str), WebError> {
    let (first, after) = rest.split_once('/').unwrap_or((rest, ""));
    let (v, path) = if first == "tag" {
        let (name, path) = after.split_once('/').unwrap_or((after, ""));
        let name = decode_text(name, "tag name")?;
        if name.is_empty() {
            return Err(WebError::BadRequest("the URL names an empty tag".into()));
        }
        (VersionRef::Tag(name), path)
    } else {
        (parse_version_word(first)?, after)
    };
    Ok((v, path.strip_suffix('/').unwrap_or(path)))
}

/// `head` or a patch hash (decoded once).
pub fn parse_version_word(raw: &str) -> Result<VersionRef, WebError> {
    let w = decode_text(raw, "version")?;
    if w == "head" {
        Ok(VersionRef::Head)
    } else if is_hash(&w) {
        Ok(VersionRef::Hash(w))
    } else {
        Err(WebError::BadRequest(format!(
            "{:?} is not a version: use head, a 40-digit patch hash, or tag/NAME",
            clip(&w, 80)
        )))
    }
}

/// Decode a URL path once and validate it with the verified predicate (WIRE.md op 9).
/// The empty path is the repository root.
pub async fn repo_path(raw: &str) -> Result<Path, WebError> {
    let bytes = decode_bytes(raw);
    validate(&bytes).await
}

/// Validate already-decoded bytes (a query value) as a repository path. The check runs
/// in the server's own core runtime, which runs nothing else (see [`crate::core`]); the
/// task awaits it without blocking its thread.
pub async fn validate(bytes: &[u8]) -> Result<Path, WebError> {
    if bytes.is_empty() {
        return Ok(Vec::new());
    }
    if bytes.len() > 4096 {
        return Err(WebError::BadRequest(format!("the path is {} bytes long; at most 4096 are accepted", bytes.len())));
    }
    match crate::core::validate_path_async(bytes).await? {
        Ok(p) => Ok(p),
        Err(reason) => Err(WebError::BadRequest(format!(
            "refused path {:?}: {reason}",
            clip(&String::from_utf8_lossy(bytes), 120)
        ))),
    }
}

/// At most `n` characters of `s` (for messages).
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(n).collect();
        c.push('…');
        c
    }
}

/// The decoded `key=value` pairs of a query string (`&` or `;` separated, `+` = space).
pub fn query_pairs(q: Option<&str>) -> Vec<(String, Vec<u8>)> {
    let Some(q) = q else { return Vec::new() };
    q.split(['&', ';'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            let k = String::from_utf8_lossy(&decode_bytes(&k.replace('+', " "))).into_owned();
            (k, decode_bytes(&v.replace('+', " ")))
        })
        .collect()
}

/// A parsed query with typed accessors that explain what is wrong.
pub struct Query {
    pairs: Vec<(String, Vec<u8>)>,
}

impl Query {
    /// The query string of a request URI (`None`: there is none), decoded once.
    pub fn parse(q: Option<&str>) -> Query {
        Query { pairs: query_pairs(q) }
    }

    /// The last value of `key`, as bytes.
    pub fn bytes(&self, key: &str) -> Option<&[u8]> {
        self.pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_slice())
    }

    /// The value of `key` as text (`None` when absent or empty).
    pub fn text(&self, key: &str) -> Result<Option<String>, WebError> {
        match self.bytes(key) {
            None => Ok(None),
            Some([]) => Ok(None),
            Some(b) => {
                if b.len() > 1000 {
                    return Err(WebError::BadRequest(format!("the query parameter {key} is longer than 1000 bytes")));
                }
                String::from_utf8(b.to_vec())
                    .map(Some)
                    .map_err(|_| WebError::BadRequest(format!("the query parameter {key} is not valid UTF-8")))
            }
        }
    }

    /// The value of `key` as a number in `min..=max` (`default` when absent).
    pub fn number(&self, key: &str, default: usize, min: usize, max: usize) -> Result<usize, WebError> {
        let Some(t) = self.text(key)? else { return Ok(default) };
        let n: usize = t.parse().map_err(|_| {
            WebError::BadRequest(format!("the query parameter {key}={:?} is not a whole number", clip(&t, 40)))
        })?;
        if n < min || n > max {
            return Err(WebError::BadRequest(format!(
                "the query parameter {key}={n} is out of range ({min} to {max})"
            )));
        }
        Ok(n)
    }

    /// The value of `key` validated as a repository path (`None` when absent or empty).
    pub async fn path(&self, key: &str) -> Result<Option<Path>, WebError> {
        match self.bytes(key) {
            None => Ok(None),
            Some(b) => {
                let b = b.strip_suffix(b"/").unwrap_or(b);
                if b.is_empty() {
                    Ok(None)
                } else {
                    validate(b).await.map(Some)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded() {
        assert_eq!(seg(b"a b"), "a%20b");
        assert_eq!(seg(b"<x>&\"'"), "%3Cx%3E%26%22%27");
        assert_eq!(seg(b"a/b"), "a%2Fb");
        assert_eq!(seg(b"caf\xe9"), "caf%E9");
        assert_eq!(seg(b".."), "%2E%2E");
        assert_eq!(seg(b".hidden"), ".hidden");
        assert_eq!(path(&vec![b"d i".to_vec(), b"f?.txt".to_vec()]), "d%20i/f%3F.txt");
        assert_eq!(enc("release 1/2"), "release%201%2F2");
    }

    #[test]
    fn versions() {
        let h = "0123456789abcdef0123456789abcdef01234567";
        assert_eq!(split_version("head").unwrap(), (VersionRef::Head, ""));
        assert_eq!(split_version("head/").unwrap(), (VersionRef::Head, ""));
        assert_eq!(split_version("head/a/b%20c/").unwrap(), (VersionRef::Head, "a/b%20c"));
        assert_eq!(split_version(&format!("{h}/x")).unwrap(), (VersionRef::Hash(h.into()), "x"));
        assert_eq!(split_version("tag/release%201/x").unwrap(), (VersionRef::Tag("release 1".into()), "x"));
        assert_eq!(split_version("tag/a%2Fb").unwrap(), (VersionRef::Tag("a/b".into()), ""));
        assert!(split_version("HEAD").is_err());
        assert!(split_version("0123").is_err());
        assert!(split_version("tag/").is_err());
        assert!(split_version("tag/%ff").is_err());
        assert_eq!(VersionRef::Tag("a/b c".into()).url(), "tag/a%2Fb%20c");
        assert_eq!(VersionRef::Tag("a/b c".into()).resolve_arg(), "tag/a/b c");
        assert!(VersionRef::Hash(h.into()).pinned() && !VersionRef::Head.pinned());
    }

    #[test]
    fn queries() {
        let q = Query::parse(Some("page=2&q=a+b%26c;path=d%2Fe&limit=abc&neg=-1"));
        assert_eq!(q.number("page", 1, 1, 10).unwrap(), 2);
        assert_eq!(q.text("q").unwrap().as_deref(), Some("a b&c"));
        assert_eq!(q.bytes("path"), Some(&b"d/e"[..]));
        assert!(q.number("limit", 1, 1, 10).is_err());
        assert!(q.number("neg", 1, 1, 10).is_err());
        assert!(q.number("page", 1, 3, 10).is_err());
        assert_eq!(q.number("absent", 7, 1, 10).unwrap(), 7);
        assert_eq!(Query::parse(None).text("q").unwrap(), None);
    }

    #[tokio::test]
    async fn empty_path_is_root_and_long_paths_are_refused() {
        assert_eq!(repo_path("").await.unwrap(), Vec::<Vec<u8>>::new());
        assert!(matches!(repo_path(&"a".repeat(5000)).await, Err(WebError::BadRequest(_))));
        assert_eq!(repo_path("a/b%20c").await.unwrap(), vec![b"a".to_vec(), b"b c".to_vec()]);
        assert!(matches!(repo_path("a/../b").await, Err(WebError::BadRequest(_))));
    }
}
