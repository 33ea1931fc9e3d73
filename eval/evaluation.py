"""One run of ``goldsmith eval score``: the report and the error listings, then its files.

:func:`evaluate` aligns each system's predictions to the gold once, judges every
document's quote and claim pairs once (:func:`goldsmith.eval.score.doc_pairs`), and hands
those same pairs to the scorer (:func:`goldsmith.eval.score.score`) and, when asked, to the
error listing (:func:`goldsmith.eval.errors.doc_errors`), so the listings and the counts
agree. Entities are counted by the fast counter and listed from the ``type`` scheme's
pairs (:func:`goldsmith.eval.entities.entity_pairs`), the sweep the counter mirrors.

The output files: :func:`check_outputs` refuses, before any work, a path that cannot be
written (a folder, a file where a folder should be, no permission), and
:func:`write_outputs` writes the JSON report, the errors (JSON Lines, one error a line,
each with its ``system``) and the HTML page. Either raises :class:`InputError` naming the
path, never a bare ``OSError``.

Example:
    >>> run = evaluate(gold_docs, [SystemInput("mine", "pred.jsonl", pred_docs)],
    ...                errors=True)  # doctest: +SKIP
    >>> write_outputs(run, json_path="report.json", html_path="report.html")  # doctest: +SKIP
    [('report', PosixPath('report.json')), ('HTML report', PosixPath('report.html'))]
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from goldsmith.errors import InputError
from goldsmith.eval.error_items import ErrorItem
from goldsmith.eval.errors import doc_errors
from goldsmith.eval.report import Report, write_report
from goldsmith.eval.score import SystemInput, align, doc_pairs, score
from goldsmith.labels.records import AnnotatedDoc


@dataclass(frozen=True)
class Evaluation:
    """The report, and per system its predictions in gold order and (if listed) its errors."""

    report: Report
    gold: tuple[AnnotatedDoc, ...]
    predictions: dict[str, tuple[AnnotatedDoc, ...]]
    layers: dict[str, tuple[str, ...]]
    errors: dict[str, list[ErrorItem]] | None = None


def evaluate(
    gold: Sequence[AnnotatedDoc],
    systems: Sequence[SystemInput],
    *,
    resamples: int = 1000,
    seed: int = 0,
    value_tolerance: float = 0.0,
    confidence: float = 0.95,
    gold_source: str = "",
    errors: bool = False,
) -> Evaluation:
    """Score ``systems`` against ``gold`` and, with ``errors``, list each one's errors.

    Each system's predictions are read once (they may be a generator).
    """
    if value_tolerance < 0:
        raise InputError(f"value tolerance must be >= 0, got {value_tolerance}")
    systems = [replace(s, predictions=tuple(s.predictions)) for s in systems]
    aligned = {s.name: align(gold, s.predictions, s.name).predictions for s in systems}
    pairs = {
        s.name: [
            doc_pairs(g, p, value_tolerance, s.layers)
            for g, p in zip(gold, aligned[s.name], strict=True)
        ]
        for s in systems
    }
    report = score(
        gold,
        systems,
        resamples=resamples,
        seed=seed,
        value_tolerance=value_tolerance,
        confidence=confidence,
        gold_source=gold_source,
        pairs=pairs,
    )
    listed = None
    if errors:
        listed = {
            s.name: [
                item
                for g, p, judged in zip(gold, aligned[s.name], pairs[s.name], strict=True)
                for item in doc_errors(
                    g, p, layers=s.layers, value_tolerance=value_tolerance, pairs=judged
                )
            ]
            for s in systems
        }
    return Evaluation(
        report=report,
        gold=tuple(gold),
        predictions=aligned,
        layers={s.name: tuple(s.layers) for s in systems},
        errors=listed,
    )


def check_outputs(*paths: Path | None) -> None:
    """Refuse output paths that cannot be written, before any work (rules: module docstring).

    The missing parent folders of a path are created, as the writers would.
    """
    for path in paths:
        if path is None:
            continue
        path = Path(path)
        if path.is_dir():
            raise InputError(f"{path}: cannot write, it is a folder; give a file name")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        target = path if path.exists() else path.parent
        if not os.access(target, os.W_OK):
            raise InputError(f"{path}: cannot write (permission denied)")


def write_outputs(
    run: Evaluation,
    *,
    json_path: Path | None = None,
    errors_path: Path | None = None,
    html_path: Path | None = None,
) -> list[tuple[str, Path]]:
    """Write the files asked for; return ``(what, path)`` of each file written, in order."""
    written: list[tuple[str, Path]] = []
    if json_path is not None:
        write_report(run.report, json_path)
        written.append(("report", Path(json_path)))
    if errors_path is not None:
        _write(errors_path, errors_jsonl(run.errors or {}))
        written.append(("errors", Path(errors_path)))
    if html_path is not None:
        from goldsmith.eval.html import render_html

        page = render_html(
            run.report,
            run.gold,
            run.predictions,
            run.errors,
            layers_by_system=run.layers,
        )
        _write(html_path, page)
        written.append(("HTML report", Path(html_path)))
    return written


def errors_jsonl(errors_by_system: dict[str, list[ErrorItem]]) -> str:
    """Every error of every system as JSON Lines, each record naming its ``system``."""
    lines = [
        json.dumps({"system": name, **item.to_dict()}, ensure_ascii=False) + "\n"
        for name, items in errors_by_system.items()
        for item in items
    ]
    return "".join(lines)


def _write(path: Path, text: str) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
