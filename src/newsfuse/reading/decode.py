"""Bytes to normalised text: encoding detection, binary rejection, Unicode clean-up.

Readers are forgiving about text: a Latin-1 or UTF-16 file is read, not
skipped. They are strict about what is not text at all: images, PDFs, archives
and other binary files are rejected with a reason the user can act on.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from newsfuse.errors import InputError

# Byte-order marks, longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Leading bytes of common non-text formats people drop into a news folder by mistake.
BINARY_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"PK\x03\x04", "a zip archive (or .docx/.xlsx/.epub)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)

# Share of control characters (other than tab, newline, carriage return, form feed)
# above which decoded "text" is really binary. Real text has none; 1 % tolerates
# the odd stray escape character in scraped pages.
MAX_CONTROL_CHAR_RATIO = 0.01

# UTF-16 without a BOM: ASCII-heavy text has a NUL in every other byte. If at least
# this share of the odd (or even) bytes are NUL, and almost none of the others, it is
# UTF-16 rather than binary.
UTF16_NUL_RATIO = 0.3

# When a file is neither UTF-8 nor UTF-16, Western European text in cp1252/Latin-1
# has only a few non-ASCII letters among many ASCII ones. Below this share of
# high bytes among letters we decode as cp1252 directly, because charset-normalizer
# often mistakes short Latin-1 texts for cp1250 (ñ becomes ń).
MAX_HIGH_BYTE_SHARE_FOR_CP1252 = 0.3

# Zero-width characters that break tokenisation and string matching but carry no text.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Non-breaking and other fixed-width spaces become plain spaces.
_ODD_SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def detect_binary(data: bytes) -> str | None:
    """Say what kind of binary file ``data`` is, or None if it may be text."""
    for magic, kind in BINARY_MAGIC_NUMBERS:
        if data.startswith(magic):
            return kind
    return None


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode the bytes of one input to text, trying BOMs, UTF-8, UTF-16, then detection.

    Raises :class:`InputError` (naming ``origin``) for binary or undecodable data;
    readers turn it into a :class:`~newsfuse.model.Skipped`.
    """
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return _reject_control_chars(data[len(bom) :].decode(encoding), origin)
            except UnicodeDecodeError as error:
                raise InputError(
                    origin,
                    f"starts with a {encoding} byte-order mark but is not {encoding} "
                    f"(byte {error.start + len(bom)}); re-save the file as UTF-8",
                ) from None
    kind = detect_binary(data)
    if kind:
        raise InputError(origin, f"is {kind}, not text; convert it to .txt or .html first")
    if b"\x00" in data:  # before UTF-8: ASCII in UTF-16 is also valid UTF-8, NULs and all
        return _reject_control_chars(_decode_utf16_without_bom(data, origin), origin)
    try:
        return _reject_control_chars(data.decode("utf-8"), origin)
    except UnicodeDecodeError:
        pass
    return _reject_control_chars(_decode_single_byte(data, origin), origin)


def _decode_utf16_without_bom(data: bytes, origin: str) -> str:
    even_nuls = data[0::2].count(0) / max(1, len(data[0::2]))
    odd_nuls = data[1::2].count(0) / max(1, len(data[1::2]))
    if odd_nuls >= UTF16_NUL_RATIO and even_nuls < UTF16_NUL_RATIO / 10:
        encoding = "utf-16-le"
    elif even_nuls >= UTF16_NUL_RATIO and odd_nuls < UTF16_NUL_RATIO / 10:
        encoding = "utf-16-be"
    else:
        raise InputError(origin, "contains NUL bytes: it is binary, not text; skipped")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            origin,
            f"looks like {encoding} without a byte-order mark but does not decode; "
            "re-save it as UTF-8",
        ) from None


def _decode_single_byte(data: bytes, origin: str) -> str:
    high = sum(1 for byte in data if byte >= 0x80)
    letters = high + sum(1 for byte in data if 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A)
    if letters and high / letters < MAX_HIGH_BYTE_SHARE_FOR_CP1252:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    # Loaded only for the rare file that is neither UTF-8 nor cp1252: it is slow to import.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(origin, "is neither UTF-8 nor any known text encoding; skipped")
    return str(best)


def _reject_control_chars(text: str, origin: str) -> str:
    controls = len(_CONTROL.findall(text))
    if text and controls / len(text) > MAX_CONTROL_CHAR_RATIO:
        raise InputError(
            origin, f"has {controls} control characters: it is binary, not text; skipped"
        )
    return text


def normalise_text(text: str) -> str:
    """Normalise text for every later stage: NFC, ``\\n`` line ends, no zero-width chars.

    Non-breaking spaces become plain spaces; paragraphs (blank lines) are kept;
    stray control characters are dropped.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _CONTROL.sub("", text.replace("\x0c", "\n"))
    return text.strip()
