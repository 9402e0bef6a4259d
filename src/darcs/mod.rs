//! Pure, read-only parsing of darcs repositories in darcs 2.16's on-disk formats:
//! format, inventories, patch files (darcs-1/2/3), the pristine tree and bundles.
//! Nothing here writes to a repository, panics on bad input, or applies patches
//! (that is the verified core's job).

pub mod budget;
pub mod bundle;
pub mod error;
pub mod escape;
pub mod files;
pub mod format;
pub mod hash;
pub mod info;
pub mod inventory;
mod parse;
pub mod patch;
pub mod prim;
pub mod pristine;
pub mod rebase;
pub mod render;
pub mod repository;
pub mod summary;

pub use error::{Error, Result};
pub use format::{FormatInfo, RepoFormat};
pub use hash::{Kind, Limits, SizeHash, Store};
pub use info::PatchInfo;
pub use inventory::{Entry, Inventory};
pub use patch::{NamedPatch, RepoPatch};
pub use prim::{Line, Path, Prim};
pub use pristine::{EntryKind, Pristine, Tree, TreeEntry, WalkEntry};
pub use repository::{Options, Repository};
