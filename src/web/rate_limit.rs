//! Limits form submissions per client (its address as [`Client`] reads it, behind
//! trusted proxies too; a /64 for IPv6): a token bucket refilled evenly over a minute.
//! Over the limit, a POST gets the 429 page with `Retry-After`.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{Error, web};

use super::{Client, Site};
use crate::error::AppError;

/// Addresses above this many are pruned of those idle long enough to be full again.
const PRUNE_ABOVE: usize = 10_000;

struct Bucket {
    tokens: f64,
    updated: Instant,
}

/// Per-address buckets of `per_minute` submissions.
pub struct RateLimiter {
    per_minute: u32,
    buckets: Mutex<HashMap<IpAddr, Bucket>>,
}

impl RateLimiter {
    /// A limiter allowing `per_minute` submissions per address (0: unlimited).
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one submission for `ip` at `now`, or says how many seconds to wait.
    pub fn take(&self, ip: IpAddr, now: Instant) -> Result<(), u64> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let capacity = f64::from(self.per_minute);
        let per_second = capacity / 60.0;
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if buckets.len() > PRUNE_ABOVE {
            let full_after = Duration::from_secs(60);
            buckets.retain(|_, b| now.duration_since(b.updated) < full_after);
        }
        let bucket = buckets.entry(ip).or_insert(Bucket {
            tokens: capacity,
            updated: now,
        });
        let elapsed = now.duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_second).min(capacity);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - bucket.tokens) / per_second).ceil() as u64)
        }
    }
}

/// Middleware: applies the site's [`RateLimiter`] to every POST. The refusal is a
/// response, not an `Err`, so the error-page middleware renders it like any other.
pub async fn limit_posts(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, Error> {
    if req.method() == Method::POST
        && req.path() != super::preview::PREVIEW_PATH
        && let (Some(limiter), Some(site)) = (
            req.app_data::<web::Data<RateLimiter>>(),
            req.app_data::<web::Data<Site>>(),
        )
        && let Err(retry_after) = limiter.take(
            Client::of(req.head(), &site.config).bucket(),
            Instant::now(),
        )
    {
        let refusal = req.error_response(AppError::TooManyRequests { retry_after });
        return Ok(refusal.map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_is_allowed_then_refused_then_refilled() {
        let limiter = RateLimiter::new(3);
        let ip: IpAddr = [127, 0, 0, 1].into();
        let other: IpAddr = [127, 0, 0, 2].into();
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.take(ip, start), Ok(()));
        }
        assert_eq!(
            limiter.take(ip, start),
            Err(20),
            "one token comes back every 20 s"
        );
        assert_eq!(
            limiter.take(other, start),
            Ok(()),
            "addresses are counted apart"
        );
        assert_eq!(limiter.take(ip, start + Duration::from_secs(20)), Ok(()));
    }

    #[test]
    fn zero_means_unlimited() {
        let limiter = RateLimiter::new(0);
        for _ in 0..1000 {
            assert_eq!(limiter.take([10, 0, 0, 1].into(), Instant::now()), Ok(()));
        }
    }
}
