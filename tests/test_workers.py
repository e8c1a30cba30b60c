"""The worker pool: a worker that is killed, crashes or hangs is noticed, never waited for forever."""
import os
import signal
import threading
import time
from contextlib import contextmanager

import pytest

import pipeline.engine
import pipeline.run
import pipeline.workers
from pipeline import load_tables
from pipeline.run import run

from test_run import ARTICLES, write_corpus

MAIN = os.getpid()


@contextmanager
def no_hang(seconds: int):
    """Fail the test instead of waiting forever."""
    def give_up(*_):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def poisoned(monkeypatch):
    """Make `process_article` do `act()` in a worker process (never here) for article b-wien; forked
    workers inherit the patch."""
    real = pipeline.engine.process_article

    def install(act):
        def process_article(nlp, article, section_chars):
            if article.article_id == "b-wien" and os.getpid() != MAIN:
                act()
            return real(nlp, article, section_chars)

        monkeypatch.setattr(pipeline.engine, "process_article", process_article)

    monkeypatch.setattr(pipeline.run, "BATCH_ARTICLES", 2)
    return install


def error_rows(out):
    errors = load_tables(out)["errors"]
    return list(zip(errors["article_id"], errors["error"], errors["message"]))


def test_worker_killed_by_sigkill_on_every_try_gives_an_error_row(tmp_path, nlp, poisoned):
    poisoned(lambda: os.kill(os.getpid(), signal.SIGKILL))  # what the out-of-memory killer does
    with no_hang(60):
        summary = run(nlp, [write_corpus(tmp_path / "in")], tmp_path / "out", workers=2, progress=False)
    assert (summary.articles, summary.errors) == (2, 1)
    [(article_id, error, message)] = error_rows(tmp_path / "out")
    assert (article_id, error) == ("b-wien", "worker_died")
    assert "SIGKILL" in message and "twice" in message
    assert set(load_tables(tmp_path / "out")["articles"]["article_id"]) == {"a-merz", "c-kurz"}


def test_worker_killed_once_from_outside_is_retried(tmp_path, nlp, poisoned):
    """A real kill -9 of a worker while it holds a batch: the batch is done again by a new worker."""
    started = tmp_path / "started"

    def slow_first_time():
        if not started.exists():
            started.write_text(str(os.getpid()))
            time.sleep(60)

    poisoned(slow_first_time)

    def kill_worker():
        while not started.exists() or not started.read_text():
            time.sleep(0.05)
        os.kill(int(started.read_text()), signal.SIGKILL)

    killer = threading.Thread(target=kill_worker, daemon=True)
    killer.start()
    with no_hang(60):
        summary = run(nlp, [write_corpus(tmp_path / "in")], tmp_path / "out", workers=2, progress=False)
    killer.join()
    assert (summary.articles, summary.processed, summary.errors) == (3, 3, 0)
    run(nlp, [write_corpus(tmp_path / "in")], tmp_path / "one", progress=False)
    for name, df in load_tables(tmp_path / "one").items():
        assert df.equals(load_tables(tmp_path / "out")[name]), name


def test_hanging_worker_is_stopped_at_its_time_limit(tmp_path, nlp, poisoned, monkeypatch):
    poisoned(lambda: time.sleep(3600))
    monkeypatch.setattr(pipeline.workers.PoolEngine, "time_limit", lambda self, articles: 2.0)
    with no_hang(60):
        summary = run(nlp, [write_corpus(tmp_path / "in")], tmp_path / "out", workers=2, progress=False)
    assert (summary.articles, summary.errors) == (2, 1)
    [(article_id, error, message)] = error_rows(tmp_path / "out")
    assert (article_id, error) == ("b-wien", "worker_died") and "longer than its limit of 2 s" in message


def test_worker_that_cannot_build_the_pipeline_stops_the_run(tmp_path, monkeypatch):
    def broken(settings):
        raise OSError("model not found")

    monkeypatch.setattr(pipeline.workers, "pipeline_for", broken)
    with no_hang(60), pytest.raises(RuntimeError, match="could not build the pipeline: OSError: model not found"):
        run(None, [write_corpus(tmp_path / "in")], tmp_path / "out", workers=2, progress=False)
    assert not (tmp_path / "out" / "articles.parquet").exists()


def test_workers_exit_when_the_main_process_is_gone(tmp_path, nlp):
    """kill -9 of the main process: its workers notice within a second or two and exit."""
    import multiprocessing

    corpus = write_corpus(tmp_path / "in", {f"art-{i}": ARTICLES["a-merz"] for i in range(200)})
    pids = tmp_path / "pids"

    def main_process():
        real = pipeline.workers._Worker.__init__

        def record(self, *args):
            real(self, *args)
            with open(pids, "a") as handle:
                handle.write(f"{self.process.pid}\n")

        pipeline.workers._Worker.__init__ = record
        run(nlp, [corpus], tmp_path / "out", workers=2, progress=False)

    killed = multiprocessing.get_context("fork").Process(target=main_process)
    killed.start()
    deadline = time.monotonic() + 30
    while (not pids.exists() or len(pids.read_text().split()) < 2) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(killed.pid, signal.SIGKILL)
    killed.join()
    workers = [int(pid) for pid in pids.read_text().split()]
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False
