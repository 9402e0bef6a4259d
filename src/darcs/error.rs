//! Typed errors of the darcs parsing layer. Every variant names the file it is about.

use std::path::{Path, PathBuf};

/// Result type of the darcs parsing layer.
pub type Result<T> = std::result::Result<T, Error>;

/// Everything that can go wrong while reading a darcs repository.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An I/O error other than "not found" while reading `file`.
    #[error("{}: {source}", file.display())]
    Io {
        /// The file being read.
        file: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A required file exists neither in the repository nor in any of its sources.
    #[error("{}", missing_message(file, searched))]
    MissingFile {
        /// Where the file should have been in the repository itself.
        file: PathBuf,
        /// The other locations that were tried (`prefs/sources`, caches).
        searched: Vec<PathBuf>,
    },
    /// The repository uses a format this reader does not support (old-fashioned darcs-1, unknown flags...).
    #[error("unsupported repository format: {0}")]
    UnsupportedFormat(String),
    /// A file starts with the gzip magic but does not decompress.
    #[error("{}: bad gzip data: {what}", file.display())]
    BadGzip {
        /// The compressed file.
        file: PathBuf,
        /// What the decompressor reported.
        what: String,
    },
    /// The SHA-256 of a hashed file does not match its name.
    #[error("{}: hash mismatch: name says {expected}, content hashes to {actual}", file.display())]
    HashMismatch {
        /// The file (its name is the expected hash).
        file: PathBuf,
        /// The hash from the name.
        expected: String,
        /// The hash of the (uncompressed) content.
        actual: String,
    },
    /// The uncompressed size of a hashed file does not match the size in its name.
    #[error("{}: size mismatch: name says {expected} bytes, content has {actual}", file.display())]
    SizeMismatch {
        /// The file.
        file: PathBuf,
        /// The size from the name.
        expected: u64,
        /// The actual uncompressed size.
        actual: u64,
    },
    /// A file (or its decompressed content) is larger than the configured cap.
    #[error("{}: larger than the limit of {limit} bytes", file.display())]
    TooLarge {
        /// The file.
        file: PathBuf,
        /// The cap that was exceeded.
        limit: u64,
    },
    /// A file's content does not follow darcs' syntax.
    #[error("{}:{line}: malformed {what} (byte offset {offset})", file.display())]
    Malformed {
        /// The file.
        file: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// Byte offset of the problem in the (uncompressed) content.
        offset: usize,
        /// What was expected or found.
        what: String,
    },
    /// A hash string (file name, `hash:` line, pristine reference) is not a valid darcs hash.
    #[error("{}: invalid hash {}", file.display(), shown_hash(hash))]
    BadHash {
        /// The file in which the hash appeared.
        file: PathBuf,
        /// The offending text.
        hash: String,
    },
    /// The chain of inventories (`Starting with inventory:`) loops.
    #[error("{}: inventory chain cycle: {hash} was already visited", file.display())]
    InventoryCycle {
        /// The inventory that refers back.
        file: PathBuf,
        /// The inventory name seen twice.
        hash: String,
    },
    /// A patch file's info block differs from the inventory entry that names it.
    #[error("{}: patch file holds {actual} but the inventory names {expected}", file.display())]
    InfoMismatch {
        /// The patch file.
        file: PathBuf,
        /// Patch id according to the inventory.
        expected: String,
        /// Patch id found in the file.
        actual: String,
    },
    /// Text that must be UTF-8 (a format file, a hash) is not.
    #[error("{}: {what} is not valid UTF-8", file.display())]
    NonUtf8 {
        /// The file.
        file: PathBuf,
        /// Which part.
        what: String,
    },
    /// A valid construct whose meaning this reader cannot compute (e.g. nested darcs-1 mergers).
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// A lookup by patch id, index or path found nothing.
    #[error("not found: {0}")]
    NotFound(String),
    /// A path inside the repository is (or passes through) a symbolic link leading out of it.
    #[error("{}: a symbolic link leading outside the repository (not read)", file.display())]
    Escapes {
        /// The path as asked for.
        file: PathBuf,
    },
    /// A file that must be a regular file is a FIFO, socket, device or directory.
    #[error("{}: is {kind}, not a regular file (not read)", file.display())]
    NotRegular {
        /// The file.
        file: PathBuf,
        /// What it is instead (`a FIFO (named pipe)`, `a socket`, ...).
        kind: &'static str,
    },
    /// Reading or holding the file would take the server past its memory budget.
    #[error("{}: {what}", file.display())]
    OverBudget {
        /// The file being read or parsed.
        file: PathBuf,
        /// How much was needed and what the budget is.
        what: String,
        /// The work can never fit in the budget, even alone (remembered like damage).
        never_fits: bool,
    },
    /// The same patch (by its id) is listed twice in the inventories.
    #[error("{}: duplicate patch {id} (also listed in {})", file.display(), first.display())]
    DuplicatePatch {
        /// The inventory listing it the second time.
        file: PathBuf,
        /// The inventory listing it first.
        first: PathBuf,
        /// The patch id.
        id: String,
    },
    /// An inventory that continues an older one (`Starting with inventory:`) does not start
    /// with the tag that closes the older one, as darcs requires.
    #[error("{}: continues inventory {parent} but does not start with a tag", file.display())]
    MissingTag {
        /// The inventory.
        file: PathBuf,
        /// The inventory it continues.
        parent: String,
    },
    /// An earlier failure reading this file, remembered until the file changes.
    #[error("{message}")]
    Remembered {
        /// The file.
        file: PathBuf,
        /// The original error's message.
        message: String,
    },
}

/// A word of a file quoted in a message: at most 40 bytes (then `…`), lossy UTF-8, so a
/// message never carries more than a token of any file.
pub fn quote_word(w: &[u8]) -> String {
    let cut = w.len() > 40;
    let s = String::from_utf8_lossy(&w[..w.len().min(40)]).into_owned();
    if cut {
        format!("{s:?}…")
    } else {
        format!("{s:?}")
    }
}

/// `s` cut to at most `n` characters (then `…`), for names quoted in messages.
pub fn clip(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A bad hash as shown in messages: quoted only when it is made of hash-like characters
/// (a message never quotes arbitrary file content).
fn shown_hash(h: &str) -> String {
    if h.len() <= 80 && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        format!("{h:?}")
    } else {
        format!("({} bytes that are not a hash)", h.len())
    }
}

fn missing_message(file: &Path, searched: &[PathBuf]) -> String {
    if searched.is_empty() {
        format!("{}: missing", file.display())
    } else {
        let others: Vec<String> = searched.iter().map(|p| p.display().to_string()).collect();
        format!("{}: missing (also looked in {})", file.display(), others.join(", "))
    }
}

impl Error {
    /// A `Malformed` error at byte `offset` of `data` (the line number is computed here).
    pub fn malformed(file: &Path, data: &[u8], offset: usize, what: impl Into<String>) -> Error {
        let end = offset.min(data.len());
        let line = 1 + data.get(..end).map_or(0, |d| d.iter().filter(|&&b| b == b'\n').count());
        Error::Malformed { file: file.to_path_buf(), line, offset, what: what.into() }
    }

    /// An `Io` error, or `MissingFile` when the error is "not found".
    pub fn io(file: &Path, source: std::io::Error) -> Error {
        if source.kind() == std::io::ErrorKind::NotFound {
            Error::MissingFile { file: file.to_path_buf(), searched: Vec::new() }
        } else {
            Error::Io { file: file.to_path_buf(), source }
        }
    }

    /// An `OverBudget` error while reading or parsing `file`.
    pub fn over_budget(file: &Path, b: super::budget::OverBudget) -> Error {
        let what = if b.never_fits() {
            format!("{b}: more than the whole budget, so it is not read")
        } else {
            format!("{b}: other work holds it; try again")
        };
        Error::OverBudget { file: file.to_path_buf(), what, never_fits: b.never_fits() }
    }

    /// Whether this error may go away by itself (the memory budget was exhausted by
    /// other work): such errors are never remembered.
    pub fn is_transient(&self) -> bool {
        matches!(self, Error::OverBudget { never_fits: false, .. })
    }

    /// The same error again (for remembering a failure): same message, same file.
    pub fn remembered(&self) -> Error {
        match self {
            Error::UnsupportedFormat(m) => Error::UnsupportedFormat(m.clone()),
            Error::Unsupported(m) => Error::Unsupported(m.clone()),
            Error::NotFound(m) => Error::NotFound(m.clone()),
            e => {
                Error::Remembered { file: e.file().map(Path::to_path_buf).unwrap_or_default(), message: e.to_string() }
            }
        }
    }

    /// The file this error is about, if any.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Error::Io { file, .. }
            | Error::MissingFile { file, .. }
            | Error::BadGzip { file, .. }
            | Error::HashMismatch { file, .. }
            | Error::SizeMismatch { file, .. }
            | Error::TooLarge { file, .. }
            | Error::Malformed { file, .. }
            | Error::BadHash { file, .. }
            | Error::InventoryCycle { file, .. }
            | Error::InfoMismatch { file, .. }
            | Error::NonUtf8 { file, .. }
            | Error::Escapes { file }
            | Error::NotRegular { file, .. }
            | Error::OverBudget { file, .. }
            | Error::DuplicatePatch { file, .. }
            | Error::MissingTag { file, .. }
            | Error::Remembered { file, .. } => Some(file),
            Error::UnsupportedFormat(_) | Error::Unsupported(_) | Error::NotFound(_) => None,
        }
    }
}
