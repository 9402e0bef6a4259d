//! The pages beyond the basics, through the router on the test corpus: the patch page's
//! diff (one form at a time, files collapsed and large ones on their own page, function
//! context, word highlights), conflicts, short hashes, Markdown, highlighting, the log's
//! counts and search marks, navigation (previous/next, annotate before, head, the version
//! picker, tree listings compared with `darcs log`), error pages inside their repository,
//! and the API's dates and comments.

use crate::common;
use crate::http_util;

use std::path::PathBuf;
use std::sync::OnceLock;

use axum::Router;
use http_util::*;

fn corpus() -> PathBuf {
    common::corpus()
}

fn app() -> &'static Router {
    static APP: OnceLock<Router> = OnceLock::new();
    APP.get_or_init(|| http_util::app(&[corpus().join("repos")]))
}

/// (hash, name) of every patch of a corpus repository, newest first.
fn log(repo: &str) -> Vec<(String, String)> {
    let xml = std::fs::read_to_string(corpus().join("expected").join(repo).join("log.xml")).unwrap();
    parse_log_xml(&xml).into_iter().map(|p| (p.hash, p.name)).collect()
}

fn hash_of(repo: &str, name: &str) -> String {
    log(repo).into_iter().find(|(_, n)| n == name).unwrap_or_else(|| panic!("{repo}: no patch {name}")).0
}

async fn page(uri: &str) -> String {
    let r = get(app(), uri).await;
    assert_eq!(r.status, 200, "{uri}: {}", r.text());
    r.text()
}

#[tokio::test]
async fn a_patch_page_shows_one_form_with_hunks_functions_and_word_changes() {
    let h = hash_of("pages-d2", "edit step2 and step5");
    let t = page(&format!("/pages-d2/patch/{h}")).await;
    // two hunks in one file, each with its function, from the trees before and after
    assert!(t.contains("@@ -17,7 +17,7 @@ <span class=\"fn\">static int step2(int x)</span>"), "{t}");
    assert!(t.contains("<span class=\"fn\">static int step5(int x)</span>"), "{t}");
    assert!(t.contains("<mark>"), "word-level highlight");
    assert!(t.contains("class=\"hl-"), "highlighted diff");
    assert!(t.contains("table class=\"diff uni\"") && !t.contains("table class=\"diff sbs\""), "one form");
    assert!(!t.contains("class=\"prims\""), "the recorded form is its own view");
    let s = page(&format!("/pages-d2/patch/{h}?view=split")).await;
    assert!(s.contains("table class=\"diff sbs\"") && !s.contains("table class=\"diff uni\""));
    let r = page(&format!("/pages-d2/patch/{h}?view=recorded")).await;
    assert!(r.contains("hunk ./src/main.c 13") || r.contains("hunk ./src/main.c"), "{r}");
    assert_eq!(get(app(), &format!("/pages-d2/patch/{h}?view=nope")).await.status, 400);
    // the summary links each file, with counts and a bar
    assert!(t.contains("<a href=\"#f0\">src/main.c</a>") && t.contains("<td class=\"bar\""), "{t}");
    // previous and next patch, annotate before this patch (which answers)
    assert!(t.contains("rel=\"prev\"") && t.contains("rel=\"next\""));
    let before = hrefs(&t).into_iter().find(|x| x.contains("/annotate/")).expect("annotate before this patch");
    assert_eq!(get(app(), &before).await.status, 200, "{before}");
}

#[tokio::test]
async fn a_big_patch_is_small_collapsed_and_links_large_files() {
    let h = hash_of("pages-d2", "import 22,000 generated lines");
    let t = page(&format!("/pages-d2/patch/{h}")).await;
    assert!(t.len() < 200_000, "the page of a 22,000-line patch is {} bytes", t.len());
    assert!(t.contains("<details class=\"file\" id=\"f0\">"), "collapsed files");
    assert!(t.contains("+8000"), "counts");
    let own = hrefs(&t).into_iter().find(|x| x.contains("file=big/part1.c")).expect("own page link");
    let big = page(&own).await;
    assert_eq!(big.matches("<tr class=\"a\">").count(), 8000, "the whole file's diff on its own page");
    assert!(big.contains("All files of this patch"));
    assert_eq!(get(app(), &format!("/pages-d2/patch/{h}?file=nope.c")).await.status, 200);
}

#[tokio::test]
async fn moves_tags_and_unchanged_renames_have_no_empty_changes() {
    let t = page(&format!("/pages-d2/patch/{}", hash_of("pages-d2", "rename the guide"))).await;
    assert!(t.contains("moved from docs/guide.md") && t.contains("content is unchanged"), "{t}");
    let t = page(&format!("/pages-d2/patch/{}", hash_of("pages-d2", "rename lib.rs to util.rs and edit it"))).await;
    assert!(t.contains("from src/lib.rs") && t.contains("wrapping_sub"), "a rename with its edit");
    let t = page(&format!("/pages-d2/patch/{}", hash_of("pages-d2", "TAG v1.0"))).await;
    assert!(!t.contains("<h2>Changes</h2>") && !t.contains("<h2>Files"), "a tag has no changes section");
    assert!(t.contains("A tag depends explicitly on"), "tags explain their dependencies");
}

#[tokio::test]
async fn conflicted_patches_name_what_they_conflict_with() {
    for f in ["d1", "d2", "d3"] {
        let repo = format!("conflicts-unresolved-{f}");
        for (who, with) in [("B two", "A two"), ("B move g", "A move g"), ("B remove h", "A edit h")] {
            let t = page(&format!("/{repo}/patch/{}", hash_of(&repo, who))).await;
            assert!(t.contains("<h2>Conflicts</h2>"), "{repo} {who}");
            let section = t.split("<h2>Conflicts</h2>").nth(1).unwrap().split("</section>").next().unwrap();
            assert!(section.contains(&hash_of(&repo, with)[..8]), "{repo}: {who} conflicts with {with}:\n{section}");
        }
        let l = page(&format!("/{repo}/log")).await;
        assert!(l.contains("badge warn"), "{repo}: conflict marks in the log");
    }
    let t = page(&format!(
        "/conflicts-unresolved-d2/patch/{}",
        hash_of("conflicts-unresolved-d2", "B four (identical in A)")
    ))
    .await;
    assert!(
        t.contains("Repeats the change of")
            && t.contains(&hash_of("conflicts-unresolved-d2", "A four (identical in B)")[..8])
    );
}

#[tokio::test]
async fn short_hashes_redirect_and_bad_ones_explain() {
    let h = hash_of("pages-d2", "edit step2 and step5");
    for (uri, to) in [
        (format!("/pages-d2/patch/{}", &h[..8]), format!("/pages-d2/patch/{h}")),
        (format!("/pages-d2/patch/{}.diff", &h[..6]), format!("/pages-d2/patch/{h}.diff")),
        (format!("/pages-d2/patch/{}?view=split", &h[..8]), format!("/pages-d2/patch/{h}?view=split")),
        (format!("/pages-d2/tree/{}/src/main.c", &h[..8]), format!("/pages-d2/tree/{h}/src/main.c")),
        (format!("/pages-d2/annotate/{}/src/main.c", &h[..8]), format!("/pages-d2/annotate/{h}/src/main.c")),
        (format!("/api/pages-d2/patch/{}", &h[..8]), format!("/api/pages-d2/patch/{h}")),
    ] {
        let r = get(app(), &uri).await;
        assert_eq!((r.status.as_u16(), r.header("location")), (303, to), "{uri}");
    }
    assert_eq!(get(app(), &format!("/pages-d2/patch/{}", &h[..5])).await.status, 400);
    assert_eq!(get(app(), "/pages-d2/patch/0000000").await.status, 404);
}

#[tokio::test]
async fn dot_diff_is_plain_text_and_sandboxed() {
    let h = hash_of("pages-d2", "edit step2 and step5");
    let r = get(app(), &format!("/pages-d2/patch/{h}.diff")).await;
    assert_eq!(r.header("content-type"), "text/plain; charset=utf-8");
    assert!(r.header("content-security-policy").contains("sandbox"));
    let t = r.text();
    assert!(t.starts_with(&format!("patch {h}\nAuthor: ")), "{t}");
    assert!(t.contains("diff -rN -u old-pages-d2/src/main.c new-pages-d2/src/main.c\n--- old-pages-d2/src/main.c\t"));
}

#[tokio::test]
async fn readme_is_rendered_with_links_inside_the_repository() {
    let t = page("/pages-d2").await;
    assert!(t.contains("<div class=\"markdown\">") && t.contains("<h1 id=\"pages-fixture\">"), "{t}");
    assert!(t.contains("href=\"/pages-d2/tree/head/docs/guide.md\""), "relative link");
    assert!(t.contains("src=\"/pages-d2/raw/head/img/logo.png\""), "relative image");
    assert!(t.contains("href=\"#usage\"") && t.contains("id=\"usage\""), "anchors");
    assert!(!t.contains("<script") && !t.contains("javascript:") && !t.contains("alert(\"no"), "sanitised");
    assert!(t.contains("<table>") && t.contains("href=\"https://darcs.net/\""));
    let img = get(app(), "/pages-d2/raw/head/img/logo.png").await;
    assert_eq!(img.header("content-type"), "image/png");
    // the README itself: rendered, with a source view; a guide links back up
    let f = page("/pages-d2/tree/head/README.md").await;
    assert!(f.contains("<div class=\"markdown\">") && f.contains("?source=1"));
    let s = page("/pages-d2/tree/head/README.md?source=1").await;
    assert!(s.contains("id=\"L1\"") && s.contains("# Pages fixture"));
    let g = page("/pages-d2/tree/head/docs/manual.md").await;
    assert!(
        g.contains("href=\"/pages-d2/tree/head/README.md\"") && g.contains("src=\"/pages-d2/raw/head/img/logo.png\"")
    );
}

#[tokio::test]
async fn source_files_are_highlighted_and_text_files_are_not() {
    let t = page("/pages-d2/tree/head/src/main.c").await;
    assert!(t.contains("<span class=\"hl-t\">int</span>") && t.contains("class=\"hl-c\""), "highlighted C");
    assert!(!t.contains("style="), "no inline style");
    let a = page("/pages-d2/annotate/head/src/util.rs").await;
    assert!(a.contains("<span class=\"hl-k\">") || a.contains("<span class=\"hl-t\">"), "highlighted annotate");
    let p = page("/prims-d2/tree/head/g.txt").await;
    assert!(!p.contains("class=\"hl-"));
    // annotate is not offered for a binary file
    let b = page("/prims-d2/tree/head/image.png").await;
    assert!(!b.contains("/annotate/"), "no annotate link for a binary file");
}

#[tokio::test]
async fn the_log_counts_marks_and_jumps() {
    let t = page("/prims-d2/log").await;
    assert!(t.contains("<time datetime=\"20") && t.contains("UTC\">"), "relative dates with absolute ones on hover");
    assert!(t.contains("files</span>") || t.contains("file</span>"), "files per patch");
    assert!(t.contains("<span class=\"add\">+"), "lines per patch");
    assert!(t.contains("This patch has a long comment."), "the first line of a comment");
    let s = page("/prims-d2/log?q=HUNKS").await;
    assert!(s.contains("edit <mark>hunks</mark>"), "the match is marked");
    let c = page("/prims-d2/log?q=indented").await;
    assert!(c.contains("matched in the comment") && c.contains("<mark>indented</mark>"), "{c}");
    let b = page("/big-d2/log").await;
    assert!(b.contains("form class=\"jump\"") && b.contains("name=\"page\""));
    let b5 = page("/big-d2/log?page=5").await;
    assert!(b5.contains("page 5 of"));
}

#[tokio::test]
async fn navigation_head_picker_and_listings() {
    let (head, head_name) = log("pages-d2")[0].clone();
    for uri in
        ["/pages-d2/tree/head/", "/pages-d2/tree/head/src/main.c", "/pages-d2/annotate/head/src/main.c", "/pages-d2"]
    {
        let t = page(uri).await;
        assert!(t.contains(&format!("head is <a href=\"/pages-d2/patch/{head}\" title=\"{head_name}\">")), "{uri}");
    }
    let t = page("/pages-d2/tree/head/src/main.c").await;
    assert!(t.contains("<form class=\"picker\"") && t.contains("<option value=\"tag/v1.0\">tag v1.0</option>"));
    let r = get(app(), "/pages-d2/goto?kind=annotate&version=tag%2Fv1.0&path=src%2Fmain.c").await;
    assert_eq!((r.status.as_u16(), r.header("location").as_str()), (303, "/pages-d2/annotate/tag/v1.0/src/main.c"));
    assert_eq!(get(app(), "/pages-d2/goto?kind=x&version=head").await.status, 400);
    // listings: sizes, and the last patch touching each entry, as darcs log finds it
    let dir = corpus().join("repos/pages-d2");
    let t = page("/pages-d2/tree/head/").await;
    for entry in ["README.md", "big", "docs", "img", "src"] {
        let o = common::darcs(&["log", "--xml-output", "--max-count=1", entry], &dir);
        let newest = parse_log_xml(&String::from_utf8_lossy(&o.stdout)).remove(0);
        let row = t.split(&format!(">{entry}{}</a>", if entry.contains('.') { "" } else { "/" })).nth(1).unwrap();
        let row = row.split("</tr>").next().unwrap();
        assert!(
            row.contains(&format!("/pages-d2/patch/{}", newest.hash)),
            "{entry}: darcs says {}: {row}",
            newest.name
        );
    }
    assert!(t.contains("<td class=\"num size\">") && t.contains(" bytes</td>"));
    // a file gone since: the history's heading links to the last version that had it
    let l = page("/pages-d2/log?path=notes.txt").await;
    let link = hrefs(&l).into_iter().find(|x| x.contains("/tree/") && x.ends_with("notes.txt")).expect("heading link");
    assert!(!link.contains("/head/"));
    assert_eq!(get(app(), &link).await.status, 200);
}

#[tokio::test]
async fn error_pages_keep_the_repository_tabs() {
    let r = get(app(), "/pages-d2/tree/head/no-such-file").await;
    assert_eq!(r.status, 404);
    assert!(r.text().contains("<nav class=\"tabs\"") && r.text().contains("class=\"message\""));
    let r = get(app(), "/pages-d2/no-such-page").await;
    assert!(r.text().contains("<nav class=\"tabs\""));
    let r = get(app(), "/no-such-repo/log").await;
    assert!(!r.text().contains("<nav class=\"tabs\""));
}

#[tokio::test]
async fn api_dates_comments_and_pages() {
    let r = get(app(), "/api/prims-d2/log?limit=5&page=2").await;
    let j = r.json();
    assert_eq!(j["offset"], 5);
    let p = &j["patches"][0];
    let date = p["date"].as_str().unwrap();
    assert!(date.len() == 20 && date.ends_with('Z') && &date[10..11] == "T", "{date}");
    assert_eq!(p["date_darcs"].as_str().unwrap().len(), 14);
    let all = get(app(), "/api/prims-d2/log?limit=1000").await.json();
    for p in all["patches"].as_array().unwrap() {
        if let Some(c) = p["comment"].as_str() {
            assert!(!c.contains("Ignore-this:"), "{c}");
        }
    }
    assert_eq!(get(app(), "/api/prims-d2/log?page=1&offset=3").await.status, 400);
}

/// The page cache (`src/web/pages.rs`): a finished page is answered again from memory,
/// with the same bytes and `ETag` (and to `HEAD`), a patch recorded with darcs between two
/// requests shows on the next one (the pages are keyed by the repository state), and the
/// pages kept stay within their byte budget.
#[tokio::test]
async fn kept_pages_follow_a_new_patch_and_stay_within_their_budget() {
    use std::sync::Arc;
    use tower::ServiceExt;
    let (tmp, dir) = copy_repo(&corpus(), "pages-d2");
    let roots = [tmp.path().to_path_buf()];
    common::core_workers();
    let mut cfg = darcsweb::web::config::Config {
        roots: roots.to_vec(),
        base_url: Some("http://darcs.example".into()),
        ..Default::default()
    };
    cfg.cache.page_bytes = 256 * 1024;
    let state = Arc::new(darcsweb::web::AppState::new(darcsweb::repo::Registry::discover(&roots), cfg));
    let app = darcsweb::web::router(state.clone());
    let pages = ["/pages-d2/log", "/pages-d2/atom", "/pages-d2/tree/head/", "/pages-d2/tags", "/api/pages-d2/log"];
    for uri in pages {
        let (a, b) = (get(&app, uri).await, get(&app, uri).await);
        assert_eq!(a.status, 200, "{uri}: {}", a.text());
        assert_eq!((a.body.clone(), a.header("etag")), (b.body.clone(), b.header("etag")), "{uri}");
        assert!(b.header("etag").starts_with("W/\""), "{uri}");
        assert_eq!(a.header("cache-control"), b.header("cache-control"), "{uri}");
        if !uri.starts_with("/api/") {
            assert!(!b.header("content-security-policy").is_empty(), "{uri}");
        }
    }
    assert!(state.pages.entry_count() >= pages.len() as u64, "the pages are kept");
    // HEAD of a kept page: its length, no body
    let head = app
        .clone()
        .oneshot(axum::http::Request::head("/pages-d2/log").body(axum::body::Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(head.status(), 200);
    let len = get(&app, "/pages-d2/log").await.body.len().to_string();
    assert_eq!(head.headers().get("content-length").and_then(|v| v.to_str().ok()), Some(len.as_str()));
    use http_body_util::BodyExt;
    assert!(head.into_body().collect().await.unwrap().to_bytes().is_empty());
    // a patch recorded between two requests shows on the next one
    let ok = |o: std::process::Output| assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::write(dir.join("kept-probe.txt"), "probe\n").unwrap();
    ok(common::darcs(&["add", "kept-probe.txt"], &dir));
    ok(common::darcs(&["record", "-a", "--ignore-times", "-m", "a patch after the pages were kept"], &dir));
    for uri in ["/pages-d2/log", "/pages-d2/atom", "/api/pages-d2/log"] {
        let t = get(&app, uri).await.text();
        assert!(t.contains("a patch after the pages were kept"), "{uri} shows the new patch: {t}");
    }
    let t = get(&app, "/pages-d2/tree/head/").await.text();
    assert!(t.contains("kept-probe.txt"), "the tree at head shows the new file: {t}");
    // many pages, a budget of 256 KiB: what is kept stays within it
    for uri in log("pages-d2").iter().map(|(h, _)| format!("/pages-d2/patch/{h}")).chain(pages.map(String::from)) {
        for q in ["", "?view=split", "?view=recorded"] {
            get(&app, &format!("{uri}{q}")).await;
            assert!(state.pages.weighted_size() <= 256 * 1024, "{} bytes kept", state.pages.weighted_size());
        }
    }
}
