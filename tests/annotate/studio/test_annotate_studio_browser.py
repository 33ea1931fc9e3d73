"""Offsets survive a real browser: Label Studio highlights pushed regions on the right text
after characters outside the Basic Multilingual Plane, and stores an annotator's region
in code points.

JavaScript counts a character outside the BMP (emoji, a flag's two regional indicators,
mathematical letters like 𝔘) as two UTF-16 units, Python as one code point; Label Studio
has had bugs exactly there. goldsmith pushes code-point offsets unchanged
(:mod:`goldsmith.annotate.studio.convert`), so this test holds both directions in
headless Chromium: every predicted region is drawn over exactly its text, and a region
made by double-clicking a word after seven extra UTF-16 units is stored with Python
offsets. Screenshots go to ``artifacts/browser/``.
"""

from __future__ import annotations

import os
import re
import shutil
import time
import uuid
from pathlib import Path

import pytest
from team_stream import submit

from goldsmith.annotate.studio.adjudicate import adjudicate
from goldsmith.annotate.studio.convert import from_studio_results, to_studio_results
from goldsmith.annotate.studio.pseudonyms import load_salt
from goldsmith.annotate.studio.push import push
from goldsmith.annotate.studio.server import load_credentials
from goldsmith.annotate.studio.team import apply_team_settings
from goldsmith.annotate.studio.users import add_annotators
from goldsmith.corpus import Document, doc_id_for
from goldsmith.labels import AnnotatedDoc, Claim, Entity, Quote

pytestmark = [pytest.mark.browser, pytest.mark.studio, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[3] / "artifacts" / "browser"
WAIT_MS = 60_000

# Our own text. Before "Halvard": 🚀 😀 🇺🇦 (two code points) 𝔘 😀 🌊, seven characters
# that UTF-16 counts twice.
TEXT = (
    "🚀😀 Mayor Ines Rook 🇺🇦 said “We will rebuild the 𝔘 bridge,” on Tuesday.\n"
    "About 300 homes 😀 were flooded in Dunmore 🌊, Halvard engineers said."
)
NEW_WORD, NEW_LABEL = "Halvard", "ORG"

# The region in the rendered text that is the element's text node: the word to
# double-click, located with a DOM Range so the mouse hits its middle.
_WORD_BOX_JS = """(word) => {
  const root = document.querySelector('.lsf-richtext__container');
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(word);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + word.length);
      const box = range.getBoundingClientRect();
      return {x: box.x + box.width / 2, y: box.y + box.height / 2};
    }
  }
  return null;
}"""

_HIGHLIGHTS_JS = """els => els.map(e => ({
  classes: Array.from(e.classList), text: e.textContent,
  start: e.dataset.start, end: e.dataset.end}))"""

_REGION_CLASS = re.compile(r"^htx-highlight-(.+)-\d+$")


def _span(text: str) -> tuple[int, int, str]:
    at = TEXT.index(text)
    return at, at + len(text), text


def _prediction() -> AnnotatedDoc:
    mayor = Entity(*_span("Ines Rook"), "PERSON")
    return AnnotatedDoc(
        doc_id_for(TEXT),
        TEXT,
        entities=(mayor, Entity(*_span("Tuesday"), "DATE"), Entity(*_span("Dunmore"), "GPE")),
        quotes=(Quote(*_span("We will rebuild the 𝔘 bridge"), "direct", mayor),),
        claims=(Claim(*_span("About 300 homes"), 300, "home", "approx"),),
        meta={"model_version": "browser-test"},
    )


def _chromium_or_skip():
    """The sync Playwright entry point; skips without Chromium/Playwright unless CI=true."""
    missing = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing = "the playwright package is not installed"
    if missing is None and not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        missing = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    if missing is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing}; CI=true never skips the browser test")
        pytest.skip(missing)
    return sync_playwright


def _regions(page) -> dict[str, dict]:
    """Highlight spans grouped by region id: the region's text and its data offsets."""
    found: dict[str, dict] = {}
    for span in page.eval_on_selector_all("span.htx-highlight", _HIGHLIGHTS_JS):
        rid = next(m.group(1) for c in span["classes"] if (m := _REGION_CLASS.match(c)))
        group = found.setdefault(rid, {"text": "", "starts": [], "ends": []})
        group["text"] += span["text"]
        if span["start"] is not None:
            group["starts"].append(int(span["start"]))
            group["ends"].append(int(span["end"]))
    return found


def _submitted(client, task_id: int, timeout: float = 30.0):
    """The task's one annotation, once the browser's submit has reached the server."""
    deadline = time.monotonic() + timeout
    while True:
        found = list(client.annotations.list(id=task_id))
        if found or time.monotonic() > deadline:
            assert len(found) == 1, f"expected one submitted annotation, found {len(found)}"
            return found[0]
        time.sleep(0.5)


def test_emoji_offsets_survive_label_studio_in_a_browser(studio):
    sync_playwright = _chromium_or_skip()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prediction = _prediction()
    title = f"browser emoji {uuid.uuid4().hex[:8]}"
    document = Document(prediction.doc_id, TEXT, "browser.txt")
    result = push(studio.client, [document], {prediction.doc_id: prediction}, title, url=studio.url)
    (task,) = list(studio.client.tasks.list(project=result.project_id))
    creds = load_credentials(studio.data_dir)
    assert creds is not None

    expected = {
        "e0": "Ines Rook",
        "e1": "Tuesday",
        "e2": "Dunmore",
        "q0": "We will rebuild the 𝔘 bridge",
        "c0": "About 300 homes",
    }
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.set_default_timeout(WAIT_MS)
            page.goto(f"{studio.url}/user/login/")
            page.fill("#email", creds.username)
            page.fill("#password", creds.password)
            page.click("button[type=submit]")
            page.wait_for_url(lambda url: "/user/login" not in url)

            page.goto(f"{studio.url}/projects/{result.project_id}/data?task={task.id}")
            page.wait_for_selector("span.htx-highlight")
            page.wait_for_function(
                "n => document.querySelectorAll('span.htx-highlight').length >= n",
                arg=len(expected),
            )
            shown = _regions(page)
            page.screenshot(path=str(ARTIFACTS / "studio-predictions.png"))
            assert {rid: r["text"] for rid, r in shown.items()} == expected
            for rid, region in shown.items():
                if region["starts"]:  # Label Studio's own offsets, when it renders them
                    start, end = min(region["starts"]), max(region["ends"])
                    assert TEXT[start:end] == expected[rid]

            page.locator(".lsf-label", has_text=NEW_LABEL).first.click()
            box = page.evaluate(_WORD_BOX_JS, NEW_WORD)
            assert box is not None, f"{NEW_WORD!r} is not in the rendered text"
            page.mouse.dblclick(box["x"], box["y"])
            page.wait_for_function(
                "n => document.querySelectorAll('span.htx-highlight').length > n", arg=len(expected)
            )
            added = {rid: r["text"] for rid, r in _regions(page).items() if rid not in expected}
            assert list(added.values()) == [NEW_WORD]
            page.screenshot(path=str(ARTIFACTS / "studio-new-region.png"))
            page.click("[data-testid=bottombar-submit-button]")
            annotation = _submitted(studio.client, task.id)
            page.wait_for_function(  # the editor reloads the submitted annotation
                "n => !document.querySelector('[data-testid=bottombar-submit-button]')"
                " && document.querySelectorAll('span.htx-highlight').length > n",
                arg=len(expected),
            )
            page.screenshot(path=str(ARTIFACTS / "studio-submitted.png"))
        finally:
            browser.close()

    labelled = [item["value"] for item in annotation.result if item.get("type") == "labels"]
    made = [v for v in labelled if v["labels"] == [NEW_LABEL]]
    assert len(made) == 1
    start, end = made[0]["start"], made[0]["end"]
    assert TEXT[start:end] == NEW_WORD  # code points: UTF-16 would be 7 further on
    assert (start, end) == (TEXT.index(NEW_WORD), TEXT.index(NEW_WORD) + len(NEW_WORD))
    for value in labelled:
        assert TEXT[value["start"] : value["end"]] == value["text"]

    back = from_studio_results(TEXT, annotation.result, task_id=task.id)
    assert Entity(start, end, NEW_WORD, NEW_LABEL) in back.entities
    assert back.quotes == prediction.quotes
    assert back.claims == prediction.claims


# -- what annotators see, and two annotators sharing a project ---------------------------


def _login(browser, url: str, email: str, password: str):
    """A page logged in as ``email``, in a browser context of its own (its own cookies),
    checked with the server. Reusing one page and clearing its cookies was not enough: a
    label stream left open sends a request as it unloads, and its answer restored the
    previous user's session, so the next "annotator" silently was the previous one."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(f"{url}/user/login/")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda u: "/user/login" not in u)
    who = page.request.get(f"{url}/api/current-user/whoami").json()
    assert who.get("email") == email, f"logged in as {who.get('email')!r}, not {email!r}"
    return page


def test_claim_attributes_sit_beside_the_text_with_visible_names(studio):
    sync_playwright = _chromium_or_skip()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prediction = _prediction()
    title = f"browser panel {uuid.uuid4().hex[:8]}"
    document = Document(prediction.doc_id, TEXT, "browser.txt")
    result = push(studio.client, [document], {prediction.doc_id: prediction}, title, url=studio.url)
    apply_team_settings(studio.client, result.project_id, None, url=studio.url)
    (task,) = list(studio.client.tasks.list(project=result.project_id))
    creds = load_credentials(studio.data_dir)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = _login(browser, studio.url, creds.username, creds.password)
            page.goto(f"{studio.url}/projects/{result.project_id}/data?task={task.id}")
            page.wait_for_selector("span.htx-highlight")
            hint = page.get_by_text("Click a QUOTE or CLAIM region")
            assert hint.is_visible()
            page.locator("span.htx-highlight", has_text="About 300").first.click()
            for name in ("value", "value high (range only)", "unit (singular lemma)", "qualifier"):
                assert page.get_by_text(name, exact=True).is_visible(), name
            value_box = page.locator("input[type=number]").first.bounding_box()
            text_box = page.locator(".lsf-richtext__container").first.bounding_box()
            assert value_box["x"] > text_box["x"] + text_box["width"] - 1  # beside, not below
            assert value_box["y"] < text_box["y"] + 200  # level with the top of the text
            assert page.locator("input[type=number]").first.input_value() == "300"
            page.screenshot(path=str(ARTIFACTS / "studio-claim-panel.png"))
            page.locator("span.htx-highlight", has_text="We will rebuild").first.click()
            assert page.get_by_text("Quote kind", exact=True).is_visible()
            page.screenshot(path=str(ARTIFACTS / "studio-quote-panel.png"))
        finally:
            browser.close()


def _stream_submit(page, url: str, project_id: int) -> None:
    """Open the label stream ("Label All Tasks"), close the instructions, submit the task."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.goto(f"{url}/projects/{project_id}/data?labeling=1")
    page.wait_for_selector("[data-testid=bottombar-submit-button], .ant-modal, [class*=modal]")
    modal = page.get_by_text("Annotator guidelines", exact=True)
    if modal.count() and modal.first.is_visible():
        page.screenshot(path=str(ARTIFACTS / "studio-instructions.png"))
        page.keyboard.press("Escape")
    page.wait_for_selector("[data-testid=bottombar-submit-button]")
    # Wait for the annotation's POST itself: on a loaded 2-core machine the editor can
    # swallow a click made while it is still initialising the task, so a click that sent
    # nothing is retried once (never a second click after a POST was seen).
    for attempt in range(2):
        try:
            with page.expect_response(_is_annotation_post, timeout=WAIT_MS) as posted:
                page.click("[data-testid=bottombar-submit-button]")
        except PlaywrightTimeout:
            page.screenshot(path=str(ARTIFACTS / f"studio-submit-not-sent-{attempt}.png"))
            continue
        assert posted.value.ok, f"submit answered {posted.value.status}: {posted.value.text()}"
        return
    raise AssertionError(f"two clicks on Submit in project {project_id} sent no annotation")


def _is_annotation_post(response) -> bool:
    return response.request.method == "POST" and re.search(
        r"/api/tasks/\d+/annotations", response.url
    )


def _tasks_of(client, project_id: int, user_id: int, want: int, timeout: float = 30.0) -> list:
    """The ids of the tasks this user has submitted, once ``want`` of them reached the server."""
    deadline = time.monotonic() + timeout
    while True:
        tasks = [
            t.id
            for t in client.tasks.list(project=project_id, fields="all")
            for a in (t.annotations or [])
            if a["completed_by"] == user_id and not a["was_cancelled"]
        ]
        if len(tasks) >= want or time.monotonic() > deadline:
            return sorted(tasks)
        time.sleep(0.5)


def test_two_annotators_each_get_the_others_task_and_never_their_own(studio):
    sync_playwright = _chromium_or_skip()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    title = f"browser team {uuid.uuid4().hex[:8]}"
    texts = [f"Mayor Ines Rook visited Dunmore on day {i}." for i in range(2)]
    docs = [Document(doc_id_for(t), t, f"t{i}.txt") for i, t in enumerate(texts)]
    result = push(studio.client, docs, {}, title, url=studio.url)
    apply_team_settings(studio.client, result.project_id, 2, url=studio.url)
    emails = [f"{n}-{uuid.uuid4().hex[:4]}@team.example" for n in ("ida", "jon")]
    salt = load_salt(studio.data_dir)
    ida, jon = add_annotators(studio.client, studio.data_dir, emails, salt, url=studio.url)
    pid = result.project_id
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = _login(browser, studio.url, ida.email, ida.password)
            _stream_submit(page, studio.url, pid)
            (first,) = _tasks_of(studio.client, pid, ida.user_id, 1)

            page = _login(browser, studio.url, jon.email, jon.password)
            _stream_submit(page, studio.url, pid)  # breadth first: Ida's task
            assert _tasks_of(studio.client, pid, jon.user_id, 1) == [first], (
                jon.user_id,
                ida.user_id,
                [
                    (t.id, [(a["completed_by"], a["was_cancelled"]) for a in t.annotations])
                    for t in studio.client.tasks.list(project=pid, fields="all")
                ],
            )
            _stream_submit(page, studio.url, pid)
            jons = _tasks_of(studio.client, pid, jon.user_id, 2)
            (second,) = set(jons) - {first}
            page.screenshot(path=str(ARTIFACTS / "studio-team-second-annotator.png"))

            page = _login(browser, studio.url, ida.email, ida.password)
            _stream_submit(page, studio.url, pid)  # Jon's task, never her own again
            assert _tasks_of(studio.client, pid, ida.user_id, 2) == sorted([first, second])
            page.goto(f"{studio.url}/projects/{pid}/data?labeling=1")
            page.get_by_text("Annotator guidelines", exact=True).wait_for()
            page.keyboard.press("Escape")  # the instructions open with every visit
            page.get_by_text("No More Tasks Left", exact=False).wait_for()
            assert page.locator("[data-testid=bottombar-submit-button]").count() == 0
            page.screenshot(path=str(ARTIFACTS / "studio-team-stream-done.png"))
        finally:
            browser.close()
    for task in studio.client.tasks.list(project=pid, fields="all"):
        users = [a["completed_by"] for a in task.annotations]
        assert sorted(users) == sorted([ida.user_id, jon.user_id])


def test_a_reviewer_sees_the_disagreements_and_every_version(studio):
    sync_playwright = _chromium_or_skip()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    prediction = _prediction()
    title = f"browser review {uuid.uuid4().hex[:8]}"
    document = Document(prediction.doc_id, TEXT, "browser.txt")
    result = push(studio.client, [document], {}, title, url=studio.url)
    apply_team_settings(studio.client, result.project_id, 2, url=studio.url)
    (task,) = list(studio.client.tasks.list(project=result.project_id))
    other = AnnotatedDoc(prediction.doc_id, TEXT, prediction.entities[:1], prediction.quotes)
    for who, doc in (("ana@team.example", prediction), ("ben@team.example", other)):
        submit(studio.url, studio.annotator(who).token, task.id, to_studio_results(doc))
    review = adjudicate(studio.client, title, load_salt(studio.data_dir), url=studio.url)
    assert review.tasks_added == 1
    (review_task,) = list(studio.client.tasks.list(project=review.review_project_id))
    creds = load_credentials(studio.data_dir)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = _login(browser, studio.url, creds.username, creds.password)
            page.goto(
                f"{studio.url}/projects/{review.review_project_id}/data?task={review_task.id}"
            )
            page.get_by_text("Points of disagreement", exact=True).wait_for()
            # the data manager renders the task twice (table cell, hidden, and the editor);
            # wait for the visible one rather than asking the first match at once
            page.get_by_text("marked by 1 of 2", exact=False).filter(visible=True).first.wait_for()
            page.wait_for_selector("span.htx-highlight")
            page.screenshot(path=str(ARTIFACTS / "studio-review-task.png"))
            # one tab per version: the consensus and each annotator (pseudonyms shortened
            # by the editor to "annotato...e97687")
            for name in ("consensus", *(pseudonym_of(studio, e)[-6:] for e in ("ana", "ben"))):
                page.get_by_text(name).filter(visible=True).first.wait_for()
            page.get_by_text("Compare All", exact=True).click()
            page.wait_for_timeout(1500)
            page.screenshot(path=str(ARTIFACTS / "studio-review-compare.png"))
        finally:
            browser.close()


def pseudonym_of(studio, name: str) -> str:
    from goldsmith.annotate.studio.pseudonyms import pseudonym

    return pseudonym(load_salt(studio.data_dir), studio.annotator(f"{name}@team.example").user_id)
