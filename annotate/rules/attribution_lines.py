"""Speakers named outside any sentence: headline labels and signature lines.

Real news attributes some quotes without a speech verb (ANNOTATION_SPEC.md section 4;
decisions in ``docs/spec-decisions.md``):

- a headline ``Name: ‘quote’`` (or ``Name: other words, ‘quote’``): the speaker is the
  headline's first name when a verb follows it before the colon ("Mayor Ana Ruiz
  Praises Pilot Tom Hale: ‘A Real Hero’", "Ruiz Addresses Pier Fire: ‘…’": the verb's
  subject), else the name right before the colon;
- a headline ``Name: words`` without quotation marks right after the colon (the title
  line may end in a full stop): the words, up to a quotation mark or the line's end,
  are an ``indirect`` quote of that speaker ("Harbor Chief Ana Ruiz: Pier Will Reopen
  In May", "Ana Ruiz: Close The Pier, ‘Start Again’" -> indirect "Close The Pier");
- a signature after the quote: ``“quote” – Ana Ruiz, Harbor Gazette`` on the same line,
  or a line of its own opening with a dash under a paragraph that is only the quote
  (``— Ana Ruiz (@anaruiz) May 3, 2016``): the speaker is the name right after the dash,
  or the named mention before it whose name a handle after the dash spells
  (``“…” — @realAnaRuiz`` -> ``Ana Ruiz``);
- an embedded post whose markup names its author (``<tweet author="@anaruiz">“…”``):
  the named mention that handle spells.

Each gives a named entity (PERSON/ORG/GPE/NORP) of the entity layer or nothing.

Example:
    >>> headline_speaker(ctx, region)        # doctest: +SKIP
    Entity(start=0, end=8, text='Ana Ruiz', label='PERSON', score=None)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from goldsmith.annotate.rules.headlines import is_title_case
from goldsmith.annotate.rules.quote_context import Candidate, DocContext
from goldsmith.annotate.rules.quote_marks import MARKUP_TAG, QuotedRegion
from goldsmith.annotate.rules.speech_words import SPEECH_LEMMAS
from goldsmith.labels.records import Entity

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Verbs of headlines in the present tense ("Praises", "Slams", "Urges"), by lemma.
_HEADLINE_VERBS = SPEECH_LEMMAS | frozenset(
    """
    praise slam blast hit attack defend back endorse accuse mock rip knock dismiss thank
    blame criticize criticise reject welcome challenge question address
    """.split()
)

#: An opening quotation mark: where a headline statement stops.
_OPENER = re.compile("(?<!\\w)[“\"‘'„«]")

#: Fewest words of a headline statement: "Impeach Lynch" has two; one word after a
#: colon is a label ("Update: Fire"), not a statement.
_MIN_STATEMENT_WORDS = 2

#: A handle after a signature dash: "— @anaruiz".
_HANDLE = re.compile(r"@(\w+)")
#: The author attribute of an embedded post's markup: author="@anaruiz".
AUTHOR = re.compile(r"author=[\"']@?(\w+)")
_WORD = re.compile(r"[^\W\d_]+")
#: Shortest last word matched inside a handle alone: "Hale" in "@realTomHale"; shorter
#: words ("Li", "Ng") match inside too many handles.
_MIN_HANDLE_WORD = 4

#: A dash opening a signature: "– Ana Ruiz", "— Ana Ruiz", "-- Ana Ruiz".
_SIGNATURE = re.compile(r"\s*(?:[—–]|--?)\s*")


def headline_speaker(ctx: DocContext, region: QuotedRegion) -> Entity | None:
    """The speaker of a quote after a colon in a title-case headline (module rules)."""
    p_start, _ = ctx.paras[region.paragraph]
    colon = ctx.text.rfind(":", p_start, region.open_at)
    if colon < 0 or not ctx.is_headline(p_start):
        return None
    return _headline_name(ctx, p_start, colon)


def headline_statements(ctx: DocContext) -> list[Candidate]:
    """``indirect`` quotes of title-case lines ``Name: words`` (module rules)."""
    text = ctx.text
    items = []
    for number, (p_start, p_end) in enumerate(ctx.paras):
        line = text[p_start:p_end].rstrip()
        colon = line.find(":")
        if colon < 0 or not (ctx.is_headline(p_start) or (number == 0 and is_title_case(line))):
            continue
        start = p_start + colon + 1
        while start < p_start + len(line) and text[start].isspace():
            start += 1
        opener = _OPENER.search(text, start, p_start + len(line))
        end = opener.start() if opener is not None else p_start + len(line)
        if opener is not None and opener.start() == start:
            continue  # "Name: ‘quote’": a quote, see headline_speaker
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
            end -= 1
        if len(text[start:end].split()) < _MIN_STATEMENT_WORDS:
            continue
        speaker = _headline_name(ctx, p_start, p_start + colon)
        if speaker is not None:
            items.append(Candidate(start, end, "indirect", speaker=speaker))
    return items


def _headline_name(ctx: DocContext, p_start: int, colon: int) -> Entity | None:
    """The name a headline's colon attributes to (module rules)."""
    names = ctx.finder.entities_within(p_start, colon)
    if not names:
        return None
    first, last = names[0], names[-1]
    after_first = ctx.doc[ctx.token_index(first.end) : ctx.token_index(colon)]
    if any(_is_verb(t) for t in after_first):
        return first  # "Ana Ruiz Praises Pilot Tom Hale: ‘…’": the verb's subject
    return None if ctx.text[last.end : colon].strip() else last


def signature_speaker(ctx: DocContext, region: QuotedRegion) -> Entity | None:
    """The speaker named by a dash signature after the quote (module rules)."""
    text = ctx.text
    p_start, p_end = ctx.paras[region.paragraph]
    dash = _SIGNATURE.match(text, region.outer_end, p_end)
    if dash is not None:
        return _name_at(ctx, dash.end())
    if text[region.outer_end : p_end].strip(" .,") or text[p_start : region.open_at].strip():
        return None
    if region.paragraph + 1 >= len(ctx.paras):
        return None
    n_start, n_end = ctx.paras[region.paragraph + 1]
    dash = _SIGNATURE.match(text, n_start, n_end)
    return None if dash is None else _name_at(ctx, dash.end())


def tweet_author_speaker(ctx: DocContext, region: QuotedRegion) -> Entity | None:
    """The speaker of a quote inside an embedded post whose markup names its author
    (``<tweet author="@anaruiz">“…”</tweet>``): the person or body of that handle."""
    p_start, _ = ctx.paras[region.paragraph]
    tags = list(MARKUP_TAG.finditer(ctx.text, p_start, region.open_at))
    author = AUTHOR.search(tags[-1].group()) if tags else None
    return None if author is None else handle_owner(ctx, author.group(1), region.open_at)


def _name_at(ctx: DocContext, char: int) -> Entity | None:
    handle = _HANDLE.match(ctx.text, char)
    if handle is not None:  # "— @anaruiz": the person or body of that handle
        return handle_owner(ctx, handle.group(1), char)
    names = ctx.finder.entities_within(char, ctx.bounds(char)[1])
    return names[0] if names and names[0].start == char else None


def handle_owner(ctx: DocContext, handle: str, before: int) -> Entity | None:
    """The last named mention before ``before`` that a social-media handle spells: its
    whole name ("@anaruiz", "@AnaRuiz2016") or, failing that, its last word of four
    letters or more ("@realTomHale" -> "Tom Hale")."""
    handle = handle.lower()
    names = ctx.finder.entities_within(0, before)
    for whole in (True, False):
        for name in reversed(names):
            words = [w.lower() for w in _WORD.findall(name.text)]
            if not words or (not whole and len(words[-1]) < _MIN_HANDLE_WORD):
                continue
            if ("".join(words) if whole else words[-1]) in handle:
                return name
    return None


def _is_verb(token: Token) -> bool:
    """A verb, also a title-case headline verb the tagger calls a noun ("Praises")."""
    if token.tag_ in ("VBZ", "VBD", "VBP") or token.pos_ == "VERB":
        return True
    low = token.lower_
    return low.endswith("s") and (low[:-1] in _HEADLINE_VERBS or low[:-2] in _HEADLINE_VERBS)
