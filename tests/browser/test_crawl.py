"""Every page each demo role reaches works for the person using it (issue 20, "Done when").

The demo data of `make run` is loaded once; a visitor, then each demo role, signs in
and gathers the links of the main menu, the header tools and "Mon espace" (the visitor:
the home page and its footer; the editing roles: the CMS sidebar and one edit form per
page type), then each of those pages' own links one level deep (two from the role's
workspace: the organiser's sessions, the host's offers, Mon unité, the plans). One URL
per URL pattern is visited, sorted, so every run sees the same pages: at 1280×900, then
narrowed to 390×844 (the server's answer is the same; the layout is not). The test fails
on any serious or critical axe violation, any 4xx/5xx answer (page, script, XHR,
image…), any request outside the site, any English word outside proper nouns, any
script error, a workspace missing from the role's menu, or a server time (the
Server-Timing header Django adds, core.middleware) over 500 ms twice in a row, CMS
screens included. What the crawl allows and why: crawl_english.py.

    bash scripts/with-services.sh .venv/bin/pytest -p no:cacheprovider -q -s \
        tests/browser/test_crawl.py

`-s` prints the per-page table. EGIDE_CRAWL_ROLES=visiteur,formatrice crawls those roles
only (the e-mail before the @); EGIDE_CRAWL_FINDINGS=path writes the findings, grouped by
the helper of issue 20 owning each page, as Markdown.
"""

import functools
import os
import re
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.constants import Role

from .conftest import submit_login_form, submit_totp_code
from .crawl_links import kept_path, pattern_and_owner, sidebar_paths, wagtail_page_types
from .crawl_report import failure_message, findings_markdown, table
from .crawl_visit import DESKTOP, Recorder, Visit, visit_path

pytestmark = [
    pytest.mark.browser,
    pytest.mark.long,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VISITOR = "visiteur"
# Where each role works: its menu, header or "Mon espace" must lead there.
WORKSPACES = {
    Role.TRAINER: ["events:organised"],
    Role.HOST: ["placements:host_offers"],
    Role.UNIT_MANAGER: ["assignments:unit"],
    Role.DDFE: ["indicators:dashboard"],
    Role.REGIONAL: ["indicators:dashboard", "indicators:rollup"],
    Role.NATIONAL: ["indicators:dashboard", "indicators:rollup"],
    Role.EDITOR: ["wagtailadmin_home"],
    Role.ADMIN: ["wagtailadmin_home"],
}


def _role_pages(role) -> list[str]:
    """Pages a role reaches from a page another role visited first (the crawl visits a
    module page once, as the visitor): the trainer's views of the demo module."""
    if role != Role.TRAINER:
        return []
    from courses.models import ModulePage
    from demo.loaders.courses import MODULE_SLUG

    module = ModulePage.objects.get(slug=MODULE_SLUG)
    return [
        reverse("courses:module_learners", args=[module.pk]),
        reverse("courses:module_activity_results", args=[module.pk]),
    ]


@pytest.fixture
def demo_world(settings):
    """`make run`'s data: the shipped plans, then the demo, with the published logins."""
    from demo.loaders import accounts as accounts_demo

    devnull = open(os.devnull, "w")
    call_command("load_plans", stdout=devnull)
    call_command("load_demo", "--force", stdout=devnull)
    # --force (not a development database) leaves the demo accounts without logins.
    accounts_demo.load(with_logins=True)
    # A code read at the end of its 30-second window stays valid in the next one: ten
    # roles sign in without waiting for a fresh code (conftest.log_in waits).
    settings.MFA_TOTP_TOLERANCE = 1
    return accounts_demo


def sign_in(page, *, email: str, password: str) -> None:
    """The login form, then the second factor from the demo authenticator app."""
    from accounts.mfa import totp_code_now
    from accounts.models import User

    page.goto("/accounts/login/")
    submit_login_form(page, email=email, password=password)
    code = totp_code_now(User.objects.get(email=email))
    if code is not None:
        page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/$"))
        submit_totp_code(page, code)
    page.wait_for_url(re.compile(r"^(?!.*/accounts/(login|2fa)/)"))


class Crawl:
    """Visits, role after role, each URL pattern not visited yet.

    A role's entry points (its menu, header tools and "Mon espace" links) show what that
    role sees, so they are visited for each role that has them, except the pages every
    signed-in person has (the learner's entry points: catalogue, sessions, profile…),
    visited once. Pages one level down, and the CMS screens, are visited once, by the
    first role reaching them.
    """

    def __init__(self, browser, origin: str):
        self.browser = browser
        self.origin = origin
        self.page_types = wagtail_page_types()
        self.seen: set = set()
        self.common: set[str] = set()
        self.visits: list[Visit] = []
        self.sidebar: list[str] = []

    def role(self, name: str, account=None) -> set[str]:
        """Crawl as one role (the visitor without account); return its entry patterns."""
        self.sidebar = []
        context = self.browser.new_context(base_url=self.origin, locale="fr-FR")
        context.set_default_timeout(15_000)
        context.route(re.compile(rf"^(?!{re.escape(self.origin)}/)"), lambda route: route.abort())
        recorder = Recorder(context, self.origin)
        page = context.new_page()
        page.on("pageerror", recorder.page_error)
        try:
            if account:
                sign_in(page, email=account.email, password=account.password)
            start = reverse("core:dashboard") if account else "/"
            visit = functools.partial(self._visit_all, page, recorder, name)
            found = visit([start], scopes=None)
            self._check_workspaces(name, account, start, found)
            role = account and account.role
            workspaces = [reverse(view) for view in WORKSPACES.get(role, [])]
            entries = self._new(name, found + workspaces + _role_pages(role), entry=True)
            # A role's workspace goes one level deeper: the organiser's session leads to
            # its attendance sheet and QR code, a plan to an indicator, an offer to a request.
            deep = [path for path in entries if path in workspaces and path != "/cms/"]
            inner = visit([path for path in entries if path not in deep], scopes=("main",))
            inner += visit(
                self._new(name, visit(deep, scopes=("main",)), entry=False), scopes=("main",)
            )
            # The CMS menu is drawn by script: its entries come from the sidebar's data,
            # and one edit form per page type stands for the page tree.
            cms = self._new(name, self.sidebar, entry=False)
            if cms:
                inner += visit(cms, scopes=("main",)) + _cms_edit_forms()
            visit(self._new(name, inner, entry=False))
        finally:
            context.close()
        return {self._pattern(path) for path in [start, *entries]}

    def _check_workspaces(self, name: str, account, start: str, found: list[str]) -> None:
        """A role's workspace is linked from its menu, header or "Mon espace"."""
        missing = [
            reverse(view)
            for view in WORKSPACES.get(account and account.role, [])
            if reverse(view) not in found
        ]
        if missing:
            problem = Visit(role=name, path=start, pattern="menu", owner="shell", width=DESKTOP)
            problem.status = 200
            problem.other = [f"{path} is in neither the menu nor Mon espace" for path in missing]
            self.visits.append(problem)

    def _pattern(self, path: str) -> str:
        return pattern_and_owner(path, self.page_types)[0]

    def _new(self, role: str, paths, *, entry: bool) -> list[str]:
        """Paths whose pattern was not visited yet (by this role for its entry points)."""
        kept = []
        for path in sorted(set(paths)):
            pattern = self._pattern(path)
            key = (pattern, role) if entry and pattern not in self.common else pattern
            if key not in self.seen:
                self.seen.add(key)
                kept.append(path)
        return kept

    def _visit_all(self, page, recorder, role, paths, *, scopes=()) -> list[str]:
        """Visit each path at each width; return the links found at the first width."""
        found: list[str] = []
        for path in paths:
            pattern, owner = pattern_and_owner(path, self.page_types)
            self.seen |= {pattern, (pattern, role)}
            visits, links = visit_path(
                page,
                recorder,
                collect=scopes != (),
                role=role,
                path=path,
                pattern=pattern,
                owner=owner,
            )
            self.visits += visits
            found += self._links(links, scopes, role)
        return found

    def _links(self, links: dict, scopes, role: str) -> list[str]:
        if not links:
            return []
        chosen = ("menu", "main") + (("footer",) if role == VISITOR else ())
        hrefs = [href for scope in (scopes or chosen) for href in links.get(scope, [])]
        signed_in = role != VISITOR
        sidebar = (
            kept_path(self.origin + p, self.origin, signed_in=True)
            for p in sidebar_paths(links.get("sidebar", ""))
        )
        self.sidebar += [path for path in sidebar if path]
        paths = (kept_path(href, self.origin, signed_in=signed_in) for href in hrefs)
        return [path for path in paths if path]


def _cms_edit_forms() -> list[str]:
    """One edit form per page type, the first in the tree: what an editor opens."""
    from wagtail.models import Page

    first = {}
    for page in Page.objects.filter(depth__gt=1).order_by("path").specific():
        first.setdefault(page._meta.label, page.pk)
    return [f"/cms/pages/{pk}/edit/" for pk in first.values()]


def test_every_page_of_every_demo_role_works(browser, live_server, demo_world):
    started = time.monotonic()
    crawl = Crawl(browser, live_server.url)
    # EGIDE_CRAWL_ROLES=formatrice,ddfe crawls some roles only (the visitor is "visiteur").
    only = set(filter(None, os.environ.get("EGIDE_CRAWL_ROLES", "").split(",")))
    if not only or VISITOR in only:
        crawl.common |= crawl.role(VISITOR)
    for account in demo_world.ACCOUNTS:
        name = account.email.split("@")[0]
        if only and name not in only:
            continue
        account = SimpleNamespace(
            email=account.email, role=account.role, password=demo_world.PASSWORD
        )
        entries = crawl.role(name, account)
        if account.role == Role.LEARNER:
            crawl.common |= entries
    seconds = time.monotonic() - started

    print("\n" + table(crawl.visits) + f"\n{len(crawl.visits)} visits in {seconds:.0f} s")
    findings = os.environ.get("EGIDE_CRAWL_FINDINGS")
    if findings:
        branch = subprocess.run(
            ["git", "branch", "--show-current"], capture_output=True, text=True, check=False
        ).stdout.strip()
        Path(findings).write_text(
            findings_markdown(crawl.visits, branch=branch, seconds=seconds), encoding="utf-8"
        )
    if any(visit.problems() for visit in crawl.visits):
        pytest.fail(failure_message(crawl.visits), pytrace=False)
