//! The repository layer against the real darcs, on the corpus built by
//! `tests/fixtures/make-fixtures.sh`: trees and file contents at every patch, annotate,
//! dependencies, and `darcsweb check` (which must also fail on a damaged copy).

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path as FsPath, PathBuf};

use darcsweb::repo::check::{self, Outcome};
use darcsweb::repo::{Entry, Registry, Repo, Version};

/// Repositories whose whole history the verified core replays (darcs-2 and darcs-3,
/// every patch kind, conflicts); darcs-1 repositories with nested mergers need
/// darcs-1 commutation, which the theory does not model (see theories/README.md).
const REPLAYED: &[&str] = &[
    "prims-d1",
    "prims-d2",
    "prims-d3",
    "conflicts-d2",
    "conflicts-d3",
    "conflicts-unresolved-d2",
    "conflicts-unresolved-d3",
    "rebase-d2",
    "rebase-d3",
    "big-d2",
    "nowd-d2",
    "uncompressed-d2",
    "packed-d2",
    "lazy-d2",
];

fn open(repo: &FsPath) -> std::sync::Arc<Repo> {
    let reg = Registry::discover(&[repo.to_path_buf()]);
    reg.list().into_iter().next().expect("the corpus repository is found")
}

/// A scratch copy for darcs commands that write `_darcs/index`.
fn scratch(name: &str) -> (tempfile::TempDir, PathBuf) {
    let src = common::corpus().join("repos").join(name);
    let tmp = tempfile::tempdir().unwrap();
    let dst = tmp.path().join(name);
    common::copy_dir(&src, &dst).unwrap();
    (tmp, dst)
}

fn patch_ids(name: &str) -> Vec<String> {
    let text = std::fs::read_to_string(common::corpus().join("expected").join(name).join("patch-ids.txt")).unwrap();
    text.lines().map(str::to_owned).collect()
}

/// `darcs show files` form of our tree: `.` and `./path` lines, sorted.
fn our_files(repo: &Repo, v: Version) -> BTreeSet<Vec<u8>> {
    let mut out = BTreeSet::new();
    out.insert(b".".to_vec());
    for (p, _) in repo.walk(v).unwrap() {
        let mut line = b".".to_vec();
        for c in p {
            line.push(b'/');
            line.extend(c);
        }
        out.insert(line);
    }
    out
}

fn darcs_files(dir: &FsPath, hash: &str) -> BTreeSet<Vec<u8>> {
    let o = common::darcs(&["show", "files", "--no-pending", "--match", &format!("hash {hash}")], dir);
    assert!(o.status.success(), "darcs show files failed: {}", String::from_utf8_lossy(&o.stderr));
    o.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(<[u8]>::to_vec).collect()
}

#[test]
fn check_passes_on_every_replayable_corpus_repository() {
    let corpus = common::corpus();
    for name in REPLAYED {
        let out = check::run(&corpus.join("repos").join(name), |_, _| {}).unwrap_or_else(|e| panic!("{name}: {e}"));
        match out {
            Outcome::Consistent { patches, coverage, .. } => {
                assert!(patches > 0, "{name}: no patch replayed");
                // every patch classified by op 22; darcs records no empty hunk, and these
                // histories need no non-strict apply: all inside the proved hypotheses
                assert_eq!(coverage.patches, patches, "{name}");
                assert_eq!(coverage.inside, patches, "{name}: {}", coverage.describe());
                assert!(coverage.non_strict.is_empty() && coverage.empty_hunks.is_empty(), "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }
    }
}

/// The command prints the coverage line after the verdict.
#[test]
fn check_command_reports_coverage() {
    let dir = common::corpus().join("repos").join("prims-d2");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_darcsweb")).arg("check").arg(&dir).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("consistent: 27 patches replayed"), "{text}");
    assert!(
        text.contains("27 of 27 patches inside the proved hypotheses (none uses darcs' non-strict apply; none carries an empty hunk)"),
        "{text}"
    );
}

#[test]
fn check_names_the_patch_of_a_damaged_copy() {
    let (_tmp, dir) = scratch("prims-d2");
    let repo = open(&dir);
    let idx = repo.index().unwrap();
    let victim = idx.patches.len() / 2;
    // damage the content of one patch file: its hash no longer matches
    let inv = std::fs::read_to_string(dir.join("_darcs/hashed_inventory")).unwrap();
    let mut files: Vec<String> = Vec::new();
    let mut chain = vec![inv.clone()];
    let mut cur = inv;
    while let Some(parent) = cur.split("Starting with inventory:\n").nth(1).and_then(|r| r.lines().next()) {
        let raw = std::fs::read(dir.join("_darcs/inventories").join(parent)).unwrap();
        let mut text = String::new();
        use std::io::Read;
        flate2::read::GzDecoder::new(&raw[..]).read_to_string(&mut text).unwrap();
        chain.push(text.clone());
        cur = text;
    }
    for inv in chain.iter().rev() {
        files.extend(inv.lines().filter_map(|l| l.strip_prefix("hash: ")).map(str::to_owned));
    }
    assert_eq!(files.len(), idx.patches.len());
    let pf = dir.join("_darcs/patches").join(&files[victim]);
    let mut data = std::fs::read(&pf).unwrap();
    let last = data.len() - 20;
    data[last] ^= 0x55;
    std::fs::write(&pf, data).unwrap();
    match check::run(&dir, |_, _| {}).unwrap() {
        Outcome::PatchFails { index, hash, .. } => {
            assert_eq!(index, victim);
            assert_eq!(hash, idx.patches[victim].hash);
        }
        other => panic!("a damaged patch went unnoticed: {other:?}"),
    }
}

#[test]
fn check_reports_a_pristine_that_differs_from_the_replay() {
    let (_tmp, dir) = scratch("uncompressed-d2");
    // record a different tree as pristine: point hashed_inventory at an empty tree
    let p = dir.join("_darcs/hashed_inventory");
    let inv = std::fs::read_to_string(&p).unwrap();
    let rest = inv.split_once('\n').unwrap().1;
    std::fs::write(&p, format!("pristine:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n{rest}"))
        .unwrap();
    match check::run(&dir, |_, _| {}).unwrap() {
        Outcome::Differs { path, what } => assert!(what.contains("not in the pristine"), "{path}: {what}"),
        other => panic!("a wrong pristine went unnoticed: {other:?}"),
    }
}

#[test]
fn files_at_every_patch_equal_darcs_show_files() {
    for name in ["prims-d2", "prims-d3", "conflicts-d2", "conflicts-d3"] {
        let (_tmp, dir) = scratch(name);
        let repo = open(&common::corpus().join("repos").join(name));
        let idx = repo.index().unwrap();
        let ids = patch_ids(name);
        assert_eq!(ids.len(), idx.patches.len(), "{name}");
        for (i, id) in ids.iter().enumerate() {
            assert_eq!(&idx.patches[i].hash, id, "{name}: order");
            let ours = our_files(&repo, Version { applied: i + 1 });
            let theirs = darcs_files(&dir, id);
            assert_eq!(ours, theirs, "{name}: files after patch {i} ({id})");
        }
    }
}

#[test]
fn contents_at_every_patch_equal_darcs_show_contents() {
    for name in ["prims-d2", "prims-d3"] {
        let (_tmp, dir) = scratch(name);
        let repo = open(&common::corpus().join("repos").join(name));
        let ids = patch_ids(name);
        let mut compared = 0;
        for (i, id) in ids.iter().enumerate() {
            // files touched by the patch and one untouched, at the version after it
            let v = Version { applied: i + 1 };
            for (p, e) in repo.walk(v).unwrap() {
                let Entry::File(ours) = e else { continue };
                let rel: Vec<u8> = p.join(&b'/');
                let rel = String::from_utf8(rel);
                let Ok(rel) = rel else { continue }; // darcs' command line cannot name a non-UTF-8 path here
                let o = common::darcs(&["show", "contents", "--match", &format!("hash {id}"), &rel], &dir);
                assert!(
                    o.status.success(),
                    "{name}: darcs show contents {rel}: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
                assert_eq!(*ours, o.stdout, "{name}: {rel} after patch {i} ({id})");
                compared += 1;
            }
        }
        assert!(compared > 100, "{name}: only {compared} contents compared");
    }
}

/// Dependencies of conflict-free histories. In a conflicted history darcs commutes the
/// conflictors themselves (RepoPatchV2/V3 rules), which the theory does not model; the
/// core answers from the patches' effects there (README, "Known differences").
/// A page waits for a graph it starts only in a short history: in big-d2 (3,007
/// patches) `IfStarting` answers "still computing" at once, however long it may wait,
/// and the graph it started completes; in prims-d2 it waits for the graph.
#[test]
fn a_page_waits_only_for_the_graph_of_a_short_history() {
    use darcsweb::repo::{DepsWait, SHORT_GRAPH_PATCHES};
    let wait = DepsWait::IfStarting(std::time::Duration::from_secs(600));
    let small = open(&common::corpus().join("repos").join("prims-d2"));
    let n = small.index().unwrap().patches.len();
    assert!(n <= SHORT_GRAPH_PATCHES);
    assert!(small.dependencies_within(n - 1, wait).unwrap().is_some(), "prims-d2: waited for its graph");
    let big = open(&common::corpus().join("repos").join("big-d2"));
    let n = big.index().unwrap().patches.len();
    assert!(n > SHORT_GRAPH_PATCHES, "big-d2 has {n} patches");
    assert_eq!(big.dependencies_within(n - 1, wait).unwrap(), None, "big-d2: did not wait");
    // that call started the graph, which completes for the callers that wait for it
    let started = big.dependencies_within(n - 1, DepsWait::Forever).unwrap();
    assert!(started.is_some());
    assert!(big.deps_progress() >= n - 1, "{} of {n} patches done", big.deps_progress());
}

#[test]
fn dependencies_equal_darcs_show_dependencies() {
    for name in [
        "prims-d1",
        "prims-d2",
        "prims-d3",
        "conflicts-d2",
        "conflicts-d3",
        "conflicts-unresolved-d2",
        "conflicts-unresolved-d3",
        "rebase-d2",
        "rebase-d3",
    ] {
        let (_tmp, dir) = scratch(name);
        let o = common::darcs(&["show", "dependencies"], &dir);
        assert!(o.status.success(), "{name}: {}", String::from_utf8_lossy(&o.stderr));
        let theirs = common::parse_dot(&String::from_utf8_lossy(&o.stdout));
        let repo = open(&common::corpus().join("repos").join(name));
        let idx = repo.index().unwrap();
        let mut ours: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (i, p) in idx.patches.iter().enumerate() {
            let (deps, _) = repo.dependencies(i).unwrap();
            ours.insert(p.hash[..8].to_owned(), deps.iter().map(|&d| idx.patches[d].hash[..8].to_owned()).collect());
        }
        assert_eq!(ours, theirs, "{name}: dependency graph");
    }
}

/// A darcs-1 history whose mergers all have two prims (the first nine patches of
/// conflicts-d1): the core's effects (op 23) replay onto darcs' pristine, every patch
/// inside the laws' hypotheses. darcs' dependencies come from commuting the mergers
/// themselves (a merger does not depend on the patch it undoes), which the core does not
/// model: darcsweb says so rather than answer from the effects.
#[test]
fn darcs1_mergers_of_prims_replay_and_dependencies_are_unsupported() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("d1");
    let src = common::corpus().join("repos").join("conflicts-d1");
    let o = common::darcs(
        &["clone", "--to-match", "exact \"A move g\"", src.to_str().unwrap(), dir.to_str().unwrap()],
        tmp.path(),
    );
    assert!(o.status.success(), "darcs clone: {}", String::from_utf8_lossy(&o.stderr));
    match check::run(&dir, |_, _| {}).unwrap() {
        Outcome::Consistent { patches: 9, coverage, .. } => assert_eq!(coverage.inside, 9),
        other => panic!("{other:?}"),
    }
    // darcs: "A two" (a merger undoing "B two") depends on "base" only
    let o = common::darcs(&["show", "dependencies"], &dir);
    assert!(o.status.success());
    let theirs = common::parse_dot(&String::from_utf8_lossy(&o.stdout));
    let repo = open(&dir);
    let idx = repo.index().unwrap();
    let a_two = idx.patches.iter().position(|p| p.name == "A two").unwrap();
    assert_eq!(theirs[&idx.patches[a_two].hash[..8]].len(), 1);
    match repo.dependencies(a_two) {
        Err(darcsweb::repo::RepoError::Unsupported(why)) => assert!(why.contains("darcs-1"), "{why}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn annotate_equals_darcs_annotate() {
    for name in
        ["prims-d2", "prims-d3", "conflicts-d2", "conflicts-d3", "conflicts-unresolved-d2", "conflicts-unresolved-d3"]
    {
        let (_tmp, dir) = scratch(name);
        let repo = open(&common::corpus().join("repos").join(name));
        let idx = repo.index().unwrap();
        let head = idx.head();
        let mut compared = 0;
        for (p, e) in repo.walk(head).unwrap() {
            let Entry::File(content) = e else { continue };
            if content.contains(&0) {
                continue; // binary: darcs annotate refuses
            }
            let Ok(rel) = String::from_utf8(p.join(&b'/')) else { continue };
            let Ok(expected) = common::darcs_annotate(&dir, &rel) else { continue };
            let ours = common::our_annotate(&repo, head, &p);
            assert_eq!(ours, expected, "{name}: annotate {rel}");
            compared += 1;
        }
        assert!(compared >= 3, "{name}: only {compared} files annotated");
    }
}

#[test]
fn the_index_follows_new_patches_and_never_writes() {
    let (_tmp, dir) = scratch("prims-d2");
    let repo = open(&dir);
    let before = repo.index().unwrap().patches.len();
    let listing = |d: &FsPath| -> BTreeSet<PathBuf> {
        fn walk(d: &FsPath, out: &mut BTreeSet<PathBuf>) {
            for e in std::fs::read_dir(d).unwrap().flatten() {
                out.insert(e.path());
                if e.file_type().unwrap().is_dir() {
                    walk(&e.path(), out);
                }
            }
        }
        let mut out = BTreeSet::new();
        walk(&d.join("_darcs"), &mut out);
        out
    };
    let files_before = listing(&dir);
    // reading everything we can must not add a file to _darcs (no index, no patch index, no lock)
    let idx = repo.index().unwrap();
    let _ = repo.walk(idx.head()).unwrap();
    let _ = repo.walk(Version { applied: 3 }).unwrap();
    let _ = repo.dependencies(0).unwrap();
    assert_eq!(listing(&dir), files_before, "reading changed _darcs");
    // a new patch recorded by darcs is seen at the next request
    std::fs::write(dir.join("new-file.txt"), "hello\n").unwrap();
    assert!(common::darcs(&["add", "new-file.txt"], &dir).status.success());
    let o = common::darcs(&["record", "-a", "-m", "a new patch", "--author", "T <t@example.com>"], &dir);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let after = repo.index().unwrap();
    assert_eq!(after.patches.len(), before + 1);
    assert_eq!(after.patches.last().unwrap().name, "a new patch");
    match repo.entry(after.head(), &vec![b"new-file.txt".to_vec()]).unwrap() {
        Some(Entry::File(c)) => assert_eq!(&c[..], b"hello\n"),
        other => panic!("new file at head: {other:?}"),
    }
}

#[test]
fn check_says_unsupported_not_inconsistent_for_darcs1_nested_mergers() {
    let corpus = common::corpus();
    for name in ["conflicts-d1", "conflicts-unresolved-d1"] {
        match check::run(&corpus.join("repos").join(name), |_, _| {}).unwrap() {
            Outcome::Unsupported { reason, .. } => assert!(reason.contains("merger"), "{name}: {reason}"),
            other => panic!("{name}: {other:?}"),
        }
    }
}

/// Wait (at most two minutes) for the background check of a repository's head.
fn head_check(repo: &Repo) -> darcsweb::repo::verify::HeadCheck {
    use darcsweb::repo::verify::HeadCheck;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    loop {
        let c = repo.head_check().unwrap();
        if c != HeadCheck::Pending || std::time::Instant::now() > deadline {
            return c;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// The server checks what head pages trust (the recorded tree equals the replay) when a
/// history is loaded, again after a change, and reports a recorded tree that differs.
#[test]
fn the_head_check_verifies_the_recorded_tree_and_reports_a_wrong_one() {
    use darcsweb::repo::verify::HeadCheck;
    for name in ["prims-d2", "prims-d3", "conflicts-d2", "big-d2"] {
        let (_tmp, dir) = scratch(name);
        let repo = open(&dir);
        let n = repo.index().unwrap().patches.len();
        assert_eq!(head_check(&repo), HeadCheck::Verified { patches: n }, "{name}");
    }
    // after a change (darcs records a patch), the new head is checked again
    let (_tmp, dir) = scratch("prims-d2");
    let repo = open(&dir);
    let n = repo.index().unwrap().patches.len();
    assert_eq!(head_check(&repo), HeadCheck::Verified { patches: n });
    std::fs::write(dir.join("head-check.txt"), "one\ntwo\n").unwrap();
    let ok = |o: std::process::Output| assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    ok(common::darcs(&["add", "head-check.txt"], &dir));
    ok(common::darcs(&["record", "--all", "--quiet", "--name=after", "--ignore-times"], &dir));
    std::thread::sleep(std::time::Duration::from_millis(1100)); // the registry's rescan delay
    assert_eq!(repo.index().unwrap().patches.len(), n + 1);
    assert_eq!(head_check(&repo), HeadCheck::Verified { patches: n + 1 });
    // a recorded tree the history does not give is reported, naming a path
    let (_tmp, dir) = scratch("uncompressed-d2");
    let p = dir.join("_darcs/hashed_inventory");
    let inv = std::fs::read_to_string(&p).unwrap();
    let rest = inv.split_once('\n').unwrap().1;
    std::fs::write(&p, format!("pristine:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n{rest}"))
        .unwrap();
    match head_check(&open(&dir)) {
        HeadCheck::Differs { what, .. } => assert!(what.contains("not in the pristine"), "{what}"),
        other => panic!("a wrong recorded tree went unnoticed: {other:?}"),
    }
}
