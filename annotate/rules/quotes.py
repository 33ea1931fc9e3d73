"""Quote pre-annotation: QUOTE spans of every kind, each linked to its speaker.

The rules (ANNOTATION_SPEC.md section 2), in the order they are applied:

1. Quoted text is found by :func:`goldsmith.annotate.rules.quote_marks.quoted_regions` (marks
   paired per paragraph, stray marks skipped locally, a quote left open runs to its
   paragraph end, multi-paragraph quotes one span per paragraph). The span excludes the
   marks and a trailing comma; a final . ? ! inside the marks stays inside. Quoted text
   without a letter or digit (markup tags aside: “<tweet/>”) is ignored, and so is a
   scare quote marked "so-called", a quoted title or name and a quoted lone term
   (nobody's words, ANNOTATION_SPEC.md 4: :mod:`goldsmith.annotate.rules.quote_terms`). A learned
   classifier then drops the partial quotes it judges not to be reported speech (scare
   quotes, names and terms nobody is reported as saying:
   :mod:`goldsmith.annotate.rules.quote_classifier`).
2. Kind: ``direct`` when the quote opens a sentence (paragraph start, after . ? ! : or
   another quote), or follows a comma, dash or speech verb with a capital letter (or
   resumes an interrupted quote: "A," he said, "b."), and it ends a sentence or clause
   (ends in . ? ! , inside the marks, is followed by the end of the sentence, or by its
   attribution, or by a dash: "“…” – Ana Ruiz"). Any other quoted text is ``partial``
   (:mod:`goldsmith.annotate.rules.quote_kinds`).
3. Attribution: the nearest speech verb up the dependency tree from the quote (for
   partial quotes also a speech noun with a possessor: "Ruiz's accusation that … “…”"),
   else the nearest speech verb in the quote's sentences, else (partial quotes only) the
   nearest verb with a subject up the tree, relative clauses describing their noun
   passed over ("labeled the move “a significant escalation”"; when its clause is the
   complement of a verb with a subject, that verb: "protested that the aides were
   “disingenuous”") (:mod:`goldsmith.annotate.rules.quote_attribution`), else (a direct
   quote that is its whole paragraph) the verb by which the paragraph before introduces
   it ("X said in a statement:" ⏎ “…”), else (other direct quotes) the speech verb of
   the sentence right before it in its paragraph when that holds no quote ("Ruiz
   recalled how …. “…”"), else (direct quotes) a named entity that is all the text
   before a colon ("Lopez: “We will win”", "Said Lopez: “…”")
   or, in a headline, the name before the colon; else a dash signature after the quote
   ("“…” – Ana Ruiz", "“…” – @anaruiz") or the author in the markup of an embedded
   post (:mod:`goldsmith.annotate.rules.attribution_lines`). Only verbs of
   the quote's own paragraph, outside quotation marks, count. The speaker is found by
   :class:`goldsmith.annotate.rules.speakers.SpeakerFinder`.
4. Inheritance (conservative): a direct quote without a speaker takes the speaker of
   another quote in the same paragraph (interrupted quotes, several sentences), else of
   the neighbouring paragraph of the same multi-paragraph quote, else, when the quote is
   all its paragraph holds, of the last reported speech of the paragraph before.
   Otherwise it has no speaker.
5. ``indirect`` clauses and ``block`` paragraphs: see
   :mod:`goldsmith.annotate.rules.reported_speech`,
   :mod:`goldsmith.annotate.rules.quote_tails` (“…” because X, he said) and
   :mod:`goldsmith.annotate.rules.block_speech` (and headline statements ``Name:
   words``: :mod:`goldsmith.annotate.rules.attribution_lines`; the words of an embedded
   post, ``<tweet author="@x">…</tweet>``, whose nested speech is not annotated apart:
   :mod:`goldsmith.annotate.rules.embedded_posts`); they need an identifiable source
   (``indirect``: a linked speaker, or a source the grammar names,
   :mod:`goldsmith.annotate.rules.indirect_sources`) and are resolved in document order
   with the quotes above, so that "he said" finds the latest speaker of any kind.
6. Ranking: for a quote attributed without a speech verb (no speaker, or an inherited
   one), a learned ranker over the candidate mentions around it may give or replace the
   speaker (:mod:`goldsmith.annotate.rules.speaker_ranker`).

``score`` is a rule confidence in [0, 1] (:mod:`goldsmith.annotate.rules.confidence`):
direct 0.9, partial and indirect 0.6, block 0.5; minus 0.15 for an inherited speaker
and 0.3 for no speaker.

Example:
    >>> nlp = load_model()                                               # doctest: +SKIP
    >>> doc = nlp("“We are ready,” Austin said.")                        # doctest: +SKIP
    >>> quotes = find_quotes(doc, find_entities(doc))                    # doctest: +SKIP
    >>> [(q.text, q.kind, q.speaker.text) for q in quotes]               # doctest: +SKIP
    [('We are ready', 'direct', 'Austin')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.attribution_lines import (
    headline_speaker,
    headline_statements,
    signature_speaker,
    tweet_author_speaker,
)
from goldsmith.annotate.rules.block_speech import block_candidates, intro_verb
from goldsmith.annotate.rules.confidence import quote_score
from goldsmith.annotate.rules.embedded_posts import post_candidates
from goldsmith.annotate.rules.indirect_sources import source_of
from goldsmith.annotate.rules.quote_attribution import (
    attribution,
    name_before_colon,
    verb_of_sentence_before,
)
from goldsmith.annotate.rules.quote_classifier import FragmentClassifier
from goldsmith.annotate.rules.quote_context import Candidate, DocContext
from goldsmith.annotate.rules.quote_kinds import attribution_follows, quote_kind, resumes
from goldsmith.annotate.rules.quote_marks import MARKUP_TAG, QuotedRegion, quoted_regions
from goldsmith.annotate.rules.quote_tails import tail_candidates
from goldsmith.annotate.rules.quote_terms import is_scare_word, marked_scare_quote, names_a_work
from goldsmith.annotate.rules.reported_speech import indirect_candidates
from goldsmith.annotate.rules.speaker_ranker import SpeakerRanker, rerank
from goldsmith.labels.records import Entity, Quote
from goldsmith.labels.schema import SPEAKER_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_quotes(
    doc: Doc,
    entities: Sequence[Entity],
    *,
    ranker: SpeakerRanker | None | bool = True,
    classifier: FragmentClassifier | None | bool = True,
) -> list[Quote]:
    """QUOTE spans with kind and speaker (Entity with label PERSON/ORG/GPE/NORP/SOURCE or None).

    ``doc`` is the parsed full text; ``entities`` are the document's spec entities, whose
    spans are reused for named speakers. Linear in the document; never re-parses.
    ``ranker``: the learned speaker ranker applied after the rules (rule 6; ``True``: the
    packaged one, ``None`` or ``False``: the rules alone). ``classifier``: the learned
    check on partial quotes of rule 1 (``True``: the packaged one, ``None`` or ``False``:
    none).
    """
    if classifier is True:
        classifier = FragmentClassifier.load()
    ctx, items = quote_items(doc, entities, classifier=classifier or None)
    if ranker is True:
        ranker = SpeakerRanker.load()
    if ranker:
        rerank(ctx, items, ranker)
    return [
        _to_quote(ctx.text, item)
        for item in items
        if item.kind != "indirect" or item.speaker is not None or _keeps_source(item, entities)
    ]


def _keeps_source(item: Candidate, entities: Sequence[Entity]) -> bool:
    """Whether an indirect clause with no linked speaker names its source in its
    sentence (:mod:`goldsmith.annotate.rules.indirect_sources`), so stays for the
    annotator to link; not when the source lies in an entity that never speaks (a DATE,
    an EVENT: "The Harbor Festival said …")."""
    if item.region is not None or item.verb is None:
        return False
    source = source_of(item.verb)
    return source is not None and not any(
        e.start <= source.idx < e.end and e.label not in SPEAKER_LABELS for e in entities
    )


def quote_items(
    doc: Doc, entities: Sequence[Entity], *, classifier: FragmentClassifier | None = None
) -> tuple[DocContext, list[Candidate]]:
    """The quotes as rules 1-5 find them, before the ranker, with the document context;
    ``classifier`` drops the partial quotes it judges not to be reported speech."""
    text = doc.text  # Doc.text joins every token: compute it once
    regions = quoted_regions(text)
    blocked = [(r.open_at, r.outer_end) for r in regions]
    ctx = DocContext.build(doc, entities, blocked, text)
    items = [
        _quoted_item(ctx, r, regions[n - 1] if n else None)
        for n, r in enumerate(regions)
        if any(ch.isalnum() for ch in MARKUP_TAG.sub("", text[r.start : r.end]))
        and not marked_scare_quote(text, r)
        and not names_a_work(ctx, r)
    ]
    items = [i for i in items if not is_scare_word(ctx, i)]
    if classifier is not None:
        items = classifier.filter(ctx, items)
    items += indirect_candidates(ctx, blocked)
    items += [
        t
        for t in tail_candidates(ctx, regions)
        if not any(i.start < t.end and t.start < i.end for i in items)
    ]
    items += block_candidates(ctx, regions)
    items += headline_statements(ctx)
    posts = post_candidates(ctx, blocked)  # speech nested in a post is not annotated apart (spec 4)
    items = [i for i in items if not any(p.start <= i.start and i.end <= p.end for p in posts)]
    items += posts
    items.sort(key=lambda item: (item.start, item.end))
    for item in items:
        if item.verb is not None:
            item.speaker = ctx.finder.speaker_of(item.verb)
        elif item.speaker is not None:
            ctx.finder.remember(item.speaker.start, item.speaker)
    _inherit(ctx, items)
    return ctx, items


# -- quoted text ---------------------------------------------------------------------------


def _quoted_item(ctx: DocContext, region: QuotedRegion, previous: QuotedRegion | None) -> Candidate:
    text = ctx.text
    end = region.end
    while end > region.start and text[end - 1] in ", ":
        end -= 1
    first = ctx.token_index(region.start)
    last = ctx.token_index(region.end) - 1
    after = ctx.token_index(region.outer_end)
    follows = attribution_follows(ctx.doc, after)
    kind = quote_kind(ctx, region, follows, resumes(ctx, region, previous))
    verb = attribution(ctx, region, first, last, after, kind)
    if verb is None and kind == "direct" and _whole_paragraph(ctx, region):
        verb = intro_verb(ctx, region.paragraph - 1)  # "X said in a statement:" ⏎ “…”
    elif verb is None and kind == "direct":
        verb = verb_of_sentence_before(ctx, region, first)  # "Ruiz recalled how …. “…”"
    item = Candidate(region.start, max(end, region.start + 1), kind, region, verb)
    if verb is None and kind == "direct":
        item.speaker = name_before_colon(ctx, region) or headline_speaker(ctx, region)
    if verb is None and item.speaker is None:
        item.speaker = signature_speaker(ctx, region) or tweet_author_speaker(ctx, region)
    return item


# -- inheritance and output ----------------------------------------------------------------


def _inherit(ctx: DocContext, items: list[Candidate]) -> None:
    """Give direct quotes without a speaker the speaker of a neighbouring quote (rule 4)."""
    quoted = [i for i in items if i.region is not None]
    by_paragraph: dict[int, list[Candidate]] = {}
    for item in items:
        by_paragraph.setdefault(ctx.paragraph_of(item.start), []).append(item)
    for item in quoted:
        if item.speaker is not None or item.kind != "direct":
            continue
        number = item.region.paragraph
        same = [
            o
            for o in by_paragraph[number]
            if o is not item and o.region is not None and o.speaker is not None
        ]
        chained = [
            o
            for o in by_paragraph.get(number - 1, []) + by_paragraph.get(number + 1, [])
            if o.speaker is not None
            and o.region is not None
            and (o.region.runs_on or item.region.runs_on)
        ]
        previous = [o for o in by_paragraph.get(number - 1, []) if o.speaker is not None]
        if same:
            earlier = [o for o in same if o.start < item.start]
            item.speaker = (earlier[-1] if earlier else same[0]).speaker
        elif chained:
            item.speaker = chained[0].speaker
        elif previous and _whole_paragraph(ctx, item.region):
            item.speaker = previous[-1].speaker
        item.inherited = item.speaker is not None


def _whole_paragraph(ctx: DocContext, region: QuotedRegion) -> bool:
    """Whether the quote is all its paragraph holds (marks and final punctuation aside)."""
    p_start, p_end = ctx.paras[region.paragraph]
    outside = ctx.text[p_start : region.open_at] + ctx.text[region.outer_end : p_end]
    return not any(ch.isalnum() for ch in outside)


def _to_quote(text: str, item: Candidate) -> Quote:
    """The finished quote; the one exit of every rule, so the spec's speaker rule is kept
    here: a speaker whose label is not a speaker label (a DATE, FAC, EVENT ... reached by
    any rule) is dropped, since the spec's reader would refuse the record."""
    speaker = item.speaker if item.speaker and item.speaker.label in SPEAKER_LABELS else None
    score = quote_score(item.kind, has_speaker=speaker is not None, inherited=item.inherited)
    return Quote(
        item.start,
        item.end,
        text[item.start : item.end],
        item.kind,
        speaker=speaker,
        score=score,
    )
