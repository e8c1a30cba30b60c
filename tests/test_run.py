"""The job end to end: bad input, incremental and interrupted runs, parallel and Dask engines."""
import gzip
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

import pipeline.cache
import pipeline.engine
import pipeline.io
import pipeline.reader
import pipeline.run
from pipeline import load_tables
from pipeline.cache import CACHE_NAME, pipeline_version
from pipeline.cli import main
from pipeline.io import TablesError
from pipeline.lock import LOCK_NAME
from pipeline.engine import Settings, pipeline_for, process_article, process_batch, use_pipeline
from pipeline.language import DEFAULT_CONFIG
from pipeline.reader import Problem, parse_article
from pipeline.run import extract, run
from pipeline.schema import TABLES

ARTICLES = {
    "a-merz": "date 2024-03-01 Bundeskanzler Friedrich Merz reiste nach Paris.\n\n"
              "„Wir stehen fest an der Seite der Ukraine“, sagte Merz in Berlin.",
    "b-wien": "date 2024-03-02 In Wien tagte die Regierung.\n\nDer Kanzler sagte, man werde handeln.",
    "c-kurz": "date 2024-03-03 Kurze Meldung aus Hamburg.",
}


def write_corpus(folder: Path, articles=ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def fixed_version(monkeypatch):
    """Other edits to the package during a test run must not change the pipeline version."""
    monkeypatch.setattr(pipeline.run, "pipeline_version", lambda model, config, **settings: "test-version")


def assert_same_tables(left: Path, right: Path):
    a, b = load_tables(left), load_tables(right)
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


# Bad input: one row in errors each, everything else processed.

BAD_INPUTS = [
    # file name, bytes, expected (error, severity) rows, article kept
    ("empty.txt", b"", [("empty", "error")], False),
    ("blank.txt", b" \n\n \r\n", [("empty", "error")], False),
    ("binary.txt", bytes(range(256)) * 4, [("binary", "error")], False),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes([200, 17, 3, 250] * 64), [("not_utf8", "error")], False),
    ("latin1.txt", "date 2024-01-05 Grüße aus Köln, sagte Müller.".encode("cp1252"), [("not_utf8", "warning")], True),
    ("cyrillic.txt", "date 2024-01-05 Привет из Москвы, сказал он.".encode("cp1251"), [("not_utf8", "error")], False),
    ("crlf.txt", b"date 2024-01-06 In Berlin tagte der Bundestag.\r\n\r\nDann sprach Merz in Paris.\r\n", [], True),
    ("bom.txt", "\ufeffdate 2024-01-07 In Berlin tagte der Bundestag.".encode(), [], True),
    ("bom-no-date.txt", "\ufeffBerlin ist die Hauptstadt.".encode(), [("no_date", "warning")], True),
    ("no-date.txt", "In Berlin tagte der Bundestag.\n\nEnde.".encode(), [("no_date", "warning")], True),
]


@pytest.mark.parametrize("name, data, expected, kept", BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_is_one_error_row_and_the_run_goes_on(tmp_path, nlp, name, data, expected, kept):
    corpus = write_corpus(tmp_path / "in")
    (corpus / name).write_bytes(data)
    summary = run(nlp, [corpus], tmp_path / "out", progress=False)
    tables = load_tables(tmp_path / "out")
    errors = tables["errors"]
    assert list(zip(errors["error"], errors["severity"])) == expected
    assert set(errors["article_id"]) <= {Path(name).stem}
    assert summary.errors == sum(severity == "error" for _, severity in expected)
    ids = set(tables["articles"]["article_id"])
    assert ids == set(ARTICLES) | ({Path(name).stem} if kept else set())
    if kept:  # offsets refer to the decoded text, whatever its line ends or BOM
        raw = data.decode("cp1252" if name == "latin1.txt" else "utf-8")
        mentions = tables["mentions"][tables["mentions"]["article_id"] == Path(name).stem]
        assert len(mentions) > 0
        for row in mentions.itertuples():
            assert raw[row.start_char:row.end_char] == row.text
            assert not row.text.startswith("\ufeff")


def test_dumps_with_bad_lines(tmp_path, nlp):
    dump = tmp_path / "dump.jsonl.gz"
    with gzip.open(dump, "wt", encoding="utf-8") as f:
        f.write(json.dumps({"id": "d1", "text": "In Berlin tagte der Bundestag.", "date": "2024-02-01"}) + "\n")
        f.write("{kaputt\n")
        f.write(json.dumps({"id": "d2", "text": ""}) + "\n")
        f.write(json.dumps({"id": "d3", "text": "date 2024-02-03 Merz reiste nach Paris."}) + "\n")
    summary = run(nlp, [dump], tmp_path / "out", progress=False)
    tables = load_tables(tmp_path / "out")
    assert list(tables["articles"]["article_id"]) == ["d1", "d3"]
    assert list(tables["errors"]["error"]) == ["bad_json", "empty"]  # sorted by source
    assert summary.errors == 2


@pytest.mark.parametrize("files, status, articles", [
    ({}, 0, 3),
    ({"empty.txt": b""}, 1, 3),
    ({"no-date.txt": b"Text."}, 0, 4),  # a warning only
])
def test_exit_status_says_whether_there_were_errors(tmp_path, cli_nlp, files, status, articles, capsys):
    corpus = write_corpus(tmp_path / "in")
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"]) == status
    assert f"{articles} articles ({articles} processed, 0 unchanged)" in capsys.readouterr().err


def test_long_article_is_processed_in_sections(nlp):
    paragraph = "Bundeskanzler Friedrich Merz sprach in Berlin. „Wir handeln jetzt“, sagte Merz."
    raw = "date 2024-01-01 Lede.\n\n" + "\n\n".join([paragraph] * 40)
    article = parse_article(raw, "lang", "lang.txt")
    whole, ok = process_article(nlp, article, section_chars=len(raw))
    parts, ok_parts = process_article(nlp, article, section_chars=500)
    assert ok and ok_parts
    assert [row[2] for row in parts["errors"]] == ["long_article"]
    assert len(parts["mentions"]) == len(whole["mentions"])
    assert len(parts["quotes"]) == len(whole["quotes"])
    columns = TABLES["mentions"].column_names
    mentions = [dict(zip(columns, row)) for row in parts["mentions"]]
    assert [m["mention_id"] for m in mentions] == list(range(1, len(mentions) + 1))
    assert all(raw[m["start_char"]:m["end_char"]] == m["text"] for m in mentions)
    sentence_ids = [m["sentence_id"] for m in mentions]
    assert sentence_ids == sorted(sentence_ids) and sentence_ids[-1] > 20
    entity_ids = [row[1] for row in parts["entities"]]
    assert len(entity_ids) == len(set(entity_ids)) > len(whole["entities"])  # linked within sections only
    assert {m["entity_id"] for m in mentions} == set(entity_ids)
    article_row = dict(zip(TABLES["articles"].column_names, parts["articles"][0]))
    whole_row = dict(zip(TABLES["articles"].column_names, whole["articles"][0]))
    for column in ("n_paragraphs", "n_mentions", "n_quotes", "sha256", "lede"):
        assert article_row[column] == whole_row[column]


def test_rows_sorted_by_article_then_within_article(tmp_path, nlp):
    corpus = write_corpus(tmp_path / "in")
    run(nlp, [corpus / "c-kurz.txt", corpus / "a-merz.txt", corpus / "b-wien.txt"], tmp_path / "out",
        progress=False)
    tables = load_tables(tmp_path / "out")
    for name, df in tables.items():
        keys = list(TABLES[name].sort_keys)
        pd.testing.assert_frame_equal(df, df.sort_values(keys, kind="stable", ignore_index=True), obj=name)
    assert list(tables["articles"]["article_id"]) == sorted(ARTICLES)


# Inputs that must not cost the tables already there.

def folder_state(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file() and p.name != LOCK_NAME}


@pytest.mark.parametrize("inputs, message", [
    (["typo"], "input does not exist: "),
    (["in", "typo"], "input does not exist: "),
    (["empty"], "no articles found in "),
    (["empty/only-images"], "no articles found in "),
])
def test_mistyped_or_empty_input_leaves_the_tables_as_they_are(tmp_path, cli_nlp, capsys, inputs, message):
    corpus, out = write_corpus(tmp_path / "in"), tmp_path / "out"
    (tmp_path / "empty" / "only-images").mkdir(parents=True)
    (tmp_path / "empty" / "only-images" / "photo.jpg").write_bytes(b"\xff\xd8")
    assert main(["run", str(corpus), "--out", str(out), "--no-progress"]) == 0
    before = folder_state(out)
    capsys.readouterr()
    assert main(["run", *[str(tmp_path / path) for path in inputs], "--out", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert folder_state(out) == before  # tables, manifest and cache untouched
    assert main(["run", str(corpus), "--out", str(out), "--no-progress"]) == 0
    assert "0 processed, 3 unchanged" in capsys.readouterr().err  # and the cache still holds everything


def test_an_input_that_cannot_be_read_keeps_its_rows(tmp_path, nlp, monkeypatch):
    """A disk or permission problem is an error row; only inputs that were read can lose articles."""
    corpus, out = write_corpus(tmp_path / "in"), tmp_path / "out"
    run(nlp, [corpus], out, progress=False)
    real = pipeline.reader.read_file

    def unreadable_wien(path):
        if path.stem == "b-wien":
            return None, [Problem(str(path), path.stem, "unreadable", "error", "cannot read file: I/O error")]
        return real(path)

    monkeypatch.setattr(pipeline.reader, "read_file", unreadable_wien)
    summary = run(nlp, [corpus], out, progress=False)
    tables = load_tables(out)
    assert set(tables["articles"]["article_id"]) == set(ARTICLES) and summary.errors == 1
    assert list(tables["errors"]["error"]) == ["unreadable"]
    monkeypatch.setattr(pipeline.reader, "read_file", real)
    (corpus / "b-wien.txt").unlink()  # read and gone: now it leaves the tables
    run(nlp, [corpus], out, progress=False)
    assert set(load_tables(out)["articles"]["article_id"]) == {"a-merz", "c-kurz"}


def test_duplicate_article_ids_keep_the_first_and_are_error_rows(tmp_path, nlp):
    write_corpus(tmp_path / "in" / "1-first")
    write_corpus(tmp_path / "in" / "2-second", {"a-merz": "date 2024-05-05 Olaf Scholz sprach in Bonn."})
    with open(tmp_path / "in" / "3-dump.jsonl", "w", encoding="utf-8") as dump:
        for text in ("Merz reiste nach Rom.", "Merz reiste nach Madrid."):
            dump.write(json.dumps({"id": "d-1", "text": text, "date": "2024-06-01"}) + "\n")
    out = tmp_path / "out"
    for attempt in ("first run", "incremental run"):
        summary = run(nlp, [tmp_path / "in"], out, progress=False)
        tables = load_tables(out)
        assert summary.errors == 2, attempt
        assert sorted(tables["articles"]["article_id"]) == sorted([*ARTICLES, "d-1"])
        errors = tables["errors"]
        assert list(errors["error"]) == ["duplicate_id"] * 2
        assert list(errors["article_id"]) == ["a-merz", "d-1"]
        assert "1-first" in errors["message"][0] and errors["source"][1].endswith("3-dump.jsonl:2")
        merz = tables["articles"].set_index("article_id").loc["a-merz"]
        assert "1-first" in merz["source"]
        for name, keys in (("articles", ["article_id"]), ("entities", ["entity_id"]),
                           ("mentions", ["article_id", "mention_id"]), ("quotes", ["article_id", "quote_id"])):
            assert not tables[name].duplicated(keys).any(), (attempt, name)
        assert "Bonn" not in set(tables["mentions"]["text"]) and "Madrid" not in set(tables["mentions"]["text"])
    rows = extract(nlp, [tmp_path / "in"])
    assert [row["error"] for row in rows["errors"]] == ["duplicate_id"] * 2


@contextmanager
def tiny_filesystem(path: Path, size: str = "1m"):
    """A real file system of `size` bytes mounted at `path` (needs root; skipped otherwise)."""
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                             capture_output=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_disk_full_is_a_clear_message(tmp_path, cli_nlp, capsys):
    texts = {f"art-{i:03d}": ARTICLES["a-merz"] + " Er sprach lange." * 40 for i in range(300)}
    corpus = write_corpus(tmp_path / "in", texts)
    with tiny_filesystem(tmp_path / "full", "256k") as out:
        assert main(["run", str(corpus), "--out", str(out), "--no-progress"]) == 3  # the run failed
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "Traceback" not in err
        assert "No space left on device" in err or "disk is full" in err


def test_read_only_output_folder_is_a_clear_message(tmp_path, cli_nlp, capsys):
    corpus = write_corpus(tmp_path / "in")
    with tiny_filesystem(tmp_path / "ro", "8m") as out:
        assert main(["run", str(corpus), "--out", str(out), "--no-progress"]) == 0
        before = load_tables(out)
        write_corpus(corpus, {"d-neu": "date 2024-03-04 Neues aus München."})
        subprocess.run(["mount", "-o", "remount,ro", str(out)], check=True)
        capsys.readouterr()
        assert main(["run", str(corpus), "--out", str(out), "--no-progress"]) == 3  # the run failed
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "Read-only file system" in err and "Traceback" not in err
        for name, df in load_tables(out).items():
            pd.testing.assert_frame_equal(df, before[name])


# Incremental runs.

def test_incremental_run_reuses_unchanged_articles(tmp_path, nlp):
    corpus, out = write_corpus(tmp_path / "in"), tmp_path / "out"
    assert run(nlp, [corpus], out, progress=False).processed == 3
    first = load_tables(out)
    again = run(nlp, [corpus], out, progress=False)
    assert (again.processed, again.reused) == (0, 3)
    for name in TABLES:
        pd.testing.assert_frame_equal(load_tables(out)[name], first[name])

    (corpus / "b-wien.txt").write_text("date 2024-03-02 In Wien tagte die Regierung erneut.", encoding="utf-8")
    (corpus / "c-kurz.txt").unlink()  # removed inputs leave the tables
    (corpus / "d-neu.txt").write_text("date 2024-03-04 Neues aus München.", encoding="utf-8")
    changed = run(nlp, [corpus], out, progress=False)
    assert (changed.processed, changed.reused, changed.articles) == (2, 1, 3)
    fresh = run(nlp, [corpus], tmp_path / "fresh", progress=False)
    assert fresh.processed == 3
    assert_same_tables(out, tmp_path / "fresh")

    assert run(nlp, [corpus], out, progress=False, force=True).processed == 3


def test_new_pipeline_version_reprocesses(tmp_path, nlp, monkeypatch):
    corpus, out = write_corpus(tmp_path / "in"), tmp_path / "out"
    run(nlp, [corpus], out, progress=False)
    monkeypatch.setattr(pipeline.run, "pipeline_version", lambda model, config, **settings: "other-version")
    assert run(nlp, [corpus], out, progress=False).processed == 3


def test_pipeline_version_follows_config_and_the_data_it_loads(tmp_path):
    data = tmp_path / "data"
    (data / "quotes").mkdir(parents=True)
    verbs = data / "quotes" / "speech_verbs.tsv"
    verbs.write_text("lemma\tforms\nquengeln\tquengelte\n", encoding="utf-8")
    config = tmp_path / "custom.cfg"
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    config.write_text(text.replace("[initialize.components.quotes]\ndata_dir = null\nextend = []",
                                   f'[initialize.components.quotes]\ndata_dir = null\nextend = ["{data}"]'),
                      encoding="utf-8")
    before = pipeline_version(None, config)
    assert before != pipeline_version(None, DEFAULT_CONFIG)
    (data / "notes.txt").write_text("not a lexicon", encoding="utf-8")  # not loaded: same version
    assert pipeline_version(None, config) == before
    verbs.write_text("lemma\tforms\nquengeln\tquengelte,quengelt\n", encoding="utf-8")
    assert pipeline_version(None, config) != before
    assert pipeline_version("de_core_news_sm", config) != pipeline_version(None, config)


def test_pipeline_version_follows_a_model_saved_at_the_same_path(tmp_path):
    import spacy

    model = tmp_path / "model"
    spacy.blank("de").to_disk(model)
    before = pipeline_version(str(model), DEFAULT_CONFIG)
    assert pipeline_version(str(model), DEFAULT_CONFIG) == before
    (model / "tokenizer").write_bytes((model / "tokenizer").read_bytes() + b" ")  # retrained, saved again
    assert pipeline_version(str(model), DEFAULT_CONFIG) != before


def test_failed_articles_are_retried(tmp_path, nlp, monkeypatch):
    corpus, out = write_corpus(tmp_path / "in"), tmp_path / "out"
    real = pipeline.engine.make_doc

    def failing(nlp, article):
        if article.article_id == "b-wien":
            raise ValueError("kaputt")
        return real(nlp, article)

    monkeypatch.setattr(pipeline.engine, "make_doc", failing)
    summary = run(nlp, [corpus], out, progress=False)
    assert (summary.articles, summary.errors) == (2, 1)
    assert "kaputt" in load_tables(out)["errors"]["message"][0]
    monkeypatch.setattr(pipeline.engine, "make_doc", real)
    again = run(nlp, [corpus], out, progress=False)
    assert (again.processed, again.reused, again.errors) == (1, 2, 0)


# Interrupted runs: the previous tables stay readable and the next run finishes the job.

def test_run_interrupted_while_processing(tmp_path, nlp, monkeypatch):
    corpus, out = write_corpus(tmp_path / "in"), tmp_path / "out"
    run(nlp, [corpus / "a-merz.txt"], out, progress=False)
    previous = load_tables(out)
    monkeypatch.setattr(pipeline.run, "BATCH_ARTICLES", 1)
    real, calls = pipeline.engine.process_article, []

    def crash_on_third(*args):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the user pressed Ctrl-C, or the machine went down
        return real(*args)

    monkeypatch.setattr(pipeline.engine, "process_article", crash_on_third)
    with pytest.raises(KeyboardInterrupt):
        run(nlp, [corpus], out, progress=False, force=True)
    for name in TABLES:
        pd.testing.assert_frame_equal(load_tables(out)[name], previous[name])
    monkeypatch.setattr(pipeline.engine, "process_article", real)
    resumed = run(nlp, [corpus], out, progress=False)
    assert (resumed.processed, resumed.reused) == (1, 2)  # the two stored before the crash
    run(nlp, [corpus], tmp_path / "fresh", progress=False)
    assert_same_tables(out, tmp_path / "fresh")


@pytest.mark.parametrize("seconds, commits_while_processing", [(0, 3), (3600, 0)])
def test_results_are_committed_at_most_every_commit_seconds(tmp_path, nlp, monkeypatch, seconds,
                                                            commits_while_processing):
    monkeypatch.setattr(pipeline.run, "BATCH_ARTICLES", 1)
    monkeypatch.setattr(pipeline.run, "COMMIT_SECONDS", seconds)
    real, commits = pipeline.cache.Cache.commit, []

    def counting_commit(cache):
        commits.append(1)
        real(cache)

    monkeypatch.setattr(pipeline.cache.Cache, "commit", counting_commit)
    run(nlp, [write_corpus(tmp_path / "in")], tmp_path / "out", progress=False)
    assert len(commits) == commits_while_processing + 1  # and once when processing is done


def test_run_interrupted_while_replacing_tables(tmp_path, nlp, monkeypatch):
    corpus, out = write_corpus(tmp_path / "in"), tmp_path / "out"
    run(nlp, [corpus / "a-merz.txt"], out, progress=False)
    real, calls = os.replace, []

    def crash_on_fourth(src, dst):
        calls.append(dst)
        if len(calls) == 4:
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(pipeline.io.os, "replace", crash_on_fourth)
    with pytest.raises(KeyboardInterrupt):
        run(nlp, [corpus], out, progress=False)
    monkeypatch.setattr(pipeline.io.os, "replace", real)
    assert set(pd.read_csv(out / "mentions.csv")["article_id"]) == {"a-merz"}  # the files are a mix...
    with pytest.raises(TablesError, match="not one consistent set"):  # ...which readers are told
        load_tables(out)
    resumed = run(nlp, [corpus], out, progress=False)
    assert resumed.processed == 0
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [CACHE_NAME, LOCK_NAME]
    run(nlp, [corpus], tmp_path / "fresh", progress=False)
    assert_same_tables(out, tmp_path / "fresh")


def test_killed_process_leaves_readable_tables(tmp_path, sentences_config):
    """A real SIGKILL at an arbitrary moment, with a quick-to-build pipeline (sentences only)."""
    config = sentences_config
    texts = {f"art-{i:04d}": f"date 2024-01-01 Meldung {i}.\n\nIn Berlin geschah etwas. " * 20 for i in range(400)}
    corpus, out = write_corpus(tmp_path / "in", texts), tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--config", str(config),
               "--no-progress"]
    assert main(command[3:]) == 0
    for i in range(0, 400, 7):
        (corpus / f"art-{i:04d}.txt").write_text(f"date 2024-01-02 Geändert {i}.", encoding="utf-8")
    killed = subprocess.Popen(command + ["--force"], stderr=subprocess.DEVNULL)
    wal, deadline = out / (CACHE_NAME + "-wal"), time.monotonic() + 60
    while not wal.exists() and killed.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)  # until it starts storing results
    time.sleep(0.5)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    try:  # complete: the old table or (if the run got that far) the new one
        articles = load_tables(out)["articles"]
    except TablesError:  # killed between two renames: said so
        pass
    else:
        assert set(articles["article_id"]) == set(texts)
        changed = set(articles.loc[articles["date"] == "2024-01-02", "article_id"])
        assert changed in (set(), {f"art-{i:04d}" for i in range(0, 400, 7)})
    assert main(command[3:]) == 0
    run(None, [corpus], tmp_path / "fresh", config=config, progress=False)
    assert_same_tables(out, tmp_path / "fresh")


def killed_in_child(target) -> int:
    """Run `target` in a forked copy of this process (it shares the session's pipeline) that
    ends by a real SIGKILL; its exit code."""
    child = multiprocessing.get_context("fork").Process(target=target)
    child.start()
    child.join(120)
    return child.exitcode


def test_main_process_killed_right_after_renaming_the_first_table(tmp_path, nlp):
    corpus, out = write_corpus(tmp_path / "in"), tmp_path / "out"
    run(nlp, [corpus / "a-merz.txt"], out, progress=False)

    def renames_one_then_dies():
        real = os.replace

        def replace(src, dst):
            real(src, dst)
            if Path(dst).name.endswith(".parquet"):
                os.kill(os.getpid(), signal.SIGKILL)

        pipeline.io.os.replace = replace  # only in the child
        run(nlp, [corpus], out, progress=False)

    assert killed_in_child(renames_one_then_dies) == -signal.SIGKILL
    assert set(pd.read_parquet(out / "articles.parquet")["article_id"]) == set(ARTICLES)  # new
    assert set(pd.read_parquet(out / "mentions.parquet")["article_id"]) == {"a-merz"}  # old
    with pytest.raises(TablesError, match="not one consistent set"):
        load_tables(out)
    with pytest.raises(TablesError):
        pipeline.io.read_table(out, "articles")
    assert main(["report", str(out), "--html", str(tmp_path / "report.html")]) == 2
    assert run(nlp, [corpus], out, progress=False).processed == 0  # the next run repairs the set
    run(nlp, [corpus], tmp_path / "fresh", progress=False)
    assert_same_tables(out, tmp_path / "fresh")


def test_twenty_random_kills_never_leave_a_torn_set(tmp_path, sentences_config):
    """kill -9 at 20 random moments of runs over a few hundred articles (some changed each time):
    after each kill the folder holds the previous set, the new complete set or says it is torn;
    the next run then writes the same tables as a clean run."""
    import random

    from pipeline.language import build_nlp

    fast = build_nlp(None, sentences_config)
    texts = {f"art-{i:03d}": f"date 2024-01-01 Meldung {i}.\n\nIn Berlin geschah etwas. " * 5 for i in range(300)}
    corpus, out = write_corpus(tmp_path / "in", texts), tmp_path / "out"

    def complete_run(folder, **options):
        return run(fast, [corpus], folder, config=sentences_config, progress=False, **options)

    started = time.perf_counter()
    complete_run(out)
    seconds = time.perf_counter() - started
    chance = random.Random(20)
    for kill in range(20):
        previous = load_tables(out)
        for i in chance.sample(range(300), 30):
            (corpus / f"art-{i:03d}.txt").write_text(f"date 2024-02-{kill + 1:02d} Neu {kill}.", encoding="utf-8")
        complete_run(tmp_path / f"clean-{kill}")
        clean = load_tables(tmp_path / f"clean-{kill}")

        def killed_run():
            threading.Timer(chance.uniform(0, seconds * 1.2), os.kill, (os.getpid(), signal.SIGKILL)).start()
            complete_run(out, force=kill % 3 == 0)
            time.sleep(60)

        assert killed_in_child(killed_run) == -signal.SIGKILL
        try:
            seen = load_tables(out)
        except TablesError:
            seen = None
        if seen is not None:
            assert any(all(seen[name].equals(expected[name]) for name in TABLES) for expected in (previous, clean)), kill
        complete_run(out)
        assert all(load_tables(out)[name].equals(clean[name]) for name in TABLES), kill


# Engines: the same tables whoever processes the articles.

def test_two_worker_processes_write_the_same_tables(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr(pipeline.run, "BATCH_ARTICLES", 1)
    corpus = write_corpus(tmp_path / "in")
    run(nlp, [corpus], tmp_path / "one", progress=False)
    summary = run(nlp, [corpus], tmp_path / "two", workers=2, progress=False)
    assert summary.processed == 3
    assert_same_tables(tmp_path / "one", tmp_path / "two")


def test_a_pipeline_built_here_is_built_afresh_once_its_vocabulary_has_grown(tmp_path, nlp):
    config = tmp_path / "copy.cfg"  # a key of its own: the session's pipeline is not touched
    config.write_text(DEFAULT_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    settings = Settings(config=str(config), max_new_words=20)
    articles = [parse_article(text, article_id, f"{article_id}.txt") for article_id, text in ARTICLES.items()]
    first = pipeline_for(settings)
    results = process_batch(articles, settings)  # learns more than 20 new words
    assert pipeline_for(settings) is not first
    assert process_batch(articles, settings) == results
    use_pipeline(nlp, settings)  # a pipeline passed in by the caller is never replaced
    process_batch(articles, settings)
    assert pipeline_for(settings) is nlp


def test_dask_engine_writes_the_same_tables(tmp_path, nlp):
    distributed = pytest.importorskip("distributed")
    corpus = write_corpus(tmp_path / "in")
    (corpus / "empty.txt").write_bytes(b"")
    run(nlp, [corpus], tmp_path / "local", progress=False)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        summary = run(nlp, [corpus], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                      progress=False)
    assert (summary.processed, summary.errors) == (3, 1)
    assert_same_tables(tmp_path / "local", tmp_path / "dask")


def test_dask_engine_needs_a_scheduler(tmp_path, cli_nlp, capsys):
    corpus = write_corpus(tmp_path / "in")
    assert main(["run", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask"]) == 2
    assert "--scheduler" in capsys.readouterr().err


def test_keys_merged_by_new_articles_are_logged(tmp_path, nlp):
    corpus = write_corpus(tmp_path / "in", {"a": "date 2025-03-05 Merz sagte, das sei gut."})
    out = tmp_path / "out"
    run(nlp, [corpus], out, progress=False)
    assert "PER:merz" in set(load_tables(out)["corpus_entities"]["entity_key"])
    write_corpus(corpus, {"b": "date 2025-03-01 Bundeskanzler Friedrich Merz reiste nach Paris."})
    summary = run(nlp, [corpus], out, progress=False)
    assert summary.key_changes == 1 and "entity_keys.log" in summary.notices[-1]
    assert (out / "entity_keys.log").read_text(encoding="utf-8").split("\t")[1:] == [
        "PER:merz", "merged into PER:friedrich merz (new evidence)\n"]
    assert set(load_tables(out)["entities"]["entity_key"]) >= {"PER:friedrich merz"}
