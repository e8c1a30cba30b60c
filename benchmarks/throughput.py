"""Throughput and peak memory of the whole job against spaCy's bare German tokenizer.

usage: python benchmarks/throughput.py FOLDER... [--repeat N] [--workers 1 2] [--rounds R] [--model NAME|PATH]

Each measurement runs in a fresh process, so its peak RSS is its own: the bare tokenizer (reading the
files and tokenizing, nothing else) and `pipeline.run.run` (reading, processing, cache, tables) with
each number of worker processes. The pipeline is built before the clock starts. Tokens are non-space
tokens, counted the same way for both. `--repeat N` copies the folders N times into a temporary
folder (deleted afterwards; never commit article text), e.g. to check that peak RSS stays flat:

    python benchmarks/throughput.py ../shared/data/*/articles --repeat 1
    python benchmarks/throughput.py ../shared/data/*/articles --repeat 10

On a shared virtual machine the speed of a core drifts from one minute to the next, so a speed-up
measured once is noisy. `--rounds R` repeats the measurements R times, interleaved, and reports the
median of each round's speed-up next to that of a plain CPU loop in 1 and 2 processes (the most
the machine gave two processes in the same minutes).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import statistics
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure_tokenizer(folders: list[str]) -> dict:
    import spacy

    from pipeline.reader import read_articles

    tokenizer = spacy.blank("de").tokenizer
    started = time.perf_counter()
    articles = tokens = 0
    for article, _ in read_articles(folders):
        if article is not None:
            articles += 1
            tokens += sum(not t.is_space for t in tokenizer(article.text_for_nlp))
    return {"articles": articles, "tokens": tokens, "seconds": time.perf_counter() - started}


def measure_pipeline(folders: list[str], workers: int, model: str | None) -> dict:
    from pipeline import load_tables
    from pipeline.engine import Settings, pipeline_for
    from pipeline.run import run

    started = time.perf_counter()
    pipeline_for(Settings(model=model))  # built before the clock starts (forked workers inherit it)
    build_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        summary = run(None, folders, out, model=model, workers=workers, progress=False)
        seconds = time.perf_counter() - started
        tokens = int(load_tables(out)["articles"]["n_tokens"].sum())
    return {"articles": summary.articles, "tokens": tokens, "seconds": seconds, "build_seconds": build_seconds}


def spin(loops: int) -> int:
    total = 0
    for i in range(loops):
        total += i * i
    return total


def measure_cpu_loop(workers: int, loops: int = 20_000_000) -> dict:
    """The same amount of plain CPU work in `workers` processes: the machine's own speed-up."""
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pool.map(spin, [loops // workers] * workers)
    return {"seconds": time.perf_counter() - started}


def measure(args: argparse.Namespace) -> None:
    """Child process: one measurement, printed as JSON with this process's peak RSS."""
    if args.measure == "tokenizer":
        result = measure_tokenizer(args.folders)
    elif args.measure == "cpu-loop":
        result = measure_cpu_loop(args.workers[0])
    else:
        result = measure_pipeline(args.folders, args.workers[0], args.model)
    result["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["worker_rss_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(result))


def copy_corpus(folders: list[str], repeat: int, into: Path) -> list[str]:
    for copy in range(repeat):
        for number, folder in enumerate(folders):
            shutil.copytree(folder, into / f"copy{copy:03d}-{number}")
    return [str(into)]


def child(args: argparse.Namespace, folders: list[str], what: str, workers: int = 1) -> dict:
    command = [sys.executable, __file__, *folders, "--measure", what, "--workers", str(workers)]
    if args.model:
        command += ["--model", args.model]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def report(name: str, result: dict, bare: dict | None = None) -> None:
    rate = result["tokens"] / result["seconds"]
    line = (f"{name:<22} {rate:>10,.0f} tokens/s {result['articles'] / result['seconds']:>8,.0f} articles/s "
            f"peak RSS {result['rss_mib']:>6,.0f} MiB")
    if result["worker_rss_mib"] > 0:
        line += f" (largest worker {result['worker_rss_mib']:,.0f} MiB)"
    if bare:
        line += f"  {rate / (bare['tokens'] / bare['seconds']):.3f} x bare tokenizer"
    if "build_seconds" in result:
        line += f"  (pipeline built in {result['build_seconds']:.1f} s)"
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--repeat", type=int, default=1, help="copy the folders this many times first")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to measure")
    parser.add_argument("--rounds", type=int, default=1, help="repeat the measurements, interleaved")
    parser.add_argument("--model", default=None)
    parser.add_argument("--measure", choices=("tokenizer", "pipeline", "cpu-loop"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return measure(args)
    speedups: dict[int, list[float]] = {w: [] for w in args.workers if w != 1}
    machine: dict[int, list[float]] = {w: [] for w in speedups}
    with tempfile.TemporaryDirectory() as tmp:
        folders = copy_corpus(args.folders, args.repeat, Path(tmp)) if args.repeat > 1 else args.folders
        for round_number in range(1, args.rounds + 1):
            if args.rounds > 1:
                print(f"round {round_number} of {args.rounds}")
            bare = child(args, folders, "tokenizer")
            print(f"corpus: {bare['articles']:,} articles, {bare['tokens']:,} tokens (x{args.repeat})")
            report("bare tokenizer", bare)
            results = {}
            for workers in args.workers:
                results[workers] = child(args, folders, "pipeline", workers)
                report(f"pipeline, {workers} worker(s)", results[workers], bare)
            if 1 in results and speedups:
                speeds = {w: r["tokens"] / r["seconds"] for w, r in results.items()}
                loop = {w: child(args, folders, "cpu-loop", w)["seconds"] for w in [1, *speedups]}
                for workers in speedups:
                    speedups[workers].append(speeds[workers] / speeds[1])
                    machine[workers].append(loop[1] / loop[workers])
                print("speed-up over 1 worker: " + ", ".join(
                    f"{w} workers {speedups[w][-1]:.2f}x (plain CPU loop {machine[w][-1]:.2f}x)" for w in speedups))
    if args.rounds > 1 and speedups:
        print(f"median of {args.rounds} rounds: " + ", ".join(
            f"{w} workers {statistics.median(speedups[w]):.2f}x (runs {min(speedups[w]):.2f}-{max(speedups[w]):.2f}x; "
            f"plain CPU loop {statistics.median(machine[w]):.2f}x)" for w in speedups))


if __name__ == "__main__":
    main()
