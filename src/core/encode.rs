//! The wire encoding (`WIRE.md`) of the API's types: trees, named patches, darcs-2/3
//! repository patches, and the decoding of commutes and dependency lists.

use super::*;

pub(super) fn enc_tree(e: &mut Enc, t: &Tree) -> Result<(), TooLarge> {
    e.len(t.len())?;
    for (path, node) in t {
        e.path(path)?;
        match node {
            Node::Dir => e.u8(0),
            Node::File(c) => {
                e.u8(1);
                e.bytes(c)?;
            }
        }
    }
    Ok(())
}

pub(super) fn dec_tree(d: &mut Dec) -> Result<Tree, Malformed> {
    let n = d.u32()?;
    let mut t = Tree::new();
    for _ in 0..n {
        let p = d.path()?;
        let node = match d.u8()? {
            0 => Node::Dir,
            1 => Node::File(d.bytes()?),
            _ => return Err(Malformed("unknown node kind")),
        };
        t.insert(p, node);
    }
    Ok(t)
}

pub(super) fn enc_named(e: &mut Enc, ps: &[Named]) -> Result<(), TooLarge> {
    e.len(ps.len())?;
    for p in ps {
        e.prims(&p.prims)?;
        e.u32s(&p.deps)?;
    }
    Ok(())
}

pub(super) fn dec_commuted(d: &mut Dec) -> Result<Commuted, Malformed> {
    Ok(match d.u8()? {
        0 => None,
        _ => {
            let q = d.prims()?;
            let p = d.prims()?;
            Some((q, p))
        }
    })
}

pub(super) fn dec_deps(d: &mut Dec) -> Result<Vec<Vec<u32>>, Malformed> {
    let n = d.u32()?;
    (0..n).map(|_| d.u32s()).collect()
}

pub(super) fn enc_nprim(e: &mut Enc, p: &NPrim) -> Result<(), TooLarge> {
    e.u8(if p.inverse { 0 } else { 1 });
    e.u32(p.position);
    e.u32(p.patch);
    e.prim(&p.prim)
}

pub(super) fn enc_contexted3(e: &mut Enc, c: &Contexted3) -> Result<(), TooLarge> {
    e.len(c.context.len())?;
    for p in &c.context {
        enc_nprim(e, p)?;
    }
    enc_nprim(e, &c.patch)
}

pub(super) fn enc_named3(e: &mut Enc, ps: &[Named3]) -> Result<(), TooLarge> {
    e.len(ps.len())?;
    for n in ps {
        e.len(n.patches.len())?;
        for p in &n.patches {
            match p {
                Rp3::Prim(p) => {
                    e.u8(0);
                    enc_nprim(e, p)?;
                }
                Rp3::Conflictor { effect, conflicts, identity } => {
                    e.u8(1);
                    e.len(effect.len())?;
                    for p in effect {
                        enc_nprim(e, p)?;
                    }
                    e.len(conflicts.len())?;
                    for c in conflicts {
                        enc_contexted3(e, c)?;
                    }
                    enc_contexted3(e, identity)?;
                }
            }
        }
        e.u32s(&n.deps)?;
    }
    Ok(())
}

pub(super) fn enc_rp2(e: &mut Enc, p: &crate::darcs::patch::RepoPatch) -> Result<(), CoreError> {
    use crate::darcs::patch::RepoPatch as R;
    match p {
        R::Prim(p) => {
            e.u8(0);
            e.prim(p)?;
        }
        R::Duplicate(n) => {
            e.u8(1);
            enc_non(e, n)?;
        }
        R::Etacilpud(n) => {
            e.u8(2);
            enc_non(e, n)?;
        }
        R::Conflictor { ix, xx, x } | R::InvConflictor { ix, xx, x } => {
            e.u8(if matches!(p, R::Conflictor { .. }) { 3 } else { 4 });
            e.len(ix.len())?;
            for n in ix {
                enc_non(e, n)?;
            }
            e.prims(xx)?;
            enc_non(e, x)?;
        }
        other => return Err(CoreError::Unsupported(format!("a {} patch in a darcs-2 history", other.kind_name()))),
    }
    Ok(())
}

pub(super) fn enc_non(e: &mut Enc, n: &crate::darcs::patch::Non) -> Result<(), CoreError> {
    e.len(n.context.len())?;
    for p in &n.context {
        enc_rp2(e, p)?;
    }
    e.prim(&n.prim)?;
    Ok(())
}
