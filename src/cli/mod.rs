//! Binary-only code: arguments, the parallel walk with ordered output, subcommands.

mod args;
mod clean;
mod walk;

use anyhow::{bail, Result};
use args::{Cli, Command};
use clap::Parser;
use newsclean::rules::{self, RULES};
use std::io::Write;
use std::process::ExitCode;

pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Clean(args) => clean::run(&args),
        Command::Stats(args) => clean::stats(&args),
        Command::Check(args) => {
            let dirs = if args.dirs.is_empty() { vec!["fixtures".into()] } else { args.dirs };
            let report = newsclean::check::run(&pipeline(), &dirs, args.bless, &mut std::io::stdout().lock())?;
            Ok(if report.failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Eval(args) => {
            let pipeline = pipeline();
            let report = newsclean::eval::run(&pipeline, &args.truth, args.batch)?;
            piped(report.print(args.worst, &mut std::io::stdout().lock()))?;
            let below = args.min_f1.is_some_and(|f| report.f1() < f)
                || args.min_exact.is_some_and(|e| report.exact_share() < e);
            Ok(if below { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        Command::Explain { code } => match rules::find(&code) {
            Some(rule) => {
                let text = format!("{} {}: {}\n\n{}\n", rule.code, rule.name, rule.summary, rule.explain());
                piped(std::io::stdout().lock().write_all(text.as_bytes()))?;
                Ok(ExitCode::SUCCESS)
            }
            None => bail!("no rule with code '{code}' (`newsclean rules` lists them)"),
        },
        Command::Schema => {
            piped(std::io::stdout().lock().write_all(newsclean::schema::SCHEMA.as_bytes()))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules => {
            let mut out = std::io::stdout().lock();
            piped(
                RULES.iter().try_for_each(|rule| writeln!(out, "{}  {:<22} {}", rule.code, rule.name, rule.summary)),
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The pipeline, tracing what it measures on stderr when NEWSCLEAN_DEBUG is set.
fn pipeline() -> newsclean::Pipeline {
    newsclean::Pipeline::new().traced(std::env::var_os("NEWSCLEAN_DEBUG").is_some())
}

/// A reader that closed the pipe (`| head`) has read what it wanted: no error to report.
fn piped(written: std::io::Result<()>) -> std::io::Result<()> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}
