//! `darcsweb authorized-keys`: the lines sshd's `AuthorizedKeysCommand` (or a static
//! `authorized_keys`) needs, each forcing `darcsweb shell` for the key's user.

use std::path::Path;

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine;
use sha2::{Digest, Sha256};

use super::config::User;

/// Key types sshd accepts in `authorized_keys` that we accept in the configuration.
const KEY_TYPES: &[&str] = &[
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
];

/// A parsed public key: its type and its decoded blob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicKey {
    /// The key type as written (`ssh-ed25519`, ...).
    pub kind: String,
    /// The key's wire blob (the base64 field decoded).
    pub blob: Vec<u8>,
}

impl PublicKey {
    /// Parse `TYPE BASE64 [COMMENT]`; the blob must decode and name the same type.
    pub fn parse(line: &str) -> Result<PublicKey, String> {
        let mut words = line.split_ascii_whitespace();
        let (Some(kind), Some(b64)) = (words.next(), words.next()) else {
            return Err(format!("not a public key (expected 'TYPE BASE64 [COMMENT]'): {line:?}"));
        };
        PublicKey::from_parts(kind, b64)
    }

    /// A key from its type and base64 fields (what sshd passes as `%t %k`).
    pub fn from_parts(kind: &str, b64: &str) -> Result<PublicKey, String> {
        if !KEY_TYPES.contains(&kind) {
            return Err(format!("unsupported key type {kind:?}"));
        }
        let blob = STANDARD.decode(b64).map_err(|e| format!("the key is not valid base64: {e}"))?;
        // the blob starts with the type as an SSH string (u32 length, bytes)
        let named = blob
            .get(..4)
            .map(|l| u32::from_be_bytes([l[0], l[1], l[2], l[3]]) as usize)
            .and_then(|n| blob.get(4..4 + n));
        if named != Some(kind.as_bytes()) {
            return Err(format!("the key's data is not a {kind} key"));
        }
        Ok(PublicKey { kind: kind.to_string(), blob })
    }

    /// OpenSSH's fingerprint: `SHA256:` and the unpadded base64 of the blob's SHA-256.
    pub fn fingerprint(&self) -> String {
        format!("SHA256:{}", STANDARD_NO_PAD.encode(Sha256::digest(&self.blob)))
    }

    /// The key as `authorized_keys` writes it: `TYPE BASE64`.
    pub fn to_line(&self) -> String {
        format!("{} {}", self.kind, STANDARD.encode(&self.blob))
    }
}

/// Whether `s` can go into a forced command between single quotes, inside the
/// double-quoted `command="..."` option, without any escaping.
fn plain(s: &str) -> bool {
    !s.is_empty() && !s.chars().any(|c| c.is_control() || "'\"\\".contains(c))
}

/// The `authorized_keys` line for `key` of `user`: `command="EXE shell ...",restrict KEY`.
pub fn line_for(exe: &Path, config: &Path, user: &User, key: &PublicKey) -> Result<String, String> {
    let (exe, config) = (exe.to_string_lossy(), config.to_string_lossy());
    for (what, s) in [("the darcsweb binary's path", &exe), ("the configuration file's path", &config)] {
        if !plain(s) {
            return Err(format!("{what} {s:?} holds a quote, a backslash or a control character"));
        }
    }
    Ok(format!(
        "command=\"'{exe}' shell --config '{config}' --user {} --key {}\",restrict {}",
        user.name,
        key.fingerprint(),
        key.to_line()
    ))
}

/// The lines to print: for `wanted` (sshd's `%t %k`), the one matching user's line
/// (none if the key is unknown); without it, every key of every user.
pub fn lines(exe: &Path, config: &Path, users: &[User], wanted: Option<&PublicKey>) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for u in users {
        for k in &u.keys {
            let key = PublicKey::parse(k)?;
            if wanted.is_none_or(|w| w.blob == key.blob && w.kind == key.kind) {
                out.push(line_for(exe, config, u, &key)?);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // an ed25519 key made with ssh-keygen, and its fingerprint as ssh-keygen -l prints it
    const KEY: &str = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINuT2ZM70wgtlB/jl0udJwmVD7/oVJgzEou5c2UUANLH a@b";
    const FP: &str = "SHA256:lhic5oUFzXcYRuE8+/Npf7Zm//gz7Z/MMbtLelCYf08";

    #[test]
    fn parse_and_fingerprint() {
        let k = PublicKey::parse(KEY).unwrap();
        assert_eq!(k.kind, "ssh-ed25519");
        assert_eq!(k.fingerprint(), FP);
        assert_eq!(format!("{} a@b", k.to_line()), KEY);
    }

    #[test]
    fn bad_keys() {
        assert!(PublicKey::parse("ssh-ed25519").is_err());
        assert!(PublicKey::parse("ssh-dss AAAA").is_err());
        assert!(PublicKey::parse("ssh-ed25519 !!!").is_err());
        // an rsa type with an ed25519 blob
        let b64 = KEY.split(' ').nth(1).unwrap();
        assert!(PublicKey::from_parts("ssh-rsa", b64).is_err());
    }

    #[test]
    fn forced_command_lines() {
        let u = User { name: "alice".into(), keys: vec![KEY.into()] };
        let k = PublicKey::parse(KEY).unwrap();
        let l = line_for(Path::new("/usr/bin/darcsweb"), Path::new("/etc/d.toml"), &u, &k).unwrap();
        assert_eq!(
            l,
            format!(
                "command=\"'/usr/bin/darcsweb' shell --config '/etc/d.toml' --user alice --key {FP}\",restrict {}",
                k.to_line()
            )
        );
        assert!(line_for(Path::new("/x\"y"), Path::new("/c"), &u, &k).is_err());
        assert!(line_for(Path::new("/x'y"), Path::new("/c"), &u, &k).is_err());
        let users = vec![u];
        assert_eq!(lines(Path::new("/b"), Path::new("/c"), &users, None).unwrap().len(), 1);
        assert_eq!(lines(Path::new("/b"), Path::new("/c"), &users, Some(&k)).unwrap().len(), 1);
        let other = PublicKey { kind: k.kind.clone(), blob: vec![0, 0, 0, 11] };
        assert!(lines(Path::new("/b"), Path::new("/c"), &users, Some(&other)).unwrap().is_empty());
    }
}
