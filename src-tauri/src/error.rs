//! How a core error crosses to the webview: `{ code, message }`, where `code` is the small enum
//! the UI branches on and `message` is for people; a refusal for premium also names what it
//! refused, so the paywall can say what Premium would unlock, and an invalid argument names its
//! field, so a form can show the message under it.

use serde::Serialize;
use strand_core::{Capability, ErrorCode};
use ts_rs::TS;

/// The error every command returns.
#[derive(Debug, Serialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
    /// With `premium_required`: the capability the current policy reserves for premium.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub capability: Option<Capability>,
    /// With `invalid`: the argument (or the field of one) that broke a rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub field: Option<String>,
}

impl From<strand_core::Error> for IpcError {
    fn from(error: strand_core::Error) -> Self {
        let (capability, field) = match &error {
            strand_core::Error::PremiumRequired { capability } => (Some(*capability), None),
            strand_core::Error::Invalid { field, .. } => (None, Some((*field).to_owned())),
            _ => (None, None),
        };
        IpcError {
            code: error.code(),
            message: error.to_string(),
            capability,
            field,
        }
    }
}

/// What every command returns.
pub type IpcResult<T> = Result<T, IpcError>;

impl IpcError {
    /// An error of the shell's own (the core's come through `From`).
    pub fn new(code: ErrorCode, message: String) -> IpcError {
        IpcError {
            code,
            message,
            capability: None,
            field: None,
        }
    }

    /// An error a person cannot fix by changing their input.
    pub fn internal(message: String) -> IpcError {
        IpcError::new(ErrorCode::Internal, message)
    }
}
