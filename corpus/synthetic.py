"""Generated news-like documents, for scale tests and benchmarks (no real text involved).

Rules: ``news_texts(n, seed)`` yields ``n`` distinct short articles made from invented
names, places and organisations and a few sentence patterns a news wire uses (a
dateline, a statement with a number, a direct quote with its speaker, a range, a
reported figure), so every pre-annotation layer has work to do. The same ``n`` and
``seed`` give the same texts on any machine; each text carries its own number in the
dateline, so no two are equal (ingest drops exact duplicates).

Example:
    >>> texts = list(news_texts(2, seed=1))
    >>> len(set(texts)) == 2
    True
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from goldsmith.corpus.documents import Document, doc_id_for

_FIRST = (
    "Ines", "Osei", "Marta", "Tomas", "Priya", "Kwame", "Lena", "Haruto", "Dalia", "Bram",
    "Ayla", "Femi", "Noor", "Piet", "Sana", "Viktor", "Elif", "Joaquin", "Mira", "Rafe",
)  # fmt: skip
_LAST = (
    "Rook", "Brandt", "Okafor", "Lindqvist", "Hale", "Moreau", "Tanaka", "Varga", "Castell",
    "Dunlop", "Achebe", "Novak", "Serrano", "Whitlow", "Iqbal", "Fenwick", "Ostrova", "Marsh",
)  # fmt: skip
_PLACES = (
    "Dunmore", "Calloway", "Tarrow", "Vell County", "Brightwater", "Halden", "Port Ilsen",
    "Kestrel Bay", "Marrow Falls", "Eastmere", "Corvin", "Saltgate",
)  # fmt: skip
_ORGS = (
    "the Halvard Works", "the Transit Board", "the Harbour Authority", "Northline Rail",
    "the Water Council", "Greystone Energy", "the Farmers' Union", "the City Hospital",
)  # fmt: skip
_ROLES = ("chair", "spokeswoman", "spokesman", "director", "treasurer", "head engineer")
_UNITS = (
    ("homes", "flooded"), ("jobs", "cut"), ("buses", "ordered"), ("beds", "added"),
    ("containers", "held"), ("schools", "closed"), ("trees", "planted"), ("flights", "cancelled"),
)  # fmt: skip
_QUALIFIERS = ("about", "more than", "nearly", "at least", "up to", "fewer than")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "March", "May", "July", "September", "November")
_QUOTES = (
    "We cannot wait another season for this",
    "The numbers speak for themselves",
    "Nobody in this town will be left behind",
    "It is the hardest decision we have taken in years",
    "We warned the council about this in the spring",
    "The repairs will take longer than anyone hoped",
)  # fmt: skip


def news_texts(n: int, seed: int = 0) -> Iterator[str]:
    """``n`` distinct generated articles (module rules)."""
    rng = random.Random(seed)
    for number in range(1, n + 1):
        yield _article(rng, number)


def news_documents(n: int, seed: int = 0) -> Iterator[Document]:
    """The articles of :func:`news_texts` as corpus documents (ids, a title, a source)."""
    for number, text in enumerate(news_texts(n, seed), start=1):
        title = text.split(" — ", 1)[0].title()
        yield Document(doc_id_for(text), text, source=f"generated-{number:07d}", title=title)


def _article(rng: random.Random, number: int) -> str:
    place = rng.choice(_PLACES)
    month = rng.choice(_MONTHS)
    dateline = f"{place.upper()}, {month} {rng.randint(1, 28)} (report {number})"
    sentences = [_statement(rng, place)]
    makers = (_quote, _range, _figure, _statement, _quote)
    for _ in range(rng.randint(1, 3)):
        sentences.append(rng.choice(makers)(rng, place))
    return f"{dateline} — " + " ".join(sentences)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _statement(rng: random.Random, place: str) -> str:
    unit, verb = rng.choice(_UNITS)
    count = f"{rng.choice(_QUALIFIERS)} {rng.randint(2, 4000):,}"
    return (
        f"{_person(rng)}, the {rng.choice(_ROLES)} of {rng.choice(_ORGS)}, said {count} "
        f"{unit} had been {verb} in {place} since {rng.choice(_DAYS)}."
    )


def _quote(rng: random.Random, place: str) -> str:
    return f"“{rng.choice(_QUOTES)},” said {_person(rng)}, who lives in {place}."


def _range(rng: random.Random, place: str) -> str:
    low = rng.randint(2, 60)
    unit, _ = rng.choice(_UNITS)
    return (
        f"Officials in {place} expect between {low} and {low + rng.randint(5, 90)} more "
        f"{unit} by {rng.choice(_MONTHS)}."
    )


def _figure(rng: random.Random, place: str) -> str:
    amount = rng.choice((f"${rng.randint(2, 95)} million", f"{rng.randint(3, 40)} percent"))
    return (
        f"{rng.choice(_ORGS).capitalize()} said on {rng.choice(_DAYS)} that costs in {place} "
        f"rose by {amount}, according to a report seen by {_person(rng)}."
    )
