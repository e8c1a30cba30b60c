"""Precision per rule family: which `method` values find right mentions, quotes and speakers.

usage: .venv/bin/python benchmarks/methods.py GOLD.jsonl OUT_DIR [--by method|cue] [--min N]

GOLD.jsonl holds one article per line as `../shared/tools/score.py` reads it: `article_id`, `file`
(the article's path, relative to the gold file), `entities` (label, start, end) and/or `quotes`
(`quote`/`speaker` as lists of [start, end] character spans, `nested` for quotes inside quotes).
OUT_DIR is what `pipeline run` wrote for the same articles.

Mentions: per `method` of the mentions table, how many it predicted and how many of those are a
gold entity with the same label and offsets (precision), and how many have the offsets but another
label. Quotes: per speaker `method` (or per `cue` lemma with `--by cue`), how many quotes, how many
match a gold quote (characters overlapping by half of their union, one to one, as score.py counts
them; quotes matching a nested gold quote are left out) and how many of those have the right speaker
(their speaker span overlaps the gold one, or both have none). Families with fewer than N rows
(`--min`, default 5) are summed into "(other)".
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from pipeline import load_tables

IGNORED = set(" \t\n\r\u00a0\"'„“”‚‘’»«›‹")  # what score.py leaves out when it compares quote characters


def characters(text: str, spans) -> set[int]:
    return {i for start, end in spans for i in range(int(start), int(end))
            if i < len(text) and text[i] not in IGNORED}


def one_to_one(gold: list[set[int]], found: list[set[int]], threshold: float = 0.5) -> dict[int, int]:
    """Greedy matching by overlap over union: {found index: gold index}."""
    pairs = sorted(((len(gold_chars & found_chars) / len(gold_chars | found_chars), gold_index, found_index)
                    for gold_index, gold_chars in enumerate(gold) for found_index, found_chars in enumerate(found)
                    if gold_chars & found_chars
                    and len(gold_chars & found_chars) / len(gold_chars | found_chars) >= threshold), reverse=True)
    matched: dict[int, int] = {}
    for _, gold_index, found_index in pairs:
        if found_index not in matched and gold_index not in matched.values():
            matched[found_index] = gold_index
    return matched


def mention_precision(articles: list[dict], mentions: pd.DataFrame) -> dict[str, Counter]:
    gold = {article["article_id"]: {(entity["label"], entity["start"], entity["end"])
                                    for entity in article.get("entities", [])} for article in articles}
    spans = {article: {(start, end) for _, start, end in entities} for article, entities in gold.items()}
    stats: dict[str, Counter] = defaultdict(Counter)
    for row in mentions[mentions["article_id"].isin(gold)].itertuples(index=False):
        counts = stats[row.method]
        counts["found"] += 1
        counts["right"] += (row.label, row.start_char, row.end_char) in gold[row.article_id]
        counts["other label"] += ((row.start_char, row.end_char) in spans[row.article_id]
                                  and (row.label, row.start_char, row.end_char) not in gold[row.article_id])
    return stats


def quote_precision(articles: list[dict], base: Path, quotes: pd.DataFrame, by: str) -> dict[str, Counter]:
    by_article = {article: rows for article, rows in quotes.groupby("article_id")}
    stats: dict[str, Counter] = defaultdict(Counter)
    for article in articles:
        if "quotes" not in article or article["article_id"] not in by_article:
            continue
        text = (base / article["file"]).read_bytes().decode("utf-8")
        rows = list(by_article[article["article_id"]].itertuples(index=False))
        found = [characters(text, [(row.start_char, row.end_char)]) for row in rows]
        top = [quote for quote in article["quotes"] if not quote.get("nested")]
        nested = [quote for quote in article["quotes"] if quote.get("nested")]
        matched = one_to_one([characters(text, quote["quote"]) for quote in top], found)
        inside = set(one_to_one([characters(text, quote["quote"]) for quote in nested], found)) - set(matched)
        for index, row in enumerate(rows):
            if index in inside:
                continue
            family = getattr(row, by)
            counts = stats[family if isinstance(family, str) else "(none)"]
            counts["found"] += 1
            if index in matched:
                counts["right"] += 1
                gold_speaker = {i for start, end in top[matched[index]]["speaker"] for i in range(start, end)}
                speaker = set() if pd.isna(row.speaker_start_char) else \
                    set(range(int(row.speaker_start_char), int(row.speaker_end_char)))
                counts["speaker right"] += (not speaker and not gold_speaker) or bool(speaker & gold_speaker)
    return stats


def print_table(title: str, stats: dict[str, Counter], columns: list[str], least: int) -> None:
    small = Counter()
    for family in [family for family, counts in stats.items() if counts["found"] < least]:
        small.update(stats.pop(family))
    if small:
        stats["(other)"] = small
    print(f"\n{title}")
    print(f"  {'method':24s} {'found':>6s} " + " ".join(f"{column:>14s}" for column in columns[1:]))
    for family, counts in sorted(stats.items(), key=lambda item: -item[1]["found"]):
        cells = " ".join(f"{counts[column]:6d} ({counts[column] / counts['found']:5.1%})" for column in columns[1:])
        print(f"  {family:24s} {counts['found']:6d} {cells}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--by", choices=("method", "cue"), default="method", help="group quotes by (default method)")
    parser.add_argument("--min", type=int, default=5, help="smallest family shown on its own (default 5)")
    args = parser.parse_args(argv)
    articles = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    tables = load_tables(args.out)
    if any("entities" in article for article in articles):
        print_table("mentions: precision per method", mention_precision(articles, tables["mentions"]),
                    ["found", "right", "other label"], args.min)
    if any("quotes" in article for article in articles):
        print_table(f"quotes: precision per {'speaker method' if args.by == 'method' else 'cue'}",
                    quote_precision(articles, args.gold.parent, tables["quotes"], args.by),
                    ["found", "right", "speaker right"], args.min)


if __name__ == "__main__":
    sys.exit(main())
