"""Label sets of ANNOTATION_SPEC.md v1, defined once and imported everywhere else."""

from __future__ import annotations

SPEC_VERSION = "1"

#: The three layers, in the order they appear in a record.
LAYERS: tuple[str, ...] = ("entities", "quotes", "claims")

#: Entity labels (OntoNotes 5 definitions).
ENTITY_LABELS: tuple[str, ...] = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "EVENT", "DATE")

#: The label of an unnamed quote source ("U.S. officials", "analysts").
SOURCE_LABEL = "SOURCE"

#: Labels a quote's speaker span may carry.
SPEAKER_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", SOURCE_LABEL)

QUOTE_LABEL = "QUOTE"
CLAIM_LABEL = "CLAIM"

#: Values of a quote's ``kind`` attribute.
QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "indirect", "block")

#: Values of a claim's ``qualifier`` attribute; ``range`` also needs ``value_high``.
QUALIFIERS: tuple[str, ...] = (
    "exact",
    "approx",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "range",
)

#: One-line definitions, used by the labeling config and the dataset card.
ENTITY_DEFINITIONS: dict[str, str] = {
    "PERSON": "People, including fictional; no titles or roles.",
    "NORP": "Nationalities, religious or political groups; nationality adjectives.",
    "FAC": "Buildings, airports, highways, bridges and other facilities.",
    "ORG": "Companies, agencies, institutions; metonymic government bodies (Pentagon).",
    "GPE": "Countries, cities, states (a capital standing for a government stays GPE).",
    "LOC": "Non-GPE locations: mountain ranges, bodies of water, regions.",
    "EVENT": "Named hurricanes, battles, wars, sports events.",
    "DATE": "Absolute or relative dates and periods, including durations.",
}

QUOTE_KIND_DEFINITIONS: dict[str, str] = {
    "direct": "A full utterance inside quotation marks.",
    "partial": "A quoted phrase embedded in the writer's own sentence.",
    "indirect": "Reported speech without quotation marks; the reported clause only.",
    "block": "Speech set off without quotation marks, e.g. on its own line.",
}

QUALIFIER_DEFINITIONS: dict[str, str] = {
    "exact": "No qualifier.",
    "approx": "about, around, approximately, roughly, an estimated, some, nearly, almost",
    "at_least": "at least, no fewer than, a minimum of",
    "more_than": "more than, over, upwards of, in excess of, exceeding; thousands of, millions of",
    "at_most": "at most, up to, as many as, no more than",
    "less_than": "less than, fewer than, under",
    "range": "between A and B, A to B (value is A, value_high is B)",
}
