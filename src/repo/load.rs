//! The repository layer's window on the parser (`crate::darcs`): inventories, patch
//! files and their effects. Inversions inside effects (darcs-2 conflictors) are
//! computed by the verified core.

use std::path::Path as FsPath;

use super::Result;
use crate::core;
use crate::darcs::format::{read_format, FormatInfo};
use crate::darcs::hash::{Kind, Limits, Store};
use crate::darcs::info::PatchInfo;
use crate::darcs::inventory::read_inventory;
use crate::darcs::patch::{EffectPart, NamedPatch};
use crate::darcs::prim::Prim;

/// Read-only access to one repository's files.
pub(crate) struct Loader {
    pub store: Store,
    pub format: FormatInfo,
}

impl Loader {
    pub fn open(dir: &FsPath) -> Result<Loader> {
        let format = read_format(dir)?;
        Ok(Loader { store: Store::open(dir, Limits::default(), Vec::new()), format })
    }

    /// Every patch (info, patch file name), oldest first, and the pristine root hash.
    pub fn inventory(&self) -> Result<(Vec<(PatchInfo, String)>, String)> {
        let inv = read_inventory(&self.store)?;
        Ok((inv.entries.into_iter().map(|e| (e.info, e.patch_file)).collect(), inv.pristine))
    }

    /// A patch file: its decompressed bytes (darcs' own text form) and its parse.
    pub fn named(&self, file: &str) -> Result<(Vec<u8>, NamedPatch)> {
        let data = self.store.read(Kind::Patches, file)?;
        let path = self.store.local_path(Kind::Patches, file);
        let np = NamedPatch::parse(&data, self.format.format, &path)?;
        Ok((data, np))
    }

    /// The effect of a patch as prims (inverse parts inverted by the core).
    pub fn effect(&self, np: &NamedPatch) -> Result<Vec<Prim>> {
        let mut out = Vec::new();
        for part in np.effect()? {
            match part {
                EffectPart::Prims(ps) => out.extend(ps),
                EffectPart::Inverse(ps) => out.extend(core::invert(&ps)?),
            }
        }
        Ok(out)
    }
}
