"""DATE boundaries and named days (entity_dates), and credit lines (entity_credits).

spaCy docs are built with a blank tokenizer and hand-set entities and parts of speech,
so each rule is tested on its own, whatever the statistical model would predict.
"""

from __future__ import annotations

import pytest
from entity_docs import entity_doc, found_entities

from goldsmith.annotate.rules.entities import find_entities
from goldsmith.annotate.rules.entity_credits import credit_lines


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        # a leading "the" goes ...
        ("It grew over the past week.", [("the past week", "DATE")], ["past week"]),
        ("The 18th century saw it.", [("The 18th century", "DATE")], ["18th century"]),
        ("Rain fell over the weekend.", [("the weekend", "DATE")], ["weekend"]),
        # ... but not from "the X of Y" or an idiom
        ("It ends by the end of the year.", [("the end of the year", "DATE")], None),
        ("It starts the start of May.", [("the start of May", "DATE")], None),
        ("I saw him the other day.", [("the other day", "DATE")], None),
        # modifiers stay inside
        ("It lasted just 11 days.", [("just 11 days", "DATE")], None),
        ("It was restored only last year.", [("only last year", "DATE")], ["last year"]),
        # "late"/"early" before a weekday is a time of day: out; before a month: in
        ("They voted late Tuesday.", [("late Tuesday", "DATE")], ["Tuesday"]),
        ("They voted early Friday.", [("early Friday", "DATE")], ["Friday"]),
        ("They voted in late April.", [("late April", "DATE")], None),
        # a "before ..." tail naming no time goes
        (
            "She left a few weeks before her second race.",
            [("a few weeks before her second", "DATE")],
            ["a few weeks"],
        ),
        ("She left two days before Christmas.", [("two days before Christmas", "DATE")], None),
        # ages, recurring words, vague amounts of time and fractions are no DATE
        ("Her 12-year-old son sang.", [("12-year-old", "DATE")], []),
        ("Those 20 to 30 years old agree.", [("20 to 30 years old", "DATE")], []),
        ("Visas are issued annually.", [("annually", "DATE")], []),
        ("The daily briefing ran.", [("daily", "DATE")], []),
        ("He has argued for years that it works.", [("years", "DATE")], []),
        ("Over the years it changed.", [("the years", "DATE")], []),
        ("In those days it rained.", [("those days", "DATE")], []),
        ("He may in some years.", [("some years", "DATE")], []),
        ("Only a quarter of the board voted.", [("a quarter", "DATE")], []),
        ("It fell in the first quarter.", [("the first quarter", "DATE")], ["first quarter"]),
        ("It happened years ago.", [("years ago", "DATE")], None),
        ("It rained in recent days.", [("recent days", "DATE")], None),
        ("That same day she left.", [("That same day", "DATE")], None),
        # numbers after "ages" are ages, a rate is no date, nor a numbered season
        ("Pupils ages 5 to 12 may enter.", [("ages 5 to 12", "DATE")], []),
        ("A tutor costs more per year than a car.", [("more per year", "DATE")], []),
        ("A teaser for season two came out.", [("season two", "DATE")], []),
        # "this"/"last" left out by spaCy before a lone unit is taken in
        ("It came up during this year's vote.", [("year", "DATE")], ["this year"]),
        ("The fee rose last month for all.", [("month", "DATE")], ["last month"]),
        # a weekday ends at its possessive; "the year's end" stays
        ("Friday’s Evening Digest ran.", [("Friday’s Evening Digest", "DATE")], ["Friday"]),
        ("It fell by the year's end.", [("the year's end", "DATE")], ["year's end"]),
    ],
)
def test_date_bounds(text, spacy_ents, expected):
    if expected is None:
        expected = [surface for surface, _ in spacy_ents]
    assert found_entities(entity_doc(text, spacy_ents)) == [
        (surface, "DATE") for surface in expected
    ]


def test_nouns_and_pronouns_glued_before_a_date_go():
    doc = entity_doc(
        "He won an election six years ago.",
        [("an election six years ago", "DATE")],
        pos={"an": "DET", "election": "NOUN", "six": "NUM"},
    )
    assert found_entities(doc) == [("six years ago", "DATE")]
    doc = entity_doc(
        "He chose it himself years ago.",
        [("himself years ago", "DATE")],
        pos={"himself": "PRON", "years": "NOUN"},
    )
    assert found_entities(doc) == [("years ago", "DATE")]


def test_a_noun_glued_before_last_or_next_goes():
    doc = entity_doc(
        "In a Harbor Times column last week, Jo Ulm wrote it.",
        [("column last week", "DATE")],
        pos={"column": "NOUN", "last": "ADJ", "week": "NOUN"},
    )
    assert found_entities(doc) == [("last week", "DATE")]


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        ("Guards rose to 70, up from 40 last year.", [("40 last year", "DATE")], "last year"),
        ("I rank Poe third this week.", [("third this week", "DATE")], "this week"),
        ("She won in both 1996 and 2004.", [("both 1996", "DATE")], "1996"),
        # a count of time units is the date itself
        ("It took 40 days last year.", [("40 days", "DATE")], "40 days"),
        ("Two years ago it fell.", [("Two years ago", "DATE")], "Two years ago"),
    ],
)
def test_a_count_or_rank_before_an_anchored_date_or_a_year_goes(text, spacy_ents, expected):
    assert found_entities(entity_doc(text, spacy_ents)) == [(expected, "DATE")]


def test_a_compound_noun_before_a_time_word_stays():
    doc = entity_doc(
        "Fees rose this school year.",
        [("this school year", "DATE")],
        pos={"this": "DET", "school": "NOUN", "year": "NOUN"},
    )
    assert found_entities(doc) == [("this school year", "DATE")]


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        (
            "Talks ran into the early hours of Sunday.",
            [("the early hours of Sunday", "TIME")],
            [("Sunday", "DATE")],
        ),
        (
            "You said earlier today that it was fine.",
            [("earlier today", "TIME")],
            [("earlier today", "DATE")],
        ),
        ("They met that evening.", [("that evening", "TIME")], []),
        ("It opened at 0200 GMT.", [("0200 GMT", "TIME")], []),
    ],
)
def test_a_time_gives_only_its_date(text, spacy_ents, expected):
    assert found_entities(entity_doc(text, spacy_ents)) == expected


@pytest.mark.parametrize(
    ("text", "spacy_ents", "expected"),
    [
        (
            "She was born on Valentine's Day.",
            [("Valentine", "PERSON")],
            [("Valentine's Day", "DATE")],
        ),
        ("It opened on St. Patrick’s Day.", [], [("St. Patrick’s Day", "DATE")]),
        ("After the Bastille Day parade.", [("Bastille Day", "LOC")], [("Bastille Day", "DATE")]),
        ("Polls close on Election Day.", [], [("Election Day", "DATE")]),
        # a surname "Day" is no holiday
        ("Doris Day sang.", [("Doris Day", "PERSON")], [("Doris Day", "PERSON")]),
    ],
)
def test_named_days_are_one_date(text, spacy_ents, expected):
    assert found_entities(entity_doc(text, spacy_ents)) == expected


_PAGE = (
    "Mayor opens bridge / Day two\n"
    "\n"
    "The mayor of Tolvik opened the bridge on Monday.\n"
    "\n"
    "Ann Berg via Nordic Images.\n"
    "\n"
    "Per Lund / Reuters.\n"
    "\n"
    "The Tolvik/Nordby line reopened, Ann Berg said.\n"
    "\n"
    "(Additional reporting by Ola Moe in Oslo; Writing by Kari Dal; Editing by Eva Li)\n"
    "Contributing: Ola Moe and Kari Dal.\n"
    "Editor’s note: Ann Berg is a member of the board.\n"
    "Photo by Per Lund for The Tolvik Post"
)


def test_credit_lines_are_found_and_captions_are_not():
    lines = [_PAGE[a:b] for a, b in credit_lines(_PAGE)]
    assert lines == [
        "Ann Berg via Nordic Images.",
        "Per Lund / Reuters.",
        "(Additional reporting by Ola Moe in Oslo; Writing by Kari Dal; Editing by Eva Li)",
        "Contributing: Ola Moe and Kari Dal.",
        "Editor’s note: Ann Berg is a member of the board.",
        "Photo by Per Lund for The Tolvik Post",
    ]


def test_a_short_line_ending_in_an_email_address_is_a_credit_line():
    text = (
        "Rain fell on Harlow.\nSend tips and photos to Ann Berg ann.berg@tolvikpost.com.\n"
        "Ann Berg wrote to board@tolvik.org in May, and the board answered her at length "
        "after its meeting in Harlow a week later, said Per Lund per@x.com"
    )
    assert [text[a:b] for a, b in credit_lines(text)] == [
        "Send tips and photos to Ann Berg ann.berg@tolvikpost.com."
    ]


def test_no_entity_on_a_credit_line():
    names = [
        ("Tolvik", "GPE"),
        ("Monday", "DATE"),
        ("Ann Berg", "PERSON"),
        ("Nordic Images", "ORG"),
    ]
    names += [
        ("Per Lund", "PERSON"),
        ("Reuters", "ORG"),
        ("Ann Berg", "PERSON"),
        ("Ola Moe", "PERSON"),
    ]
    found = found_entities(entity_doc(_PAGE, names))
    assert found == [("Tolvik", "GPE"), ("Monday", "DATE"), ("Ann Berg", "PERSON")]
    assert find_entities(entity_doc(_PAGE, names))[2].start == _PAGE.index("Ann Berg said")


def test_sign_offs_page_links_and_a_closing_biography_are_credit_lines():
    text = (
        "Dam opens on the Tolvik\n"
        "\n"
        "Ola Moe reported from Tolvik that night, and the dam held.\n"
        "Berg reported from Harlow. Nordic Wire writer Ann Lund contributed from Oslo.\n"
        "Dal reported from Oslo; Moe, from Bergen.\n"
        "Acme reported that night the dam held.\n"
        "On Chirper follow Ann Lund https://chirper.example/alund.\n"
        "Follow Nordic Wire reporter and Tolvik River School founder Per Lund on Chirper"
        " at @plund.\n"
        "Do you back Ola Moe? Like the page:\n"
        "Kari Dal, a Harlow law professor, is a member of the Tolvik Post's board.\n"
    )
    assert [text[a:b] for a, b in credit_lines(text)] == [
        "Berg reported from Harlow. Nordic Wire writer Ann Lund contributed from Oslo.",
        "Dal reported from Oslo; Moe, from Bergen.",
        "On Chirper follow Ann Lund https://chirper.example/alund.",
        "Follow Nordic Wire reporter and Tolvik River School founder Per Lund on Chirper"
        " at @plund.",
        "Do you back Ola Moe? Like the page:",
        "Kari Dal, a Harlow law professor, is a member of the Tolvik Post's board.",
    ]


def test_a_closing_line_that_reports_speech_is_no_biography():
    for last in (
        "Kari Dal, a Harlow law professor, said the dam is safe.",
        'Kari Dal is sure: "The dam holds."',
        "The dam is safe, Kari Dal is sure.",
    ):
        assert credit_lines("Dam opens\n\nIt rained.\n" + last) == []
