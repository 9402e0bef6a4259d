//! The bundled example repositories served when `darcsweb serve` is given no root:
//! created on first run with the real darcs by the embedded `examples/make-examples.sh`.

use std::path::PathBuf;
use std::process::Command;

const SCRIPT: &str = include_str!("../examples/make-examples.sh");

/// Where the examples live: `$DARCSWEB_EXAMPLES`, else `$XDG_DATA_HOME/darcsweb/examples`
/// (`~/.local/share/darcsweb/examples`).
pub fn dir() -> PathBuf {
    if let Some(d) = std::env::var_os("DARCSWEB_EXAMPLES") {
        return PathBuf::from(d);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(std::env::temp_dir);
    data.join("darcsweb/examples")
}

/// Create the examples unless they exist; returns their directory.
pub fn ensure() -> Result<PathBuf, String> {
    let d = dir();
    if d.join(".complete").exists() {
        return Ok(d);
    }
    if let Some(parent) = d.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    eprintln!("darcsweb: creating the example repositories in {} (needs darcs)", d.display());
    let status = Command::new("bash")
        .arg("-c")
        .arg(SCRIPT)
        .arg("make-examples.sh")
        .arg(&d)
        .status()
        .map_err(|e| format!("cannot run bash: {e}"))?;
    if !status.success() {
        return Err("the example script failed (is darcs installed? `apt-get install darcs`)".into());
    }
    Ok(d)
}
