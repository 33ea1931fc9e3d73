"""One self-contained HTML file of an evaluation: scores, charts, documents, errors.

:func:`render_html` builds a page that works offline: inline CSS, inline SVG charts
(:mod:`goldsmith.eval.svg`), no scripts, fonts or links to anything outside the file.
It shows

- the headline figures of every system with their confidence intervals, then per layer
  precision, recall, F1 and counts;
- per-label F1 (entities, strict) and per-kind F1 (quotes) as interval charts;
- the paired tests between systems, when there are several;
- every document with the gold regions and each system's regions side by side, one
  layer at a time (a CSS-only switch of radio buttons chooses the layer; nested or
  overlapping regions are cut into pieces, see :mod:`goldsmith.eval.highlight`);
- each system's error listing (:mod:`goldsmith.eval.errors`).

The report is read through its ``to_dict()`` (or given as that dict), so the page only
depends on the report's JSON keys. All text, labels and names are escaped.

Example:
    >>> page = render_html(report, gold_docs, {"spacy": predictions})  # doctest: +SKIP
    >>> Path("report.html").write_text(page, encoding="utf-8")  # doctest: +SKIP
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from goldsmith.eval.error_items import ErrorItem
from goldsmith.eval.errors import list_errors
from goldsmith.eval.html_docs import document_views, error_listing
from goldsmith.eval.html_style import CSS
from goldsmith.eval.svg import Bar, interval_chart
from goldsmith.labels.records import AnnotatedDoc
from goldsmith.labels.schema import LAYERS

#: Most errors listed per system (the rest are counted).
MAX_ERRORS = 2000

_e = html.escape


def render_html(
    report: Any,
    gold_docs: Sequence[AnnotatedDoc],
    predictions_by_system: Mapping[str, Sequence[AnnotatedDoc]],
    errors_by_system: Mapping[str, Sequence[ErrorItem]] | None = None,
    *,
    layers_by_system: Mapping[str, Sequence[str]] | None = None,
    title: str = "goldsmith evaluation report",
) -> str:
    """The whole HTML page (rules in the module docstring).

    ``report`` is a :class:`~goldsmith.eval.report.Report`, its ``to_dict()`` or None.
    ``predictions_by_system`` maps a system name to its prediction documents (matched to
    the gold by ``doc_id``). Without ``errors_by_system`` the errors are listed here with
    :func:`~goldsmith.eval.errors.list_errors`, over the layers in ``layers_by_system``
    (default: all) and the report's ``value_tolerance``.
    """
    data: dict[str, Any] = {}
    if report is not None:
        data = report if isinstance(report, dict) else report.to_dict()
    systems = list(predictions_by_system)
    layers = {name: tuple((layers_by_system or {}).get(name, LAYERS)) for name in systems}
    if errors_by_system is None:
        tolerance = float(data.get("value_tolerance") or 0.0)
        errors_by_system = {
            name: list_errors(
                gold_docs,
                list(predictions_by_system[name]),
                layers=layers[name],
                value_tolerance=tolerance,
                system=name,
            )
            for name in systems
        }
    body = [
        f"<h1>{_e(title)}</h1>",
        _header(data, len(gold_docs), systems),
        _summary(data),
        _layer_tables(data),
        _charts(data),
        _comparisons(data),
        document_views(gold_docs, predictions_by_system, layers, errors_by_system),
        error_listing(errors_by_system, gold_docs, MAX_ERRORS),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + "\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- scores


def _pct(value: Any) -> str:
    return "-" if value is None else f"{100 * float(value):.1f}"


def _with_ci(value: Any, ci: Any) -> str:
    if value is None:
        return "-"
    if not ci:
        return _pct(value)
    return f'{_pct(value)} <span class="ci">[{_pct(ci[0])}, {_pct(ci[1])}]</span>'


def _figure_title(name: str) -> str:
    words = name.replace("_", " ").split(".")
    out = " ".join(w for w in words if w != "f1")
    return out + (" F1" if name.endswith(".f1") else "")


def _header(data: dict[str, Any], n_docs: int, systems: list[str]) -> str:
    facts = [f"documents: {n_docs}", f"systems: {', '.join(systems) or 'none'}"]
    if data:
        if data.get("gold"):
            facts.insert(0, f"gold: {data['gold']}")
        facts.append(
            f"bootstrap: {data.get('resamples')} resamples, seed {data.get('seed')}, "
            f"{100 * float(data.get('confidence') or 0.95):.0f}% intervals"
        )
        facts.append(f"claim value tolerance: {data.get('value_tolerance', 0)}")
    items = "".join(f"<li>{_e(str(f))}</li>" for f in facts)
    warnings = list(data.get("warnings", []))
    warnings += [
        f"{s.get('name')}: {w}" for s in data.get("systems", []) for w in s.get("warnings", [])
    ]
    warn = "".join(f'<li class="warn">{_e(w)}</li>' for w in warnings)
    return f'<ul class="facts">{items}{warn}</ul><p class="note">Figures in %.</p>'


def _summary(data: dict[str, Any]) -> str:
    systems = data.get("systems", [])
    if not systems:
        return ""
    names: list[str] = []
    for s in systems:
        for key in s.get("headline", {}):
            if key not in names and not key.startswith(("entities.strict.f1.", "quotes.per_kind.")):
                names.append(key)
    head = "".join(f"<th>{_e(s['name'])}</th>" for s in systems)
    rows = []
    for key in names:
        cells = "".join(
            f'<td class="num">{_with_ci(*_fig(s.get("headline", {}).get(key)))}</td>'
            for s in systems
        )
        rows.append(f"<tr><th>{_e(_figure_title(key))}</th>{cells}</tr>")
    return (
        '<h2 id="summary">Summary</h2><table class="scores"><thead><tr><th>figure</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _fig(figure: Any) -> tuple[Any, Any]:
    if not figure:
        return None, None
    return figure.get("value"), figure.get("ci")


def _span_rows(system: str, rows: list[tuple[str, dict[str, Any]]]) -> list[str]:
    out = []
    for name, s in rows:
        counts = "".join(
            f'<td class="num">{int(s.get(k, 0))}</td>'
            for k in ("correct", "incorrect", "partial", "missed", "spurious")
        )
        out.append(
            f"<tr><td>{_e(system)}</td><td>{_e(name)}</td>"
            f'<td class="num">{_pct(s.get("precision"))}</td>'
            f'<td class="num">{_pct(s.get("recall"))}</td>'
            f'<td class="num">{_with_ci(s.get("f1"), s.get("f1_ci"))}</td>{counts}</tr>'
        )
    return out


def _layer_tables(data: dict[str, Any]) -> str:
    systems = data.get("systems", [])
    if not systems:
        return ""
    parts = ['<h2 id="layers">Scores per layer</h2>']
    head = (
        "<tr><th>system</th><th>measure</th><th>P</th><th>R</th><th>F1</th><th>correct</th>"
        "<th>incorrect</th><th>partial</th><th>missed</th><th>spurious</th></tr>"
    )
    for layer in LAYERS:
        rows: list[str] = []
        acc: list[str] = []
        for s in systems:
            layer_data = s.get(layer, {})
            if layer == "entities":
                spans = [
                    (f"{scheme} (micro)", layer_data[scheme]["micro"])
                    for scheme in ("strict", "exact", "partial", "type")
                    if scheme in layer_data
                ]
            else:
                spans = [(f"span {k}", v) for k, v in layer_data.get("span", {}).items()]
                if "end_to_end" in layer_data:
                    spans.append(("end to end", layer_data["end_to_end"]))
            rows += _span_rows(s["name"], spans)
            accuracies = dict(layer_data.get("accuracy", {}))
            for key in ("kind_accuracy", "speaker_accuracy"):
                if key in layer_data:
                    accuracies[key.replace("_accuracy", "")] = layer_data[key]
            for key, a in accuracies.items():
                acc.append(
                    f"<tr><td>{_e(s['name'])}</td><td>{_e(key.replace('_', ' '))}</td>"
                    f'<td class="num">{_with_ci(a.get("accuracy"), a.get("ci"))}</td>'
                    f'<td class="num">{int(a.get("correct", 0))} / {int(a.get("total", 0))}</td>'
                    "</tr>"
                )
        parts.append(
            f'<h3>{layer}</h3><table class="scores"><thead>{head}</thead>'
            f"<tbody>{''.join(rows)}</tbody></table>"
        )
        if acc:
            parts.append(
                '<table class="scores"><thead><tr><th>system</th><th>attribute accuracy'
                "</th><th>%</th><th>right / judged</th></tr></thead>"
                f"<tbody>{''.join(acc)}</tbody></table>"
            )
    return "".join(parts)


def _charts(data: dict[str, Any]) -> str:
    systems = data.get("systems", [])
    names = [s["name"] for s in systems]
    entity_bars, quote_bars = [], []
    for s in systems:
        per_label = s.get("entities", {}).get("strict", {}).get("per_label", {})
        for label, v in per_label.items():
            entity_bars.append(_bar(label, s["name"], v))
        for kind, v in s.get("quotes", {}).get("per_kind", {}).items():
            quote_bars.append(_bar(kind, s["name"], v))
    parts = []
    if entity_bars:
        parts.append("<h3>Entities: F1 per label (strict, %), with intervals</h3>")
        parts.append(interval_chart(entity_bars, names))
    if quote_bars:
        parts.append("<h3>Quotes: F1 per kind (30% overlap, %)</h3>")
        parts.append(interval_chart(quote_bars, names))
    if not parts:
        return ""
    return '<h2 id="charts">Per label</h2>' + "".join(parts)


def _p(value: Any) -> str:
    return "-" if value is None else f"{float(value):.3f}"


def _bar(row: str, system: str, score: dict[str, Any]) -> Bar:
    ci = score.get("f1_ci") or (None, None)
    return Bar(row, system, score.get("f1"), ci[0], ci[1])


def _comparisons(data: dict[str, Any]) -> str:
    parts = []
    for c in data.get("comparisons", []):
        rows = "".join(
            f'<tr><th>{_e(_figure_title(r["figure"]))}</th><td class="num">{_pct(r["a"])}</td>'
            f'<td class="num">{_pct(r["b"])}</td><td class="num">{_pct(r["difference"])}</td>'
            f'<td class="num">{_p(r["p_value"])}</td></tr>'
            for r in c.get("results", [])
        )
        parts.append(
            f'<h3>{_e(c["a"])} vs {_e(c["b"])}</h3><table class="scores"><thead><tr>'
            f"<th>figure</th><th>{_e(c['a'])}</th><th>{_e(c['b'])}</th><th>difference</th>"
            f"<th>p (paired bootstrap)</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    if not parts:
        return ""
    return '<h2 id="tests">Paired tests</h2>' + "".join(parts)
