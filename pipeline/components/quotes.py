"""The spaCy component for quotes: wraps `pipeline.quoting.extract_quotes` and writes
`doc.spans["quotes"]` with `span._.quote`; the rules themselves live in pipeline/quoting/."""
from __future__ import annotations

import shutil
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import QUOTES_KEY
from ..quoting import Found, QuoteLexicon, extract_quotes, load_lexicon
from ..quoting.lexicon import DATA_DIR, FILES, SHARED_FILES, shared_file
from ..quoting.marks import MARKS


class QuoteAttributor:
    """Writes `doc.spans["quotes"]`: direct, indirect and reported quotes with `span._.quote`."""

    def __init__(self, nlp: Language, name: str = "quotes", *, carry_over: bool = True, max_carry_sentences: int = 3):
        self.nlp = nlp
        self.name = name
        self.carry_over = carry_over
        self.max_carry_sentences = max_carry_sentences
        self.data_dir: Path | None = None
        self.lex = QuoteLexicon()

    def initialize(self, get_examples=None, *, nlp: Language | None = None, data_dir: str | None = None) -> None:
        path = Path(data_dir) if data_dir else DATA_DIR
        if (path / "quotes").is_dir():  # the package's data folder rather than its quotes/ part
            path = path / "quotes"
        self._load(path, shared_dir=path.parent / "curated")

    def _load(self, path: Path, shared_dir: Path | None) -> None:
        self.data_dir = path
        self.lex = load_lexicon(path, shared_dir if shared_dir and shared_dir.is_dir() else None)

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            shutil.copyfile(self._data_dir() / name, path / name)
        shared = self._data_dir().parent / "curated"
        for name in SHARED_FILES:
            source = shared_file(shared, name)
            if source is not None:
                (path / "curated").mkdir(exist_ok=True)
                shutil.copyfile(source, path / "curated" / name)

    def from_disk(self, path, *, exclude=()) -> "QuoteAttributor":
        path = Path(path)
        self._load(path, shared_dir=path / "curated")
        return self

    def _data_dir(self) -> Path:
        if self.data_dir is None:
            self.initialize()
        return self.data_dir

    def __call__(self, doc: Doc) -> Doc:
        if not self.lex.verbs:  # used without nlp.initialize(): the package's lexicon
            self.initialize()
        found = extract_quotes(doc, self.lex, carry_over=self.carry_over, max_carry_sentences=self.max_carry_sentences)
        spans = [_span(doc, f) for f in found]
        doc.spans[QUOTES_KEY] = [s for s in spans if s is not None]
        return doc


def _span(doc: Doc, f: Found) -> Span | None:
    """The quote as a Span without the marks and spaces at its edges; None when nothing is left."""
    start, end = f.start, f.end
    while start < end and (doc[start].is_space or doc[start].text in MARKS):
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end <= start:
        return None
    span = Span(doc, start, end, label=f.label)
    sp, cue = f.speaker, f.cue
    span._.quote = {
        "cue": cue.lemma if cue else None,
        "cue_text": cue.text if cue else None,
        "cue_start_char": doc[cue.start].idx if cue else None,
        "cue_end_char": doc[cue.end - 1].idx + len(doc[cue.end - 1]) if cue else None,
        "speaker_text": doc[sp.start:sp.end].text if sp.start is not None else None,
        "speaker_start_char": doc[sp.start].idx if sp.start is not None else None,
        "speaker_end_char": doc[sp.end - 1].idx + len(doc[sp.end - 1]) if sp.start is not None else None,
        "speaker_entity_id": sp.entity_id,
        "method": sp.method,
    }
    return span
