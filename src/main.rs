//! The `rolebook` binary: everything lives in the library; this only parses arguments.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    rolebook::cli::run(rolebook::cli::Cli::parse())
}
