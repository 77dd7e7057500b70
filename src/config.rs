//! Settings fixed at start-up, from flags or `ROLEBOOK_*` environment variables.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use clap::Args;
use ipnet::IpNet;

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

/// Reads `--trusted-proxies` entries: an address (`10.0.0.1`) or a network (`10.0.0.0/8`).
pub fn parse_proxy(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| {
            format!("\"{text}\" is not an address or network such as 10.0.0.1 or 10.0.0.0/8")
        })
}
