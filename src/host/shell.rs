//! `darcsweb shell --config FILE --user NAME [--key FINGERPRINT]`: the forced command
//! sshd runs for every key `darcsweb authorized-keys` printed. It reads
//! `SSH_ORIGINAL_COMMAND`, accepts only what darcs sends ([`super::command`]), checks
//! the user's rights on the repository, serves it or applies the pushed bundle, and
//! writes one audit line. Refusals are one line on stderr and exit status 1.

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use super::apply::{self, Outcome};
use super::audit::{self, LoggedPatch, Record};
use super::command::{self, Request};
use super::config::Access;
use super::write::{commit, Lock};
use crate::repo::{Registry, Repo};
use crate::web::config::Config;

/// The streams and environment of one invocation (the process's own in production).
pub struct Io<'a> {
    /// `SSH_ORIGINAL_COMMAND`, if set.
    pub command: Option<String>,
    /// Standard input: transfer-mode requests or the bundle.
    pub input: &'a mut dyn BufRead,
    /// Standard output: transfer-mode answers and messages.
    pub output: &'a mut dyn Write,
    /// Standard error: refusals.
    pub error: &'a mut dyn Write,
}

/// How an invocation ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum End {
    Ok(String),
    Refused(String),
    Failed(String),
}

/// The subcommand: the process's own streams and environment.
pub fn main(config: &Path, user: &str, key: Option<String>) -> ExitCode {
    // a push is computed by the verified core in a worker process under the configured
    // CPU and memory budgets, as the server's pages are (a bad configuration is reported
    // by `run` below)
    if let Ok(cfg) = Config::load(Some(config)) {
        if let Ok(exe) = std::env::current_exe() {
            let _ = crate::core::start_workers(crate::core::pool::PoolConfig {
                exe,
                workers: 1,
                cpu_secs: cfg.limits.core_cpu_secs,
                memory_bytes: cfg.limits.core_memory_bytes,
            });
        }
    }
    let command = match std::env::var("SSH_ORIGINAL_COMMAND") {
        Ok(c) => Some(c),
        Err(std::env::VarError::NotPresent) => None,
        Err(std::env::VarError::NotUnicode(_)) => Some("\u{fffd}".into()),
    };
    let stdin = std::io::stdin();
    let (mut input, mut output, mut error) = (stdin.lock(), std::io::stdout().lock(), std::io::stderr().lock());
    let code = run(config, user, key, Io { command, input: &mut input, output: &mut output, error: &mut error });
    ExitCode::from(code)
}

/// Resolve a repository argument (already through [`command::parse`]) against the
/// roots: validated by the proved path predicate, then a repository's name, or a path
/// below a root that is one of the served repositories.
pub fn resolve(cfg: &Config, asked: &str) -> Result<Arc<Repo>, String> {
    match crate::core::validate_path(asked.as_bytes()) {
        Ok(Ok(_)) => {}
        Ok(Err(why)) => return Err(format!("repository path refused: {why}")),
        Err(e) => return Err(format!("repository path not checked: {e}")),
    }
    let registry = Registry::discover(&cfg.roots);
    if let Some(r) = registry.get(asked) {
        return Ok(r);
    }
    for root in &cfg.roots {
        let Ok(want) = root.join(asked).canonicalize() else { continue };
        let Ok(root_c) = root.canonicalize() else { continue };
        if !want.starts_with(&root_c) {
            continue;
        }
        if let Some(r) = registry.list().into_iter().find(|r| r.dir.canonicalize().ok().as_ref() == Some(&want)) {
            return Ok(r);
        }
    }
    Err(format!("no repository {asked:?} here (or you may not read it)"))
}

/// Run one invocation; returns the exit status (0 done, 1 refused, 2 failed).
pub fn run(config: &Path, user: &str, key: Option<String>, io: Io<'_>) -> u8 {
    let cfg = match Config::load(Some(config)) {
        Ok(c) => c,
        Err(e) => {
            let _ = writeln!(io.error, "darcsweb: {e}");
            return 2;
        }
    };
    let mut rec = Record {
        time: audit::now(),
        user: user.to_string(),
        key,
        action: "refused".into(),
        repo: None,
        patches: Vec::new(),
        result: String::new(),
        message: None,
    };
    let end = handle(&cfg, user, io.command.as_deref(), io.input, io.output, &mut rec);
    let (code, result, message) = match &end {
        End::Ok(m) => (0, m.as_str(), None),
        End::Refused(m) => (1, "refused", Some(m.clone())),
        End::Failed(m) => (2, "error", Some(m.clone())),
    };
    rec.result = result.to_string();
    rec.message = message.clone();
    if let Some(m) = &message {
        let _ = writeln!(io.error, "darcsweb: {m}");
    }
    if let Err(e) = audit::append(&cfg.hosting.state_dir(), &rec) {
        let _ = writeln!(io.error, "darcsweb: cannot write the audit log: {e}");
    }
    code
}

fn handle(
    cfg: &Config,
    user: &str,
    command: Option<&str>,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    rec: &mut Record,
) -> End {
    let access = Access { users: &cfg.users, repos: &cfg.repos };
    if !cfg.users.iter().any(|u| u.name == user) {
        return End::Refused(format!("unknown user {user:?}"));
    }
    let Some(command) = command else {
        return End::Refused(format!(
            "hello {user}: this account serves darcs clone, pull and push (e.g. darcs clone HOST:REPO), not a shell"
        ));
    };
    let req = match command::parse(command) {
        Ok(r) => r,
        Err(why) => return End::Refused(format!("command refused: {why}")),
    };
    rec.repo = Some(req.repo().to_string());
    rec.action = match req {
        Request::TransferMode { .. } => "read".into(),
        Request::Apply { .. } => "push".into(),
    };
    let repo = match resolve(cfg, req.repo()) {
        Ok(r) if access.can_read(Some(user), &r.name) => r,
        Ok(_) => return End::Refused(format!("no repository {:?} here (or you may not read it)", req.repo())),
        Err(why) => return End::Refused(why),
    };
    rec.repo = Some(repo.name.clone());
    match req {
        Request::TransferMode { .. } => {
            let mut out = std::io::BufWriter::new(output);
            let mut input = input;
            match super::transfer::serve(&repo, &mut input, &mut out) {
                Ok(_) => End::Ok("ok".into()),
                Err(e) => End::Failed(format!("transfer-mode: {e}")),
            }
        }
        Request::Apply { .. } => {
            if !access.can_write(user, &repo.name) {
                return End::Refused(format!("{user} may not push to {}", repo.name));
            }
            push(cfg, &repo.dir, &repo.name, input, output, rec)
        }
    }
}

fn logged(text: &[u8], dir: &Path) -> Vec<LoggedPatch> {
    let Ok(fmt) = crate::darcs::format::read_format(dir) else { return Vec::new() };
    match crate::darcs::bundle::parse_bundle(text, fmt.format, Path::new("<bundle>")) {
        Ok(b) => b.patches.iter().map(|p| LoggedPatch { id: p.info.id(), name: p.info.name_str() }).collect(),
        Err(_) => Vec::new(),
    }
}

fn push(cfg: &Config, dir: &Path, name: &str, input: &mut dyn Read, output: &mut dyn Write, rec: &mut Record) -> End {
    let mut input = input;
    let text = match super::incoming::bundle_text(&mut input, cfg.hosting.max_bundle_bytes) {
        Ok(t) => t,
        Err(e) => return End::Refused(e.to_string()),
    };
    rec.patches = logged(&text, dir);
    let lock = match Lock::take(dir, Duration::from_secs(cfg.hosting.lock_timeout_secs)) {
        Ok(l) => l,
        Err(e) => return End::Failed(e.to_string()),
    };
    let plan = match apply::plan(dir, &text) {
        Ok(Outcome::NothingToDo { .. }) => {
            let _ = writeln!(output, "All these patches have already been applied.  Nothing to do.");
            return End::Ok("nothing-to-do".into());
        }
        Ok(Outcome::Apply(p)) => p,
        Err(e @ (apply::Refusal::Core(_) | apply::Refusal::Repository(_))) => return End::Failed(e.to_string()),
        Err(e) => return End::Refused(e.to_string()),
    };
    let files = match plan.files() {
        Ok(f) => f,
        Err(e) => return End::Failed(e.to_string()),
    };
    if let Err(e) = commit(&lock, dir, &files.hashed, &files.hashed_inventory) {
        return End::Failed(format!("writing the repository failed, it is unchanged: {e}"));
    }
    drop(lock);
    let n = plan.patches.len();
    let _ = writeln!(
        output,
        "darcsweb: applied {n} patch{} to {name}{}.",
        if n == 1 { "" } else { "es" },
        if plan.merged { " (merged past patches you did not have)" } else { "" }
    );
    End::Ok("ok".into())
}

/// The path of the running binary (for `authorized-keys`).
pub fn current_exe() -> PathBuf {
    std::env::current_exe().unwrap_or_else(|_| PathBuf::from("darcsweb"))
}
