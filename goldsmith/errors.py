"""The error hierarchy: every user-facing failure is a ``GoldsmithError``.

Each message names the bad value, where it came from (file and line, task id) and
what to do next. The CLI catches ``GoldsmithError`` in one place, prints the
message on one line and exits with code 2; library code only raises.
"""

from __future__ import annotations

import re

#: ``scheme://user:password@`` at the start of a URL: the part :func:`redact_urls` hides.
_URL_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s]*@")


def redact_urls(text: str) -> str:
    """``text`` with the ``user:password@`` of every URL in it replaced by ``***@``.

    Example:
        >>> redact_urls("cannot reach http://ann:s3cret@ls.example:8080/api")
        'cannot reach http://***@ls.example:8080/api'
    """
    return _URL_USERINFO.sub(r"\1***@", text)


class GoldsmithError(Exception):
    """Base class of every error goldsmith reports to a user.

    Its message never shows a password written into a URL (:func:`redact_urls`).
    """

    def __str__(self) -> str:
        return redact_urls(super().__str__())


class InputError(GoldsmithError):
    """A file or value given by the user cannot be read or is invalid."""


class SchemaError(InputError):
    """A record breaks the annotation spec (offsets, labels, attributes)."""


class StudioResultError(SchemaError):
    """A Label Studio result list that cannot be read as spec layers (names task and region)."""


class OffsetMismatchError(StudioResultError):
    """A region whose start/end do not select its stored text in the task's text."""


class ModelError(GoldsmithError):
    """A spaCy model is missing or cannot be loaded."""


class StudioError(GoldsmithError):
    """Label Studio is unreachable, refuses the token, or answers unexpectedly."""


class ProjectConfigError(StudioError):
    """A Label Studio project whose labeling config is not goldsmith's (names what differs)."""


class PushLockError(StudioError):
    """The lock that keeps two pushes of one project apart cannot be taken."""


class PublishError(GoldsmithError):
    """The gold dataset cannot be published as asked."""


def where(path: object, line: int | None = None) -> str:
    """Format a location as ``path:line`` (or just ``path``) for error messages."""
    return f"{path}:{line}" if line is not None else str(path)
