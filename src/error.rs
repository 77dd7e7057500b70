//! The one error type of request handlers. Its pages are rendered through the site
//! layout by [`crate::web`]'s error-page middleware.

use actix_web::http::StatusCode;
use actix_web::http::header::{CONNECTION, RETRY_AFTER};
use actix_web::{HttpResponse, ResponseError};

/// Why a request could not be answered with the page it asked for.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No page at this address.
    #[error("There is no page at this address.")]
    NotFound,
    /// A secret link that is missing or wrong.
    #[error("This link does not allow that.")]
    Forbidden,
    /// A request we cannot read (a broken form body, say).
    #[error("The request could not be read.")]
    BadRequest,
    /// A form body over the limit.
    #[error("The form is larger than the {} KB we accept.", limit / 1024)]
    PayloadTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// A form body sent too slowly.
    #[error("The form took too long to arrive.")]
    RequestTimeout,
    /// A form field that is not valid UTF-8 text.
    #[error("The field \"{field}\" is not valid text.")]
    InvalidText {
        /// The field's name.
        field: String,
    },
    /// Too many form submissions from one address.
    #[error("Too many submissions; wait {retry_after} seconds.")]
    TooManyRequests {
        /// Seconds until the next one is allowed.
        retry_after: u64,
    },
    /// A template failed to render: a bug on our side.
    #[error("could not render the page: {0}")]
    Render(#[from] askama::Error),
    /// Storage or another fault on our side.
    #[error("internal error: {0}")]
    Internal(String),
}

/// What an error page says beyond its standard wording: the field or limit at fault.
#[derive(Debug, Clone)]
pub struct ErrorDetail(pub String);

impl From<crate::builder::StoreError> for AppError {
    fn from(error: crate::builder::StoreError) -> Self {
        AppError::Internal(error.to_string())
    }
}

impl From<crate::wages::MetroError> for AppError {
    fn from(error: crate::wages::MetroError) -> Self {
        AppError::Internal(error.to_string())
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(error: actix_web::error::BlockingError) -> Self {
        AppError::Internal(error.to_string())
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            AppError::InvalidText { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Render(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if self.status_code().is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        // The body is filled in by the error-page middleware, which has the site's state.
        let mut response = HttpResponse::build(self.status_code());
        if let AppError::TooManyRequests { retry_after } = self {
            response.insert_header((RETRY_AFTER, retry_after.to_string()));
        }
        if matches!(self, AppError::RequestTimeout) {
            response.insert_header((CONNECTION, "close"));
        }
        let mut response = response.finish();
        if let AppError::InvalidText { .. } | AppError::PayloadTooLarge { .. } = self {
            // The page names the field or the limit: the middleware reads this.
            response
                .extensions_mut()
                .insert(ErrorDetail(self.to_string()));
        }
        response
    }
}
