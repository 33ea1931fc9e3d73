"""Stable pseudonyms for annotators, so no user id or e-mail address leaves the server.

Rule: ``annotator-`` + the first 8 hex digits of HMAC-SHA256(salt, user id). The salt
is 32 random hex digits stored (mode 0600) in the studio data directory, created on
first use, so the same annotator gets the same pseudonym on every pull from that
directory, and nobody without the salt can recover the user id by hashing guesses.

Example:
    >>> pseudonym("0" * 32, 7)
    'annotator-54b46769'
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

SALT_FILE = "pseudonym-salt"
PREFIX = "annotator-"


def load_salt(data_dir: str | Path) -> str:
    """The salt stored in ``data_dir``, created (mode 0600) when missing."""
    path = Path(data_dir) / SALT_FILE
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    salt = secrets.token_hex(16)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(salt + "\n")
    return salt


def pseudonym(salt: str, user_id: int | str) -> str:
    """The pseudonym of a Label Studio user id under ``salt``."""
    digest = hmac.new(salt.encode("utf-8"), str(user_id).encode("utf-8"), hashlib.sha256)
    return PREFIX + digest.hexdigest()[:8]
