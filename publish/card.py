"""The dataset card (``README.md``), generated from the data by a pure function.

Everything in the card is computed from the published splits (sizes, label, quote kind
and qualifier distributions, annotators) or comes from the schema (field and label
definitions). Agreement figures appear only when ``agreement`` is given (from
``goldsmith eval agree --json``); none are ever invented. Text between the markers
``<!-- hand-written:NAME -->`` and ``<!-- /hand-written:NAME -->`` in a previous card
is kept when the card is regenerated.

Example:
    >>> stats = CardStats(name="demo", splits={"train": SplitStats(docs=2)})
    >>> render_card(stats).startswith("---\\n")
    True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from goldsmith.labels.schema import (
    ENTITY_DEFINITIONS,
    QUALIFIER_DEFINITIONS,
    QUOTE_KIND_DEFINITIONS,
    SPEC_VERSION,
)

_HAND = re.compile(
    r"<!-- hand-written:(?P<name>[\w-]+) -->\n(?P<body>.*?)<!-- /hand-written:(?P=name) -->",
    re.S,
)

DEFAULT_HAND_SECTIONS: dict[str, str] = {
    "summary": "_Describe where the documents come from, who annotated them and why._\n",
    "uses": "_Describe intended and out-of-scope uses._\n",
    "notes": "_Anything else a user should know (licensing of the source texts, contact)._\n",
}


@dataclass(frozen=True)
class SplitStats:
    """Counts of one split."""

    docs: int
    entities: int = 0
    quotes: int = 0
    claims: int = 0


@dataclass(frozen=True)
class CardStats:
    """What the card says about the data; computed by :func:`card_stats`."""

    name: str
    splits: dict[str, SplitStats]
    entity_labels: Counter = field(default_factory=Counter)
    quote_kinds: Counter = field(default_factory=Counter)
    quotes_with_speaker: int = 0
    speaker_labels: Counter = field(default_factory=Counter)
    qualifiers: Counter = field(default_factory=Counter)
    units: Counter = field(default_factory=Counter)
    annotators: int | None = None
    provenance: Counter = field(default_factory=Counter)
    columns: tuple[str, ...] = ()
    license: str = "other"
    language: str = "en"
    agreement: Mapping[str, Any] | None = None
    group_by: str | None = None
    seed: int = 0


def size_category(n: int) -> str:
    """The Hub's size bucket for ``n`` rows."""
    for limit, label in (
        (1_000, "n<1K"),
        (10_000, "1K<n<10K"),
        (100_000, "10K<n<100K"),
        (1_000_000, "100K<n<1M"),
        (10_000_000, "1M<n<10M"),
    ):
        if n < limit:
            return label
    return "10M<n<100M"


def render_card(stats: CardStats, previous: str | None = None) -> str:
    """The full README.md; hand-written sections of ``previous`` are kept."""
    hand = dict(DEFAULT_HAND_SECTIONS)
    if previous:
        hand.update({m["name"]: m["body"] for m in _HAND.finditer(previous)})
    total = sum(s.docs for s in stats.splits.values())
    meta = {
        "license": stats.license,
        "language": [stats.language],
        "task_categories": ["token-classification"],
        "task_ids": ["named-entity-recognition"],
        "pretty_name": stats.name,
        "size_categories": [size_category(total)],
        "tags": ["news", "quotes", "quote-attribution", "numeric-claims", "goldsmith"],
        "configs": [
            {
                "config_name": "default",
                "data_files": [{"split": s, "path": f"data/{s}-*.parquet"} for s in stats.splits],
            }
        ],
    }
    parts = [
        "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n",
        f"# {stats.name}\n",
        _section("summary", hand),
        _structure(stats),
        _schema(stats),
        _labels(),
        _process(stats),
        _distributions(stats),
        "## Uses\n\n" + _section("uses", hand),
        _limitations(),
        "## Notes\n\n" + _section("notes", hand),
    ]
    return "\n".join(parts)


def _section(name: str, hand: Mapping[str, str]) -> str:
    return f"<!-- hand-written:{name} -->\n{hand[name]}<!-- /hand-written:{name} -->\n"


def _table(header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _structure(stats: CardStats) -> str:
    rows = [(n, s.docs, s.entities, s.quotes, s.claims) for n, s in stats.splits.items()]
    grouping = (
        f", keeping documents with the same `{stats.group_by}` together" if stats.group_by else ""
    )
    return (
        "## Splits\n\n"
        f"Split by document (no document is in two splits), seeded (seed {stats.seed})"
        f'{grouping}. Load with `datasets.load_dataset("<this folder or repo>")`.\n\n'
        + _table(("split", "documents", "entities", "quotes", "claims"), rows)
    )


_FIELDS = {
    "doc_id": "Stable id: `doc-` + the first 16 hex digits of SHA-256 of the text.",
    "text": "The document text, newlines normalised to LF. All offsets index this string "
    "in Unicode code points (Python `str` indices), end exclusive.",
    "entities": "List of {start, end, text, label, annotators}: named entities.",
    "quotes": "List of {start, end, text, kind, speaker, annotators}: reported speech; "
    "`speaker` is {start, end, text, label} or null when no source can be identified.",
    "claims": "List of {start, end, text, value, value_high, unit, qualifier, annotators}: "
    "numeric claims; `value_high` is set only when `qualifier` is `range`. In every "
    "layer `annotators` is how many annotators marked that region (null when unknown).",
    "source": "Where the document came from (file name, line or row).",
    "title": "The document's title, when one was evident.",
    "annotator": "Pseudonym of the annotator whose annotation is the gold (never an e-mail).",
    "provenance": "How the gold was made: `single` (one annotator), `consensus` (the "
    "regions the annotators agreed on, by the pull's gold rule) or `adjudicated` (a "
    "reviewer settled a disagreement, or chose one annotation as ground truth).",
}


def _schema(stats: CardStats) -> str:
    columns = stats.columns or tuple(_FIELDS)
    rows = [(f"`{c}`", _FIELDS.get(c, "")) for c in columns]
    return (
        "## Fields\n\n"
        + _table(("field", "meaning"), rows)
        + ("\nFor every span, `text[start:end] == span.text`.\n")
    )


def _labels() -> str:
    return (
        f"## Labels (annotation spec v{SPEC_VERSION})\n\n### Entities\n\n"
        + _table(("label", "definition"), list(ENTITY_DEFINITIONS.items()))
        + "\n### Quote kinds\n\n"
        + _table(("kind", "definition"), list(QUOTE_KIND_DEFINITIONS.items()))
        + "\n### Claim qualifiers\n\n"
        + _table(("qualifier", "phrases"), list(QUALIFIER_DEFINITIONS.items()))
        + "\nA quote's speaker is the named mention in the attribution, else the nearest "
        "preceding named mention of that source, else a `SOURCE` span for an unnamed "
        'source ("officials"), else null.\n'
    )


def _process(stats: CardStats) -> str:
    lines = [
        "## Annotation process\n",
        "Documents were pre-annotated by goldsmith and corrected by people in Label Studio "
        f"following annotation spec v{SPEC_VERSION}. The gold of a document is its only "
        "submitted annotation, the one marked ground truth, the consensus of its "
        "annotators by a stated rule, or a reviewer's adjudication; documents none of "
        "these settled were left out rather than resolved silently.\n",
    ]
    if stats.annotators is not None:
        lines.append(f"- Annotators: {stats.annotators} (named by pseudonym only).\n")
    if stats.provenance:
        made = ", ".join(f"{n} {kind}" for kind, n in sorted(stats.provenance.items()))
        lines.append(f"- Gold documents by provenance: {made}.\n")
    if stats.agreement:
        lines.append("\n### Agreement between annotators\n\n")
        lines.append(_agreement(stats.agreement))
    return "".join(lines)


def _agreement(agreement: Mapping[str, Any]) -> str:
    """Tables from ``goldsmith eval agree --json``: summed pairwise F1, alpha, edit rates."""
    if not {"summed", "alpha", "edits"} <= set(agreement):
        rows = [(k, f"{v:.3f}" if isinstance(v, float) else v) for k, v in _flatten(agreement)]
        return _table(("measure", "value"), rows) + "\n(from `goldsmith eval agree`)\n"
    f1 = [
        (r["layer"], r["criterion"], r.get("tasks", ""), _pct(r.get("f1")))
        for r in agreement["summed"]
        if r.get("label") == "ALL"
    ]
    alpha = [
        (layer, _num(a.get("alpha")), a.get("units", ""), a.get("tasks", ""))
        for layer, a in agreement["alpha"].items()
        if a.get("units")
    ]
    edits = [
        (
            layer,
            e.get("predicted", ""),
            _pct(e.get("kept_rate")),
            _pct(e.get("changed_rate")),
            _pct(e.get("deleted_rate")),
            e.get("added", ""),
        )
        for layer, e in (agreement["edits"] or {}).items()
    ]
    shared = agreement.get("shared_tasks", "?")
    pairwise = (
        _table(("layer", "match", "tasks", "pairwise F1 (%)"), f1)
        if f1
        else "No task was annotated by two or more annotators: no pairwise F1.\n"
    )
    edit_rate = (
        "\nPre-annotation edit rate (of the predicted regions annotators saw):\n\n"
        + _table(("layer", "predicted", "kept %", "changed %", "deleted %", "added"), edits)
        if edits
        else "\nNo pre-annotations were pulled: no edit rate.\n"
    )
    return (
        f"Tasks annotated by two or more annotators: {shared}.\n\n"
        + pairwise
        + "\n"
        + (
            _table(("layer", "Krippendorff's alpha (tokens)", "tokens", "tasks"), alpha)
            if alpha
            else "No token was labeled by two or more annotators: no Krippendorff's alpha.\n"
        )
        + edit_rate
        + "\n(from `goldsmith eval agree`; absent = no data)\n"
    )


def _pct(value: Any) -> str:
    return "absent" if value is None else f"{100 * value:.1f}"


def _num(value: Any) -> str:
    return "absent" if value is None else f"{value:.3f}"


def _flatten(data: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out += _flatten(value, name + ".")
        elif isinstance(value, (int, float, str)) or value is None:
            out.append((name, "absent" if value is None else value))
    return out


def _distributions(stats: CardStats) -> str:
    def counts(counter: Counter) -> str:
        if not counter:
            return "_none_\n"
        return _table(("value", "count"), counter.most_common())

    quotes = sum(stats.quote_kinds.values())
    return (
        "## Distributions (all splits)\n\n### Entity labels\n\n"
        + counts(stats.entity_labels)
        + "\n### Quote kinds\n\n"
        + counts(stats.quote_kinds)
        + f"\nQuotes with an identified speaker: {stats.quotes_with_speaker} of {quotes}.\n"
        + "\n### Speaker labels\n\n"
        + counts(stats.speaker_labels)
        + "\n### Claim qualifiers\n\n"
        + counts(stats.qualifiers)
        + "\n### Most frequent claim units\n\n"
        + counts(Counter(dict(stats.units.most_common(15))))
    )


def _limitations() -> str:
    return (
        "## Known limitations\n\n"
        "- Pre-annotations shape what annotators see; regions nobody pre-annotated are "
        "likelier to be missed.\n"
        "- Speakers are linked to one mention, not to a coreference chain.\n"
        "- Claim values are normalised numbers; the unit is a lemma of the counted noun, "
        "not a unit ontology.\n"
        "- Entities follow OntoNotes 5 definitions restricted to eight labels; other types "
        "(money, percent, cardinal) appear only as claims.\n"
    )
