//! How a core error crosses to the webview: `{ code, message }`, where `code` is the small enum
//! the UI branches on and `message` is for people.

use serde::Serialize;
use strand_core::ErrorCode;
use ts_rs::TS;

/// The error every command returns.
#[derive(Debug, Serialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<strand_core::Error> for IpcError {
    fn from(error: strand_core::Error) -> Self {
        IpcError {
            code: error.code(),
            message: error.to_string(),
        }
    }
}

/// What every command returns.
pub type IpcResult<T> = Result<T, IpcError>;

impl IpcError {
    /// An error a person cannot fix by changing their input.
    pub fn internal(message: String) -> IpcError {
        IpcError {
            code: ErrorCode::Internal,
            message,
        }
    }
}
