"""Browser tests: the served ledger in real headless Chromium (Debian's, driven by Playwright).

The server runs in a thread on 127.0.0.1 with a free port, over the ledger that
``tests/test_web.py`` builds (founding example, corpus wikitext articles, a hostile article).
Skipped with the reason when Playwright or /usr/bin/chromium is missing; Playwright's own
browser download (``playwright install``) is never used.

``EVENTLEDGER_SCREENSHOTS=DIR`` saves the home page and the founding example's page there
(``docs/screenshots/`` is made that way).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip(
    "starlette", reason="the web extra (starlette, jinja2, uvicorn) is not installed"
)
pytest.importorskip("uvicorn", reason="the web extra (starlette, jinja2, uvicorn) is not installed")
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)

CHROMIUM = os.environ.get("EVENTLEDGER_CHROMIUM", "/usr/bin/chromium")
if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
    pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)", allow_module_level=True)

from tests.test_web import build_corpus_ledger  # noqa: E402

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def ledger_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus_ledger(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def server(ledger_path: Path) -> Iterator[str]:
    import uvicorn

    from eventledger.web.app import create_app

    port = _free_port()
    config = uvicorn.Config(
        create_app(str(ledger_path)), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    # Nothing may leave the machine: any request to another origin fails the test.
    pg.outside = []  # type: ignore[attr-defined]
    pg.on(
        "request",
        lambda r: (
            pg.outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1:", "data:"))
            else None
        ),
    )
    yield pg
    context.close()


def _events(server: str, page: Any, query: str = "") -> list[dict[str, Any]]:
    response = page.request.get(f"{server}/events.json{query}")
    assert response.ok
    return list(response.json()["events"])


def _shot(page: Any, name: str) -> None:
    out = os.environ.get("EVENTLEDGER_SCREENSHOTS")
    if out:
        Path(out).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(out) / name))


def test_map_shows_a_marker_per_located_event(server: str, page: Any) -> None:
    located = [e for e in _events(server, page) if e["lat"] is not None]
    assert located
    page.goto(f"{server}/")
    page.wait_for_selector("#map[data-basemap-loaded]")
    assert int(page.get_attribute("#map", "data-basemap-loaded")) > 150  # country outlines
    markers = page.locator("path.event-marker")
    assert markers.count() == len(located)
    ids = {markers.nth(i).get_attribute("data-event-id") for i in range(markers.count())}
    assert ids == {e["id"] for e in located}
    assert page.locator(".timeline-svg a.tl-item").count() == len(
        [e for e in _events(server, page) if e["date_start"]]
    )
    assert page.errors == [] and page.outside == []


def test_clicking_a_marker_opens_its_event(server: str, page: Any) -> None:
    page.goto(f"{server}/")
    page.wait_for_selector("#map[data-basemap-loaded]")
    page.evaluate("window.eventledgerMap.setView([44.5, 118.2], 6)")  # the founding example
    eid = next(e["id"] for e in _events(server, page) if e["title"] == "Gegenmiao massacre")
    marker = page.locator(f'path.event-marker[data-event-id="{eid}"]')
    marker.click()
    page.wait_for_url(f"**/events/{eid}")
    assert page.locator("h1.event-title").inner_text() == "Gegenmiao massacre"


def test_clicking_a_table_row_opens_its_event(server: str, page: Any) -> None:
    page.goto(f"{server}/events?kind=battle")
    link = page.locator("a.event-link").first
    title = link.inner_text()
    link.click()
    page.wait_for_selector("h1.event-title")
    assert page.locator("h1.event-title").inner_text() == title


def test_clicking_a_value_highlights_its_evidence(server: str, page: Any) -> None:
    page.goto(f"{server}/")
    page.wait_for_selector("#map[data-basemap-loaded]")
    _shot(page, "home.png")
    page.goto(f"{server}/events/Gegenmiao%20massacre")
    assert page.locator(".hl").count() == 0
    page.locator("table.values button.value", has_text="1,001–1,800").click()
    # The deaths figure comes from the infobox field and from body sentences.
    field = page.locator("table.infobox tr.field.hl")
    assert field.count() >= 1 and "Over 1,000" in field.first.inner_text()
    sentences = page.locator("#article span.sentence.hl")
    assert sentences.count() >= 1
    assert "murdered well over one thousand" in " ".join(sentences.all_inner_texts())
    marks = page.locator("#article mark.run.hl")
    assert "over half of a group of 1,800" in " ".join(marks.all_inner_texts())
    assert page.locator("li.reference.hl").count() >= 1  # its supporting references
    _shot(page, "event.png")
    # Another value replaces the highlight.
    page.locator("table.values button.value", has_text="1945-08-14").click()
    assert "August" in page.locator("table.infobox tr.field.hl").first.inner_text()
    assert page.locator("#article span.sentence.hl").count() == 0
    assert page.errors == [] and page.outside == []


def test_hostile_article_is_text_and_runs_nothing(server: str, page: Any) -> None:
    hostile = [e for e in _events(server, page, "?q=Harbour") if "<script>" in e["title"]]
    assert len(hostile) == 1
    eid = hostile[0]["id"]
    for path in (f"/events/{eid}", "/events?q=Harbour", "/", "/findings"):
        page.goto(f"{server}{path}")
        page.wait_for_load_state("load")
        if path.startswith("/events/"):
            title = page.locator("h1.event-title").inner_text()
            assert "<script>window.__pwned = 1</script>" in title
            assert 'onerror="window.__pwned=2"' in title
            body = page.locator("#article").inner_text()
            assert "<script>window.__pwned=5</script>" in body
            assert 'onerror="window.__pwned=6"' in body
            page.locator("table.values button.value").nth(1).click()
        if path.startswith("/events?"):
            page.wait_for_selector("#map[data-basemap-loaded]")
            lat, lon = hostile[0]["lat"], hostile[0]["lon"]
            page.evaluate(f"window.eventledgerMap.setView([{lat}, {lon}], 7)")
            page.locator(f'path.event-marker[data-event-id="{eid}"]').hover()
            tip = page.locator(".leaflet-tooltip").inner_text()
            assert "<script>" in tip
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("img[src='x']").count() == 0
    assert page.dialogs == [] and page.errors == []
