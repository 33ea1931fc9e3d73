"""The pre-annotators: rules over a spaCy parse that propose the spec's three layers.

Owns named entities (``entities``, ``entity_mentions``), quotes and their speakers
(``quote_marks``, ``quote_context``, ``quotes``, ``reported_speech``, ``speakers``,
``speech_words``) and numeric claims (``numbers``, ``claims``, ``claim_words``). Each
concept the layers share has one module: role nouns (``role_words``), currencies
(``currencies``), datelines (``datelines``), character ranges (``spans``) and the rule
confidence scores (``confidence``). Each module is a pure function of a parsed ``Doc``
or of text; nothing here talks to Label Studio or writes files.
"""
