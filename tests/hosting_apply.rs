//! Verified apply against darcs' own: `darcsweb shell` runs `darcs apply --all` as sshd
//! would start it, and every result is compared with `darcs apply` of the same bundle
//! into a copy of the same repository (patch set, recorded tree, `darcs log -v`), and
//! checked by `darcs check`. Also: refusals leave the repository byte-for-byte
//! unchanged, and a push killed at any instant leaves the old or the new repository.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::common::copy_dir;
use crate::host_util::*;

const APPLY: &str = "darcs apply --all  --repodir 'hello'";

/// The first line of `hashed_inventory` (the recorded tree's root hash).
fn pristine_line(repo: &Path) -> String {
    std::fs::read_to_string(repo.join("_darcs/hashed_inventory")).unwrap().lines().next().unwrap().to_string()
}

fn log_v(repo: &Path, home: &Path) -> String {
    darcs_ok(&["log", "-v", "--repodir", &repo.display().to_string()], repo, home)
}

/// A bundle of `clone`'s patches that `target` lacks (`darcs send -o`).
fn send(clone: &Path, target: &Path, home: &Path) -> Vec<u8> {
    let out = clone.join("../bundle.dpatch");
    let _ = std::fs::remove_file(&out);
    darcs_ok(
        &["send", "-a", "--no-edit-description", "-o", &out.display().to_string(), &target.display().to_string()],
        clone,
        home,
    );
    std::fs::read(&out).unwrap()
}

/// Push `bundle` with darcsweb into `hosted`, and with `darcs apply` into a copy of it
/// taken before; both must agree.
fn push_both(host: &Host, hosted: &Path, bundle: &[u8]) -> String {
    let twin = host.dir.path().join("twin");
    let _ = std::fs::remove_dir_all(&twin);
    copy_dir(hosted, &twin).unwrap();
    let b = host.dir.path().join("twin.dpatch");
    std::fs::write(&b, bundle).unwrap();
    let theirs = darcs_env(
        &["apply", "--all", "--repodir", &twin.display().to_string(), &b.display().to_string()],
        &twin,
        &host.home,
        &[],
    );
    let ours = host.shell("alice", APPLY, bundle);
    let (so, se) = (String::from_utf8_lossy(&ours.stdout), String::from_utf8_lossy(&ours.stderr));
    assert!(
        theirs.status.success(),
        "darcs apply: {}{}",
        String::from_utf8_lossy(&theirs.stdout),
        String::from_utf8_lossy(&theirs.stderr)
    );
    assert!(ours.status.success(), "darcsweb apply: {so}{se}");
    assert_checks(hosted, &host.home);
    let (mut a, mut b2) = (patch_ids(hosted, &host.home), patch_ids(&twin, &host.home));
    a.sort();
    b2.sort();
    assert_eq!(a, b2, "patch sets differ");
    assert_eq!(pristine_line(hosted), pristine_line(&twin), "recorded trees differ");
    assert_eq!(log_v(hosted, &host.home), log_v(&twin, &host.home), "darcs log -v differs");
    format!("{so}{se}")
}

fn write(dir: &Path, rel: &str, content: &[u8]) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, content).unwrap();
}

fn scenario(format: &str) {
    require_tools();
    let host = Host::new(&["alice"], &[], "[repos.hello]\nwrite = [\"alice\"]\n");
    let hosted = host.create("hello", format);
    assert_checks(&hosted, &host.home);
    let home = &host.home;
    let a = host.dir.path().join("a");
    let b = host.dir.path().join("b");
    darcs_ok(&["clone", &hosted.display().to_string(), &a.display().to_string()], host.dir.path(), home);

    // 1. new files into an empty repository (no context)
    write(&a, "README", b"hello\nworld\n");
    write(&a, "src/main.c", b"int main() { return 0; }\n");
    record(&a, home, "first");
    let out = push_both(&host, &hosted, &send(&a, &hosted, home));
    assert!(out.contains("applied 1 patch"), "{out}");

    // 2. every prim kind darcs records: spaces in names, binary, move, replace, rmfile, rmdir
    write(&a, "dir with space/f g.txt", b"a b c\n");
    write(&a, "bin.dat", &[0, 159, 146, 150, 255]);
    record(&a, home, "spaces and binary");
    darcs_ok(&["move", "src/main.c", "src/prog.c"], &a, home);
    darcs_ok(&["replace", "world", "planet", "README"], &a, home);
    write(&a, "src/prog.c", b"int main() { return 1; }\n");
    record(&a, home, "move, replace, edit");
    std::fs::remove_file(a.join("bin.dat")).unwrap();
    std::fs::remove_dir_all(a.join("dir with space")).unwrap();
    record(&a, home, "removals");
    push_both(&host, &hosted, &send(&a, &hosted, home));

    // 3. a tag, then patches after it (the context shrinks to the tag)
    darcs_ok(&["tag", "-m", "v1", "-A", "Test User <test@example.com>"], &a, home);
    push_both(&host, &hosted, &send(&a, &hosted, home));
    if format == "darcs-2" {
        // let darcs split the hosted inventory at the clean tag (the other format keeps
        // one inventory, so both ways of finding what the tag stands for are exercised)
        darcs_ok(&["optimize", "reorder", "--repodir", &hosted.display().to_string()], &hosted, home);
        assert!(std::fs::read_dir(hosted.join("_darcs/inventories")).unwrap().count() >= 1);
    }
    write(&a, "README", b"hello\nplanet\nagain\n");
    record(&a, home, "after the tag");
    let bundle = send(&a, &hosted, home);
    push_both(&host, &hosted, &bundle);

    // 4. the same bundle again: nothing to do, nothing written
    let before = snapshot(&hosted);
    let again = host.shell("alice", APPLY, &bundle);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    assert!(String::from_utf8_lossy(&again.stdout).contains("already been applied"));
    assert_eq!(snapshot(&hosted), before, "a re-push changed the repository");

    // 5. a merge: the repository got a patch from b that a does not have
    darcs_ok(&["clone", &hosted.display().to_string(), &b.display().to_string()], host.dir.path(), home);
    write(&b, "README", b"HELLO\nplanet\nagain\n");
    write(&b, "NEWS", b"news\n");
    record(&b, home, "from b");
    push_both(&host, &hosted, &send(&b, &hosted, home));
    write(&a, "README", b"hello\nplanet\nagain\nand more\n");
    write(&a, "src/prog.c", b"int main() { return 2; }\n");
    record(&a, home, "from a, merged");
    let out = push_both(&host, &hosted, &send(&a, &hosted, home));
    assert!(out.contains("merged"), "{out}");

    // 6. an old bundle of two patches after one of them got in, and another patch from b:
    //    the one already there is skipped, the other merged past b's
    write(&a, "CHANGES", b"changes\nfrom a\n");
    record(&a, home, "six");
    write(&a, "src/prog.c", b"int main() { return 7; }\n");
    record(&a, home, "seven");
    let both = send(&a, &hosted, home);
    let six = {
        let out = a.join("../six.dpatch");
        darcs_ok(
            &[
                "send",
                "-a",
                "-p",
                "^six$",
                "--no-edit-description",
                "-o",
                &out.display().to_string(),
                &hosted.display().to_string(),
            ],
            &a,
            home,
        );
        std::fs::read(out).unwrap()
    };
    push_both(&host, &hosted, &six);
    darcs_ok(&["pull", "-a", &hosted.display().to_string()], &b, home);
    write(&b, "README", b"HELLO\nplanet\nagain\nand more\nfrom b\n");
    record(&b, home, "b again");
    push_both(&host, &hosted, &send(&b, &hosted, home));
    let out = push_both(&host, &hosted, &both);
    assert!(out.contains("applied 1 patch") && out.contains("merged"), "{out}");

    // the audit log has one line per push
    let audit = host.audit();
    assert!(audit.iter().all(|r| r["user"] == "alice" && r["action"] == "push"), "{audit:?}");
    assert_eq!(audit.len(), 10);
    assert_eq!(audit[0]["patches"][0]["name"], "first");
    assert_eq!(audit[4]["result"], "nothing-to-do");
}

#[test]
fn apply_matches_darcs_darcs2() {
    scenario("darcs-2");
}

#[test]
fn apply_matches_darcs_darcs3() {
    scenario("darcs-3");
}

/// A hosted repository with one patch, a clone `a` with one more (unpushed), and the
/// bundle of that patch.
fn with_pending_patch(host: &Host) -> (PathBuf, PathBuf, Vec<u8>) {
    let hosted = host.create("hello", "darcs-2");
    let home = &host.home;
    let a = host.dir.path().join("a");
    darcs_ok(&["clone", &hosted.display().to_string(), &a.display().to_string()], host.dir.path(), home);
    write(&a, "f", b"one\ntwo\nthree\n");
    record(&a, home, "base");
    let r = host.shell("alice", APPLY, &send(&a, &hosted, home));
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    write(&a, "f", b"one\nTWO\nthree\n");
    record(&a, home, "edit two");
    let bundle = send(&a, &hosted, home);
    (hosted, a, bundle)
}

#[test]
fn conflicting_push_is_refused_naming_the_patches() {
    require_tools();
    let host = Host::new(&["alice"], &[], "[repos.hello]\nwrite = [\"alice\"]\n");
    let (hosted, _a, bundle) = with_pending_patch(&host);
    // someone else changed the same line first
    let home = &host.home;
    let b = host.dir.path().join("b");
    darcs_ok(&["clone", &hosted.display().to_string(), &b.display().to_string()], host.dir.path(), home);
    write(&b, "f", b"one\n2\nthree\n");
    record(&b, home, "other edit of two");
    let r = host.shell("alice", APPLY, &send(&b, &hosted, home));
    assert!(r.status.success());
    let before = snapshot(&hosted);
    let r = host.shell("alice", APPLY, &bundle);
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{err}");
    assert!(err.contains("conflicts") && err.contains("'edit two'") && err.contains("'other edit of two'"), "{err}");
    assert!(err.contains("./f"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert_eq!(snapshot(&hosted), before);
    assert_checks(&hosted, home);
    // darcs refuses the same bundle too (darcs apply --dont-allow-conflicts)
    let twin = host.dir.path().join("twin");
    copy_dir(&hosted, &twin).unwrap();
    let bf = host.dir.path().join("c.dpatch");
    std::fs::write(&bf, &bundle).unwrap();
    let d = darcs_env(
        &[
            "apply",
            "--all",
            "--dont-allow-conflicts",
            "--repodir",
            &twin.display().to_string(),
            &bf.display().to_string(),
        ],
        &twin,
        home,
        &[],
    );
    assert!(!d.status.success());
}

#[test]
fn refusals_write_nothing() {
    require_tools();
    let host = Host::new(
        &["alice", "carol"],
        &[],
        "[repos.hello]\nread = [\"*\"]\nwrite = [\"alice\"]\n[repos.secret]\nread = [\"alice\"]\nwrite = [\"alice\"]\n",
    );
    let (hosted, _a, bundle) = with_pending_patch(&host);
    host.create("secret", "darcs-2");
    let text = String::from_utf8_lossy(&bundle).into_owned();
    let mut tampered = text.replace("+TWO", "+TW0");
    assert_ne!(tampered, text);
    let no_hash = text[..text.find("Patch bundle hash:").unwrap()].to_string();
    let bad_context = text.replace("[base", "[based");
    let mut hostile: Vec<(&str, String, Vec<u8>)> = vec![
        ("alice", "ls".into(), vec![]),
        ("alice", "sh -c id".into(), vec![]),
        ("alice", "bash".into(), vec![]),
        ("alice", "scp -t hello".into(), vec![]),
        ("alice", "scp -f hello/_darcs/hashed_inventory".into(), vec![]),
        ("alice", "internal-sftp".into(), vec![]),
        ("alice", "darcs push".into(), vec![]),
        ("alice", "darcs init --repodir x".into(), vec![]),
        ("alice", "darcs obliterate --all --repodir 'hello'".into(), vec![]),
        ("alice", "darcs apply --repodir 'hello'".into(), bundle.clone()),
        ("alice", "darcs apply --all --allow-conflicts --repodir 'hello'".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir 'hello'; rm -rf /".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir 'hello' && id".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir $(id)".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir `id`".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir 'hello' | tee x".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir 'hello' > x".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir '../hello'".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir 'hello/../hello'".into(), bundle.clone()),
        ("alice", format!("darcs apply --all --repodir '{}'", hosted.display()), bundle.clone()),
        ("alice", "darcs apply --all --repodir '/etc'".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir 'hello/_darcs'".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir '_darcs'".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir './hello'".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir '~root'".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir 'nosuch'".into(), bundle.clone()),
        ("alice", "darcs apply --all --repodir 'hel lo'".into(), bundle.clone()),
        ("alice", format!("darcs apply --all --repodir '{}'", "a".repeat(5000)), bundle.clone()),
        ("alice", "darcs apply --all --repodir 'hello'\nid".into(), bundle.clone()),
        ("alice", "darcs transfer-mode --repodir hello/_darcs/patches".into(), vec![]),
        // not allowed to write
        ("carol", APPLY.into(), bundle.clone()),
        ("mallory", APPLY.into(), bundle.clone()),
        ("carol", "darcs transfer-mode --repodir secret".into(), vec![]),
        // bad bundles
        ("alice", APPLY.into(), vec![]),
        ("alice", APPLY.into(), b"this is not a bundle\n".to_vec()),
        ("alice", APPLY.into(), std::mem::take(&mut tampered).into_bytes()),
        ("alice", APPLY.into(), no_hash.into_bytes()),
        ("alice", APPLY.into(), bad_context.into_bytes()),
        ("alice", APPLY.into(), text.replace("\n", "\0\n").into_bytes()),
        ("alice", APPLY.into(), vec![0x1f, 0x8b, 8, 0, 1, 2, 3, 4]),
        ("alice", APPLY.into(), vec![b'x'; 100 << 20]),
    ];
    // a well-formed bundle (right hash and context) whose patch writes into _darcs
    {
        let context = &text[text.find("Context:\n\n").unwrap()..text.find("Patch bundle hash:").unwrap()];
        let patch = "[evil\nMallory <m@example.com>**20240101000000\n Ignore-this: 1\n] addfile ./_darcs/evil\nhunk ./_darcs/evil 1\n+x";
        let whole = 0..patch.len();
        let hash = darcsweb::darcs::bundle::bundle_hash(patch.as_bytes(), std::slice::from_ref(&whole));
        let b = format!("\nNew patches:\n\n{patch}\n\n{context}Patch bundle hash:\n{hash}\n");
        let r = host.shell("alice", APPLY, b.as_bytes());
        let err = String::from_utf8_lossy(&r.stderr);
        assert!(err.contains("./_darcs/evil, inside darcs' own directory"), "{err}");
        hostile.push(("alice", APPLY.into(), b.into_bytes()));
    }
    // a gzip bomb: 100 MB of zeros in 100 KB
    {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        for _ in 0..100 {
            e.write_all(&vec![0u8; 1 << 20]).unwrap();
        }
        hostile.push(("alice", APPLY.into(), e.finish().unwrap()));
    }
    assert!(hostile.len() >= 30);
    let before = snapshot(&host.root);
    for (user, cmd, stdin) in &hostile {
        let r = host.shell(user, cmd, stdin);
        let err = String::from_utf8_lossy(&r.stderr);
        assert!(!r.status.success(), "{user} {cmd:?} was accepted: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{cmd:?}: not one line: {err}");
        assert!(err.starts_with("darcsweb: "), "{cmd:?}: {err}");
        assert_eq!(snapshot(&host.root), before, "{cmd:?} changed a repository");
    }
    // each attempt is in the audit log, none as a success
    let audit = host.audit();
    let refused = audit.iter().filter(|r| r["result"] == "refused" || r["result"] == "error").count();
    assert!(refused >= hostile.len(), "{audit:?}");
    // a darcs-1 repository and one with a working tree are not written
    let home = &host.home;
    for (name, args) in [("old", vec!["init", "--darcs-1"]), ("worktree", vec!["init"])] {
        let d = host.root.join(name);
        std::fs::create_dir(&d).unwrap();
        darcs_ok(&args, &d, home);
        let cfg = std::fs::read_to_string(&host.config).unwrap();
        std::fs::write(&host.config, format!("{cfg}[repos.{name}]\nwrite = [\"alice\"]\n")).unwrap();
        let before = snapshot(&d);
        let r = host.shell("alice", &format!("darcs apply --all --repodir '{name}'"), &bundle);
        let err = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(1), "{err}");
        assert!(err.contains(if name == "old" { "darcs-1" } else { "working tree" }), "{err}");
        assert_eq!(snapshot(&d), before);
    }
}

/// Deterministic pseudo-random numbers (xorshift), seeded from the clock and printed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn sigkill_at_any_instant_leaves_old_or_new() {
    require_tools();
    let host = Host::new(&["alice"], &[], "[repos.hello]\nwrite = [\"alice\"]\n");
    let hosted = host.create("hello", "darcs-2");
    let home = &host.home;
    let a = host.dir.path().join("a");
    darcs_ok(&["clone", &hosted.display().to_string(), &a.display().to_string()], host.dir.path(), home);
    // a tree of some size, so that writing takes a while
    for i in 0..40 {
        write(&a, &format!("d{}/f{i}.txt", i % 5), format!("file {i}\n").repeat(50).as_bytes());
    }
    record(&a, home, "base");
    let r = host.shell("alice", APPLY, &send(&a, &hosted, home));
    assert!(r.status.success());
    // how long an undisturbed push takes
    write(&a, "d0/f0.txt", b"timing\n");
    record(&a, home, "timing");
    let t0 = Instant::now();
    assert!(host.shell("alice", APPLY, &send(&a, &hosted, home)).status.success());
    let full = t0.elapsed();
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    eprintln!("sigkill test: seed {seed}, an undisturbed push takes {full:?}");
    let mut rng = Rng(seed);
    let (mut landed, mut killed_before, mut mid_write) = (0, 0, 0);
    for i in 0..100 {
        write(&a, &format!("d{}/f{}.txt", i % 5, i % 40), format!("change {i}\n").as_bytes());
        record(&a, home, &format!("change {i}"));
        let bundle = send(&a, &hosted, home);
        let mut old = patch_ids(&hosted, home);
        old.sort();
        let files_before = std::fs::read_dir(hosted.join("_darcs/patches")).unwrap().count();
        let mut c = host.shell_command("alice", Some(APPLY));
        let mut child = c.spawn().unwrap();
        let mut stdin = child.stdin.take().unwrap();
        use std::io::Write as _;
        let _ = stdin.write_all(&bundle);
        drop(stdin);
        // half the kills anywhere in the push, half in its second half, where it writes
        let span = full.as_micros() as u64;
        let (lo, width) = if i % 2 == 0 { (0, span * 12 / 10) } else { (span / 2, span * 6 / 10) };
        let delay = Duration::from_micros(lo + rng.next() % (width + 1));
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        assert_checks(&hosted, home);
        let mut now = patch_ids(&hosted, home);
        now.sort();
        let mut new = patch_ids(&a, home);
        new.sort();
        if now == old {
            killed_before += 1;
            // killed after it started writing files, before the commit
            if std::fs::read_dir(hosted.join("_darcs/patches")).unwrap().count() != files_before {
                mid_write += 1;
            }
        } else {
            assert_eq!(
                now, new,
                "push {i} (killed after {delay:?}, {status:?}): neither the old nor the new patch set"
            );
            landed += 1;
        }
    }
    eprintln!(
        "sigkill test: {landed} pushes landed, {killed_before} were killed before their commit, \
         {mid_write} of them while writing files"
    );
    // the kills fell both before and after the commit point
    assert!(landed > 0 && killed_before > 0, "landed {landed}, killed before {killed_before}");
    // and the repository still takes pushes (stale locks and temporary files are cleared)
    write(&a, "final", b"x\n");
    record(&a, home, "final");
    let r = host.shell("alice", APPLY, &send(&a, &hosted, home));
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert_checks(&hosted, home);
    assert!(!hosted.join("_darcs/lock").exists());
}

#[test]
fn pushes_and_local_darcs_respect_each_others_lock() {
    require_tools();
    let host = Host::new(&["alice"], &[], "[repos.hello]\nwrite = [\"alice\"]\n");
    let (hosted, _a, bundle) = with_pending_patch(&host);
    let home = &host.home;
    let lock = hosted.join("_darcs/lock");
    // darcs' own lock (an empty file, as its takeLock makes it): the push waits for it
    std::fs::write(&lock, "").unwrap();
    let mut c = host.shell_command("alice", Some(APPLY));
    let mut child = c.spawn().unwrap();
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(&bundle).unwrap();
    }
    std::thread::sleep(Duration::from_millis(1500));
    assert!(child.try_wait().unwrap().is_none(), "the push did not wait for darcs' lock");
    assert_eq!(patch_ids(&hosted, home).len(), 1);
    std::fs::remove_file(&lock).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(patch_ids(&hosted, home).len(), 2);
    assert!(!lock.exists());
    assert_checks(&hosted, home);
    // a push's lock file is darcs' lock: a local darcs command waits for it
    std::fs::write(&lock, "darcsweb 1\n").unwrap();
    let mut d = std::process::Command::new("darcs");
    d.args(["optimize", "clean", "--repodir"])
        .arg(&hosted)
        .env("HOME", home)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut darcs = d.spawn().unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(darcs.try_wait().unwrap().is_none(), "darcs did not wait for the push's lock");
    std::fs::remove_file(&lock).unwrap();
    let out = darcs.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Waiting for lock"));
}

/// A pusher who resolved a conflict locally pushes conflicted patches (darcs-2/3
/// conflictors) on top of what the repository has: nothing to merge, so they are taken
/// as they are, as darcs takes them.
fn resolved_conflict(format: &str) {
    require_tools();
    let host = Host::new(&["alice"], &[], "[repos.hello]\nwrite = [\"alice\"]\n[repos.hello2]\nwrite = [\"alice\"]\n");
    let hosted = host.create("hello", format);
    let home = &host.home;
    let (x, y) = (host.dir.path().join("x"), host.dir.path().join("y"));
    darcs_ok(&["clone", &hosted.display().to_string(), &x.display().to_string()], host.dir.path(), home);
    write(&x, "f", b"one\ntwo\nthree\n");
    record(&x, home, "base");
    push_both(&host, &hosted, &send(&x, &hosted, home));
    darcs_ok(&["clone", &hosted.display().to_string(), &y.display().to_string()], host.dir.path(), home);
    write(&x, "f", b"one\nTWO by x\nthree\n");
    record(&x, home, "x edits two");
    write(&y, "f", b"one\ntwo by y\nthree\n");
    record(&y, home, "y edits two");
    push_both(&host, &hosted, &send(&x, &hosted, home));
    // y pulls x's edit: a conflict in y, resolved by hand and recorded
    let _ = darcs_env(&["pull", "-a", "--mark-conflicts", &hosted.display().to_string()], &y, home, &[]);
    write(&y, "f", b"one\ntwo, by x and y\nthree\n");
    record(&y, home, "resolve");
    let bundle = send(&y, &hosted, home);
    let text = String::from_utf8_lossy(&bundle);
    assert!(text.contains("conflictor"), "expected conflicted patches in the bundle:\n{text}");
    // in a copy of the repository that got one more patch meanwhile, the conflicted
    // patches would have to be merged past it: not offered yet, refused, nothing written
    let other = host.root.join("hello2");
    copy_dir(&hosted, &other).unwrap();
    write(&x, "g", b"unrelated\n");
    record(&x, home, "x adds g");
    let to_other = "darcs apply --all --repodir 'hello2'";
    assert!(host.shell("alice", to_other, &send(&x, &other, home)).status.success());
    let before = snapshot(&other);
    let r = host.shell("alice", to_other, &bundle);
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(1), "{err}");
    assert!(err.contains("not supported") && err.contains("conflicted"), "{err}");
    assert_eq!(snapshot(&other), before);
    let out = push_both(&host, &hosted, &bundle);
    assert!(out.contains("applied 2 patches"), "{out}");
}

#[test]
fn resolved_conflicts_are_pushed_darcs2() {
    resolved_conflict("darcs-2");
}

#[test]
fn resolved_conflicts_are_pushed_darcs3() {
    resolved_conflict("darcs-3");
}

#[test]
fn transfer_mode_serves_only_the_clone_files() {
    require_tools();
    let host = Host::new(&["alice"], &[], "[repos.hello]\nwrite = [\"alice\"]\n");
    let (hosted, _a, _bundle) = with_pending_patch(&host);
    let inv = std::fs::read(hosted.join("_darcs/hashed_inventory")).unwrap();
    let req = b"get format\nget hashed_inventory\nget prefs/author\nget ../../../etc/passwd\nget /etc/passwd\n\
get patches/pending\nget index\nget lock\nget _darcs/format\nget prefs/motd\n";
    let r = host.shell("alice", "darcs transfer-mode --repodir hello/", req);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let mut expected = b"Hello user, I am darcs transfer mode\n".to_vec();
    let format = std::fs::read(hosted.join("_darcs/format")).unwrap();
    expected.extend(format!("got format\n{}\n", format.len()).bytes());
    expected.extend(&format);
    expected.extend(format!("got hashed_inventory\n{}\n", inv.len()).bytes());
    expected.extend(&inv);
    for f in ["prefs/author", "../../../etc/passwd", "/etc/passwd", "patches/pending", "index", "lock", "_darcs/format"]
    {
        expected.extend(format!("error {f}\n\"{f} does not exist\"\n").bytes());
    }
    expected.extend(b"got prefs/motd\n0\n");
    assert_eq!(String::from_utf8_lossy(&r.stdout), String::from_utf8_lossy(&expected));
    // malformed requests end the session with an error
    for bad in [&b"get format\0x\n"[..], b"put format\n", &[b'g'; 5000], b"get format"] {
        let r = host.shell("alice", "darcs transfer-mode --repodir hello", bad);
        assert_eq!(r.status.code(), Some(2), "{:?}", String::from_utf8_lossy(bad));
        assert!(String::from_utf8_lossy(&r.stderr).starts_with("darcsweb: transfer-mode: "));
    }
}
