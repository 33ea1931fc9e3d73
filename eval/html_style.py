"""The inline stylesheet of the HTML report: layout, label colours, the CSS layer switch.

System fonts only (nothing is fetched). The layer switch: three radio inputs precede
the ``.docs`` block, and ``#show-LAYER:checked ~ .docs .pane-LAYER`` shows that layer's
panes; every other pane stays hidden.
"""

from __future__ import annotations

from goldsmith.labels.schema import LAYERS

_COLOURS: dict[str, str] = {
    "person": "#ffd7a8",
    "norp": "#d9f2c4",
    "fac": "#e6d4f7",
    "org": "#bfe3ff",
    "gpe": "#ffc9c9",
    "loc": "#c8f0e8",
    "event": "#fff0a8",
    "date": "#e3e3e3",
    "source": "#f5d0ea",
    "direct": "#cfe8ff",
    "partial": "#dcefd0",
    "indirect": "#ffe6c2",
    "block": "#eadcf8",
    "claim": "#ffe08a",
    "speaker": "#ffb3b3",
    "other": "#dddddd",
}

_SWITCH = "\n".join(
    f"#show-{layer}:checked ~ .docs .pane-{layer} {{ display: grid; }}\n"
    f"#show-{layer}:checked ~ .switches label[for=show-{layer}] "
    "{ background: #223; color: #fff; }"
    for layer in LAYERS
)

_MARKS = "\n".join(f"mark.l-{name} {{ background: {c}; }}" for name, c in _COLOURS.items())

CSS = f"""
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.5rem;
  color: #1d1f24; line-height: 1.45; }}
h1 {{ font-size: 1.5rem; }} h2 {{ margin-top: 2rem; border-bottom: 1px solid #ccd; }}
table {{ border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }}
th, td {{ border: 1px solid #d5d8de; padding: 0.2rem 0.5rem; text-align: left;
  vertical-align: top; }}
thead th {{ background: #f1f3f6; }}
td.num {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
.ci, .muted {{ color: #6a7080; font-size: 0.85em; }}
.facts li.warn {{ color: #a14b00; }}
.chart text {{ font-size: 11px; fill: #1d1f24; }}
.chart text.row {{ text-anchor: end; dominant-baseline: middle; }}
.chart text.tick {{ text-anchor: middle; fill: #6a7080; }}
.chart line.grid {{ stroke: #e2e5ea; }}
.chart line.ci {{ stroke: #1d1f24; stroke-width: 1.2; }}
input.switch {{ position: absolute; opacity: 0; pointer-events: none; }}
.switches {{ position: sticky; top: 0; background: #fff; padding: 0.4rem 0; z-index: 1; }}
.switches label {{ border: 1px solid #99a; border-radius: 4px; padding: 0.15rem 0.6rem;
  margin-right: 0.3rem; cursor: pointer; }}
{_SWITCH}
details.doc {{ border: 1px solid #d5d8de; border-radius: 6px; margin: 0.6rem 0;
  padding: 0.3rem 0.7rem; }}
details.doc summary {{ cursor: pointer; font-weight: 600; }}
.pane {{ display: none; gap: 1rem; }}
.col h4 {{ margin: 0.5rem 0 0.3rem; }}
.text {{ white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.92rem;
  border-top: 1px solid #eee; padding-top: 0.3rem; }}
mark {{ border-radius: 2px; padding: 0 1px; color: inherit; }}
mark.nested {{ box-shadow: inset 0 -2px 0 #4a4f5c; }}
{_MARKS}
sup.tag {{ font-size: 0.62em; color: #4a4f5c; margin: 0 2px 0 1px; }}
table.errors td.ctx {{ font-family: ui-monospace, Menlo, Consolas, monospace;
  font-size: 0.82rem; white-space: pre-wrap; }}
"""
