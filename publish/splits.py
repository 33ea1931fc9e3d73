"""Seeded, document-level splits that keep groups of documents together.

The rule: documents are grouped (by the meta field ``group_by`` when given, else each
document is its own group); groups are put in a pseudo-random order that depends only
on the seed and the group key (SHA-256 of ``"{seed}:{key}"``), then each group in
turn goes to the split furthest below its target share (target = ratio x documents;
ties go to the earlier split). So no document or group is in two splits, the same
seed gives the same splits on any machine, and adding documents moves few others.
A gold set in which a doc_id appears twice is refused (one line with the ids): the
same document would be counted twice, or land in train and test.

Example:
    >>> from goldsmith.labels import AnnotatedDoc
    >>> docs = [AnnotatedDoc(f"d{i}", "x") for i in range(10)]
    >>> sizes = {k: len(v) for k, v in split_documents(docs, {"train": 0.8, "test": 0.2}).items()}
    >>> sizes
    {'train': 8, 'test': 2}
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from goldsmith.errors import InputError, PublishError
from goldsmith.labels.records import AnnotatedDoc

DEFAULT_RATIOS: dict[str, float] = {"train": 0.8, "validation": 0.1, "test": 0.1}


def parse_ratios(value: str) -> dict[str, float]:
    """``"0.8,0.1,0.1"`` or ``"train=0.7,test=0.3"`` -> ratios normalised to sum 1."""
    parts = [p.strip() for p in value.split(",") if p.strip()]
    names = list(DEFAULT_RATIOS)
    ratios: dict[str, float] = {}
    for i, part in enumerate(parts):
        name, _, number = part.rpartition("=")
        if not name:
            if i >= len(names):
                raise InputError(
                    f"--ratios {value!r}: at most 3 unnamed ratios (train,validation,test)"
                )
            name = names[i]
        try:
            ratios[name] = float(number)
        except ValueError:
            raise InputError(f"--ratios {value!r}: {number!r} is not a number") from None
    total = sum(ratios.values())
    if not ratios or total <= 0 or any(r < 0 for r in ratios.values()):
        raise InputError(f"--ratios {value!r}: need non-negative ratios with a positive sum")
    return {name: r / total for name, r in ratios.items() if r > 0}


def split_documents(
    docs: Sequence[AnnotatedDoc],
    ratios: Mapping[str, float] = DEFAULT_RATIOS,
    seed: int = 0,
    group_by: str | None = None,
) -> dict[str, list[AnnotatedDoc]]:
    """Assign every document to one split; returns the non-empty splits in ``ratios`` order."""
    check_unique(docs)
    groups: dict[str, list[AnnotatedDoc]] = {}
    for doc in docs:
        groups.setdefault(_group_key(doc, group_by), []).append(doc)
    order = sorted(groups, key=lambda key: hashlib.sha256(f"{seed}:{key}".encode()).hexdigest())
    total = sum(ratios.values()) or 1.0
    targets = {name: ratio / total * len(docs) for name, ratio in ratios.items()}
    splits: dict[str, list[AnnotatedDoc]] = {name: [] for name in ratios}
    for key in order:
        name = max(targets, key=lambda n: targets[n] - len(splits[n]))
        splits[name].extend(groups[key])
    return {name: members for name, members in splits.items() if members}


def check_unique(docs: Sequence[AnnotatedDoc]) -> None:
    """Raise :class:`PublishError` naming the doc_ids that appear more than once."""
    seen: dict[str, int] = {}
    for doc in docs:
        seen[doc.doc_id] = seen.get(doc.doc_id, 0) + 1
    twice = [f"{doc_id} ({n}x)" for doc_id, n in seen.items() if n > 1]
    if twice:
        shown = ", ".join(twice[:10]) + (f" and {len(twice) - 10} more" if len(twice) > 10 else "")
        raise PublishError(
            f"doc_ids that appear more than once in the gold set: {shown}; each document "
            "must be gold once (pull again: 'goldsmith annotate pull' keeps duplicates out)"
        )


def _group_key(doc: AnnotatedDoc, group_by: str | None) -> str:
    if group_by is None:
        return doc.doc_id
    if group_by in ("doc_id", "text"):
        return str(getattr(doc, group_by))
    value = doc.meta.get(group_by)
    if value is None:
        fields = ", ".join(sorted(doc.meta)) or "none"
        raise InputError(
            f"document {doc.doc_id!r} has no field {group_by!r} to group by (fields: {fields})"
        )
    return str(value)
