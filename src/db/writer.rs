//! Group commit. With `synchronous=FULL` every commit waits for the disk, so a commit per
//! request would cap saves at one disk flush each. One thread owns the writing connection
//! instead: it takes every write waiting for it, runs each in its own savepoint inside one
//! transaction, commits once, and only then answers each caller. A caller's write is on
//! disk when its call returns, as before; a failing write rolls back alone.

use std::sync::mpsc;

use rusqlite::Connection;

/// Most writes committed together.
const MAX_BATCH: usize = 64;

/// Why a write did not happen.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The write itself failed; it was rolled back.
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The batch holding the write could not be committed.
    #[error("commit failed: {0}")]
    Commit(String),
    /// The writer thread is gone (it only stops if it panicked).
    #[error("the database writer has stopped")]
    Stopped,
}

/// Sends a write's outcome to its caller once the batch's commit is known (`Err` holds
/// the commit's failure).
type Reply = Box<dyn FnOnce(Result<(), &str>) + Send>;
/// A write: runs on the writer's connection, returns how to answer its caller.
type Job = Box<dyn FnOnce(&Connection) -> Reply + Send>;

/// The one thread that writes to the database.
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer thread, which owns `conn` until every `Writer` handle is dropped.
    pub fn start(conn: Connection) -> std::io::Result<Self> {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("db-writer".into())
            .spawn(move || write_batches(&conn, &queue))?;
        Ok(Self { jobs })
    }

    /// Runs `work` in a transaction and returns its result once that is on disk.
    pub fn write<T, F>(&self, work: F) -> Result<T, WriteError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let (answer, answered) = mpsc::sync_channel::<Result<T, WriteError>>(1);
        let job: Job = Box::new(move |conn| {
            let outcome = in_savepoint(conn, work);
            Box::new(move |committed: Result<(), &str>| {
                let outcome = match committed {
                    Ok(()) => outcome.map_err(WriteError::from),
                    Err(why) => Err(WriteError::Commit(why.to_owned())),
                };
                // The caller may have given up waiting; nobody is left to tell.
                let _ = answer.send(outcome);
            })
        });
        self.jobs.send(job).map_err(|_| WriteError::Stopped)?;
        answered.recv().map_err(|_| WriteError::Stopped)?
    }
}

fn in_savepoint<T>(
    conn: &Connection,
    work: impl FnOnce(&Connection) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.execute_batch("SAVEPOINT job")?;
    let outcome = work(conn);
    let end = if outcome.is_ok() {
        "RELEASE job"
    } else {
        "ROLLBACK TO job; RELEASE job"
    };
    conn.execute_batch(end)?;
    outcome
}

fn write_batches(conn: &Connection, queue: &mpsc::Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let batch: Vec<Job> = std::iter::once(first)
            .chain(queue.try_iter().take(MAX_BATCH - 1))
            .collect();
        // Should BEGIN fail, each savepoint below is a transaction of its own and reports
        // its own failure.
        let began = conn
            .execute_batch("BEGIN IMMEDIATE")
            .inspect_err(|error| tracing::error!(%error, "could not begin a batch"))
            .is_ok();
        let replies: Vec<Reply> = batch.into_iter().map(|job| job(conn)).collect();
        let committed = if began {
            conn.execute_batch("COMMIT")
        } else {
            Ok(())
        };
        let why = committed.err().map(|error| {
            tracing::error!(%error, "database commit failed");
            // Leave no transaction open for the next batch.
            let _ = conn.execute_batch("ROLLBACK");
            error.to_string()
        });
        for reply in replies {
            reply(why.as_deref().map_or(Ok(()), Err));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn writer() -> (tempfile::TempDir, Writer) {
        let dir = tempfile::tempdir().expect("temp dir");
        let conn = crate::db::sqlite::connect(dir.path()).expect("open");
        (dir, Writer::start(conn).expect("writer"))
    }

    fn count(dir: &tempfile::TempDir) -> i64 {
        let conn = crate::db::sqlite::connect(dir.path()).expect("open");
        conn.query_row("SELECT count(*) FROM drafts", [], |r| r.get(0))
            .expect("count")
    }

    fn insert(id: &str) -> impl FnOnce(&Connection) -> rusqlite::Result<usize> + Send + 'static {
        let id = id.to_owned();
        move |conn| {
            conn.execute(
                "INSERT INTO drafts VALUES (?1, 'k', '{}', 'now', 'now')",
                [id],
            )
        }
    }

    #[test]
    fn writes_from_many_threads_are_all_committed_and_visible_to_other_connections() {
        let (dir, writer) = writer();
        std::thread::scope(|threads| {
            for t in 0..8 {
                let writer = &writer;
                threads.spawn(move || {
                    for i in 0..25 {
                        assert_eq!(writer.write(insert(&format!("{t}-{i}"))).expect("write"), 1);
                    }
                });
            }
        });
        assert_eq!(count(&dir), 200);
    }

    #[test]
    fn a_failing_write_rolls_back_alone() {
        let (dir, writer) = writer();
        writer.write(insert("a")).expect("first");
        let duplicate = writer.write(|conn| {
            conn.execute(
                "INSERT INTO drafts VALUES ('b', 'k', '{}', 'now', 'now')",
                [],
            )?;
            conn.execute(
                "INSERT INTO drafts VALUES ('a', 'k', '{}', 'now', 'now')",
                [],
            )
        });
        assert!(matches!(duplicate, Err(WriteError::Sqlite(_))));
        writer.write(insert("c")).expect("after");
        assert_eq!(
            count(&dir),
            2,
            "'b' went with the failed write; 'a' and 'c' stay"
        );
    }
}
