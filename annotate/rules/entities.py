"""Entity pre-annotation: spaCy NER mapped to the spec's labels and boundary rules.

The rules (ANNOTATION_SPEC.md, section 1), applied to each spaCy entity in turn:

- only ``PERSON NORP FAC ORG GPE LOC EVENT DATE`` are kept; other spaCy labels
  (CARDINAL, MONEY, PERCENT, WORK_OF_ART ...) are dropped, but for the DATE in a
  TIME ("the early hours of Thursday" -> DATE "Thursday");
- an entity never runs over a line break (the part before the first one is kept);
- punctuation tokens at either edge are trimmed ("Russia." -> "Russia");
- a trailing possessive is trimmed: "North Korea's" / "North Korea’s" -> "North Korea";
- names lose a leading "the"/"The" ("the Pentagon" -> "Pentagon", but "The Hague"),
  leading lower-case words ("eastern Russia" -> "Russia") and trailing lower-case
  words ("Atacama region" -> "Atacama"); a name left without a capital is dropped;
- DATE boundaries follow :mod:`goldsmith.annotate.rules.entity_dates` ("over the past
  week" -> "past week", "the end of the year" kept, ages and "daily" dropped);
- nothing is found on a credit line (:mod:`goldsmith.annotate.rules.entity_credits`:
  "Jane Roe via Acme Images.", "Contributing: ...");
- a name never runs over a possessive inside it: a PERSON followed there by fewer than
  two capitalised words, or an ORG followed there by a number, ends before it ("Roe’s
  Ohio director" PERSON "Roe’s Ohio" -> "Roe", "Roe’s 2012 campaign" ORG -> "Roe"), so
  that "Ohio" never becomes a word of a person's name for the document rules;
- a PERSON loses leading titles and roles: "Defense Secretary Lloyd Austin" ->
  "Lloyd Austin", "Gen. Mark Milley" -> "Mark Milley", "Senators Al Poe" -> "Al Poe",
  "AG Al Poe" -> "Al Poe", descriptions ("Billionaire Al Poe" -> "Al Poe") and a
  capitalised function word ("Without Al Poe", "Wherever Al Poe" -> "Al Poe"); a first
  name spaCy left out ("Lloyd" of "Lloyd J. Austin III") is taken in; a name right after
  a personal title ("Premier Marcus Dole") is a PERSON whatever spaCy said (these rules are in
  :mod:`goldsmith.annotate.rules.entity_persons`);
- a name made only of department words of a title ("Defense" in "Defense Secretary"
  or "Secretary of Defense") is not an entity;
- metonymic government bodies ("Pentagon", "White House", "Kremlin") are ORG;
- organisation names: boundaries, missed mentions and names that are no entity
  (:mod:`goldsmith.annotate.rules.entity_orgs`: "OSLO (Acme) —" ORG "Acme", "a
  Acme/Ledger poll", "the DOJ", no entity for "... Act" or "Roe v. Wade");
- labels and name ends by how a name is built
  (:mod:`goldsmith.annotate.rules.entity_labels`: "... National Convention" EVENT,
  "Wells Fargo Center" FAC, "Acme" + "News" -> ORG "Acme News");
- the words an organisation's name runs on with
  (:mod:`goldsmith.annotate.rules.entity_org_tails`: "Tolvik Rowing Club of Marlow",
  "Court of Appeals for the Ninth Circuit", "Republican" + "National Committee" -> one
  ORG, ORG "Democratic party");
- organisation names told by their own form
  (:mod:`goldsmith.annotate.rules.entity_org_shapes`: no "Crowds" ORG at a sentence
  start, "F.B.I." ORG, "host Dale Brant" PERSON) and by the words around them
  (:mod:`goldsmith.annotate.rules.entity_org_context`: "the gossip site Zinger",
  "Bluebird followers", "told Zinger", "Harbor Freight Committee Chair Mara Quist",
  one label for every mention of an ORG name);
- a person's name after an owner's possessive is two entities
  (:mod:`goldsmith.annotate.rules.entity_owners`: "Acme’s Jane Roe" -> ORG "Acme",
  PERSON "Jane Roe");
- names of a title-case headline are re-found from the story under it
  (:mod:`goldsmith.annotate.rules.entity_headlines`);
- names inside hyphenated words (:mod:`goldsmith.annotate.rules.entity_compounds`:
  "anti-Roe" -> PERSON "Roe", nothing in "Roe-isms");
- US states written short are GPE (:mod:`goldsmith.annotate.rules.entity_states`:
  "Sen. Jane Roe (D-Ore.)" -> GPE "Ore.");
- then the document-level rules of :mod:`goldsmith.annotate.rules.entity_mentions`
  (datelines, one label per person, missed metonyms, capitalised common nouns);
- one label per person once more, for the persons the ORG rules found ("Jo O’Hara,
  chief strategist" makes a later "O’Hara said" a PERSON);
- one label per place (:mod:`goldsmith.annotate.rules.entity_places`: a name the
  document mostly calls a GPE is a GPE everywhere, "the Harlow attack"; "the Harlow
  caucuses" is one EVENT);
- one label per acronym the document defines
  (:mod:`goldsmith.annotate.rules.entity_acronyms`: "FRB (Federal Rescue Bureau)"
  makes every "FRB" an ORG);
- groups of people (:mod:`goldsmith.annotate.rules.entity_groups`: "Mexican American"
  NORP, religions, "tea party", "Nurses for Clean Air" ORG);
- the marks around a name (:mod:`goldsmith.annotate.rules.entity_org_marks`: "told
  The Daily Ledger", "Chirper.com", "Factcheckr (which ...", no ORG "COULD", no
  entity for a quoted title);
- an opening word of a sentence is cut from a name the document writes without it
  (:mod:`goldsmith.annotate.rules.entity_openers`: "Internal Acme University records"
  -> ORG "Acme University" when "Acme University" is named again);
- a learned label corrector, when one is given
  (:mod:`goldsmith.annotate.rules.entity_ranker`; none by default: it showed no gain in
  cross-validation).

spaCy's small pipelines have no calibrated NER confidence, so ``score`` is ``None``.

Example:
    >>> from goldsmith.annotate.model import load_model     # doctest: +SKIP
    >>> doc = load_model()("The Pentagon said North Korea's troops moved.")  # doctest: +SKIP
    >>> [(e.text, e.label) for e in find_entities(doc)]     # doctest: +SKIP
    [('Pentagon', 'ORG'), ('North Korea', 'GPE')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.entity_acronyms import with_defined_acronyms
from goldsmith.annotate.rules.entity_compounds import hyphenated_names
from goldsmith.annotate.rules.entity_credits import credit_lines
from goldsmith.annotate.rules.entity_dates import date_bounds, date_in_time, with_holidays
from goldsmith.annotate.rules.entity_groups import group_names
from goldsmith.annotate.rules.entity_headlines import headline_names
from goldsmith.annotate.rules.entity_labels import relabel
from goldsmith.annotate.rules.entity_mentions import (
    METONYMS,
    complete_mentions,
    same_people,
)
from goldsmith.annotate.rules.entity_openers import sentence_openers
from goldsmith.annotate.rules.entity_org_context import org_context
from goldsmith.annotate.rules.entity_org_marks import org_marks
from goldsmith.annotate.rules.entity_org_shapes import org_shapes
from goldsmith.annotate.rules.entity_org_tails import org_tails
from goldsmith.annotate.rules.entity_orgs import repair_orgs
from goldsmith.annotate.rules.entity_owners import owner_names
from goldsmith.annotate.rules.entity_persons import (
    PARTICLES,
    PERSON_DESCRIPTORS,
    after_personal_title,
    extend_name_left,
    is_person_prefix,
    is_role_prefix,
    is_title,
)
from goldsmith.annotate.rules.entity_places import same_places, with_caucuses
from goldsmith.annotate.rules.entity_states import with_party_states
from goldsmith.annotate.rules.spans import overlaps_any
from goldsmith.labels.records import Entity
from goldsmith.labels.schema import ENTITY_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from goldsmith.annotate.rules.entity_ranker import EntityCorrector

_KEEP = frozenset(ENTITY_LABELS)

#: Leading "The" kept in these names.
_THE_NAMES = frozenset({"The Hague", "The Gambia", "The Bahamas"})

#: Possessive endings, also with the opening quotation mark typed for the apostrophe.
_POSSESSIVES = ("'s", "’s", "‘s", "'S", "’S", "‘S")
_TRAILING_CHARS = "'’\",;:!?)]}”»"


def find_entities(doc: Doc, corrector: EntityCorrector | None = None) -> list[Entity]:
    """The spec entities of a parsed spaCy ``doc``, sorted by (start, end); a learned label
    ``corrector`` (none by default) has the last word on each label."""
    text = doc.text  # spaCy joins the tokens on every access: read it once
    credits = credit_lines(text)
    found: list[Entity] = []
    for ent in doc.ents:
        entity = _convert(ent, text)
        if entity is not None and not overlaps_any(entity.start, entity.end, credits):
            found.append(entity)
    found = headline_names(text, found)
    found = complete_mentions(doc, found, text)
    found = repair_orgs(doc, found, text)
    found = org_tails(doc, relabel(doc, found, text), text)
    found = owner_names(org_context(doc, org_shapes(doc, found, text), text))
    found = hyphenated_names(text, found)
    found = with_holidays(text, found)
    found = with_party_states(text, found)
    found = same_people(doc, found, text)
    found = with_caucuses(same_places(found, text, doc), text)
    found = with_defined_acronyms(text, found)
    found = group_names(text, found, doc)
    found = org_marks(text, found)
    found = sentence_openers(text, found)
    # rules that add names from the text (outlets, acronyms) skip no line: filter again
    found = [e for e in found if not overlaps_any(e.start, e.end, credits)]
    found.sort(key=lambda e: (e.start, e.end, e.label))
    if corrector is not None and found:
        found = corrector.correct(doc, found)
    return found


def _convert(ent: Span, text: str) -> Entity | None:
    label = ent.label_
    if label not in _KEEP and label != "TIME":
        return None
    doc = ent.doc
    start, end = ent.start, _cut_at_line_break(doc, ent.start, ent.end)
    while start < end and _is_edge_punct(doc[start]):
        start += 1
    while start < end and (_is_edge_punct(doc[end - 1]) or doc[end - 1].text in _POSSESSIVES):
        end -= 1
    if label == "TIME":
        bounds = date_in_time(doc, start, end) if start < end else None
        if bounds is None:
            return None
        start, end = bounds
        label = "DATE"
    elif label == "DATE":
        bounds = date_bounds(doc, start, end)
        if bounds is None:
            return None
        start, end = bounds
    else:
        start = _strip_leading(doc, start, end, label)
        end = _before_possessive(doc, start, end, label)
        end = _strip_trailing(doc, start, end, label)
        if label != "PERSON" and after_personal_title(doc, start, end):
            label = "PERSON"
            start = _strip_leading(doc, start, end, label)
        if label == "PERSON":
            start = extend_name_left(doc, start)
        elif is_role_prefix(doc, start, end):
            return None
        if not any(
            doc[i].text[:1].isupper() or doc[i].text[:1].isdigit() for i in range(start, end)
        ):
            return None
    if start >= end:
        return None
    begin = doc[start].idx
    stop = doc[end - 1].idx + len(doc[end - 1].text)
    begin, stop = _trim_chars(text, begin, stop)
    if begin >= stop:
        return None
    surface = text[begin:stop]
    if surface in METONYMS:
        label = "ORG"
    return Entity(start=begin, end=stop, text=surface, label=label, score=None)


def _cut_at_line_break(doc: Doc, start: int, end: int) -> int:
    """An entity never runs over a line break: keep the part before the first one."""
    for i in range(start, end):
        if "\n" in doc[i].text or (i > start and "\n" in doc[i - 1].whitespace_):
            return i
    return end


def _before_possessive(doc: Doc, start: int, end: int, label: str) -> int:
    """Cut a name at a possessive inside it (module rule): "Roe’s Ohio" -> "Roe"; a
    person's possessive before a longer name ("Acme’s Jane Roe") is left to the ORG rules."""
    for i in range(start + 1, end - 1):
        if doc[i].text not in _POSSESSIVES:
            continue
        rest = [doc[j].text for j in range(i + 1, end)]
        if label == "PERSON" and not (len(rest) >= 2 and all(w[:1].isupper() for w in rest)):
            return i
        if label == "ORG" and all(w.isdigit() for w in rest):
            return i
        return end
    return end


def _strip_trailing(doc: Doc, start: int, end: int, label: str) -> int:
    """Drop trailing lower-case words of a name: "Atacama region" -> "Atacama", and a
    description after a person's name: "Jane Roe Challenger" -> "Jane Roe"."""
    while end - 1 > start:
        token = doc[end - 1]
        word = token.text
        if label == "PERSON" and token.lower_ in PERSON_DESCRIPTORS:
            end -= 1
            continue
        if not (word.isalpha() and word.islower() and doc[end - 2].whitespace_):
            break
        if label == "PERSON" and word in PARTICLES:
            break
        end -= 1
    return end


def _is_edge_punct(token: Token) -> bool:
    return token.is_punct or token.is_space


def _strip_leading(doc: Doc, start: int, end: int, label: str) -> int:
    """Skip leading articles, lower-case words and (for PERSON) titles; keep one token."""
    while start < end - 1:
        token = doc[start]
        word = token.text
        lower = word.lower()
        if lower == "the":
            if doc[start:end].text in _THE_NAMES:
                break
        elif label == "PERSON" and is_person_prefix(token):
            pass
        elif label == "PERSON" and lower == "of" and start > 0 and is_title(doc[start - 1]):
            pass
        elif not (word.isalpha() and word.islower() and token.whitespace_):
            break
        elif lower in PARTICLES and label == "PERSON":
            break
        start += 1
    return start


def _trim_chars(text: str, begin: int, stop: int) -> tuple[int, int]:
    """Trim a possessive or closing punctuation left inside a token at the end."""
    changed = True
    while changed and begin < stop:
        changed = False
        for suffix in _POSSESSIVES:
            if text.endswith(suffix, begin, stop) and stop - begin > len(suffix):
                stop -= len(suffix)
                changed = True
        while begin < stop and text[stop - 1] in _TRAILING_CHARS:
            stop -= 1
            changed = True
    while begin < stop and text[begin] in "'’\"“«([{":
        begin += 1
    while begin < stop and text[begin].isspace():
        begin += 1
    while begin < stop and text[stop - 1].isspace():
        stop -= 1
    return begin, stop
