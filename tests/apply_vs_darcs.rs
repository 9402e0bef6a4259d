//! The three apply cases where darcs' `apply` and the model could differ (theories/README.md,
//! "Deviations from darcs"), decided against the real darcs 2.16:
//!
//! 1. `rmfile` of a non-empty file,
//! 2. `addfile` of a file that exists,
//! 3. `move` whose source is absent.
//!
//! For each, a patch is built with darcs (a bundle darcs wrote, its body replaced) and
//! applied with `darcs apply` to a bare repository; and a repository holding the patch is
//! written by hand (patch file and inventory entry, with correct hashes) and checked with
//! `darcs check`. darcsweb answers through `darcsweb::core::apply` (op 1, what the server
//! uses for old versions) and `darcsweb::repo::check` (the replay of a repository).
//!
//! Observed with darcs 2.16.5: `darcs apply` accepts 1 (the pristine loses the file) and 2
//! (the pristine's file becomes empty) and refuses 3; `darcs check` calls all three
//! repositories broken. darcsweb refuses all three (the patch does not apply).

use crate::common;

use std::io::Write;
use std::path::{Path, PathBuf};

use darcsweb::core::{self, CoreError, Node, Tree};
use darcsweb::darcs::prim::Prim;
use darcsweb::repo::check::{self, Outcome};
use sha2::{Digest, Sha256};

fn p(s: &str) -> Vec<Vec<u8>> {
    s.split('/').map(|c| c.as_bytes().to_vec()).collect()
}

fn ok(out: &std::process::Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn text(out: &std::process::Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// The darcs version the model follows (README: darcs 2.16.x).
fn require_darcs_216() {
    assert!(common::darcs_available(), "the darcs binary is required (darcs 2.16)");
    let out = common::darcs(&["--version"], Path::new("."));
    let v = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(v.starts_with("2.16."), "these cases are pinned to darcs 2.16.x, found {v}");
}

/// `base`: one file `f` holding `a\n`, one patch. Returns its directory.
fn base(root: &Path) -> PathBuf {
    let dir = root.join("base");
    ok(&common::darcs(&["init", "--repo", "base"], root), "darcs init");
    std::fs::write(dir.join("f"), "a\n").unwrap();
    ok(&common::darcs(&["add", "f"], &dir), "darcs add");
    ok(&common::darcs(&["record", "-a", "-m", "base", "--no-cache"], &dir), "darcs record");
    dir
}

fn bare_clone(from: &Path, to: &Path) {
    let out = common::darcs(
        &["clone", "--no-working-dir", "--no-cache", from.to_str().unwrap(), to.to_str().unwrap()],
        from.parent().unwrap(),
    );
    ok(&out, "darcs clone");
}

/// A bundle against `base` whose one patch (`probe`) has the prim lines `body`: darcs
/// writes a bundle for a patch that edits `f` (so that its context is `base`, not empty),
/// whose prim is then replaced (and the bundle hash dropped; darcs 2.16 applies a bundle
/// without one).
fn bundle(root: &Path, base: &Path, n: usize, body: &str) -> PathBuf {
    let src = root.join("src");
    if !src.exists() {
        let out = common::darcs(&["clone", "--no-cache", "base", "src"], root);
        ok(&out, "darcs clone");
        std::fs::write(src.join("f"), "a\nb\n").unwrap();
        ok(&common::darcs(&["record", "-a", "-m", "probe", "--no-cache"], &src), "darcs record");
        let out = common::darcs(
            &["send", "--no-cache", "--no-edit-description", "-a", "-o", "probe.dpatch", base.to_str().unwrap()],
            &src,
        );
        ok(&out, "darcs send");
    }
    let b = std::fs::read_to_string(src.join("probe.dpatch")).unwrap();
    assert!(b.contains("] hunk ./f 2\n+b\n") && b.contains("\n[base\n"), "unexpected bundle: {b}");
    let b = b.replacen("] hunk ./f 2\n+b\n", &format!("] {body}\n"), 1);
    let b = b.split("Patch bundle hash:").next().unwrap().to_owned();
    let path = root.join(format!("case-{n}.dpatch"));
    std::fs::write(&path, b).unwrap();
    path
}

/// Append to `repo` a hand-written patch `name` with the prim lines `body` (darcs-2 hashed
/// format: the gzipped patch file named by size and sha256 of its text, an inventory entry).
fn append_patch(repo: &Path, name: &str, body: &str) {
    let info = format!(
        "[{name}\nTest User <test@example.com>**20200101000000\n Ignore-this: {}\n] ",
        hex::encode(Sha256::digest(name.as_bytes()))
    );
    let content = format!("{info}{body}");
    let hash = format!("{:010}-{}", content.len(), hex::encode(Sha256::digest(content.as_bytes())));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(content.as_bytes()).unwrap();
    std::fs::write(repo.join("_darcs/patches").join(&hash), gz.finish().unwrap()).unwrap();
    let inv = repo.join("_darcs/hashed_inventory");
    let mut s = std::fs::read_to_string(&inv).unwrap();
    if !s.ends_with('\n') {
        s.push('\n');
    }
    s.push_str(&format!("{info}\nhash: {hash}\n"));
    std::fs::write(&inv, s).unwrap();
}

struct Case {
    body: &'static str,
    prim: Prim,
    /// What `darcs check` says of a repository holding the patch.
    darcs_check_says: &'static str,
}

fn cases() -> Vec<Case> {
    vec![
        Case { body: "rmfile ./f", prim: Prim::RmFile(p("f")), darcs_check_says: "Fixing removal of non-empty file f" },
        Case { body: "addfile ./f", prim: Prim::AddFile(p("f")), darcs_check_says: "Dropping add of existing file f" },
        Case {
            body: "move ./g ./h",
            prim: Prim::Move { from: p("g"), to: p("h") },
            darcs_check_says: "Dropping move patch with non-existing source g",
        },
    ]
}

/// darcsweb's apply (op 1) and its replay of a repository refuse each case; `darcs check`
/// calls each such repository broken.
#[test]
fn darcsweb_refuses_what_darcs_check_calls_broken() {
    require_darcs_216();
    common::core_workers();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let base = base(root);

    // the base repository is consistent for both
    let ctl = root.join("control");
    bare_clone(&base, &ctl);
    ok(&common::darcs(&["check", "--no-cache"], &ctl), "darcs check (control)");
    match check::run(&ctl, |_, _| {}).unwrap() {
        Outcome::Consistent { patches: 1, .. } => {}
        other => panic!("control: {other:?}"),
    }

    let tree: Tree = [(p("f"), Node::File(b"a\n".to_vec()))].into_iter().collect();
    for (n, case) in cases().into_iter().enumerate() {
        // op 1 on the tree darcs has before the patch
        match core::apply(&tree, std::slice::from_ref(&case.prim)) {
            Err(CoreError::DoesNotApply { .. }) => {}
            other => panic!("{}: darcsweb's apply answered {other:?}", case.body),
        }
        // a repository holding the patch
        let dir = root.join(format!("held-{n}"));
        bare_clone(&base, &dir);
        append_patch(&dir, &format!("case {n}"), case.body);
        let out = common::darcs(&["check", "--no-cache"], &dir);
        assert!(!out.status.success(), "{}: darcs check accepted it: {}", case.body, text(&out));
        assert!(text(&out).contains(case.darcs_check_says), "{}: darcs check said {}", case.body, text(&out));
        match check::run(&dir, |_, _| {}).unwrap() {
            Outcome::PatchFails { index: 1, .. } => {}
            other => panic!("{}: darcsweb check answered {other:?}", case.body),
        }
    }
}

/// What `darcs apply` (2.16) does with each case: it accepts 1 and 2, changing the pristine
/// (the deviation the README documents) and refuses 3, as darcsweb does.
#[test]
fn what_darcs_apply_does() {
    require_darcs_216();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let base = base(root);
    for (n, case) in cases().into_iter().enumerate() {
        let b = bundle(root, &base, n, case.body);
        let dir = root.join(format!("applied-{n}"));
        bare_clone(&base, &dir);
        let out = common::darcs(&["apply", "-a", "--no-cache", b.to_str().unwrap()], &dir);
        let files = common::darcs(&["show", "files", "--no-cache"], &dir);
        let files = String::from_utf8_lossy(&files.stdout).into_owned();
        let contents = common::darcs(&["show", "contents", "--no-cache", "f"], &dir).stdout;
        match n {
            0 => {
                ok(&out, "darcs apply of rmfile ./f");
                assert_eq!(files.lines().collect::<Vec<_>>(), ["."], "rmfile: the pristine still has f");
            }
            1 => {
                ok(&out, "darcs apply of addfile ./f");
                assert_eq!(files.lines().collect::<Vec<_>>(), [".", "./f"]);
                assert_eq!(contents, b"", "addfile: the pristine's f is not emptied");
            }
            _ => {
                assert!(!out.status.success(), "darcs apply accepted move ./g ./h: {}", text(&out));
                assert!(text(&out).contains("does not exist"), "darcs apply said {}", text(&out));
                assert_eq!(contents, b"a\n", "move: the pristine changed");
            }
        }
    }
}
