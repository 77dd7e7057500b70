//! Start-up: load and validate everything, then listen.

use std::net::TcpListener;
use std::path::PathBuf;
use std::time::Instant;

use actix_web::dev::Server;
use actix_web::{HttpServer, web};

use crate::builder::{DRAFT_RETENTION_DAYS, Drafts};
use crate::config::Config;
use crate::content::{ContentErrors, Library};
use crate::db::{DbError, DraftStore};
use crate::search::SearchIndex;
use crate::web::{Assets, CsrfKey, PageCache, RateLimiter, Site};

/// Why the server did not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The content directory has errors; every one is listed.
    #[error("the content has {count} error(s); fix them and start again:\n{0}", count = .0.0.len())]
    Content(#[from] ContentErrors),
    /// The data directory could not be created.
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        /// The directory.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The database could not be opened.
    #[error("cannot open the database {url}: {source}")]
    Database {
        /// The database URL, password hidden.
        url: String,
        /// Why.
        source: DbError,
    },
    /// The search index could not be built.
    #[error("cannot build the search index: {0}")]
    Search(rusqlite::Error),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address.
        addr: String,
        /// Why.
        source: std::io::Error,
    },
}

/// Loads content and state, binds `config.addr` and serves until stopped.
pub async fn serve(config: Config) -> Result<(), StartError> {
    let started = Instant::now();
    let listen_error = |source| StartError::Listen {
        addr: config.addr.to_string(),
        source,
    };
    let listener = TcpListener::bind(config.addr).map_err(listen_error)?;
    let server = start(&config, listener, None)?;
    tracing::info!(
        addr = %config.addr,
        startup_ms = started.elapsed().as_millis() as u64,
        "serving on http://{}",
        config.addr
    );
    server.await.map_err(listen_error)
}

/// Builds the site from `config` and starts serving on `listener` (used by `serve` and tests).
/// `workers` defaults to one per CPU core.
pub fn start(
    config: &Config,
    listener: TcpListener,
    workers: Option<usize>,
) -> Result<Server, StartError> {
    let library = Library::load(&config.content.path)?;
    if config.database_url == crate::db::DatabaseUrl::Sqlite {
        private_dir(&config.data_dir).map_err(|source| StartError::DataDir {
            path: config.data_dir.clone(),
            source,
        })?;
    }
    let (store, csrf_key) = open_database(config).map_err(|source| StartError::Database {
        url: config.database_url.shown(),
        source,
    })?;
    let search = SearchIndex::build(&library).map_err(StartError::Search)?;
    tracing::info!(
        roles = library.roles().len(),
        articles = library.articles().len(),
        database = store.engine(),
        "content loaded"
    );
    let site = web::Data::new(Site {
        library,
        assets: Assets::new(),
        drafts: Drafts::new(store),
        search,
        base_url: config.base_url(),
        config: config.clone(),
        csrf_key,
    });
    let limiter = web::Data::new(RateLimiter::new(config.post_limit));
    prune_drafts_daily(site.clone());
    let cache = web::Data::new(PageCache::default());
    if config.prerender {
        actix_web::rt::spawn(crate::web::prerender(
            site.clone(),
            limiter.clone(),
            cache.clone(),
        ));
    }
    let mut server =
        HttpServer::new(move || crate::web::app(site.clone(), limiter.clone(), cache.clone()));
    if let Some(workers) = workers {
        server = server.workers(workers);
    }
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    Ok(server
        .listen(listener)
        .map_err(|source| StartError::Listen { addr, source })?
        .run())
}

/// Opens the drafts' database and reads the form key from it. This runs on a thread of
/// its own: the PostgreSQL client blocks on a runtime of its own, which cannot start on
/// a thread already running actix's (requests reach it through `web::block`).
fn open_database(config: &Config) -> Result<(Box<dyn DraftStore>, CsrfKey), DbError> {
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let store = crate::db::open(&config.database_url, &config.data_dir)?;
                let key = CsrfKey::shared(config.csrf_key.as_ref(), store.as_ref())?;
                Ok((store, key))
            })
            .join()
            .unwrap_or_else(|_| Err(DbError::Writer("opening the database panicked".into())))
    })
}

/// Creates `dir` if missing, readable by its owner only (it holds the drafts and the
/// key that signs form tokens).
fn private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Deletes expired drafts now and then once a day, on the server's runtime.
fn prune_drafts_daily(site: web::Data<Site>) {
    actix_web::rt::spawn(async move {
        let mut daily = actix_web::rt::time::interval(std::time::Duration::from_secs(24 * 60 * 60));
        loop {
            daily.tick().await;
            let store = site.clone();
            match web::block(move || store.drafts.delete_older_than(DRAFT_RETENTION_DAYS)).await {
                Ok(Ok(0)) => {}
                Ok(Ok(deleted)) => tracing::info!(deleted, "expired drafts deleted"),
                Ok(Err(error)) => tracing::error!(%error, "could not delete expired drafts"),
                Err(error) => tracing::error!(%error, "could not delete expired drafts"),
            }
        }
    });
}
