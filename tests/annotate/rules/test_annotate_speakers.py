"""Tests of goldsmith.annotate.rules.speakers: speech verbs, their subjects and speaker spans."""

from __future__ import annotations

import pytest

from goldsmith.annotate.rules.speaker_subjects import subject_token
from goldsmith.annotate.rules.speakers import SpeakerFinder
from goldsmith.labels.records import Entity


def token(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        ("Austin said the base was safe.", "said", "Austin"),
        ("“It is safe,” said Joan Park, an analyst.", "said", "Park"),
        ("Austin spoke on Monday, adding that the base was safe.", "adding", "Austin"),
        ("It was described as safe by Joan Park.", "described", "Park"),
        ("It was safe, according to Joan Park.", "according", "Park"),
        ("It was said that the base was safe.", "said", None),
    ],
)
def test_subject_of(nlp, text: str, verb: str, subject: str | None) -> None:
    doc = nlp(text)
    found = SpeakerFinder(doc, [], []).subject_of(token(doc, verb))
    assert (found.text if found is not None else None) == subject


def test_subject_in_another_paragraph_is_not_used(nlp) -> None:
    doc = nlp("Residents were told to leave\n\nOfficials said nothing.")
    assert SpeakerFinder(doc, [], []).subject_of(token(doc, "told")) is None


def test_named_subject_is_the_given_entity(nlp) -> None:
    text = "Defense Secretary Paul Grant said the base was safe."
    doc = nlp(text)
    entity = Entity(18, 28, "Paul Grant", "PERSON")
    assert SpeakerFinder(doc, [entity], []).speaker_of(token(doc, "said")) == entity


def test_entity_with_non_speaker_label_becomes_source(nlp) -> None:
    doc = nlp("Berlin Marathon organizers said the race was full.")
    finder = SpeakerFinder(doc, [Entity(0, 15, "Berlin Marathon", "EVENT")], [])
    speaker = finder.speaker_from_token(token(doc, "Marathon"))
    assert (speaker.text, speaker.label) == ("Berlin Marathon", "SOURCE")


@pytest.mark.parametrize(
    ("text", "head", "source"),
    [
        ("Two senior U.S. officials said it.", "officials", "Two senior U.S. officials"),
        ("The analysts said it.", "analysts", "analysts"),
        ("A source within the ministry said it.", "source", "source"),
        ("Several dockworkers who were there said it.", "dockworkers", "Several dockworkers"),
    ],
)
def test_source_phrase_is_head_and_left_modifiers_without_article(
    nlp, text: str, head: str, source: str
) -> None:
    doc = nlp(text)
    speaker = SpeakerFinder(doc, [], []).speaker_from_token(token(doc, head))
    assert (speaker.text, speaker.label) == (source, "SOURCE")


@pytest.mark.parametrize(
    ("text", "head", "human"),
    [
        ("The commissioner spoke.", "commissioner", True),
        ("The dockworkers spoke.", "dockworkers", True),
        ("The economist spoke.", "economist", True),
        ("The transfer happened.", "transfer", False),
        ("The deployment happened.", "deployment", False),
        ("The survey was published.", "survey", False),
    ],
)
def test_is_human(nlp, text: str, head: str, human: bool) -> None:
    doc = nlp(text)
    assert SpeakerFinder(doc, [], []).is_human(token(doc, head)) is human


def test_non_human_noun_is_no_speaker_for_weak_verbs(nlp) -> None:
    doc = nlp("The deployment suggests that the army is weak.")
    assert SpeakerFinder(doc, [], []).speaker_of(token(doc, "suggests")) is None


def test_any_noun_is_a_source_for_say(nlp) -> None:
    doc = nlp("The report said that the army is weak.")
    speaker = SpeakerFinder(doc, [], []).speaker_of(token(doc, "said"))
    assert (speaker.text, speaker.label) == ("report", "SOURCE")


def test_pronoun_prefers_latest_subject_over_nearer_mention(nlp) -> None:
    text = "Ana Ruiz met Omar Haddad in Paris. She said the talks went well."
    doc = nlp(text)
    ents = [Entity(0, 8, "Ana Ruiz", "PERSON"), Entity(13, 24, "Omar Haddad", "PERSON")]
    speaker = SpeakerFinder(doc, ents, []).speaker_of(token(doc, "said"))
    assert speaker.text == "Ana Ruiz"


def test_they_resolves_to_the_latest_speaker(nlp) -> None:
    text = "Organizers said the race was full. They said it would start at nine."
    doc = nlp(text)
    finder = SpeakerFinder(doc, [], [])
    first = finder.speaker_of(token(doc, "said", 0))
    assert first.text == "Organizers"
    assert finder.speaker_of(token(doc, "said", 1)) == first


def test_mentions_inside_quotes_are_not_antecedents(nlp) -> None:
    text = "Ana Ruiz spoke first. “Omar Haddad is wrong,” she said."
    doc = nlp(text)
    haddad = text.index("Omar")
    ents = [
        Entity(0, 8, "Ana Ruiz", "PERSON"),
        Entity(haddad, haddad + 11, "Omar Haddad", "PERSON"),
    ]
    blocked = [(text.index("“"), text.index("”") + 1)]
    finder = SpeakerFinder(doc, ents, blocked)
    assert finder.is_blocked(haddad)
    assert finder.speaker_of(token(doc, "said")).text == "Ana Ruiz"


def test_description_with_its_own_modifier_is_a_source(nlp) -> None:
    text = "Ana Ruiz spoke first. The union representing the staff said it would appeal."
    doc = nlp(text)
    finder = SpeakerFinder(doc, [Entity(0, 8, "Ana Ruiz", "PERSON")], [])
    speaker = finder.speaker_of(token(doc, "said"))
    assert (speaker.text, speaker.label) == ("union", "SOURCE")


def test_organisation_description_prefers_an_org_named_with_that_noun(nlp) -> None:
    text = "The Harbor Authority met the Dock Union. Later the authority said it would appeal."
    doc = nlp(text)
    ents = [
        Entity(text.index(name), text.index(name) + len(name), name, "ORG")
        for name in ("Harbor Authority", "Dock Union")
    ]
    speaker = SpeakerFinder(doc, ents, []).speaker_of(token(doc, "said"))
    assert speaker.text == "Harbor Authority"


def test_they_does_not_resolve_to_a_single_person(nlp) -> None:
    text = "Ana Ruiz said the port was closed. They said it would reopen."
    doc = nlp(text)
    finder = SpeakerFinder(doc, [Entity(0, 8, "Ana Ruiz", "PERSON")], [])
    assert finder.speaker_of(token(doc, "said", 0)).text == "Ana Ruiz"
    assert finder.speaker_of(token(doc, "said", 1)) is None


def test_name_in_apposition_to_a_subject_is_an_antecedent(nlp) -> None:
    text = "Ana Ruiz left early. Her deputy, Omar Haddad, stayed. He said the port was calm."
    doc = nlp(text)
    haddad = text.index("Omar")
    ents = [
        Entity(0, 8, "Ana Ruiz", "PERSON"),
        Entity(haddad, haddad + 11, "Omar Haddad", "PERSON"),
    ]
    assert SpeakerFinder(doc, ents, []).speaker_of(token(doc, "said")).text == "Omar Haddad"


def test_who_clause_hung_on_a_phrase_after_a_name_is_that_names(nlp) -> None:
    text = (
        "“It was a weak case,” said one Republican familiar with the talks, who added that "
        "the council seemed “rattled” by the vote."
    )
    doc = nlp(text)
    verb = next(t for t in doc if t.text == "added")
    assert subject_token(verb, text).text == "Republican"


def test_participle_hung_on_a_reported_clause_goes_on_with_the_sayer(nlp) -> None:
    text = (
        "In an interview Monday, Ruiz said the process of drafting the charter could be "
        "“slow,” adding, “Reform is always slow.”"
    )
    doc = nlp(text)
    verb = next(t for t in doc if t.text == "adding")
    assert subject_token(verb, text).text == "Ruiz"


def test_name_right_after_the_quote_speaks_when_the_parser_puts_it_inside(nlp) -> None:
    text = (
        "Her aides fear the polls. “It is not the view that all is hunky-dory,” Gene Roe, "
        "a top adviser, said at a forum in Salem."
    )
    doc = nlp(text)
    quoted = text.index("“"), text.index("”") + 1
    verb = next(t for t in doc if t.text == "said")
    subject = subject_token(verb, text, lambda c: quoted[0] <= c < quoted[1])
    assert subject is not None and subject.text == "Roe"


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        (
            "“The fleet is too old,” the Harbor Gazette reported, quoting a retired captain.",
            "reported",
        ),
        (
            "The Harbor Gazette quoted a retired captain as saying that the fleet was too old.",
            "saying",
        ),
    ],
)
def test_source_a_reporter_quotes_is_the_speaker(nlp, text: str, verb: str) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == verb)
    assert subject_token(token, text).text == "captain"
