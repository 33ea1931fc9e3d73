"""The offline HTML report: escaping, no external references, balanced markup, side by side."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goldsmith.eval.error_items import ErrorItem, ErrorKind
from goldsmith.eval.highlight import Region, highlight
from goldsmith.eval.html import render_html
from goldsmith.eval.score import SystemInput, score
from goldsmith.eval.svg import Bar, interval_chart
from goldsmith.labels import AnnotatedDoc, Claim, Entity, Quote

TEXT = (
    'Mayor Ines Halloran said <script>alert("x")</script> & the Tidewater Board '
    'approved 45 new benches 🪑 for Corrin Park.\n"It\'s overdue," Halloran said.'
)
TEXT2 = "🚲🚲 Velo Norte opened 3 depots in Brask & Ulm."

VOID = {"meta", "input", "br", "hr", "img", "link", "line", "rect"}


def _span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def ent(phrase: str, label: str, text: str = TEXT, nth: int = 0) -> Entity:
    s, e = _span(text, phrase, nth)
    return Entity(s, e, phrase, label)


SPEAKER = ent("Halloran", "PERSON", nth=1)
GOLD = [
    AnnotatedDoc(
        "doc-1",
        TEXT,
        entities=(
            ent("Ines Halloran", "PERSON"),
            ent("Tidewater Board", "ORG"),
            ent("Corrin Park", "FAC"),
            SPEAKER,
        ),
        quotes=(Quote(*_span(TEXT, "It's overdue"), "It's overdue", "direct", SPEAKER),),
        claims=(Claim(*_span(TEXT, "45 new benches"), "45 new benches", 45, "bench", "exact"),),
        meta={"title": "Benches <b>bold</b>"},
    ),
    AnnotatedDoc(
        "doc-2",
        TEXT2,
        entities=(
            ent("Velo Norte", "ORG", TEXT2),
            ent("Brask", "GPE", TEXT2),
            ent("Ulm", "GPE", TEXT2),
        ),
        claims=(Claim(*_span(TEXT2, "3 depots"), "3 depots", 3, "depot", "exact"),),
    ),
]
PRED = [
    AnnotatedDoc(
        "doc-1",
        TEXT,
        entities=(
            ent("Ines Halloran", "PERSON"),
            ent("Tidewater", "ORG"),
            # nested and overlapping regions of one layer, and a hostile label
            ent("Tidewater Board", "<script>bad</script>"),
            ent("Board approved", "ORG"),
        ),
        claims=(Claim(*_span(TEXT, "45 new benches"), "45 new benches", 450, "bench", "exact"),),
    ),
    AnnotatedDoc("doc-2", TEXT2, entities=(ent("Velo Norte", "ORG", TEXT2),)),
]
SYSTEM = 'sys<script>&"'


class _Checker(HTMLParser):
    """Balanced tags; the marked code-point ranges inside every ``div.text``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.texts: list[tuple[str, list[tuple[int, int]]]] = []
        self._in_text = 0  # depth of the open div.text, 0 when outside
        self._in_mark = False
        self._in_tag = False
        self._buffer: list[str] = []
        self._marks: list[tuple[int, int]] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs += attrs
        if tag in VOID:
            return
        self.stack.append(tag)
        classes = dict(attrs).get("class") or ""
        if tag == "div" and "text" in classes.split():
            self._in_text = len(self.stack)
            self._buffer, self._marks = [], []
        elif self._in_text and tag == "mark":
            self._in_mark = True
        elif self._in_text and tag == "sup":
            self._in_tag = True

    def handle_startendtag(self, tag, attrs):
        self.attrs += attrs

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"unexpected </{tag}>, open: {self.stack[-3:]}")
            return
        if self._in_text == len(self.stack) and tag == "div":
            self.texts.append(("".join(self._buffer), self._marks))
            self._in_text = 0
        self.stack.pop()
        if tag == "mark":
            self._in_mark = False
        if tag == "sup":
            self._in_tag = False

    def handle_data(self, data):
        if not self._in_text or self._in_tag:
            return
        start = len("".join(self._buffer))
        self._buffer.append(data)
        if self._in_mark:
            self._marks.append((start, start + len(data)))


def _check(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    return checker


@pytest.fixture(scope="module")
def page() -> str:
    report = score(GOLD, [SystemInput(SYSTEM, "test", PRED)], resamples=20)
    return render_html(report, GOLD, {SYSTEM: PRED})


def test_text_labels_and_names_are_escaped(page):
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the" in page
    assert "&lt;script&gt;bad&lt;/script&gt;" in page
    assert "sys&lt;script&gt;&amp;&quot;" in page
    assert "Benches &lt;b&gt;bold&lt;/b&gt;" in page


def test_nothing_external(page):
    lowered = page.lower()
    for needle in ("http", "src=", "@import", "url(", "<link", "//"):
        assert needle not in lowered, needle


def test_markup_is_balanced(page):
    checker = _check(page)
    assert checker.problems == []
    assert checker.stack == []


def test_every_text_column_shows_the_whole_text(page):
    checker = _check(page)
    # 2 documents x 3 layers x (gold + 1 system)
    assert len(checker.texts) == 12
    for i, (shown, _) in enumerate(checker.texts):
        assert shown == (TEXT, TEXT2)[i // 6]


def test_side_by_side_marks_every_gold_region(page):
    checker = _check(page)
    for d, gold in enumerate(GOLD):
        for k, layer in enumerate(("entities", "quotes", "claims")):
            shown, marks = checker.texts[d * 6 + k * 2]  # the gold column
            covered = {i for a, b in marks for i in range(a, b)}
            for region in getattr(gold, layer):
                assert region.text in shown
                assert set(range(region.start, region.end)) <= covered, (layer, region)


def test_layer_switch_is_css_only(page):
    assert page.count('type="radio" name="layer"') == 3
    assert page.count(" checked>") == 1
    assert "#show-quotes:checked ~ .docs .pane-quotes" in page
    for layer in ("entities", "quotes", "claims"):
        assert page.count(f'class="pane pane-{layer}"') == 2


def test_summary_chart_and_errors_are_present(page):
    assert '<h2 id="summary">' in page
    assert "<svg" in page and "PERSON" in page
    assert "value 45 != 450" in page
    assert "missed GPE" in page


def test_given_errors_are_listed_instead_of_computed():
    only = ErrorItem(
        "doc-2", "entities", ErrorKind.MISSED, GOLD[1].entities[1], None, "the one error", "ctx"
    )
    page = render_html(None, GOLD, {"s": PRED}, {"s": [only]})
    assert "the one error" in page
    assert "missed GPE" not in page
    assert '<a href="#doc-1">doc-2</a>' in page


def test_layers_not_predicted_are_shown_as_such():
    page = render_html(None, GOLD, {"s": PRED}, layers_by_system={"s": ("entities",)})
    assert page.count("quotes not predicted by this system") == 2
    assert "value 45 != 450" not in page
    assert _check(page).problems == []


def test_missing_prediction_document():
    page = render_html(None, GOLD, {"s": PRED[:1]})
    assert page.count("no prediction for this document") == 3
    assert "missed ORG &#x27;Velo Norte&#x27;" in page


def test_highlight_after_emoji_uses_code_points():
    s, e = _span(TEXT2, "Brask")
    assert (s, e) == (33, 38)  # code points: each bicycle counts as one (UTF-16: 35)
    out = highlight(TEXT2, [Region(s, e, "GPE", "GPE")])
    assert '<mark class="l-gpe" title="GPE">Brask</mark>' in out


regions = st.lists(
    st.tuples(st.integers(0, 40), st.integers(1, 12), st.sampled_from(["ORG", "x<y", "DATE"])),
    max_size=8,
)


@given(regions)
def test_highlight_is_balanced_and_keeps_the_text(spans):
    text = "a<b> & c🙂d\n" * 4
    marks = [
        Region(s, min(s + n, len(text)), lab, f"{lab}&") for s, n, lab in spans if s < len(text)
    ]
    out = highlight(text, marks)
    checker = _check(f'<div class="text">{out}</div>')
    assert checker.problems == [] and checker.stack == []
    shown, covered = checker.texts[0]
    assert shown == text
    marked = {i for a, b in covered for i in range(a, b)}
    assert marked == {i for r in marks for i in range(r.start, r.end)}


def test_charts_are_in_percent_like_the_tables():
    svg = interval_chart([Bar("PERSON", "spacy", 0.8, 0.7, 0.9)], ["spacy"])
    ticks = re.findall(r'class="tick">([^<]*)<', svg)
    assert ticks == ["0", "25", "50", "75", "100"]
    assert "80.0 [70.0, 90.0]" in svg
