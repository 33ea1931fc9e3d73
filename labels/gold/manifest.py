"""``manifest.json``: which project and which pull made a gold directory, and its files.

The manifest names the server (its URL without user name, password, query or fragment),
the project (id and title), the pull (an id that sorts by time, and the UTC time) and
the SHA-256 of every file of the pull's parts (``gold.jsonl``, ``annotations.jsonl``,
``predictions.jsonl``, ``report.json`` and every file under ``dataset/``). It is written
last, so a folder holding a manifest is complete.

The check (:func:`verify`): every listed file exists with its hash, and every file of the
parts is listed; the first difference is an error naming the file. ``agreement.json``
and files outside the parts are not listed (a user's notes may sit beside the gold).
A gold directory without ``manifest.json`` was made by hand or by goldsmith before 0.2:
it is read unchecked.

Example:
    >>> m = Manifest(Origin("http://127.0.0.1:8080", 3, "News"), "p1", "t", {})
    >>> Manifest.from_dict(m.to_dict()) == m
    True
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from goldsmith.errors import InputError
from goldsmith.labels.gold.layout import MANIFEST_JSON, PARTS, prev_dir

FORMAT = "goldsmith-gold/1"
_PULL_AGAIN = (
    "pull again with 'goldsmith annotate pull' (the gold it replaced, if any, is in {prev})"
)


@dataclass(frozen=True)
class Origin:
    """Where a gold directory's data came from: server URL (no credentials), project."""

    server: str
    project_id: int
    project_title: str

    def same_project(self, other: Origin) -> bool:
        """True when both name the same project id on the same server."""
        return (self.server, self.project_id) == (other.server, other.project_id)

    def describe(self) -> str:
        return f"project {self.project_title!r} (id {self.project_id}) at {self.server}"


@dataclass(frozen=True)
class Manifest:
    """The contents of ``manifest.json``."""

    origin: Origin
    pull_id: str
    pulled_at: str
    files: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "server": self.origin.server,
            "project_id": self.origin.project_id,
            "project_title": self.origin.project_title,
            "pull_id": self.pull_id,
            "pulled_at": self.pulled_at,
            "files": {name: {"sha256": digest} for name, digest in sorted(self.files.items())},
        }

    @classmethod
    def from_dict(cls, data: Any, where: str = MANIFEST_JSON) -> Manifest:
        try:
            server, title = str(data["server"]), str(data["project_title"])
            origin = Origin(server, int(data["project_id"]), title)
            files = {str(k): str(v["sha256"]) for k, v in data["files"].items()}
            return cls(origin, str(data["pull_id"]), str(data["pulled_at"]), files)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(
                f"{where}: not a goldsmith manifest ({type(exc).__name__}: {exc}); "
                "pull again with 'goldsmith annotate pull'"
            ) from None


def public_url(url: str) -> str:
    """``url`` without user name, password, query and fragment (safe to write down)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path.rstrip("/"), "", ""))


def new_pull_id(now: datetime | None = None) -> str:
    """A pull id that sorts by time: ``20261130T101500123456Z-1a2b3c``."""
    now = now or datetime.now(timezone.utc)
    return f"{now:%Y%m%dT%H%M%S%fZ}-{secrets.token_hex(3)}"


def utc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def part_files(folder: Path) -> list[str]:
    """Every file of the pull's parts in ``folder``, as sorted POSIX paths relative to it."""
    names = []
    for part in PARTS:
        path = folder / part
        if path.is_dir():
            names += [p.relative_to(folder).as_posix() for p in path.rglob("*") if p.is_file()]
        elif path.exists():
            names.append(part)
    return sorted(names)


def hash_parts(folder: Path) -> dict[str, str]:
    """``{relative path: sha256}`` of every file of the parts in ``folder``."""
    return {name: sha256_file(folder / name) for name in part_files(folder)}


def read_manifest(folder: Path) -> Manifest | None:
    """The manifest of ``folder``, or None when it has none."""
    path = folder / MANIFEST_JSON
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: unreadable manifest ({exc}); {_again(folder)}") from None
    return Manifest.from_dict(data, where=str(path))


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Write ``manifest.json`` into ``folder`` and flush it to disk."""
    text = json.dumps(manifest.to_dict(), indent=2, ensure_ascii=False) + "\n"
    path = folder / MANIFEST_JSON
    with path.open("w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def verify(folder: Path) -> Manifest | None:
    """Check ``folder`` against its manifest (rules in the module docstring).

    Returns the manifest, or None for a folder without one.
    """
    manifest = read_manifest(folder)
    if manifest is None:
        return None
    for name, digest in sorted(manifest.files.items()):
        path = folder / name
        if not path.is_file():
            raise InputError(f"{path}: listed in manifest.json but missing; {_again(folder)}")
        if sha256_file(path) != digest:
            raise InputError(
                f"{path}: does not match manifest.json (its content changed after pull "
                f"{manifest.pull_id}); {_again(folder)}"
            )
    for name in part_files(folder):
        if name not in manifest.files:
            raise InputError(
                f"{folder / name}: not made by pull {manifest.pull_id} (not in "
                f"manifest.json); {_again(folder)}"
            )
    for part in PARTS:
        if not any(n == part or n.startswith(part + "/") for n in manifest.files):
            raise InputError(f"{folder / part}: missing from manifest.json; {_again(folder)}")
    return manifest


def _again(folder: Path) -> str:
    return _PULL_AGAIN.format(prev=prev_dir(folder))
