"""Mentions as spaCy spans, and where a token stands in its sentence and word."""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Doc, Span


def mention(doc: Doc, start: int, end: int, label: str, method: str, canonical: str | None = None) -> Span:
    span = Span(doc, start, end, label=label)
    span._.method = method
    span._.canonical = canonical
    return span


def covered(spans: Iterable[Span]) -> set[int]:
    """The token indices the spans cover."""
    return {i for span in spans for i in range(span.start, span.end)}


def sentence_initial(doc: Doc, i: int) -> bool:
    """First word of a sentence, also after blanks that start it (the blanked date header of a lede)
    or an opening quote or bracket."""
    j = i
    while j > 0 and not doc[j].is_sent_start and doc[j - 1].is_space:
        j -= 1
    return doc[j].is_sent_start or (i > 0 and doc[i - 1].is_punct and doc[i - 1].text in '„"»«“(')


def inside_word(doc: Doc, start: int, end: int) -> bool:
    """A match that is glued to letters (no whitespace) belongs to a larger word."""
    before = start > 0 and not doc[start - 1].whitespace_ and doc[start - 1].text[-1:].isalpha()
    after = end < len(doc) and not doc[end - 1].whitespace_ and doc[end].text[:1].isalpha()
    return before or after
