//! Damaged repositories: every kind of damage yields its own error variant naming the
//! damaged file, never a panic and never silently accepted data.

use crate::common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use darcsweb::darcs::bundle::parse_bundle;
use darcsweb::darcs::hash::{Limits, SizeHash};
use darcsweb::darcs::inventory::{parse_inventory, read_chain_with};
use darcsweb::darcs::pristine::parse_dir;
use darcsweb::darcs::{EntryKind, Error, NamedPatch, Options, PatchInfo, RepoFormat, Repository};
use proptest::prelude::*;

/// A private copy of a corpus repository.
fn copy_of(repo: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dst = tmp.path().join(repo);
    common::copy_dir(&common::corpus().join("repos").join(repo), &dst).unwrap();
    (tmp, dst)
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn gunzip(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(data).read_to_end(&mut out).unwrap();
    out
}

fn darcs_dir(repo: &Path) -> PathBuf {
    repo.join("_darcs")
}

/// Open the repository and read everything (all patches, the whole pristine tree);
/// return the first error.
fn first_error_with(repo: &Path, opts: Options) -> Error {
    let r = match Repository::open_with(repo, opts) {
        Ok(r) => r,
        Err(e) => return e,
    };
    for i in 0..r.len() {
        if let Err(e) = r.patch(i) {
            return e;
        }
    }
    let walk = match r.pristine().walk(r.pristine_root()) {
        Ok(w) => w,
        Err(e) => return e,
    };
    for w in walk {
        if w.kind == EntryKind::File {
            if let Err(e) = r.pristine().read_file(&w.hash) {
                return e;
            }
        }
    }
    panic!("{}: no error although the repository was damaged", repo.display());
}

fn first_error(repo: &Path) -> Error {
    first_error_with(repo, Options::default())
}

fn assert_names(e: &Error, suffix: &str) {
    let f = e.file().unwrap_or_else(|| panic!("error names no file: {e}"));
    assert!(f.ends_with(suffix), "{e}: expected to name {suffix}, names {}", f.display());
    // the message shows the file too
    assert!(e.to_string().contains(&*f.to_string_lossy()), "{e}");
}

/// Name of the newest patch file (the last entry of `hashed_inventory`).
fn newest_patch(repo: &Path) -> String {
    let r = Repository::open(repo).unwrap();
    r.entries().last().unwrap().patch_file.clone()
}

/// Store `content` as a new patch file (named by its hash) and append it to
/// `hashed_inventory` (with `info` as the entry). Returns the file name.
fn append_patch(repo: &Path, info: &[u8], content: &[u8], name: Option<String>) -> String {
    let name = name.unwrap_or_else(|| SizeHash::of(content).to_string());
    std::fs::write(darcs_dir(repo).join("patches").join(&name), gzip(content)).unwrap();
    let mut inv = std::fs::read(darcs_dir(repo).join("hashed_inventory")).unwrap();
    inv.extend_from_slice(info);
    inv.extend_from_slice(format!(" \nhash: {name}\n").as_bytes());
    std::fs::write(darcs_dir(repo).join("hashed_inventory"), inv).unwrap();
    name
}

const INFO: &[u8] = b"[damaged patch\nTester <t@example.com>**20240202000000\n Ignore-this: 0123\n]";

fn append_body(repo: &Path, body: &str) -> String {
    let mut content = INFO.to_vec();
    content.push(b' ');
    content.extend_from_slice(body.as_bytes());
    append_patch(repo, INFO, &content, None)
}

#[test]
fn truncated_gzip_patch() {
    let (_t, repo) = copy_of("prims-d2");
    let name = newest_patch(&repo);
    let p = darcs_dir(&repo).join("patches").join(&name);
    let gz = std::fs::read(&p).unwrap();
    std::fs::write(&p, &gz[..gz.len() / 2]).unwrap();
    let e = first_error(&repo);
    assert!(matches!(e, Error::BadGzip { .. }), "{e}");
    assert_names(&e, &format!("patches/{name}"));
}

#[test]
fn missing_patch_file() {
    let (_t, repo) = copy_of("prims-d2");
    let name = newest_patch(&repo);
    std::fs::remove_file(darcs_dir(&repo).join("patches").join(&name)).unwrap();
    let e = first_error(&repo);
    assert!(matches!(&e, Error::MissingFile { searched, .. } if searched.is_empty()), "{e}");
    assert_names(&e, &format!("patches/{name}"));
}

#[test]
fn hash_and_size_mismatch_in_a_patch() {
    let (_t, repo) = copy_of("prims-d2");
    let name = newest_patch(&repo);
    let p = darcs_dir(&repo).join("patches").join(&name);
    let orig = gunzip(&std::fs::read(&p).unwrap());
    let mut same_size = orig.clone();
    *same_size.last_mut().unwrap() ^= 0x20;
    std::fs::write(&p, gzip(&same_size)).unwrap();
    let e = first_error(&repo);
    assert!(matches!(e, Error::HashMismatch { .. }), "{e}");
    assert_names(&e, &format!("patches/{name}"));

    let mut longer = orig.clone();
    longer.push(b'\n');
    std::fs::write(&p, &longer).unwrap(); // also: uncompressed files are accepted, and checked
    let e = first_error(&repo);
    assert!(matches!(e, Error::SizeMismatch { expected, actual, .. } if actual == expected + 1), "{e}");
    assert_names(&e, &format!("patches/{name}"));

    std::fs::write(&p, &orig).unwrap(); // uncompressed but intact: fine
    assert!(Repository::open(&repo).unwrap().patch(Repository::open(&repo).unwrap().len() - 1).is_ok());
}

#[test]
fn hash_mismatch_in_an_inventory() {
    let (_t, repo) = copy_of("prims-d2");
    let r = Repository::open(&repo).unwrap();
    let parent = r.inventory().files.last().unwrap().clone();
    let p = darcs_dir(&repo).join("inventories").join(&parent);
    let mut inv = gunzip(&std::fs::read(&p).unwrap());
    let k = inv.iter().position(|&b| b == b'[').unwrap() + 1;
    inv[k] ^= 1; // a patch name changes, the size does not
    std::fs::write(&p, gzip(&inv)).unwrap();
    let e = first_error(&repo);
    assert!(matches!(e, Error::HashMismatch { .. }), "{e}");
    assert_names(&e, &format!("inventories/{parent}"));
}

#[test]
fn hash_mismatch_in_pristine_objects() {
    let (_t, repo) = copy_of("prims-d2");
    let r = Repository::open(&repo).unwrap();
    let walk = r.pristine().walk(r.pristine_root()).unwrap();
    let f = walk.iter().find(|w| w.kind == EntryKind::File && w.path == vec![b"g.txt".to_vec()]).unwrap();
    let p = darcs_dir(&repo).join("pristine.hashed").join(&f.hash);
    let mut data = gunzip(&std::fs::read(&p).unwrap());
    data[0] ^= 1;
    std::fs::write(&p, gzip(&data)).unwrap();
    let e = first_error(&repo);
    assert!(matches!(e, Error::HashMismatch { .. }), "{e}");
    assert_names(&e, &format!("pristine.hashed/{}", f.hash));

    // a damaged directory listing (the root)
    let root = r.pristine_root().to_string();
    let p = darcs_dir(&repo).join("pristine.hashed").join(&root);
    let mut data = gunzip(&std::fs::read(&p).unwrap());
    data.truncate(data.len() - 1);
    std::fs::write(&p, gzip(&data)).unwrap();
    let e = r.pristine().walk(&root).unwrap_err();
    assert!(matches!(e, Error::HashMismatch { .. }), "{e}");
    assert_names(&e, &format!("pristine.hashed/{root}"));
}

#[test]
fn missing_pristine_root() {
    let (_t, repo) = copy_of("prims-d2");
    let root = Repository::open(&repo).unwrap().pristine_root().to_string();
    std::fs::remove_file(darcs_dir(&repo).join("pristine.hashed").join(&root)).unwrap();
    let e = first_error(&repo);
    assert!(matches!(e, Error::MissingFile { .. }), "{e}");
    assert_names(&e, &format!("pristine.hashed/{root}"));
}

#[test]
fn malformed_hunk_header() {
    let (_t, repo) = copy_of("prims-d2");
    let name = append_body(&repo, "hunk ./f.txt x\n+a");
    let e = first_error(&repo);
    match &e {
        Error::Malformed { line, what, .. } => {
            assert_eq!(*line, 4, "{e}");
            assert!(what.contains("hunk"), "{e}");
        }
        _ => panic!("{e}"),
    }
    assert_names(&e, &format!("patches/{name}"));

    let (_t, repo) = copy_of("prims-d2");
    let name = append_body(&repo, "hunk f.txt 1\n+a");
    let e = first_error(&repo);
    assert!(matches!(&e, Error::Malformed { what, .. } if what.contains("./")), "{e}");
    assert_names(&e, &format!("patches/{name}"));
}

#[test]
fn bad_hex_in_binary() {
    let (_t, repo) = copy_of("prims-d2");
    let name = append_body(&repo, "binary ./image.png\noldhex\n*0g\nnewhex\n*");
    let e = first_error(&repo);
    assert!(matches!(&e, Error::Malformed { what, .. } if what.contains("hex")), "{e}");
    assert_names(&e, &format!("patches/{name}"));
}

#[test]
fn garbage_patch_body() {
    for (fmt_repo, body) in [
        ("prims-d2", "conflictor [\nhunk ./f 1\n+x\n"),
        ("prims-d2", "frobnicate ./x"),
        ("prims-d3", "hash 1 nothex\naddfile ./x"),
        ("prims-d1", "merger 0.0 (\naddfile ./x\n"),
        ("prims-d2", "replace ./tok.txt A-Z a b"),
        ("prims-d2", "move ./a/../b ./c"),
    ] {
        let (_t, repo) = copy_of(fmt_repo);
        let name = append_body(&repo, body);
        let e = first_error(&repo);
        assert!(matches!(e, Error::Malformed { .. }), "{fmt_repo} {body:?}: {e}");
        assert_names(&e, &format!("patches/{name}"));
    }
}

#[test]
fn patch_info_differs_from_inventory() {
    let (_t, repo) = copy_of("prims-d2");
    let other = b"[another name\nTester <t@example.com>**20240202000000\n Ignore-this: 0123\n] addfile ./zz";
    let name = append_patch(&repo, INFO, other, None);
    let e = first_error(&repo);
    assert!(matches!(e, Error::InfoMismatch { .. }), "{e}");
    assert_names(&e, &format!("patches/{name}"));
}

#[test]
fn inventory_chain_cycle() {
    let (_t, repo) = copy_of("prims-d2");
    let a = "0000000101-aaaa8c43a4ab579760732e1f7eacaa36259913a1286faad56656c4f9766cd085";
    let b = "0000000101-bbbb8c43a4ab579760732e1f7eacaa36259913a1286faad56656c4f9766cd085";
    let invdir = darcs_dir(&repo).join("inventories");
    let tag = |n: &str| format!("[TAG {n}\nTester <t@example.com>**20240202000000] \nhash: {a}\n");
    std::fs::write(invdir.join(a), format!("Starting with inventory:\n{b}\n{}", tag("a"))).unwrap();
    std::fs::write(invdir.join(b), format!("Starting with inventory:\n{a}\n{}", tag("b"))).unwrap();
    let head_path = darcs_dir(&repo).join("hashed_inventory");
    let head = std::fs::read(&head_path).unwrap();
    let text = String::from_utf8(head).unwrap();
    let old_parent = text.lines().nth(2).unwrap().to_string();
    let head = text.replace(&old_parent, a).into_bytes();
    std::fs::write(&head_path, &head).unwrap();
    // with verification (the normal path) the forged files are rejected by their names
    // (here the size: nothing is read past the size a name gives)
    let e = first_error(&repo);
    assert!(matches!(e, Error::HashMismatch { .. } | Error::SizeMismatch { .. }), "{e}");
    assert_names(&e, &format!("inventories/{a}"));
    // a loader that does not verify (e.g. a remote fetcher under test) still cannot loop
    let e = read_chain_with(&head, &head_path, |n| {
        let p = invdir.join(n);
        let d = std::fs::read(&p).map_err(|e| Error::io(&p, e))?;
        Ok((p, d))
    })
    .unwrap_err();
    match &e {
        Error::InventoryCycle { hash, .. } => assert_eq!(hash, a),
        _ => panic!("{e}"),
    }
    assert_names(&e, &format!("inventories/{b}"));
}

#[test]
fn unknown_format_line() {
    let (_t, repo) = copy_of("prims-d2");
    std::fs::write(darcs_dir(&repo).join("format"), "hashed\ndarcs-2\nquantum-patches\n").unwrap();
    let e = first_error(&repo);
    assert!(matches!(&e, Error::UnsupportedFormat(m) if m.contains("quantum-patches")), "{e}");
    // an unknown alternative next to a known one is readable
    std::fs::write(darcs_dir(&repo).join("format"), "hashed\ndarcs-2|quantum-patches\n").unwrap();
    assert!(Repository::open(&repo).is_ok());
}

#[test]
fn old_fashioned_format() {
    let (_t, repo) = copy_of("prims-d1");
    std::fs::write(darcs_dir(&repo).join("format"), "darcs-1.0\n").unwrap();
    let e = first_error(&repo);
    assert!(matches!(&e, Error::UnsupportedFormat(m) if m.contains("old-fashioned")), "{e}");
    std::fs::remove_file(darcs_dir(&repo).join("format")).unwrap();
    std::fs::write(darcs_dir(&repo).join("inventory"), "").unwrap();
    let e = first_error(&repo);
    assert!(matches!(&e, Error::UnsupportedFormat(m) if m.contains("old-fashioned")), "{e}");
    std::fs::remove_file(darcs_dir(&repo).join("inventory")).unwrap();
    let e = first_error(&repo);
    assert!(matches!(e, Error::MissingFile { .. }), "{e}");
    assert_names(&e, "_darcs/format");
}

#[test]
fn garbage_hashed_inventory() {
    let (_t, repo) = copy_of("prims-d2");
    std::fs::write(darcs_dir(&repo).join("hashed_inventory"), b"\x00\xffthis is not an inventory\n").unwrap();
    let e = first_error(&repo);
    assert!(matches!(e, Error::Malformed { line: 1, .. }), "{e}");
    assert_names(&e, "_darcs/hashed_inventory");

    let (_t, repo) = copy_of("prims-d2");
    let p = darcs_dir(&repo).join("hashed_inventory");
    let text = std::fs::read_to_string(&p).unwrap();
    let h = text.lines().last().unwrap().strip_prefix("hash: ").unwrap().to_string();
    std::fs::write(&p, text.replace(&h, "0000000202-../../../../etc/passwd")).unwrap();
    let e = first_error(&repo);
    assert!(matches!(&e, Error::BadHash { hash, .. } if hash.contains("passwd")), "{e}");
    assert_names(&e, "_darcs/hashed_inventory");
}

#[test]
fn files_over_the_size_cap() {
    // a patch larger than the cap: refused before it is read
    let (_t, repo) = copy_of("prims-d2");
    let full = Repository::open(&repo).unwrap();
    let size = |n: &str| SizeHash::parse(n).unwrap().size.unwrap();
    let cap = full.inventory().files.iter().map(|n| size(n)).max().unwrap().max(8192);
    let small = Options { limits: Limits { max_file_size: cap, ..Limits::default() }, ..Options::default() };
    let r = Repository::open_with(&repo, small).unwrap();
    let big = (0..r.len()).find(|&i| size(&r.entries()[i].patch_file) > cap).expect("a patch above the cap");
    let e = r.patch(big).unwrap_err();
    assert!(matches!(e, Error::TooLarge { limit, .. } if limit == cap), "{e}");
    assert_names(&e, &format!("patches/{}", r.entries()[big].patch_file));

    // a gzip bomb under a bare-hash name (no size to check first): decompression stops at the cap
    let mut content = INFO.to_vec();
    content.extend_from_slice(b" hunk ./bomb 1\n+");
    content.extend(std::iter::repeat_n(b'x', 5 << 20));
    let bare = SizeHash::of(&content).hex();
    let name = append_patch(&repo, INFO, &content, Some(bare.clone()));
    let gz_len = std::fs::metadata(darcs_dir(&repo).join("patches").join(&name)).unwrap().len();
    assert!(gz_len < 64 << 10, "compressed bomb is small ({gz_len} bytes)");
    let capped = Options { limits: Limits { max_file_size: 1 << 20, ..Limits::default() }, ..Options::default() };
    let r = Repository::open_with(&repo, capped).unwrap();
    let e = r.patch(r.len() - 1).unwrap_err();
    assert!(matches!(e, Error::TooLarge { limit, .. } if limit == 1 << 20), "{e}");
    assert_names(&e, &format!("patches/{bare}"));
    // with the default cap the same patch is fine
    let r = Repository::open(&repo).unwrap();
    assert_eq!(r.patch(r.len() - 1).unwrap().info.name, b"damaged patch");
}

#[test]
fn non_utf8_names_are_fine() {
    let (_t, repo) = copy_of("prims-d2");
    let info = b"[caf\xe9 \xff name\nJ\xe9rome <j@example.com>**20240202000000\n Ignore-this: 1\n \xfe log\n]";
    let mut content = info.to_vec();
    content.extend_from_slice(b" addfile ./\xff\xfe.bin\nhunk ./\xff\xfe.bin 1\n+\xc3(");
    append_patch(&repo, info, &content, None);
    let r = Repository::open(&repo).unwrap();
    let np = r.patch(r.len() - 1).unwrap();
    assert_eq!(np.info.name, b"caf\xe9 \xff name");
    assert_eq!(np.info.author_str(), "Jérome <j@example.com>");
    assert_eq!(np.body.len(), 2);
    assert_eq!(np.to_storage_bytes(RepoFormat::Darcs2), content);
    // and the corpus' own Latin-1 file name is listed
    let walk = r.pristine().walk(r.pristine_root()).unwrap();
    assert!(walk.iter().any(|w| w.path == vec![b"lat\xe9n1.txt".to_vec()]));
}

#[test]
fn lazy_repository_with_unreachable_source() {
    let (_t, repo) = copy_of("lazy-d2");
    // with its source the lazy clone reads fine
    let r = Repository::open(&repo).unwrap();
    assert!(r.patch(0).is_ok());
    std::fs::write(
        darcs_dir(&repo).join("prefs").join("sources"),
        "repo:/nonexistent/origin\nrepo:http://example.com/x\n",
    )
    .unwrap();
    let e = first_error(&repo);
    match &e {
        Error::MissingFile { searched, .. } => {
            assert_eq!(searched.len(), 1, "{e}");
            assert!(searched[0].starts_with("/nonexistent/origin/_darcs"));
        }
        _ => panic!("{e}"),
    }
}

#[test]
fn bundle_with_wrong_hash() {
    let path = common::corpus().join("bundles").join("prims-d2-all.dpatch");
    let mut data = std::fs::read(&path).unwrap();
    let k = data.windows(6).position(|w| w == b"\n+line").unwrap() + 2;
    data[k] = b'L';
    let e = parse_bundle(&data, RepoFormat::Darcs2, &path).unwrap_err();
    assert!(matches!(e, Error::HashMismatch { .. }), "{e}");
    assert_names(&e, "prims-d2-all.dpatch");
    // without the hash lines the same (altered) bundle parses
    let s = String::from_utf8_lossy(&data).into_owned();
    let cut = s.find("Patch bundle hash:").unwrap();
    assert!(parse_bundle(&s.as_bytes()[..cut], RepoFormat::Darcs2, &path).is_ok());
}

// ------------------------------------------------------------------ fuzzing

fn samples() -> &'static Vec<(RepoFormat, Vec<u8>)> {
    static S: std::sync::OnceLock<Vec<(RepoFormat, Vec<u8>)>> = std::sync::OnceLock::new();
    S.get_or_init(|| {
        let mut v = Vec::new();
        for repo in ["prims-d1", "prims-d2", "prims-d3", "conflicts-d1", "conflicts-d2", "conflicts-d3"] {
            let r = Repository::open(common::corpus().join("repos").join(repo)).unwrap();
            for i in 0..r.len() {
                v.push((r.format(), r.patch_bytes(i).unwrap()));
            }
        }
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Random damage to real patch files, inventories and listings never panics.
    #[test]
    fn damaged_texts_never_panic(
        which in 0usize..10_000,
        edits in proptest::collection::vec((0usize..100_000, any::<u8>()), 0..6),
        cut in proptest::option::of(0usize..100_000),
    ) {
        let s = samples();
        let (fmt, orig) = &s[which % s.len()];
        let mut data = orig.clone();
        for (pos, byte) in &edits {
            if !data.is_empty() {
                let k = pos % data.len();
                data[k] = *byte;
            }
        }
        if let Some(c) = cut {
            data.truncate(c % (data.len() + 1));
        }
        let f = Path::new("fuzz");
        for f2 in [RepoFormat::Darcs1, RepoFormat::Darcs2, RepoFormat::Darcs3] {
            if let Ok(np) = NamedPatch::parse(&data, f2, f) {
                let _ = darcsweb::core::effect::of_body(&np.body);
                let _ = np.summary();
                let _ = np.to_storage_bytes(f2);
                let _ = np.log_verbose();
            }
        }
        let _ = parse_inventory(&data, f);
        let _ = parse_dir(&data, f);
        let _ = parse_bundle(&data, *fmt, f);
        let _ = PatchInfo::parse(&data);
        if edits.is_empty() && cut.is_none() {
            prop_assert!(NamedPatch::parse(&data, *fmt, f).is_ok());
        }
    }
}
