//! A person's own items through the commands the item editor, the library and its notices call.

use serde_json::{Value, json};

use crate::test_app::TestApp;

fn a_lamp() -> Value {
    json!({
        "kind": "product",
        "title": "Brass desk lamp",
        "creator": "Lumen & Co",
        "durationMs": null,
        "priceCents": 4950,
        "currency": "chf",
        "tags": ["home"],
        "sourceUri": "https://shop.example.org/lamp",
        "colour": "#aa7733"
    })
}

fn library_size(app: &TestApp) -> u64 {
    app.ok("list_items", json!({ "offset": 0, "limit": 1 }))["total"]
        .as_u64()
        .expect("total")
}

#[test]
fn an_item_made_through_ipc_comes_back_checked_and_a_bad_one_adds_nothing() {
    let app = TestApp::on_a_new_library(false);
    let made = app.ok("create_item", json!({ "details": a_lamp() }));
    assert_eq!(made["title"], "Brass desk lamp");
    assert_eq!(made["currency"], "CHF");

    let mut bad = a_lamp();
    bad["colour"] = json!("red");
    let error = app
        .call("create_item", json!({ "details": bad }))
        .expect_err("refused");
    assert_eq!(error["code"], "invalid");
    assert_eq!(
        error["field"], "colour",
        "the form shows it under the colour"
    );
    assert_eq!(library_size(&app), 1);
}

#[test]
fn an_edit_through_ipc_shows_in_the_bundles_that_thread_the_item() {
    let app = TestApp::start(false);
    let draft = app.draft_with_items("Mix", 1);
    let item = app.entries(&draft)[0]["item"].clone();
    let mut details = item.clone();
    details.as_object_mut().expect("object").remove("id");
    details["title"] = json!("A better title");
    app.ok(
        "update_item",
        json!({ "itemId": item["id"], "details": details }),
    );
    assert_eq!(app.entries(&draft)[0]["item"]["title"], "A better title");
}

#[test]
fn a_pasted_address_through_ipc_becomes_a_link_once() {
    let app = TestApp::on_a_new_library(false);
    let address = json!({ "address": "https://radio.example.net/live/jazz" });
    let link = app.ok("create_item_from_address", address.clone());
    assert_eq!(link["kind"], "link");
    assert_eq!(link["sourceUri"], "https://radio.example.net/live/jazz");
    let again = app
        .call("create_item_from_address", address)
        .expect_err("held already");
    assert_eq!(again["code"], "conflict");
}

#[test]
fn deleting_through_ipc_says_what_it_changes_then_undoes_as_a_whole() {
    let app = TestApp::start(false);
    let draft = app.draft_with_items("Mix", 2);
    let doomed = app.entries(&draft)[0]["item"]["id"].clone();
    let uses = app.ok("item_uses", json!({ "itemIds": [doomed] }));
    assert_eq!(
        uses,
        json!({ "bundles": 1, "kept": 0, "entries": 1, "inTrash": 0 })
    );

    let gone = app.ok("delete_items", json!({ "itemIds": [doomed] }));
    assert_eq!(gone["items"], 1);
    assert_eq!(app.entries(&draft).as_array().expect("entries").len(), 1);

    app.ok("undo_item_removal", json!({}));
    let entries = app.entries(&draft);
    assert_eq!(entries.as_array().expect("entries").len(), 2);
    assert_eq!(entries[0]["item"]["id"], doomed);
    let nothing_left = app
        .call("undo_item_removal", json!({}))
        .expect_err("done already");
    assert_eq!(nothing_left["code"], "conflict");
}

#[test]
fn merging_through_ipc_moves_the_entries_to_the_survivor() {
    let app = TestApp::start(false);
    let draft = app.draft_with_items("Mix", 2);
    let entries = app.entries(&draft);
    let (survivor, other) = (&entries[0]["item"]["id"], &entries[1]["item"]["id"]);
    app.ok(
        "merge_items",
        json!({ "survivor": survivor, "others": [other] }),
    );
    let merged = app.entries(&draft);
    assert_eq!(merged[1]["item"]["id"], *survivor);
    let error = app
        .call(
            "merge_items",
            json!({ "survivor": survivor, "others": [survivor] }),
        )
        .expect_err("not with itself");
    assert_eq!(error["code"], "invalid");
}

#[test]
fn opening_through_ipc_names_only_an_item_and_refuses_one_without_an_address() {
    let app = TestApp::on_a_new_library(false);
    let mut note = a_lamp();
    note["kind"] = json!("note");
    note["sourceUri"] = json!(null);
    note["priceCents"] = json!(null);
    note["currency"] = json!(null);
    let note = app.ok("create_item", json!({ "details": note }));
    let error = app
        .call("open_item", json!({ "itemId": note["id"] }))
        .expect_err("nothing to open");
    assert_eq!(error["code"], "invalid");
    let unknown = uuid::Uuid::now_v7().to_string();
    let error = app
        .call("open_item", json!({ "itemId": unknown }))
        .expect_err("no such item");
    assert_eq!(error["code"], "not_found");
    let error = app
        .call("open_item", json!({ "address": "https://example.com" }))
        .expect_err("an address is not an item");
    assert!(
        error
            .as_str()
            .is_some_and(|message| message.contains("itemId")),
        "{error}"
    );
}
