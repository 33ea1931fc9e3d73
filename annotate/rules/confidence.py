"""Rule confidence: the ``score`` every quote and claim carries, in one place.

The scores are not calibrated probabilities (spaCy's small pipelines give none); they
order the regions for review in Label Studio, least certain first, so each value states
how often that rule needs a correction relative to the others. Entities carry no score.

Quotes: the kind sets the base, a speaker that was not found at the quote lowers it.
Claims: digits are surer than number words, a counted noun surer than an elided one,
and spaCy's NER calling the number a quantity confirms it.

Example:
    >>> quote_score("direct", has_speaker=True, inherited=False)
    0.9
    >>> claim_score(digits=True, elided=True, ner_quantity=False)
    0.6
"""

from __future__ import annotations

#: Base score of a quote by kind. Direct quotes are bounded by quotation marks and
#: opened at a sentence start, so their span and kind are rarely wrong (0.9); partial
#: and indirect quotes depend on the parse for their kind or clause boundary (0.6);
#: block quotes are guessed from the paragraph before them (0.5).
QUOTE_BASE: dict[str, float] = {"direct": 0.9, "partial": 0.6, "indirect": 0.6, "block": 0.5}

#: A speaker taken from a neighbouring quote ("A," she said. "B.") is usually right but
#: not always (a new speaker may start without a verb): a small penalty.
INHERITED_SPEAKER_PENALTY = 0.15

#: A quote with no speaker needs the annotator to find one (or confirm there is none):
#: the largest penalty, so these come first in review.
NO_SPEAKER_PENALTY = 0.3

#: A claim written in digits or with a currency sign: the number itself is certain.
CLAIM_DIGITS = 0.9

#: A claim written in words ("three sites"): number words are more often not claims
#: ("one of", "the two nations").
CLAIM_WORDS = 0.8

#: The counted thing is elided and its unit guessed from context ("another 7,000").
ELIDED_UNIT_PENALTY = 0.2

#: spaCy's NER did not call the number CARDINAL/MONEY/PERCENT/QUANTITY.
NOT_A_QUANTITY_PENALTY = 0.1

#: No rule region is ever certain to be wrong: scores stay in [0.1, 1].
MIN_SCORE = 0.1


def quote_score(kind: str, *, has_speaker: bool, inherited: bool) -> float:
    """The base score of ``kind``, minus the penalty for an inherited or missing speaker."""
    score = QUOTE_BASE[kind]
    if not has_speaker:
        score -= NO_SPEAKER_PENALTY
    elif inherited:
        score -= INHERITED_SPEAKER_PENALTY
    return round(score, 2)


def claim_score(*, digits: bool, elided: bool, ner_quantity: bool) -> float:
    """Digits or words, minus the penalties for an elided unit and an NER miss."""
    score = CLAIM_DIGITS if digits else CLAIM_WORDS
    if elided:
        score -= ELIDED_UNIT_PENALTY
    if not ner_quantity:
        score -= NOT_A_QUANTITY_PENALTY
    return round(max(MIN_SCORE, min(1.0, score)), 2)
