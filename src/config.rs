//! Settings fixed at start-up, from flags or `ROLEBOOK_*` environment variables.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use clap::Args;
use ipnet::IpNet;

use crate::db::DatabaseUrl;

/// Where the content lives; shared by every command that reads it.
#[derive(Debug, Clone, Args)]
pub struct ContentDir {
    /// Directory holding site.toml, roles/ and pages/.
    #[arg(
        long = "content",
        env = "ROLEBOOK_CONTENT",
        default_value = "content",
        value_name = "DIR"
    )]
    pub path: PathBuf,
}

/// How the server runs. Built once at start-up and handed to the web layer.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(
        long,
        env = "ROLEBOOK_ADDR",
        default_value = "127.0.0.1:8080",
        value_name = "HOST:PORT"
    )]
    pub addr: SocketAddr,

    #[command(flatten)]
    #[allow(missing_docs)]
    pub content: ContentDir,

    /// Directory for the writable SQLite database; created if missing.
    #[arg(
        long,
        env = "ROLEBOOK_DATA_DIR",
        default_value = "data",
        value_name = "DIR"
    )]
    pub data_dir: PathBuf,

    /// Where saved drafts live: `sqlite:` (a file in the data directory) or
    /// `postgres://user:password@host:port/database`, which several instances can share.
    #[arg(
        long,
        env = "ROLEBOOK_DATABASE_URL",
        default_value = "sqlite:",
        value_name = "URL",
        value_parser = DatabaseUrl::parse,
        hide_env_values = true
    )]
    pub database_url: DatabaseUrl,

    /// The key that signs form tokens, as 64 hex digits. Every instance behind one
    /// address must use the same key: give it here, or leave it out and the instances
    /// share the one kept in the database [default: from the database].
    #[arg(
        long,
        env = "ROLEBOOK_CSRF_KEY",
        value_name = "HEX",
        value_parser = parse_key,
        hide_env_values = true
    )]
    pub csrf_key: Option<SecretKey>,

    /// Skip rendering every sitemap page into the page cache after start-up (they are
    /// then rendered when first asked for).
    #[arg(
        long = "no-prerender",
        env = "ROLEBOOK_NO_PRERENDER",
        action = clap::ArgAction::SetFalse
    )]
    pub prerender: bool,

    /// Form submissions allowed per client address per minute (0: no limit).
    #[arg(
        long,
        env = "ROLEBOOK_POST_LIMIT",
        default_value_t = 30,
        value_name = "N"
    )]
    pub post_limit: u32,

    /// The site's public address, for canonical links, the sitemap and the feed
    /// [default: http://ADDR]. With https://, every response carries HSTS and every
    /// cookie is Secure.
    #[arg(long, env = "ROLEBOOK_SITE_URL", value_name = "URL")]
    pub site_url: Option<String>,

    /// Reverse proxies whose forwarding headers (client address, scheme, host) are
    /// believed: addresses or networks, comma-separated, such as 127.0.0.1,10.0.0.0/8.
    /// Requests from anywhere else are taken at face value [default: none].
    #[arg(
        long,
        env = "ROLEBOOK_TRUSTED_PROXIES",
        value_name = "ADDRS",
        value_delimiter = ',',
        value_parser = parse_proxy
    )]
    pub trusted_proxies: Vec<IpNet>,
}

impl Config {
    /// The public address without a trailing slash, `https://rolebook.example`.
    pub fn base_url(&self) -> String {
        match &self.site_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.addr),
        }
    }
}

/// A 32-byte secret given in the configuration; never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey(pub [u8; 32]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(***)")
    }
}

/// Reads `--csrf-key`: 64 hex digits.
pub fn parse_key(text: &str) -> Result<SecretKey, String> {
    let text = text.trim();
    let digits: Option<Vec<u8>> = (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|pair| u8::from_str_radix(pair, 16).ok())
        })
        .collect();
    digits
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .map(SecretKey)
        .ok_or_else(|| {
            "the key must be 64 hex digits (32 bytes), such as the output of `openssl rand -hex 32`"
                .to_owned()
        })
}

/// Reads `--trusted-proxies` entries: an address (`10.0.0.1`) or a network (`10.0.0.0/8`).
pub fn parse_proxy(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| {
            format!("\"{text}\" is not an address or network such as 10.0.0.1 or 10.0.0.0/8")
        })
}
