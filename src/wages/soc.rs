//! Standard Occupational Classification (SOC 2018) codes.

use std::fmt;

/// A SOC 2018 code such as `41-3091`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SocCode(String);

impl SocCode {
    /// Parses any SOC code: two digits, a hyphen, four digits.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 7
            && bytes[2] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 2 || b.is_ascii_digit());
        if !shape_ok {
            return Err(format!(
                "\"{text}\" is not a SOC code: write two digits, a hyphen and four digits, like 41-3091"
            ));
        }
        Ok(Self(text.to_owned()))
    }

    /// From BLS's six digits without the hyphen (`413091`).
    pub fn from_digits(digits: &str) -> Result<Self, String> {
        match (digits.get(..2), digits.get(2..)) {
            (Some(major), Some(rest)) if digits.len() == 6 => {
                Self::parse(&format!("{major}-{rest}"))
            }
            _ => Err(format!("\"{digits}\" is not a six-digit occupation code")),
        }
    }

    /// The code as written, `41-3091`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code of the major group it belongs to, `41-0000`.
    pub fn major_group(&self) -> SocCode {
        SocCode(format!("{}-0000", &self.0[..2]))
    }
}

impl fmt::Display for SocCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_checks_codes() {
        assert_eq!(
            SocCode::parse("41-3091").map(|c| c.to_string()),
            Ok("41-3091".into())
        );
        assert!(SocCode::parse("413091").is_err());
        assert!(SocCode::parse("41-309").is_err());
        assert!(SocCode::parse("4a-3091").is_err());
        assert!(SocCode::parse("41-3090").is_ok());
        assert_eq!(
            SocCode::from_digits("413091").map(|c| c.to_string()),
            Ok("41-3091".into())
        );
        assert!(SocCode::from_digits("41309").is_err());
        let code = SocCode::parse("41-3091").expect("valid");
        assert_eq!(code.major_group().as_str(), "41-0000");
    }
}
