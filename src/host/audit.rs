//! The audit log: one JSON line per SSH request (push attempts included, refused ones
//! too) in `<state_dir>/audit.jsonl`. It is never served: the state directory is not
//! under any repository root, and the web server has no route to it.

use std::io::Write;
use std::path::Path;

/// One patch of a push, as logged.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LoggedPatch {
    /// The patch id (40 hex).
    pub id: String,
    /// The patch name.
    pub name: String,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Record {
    /// When, RFC 3339 UTC.
    pub time: String,
    /// The configured user the key belongs to.
    pub user: String,
    /// The key's SHA-256 fingerprint, when sshd's forced command passed it.
    pub key: Option<String>,
    /// `push`, `read` or `refused` (a command that is not offered).
    pub action: String,
    /// The repository as resolved (its name), or as asked when it could not be.
    pub repo: Option<String>,
    /// The patches of the bundle (push only).
    pub patches: Vec<LoggedPatch>,
    /// `ok`, `nothing-to-do`, `refused` or `error`.
    pub result: String,
    /// The message given to the client, if any.
    pub message: Option<String>,
}

/// The current time as RFC 3339 UTC.
pub fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| "unknown".into())
}

/// Append `rec` to `<dir>/audit.jsonl` with one `write` (O_APPEND keeps lines whole).
pub fn append(dir: &Path, rec: &Record) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut line = serde_json::to_vec(rec).map_err(std::io::Error::other)?;
    line.push(b'\n');
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(dir.join("audit.jsonl"))?;
    f.write_all(&line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_json_line_per_record() {
        let d = tempfile::tempdir().unwrap();
        let rec = Record {
            time: now(),
            user: "alice".into(),
            key: Some("SHA256:x".into()),
            action: "push".into(),
            repo: Some("hello".into()),
            patches: vec![LoggedPatch { id: "a".repeat(40), name: "fix\nit".into() }],
            result: "ok".into(),
            message: None,
        };
        append(d.path(), &rec).unwrap();
        append(d.path(), &rec).unwrap();
        let text = std::fs::read_to_string(d.path().join("audit.jsonl")).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(v["user"], "alice");
        assert_eq!(v["patches"][0]["name"], "fix\nit");
    }
}
