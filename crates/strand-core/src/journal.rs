//! The drafts journal. Drafts live in memory for the session — keeping one is the premium act —
//! but a crash must not lose them. So every change to a draft is written, as it happens, to a
//! small SQLite file beside the library, and a normal quit empties it: a person who quits
//! without keeping still loses their drafts, as the premium rule says. After an abnormal exit
//! the next start replays the journal and offers the drafts back, each at most
//! [`MAX_TIMES_BACK`] times, so killing Strand cannot keep drafts for ever without keeping them.
//!
//! Why a file of its own: editing a draft must stay as cheap as editing memory. The library
//! commits with `synchronous=FULL`, an fsync each time; surviving the crash of a process needs
//! only that the write reached the operating system (`synchronous=NORMAL` in WAL mode). And
//! nothing in it is kept data, so restore points and the library check leave it out.
//!
//! The journal never fails an edit: the draft in memory is the truth for the session. A write
//! that fails (a full disk) marks that draft as behind, and its next write is the draft whole,
//! so the journal catches up as soon as it can.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};
use serde::{Deserialize, Serialize};

use crate::drafts::Draft;
use crate::history::{Change, History, Placed, placed_run};
use crate::ids::{BundleId, FolderId};
use crate::model::BundleDetails;
use crate::store::damage::with_suffix;

/// How many times a crash may bring one draft back; after that it is let go.
pub const MAX_TIMES_BACK: u8 = 3;

/// After this many small events a draft is written whole again, so a replay stays short.
const EVENTS_BETWEEN_COPIES: u32 = 1000;

/// What happened to a draft. Written as JSON, one row each, in the order they happened.
#[derive(Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
enum Event<'a> {
    /// The draft whole: when it starts, when it was behind, and every so often.
    Whole(WholeDraft<'a>),
    /// A change made to it (the latest in its history).
    Changed {
        change: Cow<'a, Change>,
    },
    /// Its latest change undone, or (`undo` false) its latest undone change redone.
    Stepped {
        undo: bool,
    },
    Trashed,
    Restored,
    /// Kept, emptied out of the trash, or let go: nothing more to bring back.
    Gone,
}

/// A draft written whole.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct WholeDraft<'a> {
    name: Cow<'a, str>,
    created_at: DateTime<Utc>,
    details: Cow<'a, BundleDetails>,
    folder: Option<FolderId>,
    #[serde(with = "placed_run")]
    entries: Vec<Placed>,
    done: Cow<'a, [Change]>,
    undone: Cow<'a, [Change]>,
    trashed: bool,
    times_back: u8,
}

impl<'a> WholeDraft<'a> {
    fn of(draft: &'a Draft, trashed: bool) -> WholeDraft<'a> {
        let (done, undone) = draft.history.lists();
        WholeDraft {
            name: Cow::Borrowed(&draft.name),
            created_at: draft.created_at,
            details: Cow::Borrowed(&draft.details),
            folder: draft.folder,
            entries: draft.placed(),
            done: Cow::Borrowed(done),
            undone: Cow::Borrowed(undone),
            trashed,
            times_back: draft.times_back,
        }
    }

    fn into_draft(self, id: BundleId) -> Draft {
        let mut draft = Draft::new(self.name.into_owned(), self.created_at);
        draft.id = id;
        draft.details = self.details.into_owned();
        draft.folder = self.folder;
        draft.set_placed(&self.entries);
        draft.history = History::from_lists(self.done.into_owned(), self.undone.into_owned());
        draft.times_back = self.times_back;
        draft
    }
}

/// The journal of this session's drafts.
#[derive(Debug)]
pub(crate) struct Journal {
    /// None when the file could not be opened at all: drafts then work as before, unjournaled.
    inner: Mutex<Option<Open>>,
}

#[derive(Debug)]
struct Open {
    connection: Connection,
    /// Small events written per draft since it was last written whole.
    since_whole: HashMap<BundleId, u32>,
    /// Drafts whose last write failed: the next is the draft whole.
    behind: HashSet<BundleId>,
}

/// Where the journal of the library at `library` lives: beside it, named as its companions
/// (`-wal`, `-shm`) are.
pub fn journal_path(library: &Path) -> PathBuf {
    with_suffix(library, "-drafts")
}

impl Journal {
    /// Opens the journal beside `library` and returns the drafts the last session left in it
    /// (none after a normal quit), out of the trash, for the caller to offer back or let go. A
    /// journal that cannot be read is started afresh: it only ever holds what a crash would
    /// otherwise have lost anyway.
    pub fn open(library: &Path) -> (Journal, Vec<Draft>) {
        let path = journal_path(library);
        let opened = open_file(&path).or_else(|_| {
            remove_with_log(&path);
            open_file(&path)
        });
        let Ok(connection) = opened else {
            return (Journal::unjournaled(), Vec::new());
        };
        let left = replay(&connection).unwrap_or_default();
        let journal = Journal {
            inner: Mutex::new(Some(Open {
                connection,
                since_whole: HashMap::new(),
                behind: HashSet::new(),
            })),
        };
        (journal, left)
    }

    /// A journal that writes nothing (for a session whose file could not be opened).
    pub fn unjournaled() -> Journal {
        Journal {
            inner: Mutex::new(None),
        }
    }

    /// Starts the journal afresh with `drafts`, the ones offered back: offered again if this
    /// session ends abnormally before they are answered.
    pub fn start_with(&self, drafts: &[Draft]) {
        self.with_open(|open| {
            open.since_whole.clear();
            open.behind.clear();
            let tx = open.connection.unchecked_transaction()?;
            tx.execute("DELETE FROM events", [])?;
            for draft in drafts {
                insert(&tx, draft.id, &Event::Whole(WholeDraft::of(draft, false)))?;
            }
            tx.commit()
        });
    }

    /// A draft started (or brought back): written whole.
    pub fn started(&self, draft: &Draft) {
        self.write_whole(draft, false);
    }

    /// The draft's latest change was just made.
    pub fn changed(&self, draft: &Draft) {
        if let Some(change) = draft.history.latest() {
            let change = Cow::Borrowed(change);
            self.note(draft, false, Event::Changed { change });
        }
    }

    /// The draft's latest change was undone (or redone).
    pub fn stepped(&self, draft: &Draft, undo: bool) {
        self.note(draft, false, Event::Stepped { undo });
    }

    /// The draft went to the trash.
    pub fn trashed(&self, draft: &Draft) {
        self.note(draft, true, Event::Trashed);
    }

    /// The draft came back out of the trash.
    pub fn restored(&self, draft: &Draft) {
        self.note(draft, false, Event::Restored);
    }

    /// The draft was kept, emptied out of the trash or let go.
    pub fn gone(&self, id: BundleId) {
        self.with_open(|open| {
            open.since_whole.remove(&id);
            open.behind.remove(&id);
            insert(&open.connection, id, &Event::Gone).map(drop)
        });
    }

    /// Empties the journal: a normal quit, or a demo started afresh.
    pub fn clear(&self) {
        self.start_with(&[]);
        self.with_open(|open| {
            open.connection
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        });
    }

    /// Writes a small event, or the draft whole when it is behind or has had many events.
    fn note(&self, draft: &Draft, trashed: bool, event: Event<'_>) {
        let whole = self.with_open(|open| {
            let count = open.since_whole.entry(draft.id).or_default();
            if open.behind.contains(&draft.id) || *count >= EVENTS_BETWEEN_COPIES {
                return Ok(true);
            }
            *count += 1;
            insert(&open.connection, draft.id, &event).map(|_| false)
        });
        if whole != Some(false) {
            self.write_whole(draft, trashed);
        }
    }

    fn write_whole(&self, draft: &Draft, trashed: bool) {
        self.with_open(|open| {
            open.since_whole.insert(draft.id, 0);
            open.behind.remove(&draft.id);
            let tx = open.connection.unchecked_transaction()?;
            // What came before is replaced by the copy; keeping it would only slow a replay.
            tx.execute("DELETE FROM events WHERE draft = ?1", params![draft.id])?;
            insert(&tx, draft.id, &Event::Whole(WholeDraft::of(draft, trashed)))?;
            tx.commit()
        });
    }

    /// Runs `write` on the open journal. A failure marks every draft it may have touched as
    /// behind — all of them, simply, by forgetting how far each is — and is otherwise dropped:
    /// the draft in memory is unharmed, and its next write catches the journal up.
    fn with_open<T>(&self, write: impl FnOnce(&mut Open) -> rusqlite::Result<T>) -> Option<T> {
        let mut inner = self
            .inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let open = inner.as_mut()?;
        match write(open) {
            Ok(value) => Some(value),
            Err(_) => {
                let drafts: Vec<BundleId> = open.since_whole.keys().copied().collect();
                open.behind.extend(drafts);
                None
            }
        }
    }
}

fn open_file(path: &Path) -> rusqlite::Result<Connection> {
    let connection = Connection::open(path)?;
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "NORMAL")?;
    connection.execute_batch(
        "CREATE TABLE IF NOT EXISTS events (
             seq INTEGER PRIMARY KEY,
             draft BLOB NOT NULL,
             event TEXT NOT NULL
         );
         CREATE INDEX IF NOT EXISTS events_by_draft ON events (draft);",
    )?;
    // A file that is not a journal (or is damaged) fails here, before anything is trusted.
    connection.query_row("SELECT count(*) FROM events", [], |_| Ok(()))?;
    Ok(connection)
}

/// Removes a journal that cannot be read, with its log, so a fresh one can start.
fn remove_with_log(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}

fn insert(connection: &Connection, id: BundleId, event: &Event<'_>) -> rusqlite::Result<usize> {
    let text = serde_json::to_string(event)
        .map_err(|error| rusqlite::Error::ToSqlConversionFailure(Box::new(error)))?;
    connection.execute(
        "INSERT INTO events (draft, event) VALUES (?1, ?2)",
        params![id, text],
    )
}

/// Replays the journal: the drafts it leaves, out of the trash, oldest first. A draft whose
/// events cannot be read or replayed is left out (unless a later copy of it follows), never the
/// others.
fn replay(connection: &Connection) -> rusqlite::Result<Vec<Draft>> {
    let mut statement = connection.prepare("SELECT draft, event FROM events ORDER BY seq")?;
    let mut rows = statement.query([])?;
    let mut drafts: BTreeMap<BundleId, (Draft, bool)> = BTreeMap::new();
    while let Some(row) = rows.next()? {
        let Ok(id) = row.get::<_, BundleId>(0) else {
            continue;
        };
        let event = row
            .get::<_, String>(1)
            .ok()
            .and_then(|text| serde_json::from_str::<Event<'static>>(&text).ok());
        let Some(event) = event else {
            drafts.remove(&id);
            continue;
        };
        if let Event::Whole(copy) = event {
            let trashed = copy.trashed;
            drafts.insert(id, (copy.into_draft(id), trashed));
            continue;
        }
        if matches!(event, Event::Gone) {
            drafts.remove(&id);
            continue;
        }
        let Some((draft, trashed)) = drafts.get_mut(&id) else {
            continue;
        };
        let replayed = match event {
            Event::Changed { change } => draft.make(change.into_owned()).map(drop),
            Event::Stepped { undo } => draft.step(undo),
            Event::Trashed => {
                *trashed = true;
                Ok(())
            }
            Event::Restored => {
                *trashed = false;
                Ok(())
            }
            Event::Whole(_) | Event::Gone => Ok(()),
        };
        if replayed.is_err() {
            drafts.remove(&id);
        }
    }
    let mut left: Vec<Draft> = drafts
        .into_values()
        .filter(|(_, trashed)| !trashed)
        .map(|(draft, _)| draft)
        .collect();
    left.sort_by_key(|draft| draft.created_at);
    Ok(left)
}
