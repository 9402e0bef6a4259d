//! Syntax highlighting for file views, annotate and diffs: `syntect`'s grammars (the
//! Sublime Text syntaxes it bundles) tokenise the file, and each token gets one of a few
//! CSS classes (`hl-k` keyword, `hl-s` string, …), so the page needs no inline style
//! and the Content-Security-Policy stays as it is; `static/style.css` colours the
//! classes for light and dark themes.
//!
//! Results are cached by content hash (SHA-256 of the file name's extension and the
//! bytes), so a warm page only renders. Files above [`MAX_BYTES`], with a line above
//! [`MAX_LINE`], or of no known language stay plain text.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, OnceLock};

use sha2::{Digest, Sha256};
use syntect::highlighting::{Color, ScopeSelectors, StyleModifier, Theme, ThemeItem, ThemeSettings};
use syntect::parsing::{SyntaxReference, SyntaxSet};

/// Largest file highlighted; larger ones are shown as plain text.
pub const MAX_BYTES: usize = 512 * 1024;
/// Longest line highlighted (minified files): a file with a longer line stays plain.
pub const MAX_LINE: usize = 4000;
/// Bytes of highlighted runs kept in the cache.
const CACHE_BYTES: usize = 64 * 1024 * 1024;

/// The token classes, by the number a theme rule gives them (index = number - 1).
const CLASSES: [&str; 9] = ["hl-c", "hl-s", "hl-n", "hl-k", "hl-t", "hl-f", "hl-v", "hl-p", "hl-h"];

/// Scope selectors for each class (TextMate scope names, most specific rules last).
const RULES: [(&str, u8); 13] = [
    ("comment, punctuation.definition.comment", 1),
    ("string, punctuation.definition.string, constant.character.escape", 2),
    ("constant.numeric, constant.language, constant.character, constant.other, support.constant", 3),
    ("keyword, storage.modifier, keyword.operator.word", 4),
    ("keyword.operator, punctuation.separator.key-value", 0),
    ("storage.type, support.type, entity.name.type, entity.name.class, entity.name.struct, entity.name.enum, entity.other.inherited-class", 5),
    ("entity.name.function, support.function, meta.function-call entity.name.function, variable.function", 6),
    ("variable.parameter, variable.other.member, entity.other.attribute-name, variable.language", 7),
    ("entity.name.tag, meta.tag", 8),
    ("meta.preprocessor, keyword.control.import, keyword.other.preprocessor, meta.annotation", 8),
    ("markup.heading, entity.name.section", 9),
    ("markup.bold, markup.italic, markup.raw, markup.underline.link", 2),
    ("string.regexp", 2),
];

/// A highlighted file: for each line, its runs as (end byte offset in the line's lossy
/// text, class number; 0 = plain).
#[derive(Debug, Default)]
pub struct Highlighted {
    /// Per line, the runs covering it in order.
    pub lines: Vec<Vec<(u32, u8)>>,
}

impl Highlighted {
    fn weight(&self) -> usize {
        64 + self.lines.iter().map(|l| 24 + l.len() * 8).sum::<usize>()
    }
}

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(SyntaxSet::load_defaults_newlines)
}

fn theme() -> &'static Theme {
    static THEME: OnceLock<Theme> = OnceLock::new();
    THEME.get_or_init(|| {
        let code = |n: u8| Color { r: n, g: 0, b: 0, a: 255 };
        Theme {
            settings: ThemeSettings { foreground: Some(code(0)), ..ThemeSettings::default() },
            scopes: RULES
                .iter()
                .filter_map(|(sel, n)| {
                    let scope = sel.parse::<ScopeSelectors>().ok()?;
                    Some(ThemeItem { scope, style: StyleModifier { foreground: Some(code(*n)), ..Default::default() } })
                })
                .collect(),
            ..Theme::default()
        }
    })
}

/// The language of a file, from its name (extension, or the whole name as in
/// `Makefile`) or, failing that, its first line (`#!/bin/sh`).
fn syntax_for(name: &[u8], content: &[u8]) -> Option<&'static SyntaxReference> {
    let ss = syntaxes();
    let name = String::from_utf8_lossy(name);
    let by_name = match name.rsplit_once('.') {
        Some((_, ext)) => ss.find_syntax_by_extension(ext),
        None => ss.find_syntax_by_extension(&name),
    };
    let s = by_name.or_else(|| {
        let first = content.split(|&b| b == b'\n').next().unwrap_or(b"");
        ss.find_syntax_by_first_line(&String::from_utf8_lossy(first))
    })?;
    (s.name != "Plain Text").then_some(s)
}

type Cache = Mutex<lru::LruCache<[u8; 32], Arc<Highlighted>>>;

fn cache() -> &'static (Cache, Mutex<usize>) {
    static C: OnceLock<(Cache, Mutex<usize>)> = OnceLock::new();
    C.get_or_init(|| {
        (Mutex::new(lru::LruCache::new(NonZeroUsize::new(4096).unwrap_or(NonZeroUsize::MIN))), Mutex::new(0))
    })
}

/// The highlighting of a file called `name` (the last path component) holding
/// `content`, or `None` when it is shown as plain text. Cached by content hash.
pub fn highlight(name: &[u8], content: &[u8]) -> Option<Arc<Highlighted>> {
    if content.len() > MAX_BYTES || content.contains(&0) {
        return None;
    }
    let syntax = syntax_for(name, content)?;
    let key: [u8; 32] = {
        let mut h = Sha256::new();
        h.update(syntax.name.as_bytes());
        h.update([0]);
        h.update(content);
        h.finalize().into()
    };
    let (c, weight) = cache();
    if let Some(hit) = c.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
        return Some(hit.clone());
    }
    let text = String::from_utf8_lossy(content);
    if text.split('\n').any(|l| l.len() > MAX_LINE) {
        return None;
    }
    let mut hl = syntect::easy::HighlightLines::new(syntax, theme());
    let mut lines = Vec::new();
    for line in text.split_inclusive('\n') {
        let pieces = hl.highlight_line(line, syntaxes()).ok()?;
        let mut runs: Vec<(u32, u8)> = Vec::new();
        let mut at = 0u32;
        let body = line.strip_suffix('\n').unwrap_or(line).len() as u32;
        for (style, piece) in pieces {
            at = (at + piece.len() as u32).min(body);
            let class = style.foreground.r;
            match runs.last_mut() {
                Some(last) if last.1 == class => last.0 = at,
                _ => runs.push((at, class)),
            }
        }
        runs.retain(|r| r.0 > 0);
        runs.dedup_by(|b, a| b.0 == a.0);
        lines.push(runs);
    }
    let h = Arc::new(Highlighted { lines });
    let w = h.weight();
    let mut g = c.lock().unwrap_or_else(|e| e.into_inner());
    let mut total = weight.lock().unwrap_or_else(|e| e.into_inner());
    if w <= CACHE_BYTES {
        if let Some((_, old)) = g.push(key, h.clone()) {
            *total = total.saturating_sub(old.weight());
        }
        *total += w;
        while *total > CACHE_BYTES {
            match g.pop_lru() {
                Some((_, old)) => *total = total.saturating_sub(old.weight()),
                None => break,
            }
        }
    }
    Some(h)
}

type RenderCache = Mutex<(lru::LruCache<[u8; 32], Arc<Vec<String>>>, usize)>;

fn rendered_cache() -> &'static RenderCache {
    static C: OnceLock<RenderCache> = OnceLock::new();
    C.get_or_init(|| Mutex::new((lru::LruCache::new(NonZeroUsize::new(4096).unwrap_or(NonZeroUsize::MIN)), 0)))
}

/// Each line of a text file called `name` as HTML (escaped, with syntax classes when its
/// language is known), cached by content hash: a warm file or annotate page only copies
/// them into the page.
pub fn rendered_lines(name: &[u8], content: &[u8]) -> Arc<Vec<String>> {
    let syntax = if content.len() <= MAX_BYTES { syntax_for(name, content).map(|s| s.name.as_str()) } else { None };
    let key: [u8; 32] = {
        let mut h = Sha256::new();
        h.update(syntax.unwrap_or("").as_bytes());
        h.update([1]);
        h.update(content);
        h.finalize().into()
    };
    if let Some(hit) = rendered_cache().lock().unwrap_or_else(|e| e.into_inner()).0.get(&key) {
        return hit.clone();
    }
    let hl = if syntax.is_some() { highlight(name, content) } else { None };
    let body = content.strip_suffix(b"\n").unwrap_or(content);
    let lines: Vec<String> = if content.is_empty() {
        Vec::new()
    } else {
        body.split(|&c| c == b'\n')
            .enumerate()
            .map(|(i, l)| {
                let text = String::from_utf8_lossy(l);
                render_line(&text, hl.as_ref().and_then(|h| h.lines.get(i)).map(|r| r.as_slice()), &[])
            })
            .collect()
    };
    let w = 64 + lines.iter().map(|l| l.len() + 24).sum::<usize>();
    let v = Arc::new(lines);
    let mut g = rendered_cache().lock().unwrap_or_else(|e| e.into_inner());
    if w <= CACHE_BYTES {
        if let Some((_, old)) = g.0.push(key, v.clone()) {
            g.1 = g.1.saturating_sub(64 + old.iter().map(|l| l.len() + 24).sum::<usize>());
        }
        g.1 += w;
        while g.1 > CACHE_BYTES {
            match g.0.pop_lru() {
                Some((_, old)) => g.1 = g.1.saturating_sub(64 + old.iter().map(|l| l.len() + 24).sum::<usize>()),
                None => break,
            }
        }
    }
    v
}

/// Escape text for HTML.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The HTML of one line: `text` escaped, with the syntax `runs` as class spans and the
/// byte ranges `marks` (word-level changes, sorted, disjoint) in `<mark>`.
pub fn render_line(text: &str, runs: Option<&[(u32, u8)]>, marks: &[(usize, usize)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    // boundaries where a span or a mark starts or ends
    let mut cuts: Vec<usize> = vec![0, text.len()];
    if let Some(r) = runs {
        cuts.extend(r.iter().map(|x| (x.0 as usize).min(text.len())));
    }
    for m in marks {
        cuts.push(m.0.min(text.len()));
        cuts.push(m.1.min(text.len()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (Some(piece), true) = (text.get(a..b), a < b) else { continue };
        let class = runs
            .and_then(|r| r.iter().find(|x| x.0 as usize > a))
            .map(|x| x.1)
            .filter(|&c| c > 0)
            .and_then(|c| CLASSES.get(c as usize - 1));
        let marked = marks.iter().any(|m| m.0 <= a && b <= m.1);
        if marked {
            out.push_str("<mark>");
        }
        match class {
            Some(c) => {
                out.push_str("<span class=\"");
                out.push_str(c);
                out.push_str("\">");
                escape_into(&mut out, piece);
                out.push_str("</span>");
            }
            None => escape_into(&mut out, piece),
        }
        if marked {
            out.push_str("</mark>");
        }
    }
    out
}

/// Byte ranges of a line to mark, sorted and disjoint.
pub type Marks = Vec<(usize, usize)>;

/// The changed words of a removed/added line pair, as byte ranges in each; empty when
/// the lines are too different (or too long) for a word diff to help.
pub fn word_marks(old: &str, new: &str) -> (Marks, Marks) {
    if old.len() > 1000 || new.len() > 1000 {
        return (Vec::new(), Vec::new());
    }
    let diff = similar::TextDiff::configure().algorithm(similar::Algorithm::Myers).diff_words(old, new);
    if diff.ratio() < 0.5 {
        return (Vec::new(), Vec::new());
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let (mut oa, mut ob) = (0usize, 0usize);
    for c in diff.iter_all_changes() {
        let n = c.value().len();
        match c.tag() {
            similar::ChangeTag::Equal => {
                oa += n;
                ob += n;
            }
            similar::ChangeTag::Delete => {
                push_range(&mut a, oa, oa + n);
                oa += n;
            }
            similar::ChangeTag::Insert => {
                push_range(&mut b, ob, ob + n);
                ob += n;
            }
        }
    }
    (a, b)
}

fn push_range(v: &mut Vec<(usize, usize)>, a: usize, b: usize) {
    match v.last_mut() {
        Some(l) if l.1 == a => l.1 = b,
        _ => v.push((a, b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_is_highlighted_with_classes_and_escaped() {
        let src = b"#include <stdio.h>\n/* note */\nint main(void) { return \"<x>\" != 0; }\n";
        let h = highlight(b"main.c", src).expect("C is known");
        assert_eq!(h.lines.len(), 3);
        let lines: Vec<&str> = std::str::from_utf8(src).unwrap().lines().collect();
        let html: Vec<String> = lines.iter().zip(&h.lines).map(|(l, r)| render_line(l, Some(r), &[])).collect();
        assert!(html[1].contains("<span class=\"hl-c\">/* note */</span>"), "{}", html[1]);
        assert!(html[2].contains("<span class=\"hl-t\">int</span>"), "{}", html[2]);
        assert!(html[2].contains("&quot;&lt;x&gt;&quot;"), "{}", html[2]);
        assert!(!html.concat().contains("style="));
        // cached: the same Arc comes back
        assert!(Arc::ptr_eq(&h, &highlight(b"other.c", src).unwrap()));
    }

    #[test]
    fn plain_text_binary_and_huge_files_are_not_highlighted() {
        assert!(highlight(b"notes.txt", b"just text\n").is_none());
        assert!(highlight(b"x.c", b"int\0x;\n").is_none());
        assert!(highlight(b"x.c", &vec![b'a'; MAX_BYTES + 1]).is_none());
        let long = format!("int x = {};\n", "1".repeat(MAX_LINE + 1));
        assert!(highlight(b"x.c", long.as_bytes()).is_none());
        assert!(highlight(b"run", b"#!/bin/sh\necho hi\n").is_some(), "by its first line");
    }

    #[test]
    fn word_marks_show_what_changed_in_a_line() {
        let (a, b) = word_marks("x = x * 2 + 3; /* step */", "x = x * 2 + 33; /* step */");
        assert_eq!(a, vec![(12, 14)], "the word `3;`");
        assert_eq!(b, vec![(12, 15)], "the word `33;`");
        assert_eq!(render_line("a <b> c", None, &[(2, 5)]), "a <mark>&lt;b&gt;</mark> c");
        let (a, _) = word_marks("completely different", "nothing alike here at all");
        assert!(a.is_empty());
    }
}
