"""Rule-based German sentence boundaries that respect line breaks, headings and quotation marks."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

TERMINALS = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSERS = frozenset({'"', "“", "”", "«", "»", "‘", "’", "'", ")", "]"})
NO_START = frozenset({",", ";", ":", ")", "]", "-", "–"})


class SentenceSegmenter:
    """Sets `is_sent_start`: after terminal punctuation (and any closing quotes or brackets
    that follow it) unless the next word continues the sentence, and after every line break, so
    headings and paragraphs never share a sentence with their neighbours."""

    def __init__(self, nlp: Language, name: str = "sentences", *, overwrite: bool = False):
        self.name = name
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or (doc.has_annotation("SENT_START") and not self.overwrite):
            return doc
        starts = [False] * len(doc)
        starts[0] = True
        i = 0
        while i < len(doc):
            token = doc[i]
            if "\n" in token.text:
                j = i + 1
                while j < len(doc) and doc[j].is_space:
                    j += 1
            elif token.text in TERMINALS or (token.is_punct and token.text.endswith(("!", "?"))):
                j = i + 1
                while j < len(doc) and doc[j].text in CLOSERS:
                    j += 1
                while j < len(doc) and doc[j].is_space:
                    j += 1
                if j < len(doc) and (doc[j].text in NO_START or doc[j].text[:1].islower()):
                    j = -1
            else:
                j = -1
            if 0 < j < len(doc):
                starts[j] = True
            i += 1
        for token, start in zip(doc, starts):
            token.is_sent_start = start
        return doc
