"""A simulated team for the Label Studio tests: 30 documents of our own, a true version of
each, and three annotators who make planted mistakes on all three layers.

Annotator ``careful`` is always right. ``dates`` drops the DATE entity of documents with
``i % 3 == 0``. ``kinds`` marks only the last words of the quote, as
``partial``, on documents with ``i % 3 == 1``, and the claim without "About", as
``exact``, on ``i % 5 == 2``.
So two annotators of one document agree unless one of them erred on it.
"""

from __future__ import annotations

from dataclasses import replace

from goldsmith.corpus import Document, doc_id_for
from goldsmith.labels import AnnotatedDoc, Claim, Entity, Quote

NAMES = ["Ines Rook", "Osei Brandt", "Mara Quill", "Tomas Varga", "Lena Holt", "Abel Stone"]
PLACES = ["Dunmore", "Calloway", "Tarrow", "Vell", "Harwick"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
N_DOCS = 30


def _truth(i: int, tag: str) -> AnnotatedDoc:
    name, place, day = NAMES[i % 6], PLACES[i % 5], DAYS[i % 5]
    count = 100 + 7 * i
    said = f"The repairs in {place} will finish soon"
    text = (
        f"Report {tag}-{i}. “{said},” {name} said on {day}. "
        f"About {count} homes in {place} lost power."
    )

    def at(s: str, start: int = 0) -> tuple[int, int, str]:
        k = text.index(s, start)
        return k, k + len(s), s

    person = Entity(*at(name), "PERSON")
    entities = (
        Entity(*at(place), "GPE"),
        person,
        Entity(*at(day), "DATE"),
        Entity(*at(place, text.index("homes")), "GPE"),
    )
    quote = Quote(*at(said), "direct", person)
    claim = Claim(*at(f"About {count} homes"), count, "home", "approx")
    return AnnotatedDoc(doc_id_for(text), text, entities, (quote,), (claim,)).sorted()


def team_documents(tag: str) -> tuple[list[Document], dict[str, AnnotatedDoc], dict[str, int]]:
    """The documents, their true versions by doc_id, and each doc_id's number ``i``."""
    truths = [_truth(i, tag) for i in range(N_DOCS)]
    docs = [Document(t.doc_id, t.text, f"{tag}-{i}.txt") for i, t in enumerate(truths)]
    return docs, {t.doc_id: t for t in truths}, {t.doc_id: i for i, t in enumerate(truths)}


def version(annotator: str, truth: AnnotatedDoc, i: int) -> AnnotatedDoc:
    """What this annotator submits for document ``i`` (the planted mistakes)."""
    if annotator == "dates" and i % 3 == 0:
        return replace(truth, entities=tuple(e for e in truth.entities if e.label != "DATE"))
    if annotator == "kinds":
        doc = truth
        if i % 3 == 1:  # a partial quote of the last words only
            doc = replace(doc, quotes=tuple(_tail(q, "will finish soon") for q in doc.quotes))
        if i % 5 == 2:  # "300 homes", exact, instead of "About 300 homes", approx
            doc = replace(doc, claims=tuple(_no_about(c) for c in doc.claims))
        return doc
    return truth


def errs(annotator: str, i: int) -> bool:
    """True when this annotator's version of document ``i`` differs from the truth."""
    if annotator == "dates":
        return i % 3 == 0
    if annotator == "kinds":
        return i % 3 == 1 or i % 5 == 2
    return False


def _tail(quote: Quote, words: str) -> Quote:
    start = quote.start + quote.text.index(words)
    return replace(quote, start=start, end=start + len(words), text=words, kind="partial")


def _no_about(claim: Claim) -> Claim:
    cut = len("About ")
    return replace(claim, start=claim.start + cut, text=claim.text[cut:], qualifier="exact")
