//! The `darcsweb` command line: `serve` the web interface, `check` a repository.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};

use darcsweb::repo::{self, Registry};
use darcsweb::web::{self, config::Config, AppState};

/// Browse and host darcs repositories; the patch core is proved correct in Rocq.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Serve the repositories found under the roots (the bundled examples if none is given).
    Serve {
        /// Address to listen on [default: 127.0.0.1:8080, or the config file's].
        #[arg(long)]
        listen: Option<SocketAddr>,
        /// A TOML configuration file (see README).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Site title shown in every page.
        #[arg(long)]
        title: Option<String>,
        /// Public base URL, used in the clone commands shown to users.
        #[arg(long)]
        base_url: Option<String>,
        /// Where to keep what is computed about patches across restarts [default:
        /// $XDG_CACHE_HOME/darcsweb, or the config file's `cache_dir`].
        #[arg(long)]
        cache_dir: Option<PathBuf>,
        /// Keep nothing across restarts (no cache directory).
        #[arg(long, conflicts_with = "cache_dir")]
        no_cache_dir: bool,
        /// Directories that are darcs repositories or contain some.
        roots: Vec<PathBuf>,
    },
    /// Replay every patch through the verified core and compare with the recorded tree.
    Check {
        /// The repository (the directory holding `_darcs`).
        repo: PathBuf,
    },
    /// Print authorized_keys lines forcing `darcsweb shell` (sshd's AuthorizedKeysCommand: `%t %k`).
    AuthorizedKeys {
        /// The configuration file with the `[[users]]` and their keys.
        #[arg(long)]
        config: PathBuf,
        /// The key type sshd offers (`%t`); with KEY, print only the line of that key.
        keytype: Option<String>,
        /// The base64 key sshd offers (`%k`).
        key: Option<String>,
    },
    /// The forced command of SSH logins: serves `darcs transfer-mode` and `darcs apply` only.
    Shell {
        /// The configuration file.
        #[arg(long)]
        config: PathBuf,
        /// The configured user the SSH key belongs to.
        #[arg(long)]
        user: String,
        /// The key's fingerprint, for the audit log.
        #[arg(long)]
        key: Option<String>,
    },
    /// Manage hosted repositories.
    Repo {
        #[command(subcommand)]
        cmd: RepoCmd,
    },
    /// Internal: one of the server's core worker processes (see src/core/worker.rs).
    #[command(hide = true)]
    CoreWorker {
        /// Address-space limit of this process, in bytes.
        #[arg(long)]
        memory_bytes: Option<u64>,
        /// Scheduling niceness of this process (long-call workers yield to the server).
        #[arg(long)]
        nice: Option<i32>,
    },
}

#[derive(Subcommand)]
enum RepoCmd {
    /// Create a bare repository (no working tree) under the first configured root.
    Create {
        /// Its name (one URL segment).
        name: String,
        /// darcs-2 (the default) or darcs-3.
        #[arg(long, default_value = "darcs-2")]
        format: String,
        /// The configuration file (for its roots).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Create it under this directory instead of the first configured root.
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "darcsweb=info,tower_http=warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    match cli.cmd {
        Cmd::Serve { listen, config, title, base_url, cache_dir, no_cache_dir, roots } => {
            match serve(listen, config, title, base_url, cache_dir, no_cache_dir, roots) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("darcsweb: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Cmd::Check { repo } => {
            // a one-shot command with nothing to protect: the replay runs in this process
            darcsweb::core::use_in_process();
            repo::check::main(&repo)
        }
        Cmd::CoreWorker { memory_bytes, nice } => darcsweb::core::worker::serve_stdio(memory_bytes, nice),
        Cmd::AuthorizedKeys { config, keytype, key } => darcsweb::host::cli::authorized_keys(&config, keytype, key),
        Cmd::Shell { config, user, key } => darcsweb::host::shell::main(&config, &user, key),
        Cmd::Repo { cmd: RepoCmd::Create { name, format, config, root } } => {
            darcsweb::host::cli::repo_create(&name, &format, config, root)
        }
    }
}

fn serve(
    listen: Option<SocketAddr>,
    config: Option<PathBuf>,
    title: Option<String>,
    base_url: Option<String>,
    cache_dir: Option<PathBuf>,
    no_cache_dir: bool,
    roots: Vec<PathBuf>,
) -> Result<(), String> {
    let mut cfg = Config::load(config.as_deref()).map_err(|e| e.to_string())?;
    if let Some(l) = listen {
        cfg.listen = l;
    }
    if let Some(t) = title {
        cfg.site_title = t;
    }
    if base_url.is_some() {
        cfg.base_url = base_url;
    }
    if !roots.is_empty() {
        cfg.roots = roots;
    }
    if cache_dir.is_some() {
        cfg.cache_dir = cache_dir;
    }
    if no_cache_dir {
        cfg.persistent_cache = false;
    }
    if cfg.roots.is_empty() {
        cfg.roots =
            vec![darcsweb::examples::ensure().map_err(|e| format!("cannot create the example repositories: {e}"))?];
    }
    let mut registry = Registry::discover(&cfg.roots);
    if registry.list().is_empty() {
        return Err(format!("no darcs repository found under {:?}", cfg.roots));
    }
    if cfg.persistent_cache {
        match cfg.cache_dir.clone().or_else(repo::store::default_dir) {
            None => tracing::warn!("no cache directory ($XDG_CACHE_HOME and $HOME unset): working without one"),
            Some(dir) => match repo::store::Store::open(&dir, &registry.dirs()) {
                Ok(s) => {
                    tracing::info!("cache directory {}", s.dir().display());
                    registry.set_store(Some(Arc::new(s)));
                }
                Err(e) => tracing::warn!("{e}: working without a cache directory"),
            },
        }
    }
    let addr = cfg.listen;
    let nofile = web::serve::raise_nofile_limit();
    let limits = web::serve::ServeLimits::new(&cfg.limits, nofile);
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program's executable: {e}"))?;
    darcsweb::core::start_workers(darcsweb::core::pool::PoolConfig {
        exe,
        workers: cfg.limits.core_workers(),
        cpu_secs: cfg.limits.core_cpu_secs,
        memory_bytes: cfg.limits.core_memory_bytes,
    })?;
    darcsweb::repo::set_graph_budget(std::time::Duration::from_secs(cfg.limits.graph_secs));
    let state = Arc::new(AppState::new(registry, cfg));
    let rt = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    rt.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        tracing::info!(
            "descriptor limit {nofile}: at most {} connections; core workers: {} (+1 for short calls)",
            limits.max_connections,
            state.config.limits.core_workers()
        );
        println!("darcsweb: serving {} repositories on http://{local}/", state.registry.list().len());
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        web::serve::serve(listener, web::router(state), limits, shutdown).await.map_err(|e| e.to_string())
    })
}
