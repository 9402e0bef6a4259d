//! Who may read and write which repository: the `[[users]]`, `[repos.NAME]` and
//! `[hosting]` parts of `darcsweb.toml` (the rest is the web server's, see
//! [`crate::web::config`]).
//!
//! ```toml
//! [[users]]
//! name = "alice"
//! keys = ["ssh-ed25519 AAAAC3Nza... alice@laptop"]
//!
//! [repos.hello]
//! read = ["*"]          # "*": anyone, anonymous HTTP included (the default)
//! write = ["alice"]     # default: nobody
//!
//! [hosting]
//! state_dir = "/var/lib/darcsweb"   # the audit log lives here
//! ```

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

/// The word that stands for everybody in `read` and `write` lists.
pub const ANYONE: &str = "*";

/// One person who can log in over SSH, with the public keys that identify them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    /// The name used in `read`/`write` lists and in the audit log.
    pub name: String,
    /// Public keys as in `authorized_keys`: `TYPE BASE64 [COMMENT]`.
    #[serde(default)]
    pub keys: Vec<String>,
}

/// Who may read and write one repository.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct RepoAccess {
    /// User names, or `"*"` for anyone (anonymous HTTP included).
    #[serde(default = "anyone")]
    pub read: Vec<String>,
    /// User names allowed to push (`"*"`: every configured user); writers may also read.
    #[serde(default)]
    pub write: Vec<String>,
}

fn anyone() -> Vec<String> {
    vec![ANYONE.to_string()]
}

impl Default for RepoAccess {
    fn default() -> Self {
        RepoAccess { read: anyone(), write: Vec::new() }
    }
}

/// Settings of the SSH side (`darcsweb shell`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Hosting {
    /// Where the audit log (`audit.jsonl`) is written; default
    /// `$XDG_STATE_HOME/darcsweb` or `~/.local/state/darcsweb`.
    pub state_dir: Option<PathBuf>,
    /// Largest accepted bundle on standard input (compressed or not), and after decompression.
    pub max_bundle_bytes: u64,
    /// How long a push waits for the repository lock (held by another push or a local darcs).
    pub lock_timeout_secs: u64,
}

impl Default for Hosting {
    fn default() -> Self {
        Hosting { state_dir: None, max_bundle_bytes: 64 << 20, lock_timeout_secs: 60 }
    }
}

impl Hosting {
    /// The state directory: the configured one or the XDG default.
    pub fn state_dir(&self) -> PathBuf {
        if let Some(d) = &self.state_dir {
            return d.clone();
        }
        if let Some(x) = std::env::var_os("XDG_STATE_HOME").filter(|x| !x.is_empty()) {
            return PathBuf::from(x).join("darcsweb");
        }
        let home = std::env::var_os("HOME").unwrap_or_else(|| "/".into());
        PathBuf::from(home).join(".local/state/darcsweb")
    }
}

/// The access rules of a whole configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access<'a> {
    /// The configured users.
    pub users: &'a [User],
    /// Rules per repository name (the name in URLs).
    pub repos: &'a BTreeMap<String, RepoAccess>,
}

impl<'a> Access<'a> {
    fn rules(&self, repo: &str) -> RepoAccess {
        self.repos.get(repo).cloned().unwrap_or_default()
    }

    /// Whether `user` (None: anonymous HTTP) may read `repo`.
    pub fn can_read(&self, user: Option<&str>, repo: &str) -> bool {
        let r = self.rules(repo);
        if r.read.iter().any(|n| n == ANYONE) {
            return true;
        }
        match user {
            Some(u) => r.read.iter().any(|n| n == u) || self.can_write(u, repo),
            None => false,
        }
    }

    /// Whether `user` may push to `repo` (never anonymous).
    pub fn can_write(&self, user: &str, repo: &str) -> bool {
        let known = self.users.iter().any(|x| x.name == user);
        known && self.rules(repo).write.iter().any(|n| n == user || n == ANYONE)
    }

    /// Whether anonymous HTTP may see `repo` at all (listing, pages, `_darcs` files).
    pub fn is_public(&self, repo: &str) -> bool {
        self.can_read(None, repo)
    }
}

/// Whether `name` is acceptable as a user name: it ends up in a forced command line.
pub fn valid_user_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name != ANYONE
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b))
        && !name.starts_with(['-', '.'])
}

/// Check the hosting part of a configuration: user names, keys, duplicate keys,
/// unknown users in access lists.
pub fn validate(users: &[User], repos: &BTreeMap<String, RepoAccess>) -> Result<(), String> {
    let mut names = HashSet::new();
    let mut blobs = HashSet::new();
    for u in users {
        if !valid_user_name(&u.name) {
            return Err(format!("users: invalid user name {:?} (letters, digits, '.', '_', '-', at most 64)", u.name));
        }
        if !names.insert(u.name.as_str()) {
            return Err(format!("users: {:?} is configured twice", u.name));
        }
        for k in &u.keys {
            let key = super::keys::PublicKey::parse(k).map_err(|e| format!("users: {:?}: {e}", u.name))?;
            if !blobs.insert(key.blob.clone()) {
                return Err(format!("users: the key {} is given twice", key.fingerprint()));
            }
        }
    }
    for (repo, rules) in repos {
        for n in rules.read.iter().chain(&rules.write) {
            if n != ANYONE && !names.contains(n.as_str()) {
                return Err(format!("repos.{repo}: unknown user {n:?}"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn users() -> Vec<User> {
        ["alice", "bob", "carol"].iter().map(|n| User { name: n.to_string(), keys: vec![] }).collect()
    }

    #[test]
    fn defaults_public_and_nobody_writes() {
        let us = users();
        let repos = BTreeMap::new();
        let a = Access { users: &us, repos: &repos };
        assert!(a.is_public("x"));
        assert!(a.can_read(Some("alice"), "x"));
        assert!(!a.can_write("alice", "x"));
    }

    #[test]
    fn private_and_writers() {
        let us = users();
        let mut repos = BTreeMap::new();
        repos.insert("p".into(), RepoAccess { read: vec!["bob".into()], write: vec!["alice".into()] });
        repos.insert("w".into(), RepoAccess { read: vec!["*".into()], write: vec!["*".into()] });
        let a = Access { users: &us, repos: &repos };
        assert!(!a.is_public("p"));
        assert!(a.can_read(Some("bob"), "p"));
        assert!(a.can_read(Some("alice"), "p"), "writers read");
        assert!(!a.can_read(Some("carol"), "p"));
        assert!(a.can_write("alice", "p") && !a.can_write("bob", "p"));
        assert!(a.can_write("carol", "w") && !a.can_write("mallory", "w"));
    }

    #[test]
    fn names() {
        for ok in ["alice", "a.b", "a_b-c", "A1"] {
            assert!(valid_user_name(ok), "{ok}");
        }
        for bad in ["", "*", "-x", ".x", "a b", "a\"b", "a'b", "a;b", &"x".repeat(65)] {
            assert!(!valid_user_name(bad), "{bad}");
        }
    }

    #[test]
    fn validation() {
        let mut repos = BTreeMap::new();
        repos.insert("r".into(), RepoAccess { read: vec!["zed".into()], write: vec![] });
        assert!(validate(&users(), &repos).unwrap_err().contains("zed"));
        let twice = vec![User { name: "a".into(), keys: vec![] }, User { name: "a".into(), keys: vec![] }];
        assert!(validate(&twice, &BTreeMap::new()).is_err());
    }
}
