"""Our components save and load like spaCy's own: bytes, disk, a new process, several processes."""
import json
import subprocess
import sys

import pytest
import spacy

from pipeline.language import make_doc
from pipeline.reader import parse_article
from pipeline.tables import doc_rows

from conftest import CORPUS

TEXTS = [
    "Außenminister Johann Wadephul (CDU) sagte in Berlin, die Lage sei ernst.",
    "„Wir stehen fest an der Seite der Ukraine“, sagte Bundeskanzler Friedrich Merz in Paris.",
    "Laut Polizei wurde niemand verletzt. Der ADAC warnte vor Staus auf der A7 bei Hamburg.",
    (CORPUS / "000_031d1bba9356b88f.txt").read_text(encoding="utf-8"),
]


def tables(nlp) -> list[dict]:
    """Every table row of TEXTS, as JSON-comparable values."""
    articles = [parse_article(text if text.startswith("date ") else "date 2024-01-01 " + text, f"t{i}", "test")
                for i, text in enumerate(TEXTS)]
    docs = nlp.pipe(make_doc(nlp, article) for article in articles)
    return json.loads(json.dumps([doc_rows(a, d) for a, d in zip(articles, docs)], default=str))


@pytest.fixture(scope="module")
def expected(nlp):
    return tables(nlp)


def test_bytes_round_trip_keeps_the_lexicons(nlp, expected):
    fresh = spacy.util.load_model_from_config(nlp.config, auto_fill=True)  # not initialised
    fresh.from_bytes(nlp.to_bytes())
    assert tables(fresh) == expected
    assert any(row["text"] == "Johann Wadephul" for row in expected[0]["mentions"])


def test_disk_round_trip(nlp, expected, tmp_path):
    nlp.to_disk(tmp_path / "saved")
    assert tables(spacy.load(tmp_path / "saved")) == expected


def test_saved_pipeline_loads_in_a_new_process(nlp, expected, tmp_path):
    nlp.to_disk(tmp_path / "saved")
    script = (f"import json, sys, spacy\nsys.path.insert(0, {str(CORPUS.parent / 'tests')!r})\n"
              "from components.test_serialization import tables\n"
              f"print(json.dumps(tables(spacy.load({str(tmp_path / 'saved')!r}))))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == expected


def test_two_processes_give_the_same_results(nlp, expected):
    original = nlp.pipe

    class TwoProcesses:
        def __getattr__(self, name):
            return getattr(nlp, name)

        def pipe(self, docs):
            return original(docs, n_process=2, batch_size=2)

    assert tables(TwoProcesses()) == expected


@pytest.mark.parametrize("component", ["entity_rules", "quotes"])
def test_component_saves_and_loads_on_its_own(nlp, tmp_path, component):
    pipe = nlp.get_pipe(component)
    fresh = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
    fresh.get_pipe(component).from_bytes(pipe.to_bytes())
    assert fresh.get_pipe(component).files.parts.keys() == pipe.files.parts.keys()
    pipe.to_disk(tmp_path / component)
    other = spacy.util.load_model_from_config(nlp.config, auto_fill=True).get_pipe(component)
    assert other.from_disk(tmp_path / component).files.parts.keys() == pipe.files.parts.keys()
    assert len(pipe.to_bytes(exclude=["data"])) < 100 < len(pipe.to_bytes())  # exclude is honoured


@pytest.mark.parametrize("component", ["entity_rules", "quotes"])
def test_uninitialised_component_saves_and_says_what_is_missing(nlp, tmp_path, component):
    blank = spacy.util.load_model_from_config(nlp.config, auto_fill=True)
    blank.get_pipe(component).to_disk(tmp_path / component)  # no TypeError
    with pytest.raises(ValueError, match="call nlp.initialize"):
        blank("Merz sagte, es sei ernst.")


def test_user_folder_extends_the_lexicons_without_copying_them(nlp, tmp_path):
    extra = tmp_path / "extra"
    (extra / "quotes").mkdir(parents=True)
    (extra / "gazetteer.jsonl").write_text(
        json.dumps({"label": "ORG", "pattern": "Quastenflosser Werke", "id": "Quastenflosser Werke"}) + "\n",
        encoding="utf-8")
    (extra / "quotes" / "speech_verbs.tsv").write_text(
        "lemma\tforms\tparticle\trequires\tkind\tagent\nquengeln\tquengelte\t\t\tspeech\t\n", encoding="utf-8")
    config = nlp.config.copy()
    for name in ("entity_rules", "quotes"):
        config["initialize"]["components"][name]["extend"] = [str(extra)]
    extended = spacy.util.load_model_from_config(config, auto_fill=True)
    extended.initialize()
    text = "Die Quastenflosser Werke quengelte, das sei ungerecht."
    doc = extended(text)
    assert [(e.text, e.label_) for e in doc.ents] == [("Quastenflosser Werke", "ORG")]
    assert [q._.quote["cue"] for q in doc.spans["quotes"]] == ["quengeln"]
    assert nlp(text).ents == () and list(nlp(text).spans["quotes"]) == []  # not in the packaged lexicons
    reloaded = spacy.util.load_model_from_config(config, auto_fill=True).from_bytes(extended.to_bytes())
    assert [(e.text, e.label_) for e in reloaded(text).ents] == [("Quastenflosser Werke", "ORG")]
