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

fn issue_token(
    licensee: &str,
    plan: String,
    days: Option<i64>,
    issued_at: DateTime<Utc>,
    key: &SigningKey,
) -> Result<String, String> {
    if licensee.trim().is_empty() {
        return Err("--licensee must name someone".into());
    }
    if days.is_some_and(|days| days <= 0) {
        return Err("--days must be at least 1".into());
    }
    let payload = LicencePayload {
        licence_id: Uuid::now_v7(),
        licensee: licensee.trim().to_owned(),
        plan,
        issued_at,
        expires_at: days.map(|days| issued_at + Duration::days(days)),
    };
    Ok(licence::issue(&payload, key))
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
            let key = signing_key(key_path.as_ref())?;
            let issued_at = issued_at.unwrap_or_else(Utc::now);
            let token = issue_token(&licensee, plan, days, issued_at, &key)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_demo_licence_verifies_against_the_key_strand_is_built_with() {
        let key = signing_key(None).expect("demo key");
        let token =
            issue_token("Ada", "premium".into(), Some(365), Utc::now(), &key).expect("issued");
        let verified = licence::verify(&token, &licence::vendor_key().expect("key"), Utc::now())
            .expect("valid");
        assert_eq!(
            (verified.licensee.as_str(), verified.expires_at.is_some()),
            ("Ada", true)
        );
    }

    #[test]
    fn the_demo_signing_key_is_the_pair_of_the_demo_public_key() {
        let key = signing_key(None).expect("demo key");
        assert_eq!(
            hex::encode(key.verifying_key().to_bytes()),
            licence::DEMO_PUBLIC_KEY_HEX
        );
    }

    #[test]
    fn nameless_or_already_expired_licences_are_not_issued() {
        let key = signing_key(None).expect("demo key");
        assert!(issue_token(" ", "premium".into(), None, Utc::now(), &key).is_err());
        assert!(issue_token("Ada", "premium".into(), Some(0), Utc::now(), &key).is_err());
    }
}
