//! The two commands `darcsweb shell` accepts in `SSH_ORIGINAL_COMMAND`, parsed by an
//! allowlist: what darcs 2.16's `push`, `pull` and `clone` send, nothing else.
//!
//! * `darcs transfer-mode --repodir R` (darcs passes R unquoted, often with a final `/`);
//! * `darcs apply --all [--reorder-patches] [--debug] --repodir 'R'` (flags in any order,
//!   R between single quotes as `darcs push` writes it, or bare).
//!
//! No shell ever sees the command: it is split on spaces here, and every byte outside
//! a small set is refused, so `;`, `$()`, backticks, redirections, globs and control
//! characters never reach anything. R is checked again when it is resolved.

/// Longest accepted `SSH_ORIGINAL_COMMAND`.
pub const MAX_COMMAND_BYTES: usize = 4096;

/// What the client asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Serve the repository's files (`darcs transfer-mode`): needs read access.
    TransferMode {
        /// The repository as the client named it.
        repo: String,
    },
    /// Apply the bundle on standard input (`darcs apply`): needs write access.
    Apply {
        /// The repository as the client named it.
        repo: String,
        /// `--reorder-patches` was given (accepted; see README).
        reorder: bool,
        /// `--debug` was given.
        debug: bool,
    },
}

impl Request {
    /// The repository named.
    pub fn repo(&self) -> &str {
        match self {
            Request::TransferMode { repo } | Request::Apply { repo, .. } => repo,
        }
    }
}

/// Bytes allowed in a repository argument: what repository names are made of, and `/`.
fn repo_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-_.+~/".contains(&b)
}

/// Split a command into words: runs of spaces separate them; a word may be wholly
/// enclosed in single quotes. Anything a shell would interpret is an error.
fn words(cmd: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for raw in cmd.split(' ').filter(|w| !w.is_empty()) {
        let w = match raw.strip_prefix('\'') {
            Some(rest) => rest.strip_suffix('\'').ok_or("unbalanced single quote")?,
            None => raw,
        };
        if let Some(c) = w.chars().find(|&c| !(c.is_ascii_alphanumeric() || "-_.+~/".contains(c))) {
            return Err(format!("the character {c:?} is not allowed"));
        }
        out.push(w.to_string());
    }
    Ok(out)
}

/// Parse `SSH_ORIGINAL_COMMAND`; the error is one line for the client's stderr.
pub fn parse(cmd: &str) -> Result<Request, String> {
    if cmd.len() > MAX_COMMAND_BYTES {
        return Err(format!("command longer than {MAX_COMMAND_BYTES} bytes"));
    }
    if let Some(c) = cmd.chars().find(|c| c.is_control()) {
        return Err(format!("control character {c:?} in the command"));
    }
    let w = words(cmd)?;
    let w: Vec<&str> = w.iter().map(String::as_str).collect();
    match w.as_slice() {
        ["darcs", "transfer-mode", "--repodir", r] => Ok(Request::TransferMode { repo: repo_arg(r)? }),
        ["darcs", "apply", rest @ ..] => {
            let (mut all, mut reorder, mut debug, mut repo) = (false, false, false, None);
            let mut it = rest.iter();
            while let Some(&a) = it.next() {
                let seen = match a {
                    "--all" => std::mem::replace(&mut all, true),
                    "--reorder-patches" => std::mem::replace(&mut reorder, true),
                    "--debug" => std::mem::replace(&mut debug, true),
                    "--repodir" => {
                        let r = it.next().ok_or("--repodir needs a repository")?;
                        repo.replace(repo_arg(r)?).is_some()
                    }
                    other => return Err(format!("darcs apply option {other:?} is not accepted")),
                };
                if seen {
                    return Err(format!("{a} given twice"));
                }
            }
            match (all, repo) {
                (true, Some(repo)) => Ok(Request::Apply { repo, reorder, debug }),
                (false, _) => Err("darcs apply must be given --all".into()),
                (_, None) => Err("darcs apply must be given --repodir".into()),
            }
        }
        ["darcs", sub, ..] => Err(format!("darcs {sub} is not offered here (only transfer-mode and apply)")),
        [prog, ..] => Err(format!("{prog} is not offered here (only darcs transfer-mode and darcs apply)")),
        [] => Err("no command given: this account only serves darcs push, pull and clone".into()),
    }
}

/// A repository argument: relative, one trailing `/` dropped, of repository-name bytes.
fn repo_arg(r: &str) -> Result<String, String> {
    let r = r.strip_suffix('/').unwrap_or(r);
    if r.is_empty() {
        return Err("empty repository path".into());
    }
    if r.starts_with('/') {
        return Err("absolute repository paths are not accepted; name the repository".into());
    }
    if r.starts_with('~') {
        return Err("home-relative repository paths are not accepted; name the repository".into());
    }
    if let Some(b) = r.bytes().find(|&b| !repo_byte(b)) {
        return Err(format!("the character {:?} is not allowed in a repository path", b as char));
    }
    Ok(r.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_darcs_sends() {
        assert_eq!(parse("darcs transfer-mode --repodir hello/"), Ok(Request::TransferMode { repo: "hello".into() }));
        assert_eq!(
            parse("darcs apply --all  --repodir 'hello'"),
            Ok(Request::Apply { repo: "hello".into(), reorder: false, debug: false })
        );
        assert_eq!(
            parse("darcs apply --all --reorder-patches --debug --repodir 'a/b'"),
            Ok(Request::Apply { repo: "a/b".into(), reorder: true, debug: true })
        );
    }

    #[test]
    fn refusals() {
        for bad in [
            "",
            "ls",
            "sh -c 'id'",
            "darcs",
            "darcs push",
            "darcs apply --repodir 'x'",
            "darcs apply --all",
            "darcs apply --all --all --repodir x",
            "darcs apply --all --repodir x --repodir y",
            "darcs apply --all --allow-conflicts --repodir x",
            "darcs transfer-mode --repodir",
            "darcs transfer-mode --repodir /srv/x",
            "darcs transfer-mode --repodir ~/x",
            "darcs transfer-mode --repodir x; rm -rf /",
            "darcs transfer-mode --repodir $(id)",
            "darcs transfer-mode --repodir `id`",
            "darcs transfer-mode --repodir x|y",
            "darcs transfer-mode --repodir x>y",
            "darcs transfer-mode --repodir 'x",
            "darcs transfer-mode --repodir x\ny",
            "darcs transfer-mode --repodir x\ty",
            "darcs transfer-mode --repodir x\0y",
            "darcs transfer-mode --repodir x*",
            "darcs transfer-mode --repodir x --extra",
            "darcs --repodir x transfer-mode",
            "/usr/bin/darcs transfer-mode --repodir x",
            "darcs apply --all --repodir=x",
            "scp -f x/_darcs/format",
            "internal-sftp",
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        assert!(parse(&format!("darcs transfer-mode --repodir {}", "a".repeat(5000))).is_err());
    }
}
