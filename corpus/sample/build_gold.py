"""Build ``gold.jsonl`` for the bundled sample corpus from hand-made annotations.

The annotations below were made by hand against ANNOTATION_SPEC.md v1. They are
stored as surface strings, not offsets; this script finds each string in the
article's LF-normalised text and fails loudly when a string is missing, when it
occurs more than once and no occurrence index is given, or when a span breaks a
boundary rule that can be checked mechanically (quotation marks or a trailing
comma inside a quote, a span inside an advertising line, overlapping entities,
a named speaker that is not also an entity).

Data formats (``occ`` is the 0-based occurrence of the string among whole-word
matches in the text; ``None`` means the string must be unique; ``ALL`` on an
entity means every whole-word occurrence not already covered by another entity):

- entity: ``(surface, occ, label)``
- quote:  ``(quote, occ, kind, speaker, speaker_occ, speaker_label)``; the speaker
  triple is ``None, None, None`` when no source can be identified
- claim:  ``(surface, occ, value, unit, qualifier)`` or, for ranges,
  ``(surface, occ, value, unit, "range", value_high)``

Run from the repository root: ``python corpus/sample/build_gold.py``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from goldsmith.corpus.documents import doc_id_for, normalize_newlines
from goldsmith.labels import AnnotatedDoc, Claim, Entity, Quote, write_jsonl

HERE = Path(__file__).resolve().parent
OUT = HERE / "gold.jsonl"
ALL = "*"

# fmt: off
ANNOTATIONS: dict[str, dict[str, list[tuple]]] = {
    "01_harbor_strike.txt": {
        "entities": [
            ("Rotterdam", 0, "GPE"),
            ("ROTTERDAM", 0, "GPE"),
            ("Netherlands", ALL, "GPE"),
            ("Europe", 0, "LOC"),
            ("Monday", 0, "DATE"),
            ("Dutch", 0, "NORP"),
            ("Antwerp", 0, "GPE"),
            ("Hamburg", 0, "GPE"),
            ("Federation of Port Workers", 0, "ORG"),
            ("two years", 0, "DATE"),
            ("Nordhavn Terminals", 0, "ORG"),
            ("20 months", 0, "DATE"),
            ("Sanne de Vries", 0, "PERSON"),
            ("Waalhaven Terminal", 0, "FAC"),
            ("Nordhavn", 1, "ORG"),
            ("Sunday", 0, "DATE"),
            ("Christmas", 0, "DATE"),
            ("Germany", 0, "GPE"),
            ("the end of the month", 0, "DATE"),
            ("2002", 0, "DATE"),
            ("11 days", 0, "DATE"),
        ],
        "quotes": [
            ("We will not back down", None, "direct", None, None, None),
            ("We have been patient for 20 months", None, "direct",
             "Sanne de Vries", None, "PERSON"),
            ("and patience does not pay the rent.", None, "direct",
             "Sanne de Vries", None, "PERSON"),
            ("the strike had already cost shipping lines an estimated €180 million", None,
             "indirect", "Nordhavn", 1, "ORG"),
            ("between 40 and 60 trucks had been turned away from the terminal gates on Sunday "
             "alone", None, "indirect", "Police", None, "SOURCE"),
            ("they were prepared to stay out until Christmas", None, "indirect",
             "Several dockworkers", None, "SOURCE"),
            ("supermarket shelves in the Netherlands and Germany could start to empty by the "
             "end of the month if the dispute dragged on", None, "indirect",
             "Shipping analysts", None, "SOURCE"),
        ],
        "claims": [
            ("about 240 vessels", None, 240, "vessel", "approx"),
            ("roughly 9,500", None, 9500, "dockworker", "approx"),
            ("12,000 dockworkers", None, 12000, "dockworker", "exact"),
            ("7 percent", None, 7, "percent", "exact"),
            ("two years", None, 2, "year", "exact"),
            ("3.5 percent", None, 3.5, "percent", "exact"),
            ("20 months", None, 20, "month", "exact"),
            ("an estimated €180 million", None, 180_000_000, "euro", "approx"),
            ("between 40 and 60 trucks", None, 40, "truck", "range", 60),
            ("more than 15 kilometers", None, 15, "kilometer", "more_than"),
            ("11 days", None, 11, "day", "exact"),
        ],
    },
    "02_arctic_buildup.txt": {
        "entities": [
            ("Pentagon", ALL, "ORG"),
            ("Russian", ALL, "NORP"),
            ("Norway", ALL, "GPE"),
            ("Arctic", 0, "LOC"),
            ("WASHINGTON", 0, "GPE"),
            ("Wednesday", 0, "DATE"),
            ("Russia", ALL, "GPE"),
            ("Kola Peninsula", 0, "LOC"),
            ("recent days", 0, "DATE"),
            ("Norwegian", ALL, "NORP"),
            ("Cold War", 0, "EVENT"),
            ("NATO", ALL, "ORG"),
            ("next month", 0, "DATE"),
            ("Mara Lindqvist", 0, "PERSON"),
            ("Moscow", 0, "GPE"),
            ("White House", 0, "ORG"),
            ("Kremlin", 0, "ORG"),
            ("Western", 0, "NORP"),
            ("Henrik Aasland", 0, "PERSON"),
            ("Finnmark", 0, "GPE"),
            ("the end of the year", 0, "DATE"),
            ("Oslo", ALL, "GPE"),
            ("Storskog", ALL, "FAC"),
            ("March", 0, "DATE"),
            ("2022", 0, "DATE"),
            ("recent months", 0, "DATE"),
        ],
        "quotes": [
            ("Russia had moved at least 4,000 troops to bases on the Kola Peninsula in recent "
             "days", None, "indirect", "Pentagon", 1, "ORG"),
            ("We are watching this very closely, and so are our Norwegian allies. We assess "
             "that the units came by rail from western Russia, a journey of roughly 1,500 "
             "kilometers.", None, "direct", "Mara Lindqvist", None, "PERSON"),
            ("We do not yet know what Moscow intends. But we are not going to speculate in "
             "public about it.", None, "direct", "Mara Lindqvist", None, "PERSON"),
            ("the deployment did not change its assessment of the threat to NATO members", None,
             "indirect", "White House", None, "ORG"),
            ("Western hysteria", None, "partial", "Kremlin", None, "ORG"),
            ("the troops were taking part in routine drills", None, "indirect",
             "Kremlin", None, "ORG"),
            ("the country would send up to 1,200 additional soldiers to Finnmark by the end of "
             "the year", None, "indirect", "Henrik Aasland", None, "PERSON"),
            ("Oslo had no plans to close the border crossing at Storskog", None, "indirect",
             "Henrik Aasland", None, "PERSON"),
            ("another 6,000 could follow by March", None, "indirect",
             "Officials", None, "SOURCE"),
        ],
        "claims": [
            ("at least 4,000 troops", None, 4000, "troop", "at_least"),
            ("roughly 1,500 kilometers", None, 1500, "kilometer", "approx"),
            ("up to 1,200 additional soldiers", None, 1200, "soldier", "at_most"),
            ("6,000", None, 6000, "troop", "exact"),
        ],
    },
    "03_atacama_floods.txt": {
        "entities": [
            ("Chile", ALL, "GPE"),
            ("ANTOFAGASTA", 0, "GPE"),
            ("Atacama Desert", 0, "LOC"),
            ("Saturday", 0, "DATE"),
            ("Antofagasta", ALL, "GPE"),
            ("Taltal", ALL, "GPE"),
            ("Interior Ministry", 0, "ORG"),
            ("Rosa Valdivieso", 0, "PERSON"),
            ("Sunday", 0, "DATE"),
            ("Andes", 0, "LOC"),
            ("Tuesday", 0, "DATE"),
            ("Route 1", 0, "FAC"),
            ("2015", 0, "DATE"),
            ("Atacama", 1, "GPE"),
        ],
        "quotes": [
            ("nine people had died and 14 were missing", None, "indirect",
             "Interior Ministry", None, "ORG"),
            ("An estimated 12,000 residents were evacuated and nearly 3,000 homes were damaged",
             None, "indirect", "Interior Ministry", None, "ORG"),
            ("Leave your homes now", None, "direct", None, None, None),
            ("the warnings came too late", None, "indirect", "Local residents", None, "SOURCE"),
            ("The water came down the hill like a river, carrying cars and fridges", None,
             "direct", "shopkeeper", None, "SOURCE"),
            ("We have never seen anything like this here", None, "direct",
             "Rosa Valdivieso", None, "PERSON"),
            ("Nobody should sleep near the riverbeds until the rain stops.", None, "direct",
             "Rosa Valdivieso", None, "PERSON"),
        ],
        "claims": [
            ("at least nine", None, 9, "person", "at_least"),
            ("up to 150 millimeters", None, 150, "millimeter", "at_most"),
            ("less than 5 millimeters", None, 5, "millimeter", "less_than"),
            ("nine people", None, 9, "person", "exact"),
            ("14", None, 14, "person", "exact"),
            ("An estimated 12,000 residents", None, 12000, "resident", "approx"),
            ("nearly 3,000 homes", None, 3000, "home", "approx"),
            ("31 people", None, 31, "person", "exact"),
        ],
    },
    "04_orbital_launch.txt": {
        "entities": [
            ("Norwegian", 0, "NORP"),
            ("Oslo", 0, "GPE"),
            ("Skyvern Aerospace", 0, "ORG"),
            ("Thursday", ALL, "DATE"),
            ("Europe", ALL, "LOC"),
            ("Ingrid Halvorsen", 0, "PERSON"),
            ("Andøya Spaceport", 0, "FAC"),
            ("14 months", 0, "DATE"),
            ("Norwegian Sea", 0, "LOC"),
            ("Halvorsen", 1, "PERSON"),
            ("Skyvern", 1, "ORG"),
            ("Norwegian", 2, "NORP"),
            ("Andøy", 0, "GPE"),
            ("European Space Agency", 0, "ORG"),
        ],
        "quotes": [
            ("WE ARE IN ORBIT 🚀🚀🚀 Thank you to every single one of you 😀", None, "direct",
             "Ingrid Halvorsen", None, "PERSON"),
            ("the moment we stop being a science project and start being a business.", None,
             "partial", "Halvorsen", 1, "PERSON"),
            ("Skyvern has raised about $210 million from investors including the Norwegian "
             "government and has signed contracts worth more than €95 million with satellite "
             "operators", None, "indirect", "Halvorsen", 1, "PERSON"),
            ("the company would need at least six paying launches to break even", None,
             "indirect", "Analysts", None, "SOURCE"),
        ],
        "claims": [
            ("18 meters", None, 18, "meter", "exact"),
            ("40 kilograms", None, 40, "kilogram", "exact"),
            ("14 months", None, 14, "month", "exact"),
            ("about $210 million", None, 210_000_000, "dollar", "approx"),
            ("more than €95 million", None, 95_000_000, "euro", "more_than"),
            ("at least six paying launches", None, 6, "launch", "at_least"),
            ("Thousands of spectators", None, 1000, "spectator", "more_than"),
        ],
    },
    "05_portugal_election.txt": {
        "entities": [
            ("Portugal", ALL, "GPE"),
            ("Social Democrats", ALL, "NORP"),
            ("LISBON", 0, "GPE"),
            ("Sunday", 0, "DATE"),
            ("Socialist Party", 0, "ORG"),
            ("Vanguarda", ALL, "ORG"),
            ("Social Democrat", 0, "NORP"),
            ("Luísa Monteiro", 0, "PERSON"),
            ("Lisbon", 0, "GPE"),
            ("Portuguese", 0, "NORP"),
            ("Monteiro", 1, "PERSON"),
            ("Socialist", 1, "NORP"),
            ("Rui Carvalho", 0, "PERSON"),
            ("2022", 0, "DATE"),
            ("National Electoral Commission", 0, "ORG"),
            ("António Figueira", 0, "PERSON"),
            ("Tuesday", 0, "DATE"),
            ("mid-April", 0, "DATE"),
            ("Brussels", 0, "GPE"),
            ("European Commission", 0, "ORG"),
            ("June 30", 0, "DATE"),
        ],
        "quotes": [
            ("The Portuguese people have asked us to govern, not to surrender our values", None,
             "direct", "Monteiro", 1, "PERSON"),
            ("We will talk to everyone who respects the constitution.", None, "direct",
             "Monteiro", 1, "PERSON"),
            ("a warning to every mainstream party", None, "partial",
             "Rui Carvalho", None, "PERSON"),
            ("Turnout was 64.2 percent, up from 51.5 percent in 2022", None, "indirect",
             "National Electoral Commission", None, "ORG"),
            ("a new government was unlikely before mid-April", None, "indirect",
             "Analysts", None, "SOURCE"),
        ],
        "claims": [
            ("about 32 percent", None, 32, "percent", "approx"),
            ("84 seats", None, 84, "seat", "exact"),
            ("116", None, 116, "seat", "exact"),
            ("28.4 percent", None, 28.4, "percent", "exact"),
            ("18 percent", None, 18, "percent", "exact"),
            ("64.2 percent", None, 64.2, "percent", "exact"),
            ("51.5 percent", None, 51.5, "percent", "exact"),
            ("€4.1 billion", None, 4_100_000_000, "euro", "exact"),
        ],
    },
    "06_galway_parking.txt": {
        "entities": [
            ("Galway", 0, "GPE"),
            ("Galway City Council", 0, "ORG"),
            ("Monday", 0, "DATE"),
            ("2011", 0, "DATE"),
            ("the end of 2026", 0, "DATE"),
            ("Niamh Brennan", 0, "PERSON"),
            ("Declan Fahy", 0, "PERSON"),
            ("Ireland", 0, "GPE"),
            ("14 years", 0, "DATE"),
            ("City Hall", 0, "FAC"),
            ("January 1", 0, "DATE"),
        ],
        "quotes": [
            ("the change will raise about €2.6 million by the end of 2026", None, "indirect",
             "Galway City Council", None, "ORG"),
            # The opening mark is never closed and the next paragraph does not reopen it:
            # the partial quote runs to the end of its paragraph.
            ("a tax on people who have nowhere else to park.", None, "partial",
             "Niamh Brennan", None, "PERSON"),
            ("Every other city in Ireland charges more than we do", None, "direct",
             "Declan Fahy", None, "PERSON"),
            ("We have kept this fee frozen for 14 years.", None, "direct",
             "Declan Fahy", None, "PERSON"),
            ("they would consider a legal challenge", None, "indirect",
             "Residents' groups", None, "SOURCE"),
        ],
        "claims": [
            ("€120", None, 120, "euro", "exact"),
            ("€300", None, 300, "euro", "exact"),
            ("21 votes", None, 21, "vote", "exact"),
            ("13", None, 13, "vote", "exact"),
            ("about €2.6 million", None, 2_600_000, "euro", "approx"),
            ("14 years", None, 14, "year", "exact"),
            ("About 200 residents", None, 200, "resident", "approx"),
            ("more than 4,500 signatures", None, 4500, "signature", "more_than"),
            ("roughly 1,100", None, 1100, "holder", "approx"),
        ],
    },
    "07_berlin_marathon.txt": {
        "entities": [
            ("Kenyan", 0, "NORP"),
            ("Faith Chepkemoi", ALL, "PERSON"),
            ("Berlin Marathon", ALL, "EVENT"),
            ("BERLIN", 0, "GPE"),
            ("Kenya", 0, "GPE"),
            ("Sunday", 0, "DATE"),
            ("Chepkemoi", ALL, "PERSON"),
            ("Berlin", ALL, "GPE"),
            ("last year", 0, "DATE"),
            ("Tigist Alemu", 0, "PERSON"),
            ("Ethiopia", ALL, "GPE"),
            ("Brandenburg Gate", 0, "FAC"),
            ("two years", 0, "DATE"),
            ("today", 0, "DATE"),
            ("Jonas Weidner", 0, "PERSON"),
            ("German", 0, "NORP"),
            ("1985", 0, "DATE"),
            ("Abebe Tadesse", 0, "PERSON"),
        ],
        "quotes": [
            ("When I saw the Brandenburg Gate, I knew nobody could catch me", None, "direct",
             "Chepkemoi", 4, "PERSON"),
            ("I have trained for this for two years, and today everything came together.", None,
             "direct", "Chepkemoi", 4, "PERSON"),
            ("a record 48,000 runners from more than 150 countries had started the race", None,
             "indirect", "Organizers", None, "SOURCE"),
            ("Fewer than 600 did not finish", None, "indirect", "Organizers", None, "SOURCE"),
        ],
        "claims": [
            ("71 seconds", None, 71, "second", "exact"),
            ("about 7 kilometers", None, 7, "kilometer", "approx"),
            ("two years", None, 2, "year", "exact"),
            ("12 seconds", None, 12, "second", "exact"),
            ("48,000 runners", None, 48000, "runner", "exact"),
            ("more than 150 countries", None, 150, "country", "more_than"),
            ("Fewer than 600", None, 600, "runner", "less_than"),
            ("€30,000", None, 30000, "euro", "exact"),
            ("€50,000", None, 50000, "euro", "exact"),
        ],
    },
    "08_malaria_vaccine.txt": {
        "entities": [
            ("Ghana", ALL, "GPE"),
            ("two years", 0, "DATE"),
            ("Wednesday", 0, "DATE"),
            ("Kintampo Health Research Institute", 0, "ORG"),
            ("Accra", 0, "GPE"),
            ("British", 0, "NORP"),
            ("Halewood Pharma", 0, "ORG"),
            ("Abena Mensah", 0, "PERSON"),
            ("Mensah", 1, "PERSON"),
            ("World Health Organization", 0, "ORG"),
            ("mid-October", 0, "DATE"),
            ("next year", 0, "DATE"),
            ("Wellmark Trust", 0, "ORG"),
            ("London", 0, "GPE"),
            ("2022", 0, "DATE"),
            ("Africa", 0, "LOC"),
        ],
        "quotes": [
            ("Malaria vaccine cuts child deaths in Ghana trial", None, "indirect",
             "researchers", 0, "SOURCE"),
            ("This is the result we have been waiting for", None, "direct",
             "Abena Mensah", None, "PERSON"),
            ("For the first time, we have a tool that could keep thousands of children out of "
             "hospital.", None, "direct", "Abena Mensah", None, "PERSON"),
            ("the vaccine was between 65 and 72 percent effective at preventing severe malaria, "
             "compared with roughly 40 percent for older vaccines", None, "indirect",
             "Mensah", 1, "PERSON"),
            ("We have a vaccine that works. What we need now is the money and the cold storage "
             "to reach every village.", None, "block", "Mensah", 1, "PERSON"),
            ("fewer than 1 percent of children developed a high fever", None, "indirect",
             "researchers", 1, "SOURCE"),
            ("it would review the data by mid-October", None, "indirect",
             "World Health Organization", None, "ORG"),
        ],
        "claims": [
            ("20 to 30 percent", None, 20, "percent", "range", 30),
            ("two years", None, 2, "year", "exact"),
            ("about 4,800 children", None, 4800, "child", "approx"),
            ("thousands of children", None, 1000, "child", "more_than"),
            ("between 65 and 72 percent", None, 65, "percent", "range", 72),
            ("roughly 40 percent", None, 40, "percent", "approx"),
            ("fewer than 1 percent", None, 1, "percent", "less_than"),
            ("$38 million", None, 38_000_000, "dollar", "exact"),
            ("an estimated 608,000 people", None, 608000, "person", "approx"),
        ],
    },
    "09_lyon_museum_fire.txt": {
        "entities": [
            ("17th-century", 0, "DATE"),
            ("Lyon", ALL, "GPE"),
            ("LYON", 0, "GPE"),
            ("France", 0, "GPE"),
            ("Tuesday", 0, "DATE"),
            ("Musée Saint-Clair", 0, "FAC"),
            ("Louis XIV", 0, "PERSON"),
            ("last year", 0, "DATE"),
            ("Hélène Marchetti", 0, "PERSON"),
            ("30 years", 0, "DATE"),
            ("Benedictine", 0, "NORP"),
            ("Saône", 0, "LOC"),
            ("2023", 0, "DATE"),
            ("the 1990s", 0, "DATE"),
            ("at least six weeks", 0, "DATE"),
            ("Bertrand Aubry", 0, "PERSON"),
        ],
        "quotes": [
            ("About 90 firefighters battled the blaze for nearly four hours before bringing it "
             "under control", None, "indirect", "fire service spokesman", None, "SOURCE"),
            ("staff and volunteers had carried 112 works out of the building by hand", None,
             "indirect", "Hélène Marchetti", None, "PERSON"),
            ("It was heartbreaking, but also extraordinary", None, "direct",
             "Hélène Marchetti", None, "PERSON"),
            # Runs over two paragraphs: the first has no closing mark; one span a paragraph.
            ("People who had worked here for 30 years were running into the smoke with "
             "paintings in their arms.", None, "direct", "Hélène Marchetti", None, "PERSON"),
            ("Some of them were crying. Not one of them stopped.", None, "direct",
             "Hélène Marchetti", None, "PERSON"),
            ("Twelve of the damaged paintings will need major restoration", None, "indirect",
             "Hélène Marchetti", None, "PERSON"),
            ("the fire appeared to have started in an electrical cabinet installed during "
             "renovations in the 1990s", None, "indirect", "Investigators", None, "SOURCE"),
            ("The museum will remain closed for at least six weeks", None, "indirect",
             "Bertrand Aubry", None, "PERSON"),
        ],
        "claims": [
            ("some 40 paintings", None, 40, "painting", "approx"),
            ("About 90 firefighters", None, 90, "firefighter", "approx"),
            ("nearly four hours", None, 4, "hour", "approx"),
            ("112 works", None, 112, "work", "exact"),
            ("30 years", None, 30, "year", "exact"),
            ("Twelve", None, 12, "painting", "exact"),
            ("more than 3,000 works", None, 3000, "work", "more_than"),
            ("over 410,000 visitors", None, 410000, "visitor", "more_than"),
            ("at least six weeks", None, 6, "week", "at_least"),
        ],
    },
    "10_copper_takeover.txt": {
        "entities": [
            ("Meridian Copper", ALL, "ORG"),
            ("Chilean", 0, "NORP"),
            ("TORONTO", 0, "GPE"),
            ("Canadian", 0, "NORP"),
            ("Monday", 0, "DATE"),
            ("Santiago", ALL, "GPE"),
            ("Cobre Austral", ALL, "ORG"),
            ("Friday", 0, "DATE"),
            ("Atacama Desert", 0, "LOC"),
            ("2026", 0, "DATE"),
            ("Meridian", ALL, "ORG"),
            ("Daniel Okonkwo-Reid", 0, "PERSON"),
            ("2028", 0, "DATE"),
            ("Chile", ALL, "GPE"),
            ("Canada", 0, "GPE"),
            ("China", 0, "GPE"),
            ("Priya Raman", 0, "PERSON"),
            ("Harlan & Pike", 0, "ORG"),
            ("Toronto", ALL, "GPE"),
            ("18 months", 0, "DATE"),
        ],
        "quotes": [
            ("it would buy Santiago-based Cobre Austral for $2.4 billion in cash and shares",
             None, "indirect", "Meridian Copper", 1, "ORG"),
            ("The combined company would produce about 1.5 million tonnes of copper in 2026, "
             "more than 5 percent of global supply", None, "indirect", "Meridian", 2, "ORG"),
            ("the right move at the right time", None, "partial",
             "Daniel Okonkwo-Reid", None, "PERSON"),
            ("the company expected cost savings of up to $300 million by 2028", None,
             "indirect", "Daniel Okonkwo-Reid", None, "PERSON"),
            ("Why would you buy at the top of the cycle?", None, "direct",
             "Priya Raman", None, "PERSON"),
            ("Copper prices have risen 40 percent in 18 months.", None, "direct",
             "Priya Raman", None, "PERSON"),
        ],
        "claims": [
            ("$2.4 billion", 0, 2_400_000_000, "dollar", "exact"),
            ("$2.4 billion", 1, 2_400_000_000, "dollar", "exact"),
            ("three countries", None, 3, "country", "exact"),
            ("roughly 38 percent", None, 38, "percent", "approx"),
            ("under 2,000 people", None, 2000, "person", "less_than"),
            ("two mines", None, 2, "mine", "exact"),
            ("about 1.5 million tonnes", None, 1_500_000, "tonne", "approx"),
            ("more than 5 percent", None, 5, "percent", "more_than"),
            ("up to $300 million", None, 300_000_000, "dollar", "at_most"),
            ("40 percent", None, 40, "percent", "exact"),
            ("18 months", None, 18, "month", "exact"),
            ("4.2 percent", None, 4.2, "percent", "exact"),
            ("31 percent", None, 31, "percent", "exact"),
        ],
    },
    "11_okanagan_wildfire.txt": {
        "entities": [
            ("British Columbia", ALL, "GPE"),
            ("KELOWNA", 0, "GPE"),
            ("Okanagan Valley", 0, "LOC"),
            ("Friday", ALL, "DATE"),
            ("Highway 97", 0, "FAC"),
            ("Wednesday", 0, "DATE"),
            ("BC Wildfire Service", 0, "ORG"),
            ("Alberta", 0, "GPE"),
            ("Ontario", 0, "GPE"),
            ("Ottawa", 0, "GPE"),
            ("Marcus Delaney", 0, "PERSON"),
            ("Victoria", 0, "GPE"),
            ("Dana Okafor", 0, "PERSON"),
            ("Seattle", 0, "GPE"),
            ("the 2000s", 0, "DATE"),
        ],
        "quotes": [
            ("A fast-moving wildfire in the Okanagan Valley forced more than 9,000 people from "
             "their homes on Friday and closed Highway 97, the main road through the region",
             None, "indirect", "provincial officials", None, "SOURCE"),
            ("it would send military aircraft to help with evacuations", None, "indirect",
             "Ottawa", None, "GPE"),
            ("If you are told to leave", None, "direct", "Marcus Delaney", None, "PERSON"),
            ("leave. Do not wait to see the flames.", None, "direct",
             "Marcus Delaney", None, "PERSON"),
            ("We have hundreds of homes at risk and the wind is not on our side. Please pack "
             "your car and go.", None, "block", "Dana Okafor", None, "PERSON"),
        ],
        "claims": [
            ("thousands", 0, 1000, "person", "more_than"),
            ("more than 9,000 people", None, 9000, "person", "more_than"),
            ("roughly 28,000 hectares", None, 28000, "hectare", "approx"),
            ("14 helicopters", None, 14, "helicopter", "exact"),
            ("as many as 250 firefighters", None, 250, "firefighter", "at_most"),
            ("hundreds of homes", None, 100, "home", "more_than"),
            ("around 400 kilometers", None, 400, "kilometer", "approx"),
            ("Millions of trees", None, 1_000_000, "tree", "more_than"),
        ],
    },
    "12_eu_philippines_trade.txt": {
        "entities": [
            ("EU", ALL, "ORG"),
            ("Philippines", ALL, "GPE"),
            ("THE HAGUE", 0, "GPE"),
            ("European Union", 0, "ORG"),
            ("Thursday", 0, "DATE"),
            ("the end of the year", 0, "DATE"),
            ("Katarina Wessel", 0, "PERSON"),
            ("The Hague", 0, "GPE"),
            ("Philippine", ALL, "NORP"),
            ("Ramon Dizon", 0, "PERSON"),
            ("Manila", 0, "GPE"),
            ("10 years", 0, "DATE"),
            ("last year", 0, "DATE"),
            ("Eurostat", 0, "ORG"),
            ("European", 1, "NORP"),
            ("France", 0, "GPE"),
            ("Spain", 0, "GPE"),
            ("2016", 0, "DATE"),
            ("nearly five years", 0, "DATE"),
            ("2023", 0, "DATE"),
            ("March", 0, "DATE"),
        ],
        "quotes": [
            ("they had agreed on most elements of a trade deal that would remove tariffs on "
             "about 97 percent of goods traded between the two economies", None, "indirect",
             "Negotiators", None, "SOURCE"),
            ("a signal that open trade is not dead", None, "partial",
             "Katarina Wessel", None, "PERSON"),
            ("Manila had secured a transition period of 10 years for rice imports", None,
             "indirect", "Ramon Dizon", None, "PERSON"),
            ("cheaper Philippine sugar and coconut oil could hurt producers in France and Spain",
             None, "indirect", "European farm groups", None, "SOURCE"),
            ("the legal text would be published in March", None, "indirect",
             "Katarina Wessel", None, "PERSON"),
        ],
        "claims": [
            ("about 97 percent", None, 97, "percent", "approx"),
            ("10 years", None, 10, "year", "exact"),
            ("€18.7 billion", None, 18_700_000_000, "euro", "exact"),
            ("nearly five years", None, 5, "year", "approx"),
        ],
    },
    "13_rail_heatwave.txt": {
        "entities": [
            ("England", ALL, "GPE"),
            ("LONDON", 0, "GPE"),
            ("Monday", 0, "DATE"),
            ("July 2022", 0, "DATE"),
            ("Railtrack Britain", 0, "ORG"),
            ("Gareth Pryce", 0, "PERSON"),
            ("BBC Radio 4", 0, "ORG"),
            ("London Waterloo", 0, "FAC"),
            ("Ayesha Khan", 0, "PERSON"),
            ("Portsmouth", 0, "GPE"),
            ("Kent", 0, "GPE"),
            ("Tuesday", 0, "DATE"),
            ("Olivia Grant", 0, "PERSON"),
            ("the next three years", 0, "DATE"),
        ],
        "quotes": [
            ("it had cancelled more than 1,100 services across its southern network", None,
             "indirect", "Railtrack Britain", None, "ORG"),
            ("Steel rails get far hotter than the air around them. If a track buckles under a "
             "train at full speed, people could be killed, and we will not take that risk.",
             None, "block", "Gareth Pryce", None, "PERSON"),
            ("We were told to wait on Platform 9 for almost two hours, and then the train was "
             "cancelled", None, "direct", "Ayesha Khan", None, "PERSON"),
            ("they had not been warned about the cancellations", None, "indirect",
             "Other commuters", None, "SOURCE"),
            ("No fewer than 400 engineers were on standby to inspect track", None, "indirect",
             "Railtrack Britain", None, "ORG"),
            ("temperatures could reach 39 degrees Celsius in parts of Kent on Tuesday", None,
             "indirect", "Forecasters", None, "SOURCE"),
            ("the government would spend £45 million on heat-resistant track over the next "
             "three years", None, "indirect", "Olivia Grant", None, "PERSON"),
        ],
        "claims": [
            ("37 degrees Celsius", None, 37, "degree celsius", "exact"),
            ("more than 1,100 services", None, 1100, "service", "more_than"),
            ("almost two hours", None, 2, "hour", "approx"),
            ("No fewer than 400 engineers", None, 400, "engineer", "at_least"),
            ("39 degrees Celsius", None, 39, "degree celsius", "exact"),
            ("£45 million", None, 45_000_000, "pound", "exact"),
            ("three years", None, 3, "year", "exact"),
        ],
    },
    "14_six_nations.txt": {
        "entities": [
            ("Ireland", ALL, "GPE"),
            ("Stade de France", 0, "FAC"),
            ("France", ALL, "GPE"),
            ("Six Nations", 0, "EVENT"),
            ("PARIS", 0, "GPE"),
            ("Saturday", 0, "DATE"),
            ("French", 0, "NORP"),
            ("Six Nations Championship", 0, "EVENT"),
            ("Conor Walsh", 0, "PERSON"),
            ("last week", 0, "DATE"),
            ("Walsh", ALL, "PERSON"),
            ("three years", 0, "DATE"),
            ("Thierry Lamarque", 0, "PERSON"),
            ("Canal Sport", 0, "ORG"),
            ("Grand Slam", 0, "EVENT"),
            ("2023", 0, "DATE"),
            ("Scotland", 0, "GPE"),
            ("Dublin", 0, "GPE"),
            ("next Sunday", 0, "DATE"),
            ("Rome", 0, "GPE"),
            ("Italy", 0, "GPE"),
        ],
        "quotes": [
            ("Nobody gave us a chance coming here", None, "direct", "Walsh", 1, "PERSON"),
            ("But this group has been together for three years, and we trust each other.", None,
             "direct", "Walsh", 1, "PERSON"),
            ("his team had conceded too many penalties", None, "indirect",
             "Thierry Lamarque", None, "PERSON"),
            ("We gave away 14 penalties. At this level, you cannot do that", None, "direct",
             "Thierry Lamarque", None, "PERSON"),
            ("The match drew an average television audience of 6.2 million in France", None,
             "indirect", "Canal Sport", None, "ORG"),
        ],
        "claims": [
            ("three points", None, 3, "point", "exact"),
            ("11 straight home wins", None, 11, "win", "exact"),
            ("almost 50 meters", None, 50, "meter", "approx"),
            ("more than 78,000 spectators", None, 78000, "spectator", "more_than"),
            ("three years", None, 3, "year", "exact"),
            ("14 penalties", None, 14, "penalty", "exact"),
            ("three tries", None, 3, "try", "exact"),
            ("6.2 million", None, 6_200_000, "viewer", "exact"),
        ],
    },
    "15_route66_grants.txt": {
        "entities": [
            ("Arizona", 0, "GPE"),
            ("Route 66", ALL, "FAC"),
            ("KINGMAN", 0, "GPE"),
            ("Ariz.", 0, "GPE"),
            ("Kingman", 0, "GPE"),
            ("City Council", 0, "ORG"),
            ("Tuesday", 0, "DATE"),
            ("Jolene Whitaker", 0, "PERSON"),
            ("two years", 0, "DATE"),
            ("Germany", 0, "GPE"),
            ("Japan", 0, "GPE"),
            ("1926", 0, "DATE"),
            ("Chicago", 0, "GPE"),
            ("Santa Monica", 0, "GPE"),
            ("Calif.", 0, "GPE"),
            ("Robert Haines Jr.", 0, "PERSON"),
            ("May", 0, "DATE"),
            ("Interstate 40", 0, "FAC"),
        ],
        "quotes": [
            ("the program would cost the city no more than $400,000 over two years", None,
             "indirect", "Jolene Whitaker", None, "PERSON"),
            ("People drive here from Germany and Japan to see the old highway", None, "direct",
             "Jolene Whitaker", None, "PERSON"),
            ("We need to give them somewhere to eat, sleep and spend money.", None, "direct",
             "Jolene Whitaker", None, "PERSON"),
            ("applications would open in May", None, "indirect",
             "Robert Haines Jr.", None, "PERSON"),
            ("the grants would favor newcomers over families who had kept shops open through "
             "hard times", None, "indirect", "Some longtime residents", None, "SOURCE"),
            ("We survived Interstate 40, and we will survive this too", None, "direct",
             "diner owner", None, "SOURCE"),
        ],
        "claims": [
            ("up to $25,000", None, 25000, "dollar", "at_most"),
            ("64 storefronts", None, 64, "storefront", "exact"),
            ("19", None, 19, "storefront", "exact"),
            ("no more than $400,000", None, 400000, "dollar", "at_most"),
            ("two years", None, 2, "year", "exact"),
            ("about 2,400 miles", None, 2400, "mile", "approx"),
        ],
    },
}
# fmt: on


class AnnotationError(ValueError):
    """A hand annotation that cannot be placed in its article."""


_QUOTE_MARKS = "\"'“”‘’«»"
_AD_LINE = re.compile(r"^(Advertisement|[^a-z]*[A-Z][^a-z]*)$")


def read_text(path: Path) -> str:
    """The article as the corpus reader sees it: UTF-8, BOM stripped, newlines normalised."""
    raw = path.read_bytes().decode("utf-8")
    return normalize_newlines(raw.removeprefix("\ufeff"))


def ignored_ranges(text: str) -> list[tuple[int, int]]:
    """Advertising lines between paragraphs: a lone "Advertisement" or a line in capitals.

    The headline (first line) is never ignored.
    """
    ranges, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        if i > 0 and len(line.split()) >= 1 and _AD_LINE.match(line.strip()):
            if line.strip() == "Advertisement" or len(line.split()) >= 4:
                ranges.append((pos, pos + len(line)))
        pos += len(line) + 1
    return ranges


def occurrences(text: str, sub: str) -> list[int]:
    """Start offsets of ``sub`` in ``text`` where it is not part of a longer word."""
    starts, i = [], text.find(sub)
    while i != -1:
        end = i + len(sub)
        left_ok = i == 0 or not (sub[0].isalnum() and text[i - 1].isalnum())
        right_ok = end == len(text) or not (sub[-1].isalnum() and text[end].isalnum())
        if left_ok and right_ok:
            starts.append(i)
        i = text.find(sub, i + 1)
    return starts


def locate(text: str, sub: str, occ: int | None, where: str) -> tuple[int, int]:
    found = occurrences(text, sub)
    if not found:
        raise AnnotationError(f"{where}: {sub!r} not found")
    if occ is None:
        if len(found) > 1:
            raise AnnotationError(
                f"{where}: {sub!r} occurs {len(found)} times; give an occurrence index"
            )
        occ = 0
    if occ >= len(found):
        raise AnnotationError(f"{where}: {sub!r} has only {len(found)} occurrence(s), not #{occ}")
    return found[occ], found[occ] + len(sub)


def _inside(span: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in ranges)


def build_entities(text: str, items: list[tuple], ignore, where: str) -> list[Entity]:
    placed: list[tuple[int, int, str]] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < pe and ps < e for ps, pe, _ in placed)

    for surface, occ, label in (i for i in items if i[1] != ALL):
        s, e = locate(text, surface, occ, f"{where} entity")
        if overlaps(s, e):
            raise AnnotationError(f"{where}: entity {surface!r} at {s} overlaps another entity")
        placed.append((s, e, label))
    for surface, _, label in sorted((i for i in items if i[1] == ALL), key=lambda i: -len(i[0])):
        starts = occurrences(text, surface)
        if not starts:
            raise AnnotationError(f"{where}: entity {surface!r} not found")
        for s in starts:
            e = s + len(surface)
            if not overlaps(s, e) and not _inside((s, e), ignore):
                placed.append((s, e, label))
    ents = [Entity(s, e, text[s:e], label) for s, e, label in placed]
    for ent in ents:
        if _inside((ent.start, ent.end), ignore):
            raise AnnotationError(f"{where}: entity {ent.text!r} inside an advertising line")
        if ent.text.lower().startswith("the ") and ent.label != "DATE" and ent.text[0] == "t":
            raise AnnotationError(f"{where}: entity {ent.text!r} starts with a lower-case 'the'")
    return sorted(ents, key=lambda x: x.start)


def build_quotes(text, items, entities, ignore, where) -> list[Quote]:
    by_span = {(e.start, e.end): e for e in entities}
    quotes = []
    for quote, occ, kind, speaker, s_occ, s_label in items:
        s, e = locate(text, quote, occ, f"{where} quote")
        body = text[s:e]
        if body[0] in _QUOTE_MARKS or body[-1] in _QUOTE_MARKS or body[-1] == ",":
            raise AnnotationError(f"{where}: quote {body!r} has a mark or comma at its edge")
        if body != body.strip() or "\n" in body:
            raise AnnotationError(f"{where}: quote {body!r} spans whitespace or paragraphs")
        if _inside((s, e), ignore):
            raise AnnotationError(f"{where}: quote {body!r} inside an advertising line")
        spk = None
        if speaker is not None:
            ss, se = locate(text, speaker, s_occ, f"{where} speaker")
            spk = Entity(ss, se, text[ss:se], s_label)
            if s_label != "SOURCE":
                ent = by_span.get((ss, se))
                if ent is None or ent.label != s_label:
                    raise AnnotationError(
                        f"{where}: speaker {speaker!r} ({s_label}) at {ss} is not an entity"
                    )
        quotes.append(Quote(s, e, body, kind, spk))
    return sorted(quotes, key=lambda q: q.start)


def build_claims(text, items, ignore, where) -> list[Claim]:
    claims = []
    for item in items:
        surface, occ, value, unit, qualifier = item[:5]
        high = item[5] if len(item) > 5 else None
        s, e = locate(text, surface, occ, f"{where} claim")
        if _inside((s, e), ignore):
            raise AnnotationError(f"{where}: claim {surface!r} inside an advertising line")
        if unit != unit.lower():
            raise AnnotationError(f"{where}: claim unit {unit!r} must be lower case")
        claims.append(Claim(s, e, text[s:e], value, unit, qualifier, high))
    return sorted(claims, key=lambda c: c.start)


def build() -> list[AnnotatedDoc]:
    """Every annotated article, in file-name order; raises AnnotationError on a bad annotation."""
    files = sorted(p.name for p in HERE.glob("*.txt"))
    if files != sorted(ANNOTATIONS):
        raise AnnotationError(f"articles {files} != annotated {sorted(ANNOTATIONS)}")
    docs = []
    for name in files:
        text = read_text(HERE / name)
        spec = ANNOTATIONS[name]
        ignore = ignored_ranges(text)
        ents = build_entities(text, spec["entities"], ignore, name)
        docs.append(
            AnnotatedDoc(
                doc_id=doc_id_for(text),
                text=text,
                entities=tuple(ents),
                quotes=tuple(build_quotes(text, spec["quotes"], ents, ignore, name)),
                claims=tuple(build_claims(text, spec["claims"], ignore, name)),
                meta={"source": name},
            )
        )
    return docs


def counts(docs: list[AnnotatedDoc]) -> dict[str, Counter]:
    """Figures for the README: per layer, entity label, quote kind, speaker, qualifier."""
    return {
        "layers": Counter(
            {
                "documents": len(docs),
                "entities": sum(len(d.entities) for d in docs),
                "quotes": sum(len(d.quotes) for d in docs),
                "claims": sum(len(d.claims) for d in docs),
            }
        ),
        "entity labels": Counter(e.label for d in docs for e in d.entities),
        "quote kinds": Counter(q.kind for d in docs for q in d.quotes),
        "speaker labels": Counter(
            q.speaker.label if q.speaker else "none" for d in docs for q in d.quotes
        ),
        "claim qualifiers": Counter(c.qualifier for d in docs for c in d.claims),
    }


def main() -> int:
    try:
        docs = build()
    except AnnotationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    write_jsonl(docs, OUT)
    print(f"wrote {OUT}")
    for name, counter in counts(docs).items():
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
