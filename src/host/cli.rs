//! The hosting subcommands' entry points (kept here so that `main.rs` only dispatches).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::web::config::Config;

/// `darcsweb authorized-keys --config FILE [KEYTYPE KEY]`: print the forced-command lines.
pub fn authorized_keys(config: &Path, keytype: Option<String>, key: Option<String>) -> ExitCode {
    use super::keys;
    let result = (|| {
        let cfg = Config::load(Some(config)).map_err(|e| e.to_string())?;
        let wanted = match (keytype, key) {
            (Some(t), Some(k)) => match keys::PublicKey::from_parts(&t, &k) {
                Ok(k) => Some(k),
                Err(_) => return Ok(Vec::new()), // a key type we do not serve: no line
            },
            (None, None) => None,
            _ => return Err("give both KEYTYPE and KEY, or neither".to_string()),
        };
        let config = config.canonicalize().map_err(|e| format!("{}: {e}", config.display()))?;
        keys::lines(&super::shell::current_exe(), &config, &cfg.users, wanted.as_ref())
    })();
    match result {
        Ok(lines) => {
            for l in lines {
                println!("{l}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("darcsweb: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `darcsweb repo create NAME [--format F] [--config FILE | --root DIR]`.
pub fn repo_create(name: &str, format: &str, config: Option<PathBuf>, root: Option<PathBuf>) -> ExitCode {
    use crate::darcs::format::RepoFormat;
    let result = (|| {
        let format = match format {
            "darcs-2" => RepoFormat::Darcs2,
            "darcs-3" => RepoFormat::Darcs3,
            f => return Err(format!("unknown format {f:?} (darcs-2 or darcs-3)")),
        };
        let root = match root {
            Some(r) => r,
            None => {
                let cfg = Config::load(config.as_deref()).map_err(|e| e.to_string())?;
                cfg.roots.first().cloned().ok_or("no root: give --root or a configuration with roots")?
            }
        };
        super::create::create(&root, name, format)
    })();
    match result {
        Ok(p) => {
            println!("created {}", p.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("darcsweb: {e}");
            ExitCode::FAILURE
        }
    }
}
