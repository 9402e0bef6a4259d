//! Server configuration: an optional TOML file, overridden by command-line flags (wired
//! in `main.rs`). Every field has a default, so no file is needed.
//!
//! ```toml
//! listen = "127.0.0.1:8080"
//! roots = ["/srv/darcs"]
//! site_title = "darcs repositories"
//! base_url = "https://darcs.example.org"
//! [limits]
//! request_timeout_secs = 30
//! core_workers = 0          # 0: one per available core
//! core_cpu_secs = 60
//! core_memory_bytes = 4294967296
//! graph_secs = 14400        # one history's dependency graph, in all
//! header_read_timeout_secs = 20
//! idle_timeout_secs = 10
//! max_connections = 0       # 0: from the descriptor limit
//! cache_dir = "/var/cache/darcsweb"   # default: $XDG_CACHE_HOME/darcsweb
//! persistent_cache = true
//! [cache]
//! snapshot_bytes = 67108864
//! page_bytes = 67108864
//! page_ttl_secs = 60
//! ```

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Everything the server can be told; see the module documentation for the file format.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Address and port to listen on.
    pub listen: SocketAddr,
    /// Directories that are darcs repositories or contain some.
    pub roots: Vec<PathBuf>,
    /// Shown in every page's header and title.
    pub site_title: String,
    /// Public base URL (`https://host/prefix`), used in the clone commands and the feed.
    pub base_url: Option<String>,
    /// Bounds on what one request may cost.
    pub limits: Limits,
    /// Sizes of the web layer's caches.
    pub cache: CacheConfig,
    /// People who can log in over SSH, with their keys (`[[users]]`, see [`crate::host`]).
    pub users: Vec<crate::host::config::User>,
    /// Who may read and write each repository (`[repos.NAME]`); absent: public, read-only.
    pub repos: std::collections::BTreeMap<String, crate::host::config::RepoAccess>,
    /// Settings of `darcsweb shell` (`[hosting]`).
    pub hosting: crate::host::config::Hosting,
    /// Where what is computed about patches is kept across restarts
    /// ([`crate::repo::store`]); default `$XDG_CACHE_HOME/darcsweb` or `~/.cache/darcsweb`.
    pub cache_dir: Option<PathBuf>,
    /// Whether to use that directory at all.
    pub persistent_cache: bool,
}

/// Bounds on the work and output of one request.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// A request taking longer is answered 408.
    pub request_timeout_secs: u64,
    /// Largest accepted request body (the server only reads GETs).
    pub max_body_bytes: usize,
    /// Files larger than this are not shown inline (a "raw" link is offered).
    pub max_display_bytes: usize,
    /// Files larger than this are not annotated.
    pub max_annotate_bytes: usize,
    /// Trees whose files add up to more than this are not offered as a snapshot.
    pub max_snapshot_bytes: u64,
    /// Diff and primitive lines shown on a patch page before it is cut (the raw patch has all).
    pub max_patch_lines: usize,
    /// The server's memory budget for reading, inflating, parsing and keeping repository
    /// data, across all requests; work that would exceed it is refused (503) at once.
    pub memory_bytes: u64,
    /// Core worker processes for long computations (replays, annotate, dependencies); one
    /// more is kept for short calls. 0: one per available core.
    pub core_workers: usize,
    /// CPU seconds one core computation may use; past it the worker is killed and
    /// replaced, and the page says the operation is too expensive for this server.
    pub core_cpu_secs: u64,
    /// Address space of one core worker, in bytes (its 1 GiB stack reservation included);
    /// an allocation past it ends the computation the same way.
    pub core_memory_bytes: u64,
    /// Seconds the core may spend, in all, on one history's dependency graph (computed
    /// in the background in calls of at most `core_cpu_secs` each); past it the patch
    /// pages say the graph is too expensive for this server.
    pub graph_secs: u64,
    /// A request head must be complete this many seconds after the server starts waiting
    /// for it (from the connection's start, or the end of the previous response).
    pub header_read_timeout_secs: u64,
    /// A keep-alive connection on which nothing arrives for this long after a response
    /// (or after its start) is closed.
    pub idle_timeout_secs: u64,
    /// Most connections open at once (at the cap, idle ones are closed to make room; when
    /// none is idle a new one is refused at once). 0: the descriptor limit, raised to its
    /// hard maximum at start, less a reserve of 64 + 1/8, and at most 8,192.
    pub max_connections: usize,
}

/// Sizes of the web layer's caches (the repository layer has its own).
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct CacheConfig {
    /// Bytes of finished snapshot archives kept in memory.
    pub snapshot_bytes: usize,
    /// Bytes of finished annotations (line text included) kept in memory.
    pub annotate_bytes: usize,
    /// Bytes of patch pages' data (prims, diff, dependencies) kept in memory.
    pub patch_bytes: usize,
    /// Bytes of finished repository pages (body and headers) kept in memory (0: none).
    pub page_bytes: usize,
    /// Seconds a finished page is kept at most (its relative dates and the repository's
    /// description follow within this time; a new patch shows at once).
    pub page_ttl_secs: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            roots: Vec::new(),
            site_title: "darcsweb".to_string(),
            base_url: None,
            limits: Limits::default(),
            cache: CacheConfig::default(),
            users: Vec::new(),
            repos: Default::default(),
            hosting: Default::default(),
            cache_dir: None,
            persistent_cache: true,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            request_timeout_secs: 30,
            max_body_bytes: 16 * 1024,
            max_display_bytes: 1024 * 1024,
            max_annotate_bytes: 4 * 1024 * 1024,
            max_snapshot_bytes: 512 * 1024 * 1024,
            max_patch_lines: 20_000,
            memory_bytes: crate::darcs::budget::DEFAULT_BYTES,
            core_workers: 0,
            core_cpu_secs: 60,
            core_memory_bytes: 4 << 30,
            graph_secs: 4 * 3600,
            header_read_timeout_secs: 20,
            idle_timeout_secs: 10,
            max_connections: 0,
        }
    }
}

impl Default for CacheConfig {
    fn default() -> Self {
        CacheConfig {
            snapshot_bytes: 64 * 1024 * 1024,
            annotate_bytes: 64 * 1024 * 1024,
            patch_bytes: 64 * 1024 * 1024,
            page_bytes: 64 * 1024 * 1024,
            page_ttl_secs: 60,
        }
    }
}

/// Why a configuration file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {source}")]
    /// The file could not be read (missing, unreadable).
    Read {
        /// The configuration file's path.
        path: PathBuf,
        /// The error reading it.
        source: std::io::Error,
    },
    #[error("invalid configuration file {path}: {message}")]
    /// The file is not valid TOML, has an unknown key, or a value out of range.
    Parse {
        /// The configuration file's path.
        path: PathBuf,
        /// What is wrong, as the TOML parser or [`Config::parse`] says it.
        message: String,
    },
}

/// The smallest `core_memory_bytes` accepted: a worker's core thread reserves 1 GiB of
/// address space for its stack, and the runtime and a computation need room beside it.
pub const MIN_CORE_MEMORY: u64 = 3 << 29;

impl Limits {
    /// How many long-call core workers to start (`core_workers`, or one per core).
    pub fn core_workers(&self) -> usize {
        match self.core_workers {
            0 => std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2),
            n => n,
        }
    }
}

impl Config {
    /// The defaults, or the defaults overridden by the TOML file at `path`.
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        let Some(path) = path else { return Ok(Config::default()) };
        let text =
            std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_path_buf(), source })?;
        Config::parse(&text).map_err(|message| ConfigError::Parse { path: path.to_path_buf(), message })
    }

    /// Parse the TOML text of a configuration file.
    pub fn parse(text: &str) -> Result<Config, String> {
        let cfg: Config = toml::from_str(text).map_err(|e| e.to_string())?;
        if let Some(b) = &cfg.base_url {
            if !(b.starts_with("http://") || b.starts_with("https://")) {
                return Err(format!("base_url must start with http:// or https://, not {b:?}"));
            }
        }
        if cfg.limits.memory_bytes < 16 << 20 {
            return Err("limits.memory_bytes must be at least 16 MiB (16777216)".into());
        }
        let l = &cfg.limits;
        for (name, v) in [
            ("request_timeout_secs", l.request_timeout_secs),
            ("core_cpu_secs", l.core_cpu_secs),
            ("graph_secs", l.graph_secs),
            ("header_read_timeout_secs", l.header_read_timeout_secs),
            ("idle_timeout_secs", l.idle_timeout_secs),
        ] {
            if v == 0 {
                return Err(format!("limits.{name} must be at least 1"));
            }
        }
        if l.core_memory_bytes < MIN_CORE_MEMORY {
            return Err(format!(
                "limits.core_memory_bytes must be at least {MIN_CORE_MEMORY} (1.5 GiB: a core worker reserves 1 GiB \
                 of address space for its stack)"
            ));
        }
        crate::host::config::validate(&cfg.users, &cfg.repos)?;
        Ok(cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_without_file() {
        let c = Config::load(None).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.site_title, "darcsweb");
        assert!(c.base_url.is_none());
    }

    #[test]
    fn file_overrides_some_fields() {
        let c = Config::parse(
            "listen = \"0.0.0.0:9000\"\nroots = [\"/srv/a\", \"/srv/b\"]\nsite_title = \"T\"\n\
             base_url = \"https://h/x\"\n[limits]\nmax_display_bytes = 10\n[cache]\nsnapshot_bytes = 5\n",
        )
        .unwrap();
        assert_eq!(c.listen.port(), 9000);
        assert_eq!(c.roots, vec![PathBuf::from("/srv/a"), PathBuf::from("/srv/b")]);
        assert_eq!(c.site_title, "T");
        assert_eq!(c.base_url.as_deref(), Some("https://h/x"));
        assert_eq!(c.limits.max_display_bytes, 10);
        assert_eq!(c.limits.request_timeout_secs, 30);
        assert_eq!(c.cache.snapshot_bytes, 5);
        let c = Config::parse("[limits]\ncore_workers = 3\ncore_cpu_secs = 2\nmax_connections = 100\n").unwrap();
        assert_eq!((c.limits.core_workers(), c.limits.core_cpu_secs, c.limits.max_connections), (3, 2, 100));
        assert!(Config::default().limits.core_workers() >= 1);
        let c = Config::parse("cache_dir = \"/var/cache/dw\"\npersistent_cache = false\n").unwrap();
        assert_eq!((c.cache_dir, c.persistent_cache), (Some(PathBuf::from("/var/cache/dw")), false));
        assert!(Config::default().persistent_cache && Config::default().cache_dir.is_none());
    }

    #[test]
    fn rejects_unknown_keys_and_bad_values() {
        assert!(Config::parse("lisen = \"x\"").unwrap_err().contains("lisen"));
        assert!(Config::parse("base_url = \"ftp://x\"").is_err());
        assert!(Config::parse("[limits]\nrequest_timeout_secs = 0").is_err());
        assert!(Config::parse("[limits]\nmemory_bytes = 1000").is_err());
        assert_eq!(Config::parse("[limits]\nmemory_bytes = 33554432").unwrap().limits.memory_bytes, 32 << 20);
        assert_eq!(Config::default().limits.memory_bytes, 1 << 30);
        assert!(Config::parse("[limits]\ncore_cpu_secs = 0").unwrap_err().contains("core_cpu_secs"));
        assert!(Config::parse("[limits]\ncore_memory_bytes = 1000000").unwrap_err().contains("core_memory_bytes"));
        assert!(Config::parse("[limits]\nidle_timeout_secs = 0").is_err());
        let dir = tempfile::tempdir().unwrap();
        let e = Config::load(Some(&dir.path().join("missing.toml"))).unwrap_err();
        assert!(e.to_string().contains("missing.toml"));
    }
}
