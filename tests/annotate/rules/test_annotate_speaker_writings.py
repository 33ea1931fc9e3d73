"""Tests of the writings that speak for their author in goldsmith.annotate.rules.speakers:
"a study from the Harbor Institute says", "the release said" after "X announced"."""

from __future__ import annotations

import pytest
from speaker_docs import speakers


@pytest.mark.parametrize(
    "text",
    [
        "Likewise, a paper from the Harbor Institute had this to say about the levy: "
        "“Families in the bottom half would pay twice as much.”",
        "A study by the Harbor Institute says that “families in the bottom half would pay "
        "twice as much.”",
    ],
)
def test_writing_by_or_from_a_named_author_speaks_for_it(nlp, text: str) -> None:
    found = speakers(nlp, text, ("Harbor Institute", "ORG"))
    assert found[-1][1] == "Harbor Institute"


def test_the_release_speaks_for_whoever_announced_before(nlp) -> None:
    text = (
        "On Thursday, the Harbor Party of Oregon announced that the mayor would not come.\n\n"
        "“The mayor has informed the party that she will not attend the dinner,” the "
        "release said."
    )
    found = speakers(nlp, text, ("Harbor Party of Oregon", "ORG"))
    assert found[-1] == (
        "The mayor has informed the party that she will not attend the dinner",
        "Harbor Party of Oregon",
    )


def test_a_release_with_no_speaker_before_stays_a_source(nlp) -> None:
    text = "“The mayor will not attend the dinner,” the release said."
    assert speakers(nlp, text)[-1][1] == "release"
