//! Helpers of the hosting tests: a configuration with users and keys made by
//! `ssh-keygen`, the real OpenSSH server on a loopback port, darcs clients that reach
//! it through an `ssh` wrapper, and `darcsweb shell` run directly as sshd would.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Write;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The darcsweb binary cargo built for these tests.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_darcsweb"))
}

/// The darcsweb binary at a path sshd accepts for `AuthorizedKeysCommand`: sshd refuses
/// a command below a group- or world-writable directory (a checkout under `/tmp`), so
/// the binary is then copied, once per test process, to a directory of `/run` that only
/// its owner can write (and removed with the process's other copies on the next run).
pub fn sshd_bin() -> PathBuf {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    static SAFE: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    SAFE.get_or_init(|| {
        let b = bin();
        let uid = std::fs::metadata("/proc/self").map(|m| m.uid()).unwrap_or(0);
        let safe = |p: &Path| {
            p.ancestors()
                .skip(1)
                .all(|d| std::fs::metadata(d).is_ok_and(|m| m.mode() & 0o022 == 0 && (m.uid() == 0 || m.uid() == uid)))
        };
        if safe(&b) {
            return b;
        }
        let root = PathBuf::from("/run/darcsweb-tests");
        if let Ok(old) = std::fs::read_dir(&root) {
            for e in old.flatten() {
                let pid = e.file_name().to_string_lossy().to_string();
                if !Path::new(&format!("/proc/{pid}")).exists() {
                    let _ = std::fs::remove_dir_all(e.path());
                }
            }
        }
        let dir = root.join(std::process::id().to_string());
        let copied = std::fs::create_dir_all(&dir)
            .and_then(|_| std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)))
            .and_then(|_| std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)))
            .and_then(|_| std::fs::copy(&b, dir.join("darcsweb")))
            .is_ok();
        if copied && safe(&dir.join("darcsweb")) {
            dir.join("darcsweb")
        } else {
            b
        }
    })
    .clone()
}

/// The account sshd logs the tests in as (any account works: the key decides the user).
pub fn login() -> String {
    let o = Command::new("id").arg("-un").output().expect("id -un");
    String::from_utf8_lossy(&o.stdout).trim().to_string()
}

/// The real sshd, ssh, ssh-keygen and darcs must be installed (`scripts/deps.sh test`
/// installs them): fail loudly rather than skip.
pub fn require_tools() {
    assert!(Path::new("/usr/sbin/sshd").exists(), "/usr/sbin/sshd is missing: install openssh-server");
    for t in ["ssh", "ssh-keygen"] {
        assert!(Command::new(t).arg("-V").output().is_ok(), "{t} is missing: install openssh-client");
    }
    assert!(Command::new("darcs").arg("--version").output().is_ok(), "darcs is missing: install darcs");
}

/// A hosting set-up in a temporary directory: repository root, configuration, state
/// directory, one key pair per user (configured or not), a private HOME for darcs.
pub struct Host {
    pub dir: tempfile::TempDir,
    pub root: PathBuf,
    pub config: PathBuf,
    pub state: PathBuf,
    pub home: PathBuf,
    /// user -> private key file
    pub keys: BTreeMap<String, PathBuf>,
    /// user -> public key line
    pub pubkeys: BTreeMap<String, String>,
}

impl Host {
    /// `users` get keys and are configured; `strangers` get keys only. `repos` is the TOML
    /// of the `[repos.*]` tables.
    pub fn new(users: &[&str], strangers: &[&str], repos: &str) -> Host {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repos");
        let state = dir.path().join("state");
        let home = dir.path().join("home");
        for d in [&root, &home, &dir.path().join("keys")] {
            std::fs::create_dir_all(d).unwrap();
        }
        let mut keys = BTreeMap::new();
        let mut pubkeys = BTreeMap::new();
        for u in users.iter().chain(strangers) {
            let k = dir.path().join("keys").join(u);
            let o = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C"])
                .arg(format!("{u}@test"))
                .arg("-f")
                .arg(&k)
                .output()
                .unwrap();
            assert!(o.status.success(), "ssh-keygen: {}", String::from_utf8_lossy(&o.stderr));
            pubkeys.insert(u.to_string(), std::fs::read_to_string(k.with_extension("pub")).unwrap().trim().to_string());
            keys.insert(u.to_string(), k);
        }
        let mut toml = format!(
            "roots = [{:?}]\n\n[hosting]\nstate_dir = {:?}\nlock_timeout_secs = 30\n\n",
            root.display().to_string(),
            state.display().to_string()
        );
        for u in users {
            toml += &format!("[[users]]\nname = {u:?}\nkeys = [{:?}]\n\n", pubkeys[*u]);
        }
        toml += repos;
        let config = dir.path().join("darcsweb.toml");
        std::fs::write(&config, toml).unwrap();
        Host { dir, root, config, state, home, keys, pubkeys }
    }

    /// `darcsweb repo create NAME --format FORMAT`.
    pub fn create(&self, name: &str, format: &str) -> PathBuf {
        let o = Command::new(bin())
            .args(["repo", "create", name, "--format", format, "--config"])
            .arg(&self.config)
            .output()
            .unwrap();
        assert!(o.status.success(), "repo create: {}", String::from_utf8_lossy(&o.stderr));
        self.root.join(name)
    }

    /// Run `darcsweb shell` as sshd's forced command would, with `cmd` as
    /// `SSH_ORIGINAL_COMMAND` and `stdin` on standard input.
    pub fn shell(&self, user: &str, cmd: &str, stdin: &[u8]) -> Output {
        let mut c = self.shell_command(user, Some(cmd));
        let mut child = c.spawn().unwrap();
        let mut si = child.stdin.take().unwrap();
        let data = stdin.to_vec();
        // the shell may stop reading (a refused or oversized bundle): ignore EPIPE
        let writer = std::thread::spawn(move || {
            let _ = si.write_all(&data);
        });
        let out = child.wait_with_output().unwrap();
        let _ = writer.join();
        out
    }

    /// The `darcsweb shell` command line (stdin, stdout, stderr piped).
    pub fn shell_command(&self, user: &str, cmd: Option<&str>) -> Command {
        let mut c = Command::new(bin());
        c.args(["shell", "--config"]).arg(&self.config).args(["--user", user, "--key", "SHA256:test"]);
        c.env_remove("SSH_ORIGINAL_COMMAND");
        if let Some(cmd) = cmd {
            c.env("SSH_ORIGINAL_COMMAND", cmd);
        }
        c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        c
    }

    /// The audit log's records.
    pub fn audit(&self) -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(self.state.join("audit.jsonl")).unwrap_or_default();
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }
}

/// Run darcs with canonical settings, a private HOME and optional extra environment.
pub fn darcs_env(args: &[&str], cwd: &Path, home: &Path, env: &[(&str, &Path)]) -> Output {
    let mut c = Command::new("darcs");
    c.args(args)
        .current_dir(cwd)
        .env("TZ", "UTC")
        .env("DARCS_DONT_COLOR", "1")
        .env("DARCS_DONT_ESCAPE_ANYTHING", "1")
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("EDITOR", "true")
        .env("VISUAL", "true")
        .env("DARCS_EMAIL", "Test User <test@example.com>")
        .stdin(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("darcs")
}

/// [`darcs_env`] that must succeed; returns stdout.
pub fn darcs_ok(args: &[&str], cwd: &Path, home: &Path) -> String {
    let o = darcs_env(args, cwd, home, &[]);
    assert!(
        o.status.success(),
        "darcs {args:?} in {}: {}{}",
        cwd.display(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// `darcs check` passes on `repo`.
pub fn assert_checks(repo: &Path, home: &Path) {
    let o = darcs_env(&["check", "--repodir", &repo.display().to_string()], repo, home, &[]);
    let out = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success() && out.contains("consistent"), "darcs check {}: {out}", repo.display());
}

/// The patch ids of `repo` as darcs lists them (newest first).
pub fn patch_ids(repo: &Path, home: &Path) -> Vec<String> {
    let out = darcs_ok(&["log", "--xml-output", "--repodir", &repo.display().to_string()], repo, home);
    out.split("hash='").skip(1).map(|s| s[..40].to_string()).collect()
}

/// Every file below `dir` with its bytes (a repository's exact state).
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                stack.push(p);
            } else {
                out.insert(p.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

/// Record everything in the working clone `dir` as patch `name`. `--ignore-times`:
/// an edit that keeps a file's size within the same second is otherwise missed by
/// darcs' index ("No changes!").
pub fn record(dir: &Path, home: &Path, name: &str) {
    darcs_ok(&["record", "--ignore-times", "-a", "-l", "-m", name, "-A", "Test User <test@example.com>"], dir, home);
}

/// The real OpenSSH server on a loopback port, forcing `darcsweb shell` through
/// `darcsweb authorized-keys`; killed on drop.
pub struct Sshd {
    pub port: u16,
    child: Child,
    /// sshd's log (`-e`)
    pub log: PathBuf,
    dir: PathBuf,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl Sshd {
    /// Start sshd for `host`; waits until it accepts connections.
    pub fn start(host: &Host) -> Sshd {
        let dir = host.dir.path().join("sshd");
        std::fs::create_dir_all(&dir).unwrap();
        // sshd running as root needs its privilege separation directory
        let _ = std::fs::create_dir_all("/run/sshd");
        let hostkey = dir.join("host_key");
        if !hostkey.exists() {
            let o = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-f"])
                .arg(&hostkey)
                .output()
                .unwrap();
            assert!(o.status.success());
        }
        let port = free_port();
        let cfg = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nPidFile {}\nUsePAM no\nStrictModes no\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
             AuthorizedKeysFile none\nAuthorizedKeysCommand {} authorized-keys --config {} %t %k\n\
             AuthorizedKeysCommandUser {}\nPermitRootLogin prohibit-password\nLogLevel VERBOSE\n\
             Subsystem sftp internal-sftp\n",
            hostkey.display(),
            dir.join("sshd.pid").display(),
            sshd_bin().display(),
            host.config.display(),
            login()
        );
        let cfg_file = dir.join("sshd_config");
        std::fs::write(&cfg_file, cfg).unwrap();
        let log = dir.join("sshd.log");
        let child = Command::new("/usr/sbin/sshd")
            .arg("-D")
            .arg("-e")
            .arg("-f")
            .arg(&cfg_file)
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .expect("start sshd");
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "sshd did not start: {}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Sshd { port, child, log, dir }
    }

    /// An `ssh` wrapper that logs in with `key` (what DARCS_SSH names).
    pub fn ssh_wrapper(&self, key: &Path) -> PathBuf {
        let name = key.file_name().unwrap().to_string_lossy().into_owned();
        let w = self.dir.join(format!("ssh-{name}"));
        std::fs::write(
            &w,
            format!(
                "#!/bin/sh\nexec ssh -p {} -i {} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no \
                 -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \"$@\"\n",
                self.port,
                key.display()
            ),
        )
        .unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&w, std::fs::Permissions::from_mode(0o755)).unwrap();
        w
    }

    /// The darcs URL of repository `repo` on this server.
    pub fn url(&self, repo: &str) -> String {
        format!("{}@127.0.0.1:{repo}", login())
    }

    /// Run darcs as `user` (their key) in `cwd`.
    pub fn darcs(&self, host: &Host, user: &str, args: &[&str], cwd: &Path) -> Output {
        let w = self.ssh_wrapper(&host.keys[user]);
        let f = Path::new("/bin/false");
        darcs_env(args, cwd, &host.home, &[("DARCS_SSH", &w), ("DARCS_SCP", f), ("DARCS_SFTP", f)])
    }

    /// Run `darcs` as `user` and require success; returns stdout and stderr.
    pub fn darcs_ok(&self, host: &Host, user: &str, args: &[&str], cwd: &Path) -> String {
        let o = self.darcs(host, user, args, cwd);
        let out = format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
        assert!(o.status.success(), "darcs {args:?} as {user}: {out}\nsshd log: {}", self.log_text());
        out
    }

    /// What sshd logged so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
