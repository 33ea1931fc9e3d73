"""Training exports of the gold set: spaCy ``DocBin`` files and CoNLL-2003 for entities.

spaCy: one ``Doc`` per document with entities as ``doc.ents`` (overlapping entities
cannot be ents: the longest is kept, and the others are counted), quotes and claims
in ``doc.spans["quotes"]`` and ``doc.spans["claims"]`` (span label ``QUOTE`` /
``CLAIM``) and every attribute (kind, speaker, value, unit, qualifier, value_high)
in ``doc.user_data["goldsmith"]``, in span order. Spans are aligned to tokens with
``alignment_mode="expand"``.

CoNLL-2003: ``token POS chunk NER`` per line with ``_`` for POS and chunk, IOB2
entity tags, a blank line between sentences (one sentence per line of text) and a
``-DOCSTART-`` line per document. Only the entity layer is representable there:
quotes, claims and overlapping entities are not.

Both exports split the gold set as ``publish`` does and write one file per split. A
split left empty (too few documents or groups) gets no file, and the report says so in
its warnings; an earlier export's files in the folder are deleted first, so no stale
split survives (the folder rule is :mod:`goldsmith.publish.out_folder`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from goldsmith.errors import PublishError
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.publish.out_folder import check_out_folder, remove_exports


@dataclass(frozen=True)
class ExportReport:
    """The file written per split, and what was left out."""

    files: dict[str, str]
    warnings: tuple[str, ...] = ()


def to_spacy_doc(nlp: spacy.language.Language, doc: AnnotatedDoc) -> tuple[Doc, int]:
    """The spaCy Doc of ``doc`` and the number of entities that could not be ents."""
    sdoc = nlp.make_doc(doc.text)
    ents = [sdoc.char_span(e.start, e.end, e.label, alignment_mode="expand") for e in doc.entities]
    ents = [s for s in ents if s is not None]
    kept = filter_spans(ents)
    sdoc.ents = kept
    sdoc.spans["quotes"] = [
        sdoc.char_span(q.start, q.end, "QUOTE", alignment_mode="expand") for q in doc.quotes
    ]
    sdoc.spans["claims"] = [
        sdoc.char_span(c.start, c.end, "CLAIM", alignment_mode="expand") for c in doc.claims
    ]
    sdoc.user_data["goldsmith"] = {
        "doc_id": doc.doc_id,
        "quotes": [
            {
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": None
                if q.speaker is None
                else {"start": q.speaker.start, "end": q.speaker.end, "label": q.speaker.label},
            }
            for q in doc.quotes
        ],
        "claims": [
            {
                "start": c.start,
                "end": c.end,
                "value": c.value,
                "unit": c.unit,
                "qualifier": c.qualifier,
                "value_high": c.value_high,
            }
            for c in doc.claims
        ],
    }
    return sdoc, len(doc.entities) - len(kept)


def write_docbin(docs: Sequence[AnnotatedDoc], path: str | Path) -> int:
    """Write one ``.spacy`` file; returns how many entities could not be ents."""
    nlp = spacy.blank("en")
    docbin = DocBin(store_user_data=True)
    dropped = 0
    for doc in docs:
        sdoc, lost = to_spacy_doc(nlp, doc)
        docbin.add(sdoc)
        dropped += lost
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return dropped


def conll_lines(docs: Iterable[AnnotatedDoc]) -> Iterable[str]:
    """CoNLL-2003 lines (without newlines) for the entity layer of ``docs``."""
    nlp = spacy.blank("en")
    for doc in docs:
        sdoc, _ = to_spacy_doc(nlp, doc)
        yield "-DOCSTART- -X- -X- O"
        yield ""
        sentence: list[str] = []
        for token in sdoc:
            if "\n" in token.text or token.is_space:
                if sentence:
                    yield from sentence
                    yield ""
                    sentence = []
                continue
            tag = "O" if not token.ent_type_ else f"{token.ent_iob_}-{token.ent_type_}"
            sentence.append(f"{token.text} _ _ {tag}")
        if sentence:
            yield from sentence
            yield ""


def write_conll(docs: Iterable[AnnotatedDoc], path: str | Path) -> None:
    """Write the CoNLL-2003 file of ``docs``."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with Path(path).open("w", encoding="utf-8") as handle:
        for line in conll_lines(docs):
            handle.write(line + "\n")


def write_export(
    gold: str | Path,
    out_dir: str | Path,
    fmt: str,
    *,
    ratios=None,
    seed: int = 0,
    group_by: str | None = None,
) -> ExportReport:
    """Split the gold set as ``publish`` does and write ``{split}.spacy`` or ``{split}.conll``.

    Returns the written file of each split and a warning per empty split.
    """
    from goldsmith.labels.gold import read_gold
    from goldsmith.publish.splits import DEFAULT_RATIOS, split_documents

    out_dir = Path(out_dir)
    check_out_folder(out_dir, fmt)
    docs = read_gold(gold)
    ratios = ratios or DEFAULT_RATIOS
    splits = split_documents(docs, ratios, seed=seed, group_by=group_by)
    written = {}
    try:
        remove_exports(out_dir, fmt)
        for split, members in splits.items():
            path = out_dir / f"{split}.{fmt}"
            if fmt == "spacy":
                write_docbin(members, path)
            else:
                write_conll(members, path)
            written[split] = str(path)
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        raise PublishError(
            f"--out {out_dir}: cannot write ({where}{exc.strerror or exc}); choose another folder"
        ) from None
    warnings = tuple(
        f"split {split!r} is empty (too few documents or groups): no {split}.{fmt} written"
        for split in ratios
        if split not in splits
    )
    return ExportReport(written, warnings)
