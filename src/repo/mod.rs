//! Repositories on disk: discovery under the configured roots and, per repository, a
//! cached index (patch list, tags, hash → position, file → touching patches), rebuilt
//! when `_darcs/hashed_inventory` changes. Answers about contents come from the
//! verified core; this layer parses, caches and never writes to a repository.

pub mod api;
pub mod check;
pub mod conflicts;
pub mod diff;
mod history;
mod load;
pub mod lookup;

pub use api::*;

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::path::{Path as FsPath, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use lru::LruCache;

use crate::core::{CoreError, Tree};
use crate::darcs::prim::Path;
use history::History;

/// What went wrong answering a question about a repository.
#[derive(Debug, Clone, thiserror::Error)]
pub enum RepoError {
    /// No such patch, version, path or file.
    #[error("not found: {0}")]
    NotFound(String),
    /// The question itself is malformed.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// The answer would exceed a configured size cap.
    #[error("too large: {0}")]
    TooLarge(String),
    /// The repository is damaged or in a form darcsweb cannot read.
    #[error("{0}")]
    Corrupt(String),
    /// The repository is valid but uses something darcsweb does not model (darcs-1
    /// nested mergers).
    #[error("{0}")]
    Unsupported(String),
    /// The verified core refused (e.g. a patch does not apply).
    #[error(transparent)]
    Core(#[from] CoreError),
}

impl From<crate::darcs::error::Error> for RepoError {
    fn from(e: crate::darcs::error::Error) -> Self {
        match e {
            crate::darcs::error::Error::Unsupported(_) => RepoError::Unsupported(e.to_string()),
            e => RepoError::Corrupt(e.to_string()),
        }
    }
}

/// A [`std::result::Result`] whose error is a [`RepoError`], as every answer of this layer.
pub type Result<T> = std::result::Result<T, RepoError>;

/// Cache sizes (entries) of one repository.
#[derive(Debug, Clone, Copy)]
pub struct CacheSizes {
    /// Trees at old versions kept in memory.
    pub trees: usize,
    /// Annotations kept in memory.
    pub annotations: usize,
}

impl Default for CacheSizes {
    fn default() -> Self {
        CacheSizes { trees: 16, annotations: 64 }
    }
}

/// All repositories found under the roots, by name.
pub struct Registry {
    repos: Vec<Arc<Repo>>,
}

impl Registry {
    /// Find the repositories: each root that holds `_darcs/format`, and each child of a
    /// root that does. Names are directory names; a duplicate name gets a numeric suffix.
    pub fn discover(roots: &[PathBuf]) -> Registry {
        Self::discover_with(roots, CacheSizes::default())
    }

    /// [`Registry::discover`] with explicit cache sizes.
    pub fn discover_with(roots: &[PathBuf], sizes: CacheSizes) -> Registry {
        let mut found: Vec<PathBuf> = Vec::new();
        for root in roots {
            if is_repo(root) {
                found.push(root.clone());
                continue;
            }
            let Ok(rd) = std::fs::read_dir(root) else { continue };
            let mut children: Vec<PathBuf> =
                rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| is_repo(p)).collect();
            children.sort();
            found.extend(children);
        }
        let mut repos: Vec<Arc<Repo>> = Vec::new();
        for dir in found {
            let base = dir
                .canonicalize()
                .unwrap_or_else(|_| dir.clone())
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "repo".into());
            let base = sanitize_name(&base);
            let mut name = base.clone();
            let mut n = 2;
            while repos.iter().any(|r| r.name == name) {
                name = format!("{base}-{n}");
                n += 1;
            }
            repos.push(Arc::new(Repo::open(name, dir, sizes)));
        }
        repos.sort_by(|a, b| a.name.cmp(&b.name));
        Registry { repos }
    }

    /// Every repository, sorted by name.
    pub fn list(&self) -> Vec<Arc<Repo>> {
        self.repos.clone()
    }

    /// The repository called `name`.
    pub fn get(&self, name: &str) -> Option<Arc<Repo>> {
        self.repos.iter().find(|r| r.name == name).cloned()
    }
}

fn is_repo(dir: &FsPath) -> bool {
    dir.join("_darcs").is_dir() && (dir.join("_darcs/format").is_file() || dir.join("_darcs/inventory").is_file())
}

/// Names become one URL segment: keep them readable and free of `/`, `?`, `#`, `%`.
fn sanitize_name(s: &str) -> String {
    let t: String = s.chars().map(|c| if c.is_alphanumeric() || "-_.+~".contains(c) { c } else { '_' }).collect();
    match t.as_str() {
        "" | "." | ".." | "api" | "static" | "proofs" | "healthz" | "robots.txt" | "darcsweb.cgi" => {
            format!("{t}_repo")
        }
        _ => t,
    }
}

/// One repository and its caches.
pub struct Repo {
    /// The name in URLs.
    pub name: String,
    /// The directory holding `_darcs`.
    pub dir: PathBuf,
    sizes: CacheSizes,
    state: Mutex<Option<(Stamp, Arc<History>)>>,
}

/// What identifies a version of `hashed_inventory` (rebuild the index when it changes).
/// darcs replaces the file by a rename at every transaction, so the inode changes too;
/// no read or hash is needed per request.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    inode: u64,
}

fn stamp(dir: &FsPath) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let md = std::fs::metadata(dir.join("_darcs/hashed_inventory")).ok()?;
    Some(Stamp { modified: md.modified().ok(), len: md.len(), inode: md.ino() })
}

impl Repo {
    fn open(name: String, dir: PathBuf, sizes: CacheSizes) -> Repo {
        Repo { name, dir, sizes, state: Mutex::new(None) }
    }

    /// A one-line description: the first non-empty line of `_darcs/prefs/motd`.
    pub fn description(&self) -> String {
        std::fs::read(self.dir.join("_darcs/prefs/motd"))
            .ok()
            .and_then(|b| String::from_utf8_lossy(&b).lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_owned))
            .unwrap_or_default()
    }

    /// The current history (index + caches), rebuilt when `hashed_inventory` changed.
    fn history(&self) -> Result<Arc<History>> {
        let now = stamp(&self.dir);
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let (Some((old, h)), Some(n)) = (guard.as_ref(), now.as_ref()) {
            if old == n {
                return Ok(h.clone());
            }
        }
        let h = Arc::new(History::load(&self.dir, self.sizes)?);
        if let Some(n) = now {
            *guard = Some((n, h.clone()));
        }
        Ok(h)
    }

    /// The patch list and its lookups.
    pub fn index(&self) -> Result<Arc<Index>> {
        Ok(self.history()?.index.clone())
    }

    /// `head`, a 40-hex patch hash (the version right after that patch), or `tag/NAME`.
    pub fn resolve(&self, version: &str) -> Result<Version> {
        let idx = self.index()?;
        if version == "head" {
            return Ok(idx.head());
        }
        if let Some(tag) = version.strip_prefix("tag/") {
            return idx
                .tags
                .iter()
                .find(|&&i| idx.patches[i].tag.as_deref() == Some(tag))
                .map(|&i| Version { applied: i + 1 })
                .ok_or_else(|| RepoError::NotFound(format!("no tag named {tag:?}")));
        }
        if version.len() == 40 && version.bytes().all(|b| b.is_ascii_hexdigit()) {
            return idx
                .by_hash(&version.to_ascii_lowercase())
                .map(|i| Version { applied: i + 1 })
                .ok_or_else(|| RepoError::NotFound(format!("no patch {version}")));
        }
        Err(RepoError::BadRequest(format!("a version is `head`, a 40-hex patch hash or `tag/NAME`, not {version:?}")))
    }

    /// The patch at `index` with its effect and summary.
    pub fn patch(&self, index: usize) -> Result<Arc<PatchDetail>> {
        self.history()?.detail(index)
    }

    /// What `path` holds at version `v` (`None`: absent).
    pub fn entry(&self, v: Version, path: &Path) -> Result<Option<Entry>> {
        self.history()?.entry(v, path)
    }

    /// Every line of the file at `path`, version `v`, with the patch that introduced it.
    pub fn annotate(&self, v: Version, path: &Path) -> Result<Vec<AnnotatedLine>> {
        self.history()?.annotate(v, path)
    }

    /// (direct dependencies, direct dependents) of the patch at `index`, from the core.
    pub fn dependencies(&self, index: usize) -> Result<(Vec<usize>, Vec<usize>)> {
        self.history()?.dependencies(index)
    }

    /// [`Repo::dependencies`], waiting at most `wait` for the graph: `Ok(None)` while the
    /// core is still computing it (in the background, once per history).
    pub fn dependencies_within(
        &self,
        index: usize,
        wait: std::time::Duration,
    ) -> Result<Option<(Vec<usize>, Vec<usize>)>> {
        self.history()?.dependencies_within(index, Some(wait))
    }

    /// Every path at version `v`, directories before their children.
    pub fn walk(&self, v: Version) -> Result<Vec<(Path, Entry)>> {
        self.history()?.walk(v)
    }

    /// The bytes of a `_darcs/` file that darcs' dumb-HTTP clone and pull fetch.
    pub fn darcs_file(&self, rel: &str) -> Result<Vec<u8>> {
        if !darcs_file_allowed(rel) {
            return Err(RepoError::NotFound(format!("_darcs/{rel} is not served")));
        }
        let p = self.dir.join("_darcs").join(rel);
        // symlinks could point outside the repository: serve regular files only
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_file() => {
                std::fs::read(&p).map_err(|e| RepoError::NotFound(format!("_darcs/{rel}: {e}")))
            }
            _ => Err(RepoError::NotFound(format!("_darcs/{rel}"))),
        }
    }
}

/// The clone allowlist: exactly what `darcs clone`/`pull` over HTTP request.
pub fn darcs_file_allowed(rel: &str) -> bool {
    let hashed = |name: &str| {
        let h = name.rsplit('-').next().unwrap_or("");
        !name.is_empty()
            && name.len() <= 80
            && name.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
            && h.len() == 64
    };
    match rel.split_once('/') {
        None => matches!(rel, "format" | "hashed_inventory"),
        Some(("prefs", f)) => f == "motd",
        Some(("inventories" | "patches" | "pristine.hashed", f)) => hashed(f),
        Some(("packs", f)) => matches!(f, "basic.tar.gz" | "patches.tar.gz" | "pristine"),
        _ => false,
    }
}

/// The patch list of one repository and its lookups (built from the inventories only).
pub struct Index {
    /// Every patch, oldest first (repository order).
    pub patches: Vec<PatchMeta>,
    /// Positions of the tags, newest first.
    pub tags: Vec<usize>,
    by_hash: HashMap<String, usize>,
    /// Lower-cased text searched by `q`: name, author, comment, hash.
    haystack: Vec<String>,
    /// Per patch, the paths it touches (filled lazily from the patch files).
    touched: std::sync::OnceLock<Option<Vec<Vec<history::Touch>>>>,
    /// Computes `touched` on first use (parses every patch file).
    pub(crate) touched_source: Option<TouchedSource>,
}

/// The lazy loader of an [`Index`]'s file → patches map.
pub(crate) type TouchedSource = Arc<dyn Fn() -> Option<Vec<Vec<history::Touch>>> + Send + Sync>;

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("patches", &self.patches.len()).field("tags", &self.tags).finish()
    }
}

impl Index {
    fn new(patches: Vec<PatchMeta>) -> Index {
        let by_hash = patches.iter().map(|p| (p.hash.clone(), p.index)).collect();
        let tags = patches.iter().rev().filter(|p| p.tag.is_some()).map(|p| p.index).collect();
        let haystack = patches
            .iter()
            .map(|p| format!("{}\n{}\n{}\n{}", p.name, p.author, p.description, p.hash).to_lowercase())
            .collect();
        Index { patches, tags, by_hash, haystack, touched: std::sync::OnceLock::new(), touched_source: None }
    }

    /// The position of the patch with this 40-hex hash.
    pub fn by_hash(&self, hash: &str) -> Option<usize> {
        self.by_hash.get(hash).copied()
    }

    /// The version with every patch applied.
    pub fn head(&self) -> Version {
        Version { applied: self.patches.len() }
    }

    /// Newest first: patches matching `q` (case-insensitive substring of name, author,
    /// comment or hash) and touching `path` (a file, or anything below a directory;
    /// moves are followed), `limit` of them from `offset`, with the total count.
    pub fn log(&self, offset: usize, limit: usize, q: Option<&str>, path: Option<&Path>) -> (Vec<usize>, usize) {
        let q = q.map(str::to_lowercase).filter(|q| !q.is_empty());
        let by_path = path.filter(|p| !p.is_empty()).map(|p| self.patches_touching(p));
        if q.is_none() && by_path.is_none() {
            // the plain log: a page costs O(page), whatever the history's length
            let n = self.patches.len();
            let page = (0..n.saturating_sub(offset)).rev().take(limit).collect();
            return (page, n);
        }
        let mut total = 0;
        let mut page = Vec::new();
        for i in (0..self.patches.len()).rev() {
            if let Some(q) = &q {
                if !self.haystack[i].contains(q.as_str()) {
                    continue;
                }
            }
            if let Some(set) = &by_path {
                if !set.contains(&i) {
                    continue;
                }
            }
            if total >= offset && page.len() < limit {
                page.push(i);
            }
            total += 1;
        }
        (page, total)
    }

    /// Patches touching `path` or anything below it, following moves backwards from
    /// head (a patch touching the old name of a moved file counts).
    fn patches_touching(&self, path: &Path) -> std::collections::HashSet<usize> {
        let mut out = std::collections::HashSet::new();
        let touched = self.touched.get_or_init(|| self.touched_source.as_ref().and_then(|f| f()));
        if let Some(touched) = touched {
            history::follow_moves(touched, path, &mut out);
        }
        out
    }
}

/// A cache shared by the threads serving one repository.
pub(crate) type Cache<K, V> = Mutex<LruCache<K, V>>;

pub(crate) fn cache<K: std::hash::Hash + Eq, V>(n: usize) -> Cache<K, V> {
    Mutex::new(LruCache::new(NonZeroUsize::new(n.max(1)).unwrap_or(NonZeroUsize::MIN)))
}

/// A tree shared between caches and requests.
pub(crate) type SharedTree = Arc<Tree>;

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(i: usize, name: &str) -> PatchMeta {
        PatchMeta {
            index: i,
            hash: format!("{i:040x}"),
            name: name.into(),
            author: "A <a@example.org>".into(),
            date: "20240101000000".into(),
            comment: None,
            description: String::new(),
            inverted: false,
            tag: None,
        }
    }

    #[test]
    fn log_pages_are_newest_first_with_or_without_a_filter() {
        let idx = Index::new((0..120).map(|i| meta(i, if i % 2 == 0 { "even" } else { "odd" })).collect());
        let (page, total) = idx.log(0, 50, None, None);
        assert_eq!(total, 120);
        assert_eq!(page, (70..120).rev().collect::<Vec<_>>());
        let (page, total) = idx.log(100, 50, None, None);
        assert_eq!((page, total), ((0..20).rev().collect::<Vec<_>>(), 120));
        assert_eq!(idx.log(500, 50, None, None), (vec![], 120));
        let (page, total) = idx.log(10, 5, Some("ODD"), None);
        assert_eq!(total, 60);
        assert_eq!(page, vec![99, 97, 95, 93, 91]);
    }

    #[test]
    fn exists_after_follows_removals_moves_and_re_adds() {
        use crate::darcs::prim::Prim;
        let p = |s: &str| -> Path { s.split('/').map(|c| c.as_bytes().to_vec()).collect() };
        let detail = PatchDetail {
            meta: meta(0, "x"),
            prims: vec![
                Prim::RmFile(p("a")),
                Prim::Move { from: p("d"), to: p("e") },
                Prim::RmDir(p("old")),
                Prim::AddDir(p("old")),
            ],
            touched: vec![],
            explicit_deps: vec![],
            raw: Arc::new(Vec::new()),
            unsupported: None,
        };
        assert!(!detail.exists_after(&p("a")));
        assert!(!detail.exists_after(&p("d/x")));
        assert!(detail.exists_after(&p("e/x")));
        assert!(detail.exists_after(&p("old")));
        assert!(detail.exists_after(&p("b")));
    }

    #[test]
    fn the_clone_allowlist_is_exactly_what_darcs_fetches() {
        let h = "0000000248-143ca54e5832081c4ad1e3ab43e132506345ee5ff869fc936815af689fd1f047";
        for ok in ["format", "hashed_inventory", "prefs/motd", "packs/basic.tar.gz", "packs/pristine"] {
            assert!(darcs_file_allowed(ok), "{ok}");
        }
        for kind in ["patches", "inventories", "pristine.hashed"] {
            assert!(darcs_file_allowed(&format!("{kind}/{h}")));
        }
        for bad in [
            "patches/pending",
            "patches/pending.tentative",
            "index",
            "prefs/author",
            "prefs/sources",
            "rebase",
            "patches/../format",
            "patches/",
            "tentative_pristine",
            "inventories/x",
            "../_darcs/format",
            "lock",
        ] {
            assert!(!darcs_file_allowed(bad), "{bad}");
        }
    }
}
