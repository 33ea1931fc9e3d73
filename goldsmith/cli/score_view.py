"""Terminal tables of an eval :class:`~goldsmith.eval.report.Report` (rich).

One headline table (figures as rows, systems as columns, each ``value [low, high]``),
then per system: entity schemes, entity labels (strict), quote levels and kinds,
claim attributes; then the paired tests when two or more systems were scored.
Absent figures (no data) are shown as ``-``.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from goldsmith.eval.error_items import ErrorItem, format_errors
from goldsmith.eval.metrics import AccuracyScore, Interval, SpanScore
from goldsmith.eval.report import Report, SystemScores
from goldsmith.wording import plural

HEADLINE_TITLES: dict[str, str] = {
    "entities.strict.f1": "entities strict F1",
    "entities.exact.f1": "entities exact F1",
    "entities.partial.f1": "entities partial F1",
    "entities.type.f1": "entities type F1",
    "entities.strict.macro_f1": "entities strict macro F1",
    "quotes.span.exact.f1": "quotes span F1 (exact)",
    "quotes.span.overlap_80.f1": "quotes span F1 (>= 80%)",
    "quotes.span.overlap_30.f1": "quotes span F1 (>= 30%)",
    "quotes.kind_accuracy": "quotes kind accuracy",
    "quotes.speaker_accuracy": "quotes speaker accuracy",
    "quotes.end_to_end.f1": "quotes end-to-end F1",
    "claims.span.exact.f1": "claims span F1 (exact)",
    "claims.span.overlap_50.f1": "claims span F1 (>= 50%)",
    "claims.value_exact_accuracy": "claims value accuracy (exact)",
    "claims.value_tolerance_accuracy": "claims value accuracy (tolerance)",
    "claims.value_1pct_accuracy": "claims value accuracy (1%)",
    "claims.unit_accuracy": "claims unit accuracy",
    "claims.qualifier_accuracy": "claims qualifier accuracy",
    "claims.value_high_accuracy": "claims range high accuracy",
    "claims.end_to_end.f1": "claims end-to-end F1",
}


def title(figure: str) -> str:
    """A readable name of a headline figure (``entities.strict.f1.GPE`` -> ``GPE strict F1``)."""
    if figure in HEADLINE_TITLES:
        return HEADLINE_TITLES[figure]
    if figure.startswith("entities.strict.f1."):
        return f"entities strict F1 {figure.rsplit('.', 1)[1]}"
    if figure.startswith("quotes.per_kind."):
        return f"quotes F1 {figure.split('.')[2]} (>= 30%)"
    return figure


def fmt(value: float | None) -> str:
    """A figure as a percentage with one decimal, ``-`` when absent."""
    return "-" if value is None else f"{100 * value:.1f}"


def fmt_ci(value: float | None, ci: Interval | None) -> str:
    if value is None:
        return "-"
    if ci is None:
        return fmt(value)
    return f"{fmt(value)} [{fmt(ci.low)}, {fmt(ci.high)}]"


def render(report: Report, console: Console) -> None:
    """Print every table of the report."""
    console.print(
        f"gold: {report.gold}  documents: {report.n_docs}  "
        f"bootstrap: {report.resamples} resamples, seed {report.seed}, "
        f"{100 * report.confidence:.0f}% intervals; figures in %",
        markup=False,
    )
    for warning in report.warnings:
        console.print(f"warning: {warning}", style="yellow", markup=False)
    for system in report.systems:
        for warning in system.warnings:
            console.print(f"warning: {warning}", style="yellow", markup=False)
    console.print(headline_table(report))
    for system in report.systems:
        tables: list[Table] = []
        if "entities" in system.layers:
            tables += [scheme_table(system), label_table(system)]
        if "quotes" in system.layers:
            tables += quote_tables(system)
        if "claims" in system.layers:
            tables += claim_tables(system)
        for table in tables:
            console.print(table)
    for table in comparison_tables(report):
        console.print(table)


def headline_table(report: Report) -> Table:
    table = Table(title="Headline figures (95% bootstrap CI)", title_justify="left")
    table.add_column("figure")
    for system in report.systems:
        table.add_column(system.name, justify="right")
    names = list(HEADLINE_TITLES)
    for system in report.systems:
        names += [n for n in system.headline if n not in names and n.count(".") < 3]
    for name in names:
        cells = []
        for system in report.systems:
            fig = system.headline.get(name)
            cells.append(fmt_ci(fig.value, fig.ci) if fig else "-")
        table.add_row(title(name), *cells)
    return table


def _ci(ci: Interval | None) -> str:
    return "-" if ci is None else f"[{fmt(ci.low)}, {fmt(ci.high)}]"


def _span_row(score: SpanScore) -> list[str]:
    c = score.counts
    return [
        str(c.correct),
        str(c.incorrect),
        str(c.partial),
        str(c.missed),
        str(c.spurious),
        fmt(c.precision),
        fmt(c.recall),
        fmt(c.f1),
        _ci(score.f1_ci),
    ]


def _span_table(title: str, first: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    for name in ("COR", "INC", "PAR", "MIS", "SPU", "P", "R", "F1", "F1 95% CI"):
        table.add_column(name, justify="right")
    return table


def _accuracy_table(title: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column("attribute (on matched spans)")
    for name in ("right", "judged", "accuracy", "95% CI"):
        table.add_column(name, justify="right")
    return table


def _accuracy_row(name: str, score: AccuracyScore) -> list[str]:
    c = score.counts
    return [name, str(c.correct), str(c.total), fmt(c.accuracy), _ci(score.ci)]


def scheme_table(system: SystemScores) -> Table:
    table = _span_table(f"{system.name}: entities by scheme (micro)", "scheme")
    for scheme in ("strict", "exact", "partial", "type"):
        scores = system.entities.scheme(scheme)
        table.add_row(scheme, *_span_row(scores.micro))
    return table


def label_table(system: SystemScores) -> Table:
    strict = system.entities.strict
    table = _span_table(f"{system.name}: entities by label (strict)", "label")
    for label, score in strict.per_label.items():
        table.add_row(label, *_span_row(score))
    table.add_row("macro", *[""] * 7, fmt(strict.macro_f1), _ci(strict.macro_f1_ci))
    return table


def quote_tables(system: SystemScores) -> list[Table]:
    q = system.quotes
    table = _span_table(f"{system.name}: quotes", "match")
    for level, score in q.span.items():
        table.add_row(f"span {level}", *_span_row(score))
    for kind, score in q.per_kind.items():
        table.add_row(f"{kind} (>= 30%)", *_span_row(score))
    table.add_row("end to end", *_span_row(q.end_to_end))
    accuracy = _accuracy_table(f"{system.name}: quote attributes (matched at >= 30%)")
    accuracy.add_row(*_accuracy_row("kind", q.kind_accuracy))
    accuracy.add_row(*_accuracy_row("speaker", q.speaker_accuracy))
    return [table, accuracy]


def claim_tables(system: SystemScores) -> list[Table]:
    c = system.claims
    table = _span_table(f"{system.name}: claims", "match")
    for level, score in c.span.items():
        table.add_row(f"span {level}", *_span_row(score))
    table.add_row("end to end", *_span_row(c.end_to_end))
    accuracy = _accuracy_table(
        f"{system.name}: claim attributes (matched at >= 50%; "
        f"value tolerance {100 * c.value_tolerance:g}%)"
    )
    for name, score in c.accuracy.items():
        accuracy.add_row(*_accuracy_row(name, score))
    return [table, accuracy]


def comparison_tables(report: Report) -> list[Table]:
    tables = []
    for comp in report.comparisons:
        table = Table(
            title=f"Paired bootstrap: {comp.a} vs {comp.b} (two-sided p)", title_justify="left"
        )
        for name in ("figure", comp.a, comp.b, "difference", "p"):
            table.add_column(name, justify="left" if name == "figure" else "right")
        for r in comp.results:
            if r.difference is None:
                continue
            diff = "-" if r.difference is None else f"{100 * r.difference:+.1f}"
            p = "-" if r.p_value is None else f"{r.p_value:.3f}"
            table.add_row(title(r.figure), fmt(r.a), fmt(r.b), diff, p)
        tables.append(table)
    return tables


def render_errors(
    errors_by_system: dict[str, list[ErrorItem]], limit: int, console: Console
) -> None:
    """Print each system's error count and its first ``limit`` errors, one a line."""
    for name, items in errors_by_system.items():
        console.print(f"\n{name}: {plural(len(items), 'error')}", markup=False)
        for line in format_errors(items, limit):
            console.print(line, markup=False, highlight=False)
