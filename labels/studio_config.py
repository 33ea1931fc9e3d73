"""The Label Studio labeling config, generated from the schema by a pure function.

One ``Labels`` control per layer (``entities``, ``quotes``, ``claims``) over the
same ``Text`` object named ``text``; a ``speaker`` relation; per-region controls
shown when a region is selected: the quote ``kind``, and the claim ``value``,
``value_high``, ``unit`` and ``qualifier``. Every label name and instruction is
XML-escaped by ElementTree, so the output is well-formed whatever the schema holds.

:func:`config_differences` compares another config with this one by meaning (control
names, types, ``toName``, labels), so a push can refuse a project that is not goldsmith's.

Example:
    >>> "<Relation value=\\"speaker\\"" in labeling_config()
    True
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from goldsmith.labels.schema import (
    CLAIM_LABEL,
    ENTITY_LABELS,
    QUALIFIERS,
    QUOTE_KINDS,
    QUOTE_LABEL,
    SOURCE_LABEL,
)

#: Control names, shared by the converters to and from Label Studio results.
TEXT_NAME = "text"
ENTITY_CONTROL = "entities"
QUOTE_CONTROL = "quotes"
CLAIM_CONTROL = "claims"
KIND_CONTROL = "kind"
VALUE_CONTROL = "value"
VALUE_HIGH_CONTROL = "value_high"
UNIT_CONTROL = "unit"
QUALIFIER_CONTROL = "qualifier"
SPEAKER_RELATION = "speaker"

#: Labels each ``Labels`` control accepts (the config is generated from this table and
#: results read back from Label Studio are checked against it).
CONTROL_LABELS: dict[str, tuple[str, ...]] = {
    ENTITY_CONTROL: ENTITY_LABELS,
    QUOTE_CONTROL: (QUOTE_LABEL, SOURCE_LABEL),
    CLAIM_CONTROL: (CLAIM_LABEL,),
}

_COLORS = {
    "PERSON": "#ff8a65",
    "NORP": "#ba68c8",
    "FAC": "#a1887f",
    "ORG": "#4fc3f7",
    "GPE": "#81c784",
    "LOC": "#aed581",
    "EVENT": "#f06292",
    "DATE": "#ffd54f",
    QUOTE_LABEL: "#90a4ae",
    SOURCE_LABEL: "#ffb74d",
    CLAIM_LABEL: "#4db6ac",
}

INSTRUCTIONS = (
    "Correct the pre-annotations. Entities: no titles, no possessive 's, no leading 'the'. "
    "Quotes: quotation marks outside the span; pick the kind; draw a 'speaker' relation "
    "from the QUOTE to the speaker (a named entity, or a SOURCE span for unnamed sources). "
    "Claims: qualifier + number + counted thing; set value, unit (singular lemma) and "
    "qualifier (range: value_high too). Nothing inside advertising lines."
)


def labeling_config(
    entity_labels: tuple[str, ...] = ENTITY_LABELS,
    quote_kinds: tuple[str, ...] = QUOTE_KINDS,
    qualifiers: tuple[str, ...] = QUALIFIERS,
    instructions: str = INSTRUCTIONS,
) -> str:
    """The labeling config XML for the three layers of the spec."""
    view = ET.Element("View")
    ET.SubElement(view, "Header", value=instructions, size="6")
    _labels(view, ENTITY_CONTROL, entity_labels)
    _labels(view, QUOTE_CONTROL, CONTROL_LABELS[QUOTE_CONTROL])
    _labels(view, CLAIM_CONTROL, CONTROL_LABELS[CLAIM_CONTROL])
    ET.SubElement(view, "Text", name=TEXT_NAME, value="$text", granularity="symbol")
    relations = ET.SubElement(view, "Relations")
    ET.SubElement(relations, "Relation", value=SPEAKER_RELATION)

    quote_view = ET.SubElement(
        view, "View", visibleWhen="region-selected", whenLabelValue=QUOTE_LABEL
    )
    ET.SubElement(quote_view, "Header", value="Quote kind", size="6")
    _choices(quote_view, KIND_CONTROL, quote_kinds)

    claim_view = ET.SubElement(
        view, "View", visibleWhen="region-selected", whenLabelValue=CLAIM_LABEL
    )
    ET.SubElement(claim_view, "Header", value="Claim value, unit and qualifier", size="6")
    for name in (VALUE_CONTROL, VALUE_HIGH_CONTROL):
        ET.SubElement(
            claim_view,
            "Number",
            name=name,
            toName=TEXT_NAME,
            perRegion="true",
            step="any",
            placeholder=name,
        )
    ET.SubElement(
        claim_view,
        "TextArea",
        name=UNIT_CONTROL,
        toName=TEXT_NAME,
        perRegion="true",
        maxSubmissions="1",
        editable="true",
        placeholder="unit (singular lemma)",
    )
    _choices(claim_view, QUALIFIER_CONTROL, qualifiers)

    ET.indent(view, space="  ")
    return ET.tostring(view, encoding="unicode") + "\n"


def _labels(parent: ET.Element, name: str, values: tuple[str, ...]) -> None:
    control = ET.SubElement(parent, "Labels", name=name, toName=TEXT_NAME, showInline="true")
    for value in values:
        ET.SubElement(control, "Label", value=value, background=_COLORS.get(value, "#cccccc"))


def _choices(parent: ET.Element, name: str, values: tuple[str, ...]) -> None:
    control = ET.SubElement(
        parent,
        "Choices",
        name=name,
        toName=TEXT_NAME,
        perRegion="true",
        choice="single-radio",
        showInline="true",
    )
    for value in values:
        ET.SubElement(control, "Choice", value=value)


# -- comparing a project's config with goldsmith's ------------------------------------------

RELATIONS_KEY = "<Relations>"


@dataclass(frozen=True)
class Control:
    """What a labeling config says about one named tag (control or object), layout aside.

    ``labels`` are the values of its ``Label``/``Choice`` children (or of ``Relation``
    for the ``Relations`` block); ``value`` is an object's data field (``$text``).
    """

    name: str
    tag: str
    to_name: str = ""
    labels: frozenset[str] = frozenset()
    per_region: bool = False
    value: str = ""


def config_controls(config_xml: str) -> dict[str, Control]:
    """The named tags of a labeling config by name, plus its relations under ``<Relations>``.

    Raises :class:`ValueError` when the text is not XML.
    """
    try:
        root = ET.fromstring(config_xml)
    except ET.ParseError as exc:
        raise ValueError(f"not XML ({exc})") from None
    found: dict[str, Control] = {}
    for element in root.iter():
        if element.tag == "Relations":
            values = frozenset(r.get("value", "") for r in element.iter("Relation"))
            found[RELATIONS_KEY] = Control(RELATIONS_KEY, "Relations", labels=values)
            continue
        name = element.get("name")
        if name is None:
            continue
        values = frozenset(
            child.get("value", "")
            for child in element.iter()
            if child is not element and child.tag in ("Label", "Choice")
        )
        found[name] = Control(
            name=name,
            tag=element.tag,
            to_name=element.get("toName", ""),
            labels=values,
            per_region=element.get("perRegion", "").lower() == "true",
            value=element.get("value", "") if element.get("toName") is None else "",
        )
    return found


def config_differences(config_xml: str, expected_xml: str | None = None) -> list[str]:
    """How ``config_xml`` differs from goldsmith's config in what it means, not how it looks.

    Compared, per named tag: that it exists, its tag (``Labels``, ``Choices`` ...), its
    ``toName``, its labels or choices (as a set), ``perRegion``, an object's data field,
    and the relation values. Ignored: layout, headers, colours, instructions, order.
    Empty when the config is goldsmith's (``expected_xml``, default :func:`labeling_config`).
    """
    try:
        actual = config_controls(config_xml)
    except ValueError as exc:
        return [f"the config is {exc}"]
    expected = config_controls(expected_xml if expected_xml is not None else labeling_config())
    found: list[str] = []
    for name in sorted(expected.keys() - actual.keys()):
        found.append(f"missing {_describe(expected[name])}")
    for name in sorted(actual.keys() - expected.keys()):
        found.append(f"extra {_describe(actual[name])}")
    for name in sorted(expected.keys() & actual.keys()):
        found += _control_differences(actual[name], expected[name])
    return found


def _describe(control: Control) -> str:
    if control.name == RELATIONS_KEY:
        return f"relations ({', '.join(sorted(control.labels))})"
    return f"control {control.name!r} ({control.tag})"


def _control_differences(actual: Control, expected: Control) -> list[str]:
    name = "relations" if actual.name == RELATIONS_KEY else f"{actual.name!r}"
    found: list[str] = []
    if actual.tag != expected.tag:
        found.append(f"{name} is a {actual.tag}, goldsmith's is a {expected.tag}")
    if actual.to_name != expected.to_name:
        found.append(f"{name} has toName={actual.to_name!r}, goldsmith's {expected.to_name!r}")
    if actual.value != expected.value:
        found.append(f"{name} reads {actual.value!r}, goldsmith's {expected.value!r}")
    if actual.per_region != expected.per_region:
        found.append(f"{name} has perRegion={actual.per_region}, goldsmith's {expected.per_region}")
    missing, extra = expected.labels - actual.labels, actual.labels - expected.labels
    if missing:
        found.append(f"{name} lacks labels {', '.join(sorted(missing))}")
    if extra:
        found.append(f"{name} has extra labels {', '.join(sorted(extra))}")
    return found
