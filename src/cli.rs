//! The command line: `rolebook serve` (the default) and `rolebook check`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::config::{Config, ContentDir};
use crate::content::{Library, WAGE_DATA_DIR};
use crate::server;
use crate::wages::import;

/// Rolebook serves job descriptions, salary data and a job description builder.
#[derive(Debug, Parser)]
#[command(name = "rolebook", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Settings for `serve`, which runs when no command is given.
    #[command(flatten)]
    serve: Config,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the site (the default when no command is given).
    Serve(Config),
    /// Validate all content; print one `file:line: problem` line per error and exit 1 if any.
    Check(ContentDir),
    /// Convert the BLS OEWS SQLite database (.gz accepted) into the wage data the site ships.
    ImportOews(ImportArgs),
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The OEWS database, e.g. oews-2025.sqlite.gz.
    input: PathBuf,
    /// BLS's manifest.json for it, with release and checksums [default: manifest.json beside INPUT].
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
    /// Where to write the data files [default: <content>/data/oews].
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    #[command(flatten)]
    content: ContentDir,
}

/// Runs the command the user asked for.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Some(Command::Check(content)) => check(&content),
        Some(Command::Serve(config)) => serve(config),
        Some(Command::ImportOews(args)) => import_oews(&args),
        None => serve(cli.serve),
    }
}

fn check(content: &ContentDir) -> ExitCode {
    match Library::load(&content.path) {
        Ok(library) => {
            println!(
                "{}: {} categories, {} job titles: all valid",
                content.path.display(),
                library.categories().len(),
                library.titles().titles().len()
            );
            println!(
                "Coverage: {} (BLS OEWS {}).",
                library.coverage(),
                library.wages().release().name
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors.0 {
                println!("{error}");
            }
            eprintln!("{} error(s) in {}", errors.0.len(), content.path.display());
            ExitCode::FAILURE
        }
    }
}

fn import_oews(args: &ImportArgs) -> ExitCode {
    let manifest = args
        .manifest
        .clone()
        .unwrap_or_else(|| import::manifest_path(&args.input));
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.content.path.join(WAGE_DATA_DIR));
    match import::run(&args.input, &manifest, &out) {
        Ok(summary) => {
            println!(
                "wrote {}: {} occupations, {} areas, {} wage rows, {} metro areas, {} metro wage rows, {} bytes",
                out.display(),
                summary.occupations,
                summary.areas,
                summary.rows,
                summary.metro_areas,
                summary.metro_rows,
                summary.bytes
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("rolebook import-oews: {error}");
            ExitCode::FAILURE
        }
    }
}

fn serve(config: Config) -> ExitCode {
    init_logging();
    match actix_web::rt::System::new().block_on(server::serve(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("rolebook: {error}");
            ExitCode::FAILURE
        }
    }
}

/// One line per event on stderr; `RUST_LOG` overrides the default `info` level.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
