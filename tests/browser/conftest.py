"""Fixtures for the browser tests: Playwright driving Debian's Chromium against the live server.

One Chromium serves all the browser tests of the session; every test gets a fresh
context (cookies, storage, history), so tests stay independent. The live server
runs in a thread of this process: it shares the test database, the locmem cache
(rate limits) and Django's mail outbox with the test.

Test modules are marked `django_db(transaction=True, serialized_rollback=True)`:
the live server needs committed data, and the serialized rollback restores what
migrations created (home page, Wagtail site, role groups) after each flush.
"""

import os
import re
import time
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connections
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

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

# Generous: a loaded CI machine (2 CPUs shared with the live server) is slow;
# passing tests never wait for these.
expect.set_options(timeout=10_000)

# Playwright and the Chromium it drives, once started (see `browser`).
_running: dict = {}


def _start_chromium() -> Browser:
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("EGIDE_REQUIRE_SERVICES") == "1":
            pytest.fail(f"browser test cannot run: {reason}")
        pytest.skip(reason)
    opened = connections.all(initialized_only=True)
    playwright = sync_playwright().start()
    # Playwright's sync API keeps an asyncio loop running on the test thread. Django
    # then keeps database connections per context instead of per thread: hand it
    # the ones already open, so the test goes on with the same connection (and
    # pytest-django's serialized rollback data, stored on it) instead of new ones.
    for connection in opened:
        connections[connection.alias] = connection
    # Django also refuses ORM calls from a thread running a loop unless told the
    # code is really synchronous.
    _running["async_unsafe"] = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    _running["playwright"] = playwright
    _running["browser"] = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    return _running["browser"]


def _stop_chromium() -> None:
    _running.pop("browser").close()
    _running.pop("playwright").stop()
    previous = _running.pop("async_unsafe")
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def browser() -> Browser:
    """Debian's Chromium, launched by the first browser test and kept for the next ones.

    Not a session-scoped fixture: that would keep Playwright's event loop on the main
    thread until the end of the run, and tests collected after these ones would
    fail as soon as they use asyncio. pytest_runtest_teardown below stops it instead.
    """
    return _running.get("browser") or _start_chromium()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """Stop Chromium once the browser tests are over (after the fixtures' teardown)."""
    if _running and "browser" not in getattr(nextitem, "fixturenames", ()):
        _stop_chromium()


def pytest_sessionfinish(session, exitstatus):
    """Stop Chromium also when the run ends early (-x, interruption)."""
    if _running:
        _stop_chromium()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell a failure."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def csp_violations(request) -> list[str]:
    """What Chromium reported the Content-Security-Policy blocked, page by page.

    A test that passes with a violation fails: the page works only because the
    blocked part did not matter to the test, or does not work for real. A test that
    provokes one on purpose empties the list.
    """
    violations: list[str] = []
    yield violations
    if violations:
        message = "Content-Security-Policy violations:\n" + "\n".join(violations)
        print(message)  # shown with a test that failed for another reason
        report = getattr(request.node, "report_call", None)
        if report is not None and report.passed:
            pytest.fail(message)


@pytest.fixture
def context(browser, live_server, csp_violations) -> BrowserContext:
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    context.set_default_timeout(15_000)
    # The network is closed: fail fast on anything outside the live server instead of
    # waiting for a timeout. Tests route the sites they expect (quick exit) themselves.
    # A regular expression (unlike a Python predicate) is matched by the driver, so
    # requests to the live server are not intercepted at all.
    context.route(re.compile(rf"^(?!{re.escape(live_server.url)}/)"), lambda route: route.abort())
    # Chromium logs each violation on the console of the page or frame (H5P's too).
    context.on(
        "console",
        lambda message: (
            csp_violations.append(f"{message.page.url if message.page else '?'}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
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


def submit_login_form(page: Page, *, email: str, password: str) -> None:
    """Fill in and send the login form of the current page."""
    page.get_by_label("E-mail").fill(email)
    page.get_by_label(re.compile(r"^\s*Mot de passe")).fill(password)
    page.get_by_role("main").get_by_role("button", name="Connexion").click()


def submit_totp_code(page: Page, code: str) -> None:
    """Type a code in allauth's second-factor form (after the password, or to enrol)."""
    page.get_by_label(re.compile(r"^\s*Code")).fill(code)
    page.get_by_role("main").locator("button[type=submit]").first.click()


def enter_current_totp_code(page: Page, user) -> None:
    """Answer the second-factor step with the code the person's app shows now."""
    from accounts.tests.factories import totp_code

    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    # A code read in the last seconds of its 30-second window may reach the server in
    # the next one, where it is no longer valid: on a slow machine, wait for a new one.
    left = 30 - time.time() % 30
    if left < 8:
        time.sleep(left + 0.5)
    code = totp_code(user)
    # allauth refuses a code already used in its 30-second window (a replay). A test
    # that signs the same person in twice within a window is no replay: forget the use.
    cache.delete(f"allauth.mfa.totp.used?user={user.pk}&code={code}")
    submit_totp_code(page, code)


def log_in(page: Page, *, email: str, password: str) -> None:
    """Sign in through the login page, as a person would, with the second factor if they have one.

    Privileged roles have an authenticator app (their factories create one), so
    their sign-in goes through allauth's code form like anyone's.
    """
    from accounts.mfa import totp_code_now
    from accounts.models import User

    page.goto("/accounts/login/")
    submit_login_form(page, email=email, password=password)
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and totp_code_now(user) is not None:
        enter_current_totp_code(page, user)
