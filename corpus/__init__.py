"""Reading documents into a corpus: normalised text, stable ids, duplicates, boilerplate.

Other stages read documents with :func:`load_documents` (a saved corpus or raw input);
``goldsmith corpus ingest`` writes a corpus with :func:`build_corpus`.
"""

from goldsmith.corpus.boilerplate import ignore_ranges, is_boilerplate_line
from goldsmith.corpus.dataset import corpus_features, is_corpus_dir, read_corpus, write_corpus
from goldsmith.corpus.documents import Document, doc_id_for, normalize_newlines
from goldsmith.corpus.ingest import (
    Duplicate,
    IngestEvent,
    IngestReport,
    Progress,
    build_corpus,
    ingest,
    ingest_all,
)
from goldsmith.corpus.inputs import DEFAULT_GLOB
from goldsmith.corpus.load import count_documents, load_documents
from goldsmith.corpus.titles import title_from_text

__all__ = [
    "DEFAULT_GLOB",
    "Document",
    "Duplicate",
    "IngestEvent",
    "IngestReport",
    "Progress",
    "build_corpus",
    "corpus_features",
    "count_documents",
    "doc_id_for",
    "ignore_ranges",
    "ingest",
    "ingest_all",
    "is_boilerplate_line",
    "is_corpus_dir",
    "load_documents",
    "normalize_newlines",
    "read_corpus",
    "title_from_text",
    "write_corpus",
]
