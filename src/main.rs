//! The `newsclean` binary: parse arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

mod cli;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsclean: {e:#}");
            ExitCode::from(2)
        }
    }
}
