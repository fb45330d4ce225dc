//! Reading a whole PETRARCH XML file into memory.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use crate::model::{Environment, Record, RecordError, SentenceRecord};
use crate::reader::{Item, PetrarchReader};

/// Everything read from one PETRARCH XML file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PetrarchFile {
    /// The `<Environment>` block, if the file has one (the first, if several).
    pub environment: Option<Environment>,
    /// `<Config>`, `<Sentence>` and `<Stop>` records in file order.
    pub records: Vec<Record>,
    /// Records that could not be read (they are absent from `records`).
    pub errors: Vec<RecordError>,
}

impl PetrarchFile {
    /// The sentence records, in order.
    pub fn sentences(&self) -> impl Iterator<Item = &SentenceRecord> + '_ {
        self.records
            .iter()
            .filter_map(|record: &Record| match record {
                Record::Sentence(sentence) => Some(sentence),
                Record::Config(_) | Record::Stop => None,
            })
    }
}

/// A file that could not be read at all.
#[derive(Debug)]
pub struct IngestError {
    /// The file.
    pub path: PathBuf,
    /// Why it could not be read.
    pub source: io::Error,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.source)
    }
}

impl std::error::Error for IngestError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// Reads every record from `input`. Only an I/O failure is an error; malformed
/// records are collected in [`PetrarchFile::errors`].
pub fn read_petrarch<R: BufRead>(input: R) -> io::Result<PetrarchFile> {
    let mut file: PetrarchFile = PetrarchFile::default();
    for item in PetrarchReader::new(input) {
        match item? {
            Item::Environment(environment) => {
                if file.environment.is_none() {
                    file.environment = Some(environment);
                }
            }
            Item::Record(record) => file.records.push(record),
            Item::Error(error) => file.errors.push(error),
        }
    }
    Ok(file)
}

/// Reads a PETRARCH XML file (e.g. `PETR.UnitTest.records.xml`).
pub fn read_petrarch_xml(path: impl AsRef<Path>) -> Result<PetrarchFile, IngestError> {
    let path: &Path = path.as_ref();
    let failed = |source: io::Error| IngestError {
        path: path.to_path_buf(),
        source,
    };
    let input: File = File::open(path).map_err(failed)?;
    read_petrarch(BufReader::new(input)).map_err(failed)
}
