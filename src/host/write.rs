//! Writing a repository the way darcs does, so that a crash at any instant leaves
//! either the old or the new repository:
//!
//! * **Lock.** `_darcs/lock` is created exclusively (as darcs' own `takeLock` does with
//!   `O_CREAT|O_EXCL`; here by linking a file that already holds its content), so a local darcs waits for a push and a push waits for it. darcsweb
//!   writers also hold an `flock` on the `_darcs` directory while their lock file exists;
//!   the kernel drops it when the process dies, so a lock file that says `darcsweb` and is
//!   found while holding the `flock` was left by a killed push and is removed.
//! * **Content first.** New patch and pristine files are written under their hashes
//!   (gzip, as darcs writes them), each to a temporary name, `fsync`ed and renamed into
//!   place; nothing refers to them yet, so a crash here leaves only unreferenced files,
//!   which darcs ignores.
//! * **Commit.** The new `hashed_inventory` is written to a temporary file, `fsync`ed and
//!   renamed over the old one (atomic), then `_darcs` is `fsync`ed.

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::darcs::hash::{Kind, SizeHash};

/// What the lock file holds when darcsweb wrote it (darcs writes an empty one).
const LOCK_TAG: &str = "darcsweb";

/// Prefix of temporary files (never a valid hashed name, so never served).
pub const TMP_PREFIX: &str = "darcsweb-tmp.";

/// Why the repository could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Another writer held the lock for longer than the timeout.
    #[error("the repository is locked ({0}); try again later")]
    Locked(String),
    /// A file operation failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What failed.
        #[source]
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io { path: path.to_path_buf(), source }
}

/// A held repository lock; dropping it removes `_darcs/lock` and releases the `flock`.
#[derive(Debug)]
pub struct Lock {
    darcs: PathBuf,
    dir: File,
}

impl Lock {
    /// Take the lock of the repository at `repo`, waiting up to `timeout`.
    pub fn take(repo: &Path, timeout: Duration) -> Result<Lock, WriteError> {
        let darcs = repo.join("_darcs");
        let dir = File::open(&darcs).map_err(io(&darcs))?;
        let start = Instant::now();
        let poll = Duration::from_millis(50);
        loop {
            match rustix::fs::flock(&dir, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
                Ok(()) => break,
                Err(rustix::io::Errno::WOULDBLOCK) if start.elapsed() < timeout => std::thread::sleep(poll),
                Err(rustix::io::Errno::WOULDBLOCK) => {
                    return Err(WriteError::Locked("another push is being applied".into()))
                }
                Err(e) => return Err(io(&darcs)(e.into())),
            }
        }
        let lock = darcs.join("lock");
        // the lock file must never exist without its content (an empty one is darcs'):
        // write it under a temporary name, then link it into place, which fails if a
        // lock exists, as O_EXCL does
        let tmp = darcs.join(format!("{TMP_PREFIX}{}.lock", std::process::id()));
        std::fs::write(&tmp, format!("{LOCK_TAG} {}\n", std::process::id())).map_err(io(&tmp))?;
        loop {
            match std::fs::hard_link(&tmp, &lock) {
                Ok(()) => break,
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let mut content = String::new();
                    let _ = File::open(&lock).and_then(|f| f.take(256).read_to_string(&mut content));
                    if content.starts_with(LOCK_TAG) {
                        // left by a darcsweb that died: live ones hold the flock we now hold
                        let _ = std::fs::remove_file(&lock);
                        continue;
                    }
                    if start.elapsed() >= timeout {
                        let _ = std::fs::remove_file(&tmp);
                        return Err(WriteError::Locked(format!(
                            "{} exists: a darcs command is running there, or was killed and left it",
                            lock.display()
                        )));
                    }
                    std::thread::sleep(poll);
                }
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(io(&lock)(e));
                }
            }
        }
        let _ = std::fs::remove_file(&tmp);
        let held = Lock { darcs, dir };
        held.remove_temporaries();
        Ok(held)
    }

    /// Remove temporary files a killed push left (no other writer can be using them).
    fn remove_temporaries(&self) {
        for sub in ["", "patches", "inventories", "pristine.hashed"] {
            let Ok(rd) = std::fs::read_dir(self.darcs.join(sub)) else { continue };
            for e in rd.flatten() {
                if e.file_name().to_string_lossy().starts_with(TMP_PREFIX) {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(self.darcs.join("lock"));
        let _ = rustix::fs::flock(&self.dir, rustix::fs::FlockOperation::Unlock);
    }
}

/// gzip exactly as darcs writes it: no name, mtime 0, OS byte 3 (Unix), zlib level 6.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::GzBuilder::new()
        .operating_system(3)
        .mtime(0)
        .write(Vec::with_capacity(data.len() / 2 + 64), flate2::Compression::new(6));
    // writing to a Vec cannot fail
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

fn fsync_dir(dir: &Path) -> Result<(), WriteError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(io(dir))
}

/// Write `data` to `dest` through a temporary file in the same directory: write,
/// `fsync`, rename. The directory itself is not `fsync`ed here.
fn write_atomic(dest: &Path, data: &[u8]) -> Result<(), WriteError> {
    let dir = dest.parent().unwrap_or(Path::new("."));
    let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!("{TMP_PREFIX}{}.{name}", std::process::id()));
    let mut f = OpenOptions::new().write(true).create(true).truncate(true).open(&tmp).map_err(io(&tmp))?;
    f.write_all(data).map_err(io(&tmp))?;
    // keep the replaced file's mode, as darcs does (shared, group-writable repositories)
    if let Ok(old) = std::fs::metadata(dest) {
        f.set_permissions(old.permissions()).map_err(io(&tmp))?;
    }
    f.sync_all().map_err(io(&tmp))?;
    drop(f);
    std::fs::rename(&tmp, dest).map_err(io(dest))
}

/// Whether `path` already holds a valid copy of the hashed file `name`.
fn already_there(path: &Path, name: &str) -> bool {
    let Some(h) = SizeHash::parse(name) else { return false };
    let Ok(raw) = std::fs::read(path) else { return false };
    match crate::darcs::hash::decompress(raw, path, 1 << 40) {
        Ok(data) => h.verify(&data, path).is_ok(),
        Err(_) => false,
    }
}

/// Write the hashed files (`(kind, name, uncompressed content)`), then commit
/// `hashed_inventory`. The caller holds the [`Lock`].
pub fn commit(
    _lock: &Lock,
    repo: &Path,
    hashed: &[(Kind, String, Vec<u8>)],
    hashed_inventory: &[u8],
) -> Result<(), WriteError> {
    let darcs = repo.join("_darcs");
    let mut dirs = Vec::new();
    for (kind, name, data) in hashed {
        let dir = darcs.join(kind.dir_name());
        let dest = dir.join(name);
        if already_there(&dest, name) {
            continue;
        }
        if !dir.is_dir() {
            std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        }
        write_atomic(&dest, &gzip(data))?;
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    for d in &dirs {
        fsync_dir(d)?;
    }
    write_atomic(&darcs.join("hashed_inventory"), hashed_inventory)?;
    fsync_dir(&darcs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_keeps_the_mode() {
        use std::os::unix::fs::PermissionsExt;
        let d = tempfile::tempdir().unwrap();
        let f = d.path().join("hashed_inventory");
        std::fs::write(&f, "old").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o664)).unwrap();
        write_atomic(&f, b"new").unwrap();
        assert_eq!(std::fs::read(&f).unwrap(), b"new");
        assert_eq!(std::fs::metadata(&f).unwrap().permissions().mode() & 0o777, 0o664);
    }

    #[test]
    fn gzip_bytes_as_darcs() {
        let g = gzip(b"hello\n");
        assert_eq!(&g[..10], &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&g[..]).read_to_end(&mut out).unwrap();
        assert_eq!(out, b"hello\n");
    }

    #[test]
    fn lock_excludes_and_recovers() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir(d.path().join("_darcs")).unwrap();
        let l = Lock::take(d.path(), Duration::from_secs(1)).unwrap();
        assert!(d.path().join("_darcs/lock").exists());
        // a second taker in the same process sees the flock held (separate open file)
        let e = Lock::take(d.path(), Duration::from_millis(100)).unwrap_err();
        assert!(e.to_string().contains("locked"), "{e}");
        drop(l);
        assert!(!d.path().join("_darcs/lock").exists());
        // a lock file left by a killed darcsweb is taken over
        std::fs::write(d.path().join("_darcs/lock"), "darcsweb 1\n").unwrap();
        std::fs::write(d.path().join("_darcs/darcsweb-tmp.1.hashed_inventory"), "x").unwrap();
        let l = Lock::take(d.path(), Duration::from_secs(1)).unwrap();
        assert!(!d.path().join("_darcs/darcsweb-tmp.1.hashed_inventory").exists());
        drop(l);
        // darcs' own (empty) lock is waited for, then reported
        std::fs::write(d.path().join("_darcs/lock"), "").unwrap();
        let e = Lock::take(d.path(), Duration::from_millis(200)).unwrap_err();
        assert!(e.to_string().contains("darcs command"), "{e}");
    }
}
