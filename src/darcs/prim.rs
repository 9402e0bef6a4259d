//! Primitive patches as parsed from darcs' on-disk format: the values handed to the
//! verified core (see `src/core/WIRE.md`). Paths are already unescaped.

/// A repository path as its components, raw bytes, without `.`/`..` (root = empty).
pub type Path = Vec<Vec<u8>>;

/// One line of a file in darcs' line model (the bytes between two `\n`).
pub type Line = Vec<u8>;

/// A darcs primitive patch (section 6 of darcs-format.md).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Prim {
    /// `hunk PATH LINE`: at 1-based `line`, replace the lines `old` by `new`.
    Hunk { path: Path, line: u32, old: Vec<Line>, new: Vec<Line> },
    /// `addfile PATH`: create an empty file.
    AddFile(Path),
    /// `rmfile PATH`: remove an empty file.
    RmFile(Path),
    /// `adddir PATH`: create an empty directory.
    AddDir(Path),
    /// `rmdir PATH`: remove an empty directory.
    RmDir(Path),
    /// `move FROM TO`: rename a file or a directory with everything below it.
    Move { from: Path, to: Path },
    /// `replace PATH [TOKCHARS] OLD NEW`: token replace; `tokchars` without brackets.
    Replace { path: Path, tokchars: Vec<u8>, old: Vec<u8>, new: Vec<u8> },
    /// `binary PATH`: replace the whole content `old` by `new`.
    Binary { path: Path, old: Vec<u8>, new: Vec<u8> },
    /// `changepref NAME`: change a repository preference (no effect on the tree).
    ChangePref { name: Vec<u8>, old: Vec<u8>, new: Vec<u8> },
}

/// Render a path as darcs displays it (`a/b c`, no `./`), lossy for non-UTF-8 bytes.
pub fn display_path(p: &Path) -> String {
    let parts: Vec<String> = p.iter().map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    parts.join("/")
}
