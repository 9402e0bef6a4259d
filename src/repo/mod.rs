//! Repositories on disk: discovery under the configured roots and, per repository, a
//! cached index (patch list, tags, hash → position, file → touching patches), rebuilt
//! when `_darcs/hashed_inventory` changes. Answers about contents come from the
//! verified core; this layer parses, caches and never writes to a repository. What it
//! computes about patches may also be kept across restarts in a cache directory outside
//! the repositories ([`store`], set with [`Registry::set_store`]).

pub mod api;
pub mod check;
pub mod conflicts;
pub mod diff;
mod history;
mod lineage;
mod load;
pub mod lookup;
pub mod store;
pub mod verify;

pub use api::*;

use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::path::{Path as FsPath, PathBuf};
use std::sync::{Arc, Mutex};

use lru::LruCache;

use crate::core::{CoreError, Tree};
use crate::darcs::files::{FileStamp, RepoDir};
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
    /// The server's memory budget cannot hold the answer now (other requests hold it,
    /// or the answer alone would exceed it).
    #[error("over the memory budget: {0}")]
    Busy(String),
    /// The verified core refused (e.g. a patch does not apply).
    #[error(transparent)]
    Core(#[from] CoreError),
}

impl RepoError {
    /// Whether the same question may get an answer later (a cancelled request, a core
    /// worker that died or could not start): such an error is never cached.
    pub fn is_transient(&self) -> bool {
        matches!(self, RepoError::Core(c) if c.is_transient())
    }
}

impl From<crate::darcs::error::Error> for RepoError {
    fn from(e: crate::darcs::error::Error) -> Self {
        match e {
            crate::darcs::error::Error::Unsupported(_) => RepoError::Unsupported(e.to_string()),
            crate::darcs::error::Error::OverBudget { never_fits: false, .. } => RepoError::Busy(e.to_string()),
            crate::darcs::error::Error::OverBudget { never_fits: true, .. } => RepoError::TooLarge(e.to_string()),
            e => RepoError::Corrupt(e.to_string()),
        }
    }
}

/// A [`std::result::Result`] whose error is a [`RepoError`], as every answer of this layer.
pub type Result<T> = std::result::Result<T, RepoError>;

/// How long a caller waits for a repository's dependency graph.
#[derive(Debug, Clone, Copy)]
pub enum DepsWait {
    /// Until it is computed.
    Forever,
    /// At most this long (an API client that asked for the dependencies).
    Upto(std::time::Duration),
    /// At most this long, and only for a computation this call starts, of a history of at
    /// most [`SHORT_GRAPH_PATCHES`] patches: a page does not queue behind a graph another
    /// request is computing, nor wait for one that takes minutes.
    IfStarting(std::time::Duration),
}

/// Histories up to this many patches have their graph in well under a second; the graph
/// of a longer real one takes far longer (libuv's 5,697 patches: minutes), so
/// [`DepsWait::IfStarting`] does not wait for it.
pub const SHORT_GRAPH_PATCHES: usize = 1000;

/// The time the core may spend on one history's dependency graph, in all
/// (`[limits] graph_secs`; the default until the server sets it).
pub fn set_graph_budget(d: std::time::Duration) {
    history::GRAPH_BUDGET_MS.store(d.as_millis().min(u64::MAX as u128) as u64, std::sync::atomic::Ordering::Relaxed);
}

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

/// All repositories found under the roots, by name. The roots are scanned again when
/// one of them changes (a repository added, removed or renamed into place) and, at most
/// once a second, when a name is not found or the whole list is asked for, so
/// repositories appearing, disappearing or being replaced are picked up by the next
/// request, without a restart.
pub struct Registry {
    roots: Vec<PathBuf>,
    sizes: CacheSizes,
    /// The persistent store of what is computed about patches, if any.
    store: Option<Arc<store::Store>>,
    scan: Mutex<Scan>,
    /// Which repositories are shown (all when `None`); applied after every scan.
    visible: Option<Visible>,
}

/// The predicate that hides repositories (the web server hides private ones).
type Visible = Arc<dyn Fn(&Repo) -> bool + Send + Sync>;

struct Scan {
    repos: Vec<Arc<Repo>>,
    /// Each root's stamp when it was last scanned.
    roots: Vec<Option<FileStamp>>,
    at: std::time::Instant,
}

/// Least time between two scans forced by an unknown name or the list.
const RESCAN_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

impl Registry {
    /// Find the repositories: each root that holds `_darcs/format`, and each child of a
    /// root that does. Names are directory names; a duplicate name gets a numeric suffix.
    pub fn discover(roots: &[PathBuf]) -> Registry {
        Self::discover_with(roots, CacheSizes::default())
    }

    /// [`Registry::discover`] with explicit cache sizes.
    pub fn discover_with(roots: &[PathBuf], sizes: CacheSizes) -> Registry {
        let stamps = roots.iter().map(|r| dir_stamp(r)).collect();
        let repos = scan(roots, sizes, None, &[]);
        Registry {
            roots: roots.to_vec(),
            sizes,
            store: None,
            scan: Mutex::new(Scan { repos, roots: stamps, at: std::time::Instant::now() }),
            visible: None,
        }
    }

    /// The repositories now, scanning the roots again if they changed, or if `force` and
    /// the last scan is older than [`RESCAN_AFTER`].
    fn current(&self, force: bool) -> Vec<Arc<Repo>> {
        let mut g = self.scan.lock().unwrap_or_else(|e| e.into_inner());
        let stamps: Vec<Option<FileStamp>> = self.roots.iter().map(|r| dir_stamp(r)).collect();
        if stamps != g.roots || (force && g.at.elapsed() >= RESCAN_AFTER) {
            g.repos = scan(&self.roots, self.sizes, self.store.as_ref(), &g.repos);
            g.roots = stamps;
            g.at = std::time::Instant::now();
        }
        match &self.visible {
            Some(keep) => g.repos.iter().filter(|r| keep(r)).cloned().collect(),
            None => g.repos.clone(),
        }
    }

    /// Keep what is computed about patches in `store` (see [`store`]) from now on: set
    /// before the first request (the repositories are opened again).
    pub fn set_store(&mut self, store: Option<Arc<store::Store>>) {
        self.store = store;
        let mut g = self.scan.lock().unwrap_or_else(|e| e.into_inner());
        g.repos = scan(&self.roots, self.sizes, self.store.as_ref(), &[]);
    }

    /// The persistent store, if any.
    pub fn store(&self) -> Option<&Arc<store::Store>> {
        self.store.as_ref()
    }

    /// The directories of the repositories found now.
    pub fn dirs(&self) -> Vec<PathBuf> {
        self.current(false).iter().map(|r| r.dir.clone()).collect()
    }

    /// Show only the repositories `keep` accepts, now and after every later scan (the web
    /// server hides private ones, including those that appear while it runs).
    pub fn retain(&mut self, keep: impl Fn(&Repo) -> bool + Send + Sync + 'static) {
        self.visible = Some(Arc::new(keep));
    }

    /// Every repository, sorted by name.
    pub fn list(&self) -> Vec<Arc<Repo>> {
        self.current(true)
    }

    /// The repository called `name`.
    pub fn get(&self, name: &str) -> Option<Arc<Repo>> {
        let found = self.current(false).into_iter().find(|r| r.name == name);
        found.or_else(|| self.current(true).into_iter().find(|r| r.name == name))
    }
}

/// The stamp of a directory (its modification time changes when an entry is added,
/// removed or renamed).
fn dir_stamp(dir: &FsPath) -> Option<FileStamp> {
    std::fs::metadata(dir).ok().map(|m| FileStamp::of(&m))
}

/// The repositories under `roots`, reusing the `old` ones (and their caches) that are
/// still there under the same name and directory.
fn scan(roots: &[PathBuf], sizes: CacheSizes, store: Option<&Arc<store::Store>>, old: &[Arc<Repo>]) -> Vec<Arc<Repo>> {
    let mut found: Vec<PathBuf> = Vec::new();
    for root in roots {
        if is_repo(root) {
            found.push(root.clone());
            continue;
        }
        let Ok(rd) = std::fs::read_dir(root) else { continue };
        let mut children: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| is_repo(p)).collect();
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
        let repo = match old.iter().find(|r| r.name == name && r.dir == dir) {
            Some(r) => r.clone(),
            None => {
                // never a store below a repository (one may appear around it later)
                let inside = dir.canonicalize().is_ok_and(|d| store.is_some_and(|s| s.dir().starts_with(&d)));
                let store = store.filter(|_| !inside).cloned();
                Arc::new(Repo::open(name, dir, sizes, store))
            }
        };
        repos.push(repo);
    }
    repos.sort_by(|a, b| a.name.cmp(&b.name));
    repos
}

/// A darcs repository: a `_darcs` directory holding a `format` (or an old-fashioned
/// `inventory`) of any kind. A damaged one is listed too, so its page can say what is wrong.
fn is_repo(dir: &FsPath) -> bool {
    let d = dir.join("_darcs");
    std::fs::symlink_metadata(&d).is_ok_and(|m| m.is_dir())
        && (std::fs::symlink_metadata(d.join("format")).is_ok()
            || std::fs::symlink_metadata(d.join("inventory")).is_ok())
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
    store: Option<Arc<store::Store>>,
    state: Mutex<Option<(Stamp, Loaded)>>,
}

/// A loaded history, or why it could not be loaded (remembered until a file changes).
type Loaded = std::result::Result<Arc<History>, RepoError>;

/// What identifies the version of a repository a history was loaded from: the
/// directory itself (replaced by a rename: another inode), `format` and
/// `hashed_inventory` (darcs replaces it by a rename at every transaction), and, for a
/// failed load, the file it failed on. No read or hash is needed per request.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    dir: Option<(u64, u64)>,
    files: Vec<Option<FileStamp>>,
}

const STAMPED: [&str; 3] = ["_darcs/format", "_darcs/hashed_inventory", "_darcs/prefs/sources"];

fn stamp(dir: &FsPath, failed_on: Option<&FsPath>) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    let d = RepoDir::open(dir);
    let mut files: Vec<Option<FileStamp>> = STAMPED.iter().map(|f| d.stamp(FsPath::new(f))).collect();
    if let Some(rel) = failed_on {
        files.push(d.stamp(rel));
    }
    Stamp { dir: std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino())), files }
}

/// Longest `_darcs/prefs/motd` read for the description.
const MOTD_MAX: u64 = 64 << 10;

impl Repo {
    fn open(name: String, dir: PathBuf, sizes: CacheSizes, store: Option<Arc<store::Store>>) -> Repo {
        Repo { name, dir, sizes, store, state: Mutex::new(None) }
    }

    /// A one-line description: the first non-empty line of `_darcs/prefs/motd` (read
    /// beneath the repository, a regular file of at most 64 KiB; otherwise none).
    pub fn description(&self) -> String {
        RepoDir::open(&self.dir)
            .read(FsPath::new("_darcs/prefs/motd"), MOTD_MAX)
            .ok()
            .and_then(|b| String::from_utf8_lossy(&b).lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_owned))
            .unwrap_or_default()
    }

    /// The current history (index + caches), rebuilt when the repository changed. A
    /// failure is remembered until the repository or the file it failed on changes.
    fn history(&self) -> Result<Arc<History>> {
        let mut guard = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((old, loaded)) = guard.as_ref() {
            let now = stamp(&self.dir, self.failed_file(loaded).as_deref());
            if *old == now {
                return loaded.clone();
            }
        }
        // stamped before reading: a change while it is read is seen by the next request
        let mut now = stamp(&self.dir, None);
        let prev = guard.as_ref().and_then(|(_, l)| l.as_ref().ok().cloned());
        let loaded = History::load(&self.dir, self.sizes, self.store.clone()).map(Arc::new);
        if matches!(&loaded, Err(RepoError::Busy(_))) {
            return loaded; // the budget was short: try again next time
        }
        if let Ok(h) = &loaded {
            verify::start(h, prev);
        }
        if let Some(f) = self.failed_file(&loaded) {
            now.files.push(RepoDir::open(&self.dir).stamp(&f));
        }
        *guard = Some((now, loaded.clone()));
        loaded
    }

    /// The file (relative to the repository) a failed load names, to watch for a change.
    fn failed_file(&self, loaded: &Loaded) -> Option<PathBuf> {
        match loaded {
            Err(RepoError::Corrupt(m)) | Err(RepoError::Unsupported(m)) | Err(RepoError::TooLarge(m)) => {
                let dir = self.dir.to_string_lossy();
                let rest = m.strip_prefix(dir.as_ref())?.strip_prefix('/')?;
                let rel = rest.split(": ").next()?;
                Some(PathBuf::from(rel))
            }
            _ => None,
        }
    }

    /// Whether the recorded tree (what head pages show) equals the replay of the history
    /// by the verified core ([`verify`]).
    pub fn head_check(&self) -> Result<verify::HeadCheck> {
        Ok(self.history()?.head_check())
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

    /// [`Repo::dependencies`], waiting for the graph as `wait` says: `Ok(None)` while the
    /// core is still computing it (in the background, once per history).
    pub fn dependencies_within(&self, index: usize, wait: DepsWait) -> Result<Option<(Vec<usize>, Vec<usize>)>> {
        self.history()?.dependencies_within(index, wait)
    }

    /// How many patches' dependencies are known while the graph is being computed.
    pub fn deps_progress(&self) -> usize {
        self.history().map(|h| h.deps_progress()).unwrap_or(0)
    }

    /// Every path at version `v`, directories before their children.
    pub fn walk(&self, v: Version) -> Result<Vec<(Path, Entry)>> {
        self.history()?.walk(v)
    }

    /// The bytes of a `_darcs/` file that darcs' dumb-HTTP clone and pull fetch: a
    /// regular file beneath the repository (no symbolic link leads out), at most the
    /// file-size cap, read within the memory budget.
    pub fn darcs_file(&self, rel: &str) -> Result<Vec<u8>> {
        self.darcs_file_charged(rel).map(|(b, _)| b)
    }

    /// [`Repo::darcs_file`], its bytes charged to the memory budget until the grant is
    /// dropped (when the answer has been sent).
    pub fn darcs_file_charged(&self, rel: &str) -> Result<(Vec<u8>, crate::darcs::budget::Grant<'static>)> {
        if !darcs_file_allowed(rel) {
            return Err(RepoError::NotFound(format!("_darcs/{rel} is not served")));
        }
        let limit = crate::darcs::hash::Limits::default().max_file_size;
        match RepoDir::open(&self.dir).read_charged(&FsPath::new("_darcs").join(rel), limit) {
            Ok(b) => Ok(b),
            Err(e @ crate::darcs::error::Error::OverBudget { .. }) => Err(e.into()),
            Err(_) => Err(RepoError::NotFound(format!("_darcs/{rel}"))),
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
        // a failure to load is not kept (it may be transient); a loaded map is
        if self.touched.get().is_none() {
            if let Some(t) = self.touched_source.as_ref().and_then(|f| f()) {
                let _ = self.touched.set(Some(t));
            }
        }
        if let Some(Some(touched)) = self.touched.get() {
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
