"""The privacy scan: nothing private may leave in a published folder.

A value is private when it contains an e-mail address, a URL with credentials
(``scheme://user:secret@host``), a Hugging Face token (``hf_`` + 30 or more
characters), or one of the secrets goldsmith knows of (the values of
``HF_TOKEN``, ``HUGGING_FACE_HUB_TOKEN`` and ``LABEL_STUDIO_API_KEY``, and any
given explicitly). The scan walks every string of every row and of the card.

Example:
    >>> find_private("write to ana@example.org")
    ['e-mail address']
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

_PATTERNS = {
    "e-mail address": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"),
    "URL with credentials": re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", re.I),
    "Hugging Face token": re.compile(r"\bhf_[A-Za-z0-9]{30,}\b"),
}
_SECRET_ENV = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "LABEL_STUDIO_API_KEY")


def known_secrets(extra: Iterable[str] = ()) -> tuple[str, ...]:
    """Secrets to look for verbatim: from the environment plus ``extra`` (8+ chars only)."""
    values = [os.environ.get(name, "") for name in _SECRET_ENV] + list(extra)
    return tuple(v for v in values if len(v) >= 8)


def find_private(value: str, secrets: tuple[str, ...] = ()) -> list[str]:
    """The kinds of private data found in ``value`` (empty when clean)."""
    found = [kind for kind, pattern in _PATTERNS.items() if pattern.search(value)]
    if any(secret in value for secret in secrets):
        found.append("a known secret (token or API key)")
    return found


def scan_rows(
    rows: Iterable[dict[str, Any]], where: str, secrets: tuple[str, ...] = ()
) -> list[str]:
    """Problems as ``where doc_id field: kind`` for every private string in ``rows``."""
    problems = []
    for i, row in enumerate(rows):
        ident = row.get("doc_id", f"row {i}")
        for path, text in _strings(row):
            for kind in find_private(text, secrets):
                problems.append(f"{where} {ident} {path}: {kind}")
    return problems


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path or "value", value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")
