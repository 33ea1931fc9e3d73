"""One way in for every later stage: the documents of a saved corpus or of raw input.

Rule: when ``path`` is a folder written by ``goldsmith corpus ingest``
(:func:`goldsmith.corpus.dataset.is_corpus_dir`), its documents are read back as stored,
ignore ranges included; anything else ``corpus ingest`` accepts (a file, a folder of
text files, a saved ``datasets`` folder of another shape) is ingested on the fly, with
the same duplicate dropping and boilerplate detection. Either way documents are
streamed one at a time, so memory stays flat however large the corpus.

Example:
    >>> for doc in load_documents("out/corpus"):  # doctest: +SKIP
    ...     print(doc.doc_id, doc.source)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from goldsmith.corpus.dataset import corpus_size, is_corpus_dir, read_corpus
from goldsmith.corpus.documents import Document
from goldsmith.corpus.ingest import ingest
from goldsmith.corpus.inputs import DEFAULT_GLOB


def load_documents(
    path: str | Path, text_field: str = "text", glob: str = DEFAULT_GLOB
) -> Iterator[Document]:
    """The documents at ``path``: a saved corpus read back, or raw input ingested (rule above).

    ``text_field`` and ``glob`` apply to raw input only (see ``goldsmith corpus ingest``).
    Raises :class:`goldsmith.errors.InputError` for unreadable input.
    """
    if is_corpus_dir(path):
        yield from read_corpus(path)
        return
    for event in ingest([path], text_field=text_field, glob=glob):
        if isinstance(event, Document):
            yield event


def count_documents(path: str | Path) -> int | None:
    """How many documents a saved corpus holds; ``None`` for raw input (unknown until read).

    Lets a caller size a progress bar before streaming :func:`load_documents`.
    """
    return corpus_size(path) if is_corpus_dir(path) else None
