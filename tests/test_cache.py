"""The cache is data: a damaged, foreign or old cache is moved aside and rebuilt, never executed."""
import pickle
import sqlite3

import pytest

from pipeline import load_tables
from pipeline.cache import ASIDE_SUFFIX, CACHE_NAME
from pipeline.run import run

from test_run import ARTICLES, write_corpus


class Payload:
    """Unpickling this creates a file: the proof that a pickle ran."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return open, (str(self.path), "w")


def old_pickle_cache(path, marker):
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, source TEXT NOT NULL, article_id TEXT, "
               "fingerprint TEXT, run INTEGER NOT NULL, rows BLOB, errors BLOB)")
    blob = pickle.dumps(Payload(marker))
    db.execute("INSERT INTO entries VALUES ('k', 'in/a-merz.txt', 'a-merz', 'x', 1, ?, ?)", (blob, blob))
    db.commit()
    db.close()


def truncated(path, marker):
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def overwritten(path, marker):
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xab" * 4096  # a page of the database overwritten
    path.write_bytes(bytes(data))


def not_sqlite(path, marker):
    path.write_bytes(b"this is not a database\n" * 100)


@pytest.mark.parametrize("damage", [old_pickle_cache, truncated, overwritten, not_sqlite])
def test_unreadable_cache_is_moved_aside_and_rebuilt(tmp_path, nlp, damage):
    corpus, out, marker = write_corpus(tmp_path / "in"), tmp_path / "out", tmp_path / "pickle-ran"
    run(nlp, [corpus], out, progress=False)
    cache = out / CACHE_NAME
    for suffix in ("-wal", "-shm"):
        (out / (CACHE_NAME + suffix)).unlink(missing_ok=True)
    if damage is old_pickle_cache:
        cache.unlink()
    damage(cache, marker)
    summary = run(nlp, [corpus], out, progress=False)
    assert not marker.exists()  # the pickle was never loaded
    assert (summary.processed, summary.reused, summary.errors) == (3, 0, 0)
    assert len(summary.notices) == 1 and "moved to" in summary.notices[0]
    assert (out / (CACHE_NAME + ASIDE_SUFFIX)).exists()
    errors = load_tables(out)["errors"]
    assert list(errors["error"]) == ["cache_unreadable"] and list(errors["severity"]) == ["warning"]
    assert set(load_tables(out)["articles"]["article_id"]) == set(ARTICLES)
    again = run(nlp, [corpus], out, progress=False)  # the rebuilt cache works
    assert (again.reused, again.notices) == (3, [])


def test_hand_edited_rows_are_an_error_row_and_processed_again(tmp_path, nlp):
    corpus, out = write_corpus(tmp_path / "in"), tmp_path / "out"
    run(nlp, [corpus], out, progress=False)
    db = sqlite3.connect(out / CACHE_NAME)
    db.execute("UPDATE entries SET rows = CAST('{not json' AS BLOB) WHERE article_id = 'b-wien'")
    db.commit()
    db.close()
    summary = run(nlp, [corpus], out, progress=False)
    assert summary.articles == 2 and summary.errors == 1
    assert list(load_tables(out)["errors"]["error"]) == ["cache_unreadable"]
    again = run(nlp, [corpus], out, progress=False)
    assert (again.processed, again.articles, again.errors) == (1, 3, 0)
