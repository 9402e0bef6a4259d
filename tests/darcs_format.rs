//! Differential tests of `darcsweb::darcs` against darcs' own answers on every corpus
//! repository (`expected/<repo>/*`, produced by darcs 2.16).

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use darcsweb::darcs::bundle::{parse_bundle, parse_context};
use darcsweb::darcs::escape::display_bytes;
use darcsweb::darcs::inventory::parse_inventory;
use darcsweb::darcs::summary::{ConflictState, FileOp, SummaryItem};
use darcsweb::darcs::{EntryKind, Error, PatchInfo, Prim, RepoFormat, Repository};

fn expected_dir(repo: &str) -> PathBuf {
    // the lazy clone has no expected outputs of its own: it is prims-d2
    let name = if repo == "lazy-d2" { "prims-d2" } else { repo };
    common::corpus().join("expected").join(name)
}

fn open(repo: &str) -> Repository {
    let path = common::corpus().join("repos").join(repo);
    Repository::open(&path).unwrap_or_else(|e| panic!("{repo}: {e}"))
}

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn lines(b: &[u8]) -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = b.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect();
    if v.last().is_some_and(|l| l.is_empty()) {
        v.pop();
    }
    v
}

// ------------------------------------------------------------------ log.xml

#[derive(Debug, Default, Clone, PartialEq)]
struct XmlPatch {
    author: Vec<u8>,
    date: Vec<u8>,
    local_date: Vec<u8>,
    inverted: bool,
    hash: String,
    name: Vec<u8>,
    comment: Option<Vec<u8>>,
    summary: Option<Vec<Vec<u8>>>,
}

fn unescape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let ents: [(&[u8], u8); 5] =
            [(b"&amp;", b'&'), (b"&lt;", b'<'), (b"&gt;", b'>'), (b"&quot;", b'"'), (b"&apos;", b'\'')];
        if let Some((e, c)) = ents.iter().find(|(e, _)| rest.starts_with(e)) {
            out.push(*c);
            i += e.len();
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    out
}

fn attr(line: &[u8], key: &str) -> Vec<u8> {
    let pat = format!(" {key}='");
    let start =
        line.windows(pat.len()).position(|w| w == pat.as_bytes()).unwrap_or_else(|| panic!("no {key}")) + pat.len();
    let end = start + line[start..].iter().position(|&b| b == b'\'').expect("closing quote");
    unescape(&line[start..end])
}

/// Parse darcs' `log --xml-output [--summary]` (top-level patches only).
fn parse_log_xml(data: &[u8]) -> Vec<XmlPatch> {
    let ls = lines(data);
    let mut out = Vec::new();
    let mut cur: Option<XmlPatch> = None;
    let mut i = 0;
    while i < ls.len() {
        let l = &ls[i];
        if l.starts_with(b"<patch ") {
            cur = Some(XmlPatch {
                author: attr(l, "author"),
                date: attr(l, "date"),
                local_date: attr(l, "local_date"),
                inverted: attr(l, "inverted") == b"True",
                hash: String::from_utf8(attr(l, "hash")).unwrap(),
                ..Default::default()
            });
        } else if let (Some(p), Some(rest)) = (cur.as_mut(), l.strip_prefix(b"    <name>")) {
            p.name = unescape(rest.strip_suffix(b"</name>").expect("</name>"));
        } else if let (Some(p), Some(rest)) = (cur.as_mut(), l.strip_prefix(b"    <comment>")) {
            let mut text = rest.to_vec();
            while !text.ends_with(b"</comment>") {
                i += 1;
                text.push(b'\n');
                text.extend_from_slice(&ls[i]);
            }
            text.truncate(text.len() - b"</comment>".len());
            p.comment = Some(unescape(&text));
        } else if let (Some(p), true) = (cur.as_mut(), l.as_slice() == b"    <summary>") {
            let mut s = Vec::new();
            i += 1;
            while ls[i].as_slice() != b"    </summary>" {
                s.push(ls[i].clone());
                i += 1;
            }
            p.summary = Some(s);
        } else if l.as_slice() == b"</patch>" {
            out.push(cur.take().expect("patch"));
        }
        i += 1;
    }
    out
}

fn xml_escape(s: &[u8]) -> Vec<u8> {
    let mut o = Vec::new();
    for &b in s {
        match b {
            b'&' => o.extend_from_slice(b"&amp;"),
            b'<' => o.extend_from_slice(b"&lt;"),
            b'>' => o.extend_from_slice(b"&gt;"),
            b'"' => o.extend_from_slice(b"&quot;"),
            b'\'' => o.extend_from_slice(b"&apos;"),
            _ => o.push(b),
        }
    }
    o
}

/// Our summary in darcs' XML layout (the lines between `<summary>` and `</summary>`).
fn summary_xml(items: &[SummaryItem]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let path = |p: &Vec<Vec<u8>>| xml_escape(&display_bytes(p)[2..]);
    let state_attr = |s: ConflictState| match s {
        ConflictState::Okay => "",
        ConflictState::Conflicted => " conflict='true'",
        ConflictState::Duplicated => " duplicate='true'",
    };
    for it in items {
        match it {
            SummaryItem::File { op, path: p, removed_lines, added_lines, replaced_tokens, state } => {
                let tag = match op {
                    FileOp::Add => "add_file",
                    FileOp::Remove => "remove_file",
                    FileOp::Modify => "modify_file",
                };
                out.push(format!("    <{tag}{}>", state_attr(*state)).into_bytes());
                let mut l = b"    ".to_vec();
                l.extend(path(p));
                if *op == FileOp::Modify {
                    if *removed_lines > 0 {
                        l.extend(format!("<removed_lines num='{removed_lines}'/>").bytes());
                    }
                    if *added_lines > 0 {
                        l.extend(format!("<added_lines num='{added_lines}'/>").bytes());
                    }
                    if *replaced_tokens > 0 {
                        l.extend(format!("<replaced_tokens num='{replaced_tokens}'/>").bytes());
                    }
                }
                out.push(l);
                out.push(format!("    </{tag}>").into_bytes());
            }
            SummaryItem::AddDir { path: p, state } | SummaryItem::RmDir { path: p, state } => {
                let tag = if matches!(it, SummaryItem::AddDir { .. }) { "add_directory" } else { "remove_directory" };
                out.push(format!("    <{tag}{}>", state_attr(*state)).into_bytes());
                let mut l = b"    ".to_vec();
                l.extend(path(p));
                out.push(l);
                out.push(format!("    </{tag}>").into_bytes());
            }
            SummaryItem::Move { from, to, .. } => {
                let mut l = b"    <move from=\"".to_vec();
                l.extend(path(from));
                l.extend_from_slice(b"\" to=\"");
                l.extend(path(to));
                l.extend_from_slice(b"\"/>");
                out.push(l);
            }
        }
    }
    out
}

#[test]
fn patch_list_matches_darcs_log_xml() {
    for repo in common::corpus_repos() {
        let r = open(&repo);
        let xml = parse_log_xml(&read(&expected_dir(&repo).join("log.xml")));
        assert_eq!(xml.len(), r.len(), "{repo}: number of patches");
        for (x, e) in xml.iter().zip(r.entries().iter().rev()) {
            let i = &e.info;
            let ctx = format!("{repo}: {}", x.hash);
            assert_eq!(i.id(), x.hash, "{ctx}");
            assert_eq!(i.name, x.name, "{ctx}");
            assert_eq!(i.author, x.author, "{ctx}");
            assert_eq!(i.date, x.date, "{ctx}");
            assert_eq!(i.inverted, x.inverted, "{ctx}");
            assert_eq!(i.comment_raw(), x.comment, "{ctx}");
            assert_eq!(i.date_display().into_bytes(), x.local_date, "{ctx}");
            // the info block round-trips byte for byte
            assert_eq!(PatchInfo::parse(&i.to_stored_bytes()).unwrap(), *i, "{ctx}");
        }
    }
}

#[test]
fn patch_ids_and_tags_match() {
    for repo in common::corpus_repos() {
        let r = open(&repo);
        let want: Vec<String> = lines(&read(&expected_dir(&repo).join("patch-ids.txt")))
            .into_iter()
            .map(|l| String::from_utf8(l).unwrap())
            .collect();
        assert_eq!(r.ids(), want.as_slice(), "{repo}: patch ids");
        let tags: Vec<Vec<u8>> = r.tags().into_iter().map(|(_, t)| t.to_vec()).collect();
        assert_eq!(tags, lines(&read(&expected_dir(&repo).join("tags.txt"))), "{repo}: tags");
        for (n, id) in want.iter().enumerate() {
            assert_eq!(r.index_of(id), Some(n));
        }
    }
}

#[test]
fn pristine_matches_show_files_and_show_pristine() {
    for repo in common::corpus_repos() {
        let r = open(&repo);
        let walk = r.pristine().walk(r.pristine_root()).unwrap_or_else(|e| panic!("{repo}: {e}"));
        let mut files: Vec<Vec<u8>> = vec![b".".to_vec()];
        files.extend(walk.iter().map(|w| display_bytes(&w.path)));
        files.sort();
        assert_eq!(files, lines(&read(&expected_dir(&repo).join("files.txt"))), "{repo}: show files");
        let mut pristine: Vec<Vec<u8>> = vec![format!("{} ./", r.pristine_root()).into_bytes()];
        for w in &walk {
            let mut l = format!("{} ", w.hash).into_bytes();
            l.extend_from_slice(&display_bytes(&w.path)[2..]);
            if w.kind == EntryKind::Directory {
                l.push(b'/');
            }
            pristine.push(l);
        }
        pristine.sort();
        let mut want = lines(&read(&expected_dir(&repo).join("pristine.txt")));
        want.sort();
        assert_eq!(pristine, want, "{repo}: show pristine");
        // every object verifies
        for w in &walk {
            match w.kind {
                EntryKind::File => {
                    r.pristine().read_file(&w.hash).unwrap_or_else(|e| panic!("{repo}: {e}"));
                }
                EntryKind::Directory => {
                    r.pristine().read_dir(&w.hash).unwrap_or_else(|e| panic!("{repo}: {e}"));
                }
            }
        }
    }
}

#[test]
fn every_patch_parses_and_round_trips() {
    let mut n = 0;
    for repo in common::corpus_repos() {
        let r = open(&repo);
        for i in 0..r.len() {
            let raw = r.patch_bytes(i).unwrap_or_else(|e| panic!("{repo} #{i}: {e}"));
            let np = r.patch(i).unwrap_or_else(|e| panic!("{repo} #{i}: {e}"));
            assert_eq!(np.info, r.entries()[i].info);
            let again = np.to_storage_bytes(r.format());
            assert!(
                again == raw,
                "{repo} #{i}: storage form differs\n--- file\n{}\n--- rendered\n{}",
                String::from_utf8_lossy(&raw),
                String::from_utf8_lossy(&again)
            );
            assert!(raw.starts_with(&np.info.to_stored_bytes()), "{repo} #{i}: info bytes");
            n += 1;
        }
    }
    assert!(n > 3000);
}

#[test]
fn log_verbose_matches_darcs() {
    for repo in common::corpus_repos() {
        let r = open(&repo);
        let mut out = Vec::new();
        for i in (0..r.len()).rev() {
            if i + 1 != r.len() {
                out.push(b'\n');
            }
            out.extend(r.patch(i).unwrap().log_verbose());
        }
        let want = read(&expected_dir(&repo).join("log-v.txt"));
        if out != want {
            let (a, b) = (lines(&out), lines(&want));
            let k = a.iter().zip(b.iter()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
            panic!(
                "{repo}: log -v differs at line {}:\n ours: {:?}\n darcs: {:?}",
                k + 1,
                a.get(k).map(|l| String::from_utf8_lossy(l)),
                b.get(k).map(|l| String::from_utf8_lossy(l))
            );
        }
    }
}

#[test]
fn summaries_match_darcs() {
    let mut unsupported = 0;
    for repo in common::corpus_repos() {
        let r = open(&repo);
        let xml = parse_log_xml(&read(&expected_dir(&repo).join("log-summary.xml")));
        assert_eq!(xml.len(), r.len());
        for (x, i) in xml.iter().zip((0..r.len()).rev()) {
            let np = r.patch(i).unwrap();
            match np.summary() {
                Ok(items) => assert_eq!(
                    summary_xml(&items).iter().map(|l| String::from_utf8_lossy(l).into_owned()).collect::<Vec<_>>(),
                    x.summary
                        .as_ref()
                        .unwrap()
                        .iter()
                        .map(|l| String::from_utf8_lossy(l).into_owned())
                        .collect::<Vec<_>>(),
                    "{repo}: summary of {}",
                    x.hash
                ),
                Err(Error::Unsupported(_)) => {
                    assert_eq!(r.format(), RepoFormat::Darcs1, "{repo}");
                    unsupported += 1;
                }
                Err(e) => panic!("{repo}: {e}"),
            }
        }
    }
    // only the nested darcs-1 mergers of conflicts-d1 and conflicts-unresolved-d1 (their
    // summary is their effect, which needs darcs-1 commutation: not modelled)
    assert!(unsupported <= 8, "{unsupported}");
}

// ------------------------------------------------------------------ replay

/// A tiny independent tree model, to check that parsed patches and the effects the
/// verified core gives them (ops 20, 21, 23 for conflicted ones) rebuild the pristine tree.
#[derive(Default, Debug)]
struct Tree {
    files: BTreeMap<Vec<Vec<u8>>, Vec<u8>>,
    dirs: BTreeSet<Vec<Vec<u8>>>,
}

fn token_class(spec: &[u8]) -> [bool; 256] {
    let (neg, s) = match spec.strip_prefix(b"^") {
        Some(r) => (true, r),
        None => (false, spec),
    };
    let mut chars = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'\\' && i + 1 < s.len() {
            chars.push(match s[i + 1] {
                b'n' => b'\n',
                b't' => b'\t',
                c => c,
            });
            i += 2;
        } else {
            chars.push(s[i]);
            i += 1;
        }
    }
    let mut set = [false; 256];
    let mut j = 0;
    while j < chars.len() {
        if j + 2 < chars.len() && chars[j + 1] == b'-' {
            for c in chars[j]..=chars[j + 2] {
                set[c as usize] = true;
            }
            j += 3;
        } else {
            set[chars[j] as usize] = true;
            j += 1;
        }
    }
    if neg {
        set.iter_mut().for_each(|b| *b = !*b);
    }
    set
}

fn tok_replace(tokchars: &[u8], old: &[u8], new: &[u8], content: &[u8]) -> Option<Vec<u8>> {
    let is_tok = token_class(tokchars);
    let mut out = Vec::new();
    let mut i = 0;
    while i < content.len() {
        if is_tok[content[i] as usize] {
            let j = i + content[i..].iter().position(|&c| !is_tok[c as usize]).unwrap_or(content.len() - i);
            let tok = &content[i..j];
            if tok == old {
                out.extend_from_slice(new);
            } else if tok == new {
                return None;
            } else {
                out.extend_from_slice(tok);
            }
            i = j;
        } else {
            out.push(content[i]);
            i += 1;
        }
    }
    Some(out)
}

fn under(p: &[Vec<u8>], dir: &[Vec<u8>]) -> bool {
    p.len() > dir.len() && p.starts_with(dir)
}

impl Tree {
    fn apply(&mut self, p: &Prim) -> Result<(), String> {
        match p {
            Prim::AddFile(x) => {
                if self.files.insert(x.clone(), Vec::new()).is_some() {
                    return Err("addfile: exists".into());
                }
            }
            Prim::RmFile(x) => match self.files.remove(x) {
                Some(c) if c.is_empty() => {}
                _ => return Err("rmfile of missing or non-empty file".into()),
            },
            Prim::AddDir(x) => {
                self.dirs.insert(x.clone());
            }
            Prim::RmDir(x) => {
                if self.files.keys().any(|f| under(f, x))
                    || self.dirs.iter().any(|d| under(d, x))
                    || !self.dirs.remove(x)
                {
                    return Err("rmdir".into());
                }
            }
            Prim::Move { from, to } => {
                if let Some(c) = self.files.remove(from) {
                    self.files.insert(to.clone(), c);
                } else if self.dirs.remove(from) {
                    self.dirs.insert(to.clone());
                    let rename = |p: &Vec<Vec<u8>>| {
                        let mut n = to.clone();
                        n.extend_from_slice(&p[from.len()..]);
                        n
                    };
                    let fs: Vec<_> = self.files.keys().filter(|f| under(f, from)).cloned().collect();
                    for f in fs {
                        let c = self.files.remove(&f).unwrap();
                        self.files.insert(rename(&f), c);
                    }
                    let ds: Vec<_> = self.dirs.iter().filter(|d| under(d, from)).cloned().collect();
                    for d in ds {
                        self.dirs.remove(&d);
                        self.dirs.insert(rename(&d));
                    }
                } else {
                    return Err("move of missing path".into());
                }
            }
            Prim::Hunk { path, line, old, new } => {
                let c = self.files.get_mut(path).ok_or("hunk on missing file")?;
                let mut pieces: Vec<Vec<u8>> = c.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let start = *line as usize - 1;
                if pieces.len() < start + old.len() || pieces[start..start + old.len()] != old[..] {
                    return Err(format!("hunk does not apply at line {line}"));
                }
                pieces.splice(start..start + old.len(), new.iter().cloned());
                *c = pieces.join(&b'\n');
            }
            Prim::Replace { path, tokchars, old, new } => {
                let c = self.files.get_mut(path).ok_or("replace on missing file")?;
                *c = tok_replace(tokchars, old, new, c).ok_or("replace: new token present")?;
            }
            Prim::Binary { path, old, new } => {
                let c = self.files.get_mut(path).ok_or("binary on missing file")?;
                if c != old {
                    return Err("binary: old content differs".into());
                }
                *c = new.clone();
            }
            Prim::ChangePref { .. } => {}
        }
        Ok(())
    }
}

#[test]
fn effects_replay_to_the_pristine_tree() {
    for repo in common::corpus_repos() {
        let r = open(&repo);
        let mut t = Tree::default();
        let mut skipped = false;
        for i in 0..r.len() {
            let np = r.patch(i).unwrap();
            let prims = match darcsweb::core::effect::of_body(&np.body) {
                Ok(e) => e,
                Err(darcsweb::core::CoreError::Unsupported(_)) if r.format() == RepoFormat::Darcs1 => {
                    skipped = true;
                    break;
                }
                Err(e) => panic!("{repo} #{i}: {e}"),
            };
            for p in &prims {
                t.apply(p).unwrap_or_else(|e| panic!("{repo} #{i} ({}): {e}: {p:?}", np.info.name_str()));
            }
        }
        if skipped {
            assert!(repo.starts_with("conflicts"), "{repo}: only darcs-1 merger repos may be skipped");
            continue;
        }
        let mut want = Tree::default();
        for w in r.pristine().walk(r.pristine_root()).unwrap() {
            match w.kind {
                EntryKind::File => {
                    want.files.insert(w.path, r.pristine().read_file(&w.hash).unwrap());
                }
                EntryKind::Directory => {
                    want.dirs.insert(w.path);
                }
            }
        }
        assert_eq!(t.dirs, want.dirs, "{repo}: directories after replay");
        assert!(t.files == want.files, "{repo}: files after replay differ");
    }
}

#[test]
fn suspended_patches_of_rebases() {
    for repo in common::corpus_repos() {
        let r = open(&repo);
        let s = r.suspended().unwrap_or_else(|e| panic!("{repo}: {e}"));
        assert_eq!(r.format_info().rebase_in_progress, !s.is_empty(), "{repo}");
        if repo.starts_with("rebase-") {
            let names: Vec<&[u8]> = s.iter().map(|x| x.patch.info.name.as_slice()).collect();
            assert_eq!(names, vec![&b"append e"[..], b"add z"], "{repo}");
            assert_eq!(s[0].fixups.len(), 1, "{repo}");
            assert!(s[1].fixups.is_empty(), "{repo}");
            // suspended patches are not in the inventory
            for x in &s {
                assert_eq!(r.index_of(&x.patch.info.id()), None);
            }
        }
    }
}

// ------------------------------------------------------------------ bundles

#[test]
fn bundles_parse_and_verify() {
    let dir = common::corpus().join("bundles");
    let mut seen = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = read(&path);
        if name.ends_with(".context") {
            let ctx = parse_context(&data, &path).unwrap();
            let r = open("prims-d2");
            // the patches after the last tag, then that tag (newest first)
            let last_tag = r.tags()[0].0;
            let want: Vec<String> = (last_tag..r.len()).rev().map(|i| r.ids()[i].clone()).collect();
            assert_eq!(ctx.iter().map(PatchInfo::id).collect::<Vec<_>>(), want, "{name}");
            seen += 1;
            continue;
        }
        let repo = name.split("-all").next().unwrap().split("-last").next().unwrap().to_string();
        let r = open(&repo);
        let b = parse_bundle(&data, r.format(), &path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(b.hash.is_some(), "{name}: bundle hash present");
        let ids: Vec<String> = b.patches.iter().map(|p| p.info.id()).collect();
        let want: Vec<String> = if name.contains("last3") { r.ids()[r.len() - 3..].to_vec() } else { r.ids().to_vec() };
        assert_eq!(ids, want, "{name}");
        if name.contains("last3") {
            assert!(!b.context.is_empty());
        } else {
            assert!(b.context.is_empty(), "{name}: sent to an empty repository");
        }
        // each patch's text in the bundle is exactly the repository's storage form
        for (k, range) in b.patch_texts.iter().enumerate() {
            let idx = r.index_of(&ids[k]).unwrap();
            assert_eq!(&b.text[range.clone()], r.patch_bytes(idx).unwrap().as_slice(), "{name} patch {k}");
        }
        seen += 1;
    }
    assert!(seen >= 8);
}

// ------------------------------------------------------------------ speed

#[test]
fn ten_thousand_patch_inventory_parses_fast() {
    let mut text = b"pristine:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n".to_vec();
    for i in 0..10_000 {
        text.extend_from_slice(
            format!(
                "[patch number {i} with a reasonably long name\nSome Author <someone@example.com>**20240101{:06}\n Ignore-this: {:080x}\n a second log line\n] \nhash: 0000000248-{:064x}\n",
                i % 1_000_000,
                i,
                i
            )
            .as_bytes(),
        );
    }
    let start = std::time::Instant::now();
    let inv = parse_inventory(&text, Path::new("big")).unwrap();
    let parse = start.elapsed();
    let ids: Vec<String> = inv.entries.iter().map(|e| e.info.id()).collect();
    let total = start.elapsed();
    assert_eq!(inv.entries.len(), 10_000);
    assert_eq!(ids.len(), 10_000);
    eprintln!("10k inventory: parse {parse:?}, parse+ids {total:?}");
    // generous for unoptimised test builds; release builds take a few milliseconds
    assert!(parse.as_millis() < 1000, "{parse:?}");
}

// ------------------------------------------------------------------ a fresh repository

/// A repository made now by the installed darcs, with names the corpus lacks
/// (XML special characters, an EM SPACE, a file in a deep directory).
#[test]
fn fresh_repository_matches_darcs() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("r");
    std::fs::create_dir(&repo).unwrap();
    let ok = |o: std::process::Output| {
        assert!(o.status.success(), "darcs failed: {}", String::from_utf8_lossy(&o.stderr));
        o.stdout
    };
    ok(common::darcs(&["init", "--darcs-2"], &repo));
    std::fs::create_dir_all(repo.join("deep/er")).unwrap();
    std::fs::write(repo.join("em\u{2003}space & <x>.txt"), "a\nb\n").unwrap();
    std::fs::write(repo.join("deep/er/q'\"uote.txt"), "one\ntwo").unwrap();
    ok(common::darcs(&["add", "-r", "--reserved-ok", "."], &repo));
    ok(common::darcs(&["record", "-a", "--ignore-times", "-m", "first & <only> 'patch' \"quoted\""], &repo));
    std::fs::write(repo.join("deep/er/q'\"uote.txt"), "one\nTWO\nthree\n").unwrap();
    ok(common::darcs(&["mv", "em\u{2003}space & <x>.txt", "deep/moved.txt"], &repo));
    ok(common::darcs(&["record", "-a", "--ignore-times", "-m", "second"], &repo));

    let r = Repository::open(&repo).unwrap();
    let xml = parse_log_xml(&ok(common::darcs(&["log", "--xml-output", "--summary"], &repo)));
    assert_eq!(xml.len(), 2);
    for (x, i) in xml.iter().zip((0..r.len()).rev()) {
        let np = r.patch(i).unwrap();
        assert_eq!(np.info.id(), x.hash);
        assert_eq!(np.info.name, x.name);
        assert_eq!(summary_xml(&np.summary().unwrap()), *x.summary.as_ref().unwrap(), "{}", x.hash);
    }
    let mut files: Vec<Vec<u8>> = vec![b".".to_vec()];
    files.extend(r.pristine().walk(r.pristine_root()).unwrap().iter().map(|w| display_bytes(&w.path)));
    files.sort();
    let mut want = lines(&ok(common::darcs(&["show", "files", "--no-pending"], &repo)));
    want.sort();
    assert_eq!(files, want);
    let mut ours = r.patch(1).unwrap().log_verbose();
    ours.push(b'\n');
    ours.extend(r.patch(0).unwrap().log_verbose());
    assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&ok(common::darcs(&["log", "-v"], &repo))));
}
