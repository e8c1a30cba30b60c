"""An article file's bytes -> text: UTF-8 first, other encodings only on clear evidence.

The evidence, in order:
1. a UTF-16 or UTF-32 byte-order mark: decoded with that codec (warning), or named in the error;
2. NUL bytes: UTF-16 without a byte-order mark when they sit on every other byte of mostly text
   (warning), else binary (error);
3. valid UTF-8: the text as it is (a UTF-8 BOM stays in the text; see `Article.text_for_nlp`);
4. UTF-8 with some invalid bytes: when the file holds at least as many well-formed multi-byte UTF-8
   characters as invalid sequences, it is UTF-8 with a few bad bytes: each becomes U+FFFD and the
   warning says how many (decoding it as CP1252 would turn every umlaut into mojibake);
5. otherwise CP1252, when the whole file decodes as CP1252 and reads as Western text (warning);
6. a handful of stray bytes in otherwise ASCII text: UTF-8 with U+FFFD (warning);
7. else an error naming what was found.
CP1252 is the only 8-bit encoding met in German news exports; guessing among the others from
statistics (as charset detectors do) would misread short texts, so it is not attempted.
"""
from __future__ import annotations

import codecs
from typing import NamedTuple

# UTF-32 first: its little-endian mark begins with UTF-16's
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "UTF-32", "utf-32"), (codecs.BOM_UTF32_BE, "UTF-32", "utf-32"),
                    (codecs.BOM_UTF16_LE, "UTF-16", "utf-16"), (codecs.BOM_UTF16_BE, "UTF-16", "utf-16"))
REPLACEMENT = "\ufffd"
STRAY_BYTES_PER_MILLE = 1  # at most this many invalid bytes per 1,000 for step 6


class Decoded(NamedTuple):
    text: str | None  # None: not decodable as text
    error: str | None  # kind of problem for the errors table, or None when clean UTF-8
    severity: str | None  # "warning" (text decoded) or "error" (text is None)
    message: str | None


def decode_bytes(data: bytes) -> Decoded:
    for mark, name, codec in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                return Decoded(None, "bad_encoding", "error",
                               f"starts with a {name} byte-order mark but is not valid {name} ({exc.reason})")
            return _checked(text, "not_utf8", f"decoded as {name} (byte-order mark); offsets refer to the decoded text")
    if b"\x00" in data:
        codec = _utf16_without_mark(data)
        if codec:
            try:
                text = data.decode(codec.lower())
            except UnicodeDecodeError as exc:  # text cut short, say: named, unless it is not text at all
                if _printable(data[: len(data) // 2 * 2].decode(codec.lower(), "replace")):
                    return Decoded(None, "bad_encoding", "error", f"looks like {codec} without a byte-order mark "
                                                                  "(NUL bytes on every other byte) but is not "
                                                                  f"valid {codec} ({exc.reason})")
                text = ""
            if _printable(text):
                return _checked(text, "not_utf8", f"decoded as {codec} (no byte-order mark: NUL bytes on every "
                                                  "other byte); offsets refer to the decoded text")
        return Decoded(None, "binary", "error", "file contains NUL bytes: not a text file")
    try:
        return _checked(data.decode("utf-8"), None, None)
    except UnicodeDecodeError as exc:
        first_error = f"{exc.reason} at byte {exc.start}"
    text = data.decode("utf-8", "replace")
    invalid = text.count(REPLACEMENT) - data.count(REPLACEMENT.encode())
    multibyte = sum(not char.isascii() for char in text) - invalid
    if 0 < invalid <= multibyte and _printable(text):
        return _utf8_with_replacements(text, invalid, first_error)
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _printable(western) and _mostly_ascii(western):
        return Decoded(western, "not_utf8", "warning", f"not valid UTF-8 ({first_error}); decoded as CP1252, "
                                                       "so offsets refer to the CP1252-decoded text")
    if invalid * 1000 <= STRAY_BYTES_PER_MILLE * len(data) and _printable(text):
        return _utf8_with_replacements(text, invalid, first_error)
    return Decoded(None, "not_utf8", "error",
                   f"not valid UTF-8 ({first_error}; {invalid} invalid byte sequences) and not clearly CP1252")


def _utf8_with_replacements(text: str, invalid: int, first_error: str) -> Decoded:
    return Decoded(text, "invalid_utf8", "warning",
                   f"UTF-8 with {invalid} invalid byte sequence{'s' * (invalid != 1)} (first: {first_error}), "
                   "each replaced by U+FFFD; offsets refer to the text with the replacements")


def _utf16_without_mark(data: bytes) -> str | None:
    """The UTF-16 codec whose high bytes the NUL bytes are (every other byte, in text), or None."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = max(len(data) // 2, 1)
    for codec, high, low in (("UTF-16-LE", odd, even), ("UTF-16-BE", even, odd)):
        if high >= 0.3 * half and low <= 0.01 * half:
            return codec
    return None


def _checked(text: str, error: str | None, message: str | None) -> Decoded:
    if not text.replace("\ufeff", "").strip():
        return Decoded(None, "empty", "error", "file is empty")
    return Decoded(text, error, "warning" if error else None, message)


def _printable(text: str) -> bool:
    if not text:
        return False
    printable = sum(char.isprintable() or char in "\r\n\t" for char in text)
    return printable / len(text) > 0.99


def _mostly_ascii(text: str) -> bool:
    """Cyrillic or Greek 8-bit text decoded as CP1252 is mostly accented letters: not Western text."""
    return sum(char.isascii() for char in text) / len(text) > 0.9
