"""Peak memory of the corpus step (pipeline/corpus.py) at 1x and 10x the number of articles.

usage: python benchmarks/corpus_memory.py [--articles 20000 200000] [--people N] [--json]

The corpus step is SQL in DuckDB over the staged rows (Parquet files), with a memory limit beyond
which joins, aggregates and sorts spill to disk; so its peak memory should stay flat however many
articles and keys there are. This benchmark draws each article's people and organisations from a
population with a Zipf-like skew (a few names in many articles, most in few): by default a
population as large as the number of articles, so the keys grow with the corpus (the hard case; a
fixed `--people` gives a limited population instead). In a fresh process for each size it stages
synthetic article rows as `pipeline run` does, links them and streams every linked table out, and
prints the peak RSS with the number of keys and the seconds taken.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
from datetime import date, timedelta

ENTITIES_PER_ARTICLE = 8
QUOTES_PER_ARTICLE = 3


def article_rows(number: int, rng: random.Random, people: int) -> dict:
    from pipeline.schema import TABLES

    def row(table: str, **values) -> tuple:
        return tuple(values.get(column) for column in TABLES[table].column_names)

    article_id = f"a{number:08d}"
    day = date(2020, 1, 1) + timedelta(days=number % 1500)
    rows = {"articles": [row("articles", article_id=article_id, date=day)], "entities": [], "mentions": [],
            "quotes": []}
    for n in range(ENTITIES_PER_ARTICLE):
        person = min(int(rng.paretovariate(0.6)), people) - 1  # a few names everywhere, a long tail
        label = "PER" if n % 2 == 0 else "ORG"
        name = f"Vorname{person % 997} Name{person}" if label == "PER" else f"Verband{person}"
        if label == "PER" and rng.random() < 0.2:
            name = f"Name{person}"  # a surname only: the corpus step links it
        entity_id = f"{article_id}:E{n + 1}"
        key = f"{label}:{name.casefold()}"
        rows["entities"].append(row("entities", article_id=article_id, entity_id=entity_id, name=name, label=label,
                                    n_mentions=2, first_char=n, entity_key=key, gender="unknown"))
        rows["mentions"].append(row("mentions", article_id=article_id, mention_id=n + 1, entity_id=entity_id,
                                    label=label, text=name, start_char=n, end_char=n + 1, entity_key=key))
    for n in range(QUOTES_PER_ARTICLE):
        rows["quotes"].append(row("quotes", article_id=article_id, quote_id=n + 1, type="indirect",
                                  text=f"Aussage {rng.randrange(10_000)}", speaker_entity_id=f"{article_id}:E1"))
    return rows


def measure(articles: int, people: int) -> dict:
    """Staging, linking and reading every linked table, as `pipeline run` does, in this process."""
    import tempfile
    import time
    from pathlib import Path

    from pipeline.corpus import LINKED, CorpusLinker, Staging

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        staging = Staging(Path(folder))
        for number in range(articles):
            staging.add(article_rows(number, random.Random(number), people))
        staging.close()
        linker = CorpusLinker(staging, spill_dir=Path(folder))
        rows = {name: sum(batch.num_rows for batch in linker.batches(name)) for name in LINKED}
        linker.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"articles": articles, "keys": rows["corpus_entities"], "peak_rss_mb": round(peak_kb / 1024, 1),
            "seconds": round(time.perf_counter() - started, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[20_000, 200_000])
    parser.add_argument("--people", type=int, default=0,
                        help="size of the population names are drawn from (default: as many as articles)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child process measuring one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.people)))
        return
    results = []
    for count in args.articles:
        child = subprocess.run([sys.executable, __file__, "--one", str(count), "--people", str(args.people or count)],
                               capture_output=True, text=True, check=True)
        results.append(json.loads(child.stdout))
    if args.json:
        print(json.dumps(results))
        return
    for result in results:
        print(f"{result['articles']:>9,} articles  {result['keys']:>9,} keys  peak RSS {result['peak_rss_mb']:>7.1f} MB"
              f"  {result['seconds']:>6.1f} s")


if __name__ == "__main__":
    main()
