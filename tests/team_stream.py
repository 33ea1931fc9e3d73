"""Annotators working through Label Studio's label stream over the API, as the editor does.

``GET /api/projects/{id}/next`` is what "Label All Tasks" asks for; an annotation is
``POST /api/tasks/{id}/annotations/`` with the user's own token. Used by the team tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

Answer = Callable[[str, dict[str, Any]], "list[dict[str, Any]] | None"]


def next_task(url: str, token: str, project_id: int) -> dict[str, Any] | None:
    """The task the label stream hands this user next, or None at the end of the stream."""
    response = httpx.get(
        f"{url}/api/projects/{project_id}/next",
        headers={"Authorization": f"Token {token}"},
        timeout=60,
    )
    if response.status_code == 404:
        return None
    response.raise_for_status()
    return response.json()


def submit(
    url: str,
    token: str,
    task_id: int,
    result: list[dict[str, Any]] | None,
    lead_time: float = 10.0,
) -> dict[str, Any]:
    """Submit a result as this user (``None`` skips the task); returns the annotation."""
    response = httpx.post(
        f"{url}/api/tasks/{task_id}/annotations/",
        headers={"Authorization": f"Token {token}"},
        json={"result": result or [], "was_cancelled": result is None, "lead_time": lead_time},
        timeout=60,
    )
    response.raise_for_status()
    return response.json()


def label_all(
    url: str, tokens: dict[str, str], project_id: int, answer: Answer, rounds: int = 1000
) -> dict[str, list[int]]:
    """Every user takes turns asking the stream for a task and answering it, until the
    stream is empty for all; returns the task ids each user was handed, in order."""
    handed: dict[str, list[int]] = {name: [] for name in tokens}
    active = set(tokens)
    for _ in range(rounds):
        if not active:
            break
        for name in sorted(active):
            task = next_task(url, tokens[name], project_id)
            if task is None:
                active.discard(name)
                continue
            handed[name].append(task["id"])
            submit(url, tokens[name], task["id"], answer(name, task), lead_time=5.0 + len(name))
    return handed
