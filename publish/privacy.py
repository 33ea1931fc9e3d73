"""The privacy scan: nothing private may leave in a published folder.

A value is private when it contains an e-mail address, a URL with credentials
(``scheme://user:secret@host``), a Hugging Face token (``hf_`` + 30 or more
characters), a phone number, or one of the secrets goldsmith knows of: the values of
``HF_TOKEN``, ``HUGGING_FACE_HUB_TOKEN`` and ``LABEL_STUDIO_API_KEY``, the API token and
password of the local Label Studio server (read from its ``credentials.json``, in the
default data dir ``.goldsmith/studio`` or the ones given, whether or not the environment
names them), and any given explicitly. The scan walks every string of every row and of
the card. A finding names the kind of data, never the secret itself.

Phone numbers, the rule: an international number (``+`` and a country code, then groups
of digits, "+1 (555) 123-4567", "+44 20 7946 0958", "+33 1 23 45 67 89"), a North
American one ("(555) 123-4567", "555-123-4567", "555.123.4567") or a national one with
a trunk zero ("020 7946 0958", "01 23 45 67 89"), 9 to 15 digits in all, not inside a
longer run of digits, dots or commas. Years, amounts ("$1,234,567", "1 000 000"),
dates ("2024-06-01"), ranges and ISBNs ("978-3-16-148410-0") are not phone numbers.

Example:
    >>> find_private("write to ana@example.org")
    ['e-mail address']
    >>> find_private("call +1 (555) 123-4567 today")
    ['phone number']
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

_PATTERNS = {
    "e-mail address": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}"),
    "URL with credentials": re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@", re.I),
    "Hugging Face token": re.compile(r"\bhf_[A-Za-z0-9]{30,}\b"),
}
_PHONE = re.compile(
    r"(?<![\w+.,/-])(?:"
    r"\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,5}(?:[ .-]\d{1,8}){1,5}"  # +44 20 7946 0958
    r"|\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}"  # (555) 123-4567
    r"|\d{3}[.-]\d{3}[.-]\d{4}"  # 555-123-4567
    r"|0\d{1,4}[ -]\d{3,4}[ -]?\d{3,4}"  # 020 7946 0958
    r"|0\d(?:[ .]\d\d){4}"  # 01 23 45 67 89
    r")(?![\w/]|[.,-]?\d)"
)
_PHONE_DIGITS = range(9, 16)
_SECRET_ENV = ("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "LABEL_STUDIO_API_KEY")
#: The local Label Studio server's data dir and credentials file (see
#: ``goldsmith.annotate.studio.server``; ``publish`` imports no other stage, so the two
#: names are repeated here).
DEFAULT_STUDIO_DIR = Path(".goldsmith") / "studio"
CREDENTIALS_FILE = "credentials.json"
_MIN_SECRET = 8


def known_secrets(
    extra: Iterable[str] = (), studio_dirs: Iterable[str | Path] = (DEFAULT_STUDIO_DIR,)
) -> tuple[str, ...]:
    """Secrets to look for verbatim (8+ characters only): from the environment, the
    credentials of the local servers in ``studio_dirs`` that exist, plus ``extra``."""
    values = [os.environ.get(name, "") for name in _SECRET_ENV]
    for folder in studio_dirs:
        values += studio_secrets(folder)
    values += list(extra)
    return tuple(dict.fromkeys(v for v in values if len(v) >= _MIN_SECRET))


def studio_secrets(data_dir: str | Path) -> list[str]:
    """The API token and password in a studio data dir's credentials file (none when it
    is missing or unreadable: the scan still runs on everything else)."""
    try:
        raw = json.loads((Path(data_dir) / CREDENTIALS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(raw, dict):
        return []
    return [str(raw[key]) for key in ("token", "password") if isinstance(raw.get(key), str)]


def find_private(value: str, secrets: tuple[str, ...] = ()) -> list[str]:
    """The kinds of private data found in ``value`` (empty when clean)."""
    found = [kind for kind, pattern in _PATTERNS.items() if pattern.search(value)]
    if any(_is_phone(m.group()) for m in _PHONE.finditer(value)):
        found.append("phone number")
    if any(secret in value for secret in secrets):
        found.append("a known secret (token or API key)")
    return found


def _is_phone(candidate: str) -> bool:
    return sum(c.isdigit() for c in candidate) in _PHONE_DIGITS


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
