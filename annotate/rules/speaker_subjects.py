"""Who speaks through a speech verb: the token that is its subject.

The rules (ANNOTATION_SPEC.md section 2, "Speaker"): the subject of a verb is its
``nsubj``; for a passive verb the ``by`` agent (no agent: no subject, "residents were
told"); for "according to X" the X; for a speech noun its possessor ("Ruiz's accusation
that …"); a verb without one (``conj``, ``advcl``, ``xcomp``, ``ccomp``: "…, adding
that", "stating in an interview") borrows the subject of the verb it hangs from, and so
does a verb describing a piece of writing ("released a statement saying", "in a letter
stating": the writer); an inverted verb parsed into the name after it ("Said Ruiz:") has
that name as subject; a reporter's quoted source speaks ("the Post reported, quoting an
official", "the Post quoted an official as saying that …": the official); a relative
"who" stands for the noun the clause describes (the
parser may hang it on a phrase after that noun: "one Democrat familiar with the
discussion, who added": the Democrat); a
subject in another paragraph (a parser slip) or in a dateline ("TORONTO — ") is skipped;
a verb in a prepositional phrase ("in addition to stating", "after saying") borrows the
subject of the verb the phrase modifies; a verb under a passive without agent takes its
raised subject ("Hale is reported to have called the plan …"); a verb without a subject
takes the name opening its paragraph that the parser hung on the paragraph before, or
the name right after the quote before it ("“…,” Gene Roe, an adviser, said" with the
name parsed into the quote); a
participle the parser hangs on quoted words ("…,” he said, adding that …") or on the
clause a verb reports ("Ruiz said the process could be “messy,” adding …") borrows the
subject of the nearest verb before it in its sentence; a participle describing a writing
that is no verb's object ("The notice of a certified letter, announcing that …") has
that writing as subject; a "to" infinitive parsed as describing a noun ("pointed to a
case to say that …") the subject of the verb of that noun's phrase.

Example:
    >>> subject_token(doc[1], doc.text)   # "Austin said …"      # doctest: +SKIP
    Austin
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.datelines import DATELINE
from goldsmith.annotate.rules.speaker_slips import described_noun, name_after_quote, stray_subject
from goldsmith.annotate.rules.speech_words import SAY_LEMMAS, WRITING_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

_CLIMB = ("conj", "advcl", "xcomp", "pcomp", "csubj", "ccomp")

#: Verbs climbed to find the subject of a speech verb without its own ("…, adding that",
#: "…, stating in an interview"): a chain "said …, adding …, noting …" is three deep;
#: five bounds the search on long coordinated sentences.
_MAX_SUBJECT_CLIMB = 5
#: Heads climbed from a verb in a prepositional phrase to the verb the phrase modifies:
#: "In addition to stating" is to -> addition -> In -> the verb, three steps.
_MAX_PHRASE_CLIMB = 4


def subject_token(
    verb: Token, text: str, quoted: Callable[[int], bool] | None = None
) -> Token | None:
    """The token naming who speaks through ``verb`` (see module rules), or ``None``;
    ``text`` is the document's text, ``quoted`` tells whether a character offset lies
    inside quotation marks (a subject there is the quote's, not the speaker's: in
    "“Every amendment,” said Cruz" the parser gives "said" two subjects)."""
    if verb.pos_ in ("NOUN", "PROPN"):  # a speech noun: "Ruiz's accusation that …"
        return next((c for c in verb.children if c.dep_ == "poss"), None)
    head = verb.head
    if verb.dep_ == "compound" and verb.i < head.i and head.text[:1].isupper():
        return head  # "Said Ruiz: “…”", parsed as a name with "Said" in it
    quoting = _quoted_source(verb)
    if quoting is not None:
        return quoting
    current = _coordinated_participle(verb)
    for _ in range(_MAX_SUBJECT_CLIMB):
        # a subject in another paragraph is a parser slip: skip it, keep climbing
        subjects = own_subjects(current) or _inverted_subject(current)
        if not subjects and current.i == verb.i:
            subjects = stray_subject(verb, text) or name_after_quote(verb, quoted)
        unquoted = [s for s in subjects if quoted is None or not quoted(s.idx)]
        if subjects and not unquoted:
            # "“Good reporter, this guy,” Trump, the front-runner, said": the parser
            # makes the quote the subject and the name its apposition
            named = [
                c
                for s in subjects
                for c in s.children
                if c.dep_ == "appos" and c.pos_ == "PROPN" and not quoted(c.idx)
            ]
            return named[0] if named else subjects[0]
        found = next(
            (
                s
                for s in unquoted
                if "\n" not in text[min(s.idx, verb.idx) : max(s.idx, verb.idx)]
                and not in_dateline(text, s)
            ),
            None,
        )
        if found is not None:
            if found.lower_ in ("who", "that") and current.dep_ == "relcl":
                return described_noun(current.head) if found.lower_ == "who" else current.head
            return found
        if current.dep_ == "xcomp" and not own_subjects(current.head):
            # "Hale is reported to have called it …": the raised subject of the passive
            raised = next((c for c in current.head.children if c.dep_ == "nsubjpass"), None)
            if raised is not None and (quoted is None or not quoted(raised.idx)):
                return raised
        if current.dep_ == "pcomp":
            # "in addition to stating …", "after saying …": the verb the phrase modifies
            node = current.head
            for _ in range(_MAX_PHRASE_CLIMB):
                if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                    break
                node = node.head if node.dep_ in ("prep", "pobj") else node
            if node.pos_ in ("VERB", "AUX") and node.i != current.i:
                current = node
                continue
            return None
        if (
            current.tag_ == "VBG"
            and current.dep_ in ("advcl", "conj")
            and quoted is not None
            and quoted(current.head.idx)
            and not quoted(current.idx)
        ):
            # "…, he said, adding that …" with "adding" hung on the quoted words: the
            # finite verb before it in its sentence
            before = _finite_verb_before(current, quoted)
            if before is not None:
                current = before
                continue
        if (
            current.tag_ == "VBG"
            and current.dep_ == "advcl"
            and current.head.dep_ == "ccomp"
            and current.head.head.lemma_.lower() in SAY_LEMMAS
            and current.head.head.i < current.head.i
        ):
            # "Ruiz said the process could be “messy,” adding …": the participle goes
            # on with the one who said, not with the subject of what was said
            current = current.head.head
            continue
        if current.dep_ in _CLIMB and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ in ("relcl", "acl") and _is_infinitive(current):
            # "pointed to a previous case to say that …": the purpose clause parsed as
            # describing the noun; the verb of the noun's phrase speaks
            node = current.head
            for _ in range(_MAX_PHRASE_CLIMB):
                if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                    break
                node = node.head if node.dep_ in ("prep", "pobj", "dobj") else node
            if node.pos_ in ("VERB", "AUX"):
                current = node
                continue
            return None
        written = current.head
        if current.dep_ == "acl" and written.lemma_.lower() in WRITING_NOUNS:
            # "released a statement saying …", "in a letter stating …": the writer
            # is the subject of the verb the writing hangs from
            if written.dep_ == "dobj" or (written.dep_ == "pobj" and written.head.dep_ == "prep"):
                current = written.head if written.dep_ == "dobj" else written.head.head
                continue
        if current.dep_ == "acl" and current.tag_ == "VBG":
            # "The notice of a certified letter, announcing that …": the writing speaks
            return _writing_named(written)
        return None
    return None


def _quoted_source(verb: Token) -> Token | None:
    """The source a reporter quotes: "the Post reported, quoting an official" and "the
    Post quoted an official as saying that …" give the official, not the Post."""
    quote = None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.dep_ == "prep":
        quote = verb.head.head  # "quoted an official as saying"
    else:
        quote = next((c for c in verb.children if c.dep_ in ("advcl", "conj")), None)
        quote = quote if quote is not None and quote.tag_ == "VBG" else None
    if quote is None or quote.lemma_.lower() != "quote":
        return None
    return next(
        (c for c in quote.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None
    )


def _writing_named(noun: Token) -> Token | None:
    """A writing noun, or the writing noun of its "of" phrase ("the notice of a certified
    letter"), else ``None``."""
    if noun.lemma_.lower() in WRITING_NOUNS:
        return noun
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            inner = pobj(prep)
            if inner is not None and inner.lemma_.lower() in WRITING_NOUNS:
                return inner
    return None


def _is_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a "to" infinitive without a subject of its own."""
    return (
        verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and not own_subjects(verb)
    )


def _finite_verb_before(verb: Token, quoted: Callable[[int], bool]) -> Token | None:
    """The nearest verb with a subject before ``verb`` in its sentence, outside quotation
    marks ("he said, adding …")."""
    for token in reversed(verb.doc[verb.sent.start : verb.i]):
        if token.pos_ in ("VERB", "AUX") and not quoted(token.idx):
            subjects = [s for s in own_subjects(token) if not quoted(s.idx)]
            if subjects:
                return token
    return None


def _coordinated_participle(verb: Token) -> Token:
    """A participle the parser joined to a finite verb ("saying that the bill … was
    waylaid by mistrust - and arguing that …") is coordinated with the nearest participle
    above it ("saying … and arguing"), whose subject it shares; any other verb is
    itself."""
    if verb.tag_ != "VBG" or verb.dep_ != "conj" or verb.head.tag_ == "VBG":
        return verb
    return next((a for a in verb.ancestors if a.tag_ == "VBG"), verb)


def _inverted_subject(verb: Token) -> list[Token]:
    """The name of a verb with no subject of its own that the parser hung elsewhere: the
    name right after it ("“…,” said David Brock, a confidant who heads …", "Brock" made
    the subject of a later verb) or a name parsed as a compound of the verb ("“…,”
    Conway notes.")."""
    named = [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i]
    if named and named[-1].text[:1].isupper():
        return [named[-1]]
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].ent_type_ == "PERSON":
        i += 1
    return [doc[i - 1]] if i > verb.i + 1 and verb.tag_ == "VBD" else []


def own_subjects(verb: Token) -> list[Token]:
    """The subjects ``verb`` itself has: its ``nsubj``, the X of "according to X", or
    the ``by`` agent of a passive."""
    if verb.lower_ == "according":
        to = next((c for c in verb.children if c.lower_ == "to"), None)
        return [t for t in (pobj(to),) if t is not None]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects or not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return subjects
    for token in verb.doc[verb.i + 1 : verb.right_edge.i + 1]:
        if token.lower_ == "by" and verb in (token.head, token.head.head, token.head.head.head):
            return [t for t in (pobj(token),) if t is not None]
    return []


def in_dateline(text: str, token: Token) -> bool:
    """Whether ``token`` lies in the dateline opening its line ("TORONTO — ")."""
    line_start = text.rfind("\n", 0, token.idx) + 1
    dateline = DATELINE.match(text, line_start)
    return dateline is not None and token.idx < dateline.end()


def is_subject(token: Token) -> bool:
    """A subject, a name in apposition to one ("Her deputy, Jonas Brandt,"), or the X of
    "according to X"."""
    if token.dep_ in ("nsubj", "nsubjpass"):
        return True
    if token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass"):
        return True
    return token.dep_ == "pobj" and token.head.head.lower_ == "according"


def pobj(token: Token | None) -> Token | None:
    """The object of a preposition token, if any."""
    if token is None:
        return None
    return next((c for c in token.children if c.dep_ == "pobj"), None)
