"""The `extraction_regression` fixture, used the way a user would: a test project run by pytester."""
import pandas  # noqa: F401  (pytester's in-process runs drop modules first imported inside them, and
import pyarrow.pandas_compat  # noqa: F401  pyarrow would then convert to a pandas that is gone)

from pipeline import pytest_plugin

ARTICLES = {
    "a1": "date 2024-03-05 Bundeskanzler Friedrich Merz hat in Berlin neue Hilfen angekündigt.\n\n"
          "„Wir müssen jetzt handeln“, sagte Merz am Dienstag vor Journalisten.\n",
    "a2": "date 2024-03-06 In Hamburg streiten Senat und Hafenwirtschaft über die Elbvertiefung.\n\n"
          "Die Umweltsenatorin Anna Schmidt sagte, die Stadt werde die Pläne prüfen.\n",
}

USER_TEST = """
def test_my_corpus(extraction_regression):
    tables = extraction_regression.check("articles")
    assert len(tables["articles"]) == 2
"""


def test_golden_files_of_a_users_corpus(pytester, nlp, monkeypatch):
    monkeypatch.setattr(pytest_plugin, "_nlp", lambda model: nlp)  # the session's pipeline, not a second one
    articles = pytester.mkdir("articles")
    for article_id, text in ARTICLES.items():
        (articles / f"{article_id}.txt").write_text(text, encoding="utf-8")
    pytester.makepyfile(test_user_corpus=USER_TEST)

    pytester.runpytest_inprocess("--force-regen").assert_outcomes(failed=1)  # golden files written
    golden = pytester.path / "test_user_corpus" / "test_my_corpus"
    assert sorted(p.name for p in golden.iterdir()) == [
        "articles.csv", "corpus_entities.csv", "entities.csv", "errors.csv", "mentions.csv", "quotes.csv"]
    assert (golden / "articles.csv").read_text(encoding="utf-8").splitlines()[1].startswith("a1,a1.txt,2024-03-05,")
    assert not any(str(pytester.path) in p.read_text(encoding="utf-8") for p in golden.iterdir())

    pytester.runpytest_inprocess().assert_outcomes(passed=1)

    edited = ARTICLES["a2"].replace("Anna Schmidt", "Anna Schulte")  # same length: one speaker changes
    (articles / "a2.txt").write_text(edited, encoding="utf-8")
    result = pytester.runpytest_inprocess()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([
        "*extraction_regression: articles, mentions, entities, quotes, corpus_entities differ from the golden files in "
        "test_user_corpus/test_my_corpus",
        "Differences in 1 article(s): a2",
        "*entities: 1 added, 1 removed",
        "*a2  entities added: Anna Schulte (PER)  n_mentions=1, entity_key=PER:anna schulte, role=Umweltsenatorin*",
        "*a2  quotes changed: *speaker: Anna Schmidt -> Anna Schulte*",
        "If the change is intended, regenerate the golden files with --force-regen*",
    ])


def test_a_model_that_is_not_installed_skips_with_the_reason(pytester):
    pytester.mkdir("articles")
    pytester.makepyfile(test_user_corpus="""
def test_with_model(extraction_regression):
    extraction_regression.check("articles", model="de_core_news_not_installed")
""")
    result = pytester.runpytest_inprocess("-rs")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*the spaCy model de_core_news_not_installed is not installed*"])


def test_the_plugin_needs_neither_dask_nor_matplotlib():
    import subprocess
    import sys

    blocked = "import sys; sys.modules.update(dict.fromkeys(['dask', 'distributed', 'matplotlib']))"
    done = subprocess.run([sys.executable, "-c", f"{blocked}; import pipeline.pytest_plugin, pipeline.run"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
