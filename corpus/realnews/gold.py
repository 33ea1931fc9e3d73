"""Offset-only gold records: stored without any text, joined with rebuilt texts on load.

One JSON object a line: ``article_id``, ``sha256`` (of the text the offsets refer to),
``pass`` (an annotator's name or ``adjudicated``), and the three layers with offsets and
attributes only::

    {"article_id": "...", "sha256": "...", "pass": "a1",
     "entities": [{"start": 0, "end": 7, "label": "PERSON"}],
     "quotes": [{"start": 9, "end": 30, "kind": "direct",
                 "speaker": {"start": 0, "end": 7, "label": "PERSON"}}],
     "claims": [{"start": 40, "end": 52, "value": 3200000, "unit": "dollar",
                 "qualifier": "exact"}]}

:func:`load_gold` refuses a record whose text hash differs from the rebuilt text, then
fills every span's text from the offsets and checks the result against the spec.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from goldsmith.corpus.documents import doc_id_for
from goldsmith.corpus.realnews.manifest import Entry, text_sha256
from goldsmith.errors import InputError, SchemaError
from goldsmith.labels import AnnotatedDoc, Claim, Entity, Quote
from goldsmith.labels.validate import problems


def _ent(e: Entity) -> dict[str, Any]:
    return {"start": e.start, "end": e.end, "label": e.label}


def record_for(doc: AnnotatedDoc, article_id: str, pass_name: str) -> dict[str, Any]:
    """The offset-only record of ``doc`` (no text field anywhere)."""
    claims = []
    for c in doc.claims:
        item = {
            "start": c.start,
            "end": c.end,
            "value": c.value,
            "unit": c.unit,
            "qualifier": c.qualifier,
        }
        if c.value_high is not None:
            item["value_high"] = c.value_high
        claims.append(item)
    return {
        "article_id": article_id,
        "sha256": text_sha256(doc.text),
        "pass": pass_name,
        "entities": [_ent(e) for e in doc.entities],
        "quotes": [
            {
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker": _ent(q.speaker) if q.speaker else None,
            }
            for q in doc.quotes
        ],
        "claims": claims,
    }


def write_gold(docs: Iterable[AnnotatedDoc], path: Path, entries: Iterable[Entry]) -> int:
    """Write offset-only records (``meta`` needs ``article_id``; ``annotator`` names the pass).

    Raises InputError when a document's text is not the manifest's (hash differs).
    """
    by_id = {e.article_id: e for e in entries}
    lines = []
    for doc in docs:
        article_id = doc.meta["article_id"]
        entry = by_id.get(article_id)
        if entry is None or entry.sha256 != text_sha256(doc.text):
            raise InputError(f"{article_id}: not in the manifest, or its text hash differs")
        rec = record_for(doc, article_id, doc.meta.get("pass") or doc.meta.get("annotator", ""))
        lines.append(json.dumps(rec, ensure_ascii=False, sort_keys=False))
    Path(path).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return len(lines)


def _span(text: str, item: Mapping[str, Any], where: str) -> tuple[int, int, str]:
    try:
        start, end = int(item["start"]), int(item["end"])
    except (KeyError, TypeError, ValueError):
        raise SchemaError(f"{where}: needs integer start and end, got {item!r}") from None
    return start, end, text[start:end]


def doc_from_record(record: Mapping[str, Any], text: str, where: str) -> AnnotatedDoc:
    """The AnnotatedDoc of an offset-only record on ``text``; checks hash and spec."""
    if text_sha256(text) != record.get("sha256"):
        raise InputError(
            f"{where}: the text of {record.get('article_id')!r} does not have the hash the gold "
            "was made on; rebuild it with "
            "python corpus/realnews/rebuild.py --polnear PATH --out DIR"
        )
    ents = [Entity(*_span(text, e, where), e.get("label")) for e in record.get("entities", [])]
    quotes = []
    for q in record.get("quotes", []):
        spk = q.get("speaker")
        speaker = Entity(*_span(text, spk, where), spk.get("label")) if spk else None
        quotes.append(Quote(*_span(text, q, where), q.get("kind"), speaker))
    claims = [
        Claim(
            *_span(text, c, where),
            c.get("value"),
            c.get("unit"),
            c.get("qualifier"),
            c.get("value_high"),
        )
        for c in record.get("claims", [])
    ]
    doc = AnnotatedDoc(
        doc_id=doc_id_for(text),
        text=text,
        entities=tuple(ents),
        quotes=tuple(quotes),
        claims=tuple(claims),
        meta={"article_id": record.get("article_id"), "pass": record.get("pass")},
    ).sorted()
    found = problems(doc)
    if found:
        raise SchemaError(f"{where}: {found[0]} (and {len(found) - 1} more)")
    return doc


def load_gold(path: Path, texts: Mapping[str, str]) -> list[AnnotatedDoc]:
    """Every record of ``path`` joined with ``texts`` (article id -> text), in file order."""
    docs = []
    for line_no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{line_no}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
        article_id = record.get("article_id")
        if article_id not in texts:
            raise InputError(f"{where}: no text for article {article_id!r}")
        docs.append(doc_from_record(record, texts[article_id], where))
    return docs
