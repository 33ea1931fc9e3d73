"""The other systems ``quality_realnews.py`` compares: raw spaCy, textacy, quantulum3.

Each returns spec records for the texts: raw spaCy's entities (spec labels only) and its
number entities as claims, textacy's direct quotations, quantulum3's quantities as claims.
textacy and quantulum3 come from the ``bench`` extra and are imported only when asked for.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from goldsmith.corpus.documents import doc_id_for
from goldsmith.corpus.realnews.annotations import QUOTE_MARKS
from goldsmith.labels import ENTITY_LABELS, AnnotatedDoc, Claim, Entity, Quote

#: doc_ids of the texts textacy refused (an odd number of quotation marks).
TEXTACY_REFUSED: list[str] = []

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _spacy_claim(ent) -> Claim:
    m = _NUMBER.search(ent.text)
    value = float(m.group().replace(",", "")) if m else 0.0
    for word, factor in _SCALE.items():
        if word in ent.text.lower():
            value *= factor
    if ent.label_ == "MONEY":
        unit = "dollar"
    elif ent.label_ == "PERCENT":
        unit = "percent"
    else:
        head = ent.root.head if ent.root.dep_ == "nummod" else ent.root
        unit = head.lemma_.lower() if head.pos_ in ("NOUN", "PROPN") else ""
    return Claim(ent.start_char, ent.end_char, ent.text, value, unit, "exact")


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Quotation marks and whitespace off both edges, and a comma off the end (spec)."""
    while start < end and (text[start] in QUOTE_MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in QUOTE_MARKS + "," or text[end - 1].isspace()):
        end -= 1
    return start, end


def run_spacy_and_textacy(
    nlp, texts: Sequence[str], want_textacy: bool
) -> tuple[list[AnnotatedDoc], list[AnnotatedDoc] | None]:
    """The raw model's entities and number entities as claims; textacy's direct quotations."""
    direct_quotations = None
    if want_textacy:
        from textacy.extract.triples import direct_quotations
    spacy_docs, textacy_docs = [], []
    for text, parsed in zip(texts, nlp.pipe(texts, batch_size=16), strict=True):
        doc_id = doc_id_for(text)
        ents = tuple(
            Entity(e.start_char, e.end_char, e.text, e.label_)
            for e in parsed.ents
            if e.label_ in ENTITY_LABELS
        )
        claims = tuple(
            _spacy_claim(e)
            for e in parsed.ents
            if e.label_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")
        )
        spacy_docs.append(AnnotatedDoc(doc_id, text, entities=ents, claims=claims))
        if direct_quotations is not None:
            quotes = []
            try:
                triples = list(direct_quotations(parsed))
            except ValueError:  # textacy refuses a text with an odd number of marks
                triples = []
                TEXTACY_REFUSED.append(doc_id)
            for triple in triples:
                s, e = _strip_marks(text, triple.content.start_char, triple.content.end_char)
                if s >= e:
                    continue
                speaker = None
                if triple.speaker:
                    a, b = triple.speaker[0].idx, triple.speaker[-1].idx + len(triple.speaker[-1])
                    speaker = Entity(a, b, text[a:b], "SOURCE")
                quotes.append(Quote(s, e, text[s:e], "direct", speaker))
            textacy_docs.append(AnnotatedDoc(doc_id, text, quotes=tuple(quotes)).sorted())
    return spacy_docs, (textacy_docs if direct_quotations is not None else None)


def run_quantulum(texts: Sequence[str]) -> list[AnnotatedDoc]:
    import quantulum3.classifier as qclf
    from quantulum3 import parser

    qclf.USE_CLF = False
    out = []
    for text in texts:
        claims = []
        for q in parser.parse(text):
            s, e = q.span
            if not text[s:e].strip():
                continue
            unit = q.unit.name.lower()
            unit = {"percentage": "percent", "dimensionless": ""}.get(unit, unit)
            claims.append(Claim(s, e, text[s:e], float(q.value), unit, "exact"))
        out.append(AnnotatedDoc(doc_id_for(text), text, claims=tuple(claims)).sorted())
    return out
