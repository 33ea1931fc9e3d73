"""The Label Studio side: the local server, the client, conversion both ways, push, pull.

``server`` starts and stops a local Label Studio (127.0.0.1, credentials 0600);
``client`` connects to it or to a team's server and turns SDK failures into
goldsmith errors; ``convert`` is the one place where spec records become Label Studio
results and back; ``push`` creates tasks with predictions, ``pull`` turns what annotators
submitted into a gold directory (``pull_write``), with annotators as ``pseudonyms``.
"""
