//! The verified core through the FFI: results the theory defines, errors instead of
//! crashes, and many tokio tasks calling at once (one owner thread serialises them).

use darcsweb::core::{self, CoreError, Node, Tree};
use darcsweb::darcs::prim::{Path, Prim};

fn p(s: &str) -> Path {
    s.split('/').map(|c| c.as_bytes().to_vec()).collect()
}

fn lines(v: &[&str]) -> Vec<Vec<u8>> {
    v.iter().map(|l| l.as_bytes().to_vec()).collect()
}

fn hunk(f: &str, line: u32, old: &[&str], new: &[&str]) -> Prim {
    Prim::Hunk { path: p(f), line, old: lines(old), new: lines(new) }
}

#[test]
fn apply_hunks_follows_darcs_line_model() {
    // empty file -> "hello\nworld\n": darcs records `hunk 1 +hello +world`
    let out = core::apply_hunks(&p("a.txt"), b"", &[hunk("a.txt", 1, &[], &["hello", "world"])]).unwrap();
    assert_eq!(out, b"hello\nworld\n");
    // removing the final newline is removing the last, empty, piece
    let out = core::apply_hunks(&p("a.txt"), b"x\ny\n", &[hunk("a.txt", 3, &[""], &[])]).unwrap();
    assert_eq!(out, b"x\ny");
}

#[test]
fn a_hunk_whose_old_lines_differ_does_not_apply() {
    let err = core::apply_hunks(&p("a.txt"), b"one\ntwo\n", &[hunk("a.txt", 1, &["ONE"], &["1"])]).unwrap_err();
    assert!(matches!(err, CoreError::DoesNotApply { prim: 0, .. }), "{err:?}");
}

#[test]
fn apply_then_invert_gives_back_the_tree() {
    let prims = vec![
        Prim::AddDir(p("d")),
        Prim::AddFile(p("d/f")),
        hunk("d/f", 1, &[""], &["a", "b", ""]),
        Prim::Move { from: p("d"), to: p("e") },
        hunk("e/f", 2, &["b"], &["B"]),
    ];
    let empty = Tree::new();
    let t = core::apply(&empty, &prims).unwrap();
    assert_eq!(t.get(&p("e/f")), Some(&Node::File(b"a\nB\n".to_vec())));
    assert_eq!(t.get(&p("e")), Some(&Node::Dir));
    assert_eq!(t.len(), 2);
    let inv = core::invert(&prims).unwrap();
    assert_eq!(inv.len(), prims.len());
    assert_eq!(inv[0], hunk("e/f", 2, &["B"], &["b"]));
    assert_eq!(core::apply(&t, &inv).unwrap(), empty);
    assert_eq!(core::invert(&inv).unwrap(), prims);
}

#[test]
fn hunks_commute_with_line_offsets() {
    // p inserts two lines at 1; q edits line 10 (of the state after p)
    let pp = vec![hunk("f", 1, &[], &["x", "y"])];
    let q = vec![hunk("f", 10, &["old"], &["new"])];
    let (q2, p2) = core::commute(&pp, &q).unwrap().expect("independent hunks commute");
    assert_eq!(q2, vec![hunk("f", 8, &["old"], &["new"])]);
    assert_eq!(p2, pp);
    // overlapping hunks do not commute
    let q = vec![hunk("f", 2, &["y"], &["z"])];
    assert_eq!(core::commute(&pp, &q).unwrap(), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_tasks_call_the_core_at_once() {
    let mut handles = Vec::new();
    for i in 0..64u32 {
        handles.push(tokio::spawn(async move {
            core::spawn(move || {
                let pp = vec![hunk("f", 1, &[], &["x"])];
                let q = vec![hunk("f", 5 + i, &["a"], &["b"])];
                let (q2, p2) = core::commute(&pp, &q)?.expect("commutes");
                assert_eq!(q2, vec![hunk("f", 4 + i, &["a"], &["b"])]);
                assert_eq!(p2, pp);
                let content: Vec<u8> = (0..i + 3).flat_map(|k| format!("l{k}\n").into_bytes()).collect();
                let out = core::apply_hunks(&p("f"), &content, &[hunk("f", 1, &[], &["top"])])?;
                assert!(out.starts_with(b"top\nl0\n"));
                Ok::<_, CoreError>(i)
            })
            .await
        }));
    }
    let mut done = 0;
    for h in handles {
        h.await.unwrap().unwrap();
        done += 1;
    }
    assert_eq!(done, 64);
}

#[test]
fn malformed_requests_are_errors_not_crashes() {
    // a hunk at line 0 is outside darcs' 1-based numbering
    let r = core::apply_hunks(&p("a"), b"x", &[hunk("a", 0, &["x"], &[])]);
    assert!(r.is_err());
}

/// Requests for the conflictor layers (ops 10 and 11), the effects (ops 20, 21, 23) and
/// the coverage (op 22) that are truncated or carry unknown tags are answered with an
/// error (status 2), never a crash.
#[test]
fn malformed_conflictor_requests_are_errors() {
    let le = |v: u32| v.to_le_bytes().to_vec();
    let cases: Vec<Vec<u8>> = vec![
        [le(10), le(3)].concat(),                               // three patches announced, none sent
        [le(11), le(1), le(1), vec![9]].concat(),               // a darcs-2 patch with an unknown tag
        [le(10), le(1), le(1), vec![7]].concat(),               // a darcs-3 patch with an unknown tag
        [le(11), le(1), le(1), vec![1], le(u32::MAX)].concat(), // a NON context of 4 billion patches
        [le(20), le(1), vec![9]].concat(),                      // op 20: an unknown darcs-2 tag
        [le(21), le(2), vec![0]].concat(),                      // op 21: truncated
        [le(23), le(1), vec![3]].concat(),                      // op 23: an unknown darcs-1 tag
        [le(22), le(0), le(1)].concat(),                        // op 22: one patch announced, none sent
    ];
    for req in cases {
        let resp = core::call_raw(req.clone());
        assert_eq!(resp.first(), Some(&2), "request {req:?} answered {resp:?}");
    }
}

/// A darcs-2 history whose duplicates nest 200 levels deep (each one's context holds the
/// next) is "unsupported" (past the model's 64 levels), never a crash.
#[test]
fn deeply_nested_darcs2_contexts_are_bounded() {
    use darcsweb::darcs::patch::{Non, RepoPatch};
    let h = hunk("f", 1, &[], &["x"]);
    let mut nested = Non { context: vec![], prim: h.clone() };
    for _ in 0..200 {
        nested = Non { context: vec![RepoPatch::Duplicate(nested)], prim: h.clone() };
    }
    let history = vec![
        core::Named2 { patches: vec![RepoPatch::Prim(Prim::AddFile(p("f")))], deps: vec![] },
        core::Named2 { patches: vec![RepoPatch::Prim(h.clone())], deps: vec![] },
        core::Named2 { patches: vec![RepoPatch::Duplicate(nested)], deps: vec![] },
    ];
    match core::dependencies2_offloaded(&history) {
        Err(core::CoreError::Unsupported(why)) => assert!(why.contains("64 levels"), "{why}"),
        other => panic!("{other:?}"),
    }
}

/// The effect of a conflicted patch is the core's (ops 20, 21, 23, `theories/Effect.v`):
/// a darcs-2 conflictor undoes its `xx`, its inverse redoes it, a duplicate does nothing;
/// a darcs-3 conflictor has its stored effect; a darcs-1 merger of two prims undoes the
/// first and a regrem redoes it; a body of plain prims is itself.
#[test]
fn conflicted_effects_come_from_the_core() {
    use darcsweb::core::effect::of_body;
    use darcsweb::darcs::patch::{Contexted, NamedPrim, Non, PrimId, RepoPatch};
    let a = hunk("f", 1, &["x"], &["a"]);
    let b = hunk("f", 2, &[], &["b"]);
    let inv = |h: &Prim| match h.clone() {
        Prim::Hunk { path, line, old, new } => Prim::Hunk { path, line, old: new, new: old },
        _ => unreachable!(),
    };
    let non = |q: &Prim| Non { context: vec![], prim: q.clone() };
    // darcs-2: the conflictor undoes [a; b] (inverse sequence: b undone first)
    let conf = RepoPatch::Conflictor { ix: vec![], xx: vec![a.clone(), b.clone()], x: non(&a) };
    let body = vec![RepoPatch::Prim(Prim::AddFile(p("g"))), conf, RepoPatch::Duplicate(non(&b))];
    assert_eq!(of_body(&body).unwrap(), vec![Prim::AddFile(p("g")), inv(&b), inv(&a)]);
    let rot = RepoPatch::InvConflictor { ix: vec![], xx: vec![a.clone(), b.clone()], x: non(&a) };
    assert_eq!(of_body(&[rot, RepoPatch::Etacilpud(non(&b))]).unwrap(), vec![a.clone(), b.clone()]);
    // darcs-3: the stored effect, identities dropped
    let id = |n: i64, q: &Prim| NamedPrim { id: PrimId { index: n, patch_id: "1".repeat(40) }, prim: q.clone() };
    let ctx = |q: NamedPrim| Contexted { context: vec![], patch: q };
    let conf3 = RepoPatch::Conflictor3 { effect: vec![id(-1, &inv(&a))], conflicts: vec![], identity: ctx(id(2, &b)) };
    assert_eq!(of_body(&[conf3, RepoPatch::Named(id(3, &b))]).unwrap(), vec![inv(&a), b.clone()]);
    // darcs-1: a merger of two prims undoes its first; a regrem is its inverse
    let merger = |first: &Prim, second: &Prim| RepoPatch::Merger {
        version: b"0.0".to_vec(),
        first: Box::new(RepoPatch::Prim(first.clone())),
        second: Box::new(RepoPatch::Prim(second.clone())),
    };
    let regrem = RepoPatch::Regrem {
        version: b"0.0".to_vec(),
        first: Box::new(RepoPatch::Prim(a.clone())),
        second: Box::new(RepoPatch::Prim(b.clone())),
    };
    assert_eq!(of_body(&[merger(&a, &b), RepoPatch::Prim(b.clone())]).unwrap(), vec![inv(&a), b.clone()]);
    assert_eq!(of_body(&[regrem]).unwrap(), vec![a.clone()]);
    let nested = RepoPatch::Merger {
        version: b"0.0".to_vec(),
        first: Box::new(RepoPatch::Prim(a.clone())),
        second: Box::new(merger(&a, &b)),
    };
    assert!(matches!(of_body(&[nested]), Err(CoreError::Unsupported(m)) if m.contains("merger")));
    // plain prims, no core call needed: themselves
    assert_eq!(of_body(&[RepoPatch::Prim(a.clone()), RepoPatch::Prim(b.clone())]).unwrap(), vec![a, b]);
}

/// Op 22 classifies each patch against the laws' hypotheses from the tree the replay
/// reached (`Strict.coverage_spec`): strict apply succeeds and no hunk is empty, or
/// darcs' non-strict apply was needed (first failing prim named), or an empty hunk.
#[test]
fn coverage_classifies_each_patch() {
    use darcsweb::core::coverage::{coverage, Class};
    use darcsweb::core::Named;
    let base: Tree = [(p("f"), Node::File(b"x".to_vec()))].into_iter().collect();
    let named = |prims: Vec<Prim>| Named { prims, deps: vec![] };
    let patches = vec![
        named(vec![hunk("f", 1, &["x"], &["a"])]),                        // inside
        named(vec![Prim::AddFile(p("g")), hunk("f", 1, &["a"], &[])]),    // f loses its last piece
        named(vec![hunk("f", 1, &[], &[])]),                              // an empty hunk
        named(vec![Prim::AddDir(p("d")), hunk("d/h", 1, &[], &["new"])]), // a hunk creates d/h
    ];
    let (classes, tree) = coverage(&base, &patches).unwrap();
    assert_eq!(
        classes,
        vec![
            Class { non_strict_at: None, empty_hunk: false },
            Class { non_strict_at: Some(1), empty_hunk: false },
            Class { non_strict_at: None, empty_hunk: true },
            Class { non_strict_at: Some(1), empty_hunk: false },
        ]
    );
    assert_eq!(classes.iter().filter(|c| c.inside()).count(), 1);
    // darcs' apply went on: the tree is op 1's
    let all: Vec<Prim> = patches.iter().flat_map(|n| n.prims.clone()).collect();
    assert_eq!(tree, core::apply(&base, &all).unwrap());
    assert_eq!(tree.get(&p("f")), Some(&Node::File(Vec::new())));
    assert_eq!(tree.get(&p("d/h")), Some(&Node::File(b"new\n".to_vec())));
    // a patch that does not apply at all: its index and the failing prim's
    let bad = vec![patches[0].clone(), named(vec![Prim::AddDir(p("e")), Prim::RmFile(p("nope"))])];
    assert!(matches!(coverage(&base, &bad), Err(CoreError::DoesNotApply { patch: 1, prim: 1, .. })));
}
