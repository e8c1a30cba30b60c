"""One run per output folder: a second run fails at once, and a killed run never leaves a stale lock."""
import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest

from pipeline import load_tables
from pipeline.cli import main
from pipeline.lock import LOCK_NAME, FolderLocked, locked

from test_run import write_corpus


def test_second_run_into_the_same_folder_fails_at_once_naming_the_first(tmp_path, sentences_config, capsys):
    texts = {f"art-{i:04d}": f"date 2024-01-01 Meldung {i}.\n\nIn Berlin geschah etwas. " * 40 for i in range(1500)}
    first_input, out = write_corpus(tmp_path / "first", texts), tmp_path / "out"
    other_input = write_corpus(tmp_path / "other", {"x-anders": "date 2024-01-01 Etwas anderes."})
    first = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(first_input), "--out", str(out),
                              "--config", str(sentences_config), "--no-progress"], stderr=subprocess.PIPE)
    lock, deadline = out / LOCK_NAME, time.monotonic() + 60
    while (not lock.exists() or "pid" not in lock.read_text()) and time.monotonic() < deadline:
        time.sleep(0.02)
    started = time.monotonic()
    assert main(["run", str(other_input), "--out", str(out), "--config", str(sentences_config), "--no-progress"]) == 3  # the run failed
    assert time.monotonic() - started < 5  # at once, no waiting
    message = capsys.readouterr().err
    assert f"pid {first.pid}" in message and "in use by another run" in message
    assert first.wait(timeout=120) == 0, first.stderr.read().decode()
    assert set(load_tables(out)["articles"]["article_id"]) == set(texts)  # the first run's, not a union


def test_lock_of_a_killed_run_is_released(tmp_path):
    def hold():
        with locked(tmp_path):
            time.sleep(60)

    holder = multiprocessing.get_context("fork").Process(target=hold)
    holder.start()
    deadline = time.monotonic() + 10
    while "pid" not in ((tmp_path / LOCK_NAME).read_text() if (tmp_path / LOCK_NAME).exists() else ""):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    with pytest.raises(FolderLocked, match=f"pid {holder.pid}"):
        with locked(tmp_path):
            pass
    os.kill(holder.pid, signal.SIGKILL)
    holder.join()
    with locked(tmp_path):  # the kernel released it
        assert f"pid {os.getpid()}" in (tmp_path / LOCK_NAME).read_text()
