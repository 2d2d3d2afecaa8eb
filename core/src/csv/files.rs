//! Reading a file someone named: the one way andel opens files for reading
//! (a document's `csv.path`, the command line's document and `--weights`,
//! the report's folder, Python's `read_csv` and `compute(path)`).
//!
//! The real path is resolved (symbolic links followed) and then checked to be
//! inside the allowed folder; only regular files are read, so a FIFO or a
//! device (`/dev/zero`) is refused without waiting on it; the size limit is
//! checked before a byte is read. The bytes come back as they are: turning
//! them into text is the next step ([`text`]), apart from this one.

use crate::error::{FileRefusal, Problem};
use crate::{Error, Result};

/// The most bytes a file may have (the limit for CSV text too).
pub const MAX_FILE_BYTES: usize = crate::csv::MAX_INPUT_BYTES;

/// Which files a document's `csv.path` (or any other named file) may read.
/// Reading files is the caller's decision: none by default (a document from
/// a stranger must not read the machine's files), a folder for a document
/// that lives in one.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum FileAccess {
    /// No files: `csv.path` is an error (the browser; services by default).
    #[default]
    None,
    /// Relative paths inside this folder (the document's own folder, say);
    /// absolute paths and `..` are refused, and so is a path whose real
    /// place (symbolic links followed) is outside the folder.
    Under(std::path::PathBuf),
    /// Any path the process can read (a person's own documents, by choice).
    Anywhere,
}

fn refuse(field: &str, path: &str, why: FileRefusal) -> Error {
    Error::Io {
        field: field.to_string(),
        message: Problem::FileRefused {
            path: path.to_string(),
            why,
        }
        .into(),
    }
}

/// The bytes of the regular file at `path`, as `access` allows and at most
/// `limit` bytes; errors are at `field` and show the path escaped.
#[cfg(feature = "fs")]
pub fn read(path: &str, access: &FileAccess, field: &str, limit: usize) -> Result<Vec<u8>> {
    use crate::error::IoKind;
    use std::io::Read;
    use std::path::{Component, Path};
    let refuse = |why: FileRefusal| refuse(field, path, why);
    let cannot = |e: std::io::Error| {
        refuse(FileRefusal::CannotRead {
            kind: IoKind::of(&e),
            os: e.to_string(),
        })
    };
    let p = Path::new(path);
    let real = match access {
        FileAccess::None => return Err(refuse(FileRefusal::NoAccess)),
        FileAccess::Anywhere => std::fs::canonicalize(p).map_err(cannot)?,
        FileAccess::Under(dir) => {
            let outside = p.is_absolute()
                || p.components()
                    .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
            if outside {
                return Err(refuse(FileRefusal::OutsideFolder));
            }
            let root = std::fs::canonicalize(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            })
            .map_err(|e| {
                refuse(FileRefusal::FolderUnreadable {
                    kind: IoKind::of(&e),
                    os: e.to_string(),
                })
            })?;
            let real = std::fs::canonicalize(root.join(p)).map_err(cannot)?;
            if !real.starts_with(&root) {
                return Err(refuse(FileRefusal::LinkOutside));
            }
            real
        }
    };
    let not_regular = || refuse(FileRefusal::NotRegular);
    // Checked before it is opened: opening a FIFO waits for a writer.
    let meta = std::fs::metadata(&real).map_err(cannot)?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let too_large = || refuse(FileRefusal::TooLarge { mib: limit >> 20 });
    if meta.len() > limit as u64 {
        return Err(too_large());
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        // O_NONBLOCK: should the file have become a FIFO since it was
        // looked at, opening it does not wait.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(0o4000);
    }
    let file = options.open(&real).map_err(cannot)?;
    // The file opened is the one checked (not swapped in between).
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(limit));
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Without the `fs` feature (the browser) no file is read.
#[cfg(not(feature = "fs"))]
pub fn read(path: &str, _access: &FileAccess, field: &str, _limit: usize) -> Result<Vec<u8>> {
    Err(refuse(field, path, FileRefusal::NoFiles))
}

/// Without the `fs` feature: the error for a file named (by `csv.path`,
/// which only a build with `csv_keys` reads).
#[cfg(all(not(feature = "fs"), feature = "csv_keys"))]
pub(crate) fn no_files(field: &str, path: &str, _access: &FileAccess) -> Error {
    Error::Io {
        field: field.to_string(),
        message: Problem::FileRefused {
            path: path.to_string(),
            why: FileRefusal::NoFiles,
        }
        .into(),
    }
}

/// The text of a file's bytes: UTF-8, a leading byte-order mark dropped.
/// Bytes that are not UTF-8 are an error at `field` saying where, without
/// quoting the file.
pub fn text(bytes: Vec<u8>, field: &str) -> Result<String> {
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| Error::Io {
        field: field.to_string(),
        message: Problem::NotUtf8 {
            byte: e.utf8_error().valid_up_to() as u64 + 1,
        }
        .into(),
    })
}

#[cfg(all(test, feature = "fs", unix))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

    fn folder(name: &str) -> std::io::Result<std::path::PathBuf> {
        let d = std::env::temp_dir().join(format!("andel-files-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d)?;
        Ok(d)
    }

    #[test]
    fn a_link_out_of_the_folder_is_refused_and_one_inside_is_read() -> TestResult {
        let outside = folder("outside")?;
        std::fs::write(outside.join("secret.csv"), "root:x:0:0\n")?;
        let docs = folder("docs")?;
        std::fs::write(docs.join("w.csv"), "A;1\n")?;
        std::os::unix::fs::symlink(outside.join("secret.csv"), docs.join("link.csv"))?;
        std::os::unix::fs::symlink(&outside, docs.join("sub"))?;
        std::os::unix::fs::symlink(docs.join("w.csv"), docs.join("inside.csv"))?;
        let access = FileAccess::Under(docs.clone());
        for path in ["link.csv", "sub/secret.csv"] {
            let e = read(path, &access, "key.csv.path", 1 << 20).unwrap_err();
            assert_eq!(e.code(), "io");
            assert_eq!(e.field(), Some("key.csv.path"));
            assert!(e.to_string().contains("outside"), "{e}");
            assert!(!e.to_string().contains("root:x"), "{e}");
        }
        assert_eq!(read("inside.csv", &access, "f", 1 << 20)?, b"A;1\n");
        assert_eq!(read("w.csv", &access, "f", 1 << 20)?, b"A;1\n");
        Ok(())
    }

    #[test]
    fn a_fifo_a_device_and_a_folder_are_refused_without_waiting() -> TestResult {
        let docs = folder("fifo")?;
        let fifo = docs.join("pipe.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status()?;
        assert!(made.success());
        let e = read("pipe.csv", &FileAccess::Under(docs.clone()), "f", 1 << 20).unwrap_err();
        assert!(e.to_string().contains("not a regular file"), "{e}");
        for path in ["/dev/zero", "/tmp"] {
            let e = read(path, &FileAccess::Anywhere, "f", 1 << 20).unwrap_err();
            assert!(e.to_string().contains("not a regular file"), "{e}");
        }
        Ok(())
    }

    #[test]
    fn the_size_limit_holds_before_reading() -> TestResult {
        let docs = folder("size")?;
        std::fs::write(docs.join("big.csv"), vec![b'1'; 2000])?;
        let e = read("big.csv", &FileAccess::Under(docs), "f", 1000).unwrap_err();
        assert!(e.to_string().contains("over"), "{e}");
        Ok(())
    }

    #[test]
    fn text_drops_a_bom_and_says_where_bytes_are_not_utf8() -> TestResult {
        assert_eq!(text(b"\xef\xbb\xbfA;1".to_vec(), "f")?, "A;1");
        let e = text(b"A;\xe61".to_vec(), "weights").unwrap_err();
        assert_eq!(e.field(), Some("weights"));
        assert!(e.to_string().contains("byte 3"), "{e}");
        Ok(())
    }
}
