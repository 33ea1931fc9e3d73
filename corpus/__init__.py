"""Reading documents into a corpus: normalised text, stable ids, duplicates, boilerplate."""

from goldsmith.corpus.documents import Document, doc_id_for, normalize_newlines

__all__ = ["Document", "doc_id_for", "normalize_newlines"]
