"""goldsmith: pre-annotate news text, correct it in Label Studio, score models on the gold set."""

__version__ = "0.1.0"
