"""One visit of the crawl: a page opened at one width, and what a person would trip on
there (axe violations, error answers, English, slow server, script errors)."""

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page

from .crawl_english import allowed_violation, english_strings

BLOCKING_IMPACTS = {"serious", "critical"}
SERVER_TIME_BUDGET_MS = 500


DESKTOP, PHONE = 1280, 390
WIDTHS = {DESKTOP: 900, PHONE: 844}

_AXE_SCRIPT = Axe().axe_script
# Axe answers violations only (passes and incomplete results cost time), and each
# node's place: in the shared layout (header, footer) or in the page's own content.
_AXE_RUN = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => {
        const el = typeof n.target[0] === "string" ? document.querySelector(n.target[0]) : null;
        const layout = !!(el && el.closest("header, footer, .fr-skiplinks, .egide-quick-exit"));
        return {target: n.target.join(" "), html: n.html.slice(0, 160), layout};
      }),
    }));
}"""
_NEXT_FRAME = (
    "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
)
# The server's own time (core.middleware.ServerTimingMiddleware's header), else the
# browser's wait for the first byte (which also counts a busy machine's queueing).
_NAVIGATION_MS = """() => {
  const entry = performance.getEntriesByType("navigation")[0];
  if (!entry) return null;
  const app = (entry.serverTiming || []).find((timing) => timing.name === "app");
  return Math.round(app ? app.duration : entry.responseStart - entry.requestStart);
}"""
# What a person reads or hears: the rendered text, the title, and the names given to
# controls and images (read aloud, shown as tooltips or placeholders).
_TEXT = """() => {
  // Code samples (the API guide's curl and JSON) are not prose: their English keys stay.
  let body = document.body ? document.body.innerText : "";
  for (const sample of document.querySelectorAll("pre, code")) {
    if (sample.innerText) body = body.split(sample.innerText).join(" ");
  }
  const parts = [document.title, body];
  const named = "[aria-label], [title], [placeholder], img[alt], input[type=submit], "
    + "input[type=button]";
  for (const el of document.querySelectorAll(named)) {
    if (el.closest("[hidden], template")) continue;
    for (const name of ["aria-label", "title", "placeholder", "alt"]) {
      if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
    }
    if (el.type === "submit" || el.type === "button") parts.push(el.value || "");
  }
  return parts.join("\\n");
}"""
_LINKS = """(scopes) => {
  const found = {};
  for (const [name, selector] of Object.entries(scopes)) {
    found[name] = [...document.querySelectorAll(selector)]
      .filter((a) => !a.hasAttribute("download"))
      .map((a) => a.href);
  }
  const props = document.querySelector("#wagtail-sidebar-props");
  found.sidebar = props ? props.textContent : "";
  return found;
}"""
LINK_SCOPES = {
    "menu": "#navigation-principale a[href], .fr-header__tools a[href]",
    "main": "main a[href], [role=main] a[href]",
    "footer": "footer a[href]",
}


@dataclass
class Visit:
    role: str
    path: str
    pattern: str
    owner: str
    width: int
    status: int | None = None
    final_path: str = ""
    ms: int | None = None
    violations: list[dict] = field(default_factory=list)
    english: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)
    note: str = ""
    # The server times of this page at every width, set on the first width's visit when
    # all are over the budget (one slow answer on a busy machine is not a slow page).
    slow_ms: list[int] = field(default_factory=list)
    other: list[str] = field(default_factory=list)
    # Where the test's time goes: navigation (load event) and checks, in seconds.
    load_s: float = 0.0
    check_s: float = 0.0

    @property
    def download(self) -> bool:
        """A link to a file (Chromium downloads it): not a page, nothing to check."""
        return self.note.startswith("Page.goto: Download is starting")

    def problems(self) -> list[str]:
        """Everything that fails the crawl on this visit, one line each."""
        found = []
        if self.download:
            return found
        if self.status is None or self.status >= 400:
            found.append(f"status {self.status} {self.note}".strip())
        login = "/accounts/login/"
        if self.final_path.startswith(login) and not self.path.startswith(login):
            found.append(f"redirected to the login page ({self.final_path})")
        found += [f"response {line}" for line in self.bad_responses]
        if self.slow_ms:
            times = " and ".join(f"{ms} ms" for ms in self.slow_ms)
            found.append(f"server time {times} > {SERVER_TIME_BUDGET_MS} ms")
        for violation in self.violations:
            if allowed_violation(self.path, violation):
                continue
            where = "layout" if all(n["layout"] for n in violation["nodes"]) else "page"
            targets = "; ".join(n["target"] for n in violation["nodes"][:4])
            more = len(violation["nodes"]) - 4
            targets += f" (+{more} more)" if more > 0 else ""
            found.append(
                f"axe {violation['id']} ({violation['impact']}, {where}): "
                f"{violation['help']} — {targets}"
            )
        found += [f"English {line}" for line in self.english]
        found += [f"script {line}" for line in self.script_errors]
        return found + self.other


class Recorder:
    """Listens to a context: error answers, blocked requests and script errors are
    charged to the visit in progress."""

    def __init__(self, context: BrowserContext, origin: str):
        self.origin = origin
        self.current: Visit | None = None
        context.on("response", self._response)
        context.on("requestfailed", self._failed)
        context.on("console", self._console)

    def _response(self, response) -> None:
        if self.current is not None and response.status >= 400:
            what = response.request.resource_type
            path = response.url.removeprefix(self.origin)
            self.current.bad_responses.append(f"{response.status} {what} {path}")

    def _failed(self, request) -> None:
        # The test's route aborts anything outside the live server: a page that asks
        # for an outside address (avatars, fonts, analytics) leaks its visitors.
        if self.current is not None and not request.url.startswith(self.origin):
            host = urlsplit(request.url).netloc
            self.current.bad_responses.append(f"external request to {host} ({request.url[:80]})")

    def _console(self, message) -> None:
        # Chromium also logs each error answer, already charged by _response.
        if message.text.startswith("Failed to load resource"):
            return
        if self.current is not None and (
            message.type == "error" or "Content Security Policy" in message.text
        ):
            self.current.script_errors.append(f"console: {message.text[:200]}")

    def page_error(self, error) -> None:
        if self.current is not None:
            self.current.script_errors.append(f"page error: {str(error)[:200]}")


def visit_path(
    page: Page, recorder: Recorder, *, collect: bool, **where
) -> tuple[list[Visit], dict]:
    """Open a page at desktop width, then narrow the window to a phone's: one visit per
    width (the server's answer does not depend on the width; the layout does, and DSFR
    follows the window's size). Return the visits and the links found, by scope."""
    desktop = Visit(width=DESKTOP, **where)
    page.set_viewport_size({"width": DESKTOP, "height": WIDTHS[DESKTOP]})
    started = time.monotonic()
    if not _navigate(page, recorder, desktop, page.goto):
        return [desktop], {}
    budget = SERVER_TIME_BUDGET_MS
    if desktop.ms is not None and desktop.ms > budget:
        # One slow answer on a busy machine is not a slow page: ask once more.
        first = desktop.ms
        _navigate(page, recorder, desktop, lambda _path, **kwargs: page.reload(**kwargs))
        if desktop.ms is not None and desktop.ms > budget:
            desktop.slow_ms = [first, desktop.ms]
    desktop.load_s = time.monotonic() - started
    _check(page, recorder, desktop)
    links = page.evaluate(_LINKS, LINK_SCOPES) if collect else {}
    phone = Visit(width=PHONE, status=desktop.status, final_path=desktop.final_path, **where)
    recorder.current = phone
    page.set_viewport_size({"width": PHONE, "height": WIDTHS[PHONE]})
    page.evaluate(_NEXT_FRAME)
    _check(page, recorder, phone)
    return [desktop, phone], links


def _navigate(page: Page, recorder: Recorder, visit: Visit, go) -> bool:
    """Load the page (go: goto or reload); False when there is no page to check."""
    recorder.current = visit
    try:
        response = go(visit.path, wait_until="load")
    except Exception as error:  # a download, a timeout: said, not raised, so all are listed
        visit.note = str(error).splitlines()[0][:160]
        return False
    visit.status = response.status if response else None
    visit.final_path = page.url.removeprefix(recorder.origin)
    # The document's own answer is the visit's status, not a second line.
    own = {f"{visit.status} document {visit.path}", f"{visit.status} document {visit.final_path}"}
    visit.bad_responses = sorted(set(visit.bad_responses) - own)
    content_type = (response.headers.get("content-type", "") if response else "").lower()
    if "text/html" not in content_type:
        visit.note = f"not a page ({content_type})"
        return False
    visit.ms = page.evaluate(_NAVIGATION_MS)
    return True


def _check(page: Page, recorder: Recorder, visit: Visit) -> None:
    """Run axe and look for English on the page as it is now."""
    started = time.monotonic()
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_AXE_SCRIPT)
    visit.violations = page.evaluate(_AXE_RUN)
    visit.english = english_strings(page.evaluate(_TEXT), visit.path)
    visit.check_s = time.monotonic() - started
