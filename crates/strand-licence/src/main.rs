//! `strand-licence`: issues licence keys for Strand, offline. By default it signs with the demo
//! key pair whose public half every Strand build without a vendor key trusts, so product teams
//! can hand out demo licences. A vendor signs with their own key (`--signing-key`) and builds
//! Strand with the matching `STRAND_LICENCE_PUBLIC_KEY`.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Duration, Utc};
use clap::{Parser, Subcommand};
use ed25519_dalek::SigningKey;
use strand_core::licence::{self, LicencePayload};
use uuid::Uuid;

/// The demo signing key: for demos and tests only — anyone can read it here.
const DEMO_SIGNING_KEY_HEX: &str = include_str!("../DEMO-ONLY-signing-key.hex");

#[derive(Parser)]
#[command(version, about = "Issue Strand licence keys offline")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print a signed licence key (or write it to a licence file with --out).
    Issue {
        /// Who the licence is for, as Strand will show it.
        #[arg(long)]
        licensee: String,
        /// The plan it grants.
        #[arg(long, default_value = "premium")]
        plan: String,
        /// Days until it expires; leave out for a licence that never expires.
        #[arg(long)]
        days: Option<i64>,
        /// When it counts as issued (RFC 3339); default now.
        #[arg(long)]
        issued_at: Option<DateTime<Utc>>,
        /// A file holding the 64-hex-digit signing key; default the demo key.
        #[arg(long)]
        signing_key: Option<PathBuf>,
        /// Write the key to this file instead of printing it.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Print the public key (hex) for a signing key, for STRAND_LICENCE_PUBLIC_KEY.
    PublicKey {
        /// A file holding the 64-hex-digit signing key; default the demo key.
        #[arg(long)]
        signing_key: Option<PathBuf>,
    },
}

fn signing_key(path: Option<&PathBuf>) -> Result<SigningKey, String> {
    let hex = match path {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?,
        None => DEMO_SIGNING_KEY_HEX.to_owned(),
    };
    licence::key_bytes_from_hex(&hex)
        .map(|bytes| SigningKey::from_bytes(&bytes))
        .ok_or_else(|| "a signing key is 64 hex digits".to_owned())
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Issue {
            licensee,
            plan,
            days,
            issued_at,
            signing_key: key_path,
            out,
        } => {
            if licensee.trim().is_empty() {
                return Err("--licensee must name someone".into());
            }
            let issued_at = issued_at.unwrap_or_else(Utc::now);
            let payload = LicencePayload {
                licence_id: Uuid::now_v7(),
                licensee: licensee.trim().to_owned(),
                plan,
                issued_at,
                expires_at: days.map(|days| issued_at + Duration::days(days)),
            };
            let token = licence::issue(&payload, &signing_key(key_path.as_ref())?);
            match out {
                Some(path) => std::fs::write(&path, format!("{token}\n"))
                    .map_err(|error| format!("cannot write {}: {error}", path.display())),
                None => {
                    println!("{token}");
                    Ok(())
                }
            }
        }
        Command::PublicKey {
            signing_key: key_path,
        } => {
            println!(
                "{}",
                hex::encode(signing_key(key_path.as_ref())?.verifying_key().to_bytes())
            );
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("strand-licence: {message}");
            ExitCode::FAILURE
        }
    }
}
