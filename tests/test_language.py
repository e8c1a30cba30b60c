"""The components work on top of any German pipeline given by name or path."""
import pytest
import spacy

from pipeline.language import build_nlp

from conftest import REPO


def test_components_on_top_of_a_pipeline_loaded_by_path(tmp_path):
    base = spacy.blank("de")
    base.add_pipe("sentencizer")
    base.to_disk(tmp_path / "base")
    nlp = build_nlp(tmp_path / "base")
    assert nlp.pipe_names == ["sentencizer", "sentences", "entity_rules", "entity_linker", "quotes"]
    doc = nlp("Bundeskanzler Friedrich Merz reiste nach Paris.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Friedrich Merz", "PER"), ("Paris", "LOC")]


def test_saved_pipeline_with_our_components_loads_back(nlp, tmp_path):
    nlp.to_disk(tmp_path / "full")
    loaded = build_nlp(tmp_path / "full")
    assert loaded.pipe_names == nlp.pipe_names
    text = "Außenminister Johann Wadephul (CDU) sagte in Berlin, die Lage sei ernst."
    assert [(e.text, e.label_) for e in loaded(text).ents] == [(e.text, e.label_) for e in nlp(text).ents]


def test_example_config_is_the_default_plus_a_words_folder():
    from pipeline.language import DEFAULT_CONFIG

    example = spacy.util.load_config(REPO / "configs" / "extra-words.cfg")
    default = spacy.util.load_config(DEFAULT_CONFIG)
    for name in ("entity_rules", "quotes"):
        assert example["initialize"]["components"][name].pop("extend") == ["my-words"]
        assert default["initialize"]["components"][name].pop("extend") == []
    assert example == default


@pytest.mark.parametrize("segmenter, ours", [("sentencizer", True), ("senter", False), (None, True)])
def test_our_sentence_rules_give_way_only_to_a_trained_senter_or_parser(tmp_path, train_model, segmenter, ours):
    if segmenter == "senter":
        path = train_model(tmp_path / "model")
    else:
        base = spacy.blank("de")
        if segmenter:
            base.add_pipe(segmenter)
        path = tmp_path / "model"
        base.to_disk(path)
    nlp = build_nlp(path)
    assert ("sentences" in nlp.pipe_names) == ours
    if ours:  # a sentencizer splits after every period; our rules know "Dr." and "3." before a month
        doc = nlp("Dr. Anna Weber kam am 3. Mai nach Bonn. Sie blieb.")
        assert [s.text for s in doc.sents] == ["Dr. Anna Weber kam am 3. Mai nach Bonn.", "Sie blieb."]


def test_model_ents_applies_to_a_saved_pipeline_with_our_components(nlp, tmp_path):
    nlp.to_disk(tmp_path / "full")
    assert build_nlp(tmp_path / "full", model_ents="prefer").get_pipe("entity_rules").model_ents == "prefer"


@pytest.mark.parametrize("text, tokens", [
    ("Sie arbeitet bei der Muster GmbH.", ["Sie", "arbeitet", "bei", "der", "Muster", "GmbH", "."]),
    ("Das Geld kommt von der KfW.", ["Das", "Geld", "kommt", "von", "der", "KfW", "."]),
    ("Er führt die Huber KGaA.", ["Er", "führt", "die", "Huber", "KGaA", "."]),
    # unchanged: abbreviations and spaCy's own splits
    ("Es sprach Dr. Kurz, z.B. über den e.V. und die USA.",
     ["Es", "sprach", "Dr.", "Kurz", ",", "z.B.", "über", "den", "e.V.", "und", "die", "USA", "."]),
    ("Er kam um 10 Uhr.", ["Er", "kam", "um", "10", "Uhr", "."]),
])
def test_tokenizer_splits_the_period_after_a_mixed_case_word(nlp, text, tokens):
    assert [token.text for token in nlp.make_doc(text)] == tokens


@pytest.mark.parametrize("text, tokens", [
    ("Er sagte der „Bild“-Zeitung, es gehe ihm gut.",
     ["Er", "sagte", "der", "„", "Bild", "“", "-Zeitung", ",", "es", "gehe", "ihm", "gut", "."]),
    ("Der »Tatort«-Kommissar ermittelt.", ["Der", "»", "Tatort", "«", "-Kommissar", "ermittelt", "."]),
    # unchanged: a hyphen inside a word, and a mark before a space
    ("Die E-Mail kam „spät“ an.", ["Die", "E-Mail", "kam", "„", "spät", "“", "an", "."]),
])
def test_tokenizer_splits_a_closing_mark_before_a_hyphen(nlp, text, tokens):
    assert [token.text for token in nlp.make_doc(text)] == tokens


def test_sentence_ends_after_a_legal_form(nlp):
    doc = nlp("Das Werk gehört der Quastenflosser GmbH. Sie baut Pumpen.")
    assert [sentence.text for sentence in doc.sents] == ["Das Werk gehört der Quastenflosser GmbH.", "Sie baut Pumpen."]
    assert [(entity.text, entity.label_) for entity in doc.ents] == [("Quastenflosser GmbH", "ORG")]
