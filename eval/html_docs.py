"""The document and error parts of the HTML report (see :mod:`goldsmith.eval.html`).

- :func:`document_views`: a CSS-only layer switch (radio buttons placed before the
  documents, so ``#show-LAYER:checked ~ .docs .pane-LAYER`` shows one layer) and, per
  document, the gold text and each system's text side by side with that layer's regions
  marked (:func:`goldsmith.eval.highlight.highlight`).
- :func:`error_listing`: per system, the number of errors of each kind per layer and
  the list of errors with their marked context, linking to the document.

Everything shown is escaped; element ids are built from positions, never from names.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping, Sequence

from goldsmith.eval.error_items import ErrorItem, ErrorKind
from goldsmith.eval.highlight import highlight, layer_regions
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.schema import LAYERS
from goldsmith.wording import plural

_e = html.escape


def document_views(
    gold_docs: Sequence[AnnotatedDoc],
    predictions_by_system: Mapping[str, Sequence[AnnotatedDoc]],
    layers_by_system: Mapping[str, Sequence[str]],
    errors_by_system: Mapping[str, Sequence[ErrorItem]],
) -> str:
    """Every document, gold and systems side by side, one layer at a time."""
    if not gold_docs:
        return ""
    systems = list(predictions_by_system)
    by_id = {
        name: {doc.doc_id: doc for doc in docs} for name, docs in predictions_by_system.items()
    }
    error_counts = {
        name: Counter(e.doc_id for e in errors) for name, errors in errors_by_system.items()
    }
    switch = "".join(
        f'<input type="radio" name="layer" id="show-{layer}" class="switch"'
        f"{' checked' if i == 0 else ''}>"
        for i, layer in enumerate(LAYERS)
    )
    labels = "".join(
        f'<label for="show-{layer}" class="switch-label">{layer}</label>' for layer in LAYERS
    )
    columns = 1 + len(systems)
    sections = []
    for index, gold in enumerate(gold_docs):
        counts = ", ".join(
            f"{_e(name)}: {plural(error_counts.get(name, Counter())[gold.doc_id], 'error')}"
            for name in systems
        )
        name = gold.meta.get("title") or gold.meta.get("source") or ""
        heading = _e(gold.doc_id) + (f" — {_e(str(name))}" if name else "")
        panes = []
        for layer in LAYERS:
            cells = [_column("gold", gold, layer)]
            for system in systems:
                pred = by_id[system].get(gold.doc_id)
                if pred is None:
                    cells.append(_note_column(system, "no prediction for this document"))
                elif layer not in layers_by_system.get(system, LAYERS):
                    cells.append(_note_column(system, f"{layer} not predicted by this system"))
                else:
                    cells.append(_column(system, pred, layer))
            panes.append(
                f'<div class="pane pane-{layer}" style="grid-template-columns: '
                f'repeat({columns}, minmax(0, 1fr))">{"".join(cells)}</div>'
            )
        sections.append(
            f'<details class="doc" id="doc-{index}"><summary>{heading} '
            f'<span class="muted">({counts})</span></summary>{"".join(panes)}</details>'
        )
    return (
        '<h2 id="documents">Documents</h2>'
        f'{switch}<div class="switches">Layer: {labels}</div>'
        f'<div class="docs">{"".join(sections)}</div>'
    )


def _column(name: str, doc: AnnotatedDoc, layer: str) -> str:
    regions = layer_regions(doc, layer)
    return (
        f'<div class="col"><h4>{_e(name)} <span class="muted">({len(getattr(doc, layer))} '
        f'{layer})</span></h4><div class="text">{highlight(doc.text, regions)}</div></div>'
    )


def _note_column(name: str, note: str) -> str:
    return f'<div class="col"><h4>{_e(name)}</h4><p class="muted">{_e(note)}</p></div>'


def error_listing(
    errors_by_system: Mapping[str, Sequence[ErrorItem]],
    gold_docs: Sequence[AnnotatedDoc],
    limit: int,
) -> str:
    """Per system: error counts by layer and kind, then the errors (at most ``limit``)."""
    if not errors_by_system:
        return ""
    anchor = {doc.doc_id: f"doc-{i}" for i, doc in enumerate(gold_docs)}
    parts = ['<h2 id="errors">Errors</h2>']
    kinds = list(ErrorKind)
    for system, errors in errors_by_system.items():
        counts = Counter((e.layer, e.kind) for e in errors)
        used = [k for k in kinds if any(counts[(layer, k)] for layer in LAYERS)]
        head = "".join(f"<th>{k.value}</th>" for k in used)
        rows = "".join(
            f"<tr><th>{layer}</th>"
            + "".join(f'<td class="num">{counts[(layer, k)]}</td>' for k in used)
            + "</tr>"
            for layer in LAYERS
        )
        parts.append(f"<h3>{_e(system)}: {plural(len(errors), 'error')}</h3>")
        if errors:
            parts.append(
                f'<table class="scores"><thead><tr><th>layer</th>{head}</tr></thead>'
                f"<tbody>{rows}</tbody></table>"
            )
        items = []
        for e in errors[:limit]:
            target = anchor.get(e.doc_id)
            doc = _e(e.doc_id)
            link = f'<a href="#{target}">{doc}</a>' if target else doc
            items.append(
                f"<tr><td>{link}</td><td>{e.layer}</td><td>{_e(e.kind.value)}</td>"
                f'<td>{_e(e.detail)}</td><td class="ctx">{_e(e.context)}</td></tr>'
            )
        if items:
            more = (
                f'<p class="muted">… and {len(errors) - limit} more</p>'
                if len(errors) > limit
                else ""
            )
            parts.append(
                '<details open><summary>error listing</summary><table class="errors"><thead>'
                "<tr><th>document</th><th>layer</th><th>error</th><th>detail</th>"
                f"<th>context («gold» ⟦predicted⟧)</th></tr></thead><tbody>{''.join(items)}"
                f"</tbody></table>{more}</details>"
            )
    return "".join(parts)
