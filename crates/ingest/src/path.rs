//! Reading files, folders and standard input in any [`InputFormat`].
//!
//! A folder is read recursively in sorted order (byte order of names, depth
//! first); hidden entries (`.name`), README/LICENSE/Markdown files and symlinked folders are skipped. Gzip
//! input (any file starting with the gzip magic, e.g. `.warc.gz`, `.jsonl.gz`)
//! is decompressed as a stream of members first. JSONL and WARC stream;
//! the other formats read the whole (decompressed) file, up to
//! [`MAX_WHOLE_FILE_BYTES`].
//!
//! Every problem is a [`DocumentError`] in the stream, never a stop: a file
//! that cannot be opened, an unknown or binary format, a truncated gzip.

use std::collections::VecDeque;
use std::fs::{self, DirEntry, File};
use std::io::{self, BufReader, Chain, Cursor, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;

use crate::date::Date;
use crate::decode::looks_binary;
use crate::document::{DocumentError, DocumentResult, Origin};
use crate::feed::read_feed;
use crate::format::{InputFormat, SNIFF_BYTES};
use crate::html::read_html;
use crate::jsonl::read_jsonl;
use crate::petrarch_documents::read_petrarch_documents;
use crate::text::read_text;
use crate::warc::read_warc;

/// Largest decompressed size read into memory for a whole-file format.
pub const MAX_WHOLE_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The name standard input goes by in origins.
pub const STDIN_NAME: &str = "<stdin>";

/// A stream of documents and per-document errors.
pub type Documents = Box<dyn Iterator<Item = DocumentResult> + Send>;

/// Reads `path` — a file, a folder (recursively, sorted) or `-` for standard
/// input — as `format`, giving documents without a date `default_date`.
pub fn read_path(
    path: impl AsRef<Path>,
    format: InputFormat,
    default_date: Option<Date>,
) -> PathDocuments {
    let path: &Path = path.as_ref();
    let mut inputs: VecDeque<Input> = VecDeque::new();
    if path.as_os_str() == "-" {
        inputs.push_back(Input::Stdin);
    } else if path.is_dir() {
        list_folder(path, &mut inputs);
    } else {
        inputs.push_back(Input::File(path.to_path_buf()));
    }
    PathDocuments {
        inputs,
        current: None,
        format,
        default_date,
    }
}

/// Reads one input stream named `name` (used in origins and, for
/// [`InputFormat::Auto`], for its extension) as `format`.
pub fn read_input(
    input: Box<dyn Read + Send>,
    name: &str,
    format: InputFormat,
    default_date: Option<Date>,
) -> Documents {
    with_default_date(open(input, name, Path::new(name), format), default_date)
}

fn with_default_date(documents: Documents, default_date: Option<Date>) -> Documents {
    Box::new(documents.map(move |result: DocumentResult| {
        result.map(|mut document| {
            document.apply_default_date(default_date);
            document
        })
    }))
}

/// The documents of every input under a path, in order.
pub struct PathDocuments {
    inputs: VecDeque<Input>,
    current: Option<Documents>,
    format: InputFormat,
    default_date: Option<Date>,
}

enum Input {
    File(PathBuf),
    Stdin,
    Error(DocumentError),
}

impl Iterator for PathDocuments {
    type Item = DocumentResult;

    fn next(&mut self) -> Option<DocumentResult> {
        loop {
            if let Some(documents) = self.current.as_mut() {
                match documents.next() {
                    Some(result) => return Some(result),
                    None => self.current = None,
                }
            }
            match self.inputs.pop_front()? {
                Input::Error(error) => return Some(Err(error)),
                Input::Stdin => {
                    let stdin: Box<dyn Read + Send> = Box::new(io::stdin());
                    self.current = Some(read_input(
                        stdin,
                        STDIN_NAME,
                        self.format,
                        self.default_date,
                    ));
                }
                Input::File(path) => {
                    let name: String = path.display().to_string();
                    match File::open(&path) {
                        Ok(file) => {
                            let documents: Documents =
                                open(Box::new(file), &name, &path, self.format);
                            self.current = Some(with_default_date(documents, self.default_date));
                        }
                        Err(error) => {
                            return Some(Err(DocumentError::new(
                                Origin::file(name),
                                format!("cannot open: {error}"),
                            )));
                        }
                    }
                }
            }
        }
    }
}

/// Hidden entries, and a folder's own documentation (README, LICENSE, Markdown), which
/// are not news; a file named explicitly is always read.
fn is_skipped_in_folders(name: &str) -> bool {
    let lower: String = name.to_ascii_lowercase();
    name.starts_with('.')
        || lower.ends_with(".md")
        || lower.starts_with("readme")
        || lower.starts_with("license")
        || lower.starts_with("licence")
}

/// Queues every non-hidden, non-documentation file under `folder`, sorted, depth first.
fn list_folder(folder: &Path, inputs: &mut VecDeque<Input>) {
    let listing: io::Result<Vec<DirEntry>> =
        fs::read_dir(folder).and_then(|entries| entries.collect());
    let mut entries: Vec<DirEntry> = match listing {
        Ok(entries) => entries,
        Err(error) => {
            let origin: Origin = Origin::file(folder.display().to_string());
            inputs.push_back(Input::Error(DocumentError::new(
                origin,
                format!("cannot list folder: {error}"),
            )));
            return;
        }
    };
    entries.sort_by_key(DirEntry::file_name);
    for entry in entries {
        if is_skipped_in_folders(&entry.file_name().to_string_lossy()) {
            continue;
        }
        let path: PathBuf = entry.path();
        let is_symlink: bool = entry.file_type().is_ok_and(|kind| kind.is_symlink());
        if path.is_dir() {
            if !is_symlink {
                list_folder(&path, inputs);
            }
        } else {
            inputs.push_back(Input::File(path));
        }
    }
}

type Peeked = Chain<Chain<Cursor<Vec<u8>>, FailAtEnd>, Box<dyn Read + Send>>;

/// Reads up to [`SNIFF_BYTES`] from `input` and hands back those bytes and a
/// reader that yields them again followed by the rest. A read error while
/// peeking (a truncated gzip member) is kept and returned by the reader where
/// it happened, so the documents before it still come out.
fn peek(mut input: Box<dyn Read + Send>) -> (Vec<u8>, Peeked) {
    let mut head: Vec<u8> = Vec::with_capacity(SNIFF_BYTES);
    let failure: Option<io::Error> = (&mut input)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .err();
    let replay: Chain<Cursor<Vec<u8>>, FailAtEnd> =
        Cursor::new(head.clone()).chain(FailAtEnd(failure));
    (head, replay.chain(input))
}

/// A reader that is empty, or fails once with a stored error.
struct FailAtEnd(Option<io::Error>);

impl Read for FailAtEnd {
    fn read(&mut self, _buffer: &mut [u8]) -> io::Result<usize> {
        match self.0.take() {
            Some(error) => Err(error),
            None => Ok(0),
        }
    }
}

fn single(error: DocumentError) -> Documents {
    Box::new(std::iter::once(Err(error)))
}

/// The documents of one input stream.
fn open(input: Box<dyn Read + Send>, name: &str, path: &Path, format: InputFormat) -> Documents {
    let fail = |message: String| single(DocumentError::new(Origin::file(name), message));
    let buffered: Box<dyn Read + Send> = Box::new(BufReader::with_capacity(64 * 1024, input));
    let (mut head, mut stream): (Vec<u8>, Peeked) = peek(buffered);
    if head.starts_with(&[0x1f, 0x8b]) {
        let decoder: Box<dyn Read + Send> = Box::new(GzipErrors(MultiGzDecoder::new(stream)));
        (head, stream) = peek(decoder);
    }
    let format: InputFormat = match format {
        InputFormat::Auto => match InputFormat::detect(path, &head) {
            Some(format) => format,
            None if head.is_empty() => return fail("empty file".to_string()),
            None if looks_binary(&head) => {
                return fail("looks like binary data, not a news format".to_string());
            }
            None => {
                return fail(
                    "cannot tell the format (not text, JSONL, HTML, RSS/Atom, WARC or PETRARCH XML); name it explicitly"
                        .to_string(),
                );
            }
        },
        known => known,
    };
    match format {
        InputFormat::Jsonl => Box::new(read_jsonl(BufReader::new(stream), name)),
        InputFormat::Warc => Box::new(read_warc(BufReader::new(stream), name)),
        whole_file => {
            let mut bytes: Vec<u8> = Vec::new();
            if let Err(error) = stream
                .take(MAX_WHOLE_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
            {
                return fail(format!("cannot read (truncated or corrupt?): {error}"));
            }
            if bytes.len() as u64 > MAX_WHOLE_FILE_BYTES {
                return fail(format!("larger than {MAX_WHOLE_FILE_BYTES} bytes"));
            }
            read_whole(&bytes, name, whole_file)
        }
    }
}

/// Says "gzip" in the errors of a gzip decoder.
struct GzipErrors<R>(R);

impl<R: Read> Read for GzipErrors<R> {
    fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
        self.0.read(buffer).map_err(|error: io::Error| {
            let kind: io::ErrorKind = error.kind();
            io::Error::new(kind, format!("gzip data truncated or corrupt ({error})"))
        })
    }
}

fn read_whole(bytes: &[u8], name: &str, format: InputFormat) -> Documents {
    match format {
        InputFormat::Html => Box::new(std::iter::once(read_html(bytes, name))),
        InputFormat::Rss => Box::new(read_feed(bytes, name).into_iter()),
        InputFormat::PetrarchXml => Box::new(read_petrarch_documents(bytes, name)),
        // JSONL and WARC stream and never get here; Auto is resolved before.
        InputFormat::Text | InputFormat::Auto | InputFormat::Jsonl | InputFormat::Warc => {
            Box::new(std::iter::once(read_text(bytes, name)))
        }
    }
}
