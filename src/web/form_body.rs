//! Reading a form POST's body: at most [`MAX_BODY`] bytes, within [`BODY_TIMEOUT`], and
//! every field valid UTF-8 (a field that is not is named, never silently mangled).

use std::time::Duration;

use actix_web::web::{self, Bytes, BytesMut};
use futures_util::StreamExt;

use crate::error::AppError;

/// The largest form body accepted. Every field at its `maxlength`, even in four-byte
/// characters sent percent-encoded, fits.
pub const MAX_BODY: usize = 384 * 1024;
/// How long a client may take to send the body; a slower one is cut off.
pub const BODY_TIMEOUT: Duration = Duration::from_secs(10);

/// The whole body of a form POST, checked.
pub async fn read(mut payload: web::Payload) -> Result<Bytes, AppError> {
    let receive = async {
        let mut body = BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|_| AppError::BadRequest)?;
            if body.len() + chunk.len() > MAX_BODY {
                return Err(AppError::PayloadTooLarge { limit: MAX_BODY });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    };
    let body = actix_web::rt::time::timeout(BODY_TIMEOUT, receive)
        .await
        .map_err(|_| AppError::RequestTimeout)??;
    if let Some(field) = invalid_field(&body) {
        return Err(AppError::InvalidText { field });
    }
    Ok(body)
}

/// The name of the first field whose value is not UTF-8 once percent-decoded.
fn invalid_field(body: &[u8]) -> Option<String> {
    body.split(|&b| b == b'&').find_map(|pair| {
        let mut parts = pair.splitn(2, |&b| b == b'=');
        let name = decode(parts.next().unwrap_or_default());
        let value = decode(parts.next().unwrap_or_default());
        let name_ok = std::str::from_utf8(&name).is_ok();
        (!name_ok || std::str::from_utf8(&value).is_err()).then(|| {
            if name_ok {
                String::from_utf8_lossy(&name).into_owned()
            } else {
                "a field name".to_owned()
            }
        })
    })
}

/// `application/x-www-form-urlencoded` decoding: `+` is a space, `%XX` a byte.
fn decode(bytes: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_decoded_and_the_broken_one_named() {
        assert_eq!(decode(b"a+b%41%zz%"), b"a bA%zz%");
        assert_eq!(invalid_field(b"title=Caf%C3%A9&summary=ok"), None);
        assert_eq!(
            invalid_field(b"title=ok&summary=bad%FF%FE"),
            Some("summary".to_owned())
        );
        assert_eq!(invalid_field(b"%FF=x"), Some("a field name".to_owned()));
        assert_eq!(invalid_field(b""), None);
    }
}
