"""SIGTERM handled like Ctrl-C, so a stopped command cleans up after itself.

Python's default SIGTERM ends the process at once: no ``finally`` runs and temporary
files (``.corpus-*``, ``.NAME.partial``) stay behind. Inside
:func:`sigterm_as_interrupt` a SIGTERM raises ``KeyboardInterrupt`` instead, which the
library's writers treat as an interruption (clean up, or keep what a rerun can resume).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: The exit code of a command stopped by a signal (128 + SIGINT), as shells report it.
INTERRUPTED_EXIT = 130


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises ``KeyboardInterrupt`` (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")
