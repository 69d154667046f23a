//! Binary-only code: arguments, the parallel walk with ordered output, subcommands.

mod args;
mod clean;
mod kept;

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
            if report.passed + report.failed + report.blessed.len() == 0 {
                let dirs: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
                eprintln!("newsclean check: warning: no fixture pages found in {}", dirs.join(", "));
                return Ok(ExitCode::from(1));
            }
            Ok(if report.failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Eval(args) => eval(&args),
        Command::Explain { code } => match rules::find(&code) {
            Some(rule) => {
                let text = format!("{rule}\n");
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
/// Scores each truth folder, a line each (labelled by its path when there are several),
/// and holds the floors that apply to it; exit 1 names every floor not met.
fn eval(args: &args::EvalArgs) -> Result<ExitCode> {
    let pipeline = pipeline();
    let several = args.truth.len() > 1;
    let width = args.truth.iter().map(|d| d.display().to_string().len()).max().unwrap_or(0);
    let mut below = Vec::new();
    for dir in &args.truth {
        let report = newsclean::eval::run(&pipeline, dir, args.batch)?;
        let label = several.then(|| format!("{:<width$}  ", dir.display()));
        piped(report.print(label.as_deref(), args.worst, &mut std::io::stdout().lock()))?;
        let figures = [("F1", &args.min_f1, report.f1()), ("exact share", &args.min_exact, report.exact_share())];
        for (name, floors, value) in figures {
            for floor in floors.iter().filter(|f| f.applies_to(dir)) {
                if value < floor.value {
                    below.push(format!("{}: {name} {value:.4} < floor {}", dir.display(), floor.value));
                }
            }
        }
    }
    for line in &below {
        eprintln!("newsclean eval: below the floor: {line}");
    }
    Ok(if below.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

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
