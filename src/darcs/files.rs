//! Opening a repository's files as an untrusted directory: every path is resolved
//! beneath the repository (`openat2(RESOLVE_BENEATH)` through `cap-std`, which falls
//! back to a careful component-by-component walk on kernels without it), so no symbolic
//! link leads out of it; files are opened non-blocking and checked with `fstat`, so a
//! FIFO, socket or device is refused with a message naming it instead of hanging a
//! thread; reads are bounded and their buffers taken from the memory [`budget`].

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use cap_std::fs::{Dir, OpenOptions, OpenOptionsExt};

use super::budget::{self, Grant};
use super::error::{Error, Result};

/// A directory opened once; every file below it is opened through this handle.
#[derive(Debug, Clone)]
pub struct RepoDir {
    /// Where it is, for messages only: it is never joined and opened again.
    path: PathBuf,
    dir: Option<Arc<Dir>>,
}

/// What identifies one version of a file: when it is replaced (darcs renames new
/// files into place) or rewritten, one of these changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FileStamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime_ns: i128,
    ctime_ns: i128,
}

impl FileStamp {
    /// The stamp of an open file or directory (its `fstat`).
    pub fn of(md: &std::fs::Metadata) -> FileStamp {
        use std::os::unix::fs::MetadataExt;
        FileStamp {
            dev: md.dev(),
            ino: md.ino(),
            len: md.len(),
            mtime_ns: i128::from(md.mtime()) * 1_000_000_000 + i128::from(md.mtime_nsec()),
            ctime_ns: i128::from(md.ctime()) * 1_000_000_000 + i128::from(md.ctime_nsec()),
        }
    }
}

/// How a non-regular file is named in messages.
fn kind_name(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_dir() {
        "a directory"
    } else if ft.is_fifo() {
        "a FIFO (named pipe)"
    } else if ft.is_socket() {
        "a socket"
    } else if ft.is_char_device() {
        "a character device"
    } else if ft.is_block_device() {
        "a block device"
    } else if ft.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// Whether an error from `cap-std` says the path would have left the directory.
fn is_escape(e: &std::io::Error) -> bool {
    e.kind() == std::io::ErrorKind::PermissionDenied && e.to_string().contains("outside")
}

impl RepoDir {
    /// Open the directory at `path` (the host's path: symbolic links in it are followed,
    /// those below it never lead out). A directory that cannot be opened gives a handle
    /// whose every read fails with the reason.
    pub fn open(path: &Path) -> RepoDir {
        let dir = Dir::open_ambient_dir(path, cap_std::ambient_authority()).ok().map(Arc::new);
        RepoDir { path: path.to_path_buf(), dir }
    }

    /// The directory's path (for messages).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// `rel` below this directory, for messages.
    pub fn shown(&self, rel: &Path) -> PathBuf {
        self.path.join(rel)
    }

    fn dir(&self, rel: &Path) -> Result<&Dir> {
        self.dir.as_deref().ok_or_else(|| Error::MissingFile { file: self.shown(rel), searched: Vec::new() })
    }

    /// Open `rel` read-only and non-blocking beneath this directory: a regular file, or
    /// an error naming the file (missing, leading outside, a FIFO, socket, device or
    /// directory).
    pub fn open_regular(&self, rel: &Path) -> Result<(std::fs::File, std::fs::Metadata)> {
        let file = self.shown(rel);
        let dir = self.dir(rel)?;
        let mut opts = OpenOptions::new();
        opts.read(true).custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
        let f = match dir.open_with(rel, &opts) {
            Ok(f) => f.into_std(),
            Err(e) if is_escape(&e) => return Err(Error::Escapes { file }),
            Err(e) => {
                // a socket cannot be opened (ENXIO): say what it is
                if let Ok(md) = dir.metadata(rel) {
                    if !md.is_file() {
                        let kind = if md.is_dir() { "a directory" } else { "a socket or device" };
                        return Err(Error::NotRegular { file, kind });
                    }
                }
                return Err(Error::io(&file, e));
            }
        };
        let md = f.metadata().map_err(|e| Error::io(&file, e))?;
        if !md.file_type().is_file() {
            return Err(Error::NotRegular { file, kind: kind_name(&md.file_type()) });
        }
        Ok((f, md))
    }

    /// The stamp of `rel` (`None` when it cannot be opened as a regular file).
    pub fn stamp(&self, rel: &Path) -> Option<FileStamp> {
        self.open_regular(rel).ok().map(|(_, md)| FileStamp::of(&md))
    }

    /// Whether `rel` exists beneath this directory (as anything; nothing is opened).
    pub fn exists(&self, rel: &Path) -> bool {
        self.dir.as_deref().is_some_and(|d| d.symlink_metadata(rel).is_ok())
    }

    /// Read the whole regular file `rel`, at most `limit` bytes, its buffer taken from
    /// the global memory budget for as long as the returned grant lives.
    pub fn read_charged(&self, rel: &Path, limit: u64) -> Result<(Vec<u8>, Grant<'static>)> {
        let file = self.shown(rel);
        let (f, md) = self.open_regular(rel)?;
        if md.len() > limit {
            return Err(Error::TooLarge { file, limit });
        }
        let mut grant = budget::charge(0).map_err(|b| Error::over_budget(&file, b))?;
        let data = read_bounded(f, limit, &file, &mut grant, md.len())?;
        Ok((data, grant))
    }

    /// [`RepoDir::read_charged`], the budget given back on return (for small files read
    /// and dropped at once).
    pub fn read(&self, rel: &Path, limit: u64) -> Result<Vec<u8>> {
        self.read_charged(rel, limit).map(|(d, _)| d)
    }
}

/// Read at most `limit` bytes from `r` (more is `TooLarge`), growing `grant` ahead of
/// the buffer; `hint` is the expected size.
pub(crate) fn read_bounded(
    r: impl Read,
    limit: u64,
    file: &Path,
    grant: &mut Grant<'static>,
    hint: u64,
) -> Result<Vec<u8>> {
    let base = grant.bytes();
    let first = hint.min(limit.saturating_add(1));
    grant.grow_to(base + first).map_err(|b| Error::over_budget(file, b))?;
    let mut out: Vec<u8> = Vec::with_capacity(first as usize);
    let mut r = r.take(limit.saturating_add(1));
    let mut chunk = vec![0u8; 64 << 10];
    loop {
        let n = match r.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(file, e)),
        };
        if out.len() + n > out.capacity() {
            // the buffer must grow: take its next size from the budget first, twice (the
            // old and the new buffer may both be resident while it is copied, and the
            // allocator may keep the old one)
            let cap = (out.capacity() * 2).max(out.len() + n).max(64 << 10).min(limit as usize + 1);
            grant.grow_to(base + 2 * cap as u64).map_err(|b| Error::over_budget(file, b))?;
            out.reserve_exact(cap - out.len());
        }
        out.extend_from_slice(&chunk[..n]);
        if out.len() as u64 > limit {
            return Err(Error::TooLarge { file: file.to_path_buf(), limit });
        }
    }
    grant.shrink_to(base + out.capacity() as u64);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_only_and_nothing_outside() {
        let t = tempfile::tempdir().unwrap();
        let repo = t.path().join("r");
        std::fs::create_dir_all(repo.join("d")).unwrap();
        std::fs::write(t.path().join("secret"), "outside").unwrap();
        std::fs::write(repo.join("d/f"), "inside").unwrap();
        std::os::unix::fs::symlink("../secret", repo.join("up")).unwrap();
        std::os::unix::fs::symlink(t.path().join("secret"), repo.join("abs")).unwrap();
        std::os::unix::fs::symlink("d/f", repo.join("in")).unwrap();
        std::os::unix::fs::symlink("..", repo.join("d/parent")).unwrap();
        let d = RepoDir::open(&repo);
        assert_eq!(d.read(Path::new("d/f"), 100).unwrap(), b"inside");
        assert_eq!(d.read(Path::new("in"), 100).unwrap(), b"inside", "a link inside is followed");
        assert_eq!(d.read(Path::new("d/parent/d/f"), 100).unwrap(), b"inside");
        for out in ["up", "abs", "../secret", "d/../../secret", "/etc/passwd"] {
            let e = d.read(Path::new(out), 100).unwrap_err();
            assert!(matches!(e, Error::Escapes { .. }), "{out}: {e}");
            assert!(!e.to_string().contains("outside\""), "{e}");
        }
        assert!(matches!(d.read(Path::new("d"), 100), Err(Error::NotRegular { kind: "a directory", .. })));
        assert!(matches!(d.read(Path::new("d/f"), 3), Err(Error::TooLarge { limit: 3, .. })));
        assert!(matches!(d.read(Path::new("nope"), 3), Err(Error::MissingFile { .. })));
        let fifo = repo.join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success(), "{c:?}");
        let e = d.read(Path::new("fifo"), 100).unwrap_err();
        assert!(matches!(e, Error::NotRegular { kind: "a FIFO (named pipe)", .. }), "{e}");
        assert!(e.to_string().contains("fifo"), "names the file: {e}");
        let _sock = std::os::unix::net::UnixListener::bind(repo.join("sock")).unwrap();
        assert!(matches!(d.read(Path::new("sock"), 100), Err(Error::NotRegular { .. })));
        assert!(d.stamp(Path::new("d/f")).is_some() && d.stamp(Path::new("fifo")).is_none());
    }
}
