"""The spaCy component for quotes: wraps `pipeline.quoting.extract_quotes` and writes
`doc.spans["quotes"]` with `span._.quote`; the rules themselves live in pipeline/quoting/."""
from __future__ import annotations

import warnings

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import QUOTES_KEY
from ..quoting import Found, QuoteLexicon, extract_quotes, load_lexicon
from ..lexicon import DataFiles, resolve_data_dir
from ..quoting.lexicon import FILES, SHARED_FILES
from ..quoting.marks import MARKS
from ..quoting.profiles import Profile, described_profile, person_profiles
from ..quoting.text import Text


class QuoteAttributor:
    """Writes `doc.spans["quotes"]`: direct, indirect and reported quotes with `span._.quote`."""

    def __init__(self, nlp: Language, name: str = "quotes", *, carry_over: bool = True, max_carry_sentences: int = 3):
        self.nlp = nlp
        self.name = name
        self.carry_over = carry_over
        self.max_carry_sentences = max_carry_sentences
        self.files = DataFiles()  # filled by `initialize` or `from_bytes`/`from_disk`
        self.lex = QuoteLexicon()

    def initialize(self, get_examples=None, *, nlp: Language | None = None, data_dir: str | None = None,
                   extend: list[str] | None = None, lexicons: list[str] | None = None) -> None:
        """Load the quote vocabulary from `data_dir` (default: the package's data folder; its
        `quotes/` files and the entity lexicons it shares), plus the same-named files of every
        folder in `extend` (a user's extra speech verbs, say) and the rows of each `lexicons` TSV."""
        self._load(DataFiles.from_dirs(resolve_data_dir(data_dir), FILES + SHARED_FILES, extend or (),
                                       optional=SHARED_FILES, lexicons=lexicons or ()))

    def _load(self, files: DataFiles) -> None:
        self.files = files
        self.lex = load_lexicon(files)
        if not self.lex.verbs:
            warnings.warn(f"{self.name}: no speech verbs loaded; only quotes in quotation marks will be found",
                          stacklevel=2)

    def to_bytes(self, *, exclude=()) -> bytes:
        return util.to_bytes({"data": self.files.to_bytes}, exclude)

    def from_bytes(self, data: bytes, *, exclude=()) -> "QuoteAttributor":
        util.from_bytes(data, {"data": lambda saved: self._load(DataFiles.from_bytes(saved))}, exclude)
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        util.to_disk(path, {"data": self.files.to_disk}, exclude)

    def from_disk(self, path, *, exclude=()) -> "QuoteAttributor":
        util.from_disk(path, {"data": lambda folder: self._load(DataFiles.from_disk(folder, FILES + SHARED_FILES,
                                                                                     optional=SHARED_FILES))}, exclude)
        return self

    def __call__(self, doc: Doc) -> Doc:
        if not self.files.parts:
            raise ValueError(f"component '{self.name}' has no lexicon: call nlp.initialize() "
                             "(or its initialize()) before using it")
        if len(doc) > 1 and not doc.has_annotation("SENT_START"):
            warnings.warn(f"{self.name}: the Doc has no sentences; add de_sentences_v1 (or a trained parser or "
                          "senter) before it, or about half the quotes are missed", stacklevel=2)
        text = Text(doc, self.lex)
        found = extract_quotes(doc, self.lex, carry_over=self.carry_over, max_carry_sentences=self.max_carry_sentences,
                               text=text)
        people = person_profiles(text, found)
        for entity_id, profile in people.items():  # the linker's entities, with who each person is
            doc._.entities[entity_id].update(profile._asdict())
        spans = [_span(doc, quote, _speaker_profile(text, quote, people)) for quote in found]
        doc.spans[QUOTES_KEY] = [span for span in spans if span is not None]
        return doc


def _speaker_profile(text: Text, quote: Found, people: dict[str, Profile]) -> Profile:
    speaker = quote.speaker
    if speaker.entity_id in people:
        return people[speaker.entity_id]
    if speaker.start is not None and speaker.entity_id is None:
        return described_profile(text, speaker.start, speaker.end)
    return Profile(gender=None)  # no speaker, or a place or organisation: no person to have a gender


def _span(doc: Doc, quote: Found, profile: Profile) -> Span | None:
    """The quote as a Span without the marks and spaces at its edges; None when nothing is left."""
    start, end = quote.start, quote.end
    while start < end and (doc[start].is_space or doc[start].text in MARKS):
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    if end <= start:
        return None
    span = Span(doc, start, end, label=quote.label.value)  # the enums' plain values go to the tables
    speaker, cue = quote.speaker, quote.cue
    span._.quote = {
        "cue": cue.lemma if cue else None,
        "cue_text": cue.text if cue else None,
        "cue_start_char": doc[cue.start].idx if cue else None,
        "cue_end_char": doc[cue.end - 1].idx + len(doc[cue.end - 1]) if cue else None,
        "speaker_text": doc[speaker.start:speaker.end].text if speaker.start is not None else None,
        "speaker_start_char": doc[speaker.start].idx if speaker.start is not None else None,
        "speaker_end_char": doc[speaker.end - 1].idx + len(doc[speaker.end - 1]) if speaker.start is not None else None,
        "speaker_entity_id": speaker.entity_id,
        "method": speaker.method.value if speaker.method is not None else None,
        **{f"speaker_{name}": value for name, value in profile._asdict().items()},
    }
    return span
