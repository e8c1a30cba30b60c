"""Shared fixtures: one embedded-default pipeline per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.language import DEFAULT_CONFIG, build_nlp, make_doc
from pipeline.reader import parse_article

pytest_plugins = ["pytester"]  # tests/test_pytest_plugin.py runs a user's test project

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def process(nlp):
    """Run the pipeline on a text given without a date header."""
    def run(text: str, article_id: str = "t"):
        return nlp(make_doc(nlp, parse_article("date 2024-01-01 " + text, article_id, "test")))
    return run


@pytest.fixture
def sentences_config(tmp_path):
    """A pipeline that builds in a fraction of a second (sentences only), for runs in a new process."""
    config = tmp_path / "sentences.cfg"
    config.write_text(DEFAULT_CONFIG.read_text(encoding="utf-8").replace(
        'pipeline = ["sentences","entity_rules","entity_linker","quotes"]', 'pipeline = ["sentences"]'),
        encoding="utf-8")
    return config


@pytest.fixture
def cli_nlp(nlp):
    """The command line builds the default pipeline: reuse the session's."""
    from pipeline.engine import Settings, use_pipeline

    use_pipeline(nlp, Settings())
