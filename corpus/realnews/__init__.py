"""A real-news development set built from the public PolNeAR corpus (train and dev only).

No article text is stored here: the manifest keeps PolNeAR ids, split, role (tune or
held-out) and the sha256 of each normalised text; the gold keeps offsets and attributes.
:mod:`~goldsmith.corpus.realnews.polnear` reads a local PolNeAR checkout (a normal clone
or a bare mirror) and refuses its test split; ``rebuild.py`` writes the texts back out.
See ``corpus/realnews/README.md``.
"""
