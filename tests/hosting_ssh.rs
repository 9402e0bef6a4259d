//! `darcs clone`, `push` and `pull` over the real OpenSSH server (Debian's sshd, started
//! on a loopback port with its own host key and configuration), with keys made by
//! `ssh-keygen` and the real darcs client; the web pages see every push.

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use crate::host_util::*;
use crate::http_util::get;

/// The web application for `host`'s configuration (private repositories dropped).
fn web(host: &Host) -> axum::Router {
    let cfg = darcsweb::web::config::Config::load(Some(&host.config)).unwrap();
    let registry = darcsweb::repo::Registry::discover(&cfg.roots);
    darcsweb::web::router(Arc::new(darcsweb::web::AppState::new(registry, cfg)))
}

fn http(app: &axum::Router, uri: &str) -> (u16, String) {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let r = rt.block_on(get(app, uri));
    (r.status.as_u16(), r.text())
}

fn write(dir: &Path, rel: &str, content: &str) {
    std::fs::write(dir.join(rel), content).unwrap();
}

#[test]
fn clone_record_push_pull_over_ssh() {
    require_tools();
    let host = Host::new(&["alice", "bob"], &[], "[repos.hello]\nwrite = [\"alice\"]\n");
    let hosted = host.create("hello", "darcs-2");
    let sshd = Sshd::start(&host);
    let app = web(&host);
    let dir = host.dir.path();
    let url = sshd.url("hello");
    sshd.darcs_ok(&host, "alice", &["clone", &url, "a"], dir);
    let a = dir.join("a");
    for (i, name) in ["first patch over ssh", "second patch over ssh"].iter().enumerate() {
        write(&a, "README", &"line\n".repeat(i + 1));
        record(&a, &host.home, name);
        let out = sshd.darcs_ok(&host, "alice", &["push", "-a", &url], &a);
        assert!(out.contains("applied 1 patch"), "{out}");
        assert_checks(&hosted, &host.home);
        // the next request shows it
        let (status, page) = http(&app, "/hello/log");
        assert_eq!(status, 200);
        assert!(page.contains(name), "{name} not on the log page");
        let (_, feed) = http(&app, "/hello/atom");
        assert!(feed.contains(name));
    }
    // a second clone, then a pull of a newer push
    sshd.darcs_ok(&host, "bob", &["clone", &url, "b"], dir);
    let b = dir.join("b");
    write(&a, "NEWS", "news\n");
    record(&a, &host.home, "third patch");
    sshd.darcs_ok(&host, "alice", &["push", "-a"], &a);
    let out = sshd.darcs_ok(&host, "bob", &["pull", "-a"], &b);
    assert!(out.contains("Finished pulling"), "{out}");
    assert_eq!(patch_ids(&b, &host.home), patch_ids(&hosted, &host.home));
    assert_eq!(std::fs::read_to_string(b.join("NEWS")).unwrap(), "news\n");
    // pushing again is a no-op
    let out = sshd.darcs_ok(&host, "alice", &["push", "-a", &url], &a);
    assert!(out.contains("No recorded local patches to push"), "{out}");
    let audit = host.audit();
    assert!(audit
        .iter()
        .any(|r| r["user"] == "bob" && r["action"] == "read" && r["key"].as_str().unwrap().starts_with("SHA256:")));
    assert_eq!(audit.iter().filter(|r| r["action"] == "push" && r["result"] == "ok").count(), 3);
}

#[test]
fn access_control_over_ssh_and_http() {
    require_tools();
    let host = Host::new(
        &["alice", "bob", "carol"],
        &["mallory"],
        "[repos.hello]\nwrite = [\"alice\"]\n[repos.secret]\nread = [\"bob\"]\nwrite = [\"alice\"]\n",
    );
    let hello = host.create("hello", "darcs-2");
    let secret = host.create("secret", "darcs-3");
    let sshd = Sshd::start(&host);
    let dir = host.dir.path();

    // a key that is not configured is refused by sshd itself
    let w = sshd.ssh_wrapper(&host.keys["mallory"]);
    let o = Command::new(&w)
        .arg(format!("{}@127.0.0.1", login()))
        .arg("darcs transfer-mode --repodir hello")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(255));
    assert!(String::from_utf8_lossy(&o.stderr).contains("Permission denied"), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!sshd.darcs(&host, "mallory", &["clone", &sshd.url("hello"), "m"], dir).status.success());
    assert!(!dir.join("m").exists());

    // a known key gets only darcs: anything else through sshd is refused in one line
    let w = sshd.ssh_wrapper(&host.keys["alice"]);
    let target = format!("{}@127.0.0.1", login());
    let before = snapshot(&host.root);
    for args in [
        vec!["-T", &target],
        vec![&target, "id"],
        vec![&target, "cat /etc/passwd"],
        vec![&target, "darcs transfer-mode --repodir hello; id"],
        vec![&target, "darcs apply --all --repodir '../hello'"],
        vec![&target, "darcs transfer-mode --repodir /etc"],
        vec![&target, "scp -t hello/_darcs/format"],
        vec!["-s", &target, "sftp"],
    ] {
        let o = Command::new(&w).args(&args).stdin(std::process::Stdio::null()).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        // (sshd does not pass a subsystem's stderr on: sftp only sees the exit status)
        if args[0] != "-s" {
            assert!(err.starts_with("darcsweb: ") && err.trim().lines().count() == 1, "{args:?}: {err}");
        }
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    assert_eq!(snapshot(&host.root), before);

    // alice fills both repositories
    for (repo, path) in [("hello", &hello), ("secret", &secret)] {
        let c = dir.join(format!("alice-{repo}"));
        sshd.darcs_ok(&host, "alice", &["clone", &sshd.url(repo), &c.display().to_string()], dir);
        write(&c, "f", &format!("{repo}\n"));
        record(&c, &host.home, &format!("content of {repo}"));
        sshd.darcs_ok(&host, "alice", &["push", "-a"], &c);
        assert_checks(path, &host.home);
    }

    // carol may read hello, not write it: the repository stays byte-for-byte the same
    let c = dir.join("carol");
    sshd.darcs_ok(&host, "carol", &["clone", &sshd.url("hello"), "carol"], dir);
    write(&c, "f", "carol was here\n");
    record(&c, &host.home, "carol's change");
    let before = snapshot(&hello);
    let o = sshd.darcs(&host, "carol", &["push", "-a"], &c);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(err.contains("carol may not push to hello"), "{err}");
    assert_eq!(snapshot(&hello), before);

    // the private repository: its readers (and writers) clone it, nobody else sees it
    sshd.darcs_ok(&host, "bob", &["clone", &sshd.url("secret"), "bob-secret"], dir);
    assert_eq!(std::fs::read_to_string(dir.join("bob-secret/f")).unwrap(), "secret\n");
    let o = sshd.darcs(&host, "carol", &["clone", &sshd.url("secret"), "carol-secret"], dir);
    assert!(!o.status.success());
    assert!(!dir.join("carol-secret").exists());
    // bob reads but does not write it
    let bs = dir.join("bob-secret");
    write(&bs, "f", "bob\n");
    record(&bs, &host.home, "bob's change");
    let before = snapshot(&secret);
    assert!(!sshd.darcs(&host, "bob", &["push", "-a"], &bs).status.success());
    assert_eq!(snapshot(&secret), before);

    // over HTTP it does not exist at all
    let app = web(&host);
    for uri in ["/secret", "/secret/log", "/secret/_darcs/format", "/secret/_darcs/hashed_inventory", "/api/secret/log"]
    {
        assert_eq!(http(&app, uri).0, 404, "{uri}");
    }
    let (_, home) = http(&app, "/");
    assert!(home.contains("hello") && !home.contains("secret"), "{home}");
    let (_, api) = http(&app, "/api/repos");
    assert!(!api.contains("secret"), "{api}");
    assert_eq!(http(&app, "/hello/_darcs/format").0, 200);
    // nor over HTTP with darcs itself
    let addr = {
        let app = app.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
            rt.block_on(async move {
                let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                tx.send(l.local_addr().unwrap()).unwrap();
                axum::serve(l, app).await.unwrap();
            });
        });
        rx.recv().unwrap()
    };
    let o = darcs_env(&["clone", &format!("http://{addr}/secret"), "http-secret"], dir, &host.home, &[]);
    assert!(!o.status.success());
    darcs_ok(&["clone", &format!("http://{addr}/hello"), "http-hello"], dir, &host.home);
}

#[test]
fn concurrent_pushes_land_and_conflicts_are_refused_over_ssh() {
    require_tools();
    let host = Host::new(&["alice"], &[], "[repos.hello]\nwrite = [\"alice\"]\n");
    let hosted = host.create("hello", "darcs-2");
    let sshd = Sshd::start(&host);
    let dir = host.dir.path().to_path_buf();
    let dir = dir.as_path();
    let url = sshd.url("hello");
    sshd.darcs_ok(&host, "alice", &["clone", &url, "base"], dir);
    write(&dir.join("base"), "shared", "one\ntwo\nthree\n");
    record(&dir.join("base"), &host.home, "base");
    sshd.darcs_ok(&host, "alice", &["push", "-a"], &dir.join("base"));
    for c in ["c1", "c2"] {
        sshd.darcs_ok(&host, "alice", &["clone", &url, c], dir);
        write(&dir.join(c), &format!("{c}.txt"), &format!("{c}\n"));
        record(&dir.join(c), &host.home, &format!("patch of {c}"));
    }
    let sshd = Arc::new(sshd);
    let host = Arc::new(host);
    let handles: Vec<_> = ["c1", "c2"]
        .iter()
        .map(|c| {
            let (sshd, host, d) = (sshd.clone(), host.clone(), dir.join(c));
            std::thread::spawn(move || sshd.darcs(&host, "alice", &["push", "-a"], &d))
        })
        .collect();
    for h in handles {
        let o = h.join().unwrap();
        assert!(o.status.success(), "{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    }
    assert_checks(&hosted, &host.home);
    let ids = patch_ids(&hosted, &host.home);
    assert_eq!(ids.len(), 3);
    for c in ["c1", "c2"] {
        assert!(patch_ids(&dir.join(c), &host.home).iter().all(|p| ids.contains(p)));
    }
    // now two conflicting edits of the same line: the second push is refused, named
    for (c, text) in [("c1", "one\nTWO\nthree\n"), ("c2", "one\n2\nthree\n")] {
        write(&dir.join(c), "shared", text);
        record(&dir.join(c), &host.home, &format!("{c} edits line two"));
    }
    sshd.darcs_ok(&host, "alice", &["push", "-a"], &dir.join("c1"));
    let before = snapshot(&hosted);
    let o = sshd.darcs(&host, "alice", &["push", "-a"], &dir.join("c2"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("conflicts") && err.contains("'c2 edits line two'") && err.contains("'c1 edits line two'"),
        "{err}"
    );
    assert_eq!(snapshot(&hosted), before);
    assert_checks(&hosted, &host.home);
}

#[test]
fn authorized_keys_lines() {
    require_tools();
    let host = Host::new(&["alice", "bob"], &["mallory"], "");
    let all = Command::new(bin()).args(["authorized-keys", "--config"]).arg(&host.config).output().unwrap();
    assert!(all.status.success());
    let text = String::from_utf8_lossy(&all.stdout);
    assert_eq!(text.lines().count(), 2);
    for l in text.lines() {
        assert!(
            l.starts_with("command=\"'") && l.contains("' shell --config '") && l.contains(",restrict ssh-ed25519 "),
            "{l}"
        );
    }
    let k: Vec<&str> = host.pubkeys["bob"].split(' ').collect();
    let one = Command::new(bin())
        .args(["authorized-keys", "--config"])
        .arg(&host.config)
        .args([k[0], k[1]])
        .output()
        .unwrap();
    let line = String::from_utf8_lossy(&one.stdout);
    assert_eq!(line.lines().count(), 1);
    assert!(line.contains("--user bob ") && line.trim_end().ends_with(&format!("{} {}", k[0], k[1])), "{line}");
    let m: Vec<&str> = host.pubkeys["mallory"].split(' ').collect();
    let none = Command::new(bin())
        .args(["authorized-keys", "--config"])
        .arg(&host.config)
        .args([m[0], m[1]])
        .output()
        .unwrap();
    assert!(none.status.success() && none.stdout.is_empty());
}
