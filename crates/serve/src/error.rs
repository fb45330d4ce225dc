//! API errors and their JSON responses.

use annalist_store::StoreError;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// Everything a request can fail with. Bad input is 400 and names the parameter.
#[derive(Debug)]
pub(crate) enum ApiError {
    /// A query or path parameter is malformed, out of range, repeated or unknown.
    BadParam { param: String, message: String },
    /// The route exists but the thing asked for does not.
    NotFound(String),
    /// A bounded resource is in use (concurrent exports): 503, retry later.
    Busy(String),
    /// The store failed (I/O, corrupt file, a concurrent writer holding the lock too long).
    Store(StoreError),
    /// Anything else on the server side (a blocking task panicked).
    Internal(String),
}

impl ApiError {
    pub(crate) fn bad(param: &str, message: impl Into<String>) -> ApiError {
        ApiError::BadParam {
            param: param.to_string(),
            message: message.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::Store(e)
    }
}

/// The JSON body of every error response.
#[derive(Debug, Serialize)]
struct ErrorBody<'a> {
    /// `bad_parameter`, `not_found`, `busy` or `internal`.
    error: &'a str,
    /// The offending parameter (400 only).
    #[serde(skip_serializing_if = "Option::is_none")]
    parameter: Option<&'a str>,
    message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body): (StatusCode, ErrorBody<'_>) = match &self {
            ApiError::BadParam { param, message } => (
                StatusCode::BAD_REQUEST,
                ErrorBody {
                    error: "bad_parameter",
                    parameter: Some(param),
                    message: format!("parameter `{param}`: {message}"),
                },
            ),
            ApiError::NotFound(what) => (
                StatusCode::NOT_FOUND,
                ErrorBody {
                    error: "not_found",
                    parameter: None,
                    message: what.clone(),
                },
            ),
            ApiError::Busy(message) => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorBody {
                    error: "busy",
                    parameter: None,
                    message: message.clone(),
                },
            ),
            ApiError::Store(StoreError::InvalidArgument(message)) => (
                StatusCode::BAD_REQUEST,
                ErrorBody {
                    error: "bad_parameter",
                    parameter: None,
                    message: message.clone(),
                },
            ),
            ApiError::Store(e) => {
                eprintln!("annalist serve: store error: {e}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorBody {
                        error: "internal",
                        parameter: None,
                        message: e.to_string(),
                    },
                )
            }
            ApiError::Internal(message) => {
                eprintln!("annalist serve: internal error: {message}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorBody {
                        error: "internal",
                        parameter: None,
                        message: message.clone(),
                    },
                )
            }
        };
        (status, Json(body)).into_response()
    }
}
