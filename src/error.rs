//! The one error type of request handlers. Its pages are rendered through the site
//! layout by [`crate::web`]'s error-page middleware.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};

/// Why a request could not be answered with the page it asked for.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No page at this address.
    #[error("There is no page at this address.")]
    NotFound,
    /// A template failed to render: a bug on our side.
    #[error("could not render the page: {0}")]
    Render(#[from] askama::Error),
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Render(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if self.status_code().is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        // The body is filled in by the error-page middleware, which has the site's state.
        HttpResponse::new(self.status_code())
    }
}
