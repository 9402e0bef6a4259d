//! Hashed files: `size-sha256` names, verification, gzip detection and the
//! lookup of a hashed file in the repository and its `prefs/sources` (sections 1.5, 2).

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use sha2::{Digest, Sha256};

use super::budget::{self, Grant};
use super::error::{Error, Result};
use super::files::{read_bounded, FileStamp, RepoDir};

/// SHA-256 of the empty string: the empty file and the empty directory.
pub const EMPTY_SHA256: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// A hashed-file name: optional 10-digit uncompressed size, and the SHA-256 of the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SizeHash {
    /// Uncompressed size, when the name has the `0000000248-` prefix.
    pub size: Option<u64>,
    /// SHA-256 of the uncompressed content.
    pub sha256: [u8; 32],
}

impl SizeHash {
    /// Parse `0000000248-<64 hex>` or a bare `<64 hex>` (lowercase, as darcs writes).
    pub fn parse(s: &str) -> Option<SizeHash> {
        let b = s.as_bytes();
        let (size, hex_part) = if b.len() == 75 && b.get(10) == Some(&b'-') {
            let digits = b.get(..10)?;
            if !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            (Some(s.get(..10)?.parse::<u64>().ok()?), b.get(11..)?)
        } else if b.len() == 64 {
            (None, b)
        } else {
            return None;
        };
        if !hex_part.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')) {
            return None;
        }
        let mut sha256 = [0u8; 32];
        hex::decode_to_slice(hex_part, &mut sha256).ok()?;
        Some(SizeHash { size, sha256 })
    }

    /// The SizeHash darcs would name `data` with (size prefix below 1,000,000,000 bytes).
    pub fn of(data: &[u8]) -> SizeHash {
        let size = data.len() as u64;
        SizeHash { size: (size < 1_000_000_000).then_some(size), sha256: Sha256::digest(data).into() }
    }

    /// The hash part as 64 lowercase hex digits.
    pub fn hex(&self) -> String {
        hex::encode(self.sha256)
    }

    /// Whether `data` (uncompressed) matches this name; `file` is used in the error.
    pub fn verify(&self, data: &[u8], file: &Path) -> Result<()> {
        if let Some(size) = self.size {
            if size != data.len() as u64 {
                return Err(Error::SizeMismatch {
                    file: file.to_path_buf(),
                    expected: size,
                    actual: data.len() as u64,
                });
            }
        }
        let actual: [u8; 32] = Sha256::digest(data).into();
        if actual != self.sha256 {
            return Err(Error::HashMismatch {
                file: file.to_path_buf(),
                expected: self.hex(),
                actual: hex::encode(actual),
            });
        }
        Ok(())
    }

    /// Whether this is the hash of the empty content.
    pub fn is_empty_content(&self) -> bool {
        self.size.is_none_or(|s| s == 0) && self.hex() == EMPTY_SHA256
    }
}

impl fmt::Display for SizeHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.size {
            Some(s) => write!(f, "{:010}-{}", s, self.hex()),
            None => write!(f, "{}", self.hex()),
        }
    }
}

/// Verify `data` against the hashed-file `name`; a malformed name is `BadHash`.
pub fn verify(name: &str, data: &[u8], file: &Path) -> Result<()> {
    let h = SizeHash::parse(name).ok_or_else(|| Error::BadHash { file: file.to_path_buf(), hash: name.to_string() })?;
    h.verify(data, file)
}

/// The three kinds of hashed files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `_darcs/patches/`: named patches.
    Patches,
    /// `_darcs/inventories/`: older inventories.
    Inventories,
    /// `_darcs/pristine.hashed/`: the recorded tree.
    Pristine,
}

impl Kind {
    /// The directory name under `_darcs/` (and in caches).
    pub fn dir_name(self) -> &'static str {
        match self {
            Kind::Patches => "patches",
            Kind::Inventories => "inventories",
            Kind::Pristine => "pristine.hashed",
        }
    }
}

/// Size caps protecting against huge files and gzip bombs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file (on disk, and after decompression) that will be read (default 256 MiB).
    pub max_file_size: u64,
    /// Most entries a pristine walk will list before giving up (default 1,000,000; a
    /// Merkle tree may reuse subdirectories, so a small tree can describe a huge one).
    pub max_tree_entries: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_file_size: 256 << 20, max_tree_entries: 1_000_000 }
    }
}

/// Decompress `raw` if it starts with the gzip magic `1f 8b`, refusing output above
/// `limit` bytes; the output's buffer is taken from `grant` (which is expected to hold
/// `raw`'s, given back here once the compressed bytes are dropped).
pub fn decompress_charged(raw: Vec<u8>, file: &Path, limit: u64, grant: &mut Grant<'static>) -> Result<Vec<u8>> {
    decompress_sized(raw, file, limit, false, grant)
}

/// [`decompress_charged`]; with `exact`, the output is expected to be `limit` bytes (a
/// hashed file's name says so) and its whole buffer is taken from the budget before
/// anything is inflated: one allocation of the right size, refused at once when the
/// budget cannot hold it, instead of a buffer doubling its way up to the cap.
pub fn decompress_sized(
    raw: Vec<u8>,
    file: &Path,
    limit: u64,
    exact: bool,
    grant: &mut Grant<'static>,
) -> Result<Vec<u8>> {
    if !raw.starts_with(&[0x1f, 0x8b]) {
        if raw.len() as u64 > limit {
            return Err(Error::TooLarge { file: file.to_path_buf(), limit });
        }
        return Ok(raw);
    }
    let hint = if exact { limit } else { (raw.len() as u64).saturating_mul(3) };
    let dec = flate2::read::MultiGzDecoder::new(raw.as_slice());
    let out = read_bounded(dec, limit, file, grant, hint).map_err(|e| match e {
        Error::Io { file, source } => Error::BadGzip { file, what: source.to_string() },
        e => e,
    })?;
    let raw_len = raw.capacity() as u64;
    drop(raw);
    grant.shrink_to(grant.bytes().saturating_sub(raw_len));
    Ok(out)
}

/// [`decompress_charged`] with a grant of its own, given back on return.
pub fn decompress(raw: Vec<u8>, file: &Path, limit: u64) -> Result<Vec<u8>> {
    let mut grant = budget::charge(raw.len() as u64).map_err(|b| Error::over_budget(file, b))?;
    decompress_charged(raw, file, limit, &mut grant)
}

/// Read `rel` beneath `dir` (regular file, at most `limit` bytes on disk and after
/// decompression) and decompress it if it is gzipped; the memory stays charged to the
/// returned grant.
pub fn read_maybe_gzipped(dir: &RepoDir, rel: &Path, limit: u64) -> Result<(Vec<u8>, Grant<'static>)> {
    read_gzipped_within(dir, rel, limit, limit, false)
}

/// [`read_maybe_gzipped`] with separate caps: `on_disk` for the file as stored, `content`
/// for what it holds (a hashed file's name says its size: nothing past it is inflated).
pub fn read_gzipped_within(
    dir: &RepoDir,
    rel: &Path,
    on_disk: u64,
    content: u64,
    exact: bool,
) -> Result<(Vec<u8>, Grant<'static>)> {
    let (raw, mut grant) = dir.read_charged(rel, on_disk)?;
    let data = decompress_sized(raw, &dir.shown(rel), content, exact, &mut grant)?;
    Ok((data, grant))
}

/// [`read_gzipped_within`] for a hashed file: darcs writes every one gzipped, the empty
/// content's too (20 bytes), and refuses a file of 0 bytes ("premature end of compressed
/// data stream"); so does this.
fn read_hashed_file(
    dir: &RepoDir,
    rel: &Path,
    on_disk: u64,
    content: u64,
    exact: bool,
) -> Result<(Vec<u8>, Grant<'static>)> {
    let (raw, mut grant) = dir.read_charged(rel, on_disk)?;
    if raw.is_empty() {
        return Err(Error::BadGzip {
            file: dir.shown(rel),
            what: "the file is empty (darcs stores even empty content gzipped)".into(),
        });
    }
    let data = decompress_sized(raw, &dir.shown(rel), content, exact, &mut grant)?;
    Ok((data, grant))
}

/// A place other than the repository where hashed files may be found (`prefs/sources`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `repo:DIR`: another repository; files are in `DIR/_darcs/<kind>/<name>`.
    Repo(PathBuf),
    /// `cache:DIR` or `readonly:DIR`: a bucketed cache, `DIR/<kind>/<2 hex>/<name>`.
    Cache(PathBuf),
}

/// Parse `prefs/sources` text; URLs and other non-local entries are skipped.
/// Relative directories are taken relative to `repo`.
pub fn parse_sources(text: &[u8], repo: &Path) -> Vec<Source> {
    let mut out = Vec::new();
    for line in text.split(|&b| b == b'\n') {
        let Ok(line) = std::str::from_utf8(line) else {
            continue;
        };
        let line = line.trim();
        let (kind, loc) = match line.split_once(':') {
            Some((k @ ("repo" | "cache" | "readonly"), rest)) => (k, rest.trim()),
            _ => continue,
        };
        if loc.is_empty() || is_remote(loc) {
            continue;
        }
        let p = Path::new(loc);
        let dir = if p.is_absolute() { p.to_path_buf() } else { repo.join(p) };
        out.push(if kind == "repo" { Source::Repo(dir) } else { Source::Cache(dir) });
    }
    out
}

fn is_remote(loc: &str) -> bool {
    if loc.contains("://") {
        return true;
    }
    // scp-style `host:path` (a colon before any slash)
    match (loc.find(':'), loc.find('/')) {
        (Some(c), Some(s)) => c < s,
        (Some(_), None) => true,
        _ => false,
    }
}

/// Read-only access to the hashed files of one repository and its local sources.
/// Every file is opened beneath its directory ([`RepoDir`]); failures are remembered
/// until the file changes, so a damaged file (a gzip bomb, say) is inflated once, not
/// at every request.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    dir: RepoDir,
    sources: Vec<Source>,
    source_dirs: Vec<RepoDir>,
    limits: Limits,
    failed: Arc<Mutex<Remembered>>,
}

/// Failed reads by (kind, name): the file's stamp when it failed, and the error.
type Remembered = HashMap<(Kind, String), (Option<FileStamp>, Error)>;

/// Most failures a store remembers (then it forgets them all and starts again).
const MAX_REMEMBERED: usize = 4096;

impl Store {
    /// A store for the repository at `root` (the directory containing `_darcs`), reading
    /// `_darcs/prefs/sources` for extra local locations; `extra` sources are tried last.
    pub fn open(root: &Path, limits: Limits, extra: Vec<Source>) -> Store {
        Store::open_in(RepoDir::open(root), limits, extra)
    }

    /// [`Store::open`] on a directory already opened.
    pub fn open_in(dir: RepoDir, limits: Limits, extra: Vec<Source>) -> Store {
        let root = dir.path().to_path_buf();
        let mut sources = match dir.read(Path::new("_darcs/prefs/sources"), 1 << 20) {
            Ok(t) => parse_sources(&t, &root),
            Err(_) => Vec::new(),
        };
        let own = std::fs::canonicalize(&root).ok();
        sources.retain(|s| match s {
            Source::Repo(d) => std::fs::canonicalize(d).ok() != own || own.is_none(),
            Source::Cache(_) => true,
        });
        sources.extend(extra);
        let source_dirs = sources
            .iter()
            .map(|s| match s {
                Source::Repo(d) => RepoDir::open(&d.join("_darcs")),
                Source::Cache(d) => RepoDir::open(d),
            })
            .collect();
        Store { root, dir, sources, source_dirs, limits, failed: Arc::default() }
    }

    /// The repository directory (containing `_darcs`).
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The repository directory, opened: read other files through it.
    pub fn dir(&self) -> &RepoDir {
        &self.dir
    }

    /// The size caps in force.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The local sources consulted after the repository itself.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Path of `name` inside this repository (`_darcs/<kind>/<name>`), whether or not it exists.
    pub fn local_path(&self, kind: Kind, name: &str) -> PathBuf {
        self.root.join("_darcs").join(kind.dir_name()).join(name)
    }

    fn rel(kind: Kind, name: &str) -> PathBuf {
        Path::new("_darcs").join(kind.dir_name()).join(name)
    }

    /// Read a hashed file: find it (repository, then sources), decompress it if gzipped,
    /// check size and SHA-256 against `name`. The empty hash needs no file.
    pub fn read(&self, kind: Kind, name: &str) -> Result<Vec<u8>> {
        self.read_charged(kind, name).map(|(d, _)| d)
    }

    /// [`Store::read`], the bytes' memory charged to the returned grant.
    pub fn read_charged(&self, kind: Kind, name: &str) -> Result<(Vec<u8>, Grant<'static>)> {
        let h = SizeHash::parse(name)
            .ok_or_else(|| Error::BadHash { file: self.local_path(kind, name), hash: name.to_string() })?;
        if h.is_empty_content() {
            let g = budget::charge(0).map_err(|b| Error::over_budget(&self.local_path(kind, name), b))?;
            return Ok((Vec::new(), g));
        }
        self.read_file(kind, name, h)
    }

    /// Read and verify the file of a hashed name even when the name is that of the empty
    /// content (which [`Store::read`] answers without reading): `check` reads every file.
    pub fn read_always(&self, kind: Kind, name: &str) -> Result<Vec<u8>> {
        let h = SizeHash::parse(name)
            .ok_or_else(|| Error::BadHash { file: self.local_path(kind, name), hash: name.to_string() })?;
        self.read_file(kind, name, h).map(|(d, _)| d)
    }

    fn read_file(&self, kind: Kind, name: &str, h: SizeHash) -> Result<(Vec<u8>, Grant<'static>)> {
        let rel = Store::rel(kind, name);
        let key = (kind, name.to_string());
        let stamp = self.dir.stamp(&rel);
        {
            let memo = self.failed.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((s, e)) = memo.get(&key) {
                if *s == stamp {
                    return Err(e.remembered());
                }
            }
        }
        let r = self.find_and_read(kind, name, h, &rel);
        if let Err(e) = &r {
            if !e.is_transient() && !matches!(e, Error::MissingFile { .. }) {
                let mut memo = self.failed.lock().unwrap_or_else(|e| e.into_inner());
                if memo.len() >= MAX_REMEMBERED {
                    memo.clear();
                }
                memo.insert(key, (stamp, e.remembered()));
            }
        }
        r
    }

    fn find_and_read(&self, kind: Kind, name: &str, h: SizeHash, rel: &Path) -> Result<(Vec<u8>, Grant<'static>)> {
        let primary = self.local_path(kind, name);
        // a file larger than its name says is damaged: never inflate past that
        let limit = match h.size {
            Some(size) if size > self.limits.max_file_size => {
                return Err(Error::TooLarge { file: primary, limit: self.limits.max_file_size })
            }
            Some(size) => size,
            None => self.limits.max_file_size,
        };
        let mut searched = Vec::new();
        let hex = h.hex();
        let mut candidates = vec![(&self.dir, rel.to_path_buf())];
        for (s, d) in self.sources.iter().zip(&self.source_dirs) {
            candidates.push(match s {
                Source::Repo(_) => (d, Path::new(kind.dir_name()).join(name)),
                Source::Cache(_) => (d, Path::new(kind.dir_name()).join(hex.get(..2).unwrap_or("00")).join(name)),
            });
        }
        for (dir, rel) in candidates {
            let path = dir.shown(&rel);
            match read_hashed_file(dir, &rel, self.limits.max_file_size, limit, h.size.is_some()) {
                Ok((data, grant)) => {
                    h.verify(&data, &path)?;
                    return Ok((data, grant));
                }
                Err(Error::MissingFile { .. }) => {
                    if path != primary {
                        searched.push(path);
                    }
                }
                Err(Error::TooLarge { file, limit: l }) if h.size == Some(l) => {
                    return Err(Error::SizeMismatch { file, expected: limit, actual: limit + 1 });
                }
                Err(e) => return Err(e),
            }
        }
        Err(Error::MissingFile { file: primary, searched })
    }
}

/// Read, decompress and verify `_darcs/<kind>/<name>` of the repository at `repo`
/// (with default limits, falling back to its local `prefs/sources`).
pub fn read_hashed(repo: &Path, kind: Kind, name: &str) -> Result<Vec<u8>> {
    Store::open(repo, Limits::default(), Vec::new()).read(kind, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display() {
        let s = "0000000248-143ca54e5832081c4ad1e3ab43e132506345ee5ff869fc936815af689fd1f047";
        let h = SizeHash::parse(s).unwrap();
        assert_eq!(h.size, Some(248));
        assert_eq!(h.to_string(), s);
        let bare = "143ca54e5832081c4ad1e3ab43e132506345ee5ff869fc936815af689fd1f047";
        let h2 = SizeHash::parse(bare).unwrap();
        assert_eq!(h2.size, None);
        assert_eq!(h2.to_string(), bare);
        assert_eq!(h.sha256, h2.sha256);
        for bad in [
            "",
            "0000000248-143CA54E5832081c4ad1e3ab43e132506345ee5ff869fc936815af689fd1f047",
            "000000024x-143ca54e5832081c4ad1e3ab43e132506345ee5ff869fc936815af689fd1f047",
            "0000000248_143ca54e5832081c4ad1e3ab43e132506345ee5ff869fc936815af689fd1f047",
            "143ca54e5832081c4ad1e3ab43e132506345ee5ff869fc936815af689fd1f04",
            "../../etc/passwd",
            "0000000248-143ca54e5832081c4ad1e3ab43e132506345ee5ff869fc936815af689fd1f0471",
        ] {
            assert!(SizeHash::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn verify_data() {
        let data = b"hello\n";
        let h = SizeHash::of(data);
        assert!(h.verify(data, Path::new("x")).is_ok());
        assert!(matches!(h.verify(b"hellO\n", Path::new("x")), Err(Error::HashMismatch { .. })));
        assert!(matches!(h.verify(b"hello", Path::new("x")), Err(Error::SizeMismatch { .. })));
        assert!(SizeHash::parse(EMPTY_SHA256).unwrap().is_empty_content());
        assert!(verify(&h.to_string(), data, Path::new("x")).is_ok());
        assert!(matches!(verify("nope", data, Path::new("x")), Err(Error::BadHash { .. })));
    }

    #[test]
    fn gzip_cap() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&vec![0u8; 100_000]).unwrap();
        let gz = enc.finish().unwrap();
        assert_eq!(decompress(gz.clone(), Path::new("x"), 100_000).unwrap().len(), 100_000);
        assert!(matches!(decompress(gz.clone(), Path::new("x"), 99_999), Err(Error::TooLarge { .. })));
        let cut = gz[..gz.len() / 2].to_vec();
        assert!(matches!(decompress(cut, Path::new("x"), 1 << 20), Err(Error::BadGzip { .. })));
        assert_eq!(decompress(b"plain".to_vec(), Path::new("x"), 10).unwrap(), b"plain");
    }

    #[test]
    fn sources() {
        let s = parse_sources(
            b"repo:/abs/repo\ncache:/c\nreadonly:/ro\nrepo:http://x/y\nrepo:host:path\nthisrepo:/t\nrepo:rel\n",
            Path::new("/base"),
        );
        assert_eq!(
            s,
            vec![
                Source::Repo("/abs/repo".into()),
                Source::Cache("/c".into()),
                Source::Cache("/ro".into()),
                Source::Repo("/base/rel".into()),
            ]
        );
    }
}
