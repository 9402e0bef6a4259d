//! `darcsweb repo create NAME [--format darcs-2|darcs-3]`: a new bare (no working tree)
//! repository under the first configured root, as `darcs init --no-working-dir` makes
//! it. It is built in a hidden directory and renamed into place, so a half-made
//! repository never appears.

use std::path::{Path, PathBuf};

use crate::darcs::format::RepoFormat;
use crate::darcs::hash::EMPTY_SHA256;

/// Names the web server reserves for its own pages (a repository cannot use them).
const RESERVED: &[&str] = &["api", "static", "proofs", "healthz", "robots.txt", "darcsweb.cgi"];

/// Whether `name` can be a new repository's name: one URL segment, as the registry
/// would name the directory unchanged.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 100
        && !name.starts_with(['.', '-'])
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.+~".contains(c))
        && !RESERVED.contains(&name)
}

/// `_darcs/format` of a bare repository of `format`.
pub fn format_file(format: RepoFormat) -> &'static str {
    match format {
        RepoFormat::Darcs3 => "hashed|no-working-dir\ndarcs-3\n",
        _ => "hashed|no-working-dir\ndarcs-2\n",
    }
}

/// Create the repository `root/name`; returns its path.
pub fn create(root: &Path, name: &str, format: RepoFormat) -> Result<PathBuf, String> {
    if !valid_name(name) {
        return Err(format!(
            "invalid repository name {name:?}: letters, digits, '-', '_', '.', '+', '~', not starting with '.' or '-', \
             and none of {}",
            RESERVED.join(", ")
        ));
    }
    if format == RepoFormat::Darcs1 {
        return Err("darcs-1 repositories cannot be created (only darcs-2 and darcs-3)".into());
    }
    let dest = root.join(name);
    if dest.exists() {
        return Err(format!("{} already exists", dest.display()));
    }
    let tmp = root.join(format!(".darcsweb-create.{}.{name}", std::process::id()));
    let built = build(&tmp, format).and_then(|()| {
        if dest.exists() {
            return Err(std::io::Error::new(std::io::ErrorKind::AlreadyExists, "created meanwhile"));
        }
        std::fs::rename(&tmp, &dest)
    });
    if let Err(e) = built {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(format!("cannot create {}: {e}", dest.display()));
    }
    if let Ok(d) = std::fs::File::open(root) {
        let _ = d.sync_all();
    }
    Ok(dest)
}

fn build(dir: &Path, format: RepoFormat) -> std::io::Result<()> {
    let darcs = dir.join("_darcs");
    for sub in ["patches", "inventories", "pristine.hashed", "prefs"] {
        std::fs::create_dir_all(darcs.join(sub))?;
    }
    std::fs::write(darcs.join("prefs/motd"), "")?;
    std::fs::write(darcs.join("pristine.hashed").join(EMPTY_SHA256), super::write::gzip(b""))?;
    std::fs::write(darcs.join("hashed_inventory"), format!("pristine:{EMPTY_SHA256}\n"))?;
    // last: until the format file exists, the directory is no repository to anyone
    std::fs::write(darcs.join("format"), format_file(format))?;
    for f in ["format", "hashed_inventory", "prefs/motd"] {
        std::fs::File::open(darcs.join(f))?.sync_all()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for ok in ["hello", "a.b", "a-b_c+d~e", "X1"] {
            assert!(valid_name(ok), "{ok}");
        }
        for bad in ["", ".x", "-x", "a/b", "..", "a b", "api", "static", "a;b", "é"] {
            assert!(!valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn creates_once() {
        let d = tempfile::tempdir().unwrap();
        let p = create(d.path(), "r", RepoFormat::Darcs3).unwrap();
        let f = crate::darcs::format::read_format(&p).unwrap();
        assert_eq!(f.format, RepoFormat::Darcs3);
        assert!(f.no_working_dir);
        assert!(create(d.path(), "r", RepoFormat::Darcs2).unwrap_err().contains("exists"));
        assert!(create(d.path(), "x", RepoFormat::Darcs1).is_err());
        let r = crate::darcs::repository::Repository::open(&p).unwrap();
        assert!(r.is_empty());
    }
}
