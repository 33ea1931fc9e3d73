"""The privacy scan: phone numbers, and the local server's token without the env var."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from goldsmith.errors import PublishError
from goldsmith.labels import write_jsonl
from goldsmith.publish.folder import write_hub_folder
from goldsmith.publish.privacy import find_private, known_secrets, scan_rows

TOKEN = "0f3c9a7e5b2d4c1e8a6f9b3d7c5e1a2b4d6f8a0c"


@pytest.mark.parametrize(
    "text",
    [
        "For tickets call +1 (555) 123-4567 before Friday.",
        "The hotline, 020 7946 0958, opens at nine.",
        "Reach the desk on +44 20 7946 0958.",
        "Le bureau: +33 1 23 45 67 89.",
        "Pressestelle +49 30 1234567",
        "Office: (555) 123-4567",
        "Text 555-123-4567 or 555.123.4567 for updates.",
        "Appelez le 01 23 45 67 89.",
        "Mobile +91 98765 43210",
        "Tokyo office +81-3-1234-5678",
        "Her mobile is 07700 900123.",
    ],
)
def test_phone_numbers_are_found(text):
    assert find_private(text) == ["phone number"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2023, 1,234,567 people voted in the regional election.",
        "The council set aside $1,234,567 for road repairs in 2024.",
        "The memoir (ISBN 978-3-16-148410-0) sold out in a week.",
        "An older edition, ISBN 0-306-40615-2, is still in print.",
        "The ceasefire began on 2024-06-01 and held until 2024-09-15.",
        "Sales rose between 1990-2000 and fell after 2008.",
        "Shares fell 2.5% to 10,000.25 on Tuesday.",
        "The hosts won 3-1 on 12.05.2024 in front of 45,000 fans.",
        "The prize is 1 000 000 euros, paid over 20 years.",
        "The index rose +1.5% to 4,567.89 points.",
        "The Bulls won 110-105 after a 98-97 thriller.",
        "The city had 8 336 817 residents in 2020.",
        "Flight 0800 landed at 10:45 with 180 passengers.",
        "Case no. 2023-0456-789 was adjourned until March.",
        "Rates stayed at 4.25-4.50 percent for the 2024-2025 season.",
        "The album sold 300 000 000 copies from 1995 to 2010.",
        "Temperatures reached +15 degrees on Route 66.",
        "Emergency services answered 911 calls within 10 seconds.",
    ],
)
def test_ordinary_news_numbers_are_not_phone_numbers(text):
    assert find_private(text) == []


@pytest.fixture
def studio_dir(tmp_path, monkeypatch):
    """A local studio data dir in the default place, and no token in the environment."""
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / ".goldsmith" / "studio"
    folder.mkdir(parents=True)
    creds = {"username": "admin@goldsmith.local", "password": "pw-Xk29fLq0", "token": TOKEN}
    (folder / "credentials.json").write_text(json.dumps(creds), encoding="utf-8")
    return folder


def test_the_local_servers_token_is_known_without_the_env_var(studio_dir):
    assert TOKEN in known_secrets()
    found = scan_rows([{"doc_id": "d1", "title": f"key {TOKEN}"}], "split train:", known_secrets())
    assert found == ["split train: d1 title: a known secret (token or API key)"]
    assert TOKEN not in found[0]


def test_a_studio_dir_elsewhere_is_read_when_given(tmp_path, monkeypatch):
    monkeypatch.delenv("LABEL_STUDIO_API_KEY", raising=False)
    monkeypatch.chdir(tmp_path)
    other = tmp_path / "team" / "studio"
    other.mkdir(parents=True)
    (other / "credentials.json").write_text(json.dumps({"token": TOKEN}), encoding="utf-8")
    assert TOKEN not in known_secrets()
    assert TOKEN in known_secrets(studio_dirs=[other])


def test_a_broken_credentials_file_does_not_stop_the_scan(studio_dir):
    (studio_dir / "credentials.json").write_text("{not json", encoding="utf-8")
    assert find_private("mail ana@example.org", known_secrets()) == ["e-mail address"]


@pytest.mark.parametrize("field", ["text", "title"])
def test_publish_refuses_the_local_token_in_text_or_title(studio_dir, gold_docs, field):
    doc = gold_docs[0]
    if field == "text":
        doc = replace(doc, text=f"Leaked key {TOKEN} here.", entities=(), quotes=(), claims=())
    else:
        doc = replace(doc, meta={**doc.meta, "title": f"Key {TOKEN}"})
    write_jsonl([doc, *gold_docs[1:]], studio_dir.parent.parent / "gold" / "gold.jsonl")
    with pytest.raises(PublishError, match="known secret") as caught:
        write_hub_folder("gold", "hub")
    assert TOKEN not in str(caught.value)


def test_publish_refuses_a_phone_number(tmp_path, gold_docs):
    doc = replace(gold_docs[0], text="Call +1 (555) 123-4567.", entities=(), quotes=(), claims=())
    write_jsonl([doc, *gold_docs[1:]], tmp_path / "gold" / "gold.jsonl")
    with pytest.raises(PublishError, match="phone number"):
        write_hub_folder(tmp_path / "gold", tmp_path / "hub")
