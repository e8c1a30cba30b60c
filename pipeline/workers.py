"""A pool of worker processes that notices when one dies and never waits forever.

Each worker has its own pipe and one batch at a time, so the main process always knows which
batch a worker holds. It waits on the pipes and on the processes' sentinels together: a worker
killed by a signal (the kernel's out-of-memory killer sends SIGKILL), one that crashes, or one
that takes longer than its batch's time limit is replaced, and its batch is tried again one
article at a time; an article that fails a second time becomes an error row. Workers ignore
Ctrl-C (the main process stops them) and exit by themselves when the main process is gone.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from multiprocessing.connection import wait
from typing import Iterable, Iterator, NamedTuple

from .engine import Result, Settings, pipeline_for, process_batch
from .reader import Article, Problem

PR_SET_PDEATHSIG = 1  # prctl(2)
Tagged = tuple[object, list[Article]]  # the caller's tag (kept as it is) and a batch of articles


class StartupFailure(NamedTuple):
    message: str


class _Job:
    def __init__(self, tag, articles: list[Article], attempt: int, parts: list | None = None):
        self.tag, self.articles, self.attempt = tag, articles, attempt
        self.parts = parts  # for a retried article: the shared list its batch's results are gathered in


class _Worker:
    def __init__(self, context, settings: Settings):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, settings), daemon=True)
        self.process.start()
        child.close()
        self.job: _Job | None = None
        self.deadline = 0.0

    def send(self, job: _Job, seconds: float) -> None:
        self.job, self.deadline = job, time.monotonic() + seconds
        self.conn.send(job.articles)

    def stop(self, now: bool) -> None:
        if not now:
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.process.join(5)
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def _serve(conn, settings: Settings) -> None:
    """A worker's loop: batches in, results out, until told to stop or the main process is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    parent = os.getppid()

    def watch_parent() -> None:  # where the kernel cannot do it, and for a parent gone before the call above
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch_parent, daemon=True).start()
    try:
        pipeline_for(settings)
    except Exception as exc:  # a missing model, a bad config: the same for every worker, so stop the run
        conn.send(StartupFailure(f"{type(exc).__name__}: {exc}"))
        return
    while True:
        try:
            articles = conn.recv()
        except (EOFError, OSError):
            return
        if articles is None:
            return
        conn.send(process_batch(articles, settings))


def _die_with_parent() -> None:
    """On Linux, ask the kernel to kill this worker when the main process dies: unlike a thread that
    polls, it works while the worker is busy in compiled code that holds the interpreter lock."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


class PoolEngine:
    """`workers` processes, started on the first batch with work (a run that reuses every article
    starts none). Forked workers share a pipeline already built in this process."""

    def __init__(self, settings: Settings, workers: int):
        self.settings, self.size = settings, workers
        methods = multiprocessing.get_all_start_methods()
        self.context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.workers: list[_Worker] = []

    def time_limit(self, articles: list[Article]) -> float:
        chars = sum(len(article.raw) for article in articles)
        return self.settings.batch_seconds + chars / self.settings.chars_per_second

    def process(self, batches: Iterable[Tagged]) -> Iterator[tuple[object, list[Article], list[Result]]]:
        """(tag, articles, results) for every batch, in the order they finish."""
        source, exhausted = iter(batches), False
        retries: deque[_Job] = deque()
        while True:
            while self._has_room():
                job = retries.popleft() if retries else None
                while job is None and not exhausted:
                    tag, articles = next(source, (None, None))
                    if articles is None:
                        exhausted = True
                    elif not articles:
                        yield tag, articles, []
                    else:
                        job = _Job(tag, articles, attempt=1)
                if job is None:
                    break
                self._free_worker().send(job, self.time_limit(job.articles))
            busy = [worker for worker in self.workers if worker.job is not None]
            if not busy:
                if exhausted and not retries:
                    return
                continue
            timeout = max(0.0, min(worker.deadline for worker in busy) - time.monotonic())
            ready = set(wait([worker.conn for worker in busy] + [worker.process.sentinel for worker in busy], timeout))
            for worker in busy:
                job, failure = worker.job, None
                if worker.conn in ready:
                    try:
                        results = worker.conn.recv()
                    except (EOFError, OSError):
                        failure = self._death(worker)
                    else:
                        if isinstance(results, StartupFailure):
                            raise RuntimeError(f"a worker could not build the pipeline: {results.message}")
                        worker.job = None
                        yield from self._finished(job, results)
                        continue
                elif worker.process.sentinel in ready:
                    failure = self._death(worker)
                elif time.monotonic() >= worker.deadline:
                    failure = f"took longer than its limit of {self.time_limit(job.articles):.0f} s"
                else:
                    continue
                self._replace(worker)
                if job.attempt == 1:  # once more, one article at a time: one bad article fails alone
                    parts: list = [None] * len(job.articles)
                    retries.extend(_Job((job, i), [article], 2, parts) for i, article in enumerate(job.articles))
                else:
                    yield from self._finished(job, [_failed(job.articles[0], failure)])

    def _finished(self, job: _Job, results: list[Result]):
        if job.parts is None:
            yield job.tag, job.articles, results
            return
        batch, position = job.tag
        job.parts[position] = results[0]
        if all(part is not None for part in job.parts):
            yield batch.tag, batch.articles, job.parts

    def _has_room(self) -> bool:
        return len(self.workers) < self.size or any(worker.job is None for worker in self.workers)

    def _free_worker(self) -> _Worker:
        for worker in self.workers:
            if worker.job is None:
                return worker
        self.workers.append(_Worker(self.context, self.settings))
        return self.workers[-1]

    def _death(self, worker: _Worker) -> str:
        worker.process.join(5)
        code = worker.process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            return f"was killed by {name}" + (" (out of memory?)" if name == "SIGKILL" else "")
        return f"exited with status {code}"

    def _replace(self, worker: _Worker) -> None:
        worker.stop(now=True)
        self.workers.remove(worker)

    def close(self, failed: bool = False) -> None:
        for worker in self.workers:
            worker.stop(now=failed)
        self.workers = []


def _failed(article: Article, failure: str) -> Result:
    problem = Problem(article.source, article.article_id, "worker_died", "error",
                      f"the worker process processing this article {failure}, twice; skipped (retried next run)")
    return Result(None, [tuple(earlier) for earlier in article.problems] + [tuple(problem)])
