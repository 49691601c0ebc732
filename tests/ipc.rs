//! The commands as the webview calls them, through Tauri's mock runtime: real core, real SQLite
//! file, no window.

use serde_json::{Value, json};

use crate::test_app::TestApp;

#[test]
fn keeping_as_a_free_user_answers_premium_required_in_the_agreed_json_shape() {
    let app = TestApp::start(false);
    let draft = app.draft_with_items("Road trip", 2);
    let error = app
        .call("keep_bundle", json!({ "bundleId": draft["id"] }))
        .expect_err("free cannot keep");
    assert_eq!(error["code"], "premium_required");
    assert!(
        error["message"]
            .as_str()
            .expect("message")
            .contains("Premium")
    );
    assert_eq!(error["capability"], "keep_bundle");
    assert_eq!(
        error.as_object().expect("object").len(),
        3,
        "only code, message and capability: {error}"
    );
    assert_eq!(app.kept_rows(), 0);
    // Any other error is code and message only.
    let error = app
        .call(
            "get_bundle",
            json!({ "bundleId": uuid::Uuid::now_v7().to_string() }),
        )
        .expect_err("unknown");
    assert_eq!(
        error.as_object().expect("object").len(),
        2,
        "only code and message: {error}"
    );
}

#[test]
fn keeping_from_the_webview_while_free_is_refused_even_in_demo_mode() {
    let app = TestApp::start(true);
    let draft = app.draft_with_items("Console", 1);
    let error = app
        .call("keep_bundle", json!({ "bundleId": draft["id"] }))
        .expect_err("still free");
    assert_eq!(error["code"], "premium_required");
    assert_eq!(app.kept_rows(), 0);
}

#[test]
fn a_demo_session_switched_to_premium_keeps_bundles() {
    let app = TestApp::start(true);
    assert_eq!(app.ok("session_info", json!({}))["demo"], true);
    let session = app.ok("set_demo_tier", json!({ "tier": "premium" }));
    assert_eq!(session["access"]["tier"], "premium");
    let draft = app.draft_with_items("Mix", 3);
    let entries = app.entries(&draft);
    let kept = app.ok("keep_bundle", json!({ "bundleId": draft["id"] }));
    assert_eq!(kept["state"], "kept");
    assert_eq!(kept["entryCount"], 3);
    assert_eq!(app.entries(&kept), entries);
    assert_eq!(app.kept_rows(), 1);
    assert!(
        !app.dir.path().join("strand.sqlite").exists(),
        "the demo made or wrote the person's library"
    );
}

#[test]
fn the_tier_cannot_be_switched_outside_demo_mode() {
    let app = TestApp::start(false);
    let error = app
        .call("set_demo_tier", json!({ "tier": "premium" }))
        .expect_err("not a demo");
    assert_eq!(error["code"], "forbidden");
    assert_eq!(app.ok("session_info", json!({}))["access"]["tier"], "free");
}

#[test]
fn moving_an_entry_through_ipc_reorders_the_bundle() {
    let app = TestApp::start(false);
    let draft = app.draft_with_items("Order", 3);
    let before = app.entries(&draft);
    app.ok(
        "move_entries",
        json!({ "bundleId": draft["id"], "entryIds": [before[2]["id"]], "after": null }),
    );
    let after = app.entries(&draft);
    assert_eq!(after[0]["id"], before[2]["id"]);
    assert_eq!(after[0]["position"], 0);
    assert_eq!(after[1]["id"], before[0]["id"]);
}

#[test]
fn adding_an_item_twice_answers_duplicate_unless_anyway() {
    let app = TestApp::start(false);
    let draft = app.draft_with_items("Twice", 1);
    let item = app.entries(&draft)[0]["item"]["id"].clone();
    let error = app
        .call(
            "add_entry",
            json!({ "bundleId": draft["id"], "itemId": item, "anyway": false }),
        )
        .expect_err("asks first");
    assert_eq!(error["code"], "duplicate");
    let added = app.ok(
        "add_entry",
        json!({ "bundleId": draft["id"], "itemId": item, "anyway": true }),
    );
    assert_eq!(added["entryCount"], 2);
}

#[test]
fn an_item_dropped_from_the_library_lands_where_it_was_dropped() {
    let app = TestApp::start(false);
    let draft = app.draft_with_items("Dropped onto", 2);
    let before = app.entries(&draft);
    let items = app.ok("list_items", json!({ "offset": 0, "limit": 3 }));
    let item = items["items"][2]["id"].clone();
    app.ok(
        "add_entry_after",
        json!({ "bundleId": draft["id"], "itemId": item, "after": before[0]["id"], "anyway": false }),
    );
    app.ok(
        "add_entry_after",
        json!({ "bundleId": draft["id"], "itemId": item, "after": null, "anyway": true }),
    );
    let items_in_order: Vec<_> = app
        .entries(&draft)
        .as_array()
        .expect("entries")
        .iter()
        .map(|entry| entry["item"]["id"].clone())
        .collect();
    assert_eq!(
        items_in_order,
        [
            item.clone(),
            before[0]["item"]["id"].clone(),
            item,
            before[1]["item"]["id"].clone()
        ]
    );
}

#[test]
fn unknown_ids_answer_not_found() {
    let app = TestApp::start(false);
    let unknown = uuid::Uuid::now_v7().to_string();
    let error = app
        .call("get_bundle", json!({ "bundleId": unknown }))
        .expect_err("unknown");
    assert_eq!(error["code"], "not_found");
}

#[test]
fn empty_and_ten_megabyte_names_answer_invalid_and_create_nothing() {
    let app = TestApp::start(false);
    for name in [String::new(), "x".repeat(10 * 1024 * 1024)] {
        let error = app
            .call("create_bundle", json!({ "name": name }))
            .expect_err("bad name");
        assert_eq!(error["code"], "invalid");
    }
    assert_eq!(app.ok("list_bundles", json!({})), json!([]));
}

#[test]
fn malformed_payloads_are_refused_with_a_message_and_change_nothing() {
    let app = TestApp::start(false);
    for (cmd, args) in [
        ("get_bundle", json!({ "bundleId": "not-a-uuid" })),
        ("create_bundle", json!({ "name": 42 })),
        (
            "move_entries",
            json!({ "bundleId": uuid::Uuid::now_v7(), "entryIds": [uuid::Uuid::now_v7()], "after": 7 }),
        ),
        ("set_demo_tier", json!({ "tier": "platinum" })),
        ("list_items", json!({})),
        (
            "bundle_entries",
            json!({ "bundleId": uuid::Uuid::now_v7(), "offset": -1, "limit": 10 }),
        ),
    ] {
        let error = app.call(cmd, args).expect_err("malformed");
        assert!(
            error
                .as_str()
                .is_some_and(|message| message.contains("invalid")),
            "{cmd}: {error}"
        );
    }
    assert_eq!(app.ok("list_bundles", json!({})), json!([]));
}

#[test]
fn a_forged_licence_through_ipc_answers_invalid_and_stays_free() {
    let app = TestApp::start(false);
    let error = app
        .call("activate_licence", json!({ "key": "STRAND1.eyJ9.AAAA" }))
        .expect_err("forged");
    assert_eq!(error["code"], "invalid");
    assert_eq!(app.ok("session_info", json!({}))["access"]["tier"], "free");
}

#[test]
fn switching_the_policy_through_ipc_changes_the_plan_map_and_the_gate_together() {
    let app = TestApp::start(true);
    let keep_rule = |app: &TestApp| {
        let map = app.ok("plan_map", json!({}));
        map.as_array()
            .expect("rows")
            .iter()
            .find(|row| row["capability"] == "keep_bundle")
            .map(|row| row["rule"]["kind"].clone())
    };
    assert_eq!(keep_rule(&app), Some(json!("premium")));
    app.ok("set_demo_policy", json!({ "policy": "edit-is-premium" }));
    assert_eq!(keep_rule(&app), Some(json!("free")));
    let draft = app.draft_with_items("Free keep", 1);
    assert_eq!(
        app.ok("keep_bundle", json!({ "bundleId": draft["id"] }))["state"],
        "kept"
    );
}

#[test]
fn demo_time_travel_is_forbidden_outside_demo_mode() {
    let app = TestApp::start(false);
    let error = app
        .call("time_travel", json!({ "days": 15 }))
        .expect_err("not a demo");
    assert_eq!(error["code"], "forbidden");
}

#[test]
fn searching_through_ipc_treats_query_syntax_as_text() {
    let app = TestApp::start(false);
    for text in ["\"", "NEAR(", "amber AND", "x".repeat(10_000).as_str()] {
        let results = app.ok(
            "search_items",
            json!({ "text": text, "kind": null, "limit": 50 }),
        );
        assert!(results["items"].is_array(), "{results}");
    }
    let songs = app.ok(
        "search_items",
        json!({ "text": "amber", "kind": "song", "limit": 50 }),
    );
    let items = songs["items"].as_array().expect("items");
    assert!(!items.is_empty() && items.iter().all(|item| item["kind"] == "song"));
}

#[test]
fn a_bundle_deleted_through_ipc_waits_in_the_trash_until_restored() {
    let app = TestApp::start(false);
    let draft = app.draft_with_items("Binned", 1);
    app.ok("delete_bundle", json!({ "bundleId": draft["id"] }));
    assert_eq!(app.ok("list_bundles", json!({})), json!([]));
    assert_eq!(app.ok("list_trash", json!({}))[0]["name"], "Binned");
    let restored = app.ok("restore_bundle", json!({ "bundleId": draft["id"] }));
    assert_eq!(restored, draft);
    let error = app
        .call("restore_bundle", json!({ "bundleId": draft["id"] }))
        .expect_err("not in the trash");
    assert_eq!(error["code"], "not_found");
}

#[test]
fn exporting_answers_before_any_dialog_for_unknown_bundles_and_unknown_formats() {
    let app = TestApp::start(false);
    let unknown = uuid::Uuid::now_v7().to_string();
    let error = app
        .call(
            "export_bundle",
            json!({ "bundleId": unknown, "format": "m3u8", "relativePaths": true }),
        )
        .expect_err("unknown bundle");
    assert_eq!(error["code"], "not_found");
    let draft = app.draft_with_items("Mix", 1);
    let error = app
        .call(
            "export_bundle",
            json!({ "bundleId": draft["id"], "format": "docx", "relativePaths": false }),
        )
        .expect_err("unknown format");
    assert!(
        error
            .as_str()
            .is_some_and(|message| message.contains("invalid")),
        "{error}"
    );
}

#[test]
fn cancelling_when_no_import_runs_is_harmless() {
    let app = TestApp::start(false);
    assert_eq!(app.ok("cancel_import", json!({})), Value::Null);
    assert_eq!(app.ok("list_bundles", json!({})), json!([]));
}

#[test]
fn a_bundle_emptied_from_the_trash_comes_back_from_its_restore_point_through_ipc() {
    let app = TestApp::start(true);
    app.ok("set_demo_tier", json!({ "tier": "premium" }));
    let draft = app.draft_with_items("Months of work", 2);
    let kept = app.ok("keep_bundle", json!({ "bundleId": draft["id"] }));
    app.ok("delete_bundle", json!({ "bundleId": kept["id"] }));
    app.ok("empty_trash", json!({}));
    let points = app.ok("restore_points", json!({}));
    let point = &points.as_array().expect("points")[0];
    assert_eq!(point["reason"], "empty_trash");
    assert_eq!(point["bundles"], 0, "the bundle was in the trash then");

    let error = app
        .call("restore_library", json!({ "name": "../strand.sqlite" }))
        .expect_err("not a restore point");
    assert_eq!(error["code"], "not_found");
    let after = app.ok("restore_library", json!({ "name": point["name"] }));
    assert_eq!(after.as_array().expect("points")[0]["reason"], "restore");
    let trash = app.ok("list_trash", json!({}));
    assert_eq!(
        trash.as_array().expect("trash").len(),
        1,
        "back in the trash"
    );
}

#[test]
fn the_check_at_start_through_ipc_finds_a_sound_library_and_makes_todays_restore_point() {
    let app = TestApp::start(false);
    let health = app.ok("check_library", json!({}));
    assert_eq!(
        health,
        json!({ "problems": [], "readOnly": false, "restorePoint": null })
    );
    let points = app.ok("restore_points", json!({}));
    assert_eq!(points.as_array().expect("points").len(), 1);
    assert_eq!(points[0]["reason"], "daily");
    assert_eq!(app.ok("library_health", json!({})), health);
}

#[test]
fn a_persons_library_starts_empty_and_the_sample_goes_in_and_out_through_ipc() {
    let app = TestApp::on_a_new_library(false);
    let page = app.ok("list_items", json!({ "offset": 0, "limit": 10 }));
    assert_eq!((&page["total"], &page["sample"]), (&json!(0), &json!(0)));
    let added = app.ok("add_sample", json!({}));
    assert_eq!(added, json!(strand_core::catalogue::SAMPLE_SIZE));
    let again = app.call("add_sample", json!({})).expect_err("twice");
    assert_eq!(again["code"], "conflict");
    let removal = app.ok("remove_sample", json!({}));
    assert_eq!(
        removal,
        json!({ "removed": strand_core::catalogue::SAMPLE_SIZE, "kept": 0 })
    );
}

#[test]
fn drafts_a_crash_left_behind_are_offered_and_brought_back_through_ipc() {
    let dir = tempfile::tempdir().expect("temp dir");
    let strand = strand_core::Strand::open(
        &dir.path().join("strand.sqlite"),
        strand_core::StrandOptions::default(),
    )
    .expect("open");
    strand.add_sample().expect("sample");
    let item = strand.items(0, 1).expect("items").items[0].id;
    let draft = strand.create_bundle("Before the crash").expect("draft");
    strand.add_entry(draft.id, item, false).expect("thread");
    // Dropped without end_session: what a crash leaves.
    drop(strand);

    let app = TestApp::on(dir, false);
    let offered = app.ok("drafts_left_behind", json!({}));
    assert_eq!(offered[0]["name"], "Before the crash");
    assert_eq!(offered[0]["entryCount"], 1);
    assert_eq!(offered[0]["lastTime"], false);
    assert_eq!(app.ok("list_bundles", json!({})), json!([]));
    assert_eq!(app.ok("bring_back_drafts", json!({})), 1);
    assert_eq!(app.ok("list_bundles", json!({}))[0]["state"], "draft");
    assert_eq!(app.ok("drafts_left_behind", json!({})), json!([]));
    assert_eq!(app.ok("let_drafts_go", json!({})), 0);
}
