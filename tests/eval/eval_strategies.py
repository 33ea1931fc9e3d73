"""Hypothesis strategies shared by the eval tests: random documents with random spans."""

from __future__ import annotations

from hypothesis import strategies as st

from goldsmith.labels.records import Entity

LABELS = ("PERSON", "ORG", "GPE")

TEXT_LENGTH = 400


def _entity(text: str, start: int, end: int, label: str) -> Entity:
    return Entity(start, end, text[start:end], label)


@st.composite
def disjoint_entities(draw, text: str, labels: tuple[str, ...] = LABELS) -> list[Entity]:
    """Non-overlapping entities of length 1..30 in ``text``, sorted by position."""
    out: list[Entity] = []
    pos = draw(st.integers(0, 5))
    for _ in range(draw(st.integers(0, 14))):
        length = draw(st.integers(1, 30))
        if pos + length > len(text):
            break
        out.append(_entity(text, pos, pos + length, draw(st.sampled_from(labels))))
        pos += length + draw(st.integers(0, 6))
    return out


@st.composite
def perturbed(
    draw, text: str, gold: list[Entity], labels: tuple[str, ...] = LABELS, disjoint: bool = True
) -> list[Entity]:
    """Predictions derived from ``gold``: kept, shifted, relabelled, dropped, plus spurious.

    With ``disjoint`` the predictions never overlap one another (later ones that would
    overlap an earlier one are dropped).
    """
    cands: list[Entity] = []
    for ent in gold:
        op = draw(st.sampled_from(("keep", "keep", "shift", "label", "drop", "both")))
        start, end, label = ent.start, ent.end, ent.label
        if op == "drop":
            continue
        if op in ("shift", "both"):
            start = max(0, start + draw(st.integers(-4, 4)))
            end = min(len(text), end + draw(st.integers(-4, 4)))
        if op in ("label", "both"):
            label = draw(st.sampled_from(labels))
        if start < end:
            cands.append(_entity(text, start, end, label))
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(text) - 1))
        end = min(len(text), start + draw(st.integers(1, 30)))
        cands.append(_entity(text, start, end, draw(st.sampled_from(labels))))
    if not disjoint:
        return cands
    kept: list[Entity] = []
    for ent in sorted(cands, key=lambda e: (e.start, e.end, e.label)):
        if not kept or ent.start >= kept[-1].end:
            kept.append(ent)
    return kept


@st.composite
def annotated_docs(draw, n_max: int = 4):
    """Documents with random (possibly overlapping) entities, quotes and claims."""
    from goldsmith.labels.records import AnnotatedDoc, Claim, Quote
    from goldsmith.labels.schema import ENTITY_LABELS, QUALIFIERS, QUOTE_KINDS

    docs = []
    for i in range(draw(st.integers(0, n_max))):
        text = draw(st.text("abc .", min_size=20, max_size=120))

        def spans(n: int, text: str = text):
            out = []
            for _ in range(n):
                start = draw(st.integers(0, len(text) - 1))
                end = draw(st.integers(start + 1, len(text)))
                out.append((start, end))
            return out

        entities = tuple(
            Entity(s, e, text[s:e], draw(st.sampled_from(ENTITY_LABELS)))
            for s, e in spans(draw(st.integers(0, 6)))
        )
        quotes = []
        for s, e in spans(draw(st.integers(0, 3))):
            speaker = None
            if entities and draw(st.booleans()):
                speaker = draw(st.sampled_from(entities))
            quotes.append(Quote(s, e, text[s:e], draw(st.sampled_from(QUOTE_KINDS)), speaker))
        claims = []
        for s, e in spans(draw(st.integers(0, 3))):
            qualifier = draw(st.sampled_from(QUALIFIERS))
            value = draw(st.integers(0, 10_000))
            high = value + draw(st.integers(1, 100)) if qualifier == "range" else None
            unit = draw(st.sampled_from(("soldier", "percent", "dollar")))
            claims.append(Claim(s, e, text[s:e], value, unit, qualifier, high))
        docs.append(AnnotatedDoc(f"d{i}", text, entities, tuple(quotes), tuple(claims)).sorted())
    return docs


ENTITY_TEXT = "x" * TEXT_LENGTH


@st.composite
def entity_corpus(draw, disjoint: bool = True):
    """1..6 documents of (gold, predicted) entities; ``disjoint=False`` lets predictions overlap."""
    docs = []
    for _ in range(draw(st.integers(1, 6))):
        gold = draw(disjoint_entities(ENTITY_TEXT))
        docs.append((gold, draw(perturbed(ENTITY_TEXT, gold, disjoint=disjoint))))
    return docs


def fast_entity_counts(docs, scheme, label=None) -> tuple[int, int, int, int, int]:
    """The fast counter's counts (``entity_doc_counts``) summed over documents."""
    from goldsmith.eval.entity_counter import entity_doc_counts
    from goldsmith.eval.entity_scores import EntityCounts
    from goldsmith.eval.metrics import SpanCounts

    total = EntityCounts()
    for gold, pred in docs:
        total = total + entity_doc_counts(gold, pred)
    counts = total.scheme(scheme)
    c = counts.overall if label is None else counts.per_label.get(label, SpanCounts())
    return (c.correct, c.incorrect, c.partial, c.missed, c.spurious)


def paired_entity_counts(docs, scheme, label=None) -> tuple[int, int, int, int, int]:
    """The counts of the pairs of ``match_entities`` (one label's entities alone if given)."""
    from goldsmith.eval.entities import entity_pairs
    from goldsmith.eval.matching import count_pairs
    from goldsmith.eval.metrics import SpanCounts

    total = SpanCounts()
    for gold, pred in docs:
        if label is not None:
            gold = [e for e in gold if e.label == label]
            pred = [e for e in pred if e.label == label]
        total = total + count_pairs(entity_pairs(gold, pred, scheme))
    return (total.correct, total.incorrect, total.partial, total.missed, total.spurious)
