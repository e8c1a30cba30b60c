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


@pytest.fixture(scope="session")
def train_model():
    """Saves, at `path`, a tiny German pipeline whose NER and senter are trained here for
    `iterations` on three sentences: a weak model such as a user might pass with --model."""
    import spacy
    from spacy.training import Example

    def train(path: Path, iterations: int = 1) -> Path:
        spacy.util.fix_random_seed(0)
        model = spacy.blank("de")
        model.add_pipe("senter")
        model.add_pipe("ner")
        sentences = [("Anna Weber wohnt in Köln. Sie arbeitet viel.", [(0, 10, "PER"), (20, 24, "LOC")]),
                     ("Die Firma Blaulicht baut Autos. Das ist alt.", [(10, 19, "ORG")]),
                     ("Peter Lang fuhr nach Ulm. Dort blieb er.", [(0, 10, "PER"), (21, 24, "LOC")])]
        examples = []
        for text, entities in sentences:
            doc = model.make_doc(text)
            starts = [token.i == 0 or doc[token.i - 1].text == "." for token in doc]
            examples.append(Example.from_dict(doc, {"entities": entities, "sent_starts": starts}))
        optimizer = model.initialize(lambda: examples)
        for _ in range(iterations):
            model.update(examples, sgd=optimizer)
        model.to_disk(path)
        return path
    return train
