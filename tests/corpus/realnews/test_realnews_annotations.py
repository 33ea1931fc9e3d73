"""The annotator-file converter: strings and occurrences to offsets, every problem reported."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from goldsmith.corpus.realnews.annotations import convert, locate, occurrences

TEXT = (
    "Mayor Ruth Okafor said the harbour would reopen.\n"
    "“We are ready,” Okafor said, adding that 1,200 workers were back. "
    "Okafor's deputy praised Okaforism."
)


def test_entities_by_occurrence_and_all():
    data = {"entities": [["Ruth Okafor", None, "PERSON"], ["Okafor", "*", "PERSON"]]}
    result = convert(TEXT, data)
    assert result.problems == ()
    spans = [(e.text, e.start) for e in result.doc.entities]
    # "*" fills the occurrences not covered by the longer entity, never inside "Okaforism"
    assert spans == [
        ("Ruth Okafor", 6),
        ("Okafor", TEXT.index("Okafor said,")),
        ("Okafor", TEXT.index("Okafor's")),
    ]
    for ent in result.doc.entities:
        assert TEXT[ent.start : ent.end] == ent.text


def test_repeated_string_needs_an_occurrence():
    result = convert(TEXT, {"entities": [["Okafor", None, "PERSON"]]})
    assert result.problems == (
        "entities[0] PERSON: 'Okafor' occurs 3 times; give an occurrence index 0-2",
    )
    assert result.doc.entities == ()


def test_not_found_and_out_of_range_occurrence():
    result = convert(TEXT, {"entities": [["Lagos", None, "GPE"], ["Okafor", 5, "PERSON"]]})
    assert "entities[0] GPE: 'Lagos' not found" in result.problems
    assert "entities[1] PERSON: 'Okafor' has only 3 occurrence(s), not #5" in result.problems


def test_overlapping_entities_are_refused():
    data = {"entities": [["Ruth Okafor", None, "PERSON"], ["Mayor Ruth", None, "PERSON"]]}
    result = convert(TEXT, data)
    assert len(result.problems) == 1 and "overlaps 'Ruth Okafor'" in result.problems[0]


def test_a_star_entity_may_not_swallow_a_shorter_explicit_one():
    # "Harbour Board" is given by "*", but its one occurrence holds an explicit "Harbour"
    # placed first: the longer name would have been dropped without a word
    text = "The Harbour Board met on Tuesday. Harbour officials said little."
    data = {"entities": [["Harbour", 0, "ORG"], ["Harbour Board", "*", "ORG"]]}
    result = convert(text, data)
    assert [e.text for e in result.doc.entities] == ["Harbour"]
    assert len(result.problems) == 1
    assert "'Harbour Board' at 4 (from \"*\") overlaps 'Harbour' at 4" in result.problems[0]
    # a "*" occurrence inside a longer explicit entity is still skipped silently
    data = {"entities": [["Harbour Board", None, "ORG"], ["Harbour", "*", "ORG"]]}
    result = convert(text, data)
    assert result.problems == ()
    assert [e.text for e in result.doc.entities] == ["Harbour Board", "Harbour"]


def test_quote_with_named_speaker_and_source():
    data = {
        "entities": [["Okafor", 1, "PERSON"]],
        "quotes": [
            ["We are ready,", None, "direct", "Okafor", 1, "PERSON"],
            ["We are ready", None, "direct", "Okafor", 1, "PERSON"],
            ["1,200 workers were back", None, "indirect", "deputy", None, "SOURCE"],
        ],
    }
    result = convert(TEXT, data)
    assert result.problems == (
        "quotes[0]: 'We are ready,'… has a quotation mark or comma at its edge",
    )
    direct = [q for q in result.doc.quotes if q.text == "We are ready"][0]
    assert (direct.speaker.start, direct.speaker.label) == (TEXT.index("Okafor said,"), "PERSON")


def test_a_final_apostrophe_of_elision_is_not_a_quotation_mark():
    text = "He mocked “Lyin’ Ned” and ‘sleepin’’ Sue, and wrote 'nothin' to fear'."
    ok = convert(text, {"quotes": [["Lyin’", None, "partial", None, None, None]]})
    assert ok.problems == ()
    # after an opening single mark the final ’ closes the quotation: still refused
    bad = convert(text, {"quotes": [["sleepin’", None, "partial", None, None, None]]})
    assert bad.problems == ("quotes[0]: 'sleepin’'… has a quotation mark or comma at its edge",)
    # a mark that follows no letter is refused as before
    bad = convert(text, {"quotes": [["Ned”", None, "partial", None, None, None]]})
    assert len(bad.problems) == 1 and "at its edge" in bad.problems[0]


def test_named_speaker_must_be_an_entity():
    data = {"quotes": [["We are ready", None, "direct", "Okafor", 1, "PERSON"]]}
    result = convert(TEXT, data)
    assert len(result.problems) == 1 and "is not an entity" in result.problems[0]


def test_claims_units_ranges_and_the_spec_validator():
    data = {
        "claims": [
            ["1,200 workers", None, 1200, "Worker", "exact"],
            {
                "surface": "1,200",
                "occ": None,
                "value": 1200,
                "unit": "worker",
                "qualifier": "range",
            },
        ],
        "entities": [["Ruth Okafor", None, "PER"]],
    }
    result = convert(TEXT, data)
    assert "claims[0]: unit 'Worker' must be a non-empty lower-case lemma" in result.problems
    # goldsmith.labels.validate runs on the built document
    assert any("unknown label 'PER'" in p for p in result.problems)
    assert any("value_high" in p for p in result.problems)


def test_malformed_entries_are_reported_not_raised():
    result = convert(TEXT, {"entities": [["Okafor"]], "quotes": "none", "claims": [{"x": 1}]})
    assert any(p.startswith("entities[0]: expected a list") for p in result.problems)
    assert "quotes must be a list" in result.problems
    assert any(p.startswith("claims[0]: unknown field(s) ['x']") for p in result.problems)


def test_a_clean_file_has_no_problems_and_keeps_meta():
    data = {
        "entities": [["Ruth Okafor", None, "PERSON"]],
        "claims": [["1,200 workers", None, 1200, "worker", "exact"]],
    }
    result = convert(TEXT, data, {"article_id": "x"})
    assert result.problems == ()
    assert result.doc.meta == {"article_id": "x"}
    assert result.doc.claims[0].text == "1,200 workers"


@given(st.text(alphabet="ab .", min_size=1, max_size=30), st.data())
def test_every_located_occurrence_selects_the_string(text, data):
    sub = data.draw(st.text(alphabet="ab .", min_size=1, max_size=4))
    found = occurrences(text, sub)
    for k, start in enumerate(found):
        assert locate(text, sub, k) == (start, start + len(sub))
        assert text[start : start + len(sub)] == sub
