"""Entity pre-annotation: spaCy NER mapped to the spec's labels and boundary rules.

The rules (ANNOTATION_SPEC.md, section 1), applied to each spaCy entity in turn:

- only ``PERSON NORP FAC ORG GPE LOC EVENT DATE`` are kept; other spaCy labels
  (CARDINAL, MONEY, PERCENT, WORK_OF_ART ...) are dropped;
- an entity never runs over a line break (the part before the first one is kept);
- punctuation tokens at either edge are trimmed ("Russia." -> "Russia");
- a trailing possessive is trimmed: "North Korea's" / "North Korea’s" -> "North Korea";
- names lose a leading "the"/"The" ("the Pentagon" -> "Pentagon", but "The Hague"),
  leading lower-case words ("eastern Russia" -> "Russia") and trailing lower-case
  words ("Atacama region" -> "Atacama"); a name left without a capital is dropped;
- a DATE keeps its article ("the end of the year") but loses leading "only", "since"
  and the like; a DATE that is only a small number ("between 65") is dropped;
- a PERSON loses leading titles and roles: "Defense Secretary Lloyd Austin" ->
  "Lloyd Austin", "Gen. Mark Milley" -> "Mark Milley"; a first name spaCy left out
  ("Lloyd" of "Lloyd J. Austin III") is taken in; a name right after a personal title
  ("Premier Marcus Dole") is a PERSON whatever spaCy said;
- a name made only of department words of a title ("Defense" in "Defense Secretary"
  or "Secretary of Defense") is not an entity;
- metonymic government bodies ("Pentagon", "White House", "Kremlin") are ORG;
- then the document-level rules of :mod:`goldsmith.annotate.rules.entity_mentions`
  (datelines, one label per person, missed metonyms, capitalised common nouns).

spaCy's small pipelines have no calibrated NER confidence, so ``score`` is ``None``.

Example:
    >>> from goldsmith.annotate.model import load_model     # doctest: +SKIP
    >>> doc = load_model()("The Pentagon said North Korea's troops moved.")  # doctest: +SKIP
    >>> [(e.text, e.label) for e in find_entities(doc)]     # doctest: +SKIP
    [('Pentagon', 'ORG'), ('North Korea', 'GPE')]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.entity_mentions import METONYMS, complete_mentions
from goldsmith.annotate.rules.role_words import DEPARTMENT_WORDS, PERSONAL_TITLES, TITLE_WORDS
from goldsmith.labels.records import Entity
from goldsmith.labels.schema import ENTITY_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_KEEP = frozenset(ENTITY_LABELS)
_NAME_LABELS = _KEEP - {"DATE"}

#: Words that may stand before a person's title inside a PERSON span ("White House
#: spokesman John Kirby"); stripped with the title, never on their own as an entity.
_ROLE_CONTEXT_WORDS = DEPARTMENT_WORDS | frozenset(
    """
    white house senate council committee department ministry office agency party
    republican democratic u.s. us u.n. un nato eu pentagon kremlin
    """.split()
)

#: Lower-case name particles that may start a person's name ("de Gaulle").
_PARTICLES = frozenset("de del della der den di da dos du la le van von bin ibn al el ben".split())

#: Leading "The" kept in these names.
_THE_NAMES = frozenset({"The Hague", "The Gambia", "The Bahamas"})

#: Words before a date that are not part of it ("only last year").
_DATE_LEADERS = frozenset(
    "only just since until till by from before after during throughout".split()
)

#: Words that may stand with a bare number ("between 65 and 70").
_NUMBER_WORDS = frozenset("between and to or about around some nearly almost up over under".split())

_POSSESSIVES = ("'s", "’s", "'S", "’S")
_TRAILING_CHARS = "'’\",;:!?)]}”»"


def find_entities(doc: Doc) -> list[Entity]:
    """The spec entities of a parsed spaCy ``doc``, sorted by (start, end)."""
    text = doc.text  # spaCy joins the tokens on every access: read it once
    found: list[Entity] = []
    for ent in doc.ents:
        entity = _convert(ent, text)
        if entity is not None:
            found.append(entity)
    found = complete_mentions(doc, found, text)
    found.sort(key=lambda e: (e.start, e.end, e.label))
    return found


def _convert(ent: Span, text: str) -> Entity | None:
    label = ent.label_
    if label not in _KEEP:
        return None
    doc = ent.doc
    start, end = ent.start, _cut_at_line_break(doc, ent.start, ent.end)
    while start < end and _is_edge_punct(doc[start]):
        start += 1
    while start < end and (_is_edge_punct(doc[end - 1]) or doc[end - 1].text in _POSSESSIVES):
        end -= 1
    if label == "DATE":
        while start < end - 1 and doc[start].lower_ in _DATE_LEADERS:
            start += 1
        if _is_bare_number(doc, start, end):
            return None
    else:
        start = _strip_leading(doc, start, end, label)
        end = _strip_trailing(doc, start, end, label)
        if label != "PERSON" and _after_personal_title(doc, start, end):
            label = "PERSON"
            start = _strip_leading(doc, start, end, label)
        if label == "PERSON":
            start = _extend_name_left(doc, start)
        elif _is_role_prefix(doc, start, end):
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


def _strip_trailing(doc: Doc, start: int, end: int, label: str) -> int:
    """Drop trailing lower-case words of a name: "Atacama region" -> "Atacama"."""
    while end - 1 > start:
        token = doc[end - 1]
        word = token.text
        if not (word.isalpha() and word.islower() and doc[end - 2].whitespace_):
            break
        if label == "PERSON" and word in _PARTICLES:
            break
        end -= 1
    return end


def _is_bare_number(doc: Doc, start: int, end: int) -> bool:
    """A DATE that is only a small number and connecting words ("between 65") is not a date."""
    for i in range(start, end):
        token = doc[i]
        word = token.text.replace(",", "")
        if word.isdigit():
            if len(word) >= 3:
                return False
        elif not (token.is_punct or token.lower_ in _NUMBER_WORDS):
            return False
    return True


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
        elif label == "PERSON" and (lower in TITLE_WORDS or lower in _ROLE_CONTEXT_WORDS):
            pass
        elif label == "PERSON" and lower == "of" and start > 0 and _is_title(doc[start - 1]):
            pass
        elif not (word.isalpha() and word.islower() and token.whitespace_):
            break
        elif lower in _PARTICLES and label == "PERSON":
            break
        start += 1
    return start


def _after_personal_title(doc: Doc, start: int, end: int) -> bool:
    """A capitalised name right after (or starting with) a personal title is a person:
    "Premier Marcus Delaney" even when spaCy says ORG."""
    if start > 0 and _is_capitalised_title(doc[start - 1]):
        first = start
    elif _is_capitalised_title(doc[start]):
        first = start + 1
    else:
        return False
    words = [doc[i] for i in range(first, end)]
    return bool(words) and all(
        t.is_alpha and t.is_title and t.lower_ not in _ROLE_CONTEXT_WORDS and not _is_title(t)
        for t in words
    )


def _is_capitalised_title(token: Token) -> bool:
    return token.text[:1].isupper() and token.lower_ in PERSONAL_TITLES


def _is_title(token: Token) -> bool:
    return token.text.lower() in TITLE_WORDS


def _is_role_prefix(doc: Doc, start: int, end: int) -> bool:
    """True for department words of a title: "Defense" in "Defense Secretary" and in
    "Secretary of Defense Lloyd Austin"."""
    if start >= end:
        return False
    if not all(doc[i].text.lower() in DEPARTMENT_WORDS for i in range(start, end)):
        return False
    if end < len(doc) and _is_title(doc[end]):
        return True
    return start >= 2 and doc[start - 1].lower_ == "of" and _is_title(doc[start - 2])


def _extend_name_left(doc: Doc, start: int) -> int:
    """Take in a first name spaCy left out: "Lloyd" of "Lloyd J. Austin III".

    Only a capitalised proper noun (tagged NNP) outside any entity, not a title
    or role word, directly before the name, is taken in.
    """
    while start > 0:
        token = doc[start - 1]
        if not (
            token.tag_ in ("NNP", "NNPS")
            and token.ent_iob_ == "O"
            and token.whitespace_
            and token.is_alpha
            and token.is_title
            and token.lower_ not in TITLE_WORDS
            and token.lower_ not in _ROLE_CONTEXT_WORDS
        ):
            break
        start -= 1
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
