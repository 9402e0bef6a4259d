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
    crate::common::core_workers();
    // empty file -> "hello\nworld\n": darcs records `hunk 1 +hello +world`
    let out = core::apply_hunks(&p("a.txt"), b"", &[hunk("a.txt", 1, &[], &["hello", "world"])]).unwrap();
    assert_eq!(out, b"hello\nworld\n");
    // removing the final newline is removing the last, empty, piece
    let out = core::apply_hunks(&p("a.txt"), b"x\ny\n", &[hunk("a.txt", 3, &[""], &[])]).unwrap();
    assert_eq!(out, b"x\ny");
}

#[test]
fn a_hunk_whose_old_lines_differ_does_not_apply() {
    crate::common::core_workers();
    let err = core::apply_hunks(&p("a.txt"), b"one\ntwo\n", &[hunk("a.txt", 1, &["ONE"], &["1"])]).unwrap_err();
    assert!(matches!(err, CoreError::DoesNotApply { prim: 0, .. }), "{err:?}");
}

#[test]
fn apply_then_invert_gives_back_the_tree() {
    crate::common::core_workers();
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
    crate::common::core_workers();
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
    crate::common::core_workers();
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
    crate::common::core_workers();
    // a hunk at line 0 is outside darcs' 1-based numbering
    let r = core::apply_hunks(&p("a"), b"x", &[hunk("a", 0, &["x"], &[])]);
    assert!(r.is_err());
}

/// Requests for the conflictor layers (ops 10 and 11), the effects (ops 20, 21, 23) and
/// the coverage (op 22) that are truncated or carry unknown tags are answered with an
/// error (status 2), never a crash.
#[test]
fn malformed_conflictor_requests_are_errors() {
    crate::common::core_workers();
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
    crate::common::core_workers();
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
    match core::dependencies2(&history) {
        Err(core::CoreError::Unsupported(why)) => assert!(why.contains("64 levels"), "{why}"),
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// The pruned ops (12 to 16): summaries, the dependencies of one patch, a file and its
// annotation from the patches of its lineage. Each answer is compared with the unpruned
// op on random histories, and "need patch j" is checked when too few patches are sent.

use darcsweb::core::pruned::{self, DepsEntry, FileEntry, Pruned};
use darcsweb::core::Named;
use proptest::prelude::*;

#[test]
fn touched_summarises_paths() {
    crate::common::core_workers();
    let patch = Named {
        prims: vec![
            Prim::AddDir(p("d")),
            Prim::AddFile(p("d/f")),
            hunk("d/f", 1, &[], &["x"]),
            Prim::Move { from: p("b"), to: p("a/c") },
            hunk("z", 1, &["x"], &["y"]),
            Prim::ChangePref { name: b"n".to_vec(), old: vec![], new: vec![] },
        ],
        deps: vec![],
    };
    let tag = Named { prims: vec![], deps: vec![0] };
    let out = pruned::touched(&[patch, tag]).unwrap();
    // sorted; d/f is below d and left out; a preference change touches nothing
    assert_eq!(out, vec![vec![p("a/c"), p("b"), p("d"), p("z")], vec![]]);
}

/// Two paths are related when one is a prefix of the other (componentwise).
fn related(a: &Path, b: &Path) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

fn meets(xs: &[Path], ys: &[Path]) -> bool {
    xs.iter().any(|x| ys.iter().any(|y| related(x, y)))
}

/// All dependencies of every patch (the transitive closure of the direct ones), descending.
fn closures(direct: &[Vec<u32>]) -> Vec<Vec<u32>> {
    let mut all: Vec<Vec<u32>> = Vec::new();
    for d in direct {
        let mut set = std::collections::BTreeSet::new();
        for &j in d {
            set.insert(j);
            set.extend(all[j as usize].iter().copied());
        }
        all.push(set.into_iter().rev().collect());
    }
    all
}

/// What the server does for op 13: send in full every earlier patch whose summary meets
/// the paths gathered so far (the patch's own, grown by every patch sent in full) or that
/// the patch explicitly depends on, the others summarised; on "need j", send j in full
/// too and retry. Returns the answer and the number of retries.
fn deps_of_as_server(ps: &[Named], sums: &[Vec<Path>], all: &[Vec<u32>], k: usize) -> (pruned::PatchDeps, usize) {
    let mut full = vec![false; k];
    let mut gathered = sums[k].clone();
    let mut explicit: Vec<u32> = ps[k].deps.clone();
    for j in (0..k).rev() {
        if meets(&sums[j], &gathered) || explicit.contains(&(j as u32)) {
            full[j] = true;
            gathered.extend(sums[j].iter().cloned());
            explicit.extend(ps[j].deps.iter().copied());
        }
    }
    let mut retries = 0;
    loop {
        let entries: Vec<DepsEntry> = (0..k)
            .map(|j| if full[j] { DepsEntry::Full(&ps[j], &all[j]) } else { DepsEntry::Skip(&sums[j]) })
            .collect();
        match pruned::deps_of(&ps[k], &entries).unwrap() {
            Pruned::Done(d) => return (d, retries),
            Pruned::Need(j) => {
                assert!(!full[j as usize], "need {j}, which was sent in full");
                full[j as usize] = true;
                retries += 1;
            }
        }
    }
}

/// The paths a prim touches (the core's `touched_prim`).
fn prim_paths(q: &Prim) -> Vec<Path> {
    q.paths().cloned().collect()
}

/// What the server does for ops 14 and 15, the core's own rule: walk back from the end
/// with the path's lineage (the path, grown by the paths of every prim that meets it);
/// a patch with such a prim is sent in part (those prims, the others in summarised runs),
/// or in full when `full` says so; the others summarised.
fn lineage_entries<'a>(
    ps: &'a [Named],
    sums: &'a [Vec<Path>],
    pp: &'a [Vec<Vec<Path>>],
    path: &Path,
    full: bool,
) -> Vec<FileEntry<'a>> {
    let mut lineage = vec![path.clone()];
    let mut keep: Vec<Vec<bool>> = ps.iter().map(|p| vec![false; p.prims.len()]).collect();
    for j in (0..ps.len()).rev() {
        for (i, q) in ps[j].prims.iter().enumerate().rev() {
            let t = prim_paths(q);
            if meets(&t, &lineage) {
                keep[j][i] = true;
                lineage.extend(t);
            }
        }
    }
    (0..ps.len())
        .map(|j| {
            if !keep[j].iter().any(|k| *k) {
                FileEntry::Skip(&sums[j])
            } else if full {
                FileEntry::Full(&ps[j])
            } else {
                pruned::part(&ps[j].prims, &pp[j], |i| keep[j][i])
            }
        })
        .collect()
}

use crate::core_laws::prim_strategy;

/// A history that applies: candidates are kept when the core applies them, cut into
/// named patches of `sizes` prims; `tags` adds patches with no effect that explicitly
/// depend on some earlier patches (darcs' tags).
fn history(candidates: Vec<Prim>, sizes: Vec<usize>, tags: Vec<(usize, Vec<usize>)>) -> (Vec<Named>, Tree) {
    crate::common::core_workers();
    let mut tree = Tree::new();
    let mut seq = Vec::new();
    for p in candidates {
        if let Ok(t) = core::apply(&tree, std::slice::from_ref(&p)) {
            tree = t;
            seq.push(p);
        }
    }
    let mut ps: Vec<Named> = Vec::new();
    let mut rest = &seq[..];
    let mut sizes = sizes.into_iter().cycle();
    while !rest.is_empty() {
        let n = sizes.next().unwrap_or(1).clamp(1, rest.len());
        ps.push(Named { prims: rest[..n].to_vec(), deps: vec![] });
        rest = &rest[n..];
    }
    for (at, deps) in tags {
        // positions given in hundredths of the history
        let at = at * (ps.len() + 1) / 100;
        let deps: Vec<usize> = deps.into_iter().map(|d| d * at / 100).collect();
        // indices at or after `at` move one up; the tag depends on earlier patches only
        for p in ps.iter_mut().skip(at) {
            for d in p.deps.iter_mut() {
                if *d as usize >= at {
                    *d += 1;
                }
            }
        }
        let mut ds: Vec<u32> = deps.into_iter().filter(|&d| d < at).map(|d| d as u32).collect();
        ds.sort();
        ds.dedup();
        ps.insert(at, Named { prims: vec![], deps: ds });
    }
    (ps, tree)
}

fn history_strategy() -> impl Strategy<Value = (Vec<Named>, Tree)> {
    (
        prop::collection::vec(prim_strategy(), 1..300),
        prop::collection::vec(1usize..4, 1..6),
        prop::collection::vec((0usize..100, prop::collection::vec(0usize..100, 0..4)), 0..3),
    )
        .prop_map(|(c, s, t)| history(c, s, t))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 60, ..ProptestConfig::default() })]

    /// Op 7 (pruned inside the core) answers what darcs' walk without pruning answers
    /// (op 16), and op 13 gives every patch the same dependencies, with the server's
    /// selection of full patches (and its retries).
    #[test]
    fn pruned_dependencies_equal_unpruned((ps, _tree) in history_strategy()) {
        let full = pruned::dependencies_unpruned(&ps).unwrap();
        prop_assert_eq!(&core::dependencies(&ps).unwrap(), &full);
        let all = closures(&full);
        let sums = pruned::touched(&ps).unwrap();
        for k in 0..ps.len() {
            let (d, _retries) = deps_of_as_server(&ps, &sums, &all, k);
            prop_assert_eq!(&d.direct, &full[k], "direct dependencies of {}", k);
            prop_assert_eq!(&d.all, &all[k], "all dependencies of {}", k);
        }
    }

    /// Op 18 in stretches of any sizes (each after the answers of the stretches before
    /// it, as the server's graph job calls it) answers what darcs' walk without pruning
    /// answers (op 16): the direct dependencies, and the set of all of them.
    #[test]
    fn stretches_of_the_graph_equal_unpruned((ps, _tree) in history_strategy(), cuts in prop::collection::vec(1usize..40, 1..8)) {
        let full = pruned::dependencies_unpruned(&ps).unwrap();
        let all = closures(&full);
        let (mut direct, mut alls): (Vec<Vec<u32>>, Vec<Vec<u32>>) = (Vec::new(), Vec::new());
        let mut sizes = cuts.iter().cycle();
        while direct.len() < ps.len() {
            let a = direct.len();
            let b = (a + sizes.next().unwrap()).min(ps.len());
            let earlier: Vec<(&Named, &[u32])> = (0..a).map(|j| (&ps[j], &alls[j][..])).collect();
            let got = pruned::deps_range(&earlier, &ps[a..b]).unwrap();
            prop_assert_eq!(got.len(), b - a);
            for d in got {
                direct.push(d.direct);
                alls.push(d.all);
            }
        }
        prop_assert_eq!(&direct, &full);
        prop_assert_eq!(&alls, &all);
    }

    /// With every earlier patch summarised, op 13 either answers (nothing earlier meets
    /// the patch) or names a patch it needs; sending everything in full always answers.
    #[test]
    fn under_selected_dependencies_ask_for_a_patch((ps, _tree) in history_strategy()) {
        let full = pruned::dependencies_unpruned(&ps).unwrap();
        let all = closures(&full);
        let sums = pruned::touched(&ps).unwrap();
        for k in 0..ps.len() {
            let skips: Vec<DepsEntry> = (0..k).map(|j| DepsEntry::Skip(&sums[j])).collect();
            match pruned::deps_of(&ps[k], &skips).unwrap() {
                Pruned::Done(d) => prop_assert_eq!(&d.direct, &full[k]),
                Pruned::Need(j) => {
                    prop_assert!((j as usize) < k);
                    // the needed patch meets the target's paths or is one of its explicit dependencies
                    prop_assert!(meets(&sums[j as usize], &sums[k]) || ps[k].deps.contains(&j), "need {} for {}", j, k);
                }
            }
            let fulls: Vec<DepsEntry> = (0..k).map(|j| DepsEntry::Full(&ps[j], &all[j])).collect();
            prop_assert_eq!(pruned::deps_of(&ps[k], &fulls).unwrap(), Pruned::Done(pruned::PatchDeps { direct: full[k].clone(), all: all[k].clone() }));
        }
    }

    /// Ops 14 and 15 answer what ops 5 and 6 answer, for every path of the final tree,
    /// at every version, with the server's selection of the lineage's patches; with
    /// every patch summarised they ask for a patch or answer the same.
    #[test]
    fn pruned_file_at_and_annotate_equal_unpruned((ps, tree) in history_strategy()) {
        let sums = pruned::touched(&ps).unwrap();
        let pp = pruned::touched_prims(&ps).unwrap();
        prop_assert_eq!(pp.iter().map(|v| v.len()).collect::<Vec<_>>(), ps.iter().map(|p| p.prims.len()).collect::<Vec<_>>());
        let mut paths: Vec<Path> = tree.keys().cloned().collect();
        paths.push(p("a/zz"));
        for v in [ps.len(), ps.len() / 2] {
            let hist = &ps[..v];
            for path in &paths {
                for full in [true, false] {
                    let entries = lineage_entries(hist, &sums[..v], &pp[..v], path, full);
                    let want = core::file_at(hist, path);
                    let got = pruned::file_at_pruned(&entries, path).unwrap();
                    prop_assert_eq!(got, Pruned::Done(want.clone().unwrap()), "file_at {:?} at {}", path, v);
                    if let Ok(core::Lookup::File(_)) = want {
                        let want = core::annotate(hist, path).unwrap();
                        let got = pruned::annotate_pruned(&entries, path).unwrap();
                        prop_assert_eq!(got, Pruned::Done(want), "annotate {:?} at {}", path, v);
                    }
                }
                // a partial entry keeping too few prims asks for its patch
                for j in 0..v {
                    if hist[j].prims.len() < 2 { continue; }
                    let mut entries = lineage_entries(hist, &sums[..v], &pp[..v], path, false);
                    entries[j] = pruned::part(&hist[j].prims, &pp[j], |i| i % 2 == 0);
                    match pruned::file_at_pruned(&entries, path).unwrap() {
                        Pruned::Done(l) => prop_assert_eq!(l, core::file_at(hist, path).unwrap()),
                        Pruned::Need(k) => prop_assert_eq!(k as usize, j),
                    }
                }
                let skips: Vec<FileEntry> = sums[..v].iter().map(|s| FileEntry::Skip(s)).collect();
                match pruned::file_at_pruned(&skips, path).unwrap() {
                    Pruned::Need(j) => prop_assert!(meets(&sums[j as usize], std::slice::from_ref(path))),
                    Pruned::Done(l) => prop_assert_eq!(l, core::file_at(hist, path).unwrap()),
                }
            }
        }
    }
}

/// A file reached through a move needs the patches of its old name; a patch depends on
/// what its paths meet, and asks for it when it is only summarised.
#[test]
fn a_patch_on_the_lineage_is_needed() {
    crate::common::core_workers();
    let ps = vec![
        Named { prims: vec![Prim::AddFile(p("f"))], deps: vec![] },
        Named { prims: vec![Prim::AddFile(p("g")), hunk("g", 1, &[], &["x"])], deps: vec![] },
        Named { prims: vec![hunk("f", 1, &[], &["a"])], deps: vec![] },
        Named { prims: vec![Prim::Move { from: p("g"), to: p("h") }], deps: vec![] },
    ];
    let sums = pruned::touched(&ps).unwrap();
    // h's lineage goes through the move to g: patch 1 is needed, patches 0 and 2 are not
    let entries =
        [FileEntry::Skip(&sums[0]), FileEntry::Skip(&sums[1]), FileEntry::Skip(&sums[2]), FileEntry::Full(&ps[3])];
    assert_eq!(pruned::file_at_pruned(&entries, &p("h")).unwrap(), Pruned::Need(1));
    let entries =
        [FileEntry::Skip(&sums[0]), FileEntry::Full(&ps[1]), FileEntry::Skip(&sums[2]), FileEntry::Full(&ps[3])];
    assert_eq!(pruned::file_at_pruned(&entries, &p("h")).unwrap(), Pruned::Done(core::Lookup::File(b"x\n".to_vec())));
    let a = pruned::annotate_pruned(&entries, &p("h")).unwrap();
    assert_eq!(a, Pruned::Done(core::annotate(&ps, &p("h")).unwrap()));
    // patch 2 depends on patch 0 only; 1 and 3 are summarised
    let all = closures(&core::dependencies(&ps).unwrap());
    let earlier = [DepsEntry::Full(&ps[0], &all[0]), DepsEntry::Skip(&sums[1])];
    assert_eq!(
        pruned::deps_of(&ps[2], &earlier).unwrap(),
        Pruned::Done(pruned::PatchDeps { direct: vec![0], all: vec![0] })
    );
    let earlier = [DepsEntry::Skip(&sums[0]), DepsEntry::Skip(&sums[1])];
    assert_eq!(pruned::deps_of(&ps[2], &earlier).unwrap(), Pruned::Need(0));
}

/// The effect of a conflicted patch is the core's (ops 20, 21, 23, `theories/Effect.v`):
/// a darcs-2 conflictor undoes its `xx`, its inverse redoes it, a duplicate does nothing;
/// a darcs-3 conflictor has its stored effect; a darcs-1 merger of two prims undoes the
/// first and a regrem redoes it; a body of plain prims is itself.
#[test]
fn conflicted_effects_come_from_the_core() {
    crate::common::core_workers();
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
    crate::common::core_workers();
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
