//! Follow every link of the site over several corpus repositories, as a crawler (or a
//! curious person) would: no page may fail with a server error. The only 5xx allowed is
//! 501 for versions after a darcs-1 nested merger (README, "Known differences"), and no
//! link is dead except "the same path at head" from an old version.

use crate::common;
use crate::http_util;

use std::collections::{BTreeMap, HashSet, VecDeque};

use http_util::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_linked_page_answers_without_a_server_error() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = common::corpus();
    for name in ["prims-d2", "prims-d3", "conflicts-d1", "conflicts-d2", "conflicts-d3", "rebase-d2"] {
        common::copy_dir(&corpus.join("repos").join(name), &tmp.path().join(name)).unwrap();
    }
    let app = app(&[tmp.path().to_path_buf()]);
    let mut seen: HashSet<String> = HashSet::from(["/".to_string()]);
    let mut queue: VecDeque<String> = VecDeque::from(["/".to_string()]);
    let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    while let Some(uri) = queue.pop_front() {
        let r = get(&app, &uri).await;
        let code = r.status.as_u16();
        *statuses.entry(code).or_default() += 1;
        let allowed = code < 500 || (code == 501 && uri.starts_with("/conflicts-d1/"));
        // a page at an old version links the same path at head, where it may be gone;
        // every other link must lead somewhere
        let dead_link = code == 404 && !uri.contains("/head/");
        if !allowed || dead_link {
            failures.push(format!("{code} {uri}: {}", r.text().chars().take(300).collect::<String>()));
        }
        if code != 200 || !r.header("content-type").starts_with("text/html") {
            continue;
        }
        for h in hrefs(&r.text()) {
            // snapshots and feeds are checked by http_routes; stay on the site
            if !h.starts_with('/') || h.starts_with("//") || h.contains("/snapshot/") || h.contains("/atom") {
                continue;
            }
            let h = h.split('#').next().unwrap_or("").to_string();
            if seen.insert(h.clone()) {
                queue.push_back(h);
            }
        }
    }
    let pages: usize = statuses.values().sum();
    eprintln!("crawled {pages} pages: {statuses:?}");
    assert!(pages > 1000, "the crawl reached only {pages} pages");
    assert!(failures.is_empty(), "{} server errors or dead links:\n{}", failures.len(), failures.join("\n"));
}
