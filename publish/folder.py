"""``publish``: the gold set as a folder the Hugging Face Hub serves as is.

Layout written: ``data/{split}-00000-of-00001.parquet`` per split (explicit
features, so ``datasets.load_dataset(folder)`` gives back the declared types) and a
``README.md`` dataset card whose front matter declares each split's files. Only the
spec's fields plus ``source``, ``title``, ``annotator`` (a pseudonym) and the grouping
field are published; server ids and anything else in the gold's meta stay behind.
Nothing is written when the privacy scan finds an e-mail address, a URL with
credentials or a token anywhere in the rows or the card, when a doc_id appears twice,
or when ``out_dir`` is neither empty nor an earlier publish output
(:mod:`goldsmith.publish.out_folder`). The card's ``pretty_name`` is ``name``, else the
project title of the gold directory's manifest. The agreement on the card is the gold
directory's ``agreement.json`` only while it belongs to the same pull
(:mod:`goldsmith.labels.gold.agreement`); otherwise it is left out with a warning.

Example:
    >>> report = write_hub_folder("gold_dir", "hub_dir")  # doctest: +SKIP
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import datasets

from goldsmith.errors import PublishError
from goldsmith.labels.features import doc_to_row, gold_features
from goldsmith.labels.gold import ANNOTATIONS_JSONL, matching_agreement, read_gold, read_manifest
from goldsmith.labels.jsonl import read_jsonl
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.publish.card import CardStats, SplitStats, render_card
from goldsmith.publish.out_folder import CARD, check_out_folder, replace_data_dir
from goldsmith.publish.privacy import find_private, known_secrets, scan_rows
from goldsmith.publish.splits import DEFAULT_RATIOS, split_documents

PUBLIC_META = ("source", "title", "annotator", "provenance")
DEFAULT_NAME = "goldsmith gold set"


@dataclass(frozen=True)
class PublishReport:
    """What was written: the folder, rows per split, columns, the card."""

    out_dir: str
    splits: dict[str, int]
    columns: tuple[str, ...]
    card: str
    warnings: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def write_hub_folder(
    gold: str | Path,
    out_dir: str | Path,
    *,
    ratios: Mapping[str, float] = DEFAULT_RATIOS,
    seed: int = 0,
    group_by: str | None = None,
    name: str | None = None,
    license: str = "other",
    agreement: Mapping[str, Any] | None = None,
) -> PublishReport:
    """Split the gold set, check it for private data, write Parquet files and the card.

    ``gold`` is a gold directory from ``annotate pull`` or a spec JSONL file. The
    agreement figures come from ``agreement`` or, when absent, from
    ``<gold dir>/agreement.json`` (written by ``goldsmith eval agree``) when it belongs
    to the same pull.
    """
    gold, out_dir = Path(gold), Path(out_dir)
    check_out_folder(out_dir, "hub")
    docs = read_gold(gold)
    if not docs:
        raise PublishError(f"{gold}: the gold set is empty; nothing to publish")
    warnings: list[str] = []
    manifest = read_manifest(gold) if gold.is_dir() else None
    if not name:
        name = manifest.origin.project_title if manifest is not None else DEFAULT_NAME
        if manifest is None:
            warnings.append(f"the card's pretty_name is {name!r}; pass --name to set it")
    if agreement is None:
        agreement, why_not = matching_agreement(gold)
        if why_not:
            warnings.append(why_not)
    splits = split_documents(docs, ratios, seed=seed, group_by=group_by)
    columns = _columns(docs, group_by)
    extra = {c: datasets.Value("string") for c in columns if c not in gold_features()}
    rows = {s: [_public_row(d, extra) for d in members] for s, members in splits.items()}

    secrets = known_secrets()
    problems = [p for s, r in rows.items() for p in scan_rows(r, f"split {s}:", secrets)]
    card_path = out_dir / CARD
    previous_card = card_path.read_text("utf-8") if card_path.exists() else None
    stats = _card_stats(
        splits, columns, name, license, group_by, seed, _annotators(gold, docs), agreement
    )
    card = render_card(stats, previous_card)
    problems += [f"README.md: {kind}" for kind in find_private(card, secrets)]
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise PublishError(
            f"refusing to publish private data: {'; '.join(problems[:5])}{more}; "
            "remove it from the gold set first"
        )

    features = gold_features(extra)
    try:
        _write(out_dir, rows, features, card)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        raise PublishError(
            f"--out {out_dir}: cannot write ({where}{exc.strerror or exc}); choose another folder"
        ) from None
    warnings += [
        f"split {split!r} is empty (too few documents or groups) and was left out"
        for split in ratios
        if split not in splits
    ]
    return PublishReport(
        out_dir=str(out_dir),
        splits={s: len(m) for s, m in splits.items()},
        columns=tuple(features),
        card=str(card_path),
        warnings=tuple(warnings),
    )


def _write(out_dir: Path, rows: dict[str, list[dict]], features: datasets.Features, card: str):
    """Parquet files into a fresh ``data/`` (swapped in whole), then the card."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staged = out_dir / ".data.partial"
    shutil.rmtree(staged, ignore_errors=True)
    staged.mkdir()
    quiet = datasets.utils.are_progress_bars_disabled()
    datasets.disable_progress_bars()  # no "Creating parquet" bars in the command's output
    try:
        for split, split_rows in rows.items():
            table = {c: [r[c] for r in split_rows] for c in features}
            dataset = datasets.Dataset.from_dict(table, features=features)
            dataset.to_parquet(str(staged / f"{split}-00000-of-00001.parquet"))
    finally:
        if not quiet:
            datasets.enable_progress_bars()
    replace_data_dir(out_dir, staged)
    partial = out_dir / f".{CARD}.partial"
    partial.write_text(card, encoding="utf-8")
    os.replace(partial, out_dir / CARD)


def _columns(docs: list[AnnotatedDoc], group_by: str | None) -> tuple[str, ...]:
    wanted = list(PUBLIC_META) + ([group_by] if group_by and group_by not in PUBLIC_META else [])
    present = [c for c in wanted if any(doc.meta.get(c) is not None for doc in docs)]
    return ("doc_id", "text", "entities", "quotes", "claims", *present)


def _public_row(doc: AnnotatedDoc, extra: Mapping[str, Any]) -> dict[str, Any]:
    row = doc_to_row(doc, extra.keys())
    for key in extra:
        if row[key] is not None:
            row[key] = str(row[key])
    return row


def _annotators(gold: Path, docs: list[AnnotatedDoc]) -> int | None:
    names = {d.meta["annotator"] for d in docs if d.meta.get("annotator")}
    table = gold / ANNOTATIONS_JSONL if gold.is_dir() else None
    if table is not None and table.exists():
        names |= {d.meta["annotator"] for d in read_jsonl(table) if d.meta.get("annotator")}
    return len(names) or None


def _card_stats(splits, columns, name, license, group_by, seed, annotators, agreement) -> CardStats:
    entity_labels: Counter = Counter()
    kinds: Counter = Counter()
    speakers: Counter = Counter()
    qualifiers: Counter = Counter()
    units: Counter = Counter()
    with_speaker = 0
    split_stats = {}
    for split, docs in splits.items():
        for doc in docs:
            entity_labels.update(e.label for e in doc.entities)
            kinds.update(q.kind for q in doc.quotes)
            speakers.update(q.speaker.label for q in doc.quotes if q.speaker)
            with_speaker += sum(q.speaker is not None for q in doc.quotes)
            qualifiers.update(c.qualifier for c in doc.claims)
            units.update(c.unit for c in doc.claims)
        split_stats[split] = SplitStats(
            docs=len(docs),
            entities=sum(len(d.entities) for d in docs),
            quotes=sum(len(d.quotes) for d in docs),
            claims=sum(len(d.claims) for d in docs),
        )
    provenance = Counter(
        str(d.meta["provenance"])
        for docs in splits.values()
        for d in docs
        if d.meta.get("provenance")
    )
    return CardStats(
        name=name,
        provenance=provenance,
        splits=split_stats,
        entity_labels=entity_labels,
        quote_kinds=kinds,
        quotes_with_speaker=with_speaker,
        speaker_labels=speakers,
        qualifiers=qualifiers,
        units=units,
        annotators=annotators,
        columns=columns,
        license=license,
        agreement=agreement,
        group_by=group_by,
        seed=seed,
    )
