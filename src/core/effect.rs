//! The effect of a named patch on the tree, from its repository patches as parsed:
//! computed by the verified core (ops 20, 21 and 23, `theories/Effect.v`), never in Rust.
//!
//! A body of plain prims is its own effect (`Effect.effects1_prims`, `effects2_prims`,
//! `effects3_prims`), so such a patch, the common case, needs no core call. A darcs-1
//! merger (or regrem) of two prims goes to op 23; a merger with a merger as argument
//! needs darcs-1 commutation, which the core does not model: its effect is
//! [`CoreError::Unsupported`].

use std::collections::HashMap;

use super::wire::Enc;
use super::{enc_contexted3, enc_nprim, enc_rp2, run, Contexted3, CoreError, NPrim};
use crate::darcs::patch::{Contexted, NamedPrim, RepoPatch};
use crate::darcs::prim::Prim;

const OP_EFFECT2: u32 = 20;
const OP_EFFECT3: u32 = 21;
const OP_EFFECT1: u32 = 23;

/// What [`of_body`] says of a darcs-1 merger that has a merger as argument.
pub const MERGER_UNSUPPORTED: &str =
    "the effect of a darcs-1 merger of mergers: it needs darcs-1 commutation, which the verified core does not model";

/// The effect of a named patch whose body (repository patches, in order) is `body`.
pub fn of_body(body: &[RepoPatch]) -> Result<Vec<Prim>, CoreError> {
    if let Some(prims) = plain(body) {
        return Ok(prims);
    }
    if body.iter().any(|p| matches!(p, RepoPatch::Merger { .. } | RepoPatch::Regrem { .. })) {
        return effect1(body);
    }
    if body.iter().any(|p| matches!(p, RepoPatch::Named(_) | RepoPatch::Conflictor3 { .. })) {
        effect3(body)
    } else {
        effect2(body)
    }
}

/// The prims of a body of plain prims (darcs-1/2 prims, darcs-3 prims with their
/// identities dropped); `None` when it holds anything else.
fn plain(body: &[RepoPatch]) -> Option<Vec<Prim>> {
    body.iter()
        .map(|p| match p {
            RepoPatch::Prim(p) => Some(p.clone()),
            RepoPatch::Named(n) => Some(n.prim.clone()),
            _ => None,
        })
        .collect()
}

/// Op 23: the effect of darcs-1 repository patches (prims, and mergers and regrems of
/// two prims).
fn effect1(body: &[RepoPatch]) -> Result<Vec<Prim>, CoreError> {
    let mut e = Enc::new(OP_EFFECT1);
    e.len(body.len())?;
    for p in body {
        match p {
            RepoPatch::Prim(p) => {
                e.u8(0);
                e.prim(p)?;
            }
            RepoPatch::Merger { version, first, second } | RepoPatch::Regrem { version, first, second } => {
                if version.as_slice() != b"0.0" {
                    // darcs: "Cannot handle mergers other than version 0.0"
                    return Err(CoreError::Unsupported(format!(
                        "a darcs-1 merger of version {} (darcs reads only 0.0)",
                        String::from_utf8_lossy(&version[..version.len().min(16)])
                    )));
                }
                match (first.as_ref(), second.as_ref()) {
                    (RepoPatch::Prim(p1), RepoPatch::Prim(p2)) => {
                        e.u8(if matches!(p, RepoPatch::Merger { .. }) { 1 } else { 2 });
                        e.prim(p1)?;
                        e.prim(p2)?;
                    }
                    _ => return Err(CoreError::Unsupported(MERGER_UNSUPPORTED.into())),
                }
            }
            other => {
                return Err(CoreError::Unsupported(format!("a {} patch in a darcs-1 patch", other.kind_name())));
            }
        }
    }
    run(e, |d| d.prims())
}

/// Op 20: the effect of darcs-2 repository patches (prims, duplicates, conflictors and
/// their inverses).
fn effect2(body: &[RepoPatch]) -> Result<Vec<Prim>, CoreError> {
    let mut e = Enc::new(OP_EFFECT2);
    e.len(body.len())?;
    for p in body {
        enc_rp2(&mut e, p)?;
    }
    run(e, |d| d.prims())
}

/// Op 21: the effect of darcs-3 repository patches (prims with identities, conflictors).
fn effect3(body: &[RepoPatch]) -> Result<Vec<Prim>, CoreError> {
    let mut ids = Ids::default();
    let mut e = Enc::new(OP_EFFECT3);
    e.len(body.len())?;
    for p in body {
        match p {
            RepoPatch::Named(p) => {
                e.u8(0);
                enc_nprim(&mut e, &ids.nprim(p))?;
            }
            RepoPatch::Conflictor3 { effect, conflicts, identity } => {
                e.u8(1);
                e.len(effect.len())?;
                for p in effect {
                    enc_nprim(&mut e, &ids.nprim(p))?;
                }
                e.len(conflicts.len())?;
                for c in conflicts {
                    enc_contexted3(&mut e, &ids.contexted(c))?;
                }
                enc_contexted3(&mut e, &ids.contexted(identity))?;
            }
            other => {
                return Err(CoreError::Unsupported(format!("a {} patch in a darcs-3 patch", other.kind_name())));
            }
        }
    }
    run(e, |d| d.prims())
}

/// Numbers for the patch ids of darcs-3 prim identities (equal ids, equal numbers), as
/// the wire format of op 10 and 21 wants them.
#[derive(Default)]
struct Ids(HashMap<String, u32>);

impl Ids {
    fn nprim(&mut self, p: &NamedPrim) -> NPrim {
        let n = self.0.len() as u32;
        NPrim {
            inverse: p.id.index < 0,
            position: p.id.index.unsigned_abs().min(u64::from(u32::MAX)) as u32,
            patch: *self.0.entry(p.id.patch_id.clone()).or_insert(n),
            prim: p.prim.clone(),
        }
    }

    fn contexted(&mut self, c: &Contexted) -> Contexted3 {
        Contexted3 { context: c.context.iter().map(|p| self.nprim(p)).collect(), patch: self.nprim(&c.patch) }
    }
}
