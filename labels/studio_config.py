"""The Label Studio labeling config, generated from the schema by a pure function.

One ``Labels`` control per layer (``entities``, ``quotes``, ``claims``) over the
same ``Text`` object named ``text``; a ``speaker`` relation; per-region controls
shown beside the text when a region is selected: the quote ``kind``, and the claim
``value``, ``value_high``, ``unit`` and ``qualifier``, each under a visible name.
Every label name and instruction is XML-escaped by ElementTree, so the output is
well-formed whatever the schema holds.

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

INSTRUCTIONS = "Speaker: select the QUOTE, Alt+R, click the speaker. Rules: Instructions."

#: Layout of the two columns: the text, and beside it the attributes of the selected region
#: (sticky, so they stay next to a region far down a long article).
_ROW_STYLE = "display: flex; align-items: flex-start; gap: 16px"
_TEXT_STYLE = "flex: 3; min-width: 0"
_PANEL_STYLE = (
    "flex: 1; min-width: 220px; position: sticky; top: 8px; padding: 8px 12px; "
    "border: 1px solid #cfd8dc; border-radius: 6px; background: #fafafa"
)
_SPEAKER_COLOR = "#e53935"
_NOTES_STYLE = "padding: 4px 12px; background: #fff8e1; border-left: 4px solid #ffb300"


def labeling_config(
    entity_labels: tuple[str, ...] = ENTITY_LABELS,
    quote_kinds: tuple[str, ...] = QUOTE_KINDS,
    qualifiers: tuple[str, ...] = QUALIFIERS,
    instructions: str = INSTRUCTIONS,
    notes_field: str | None = None,
) -> str:
    """The labeling config XML for the three layers of the spec.

    Layout: a one-line header (the full guidelines are the project's instructions,
    :mod:`goldsmith.labels.guidelines`), the three label bars, then the text with a
    panel beside it that shows the selected region's attributes, each under a visible
    name (quote kind; claim value, value high, unit, qualifier), or a hint when no
    region is selected. The ``speaker`` relation is drawn in a strong colour.
    ``notes_field`` (the review projects of ``annotate adjudicate``) adds a read-only
    text above the article, from that field of the task's data.
    """
    view = ET.Element("View")
    ET.SubElement(view, "Header", value=instructions, size="6")
    _labels(view, ENTITY_CONTROL, entity_labels)
    _labels(view, QUOTE_CONTROL, CONTROL_LABELS[QUOTE_CONTROL])
    _labels(view, CLAIM_CONTROL, CONTROL_LABELS[CLAIM_CONTROL])
    if notes_field is not None:
        notes = ET.SubElement(view, "View", style=_NOTES_STYLE)
        ET.SubElement(notes, "Header", value="Points of disagreement", size="6")
        ET.SubElement(notes, "Text", name=notes_field, value=f"${notes_field}")
    row = ET.SubElement(view, "View", style=_ROW_STYLE)
    text_column = ET.SubElement(row, "View", style=_TEXT_STYLE)
    ET.SubElement(text_column, "Text", name=TEXT_NAME, value="$text", granularity="symbol")
    panel = ET.SubElement(row, "View", style=_PANEL_STYLE)

    hint = ET.SubElement(panel, "View", visibleWhen="no-region-selected")
    ET.SubElement(
        hint,
        "Header",
        value="Click a QUOTE or CLAIM region to set its attributes here.",
        size="6",
    )
    quote_view = ET.SubElement(
        panel, "View", visibleWhen="region-selected", whenLabelValue=QUOTE_LABEL
    )
    ET.SubElement(quote_view, "Header", value="Quote kind", size="5")
    _choices(quote_view, KIND_CONTROL, quote_kinds)

    claim_view = ET.SubElement(
        panel, "View", visibleWhen="region-selected", whenLabelValue=CLAIM_LABEL
    )
    ET.SubElement(claim_view, "Header", value="Claim", size="5")
    for name, title in ((VALUE_CONTROL, "value"), (VALUE_HIGH_CONTROL, "value high (range only)")):
        ET.SubElement(claim_view, "Header", value=title, size="6")
        ET.SubElement(
            claim_view,
            "Number",
            name=name,
            toName=TEXT_NAME,
            perRegion="true",
            step="any",
            placeholder=name,
        )
    ET.SubElement(claim_view, "Header", value="unit (singular lemma)", size="6")
    ET.SubElement(
        claim_view,
        "TextArea",
        name=UNIT_CONTROL,
        toName=TEXT_NAME,
        perRegion="true",
        maxSubmissions="1",
        editable="true",
        placeholder="e.g. soldier",
    )
    ET.SubElement(claim_view, "Header", value="qualifier", size="6")
    _choices(claim_view, QUALIFIER_CONTROL, qualifiers)

    relations = ET.SubElement(view, "Relations")
    ET.SubElement(relations, "Relation", value=SPEAKER_RELATION, background=_SPEAKER_COLOR)

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
