"""Rule-based German sentence boundaries that respect line breaks, headings and quotation marks."""
from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..german import ARTICLES, ORDINAL_FOLLOWERS, STOP_WORDS
from ..tokens import flagged, token_texts, word_verdicts

# the tokenizer keeps a sentence's period on a decimal number ("von 7,1. Nach …"); an ordinal
# ("am 18. Juni") or a date ("am 1.3. kam") has no decimal comma, so it does not end a sentence
DECIMAL_WITH_PERIOD = re.compile(r"\d+,\d+\.\Z")
NUMBER_WITH_PERIOD = re.compile(r"\d\.\Z")
TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSERS = frozenset({'"', "“", "”", "«", "»", "‘", "’", "'", ")", "]"})
NO_START = frozenset({",", ";", ":", ")", "]", "-", "–"})
CLAUSE_MARKS = frozenset({",", ";", ":", "–", "—"})  # where an over-long sentence is cut


class SentenceSegmenter:
    """Sets `is_sent_start`: after terminal punctuation (and any closing quotes or brackets
    that follow it) unless the next word continues the sentence, and after every line break, so
    headings and paragraphs never share a sentence with their neighbours."""

    def __init__(self, nlp: Language, name: str = "sentences", *, overwrite: bool = False, max_tokens: int = 300):
        self.name = name
        self.overwrite = overwrite
        self.max_tokens = max_tokens  # longer runs without a sentence end are cut (see _cap)
        self._may_end = word_verdicts(_may_end)  # the same words come back in every article

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        """Nothing to load: the rules need only the tokens."""

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or (doc.has_annotation("SENT_START") and not self.overwrite):
            return doc
        texts = token_texts(doc)
        n = len(texts)
        starts = numpy.full((n, 1), -1, dtype="int64")  # SENT_START: 1 starts a sentence, -1 does not
        starts[0, 0] = 1
        # most tokens are plain words: look only at the few that may end a sentence
        for i in flagged(texts, self._may_end):
            text = texts[i]
            if "\n" in text:
                j = _skip(texts, i + 1, str.isspace)
            elif text in TERMINALS or (len(text) > 1 and text.endswith(("!", "?")) and not text[0].isalnum()) \
                    or _letter_after_noun(texts, i) or DECIMAL_WITH_PERIOD.match(text) \
                    or _number_before_function_word(texts, i):
                j = _skip(texts, _skip(texts, i + 1, CLOSERS.__contains__), str.isspace)
                if j < n and (texts[j] in NO_START or texts[j][:1].islower()):
                    continue
            else:
                continue
            if j < n:
                starts[j, 0] = 1
        _cap(texts, starts, self.max_tokens)
        doc.from_array([SENT_START], starts.astype("uint64"))
        return doc


def _cap(texts: list[str], starts: numpy.ndarray, max_tokens: int) -> None:
    """Cut every sentence longer than `max_tokens` after its last clause mark within the limit, else at the
    limit. No news sentence comes near it (the longest in 12,000 of them had 129 tokens), but a list or a dump
    without punctuation does, and rules that look across a sentence would take time quadratic in its length."""
    bounds = [*numpy.flatnonzero(starts[:, 0] == 1).tolist(), len(texts)]
    for start, end in zip(bounds, bounds[1:]):
        while end - start > max_tokens:
            start = next((i + 1 for i in range(start + max_tokens - 1, start, -1) if texts[i] in CLAUSE_MARKS),
                         start + max_tokens)
            starts[start, 0] = 1


def _may_end(text: str) -> bool:
    """A break, terminal punctuation, a letter or a number with its period: what the rules look at."""
    return "\n" in text or text in TERMINALS or text[-1:] in ("!", "?", ".")


def _letter_after_noun(texts: list[str], i: int) -> bool:
    """"auf der Plattform X. Der Minister …": a letter with a period after an article and a noun ends the
    sentence; elsewhere it is an initial ("George W. Bush") and does not."""
    text = texts[i]
    return len(text) == 2 and text[1] == "." and text[0].isupper() and i >= 2 and texts[i - 2] in ARTICLES


def _number_before_function_word(texts: list[str], i: int) -> bool:
    """"seit 2004. Er darf …", "etwa 300. Zu der Versammlung …": a number with its period ends the sentence
    when a capitalised function word follows, which no ordinal takes after it (an ordinal is followed by its
    noun or an adjective: "am 18. Juni", "am 1. Tag")."""
    if not NUMBER_WITH_PERIOD.search(texts[i]) or DECIMAL_WITH_PERIOD.match(texts[i]):
        return False
    j = _skip(texts, i + 1, str.isspace)
    word = texts[j] if j < len(texts) else ""
    return word[:1].isupper() and word.lower() in STOP_WORDS and word.lower() not in ORDINAL_FOLLOWERS


def _skip(texts: list[str], j: int, skippable) -> int:
    """The first index from `j` whose text is not `skippable`."""
    while j < len(texts) and skippable(texts[j]):
        j += 1
    return j
