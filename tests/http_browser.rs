//! The pages in a real browser (Debian's headless chromium through chromedriver): what a
//! person sees on the index, summary, log, patch, tree, file and annotate pages, at
//! desktop (1280×900) and phone (390×844) width, with screenshots of each written to
//! `target/screenshots/`. Also: no horizontal overflow on a phone, a visible keyboard
//! focus, and the pure-CSS side-by-side diff toggle.

use crate::common;
use crate::http_util;
#[path = "browser/webdriver.rs"]
mod webdriver;

use webdriver::{screenshot_dir, Driver};

struct Page {
    name: &'static str,
    path: String,
    /// Texts a person must see.
    see: Vec<String>,
}

fn pages() -> Vec<Page> {
    let corpus = common::corpus();
    let log = http_util::parse_log_xml(&std::fs::read_to_string(corpus.join("expected/prims-d2/log.xml")).unwrap());
    let edit = log.iter().find(|p| p.name == "edit hunks").unwrap().hash.clone();
    let g = std::fs::read_to_string(corpus.join("expected/prims-d2/annotate-g.txt")).unwrap();
    let g_first_hash = g[..8].to_string();
    let g_first_line = g.lines().next().unwrap().split(" | ").nth(1).unwrap().trim_end().to_string();
    let motd = std::fs::read_to_string(corpus.join("repos/prims-d2/_darcs/prefs/motd")).unwrap();
    vec![
        Page { name: "index", path: "/".into(), see: vec!["Repositories".into(), "prims-d2".into(), "big-d2".into()] },
        Page {
            name: "summary",
            path: "/prims-d2".into(),
            see: vec!["darcs clone".into(), motd.trim().to_string(), "Latest patches".into()],
        },
        Page {
            name: "log",
            path: "/prims-d2/log".into(),
            see: vec!["add text files".into(), "edit hunks".into(), "page 1 of 1".into()],
        },
        Page {
            name: "patch",
            path: format!("/prims-d2/patch/{edit}"),
            see: vec!["edit hunks".into(), "Dependencies".into(), "Changes".into(), "as recorded".into()],
        },
        Page {
            name: "tree",
            path: "/prims-d2/tree/head/".into(),
            see: vec!["g.txt".into(), "moved-dir/".into(), "history".into()],
        },
        Page {
            name: "file",
            path: "/prims-d2/tree/head/g.txt".into(),
            see: vec![g_first_line.clone(), "annotate".into(), "raw".into()],
        },
        Page { name: "annotate", path: "/prims-d2/annotate/head/g.txt".into(), see: vec![g_first_hash, g_first_line] },
        Page {
            name: "big-log",
            path: "/big-d2/log?page=2".into(),
            see: vec!["page 2 of".into(), "older".into(), "newer".into()],
        },
    ]
}

#[test]
fn pages_in_a_real_browser() {
    let corpus = common::corpus();
    let addr = http_util::serve(&[corpus.join("repos")]);
    let base = format!("http://{addr}");
    let pages = pages();
    let driver = Driver::start();
    let shots = screenshot_dir();
    for (label, w, h) in [("desktop", 1280u32, 900u32), ("phone", 390, 844)] {
        let s = driver.session(w, h);
        for p in &pages {
            s.open(&format!("{base}{}", p.path));
            let text = s.text();
            assert!(
                !text.contains("Internal Server Error") && !text.contains("Not Found"),
                "{} ({label}): an error page:\n{text}",
                p.name
            );
            for want in &p.see {
                assert!(
                    text.contains(want.as_str()),
                    "{} ({label}): {want:?} is not visible; the page shows:\n{text}",
                    p.name
                );
            }
            // the stylesheet applied (CSP allows it): the header bar has its background
            let bg = s.eval("return getComputedStyle(document.querySelector('header.site')).backgroundColor");
            assert_ne!(bg.as_str(), Some("rgba(0, 0, 0, 0)"), "{}: stylesheet not applied", p.name);
            if label == "phone" {
                let overflow = s.eval("return document.documentElement.scrollWidth - window.innerWidth");
                assert!(overflow.as_i64().unwrap_or(0) <= 1, "{} on a phone scrolls sideways by {overflow}px", p.name);
            }
            let file = shots.join(format!("{}-{label}.png", p.name));
            let (sw, _) = s.screenshot(&file);
            assert!(sw >= w.min(390) - 20 && sw <= w + 20, "{}: screenshot width {sw}", p.name);
            assert!(std::fs::metadata(&file).unwrap().len() > 2000, "{}: empty screenshot", p.name);
        }
        // keyboard: the skip link takes focus first and the focus is drawn
        s.open(&format!("{base}/prims-d2/log"));
        let outline = s.eval(
            "document.querySelector('a.skip').focus(); return getComputedStyle(document.activeElement).outlineStyle",
        );
        assert_eq!(outline.as_str(), Some("solid"), "visible focus");
        // side by side: a link to the other form, one form per page
        s.open(&format!("{base}{}", pages[3].path));
        assert_eq!(s.eval("return document.querySelectorAll('table.diff.sbs').length").as_i64(), Some(0));
        let link = s.eval("return document.querySelector('nav.views a[href$=\"view=split\"]') !== null");
        assert_eq!(link.as_bool(), Some(true), "a link to the side-by-side form");
        s.open(&format!("{base}{}?view=split", pages[3].path));
        assert!(s.eval("return document.querySelectorAll('table.diff.sbs').length").as_i64().unwrap_or(0) > 0);
        assert_eq!(s.eval("return document.querySelectorAll('table.diff.uni').length").as_i64(), Some(0));
        s.screenshot(&shots.join(format!("patch-side-by-side-{label}.png")));
    }
}

/// The pages the issue asked for, as a new user sees them: a README rendered on the
/// summary, a highlighted file, a big patch with its files collapsed, a conflicted patch
/// and a log page with counts, on a desktop, a phone, and in dark mode.
#[test]
fn new_pages_in_a_real_browser_light_and_dark() {
    let corpus = common::corpus();
    let addr = http_util::serve(&[corpus.join("repos")]);
    let base = format!("http://{addr}");
    let find = |repo: &str, name: &str| {
        let log = http_util::parse_log_xml(
            &std::fs::read_to_string(corpus.join("expected").join(repo).join("log.xml")).unwrap(),
        );
        log.into_iter().find(|p| p.name == name).unwrap().hash
    };
    let big = find("pages-d2", "import 22,000 generated lines");
    let conflict = find("conflicts-unresolved-d2", "B two");
    let a_two = find("conflicts-unresolved-d2", "A two");
    let pages: Vec<(&str, String, Vec<String>)> = vec![
        ("readme-summary", "/pages-d2".into(), vec!["Pages fixture".into(), "Usage".into(), "guide".into()]),
        ("highlighted-file", "/pages-d2/tree/head/src/main.c".into(), vec!["static int step1(int x)".into()]),
        ("big-patch", format!("/pages-d2/patch/{big}"), vec!["big/part1.c".into(), "+8000".into()]),
        (
            "conflicted-patch",
            format!("/conflicts-unresolved-d2/patch/{conflict}"),
            vec!["Conflicts with".into(), a_two[..8].to_string()],
        ),
        ("log-counts", "/prims-d2/log".into(), vec!["files".into(), "ago|just now".into()]),
    ];
    let driver = Driver::start();
    let shots = screenshot_dir();
    for (label, w, h, dark) in [
        ("desktop", 1280u32, 900u32, false),
        ("phone", 390, 844, false),
        ("dark", 1280, 900, true),
        ("phone-dark", 390, 844, true),
    ] {
        let s = driver.session(w, h);
        s.dark(dark);
        for (name, path, see) in &pages {
            s.open(&format!("{base}{path}"));
            let text = s.text();
            // "a|b": either (a relative time is "just now" for a fixture built a minute ago)
            for want in see {
                let seen = want.split('|').any(|w| text.contains(w));
                assert!(seen, "{name} ({label}): {want:?} is not visible:\n{text}");
            }
            let bg = s.eval("return getComputedStyle(document.body).backgroundColor");
            let is_dark = bg.as_str() == Some("rgb(13, 17, 23)");
            assert_eq!(is_dark, dark, "{name} ({label}): background {bg}");
            if w < 500 {
                let overflow = s.eval("return document.documentElement.scrollWidth - window.innerWidth");
                assert!(overflow.as_i64().unwrap_or(0) <= 1, "{name} on a phone scrolls sideways by {overflow}px");
            }
            if *name == "big-patch" {
                let open = s.eval("return document.querySelectorAll('details.file[open]').length");
                assert_eq!(open.as_i64(), Some(0), "the big patch's files start collapsed");
            }
            if *name == "readme-summary" {
                let img = s.eval("return document.querySelector('.markdown img').naturalWidth");
                assert_eq!(img.as_i64(), Some(32), "the README's relative image loads");
            }
            // show the part the page is about
            let part = match *name {
                "readme-summary" => Some("section.readme"),
                "big-patch" => Some("section.files"),
                "conflicted-patch" => Some("section.conflicts"),
                _ => None,
            };
            if let Some(sel) = part {
                s.eval(&format!("document.querySelector('{sel}').scrollIntoView(); return 0"));
            }
            let file = shots.join(format!("{name}-{label}.png"));
            s.screenshot(&file);
            assert!(std::fs::metadata(&file).unwrap().len() > 2000, "{name}: empty screenshot");
        }
    }
}
