"""Pre-annotation and the Label Studio loop.

``rules/`` holds the pre-annotators, ``studio/`` the Label Studio side; ``predict`` runs
the pre-annotators over a corpus (streaming, worker processes), ``model`` loads the
spaCy pipeline they share and ``systems`` runs a spaCy model or the pre-annotator as a
system for ``eval score`` (``eval`` itself never imports ``annotate``).
"""
