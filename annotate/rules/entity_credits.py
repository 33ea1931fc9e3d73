"""Credit lines: the boilerplate lines of a news page where no entity is annotated.

ANNOTATION_SPEC.md section 1 leaves boilerplate lines unannotated; the real-news
adjudication lists which lines of a news page are boilerplate. A line (the text between
two line breaks) is a credit line when, after an optional opening bracket:

- it opens with a credit label: "Contributing:", "Additional reporting by",
  "Reporting by", "Writing by", "Editing by", "Compiled by", "Editor's note",
  "Photo:", "Photo by", "Photograph by", "Image:", "Credit:", "Photo credit" ...;
- or it is a photo credit, a short line (at most eight words, never the headline) of
  capitalised names joined by "via", "for" or a slash and nothing else:
  "Jane Roe via Acme Images.", "Jane Roe / Acme.", "Jane Roe for The Daily Ledger";
- or it points readers to an account: a short line (at most twenty words) that ends with
  a handle and opens with "Follow" or with a platform name and a colon: "Follow Jane Roe
  on Chirper @janeroe.", "Chirper: @janeroe." (the promotional lines of spec section 1);
- or it points readers to a page: a short line (at most thirty words, never the
  headline, no markup such as an embedded post) that ends with a web address ("On
  Chirper follow Jane Roe https://chirper.com/jroe.") or with "Like the page:" ("Do
  you back Al Poe? Like the page:");
- or it is a reporting sign-off: a short line (at most thirty words) that opens with one
  or two names and "reported from" or "contributed from / to this report": "Roe
  reported from Oslo. Acme writer Al Poe contributed from Bergen.", "Roe reported from
  Oslo; Poe, from Bergen." ("Acme reported that night ..." is news);
- or it is the writer's biography closing an opinion piece: the last line of the
  document that is no other credit line (never the headline), at most forty words,
  a name (with an optional description between commas) and "is", no "said" and no
  quotation mark: "Jane Roe is a member of the Ledger's board of contributors.", "Al
  Poe, a Tolvik law professor, is the author of Dust.";
- or it sends readers to an e-mail address: a short line (at most fifteen words, never
  the headline) that ends with one: "Send tips to Jane Roe jroe@acme.com.", "Contact
  Jane Roe at jroe@acme.com".

A caption ("The mayor greets a crowd in Ohio.") is not a credit line: it is annotated.

Example:
    >>> credit_lines("The mayor spoke.\\n\\nJane Roe via Acme Images.\\n")
    [(18, 43)]
    >>> credit_lines("(Writing by Jo Poe; Editing by Al Day)")
    [(0, 38)]
"""

from __future__ import annotations

import re

#: Labels that open a credit line (compared case-insensitively, apostrophes either way).
_LABELS = (
    r"contributing(?: writers?| reporters?)?:",
    r"additional reporting(?: by)?",
    r"(?:reporting|writing|editing|compiled|produced|edited|written|translated) by",
    r"editor['’]s note",
    r"photo(?:graph)?(?: credit)?s?(?::| by)",
    r"(?:image|credit|credits|illustration|video|graphic)(?::| by)",
    r"top (?:photo|image)(?::| by)",
)
_LABEL_LINE = re.compile(r"[(\[]?\s*(?:" + "|".join(_LABELS) + r")", re.IGNORECASE)

#: A capitalised name of one to four words ("Jane Roe", "Acme Images", "AP").
_NAME = r"[A-Z][\w.'’&-]*(?: (?:[A-Z][\w.'’&-]*|of|de|van|von|and|the)){0,3}"

#: A photo credit: names joined by "via" or "/" (also "for"), an optional final stop.
_PHOTO_CREDIT = re.compile(
    rf"[(\[]?{_NAME}(?:\s*(?:/|\bvia\b|\bfor\b)\s*{_NAME})+[.)\]]*\s*", re.UNICODE
)

#: A photo credit is short: at most this many words.
_MAX_PHOTO_CREDIT_WORDS = 8

#: A line sending readers to an account: "Follow Jane Roe on Chirper @janeroe.",
#: "Chirper: @janeroe".
_ACCOUNT_LINE = re.compile(r"(?:Follow\b.*|[A-Z][\w.]*:)\s*@\w+[.!]?")

#: A line that ends with an e-mail address: "Send tips to Jane Roe jroe@acme.com.",
#: "Contact Jane Roe at jroe@acme.com".
_CONTACT_LINE = re.compile(r".*\s[\w.+-]+@[\w-]+(?:\.[\w-]+)+[.)\]]?")

#: A line ending with a web address or a "like" request (promotional, spec section 1).
_PAGE_LINE = re.compile(r"[^<].*(?:\shttps?://\S+|Like the page:)\s*")
_MAX_PAGE_WORDS = 30

#: A reporting sign-off: "Roe reported from Oslo.", "Roe and Poe contributed."
_SIGN_OFF = re.compile(
    r"[A-Z][\w'’-]+(?: and [A-Z][\w'’-]+)? (?:reported|contributed) (?:from|to this report)\b"
)
_MAX_SIGN_OFF_WORDS = 30

#: The writer's biography: "Jane Roe is ...", "Jane Roe, a professor, is ...".
_BIOGRAPHY = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?:, [^,\"“”]{1,80},)? is ")
_MAX_BIOGRAPHY_WORDS = 40

#: A contact line is short: at most this many words.
_MAX_CONTACT_WORDS = 15

#: An account line is short: at most this many words.
_MAX_ACCOUNT_WORDS = 20


def credit_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) character ranges of the credit lines of ``text``, in order."""
    found: list[tuple[int, int]] = []
    start = 0
    last: tuple[int, int, str] | None = None  # the last line that is no credit
    for number, line in enumerate(text.split("\n")):
        end = start + len(line)
        stripped = line.strip()
        if stripped and _is_credit(stripped, headline=number == 0):
            found.append((start, end))
        elif stripped:
            last = (start, end, stripped) if number > 0 else None
        start = end + 1
    if last is not None and _is_biography(last[2]):
        found.append(last[:2])
        found.sort()
    return found


def _is_biography(line: str) -> bool:
    """The writer's biography closing an opinion piece (module rule)."""
    return (
        len(line.split()) <= _MAX_BIOGRAPHY_WORDS
        and _BIOGRAPHY.match(line) is not None
        and " said" not in line
        and not any(mark in line for mark in '"“”')
    )


def _is_credit(line: str, *, headline: bool) -> bool:
    """A credit line; the first line of a document (its headline) is never a photo credit."""
    if _LABEL_LINE.match(line):
        return True
    if len(line.split()) <= _MAX_ACCOUNT_WORDS and _ACCOUNT_LINE.fullmatch(line):
        return True
    if not headline and len(line.split()) <= _MAX_CONTACT_WORDS and _CONTACT_LINE.fullmatch(line):
        return True
    if not headline and len(line.split()) <= _MAX_PAGE_WORDS and _PAGE_LINE.fullmatch(line):
        return True
    if len(line.split()) <= _MAX_SIGN_OFF_WORDS and _SIGN_OFF.match(line):
        return True
    return (
        not headline
        and len(line.split()) <= _MAX_PHOTO_CREDIT_WORDS
        and _PHOTO_CREDIT.fullmatch(line) is not None
    )
