"""Very long articles are processed in sections, so time and memory per Doc stay bounded.

A 10 MB "article" (a concatenated dump, a log pasted into a CMS) would otherwise exceed spaCy's
`max_length` and make one huge Doc. It is cut at paragraph breaks into sections of at most
`max_chars` characters; each section is processed on its own and the rows are merged back so that
offsets, running numbers and entity ids are those of the whole article. Entities are linked and
quotes attributed within a section only.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .reader import PARAGRAPH_BREAK, Article

ENTITY_NUMBER = re.compile(r"(?<=:E)\d+\Z")
RUNNING_NUMBERS = ("mention_id", "quote_id")  # renumbered in text order across sections
ENTITY_REFERENCES = ("entity_id", "speaker_entity_id")


def cut_points(raw: str, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) spans covering `raw`, each at most `max_chars` long, cut after the last
    paragraph break in reach (else after the last line break or space, else anywhere)."""
    spans, start = [], 0
    while len(raw) - start > max_chars:
        end = start + max_chars
        breaks = [paragraph_break.end() for paragraph_break in PARAGRAPH_BREAK.finditer(raw, start + 1, end)]
        cut = breaks[-1] if breaks else max(raw.rfind("\n", start + 1, end), raw.rfind(" ", start + 1, end)) + 1
        cut = cut if cut > start + 1 else end
        spans.append((start, cut))
        start = cut
    spans.append((start, len(raw)))
    return spans


def split(article: Article, max_chars: int) -> list[tuple[int, Article]]:
    """(offset, section) pairs; each section is an Article holding one slice of the raw text."""
    return [(start, replace(article, raw=article.raw[start:end], problems=[],
                            body_start=max(article.body_start - start, 0)))
            for start, end in cut_points(article.raw, max_chars)]


def merge(article: Article, parts: list[tuple[int, dict[str, list[dict]]]]) -> dict[str, list[dict]]:
    """The rows of the whole article from the rows of its sections (offset, rows by table)."""
    merged: dict[str, list[dict]] = {name: [] for name in parts[0][1]}
    sentences = entities = 0  # sentences and entity numbers used by the sections before
    for offset, rows in parts:
        last_entity = entities
        for name, table_rows in rows.items():
            for row in table_rows:
                row = dict(row)
                for column, value in row.items():
                    if value is None:
                        continue
                    if column.endswith("_char"):
                        row[column] = value + offset
                    elif column == "sentence_id":
                        row[column] = value + sentences
                    elif column in ENTITY_REFERENCES and (found := ENTITY_NUMBER.search(value)):
                        number = int(found.group()) + entities
                        row[column] = value[: found.start()] + str(number)
                        last_entity = max(last_entity, number)
                    elif column in RUNNING_NUMBERS:
                        row[column] = len(merged[name]) + 1
                merged[name].append(row)
        sentences += rows["articles"][0]["n_sentences"]
        entities = last_entity
    first, *rest = merged["articles"]
    for row in rest:  # counts add up; everything else describes the article as a whole
        for column, value in row.items():
            if column.startswith("n_"):
                first[column] += value
    first.update(n_paragraphs=len(article.paragraphs), sha256=article.sha256)
    merged["articles"] = [first]
    return merged
