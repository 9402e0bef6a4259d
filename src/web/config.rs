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
//! [cache]
//! snapshot_bytes = 67108864
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
        }
    }
}

impl Default for CacheConfig {
    fn default() -> Self {
        CacheConfig {
            snapshot_bytes: 64 * 1024 * 1024,
            annotate_bytes: 64 * 1024 * 1024,
            patch_bytes: 64 * 1024 * 1024,
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
        if cfg.limits.request_timeout_secs == 0 {
            return Err("limits.request_timeout_secs must be at least 1".into());
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
    }

    #[test]
    fn rejects_unknown_keys_and_bad_values() {
        assert!(Config::parse("lisen = \"x\"").unwrap_err().contains("lisen"));
        assert!(Config::parse("base_url = \"ftp://x\"").is_err());
        assert!(Config::parse("[limits]\nrequest_timeout_secs = 0").is_err());
        assert!(Config::parse("[limits]\nmemory_bytes = 1000").is_err());
        assert_eq!(Config::parse("[limits]\nmemory_bytes = 33554432").unwrap().limits.memory_bytes, 32 << 20);
        assert_eq!(Config::default().limits.memory_bytes, 1 << 30);
        let dir = tempfile::tempdir().unwrap();
        let e = Config::load(Some(&dir.path().join("missing.toml"))).unwrap_err();
        assert!(e.to_string().contains("missing.toml"));
    }
}
