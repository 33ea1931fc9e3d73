"""Currencies: the one table of how news text writes money, and the unit each names.

A currency is written three ways, each mapped to the spec's ``unit`` (a singular
lower-case name):

- a sign before the number: "$5", "€5m", "HK$3" (:data:`CURRENCY_SIGNS`);
- an ISO code before or after it: "USD 5", "5 EUR" (:data:`CURRENCY_CODES`);
- a name after it: "5 euros", "3 million rubles" (:data:`CURRENCY_NAMES`).

The number reader looks before a number (:data:`CURRENCY_PREFIXES`: signs and codes);
the claim rules look after it (:data:`CURRENCY_WORDS`: names and codes) and ask whether
a unit is money (:data:`CURRENCY_UNITS`).

Example:
    >>> CURRENCY_PREFIXES["€"], CURRENCY_WORDS["roubles"], CURRENCY_WORDS["usd"]
    ('euro', 'ruble', 'dollar')
"""

from __future__ import annotations

import re

#: Currency signs, written before the number without a space ("$5", "HK$3").
CURRENCY_SIGNS: dict[str, str] = {
    "$": "dollar",
    "us$": "dollar",
    "a$": "dollar",
    "c$": "dollar",
    "hk$": "dollar",
    "nz$": "dollar",
    "s$": "dollar",
    "€": "euro",
    "£": "pound",
    "¥": "yen",
    "₩": "won",
    "₽": "ruble",
    "₹": "rupee",
    "₴": "hryvnia",
}

#: ISO currency codes (lower case), written before or after the number.
CURRENCY_CODES: dict[str, str] = {
    "usd": "dollar",
    "eur": "euro",
    "gbp": "pound",
    "jpy": "yen",
    "krw": "won",
    "rub": "ruble",
    "cny": "yuan",
    "rmb": "yuan",
}

#: Currency names (lower case, singular and plural), written after the number.
CURRENCY_NAMES: dict[str, str] = {
    "dollar": "dollar",
    "dollars": "dollar",
    "buck": "dollar",
    "bucks": "dollar",
    "euro": "euro",
    "euros": "euro",
    "pound": "pound",
    "pounds": "pound",
    "sterling": "pound",
    "yen": "yen",
    "won": "won",
    "yuan": "yuan",
    "renminbi": "yuan",
    "ruble": "ruble",
    "rubles": "ruble",
    "rouble": "ruble",
    "roubles": "ruble",
    "rupee": "rupee",
    "rupees": "rupee",
    "hryvnia": "hryvnia",
    "hryvnias": "hryvnia",
    "franc": "franc",
    "francs": "franc",
    "cent": "cent",
    "cents": "cent",
    "penny": "penny",
    "pennies": "penny",
    "pence": "penny",
}

#: Words that set the currency when written before the number.
CURRENCY_PREFIXES: dict[str, str] = CURRENCY_SIGNS | CURRENCY_CODES

#: Words that name the currency when written after the number.
CURRENCY_WORDS: dict[str, str] = CURRENCY_NAMES | CURRENCY_CODES

#: Every unit that is money.
CURRENCY_UNITS: frozenset[str] = frozenset(CURRENCY_PREFIXES.values()) | frozenset(
    CURRENCY_WORDS.values()
)

#: A currency sign glued to the front of a chunk of text ("$2.4bn" -> "$"), longest first.
SIGN_PREFIX = re.compile(
    "^(" + "|".join(map(re.escape, sorted(CURRENCY_SIGNS, key=len, reverse=True))) + r")(?=\S)",
    re.IGNORECASE,
)
