"""The command line: usage errors are one line and exit 2 before anything runs; the options that
change the pipeline (--model-ents, --patterns, --lexicon) and a --model's cache key."""
import json
from contextlib import nullcontext

import pytest
import spacy

from pipeline import __version__, load_tables
from pipeline.cli import EXIT_FAILED, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, main
from pipeline.lock import locked

from test_run import write_corpus


def test_version(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0 and capsys.readouterr().out.strip() == f"pipeline {__version__}"


@pytest.mark.parametrize("options, files, message", [
    (["--workers", "-3"], {}, "--workers: must be 0 (one per CPU core) or more, not -3"),
    (["--workers", "two"], {}, "--workers: invalid"),
    (["--scheduler", "tcp://host:8786"], {}, "--scheduler is for --engine dask"),
    (["--model-ents", "maybe"], {}, "--model-ents: invalid choice: 'maybe'"),
    (["--config", "missing.cfg"], {}, "no such config file: missing.cfg"),
    (["--patterns", "missing.jsonl"], {}, "no such file: missing.jsonl"),
    (["--patterns", "p.jsonl"], {"p.jsonl": '{"label": "ORG"}\n'}, "p.jsonl:1: a pattern needs a string label"),
    (["--patterns", "p.jsonl"], {"p.jsonl": "{label: ORG}\n"}, "p.jsonl:1: not a JSON pattern"),
    (["--lexicon", "l.tsv"], {"l.tsv": "kind\tword\nverb\tquengeln\n"}, "l.tsv:2: unknown kind 'verb'"),
    (["--lexicon", "l.tsv"], {"l.tsv": "word\nquengeln\n"},
     "l.tsv:1: a lexicon needs a header line with the columns kind and word (tab-separated), not 'word'"),
    (["--lexicon", "l.tsv"], {"l.tsv": "kind\tword\nrole\t\n"}, "l.tsv:2: a lexicon row needs one word"),
])
def test_bad_options_are_usage_errors(tmp_path, capsys, monkeypatch, options, files, message):
    monkeypatch.chdir(tmp_path)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = write_corpus(tmp_path / "in")
    try:
        status = main(["run", str(corpus), "--out", str(tmp_path / "out"), *options])
    except SystemExit as stopped:  # argparse
        status = stopped.code
    assert status == EXIT_USAGE
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case, status", [
    ("all fine", EXIT_OK), ("an article skipped", EXIT_SKIPPED), ("a missing input", EXIT_USAGE),
    ("another run holds the folder", EXIT_FAILED),
])
def test_exit_statuses_tell_the_outcomes_apart(tmp_path, cli_nlp, case, status):
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    if case == "an article skipped":
        (corpus / "empty.txt").write_bytes(b"")
    inputs = [str(tmp_path / "typo")] if case == "a missing input" else [str(corpus)]
    with locked(out) if case == "another run holds the folder" else nullcontext():
        assert main(["run", *inputs, "--out", str(out), "--no-progress"]) == status


def test_summary_shows_the_first_errors_with_their_source(tmp_path, cli_nlp, capsys):
    corpus = write_corpus(tmp_path / "in")
    (corpus / "empty.txt").write_bytes(b"")
    main(["run", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"])
    err = capsys.readouterr().err
    assert "  error empty: " in err and "empty.txt" in err


@pytest.mark.parametrize("files, points_to_errors", [({"empty.txt": b""}, True), ({}, False)])
def test_summary_points_to_the_errors_table(tmp_path, cli_nlp, capsys, files, points_to_errors):
    corpus = write_corpus(tmp_path / "in")
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    main(["run", str(corpus), "--out", str(tmp_path / "out"), "--no-progress"])
    assert ("errors.csv" in capsys.readouterr().err) == points_to_errors


# --model-ents: a "model" whose entity_ruler tags "Merz" (a person for our rules) and "Meldung"
# (nothing for our rules) as organisations
RULER_PATTERNS = [{"label": "ORG", "pattern": "Merz"}, {"label": "ORG", "pattern": "Meldung"}]
MERZ = {("Friedrich Merz", "PER", "cue"), ("Merz", "PER", "surname")}


@pytest.fixture(scope="module")
def ruler_model(tmp_path_factory):
    path = tmp_path_factory.mktemp("ruler") / "model"
    model = spacy.blank("de")
    model.add_pipe("entity_ruler").add_patterns(RULER_PATTERNS)
    model.to_disk(path)
    return path


@pytest.mark.parametrize("mode, merz, meldung", [
    ("ignore", MERZ, set()),
    ("keep", MERZ, {("Meldung", "ORG", "model")}),
    ("prefer", {("Merz", "ORG", "model")}, {("Meldung", "ORG", "model")}),  # both Merz mentions are the model's
])
def test_model_ents_keep_ignore_or_prefer_a_models_entities(tmp_path, ruler_model, mode, merz, meldung):
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["run", str(corpus), "--out", str(out), "--model", str(ruler_model), "--model-ents", mode,
                 "--no-progress"]) == EXIT_OK
    mentions = load_tables(out)["mentions"]
    found = {a: set(zip(m.text, m.label, m.method)) for a, m in mentions.groupby("article_id")}
    assert {row for row in found["a-merz"] if "Merz" in row[0]} == merz
    assert {row for row in found["c-kurz"] if row[0] == "Meldung"} == meldung


def test_a_weak_model_adds_mentions_only_with_model_ents_keep(tmp_path, train_model):
    model = train_model(tmp_path / "model")
    corpus = write_corpus(tmp_path / "in")
    keys = {}
    for mode in ("keep", "ignore"):
        assert main(["run", str(corpus), "--out", str(tmp_path / mode), "--model", str(model),
                     "--model-ents", mode, "--no-progress"]) == EXIT_OK
        mentions = load_tables(tmp_path / mode)["mentions"]
        keys[mode] = set(zip(mentions.article_id, mentions.start_char, mentions.end_char, mentions.method))
    assert {key for key in keys["keep"] if key[3] == "model"}  # one training step: it tags anything
    assert not {key for key in keys["ignore"] if key[3] == "model"}
    assert keys["ignore"] <= keys["keep"]  # ours stay; the model's fill only what ours left


def test_a_model_retrained_and_saved_at_the_same_path_is_processed_again(tmp_path, train_model, capsys):
    model = train_model(tmp_path / "model", iterations=1)
    corpus = write_corpus(tmp_path / "in")
    command = ["run", str(corpus), "--out", str(tmp_path / "out"), "--model", str(model), "--no-progress"]
    outcomes = []
    for iterations in (1, 1, 2):  # the same model twice, then one trained longer, saved at the same path
        train_model(model, iterations=iterations)
        capsys.readouterr()
        assert main(command) == EXIT_OK
        outcomes.append(capsys.readouterr().err)
    assert "(3 processed, 0 unchanged)" in outcomes[0]
    assert "(0 processed, 3 unchanged)" in outcomes[1]
    assert "(3 processed, 0 unchanged)" in outcomes[2]


# --patterns and --lexicon: each article with what the options change in it
USER_ARTICLES = {
    "verb": "date 2024-03-01 Der Minister quengelte, dass das Wetter schlecht ist.",
    "role": "date 2024-03-01 Oberhofmarschall Krzywinski kam nach Bonn.",
    "first-name": "date 2024-03-01 Zorbal Quastenbrink kam nach Bonn.",
    "stop-word": "date 2024-03-01 Wozniacki sagte, es sei gut.",
    "patterns": "date 2024-03-01 Paris Hilton besuchte den BVB.",
}
USER_LEXICON = "kind\tword\tgender\nspeech_verb\tquengeln\nrole\tOberhofmarschall\tm\nfirst_name\tZorbal\tm\n" \
               "stop_word\tWozniacki\n"
USER_PATTERNS = [{"label": "PER", "pattern": "Paris Hilton", "id": "Paris Hilton"},
                 {"label": "ORG", "pattern": [{"LOWER": "bvb"}], "id": "BVB 09"}]


@pytest.fixture(scope="module")
def user_runs(tmp_path_factory):
    """The articles run without and with the user's lexicon and patterns: (mentions with their
    entity's name, quotes) each."""
    folder = tmp_path_factory.mktemp("user")
    corpus = write_corpus(folder / "in", USER_ARTICLES)
    (folder / "words.tsv").write_text(USER_LEXICON, encoding="utf-8")
    (folder / "patterns.jsonl").write_text("".join(json.dumps(p) + "\n" for p in USER_PATTERNS), encoding="utf-8")
    runs = {}
    for name, options in (("without", []), ("with", ["--lexicon", str(folder / "words.tsv"),
                                                     "--patterns", str(folder / "patterns.jsonl")])):
        assert main(["run", str(corpus), "--out", str(folder / name), "--no-progress", *options]) == EXIT_OK
        tables = load_tables(folder / name)
        named = tables["mentions"].merge(tables["entities"][["article_id", "entity_id", "name"]])
        runs[name] = named, tables["quotes"]
    return runs


@pytest.mark.parametrize("article, without, with_", [
    ("verb", set(), {("quote", "dass das Wetter schlecht ist", "quengeln", "Der Minister")}),
    ("role", set(), {("PER", "Krzywinski", "cue", "Krzywinski")}),
    ("first-name", set(), {("PER", "Zorbal Quastenbrink", "first_name", "Zorbal Quastenbrink")}),
    ("stop-word", {("PER", "Wozniacki", "verb", "Wozniacki"), ("quote", "es sei gut", "sagen", "Wozniacki")},
     {("quote", "es sei gut", "sagen", "Wozniacki")}),
    ("patterns", {("LOC", "Paris", "gazetteer", "Paris"), ("PER", "Hilton", "surname", "Hilton"),
                  ("ORG", "BVB", "gazetteer", "BVB")},
     {("PER", "Paris Hilton", "user_pattern", "Paris Hilton"), ("ORG", "BVB", "user_pattern", "BVB")}),
])
def test_lexicon_and_patterns_add_words_and_win_over_our_rules(user_runs, article, without, with_):
    for run_name, expected in (("without", without), ("with", with_)):
        mentions, quotes = user_runs[run_name]
        mentions = mentions[(mentions.article_id == article) & (mentions.text != "Bonn")]
        found = set(zip(mentions.label, mentions.text, mentions.method, mentions.name))
        quotes = quotes[quotes.article_id == article]
        found |= {("quote", q.text, q.cue, q.speaker_text) for q in quotes.itertuples()}
        assert found == expected, run_name
