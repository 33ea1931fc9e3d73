"""The annotator guidelines shipped with the package, as Markdown and as simple HTML.

``guidelines.md`` (next to this module) is written from ANNOTATION_SPEC.md with short
examples for every label, quote kind and qualifier. Label Studio shows a project's
``expert_instruction`` as HTML, stored unsanitised, so the HTML is made here from a
small Markdown subset and every piece of text is escaped.

Rules of the subset (everything else is a paragraph):

- ``#``, ``##``, ``###`` start headings; ``- `` starts a list item (an indented line
  continues it); ``|`` rows make a table whose second row is the ``|---|`` separator;
  blank lines end a block;
- inline: ``**bold**``, ``*italic*`` and ```code```; no raw HTML, no links: ``<``,
  ``>``, ``&`` and quotes always come out escaped.

Example:
    >>> markdown_to_html("A **bold** <b>")
    '<p>A <strong>bold</strong> &lt;b&gt;</p>'
"""

from __future__ import annotations

import html
import re
from importlib import resources

GUIDELINES_FILE = "guidelines.md"

_INLINE = re.compile(r"\*\*(.+?)\*\*|`([^`]+)`|\*(\S(?:.*?\S)?)\*")
_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def guidelines_markdown() -> str:
    """The guidelines as shipped in the package (Markdown)."""
    return resources.files("goldsmith.labels").joinpath(GUIDELINES_FILE).read_text("utf-8")


def guidelines_html() -> str:
    """The guidelines as the HTML shown as a Label Studio project's instructions."""
    return markdown_to_html(guidelines_markdown())


def inline_html(text: str) -> str:
    """One line of Markdown text as escaped HTML with bold, italic and code."""
    out: list[str] = []
    at = 0
    for match in _INLINE.finditer(text):
        out.append(html.escape(text[at : match.start()]))
        bold, code, italic = match.groups()
        if bold is not None:
            out.append(f"<strong>{inline_html(bold)}</strong>")
        elif code is not None:
            out.append(f"<code>{html.escape(code)}</code>")
        else:
            out.append(f"<em>{inline_html(italic)}</em>")
        at = match.end()
    out.append(html.escape(text[at:]))
    return "".join(out)


def markdown_to_html(text: str) -> str:
    """The Markdown subset of the module docstring as HTML (one block a line)."""
    blocks: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
        elif heading := re.match(r"^(#{1,3})\s+(.*)$", line):
            level = len(heading.group(1))
            blocks.append(f"<h{level}>{inline_html(heading.group(2))}</h{level}>")
            i += 1
        elif line.lstrip().startswith("|"):
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i].strip())
                i += 1
            blocks.append(_table(rows))
        elif line.startswith("- "):
            items: list[str] = []
            while i < len(lines) and (
                lines[i].startswith("- ")
                or (items and lines[i].startswith("  ") and lines[i].strip())
            ):
                if lines[i].startswith("- "):
                    items.append(lines[i][2:].strip())
                else:
                    items[-1] += " " + lines[i].strip()
                i += 1
            blocks.append("<ul>" + "".join(f"<li>{inline_html(x)}</li>" for x in items) + "</ul>")
        else:
            para = [line.strip()]  # the first line always belongs here, so the loop advances
            i += 1
            while i < len(lines) and lines[i].strip() and not _starts_block(lines[i]):
                para.append(lines[i].strip())
                i += 1
            blocks.append(f"<p>{inline_html(' '.join(para))}</p>")
    return "\n".join(blocks)


def _starts_block(line: str) -> bool:
    if re.match(r"^#{1,3}\s", line):
        return True
    return line.startswith("- ") or line.lstrip().startswith("|")


def _cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return [c.strip() for c in row.split("|")]


def _table(rows: list[str]) -> str:
    if len(rows) >= 2 and _SEPARATOR.match(rows[1]):
        head, body = rows[0], rows[2:]
    else:
        head, body = None, rows
    parts = ["<table>"]
    if head is not None:
        parts.append("<tr>" + "".join(f"<th>{inline_html(c)}</th>" for c in _cells(head)) + "</tr>")
    for row in body:
        parts.append("<tr>" + "".join(f"<td>{inline_html(c)}</td>" for c in _cells(row)) + "</tr>")
    parts.append("</table>")
    return "".join(parts)
