"""What the paths given to ``corpus ingest`` stand for: the list of inputs to read, in order.

Rules:

- a file is read by its extension: ``.txt`` (plain text), ``.md`` (Markdown), ``.jsonl``,
  ``.csv``, ``.parquet``; any other extension is an error listing the supported ones;
- a folder saved by ``datasets`` (``save_to_disk``: it holds ``dataset_dict.json``, or
  ``state.json`` and ``dataset_info.json``) is one input, a Dataset or a DatasetDict;
- any other folder is walked recursively; the files whose *name* matches one of the
  comma-separated patterns of ``glob`` (default ``*.txt,*.md``) are read, in the order of
  their relative paths (so the result never depends on the file system). Hidden files and
  folders (name starting with ``.``) and README files (``README``, ``README.md``, any case)
  are skipped: they are documentation, not documents. Name a README explicitly to read it;
- only regular files are read: a FIFO, socket or device named directly is an error
  naming it; one found in a folder (matching ``glob``) is listed with ``special`` set and
  skipped by ingestion with a note, never opened (opening a FIFO would block);
- the ``source`` of each input is its path relative to the parent of the path given:
  ``news.jsonl`` for a file, ``sample/a.txt`` for a file found in the folder ``sample``.

Example:
    >>> [i.source for i in expand_inputs(["corpus/sample"])][:1]  # doctest: +SKIP
    ['sample/01_harbour.txt']
"""

from __future__ import annotations

import enum
import fnmatch
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from goldsmith.errors import InputError

DEFAULT_GLOB = "*.txt,*.md"


class InputKind(str, enum.Enum):
    """How an input is read."""

    TEXT = "text"
    MARKDOWN = "markdown"
    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"
    DATASET = "dataset"


EXTENSIONS: dict[str, InputKind] = {
    ".txt": InputKind.TEXT,
    ".md": InputKind.MARKDOWN,
    ".jsonl": InputKind.JSONL,
    ".csv": InputKind.CSV,
    ".parquet": InputKind.PARQUET,
}
SUPPORTED = ", ".join([*EXTENSIONS, "a folder saved with datasets' save_to_disk"])


@dataclass(frozen=True)
class Input:
    """One file (or saved dataset) to read, how to read it and the name of its source."""

    path: Path
    kind: InputKind
    source: str
    special: str | None = None  # "a FIFO (named pipe)" ...: not a regular file, not read


def is_saved_dataset(path: Path) -> bool:
    """Whether ``path`` is a folder written by ``Dataset.save_to_disk`` or a DatasetDict's."""
    path = Path(path)
    if (path / "dataset_dict.json").is_file():
        return True
    return (path / "state.json").is_file() and (path / "dataset_info.json").is_file()


def parse_glob(glob: str) -> tuple[str, ...]:
    """The patterns of a comma-separated ``glob`` option; an empty one is an error."""
    patterns = tuple(p.strip() for p in glob.split(",") if p.strip())
    if not patterns:
        raise InputError(f"--glob {glob!r} has no pattern; give e.g. '*.txt,*.md'")
    return patterns


def expand_inputs(paths: Iterable[str | Path], glob: str = DEFAULT_GLOB) -> list[Input]:
    """The inputs named by ``paths``, folders expanded (rules in the module docstring)."""
    patterns = parse_glob(glob)
    inputs: list[Input] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            inputs.extend(_folder_inputs(path, patterns))
            continue
        special = _special(path)
        if special is not None:
            raise InputError(f"{path}: {special}, not a regular file; only files are read")
        inputs.append(Input(path, _kind_of(path), path.name))
    return inputs


def _folder_inputs(folder: Path, patterns: tuple[str, ...]) -> list[Input]:
    name = folder.resolve().name or str(folder)
    if is_saved_dataset(folder):
        return [Input(folder, InputKind.DATASET, name)]
    try:
        files = [p for p in folder.rglob("*") if p.is_file() or _special(p) is not None]
    except OSError as exc:
        raise InputError(f"{folder}: cannot list the folder ({exc.strerror or exc})") from None
    found: list[tuple[str, Path]] = []
    for file in files:
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if file.stem.lower() == "readme" or file.name.lower() == "readme":
            continue
        if any(fnmatch.fnmatch(file.name, pattern) for pattern in patterns):
            found.append((relative.as_posix(), file))
    found.sort()
    return [Input(file, _kind_of(file), f"{name}/{rel}", _special(file)) for rel, file in found]


def _special(path: Path) -> str | None:
    """``None`` for a regular file or a folder (or a link to one), else what it is, in words."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # a dangling link or a vanished file: the reader reports it
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else special_kind(mode)


def _kind_of(path: Path) -> InputKind:
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        raise InputError(
            f"{path}: unsupported file type {path.suffix or '(no extension)'!r}; "
            f"supported: {SUPPORTED}"
        )
    return kind


def special_kind(mode: int) -> str:
    """What a file that is not regular is, in words (``a FIFO (named pipe)``, ``a socket`` ...)."""
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
