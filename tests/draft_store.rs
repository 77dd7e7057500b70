//! The drafts store on each engine, through the same trait the server uses: create,
//! read, edit with the right and the wrong key, expiry, the shared secret, and many
//! writers at once. Each test runs against SQLite and against PostgreSQL.

mod common;

use std::sync::Arc;

use common::TestServer;
use rolebook::builder::{Drafts, JobForm, Update, validate};
use time::{Duration, OffsetDateTime};

on_both_engines!(
    a_draft_is_created_read_and_edited_only_with_its_key,
    drafts_not_saved_for_a_year_expire_and_the_rest_stay,
    the_shared_secret_is_the_first_one_stored,
    concurrent_saves_are_all_kept,
);

fn posting(title: &str) -> rolebook::builder::JobPosting {
    let form = JobForm {
        title: title.into(),
        company: "Acme".into(),
        workplace: "on-site".into(),
        city: "Austin".into(),
        state: "texas".into(),
        employment_type: "full-time".into(),
        pay_min: "50000".into(),
        pay_max: "60000".into(),
        pay_period: "year".into(),
        summary: "Keeps the store.".into(),
        duties: "Count stock".into(),
        required: "Care".into(),
        date_posted: "2026-11-23".into(),
        ..JobForm::default()
    };
    let library = common::library();
    validate(&form, library.wages().areas(), library.pay_rules()).expect("a valid posting")
}

fn a_draft_is_created_read_and_edited_only_with_its_key(server: &TestServer) {
    let drafts = Drafts::new(server.store());
    let saved = drafts.create(&posting("Stock Clerk")).expect("create");
    let draft = drafts.get(&saved.id).expect("read").expect("found");
    assert_eq!(draft.posting.title, "Stock Clerk");
    assert!(drafts.key_matches(&saved.id, &saved.key).expect("check"));
    assert!(!drafts.key_matches(&saved.id, "0").expect("check"));

    let renamed = posting("Senior Stock Clerk");
    assert_eq!(
        drafts
            .update(&saved.id, "not the key", &renamed)
            .expect("update"),
        Update::WrongKey
    );
    assert_eq!(
        drafts
            .get(&saved.id)
            .expect("read")
            .expect("found")
            .posting
            .title,
        "Stock Clerk",
        "a wrong key changes nothing"
    );
    assert_eq!(
        drafts
            .update(&"0".repeat(32), &saved.key, &renamed)
            .expect("update"),
        Update::NotFound
    );
    assert_eq!(
        drafts
            .update(&saved.id, &saved.key, &renamed)
            .expect("update"),
        Update::Saved
    );
    let edited = drafts.get(&saved.id).expect("read").expect("found");
    assert_eq!(edited.posting.title, "Senior Stock Clerk");
    assert!(edited.updated >= draft.updated);
    assert!(drafts.get("../etc/passwd").expect("read").is_none());
}

fn drafts_not_saved_for_a_year_expire_and_the_rest_stay(server: &TestServer) {
    let store = server.store();
    let now = OffsetDateTime::now_utc();
    let old = format!("{:032x}", now.unix_timestamp_nanos());
    store
        .insert(&old, "hash", "{}", now - Duration::days(400))
        .expect("an old draft");
    let drafts = Drafts::new(store);
    let fresh = drafts.create(&posting("Cashier")).expect("create");
    assert!(drafts.delete_older_than(365).expect("expire") >= 1);
    assert!(drafts.store().get(&old).expect("read").is_none(), "expired");
    assert!(drafts.get(&fresh.id).expect("read").is_some(), "kept");
}

fn the_shared_secret_is_the_first_one_stored(server: &TestServer) {
    let (first, second) = (server.store(), server.store());
    let name = format!("test-{}", OffsetDateTime::now_utc().unix_timestamp_nanos());
    let kept = first.secret(&name, &[1; 32]).expect("store");
    assert_eq!(kept, [1; 32]);
    assert_eq!(
        second.secret(&name, &[2; 32]).expect("read"),
        [1; 32],
        "another instance gets the first one's secret"
    );
}

fn concurrent_saves_are_all_kept(server: &TestServer) {
    let drafts = Arc::new(Drafts::new(server.store()));
    let ids: Vec<String> = std::thread::scope(|threads| {
        let handles: Vec<_> = (0..8)
            .map(|t| {
                let drafts = drafts.clone();
                threads.spawn(move || {
                    (0..20)
                        .map(|i| {
                            drafts
                                .create(&posting(&format!("Clerk {t}-{i}")))
                                .expect("create")
                                .id
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("thread"))
            .collect()
    });
    assert_eq!(ids.len(), 160);
    for id in &ids {
        assert!(drafts.get(id).expect("read").is_some(), "{id} was kept");
    }
}
