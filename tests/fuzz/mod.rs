//! A seeded mutation fuzzer of darcs repositories, shared by the test suite (a bounded
//! run, `tests/repo_fuzz.rs`) and `examples/fuzz.rs` (`bench/fuzz.sh N`: many mutants).
//!
//! From a seed, each mutant is a copy of a healthy repository with one mutation: bytes
//! flipped (in the file or inside its gzip stream), truncation, deletion, inventory
//! entries duplicated, dropped or swapped (parents re-hashed so only the entry is
//! wrong), hashes replaced, file types changed (FIFO, socket, directory), symbolic links
//! (outside the repository, or inside it), sizes (a gzip bomb, appended bytes). Then:
//! `darcsweb check` runs as a child with a wall-clock limit (hang, crash, peak memory);
//! when it says "consistent", `darcs check --no-cache` runs on a second copy made from
//! the same seed and must agree; and a `darcsweb serve` child that serves the mutant
//! beside a healthy repository answers its pages without hanging, crashing, going over
//! its memory budget, showing anything from outside the repository, or changing the
//! healthy repository's pages. `_darcs/index` and `patches/pending` are never mutated
//! (darcs checks them, darcsweb never reads them).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Text that marks the file outside every repository: it must never be served.
pub const CANARY: &str = "CANARY-OUTSIDE-THE-REPOSITORY";

/// SplitMix64: small, seeded, good enough to pick mutations.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    /// One of `v`.
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> Option<&'a T> {
        if v.is_empty() {
            None
        } else {
            v.get(self.below(v.len()))
        }
    }
}

/// The kinds of mutation, as reported.
pub const KINDS: [&str; 9] =
    ["byte", "gzip-content", "truncate", "delete", "entry", "hash", "file-type", "symlink", "size"];

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).expect("gzip");
    e.finish().expect("gzip")
}

fn gunzip(data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(data).take(64 << 20).read_to_end(&mut out).ok()?;
    Some(out)
}

fn size_hash(data: &[u8]) -> String {
    use sha2::Digest;
    format!("{:010}-{}", data.len(), hex::encode(sha2::Sha256::digest(data)))
}

/// Every regular file under `dir/_darcs` that may be mutated (relative paths, sorted).
fn targets(dir: &Path) -> Vec<PathBuf> {
    fn walk(base: &Path, d: &Path, out: &mut Vec<PathBuf>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            let p = e.path();
            let Ok(t) = e.file_type() else { continue };
            if t.is_dir() {
                walk(base, &p, out);
            } else if t.is_file() {
                if let Ok(rel) = p.strip_prefix(base) {
                    out.push(rel.to_path_buf());
                }
            }
        }
    }
    let mut v = Vec::new();
    walk(dir, &dir.join("_darcs"), &mut v);
    v.retain(|p| {
        let s = p.to_string_lossy();
        !(s == "_darcs/index" || s.starts_with("_darcs/patches/pending") || s.starts_with("_darcs/index."))
    });
    v.sort();
    v
}

/// Copy a directory tree (directories and regular files; nothing special exists in
/// the healthy repositories copied).
pub fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let t = e.file_type()?;
        let dst = to.join(e.file_name());
        if t.is_dir() {
            copy_tree(&e.path(), &dst)?;
        } else if t.is_file() {
            std::fs::copy(e.path(), dst)?;
        }
    }
    Ok(())
}

/// Split an inventory's text into its header (pristine / parent lines) and entries.
fn split_inventory(text: &[u8]) -> (Vec<u8>, Vec<Vec<u8>>) {
    let mut starts: Vec<usize> = Vec::new();
    for (i, &b) in text.iter().enumerate() {
        if b == b'[' && (i == 0 || text[i - 1] == b'\n') {
            starts.push(i);
        }
    }
    let head_end = starts.first().copied().unwrap_or(text.len());
    let mut entries = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(text.len());
        entries.push(text[s..e].to_vec());
    }
    (text[..head_end].to_vec(), entries)
}

/// Write a changed inventory: the head as is; a parent under the name of its new
/// content, with every file that named the old one rewritten too (up to the head), so
/// that only the intended change is wrong.
fn write_inventory(dir: &Path, rel: &Path, new: &[u8]) {
    let is_head = rel == Path::new("_darcs/hashed_inventory");
    if is_head {
        let _ = std::fs::write(dir.join(rel), new);
        return;
    }
    let old_name = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let new_name = size_hash(new);
    let invdir = dir.join("_darcs/inventories");
    let _ = std::fs::write(invdir.join(&new_name), gzip(new));
    // who names it: the head, or another inventory
    let head = dir.join("_darcs/hashed_inventory");
    if let Ok(t) = std::fs::read(&head) {
        if contains(&t, old_name.as_bytes()) {
            let _ = std::fs::write(&head, replace(&t, old_name.as_bytes(), new_name.as_bytes()));
            return;
        }
    }
    let Ok(rd) = std::fs::read_dir(&invdir) else { return };
    for e in rd.flatten() {
        let Ok(raw) = std::fs::read(e.path()) else { continue };
        let Some(t) = gunzip(&raw).or(Some(raw)) else { continue };
        if contains(&t, old_name.as_bytes()) && e.file_name().to_string_lossy() != new_name {
            let other = PathBuf::from("_darcs/inventories").join(e.file_name());
            write_inventory(dir, &other, &replace(&t, old_name.as_bytes(), new_name.as_bytes()));
            return;
        }
    }
}

fn contains(h: &[u8], n: &[u8]) -> bool {
    !n.is_empty() && h.windows(n.len()).any(|w| w == n)
}

fn replace(h: &[u8], a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(h.len());
    let mut i = 0;
    while i < h.len() {
        if h[i..].starts_with(a) {
            out.extend_from_slice(b);
            i += a.len();
        } else {
            out.push(h[i]);
            i += 1;
        }
    }
    out
}

/// The text of an inventory file (head plain, parents gzipped).
fn inventory_text(dir: &Path, rel: &Path) -> Option<Vec<u8>> {
    let raw = std::fs::read(dir.join(rel)).ok()?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        gunzip(&raw)
    } else {
        Some(raw)
    }
}

fn inventories(dir: &Path) -> Vec<PathBuf> {
    let mut v = vec![PathBuf::from("_darcs/hashed_inventory")];
    v.extend(targets(dir).into_iter().filter(|p| p.starts_with("_darcs/inventories")));
    v
}

/// Apply the mutation of `seed` to the repository copy `dir`; `outside` is a directory
/// beside the server's root (the canary file and copies of directories live there).
/// Returns (kind, description). The same seed on the same repository does the same.
pub fn mutate(dir: &Path, outside: &Path, seed: u64) -> (&'static str, String) {
    let mut rng = Rng::new(seed);
    let kind = KINDS[rng.below(KINDS.len())];
    let files = targets(dir);
    let Some(file) = rng.pick(&files).cloned() else { return (kind, "nothing to mutate".into()) };
    let path = dir.join(&file);
    let shown = file.display().to_string();
    let data = std::fs::read(&path).unwrap_or_default();
    match kind {
        "byte" => {
            let mut d = data;
            let n = 1 + rng.below(4);
            for _ in 0..n {
                if !d.is_empty() {
                    let k = rng.below(d.len());
                    d[k] ^= 1 << rng.below(8);
                }
            }
            let _ = std::fs::write(&path, d);
            (kind, format!("{n} bits flipped in {shown}"))
        }
        "gzip-content" => {
            let gz = data.starts_with(&[0x1f, 0x8b]);
            let mut d = if gz { gunzip(&data).unwrap_or_default() } else { data };
            if !d.is_empty() {
                let k = rng.below(d.len());
                d[k] = d[k].wrapping_add(1 + rng.below(255) as u8);
            }
            let _ = std::fs::write(&path, if gz { gzip(&d) } else { d });
            (kind, format!("one byte of the content of {shown} changed"))
        }
        "truncate" => {
            let n = rng.below(data.len().max(1));
            let _ = std::fs::write(&path, &data[..n.min(data.len())]);
            (kind, format!("{shown} cut to {n} bytes"))
        }
        "delete" => {
            let _ = std::fs::remove_file(&path);
            (kind, format!("{shown} deleted"))
        }
        "entry" => {
            let invs = inventories(dir);
            let rel = rng.pick(&invs).cloned().unwrap_or_default();
            let Some(text) = inventory_text(dir, &rel) else { return (kind, format!("{} unreadable", rel.display())) };
            let (header, mut entries) = split_inventory(&text);
            // an entry from anywhere in the chain (for duplicates)
            let all: Vec<Vec<u8>> =
                invs.iter().filter_map(|i| inventory_text(dir, i)).flat_map(|t| split_inventory(&t).1).collect();
            let op = rng.below(6);
            let what = match op {
                0 if !all.is_empty() => {
                    let e = all[rng.below(all.len())].clone();
                    let at = rng.below(entries.len() + 1);
                    entries.insert(at, e);
                    "an entry duplicated into"
                }
                1 if !entries.is_empty() => {
                    entries.remove(rng.below(entries.len()));
                    "an entry removed from"
                }
                2 if entries.len() >= 2 => {
                    let (a, b) = (rng.below(entries.len()), rng.below(entries.len()));
                    entries.swap(a, b);
                    "two entries swapped in"
                }
                3 => {
                    entries.clear();
                    "every entry removed from"
                }
                4 if !all.is_empty() => {
                    let e = all[rng.below(all.len())].clone();
                    let n = 2 + rng.below(50);
                    for _ in 0..n {
                        entries.push(e.clone());
                    }
                    "an entry repeated many times in"
                }
                _ => {
                    let h = replace(&header, b"Starting with inventory:\n", b"");
                    let h: Vec<u8> = String::from_utf8_lossy(&h)
                        .lines()
                        .filter(|l| !(l.len() == 75 && l.as_bytes()[10] == b'-'))
                        .fold(String::new(), |mut a, l| {
                            a.push_str(l);
                            a.push('\n');
                            a
                        })
                        .into_bytes();
                    let mut t = h;
                    for e in &entries {
                        t.extend_from_slice(e);
                    }
                    write_inventory(dir, &rel, &t);
                    return (kind, format!("the parent inventory line removed from {}", rel.display()));
                }
            };
            let mut t = header;
            for e in &entries {
                t.extend_from_slice(e);
            }
            write_inventory(dir, &rel, &t);
            (kind, format!("{what} {}", rel.display()))
        }
        "hash" => {
            let invs = inventories(dir);
            let rel = rng.pick(&invs).cloned().unwrap_or_default();
            let Some(text) = inventory_text(dir, &rel) else { return (kind, format!("{} unreadable", rel.display())) };
            let t = String::from_utf8_lossy(&text).into_owned();
            let hashes: Vec<&str> = t
                .lines()
                .filter_map(|l| l.strip_prefix("hash: ").or_else(|| l.strip_prefix("pristine:")).or(Some(l)))
                .filter(|h| h.len() == 75 || h.len() == 64)
                .collect();
            let Some(old) = rng.pick(&hashes).map(|s| s.to_string()) else {
                return (kind, format!("no hash in {}", rel.display()));
            };
            let existing: Vec<PathBuf> = targets(dir)
                .into_iter()
                .filter(|p| p.starts_with("_darcs/patches") || p.starts_with("_darcs/pristine.hashed"))
                .collect();
            let new = match rng.below(3) {
                0 => rng.pick(&existing).and_then(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()),
                1 => {
                    let mut b = old.clone().into_bytes();
                    let k = b.len() - 1 - rng.below(20);
                    b[k] = if b[k] == b'0' { b'1' } else { b'0' };
                    String::from_utf8(b).ok()
                }
                _ if old.len() == 75 => Some(format!("{:010}{}", rng.below(100_000), &old[10..])),
                _ => Some(format!("{:064x}", rng.next())),
            }
            .unwrap_or_else(|| old.clone());
            write_inventory(dir, &rel, t.replacen(&old, &new, 1).as_bytes());
            (kind, format!("hash {old} replaced by {new} in {}", rel.display()))
        }
        "file-type" => {
            let _ = std::fs::remove_file(&path);
            match rng.below(3) {
                0 => {
                    let ok = Command::new("mkfifo").arg(&path).status().is_ok_and(|s| s.success());
                    (kind, format!("{shown} replaced by a FIFO ({ok})"))
                }
                1 => {
                    let _ = std::os::unix::net::UnixListener::bind(&path);
                    (kind, format!("{shown} replaced by a socket"))
                }
                _ => {
                    let _ = std::fs::create_dir(&path);
                    let _ = std::fs::write(path.join("x"), "x");
                    (kind, format!("{shown} replaced by a directory"))
                }
            }
        }
        "symlink" => match rng.below(4) {
            0 | 1 => {
                let _ = std::fs::remove_file(&path);
                let canary = outside.join("canary.txt");
                let target = if rng.below(2) == 0 {
                    canary
                } else {
                    // relative, climbing out
                    let depth = file.components().count() + 3;
                    let mut t = PathBuf::new();
                    for _ in 0..depth {
                        t.push("..");
                    }
                    t.join(canary.strip_prefix("/").unwrap_or(&canary))
                };
                let _ = std::os::unix::fs::symlink(&target, &path);
                (kind, format!("{shown} replaced by a link to the canary outside"))
            }
            2 => {
                // a faithful copy of a whole directory, linked from outside
                let dirs = ["_darcs/prefs", "_darcs/patches", "_darcs/inventories", "_darcs/pristine.hashed"];
                let d = dirs[rng.below(dirs.len())];
                let copy = outside.join(format!("copy-{seed:x}"));
                let _ = std::fs::remove_dir_all(&copy);
                let _ = copy_tree(&dir.join(d), &copy);
                let _ = std::fs::write(copy.join("motd"), CANARY);
                let _ = std::fs::remove_dir_all(dir.join(d));
                let _ = std::os::unix::fs::symlink(&copy, dir.join(d));
                (kind, format!("{d} replaced by a link to a copy outside the repository"))
            }
            _ => {
                // a link to another file of the repository (inside: allowed, and wrong)
                let other = rng.pick(&files).cloned().unwrap_or_default();
                let _ = std::fs::remove_file(&path);
                let mut rel = PathBuf::new();
                for _ in 1..file.components().count() {
                    rel.push("..");
                }
                let _ = std::os::unix::fs::symlink(rel.join(&other), &path);
                (kind, format!("{shown} replaced by a link to {}", other.display()))
            }
        },
        _ => match rng.below(3) {
            0 => {
                // a gzip bomb: 64 MiB of zeros per member, up to 1 GiB
                let member = gzip(&vec![0u8; 64 << 20]);
                let n = 1 + rng.below(16);
                let mut bomb = Vec::new();
                for _ in 0..n {
                    bomb.extend_from_slice(&member);
                }
                let _ = std::fs::write(&path, bomb);
                (kind, format!("{shown} replaced by a gzip bomb of {n} × 64 MiB"))
            }
            1 => {
                let mut d = data;
                d.extend(std::iter::repeat_n(b'x', 1 << (10 + rng.below(10))));
                let _ = std::fs::write(&path, d);
                (kind, format!("bytes appended to {shown}"))
            }
            _ => {
                // a renamed file: its name's size prefix no longer matches
                let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if name.len() == 75 {
                    let new = format!("{:010}{}", rng.below(1 << 30), &name[10..]);
                    let _ = std::fs::rename(&path, path.with_file_name(&new));
                    for inv in inventories(dir) {
                        if let Some(t) = inventory_text(dir, &inv) {
                            if contains(&t, name.as_bytes()) {
                                write_inventory(dir, &inv, &replace(&t, name.as_bytes(), new.as_bytes()));
                            }
                        }
                    }
                    (kind, format!("{shown} renamed to a wrong size {new}"))
                } else {
                    let _ = std::fs::write(&path, []);
                    (kind, format!("{shown} emptied"))
                }
            }
        },
    }
}

/// How a child process ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// Exited with this code.
    Code(i32),
    /// Killed by a signal (a crash) or by us after the time limit (`hung`).
    Died { hung: bool },
}

/// Run `cmd` with a wall-clock limit, polling its peak resident memory (`VmHWM`, KiB).
pub fn run_limited(mut cmd: Command, limit: Duration) -> (Exit, String, u64) {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).stdin(Stdio::null());
    let Ok(mut child) = cmd.spawn() else { return (Exit::Died { hung: false }, "cannot spawn".into(), 0) };
    let out = child.stdout.take();
    let err = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut o) = out {
            let _ = o.read_to_string(&mut s);
        }
        if let Some(mut e) = err {
            let _ = e.read_to_string(&mut s);
        }
        s
    });
    let start = Instant::now();
    let mut peak = 0;
    let exit = loop {
        peak = peak.max(vm_hwm(child.id()).unwrap_or(0));
        match child.try_wait() {
            Ok(Some(st)) => {
                use std::os::unix::process::ExitStatusExt;
                break match st.code() {
                    Some(c) => Exit::Code(c),
                    None => Exit::Died { hung: st.signal() == Some(9) && start.elapsed() >= limit },
                };
            }
            Ok(None) if start.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                break Exit::Died { hung: true };
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break Exit::Died { hung: false },
        }
    };
    (exit, reader.join().unwrap_or_default(), peak)
}

/// Peak resident memory of process `pid` so far, in KiB.
pub fn vm_hwm(pid: u32) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let l = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    l.split_whitespace().nth(1)?.parse().ok()
}

/// `darcs` with canonical settings and a private home.
pub fn darcs_cmd(home: &Path, args: &[&str], cwd: &Path) -> Command {
    let mut c = Command::new("darcs");
    c.args(args)
        .current_dir(cwd)
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("TZ", "UTC")
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env("DARCS_EMAIL", "Fuzz <fuzz@example.com>");
    c
}

/// One HTTP answer.
#[derive(Debug, Clone)]
pub struct Answer {
    /// Status code (0: no answer).
    pub status: u16,
    /// The body, de-chunked.
    pub body: Vec<u8>,
}

/// `GET path` from `addr` (HTTP/1.1, `Connection: close`), within `limit`.
pub fn http_get(addr: &str, path: &str, limit: Duration) -> Result<Answer, String> {
    let sock: std::net::SocketAddr = addr.parse().map_err(|e| format!("{e}"))?;
    let mut s =
        std::net::TcpStream::connect_timeout(&sock, Duration::from_secs(5)).map_err(|e| format!("connect: {e}"))?;
    s.set_read_timeout(Some(limit)).map_err(|e| e.to_string())?;
    s.set_write_timeout(Some(limit)).map_err(|e| e.to_string())?;
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").map_err(|e| format!("send: {e}"))?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).map_err(|e| format!("read: {e}"))?;
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or("no header end")?;
    let head = String::from_utf8_lossy(&raw[..end]).to_string();
    let status = head.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let mut body = raw[end + 4..].to_vec();
    if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        let mut out = Vec::new();
        let mut rest = &body[..];
        while let Some(i) = rest.windows(2).position(|w| w == b"\r\n") {
            let n = usize::from_str_radix(String::from_utf8_lossy(&rest[..i]).trim(), 16).unwrap_or(0);
            if n == 0 {
                break;
            }
            let start = i + 2;
            out.extend_from_slice(&rest[start..(start + n).min(rest.len())]);
            rest = &rest[(start + n + 2).min(rest.len())..];
        }
        body = out;
    }
    Ok(Answer { status, body })
}

/// A `darcsweb serve` child.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// Its stderr (panics are looked for there).
    pub log: PathBuf,
}

impl Server {
    /// Serve `root` with `memory_bytes` as the budget.
    pub fn start(bin: &Path, root: &Path, memory_bytes: u64, work: &Path) -> Server {
        let cfg = work.join("darcsweb.toml");
        std::fs::write(&cfg, format!("[limits]\nmemory_bytes = {memory_bytes}\nrequest_timeout_secs = 20\n"))
            .expect("config");
        let log = work.join(format!("server-{}.log", Instant::now().elapsed().as_nanos()));
        let errf = std::fs::File::create(&log).expect("log");
        let mut child = Command::new(bin)
            // the damage is what is tested: no store answers for a patch file it saw before
            .args(["serve", "--no-cache-dir", "--listen", "127.0.0.1:0", "--config"])
            .arg(&cfg)
            .arg(root)
            .env("RUST_LOG", "darcsweb=warn")
            .stdout(Stdio::piped())
            .stderr(errf)
            .stdin(Stdio::null())
            .spawn()
            .expect("spawn darcsweb serve");
        let mut out = child.stdout.take().expect("stdout");
        let mut line = Vec::new();
        let mut b = [0u8; 1];
        while out.read(&mut b).map(|n| n == 1).unwrap_or(false) && b[0] != b'\n' {
            line.push(b[0]);
        }
        let line = String::from_utf8_lossy(&line).to_string();
        let addr = line
            .split("http://")
            .nth(1)
            .map(|a| a.trim_end_matches('/').to_string())
            .unwrap_or_else(|| panic!("darcsweb serve printed {line:?}"));
        std::thread::spawn(move || {
            let mut sink = Vec::new();
            let _ = out.read_to_end(&mut sink);
        });
        Server { child, addr, log }
    }

    /// Whether the process still runs.
    pub fn alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Its peak resident memory so far (KiB).
    pub fn peak_kib(&self) -> u64 {
        vm_hwm(self.child.id()).unwrap_or(0)
    }

    /// How many panics its log shows.
    pub fn panics(&self) -> usize {
        std::fs::read_to_string(&self.log).map(|s| s.matches("panicked").count()).unwrap_or(0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What a run is given.
pub struct Setup {
    /// The darcsweb binary.
    pub bin: PathBuf,
    /// The healthy repository mutants are made from.
    pub base: PathBuf,
    /// A scratch directory (made empty).
    pub work: PathBuf,
    /// First seed; mutant `i` uses `seed + i`.
    pub seed: u64,
    /// How many mutants.
    pub mutants: usize,
    /// The server's `limits.memory_bytes`.
    pub memory_bytes: u64,
    /// Print a line per mutant.
    pub verbose: bool,
    /// Print the report so far every this many mutants (0: only at the end).
    pub report_every: usize,
    /// Ask darcs about the mutants darcsweb rejects too (to count where darcsweb is
    /// stricter, and why); FIFOs are left out (darcs would wait on them).
    pub compare_all: bool,
}

/// The reason of a `darcsweb check` refusal, without paths and hashes, for counting.
fn reason(out: &str) -> String {
    const KNOWN: [&str; 17] = [
        "symbolic link leading outside",
        "FIFO",
        "not a regular file",
        "duplicate patch",
        "does not start with a tag",
        "hash mismatch",
        "size mismatch",
        "bad gzip",
        "missing",
        "malformed",
        "invalid hash",
        "does not apply",
        "metadata differs",
        "differ",
        "memory budget",
        "unsupported",
        "larger than the limit",
    ];
    KNOWN.iter().find(|k| out.contains(*k)).map(|k| k.to_string()).unwrap_or_else(|| {
        out.lines().next().unwrap_or("").split(": ").skip(1).collect::<Vec<_>>().join(": ").chars().take(80).collect()
    })
}

/// What a run found.
#[derive(Debug, Default)]
pub struct Report {
    /// Mutants made, by kind.
    pub by_kind: BTreeMap<&'static str, usize>,
    /// `darcsweb check` verdicts: consistent, inconsistent.
    pub check_consistent: usize,
    /// Mutants `darcsweb check` rejected.
    pub check_rejected: usize,
    /// `darcsweb check` or a page that did not finish in time.
    pub hangs: Vec<String>,
    /// `darcsweb check` killed by a signal or exiting otherwise than 0/1, or the server
    /// dying or panicking.
    pub crashes: Vec<String>,
    /// Peak memory above the budget (check: 1 GiB default; server: its budget).
    pub over_budget: Vec<String>,
    /// "consistent" where darcs check rejects.
    pub disagreements: Vec<String>,
    /// darcs check runs (only for mutants darcsweb calls consistent) that agreed.
    pub darcs_agreed: usize,
    /// With [`Setup::compare_all`]: mutants darcsweb rejects and darcs accepts, by reason.
    pub stricter: BTreeMap<String, usize>,
    /// With [`Setup::compare_all`]: mutants both reject.
    pub both_reject: usize,
    /// Pages showing the canary (content from outside the repository).
    pub leaks: Vec<String>,
    /// Healthy repository pages that changed.
    pub healthy_changed: Vec<String>,
    /// Pages answered, by status class (2xx, 4xx, 5xx).
    pub statuses: BTreeMap<u16, usize>,
    /// The server's peak memory at the end (KiB), and after start-up (KiB).
    pub server_peak_kib: (u64, u64),
    /// The largest `darcsweb check` peak seen (KiB).
    pub check_peak_kib: u64,
}

impl Report {
    /// Whether nothing went wrong.
    pub fn clean(&self) -> bool {
        self.hangs.is_empty()
            && self.crashes.is_empty()
            && self.over_budget.is_empty()
            && self.disagreements.is_empty()
            && self.leaks.is_empty()
            && self.healthy_changed.is_empty()
    }

    /// A readable summary.
    pub fn summary(&self) -> String {
        let n: usize = self.by_kind.values().sum();
        let mut s = format!("{n} mutants:");
        for (k, v) in &self.by_kind {
            s.push_str(&format!(" {k} {v},"));
        }
        s.pop();
        s.push_str(&format!(
            "\ndarcsweb check: {} consistent, {} rejected; darcs check agreed on all {} it was asked about\n\
             hangs {}, crashes {}, over budget {}, consistent-where-darcs-rejects {}, leaks {}, healthy pages changed {}\n\
             pages by status: {:?}\nboth reject {}; darcsweb stricter than darcs: {:?}\nserver peak {} KiB (after start-up {} KiB); largest check peak {} KiB",
            self.check_consistent,
            self.check_rejected,
            self.darcs_agreed,
            self.hangs.len(),
            self.crashes.len(),
            self.over_budget.len(),
            self.disagreements.len(),
            self.leaks.len(),
            self.healthy_changed.len(),
            self.statuses,
            self.both_reject,
            self.stricter,
            self.server_peak_kib.0,
            self.server_peak_kib.1,
            self.check_peak_kib,
        ));
        for (name, v) in [
            ("hang", &self.hangs),
            ("crash", &self.crashes),
            ("over budget", &self.over_budget),
            ("disagreement", &self.disagreements),
            ("leak", &self.leaks),
            ("healthy changed", &self.healthy_changed),
        ] {
            for x in v.iter().take(20) {
                s.push_str(&format!("\n  {name}: {x}"));
            }
        }
        s
    }
}

/// The pages asked of every mutant (`{r}` is its name); `ids` are patch hashes.
fn pages(r: &str, ids: &[String]) -> Vec<String> {
    let mut v: Vec<String> = [
        "/",
        "/api/repos",
        "/{r}",
        "/{r}/log",
        "/{r}/log?path=g.txt",
        "/{r}/tags",
        "/{r}/atom",
        "/{r}/tree/head/",
        "/{r}/tree/head/g.txt",
        "/{r}/annotate/head/g.txt",
        "/{r}/_darcs/hashed_inventory",
        "/{r}/_darcs/format",
        "/{r}/_darcs/prefs/motd",
        "/api/{r}/log",
    ]
    .iter()
    .map(|p| p.replace("{r}", r))
    .collect();
    if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        v.push(format!("/{r}/patch/{last}"));
        v.push(format!("/{r}/patch/{first}"));
        v.push(format!("/{r}/tree/{first}/"));
        v.push(format!("/api/{r}/patch/{last}"));
    }
    if let Some(mid) = ids.get(ids.len() / 2) {
        v.push(format!("/{r}/tree/{mid}/g.txt"));
    }
    v
}

/// Run the fuzzer.
pub fn run(setup: &Setup) -> Report {
    let work = &setup.work;
    let _ = std::fs::remove_dir_all(work);
    std::fs::create_dir_all(work).expect("work dir");
    let root = work.join("root");
    let outside = work.join("outside");
    let home = work.join("darcs-home");
    let scratch = work.join("scratch");
    for d in [&root, &outside, &home.join(".darcs"), &scratch] {
        std::fs::create_dir_all(d).expect("dirs");
    }
    std::fs::write(outside.join("canary.txt"), format!("{CANARY}\n")).expect("canary");
    copy_tree(&setup.base, &root.join("healthy")).expect("copy");
    copy_tree(&setup.base, &root.join("m")).expect("copy");
    // a copy of the binary: a rebuild during a long run must not swap it mid-way
    let bin = work.join("darcsweb-under-test");
    std::fs::copy(&setup.bin, &bin).expect("copy the darcsweb binary");
    let setup = &Setup { bin, base: setup.base.clone(), work: setup.work.clone(), ..*setup };
    let ids: Vec<String> = darcsweb::darcs::Repository::open(&setup.base).map(|r| r.ids().to_vec()).unwrap_or_default();
    let budget_kib = setup.memory_bytes / 1024;
    let mut server = Server::start(&setup.bin, &root, setup.memory_bytes, work);
    let limit = Duration::from_secs(30);
    let healthy_pages = ["/healthy", "/healthy/log", "/healthy/tree/head/", "/api/healthy/log"];
    // the head check of a loaded history runs in the background: the baseline is the
    // page once it is done
    let checked = Instant::now() + Duration::from_secs(120);
    while Instant::now() < checked
        && http_get(&server.addr, "/healthy", limit)
            .is_ok_and(|a| String::from_utf8_lossy(&a.body).contains("being checked"))
    {
        std::thread::sleep(Duration::from_millis(100));
    }
    let baseline: Vec<Vec<u8>> = healthy_pages
        .iter()
        .map(|p| http_get(&server.addr, p, limit).map(|a| without_relative_times(&a.body)).unwrap_or_default())
        .collect();
    for p in pages("m", &ids) {
        let _ = http_get(&server.addr, &p, limit);
    }
    let start_kib = server.peak_kib();
    let mut report = Report { server_peak_kib: (start_kib, start_kib), ..Report::default() };
    for i in 0..setup.mutants {
        let seed = setup.seed.wrapping_add(i as u64);
        let mdir = scratch.join(format!("m-{seed}"));
        let _ = std::fs::remove_dir_all(&mdir);
        copy_tree(&setup.base, &mdir).expect("copy");
        let (kind, what) = mutate(&mdir, &outside, seed);
        *report.by_kind.entry(kind).or_default() += 1;
        let label = format!("seed {seed} [{kind}] {what}");
        // 1. darcsweb check, as a child with a wall-clock limit
        let mut cmd = Command::new(&setup.bin);
        cmd.arg("check").arg(&mdir);
        let (exit, out, peak) = run_limited(cmd, Duration::from_secs(60));
        report.check_peak_kib = report.check_peak_kib.max(peak);
        if peak > (darcsweb::darcs::budget::DEFAULT_BYTES >> 10) + start_kib {
            report.over_budget.push(format!("check {peak} KiB: {label}"));
        }
        if out.contains(CANARY) {
            report.leaks.push(format!("check output: {label}"));
        }
        match exit {
            Exit::Code(0) => {
                report.check_consistent += 1;
                // 2. does darcs agree? (on a copy made from the same seed: darcs may write)
                let ddir = scratch.join(format!("d-{seed}"));
                let _ = std::fs::remove_dir_all(&ddir);
                copy_tree(&setup.base, &ddir).expect("copy");
                mutate(&ddir, &outside, seed);
                let (dexit, dout, _) =
                    run_limited(darcs_cmd(&home, &["check", "--no-cache"], &ddir), Duration::from_secs(120));
                match dexit {
                    Exit::Code(0) => report.darcs_agreed += 1,
                    e => report.disagreements.push(format!(
                        "{label}: darcs {e:?}: {}",
                        dout.lines().next().unwrap_or("").chars().take(200).collect::<String>()
                    )),
                }
                let _ = std::fs::remove_dir_all(&ddir);
            }
            Exit::Code(1) => {
                report.check_rejected += 1;
                if setup.compare_all && !what.contains("FIFO") && !what.contains("socket") {
                    let ddir = scratch.join(format!("d-{seed}"));
                    let _ = std::fs::remove_dir_all(&ddir);
                    copy_tree(&setup.base, &ddir).expect("copy");
                    mutate(&ddir, &outside, seed);
                    let (dexit, _, _) =
                        run_limited(darcs_cmd(&home, &["check", "--no-cache"], &ddir), Duration::from_secs(120));
                    if dexit == Exit::Code(0) {
                        *report.stricter.entry(format!("[{kind}] {}", reason(&out))).or_default() += 1;
                    } else {
                        report.both_reject += 1;
                    }
                    let _ = std::fs::remove_dir_all(&ddir);
                }
            }
            Exit::Code(c) => report.crashes.push(format!("check exit {c}: {label}: {}", out.trim())),
            Exit::Died { hung: true } => report.hangs.push(format!("check: {label}")),
            Exit::Died { hung: false } => report.crashes.push(format!("check killed: {label}")),
        }
        // 3. serve it in place of the previous mutant, beside the healthy repository
        let old = scratch.join(format!("old-{seed}"));
        let _ = std::fs::rename(root.join("m"), &old);
        let _ = std::fs::rename(&mdir, root.join("m"));
        let panics = server.panics();
        for p in pages("m", &ids) {
            match http_get(&server.addr, &p, limit) {
                Ok(a) => {
                    *report.statuses.entry(a.status / 100 * 100).or_default() += 1;
                    if contains(&a.body, CANARY.as_bytes()) {
                        report.leaks.push(format!("{p}: {label}"));
                    }
                    if a.status == 0 {
                        report.crashes.push(format!("{p}: no status: {label}"));
                    }
                    if a.status == 408 {
                        report.hangs.push(format!("{p}: 408: {label}"));
                    }
                }
                Err(e) => {
                    if server.alive() {
                        report.hangs.push(format!("{p}: {e}: {label}"));
                    } else {
                        report.crashes.push(format!("server died at {p}: {label}"));
                        server = Server::start(&setup.bin, &root, setup.memory_bytes, work);
                    }
                }
            }
        }
        if server.panics() > panics {
            report.crashes.push(format!("server panicked: {label}"));
        }
        for (p, want) in healthy_pages.iter().zip(&baseline) {
            match http_get(&server.addr, p, limit) {
                Ok(a) if a.status == 200 && &without_relative_times(&a.body) == want => {}
                Ok(a) => report.healthy_changed.push(format!("{p} ({}): {label}", a.status)),
                Err(e) => report.healthy_changed.push(format!("{p} ({e}): {label}")),
            }
        }
        let peak = server.peak_kib();
        report.server_peak_kib.0 = report.server_peak_kib.0.max(peak);
        if peak > start_kib + budget_kib {
            report.over_budget.push(format!("server {peak} KiB: {label}"));
            // the peak is the process's: start again to see the next one
            drop(server);
            server = Server::start(&setup.bin, &root, setup.memory_bytes, work);
        }
        let _ = std::fs::remove_dir_all(&old);
        if setup.verbose {
            let verdict = match &exit {
                Exit::Code(0) => "consistent",
                Exit::Code(1) => "rejected",
                _ => "FAILED",
            };
            println!("{label}: check {verdict}; server {peak} KiB");
        }
        if setup.report_every > 0 && (i + 1) % setup.report_every == 0 && i + 1 < setup.mutants {
            println!("--- after {} mutants (seeds {}..{})\n{}", i + 1, setup.seed, seed, report.summary());
        }
    }
    report
}

/// A page with its relative times ("just now", "5 minutes ago") blanked: they change
/// while the run goes on (the fixtures are recorded when they are built), the rest of a
/// healthy repository's page must not.
fn without_relative_times(body: &[u8]) -> Vec<u8> {
    let mut s = String::from_utf8_lossy(body).replace("just now", "\u{2026}");
    for unit in ["minute", "hour", "day", "month", "year"] {
        for pat in [format!(" {unit}s ago"), format!(" {unit} ago")] {
            let mut from = 0;
            while let Some(k) = s[from..].find(&pat).map(|k| k + from) {
                let digits = s[..k].bytes().rev().take_while(u8::is_ascii_digit).count();
                if digits == 0 {
                    from = k + pat.len();
                    continue;
                }
                s.replace_range(k - digits..k + pat.len(), "\u{2026}");
                from = k - digits;
            }
        }
    }
    s.into_bytes()
}

#[test]
fn relative_times_are_blanked_and_nothing_else() {
    assert_eq!(without_relative_times(b"<td>5 minutes ago</td> 5 apples"), "<td>\u{2026}</td> 5 apples".as_bytes());
    assert_eq!(without_relative_times(b"just now, 1 hour ago."), "\u{2026}, \u{2026}.".as_bytes());
}
