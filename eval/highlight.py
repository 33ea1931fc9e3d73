"""A document's text as HTML with its regions of one layer highlighted by ``<mark>``.

Regions of one layer may nest or overlap, and HTML elements may not cross, so the text
is cut at every region boundary and each piece is wrapped in one ``<mark>`` for the
regions covering it: its colour is that of the innermost (shortest) region, its tooltip
lists every covering region, and a piece covered by several regions gets the class
``nested``. A small label tag follows the end of every region. Every piece of text,
label and tooltip is escaped (:func:`html.escape`), so text such as ``<script>`` shows
as text.

Example:
    >>> highlight("a <b> c", [Region(2, 5, "ORG", "ORG <b>")])
    'a <mark class="l-org" title="ORG &lt;b&gt;">&lt;b&gt;</mark><sup class="tag">ORG</sup> c'
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.schema import CLAIM_LABEL, ENTITY_LABELS, QUOTE_KINDS, SOURCE_LABEL

#: Labels with their own colour class (``l-`` + lower-case label); others get ``l-other``.
KNOWN_LABELS: tuple[str, ...] = (
    *ENTITY_LABELS,
    SOURCE_LABEL,
    *QUOTE_KINDS,
    CLAIM_LABEL,
    "SPEAKER",
)


@dataclass(frozen=True)
class Region:
    """A highlighted range: offsets (code points), its label and its tooltip."""

    start: int
    end: int
    label: str
    title: str


def label_class(label: str) -> str:
    """The CSS class of a label's colour: ``l-person``, ``l-direct`` ... or ``l-other``."""
    if label in KNOWN_LABELS:
        return "l-" + re.sub(r"[^a-z0-9]", "-", label.lower())
    return "l-other"


def highlight(text: str, regions: Sequence[Region]) -> str:
    """``text`` escaped, with ``regions`` marked (rules in the module docstring)."""
    n = len(text)
    spans = [r for r in regions if 0 <= r.start < r.end <= n]
    cuts = sorted({0, n, *(r.start for r in spans), *(r.end for r in spans)})
    ends: dict[int, list[Region]] = {}
    for r in sorted(spans, key=lambda r: (r.end, -r.start, r.label)):
        ends.setdefault(r.end, []).append(r)
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = html.escape(text[a:b])
        covering = [r for r in spans if r.start <= a and b <= r.end]
        if covering:
            inner = min(covering, key=lambda r: (r.end - r.start, r.start, r.label))
            classes = label_class(inner.label) + (" nested" if len(covering) > 1 else "")
            title = "; ".join(
                r.title for r in sorted(covering, key=lambda r: (r.start, -r.end, r.label))
            )
            out.append(f'<mark class="{classes}" title="{html.escape(title)}">{piece}</mark>')
        else:
            out.append(piece)
        for r in ends.get(b, ()):
            out.append(f'<sup class="tag">{html.escape(r.label)}</sup>')
    return "".join(out)


def layer_regions(doc: AnnotatedDoc, layer: str) -> list[Region]:
    """The regions of one layer of ``doc`` with their labels and tooltips.

    Entities show their label; quotes their kind, with their speaker span (label
    ``SPEAKER``) marked too; claims show ``CLAIM`` with value, unit and qualifier.
    """
    out: list[Region] = []
    if layer == "entities":
        for e in doc.entities:
            out.append(Region(e.start, e.end, e.label, f"{e.label}: {e.text}"))
    elif layer == "quotes":
        speakers: set[tuple[int, int]] = set()
        for q in doc.quotes:
            who = "no speaker" if q.speaker is None else f"speaker {q.speaker.text}"
            out.append(Region(q.start, q.end, q.kind, f"QUOTE ({q.kind}), {who}"))
            if q.speaker is not None and (q.speaker.start, q.speaker.end) not in speakers:
                speakers.add((q.speaker.start, q.speaker.end))
                s = q.speaker
                out.append(Region(s.start, s.end, "SPEAKER", f"speaker ({s.label}): {s.text}"))
    elif layer == "claims":
        for c in doc.claims:
            value = _num(c.value)
            if c.value_high is not None:
                value += f" to {_num(c.value_high)}"
            title = f"CLAIM {value} {c.unit} ({c.qualifier}): {c.text}"
            out.append(Region(c.start, c.end, CLAIM_LABEL, title))
    return out


def _num(value: float | None) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
