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
    Hunk {
        /// The file changed.
        path: Path,
        /// The 1-based line where `old` starts, before the patch (where `new` starts, after it).
        line: u32,
        /// The lines removed (the `-` lines), without their `\n`.
        old: Vec<Line>,
        /// The lines added (the `+` lines), without their `\n`.
        new: Vec<Line>,
    },
    /// `addfile PATH`: create an empty file.
    AddFile(Path),
    /// `rmfile PATH`: remove an empty file.
    RmFile(Path),
    /// `adddir PATH`: create an empty directory.
    AddDir(Path),
    /// `rmdir PATH`: remove an empty directory.
    RmDir(Path),
    /// `move FROM TO`: rename a file or a directory with everything below it.
    Move {
        /// The path renamed.
        from: Path,
        /// Its new path; nothing may be there before.
        to: Path,
    },
    /// `replace PATH [TOKCHARS] OLD NEW`: token replace; `tokchars` without brackets.
    Replace {
        /// The file changed.
        path: Path,
        /// The characters tokens are made of, a regex character class body (e.g. `A-Za-z_0-9`).
        tokchars: Vec<u8>,
        /// The token replaced, at every whole-token occurrence.
        old: Vec<u8>,
        /// The token put in its place.
        new: Vec<u8>,
    },
    /// `binary PATH`: replace the whole content `old` by `new`.
    Binary {
        /// The file changed.
        path: Path,
        /// The whole content before (stored hex-encoded in the patch, decoded here).
        old: Vec<u8>,
        /// The whole content after (decoded likewise).
        new: Vec<u8>,
    },
    /// `changepref NAME`: change a repository preference (no effect on the tree).
    ChangePref {
        /// The preference's name (e.g. `test`, `boringfile`).
        name: Vec<u8>,
        /// Its value before.
        old: Vec<u8>,
        /// Its value after.
        new: Vec<u8>,
    },
}

impl Prim {
    /// The path a prim names and, for a move, the path it moves to (`None` for a
    /// preference change, which names no path).
    pub fn target(&self) -> Option<(&Path, Option<&Path>)> {
        match self {
            Prim::Hunk { path, .. }
            | Prim::AddFile(path)
            | Prim::RmFile(path)
            | Prim::AddDir(path)
            | Prim::RmDir(path)
            | Prim::Replace { path, .. }
            | Prim::Binary { path, .. } => Some((path, None)),
            Prim::Move { from, to } => Some((from, Some(to))),
            Prim::ChangePref { .. } => None,
        }
    }

    /// Every path the prim names (a move's both names, the old one first).
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.target().into_iter().flat_map(|(p, to)| std::iter::once(p).chain(to))
    }
}

/// Render a path as darcs displays it (`a/b c`, no `./`), lossy for non-UTF-8 bytes.
pub fn display_path(p: &Path) -> String {
    let parts: Vec<String> = p.iter().map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    parts.join("/")
}
