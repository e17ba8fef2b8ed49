"""Fixtures for the browser tests: Playwright driving Debian's Chromium against the live server.

One Chromium runs for the whole session; every test gets a fresh context (cookies,
storage, history), so tests stay independent. The live server runs in a thread of
this process: it shares the test database, the locmem cache (rate limits) and
Django's mail outbox with the test.

Test modules are marked `django_db(transaction=True, serialized_rollback=True)`:
the live server needs committed data, and the serialized rollback restores what
migrations created (home page, Wagtail site, role groups) after each flush.
"""

import os
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

# Playwright's sync API keeps an asyncio loop on the test thread; Django refuses ORM
# calls from a thread with a running loop unless told the code is really synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS_DIR = Path(__file__).resolve().parents[2] / "test-artifacts"

expect.set_options(timeout=5_000)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser() -> Browser:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser, live_server) -> BrowserContext:
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(10_000)
    # The network is closed: fail fast on anything outside the live server instead of
    # waiting for a timeout. Tests route the sites they expect (quick exit) themselves.
    context.route(
        lambda url: not url.startswith(live_server.url),
        lambda route: route.abort(),
    )
    yield context
    context.close()


@pytest.fixture
def page(context, request) -> Page:
    page = context.new_page()
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS_DIR / f"{name}.png"), full_page=True)
        (ARTIFACTS_DIR / f"{name}.html").write_text(page.content(), encoding="utf-8")


@pytest.fixture(autouse=True)
def _clean_cache_and_outbox():
    """Start every test with no rate-limit counters and an empty outbox."""
    cache.clear()
    mail.outbox = []
    yield
    cache.clear()


def log_in(page: Page, *, email: str, password: str) -> None:
    """Sign in through the login page, as a person would."""
    page.goto("/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label(re.compile(r"^\s*Mot de passe")).fill(password)
    page.get_by_role("main").get_by_role("button", name="Connexion").click()
