"""Pairing German, French and English quotation marks into `Quotation`s."""
from __future__ import annotations

from typing import Iterator, NamedTuple

from spacy.tokens import Doc

# opening mark -> closing marks; "“" opens English-style quotes but closes German „…“
PAIRS = {"„": "“”\"", "»": "«", "«": "»", "“": "”“", "\"": "\"", "‚": "‘’'", "›": "‹", "‹": "›"}
MARKS = frozenset("„“”\"»«‚‘’›‹")
SINGLE_OPENERS = frozenset("‚›‹")  # never open a quotation: they nest inside one or stand for apostrophes


class Quotation(NamedTuple):
    """A pair of quotation marks: token indices of the marks; `close` is None when unclosed."""
    open: int
    close: int | None
    end: int  # first token after the quoted content


def quotations(doc: Doc) -> Iterator[Quotation]:
    """Pair quotation marks. An opener that meets a new opener or a paragraph break before its
    closer ends there (unbalanced marks); straight quotes open before a word and close after one."""
    open_at: int | None = None
    closers = ""
    for i, tok in enumerate(doc):
        text = tok.text
        if open_at is not None and ("\n\n" in text or (text == "\n" and _blank_line_follows(doc, i))):
            yield Quotation(open_at, None, i)
            open_at = None
        if text not in MARKS:
            continue
        if open_at is not None and text in closers and not (text == "\"" and _opens(doc, i) and not _closes(doc, i)):
            yield Quotation(open_at, i, i)
            open_at = None
        elif text in PAIRS and text not in SINGLE_OPENERS and _opens(doc, i):
            if open_at is not None and text == doc[open_at].text:
                yield Quotation(open_at, None, i)
            if open_at is None or text == doc[open_at].text:
                open_at, closers = i, PAIRS[text]
    if open_at is not None:
        yield Quotation(open_at, None, len(doc))


def _blank_line_follows(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and "\n" in doc[i + 1].text


def _opens(doc: Doc, i: int) -> bool:
    # a space token (e.g. the blanked date header before the lede) separates like whitespace does
    before = i == 0 or doc[i - 1].whitespace_ or doc[i - 1].is_space or doc[i - 1].text in "([/–-"
    return bool(before) and i + 1 < len(doc) and not doc[i].whitespace_


def _closes(doc: Doc, i: int) -> bool:
    return i > 0 and not doc[i - 1].whitespace_ and not doc[i - 1].is_space

