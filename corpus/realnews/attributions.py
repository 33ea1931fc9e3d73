"""PolNeAR attributions mapped to the spec's quotes, and goldsmith-style quotes scored on them.

PolNeAR annotates attributions in brat standoff: ``T`` lines are spans (``Source``,
``Cue``, ``Content``, ``Attribution``; a span may be discontinuous, ``s e;s e``) and ``E``
lines tie one attribution's roles together. It counts beliefs, intentions and pronoun
sources too, so only three mappings compare with the spec (issue 11):

- **direct**: the content, trimmed of whitespace and a final ``.,;:``, starts with an
  opening quotation mark and ends with a closing one. Its gold pieces are the quoted
  passages inside the content (marks excluded, a trailing comma dropped), one per paragraph.
- **indirect with a speech-verb cue**: not direct, the attribution has a source, and a word
  of the cue is an inflected form of a speech verb of :data:`SPEECH_VERBS` (an independent
  list: "according to", "called", "described", thinking and wanting verbs are not in it).
  Its gold pieces are the content's paragraphs, trimmed of whitespace and edge punctuation.
- **named source**: the source's first segment, up to a comma or bracket ("Jeff Weaver,
  Sanders' campaign manager,"), is a name: every word starts with a capital
  letter (connectives "of", "de", "van", "von", "al", "bin", "and" and initials allowed),
  the first word is not a pronoun, determiner, possessive or a capitalised common noun of
  :data:`NOT_NAMES` ("Officials said").

Scoring (:func:`attribution_doc_counts`): each kind's pieces are matched one to one with the
predicted quotes of any kind at >= 30 % overlap over the longer span
(:func:`goldsmith.eval.matching.match_spans`); recall = matched pieces / pieces. Speaker
agreement counts, over matched pieces (direct or indirect) whose attribution has a named
source, the predicted speakers that name the same source
(:func:`goldsmith.eval.matching.same_source`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from goldsmith.eval.matching import match_spans, same_source
from goldsmith.eval.metrics import AccuracyCounts
from goldsmith.labels import Entity, Quote, Span

OPENING = "“\"‘'"
CLOSING = "”\"’'"
_QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]")
_LINE = re.compile(r"^([TEAR#])(\d+)\t([^\t\n]*)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d[\w.-]*")

_SPEECH_BASES = """
say tell add write tweet state note announce explain argue claim insist warn reply respond
declare acknowledge admit confirm deny assert contend maintain stress emphasize recall
predict promise pledge vow testify concede complain allege remark observe report reveal
mention repeat reiterate suggest ask answer shout yell joke quip boast email e-mail post
""".split()
_IRREGULAR = {
    "say": ("said", "says", "saying"),
    "tell": ("told", "tells", "telling"),
    "write": ("wrote", "written", "writes", "writing"),
}


def _forms(base: str) -> set[str]:
    if base in _IRREGULAR:
        return {base, *_IRREGULAR[base]}
    stem = base[:-1] if base.endswith("e") else base
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    plural = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    doubled = base + base[-1] if base in {"admit", "quip", "refer"} else base
    return {base, plural, stem + "ed", doubled + "ed", stem + "ing", doubled + "ing"}


#: Inflected forms of the speech verbs (``said``, ``tweeted``, ``replies`` ...).
SPEECH_VERBS = frozenset(f for base in _SPEECH_BASES for f in _forms(base))
#: First words that make a capitalised source a description, not a name.
NOT_NAMES = frozenset(
    """
    he she they it i we you him her them his its their our my your this that these those the
    a an some many most several both all few other others another one two three each every
    officials official experts analysts critics sources aides supporters voters people
    polls reports report data records documents observers advocates residents members
    """.split()
)
_CONNECTIVES = frozenset("of de da del van von al bin la le and".split())


@dataclass(frozen=True)
class Attribution:
    """One PolNeAR attribution mapped to the spec: kind, gold pieces and source."""

    kind: str  #: ``direct``, ``indirect`` (speech-verb cue, with source) or ``other``
    pieces: tuple[Span, ...]
    cue: str
    source: Entity | None  #: first source segment, label ``SOURCE``
    named: bool  #: the source is a name


@dataclass(frozen=True)
class BratSpan:
    label: str
    segments: tuple[tuple[int, int], ...]


def parse_brat(ann: str) -> tuple[dict[str, BratSpan], list[dict[str, str]]]:
    """The ``T`` spans by id and the ``E`` events (role -> span id) of a brat file.

    Lines that do not start with ``T1\\t`` style ids (continuations of multi-line span
    texts, annotator notes) are skipped; offsets are taken from the ids' lines only.
    """
    spans: dict[str, BratSpan] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        kind, num, body = m.groups()
        if kind == "T":
            label, _, ranges = body.partition(" ")
            segs = tuple(tuple(int(x) for x in part.split()) for part in ranges.split(";"))
            spans["T" + num] = BratSpan(label, segs)  # type: ignore[arg-type]
        elif kind == "E":
            roles = {}
            for item in body.split():
                role, _, ref = item.partition(":")
                roles[role] = ref
            events.append(roles)
    return spans, events


def is_speech_cue(cue: str) -> bool:
    """Whether a word of the cue is a form of a speech verb (:data:`SPEECH_VERBS`)."""
    return any(w.lower().strip(".:") in SPEECH_VERBS for w in _WORD.findall(cue))


def is_name(source: str) -> bool:
    """The module docstring's name rule, on the source's text before a comma or bracket."""
    words = _WORD.findall(re.split(r"[,(]", source, maxsplit=1)[0])
    if not words:
        return False
    first = words[0].lower()
    if first in NOT_NAMES or first.removesuffix("’s").removesuffix("'s") in NOT_NAMES:
        return False
    for w in words:
        if w.lower() in _CONNECTIVES:
            continue
        if not w[0].isupper():
            return False
    return words[-1].lower() not in _CONNECTIVES


def _trim(text: str, start: int, end: int, strip: str) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in strip):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in strip):
        end -= 1
    return start, end


def _paragraphs(text: str, segs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in segs:
        pos = s
        for part in text[s:e].split("\n"):
            out.append((pos, pos + len(part)))
            pos += len(part) + 1
    return out


def _is_direct(text: str, segs: Sequence[tuple[int, int]]) -> bool:
    first = text[segs[0][0] : segs[0][1]].strip()
    last = text[segs[-1][0] : segs[-1][1]].strip().rstrip(".,;:").rstrip()
    return bool(first) and bool(last) and first[0] in OPENING and last[-1] in CLOSING


def _direct_pieces(text: str, segs: Sequence[tuple[int, int]]) -> list[Span]:
    pieces = []
    for s, e in _paragraphs(text, segs):
        found = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(text, s, e)]
        if not found:  # a paragraph of a quote that opens or closes in another one
            found = [_trim(text, s, e, OPENING + CLOSING)]
        for a, b in found:
            a, b = _trim(text, a, b, ",")
            if a < b:
                pieces.append(Span(a, b, text[a:b]))
    return pieces


def _indirect_pieces(text: str, segs: Sequence[tuple[int, int]]) -> list[Span]:
    pieces = []
    for s, e in _paragraphs(text, segs):
        a, b = _trim(text, s, e, ".,;:" + OPENING + CLOSING)
        if a < b:
            pieces.append(Span(a, b, text[a:b]))
    return pieces


def map_attributions(text: str, ann: str) -> list[Attribution]:
    """Every attribution of a brat file with a content, mapped (rules: module docstring)."""
    spans, events = parse_brat(ann)
    out = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if content is None:
            continue
        segs = list(content.segments)
        extra = spans.get(ev.get("Content2", ""))
        if extra is not None:
            segs += list(extra.segments)
        segs.sort()
        cue_span = spans.get(ev.get("Cue", ""))
        cue = " ".join(text[s:e] for s, e in cue_span.segments) if cue_span else ""
        src = spans.get(ev.get("Source", ""))
        source = None
        if src is not None:
            s, e = src.segments[0]
            source = Entity(s, e, text[s:e], "SOURCE")
        named = source is not None and is_name(source.text)
        if _is_direct(text, segs):
            kind, pieces = "direct", _direct_pieces(text, segs)
        elif source is not None and is_speech_cue(cue):
            kind, pieces = "indirect", _indirect_pieces(text, segs)
        else:
            kind, pieces = "other", []
        out.append(Attribution(kind, tuple(pieces), cue, source, named))
    return out


@dataclass(frozen=True)
class AttributionCounts:
    """Recall of direct and speech-cue indirect pieces, and named-speaker agreement."""

    direct: AccuracyCounts = AccuracyCounts()
    indirect: AccuracyCounts = AccuracyCounts()
    speaker: AccuracyCounts = AccuracyCounts()

    def __add__(self, other: AttributionCounts) -> AttributionCounts:
        return AttributionCounts(
            self.direct + other.direct, self.indirect + other.indirect, self.speaker + other.speaker
        )

    def figures(self) -> dict[str, AccuracyCounts]:
        return {
            "polnear.direct_recall": self.direct,
            "polnear.indirect_speech_recall": self.indirect,
            "polnear.named_speaker_agreement": self.speaker,
        }


def attribution_doc_counts(
    attributions: Sequence[Attribution], predicted: Sequence[Quote]
) -> AttributionCounts:
    """Counts of one document (rules: module docstring)."""
    counts = {}
    speaker = AccuracyCounts()
    for kind in ("direct", "indirect"):
        pieces = [(a, p) for a in attributions if a.kind == kind for p in a.pieces]
        matching = match_spans([p for _, p in pieces], predicted, 0.3)
        counts[kind] = AccuracyCounts(len(matching.matches), len(pieces))
        for m in matching.matches:
            att = pieces[m.gold][0]
            if att.named:
                ok = same_source(att.source, predicted[m.pred].speaker)
                speaker = speaker + AccuracyCounts(int(ok), 1)
    return AttributionCounts(counts["direct"], counts["indirect"], speaker)
