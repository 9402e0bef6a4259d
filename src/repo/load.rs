//! The repository layer's window on the parser (`crate::darcs`): inventories, patch
//! files and their effects. The effect of a conflicted patch (darcs-1 mergers, darcs-2
//! conflictors and duplicates, darcs-3 conflictors) is computed by the verified core
//! (ops 20, 21, 23).

use std::path::Path as FsPath;

use super::{RepoError, Result};
use crate::core;
use crate::darcs::budget::{self, Grant};
use crate::darcs::error::Error;
use crate::darcs::files::RepoDir;
use crate::darcs::format::{read_format_in, FormatInfo};
use crate::darcs::hash::{Kind, Limits, Store};
use crate::darcs::info::PatchInfo;
use crate::darcs::inventory::read_inventory;
use crate::darcs::patch::NamedPatch;
use crate::darcs::prim::Prim;

/// Read-only access to one repository's files.
pub(crate) struct Loader {
    pub store: Store,
    pub format: FormatInfo,
}

impl Loader {
    pub fn open(dir: &FsPath) -> Result<Loader> {
        let dir = RepoDir::open(dir);
        let format = read_format_in(&dir)?;
        Ok(Loader { store: Store::open_in(dir, Limits::default(), Vec::new()), format })
    }

    /// Every patch (info, patch file name), oldest first, and the pristine root hash.
    pub fn inventory(&self) -> Result<(Vec<(PatchInfo, String)>, String)> {
        let inv = read_inventory(&self.store)?;
        Ok((inv.entries.into_iter().map(|e| (e.info, e.patch_file)).collect(), inv.pristine))
    }

    /// A patch file: its decompressed bytes (darcs' own text form) and its parse.
    pub fn named(&self, file: &str) -> Result<(Vec<u8>, NamedPatch)> {
        self.named_charged(file).map(|(d, np, _)| (d, np))
    }

    /// [`Loader::named`], with the memory the patch takes once parsed (an estimate from
    /// its size and lines, [`budget::lines_cost`]) taken from the budget *before* it is
    /// parsed: a small file that unfolds into millions of lines is refused up front.
    pub fn named_charged(&self, file: &str) -> Result<(Vec<u8>, NamedPatch, Grant<'static>)> {
        let (data, mut grant) = self.store.read_charged(Kind::Patches, file)?;
        let path = self.store.local_path(Kind::Patches, file);
        let lines = data.iter().filter(|&&b| b == b'\n').count() as u64;
        let cost = budget::lines_cost(data.len() as u64, lines);
        grant.grow_to(cost).map_err(|b| Error::over_budget(&path, b))?;
        let np = NamedPatch::parse(&data, self.format.format, &path)?;
        Ok((data, np, grant))
    }

    /// The effect of a patch as prims: its prims when it has no conflictor or duplicate,
    /// else the verified core's answer ([`core::effect::of_body`]); a darcs-1 merger of
    /// mergers is [`RepoError::Unsupported`].
    pub fn effect(&self, np: &NamedPatch) -> Result<Vec<Prim>> {
        core::effect::of_body(&np.body).map_err(|e| match e {
            core::CoreError::Unsupported(why) => RepoError::Unsupported(why),
            e => RepoError::Core(e),
        })
    }
}
