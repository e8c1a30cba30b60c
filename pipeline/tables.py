"""Pure functions from a processed Doc to table rows (dicts keyed by the schema's column names).

The Doc holds the article's `text_for_nlp`; offsets in the rows are mapped back to `raw` and every
text column is the raw text at its offsets, so `raw[start_char:end_char] == text` always holds."""
from __future__ import annotations

from typing import Iterator

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc, Span

from .corpus import local_key
from .extensions import QUOTES_KEY
from .quoting.profiles import Profile
from .reader import Article


def sentence_index(doc: Doc) -> tuple[list[int], int]:
    """Sentence number of every token, and the number of tokens that are not whitespace. Sentences
    holding only whitespace are not counted (their tokens get the number of the sentence before, or 0)."""
    if not len(doc):
        return [], 0
    values = doc.to_array([SENT_START, IS_SPACE]).astype("int64")
    starts = values[:, 0] == 1
    starts[0] = True
    raw = numpy.cumsum(starts) - 1
    words = values[:, 1] == 0
    has_words = numpy.bincount(raw, weights=words) > 0
    return numpy.maximum(numpy.cumsum(has_words) - 1, 0)[raw].tolist(), int(words.sum())


def article_row(article: Article, doc: Doc, sentences: list[int], n_tokens: int, n_mentions: int) -> dict:
    return {
        "article_id": article.article_id,
        "source": article.source,
        "date": article.date,
        "lede": article.lede,
        "n_paragraphs": len(article.paragraphs),
        "n_tokens": n_tokens,
        "n_sentences": sentences[-1] + 1 if len(doc) else 0,
        "n_mentions": n_mentions,
        "n_quotes": len(doc.spans[QUOTES_KEY]) if QUOTES_KEY in doc.spans else 0,
        "sha256": article.sha256,
    }


def mention_rows(article: Article, doc: Doc, sentences: list[int], mentions: list[Span],
                 entity_ids: list[str | None]) -> Iterator[dict]:
    article_id, entities = doc._.article_id, doc._.entities
    for number, (mention, entity_id) in enumerate(zip(mentions, entity_ids), 1):
        start, end = article.raw_offset(mention.start_char), article.raw_offset(mention.end_char)
        yield {
            "article_id": article_id,
            "mention_id": number,
            "entity_id": entity_id,
            "label": mention.label_,
            "text": article.raw[start:end],
            "start_char": start,
            "end_char": end,
            "sentence_id": sentences[mention.start],
            "method": mention._.method,
            "entity_key": _key(entities, entity_id),
        }


PROFILE_COLUMNS = Profile._fields  # who a person is (quoting/profiles.py)


def _key(entities: dict[str, dict], entity_id: str | None) -> str | None:
    """The entity's key from this article alone (`entities`: the Doc's); the corpus pass may merge it (corpus.py)."""
    entity = entities.get(entity_id) if entity_id else None
    return local_key(entity["label"], entity.get("key") or entity["name"]) if entity else None


def entity_rows(article: Article, doc: Doc, mentions: list[Span], entity_ids: list[str | None]) -> Iterator[dict]:
    first: dict[str, int] = {}
    counts: dict[str, int] = {}
    for mention, entity_id in zip(mentions, entity_ids):
        first.setdefault(entity_id, article.raw_offset(mention.start_char))
        counts[entity_id] = counts.get(entity_id, 0) + 1
    article_id, entities = doc._.article_id, doc._.entities
    for entity_id, entity in entities.items():
        if entity_id in counts:
            yield {
                "article_id": article_id,
                "entity_id": entity_id,
                "name": entity["name"],
                "label": entity["label"],
                "n_mentions": counts[entity_id],
                "first_char": first[entity_id],
                **{name: entity.get(name) for name in PROFILE_COLUMNS},
                "entity_key": _key(entities, entity_id),
            }


def quote_rows(article: Article, doc: Doc, sentences: list[int]) -> Iterator[dict]:
    if QUOTES_KEY not in doc.spans:
        return
    quotes = sorted(doc.spans[QUOTES_KEY], key=lambda quote: (quote.start_char, quote.end_char))
    article_id = doc._.article_id
    entities = doc._.entities
    for number, quote in enumerate(quotes, 1):
        info = quote._.quote or {}
        entity = entities.get(info.get("speaker_entity_id"))
        start, end = article.raw_offset(quote.start_char), article.raw_offset(quote.end_char)
        speaker = _raw_span(article, info.get("speaker_start_char"), info.get("speaker_end_char"))
        cue = _raw_span(article, info.get("cue_start_char"), info.get("cue_end_char"))
        yield {
            "article_id": article_id,
            "quote_id": number,
            "type": quote.label_,
            "text": article.raw[start:end],
            "start_char": start,
            "end_char": end,
            "cue": info.get("cue"),
            "cue_text": article.raw[slice(*cue)] if cue else info.get("cue_text"),
            "speaker": entity["name"] if entity else None,
            "speaker_entity_id": info.get("speaker_entity_id") if entity else None,
            "speaker_text": article.raw[slice(*speaker)] if speaker else info.get("speaker_text"),
            "speaker_start_char": speaker[0] if speaker else None,
            "speaker_end_char": speaker[1] if speaker else None,
            "method": info.get("method"),
            "sentence_id": sentences[quote.start],
            **{f"speaker_{name}": info.get(f"speaker_{name}") for name in PROFILE_COLUMNS},
            "speaker_key": _key(entities, info.get("speaker_entity_id")) if entity else None,
            "quote_group": None,  # across the corpus: the corpus step sets it (corpus.py)
        }


def _raw_span(article: Article, start: int | None, end: int | None) -> tuple[int, int] | None:
    return None if start is None else (article.raw_offset(start), article.raw_offset(end))


def doc_rows(article: Article, doc: Doc) -> dict[str, list[dict]]:
    """All rows one article contributes, by table name."""
    sentences, n_tokens = sentence_index(doc)
    mentions = list(doc.ents)
    entity_ids = [mention._.entity_id for mention in mentions]
    return {
        "articles": [article_row(article, doc, sentences, n_tokens, len(mentions))],
        "mentions": list(mention_rows(article, doc, sentences, mentions, entity_ids)),
        "entities": list(entity_rows(article, doc, mentions, entity_ids)),
        "quotes": list(quote_rows(article, doc, sentences)),
        "errors": [problem._asdict() for problem in article.problems],
    }
