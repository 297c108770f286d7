"""The dashboard in a real browser: Debian's chromium driven by Playwright (no browser download).

The screenshot is kept in tests/artifacts/dashboard.png for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from tests.api.client import get
from tests.api.conftest import Live

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def ensure_chromium() -> None:
    """Install Debian's chromium when it is missing; skip only where apt cannot be used."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") is None:
        pytest.skip(f"{CHROMIUM} is missing and apt-get is unavailable to install it")
    if os.geteuid() != 0:
        pytest.skip(f"{CHROMIUM} is missing and installing it with apt-get needs root")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=1800)
        if done.returncode:
            pytest.fail(f"`{' '.join(command)}` failed ({done.returncode}): {done.stderr[-2000:]}")
    assert CHROMIUM.exists(), "apt-get installed chromium, but not at /usr/bin/chromium"


def _richest_row(page: Page) -> int:
    """The table row of the event told by the most sources: the most telling one to open."""
    counts = page.locator("#events tbody tr[data-id] td.num").all_inner_texts()
    return max(range(len(counts)), key=lambda i: int(counts[i] or 0))


def test_the_dashboard_shows_an_events_evidence(server: Live) -> None:
    ensure_chromium()
    errors: list[str] = []
    foreign: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1000})
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: None if r.url.startswith((server.url, "data:")) else foreign.append(r.url))
            page.goto(server.url)
            page.wait_for_selector("#actor-a option[value=RUS]", state="attached")
            page.select_option("#actor-a", "RUS")
            page.select_option("#actor-b", "JPN")
            page.wait_for_selector("#events tbody tr[data-id]")
            assert page.locator("#timeline svg circle.dot").count() >= 1
            assert page.locator("#intensity svg rect.bar").count() >= 1

            row = page.locator("#events tbody tr[data-id]").nth(_richest_row(page))
            event_id = row.get_attribute("data-id")
            row.click()
            page.wait_for_selector("#detail .evidence mark.trigger")

            event = get(f"{server.url}/api/canonical/{event_id}").json()
            shown = page.locator("#detail .evidence").all_inner_texts()
            assert [s["evidence_text"] for s in event["sources"]] == [t.strip() for t in shown]
            triggers = page.locator("#detail .evidence mark.trigger").all_inner_texts()
            assert triggers[0] == event["sources"][0]["trigger_text"]
            assert page.locator("#detail").get_by_text(event["date_value"] or "undated").first.is_visible()

            # the state panel: a date picked in it is derived by the API, each value linked to its events
            page.wait_for_selector("#state[data-at] .rel-status")
            page.fill("#state-at", "1946-01-01")
            page.wait_for_selector('#state[data-at="1946-01-01"] .rel-status')
            status = page.locator("#state .rel-status").get_attribute("data-status")
            expected = get(f"{server.url}/api/state?a=RUS&b=JPN&at=1946-01-01").json()
            assert status in {"none", "established", "severed"} and status == expected["relations"]["status"]
            assert "at=1946-01-01" in page.evaluate("location.hash")
            link = page.locator("#state button.ev").first
            state_event = link.get_attribute("data-event")
            link.click()
            page.wait_for_function("id => location.hash.includes('event=' + id)", arg=state_event)
            page.wait_for_selector("#detail .evidence")

            page.evaluate("window.scrollTo(0, 0)")  # the event panel follows the scroll; show it at the top
            ARTIFACTS.mkdir(exist_ok=True)
            (ARTIFACTS / ".gitignore").write_text("*\n", encoding="utf-8")  # artefacts never get committed
            page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
        finally:
            browser.close()
    assert not errors, errors
    assert not foreign, f"the dashboard loaded something from elsewhere: {foreign}"
