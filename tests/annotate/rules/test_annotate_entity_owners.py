"""A person's name after an owner's possessive is two entities (entity_owners)."""

from __future__ import annotations

from entity_docs import entity_doc, found_entities


def test_an_outlet_and_a_person_after_its_possessive_are_two_entities():
    doc = entity_doc(
        "As Ledgerline’s Nora Quill noted, it held.", [("Ledgerline’s Nora Quill", "PERSON")]
    )
    assert found_entities(doc) == [("Ledgerline", "ORG"), ("Nora Quill", "PERSON")]


def test_the_owner_keeps_the_label_the_document_gives_it_and_a_surname_splits():
    doc = entity_doc(
        "Mayor Ada Brisk of Tolvik spoke. Tolvik’s Brisk left.",
        [("Ada Brisk", "PERSON"), ("Tolvik", "GPE"), ("Tolvik’s Brisk", "ORG")],
    )
    assert found_entities(doc)[-2:] == [("Tolvik", "GPE"), ("Brisk", "PERSON")]


def test_an_organisation_after_a_possessive_stays_whole():
    doc = entity_doc(
        "He backed Tolvik’s Harbor Rowing Club now.", [("Tolvik’s Harbor Rowing Club", "ORG")]
    )
    assert found_entities(doc) == [("Tolvik’s Harbor Rowing Club", "ORG")]
    doc = entity_doc("The Tolvik Men’s National Team won.", [("Tolvik Men’s National Team", "ORG")])
    assert found_entities(doc) == [("Tolvik Men’s National Team", "ORG")]
    # one word that names no person of the document stays too
    doc = entity_doc("They met at Tolvik’s Marina today.", [("Tolvik’s Marina", "ORG")])
    assert found_entities(doc) == [("Tolvik’s Marina", "ORG")]
