//! Rolebook: an employer resource library of job descriptions, pay data and a job
//! description builder, served as plain HTML.
//!
//! Data flows one way: [`content`] (with its [`wages`] data) is loaded and validated
//! at start-up, then the [`web`] layer reads it to answer requests.

pub mod builder;
pub mod cli;
pub mod config;
pub mod content;
pub mod dates;
pub mod db;
pub mod diagnostics;
pub mod error;
pub mod html;
pub mod random;
pub mod search;
pub mod server;
pub mod wages;
pub mod web;
pub mod words;
