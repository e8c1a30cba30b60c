import codecs

import pytest

from pipeline.decoding import decode_bytes

# A German article with many umlauts over several sentences
GERMAN = ("date 2024-01-01 Das Haus wurde zerstört, sagte Müller. Die Straße ist gesperrt. "
          "Übermorgen öffnen die Geschäfte wieder. Grüße aus Köln.")
BAD_AT = GERMAN.index(" Straße")  # ASCII before it, so the character and byte positions differ
ONE_BAD_BYTE = GERMAN[:BAD_AT].encode() + b"\xff" + GERMAN[BAD_AT:].encode()
ONE_BAD_BYTE_TEXT = GERMAN[:BAD_AT] + "\ufffd" + GERMAN[BAD_AT:]
ARTICLE = ("date 2024-01-01 „Wir sind erschüttert“, sagte Bürgermeisterin Jäger am Montag in Köln. "
           "Der Schaden beträgt rund 5 Millionen € – mehr als zunächst befürchtet. Die Straße bleibt gesperrt.")


@pytest.mark.parametrize("data, text, error, severity, message", [
    pytest.param(b"date 2024-01-01 Hallo Welt.", "date 2024-01-01 Hallo Welt.", None, None, None, id="ascii"),
    pytest.param(GERMAN.encode(), GERMAN, None, None, None, id="utf8"),
    # the UTF-8 BOM stays in the text (Article.text_for_nlp blanks it), no problem row
    pytest.param(codecs.BOM_UTF8 + GERMAN.encode(), "\ufeff" + GERMAN, None, None, None, id="utf8-bom"),
    pytest.param(ONE_BAD_BYTE, ONE_BAD_BYTE_TEXT, "invalid_utf8", "warning",
                 "UTF-8 with 1 invalid byte sequence (first: invalid start byte at byte "
                 f"{len(GERMAN[:BAD_AT].encode())})",
                 id="utf8-one-bad-byte"),
    pytest.param(GERMAN[:30].encode() + b"\xff" + GERMAN[30:BAD_AT].encode() + b"\xfe" + GERMAN[BAD_AT:].encode(),
                 GERMAN[:30] + "\ufffd" + GERMAN[30:BAD_AT] + "\ufffd" + GERMAN[BAD_AT:], "invalid_utf8", "warning",
                 "UTF-8 with 2 invalid byte sequences", id="utf8-two-bad-bytes"),
    # "ö" missing its second byte: one sequence, one U+FFFD
    pytest.param(GERMAN.encode().replace("ö".encode(), b"\xc3", 1), GERMAN.replace("ö", "\ufffd", 1),
                 "invalid_utf8", "warning", "1 invalid byte sequence (first: invalid continuation byte",
                 id="utf8-cut-char"),
    pytest.param(GERMAN.encode() + b"\xc3", GERMAN + "\ufffd", "invalid_utf8", "warning",
                 "1 invalid byte sequence (first: unexpected end of data", id="utf8-truncated-at-end"),
    # a U+FFFD already in the file is not counted as an invalid byte
    pytest.param("Text \ufffd mit ä.".encode() + b"\xff", "Text \ufffd mit ä.\ufffd", "invalid_utf8", "warning",
                 "UTF-8 with 1 invalid byte sequence ", id="utf8-literal-fffd-not-counted"),
    # ASCII text with a byte undefined in CP1252 (0x81): UTF-8 with U+FFFD
    pytest.param(b"a" * 2000 + b"\x81" + b"b" * 2000, "a" * 2000 + "\ufffd" + "b" * 2000, "invalid_utf8", "warning",
                 "1 invalid byte sequence", id="ascii-stray-byte"),
    pytest.param(GERMAN.encode("cp1252"), GERMAN, "not_utf8", "warning", "decoded as CP1252", id="cp1252"),
    pytest.param(ARTICLE.encode("cp1252"), ARTICLE, "not_utf8", "warning", "decoded as CP1252",
                 id="cp1252-quotes-euro"),
    pytest.param(codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"), GERMAN, "not_utf8", "warning",
                 "decoded as UTF-16 (byte-order mark)", id="utf16-le-bom"),
    pytest.param(codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), GERMAN, "not_utf8", "warning",
                 "decoded as UTF-16 (byte-order mark)", id="utf16-be-bom"),
    pytest.param(codecs.BOM_UTF32_LE + GERMAN.encode("utf-32-le"), GERMAN, "not_utf8", "warning",
                 "decoded as UTF-32 (byte-order mark)", id="utf32-le-bom"),
    pytest.param(codecs.BOM_UTF32_BE + GERMAN.encode("utf-32-be"), GERMAN, "not_utf8", "warning",
                 "decoded as UTF-32 (byte-order mark)", id="utf32-be-bom"),
    pytest.param(GERMAN.encode("utf-16-le"), GERMAN, "not_utf8", "warning", "decoded as UTF-16-LE (no byte-order mark",
                 id="utf16-le-no-bom"),
    pytest.param(GERMAN.encode("utf-16-be"), GERMAN, "not_utf8", "warning", "decoded as UTF-16-BE (no byte-order mark",
                 id="utf16-be-no-bom"),
    # a byte-order mark followed by what is not that encoding: an error naming it
    pytest.param(codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le")[:-1], None, "bad_encoding", "error",
                 "starts with a UTF-16 byte-order mark but is not valid UTF-16 (truncated data)",
                 id="utf16-bom-truncated"),
    pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", None, "bad_encoding", "error",
                 "not valid UTF-16 (illegal UTF-16 surrogate)", id="utf16-bom-lone-surrogate"),
    pytest.param(codecs.BOM_UTF32_LE + b"\x00\x00\x11\x00", None, "bad_encoding", "error",
                 "not valid UTF-32", id="utf32-bom-out-of-range"),
    # negative cases: not text
    pytest.param(bytes(range(256)), None, "binary", "error", "NUL bytes", id="binary-all-bytes"),
    pytest.param(b"GIF89a\x00\x01\x00" + bytes([7, 200, 0, 13] * 50), None, "binary", "error", "NUL bytes",
                 id="binary-gif"),
    pytest.param(bytes([200, 17, 3, 250] * 64), None, "not_utf8", "error", "not clearly CP1252", id="binary-no-nul"),
    pytest.param("date 2024-01-01 Привет из Москвы, сказал он.".encode("cp1251"), None, "not_utf8", "error",
                 "not clearly CP1252", id="cp1251-cyrillic"),
    pytest.param(b"", None, "empty", "error", "file is empty", id="empty"),
    pytest.param(b" \r\n\t\n", None, "empty", "error", "file is empty", id="whitespace"),
    pytest.param(codecs.BOM_UTF8, None, "empty", "error", "file is empty", id="utf8-bom-only"),
    pytest.param(codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), None, "empty", "error", "file is empty",
                 id="utf16-bom-whitespace"),
])
def test_decode_bytes(data, text, error, severity, message):
    decoded = decode_bytes(data)
    assert (decoded.error, decoded.severity) == (error, severity)
    assert decoded.text == text
    assert (decoded.text is None) == (severity == "error")
    if message is None:
        assert decoded.message is None
    else:
        assert message in decoded.message


def test_one_bad_byte_keeps_the_umlauts():
    decoded = decode_bytes(ONE_BAD_BYTE)
    assert "zerstört" in decoded.text and "Müller" in decoded.text and "Grüße aus Köln." in decoded.text
    assert "zerstÃ¶rt" not in decoded.text and "Ã" not in decoded.text  # not read as CP1252
    assert decoded.text.count("\ufffd") == 1 and decoded.text[BAD_AT] == "\ufffd"
    assert (decoded.error, decoded.severity) == ("invalid_utf8", "warning")
    assert "1 invalid byte sequence " in decoded.message


@pytest.mark.parametrize("data", [
    pytest.param(GERMAN.encode("utf-16-le"), id="le"),
    pytest.param(GERMAN.encode("utf-16-be"), id="be"),
    pytest.param(("date 2024-01-01 Köln.\r\n\r\nZweiter Absatz über Müller.\r\n" * 3).encode("utf-16-le"),
                 id="le-crlf"),
    pytest.param("Köln".encode("utf-16-le"), id="le-short"),
    # a file that lost its last byte is named as UTF-16, as with a byte-order mark
    pytest.param(GERMAN.encode("utf-16-le")[:-1], id="le-odd-length"),
    pytest.param(GERMAN.encode("utf-16-be")[:-1], id="be-odd-length"),
])
def test_utf16_without_mark_is_never_called_binary(data):
    decoded = decode_bytes(data)
    assert decoded.error != "binary" and "not a text file" not in decoded.message
    if decoded.text is None:
        assert "UTF-16" in decoded.message
    else:
        codec = "utf-16-le" if "UTF-16-LE" in decoded.message else "utf-16-be"
        assert "UTF-16-" in decoded.message and decoded.text == data.decode(codec) and "Köln" in decoded.text
