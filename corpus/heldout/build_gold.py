"""Build ``gold.jsonl`` for the blind held-out corpus from hand-made annotations.

Eight articles written for goldsmith and annotated by hand against ANNOTATION_SPEC.md v1,
following the conventions of ``corpus/sample/README.md``, without looking at the
pre-annotator's rules. The data formats, the offset-locating code and the mechanical
boundary checks are those of ``corpus/sample/build_gold.py`` (imported from there):

- entity: ``(surface, occ, label)``; ``occ`` is the 0-based whole-word occurrence,
  ``None`` means unique, ``ALL`` means every occurrence not covered by another entity
- quote:  ``(quote, occ, kind, speaker, speaker_occ, speaker_label)``; the speaker
  triple is ``None, None, None`` when no source can be identified
- claim:  ``(surface, occ, value, unit, qualifier)`` or, for ranges,
  ``(surface, occ, value, unit, "range", value_high)``

Run from the repository root: ``python corpus/heldout/build_gold.py``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from goldsmith.corpus.documents import doc_id_for
from goldsmith.labels import AnnotatedDoc, write_jsonl

HERE = Path(__file__).resolve().parent
OUT = HERE / "gold.jsonl"


def _load_sample_builder():
    """The sample corpus's builder, loaded by path (both scripts are named build_gold.py)."""
    path = HERE.parent / "sample" / "build_gold.py"
    spec = importlib.util.spec_from_file_location("goldsmith_sample_build_gold", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


_sample = _load_sample_builder()
ALL = _sample.ALL
AnnotationError = _sample.AnnotationError

# fmt: off
ANNOTATIONS: dict[str, dict[str, list[tuple]]] = {
    "h01_fraud_sentencing.txt": {
        "entities": [
            ("Clearline", ALL, "ORG"),
            ("seven years", ALL, "DATE"),
            ("DUBLIN", 0, "GPE"),
            ("Thursday", 0, "DATE"),
            ("Central Bank of Ireland", 0, "ORG"),
            ("Ireland", ALL, "GPE"),
            ("recent years", 0, "DATE"),
            ("Central Criminal Court", 0, "ORG"),
            ("Miriam Kehoe", 0, "PERSON"),
            ("Fergus Nolan", 0, "PERSON"),
            ("Nolan", ALL, "PERSON"),
            ("2016", 0, "DATE"),
            ("March", 0, "DATE"),
            ("14 weeks", 0, "DATE"),
            ("Daniel Ferris", 0, "PERSON"),
            ("2021", 0, "DATE"),
            ("Brendan Coyle", 0, "PERSON"),
            ("Limerick", 0, "GPE"),
            ("Irish", 0, "NORP"),
        ],
        "quotes": [
            ("a settled contempt for the truth", None, "partial",
             "Miriam Kehoe", None, "PERSON"),
            ("again and again, with great fluency.", None, "partial",
             "Miriam Kehoe", None, "PERSON"),
            ("he had invented contracts with more than 30 banks and inflated the company's "
             "revenue by about 800 percent", None, "indirect", "Prosecutors", None, "SOURCE"),
            # "the judge said": description -> nearest preceding named mention.
            ("You were not a dreamer who got carried away", None, "direct",
             "Miriam Kehoe", None, "PERSON"),
            ("You were a salesman who knew exactly what he was selling.", None, "direct",
             "Miriam Kehoe", None, "PERSON"),
            ("his client would appeal both the conviction and the sentence", None, "indirect",
             "Daniel Ferris", None, "PERSON"),
            ("I lost my pension, my house and my marriage", None, "direct",
             "Brendan Coyle", None, "PERSON"),
            ("He will be out before I have paid off my debts.", None, "direct",
             "Brendan Coyle", None, "PERSON"),
            ("it had tightened its rules on share sales to the public since the collapse", None,
             "indirect", "Central Bank of Ireland", None, "ORG"),
        ],
        "claims": [
            ("seven years", 0, 7, "year", "exact"),
            ("€40 million", 0, 40_000_000, "euro", "exact"),
            ("seven years", 1, 7, "year", "exact"),
            ("more than €40 million", None, 40_000_000, "euro", "more_than"),
            ("11 counts", None, 11, "count", "exact"),
            ("14 weeks", None, 14, "week", "exact"),
            ("more than 30 banks", None, 30, "bank", "more_than"),
            ("about 800 percent", None, 800, "percent", "approx"),
            ("About 2,600 people", None, 2600, "person", "approx"),
            ("€6.3 million", None, 6_300_000, "euro", "exact"),
            ("less than 16 percent", None, 16, "percent", "less_than"),
            ("€85,000", None, 85000, "euro", "exact"),
        ],
    },
    "h02_airline_strike.txt": {
        "entities": [
            ("Aerolíneas Sol", ALL, "ORG"),
            ("MADRID", 0, "GPE"),
            ("Spain", ALL, "GPE"),
            ("Friday", ALL, "DATE"),
            ("two days", 0, "DATE"),
            ("this weekend", 0, "DATE"),
            ("Sindicato de Pilotos Unidos", 0, "ORG"),
            ("SPU", ALL, "ORG"),
            ("three years", 0, "DATE"),
            ("2019", 0, "DATE"),
            ("Lucía Ferrer", 0, "PERSON"),
            ("Madrid-Barajas Airport", 0, "FAC"),
            ("Tomás Ibarra", 0, "PERSON"),
            ("Wednesday", 0, "DATE"),
            ("Transport Ministry", 0, "ORG"),
            ("Madrid", 1, "GPE"),
            ("Barcelona", 0, "GPE"),
            ("this quarter", 0, "DATE"),
            ("April 14 and 15", 0, "DATE"),
        ],
        "quotes": [
            ("We have not had a real raise since 2019. Our members are exhausted, and exhausted "
             "pilots are not what anyone wants in a cockpit", None, "direct",
             "Lucía Ferrer", None, "PERSON"),
            ("ready to talk at any hour.", None, "partial", "Lucía Ferrer", None, "PERSON"),
            ("irresponsible and disproportionate", None, "partial",
             "Aerolíneas Sol", 2, "ORG"),
            ("it had offered to take the dispute to binding arbitration", None, "indirect",
             "Aerolíneas Sol", 2, "ORG"),
            ("Every day this strike continues costs us around €25 million and puts the future "
             "of this company at risk. I am asking our pilots to come back to the table.", None,
             "block", "Tomás Ibarra", None, "PERSON"),
            ("the two sides had come close to a deal late on Wednesday before negotiations "
             "broke down over pensions", None, "indirect", "People", None, "SOURCE"),
            # "The carrier said": description -> nearest preceding named mention.
            ("only 18 of its 62 Airbus A320 jets flew on Friday", None, "indirect",
             "Aerolíneas Sol", 2, "ORG"),
            ("the stoppage could cost the airline as much as €90 million this quarter", None,
             "indirect", "Analysts", None, "SOURCE"),
        ],
        "claims": [
            ("hundreds of Aerolíneas Sol flights", None, 100, "flight", "more_than"),
            ("two days", None, 2, "day", "exact"),
            ("between 300 and 400 flights", None, 300, "flight", "range", 400),
            ("some 60,000 passengers", None, 60000, "passenger", "approx"),
            ("about 1,150", None, 1150, "pilot", "approx"),
            ("1,400 pilots", None, 1400, "pilot", "exact"),
            ("9 percent", None, 9, "percent", "exact"),
            ("three years", None, 3, "year", "exact"),
            ("4.5 percent", None, 4.5, "percent", "exact"),
            ("around €25 million", None, 25_000_000, "euro", "approx"),
            ("at least 35 percent", None, 35, "percent", "at_least"),
            ("60 percent", None, 60, "percent", "exact"),
            ("18", None, 18, "jet", "exact"),
            ("62 Airbus A320 jets", None, 62, "jet", "exact"),
            ("as much as €90 million", None, 90_000_000, "euro", "at_most"),
        ],
    },
    "h03_rate_decision.txt": {
        "entities": [
            ("South African Reserve Bank", ALL, "ORG"),
            ("PRETORIA", 0, "GPE"),
            ("Thursday", 0, "DATE"),
            ("last year", 0, "DATE"),
            ("Thandiwe Mokoena", 0, "PERSON"),
            ("Monetary Policy Committee", 0, "ORG"),
            ("Mokoena", ALL, "PERSON"),
            ("six months", 0, "DATE"),
            ("February", 0, "DATE"),
            ("January", 0, "DATE"),
            ("Sipho Dlamini", 0, "PERSON"),
            ("Ubuntu Capital", 0, "ORG"),
            ("Johannesburg", 0, "GPE"),
            ("South Africans", 0, "NORP"),
            ("Kagiso Molefe", 0, "PERSON"),
            ("Parliament", 0, "ORG"),
            ("next week", 0, "DATE"),
            ("May", 0, "DATE"),
            ("this year", 0, "DATE"),
        ],
        "quotes": [
            ("four of the six members of the Monetary Policy Committee had voted to hold, while "
             "two had favoured a cut of 25 basis points", None, "indirect",
             "Thandiwe Mokoena", None, "PERSON"),
            ("Inflation has come down, but not by enough and not for long enough", None,
             "direct", "Mokoena", 1, "PERSON"),
            # Runs over two paragraphs: the first has no closing mark; one span a paragraph.
            ("We would rather be a little late than have to reverse course in six months.", None,
             "direct", "Mokoena", 1, "PERSON"),
            ("The committee will act when the data allow it, and not before.", None, "direct",
             "Mokoena", 1, "PERSON"),
            ("a policy for bankers, not for the 32 percent of South Africans who cannot find a "
             "job.", None, "partial", "Sipho Dlamini", None, "PERSON"),
            ("out of touch with ordinary families.", None, "partial",
             "Kagiso Molefe", None, "PERSON"),
            ("the party would raise the matter in Parliament next week", None, "indirect",
             "Kagiso Molefe", None, "PERSON"),
            ("the bank would publish revised forecasts in May", None, "indirect",
             "Mokoena", 2, "PERSON"),
            ("she expected growth of between 1.1 and 1.4 percent this year", None, "indirect",
             "Mokoena", 2, "PERSON"),
        ],
        "claims": [
            ("7.75%", None, 7.75, "percent", "exact"),
            ("7.75 percent", None, 7.75, "percent", "exact"),
            ("0.6 percent", None, 0.6, "percent", "exact"),
            ("four", None, 4, "member", "exact"),
            ("six members", None, 6, "member", "exact"),
            ("two", None, 2, "member", "exact"),
            ("25 basis points", None, 25, "basis point", "exact"),
            ("six months", None, 6, "month", "exact"),
            ("4.9 percent", None, 4.9, "percent", "exact"),
            ("5.3 percent", None, 5.3, "percent", "exact"),
            ("4.5 percent", None, 4.5, "percent", "exact"),
            ("3 to 6 percent", None, 3, "percent", "range", 6),
            ("roughly 40 percent", None, 40, "percent", "approx"),
            ("0.8 percent", None, 0.8, "percent", "exact"),
            ("about 18.20 rand", None, 18.2, "rand", "approx"),
            ("32 percent", None, 32, "percent", "exact"),
            ("between 1.1 and 1.4 percent", None, 1.1, "percent", "range", 1.4),
        ],
    },
    "h04_cyclone_landfall.txt": {
        "entities": [
            ("Cyclone Ilda", ALL, "EVENT"),
            ("Mozambique", ALL, "GPE"),
            ("BEIRA", 0, "GPE"),
            ("Sunday", 0, "DATE"),
            ("this year", 0, "DATE"),
            ("Beira", ALL, "GPE"),
            ("Zimbabwe", 0, "GPE"),
            ("National Institute for Disaster Management", 0, "ORG"),
            ("Sofala", ALL, "GPE"),
            ("Zambezia", 0, "GPE"),
            ("EN6", 0, "FAC"),
            ("Armando Sitoe", 0, "PERSON"),
            ("Pungwe River", 0, "LOC"),
            ("Celeste Mabunda", 0, "PERSON"),
            ("today", 0, "DATE"),
            ("Cyclone Idai", 0, "EVENT"),
            ("March 2019", 0, "DATE"),
        ],
        "quotes": [
            ("Cyclone Ilda slammed into Mozambique’s central coast early on Sunday with winds of "
             "up to 190 kilometers per hour, killing at least 17 people and tearing the roofs "
             "off schools, clinics and homes", None, "indirect",
             "local officials", None, "SOURCE"),
            ("more than 45,000 people had been moved to shelters in Sofala and Zambezia "
             "provinces", None, "indirect",
             "National Institute for Disaster Management", None, "ORG"),
            # "the institute said": description -> nearest preceding named mention.
            ("At least 11 clinics were damaged and a section of the EN6 highway, the main road "
             "linking Beira with the interior, was under water", None, "indirect",
             "National Institute for Disaster Management", None, "ORG"),
            ("The water rose so fast that people had to climb onto their roofs", None, "direct",
             "Armando Sitoe", None, "PERSON"),
            ("We lost everything. The boat, the nets, the house.", None, "direct",
             "Armando Sitoe", None, "PERSON"),
            ("the worst might be yet to come", None, "indirect", "Aid agencies", None, "SOURCE"),
            ("We are asking every family near the coast to move to higher ground today. Do not "
             "wait for the water to reach your door.", None, "block",
             "Celeste Mabunda", None, "PERSON"),
        ],
        "claims": [
            ("at least 17", 0, 17, "person", "at_least"),
            ("thousands", None, 1000, "person", "more_than"),
            ("up to 190 kilometers per hour", None, 190, "kilometer per hour", "at_most"),
            ("at least 17 people", None, 17, "person", "at_least"),
            ("about 40 kilometers", None, 40, "kilometer", "approx"),
            ("some 600,000 people", None, 600000, "person", "approx"),
            ("more than 45,000 people", None, 45000, "person", "more_than"),
            ("At least 11 clinics", None, 11, "clinic", "at_least"),
            ("up to 300 millimeters", None, 300, "millimeter", "at_most"),
            ("48 hours", None, 48, "hour", "exact"),
            ("$120 million", None, 120_000_000, "dollar", "exact"),
            ("more than 1,000 people", None, 1000, "person", "more_than"),
            ("three countries", None, 3, "country", "exact"),
        ],
    },
    "h05_university_funding.txt": {
        "entities": [
            ("LONDON", 0, "GPE"),
            ("English", 0, "NORP"),
            ("2027", 0, "DATE"),
            ("two years", 0, "DATE"),
            ("January", 0, "DATE"),
            ("Helen Ashworth", 0, "PERSON"),
            ("University of Northfield", 0, "ORG"),
            ("England", 0, "GPE"),
            ("2017", 0, "DATE"),
            ("Department for Education", 0, "ORG"),
            ("the autumn", 0, "DATE"),
            ("National Union of Students", 0, "ORG"),
            ("UK", 0, "GPE"),
            ("Institute for Fiscal Studies", 0, "ORG"),
            ("next year", 0, "DATE"),
        ],
        "quotes": [
            ("cliff edge", None, "partial", "Vice-chancellors", None, "SOURCE"),
            ("their institutions face a combined deficit of £1.6 billion by 2027 unless tuition "
             "fees rise or the government steps in", None, "indirect", "Leaders", None, "SOURCE"),
            ("as many as 10,000 jobs could be lost within two years", None, "indirect",
             "vice-chancellors", None, "SOURCE"),
            # British punctuation: the period is outside the marks, so outside the span.
            ("running on fumes", None, "partial", "Helen Ashworth", None, "PERSON"),
            ("We have cut, we have merged, we have sold buildings", None, "direct",
             "Helen Ashworth", None, "PERSON"),
            ("There is nothing left to cut except teaching.", None, "direct",
             "Helen Ashworth", None, "PERSON"),
            ("they lose an average of £2,500 on every home undergraduate they teach", None,
             "indirect", "Universities", None, "SOURCE"),
            ("working closely with the sector", None, "partial",
             "Department for Education", None, "ORG"),
            ("a review of university finances would report in the autumn", None, "indirect",
             "Department for Education", None, "ORG"),
            ("it represents some 7 million students across the UK", None, "indirect",
             "National Union of Students", None, "ORG"),
            ("students should not be asked to pay for the government’s mistakes", None,
             "indirect", "National Union of Students", None, "ORG"),
            ("between 70 and 90 institutions could be in deficit by next year without extra "
             "money", None, "indirect", "Institute for Fiscal Studies", None, "ORG"),
        ],
        "claims": [
            ("more than 40 English universities", None, 40, "university", "more_than"),
            ("£1.6 billion", None, 1_600_000_000, "pound", "exact"),
            ("as many as 10,000 jobs", None, 10000, "job", "at_most"),
            ("two years", None, 2, "year", "exact"),
            ("£285", None, 285, "pound", "exact"),
            ("£9,535", None, 9535, "pound", "exact"),
            ("about 35 percent", None, 35, "percent", "approx"),
            ("£2,500", None, 2500, "pound", "exact"),
            ("some 7 million students", None, 7_000_000, "student", "approx"),
            ("between 70 and 90 institutions", None, 70, "institution", "range", 90),
        ],
    },
    "h06_football_transfer.txt": {
        "entities": [
            ("Benfica", ALL, "ORG"),
            ("Rui Tavares", ALL, "PERSON"),
            ("Newcastle", 0, "ORG"),
            ("LISBON", 0, "GPE"),
            ("Newcastle United", 0, "ORG"),
            ("Portuguese", ALL, "NORP"),
            ("English", 0, "NORP"),
            ("Champions League", 0, "EVENT"),
            ("Tavares", ALL, "PERSON"),
            ("last season", ALL, "DATE"),
            ("June 2030", 0, "DATE"),
            ("Newcastle", 2, "GPE"),
            ("Wednesday", 0, "DATE"),
            ("Europe", 0, "LOC"),
            ("two years", 0, "DATE"),
            ("Newcastle", 3, "ORG"),
            ("Graham Lister", 0, "PERSON"),
            ("Nuno Carvalhal", 0, "PERSON"),
            ("Newcastle", 4, "ORG"),
            ("the weekend", 0, "DATE"),
            ("Paulo Antunes", 0, "PERSON"),
            ("Estádio da Luz", 0, "FAC"),
            ("Carla Mendes", 0, "PERSON"),
            ("25 years", 0, "DATE"),
            ("Newcastle", 5, "ORG"),
            ("England", 0, "GPE"),
            ("the summer of 2023", 0, "DATE"),
        ],
        "quotes": [
            ("He is the best young striker in Europe, and we have been watching him for two "
             "years", None, "direct", "Graham Lister", None, "PERSON"),
            # Interrupted quote: two spans, same speaker (pronoun -> Graham Lister).
            ("It wasn't cheap", None, "direct", "Graham Lister", None, "PERSON"),
            ("but top players never are.", None, "direct", "Graham Lister", None, "PERSON"),
            ("the club had turned down three earlier bids, the highest of them worth €80 "
             "million, before Newcastle raised their offer at the weekend", None, "indirect",
             "Nuno Carvalhal", None, "PERSON"),
            ("Tavares's agent, Paulo Antunes, would receive a commission of about 10 percent of "
             "the fee", None, "indirect", "Sources", None, "SOURCE"),
            ("We always sell our best player. How are we supposed to win anything?", None,
             "direct", "Carla Mendes", None, "PERSON"),
        ],
        "claims": [
            ("€95 million", 0, 95_000_000, "euro", "exact"),
            ("€95 million", 1, 95_000_000, "euro", "exact"),
            ("€15 million", None, 15_000_000, "euro", "exact"),
            ("31 goals", None, 31, "goal", "exact"),
            ("44 matches", None, 44, "match", "exact"),
            ("two years", None, 2, "year", "exact"),
            ("three earlier bids", None, 3, "bid", "exact"),
            ("€80 million", None, 80_000_000, "euro", "exact"),
            ("about 10 percent", None, 10, "percent", "approx"),
            ("25 years", None, 25, "year", "exact"),
            ("more than €230 million", None, 230_000_000, "euro", "more_than"),
        ],
    },
    "h07_election_recount.txt": {
        "entities": [
            ("Wisconsin", ALL, "GPE"),
            ("Democrat", ALL, "NORP"),
            ("MADISON", 0, "GPE"),
            ("Wis.", 0, "GPE"),
            ("last month", 0, "DATE"),
            ("Teresa Lindgren", 0, "PERSON"),
            ("Friday", 0, "DATE"),
            ("Republican", 0, "NORP"),
            ("Dale Kessler", 0, "PERSON"),
            ("2016", 0, "DATE"),
            ("Grant County", ALL, "GPE"),
            ("Lindgren", ALL, "PERSON"),
            ("Platteville", 0, "GPE"),
            ("Madison", 0, "GPE"),
            ("Kessler", ALL, "PERSON"),
            ("Marjorie Fenn", 0, "PERSON"),
            ("11 days", 0, "DATE"),
            ("Republicans", 0, "NORP"),
            ("Legislature", 0, "ORG"),
        ],
        "quotes": [
            ("A recount in a state legislative race in southwestern Wisconsin has overturned the "
             "result of last month's election, handing the seat to Democrat Teresa Lindgren by "
             "14 votes out of more than 27,000 cast", None, "indirect",
             "county election officials", None, "SOURCE"),
            ("Every single vote matters, and tonight we proved it", None, "direct",
             "Lindgren", 1, "PERSON"),
            ("I'm going to Madison to fight for the people who sent me there.", None, "direct",
             "Lindgren", 1, "PERSON"),
            # The reported clause holds a quoted phrase: annotated only as the partial quote.
            ("deeply disappointed", None, "partial", "Kessler", 1, "PERSON"),
            ("the ballots had been set aside during a shift change and never logged", None,
             "indirect", "Marjorie Fenn", None, "PERSON"),
            ("inexcusable, and entirely mine.", None, "partial", "Marjorie Fenn", None, "PERSON"),
            ("the case would add pressure on the Legislature to set statewide rules for storing "
             "absentee ballots", None, "indirect", "Election law experts", None, "SOURCE"),
        ],
        "claims": [
            ("14 votes", 0, 14, "vote", "exact"),
            ("14 votes", 1, 14, "vote", "exact"),
            ("more than 27,000", None, 27000, "vote", "more_than"),
            ("nine votes", None, 9, "vote", "exact"),
            ("41 absentee ballots", None, 41, "ballot", "exact"),
            ("about $48,000", None, 48000, "dollar", "approx"),
            ("11 days", None, 11, "day", "exact"),
            ("roughly 60 volunteers", None, 60, "volunteer", "approx"),
            ("53", None, 53, "seat", "exact"),
            ("99 seats", None, 99, "seat", "exact"),
            ("54", None, 54, "seat", "exact"),
        ],
    },
    "h08_mine_explosion.txt": {
        "entities": [
            ("Polish", 0, "NORP"),
            ("KATOWICE", 0, "GPE"),
            ("Poland", ALL, "GPE"),
            ("Monday", 0, "DATE"),
            ("Wujek-Nowy", 0, "FAC"),
            ("Silesian Coal Company", 0, "ORG"),
            ("Sunday", 0, "DATE"),
            ("Tomasz Wrona", 0, "PERSON"),
            ("TVN24", 0, "ORG"),
            ("Agnieszka Borowska", 0, "PERSON"),
            ("Warsaw", 0, "GPE"),
            ("six years", 0, "DATE"),
            ("Halina Nowak", 0, "PERSON"),
            ("Piotr", 0, "PERSON"),
            ("at least three days", 0, "DATE"),
            ("1990", 0, "DATE"),
        ],
        "quotes": [
            ("Rescue teams on Monday reached nine of the 23 miners trapped more than 900 meters "
             "underground after a methane explosion at the Wujek-Nowy colliery in southern "
             "Poland", None, "indirect", "Silesian Coal Company", None, "ORG"),
            # "the company said": description -> nearest preceding named mention.
            ("Four of them were alive and had been brought to the surface", None, "indirect",
             "Silesian Coal Company", None, "ORG"),
            ("We are working in extremely difficult conditions — high temperatures, almost no "
             "visibility and a real risk of a second explosion", None, "direct",
             "Tomasz Wrona", None, "PERSON"),
            ("We will not stop until every one of these men is brought home. Their families "
             "have my word.", None, "block", "Agnieszka Borowska", None, "PERSON"),
            ("My son has worked here for six years. He knows these tunnels. I have to believe "
             "he found somewhere safe", None, "direct", "Halina Nowak", None, "PERSON"),
            ("methane levels in the section had been above the permitted limit for at least "
             "three days before the blast", None, "indirect", "Union officials", None, "SOURCE"),
            ("its sensors had recorded no dangerous readings", None, "indirect",
             "Silesian Coal Company", None, "ORG"),
        ],
        "claims": [
            ("9 miners", None, 9, "miner", "exact"),
            ("nine", None, 9, "miner", "exact"),
            ("23 miners", None, 23, "miner", "exact"),
            ("more than 900 meters", None, 900, "meter", "more_than"),
            ("Four", None, 4, "miner", "exact"),
            ("Five", None, 5, "miner", "exact"),
            ("Fourteen", None, 14, "miner", "exact"),
            ("roughly 140 workers", None, 140, "worker", "approx"),
            ("two hours", None, 2, "hour", "exact"),
            ("Hundreds of relatives", None, 100, "relative", "more_than"),
            ("six years", None, 6, "year", "exact"),
            ("at least three days", None, 3, "day", "at_least"),
            ("about 75,000 people", None, 75000, "person", "approx"),
            ("more than 390,000", None, 390000, "person", "more_than"),
            ("about 60 percent", None, 60, "percent", "approx"),
        ],
    },
}
# fmt: on


def build() -> list[AnnotatedDoc]:
    """Every annotated article, in file-name order; raises AnnotationError on a bad annotation."""
    files = sorted(p.name for p in HERE.glob("*.txt"))
    if files != sorted(ANNOTATIONS):
        raise AnnotationError(f"articles {files} != annotated {sorted(ANNOTATIONS)}")
    docs = []
    for name in files:
        text = _sample.read_text(HERE / name)
        spec = ANNOTATIONS[name]
        ignore = _sample.ignored_ranges(text)
        ents = _sample.build_entities(text, spec["entities"], ignore, name)
        docs.append(
            AnnotatedDoc(
                doc_id=doc_id_for(text),
                text=text,
                entities=tuple(ents),
                quotes=tuple(_sample.build_quotes(text, spec["quotes"], ents, ignore, name)),
                claims=tuple(_sample.build_claims(text, spec["claims"], ignore, name)),
                meta={"source": name},
            )
        )
    return docs


def main() -> int:
    try:
        docs = build()
    except AnnotationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    write_jsonl(docs, OUT)
    print(f"wrote {OUT}")
    for name, counter in _sample.counts(docs).items():
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
