"""Golden-file regression tests on the tables of corpus/.

Regenerate on purpose with `python -m pytest tests/test_golden.py --force-regen` and explain the
diff of tests/test_golden/ in the commit message."""
import pandas as pd
import pytest

from pipeline import load_tables
from pipeline.cli import main
from pipeline.schema import TABLES


@pytest.fixture(scope="module")
def corpus_tables(tmp_path_factory):
    from conftest import REPO
    out = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(REPO)
        assert main(["run", "corpus", "--out", str(out), "--no-progress"]) == 0
    return load_tables(out)


def plain(df: pd.DataFrame) -> pd.DataFrame:
    """Golden files store plain values: dates and nullable columns as text."""
    return df.astype(object).where(df.notna(), "").astype(str)


@pytest.mark.parametrize("name", [n for n in TABLES if n != "errors"])
def test_corpus_tables(corpus_tables, name, dataframe_regression):
    dataframe_regression.check(plain(corpus_tables[name]), basename=name)


def test_offsets_give_back_the_text(corpus_tables):
    from conftest import CORPUS
    raws = {p.stem: p.read_bytes().decode("utf-8") for p in CORPUS.glob("*.txt")}
    for name in ("mentions", "quotes"):
        for row in corpus_tables[name].itertuples():
            assert raws[row.article_id][row.start_char:row.end_char] == row.text
    for row in corpus_tables["quotes"].dropna(subset=["speaker_start_char"]).itertuples():
        assert raws[row.article_id][row.speaker_start_char:row.speaker_end_char] == row.speaker_text


def test_no_errors_on_corpus(corpus_tables):
    assert corpus_tables["errors"].empty
