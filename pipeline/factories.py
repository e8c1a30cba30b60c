"""The one place where our spaCy components (and our tokenizer) are registered.

Every component is usable in any German spaCy pipeline: `nlp.add_pipe("de_entity_rules_v1")` etc.
Settings are keyword-only with their defaults here; lexicons are loaded at `initialize`.
"""
from __future__ import annotations

from typing import Callable

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from . import extensions  # noqa: F401  (registers the custom attributes)
from .components.entity_rules import EntityRules, ModelEnts
from .components.linker import EntityLinker
from .components.quotes import QuoteAttributor
from .components.sentences import SentenceSegmenter


@Language.factory("de_sentences_v1", default_config={"overwrite": False, "max_tokens": 300})
def make_sentences(nlp: Language, name: str, *, overwrite: bool, max_tokens: int) -> SentenceSegmenter:
    return SentenceSegmenter(nlp, name, overwrite=overwrite, max_tokens=max_tokens)


@Language.factory("de_entity_rules_v1", default_config={"model_ents": "keep", "propagate_names": True})
def make_entity_rules(nlp: Language, name: str, *, model_ents: ModelEnts, propagate_names: bool) -> EntityRules:
    return EntityRules(nlp, name, model_ents=model_ents, propagate_names=propagate_names)


@Language.factory("de_entity_linker_v1", default_config={})
def make_entity_linker(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker(nlp, name)


@Language.factory("de_quotes_v1", default_config={"carry_over": True, "max_carry_sentences": 3})
def make_quotes(nlp: Language, name: str, *, carry_over: bool, max_carry_sentences: int) -> QuoteAttributor:
    return QuoteAttributor(nlp, name, carry_over=carry_over, max_carry_sentences=max_carry_sentences)


# A period after a word that ends in a small and a capital letter ends the sentence ("… der Muster GmbH.",
# "… von der KfW."): spaCy's German suffixes split a period only after a small letter or two capitals, so the
# legal form, and the sentence break, were lost.
MIXED_CASE_PERIOD = r"(?<=[a-zäöüß][A-ZÄÖÜ])\."
# A closing quotation mark before the hyphen of a compound is a token of its own ("der „Bild“-Zeitung",
# "„Tatort“-Kommissar"): spaCy split it only before a space or punctuation, so the quotation never closed.
CLOSING_MARK_BEFORE_HYPHEN = r"(?<=\w)[“”«»\"](?=-\w)"


@registry.tokenizers("de_news_tokenizer_v1")
def make_tokenizer() -> Callable[[Language], Tokenizer]:
    """spaCy's German tokenizer with one more suffix rule (`MIXED_CASE_PERIOD`) and one more infix rule
    (`CLOSING_MARK_BEFORE_HYPHEN`), built as `spacy.Tokenizer.v1` builds it: setting a rule on a tokenizer
    already built loads its special cases again (about 0.07 s each time)."""

    def create(nlp: Language) -> Tokenizer:
        defaults = nlp.Defaults
        return Tokenizer(nlp.vocab, rules=defaults.tokenizer_exceptions,
                         prefix_search=compile_prefix_regex(defaults.prefixes).search,
                         suffix_search=compile_suffix_regex([*defaults.suffixes, MIXED_CASE_PERIOD]).search,
                         infix_finditer=compile_infix_regex([*defaults.infixes, CLOSING_MARK_BEFORE_HYPHEN]).finditer,
                         token_match=defaults.token_match, url_match=defaults.url_match)
    return create
