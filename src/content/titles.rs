//! The job-title dictionary, `content/data/titles/*.toml`: the titles employers type,
//! each mapped to the SOC detailed occupation it belongs to. Under each code, the first
//! title is the one most employers use.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::front_matter::Document;
use crate::diagnostics::{ContentError, Problem};
use crate::wages::{Level, SocCode, WageData};
use crate::words::normalize;

/// The longest title.
pub const TITLE_MAX: usize = 80;

/// One title and the occupation it names.
#[derive(Debug, Clone)]
pub struct JobTitle {
    /// The title as written, e.g. "Electrician's Helper".
    pub title: String,
    /// Its occupation.
    pub soc: SocCode,
    /// Where it is written, for the checks across files.
    file: usize,
    line: usize,
}

/// Every title of the dictionary.
#[derive(Debug, Default)]
pub struct TitleDictionary {
    titles: Vec<JobTitle>,
    files: Vec<PathBuf>,
    /// For each code, the indexes of its titles in file order.
    by_code: HashMap<SocCode, Vec<usize>>,
}

type TitleFile = BTreeMap<Spanned<String>, Vec<Spanned<String>>>;

impl TitleDictionary {
    /// Reads `files` (each a TOML table of code = [titles]), reporting every problem
    /// with its file and line: bad TOML, unknown codes, a code in two files, empty,
    /// over-long or repeated titles, and a repeat of the official title.
    pub fn load(files: &[(PathBuf, String)], wages: &WageData) -> (Self, Vec<ContentError>) {
        let mut dictionary = Self::default();
        let mut errors = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut code_file: HashMap<SocCode, usize> = HashMap::new();
        for (path, source) in files {
            let file = dictionary.files.len();
            dictionary.files.push(path.clone());
            let doc = Document::toml(source);
            let table = match doc.front_matter::<TitleFile>() {
                Ok(table) => table,
                Err(problem) => {
                    errors.push(problem.in_file(path));
                    continue;
                }
            };
            let mut problem = |line, message: String| {
                errors.push(Problem::new(line, message).in_file(path));
            };
            for (key, titles) in &table {
                let key_line = doc.line_of(key.span());
                let Some(soc) = detailed(key.get_ref(), wages) else {
                    problem(
                        key_line,
                        format!(
                            "unknown SOC code \"{}\": titles map to a detailed occupation in the wage data",
                            key.get_ref()
                        ),
                    );
                    continue;
                };
                if let Some(other) = code_file.insert(soc.clone(), file) {
                    problem(
                        key_line,
                        format!(
                            "{soc} is listed again; it is already in {}",
                            dictionary.files[other].display()
                        ),
                    );
                }
                let official = wages.occupation(&soc).map(|o| normalize(&o.title));
                for title in titles {
                    let line = doc.line_of(title.span());
                    let text = title.get_ref().trim();
                    let length = text.chars().count();
                    if text.is_empty() || normalize(text).is_empty() {
                        problem(line, "empty title".to_owned());
                        continue;
                    }
                    if length > TITLE_MAX {
                        problem(
                            line,
                            format!(
                                "title \"{text}\" is {length} characters long; the limit is {TITLE_MAX}"
                            ),
                        );
                        continue;
                    }
                    let key = normalize(text);
                    if official.as_deref() == Some(key.as_str()) {
                        problem(
                            line,
                            format!(
                                "\"{text}\" is the official title of {soc}, which search already knows"
                            ),
                        );
                        continue;
                    }
                    if let Some(&first) = seen.get(&key) {
                        let first = &dictionary.titles[first];
                        problem(
                            line,
                            format!(
                                "title \"{text}\" is listed twice: also at {}:{} (under {})",
                                dictionary.files[first.file].display(),
                                first.line,
                                first.soc
                            ),
                        );
                        continue;
                    }
                    seen.insert(key, dictionary.titles.len());
                    dictionary
                        .by_code
                        .entry(soc.clone())
                        .or_default()
                        .push(dictionary.titles.len());
                    dictionary.titles.push(JobTitle {
                        title: text.to_owned(),
                        soc: soc.clone(),
                        file,
                        line,
                    });
                }
            }
        }
        (dictionary, errors)
    }

    /// Every title.
    pub fn titles(&self) -> &[JobTitle] {
        &self.titles
    }

    /// The titles of `soc`, most used first.
    pub fn of(&self, soc: &SocCode) -> impl Iterator<Item = &JobTitle> {
        self.by_code
            .get(soc)
            .into_iter()
            .flatten()
            .map(|&i| &self.titles[i])
    }

    /// The title most employers use for `soc`, if the dictionary has one.
    pub fn most_common(&self, soc: &SocCode) -> Option<&str> {
        self.of(soc).next().map(|t| t.title.as_str())
    }

    /// A problem for each title that is also a role's title or alias (`names`:
    /// normalized name to the role's code and file) but names another occupation.
    pub fn check_against(&self, names: &HashMap<String, (SocCode, &Path)>) -> Vec<ContentError> {
        self.titles
            .iter()
            .filter_map(|title| {
                let (soc, role) = names.get(&normalize(&title.title))?;
                (*soc != title.soc).then(|| {
                    Problem::new(
                        title.line,
                        format!(
                            "\"{}\" is listed under {}, but it is a title or alias of {}, which is {soc}",
                            title.title,
                            title.soc,
                            role.display()
                        ),
                    )
                    .in_file(&self.files[title.file])
                })
            })
            .collect()
    }
}

/// `text` as a detailed occupation of the wage data.
fn detailed(text: &str, wages: &WageData) -> Option<SocCode> {
    let soc = SocCode::parse(text.trim()).ok()?;
    wages
        .occupation(&soc)
        .is_some_and(|o| o.level == Level::Detailed)
        .then_some(soc)
}
