//! Text from the bytes of a file, as the tools people use save it: UTF-8
//! with or without a byte order mark (Excel's "CSV UTF-8"), UTF-16 with a
//! byte order mark (Excel's "Unicode text", little or big endian), and
//! Windows-1252 when the bytes are not UTF-8 (Danish Excel's plain "CSV
//! (semikolonsepareret)", and Statbank's Latin-1 exports).
//!
//! Windows-1252 is decoded by its own table rather than by `encoding_rs`:
//! bytes 0xA0-0xFF are the Unicode code points of the same number (Latin-1)
//! and only 0x80-0x9F differ, 32 entries. That keeps the web build within its
//! size budget with no dependency; the mapping is WHATWG's (the five bytes
//! Windows-1252 leaves undefined become the C1 control of that number, as
//! browsers decode them). A test holds every one of the 128 upper bytes to
//! the standard's table.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// The encoding a file's bytes were read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Encoding {
    /// UTF-8 without a byte order mark (or plain ASCII).
    #[serde(rename = "utf-8")]
    Utf8,
    /// UTF-8 with a byte order mark (Excel's "CSV UTF-8").
    #[serde(rename = "utf-8-bom")]
    Utf8Bom,
    /// UTF-16 little endian with a byte order mark (Excel's "Unicode text").
    #[serde(rename = "utf-16le")]
    Utf16le,
    /// UTF-16 big endian with a byte order mark.
    #[serde(rename = "utf-16be")]
    Utf16be,
    /// Windows-1252: bytes that are not UTF-8 (Danish Excel's "CSV").
    #[serde(rename = "windows-1252")]
    Windows1252,
}

impl Encoding {
    /// The encoding's usual name ("UTF-8", "Windows-1252").
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with a byte order mark",
            Encoding::Utf16le => "UTF-16 LE",
            Encoding::Utf16be => "UTF-16 BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }

    /// Whether the encoding is UTF-8 (the expected one, not worth a note).
    pub fn is_utf8(self) -> bool {
        matches!(self, Encoding::Utf8 | Encoding::Utf8Bom)
    }
}

/// Text and the encoding it was read in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// The encoding found.
    pub encoding: Encoding,
}

/// Windows-1252's bytes 0x80-0x9F (WHATWG's index; the undefined 0x81,
/// 0x8D, 0x8F, 0x90 and 0x9D stay the C1 control of their number).
const CP1252_80_9F: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_80_9F[usize::from(b - 0x80)],
            b => char::from(b),
        })
        .collect()
}

fn utf16(bytes: &[u8], big_endian: bool, encoding: Encoding) -> Result<String> {
    if bytes.len() % 2 != 0 {
        return Err(Error::Encoding {
            field: String::new(),
            encoding: encoding.name().into(),
            // The dangling last byte, after the BOM's two (1-based).
            offset: 2 + bytes.len() as u64,
            message: "the file ends in the middle of a character (an odd number of bytes)".into(),
        });
    }
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(Error::Encoding {
                    field: String::new(),
                    encoding: encoding.name().into(),
                    // The BOM's two bytes, then two a unit (1-based).
                    offset: 2 + 2 * i as u64 + 1,
                    message: "a lone surrogate, not a character".into(),
                });
            }
        }
    }
    Ok(text)
}

/// The text of a file's bytes: a byte order mark decides (UTF-8, UTF-16 LE
/// or BE); without one, bytes that are valid UTF-8 are UTF-8 and any other
/// bytes Windows-1252 (every byte is a character there, so this never
/// fails). UTF-16 that ends mid-character or holds a lone surrogate is an
/// error with the byte's place.
///
/// # Example
/// ```
/// use andel_core::encoding::{decode, Encoding};
/// // "Læsø;1769" as Danish Excel saves it (Windows-1252).
/// let d = decode(b"L\xe6s\xf8;1769")?;
/// assert_eq!((d.text.as_str(), d.encoding), ("Læsø;1769", Encoding::Windows1252));
/// // The same as Excel's "Unicode text" (UTF-16 LE with a byte order mark).
/// let bytes: Vec<u8> = [0xFF, 0xFE].into_iter()
///     .chain("Læsø".encode_utf16().flat_map(u16::to_le_bytes)).collect();
/// assert_eq!(decode(&bytes)?.text, "Læsø");
/// # Ok::<(), andel_core::Error>(())
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        // A UTF-8 mark with bytes that are not UTF-8 after it: read them as
        // Windows-1252 rather than refuse (the mark was wrong).
        return Ok(match std::str::from_utf8(rest) {
            Ok(t) => Decoded {
                text: t.to_string(),
                encoding: Encoding::Utf8Bom,
            },
            Err(_) => Decoded {
                text: windows_1252(rest),
                encoding: Encoding::Windows1252,
            },
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(Decoded {
            text: utf16(rest, false, Encoding::Utf16le)?,
            encoding: Encoding::Utf16le,
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(Decoded {
            text: utf16(rest, true, Encoding::Utf16be)?,
            encoding: Encoding::Utf16be,
        });
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(t) => Decoded {
            text: t.to_string(),
            encoding: Encoding::Utf8,
        },
        Err(_) => Decoded {
            text: windows_1252(bytes),
            encoding: Encoding::Windows1252,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 32 bytes where Windows-1252 is not Latin-1, from the WHATWG
    /// Encoding Standard's index-windows-1252.txt (pointer 0-31), typed in
    /// from the standard, not from the table above.
    #[test]
    fn the_whole_upper_half_is_windows_1252() {
        let standard: [u32; 32] = [
            0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160,
            0x2039, 0x152, 0x8D, 0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
            0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
        ];
        let bytes: Vec<u8> = (0x80..=0xFF).collect();
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, Encoding::Windows1252);
        let got: Vec<u32> = d.text.chars().map(u32::from).collect();
        let mut want: Vec<u32> = standard.to_vec();
        want.extend(0xA0..=0xFF);
        assert_eq!(got, want);
    }

    #[test]
    fn marks_decide_and_utf8_stays_utf8() {
        let d = decode("Mors\u{f8};1".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Morsø;1", Encoding::Utf8));
        let d = decode("\u{feff}Mors\u{f8}".as_bytes()).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Morsø", Encoding::Utf8Bom));
        // UTF-16 BE: FE FF, then "Æ" = 00 C6.
        let d = decode(&[0xFE, 0xFF, 0x00, 0xC6]).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("Æ", Encoding::Utf16be));
        let e = decode(&[0xFF, 0xFE, 0x41]).unwrap_err();
        assert_eq!(e.code(), "encoding");
        // A lone high surrogate D800 in LE: bytes 00 D8 at offsets 3-4.
        let e = decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]).unwrap_err();
        assert!(matches!(e, Error::Encoding { offset: 3, .. }), "{e}");
    }
}
