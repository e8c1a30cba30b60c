"""Custom attributes our components read and write, registered once on import.

Doc:  article_id, source, date (ISO string or None) - article metadata set by `make_doc`;
      entities: {entity_id: {"name": canonical name, "label": PER/LOC/ORG}} - set by the linker;
      for PER also "role", "org", "party", "gender" - added by the quote component.
Span (mentions in doc.ents): canonical (name hint from a gazetteer), method (rule that found it),
      entity_id (set by the linker).
Span (doc.spans["quotes"], label = direct/indirect/reported): quote - dict with cue, cue_text,
      cue_start_char, cue_end_char, speaker_text, speaker_start_char, speaker_end_char,
      speaker_entity_id, method (how the speaker was found), speaker_role, speaker_org,
      speaker_party, speaker_gender (who the speaker is: quoting/profiles.py).
"""
from spacy.tokens import Doc, Span

QUOTES_KEY = "quotes"

for _name in ("article_id", "source", "date"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default={})
for _name in ("canonical", "method", "entity_id", "quote"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
