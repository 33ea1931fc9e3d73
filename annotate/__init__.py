"""Pre-annotation and the Label Studio loop.

``rules/`` holds the pre-annotators, ``studio/`` the Label Studio side; ``predict`` runs
the pre-annotators over a corpus (streaming, worker processes) and ``model`` loads the
spaCy pipeline they share.
"""
