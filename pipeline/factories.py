"""The one place where our spaCy components are registered.

Every component is usable in any German spaCy pipeline: `nlp.add_pipe("de_entity_rules_v1")` etc.
Settings are keyword-only with their defaults here; lexicons are loaded at `initialize`.
"""
from __future__ import annotations

from spacy.language import Language

from . import extensions  # noqa: F401  (registers the custom attributes)
from .components.entity_rules import EntityRules, ModelEnts
from .components.linker import EntityLinker
from .components.quotes import QuoteAttributor
from .components.sentences import SentenceSegmenter


@Language.factory("de_sentences_v1", default_config={"overwrite": False})
def make_sentences(nlp: Language, name: str, *, overwrite: bool) -> SentenceSegmenter:
    return SentenceSegmenter(nlp, name, overwrite=overwrite)


@Language.factory("de_entity_rules_v1", default_config={"model_ents": "keep", "propagate_names": True})
def make_entity_rules(nlp: Language, name: str, *, model_ents: ModelEnts, propagate_names: bool) -> EntityRules:
    return EntityRules(nlp, name, model_ents=model_ents, propagate_names=propagate_names)


@Language.factory("de_entity_linker_v1", default_config={})
def make_entity_linker(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker(nlp, name)


@Language.factory("de_quotes_v1", default_config={"carry_over": True, "max_carry_sentences": 3})
def make_quotes(nlp: Language, name: str, *, carry_over: bool, max_carry_sentences: int) -> QuoteAttributor:
    return QuoteAttributor(nlp, name, carry_over=carry_over, max_carry_sentences=max_carry_sentences)
