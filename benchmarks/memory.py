"""Peak memory of a run whose vocabulary keeps growing, as in a real dump of millions of articles.

usage: python benchmarks/memory.py [--articles 10000 40000] [--workers 1]

A repeated corpus shows that memory does not grow with the number of articles, but it repeats the
same words. Real dumps keep bringing new word forms (names, typos, compounds), and for each one spaCy
keeps a lexeme and strings and our components cache a verdict. This benchmark writes synthetic
articles in which 30 of every article's words are new random letter strings, runs the whole job on
them in a fresh process for each size and prints the peak RSS: it should not grow with the size
(see `max_new_words` in pipeline/engine.py).
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FRESH_WORDS = 30


def write_articles(folder: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)

    def fresh() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 10)))

    for number in range(count):
        words = [fresh().capitalize() if i % 3 == 0 else fresh() for i in range(FRESH_WORDS)]
        text = (f"date 2024-01-01 Der Minister {words[0]} sagte am Montag in {words[3]}, die "
                f"{' '.join(words[6:])} sei gut.\n\nEr betonte: „Wir {' '.join(words[1:6])}.“\n")
        (folder / f"synthetic-{number:07d}.txt").write_text(text, encoding="utf-8")


def measure(folder: str, workers: int) -> None:
    """Child process: one run, printed as JSON with the peak RSS of this process and its workers."""
    from pipeline.run import run

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        summary = run(None, [folder], out, workers=workers, progress=False)
    print(json.dumps({"articles": summary.articles, "seconds": time.perf_counter() - started,
                      "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "worker_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 40_000])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return measure(args.measure, args.workers)
    for count in args.articles:
        with tempfile.TemporaryDirectory() as tmp:
            write_articles(Path(tmp), count)
            command = [sys.executable, __file__, "--measure", tmp, "--workers", str(args.workers)]
            result = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        line = (f"{result['articles']:>8,} articles ({result['articles'] * FRESH_WORDS:>10,} new word forms) "
                f"in {result['seconds']:6.1f} s: peak RSS {result['rss_mib']:,.0f} MiB")
        if args.workers > 1:
            line += f" (largest worker {result['worker_rss_mib']:,.0f} MiB)"
        print(line, flush=True)


if __name__ == "__main__":
    main()
