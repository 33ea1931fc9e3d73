"""The pre-annotators: rules over a spaCy parse that propose the spec's three layers.

Owns named entities (``entities``, ``entity_mentions``), quotes and their speakers
(``quote_marks``, ``quotes``, ``reported_speech``, ``speakers``, ``speech_words``) and
numeric claims (``numbers``, ``claims``, ``claim_words``). Each module is a pure function
of a parsed ``Doc``; nothing here talks to Label Studio or writes files.
"""
