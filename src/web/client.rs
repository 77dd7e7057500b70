//! Who sent a request, and how: the client's address, whether it came over HTTPS, and
//! the host it asked for. The forwarding headers (`Forwarded`, `X-Forwarded-For`,
//! `-Proto`, `-Host`) count only on requests from a proxy in `--trusted-proxies`;
//! anyone else could write them.

use std::net::{IpAddr, SocketAddr};

use crate::config::Config;
#[cfg(test)]
use crate::config::parse_proxy;
use actix_web::dev::RequestHead;
use actix_web::http::header::{self, HeaderMap};

/// What a request says of its client, once the proxies we trust are accounted for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    /// The client's address.
    pub ip: IpAddr,
    /// Whether the client's connection is HTTPS (always, when the site's address is).
    pub https: bool,
    /// The host the client asked for.
    pub host: String,
}

impl Client {
    /// Whether the client's connection is HTTPS, as [`Client::of`] says, reading no
    /// headers when no proxy is trusted (every response asks, for HSTS).
    pub fn is_https(head: &RequestHead, config: &Config) -> bool {
        let site_is_https = site_is_https(config);
        if site_is_https || config.trusted_proxies.is_empty() {
            return site_is_https;
        }
        Self::of(head, config).https
    }

    /// Reads `head` under `config`.
    pub fn of(head: &RequestHead, config: &Config) -> Self {
        let peer = head
            .peer_addr
            .map_or(IpAddr::from([127, 0, 0, 1]), |a| a.ip());
        let trusted = |ip: &IpAddr| config.trusted_proxies.iter().any(|net| net.contains(ip));
        let headers = &head.headers;
        let host_header = || {
            headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
                .or_else(|| head.uri.authority().map(|a| a.to_string()))
                .unwrap_or_default()
        };
        let site_is_https = site_is_https(config);
        if !trusted(&peer) {
            return Self {
                ip: peer,
                https: site_is_https,
                host: host_header(),
            };
        }
        let forwarded = forwarded_pairs(headers);
        let hops: Vec<IpAddr> = match forwarded.iter().filter(|(k, _)| k == "for").count() {
            0 => list(headers, "x-forwarded-for")
                .iter()
                .filter_map(|h| address(h))
                .collect(),
            _ => forwarded
                .iter()
                .filter(|(k, _)| k == "for")
                .filter_map(|(_, v)| address(v))
                .collect(),
        };
        // The nearest hop that is not one of our proxies is the client.
        let ip = hops
            .iter()
            .rev()
            .find(|ip| !trusted(ip))
            .or(hops.first())
            .copied()
            .unwrap_or(peer);
        let first = |key: &str, legacy: &str| {
            forwarded
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .or_else(|| list(headers, legacy).into_iter().next())
        };
        Self {
            ip,
            https: site_is_https
                || first("proto", "x-forwarded-proto")
                    .is_some_and(|p| p.eq_ignore_ascii_case("https")),
            host: first("host", "x-forwarded-host").unwrap_or_else(host_header),
        }
    }

    /// The key a rate limit counts this client under: its address, or its /64 network
    /// for IPv6, where one subscriber holds a whole /64.
    pub fn bucket(&self) -> IpAddr {
        match self.ip {
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => {
                    let mut segments = v6.segments();
                    segments[4..].fill(0);
                    IpAddr::from(segments)
                }
            },
            v4 => v4,
        }
    }
}

/// Whether the site's own address is HTTPS, so every client's connection is.
fn site_is_https(config: &Config) -> bool {
    config
        .site_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"))
}

/// Every `key=value` of every `Forwarded` header, in order, keys lowercased, quotes removed.
fn forwarded_pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .get_all(header::FORWARDED)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split([',', ';']))
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| {
            (
                k.trim().to_ascii_lowercase(),
                v.trim().trim_matches('"').to_owned(),
            )
        })
        .collect()
}

/// The comma-separated values of every `name` header, in order.
fn list(headers: &HeaderMap, name: &str) -> Vec<String> {
    headers
        .get_all(name)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

/// An address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]:4711`.
fn address(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    text.parse::<IpAddr>()
        .ok()
        .or_else(|| text.parse::<SocketAddr>().ok().map(|a| a.ip()))
        .or_else(|| {
            text.trim_start_matches('[')
                .trim_end_matches(']')
                .parse()
                .ok()
        })
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    fn config(trusted: &[&str], site_url: Option<&str>) -> Config {
        Config {
            addr: ([127, 0, 0, 1], 8080).into(),
            content: crate::config::ContentDir {
                path: "content".into(),
            },
            data_dir: "data".into(),
            database_url: crate::db::DatabaseUrl::Sqlite,
            csrf_key: None,
            prerender: false,
            post_limit: 0,
            site_url: site_url.map(str::to_owned),
            trusted_proxies: trusted
                .iter()
                .map(|t| parse_proxy(t).expect("proxy"))
                .collect(),
        }
    }

    fn client(peer: &str, headers: &[(&str, &str)], config: &Config) -> Client {
        let mut req = TestRequest::get().peer_addr(peer.parse().expect("peer"));
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        Client::of(req.to_http_request().head(), config)
    }

    #[test]
    fn forwarding_headers_from_anyone_else_are_ignored() {
        let config = config(&["10.0.0.0/8"], None);
        let spoofed = [
            ("x-forwarded-for", "1.2.3.4"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "evil.example"),
            ("host", "rolebook.test"),
        ];
        let seen = client("203.0.113.9:5000", &spoofed, &config);
        assert_eq!(
            seen,
            Client {
                ip: "203.0.113.9".parse().expect("ip"),
                https: false,
                host: "rolebook.test".into()
            }
        );
    }

    #[test]
    fn a_trusted_proxy_names_the_client_scheme_and_host() {
        let config = config(&["10.0.0.0/8", "192.0.2.7"], None);
        let headers = [
            ("x-forwarded-for", "6.6.6.6, 198.51.100.20, 10.1.1.1"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "jobs.example"),
        ];
        let seen = client("10.0.0.2:1234", &headers, &config);
        assert_eq!(
            seen.ip,
            "198.51.100.20".parse::<IpAddr>().expect("ip"),
            "the nearest untrusted hop; the first is the client's to forge"
        );
        assert!(seen.https);
        assert_eq!(seen.host, "jobs.example");
        let standard = client(
            "192.0.2.7:80",
            &[(
                "forwarded",
                "for=\"[2001:db8::5]:4711\";proto=https;host=jobs.example",
            )],
            &config,
        );
        assert_eq!(standard.ip, "2001:db8::5".parse::<IpAddr>().expect("ip"));
        assert!(standard.https);
    }

    #[test]
    fn an_https_site_address_means_https_whatever_the_headers() {
        let config = config(&[], Some("https://rolebook.example"));
        assert!(client("203.0.113.9:5000", &[], &config).https);
    }

    #[test]
    fn ipv6_clients_share_a_bucket_per_64() {
        let config = config(&[], None);
        let a = client("[2001:db8:1:2:aaaa::1]:1", &[], &config).bucket();
        let b = client("[2001:db8:1:2:bbbb::9]:1", &[], &config).bucket();
        let c = client("[2001:db8:1:3::1]:1", &[], &config).bucket();
        assert_eq!(a, b);
        assert_ne!(a, c);
        let mapped = client("[::ffff:192.0.2.1]:1", &[], &config).bucket();
        assert_eq!(mapped, "192.0.2.1".parse::<IpAddr>().expect("ip"));
    }

    #[test]
    fn proxies_are_addresses_or_networks() {
        assert_eq!(
            parse_proxy("10.0.0.1").expect("one").to_string(),
            "10.0.0.1/32"
        );
        assert_eq!(
            parse_proxy("fd00::/8").expect("net").to_string(),
            "fd00::/8"
        );
        assert!(parse_proxy("proxy.local").is_err());
    }
}
