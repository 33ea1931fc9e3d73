"""Reported clauses the parser does not hang on their speech verb as a complement.

Two forms of indirect speech (ANNOTATION_SPEC.md 2, ``indirect``: the reported clause
only) that :mod:`goldsmith.annotate.rules.reported_speech` reads from these rules when the
verb has no clausal complement:

- **a content clause misparsed as a relative clause**: "Ortiz alleged in the suit that
  Hale earned $2 million" is parsed with "that Hale earned …" as a relative clause of
  "suit". It is the verb's content clause when "that" opens it right after the noun,
  plays no part in it (not its subject or object: "the hall that the council rented" is
  a real relative clause) and the clause has a subject of its own, and the preposition
  gives the place or medium of the speech ("in", "at", "during", "on", "before"; not
  "because of concerns that …", the noun's own content);
- **a closing attribution with no complement**: "Port records must be made public,
  federal judge rules." (a sentence-case headline), "Fares unlikely to fall, analysts
  say." The sentence before the comma that sets off the attribution is reported when
  the attribution closes the sentence (its subject right after the comma, nothing after
  the verb but adverbials, a time and punctuation: not "their smiles said a lot") and
  that part holds a verb and is not a subordinate clause of the verb ("Though they
  speak no English, …").

A complement that opens with a relative pronoun right after a noun is no report: in
"“…,” he said of people whose rights were restored" the parser makes "whose … restored"
a complement of "said" (:func:`is_relative_clause`).

Example:
    >>> misparsed_content_clauses(alleged_token)            # doctest: +SKIP
    [earned]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Roles "that" plays inside a real relative clause: "the hall that the council rented".
_RELATIVE_ROLES = frozenset("nsubj nsubjpass dobj dative attr".split())
#: Dependents a closing attribution's verb may have after it: "…, analysts say on Monday."
_CLOSING_DEPS = frozenset("prep advmod punct agent".split())
#: Prepositions of the place or medium of speech, between a verb and its content clause:
#: "alleged in the suit that …" (not "because of concerns that …", the noun's content).
_MEDIUM_PREPOSITIONS = frozenset("in at during on before".split())
#: Words before "as" that make it a conjunction of time: "even as he said …".
_AS_TIME = frozenset("even just".split())


def misparsed_content_clauses(verb: Token) -> list[Token]:
    """Verbs of "that" clauses hung on the object of ``verb``'s preposition ("alleged in
    the suit that …") that are its content clauses (see module rules)."""
    found = []
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i or prep.lower_ not in _MEDIUM_PREPOSITIONS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            for clause in noun.children:
                if _is_content_clause(noun, clause):
                    found.append(clause)
    return found


def _is_content_clause(noun: Token, clause: Token) -> bool:
    if clause.dep_ != "relcl" or clause.pos_ not in ("VERB", "AUX"):
        return False
    that = clause.left_edge
    if that.lower_ != "that" or that.i != noun.i + 1 or that.dep_ in _RELATIVE_ROLES:
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children)


def closing_attribution_part(verb: Token) -> tuple[int, int] | None:
    """Token range of the part of ``verb``'s sentence before a closing attribution
    ("Fares unlikely to fall, analysts say."), or ``None`` when the form does not hold
    (see module rules)."""
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.left_edge.i < 1 or doc[subject.left_edge.i - 1].text != ",":
        return None
    if any(
        c.i > verb.i
        and c.dep_ not in _CLOSING_DEPS
        and not (c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME"))
        for c in verb.children
    ):
        return None
    if any(
        c.i < verb.i and c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children)
        for c in verb.children
    ):
        return None  # "Though they speak no English, their smiles said a lot."
    sentence = verb.sent
    if verb.right_edge.i < sentence.end - 1 and any(
        not (t.is_punct or t.is_space) for t in doc[verb.right_edge.i + 1 : sentence.end]
    ):
        return None
    left, right = sentence.start, subject.left_edge.i - 2
    breaks = [t.i for t in doc[left : right + 1] if t.text in (":", ";")]
    left = breaks[-1] + 1 if breaks else left
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[left : right + 1]):
        return None
    return left, right


def is_relative_clause(clause: Token) -> bool:
    """Whether a clause parsed as a complement opens with a relative pronoun after a noun
    ("said of people whose rights were restored"): it describes the noun."""
    first = clause.left_edge
    if first.i == 0:
        return False
    before = clause.doc[first.i - 1]
    return before.pos_ in ("NOUN", "PROPN") and (
        first.tag_ == "WP$" or first.lower_ in ("who", "whom", "which")
    )


def as_attribution_head(verb: Token) -> Token | None:
    """The verb of the sentence that an "as" attribution reports ("As the Gazette
    reported, the board was refusing …", "The captain -- as the union noted -- praised
    the mayor", "…, as Ruiz said"): ``verb`` is an adverbial clause opened by "as" with
    no complement of its own; the report is the nearest verb above it, less the
    attribution (``None`` when the form does not hold)."""
    if verb.dep_ != "advcl" or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None  # "as she claims to want": she reports a wish, not this sentence
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"), None)
    if mark is None or (mark.i > 0 and verb.doc[mark.i - 1].lower_ in _AS_TIME):
        return None  # "even as he said …": while, not an attribution
    if not any(c.dep_ in ("nsubj", "agent") for c in verb.children):
        return None  # "as promised", "as written": no source
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT":
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != verb.i else None
