"""Finding the local server's data dir from any folder.

Rule, first match wins:

1. a data dir named on the command line (``--studio-dir``);
2. the environment variable ``GOLDSMITH_STUDIO_DIR``;
3. ``./.goldsmith/studio`` when its server runs;
4. the data dir of the last server started by ``goldsmith studio up`` on this account,
   recorded in ``$XDG_STATE_HOME/goldsmith/last-studio`` (``~/.local/state/goldsmith/``
   when ``XDG_STATE_HOME`` is unset), when its server runs;
5. otherwise ``./.goldsmith/studio`` (nothing runs; :attr:`StudioLookup.looked` says where
   the search went, for the error message).

The pointer file holds one absolute path and nothing else (no URL, no token); it is
written with mode 0600 in a 0700 folder. A pointer to a folder that is gone or whose
server stopped is ignored.

Example:
    >>> find_studio_dir(Path("/tmp/ls")).data_dir  # doctest: +SKIP
    PosixPath('/tmp/ls')
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from goldsmith.annotate.studio.data_dir import DEFAULT_DATA_DIR
from goldsmith.annotate.studio.server import server_status

STUDIO_DIR_ENV = "GOLDSMITH_STUDIO_DIR"
STATE_ENV = "XDG_STATE_HOME"
POINTER_NAME = "last-studio"


@dataclass(frozen=True)
class StudioLookup:
    """The data dir to use, and every place looked at (for people) when none runs."""

    data_dir: Path
    looked: tuple[str, ...]

    def where(self) -> str:
        """The places looked at, as one phrase."""
        return "; ".join(self.looked)


def pointer_file() -> Path:
    """Where ``studio up`` records the last data dir: under ``$XDG_STATE_HOME`` or ``~``."""
    state = os.environ.get(STATE_ENV) or str(Path.home() / ".local" / "state")
    return Path(state) / "goldsmith" / POINTER_NAME


def record_last_server(data_dir: str | Path) -> Path:
    """Write ``data_dir`` (absolute) as the last server started; returns the pointer file.

    The file is replaced atomically and is readable by its owner only.
    """
    target = pointer_file()
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = target.with_name(f".{POINTER_NAME}.{os.getpid()}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(str(Path(data_dir).resolve()) + "\n")
    os.chmod(tmp, 0o600)
    os.replace(tmp, target)
    return target


def last_server_dir() -> Path | None:
    """The data dir recorded by the last ``studio up``, or None when there is no pointer."""
    try:
        text = pointer_file().read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text) if text and Path(text).is_absolute() else None


def given_or_default(given: str | Path | None = None) -> Path:
    """The data dir named on the command line, else by ``GOLDSMITH_STUDIO_DIR``, else the default.

    For local state that does not need a running server (the pseudonym salt).
    """
    if given is not None:
        return Path(given)
    return Path(os.environ.get(STUDIO_DIR_ENV) or DEFAULT_DATA_DIR)


def find_studio_dir(given: str | Path | None = None) -> StudioLookup:
    """The data dir to use (rule in the module docstring)."""
    if given is not None:
        return StudioLookup(Path(given), (f"{given} (--studio-dir)",))
    from_env = os.environ.get(STUDIO_DIR_ENV)
    if from_env:
        return StudioLookup(Path(from_env), (f"{from_env} ({STUDIO_DIR_ENV})",))
    looked = [f"{DEFAULT_DATA_DIR} in {Path.cwd()}"]
    if server_status(DEFAULT_DATA_DIR).running:
        return StudioLookup(DEFAULT_DATA_DIR, tuple(looked))
    last = last_server_dir()
    if last is None:
        looked.append(f"no last server recorded in {pointer_file()}")
    elif server_status(last).running:
        return StudioLookup(last, (*looked, f"{last} (last 'studio up', {pointer_file()})"))
    else:
        looked.append(f"{last} (last 'studio up', not running)")
    return StudioLookup(DEFAULT_DATA_DIR, tuple(looked))
