"""Gold from several annotators of one task, by a stated rule.

A *region* is one decision an annotator made, compared whole:

- an entity: its offsets and label;
- a quote: its offsets, its ``kind`` and its speaker (offsets and label, or none);
- a claim: its offsets, ``value``, ``value_high``, ``unit`` and ``qualifier``.

Each region gets a vote from every annotator whose submitted version contains it. With
``n`` versions (one per annotator) the rules are:

- ``unanimous``: a region is in the gold when all ``n`` marked it; the task is settled
  only when every region marked by anyone was marked by all (the versions are equal);
- ``majority``: a region is in when more than half marked it and out when fewer than
  half did; a region marked by exactly half (a tie, only possible for even ``n``) leaves
  the task unsettled. With two annotators this is the same as ``unanimous``, so it is
  meant for three or more;
- ``ground-truth``: no consensus; the task needs one version marked ground truth (what
  ``annotate pull`` always did).

An unsettled task goes to adjudication (``goldsmith annotate adjudicate``) with the list
of its undecided regions (:attr:`Consensus.disagreements`). Every region of a gold
document carries the number of annotators who marked it (:func:`region_votes`).

Example:
    >>> from goldsmith.labels import AnnotatedDoc, Entity
    >>> a = AnnotatedDoc("d", "Rook said", entities=(Entity(0, 4, "Rook", "PERSON"),))
    >>> decide([a, a], "unanimous").settled
    True
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from goldsmith.labels.records import AnnotatedDoc, Claim, Entity, Quote, Span
from goldsmith.labels.schema import LAYERS


class GoldRule(str, Enum):
    """How ``annotate pull`` makes gold from several annotations of one task."""

    GROUND_TRUTH = "ground-truth"
    UNANIMOUS = "unanimous"
    MAJORITY = "majority"


#: Provenance of a gold document.
SINGLE, CONSENSUS, ADJUDICATED = "single", "consensus", "adjudicated"
PROVENANCES = (SINGLE, CONSENSUS, ADJUDICATED)


@dataclass(frozen=True)
class Consensus:
    """What a rule made of several versions: the gold (when settled) and what is undecided."""

    settled: bool
    doc: AnnotatedDoc | None
    disagreements: tuple[str, ...]


def region_key(layer: str, region: Span) -> tuple:
    """What two annotators must both have chosen for a region to count as the same."""
    if layer == "entities":
        assert isinstance(region, Entity)
        return (region.start, region.end, region.label)
    if layer == "quotes":
        assert isinstance(region, Quote)
        speaker = region.speaker
        who = None if speaker is None else (speaker.start, speaker.end, speaker.label)
        return (region.start, region.end, region.kind, who)
    assert isinstance(region, Claim)
    return (
        region.start,
        region.end,
        float(region.value),
        None if region.value_high is None else float(region.value_high),
        region.unit,
        region.qualifier,
    )


def decide(versions: list[AnnotatedDoc], rule: GoldRule | str) -> Consensus:
    """Apply ``unanimous`` or ``majority`` to the versions of one task (module rules).

    ``versions`` holds one document per annotator, all of the same text.
    """
    rule = GoldRule(rule)
    if rule is GoldRule.GROUND_TRUTH:
        raise ValueError("the ground-truth rule takes no consensus; see annotate pull")
    n = len(versions)
    if n == 0:
        return Consensus(False, None, ("no submitted annotation",))
    kept: dict[str, list[Span]] = {layer: [] for layer in LAYERS}
    undecided: list[str] = []
    for layer in LAYERS:
        votes: Counter[tuple] = Counter()
        example: dict[tuple, Span] = {}
        for version in versions:
            keys = {region_key(layer, r): r for r in getattr(version, layer)}
            votes.update(keys.keys())
            for key, region in keys.items():
                example.setdefault(key, region)
        for key in sorted(votes, key=repr):
            count = votes[key]
            if _is_in(rule, count, n):
                kept[layer].append(_plain(example[key]))
            elif not _is_out(rule, count, n):
                undecided.append(describe(layer, example[key], count, n))
    if undecided:
        return Consensus(False, None, tuple(undecided))
    first = versions[0]
    doc = AnnotatedDoc(
        first.doc_id,
        first.text,
        tuple(kept["entities"]),  # type: ignore[arg-type]
        tuple(kept["quotes"]),  # type: ignore[arg-type]
        tuple(kept["claims"]),  # type: ignore[arg-type]
    ).sorted()
    return Consensus(True, doc, ())


def disagreements(versions: list[AnnotatedDoc]) -> tuple[str, ...]:
    """Every region not marked by all the versions, described for a reviewer."""
    return decide(versions, GoldRule.UNANIMOUS).disagreements


def starting_point(versions: list[AnnotatedDoc]) -> AnnotatedDoc:
    """The regions a majority (more than half) marked: a reviewer's starting point."""
    n = len(versions)
    kept: dict[str, list[Span]] = {layer: [] for layer in LAYERS}
    for layer in LAYERS:
        votes: Counter[tuple] = Counter()
        example: dict[tuple, Span] = {}
        for version in versions:
            keys = {region_key(layer, r): r for r in getattr(version, layer)}
            votes.update(keys.keys())
            for key, region in keys.items():
                example.setdefault(key, region)
        kept[layer] = [_plain(example[k]) for k in sorted(votes, key=repr) if 2 * votes[k] > n]
    first = versions[0]
    return AnnotatedDoc(
        first.doc_id,
        first.text,
        tuple(kept["entities"]),  # type: ignore[arg-type]
        tuple(kept["quotes"]),  # type: ignore[arg-type]
        tuple(kept["claims"]),  # type: ignore[arg-type]
    ).sorted()


def region_votes(doc: AnnotatedDoc, versions: list[AnnotatedDoc]) -> dict[str, list[int]]:
    """Per layer, in the document's order: how many versions contain each of its regions."""
    out: dict[str, list[int]] = {}
    for layer in LAYERS:
        marked = [{region_key(layer, r) for r in getattr(v, layer)} for v in versions]
        out[layer] = [
            sum(region_key(layer, r) in keys for keys in marked) for r in getattr(doc, layer)
        ]
    return out


def describe(layer: str, region: Span, count: int, n: int) -> str:
    """One line for a reviewer: what the region is and how many annotators marked it."""
    what = f"{region.text!r} [{region.start}:{region.end}]"
    if isinstance(region, Entity):
        what += f" {region.label}"
    elif isinstance(region, Quote):
        speaker = region.speaker.text if region.speaker is not None else "no speaker"
        what += f" {region.kind}, speaker {speaker!r}"
    elif isinstance(region, Claim):
        high = "" if region.value_high is None else f"-{_number(region.value_high)}"
        what += f" {_number(region.value)}{high} {region.unit} {region.qualifier}"
    return f"{layer}: {what} marked by {count} of {n}"


def _is_in(rule: GoldRule, count: int, n: int) -> bool:
    return count == n if rule is GoldRule.UNANIMOUS else 2 * count > n


def _is_out(rule: GoldRule, count: int, n: int) -> bool:
    return count == 0 if rule is GoldRule.UNANIMOUS else 2 * count < n


def _plain(region: Any) -> Any:
    """The region without pre-annotation scores (gold carries none)."""
    if isinstance(region, Quote) and region.speaker is not None:
        region = replace(region, speaker=replace(region.speaker, score=None))
    return replace(region, score=None)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class Choice:
    """The gold of one task, or why there is none.

    ``source`` is the index of the version used as is (``single``, or the one marked
    ground truth), else None; ``votes`` is :func:`region_votes` of the gold.
    """

    doc: AnnotatedDoc | None
    provenance: str | None
    votes: dict[str, list[int]]
    source: int | None = None
    reason: str = ""


def choose(
    versions: list[AnnotatedDoc | None],
    ground_truth: list[bool],
    rule: GoldRule | str = GoldRule.GROUND_TRUTH,
    reviewed: AnnotatedDoc | None = None,
) -> Choice:
    """The gold of one task from its submitted versions (one per annotator).

    In this order: a reviewer's submitted adjudication wins (``adjudicated``); a single
    version is the gold (``single``); among several, exactly one marked ground truth
    wins (``adjudicated``: someone chose it); otherwise ``ground-truth`` leaves a
    conflict, and ``unanimous`` / ``majority`` build the gold by :func:`decide`
    (``consensus``) or leave a conflict naming how many regions are undecided. A version
    that could not be read (None) makes a task with several versions a conflict.
    """
    rule = GoldRule(rule)
    readable = [v for v in versions if v is not None]
    if reviewed is not None:
        return Choice(reviewed, ADJUDICATED, region_votes(reviewed, readable))
    if not versions:
        return Choice(None, None, {}, reason="no submitted annotation")
    if len(versions) == 1:
        doc = versions[0]
        votes = {} if doc is None else region_votes(doc, [doc])
        return Choice(doc, SINGLE if doc is not None else None, votes, 0)
    marked = [i for i, flag in enumerate(ground_truth) if flag]
    if len(marked) == 1:
        doc = versions[marked[0]]
        if doc is None:  # unreadable: reported by the caller, no gold
            return Choice(None, None, {}, marked[0])
        return Choice(doc, ADJUDICATED, region_votes(doc, readable), marked[0])
    if len(readable) < len(versions):
        return Choice(None, None, {}, reason="an annotation could not be read")
    if rule is GoldRule.GROUND_TRUTH or len(marked) > 1:
        reason = (
            "several submitted annotations, none marked ground truth"
            if not marked
            else f"{len(marked)} annotations marked ground truth"
        )
        return Choice(None, None, {}, reason=reason)
    found = decide(readable, rule)
    if not found.settled or found.doc is None:
        return Choice(
            None,
            None,
            {},
            reason=f"the {rule.value} rule leaves {len(found.disagreements)} region(s) "
            "undecided; run 'goldsmith annotate adjudicate'",
        )
    return Choice(found.doc, CONSENSUS, region_votes(found.doc, readable))
