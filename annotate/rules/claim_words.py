"""Word lists of the numeric-claim rules, and the counted noun's unit.

Everything :mod:`goldsmith.annotate.rules.claims` matches by spelling lives here, so a rule
change is a one-line edit: qualifier phrases, unit words, month and time words, the verbs
and determiners the rules look at (currency words are the one table of
:mod:`goldsmith.annotate.rules.currencies`). ``unit_of`` turns a counted noun
into the spec's ``unit``: its singular lower-case lemma with spelling variants unified.

Example:
    >>> singular("casualties")
    'casualty'
    >>> QUALIFIERS[("as", "many", "as")]
    'at_most'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goldsmith.annotate.rules.currencies import CURRENCY_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Qualifier phrases written before the number, by qualifier ("|" between phrases).
_QUALIFIER_PHRASES: dict[str, str] = {
    "approx": "about | around | approximately | roughly | some | nearly | almost | estimated"
    " | circa | approx. | approx | ~ | an estimated | close to | just about | near",
    "at_least": "at least | no fewer than | no less than | not less than | not fewer than"
    " | a minimum of",
    "more_than": "more than | over | upwards of | upward of | in excess of | exceeding | above"
    " | greater than | well over | just over",
    "at_most": "at most | up to | as many as | as much as | no more than | not more than"
    " | a maximum of | as long as | as high as",
    "less_than": "less than | fewer than | under | below | just under",
}

#: Qualifier phrases (lower-case word tuples) written before the number.
QUALIFIERS: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): name
    for name, phrases in _QUALIFIER_PHRASES.items()
    for phrase in phrases.split("|")
}
AFTER_QUALIFIERS: dict[tuple[str, ...], str] = {
    ("or", "more"): "at_least",
    ("or", "so"): "approx",
    ("plus",): "more_than",
    ("+",): "more_than",
    ("or", "fewer"): "at_most",
    ("or", "less"): "at_most",
    ("and", "older"): "at_least",
    ("or", "older"): "at_least",
    ("and", "over"): "at_least",
}
UNIT_WORDS: dict[str, str] = {
    "km": "kilometer",
    "kms": "kilometer",
    "kilometre": "kilometer",
    "mi": "mile",
    "metre": "meter",
    "centimetre": "centimeter",
    "millimetre": "millimeter",
    "cm": "centimeter",
    "mm": "millimeter",
    "kg": "kilogram",
    "kgs": "kilogram",
    "lb": "pound",
    "lbs": "pound",
    "ft": "foot",
    "feet": "foot",
    "litre": "liter",
    "ha": "hectare",
    "hrs": "hour",
    "yrs": "year",
    "mins": "minute",
    "mph": "mph",
    "sq": "square",
    "people": "person",
}
DURATIONS = frozenset(
    {
        "second",
        "minute",
        "hour",
        "day",
        "night",
        "week",
        "month",
        "year",
        "decade",
        "century",
    }
)
MEASURES = frozenset(
    {
        "kilometer",
        "mile",
        "meter",
        "centimeter",
        "millimeter",
        "foot",
        "yard",
        "inch",
        "kilogram",
        "gram",
        "ton",
        "tonne",
        "liter",
        "gallon",
        "ounce",
        "barrel",
        "acre",
        "hectare",
        "degree",
        "knot",
        "mph",
        "percent",
        "percentage point",
        "point",
    }
)
PERCENT_WORDS = frozenset({"%", "percent", "pct"})
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. "
    "oct oct. nov nov. dec dec.".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TIME_WORDS = frozenset(
    "a.m. p.m. a.m p.m am pm o'clock gmt utc et est edt pst pdt bst cet cest msk".split()
)
RELATIVE_AFTER = frozenset({"ago", "old", "older"})
TEMPERATURE_SCALES = {
    "celsius": "celsius",
    "c": "celsius",
    "fahrenheit": "fahrenheit",
    "f": "fahrenheit",
    "°c": "celsius",
    "°f": "fahrenheit",
}
REFERENTIAL = frozenset("the these those both all its their his her our your my whose".split())
NAME_MARKERS = frozenset({"number", "no.", "no", "#", "nos.", "num."})
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "GPE", "LOC", "NORP"}
)
QUANTITY_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
#: Verbs whose subject is the thing counted by their object ("casualties exceeding 600,000").
QUANTITY_VERBS = frozenset(
    {
        "exceed",
        "top",
        "reach",
        "hit",
        "number",
        "total",
        "surpass",
        "eclipse",
        "pass",
        "cross",
        "approach",
        "be",
    }
)
#: Verbs whose object is a bound passed: "would surpass $1 trillion" is more than it.
SURPASS_VERBS = frozenset({"surpass", "exceed", "eclipse", "top", "outstrip"})
#: Verbs of change: "rose to 600,000" counts the subject too.
CHANGE_VERBS = frozenset(
    {
        "climb",
        "rise",
        "grow",
        "increase",
        "fall",
        "drop",
        "decline",
        "stand",
        "amount",
        "jump",
        "soar",
        "shrink",
        "swell",
        "slip",
        "plunge",
    }
)
#: Verbs of support or agreement that "100 percent" intensifies ("backs her 100 percent").
ASSENT_VERBS = frozenset("support back agree believe trust endorse commit".split())
#: Nouns that name an amount, not the thing counted ("the group's numbers swelled to ...").
AMOUNT_NOUNS = frozenset(
    {"number", "total", "count", "tally", "figure", "amount", "size", "gap", "lead", "margin"}
)
#: Verbs whose bare plural scale word ("billions", "millions") is a sum of money.
MONEY_VERBS = frozenset(
    "give donate spend raise pay cost earn make lose owe steal siphon invest waste save "
    "funnel pour embezzle launder borrow lend charge".split()
)
#: Parents whose "of N" counts children ("a mother of three").
PARENTS = frozenset("mother father parent mom dad mum grandmother grandfather".split())
#: Nouns a bare amount names as a bound: "the 600 mark", "the 1,000 threshold".
BOUND_NOUNS = frozenset({"mark", "threshold", "milestone", "barrier", "figure", "level"})
#: Participles and adjectives that stand for the people counted ("the 53 wounded").
NOMINALISED = frozenset({"wounded", "injured", "dead", "killed", "missing", "hurt", "arrested"})
#: Nouns that stand for an elided counted thing ("two others"): unit from context.
PRONOUN_NOUNS = frozenset({"other", "more"})
NP_STOP = frozenset({"last", "next", "this", "that", "each", "every", "per", "same", "such"})


def unit_of(tok: Token) -> str:
    """The singular lower-case lemma of a counted noun, with spelling variants unified."""
    low = tok.text.lower()
    if low in UNIT_WORDS:
        return UNIT_WORDS[low]
    if low in CURRENCY_WORDS:
        return CURRENCY_WORDS[low]
    lemma = tok.lemma_.lower() or low
    if low.endswith("xes") and lemma == low[:-2] + "is":
        lemma = low[:-2]  # "taxes": the lemmatizer's "taxis" is another word
    if lemma == low and is_plural(tok):
        lemma = singular(low)
    return UNIT_WORDS.get(lemma, lemma)


def is_plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS") or (
        tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() != tok.text.lower()
    )


def singular(word: str) -> str:
    """A simple English singular: "casualties" -> "casualty", "boxes" -> "box"."""
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 2:
        return word[:-1]
    return word
