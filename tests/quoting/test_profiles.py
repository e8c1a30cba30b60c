"""Who a speaker is: role, organisation, party and gender from what the article writes."""
import pytest

PROFILE = ("speaker_role", "speaker_org", "speaker_party", "speaker_gender")


def profiles(nlp, text):
    doc = nlp(text)
    return [(q._.quote["speaker_text"], *(q._.quote[name] for name in PROFILE)) for q in doc.spans["quotes"]]


@pytest.mark.parametrize("text, expected", [
    # role right before the name; its gender from the role form
    ("Bundeskanzler Friedrich Merz sagte, die Lage sei ernst.",
     ("Bundeskanzler Friedrich Merz", "Bundeskanzler", None, None, "m")),
    ("Die Sprecherin Lea Kuhn sagte, man prüfe das.", ("Die Sprecherin Lea Kuhn", "Sprecherin", None, None, "f")),
    # a form that does not show the gender takes it from the article
    ("Die Abgeordnete Lea Kuhn sagte, das sei gut.", ("Die Abgeordnete Lea Kuhn", "Abgeordnete", None, None, "f")),
    # party in brackets, and as the first part of a role
    ("Außenminister Johann Wadephul (CDU) sagte, die Lage sei ernst.",
     ("Außenminister Johann Wadephul", "Außenminister", None, "CDU", "m")),
    ("Die CDU-Politikerin Anna Weber sagte, das sei falsch.",
     ("Die CDU-Politikerin Anna Weber", "CDU-Politikerin", None, "CDU", "f")),
    ("SPD-Chef Lars Klingbeil sagte, man sei bereit.", ("SPD-Chef Lars Klingbeil", "SPD-Chef", None, "SPD", "m")),
    ("Die Grünen-Politikerin Lea Kuhn sagte, das sei falsch.",
     ("Die Grünen-Politikerin Lea Kuhn", "Grünen-Politikerin", None, "Grüne", "f")),
    # organisation: the genitive after the role, in an apposition or before the name
    ("Anna Weber, Sprecherin des Umweltministeriums, sagte, man prüfe das.",
     ("Anna Weber", "Sprecherin", "Umweltministerium", None, "f")),
    ("Die Präsidentin des Bundesverfassungsgerichts, Doris König, sagte, das Urteil sei klar.",
     ("Doris König", "Präsidentin", "Bundesverfassungsgericht", None, "f")),
    # a described speaker: role and organisation from the description itself
    ("Ein Sprecher der Polizei sagte, niemand sei verletzt worden.",
     ("Ein Sprecher der Polizei", "Sprecher", "Polizei", None, "m")),
    ("Die Sprecherin des Innenministeriums sagte, man prüfe das.",
     ("Die Sprecherin des Innenministeriums", "Sprecherin", "Innenministerium", None, "f")),
    # gender from the first name alone
    ("Angela Schmidt sagte, das sei gut.", ("Angela Schmidt", None, None, None, "f")),
])
def test_profile_of_the_speaker(nlp, text, expected):
    assert profiles(nlp, text)[0] == expected


@pytest.mark.parametrize("text, expected", [
    # no evidence: unknown, not a guess from the surname
    ("Merz sagte, die Lage sei ernst.", ("Merz", None, None, None, "unknown")),
    # a bracket that is no party
    ("Anna Weber (45) sagte, das sei gut.", ("Anna Weber", None, None, None, "f")),
    # a "von" phrase naming a person is no organisation
    ("Jared Kushner, Schwiegersohn von Donald Trump, sagte, das sei gut.",
     ("Jared Kushner", "Schwiegersohn", None, None, "m")),
    # a role and a first name that disagree say nothing
    ("Die Sprecherin Peter Kuhn sagte, man prüfe das.", ("Die Sprecherin Peter Kuhn", "Sprecherin", None, None,
                                                        "unknown")),
])
def test_no_profile_without_evidence(nlp, text, expected):
    assert profiles(nlp, text)[0] == expected


def test_a_pronoun_and_a_description_add_to_the_named_speaker(nlp):
    text = ("Kim Kuhn kam nach Berlin. Er sagte, das sei gut. "
            "Der CDU-Politiker sagte außerdem, man werde handeln.")
    assert {row[1:] for row in profiles(nlp, text)} == {("CDU-Politiker", None, "CDU", "m")}


@pytest.mark.parametrize("text", [
    "Kim Kuhn kam nach Berlin. Sie sagte, das sei gut.",  # "sie": a woman, a group or the polite "Sie"
    "Die Kläger sagten, das Urteil sei falsch.",  # a group
])
def test_no_gender_from_words_that_also_name_groups(nlp, text):
    assert profiles(nlp, text)[-1][-1] == "unknown"


def test_a_quote_without_speaker_has_no_gender(nlp):
    text = "Regen in Bonn.\n\n„Wir kämpfen weiter, wir geben nicht auf und wir gewinnen.“"
    assert profiles(nlp, text) == [(None, None, None, None, None)]


def test_entities_table_carries_the_profile(nlp):
    from pipeline.language import make_doc
    from pipeline.reader import parse_article
    from pipeline.tables import doc_rows
    article = parse_article("Außenminister Johann Wadephul (CDU) sagte in Berlin, die Lage sei ernst.", "a", "test")
    rows = {row["name"]: row for row in doc_rows(article, nlp(make_doc(nlp, article)))["entities"]}
    assert (rows["Johann Wadephul"]["role"], rows["Johann Wadephul"]["party"], rows["Johann Wadephul"]["gender"]) \
        == ("Außenminister", "CDU", "m")
    assert rows["Berlin"]["gender"] is None and rows["Berlin"]["role"] is None
