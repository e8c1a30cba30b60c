"""German person, place and organisation mentions from gazetteers, lexicons and contextual cues.

German capitalises every noun, so capitalisation alone says little; a capitalised word becomes a
mention only with evidence, and common nouns (also compounds ending in one: "Rundumtonkombination")
never do on their own. Evidence, in order of trust:
- gazetteer entries and organisation shapes ("… AG", "Bundesamt für …", "Hamburger Mieterverein");
- free-standing acronyms ("ADAC");
- a class noun before the name that gives its type: roles for persons ("Außenminister",
  "Nato-Chef"), "Gemeinde"/"Dörfer" for places, "Ölgesellschaft" for organisations; the type carries
  over a list that follows ("die Dörfer A, B und C");
- words inside a multi-word name ("Jet Airways", "Hudson River", "St. Moritz");
- first names, a party in brackets ("Wadephul (CDU)"), surname and place word classes;
- place-name endings ("-straße", "-hausen"), place prepositions and speech verbs around unknown names.
Names found by context are propagated to their other occurrences in the article.

The modules, in the order `EntityRules` uses them:
- `lexicons`: the data files, the `Lexicons` they load into and the word tests every rule shares;
- `matching`: gazetteer, organisation shapes and acronyms;
- `runs`: runs of name-like words, split at class nouns, with the cue before them and name particles;
- `classify`: the ordered table of named rules that types a run (the `method` of its mention);
- `merge`: propagation to other occurrences, joined slashed and club names, sentence bounds;
- `component`: the spaCy component that loads, saves and runs them.
"""
from .component import LABELS, EntityRules, ModelEnts
from .lexicons import FILES

__all__ = ["EntityRules", "FILES", "LABELS", "ModelEnts"]
