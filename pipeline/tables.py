"""Pure functions from a processed Doc to table rows (dicts keyed by the schema's column names)."""
from __future__ import annotations

from typing import Iterator

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc

from .extensions import QUOTES_KEY
from .reader import Article


def sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token; sentences holding only whitespace are not counted
    (their tokens get the number of the sentence before, or 0)."""
    if not len(doc):
        return []
    values = doc.to_array([SENT_START, IS_SPACE]).astype("int64")
    starts = values[:, 0] == 1
    starts[0] = True
    raw = numpy.cumsum(starts) - 1
    has_words = numpy.bincount(raw, weights=values[:, 1] == 0) > 0
    return numpy.maximum(numpy.cumsum(has_words) - 1, 0)[raw].tolist()


def article_row(article: Article, doc: Doc, sentences: list[int] | None = None) -> dict:
    sentences = sentence_index(doc) if sentences is None else sentences
    return {
        "article_id": article.article_id,
        "source": article.source,
        "date": article.date,
        "lede": article.lede,
        "n_paragraphs": len(article.paragraphs),
        "n_tokens": int(len(doc) - doc.to_array(IS_SPACE).sum()) if len(doc) else 0,
        "n_sentences": sentences[-1] + 1 if len(doc) else 0,
        "n_mentions": len(doc.ents),
        "n_quotes": len(doc.spans[QUOTES_KEY]) if QUOTES_KEY in doc.spans else 0,
        "sha256": article.sha256,
    }


def mention_rows(doc: Doc, sentences: list[int] | None = None) -> Iterator[dict]:
    sentences = sentence_index(doc) if sentences is None else sentences
    for number, mention in enumerate(doc.ents, 1):
        yield {
            "article_id": doc._.article_id,
            "mention_id": number,
            "entity_id": mention._.entity_id,
            "label": mention.label_,
            "text": mention.text,
            "start_char": mention.start_char,
            "end_char": mention.end_char,
            "sentence_id": sentences[mention.start],
            "method": mention._.method,
        }


def entity_rows(doc: Doc) -> Iterator[dict]:
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    for mention in doc.ents:
        first.setdefault(mention._.entity_id, mention.start_char)
        counts[mention._.entity_id] = counts.get(mention._.entity_id, 0) + 1
    for entity_id, entity in doc._.entities.items():
        if entity_id in counts:
            yield {
                "article_id": doc._.article_id,
                "entity_id": entity_id,
                "name": entity["name"],
                "label": entity["label"],
                "n_mentions": counts[entity_id],
                "first_char": first[entity_id],
            }


def quote_rows(doc: Doc, sentences: list[int] | None = None) -> Iterator[dict]:
    if QUOTES_KEY not in doc.spans:
        return
    sentences = sentence_index(doc) if sentences is None else sentences
    quotes = sorted(doc.spans[QUOTES_KEY], key=lambda s: (s.start_char, s.end_char))
    for number, quote in enumerate(quotes, 1):
        info = quote._.quote or {}
        entity = doc._.entities.get(info.get("speaker_entity_id"))
        yield {
            "article_id": doc._.article_id,
            "quote_id": number,
            "type": quote.label_,
            "text": quote.text,
            "start_char": quote.start_char,
            "end_char": quote.end_char,
            "cue": info.get("cue"),
            "cue_text": info.get("cue_text"),
            "speaker": entity["name"] if entity else None,
            "speaker_entity_id": info.get("speaker_entity_id") if entity else None,
            "speaker_text": info.get("speaker_text"),
            "speaker_start_char": info.get("speaker_start_char"),
            "speaker_end_char": info.get("speaker_end_char"),
            "method": info.get("method"),
            "sentence_id": sentences[quote.start],
        }


def doc_rows(article: Article, doc: Doc) -> dict[str, list[dict]]:
    """All rows one article contributes, by table name."""
    sentences = sentence_index(doc)
    return {
        "articles": [article_row(article, doc, sentences)],
        "mentions": list(mention_rows(doc, sentences)),
        "entities": list(entity_rows(doc)),
        "quotes": list(quote_rows(doc, sentences)),
        "errors": [p._asdict() for p in article.problems],
    }
