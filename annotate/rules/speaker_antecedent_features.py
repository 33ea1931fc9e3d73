"""The options a learned ranker weighs for "he", "she" or "the senator": earlier people.

The rules (ANNOTATION_SPEC.md section 2, "Speaker": a pronoun or a description speaks for
"the nearest preceding named mention of that source"):

- an option is one earlier person, by name (its last word: "Ana Ruiz" and "Ruiz" are
  one option), reported by its nearest mention before the
  pronoun; the options are the ``_MAX_SUBJECTS`` most recent people that were a subject or
  a speaker (outside quotation marks) and the ``_MAX_MENTIONS`` most recent PERSON names;
- each option is described by names of binary features, all computed from what the
  rules already know: its rank among the subjects/speakers and among the PERSON names
  (0 = most recent), whether it spoke, whether it is the most recent speaker, gender
  agreement with the pronoun or role noun (agree / unknown / conflict), whether it was
  only the subject of an embedded clause under a person main subject, how many
  sentences and paragraphs back its last mention is, how often it was named before,
  whether the rules chose it, and two conjunctions for "… he added" (going on with the
  last speaker).

Example:
    >>> view.options(at=120, gender="f", going_on=False, rule=ruiz)   # doctest: +SKIP
    [Option(entity=Entity(... 'Ruiz' ...), features=('rule', 'srank=0', ...)), ...]
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from goldsmith.annotate.rules.speaker_mentions import name_key
from goldsmith.labels.records import Entity

#: Earlier subjects/speakers considered (distinct people, most recent first).
_MAX_SUBJECTS = 6
#: Earlier PERSON names considered (distinct people, most recent first).
_MAX_MENTIONS = 6
#: Ranks above this share one feature ("srank=4+").
_TOP_RANK = 4


@dataclass(frozen=True)
class Option:
    """One earlier person: the mention that would be reported, and its feature names."""

    entity: Entity
    features: tuple[str, ...]


@dataclass(frozen=True)
class Recent:
    """A subject or speaker before the pronoun: where, who, a person?, did it speak?"""

    position: int
    entity: Entity
    is_person: bool
    spoke: bool
    overshadowed: bool


@dataclass(frozen=True)
class DocView:
    """What the options of one document are computed from (see module rules).

    ``gender_of`` gives the gender the document marks a person with ("m", "f", or
    anything else for unknown); ``nearest`` the mention of an entity's name nearest
    before a position; ``sentence_starts`` and ``paragraph_starts`` are sorted
    character offsets.
    """

    gender_of: Callable[[Entity], str]
    nearest: Callable[[int, Entity], Entity]
    sentence_starts: Sequence[int]
    paragraph_starts: Sequence[int]

    def options(
        self,
        at: int,
        recent: Sequence[Recent],
        before: Iterable[Entity],
        *,
        gender: str | None,
        going_on: bool,
        rule: Entity | None,
    ) -> list[Option]:
        """The options for a pronoun or description at ``at``; ``recent`` holds the
        subjects/speakers before it in text order, ``before`` the entities before it,
        nearest first; ``rule`` is the rules' answer."""
        srank: dict[str, int] = {}
        spoke: set[str] = set()
        only_overshadowed: dict[str, bool] = {}
        last_speaker = None
        for r in reversed(recent):
            if not r.is_person:
                continue
            key = name_key(r.entity)
            if r.spoke:
                spoke.add(key)
                if last_speaker is None:
                    last_speaker = key
            only_overshadowed[key] = only_overshadowed.get(key, True) and (
                r.overshadowed and not r.spoke
            )
            if key not in srank and len(srank) < _MAX_SUBJECTS:
                srank[key] = len(srank)
        mrank: dict[str, int] = {}
        count: dict[str, int] = {}
        latest: dict[str, Entity] = {}
        for entity in before:
            if entity.label != "PERSON":
                continue
            key = name_key(entity)
            count[key] = count.get(key, 0) + 1
            latest.setdefault(key, entity)
            if key not in mrank and len(mrank) < _MAX_MENTIONS:
                mrank[key] = len(mrank)
        for r in reversed(recent):
            if r.is_person:
                latest.setdefault(name_key(r.entity), r.entity)
        rule_key = name_key(rule) if rule is not None else None
        keys = list(srank) + [k for k in mrank if k not in srank]
        out = []
        for key in keys:
            entity = self.nearest(at, latest[key])
            names = [
                _rank("srank", srank.get(key)),
                _rank("mrank", mrank.get(key)),
                _agreement(gender, self.gender_of(entity)),
                _bucket("sd", _between(self.sentence_starts, entity.start, at), (0, 1, 3)),
                _bucket("pd", _between(self.paragraph_starts, entity.start, at), (0, 1)),
                _bucket("n", count.get(key, 0), (0, 1, 3)),
            ]
            if key == rule_key:
                names.append("rule")
            if key in spoke:
                names.append("spoke")
            if key == last_speaker:
                names.append("last_speaker")
            if only_overshadowed.get(key, False):
                names.append("overshadowed")
            if going_on and key == last_speaker:
                names.append("going_on&last_speaker")
            if going_on and key in spoke:
                names.append("going_on&spoke")
            out.append(Option(entity, tuple(names)))
        return out


def _rank(name: str, rank: int | None) -> str:
    if rank is None:
        return f"{name}=none"
    return f"{name}={rank}" if rank < _TOP_RANK else f"{name}={_TOP_RANK}+"


def _agreement(wanted: str | None, known: str) -> str:
    if wanted is None:
        return "g=any"
    if known not in ("m", "f"):
        return "g=unknown"
    return "g=agree" if known == wanted else "g=conflict"


def _between(starts: Sequence[int], start: int, end: int) -> int:
    """How many of the sorted ``starts`` lie in ``(start, end]``."""
    return max(0, bisect_right(starts, end) - bisect_right(starts, start))


def _bucket(name: str, value: int, edges: Sequence[int]) -> str:
    """``name=edge`` for the first edge >= value ("sd=0", "sd=1", "sd=3"), else ``name=>last``."""
    for edge in edges:
        if value <= edge:
            return f"{name}<={edge}"
    return f"{name}>{edges[-1]}"
