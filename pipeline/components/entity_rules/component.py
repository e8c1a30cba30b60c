"""The spaCy component: loads the lexicons at `initialize`, saves them with the pipeline, and runs
the rules on a Doc in order of trust (lists and shapes, acronyms, names from context)."""
from __future__ import annotations

import warnings
from typing import Literal, get_args

from spacy import util
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import filter_spans

from ... import lexicon
from ...tokens import token_texts
from .classify import name_mentions
from .lexicons import FILES, Lexicons, load_lexicons
from .matching import (Gazetteer, ShapePatterns, UserPatterns, acronym_mentions, after_first_name, defined_acronyms,
                       organisations_named_after_places, through_places)
from .merge import (cue_labels_over_names, join_club_places, join_name_words, join_slashed, join_team_names, propagate,
                    surnames_over_places, within_sentence)
from .runs import with_particles
from .spans import covered

LABELS = ("PER", "LOC", "ORG")
ModelEnts = Literal["keep", "ignore", "prefer"]  # what to do with entities already on the Doc (a model's)


class EntityRules:
    """Writes PER/LOC/ORG mentions to `doc.ents`, with `span._.method` and `span._.canonical`.

    Entities already on the Doc (a model's NER, an entity_ruler before this component) are kept
    where the rules found nothing (`model_ents="keep"`), dropped ("ignore"), or kept over the rules'
    ("prefer"). A user's patterns (`initialize(patterns=...)`) win over both."""

    def __init__(self, nlp: Language, name: str = "entity_rules", *, model_ents: ModelEnts = "keep",
                 propagate_names: bool = True):
        if model_ents not in get_args(ModelEnts):
            raise ValueError(f"model_ents must be one of {', '.join(get_args(ModelEnts))}, not {model_ents!r}")
        self.nlp = nlp
        self.name = name
        self.model_ents = model_ents
        self.propagate_names = propagate_names
        self.lex = Lexicons()
        self.gazetteer = Gazetteer(nlp)
        self.shapes = ShapePatterns(nlp)
        self.user_patterns = UserPatterns(nlp)
        self.files = lexicon.DataFiles()  # filled by `initialize` or `from_bytes`/`from_disk`

    # -- loading -----------------------------------------------------------------------------
    def initialize(self, get_examples=None, *, nlp: Language | None = None, data_dir: str | None = None,
                   extend: list[str] | None = None, lexicons: list[str] | None = None,
                   patterns: list[str] | None = None) -> None:
        """Load the lexicons from `data_dir` (default: the package's data), plus the same-named files
        of every folder in `extend` (a user's extra gazetteer entries, patterns or words), the rows of
        each `lexicons` TSV (`kind<TAB>word`, see `lexicon.USER_LEXICON_KINDS`) and the entity patterns
        of each `patterns` JSONL file (spaCy's EntityRuler format)."""
        files = lexicon.DataFiles.from_dirs(lexicon.resolve_data_dir(data_dir), FILES, extend or (),
                                            lexicons=lexicons or ())
        user = lexicon.user_patterns_part(patterns or ())
        if user:
            files.parts[lexicon.USER_PATTERNS] = user
        self._load(files)

    def _load(self, files: lexicon.DataFiles) -> None:
        self.files = files
        self.gazetteer = Gazetteer(self.nlp, files.jsonl("gazetteer.jsonl"))
        self.shapes = ShapePatterns(self.nlp, files.jsonl("entity_patterns.jsonl"))
        self.user_patterns = UserPatterns(self.nlp, files.jsonl(lexicon.USER_PATTERNS))
        _forget_pattern_chunks(self.nlp.tokenizer)
        self.lex = load_lexicons(files)
        if not self.gazetteer or not self.lex.first_names:
            warnings.warn(f"{self.name}: the gazetteer or the first names are empty; few entities will be found",
                          stacklevel=2)

    def to_bytes(self, *, exclude=()) -> bytes:
        return util.to_bytes({"data": self.files.to_bytes}, exclude)

    def from_bytes(self, data: bytes, *, exclude=()) -> "EntityRules":
        util.from_bytes(data, {"data": lambda saved: self._load(lexicon.DataFiles.from_bytes(saved))}, exclude)
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        util.to_disk(path, {"data": self.files.to_disk}, exclude)

    def from_disk(self, path, *, exclude=()) -> "EntityRules":
        def load(folder):
            self._load(lexicon.DataFiles.from_disk(folder, FILES + (lexicon.USER_PATTERNS,),
                                                   optional=(lexicon.USER_PATTERNS,)))

        util.from_disk(path, {"data": load}, exclude)
        return self

    # -- processing --------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        if not self.files.parts:
            raise ValueError(f"component '{self.name}' has no lexicons: call nlp.initialize() "
                             "(or its initialize()) before using it")
        lex, texts = self.lex, token_texts(doc)
        # entities already there (a model's, or ours from an earlier pass) with their marks as they are
        # before our rules set marks on spans that may have the same offsets
        model = [entity for entity in doc.ents if entity.label_ in LABELS]
        marks = {id(entity): (entity._.method or "model", entity._.canonical) for entity in model}
        found = organisations_named_after_places(
            doc, [Gazetteer.with_town_adjective(doc, span, lex) for span in self.gazetteer(doc, texts)], lex)
        found += through_places(self.shapes(doc, texts, lex), found)
        found = [span for span in found if not after_first_name(doc, span, lex)]
        found += acronym_mentions(doc, texts, covered(found), lex)
        found += name_mentions(doc, texts, covered(found), lex)
        found += self.gazetteer.in_context(doc, texts, found, lex)
        found += defined_acronyms(doc, texts, found, lex)
        if self.propagate_names:
            found = cue_labels_over_names(doc, surnames_over_places(doc, found))
            found += propagate(doc, texts, found)
        found = [with_particles(doc, texts, span, lex) for span in found]
        if doc.has_annotation("SENT_START"):
            found = [within_sentence(span) for span in found]
        mentions = join_team_names(join_club_places(join_name_words(join_slashed(filter_spans(found)), texts, lex)),
                                   texts, lex)
        if self.model_ents != "ignore":
            mentions = _over(model, mentions) if self.model_ents == "prefer" else _over(mentions, model)
            kept = set(map(id, mentions))
            for entity in model:  # a span's marks are keyed by its offsets: one of ours there must not lend them
                if id(entity) in kept:
                    entity._.method, entity._.canonical = marks[id(entity)]
        mentions = _over(self.user_patterns(doc, texts), mentions)
        doc.ents = sorted(mentions, key=lambda span: span.start)
        return doc


def _forget_pattern_chunks(tokenizer) -> None:
    """Empty the tokenizer's cache after the patterns went through it: it keeps the first 10,000
    chunks it sees and no more, and gazetteer entries there would leave articles' words uncached
    (tokenizing at 0.4 of its speed). Setting its rules gives it a new cache."""
    if isinstance(tokenizer, Tokenizer):
        tokenizer.rules = tokenizer.rules


def _over(first: list, second: list) -> list:
    """`first`, and the spans of `second` that overlap none of them."""
    taken = covered(first)
    return first + [span for span in second if not taken.intersection(range(span.start, span.end))]
