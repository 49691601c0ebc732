//! How a core error crosses to the webview: `{ code, message }`, where `code` is the small enum
//! the UI branches on and `message` is for people; a refusal for premium also names what it
//! refused, so the paywall can say what Premium would unlock.

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
}

impl From<strand_core::Error> for IpcError {
    fn from(error: strand_core::Error) -> Self {
        let capability = match &error {
            strand_core::Error::PremiumRequired { capability } => Some(*capability),
            _ => None,
        };
        IpcError {
            code: error.code(),
            message: error.to_string(),
            capability,
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
        }
    }

    /// An error a person cannot fix by changing their input.
    pub fn internal(message: String) -> IpcError {
        IpcError::new(ErrorCode::Internal, message)
    }
}
