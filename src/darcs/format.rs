//! `_darcs/format`: which patch semantics a repository uses and its flags (section 1.2).

use std::path::Path;

use super::error::{Error, Result};
use super::files::RepoDir;

/// The patch format of a hashed repository.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RepoFormat {
    /// `hashed` without `darcs-2`/`darcs-3`: darcs-1 patches (RepoPatchV1).
    Darcs1,
    /// `darcs-2`: RepoPatchV2 (the default of darcs 2.x).
    Darcs2,
    /// `darcs-3`: RepoPatchV3 (experimental in darcs 2.16).
    Darcs3,
}

impl RepoFormat {
    /// The name darcs uses for it (`darcs-1`, `darcs-2`, `darcs-3`).
    pub fn name(self) -> &'static str {
        match self {
            RepoFormat::Darcs1 => "darcs-1",
            RepoFormat::Darcs2 => "darcs-2",
            RepoFormat::Darcs3 => "darcs-3",
        }
    }
}

/// The parsed content of `_darcs/format`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatInfo {
    /// Patch semantics.
    pub format: RepoFormat,
    /// `no-working-dir`: the repository has no working tree.
    pub no_working_dir: bool,
    /// `rebase-in-progress-2-16`: suspended patches exist in `_darcs/rebase`.
    pub rebase_in_progress: bool,
    /// The property lines as read, each split at `|` (for display).
    pub lines: Vec<Vec<String>>,
}

const KNOWN: &[&str] =
    &["hashed", "darcs-2", "darcs-3", "no-working-dir", "rebase-in-progress-2-16", "new-style-rebase-in-progress"];

/// Parse the bytes of a format file (`file` is used in error messages).
pub fn parse_format(data: &[u8], file: &Path) -> Result<FormatInfo> {
    let text = std::str::from_utf8(data)
        .map_err(|_| Error::NonUtf8 { file: file.to_path_buf(), what: "format file".into() })?;
    if text.contains('<') {
        return Err(Error::UnsupportedFormat(format!(
            "{}: looks like an HTML page or an old-fashioned repository, not a darcs format file",
            file.display()
        )));
    }
    let lines: Vec<Vec<String>> = text
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('|').map(|a| a.trim().to_string()).collect())
        .collect();
    let has = |p: &str| lines.iter().any(|alts| alts.iter().any(|a| a == p));
    if has("darcs-1.0") && !has("hashed") {
        return Err(Error::UnsupportedFormat(
            "old-fashioned darcs-1.0 repository (run `darcs optimize upgrade` to convert it to the hashed format)"
                .into(),
        ));
    }
    if has("rebase-in-progress") {
        return Err(Error::UnsupportedFormat(
            "pre-2.16 rebase in progress (run any darcs 2.16 command, e.g. `darcs rebase log`, to upgrade it)".into(),
        ));
    }
    for (n, alts) in lines.iter().enumerate() {
        if !alts.iter().any(|a| KNOWN.contains(&a.as_str())) {
            // name the property only when it looks like one: never quote a file's content
            let text = alts.join("|");
            let plausible = text.len() <= 40 && text.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_|.".contains(&b));
            return Err(Error::UnsupportedFormat(if plausible {
                format!("{}: unknown repository property {text:?}", file.display())
            } else {
                format!("{}: line {} is not a repository property", file.display(), n + 1)
            }));
        }
    }
    if !has("hashed") {
        return Err(Error::UnsupportedFormat(format!(
            "{}: not a hashed repository (no `hashed` property)",
            file.display()
        )));
    }
    let format = if has("darcs-3") {
        RepoFormat::Darcs3
    } else if has("darcs-2") {
        RepoFormat::Darcs2
    } else {
        RepoFormat::Darcs1
    };
    Ok(FormatInfo {
        format,
        no_working_dir: has("no-working-dir"),
        rebase_in_progress: has("rebase-in-progress-2-16") || has("new-style-rebase-in-progress"),
        lines,
    })
}

/// Read and parse `<repo>/_darcs/format`; a missing file means an old-fashioned repository
/// if `_darcs/inventory` exists, else "not a darcs repository" (`MissingFile`).
pub fn read_format(repo: &Path) -> Result<FormatInfo> {
    read_format_in(&RepoDir::open(repo))
}

/// [`read_format`] through an opened repository directory (nothing outside it is read).
pub fn read_format_in(dir: &RepoDir) -> Result<FormatInfo> {
    let rel = Path::new("_darcs/format");
    let file = dir.shown(rel);
    match dir.read(rel, 1 << 16) {
        Ok(data) => parse_format(&data, &file),
        Err(Error::MissingFile { .. }) => {
            if dir.exists(Path::new("_darcs/inventory")) {
                Err(Error::UnsupportedFormat(
                    "old-fashioned darcs-1.0 repository without a format file (run `darcs optimize upgrade`)".into(),
                ))
            } else {
                Err(Error::MissingFile { file, searched: Vec::new() })
            }
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<FormatInfo> {
        parse_format(s.as_bytes(), Path::new("format"))
    }

    #[test]
    fn formats() {
        assert_eq!(p("hashed\ndarcs-2\n").unwrap().format, RepoFormat::Darcs2);
        assert_eq!(p("hashed\ndarcs-3\n").unwrap().format, RepoFormat::Darcs3);
        assert_eq!(p("hashed\n").unwrap().format, RepoFormat::Darcs1);
        let f = p("hashed|no-working-dir\ndarcs-2\n").unwrap();
        assert!(f.no_working_dir && !f.rebase_in_progress);
        assert!(p("hashed\ndarcs-2\nrebase-in-progress-2-16\n").unwrap().rebase_in_progress);
        assert!(matches!(p("darcs-1.0\n"), Err(Error::UnsupportedFormat(_))));
        assert!(matches!(p("hashed\nfrobnicate\n"), Err(Error::UnsupportedFormat(m)) if m.contains("frobnicate")));
        // a line that is not property-like is not quoted (the file may be anything)
        let e = p("hashed\nroot:x:0:0:root:/root:/bin/bash\n").unwrap_err().to_string();
        assert!(e.contains("line 2") && !e.contains("root:x"), "{e}");
        assert!(p("hashed\nfrobnicate|darcs-2\n").is_ok());
        assert!(matches!(p("<html>"), Err(Error::UnsupportedFormat(_))));
        assert!(matches!(p("hashed\ndarcs-2\nrebase-in-progress\n"), Err(Error::UnsupportedFormat(_))));
    }
}
