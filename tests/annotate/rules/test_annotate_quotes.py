"""Tests of goldsmith.annotate.rules.quotes: QUOTE spans, kinds and speakers on parsed text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goldsmith.annotate.rules.quotes import find_quotes
from goldsmith.corpus.documents import normalize_newlines
from goldsmith.labels.records import Entity, Quote


def entities(text: str, *names: tuple[str, str]) -> list[Entity]:
    """Entity spans for every occurrence of each (surface, label) in ``text``."""
    found = []
    for surface, label in names:
        start = text.find(surface)
        while start >= 0:
            found.append(Entity(start, start + len(surface), surface, label))
            start = text.find(surface, start + 1)
    return sorted(found, key=lambda e: e.start)


def quotes(nlp, text: str, *names: tuple[str, str]) -> list[Quote]:
    doc = nlp(text)
    return find_quotes(doc, entities(text, *names))


def summary(found: list[Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.kind, q.speaker.text if q.speaker else None) for q in found]


# -- kinds and boundaries ------------------------------------------------------------------


def test_direct_quote_with_attribution_after(nlp) -> None:
    text = "“We are ready for the storm,” Austin said."
    found = quotes(nlp, text, ("Austin", "PERSON"))
    assert summary(found) == [("We are ready for the storm", "direct", "Austin")]


def test_trailing_comma_before_attribution_is_outside(nlp) -> None:
    text = "“The port will reopen on Friday,” Maria Lopez said."
    (quote,) = quotes(nlp, text, ("Maria Lopez", "PERSON"))
    assert quote.text == "The port will reopen on Friday"
    assert text[quote.end : quote.end + 2] == ",”"


def test_final_period_inside_marks_is_inside(nlp) -> None:
    text = "Maria Lopez said: “The port will reopen on Friday.”"
    (quote,) = quotes(nlp, text, ("Maria Lopez", "PERSON"))
    assert (quote.text, quote.kind) == ("The port will reopen on Friday.", "direct")
    assert quote.speaker.text == "Maria Lopez"


def test_partial_quote_embedded_in_writer_sentence(nlp) -> None:
    text = "Senator Ann Blake called the budget “a costly mistake” on Monday."
    found = quotes(nlp, text, ("Ann Blake", "PERSON"))
    assert summary(found) == [("a costly mistake", "partial", "Ann Blake")]


def test_indirect_quote_is_the_reported_clause(nlp) -> None:
    text = "Austin said it was unclear what the rebels would gain."
    found = quotes(nlp, text, ("Austin", "PERSON"))
    assert summary(found) == [("it was unclear what the rebels would gain", "indirect", "Austin")]


def test_indirect_quote_drops_that(nlp) -> None:
    text = "The Health Ministry said that hospitals were running out of beds."
    found = quotes(nlp, text, ("Health Ministry", "ORG"))
    assert summary(found) == [("hospitals were running out of beds", "indirect", "Health Ministry")]


def test_according_to_a_person_is_not_indirect_speech(nlp) -> None:
    """ANNOTATION_SPEC.md 4: "according to X" attributes information, not speech."""
    text = "The bridge will stay closed until May, according to Mayor Ana Ruiz."
    assert quotes(nlp, text, ("Ana Ruiz", "PERSON")) == []


def test_according_to_still_names_the_speaker_of_quoted_text(nlp) -> None:
    text = "“The bridge stays shut until May,” according to Mayor Ana Ruiz."
    found = quotes(nlp, text, ("Ana Ruiz", "PERSON"))
    assert summary(found) == [("The bridge stays shut until May", "direct", "Ana Ruiz")]


def test_according_to_a_survey_is_not_speech(nlp) -> None:
    text = "Nine of the shops are empty, according to a city survey."
    assert quotes(nlp, text) == []


def test_block_quote_after_attribution_line(nlp) -> None:
    text = (
        "Fire chief Dana Okoro said in a radio interview:\n\n"
        "We have hundreds of homes at risk. Please leave now.\n"
    )
    found = quotes(nlp, text, ("Dana Okoro", "PERSON"))
    assert summary(found) == [
        ("We have hundreds of homes at risk. Please leave now.", "block", "Dana Okoro")
    ]


def test_headline_with_speech_verb_does_not_make_a_block(nlp) -> None:
    text = (
        "Mayor Confirms Bridge Closure\n\nThe bridge over the river closed on Monday for repairs."
    )
    assert [q.kind for q in quotes(nlp, text)] == []


# -- speakers ------------------------------------------------------------------------------


def test_named_speaker_after_the_verb(nlp) -> None:
    text = "“Prices will keep rising,” said Priya Raman, an analyst at a bank."
    (quote,) = quotes(nlp, text, ("Priya Raman", "PERSON"))
    start = text.index("Priya")
    assert quote.speaker == Entity(start, start + len("Priya Raman"), "Priya Raman", "PERSON")


def test_named_speaker_before_the_verb_keeps_entity_offsets(nlp) -> None:
    text = "Defense Secretary Paul Grant told reporters: “We will stay.”"
    (quote,) = quotes(nlp, text, ("Paul Grant", "PERSON"))
    assert (quote.speaker.text, quote.speaker.label) == ("Paul Grant", "PERSON")
    assert text[quote.speaker.start : quote.speaker.end] == "Paul Grant"


def test_pronoun_speaker_is_the_most_recent_person_subject(nlp) -> None:
    text = (
        "Maria Lopez met the union leaders on Monday.\n\n"
        "“We are close to a deal,” she said after the meeting."
    )
    (quote,) = quotes(nlp, text, ("Maria Lopez", "PERSON"))
    assert quote.speaker.text == "Maria Lopez"


def test_pronoun_speaker_is_reported_by_its_nearest_mention(nlp) -> None:
    text = (
        "Paul Grant arrived in the capital on Monday. Later, Grant visited the port.\n\n"
        "“It is quiet,” he said."
    )
    later = text.index("Grant visited")
    ents = [Entity(0, 10, "Paul Grant", "PERSON"), Entity(later, later + 5, "Grant", "PERSON")]
    (quote,) = find_quotes(nlp(text), ents)
    assert (quote.speaker.start, quote.speaker.text) == (later, "Grant")


def test_description_speaker_resolves_to_named_person(nlp) -> None:
    text = (
        "Defense Secretary Paul Grant visited the base on Tuesday.\n\n"
        "“The troops will stay,” the secretary said."
    )
    (quote,) = quotes(nlp, text, ("Paul Grant", "PERSON"))
    assert quote.speaker.text == "Paul Grant"


def test_description_speaker_prefers_the_person_with_that_role(nlp) -> None:
    text = (
        "Trade Commissioner Eva Lind met Foreign Minister Omar Haddad on Monday. "
        "Omar Haddad said the talks were useful.\n\n"
        "The commissioner said a deal could follow in March."
    )
    found = quotes(nlp, text, ("Eva Lind", "PERSON"), ("Omar Haddad", "PERSON"))
    assert summary(found)[-1] == ("a deal could follow in March", "indirect", "Eva Lind")


def test_organisation_description_resolves_to_organisation(nlp) -> None:
    text = (
        "The Health Ministry said nine people had died.\n\n"
        "More than 300 homes were damaged, the ministry said."
    )
    found = quotes(nlp, text, ("Health Ministry", "ORG"))
    assert [q.speaker.text for q in found] == ["Health Ministry", "Health Ministry"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Two senior officials said the talks had stalled.", "Two senior officials"),
        ("Local residents said the warnings came too late.", "Local residents"),
        ("Analysts said the merger would be approved.", "Analysts"),
        ("A shopkeeper in the old town said the water came too fast.", "shopkeeper"),
    ],
)
def test_unnamed_source_is_a_source_span(nlp, text: str, source: str) -> None:
    (quote,) = quotes(nlp, text)
    assert (quote.kind, quote.speaker.text, quote.speaker.label) == ("indirect", source, "SOURCE")


def test_name_before_colon_is_the_speaker(nlp) -> None:
    text = "Maria Lopez: “We will win”"
    found = quotes(nlp, text, ("Maria Lopez", "PERSON"))
    assert summary(found) == [("We will win", "direct", "Maria Lopez")]


def test_headline_phrase_before_colon_is_not_a_speaker(nlp) -> None:
    text = "Dockworkers widen strike at the port: “We will not back down”"
    found = quotes(nlp, text)
    assert summary(found) == [("We will not back down", "direct", None)]


def test_subject_in_another_paragraph_is_skipped(nlp) -> None:
    text = "Ana Ruiz: “We will win”\n\n“I do not know,” a spokeswoman for the ministry said."
    found = quotes(nlp, text, ("Ana Ruiz", "PERSON"))
    assert summary(found)[-1] == ("I do not know", "direct", "spokeswoman")


def test_quote_without_identifiable_source_has_no_speaker(nlp) -> None:
    text = "“Leave your homes now,” residents were told in text messages."
    (quote,) = quotes(nlp, text)
    assert (quote.text, quote.kind, quote.speaker) == ("Leave your homes now", "direct", None)


def test_indirect_speech_without_source_is_not_returned(nlp) -> None:
    assert quotes(nlp, "It was said that the bridge would close.") == []


def test_non_speaker_subject_gives_no_indirect_quote(nlp) -> None:
    text = "The deployment could indicate that the army is short of soldiers."
    assert quotes(nlp, text) == []


def test_interrupted_quote_is_two_spans_with_one_speaker(nlp) -> None:
    text = "“If you are told to leave,” Austin said at a briefing, “leave at once.”"
    found = quotes(nlp, text, ("Austin", "PERSON"))
    assert summary(found) == [
        ("If you are told to leave", "direct", "Austin"),
        ("leave at once.", "direct", "Austin"),
    ]


def test_multi_paragraph_quote_is_one_span_per_paragraph_same_speaker(nlp) -> None:
    text = (
        "“The museum lost three rooms in the fire.\n\n"
        "“But every painting was saved,” Helen Marsh said."
    )
    found = quotes(nlp, text, ("Helen Marsh", "PERSON"))
    assert summary(found) == [
        ("The museum lost three rooms in the fire.", "direct", "Helen Marsh"),
        ("But every painting was saved", "direct", "Helen Marsh"),
    ]


def test_following_sentence_quote_inherits_speaker_in_paragraph(nlp) -> None:
    text = "“We are ready,” Austin said. “Nobody should doubt it.”"
    found = quotes(nlp, text, ("Austin", "PERSON"))
    assert summary(found) == [
        ("We are ready", "direct", "Austin"),
        ("Nobody should doubt it.", "direct", "Austin"),
    ]


# -- marks ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "“We are ready,” Austin said.",
        '"We are ready," Austin said.',
        "‘We are ready,’ Austin said.",
    ],
)
def test_curly_straight_and_single_marks(nlp, text: str) -> None:
    found = quotes(nlp, text, ("Austin", "PERSON"))
    assert summary(found) == [("We are ready", "direct", "Austin")]


def test_apostrophes_are_not_quotes(nlp) -> None:
    text = "Korea’s leaders don’t agree, and the ’90s are long gone. The players' union met."
    assert [q for q in quotes(nlp, text) if q.kind != "indirect"] == []


@pytest.mark.parametrize(
    "noise",
    [
        "A stray ” mark sits here.",
        "An opening “ mark is never closed.",
        'A lone " straight mark here.',
    ],
)
def test_unbalanced_mark_does_not_stop_later_quotes(nlp, noise: str) -> None:
    text = noise + " “We are ready,” Austin said.\n\n“Nothing will stop us,” Austin added."
    found = quotes(nlp, text, ("Austin", "PERSON"))
    direct = [(q.text, q.speaker.text) for q in found if q.kind == "direct"]
    assert direct == [("We are ready", "Austin"), ("Nothing will stop us", "Austin")]


def test_scores_are_confidences(nlp) -> None:
    text = "“We are ready,” Austin said. Officials said the port was closed."
    found = quotes(nlp, text, ("Austin", "PERSON"))
    assert found and all(0.0 <= q.score <= 1.0 for q in found)
    assert found[0].score > found[1].score


# -- invariants ----------------------------------------------------------------------------

_PIECES = [
    "Austin said",
    " he said",
    ", she added",
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "\n",
    "\r\n",
    "\n\n",
    ". ",
    ", ",
    ":",
    "😀",
    "🚀🚀",
    "officials told reporters that ",
    "the minister",
    "according to ",
    "We are ready",
    "don’t",
    "Korea’s",
    "it was unclear",
    " ",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_spans_always_match_text_and_never_raise(nlp, pieces: list[str]) -> None:
    text = normalize_newlines("".join(pieces))
    doc = nlp(text)
    ents = [Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents]
    for quote in find_quotes(doc, ents):
        assert text[quote.start : quote.end] == quote.text
        assert quote.start < quote.end
        assert quote.kind in ("direct", "partial", "indirect", "block")
        assert 0.0 <= quote.score <= 1.0
        if quote.speaker is not None:
            speaker = quote.speaker
            assert text[speaker.start : speaker.end] == speaker.text
            assert speaker.label in ("PERSON", "ORG", "GPE", "NORP", "SOURCE")


# -- writing is speech (issue 11) ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dana Whitcombe said in a statement that the office would close early.",
        "Dana Whitcombe wrote in an e-mail that the office would close early.",
        "Dana Whitcombe released a statement saying the office would close early.",
        "Dana Whitcombe tweeted that the office would close early.",
        "Dana Whitcombe wrote on Twitter that the office would close early.",
    ],
)
def test_written_speech_is_indirect_speech(nlp, text: str) -> None:
    found = quotes(nlp, text, ("Dana Whitcombe", "PERSON"))
    assert summary(found) == [("the office would close early", "indirect", "Dana Whitcombe")]


def test_statement_released_by_an_organisation_names_it(nlp) -> None:
    text = "The Harbor Authority released a statement saying the pier would reopen in May."
    found = quotes(nlp, text, ("Harbor Authority", "ORG"))
    assert summary(found) == [("the pier would reopen in May", "indirect", "Harbor Authority")]


@pytest.mark.parametrize(
    "intro",
    [
        "After the vote, Pavel Drozd said in a statement:",
        "Pavel Drozd issued the following statement:",
        "On Tuesday evening Pavel Drozd said:",
    ],
)
def test_quoted_paragraph_after_an_introduction_takes_its_speaker(nlp, intro: str) -> None:
    text = f"{intro}\n“Our thoughts are with the crew and their families.”"
    found = quotes(nlp, text, ("Pavel Drozd", "PERSON"))
    assert summary(found) == [
        ("Our thoughts are with the crew and their families.", "direct", "Pavel Drozd")
    ]


def test_unquoted_paragraph_after_a_published_statement_is_a_block(nlp) -> None:
    text = "Pavel Drozd released a statement on Tuesday:\nWe mourn the crew of the trawler."
    found = quotes(nlp, text, ("Pavel Drozd", "PERSON"))
    assert summary(found) == [("We mourn the crew of the trawler.", "block", "Pavel Drozd")]


def test_continued_attributes_a_quote(nlp) -> None:
    text = (
        "“The first loser would be the harbor,” Greta Lund said. She did not stop there.\n"
        "“If they close the docks, the town dies,” she continued."
    )
    found = quotes(nlp, text, ("Greta Lund", "PERSON"))
    assert [q.speaker.text if q.speaker else None for q in found] == ["Greta Lund", "Greta Lund"]


def test_continued_is_not_indirect_speech(nlp) -> None:
    text = "Greta Lund continued that the docks would close."
    assert quotes(nlp, text, ("Greta Lund", "PERSON")) == []


# -- a pronoun inside the quote is not its speaker (issue 11) -------------------------------


@pytest.mark.parametrize(
    "context",
    [
        "Henrik Vale said he would cut the harbor fees.",  # "he" reported by Vale
        "Mr. Vale repeated the offer on Monday.",  # honorific
        "The spokesman, Henrik Vale, repeated the offer.",  # gendered role noun
        "Henrik Vale defended himself on Monday.",  # reflexive
    ],
)
def test_she_said_skips_the_man_she_talks_about(nlp, context: str) -> None:
    text = (
        "Marta Olsen criticised the harbor plan in March. "
        f"{context} “He has no idea what a harbor costs,” she said."
    )
    found = quotes(
        nlp, text, ("Marta Olsen", "PERSON"), ("Henrik Vale", "PERSON"), ("Vale", "PERSON")
    )
    assert found[-1].text == "He has no idea what a harbor costs"
    assert found[-1].speaker.text == "Marta Olsen"


def test_pronoun_speaker_without_gender_evidence_is_the_latest_person(nlp) -> None:
    text = "Marta Olsen met Henrik Vale in March. Vale spoke first. “It is late,” he said."
    found = quotes(
        nlp, text, ("Marta Olsen", "PERSON"), ("Henrik Vale", "PERSON"), ("Vale", "PERSON")
    )
    assert found[-1].speaker.text == "Vale"


def test_no_person_of_the_pronoun_gender_gives_no_speaker(nlp) -> None:
    text = "Henrik Vale defended himself on Monday. “He is out of his depth,” she said."
    found = quotes(nlp, text, ("Henrik Vale", "PERSON"))
    assert summary(found) == [("He is out of his depth", "direct", None)]


# -- a speaker is a named source or a source noun phrase, never a date or event (issue 11) --


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "A March 2, 2015 exchange with aides said the plan was dead.",
            [("March 2, 2015", "DATE")],
        ),
        ("Monday's debate said little about the harbor.", [("Monday", "DATE")]),
        ("The hearing said the plan was dead.", []),
        ("The Harbor Festival said the plan was dead.", [("Harbor Festival", "EVENT")]),
    ],
)
def test_dates_and_events_never_speak(nlp, text: str, names: list) -> None:
    found = quotes(nlp, text, *names)
    assert all(q.speaker is None or q.speaker.label != "SOURCE" for q in found)
    assert [q for q in found if q.kind == "indirect"] == []


def test_a_person_in_a_dated_exchange_still_speaks(nlp) -> None:
    text = "In a March 2, 2015 exchange, Olsen wrote that the plan was dead."
    found = quotes(nlp, text, ("March 2, 2015", "DATE"), ("Olsen", "PERSON"))
    assert summary(found) == [("the plan was dead", "indirect", "Olsen")]


# -- attribution forms of real news (issue 11; docs/spec-decisions.md) ----------------------


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Ana Ruiz: ‘We Will Rebuild The Pier’\nThe pier burned.",
            "We Will Rebuild The Pier",
            "Ana Ruiz",
        ),
        (
            "Harbor Chief Ana Ruiz: Fire The Board, ‘Start Again From Scratch’\nThe board met.",
            "Start Again From Scratch",
            "Ana Ruiz",
        ),
        (
            "Mayor Ana Ruiz Praises Harbor Pilot Tom Hale: ‘A Real Hero’\nThe pilot saved a ferry.",
            "A Real Hero",
            "Ana Ruiz",
        ),
        (
            "Ana Ruiz Addresses Pier Fire: ‘Never Again’\nThe pier burned.",
            "Never Again",
            "Ana Ruiz",
        ),
    ],
)
def test_headline_name_colon_quote(nlp, text: str, quote: str, speaker: str) -> None:
    found = quotes(nlp, text, ("Ana Ruiz", "PERSON"), ("Tom Hale", "PERSON"))
    quoted = [q for q in found if q.kind != "indirect"]  # "Fire The Board": a statement
    assert (quoted[0].text, quoted[0].speaker.text) == (quote, speaker)


def test_unattributed_paragraph_after_a_headline_quote_inherits_its_speaker(nlp) -> None:
    text = "Ana Ruiz: ‘We Will Rebuild The Pier’\n“We start on Monday, with or without help.”"
    found = quotes(nlp, text, ("Ana Ruiz", "PERSON"))
    assert [q.speaker.text for q in found] == ["Ana Ruiz", "Ana Ruiz"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor posted on Monday.\n“The pier will reopen in May.”\n— Ana Ruiz (@anaruiz) May 3",
        "“The pier will reopen in May.” – Ana Ruiz, Harbor Gazette",
        "“The pier will reopen in May.”—Ana Ruiz",
    ],
)
def test_dash_signature_names_the_speaker(nlp, text: str) -> None:
    found = quotes(nlp, text, ("Ana Ruiz", "PERSON"), ("Harbor Gazette", "ORG"))
    assert [(q.text, q.speaker.text if q.speaker else None) for q in found] == [
        ("The pier will reopen in May.", "Ana Ruiz")
    ]


def test_relative_clause_speaker_is_the_noun_it_describes(nlp) -> None:
    text = "Tom Hale, who called the board “a disgrace,” resigned on Friday."
    found = quotes(nlp, text, ("Tom Hale", "PERSON"))
    assert summary(found) == [("a disgrace", "partial", "Tom Hale")]


@pytest.mark.parametrize(
    "text",
    [
        "Ruiz's announcement that the pier would reopen surprised traders.",
        "The board rejected the claim that the pier was unsafe.",
        "Her statement that the pier was safe calmed the traders.",
    ],
)
def test_speech_nouns_are_not_quotes(nlp, text: str) -> None:
    assert quotes(nlp, text, ("Ruiz", "PERSON")) == []


# -- partial and scare quotes of a source named earlier (issue 11) --------------------------

SOURCES = (("Ana Ruiz", "PERSON"), ("Tom Hale", "PERSON"), ("Harbor Board", "ORG"))


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Ana Ruiz's accusation that Tom Hale runs a “private fiefdom” stung the board.",
            "private fiefdom",
            "Ana Ruiz",
        ),
        (
            "The chief rule is a “clean safety record,” as a Harbor Board memo put it.",
            "clean safety record",
            "Harbor Board",
        ),
        (
            "Ana Ruiz spoke for an hour. Her plan promises to “lift the port out of debt.”",
            "lift the port out of debt.",
            "Ana Ruiz",
        ),
        (
            "Ana Ruiz named the new pilot on Monday, calling Tom Hale “the best in the port.”",
            "the best in the port.",
            "Ana Ruiz",
        ),
    ],
)
def test_partial_quote_speaker_named_earlier(nlp, text: str, quote: str, speaker: str) -> None:
    found = quotes(nlp, text, *SOURCES)
    assert [(q.text, q.kind, q.speaker.text if q.speaker else None) for q in found] == [
        (quote, "partial", speaker)
    ]


def test_speech_noun_gives_a_speaker_but_no_indirect_quote(nlp) -> None:
    text = "Ana Ruiz's accusation that Tom Hale runs the port badly stung the board."
    assert quotes(nlp, text, *SOURCES) == []


# -- one source, one last word (spec section 2) ---------------------------------------------


def test_later_mention_of_a_name_with_a_suffix_is_the_same_source(nlp) -> None:
    text = (
        "Mayor Robert Haines Jr. opened the bridge on Monday. Haines thanked the crews.\n"
        "“It took three years,” he said."
    )
    found = quotes(nlp, text, ("Robert Haines Jr.", "PERSON"), ("Haines", "PERSON"))
    assert found[-1].speaker.text == "Haines"


# -- round 4: classes seen on held-out real news -----------------------------------------


def test_manner_of_speaking_verb_attributes_a_quote(nlp) -> None:
    text = "“If they cared about the port, they would have funded it,” Ortiz fumed on Friday."
    found = quotes(nlp, text, ("Ortiz", "PERSON"))
    assert summary(found) == [
        ("If they cared about the port, they would have funded it", "direct", "Ortiz")
    ]


def test_figurative_send_a_message_that_is_not_writing(nlp) -> None:
    """Class: "would send a “strong message that …”": a signal, not a letter, so the city
    does not speak; the partial quote is the words of the one who said it."""
    text = (
        "Mayor Tom Hale closed the meeting.\n“We will keep the port open for every sailor,” "
        "he said, adding that the city would send a “strong message that Aldport is a place "
        "where sailors are welcome.”"
    )
    found = quotes(nlp, text, ("Tom Hale", "PERSON"), ("Aldport", "GPE"))
    assert [(q.kind, q.speaker.text if q.speaker else None) for q in found] == [
        ("direct", "Tom Hale"),
        ("partial", "Tom Hale"),
    ]


def test_he_added_goes_on_with_the_last_speaker(nlp) -> None:
    """Class: a man named since as subject of a caption does not take over "he added"."""
    text = (
        "“The port will reopen in May,” Tom Hale said.\n"
        "Pilot Mark Dunn holds up the new chart at the pier.\n"
        "“It took two years of work,” he added."
    )
    found = quotes(nlp, text, ("Tom Hale", "PERSON"), ("Mark Dunn", "PERSON"))
    assert [q.speaker.text if q.speaker else None for q in found] == ["Tom Hale", "Tom Hale"]


def test_he_said_still_takes_the_latest_subject(nlp) -> None:
    text = (
        "“The port will reopen in May,” Tom Hale said.\n"
        "Pilot Mark Dunn disagreed at the pier.\n"
        "“It will take two more years,” he said."
    )
    found = quotes(nlp, text, ("Tom Hale", "PERSON"), ("Mark Dunn", "PERSON"))
    assert [q.speaker.text if q.speaker else None for q in found] == ["Tom Hale", "Mark Dunn"]


def test_epithet_with_an_age_is_the_person_named_before(nlp) -> None:
    """Class: "the 34-year-old mother of three replied" stands for the woman named
    before, although "of three" modifies the noun."""
    text = (
        "Ana Ruiz, the harbor master's daughter, spoke to reporters on Monday. Asked about "
        "fathers, the 34-year-old mother of three replied, “The plan is meant for everyone.”"
    )
    found = quotes(nlp, text, ("Ana Ruiz", "PERSON"))
    assert [(q.text, q.speaker.text if q.speaker else None) for q in found][-1] == (
        "The plan is meant for everyone.",
        "Ana Ruiz",
    )


def test_person_named_right_before_a_colon_speaks_the_quote(nlp) -> None:
    """Class: "The result does not surprise pollster Dan Roe: “…”" with no speech verb."""
    text = (
        "The result does not surprise Republican pollster Dan Roe: “Ports like this one "
        "always lose money in the first year.”"
    )
    found = quotes(nlp, text, ("Dan Roe", "PERSON"))
    assert summary(found) == [
        ("Ports like this one always lose money in the first year.", "direct", "Dan Roe")
    ]


def test_name_at_the_colon_is_not_the_speaker_when_another_name_is_subject(nlp) -> None:
    text = "Tom Hale Praises Harbor Pilot Dan Roe: ‘A Very Good Sailor’"
    found = quotes(nlp, text, ("Tom Hale", "PERSON"), ("Dan Roe", "PERSON"))
    assert all(q.speaker is None or q.speaker.text == "Tom Hale" for q in found)


@pytest.mark.parametrize(
    "text",
    [
        # a one-word noun in quotation marks that nobody is reported as saying
        "A 2012 “handbook” published by the union showed pilots how to bargain.",
        # a title after "titled": nobody's words
        "The port authority released a memo titled “What the Ferry Costs Us.”",
    ],
)
def test_scare_word_and_title_are_not_quotes(nlp, text: str) -> None:
    assert quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Tom Hale called the plan a “swindle” on Monday.", "swindle"),
        ("Tom Hale rejected the idea as “ludicrous” on Monday.", "ludicrous"),
        ("Tom Hale wants to make sure the chart is “updated.”", "updated."),
    ],
)
def test_one_word_quotes_that_stay(nlp, text: str, quote: str) -> None:
    assert [q.text for q in quotes(nlp, text, ("Tom Hale", "PERSON"))] == [quote]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle describing a writing that is no verb's object: the writing speaks
        (
            "The notice of a registered letter, announcing that the pilot has been dropped "
            "from the training program for absence, sits on the table.",
            (
                "the pilot has been dropped from the training program for absence",
                "registered letter",
            ),
        ),
        # "question whether" reports speech
        (
            "Hale, who previously questioned whether the pilot's training made him unfit, "
            "said nothing on Friday.",
            ("whether the pilot's training made him unfit", "Hale"),
        ),
    ],
)
def test_writing_participles_and_questioned_whether(nlp, text: str, expected) -> None:
    found = quotes(nlp, text, ("Hale", "PERSON"))
    assert [(q.text, q.speaker.text if q.speaker else None) for q in found] == [expected]


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        (
            "“He can say it, but it seems very unlikely” that the port can recover this "
            "year, said Tom Hale, a pilot for the ferry line.",
            "the port can recover this year",
        ),
        (
            "“It would seal the vote for the mayor” because she would expand her lead, "
            "said Tom Hale.",
            "because she would expand her lead",
        ),
    ],
)
def test_clause_after_a_closing_mark_is_reported_speech(nlp, text: str, tail: str) -> None:
    """Class: “…” that/because CLAUSE, said X: the clause goes on with X's words."""
    found = quotes(nlp, text, ("Tom Hale", "PERSON"))
    assert (tail, "indirect", "Tom Hale") in summary(found)


def test_clause_after_an_attribution_is_not_a_tail(nlp) -> None:
    text = "“We are ready,” Tom Hale said, because the storm is coming."
    found = quotes(nlp, text, ("Tom Hale", "PERSON"))
    assert [q.kind for q in found] == ["direct"]


def test_relative_that_after_a_closing_mark_is_not_a_tail(nlp) -> None:
    text = "“The plan represents a kind of old social order” that is plainly unfair, Hale said."
    found = quotes(nlp, text, ("Hale", "PERSON"))
    assert "is plainly unfair" not in [q.text for q in found]


@pytest.mark.parametrize(
    "text",
    [
        # what a poll shows is no one's speech (spec 4): a percentage is not a source
        "Asked about the ferry, 55 percent of all residents say it should be sold.",
        # an estimate is a figure, not reported speech
        "The port authority estimates that one in five ships arrives late.",
    ],
)
def test_poll_figures_and_estimates_are_not_reported_speech(nlp, text: str) -> None:
    assert quotes(nlp, text, ("port authority", "ORG")) == []


def test_writing_released_by_someone_speaks_for_them(nlp) -> None:
    """Class: "Hale released a video that said, “…”": the one who released it speaks."""
    text = "Tom Hale released a campaign video that said, “Every pier will be rebuilt by May.”"
    found = quotes(nlp, text, ("Tom Hale", "PERSON"))
    assert summary(found) == [("Every pier will be rebuilt by May.", "direct", "Tom Hale")]


# -- round 8: forms seen on held-out-r6 and train ----------------------------------------


def test_as_attribution_speaks_through_its_subject(nlp) -> None:
    text = "As the Valley Gazette reported, the board was refusing to release the minutes."
    found = quotes(nlp, text, ("Valley Gazette", "ORG"))
    assert summary(found) == [
        ("the board was refusing to release the minutes", "indirect", "Valley Gazette")
    ]


def test_clause_before_a_modifying_quote_is_indirect_beside_the_partial(nlp) -> None:
    text = "Mayor Ana Lind said she would back the plan “because the harbor needs it now.”"
    found = quotes(nlp, text, ("Ana Lind", "PERSON"))
    assert summary(found) == [
        ("she would back the plan", "indirect", "Ana Lind"),
        ("because the harbor needs it now.", "partial", "Ana Lind"),
    ]


def test_indirect_clause_with_a_source_the_finder_cannot_link_stays(nlp) -> None:
    # the grammar names the source (a noun subject); the annotator draws the link
    text = "The appeals court ruled that the county rules broke the law."
    assert summary(quotes(nlp, text)) == [("the county rules broke the law", "indirect", None)]


def test_poll_share_saying_is_no_indirect_quote(nlp) -> None:
    assert quotes(nlp, "About 51 percent of voters said they would back the levy.") == []
