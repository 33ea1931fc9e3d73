"""Embedded posts: the text of a social-media post left in a scraped article as markup.

ANNOTATION_SPEC.md 4 ("Writing is speech: e-mails, tweets, …"): a post embedded in the
article (``<tweet author="@anaruiz" …>The pier reopens Monday.</tweet>``, also closed by
``<tweet/>``) is speech set off from the text without quotation marks, so a ``block``
span (ANNOTATION_SPEC.md 2). The rule (:func:`post_candidates`): the text between the
opening tag and its closing tag, in one paragraph, without the leading "." of a reply
(".@anaruiz …"), and ending before the first link (``https://…``,
``pic.twitter.com/…``) or the post's signature line (``— Ana Ruiz (@anaruiz) May 3,
2016``) and a short sign-off (``-H``). A post holding quotation marks is left to the quote
rules; a post with no letter or digit gives nothing. The speaker is the named mention
before the post that the author's handle spells
(:func:`goldsmith.annotate.rules.attribution_lines.handle_owner`), else none.

Example:
    >>> [(c.start, c.end, c.kind) for c in post_candidates(ctx)]     # doctest: +SKIP
    [(41, 64, 'block')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from goldsmith.annotate.rules.attribution_lines import AUTHOR, handle_owner
from goldsmith.annotate.rules.quote_context import Candidate, DocContext
from goldsmith.annotate.rules.spans import overlaps_any

#: An embedded post: its opening tag (with attributes), its text, its closing tag.
_POST = re.compile(r"<tweet\b([^<>\n]*)>([^<\n]*)(?:</tweet>|<tweet/>)")
#: Where a post's own words end: a link, or the signature line of an embedded post.
_TAIL = re.compile(r"https?://|pic\.twitter\.com/|\s[—–]\s[^\n]*\(@\w+\)")
#: A short sign-off after the words: "… for others. -H".
_SIGN_OFF = re.compile(r"\s[-–—]\s?[A-Za-z]{1,3}\s*$")


def post_candidates(ctx: DocContext, blocked: Sequence[tuple[int, int]]) -> list[Candidate]:
    """``block`` candidates for the embedded posts of the document (module rules);
    ``blocked``: the spans of quoted text, marks included."""
    text = ctx.text
    if "<tweet" not in text:
        return []
    items = []
    for post in _POST.finditer(text):
        start, end = post.span(2)
        if overlaps_any(start, end, blocked):
            continue  # “…” inside: the quote rules find it
        tail = _TAIL.search(text[start:end])
        if tail is not None:
            end = start + tail.start()
        while start < end and (text[start] in ". " or text[start].isspace()):
            start += 1
        sign_off = _SIGN_OFF.search(text, start, end)
        if sign_off is not None:
            end = sign_off.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        if not any(ch.isalnum() for ch in text[start:end]):
            continue
        item = Candidate(start, end, "block")
        author = AUTHOR.search(post.group(1))
        if author is not None:
            item.speaker = handle_owner(ctx, author.group(1), post.start())
        items.append(item)
    return items
