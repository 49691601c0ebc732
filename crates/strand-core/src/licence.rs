//! Offline licences: a licence is a token `STRAND1.<payload>.<signature>` — base64url JSON signed
//! with Ed25519 over `STRAND1.<payload>` — verified against a public key compiled into Strand.
//! Nothing here touches a network. Verification runs in a fixed order (format, signature, dates,
//! plan) so a tampered token never gets as far as having its claims read.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// The algorithm and format version every token starts with.
pub const TOKEN_PREFIX: &str = "STRAND1";

/// The longest token accepted, so a pasted novel is refused before it is decoded.
pub const MAX_TOKEN_BYTES: usize = 4096;

/// The public half of the demo key pair in `crates/strand-licence/demo-signing-key.hex`: product
/// teams and tests issue licences with it. Vendors build with their own key instead (see
/// [`vendor_key`]).
pub const DEMO_PUBLIC_KEY_HEX: &str =
    "e2d842bc79b4f149a33e9e5e245f60be40b986b90716bffd6b63bac8a5da197e";

/// What a licence grants.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Plan {
    /// Everything the policy reserves for premium.
    Premium,
}

/// What a licence says, once its signature has been checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LicencePayload {
    /// Identifies this licence.
    pub licence_id: Uuid,
    /// Who it was issued to.
    pub licensee: String,
    /// What it grants (kept as text until verified, so an unknown plan is refused clearly).
    #[ts(type = "string")]
    pub plan: String,
    /// When it was issued.
    pub issued_at: DateTime<Utc>,
    /// When it ends; `None` never ends.
    pub expires_at: Option<DateTime<Utc>>,
}

impl LicencePayload {
    /// The plan, if it is one this build knows.
    pub fn known_plan(&self) -> Option<Plan> {
        match self.plan.as_str() {
            "premium" => Some(Plan::Premium),
            _ => None,
        }
    }
}

/// Why a token was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LicenceError {
    /// Not three dot-separated base64url parts, too long, or not JSON inside.
    Malformed(String),
    /// A prefix other than [`TOKEN_PREFIX`].
    UnknownVersion(String),
    /// The signature does not match the payload under Strand's key.
    BadSignature,
    /// Issued after now: either a bad token or a clock that is behind.
    NotYetValid(DateTime<Utc>),
    /// Past its end.
    Expired(DateTime<Utc>),
    /// A plan this build does not know.
    UnknownPlan(String),
}

impl std::fmt::Display for LicenceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            LicenceError::Malformed(why) => say!(
                "this is not a Strand licence key ({why})",
                "das ist kein Strand-Lizenzschlüssel ({why})"
            ),
            LicenceError::UnknownVersion(prefix) => say!(
                "this licence uses an unknown format ({prefix}); this version of Strand reads \
                 {TOKEN_PREFIX}",
                "diese Lizenz hat ein unbekanntes Format ({prefix}); diese Strand-Version liest \
                 {TOKEN_PREFIX}"
            ),
            LicenceError::BadSignature => say!(
                "this licence key is not genuine: its signature does not match",
                "dieser Lizenzschlüssel ist nicht echt: seine Signatur passt nicht"
            ),
            LicenceError::NotYetValid(from) => say!(
                "this licence is issued for {from} and is not valid yet",
                "diese Lizenz gilt ab {from} und ist noch nicht gültig"
            ),
            LicenceError::Expired(on) => say!(
                "this licence expired on {on}",
                "diese Lizenz ist am {on} abgelaufen"
            ),
            LicenceError::UnknownPlan(plan) => say!(
                "this licence is for a plan this version of Strand does not know ({plan})",
                "diese Lizenz gilt für einen Tarif, den diese Strand-Version nicht kennt ({plan})"
            ),
        };
        f.write_str(&said)
    }
}

impl std::error::Error for LicenceError {}

/// Verifies `token` against `key` at time `now`: format, signature, dates, plan, in that order.
pub fn verify(
    token: &str,
    key: &VerifyingKey,
    now: DateTime<Utc>,
) -> Result<LicencePayload, LicenceError> {
    let payload = verify_signature(token, key)?;
    check_dates(&payload, now)?;
    if payload.known_plan().is_none() {
        return Err(LicenceError::UnknownPlan(payload.plan));
    }
    Ok(payload)
}

/// Checks format and signature only, and returns the payload: used for licences that were valid
/// once, to tell "lapsed" from "never licensed".
pub fn verify_signature(token: &str, key: &VerifyingKey) -> Result<LicencePayload, LicenceError> {
    let token = token.trim();
    if token.len() > MAX_TOKEN_BYTES {
        return Err(LicenceError::Malformed(say!("too long", "zu lang")));
    }
    let mut parts = token.split('.');
    let (Some(prefix), Some(payload), Some(signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(LicenceError::Malformed(say!(
            "expected three parts separated by dots",
            "erwartet sind drei durch Punkte getrennte Teile"
        )));
    };
    if prefix != TOKEN_PREFIX {
        return Err(LicenceError::UnknownVersion(
            prefix.chars().take(16).collect(),
        ));
    }
    let signature = URL_SAFE_NO_PAD.decode(signature).map_err(|_| {
        LicenceError::Malformed(say!(
            "signature is not base64url",
            "die Signatur ist kein base64url"
        ))
    })?;
    let signature = Signature::from_slice(&signature).map_err(|_| {
        LicenceError::Malformed(say!(
            "signature has the wrong length",
            "die Signatur hat die falsche Länge"
        ))
    })?;
    key.verify_strict(signed_message(payload).as_bytes(), &signature)
        .map_err(|_| LicenceError::BadSignature)?;
    let payload = URL_SAFE_NO_PAD.decode(payload).map_err(|_| {
        LicenceError::Malformed(say!(
            "payload is not base64url",
            "der Inhalt ist kein base64url"
        ))
    })?;
    serde_json::from_slice(&payload).map_err(|_| {
        LicenceError::Malformed(say!(
            "payload is not a licence",
            "der Inhalt ist keine Lizenz"
        ))
    })
}

fn check_dates(payload: &LicencePayload, now: DateTime<Utc>) -> Result<(), LicenceError> {
    if payload.issued_at > now {
        return Err(LicenceError::NotYetValid(payload.issued_at));
    }
    match payload.expires_at {
        Some(expires_at) if expires_at <= now => Err(LicenceError::Expired(expires_at)),
        _ => Ok(()),
    }
}

fn signed_message(encoded_payload: &str) -> String {
    format!("{TOKEN_PREFIX}.{encoded_payload}")
}

/// Signs `payload` into a token (the issuer's side).
pub fn issue(payload: &LicencePayload, key: &SigningKey) -> String {
    let json = serde_json::to_vec(payload).expect("a licence payload always serialises");
    let encoded = URL_SAFE_NO_PAD.encode(json);
    let signature = key.sign(signed_message(&encoded).as_bytes());
    format!(
        "{}.{}",
        signed_message(&encoded),
        URL_SAFE_NO_PAD.encode(signature.to_bytes())
    )
}

/// Reads a 32-byte key written as 64 hex digits.
pub fn key_bytes_from_hex(hex: &str) -> Option<[u8; 32]> {
    let mut bytes = [0u8; 32];
    hex::decode_to_slice(hex.trim(), &mut bytes).ok()?;
    Some(bytes)
}

/// The key licences are verified against: `STRAND_LICENCE_PUBLIC_KEY` (64 hex digits) at build
/// time for a vendor's own key, else the demo key. `None` if the build-time key is malformed, in
/// which case no licence verifies.
pub fn vendor_key() -> Option<VerifyingKey> {
    let hex = option_env!("STRAND_LICENCE_PUBLIC_KEY").unwrap_or(DEMO_PUBLIC_KEY_HEX);
    VerifyingKey::from_bytes(&key_bytes_from_hex(hex)?).ok()
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn key_pair(seed: u8) -> (SigningKey, VerifyingKey) {
        let signing = SigningKey::from_bytes(&[seed; 32]);
        let verifying = signing.verifying_key();
        (signing, verifying)
    }

    fn payload(now: DateTime<Utc>) -> LicencePayload {
        LicencePayload {
            licence_id: Uuid::now_v7(),
            licensee: "Ada Lovelace".into(),
            plan: "premium".into(),
            issued_at: now - Duration::days(1),
            expires_at: Some(now + Duration::days(365)),
        }
    }

    #[test]
    fn a_licence_signed_with_the_key_verifies() {
        let (signing, verifying) = key_pair(7);
        let now = Utc::now();
        let token = issue(&payload(now), &signing);
        assert_eq!(
            verify(&token, &verifying, now).expect("valid").licensee,
            "Ada Lovelace"
        );
    }

    #[test]
    fn flipping_a_bit_anywhere_in_a_token_is_refused() {
        let (signing, verifying) = key_pair(7);
        let now = Utc::now();
        let token = issue(&payload(now), &signing);
        // One bit per byte, a different bit each time, across the whole token.
        for index in 0..token.len() {
            let bit = index % 8;
            let mut bytes = token.clone().into_bytes();
            bytes[index] ^= 1 << bit;
            if let Ok(flipped) = String::from_utf8(bytes) {
                assert!(
                    verify(&flipped, &verifying, now).is_err(),
                    "bit {bit} of byte {index} went unnoticed"
                );
            }
        }
    }

    #[test]
    fn a_licence_signed_by_another_key_is_not_genuine() {
        let (other, _) = key_pair(9);
        let (_, verifying) = key_pair(7);
        let now = Utc::now();
        assert_eq!(
            verify(&issue(&payload(now), &other), &verifying, now),
            Err(LicenceError::BadSignature)
        );
    }

    #[test]
    fn an_unknown_prefix_is_refused_before_anything_else() {
        let (signing, verifying) = key_pair(7);
        let now = Utc::now();
        let token = issue(&payload(now), &signing).replacen(TOKEN_PREFIX, "STRAND2", 1);
        assert_eq!(
            verify(&token, &verifying, now),
            Err(LicenceError::UnknownVersion("STRAND2".into()))
        );
    }

    #[test]
    fn expired_and_future_licences_are_refused() {
        let (signing, verifying) = key_pair(7);
        let now = Utc::now();
        let mut expired = payload(now);
        expired.expires_at = Some(now - Duration::seconds(1));
        assert!(matches!(
            verify(&issue(&expired, &signing), &verifying, now),
            Err(LicenceError::Expired(_))
        ));
        let mut future = payload(now);
        future.issued_at = now + Duration::days(2);
        assert!(matches!(
            verify(&issue(&future, &signing), &verifying, now),
            Err(LicenceError::NotYetValid(_))
        ));
    }

    #[test]
    fn an_unknown_plan_is_refused_even_when_signed() {
        let (signing, verifying) = key_pair(7);
        let now = Utc::now();
        let mut platinum = payload(now);
        platinum.plan = "platinum".into();
        assert_eq!(
            verify(&issue(&platinum, &signing), &verifying, now),
            Err(LicenceError::UnknownPlan("platinum".into()))
        );
    }

    #[test]
    fn garbage_and_huge_tokens_are_malformed_not_panics() {
        let (_, verifying) = key_pair(7);
        for garbage in [
            "",
            "STRAND1",
            "STRAND1..",
            "a.b.c.d",
            "STRAND1.!!!.???",
            &"x".repeat(MAX_TOKEN_BYTES + 1),
        ] {
            assert!(
                verify(garbage, &verifying, Utc::now()).is_err(),
                "{garbage:?}"
            );
        }
    }

    #[test]
    fn the_compiled_in_key_is_the_demo_key_unless_a_vendor_key_is_given() {
        let key = vendor_key().expect("a valid compiled-in key");
        if option_env!("STRAND_LICENCE_PUBLIC_KEY").is_none() {
            assert_eq!(
                key.to_bytes(),
                key_bytes_from_hex(DEMO_PUBLIC_KEY_HEX).expect("hex")
            );
        }
    }
}
