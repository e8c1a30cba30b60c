"""Pairing German, French and English quotation marks into `Quotation`s."""
from __future__ import annotations

from typing import Iterator, NamedTuple

from spacy.tokens import Doc

from ..tokens import TokenLayout, token_texts

# opening mark -> closing marks; "“" opens English-style quotes but closes German „…“
PAIRS = {"„": "“”\"", "»": "«", "«": "»", "“": "”“", "\"": "\"", "‚": "‘’'", "›": "‹", "‹": "›"}
MARKS = frozenset("„“”\"»«‚‘’›‹")
SINGLE_OPENERS = frozenset("‚›‹")  # never open a quotation: they nest inside one or stand for apostrophes


class Quotation(NamedTuple):
    """A pair of quotation marks: token indices of the marks; `close` is None when unclosed."""
    open: int
    close: int | None
    end: int  # first token after the quoted content


def quotations(doc: Doc, words: list[str] | None = None, layout: TokenLayout | None = None) -> Iterator[Quotation]:
    """Pair quotation marks. An opener that meets a new opener or a paragraph break before its
    closer ends there (unbalanced marks); straight quotes open before a word and close after one.
    `words` and `layout` are the Doc's token texts and layout, when the caller has them already."""
    words = token_texts(doc) if words is None else words
    layout = TokenLayout(doc) if layout is None else layout
    open_at: int | None = None
    closers = ""
    for i in [i for i, text in enumerate(words) if text in MARKS or "\n" in text]:  # all else passes by
        text = words[i]
        if open_at is not None and ("\n\n" in text or (text == "\n" and _blank_line_follows(words, i))):
            yield Quotation(open_at, None, i)
            open_at = None
        if text not in MARKS:
            continue
        if open_at is not None and text in closers and not (
                text == "\"" and _opens(words, layout, i) and not _closes(layout, i)):
            yield Quotation(open_at, i, i)
            open_at = None
        elif text in PAIRS and text not in SINGLE_OPENERS and _opens(words, layout, i):
            if open_at is not None and text == words[open_at]:
                yield Quotation(open_at, None, i)
            if open_at is None or text == words[open_at]:
                open_at, closers = i, PAIRS[text]
    if open_at is not None:
        yield Quotation(open_at, None, len(words))


def _blank_line_follows(words: list[str], i: int) -> bool:
    return i + 1 < len(words) and "\n" in words[i + 1]


def _opens(words: list[str], layout: TokenLayout, i: int) -> bool:
    # a space token (e.g. the blanked date header before the lede) separates like whitespace does
    before = i == 0 or layout.space_after[i - 1] or layout.is_space[i - 1] or words[i - 1] in "([/–-"
    return before and i + 1 < len(words) and not layout.space_after[i]


def _closes(layout: TokenLayout, i: int) -> bool:
    return i > 0 and not layout.space_after[i - 1] and not layout.is_space[i - 1]
