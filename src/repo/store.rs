//! The persistent store: what the repository layer computed about patches, kept in a
//! cache directory outside the repositories so that a restart (or a new patch) does not
//! read, inflate, parse and summarise the whole history again.
//!
//! Entries are keyed by content: a patch's entry by its patch file's name (darcs names a
//! patch file by the hash of its content, which [`crate::darcs::hash::Store`] checks when
//! it reads one) and the repository's format; a history's entry by a hash chaining the
//! names of its patches in order. Each entry is one file:
//!
//! ```text
//! MAGIC (16 bytes) | stamp (32) | kind (1) | key (32) | payload length (u64 LE) | payload | sha256 of all before (32)
//! ```
//!
//! The stamp is the version of what computed the payload: a hash of the theories, the
//! extracted core and its glue (computed by `build.rs`), this crate's version and
//! [`FORMAT`]. An entry is believed only if its magic, stamp, kind, key, length and
//! checksum all match what the reader asked for; anything else (a truncated or corrupt
//! file, another entry's content, an entry of another version) counts as
//! [`Stats::rejected`] and is recomputed by the caller, which writes it again. Entries are
//! written to a temporary file in the same directory and renamed into place, so a reader
//! never sees half an entry; reads are bounded by [`MAX_ENTRY`]. The store never writes
//! below a repository: [`Store::open`] refuses a directory inside one.
//!
//! What is stored (the payloads are encoded with the core's wire format, `WIRE.md`):
//! see `PatchRecord` and `encode_history`.

use std::io::{Read, Write};
use std::path::{Path as FsPath, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use sha2::{Digest, Sha256};

use crate::core::wire::{Dec, Enc, Malformed};
use crate::darcs::prim::{Path, Prim};

/// Version of the entries' layout and of what the Rust side puts in them (the parser's
/// effects included): bump it when either changes.
pub const FORMAT: u32 = 1;

/// The largest entry read or written; a larger file is refused (and recomputed).
pub const MAX_ENTRY: u64 = 256 << 20;

const MAGIC: &[u8; 16] = b"darcsweb-store\0\x01";
const HEADER: usize = 16 + 32 + 1 + 32 + 8;

/// The hash of the verified core's sources, from `build.rs`.
const CORE_STAMP: &str = include_str!(concat!(env!("OUT_DIR"), "/core_stamp.sha256"));

/// A key: a SHA-256.
pub type Key = [u8; 32];

/// What an entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One patch's `PatchRecord`.
    Patch,
    /// A whole history's summaries (`encode_history`).
    History,
    /// That a history's replay equals its recorded tree.
    Verified,
    /// What a path holds at a version (`encode_lookup`).
    FileAt,
    /// A file's annotation at a version (`encode_annotation`).
    Annotation,
    /// A history's dependency graph (`encode_graph`).
    Deps,
    /// One patch's dependencies in the history ending with it (two `list<u32>`: direct
    /// ascending, all descending).
    DepsOf,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Patch => "patch",
            Kind::History => "history",
            Kind::Verified => "verified",
            Kind::FileAt => "file",
            Kind::Annotation => "annotation",
            Kind::Deps => "deps",
            Kind::DepsOf => "deps-of",
        }
    }
    fn tag(self) -> u8 {
        match self {
            Kind::Patch => 1,
            Kind::History => 2,
            Kind::Verified => 3,
            Kind::FileAt => 4,
            Kind::Annotation => 5,
            Kind::Deps => 6,
            Kind::DepsOf => 7,
        }
    }
}

/// What the store did since it was opened.
#[derive(Debug, Default)]
pub struct Stats {
    /// Entries read and believed.
    pub hits: AtomicU64,
    /// Entries asked for and absent.
    pub misses: AtomicU64,
    /// Entries present but not believed (corrupt, truncated, foreign, another version, too large).
    pub rejected: AtomicU64,
    /// Entries written.
    pub writes: AtomicU64,
    /// Entries that could not be written.
    pub write_failures: AtomicU64,
}

/// A copy of [`Stats`] at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatsSnapshot {
    /// See [`Stats::hits`].
    pub hits: u64,
    /// See [`Stats::misses`].
    pub misses: u64,
    /// See [`Stats::rejected`].
    pub rejected: u64,
    /// See [`Stats::writes`].
    pub writes: u64,
    /// See [`Stats::write_failures`].
    pub write_failures: u64,
}

/// One cache directory, for the entries of this version.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    stamp: Key,
    stats: Stats,
    tmp: AtomicU64,
    warned: AtomicBool,
}

/// `$XDG_CACHE_HOME/darcsweb`, else `$HOME/.cache/darcsweb`.
pub fn default_dir() -> Option<PathBuf> {
    let abs = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    if let Some(x) = std::env::var_os("XDG_CACHE_HOME").and_then(abs) {
        return Some(x.join("darcsweb"));
    }
    std::env::var_os("HOME").and_then(abs).map(|h| h.join(".cache").join("darcsweb"))
}

/// The version stamp of entries written by this binary.
pub fn stamp() -> Key {
    key(&[b"darcsweb-store", CORE_STAMP.trim().as_bytes(), env!("CARGO_PKG_VERSION").as_bytes(), &FORMAT.to_le_bytes()])
}

/// The SHA-256 of `parts`, each prefixed by its length (so that no two lists of parts
/// give the same input).
pub fn key(parts: &[&[u8]]) -> Key {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.finalize().into()
}

/// `path` made absolute with its symbolic links resolved, as far as it exists.
fn resolve(path: &FsPath) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map(|d| d.join(path)).unwrap_or_else(|_| path.to_path_buf())
    };
    let mut rest = Vec::new();
    let mut cur = abs.as_path();
    loop {
        if let Ok(c) = cur.canonicalize() {
            let mut out = c;
            for r in rest.iter().rev() {
                out.push(r);
            }
            return out;
        }
        match (cur.parent(), cur.file_name()) {
            (Some(p), Some(n)) => {
                rest.push(n.to_owned());
                cur = p;
            }
            _ => return abs,
        }
    }
}

impl Store {
    /// The store in `dir` (created if need be), refused when `dir` is inside one of
    /// `repos` (directories holding `_darcs`) or cannot be created and written.
    pub fn open(dir: &FsPath, repos: &[PathBuf]) -> Result<Store, String> {
        let target = resolve(dir);
        for r in repos {
            let r = resolve(r);
            if target.starts_with(&r) {
                return Err(format!(
                    "the cache directory {} is inside the repository {}: darcsweb never writes to a repository",
                    target.display(),
                    r.display()
                ));
            }
        }
        let stamp = stamp();
        let dir = target.join(format!("v-{}", &hex::encode(stamp)[..16]));
        for k in [Kind::Patch, Kind::History, Kind::Verified, Kind::FileAt, Kind::Annotation, Kind::Deps, Kind::DepsOf]
        {
            let d = dir.join(k.name());
            std::fs::create_dir_all(&d).map_err(|e| format!("cannot create {}: {e}", d.display()))?;
        }
        // entries hold file contents, of private repositories too: for this user only
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))
                .map_err(|e| format!("cannot restrict {} to its owner: {e}", dir.display()))?;
        }
        let store =
            Store { dir, stamp, stats: Stats::default(), tmp: AtomicU64::new(0), warned: AtomicBool::new(false) };
        // a probe: a directory that can be created but not written is refused now
        let probe = store.dir.join(format!(".probe.{}", std::process::id()));
        std::fs::write(&probe, b"").map_err(|e| format!("cannot write in {}: {e}", store.dir.display()))?;
        let _ = std::fs::remove_file(&probe);
        Ok(store)
    }

    /// The directory of this version's entries.
    pub fn dir(&self) -> &FsPath {
        &self.dir
    }

    /// Where the entry `(kind, key)` lives.
    pub fn path(&self, kind: Kind, key: &Key) -> PathBuf {
        self.dir.join(kind.name()).join(hex::encode(key))
    }

    /// What the store did so far.
    pub fn stats(&self) -> StatsSnapshot {
        let s = &self.stats;
        StatsSnapshot {
            hits: s.hits.load(Ordering::Relaxed),
            misses: s.misses.load(Ordering::Relaxed),
            rejected: s.rejected.load(Ordering::Relaxed),
            writes: s.writes.load(Ordering::Relaxed),
            write_failures: s.write_failures.load(Ordering::Relaxed),
        }
    }

    /// The payload of entry `(kind, key)`, if present and checked; `None` otherwise (the
    /// caller recomputes it and writes it again).
    pub fn read(&self, kind: Kind, key: &Key) -> Option<Vec<u8>> {
        let path = self.path(kind, key);
        let bytes = match read_bounded(&path) {
            Ok(Some(b)) => b,
            Ok(None) => {
                self.stats.rejected.fetch_add(1, Ordering::Relaxed);
                tracing::debug!("store: {} is too large or not a regular file: recomputed", path.display());
                return None;
            }
            Err(_) => {
                self.stats.misses.fetch_add(1, Ordering::Relaxed);
                return None;
            }
        };
        match self.check(kind, key, bytes) {
            Ok(p) => {
                self.stats.hits.fetch_add(1, Ordering::Relaxed);
                Some(p)
            }
            Err(why) => {
                self.stats.rejected.fetch_add(1, Ordering::Relaxed);
                tracing::warn!("store: {} not believed ({why}): recomputed", path.display());
                None
            }
        }
    }

    fn check(&self, kind: Kind, key: &Key, mut b: Vec<u8>) -> Result<Vec<u8>, &'static str> {
        if b.len() < HEADER + 32 {
            return Err("truncated");
        }
        let sum_at = b.len() - 32;
        if Sha256::digest(&b[..sum_at])[..] != b[sum_at..] {
            return Err("checksum mismatch");
        }
        if &b[..16] != MAGIC {
            return Err("not a store entry");
        }
        if b[16..48] != self.stamp {
            return Err("written by another version");
        }
        if b[48] != kind.tag() || b[49..81] != key[..] {
            return Err("another entry's content");
        }
        let len = u64::from_le_bytes(b[81..89].try_into().map_err(|_| "truncated")?);
        if len != (sum_at - HEADER) as u64 {
            return Err("length mismatch");
        }
        b.truncate(sum_at);
        b.drain(..HEADER);
        Ok(b)
    }

    /// Write entry `(kind, key)` atomically (a temporary file renamed into place). A
    /// failure is counted and logged once, never returned: the store is only a cache.
    pub fn write(&self, kind: Kind, key: &Key, payload: &[u8]) {
        if (payload.len() + HEADER + 32) as u64 > MAX_ENTRY {
            return;
        }
        let mut b = Vec::with_capacity(HEADER + payload.len() + 32);
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&self.stamp);
        b.push(kind.tag());
        b.extend_from_slice(key);
        b.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        b.extend_from_slice(payload);
        let sum = Sha256::digest(&b);
        b.extend_from_slice(&sum);
        let path = self.path(kind, key);
        let n = self.tmp.fetch_add(1, Ordering::Relaxed);
        let tmp = self.dir.join(kind.name()).join(format!(".tmp.{}.{n}", std::process::id()));
        let r = (|| -> std::io::Result<()> {
            let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
            f.write_all(&b)?;
            drop(f);
            std::fs::rename(&tmp, &path)
        })();
        match r {
            Ok(()) => {
                self.stats.writes.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                self.stats.write_failures.fetch_add(1, Ordering::Relaxed);
                if !self.warned.swap(true, Ordering::Relaxed) {
                    tracing::warn!("store: cannot write {}: {e} (working without it)", path.display());
                }
            }
        }
    }
}

/// The bytes of the regular file `path` (not followed if a symbolic link); `Ok(None)`
/// when it is not a regular file or is larger than [`MAX_ENTRY`].
fn read_bounded(path: &FsPath) -> std::io::Result<Option<Vec<u8>>> {
    use std::os::unix::fs::OpenOptionsExt;
    let f = std::fs::OpenOptions::new().read(true).custom_flags(libc::O_NOFOLLOW).open(path)?;
    let m = f.metadata()?;
    if !m.is_file() || m.len() > MAX_ENTRY {
        return Ok(None);
    }
    let mut b = Vec::with_capacity(m.len() as usize);
    f.take(MAX_ENTRY + 1).read_to_end(&mut b)?;
    if b.len() as u64 > MAX_ENTRY {
        return Ok(None);
    }
    Ok(Some(b))
}

/// Per prim of a patch: the path it touches and, for a move, where it goes.
pub(crate) type Touch = (Path, Option<Path>);

/// What the repository layer needs of a patch without its prims: what a file's history
/// and the pruned core calls choose by.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Summary {
    /// How many prims its effect has.
    pub prims: u32,
    /// What its prims keep in memory ([`crate::repo::history::prims_weight`]).
    pub weight: u64,
    /// The core's summary of the paths it touches (op 12).
    pub sum: Vec<Path>,
    /// Its explicit dependencies, as positions of earlier patches of the history.
    pub deps: Vec<u32>,
    /// Per prim, the path it touches (a move: both names).
    pub touches: Vec<Touch>,
}

/// A patch's entry: its [`Summary`] (explicit dependencies as patch ids, since positions
/// depend on the history) and its effect.
pub(crate) struct PatchRecord {
    /// The summary; its `deps` are unused (see `dep_ids`).
    pub summary: Summary,
    /// The patch's own id (`PatchInfo::id` of its file).
    pub id: String,
    /// The ids (`PatchInfo::id`) of its explicit dependencies.
    pub dep_ids: Vec<String>,
}

/// The key of a patch's entry.
pub(crate) fn patch_key(format: &str, file: &str) -> Key {
    key(&[b"patch", format.as_bytes(), file.as_bytes()])
}

/// The key of a history's entry: a hash chaining its patches' file names in order.
pub(crate) fn history_key(format: &str, files: &[String]) -> Key {
    let mut h = key(&[b"history", format.as_bytes()]);
    for f in files {
        h = chain(&h, f);
    }
    h
}

/// The history key of a history's patches and then the patch file `file`.
pub(crate) fn chain(prev: &Key, file: &str) -> Key {
    key(&[prev, file.as_bytes()])
}

/// The key of a result about `path` after the patches whose history key is `prefix`.
pub(crate) fn path_key(what: &[u8], prefix: &Key, path: &Path) -> Key {
    let mut e = Enc::default();
    let _ = e.path(path);
    key(&[what, prefix, &e.buf])
}

/// What a path holds: `u8` 0 absent, 1 then `content` a file, 2 then `list<str>` a directory.
pub(crate) fn encode_lookup(l: &crate::core::Lookup) -> Option<Vec<u8>> {
    use crate::core::Lookup;
    let mut e = Enc::default();
    let ok = match l {
        Lookup::Absent => {
            e.u8(0);
            Ok(())
        }
        Lookup::File(c) => {
            e.u8(1);
            e.bytes(c)
        }
        Lookup::Dir(names) => {
            e.u8(2);
            e.strs(names)
        }
    };
    ok.ok().map(|()| e.buf)
}

/// The inverse of [`encode_lookup`].
pub(crate) fn decode_lookup(b: &[u8]) -> Option<crate::core::Lookup> {
    use crate::core::Lookup;
    let mut d = Dec::new(b);
    let l = match d.u8().ok()? {
        0 => Lookup::Absent,
        1 => Lookup::File(d.bytes().ok()?),
        2 => Lookup::Dir(d.strs().ok()?),
        _ => return None,
    };
    d.done().ok()?;
    Some(l)
}

/// An annotation: `list<u32>` origins (`0xFFFFFFFF` unknown), then `list<str>` lines.
pub(crate) fn encode_annotation(a: &crate::core::Annotation) -> Option<Vec<u8>> {
    let mut e = Enc::default();
    let origins: Vec<u32> = a.origins.iter().map(|o| o.unwrap_or(u32::MAX)).collect();
    e.u32s(&origins).ok()?;
    e.strs(&a.lines).ok()?;
    Some(e.buf)
}

/// The inverse of [`encode_annotation`].
pub(crate) fn decode_annotation(b: &[u8]) -> Option<crate::core::Annotation> {
    let mut d = Dec::new(b);
    let origins = d.u32s().ok()?.into_iter().map(|o| (o != u32::MAX).then_some(o)).collect();
    let lines = d.strs().ok()?;
    d.done().ok()?;
    Some(crate::core::Annotation { origins, lines })
}

/// One patch's dependencies: `list<u32>` direct, `list<u32>` all.
pub(crate) fn encode_deps_of(d: &crate::core::pruned::PatchDeps) -> Option<Vec<u8>> {
    let mut e = Enc::default();
    e.u32s(&d.direct).ok()?;
    e.u32s(&d.all).ok()?;
    Some(e.buf)
}

/// The inverse of [`encode_deps_of`], for patch number `k` (every dependency earlier).
pub(crate) fn decode_deps_of(b: &[u8], k: usize) -> Option<crate::core::pruned::PatchDeps> {
    let mut d = Dec::new(b);
    let direct = d.u32s().ok()?;
    let all = d.u32s().ok()?;
    d.done().ok()?;
    if direct.iter().chain(&all).any(|&x| x as usize >= k) {
        return None;
    }
    Some(crate::core::pruned::PatchDeps { direct, all })
}

/// A dependency graph: `list` of `list<u32>`, each patch's direct dependencies.
pub(crate) fn encode_graph(direct: &[Vec<usize>]) -> Option<Vec<u8>> {
    let mut e = Enc::default();
    e.len(direct.len()).ok()?;
    for d in direct {
        let d: Vec<u32> = d.iter().map(|&x| u32::try_from(x).ok()).collect::<Option<_>>()?;
        e.u32s(&d).ok()?;
    }
    Some(e.buf)
}

/// The inverse of [`encode_graph`], if it has `n` patches, each depending on earlier ones only.
pub(crate) fn decode_graph(b: &[u8], n: usize) -> Option<Vec<Vec<u32>>> {
    let mut d = Dec::new(b);
    if d.u32().ok()? as usize != n {
        return None;
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let ds = d.u32s().ok()?;
        if ds.iter().any(|&x| x as usize >= i) {
            return None;
        }
        out.push(ds);
    }
    d.done().ok()?;
    Some(out)
}

type W = Result<(), crate::core::wire::TooLarge>;

fn enc_u64(e: &mut Enc, v: u64) {
    e.u32(v as u32);
    e.u32((v >> 32) as u32);
}

fn dec_u64(d: &mut Dec) -> Result<u64, Malformed> {
    Ok(u64::from(d.u32()?) | (u64::from(d.u32()?) << 32))
}

fn enc_summary_head(e: &mut Enc, s: &Summary) -> W {
    e.u32(s.prims);
    enc_u64(e, s.weight);
    e.len(s.sum.len())?;
    for p in &s.sum {
        e.path(p)?;
    }
    e.len(s.touches.len())?;
    for (p, to) in &s.touches {
        e.path(p)?;
        match to {
            None => e.u8(0),
            Some(t) => {
                e.u8(1);
                e.path(t)?;
            }
        }
    }
    Ok(())
}

fn dec_summary_head(d: &mut Dec) -> Result<Summary, Malformed> {
    let prims = d.u32()?;
    let weight = dec_u64(d)?;
    let n = d.u32()?;
    let sum = (0..n).map(|_| d.path()).collect::<Result<_, _>>()?;
    let n = d.u32()?;
    let touches = (0..n)
        .map(|_| {
            let p = d.path()?;
            let to = match d.u8()? {
                0 => None,
                1 => Some(d.path()?),
                _ => return Err(Malformed("bad move flag")),
            };
            Ok((p, to))
        })
        .collect::<Result<_, _>>()?;
    Ok(Summary { prims, weight, sum, deps: Vec::new(), touches })
}

/// A patch's entry: `summary head | list<str> dep ids | list<prim> effect`.
pub(crate) fn encode_patch(r: &PatchRecord, prims: &[Prim]) -> Option<Vec<u8>> {
    let mut e = Enc::default();
    let ok = (|| -> W {
        enc_summary_head(&mut e, &r.summary)?;
        e.bytes(r.id.as_bytes())?;
        e.len(r.dep_ids.len())?;
        for id in &r.dep_ids {
            e.bytes(id.as_bytes())?;
        }
        e.prims(prims)
    })();
    ok.ok().map(|()| e.buf)
}

/// The record of a patch's entry (without decoding its prims).
pub(crate) fn decode_patch_head(b: &[u8]) -> Option<PatchRecord> {
    let mut d = Dec::new(b);
    let summary = dec_summary_head(&mut d).ok()?;
    let id = String::from_utf8(d.bytes().ok()?).ok()?;
    let dep_ids = d.strs().ok()?.into_iter().map(|s| String::from_utf8(s).ok()).collect::<Option<_>>()?;
    Some(PatchRecord { summary, id, dep_ids })
}

/// The record and effect of a patch's entry.
pub(crate) fn decode_patch(b: &[u8]) -> Option<(PatchRecord, Vec<Prim>)> {
    let mut d = Dec::new(b);
    let summary = dec_summary_head(&mut d).ok()?;
    let id = String::from_utf8(d.bytes().ok()?).ok()?;
    let dep_ids = d.strs().ok()?.into_iter().map(|s| String::from_utf8(s).ok()).collect::<Option<_>>()?;
    let prims = d.prims().ok()?;
    d.done().ok()?;
    if prims.len() != summary.prims as usize {
        return None;
    }
    Some((PatchRecord { summary, id, dep_ids }, prims))
}

/// A history's entry: `list` of (`str` patch file name, summary head, `list<u32>` explicit
/// dependencies as positions), one per patch in order.
pub(crate) fn encode_history(files: &[String], sums: &[Summary]) -> Option<Vec<u8>> {
    let mut e = Enc::default();
    let ok = (|| -> W {
        e.len(sums.len())?;
        for (f, s) in files.iter().zip(sums) {
            e.bytes(f.as_bytes())?;
            enc_summary_head(&mut e, s)?;
            e.u32s(&s.deps)?;
        }
        Ok(())
    })();
    ok.ok().map(|()| e.buf)
}

/// The summaries of a history's entry, if it is the entry of exactly `files`.
pub(crate) fn decode_history(b: &[u8], files: &[String]) -> Option<Vec<Summary>> {
    let mut d = Dec::new(b);
    let n = d.u32().ok()? as usize;
    if n != files.len() {
        return None;
    }
    let mut out = Vec::with_capacity(n);
    for f in files {
        if d.bytes().ok()? != f.as_bytes() {
            return None;
        }
        let mut s = dec_summary_head(&mut d).ok()?;
        s.deps = d.u32s().ok()?;
        out.push(s);
    }
    d.done().ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Path {
        s.split('/').filter(|c| !c.is_empty()).map(|c| c.as_bytes().to_vec()).collect()
    }

    fn open() -> (tempfile::TempDir, Store) {
        let d = tempfile::tempdir().unwrap();
        let s = Store::open(&d.path().join("cache"), &[]).unwrap();
        (d, s)
    }

    #[test]
    fn an_entry_reads_back_and_a_damaged_one_is_refused() {
        let (_d, s) = open();
        let (k1, k2) = (key(&[b"a"]), key(&[b"b"]));
        assert_eq!(s.read(Kind::Patch, &k1), None);
        s.write(Kind::Patch, &k1, b"hello");
        s.write(Kind::Patch, &k2, b"other");
        assert_eq!(s.read(Kind::Patch, &k1).as_deref(), Some(&b"hello"[..]));
        // the same key under another kind is not that entry
        std::fs::copy(s.path(Kind::Patch, &k1), s.path(Kind::History, &k1)).unwrap();
        assert_eq!(s.read(Kind::History, &k1), None);
        // another entry's content under this key
        std::fs::copy(s.path(Kind::Patch, &k2), s.path(Kind::Patch, &k1)).unwrap();
        assert_eq!(s.read(Kind::Patch, &k1), None);
        // a flipped byte, a truncation, an empty file
        s.write(Kind::Patch, &k1, b"hello");
        let path = s.path(Kind::Patch, &k1);
        let good = std::fs::read(&path).unwrap();
        for bad in [
            {
                let mut b = good.clone();
                b[HEADER + 1] ^= 1;
                b
            },
            good[..good.len() - 1].to_vec(),
            Vec::new(),
        ] {
            std::fs::write(&path, bad).unwrap();
            assert_eq!(s.read(Kind::Patch, &k1), None);
        }
        // another version's entry, its checksum right
        let mut other = good.clone();
        other[20] ^= 1;
        let n = other.len() - 32;
        let sum = Sha256::digest(&other[..n]);
        other[n..].copy_from_slice(&sum);
        std::fs::write(&path, other).unwrap();
        assert_eq!(s.read(Kind::Patch, &k1), None);
        let st = s.stats();
        assert_eq!((st.hits, st.misses, st.rejected, st.writes), (1, 1, 6, 3));
    }

    #[test]
    fn a_directory_inside_a_repository_is_refused() {
        let d = tempfile::tempdir().unwrap();
        let repo = d.path().join("r");
        std::fs::create_dir_all(repo.join("_darcs")).unwrap();
        let e = Store::open(&repo.join("x/cache"), std::slice::from_ref(&repo)).unwrap_err();
        assert!(e.contains("inside the repository"), "{e}");
        assert!(!repo.join("x").exists());
        let s = Store::open(&d.path().join("cache"), &[repo]).unwrap();
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(s.dir()).unwrap().permissions().mode() & 0o777, 0o700);
    }

    #[test]
    fn records_round_trip() {
        let prims = vec![
            Prim::AddFile(p("a/b")),
            Prim::Hunk { path: p("a/b"), line: 1, old: vec![], new: vec![b"x".to_vec()] },
            Prim::Move { from: p("a/b"), to: p("c") },
        ];
        let summary = Summary {
            prims: 3,
            weight: 77,
            sum: vec![p("a/b"), p("c")],
            deps: vec![],
            touches: vec![(p("a/b"), None), (p("a/b"), None), (p("a/b"), Some(p("c")))],
        };
        let r = PatchRecord { summary: summary.clone(), id: "me".into(), dep_ids: vec!["abc".into()] };
        let b = encode_patch(&r, &prims).unwrap();
        let (r2, prims2) = decode_patch(&b).unwrap();
        assert_eq!(
            (r2.summary, r2.id, r2.dep_ids, prims2),
            (summary.clone(), "me".into(), vec!["abc".to_string()], prims)
        );
        assert_eq!(decode_patch_head(&b).unwrap().summary, summary);
        assert!(decode_patch(&b[..b.len() - 1]).is_none());
        let files = vec!["f1".to_string()];
        let mut s = summary;
        s.deps = vec![0];
        let h = encode_history(&files, std::slice::from_ref(&s)).unwrap();
        assert_eq!(decode_history(&h, &files), Some(vec![s]));
        assert_eq!(decode_history(&h, &["f2".to_string()]), None);
        let g = encode_graph(&[vec![], vec![0], vec![0, 1]]).unwrap();
        assert_eq!(decode_graph(&g, 3), Some(vec![vec![], vec![0], vec![0, 1]]));
        assert_eq!(decode_graph(&g, 2), None);
        // a dependency on a later patch is not a graph of this history
        assert_eq!(decode_graph(&encode_graph(&[vec![1], vec![]]).unwrap(), 2), None);
    }
}
