//! The bundled examples, as a new user meets them: created by the real darcs, served by
//! the router, with every patch of `darcs log` (name, author, date) on the log pages.

use crate::common;
use crate::http_util;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use darcsweb::repo::Registry;
use darcsweb::web::{config::Config, router, AppState};

async fn get(app: &axum::Router, uri: &str) -> (StatusCode, String) {
    let resp = app.clone().oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap()).await.unwrap();
    let status = resp.status();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// (name, author, date) of every patch, from `darcs log --xml-output`.
fn darcs_log(dir: &std::path::Path) -> Vec<(String, String, String)> {
    let o = common::darcs(&["log", "--xml-output"], dir);
    assert!(o.status.success());
    http_util::parse_log_xml(&String::from_utf8(o.stdout).unwrap())
        .into_iter()
        .map(|p| (p.name, p.author, p.date))
        .collect()
}

#[tokio::test]
async fn examples_are_served_with_the_patches_darcs_lists() {
    crate::common::core_workers();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("examples");
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/make-examples.sh");
    let st = std::process::Command::new("bash").arg(&script).arg(&dir).status().unwrap();
    assert!(st.success(), "make-examples.sh failed");

    let registry = Registry::discover(std::slice::from_ref(&dir));
    let names: Vec<String> = registry.list().iter().map(|r| r.name.clone()).collect();
    assert_eq!(names, ["hello", "notes"]);
    let app = router(Arc::new(AppState::new(registry, Config::default())));

    let (status, index) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    for n in &names {
        assert!(index.contains(&format!("href=\"/{n}\"")), "index lists {n}");
    }
    for n in &names {
        let (status, log) = get(&app, &format!("/{n}/log")).await;
        assert_eq!(status, StatusCode::OK, "/{n}/log");
        let log = http_util::unescape(&log);
        let expected = darcs_log(&dir.join(n));
        assert!(expected.len() >= 3);
        for (name, author, date) in expected {
            assert!(log.contains(&name.replace("TAG ", "")), "/{n}/log shows {name:?}");
            assert!(log.contains(&author), "/{n}/log shows author {author:?}");
            let shown = format!("{}-{}-{} {}:{}", &date[0..4], &date[4..6], &date[6..8], &date[8..10], &date[10..12]);
            assert!(log.contains(&shown), "/{n}/log shows date {shown}");
        }
    }
}
