"""Throughput of the whole pipeline against spaCy's bare German tokenizer on a folder of articles.

usage: python benchmarks/throughput.py FOLDER [--repeat N] [--model NAME|PATH]

Reports tokens/s and articles/s for both and their ratio, and the peak RSS of this process.
Not a timed test: run it by hand on a large enough folder (e.g. a few thousand articles).
"""
from __future__ import annotations

import argparse
import resource
import time

import spacy

from pipeline.language import build_nlp, make_doc
from pipeline.reader import read_articles


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("folder")
    args.add_argument("--repeat", type=int, default=1, help="process the folder this many times")
    args.add_argument("--model", default=None)
    opts = args.parse_args()
    articles = [a for a, _ in read_articles([opts.folder]) if a is not None] * opts.repeat
    nlp = build_nlp(opts.model)
    tokenizer = spacy.blank("de")

    started = time.perf_counter()
    bare_tokens = sum(len(tokenizer.make_doc(a.text_for_nlp)) for a in articles)
    bare_seconds = time.perf_counter() - started

    started = time.perf_counter()
    tokens = sum(len(nlp(make_doc(nlp, a))) for a in articles)
    seconds = time.perf_counter() - started

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(articles)}, tokens: {tokens}")
    print(f"bare tokenizer: {bare_tokens / bare_seconds:,.0f} tokens/s, {len(articles) / bare_seconds:,.0f} articles/s")
    print(f"pipeline:       {tokens / seconds:,.0f} tokens/s, {len(articles) / seconds:,.0f} articles/s")
    print(f"ratio pipeline/tokenizer: {(tokens / seconds) / (bare_tokens / bare_seconds):.2f}")
    print(f"peak RSS: {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main()
