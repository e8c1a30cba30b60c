"""Speed of our pipeline and of the whole CLI, as ratios against spaCy's bare German tokenizer.

usage: .venv/bin/python benchmarks/throughput.py FOLDER... [--rounds R] [--workers 1 2]
                                                 [--model NAME|PATH] [--repeat N] [--join N] [--json]

A shared machine's speed drifts from one minute to the next, so absolute seconds mean little: every
figure is a ratio against `spacy.blank("de")` tokenizing the same texts in the same round, and the
rounds are interleaved (each round times the tokenizer and what it is compared with, one after the
other). Medians over the R rounds are reported. The articles are read into memory once
(`article.text_for_nlp`); tokens are the non-space tokens of the bare tokenizer, counted once,
outside any timing.

1. Steady state: `list(nlp.pipe(texts))` of our pipeline (`build_nlp(model)`, built and warmed up
   by one pass first) against `list(blank.pipe(texts))`. "x bare" = bare seconds / pipeline seconds
   (1.0 would be as fast as the tokenizer alone; 0.25 is four times slower). Tokens/s are medians.
   The process's first `build_nlp` (spaCy imported, nothing built yet) is timed on its own.
2. Share of time per component: one more pass calling `nlp.make_doc` and then each component of
   `nlp.pipeline` per text, each timed with `time.perf_counter()`, as % of that pass's total.
3. Whole CLI: `python -m pipeline run FOLDER... --out FRESH --no-progress --workers W` in a fresh
   process, timed from start to exit (interpreter start, imports, building the pipeline, reading
   the files, processing, cache and tables), into a new output folder every time, so no article
   comes from the cache. "x bare" = bare tokenizer seconds (in memory, in this process, same
   round) / CLI seconds. Speed-up = CLI seconds with 1 worker / with W workers, next to that of a
   plain CPU loop in 1 and W processes (4.), the most this machine gave W processes in the same
   minutes. Peak RSS (MiB, the largest over the rounds) is read per CLI process with `os.wait4`:
   the largest of that process and of the worker processes it waited for.

`--repeat N` copies the folders N times into a temporary folder first (deleted afterwards; never
commit article text), e.g. to run on a larger corpus; `--join N` writes every N articles (in file
name order) as one long article there instead, their paragraphs one after the other under the first
one's date, to measure on long articles:

    .venv/bin/python benchmarks/throughput.py ../shared/data/quotes-train/articles --rounds 5
    .venv/bin/python benchmarks/throughput.py ../shared/data/*/articles --repeat 10 --json
    .venv/bin/python benchmarks/throughput.py ../shared/data/quotes-dev/articles --join 10
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

try:
    import spacy

    from pipeline.language import build_nlp
    from pipeline.reader import DATE_HEADER, read_articles
except ModuleNotFoundError as exc:
    if exc.name not in ("spacy", "pipeline"):
        raise
    sys.exit(f"benchmarks/throughput.py needs the project's venv ({exc.name} is not installed here): "
             ".venv/bin/python benchmarks/throughput.py FOLDER...")


def seconds(work) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def load_texts(folders: list[str]) -> list[str]:
    return [article.text_for_nlp for article, _ in read_articles(folders) if article is not None]


def component_shares(nlp, texts: list[str]) -> dict[str, float]:
    """% of one per-text pass spent in the tokenizer and in each component."""
    spent = dict.fromkeys(["tokenizer", *nlp.pipe_names], 0.0)
    for text in texts:
        started = time.perf_counter()
        doc = nlp.make_doc(text)
        now = time.perf_counter()
        spent["tokenizer"] += now - started
        for name, proc in nlp.pipeline:
            started = now
            doc = proc(doc)
            now = time.perf_counter()
            spent[name] += now - started
    total = sum(spent.values())
    return {name: 100 * value / total for name, value in spent.items()}


def run_cli(folders: list[str], workers: int, model: str | None) -> tuple[float, float]:
    """Seconds from start to exit and peak RSS (MiB) of one `pipeline run` in a fresh process."""
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryFile() as stderr:
        command = [sys.executable, "-m", "pipeline", "run", *folders, "--out", str(Path(out) / "tables"),
                   "--no-progress", "--workers", str(workers)] + (["--model", model] if model else [])
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            stderr.seek(0)
            sys.exit(f"{' '.join(command)} failed ({child.returncode}):\n{stderr.read().decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def spin(loops: int) -> int:
    total = 0
    for i in range(loops):
        total += i * i
    return total


def measure_cpu_loop(workers: int, loops: int = 20_000_000) -> float:
    """Seconds for the same amount of plain CPU work split over `workers` processes."""
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return seconds(lambda: pool.map(spin, [loops // workers] * workers))


def copy_corpus(folders: list[str], repeat: int, into: Path) -> list[str]:
    for copy in range(repeat):
        for number, folder in enumerate(folders):
            shutil.copytree(folder, into / f"copy{copy:03d}-{number}")
    return [str(into)]


def join_articles(folders: list[str], size: int, into: Path) -> list[str]:
    """Every `size` article files as one: the first one's text, then the others' without their date."""
    files = sorted(path for folder in folders for path in Path(folder).rglob("*.txt"))
    for number in range(0, len(files), size):
        texts = [path.read_text(encoding="utf-8") for path in files[number:number + size]]
        bodies = [texts[0].rstrip("\n")] + [DATE_HEADER.sub("", text).strip("\n") for text in texts[1:]]
        (into / f"joined{number // size:05d}.txt").write_text("\n\n".join(bodies) + "\n", encoding="utf-8")
    return [str(into)]


def ratios(tops: list[float], bottoms: list[float]) -> list[float]:
    return [top / bottom for top, bottom in zip(tops, bottoms)]


def spread(values: list[float]) -> str:
    """The median, with the range over the rounds when there are several."""
    text = f"{median(values):.3g}"
    return text if len(values) == 1 else f"{text} (rounds {min(values):.3g}-{max(values):.3g})"


def benchmark(folders: list[str], args: argparse.Namespace) -> dict:
    texts = load_texts(folders)
    bare = spacy.blank("de")
    tokens = sum(not token.is_space for doc in bare.pipe(texts) for token in doc)  # also its warm-up
    started = time.perf_counter()
    nlp = build_nlp(args.model)  # the first build in this process, as a CLI run or a worker makes it
    build = time.perf_counter() - started
    list(nlp.pipe(texts))  # warm-up
    print(f"corpus: {len(texts):,} articles, {tokens:,} tokens; pipeline: {', '.join(nlp.pipe_names)}", flush=True)

    def bare_seconds() -> float:
        return seconds(lambda: list(bare.pipe(texts)))

    steady: dict[str, list[float]] = {"bare": [], "pipeline": []}
    for round_number in range(1, args.rounds + 1):
        steady["bare"].append(bare_seconds())
        steady["pipeline"].append(seconds(lambda: list(nlp.pipe(texts))))
        print(f"  steady state, round {round_number}/{args.rounds}", flush=True)
    steady_ratios = ratios(steady["bare"], steady["pipeline"])
    shares = component_shares(nlp, texts)

    other_workers = [w for w in args.workers if w != 1] if 1 in args.workers else []
    cli_bare: list[float] = []
    cli: dict[int, list[float]] = {w: [] for w in args.workers}
    rss: dict[int, list[float]] = {w: [] for w in args.workers}
    loop: dict[int, list[float]] = {w: [] for w in [1, *other_workers]} if other_workers else {}
    for round_number in range(1, args.rounds + 1):
        cli_bare.append(bare_seconds())
        for workers in args.workers:
            elapsed, peak = run_cli(folders, workers, args.model)
            cli[workers].append(elapsed)
            rss[workers].append(peak)
        for workers in loop:
            loop[workers].append(measure_cpu_loop(workers))
        print(f"  whole CLI, round {round_number}/{args.rounds}", flush=True)

    return {
        "articles": len(texts), "tokens": tokens, "rounds": args.rounds, "model": args.model,
        "repeat": args.repeat, "join": args.join, "build_seconds": build,
        "steady_state": {
            "x_bare": median(steady_ratios), "x_bare_rounds": steady_ratios,
            "bare_tokens_per_s": tokens / median(steady["bare"]),
            "pipeline_tokens_per_s": tokens / median(steady["pipeline"]),
        },
        "component_share_percent": shares,
        "cli": {
            str(w): {
                "x_bare": median(ratios(cli_bare, cli[w])), "x_bare_rounds": ratios(cli_bare, cli[w]),
                "seconds": median(cli[w]), "tokens_per_s": tokens / median(cli[w]),
                "peak_rss_mib": max(rss[w]),
            } for w in args.workers
        },
        "speedup_over_1_worker": {
            str(w): {
                "cli": median(ratios(cli[1], cli[w])), "cli_rounds": ratios(cli[1], cli[w]),
                "cpu_loop": median(ratios(loop[1], loop[w])),
            } for w in other_workers
        },
    }


def report(summary: dict) -> None:
    steady = summary["steady_state"]
    print(f"\n{summary['articles']:,} articles, {summary['tokens']:,} tokens, {summary['rounds']} round(s); "
          "x bare = bare tokenizer seconds / seconds (median; higher is faster)\n")
    print(f"{'':<30}{'x bare':<28}{'tokens/s':>10}")
    print(f"{'bare tokenizer, in memory':<30}{'1':<28}{steady['bare_tokens_per_s']:>10,.0f}")
    print(f"{'pipeline, in memory':<30}{spread(steady['x_bare_rounds']):<28}{steady['pipeline_tokens_per_s']:>10,.0f}")
    for workers, cli in summary["cli"].items():
        print(f"{f'whole CLI, {workers} worker(s)':<30}{spread(cli['x_bare_rounds']):<28}{cli['tokens_per_s']:>10,.0f}"
              f"   {cli['seconds']:.1f} s, peak RSS {cli['peak_rss_mib']:,.0f} MiB")
    for workers, speedup in summary["speedup_over_1_worker"].items():
        print(f"\nCLI speed-up, {workers} workers over 1: {spread(speedup['cli_rounds'])} "
              f"(plain CPU loop in {workers} processes: {speedup['cpu_loop']:.3g})")
    print(f"\nbuilding the pipeline (build_nlp, spaCy already imported): {summary['build_seconds']:.2f} s")
    print("share of time, per text in memory: " + ", ".join(
        f"{name} {share:.1f}%" for name, share in summary["component_share_percent"].items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", metavar="FOLDER")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="CLI worker counts (default 1 2)")
    parser.add_argument("--model", default=None, help="installed German spaCy model (name or path)")
    parser.add_argument("--repeat", type=int, default=1, help="copy the folders this many times first")
    parser.add_argument("--join", type=int, default=1, help="join every N articles into one long article first")
    parser.add_argument("--json", action="store_true", help="print a JSON summary at the end")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folders = copy_corpus(args.folders, args.repeat, Path(tmp)) if args.repeat > 1 else args.folders
        if args.join > 1:
            joined = Path(tmp) / "joined"
            joined.mkdir()
            folders = join_articles(folders, args.join, joined)
        summary = benchmark(folders, args)
    report(summary)
    if args.json:
        print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
