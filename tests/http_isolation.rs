//! The real server (`darcsweb serve`, run as a child process) under adversarial load: no
//! page waits for another, a core computation past its budget is reported as too
//! expensive while the rest of the site answers, a killed core worker is replaced and
//! the page says so, and idle or half-open connections cannot lock new clients out.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common;

/// A `darcsweb serve` child process, killed (with its core workers) when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Serve `roots` with the `[limits]` lines `limits`, under `ulimit -n nofile` (soft and
    /// hard) when given.
    fn start(roots: &[&Path], limits: &str, nofile: Option<u32>, dir: &Path) -> Server {
        std::fs::create_dir_all(dir).unwrap();
        let cfg = dir.join("darcsweb.toml");
        std::fs::write(&cfg, format!("[limits]\n{limits}\n")).unwrap();
        let mut script = String::new();
        if let Some(n) = nofile {
            script.push_str(&format!("ulimit -n {n} || exit 97; "));
        }
        script.push_str("exec \"$@\"");
        let child = Command::new("bash")
            .arg("-c")
            .arg(script)
            .arg("bash")
            .arg(env!("CARGO_BIN_EXE_darcsweb"))
            // no cache directory: nothing computed by an earlier run is reused, and the
            // dependency graph is one call of the core (with a store it goes patch by
            // patch, each call far within any budget)
            .args(["serve", "--no-cache-dir", "--listen", "127.0.0.1:0", "--config"])
            .arg(&cfg)
            .args(roots)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start darcsweb serve");
        let mut server = Server { child, addr: "127.0.0.1:1".parse().unwrap() };
        let mut out = server.child.stdout.take().unwrap();
        let mut line = Vec::new();
        let mut b = [0u8; 1];
        while out.read(&mut b).unwrap_or(0) == 1 && b[0] != b'\n' {
            line.push(b[0]);
        }
        let line = String::from_utf8_lossy(&line).into_owned();
        let url = line.split("http://").nth(1).unwrap_or_else(|| panic!("no address in {line:?}"));
        server.addr = url.trim_end_matches('/').parse().unwrap();
        server
    }

    /// The process ids of its core workers (its child processes).
    fn workers(&self) -> Vec<u32> {
        let mut out = Vec::new();
        let tasks = format!("/proc/{}/task", self.child.id());
        for t in std::fs::read_dir(tasks).into_iter().flatten().flatten() {
            let children = std::fs::read_to_string(t.path().join("children")).unwrap_or_default();
            out.extend(children.split_whitespace().filter_map(|p| p.parse::<u32>().ok()));
        }
        out.sort();
        out
    }

    fn get(&self, path: &str) -> Resp {
        get(self.addr, path)
    }
}

/// An HTTP answer.
struct Resp {
    status: u16,
    head: String,
    body: String,
}

impl Resp {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }
}

/// `GET path` on a new connection (`Connection: close`), read to the end.
fn get(addr: SocketAddr, path: &str) -> Resp {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Resp { status, head: head.to_string(), body: body.to_string() }
}

/// Wait (at most 60 s) until `cond` holds; false if it never did.
fn eventually(mut cond: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// CPU time (clock ticks) process `pid` has used.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let f: Vec<&str> = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("").split_whitespace().collect();
    f.get(11).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
        + f.get(12).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
}

/// Wait until one of the workers in `base` has used a noticeable amount of CPU time since
/// `base` (pid, ticks) was taken; that worker.
fn busy_worker(base: &[(u32, u64)]) -> u32 {
    let mut found = None;
    let started = eventually(|| {
        found = base.iter().find(|(pid, t)| cpu_ticks(*pid) > t + 20).map(|(p, _)| *p);
        found.is_some()
    });
    assert!(started, "no core worker started the long computation");
    found.unwrap()
}

fn ticks(server: &Server) -> Vec<(u32, u64)> {
    server.workers().into_iter().map(|p| (p, cpu_ticks(p))).collect()
}

/// A repository whose dependency graph costs the core about n²/2 commutations: darcs
/// records a file of `n` lines, then `n` patches (written here, as darcs writes them)
/// change line 2m+1 and change it back, for each pair m. Every pair commutes past
/// every other (same file, lines apart), so neither pruning nor anything else spares
/// darcs' walk its quadratic work; the tree at the end is the recorded one, so the
/// pristine stays right.
fn adversarial_repo(root: &Path, n: usize) -> PathBuf {
    use darcsweb::darcs::hash::SizeHash;
    let dir = root.join("big");
    std::fs::create_dir_all(&dir).unwrap();
    let ok = |o: std::process::Output| assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    ok(common::darcs(&["init", "--quiet", "--darcs-2"], &dir));
    let lines: String = (0..n).map(|i| format!("line {i}\n")).collect();
    std::fs::write(dir.join("big.txt"), lines).unwrap();
    ok(common::darcs(&["add", "--quiet", "big.txt"], &dir));
    ok(common::darcs(&["record", "--all", "--quiet", "--name=add"], &dir));
    let darcs = dir.join("_darcs");
    let mut inv = std::fs::read(darcs.join("hashed_inventory")).unwrap();
    for k in 0..n {
        let m = k / 2;
        let (from, to) = (format!("line {}", 2 * m), format!("changed {m}"));
        let (old, new) = if k % 2 == 0 { (from, to) } else { (to, from) };
        let info = format!(
            "[edit {k}\nTest User <test@example.com>**20240101{:02}{:02}{:02}\n Ignore-this: {k:x}\n]",
            k / 3600,
            k / 60 % 60,
            k % 60
        );
        let content = format!("{info} hunk ./big.txt {}\n-{old}\n+{new}\n", 2 * m + 1);
        let name = SizeHash::of(content.as_bytes()).to_string();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(content.as_bytes()).unwrap();
        std::fs::write(darcs.join("patches").join(&name), gz.finish().unwrap()).unwrap();
        inv.extend_from_slice(format!("{info} \nhash: {name}\n").as_bytes());
    }
    std::fs::write(darcs.join("hashed_inventory"), inv).unwrap();
    dir
}

/// A private copy of a small corpus repository, `small`.
fn small_repo(root: &Path) -> PathBuf {
    let dst = root.join("small");
    common::copy_dir(&common::corpus().join("repos/prims-d2"), &dst).unwrap();
    dst
}

/// The patches of a repository, newest first, through the JSON API.
fn patches(server: &Server, repo: &str) -> Vec<String> {
    let r = server.get(&format!("/api/{repo}/log"));
    assert_eq!(r.status, 200, "{}", r.body);
    r.body.split("\"hash\":\"").skip(1).map(|h| h[..40].to_string()).collect()
}

/// The newest patch of a repository.
fn newest_patch(server: &Server, repo: &str) -> String {
    patches(server, repo).swap_remove(0)
}

#[test]
fn a_computation_past_its_cpu_budget_is_too_expensive_while_the_site_answers() {
    let tmp = tempfile::tempdir().unwrap();
    let (big, small) = (adversarial_repo(tmp.path(), 6_000), small_repo(tmp.path()));
    // a CPU budget does not depend on the machine's load; the request timeout (wall
    // time) is set far beyond it so that the budget is what ends the computation
    let server = Server::start(
        &[&big, &small],
        "core_workers = 1\ncore_cpu_secs = 3\ngraph_secs = 3\nrequest_timeout_secs = 900",
        None,
        tmp.path(),
    );
    let all = patches(&server, "small");
    let (hash, old) = (all[0].clone(), all[all.len() / 2].clone());
    let base = ticks(&server);
    let (tx, rx) = std::sync::mpsc::channel();
    let addr = server.addr;
    let graph = format!("/api/big/patch/{}", newest_patch(&server, "big"));
    let long = {
        let graph = graph.clone();
        std::thread::spawn(move || {
            let r = get(addr, &graph);
            let _ = tx.send(());
            r
        })
    };
    busy_worker(&base);
    // the dependency graph runs in the only long-call worker; everything else answers meanwhile,
    // the small repository's replays (an old version, an annotation) included
    for path in [
        "/healthz",
        "/",
        "/small",
        "/small/log",
        "/small/tree/head/",
        &format!("/small/patch/{hash}"),
        &format!("/small/tree/{old}/"),
        "/small/annotate/head/g.txt",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 200, "{path}: {}", r.body);
    }
    // the big repository's own patch page answers too, saying the graph is on its way
    let r = server.get(&graph.replace("/api/big/patch/", "/big/patch/"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("still computing the dependencies"), "{}", r.body);
    // with how far it got (a graph is computed in stretches)
    assert!(r.body.contains(" of the 6001 patches done"), "{}", r.body);
    assert!(rx.try_recv().is_err(), "the long computation ended before the other pages were answered");
    let mut r = long.join().unwrap();
    // the API waits 25 s for the graph, then says to retry (a loaded machine may take
    // longer to spend 3 s of CPU time): ask again until the graph's fate is known
    let deadline = Instant::now() + Duration::from_secs(300);
    while r.body.contains("still being computed") && Instant::now() < deadline {
        r = server.get(&graph);
    }
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("too expensive for this server"), "{}", r.body);
    // the graph is computed in calls of at most 3 s of CPU time each, and 3 s in all
    assert!(r.body.contains("more than the 3 s one history's graph may use"), "{}", r.body);
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    // the worker was replaced: the core still answers
    assert!(eventually(|| server.workers().len() == 2));
    let r = server.get("/small/annotate/head/");
    assert!(r.status == 200 || r.status == 400, "{}: {}", r.status, r.body);
    let r = server.get(&format!("/api/small/patch/{hash}"));
    assert_eq!(r.status, 200, "{}", r.body);
}

#[test]
fn a_killed_core_worker_is_replaced_and_the_page_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let (big, small) = (adversarial_repo(tmp.path(), 20_000), small_repo(tmp.path()));
    let server = Server::start(
        &[&big, &small],
        "core_workers = 2\ncore_cpu_secs = 600\nrequest_timeout_secs = 900",
        None,
        tmp.path(),
    );
    assert!(eventually(|| server.workers().len() == 3), "the core workers did not start");
    // the two long-call workers yield the CPU to the server and the short-call worker
    assert!(eventually(|| niceness(&server) == [0, 10, 10]), "{:?}", niceness(&server));
    // and run with the OCaml runtime settings for calls that allocate much (unless set)
    if std::env::var_os("OCAMLRUNPARAM").is_none() {
        let tuned = |p: &u32| {
            let env = std::fs::read(format!("/proc/{p}/environ")).unwrap_or_default();
            env.split(|b| *b == 0).any(|kv| kv == b"OCAMLRUNPARAM=s=4M,o=400")
        };
        assert_eq!(server.workers().iter().filter(|p| tuned(p)).count(), 2, "the two long-call workers");
    }
    let hash = newest_patch(&server, "small");

    // killed while idle: reaped (no zombie) and replaced without any request
    let idle = server.workers();
    for &pid in &idle {
        let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
    }
    assert!(eventually(|| idle.iter().all(|p| !Path::new(&format!("/proc/{p}")).exists())), "a zombie was left");
    assert!(eventually(|| {
        let now = server.workers();
        now.len() == 3 && now.iter().all(|p| !idle.contains(p))
    }));
    let r = server.get(&format!("/api/small/patch/{hash}"));
    assert_eq!(r.status, 200, "{}", r.body);

    // killed while computing a page: that page says so, and the next one is served
    let base = ticks(&server);
    let addr = server.addr;
    let graph = format!("/api/big/patch/{}", newest_patch(&server, "big"));
    let long = std::thread::spawn(move || get(addr, &graph));
    let busy = busy_worker(&base);
    let _ = Command::new("kill").args(["-KILL", &busy.to_string()]).status();
    let r = long.join().unwrap();
    assert_eq!(r.status, 503, "{}", r.body);
    assert!(r.body.contains("stopped") && r.body.contains("a new one has been started"), "{}", r.body);
    assert_eq!(r.header("retry-after").as_deref(), Some("1"));
    assert_eq!(r.header("cache-control").as_deref(), Some("no-store"));
    assert!(eventually(|| server.workers().len() == 3 && !server.workers().contains(&busy)));
    let r = server.get(&format!("/small/patch/{hash}"));
    assert_eq!(r.status, 200, "{}", r.body);
    // a replaced worker runs at the niceness of its lane too
    assert!(eventually(|| niceness(&server) == [0, 10, 10]), "{:?}", niceness(&server));
}

/// The niceness of each core worker, sorted (field 19 of `/proc/PID/stat`).
fn niceness(server: &Server) -> Vec<i32> {
    let mut out: Vec<i32> = server
        .workers()
        .iter()
        .filter_map(|p| std::fs::read_to_string(format!("/proc/{p}/stat")).ok())
        .filter_map(|st| st.rsplit_once(')').and_then(|(_, rest)| rest.split_whitespace().nth(16)?.parse().ok()))
        .collect();
    out.sort();
    out
}

#[test]
fn idle_and_half_open_connections_do_not_lock_new_clients_out() {
    use rustix::process::{getrlimit, setrlimit, Resource, Rlimit};
    // this test process holds the 1,100 client ends: it needs more than 1,024 descriptors
    let l = getrlimit(Resource::Nofile);
    let _ = setrlimit(Resource::Nofile, Rlimit { current: l.maximum, maximum: l.maximum });
    let have = getrlimit(Resource::Nofile).current.unwrap_or(u64::MAX);
    assert!(have >= 1_300, "the test needs 1,300 descriptors; the hard limit is {have}");

    let tmp = tempfile::tempdir().unwrap();
    let small = small_repo(tmp.path());
    let mut buf = [0u8; 512];
    let closed = |s: &mut TcpStream, buf: &mut [u8]| {
        s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        // a first read may return an answer; the close follows
        matches!(s.read(buf), Ok(0) | Err(_)) || matches!(s.read(buf), Ok(0) | Err(_))
    };
    {
        let quick = Server::start(&[&small], "header_read_timeout_secs = 2\nidle_timeout_secs = 1", None, tmp.path());
        // a half-sent request head is dropped after the header-read timeout
        let mut half = TcpStream::connect(quick.addr).unwrap();
        half.write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n").unwrap();
        assert!(closed(&mut half, &mut buf), "a half-sent request head kept its connection open");
        // an idle keep-alive connection is closed after the idle timeout
        let mut ka = TcpStream::connect(quick.addr).unwrap();
        ka.write_all(b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n").unwrap();
        ka.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let n = ka.read(&mut buf).unwrap();
        assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
        assert!(matches!(ka.read(&mut buf), Ok(0) | Err(_)), "an idle keep-alive connection stayed open");
    }

    // 1,100 idle connections on a server limited to 1,024 descriptors
    let server = Server::start(
        &[&small],
        "header_read_timeout_secs = 600\nidle_timeout_secs = 600",
        Some(1024),
        &tmp.path().join("capped"),
    );
    assert_eq!(server.get("/healthz").status, 200);
    let idle: Vec<TcpStream> = (0..1_100).map(|_| TcpStream::connect(server.addr).unwrap()).collect();
    for _ in 0..3 {
        let r = server.get("/healthz");
        assert_eq!(r.status, 200, "a new client was not served: {}", r.head);
        assert_eq!(r.body, "ok\n");
        let r = server.get("/small/log");
        assert_eq!(r.status, 200);
    }
    // the server made room by closing idle connections, the longest idle first
    let mut first = idle.into_iter().next().unwrap();
    assert!(closed(&mut first, &mut buf), "the longest idle connection is still open");
}

/// Append a patch written directly (named `name`, content `body`) to `dir`'s inventory.
fn append_written_patch(dir: &Path, name: &str, k: usize, body: &str) -> String {
    use darcsweb::darcs::hash::SizeHash;
    let darcs = dir.join("_darcs");
    let info = format!("[{name}\nTest User <test@example.com>**2024010200000{k}\n Ignore-this: {k:x}\n]");
    let content = format!("{info} {body}");
    let file = SizeHash::of(content.as_bytes()).to_string();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(content.as_bytes()).unwrap();
    std::fs::write(darcs.join("patches").join(&file), gz.finish().unwrap()).unwrap();
    let mut inv = std::fs::read(darcs.join("hashed_inventory")).unwrap();
    inv.extend_from_slice(format!("{info} \nhash: {file}\n").as_bytes());
    std::fs::write(darcs.join("hashed_inventory"), inv).unwrap();
    file
}

/// The two histories that once cost the core minutes answer within the request timeout,
/// with the right answers: a 100,000-line file added then changed whole (annotate at
/// both versions), and 1,500 nested directories added then removed (the tree and the
/// file at the version between). The request timeout is what bounds them here; their
/// speed is measured by bench/isolation.sh.
#[test]
fn a_huge_file_and_deeply_nested_directories_are_answered() {
    let tmp = tempfile::tempdir().unwrap();
    let ok = |o: std::process::Output| assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let n = 100_000;
    let big = tmp.path().join("big");
    std::fs::create_dir_all(&big).unwrap();
    ok(common::darcs(&["init", "--quiet"], &big));
    std::fs::write(big.join("big.txt"), (1..=n).map(|i| format!("line {i}\n")).collect::<String>()).unwrap();
    ok(common::darcs(&["add", "--quiet", "big.txt"], &big));
    ok(common::darcs(&["record", "--all", "--quiet", "--name=add a big file"], &big));
    std::fs::write(big.join("big.txt"), (1..=n).map(|i| format!("changed {i}\n")).collect::<String>()).unwrap();
    ok(common::darcs(&["record", "--all", "--quiet", "--ignore-times", "--name=change every line"], &big));

    // the nested directories come and go in patches written directly: their net effect is
    // nothing, so the recorded tree stays right
    let deep = tmp.path().join("deep");
    std::fs::create_dir_all(&deep).unwrap();
    ok(common::darcs(&["init", "--quiet"], &deep));
    std::fs::write(deep.join("top.txt"), "top\n").unwrap();
    ok(common::darcs(&["add", "--quiet", "top.txt"], &deep));
    ok(common::darcs(&["record", "--all", "--quiet", "--name=a file"], &deep));
    let levels = 1_500;
    let dirs: Vec<String> = (1..=levels).map(|k| format!("./{}", vec!["d"; k].join("/"))).collect();
    let file = format!("{}/f.txt", dirs[levels - 1]);
    let mut add: String = dirs.iter().map(|d| format!("\nadddir {d}")).collect();
    add.push_str(&format!("\naddfile {file}\nhunk {file} 1\n+deep\n"));
    let mut remove = format!("\nhunk {file} 1\n-deep\nrmfile {file}");
    remove.extend(dirs.iter().rev().map(|d| format!("\nrmdir {d}")));
    remove.push('\n');
    append_written_patch(&deep, "add 1500 nested directories", 1, &add);
    append_written_patch(&deep, "remove them", 2, &remove);

    // the default request timeout: the quadratic annotate this replaced took longer
    let server = Server::start(&[&big, &deep], "request_timeout_secs = 30", None, tmp.path());
    let all = patches(&server, "big");
    for (version, word) in [("head", "changed"), (all[1].as_str(), "line")] {
        let r = server.get(&format!("/api/big/annotate/{version}/big.txt"));
        assert_eq!(r.status, 200, "{version}: {}", &r.body[..r.body.len().min(300)]);
        // every line comes from the patch that wrote it: at head the second, before it the first
        let from = if version == "head" { &all[0] } else { &all[1] };
        assert_eq!(r.body.matches(&format!("\"hash\":\"{from}\"")).count(), n, "{version}");
        assert!(r.body.contains(&format!("{word} {n}")), "{version}");
    }
    let d = patches(&server, "deep");
    let r = server.get(&format!("/api/deep/tree/{}/{}", d[1], &file[2..]));
    assert_eq!(r.status, 200, "{}", &r.body[..r.body.len().min(300)]);
    assert!(r.body.contains("deep"), "{}", r.body);
    let r = server.get(&format!("/deep/tree/{}/", d[1]));
    assert_eq!(r.status, 200, "{}", &r.body[..r.body.len().min(300)]);
    let r = server.get(&format!("/api/deep/tree/{}/{}", d[0], &file[2..]));
    assert_eq!(r.status, 404, "{}", &r.body[..r.body.len().min(300)]);
}
