"""Content-Security-Policy, Permissions-Policy and the other security headers, on the
pages each role sees; and no page of ours writes script the policy would refuse."""

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from courses import services as courses_services
from courses.h5p import player
from courses.models import LessonPage
from courses.tests import factories as course_factories
from events.tests.factories import SessionFactory, organiser

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)


def directives(response) -> dict[str, list[str]]:
    """The response's Content-Security-Policy as {directive: [sources]}."""
    header = response.headers["Content-Security-Policy"]
    policy = {}
    for part in header.split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


class ScriptAudit(HTMLParser):
    """Collect what a strict policy would refuse: inline scripts without the nonce,
    event handler attributes, javascript: URLs and style attributes."""

    def __init__(self):
        super().__init__()
        self.scripts: list[dict] = []
        self.refused: list[str] = []
        self._inline_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.refused.append(f"<{tag} {name}=…>")
            elif name == "style":
                self.refused.append(f"<{tag} style=…>")
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.refused.append(f"<{tag} {name}=javascript:…>")
        if tag == "script":
            self.scripts.append(attrs)
            # JSON data blocks (Wagtail, allauth) are not run, so the policy ignores them.
            runs = attrs.get("type", "text/javascript") in ("text/javascript", "module", "")
            if "src" not in attrs and runs:
                self._inline_script = attrs
        elif tag == "style":
            self.refused.append("<style>")

    def handle_endtag(self, tag):
        if tag == "script" and self._inline_script is not None:
            if not self._inline_script.get("nonce"):
                self.refused.append("<script> inline sans nonce")
            self._inline_script = None


def audit(response) -> ScriptAudit:
    parser = ScriptAudit()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def h5p_lesson(learner):
    """A lesson with an H5P activity, the learner enrolled."""
    module = course_factories.module(lessons=0)
    package = course_factories.true_false_package()
    lesson = course_factories.lesson(module_page=module, title="Leçon", packages=[package])
    courses_services.enrolment_create(user=learner, module=module)
    return LessonPage.objects.get(pk=lesson.pk)


def nonce_of(policy) -> str:
    return re.fullmatch(r"'nonce-([\w+/=]+)'", policy["script-src"][1]).group(1)


def test_a_learner_page_has_the_strict_policy_with_the_nonce_of_its_scripts(client, learner):
    client.force_login(learner)
    response = client.get(reverse("core:dashboard"))

    assert response.status_code == 200
    policy = directives(response)
    nonce = nonce_of(policy)
    assert policy == {
        "default-src": ["'self'"],
        "script-src": ["'self'", f"'nonce-{nonce}'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        # no upgrade-insecure-requests: production only
    }
    scripts = [s for s in audit(response).scripts if "core/quick-exit.js" in s.get("src", "")]
    assert [s["nonce"] for s in scripts] == [nonce]


def test_a_lesson_with_an_activity_lets_h5p_play_and_nothing_more(client, learner, h5p_lesson):
    client.force_login(learner)
    response = client.get(h5p_lesson.url)

    assert response.status_code == 200
    policy = directives(response)
    nonce = nonce_of(policy)
    # Our files, this response's nonce, and the one script H5P writes in its frame.
    assert policy["script-src"] == ["'self'", f"'nonce-{nonce}'", player.FRAME_INLINE_SCRIPT_HASH]
    # What the content types need: inline styles, data: fonts, blob: sounds.
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["font-src"] == ["'self'", "data:"]
    assert policy["media-src"] == ["'self'", "blob:"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    # The H5P player and the lesson's script carry this response's nonce.
    scripts = [
        s
        for s in audit(response).scripts
        if re.search(r"h5p-standalone/main\.bundle\.js|courses/lesson\.js", s.get("src", ""))
    ]
    assert len(scripts) == 2
    assert {s["nonce"] for s in scripts} == {nonce}


def test_a_lesson_without_activity_keeps_the_strict_policy(client, learner):
    module = course_factories.module(lessons=1)
    courses_services.enrolment_create(user=learner, module=module)
    client.force_login(learner)

    response = client.get(LessonPage.objects.child_of(module).get().url)

    assert response.status_code == 200
    policy = directives(response)
    assert player.FRAME_INLINE_SCRIPT_HASH not in policy["script-src"]
    assert policy["style-src"] == ["'self'"]


def test_the_h5p_player_still_writes_the_frame_script_whose_hash_is_allowed():
    bundle = ROOT / "node_modules" / "h5p-standalone" / "dist" / "frame.bundle.js"
    # In the bundle, as H5P.getHeadTags writes it into each activity's frame.
    assert f"<script>{player.FRAME_INLINE_SCRIPT}<\\/script>" in bundle.read_text(encoding="utf-8")


def test_each_response_has_its_own_nonce(client, learner, h5p_lesson):
    client.force_login(learner)
    first = directives(client.get(h5p_lesson.url))["script-src"]
    second = directives(client.get(h5p_lesson.url))["script-src"]
    assert first != second


def test_the_wagtail_admin_has_its_own_policy(client, editor):
    client.force_login(editor)
    response = client.get("/cms/")

    assert response.status_code == 200
    policy = directives(response)
    # Wagtail's inline scripts need 'unsafe-inline', which a nonce would cancel.
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_h5p_files_are_sandboxed_and_load_nothing_but_media(client, learner, request):
    from courses.h5p.packages import h5p_root

    folder = h5p_root() / "content" / "999001"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "image.svg").write_text("<svg></svg>")
    request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
    client.force_login(learner)

    response = client.get(reverse("courses:h5p_file", args=["content/999001/image.svg"]))

    assert response.status_code == 200
    policy = directives(response)
    assert policy["sandbox"] == []
    assert policy["default-src"] == ["'none'"]
    assert "script-src" not in policy
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_permissions_policy_and_other_headers(client):
    response = client.get(reverse("account_login"))

    permissions = response.headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions
    assert "fullscreen=(self)" in permissions
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_oidc_providers_are_allowed_as_form_targets():
    """The sign-in POST to allauth's provider view is redirected to the provider."""
    from importlib import reload

    from elearning.settings import auth, security

    env = {
        "PROCONNECT_CLIENT_ID": "id",
        "PROCONNECT_CLIENT_SECRET": "secret",
        "PROCONNECT_SERVER_URL": "https://auth.proconnect.gouv.fr/api/v2",
        "CSP_FORM_ACTION": "https://wallet.esw.esante.gouv.fr",
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        reload(auth)
        form_action = reload(security).CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"]
    reload(auth)
    reload(security)

    assert form_action == [
        "'self'",
        "https://auth.proconnect.gouv.fr",
        "https://wallet.esw.esante.gouv.fr",
    ]


def _pages_of_each_role(client, learner, h5p_lesson):
    """Yield (who, url) for the main pages each role sees, signing in as needed."""
    for url in [
        "/",
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
        reverse("courses:catalogue"),
        reverse("events:list"),
        reverse("placements:catalogue"),
        reverse("certificates:verify_form"),
        reverse("core:accessibility"),
    ]:
        yield "anonyme", url

    client.force_login(learner)
    for url in [
        reverse("core:dashboard"),
        reverse("accounts:profile"),
        reverse("courses:my_trainings"),
        h5p_lesson.get_parent().url,
        h5p_lesson.url,
        reverse("certificates:mine"),
        reverse("events:mine"),
        reverse("events:calendar"),
        reverse("placements:mine"),
        reverse("account_email"),
        reverse("account_change_password"),
    ]:
        yield "apprenant·e", url

    trainer = organiser()
    session = SessionFactory(event__organisers=[trainer])
    client.force_login(trainer)
    for url in [
        reverse("events:organised"),
        reverse("events:event_create"),
        reverse("events:manage", args=[session.pk]),
        reverse("events:qr", args=[session.pk]),
        reverse("events:attendance", args=[session.pk]),
    ]:
        yield "organisateur·rice", url

    client.force_login(UserFactory(role=Role.DDFE, profession="agent_collectivite"))
    yield "DDFE", reverse("indicators:dashboard")

    client.force_login(UserFactory(role=Role.UNIT_MANAGER, profession="agent_collectivite"))
    yield "responsable d'unité", reverse("assignments:unit")


def test_no_page_writes_script_or_style_the_policy_refuses(client, learner, h5p_lesson):
    refused = {}
    for who, url in _pages_of_each_role(client, learner, h5p_lesson):
        response = client.get(url, follow=True)
        assert response.status_code == 200, (who, url, response.status_code)
        assert "'unsafe-inline'" not in directives(response)["script-src"]
        if found := audit(response).refused:
            refused[f"{who} {url}"] = found
    assert refused == {}


def test_no_project_template_has_inline_script_or_handler():
    """Templates not rendered above (emails, rare states) are read as text."""
    pattern = re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>"
        r"|\son[a-z]+\s*=|javascript:|\sstyle\s*=|<style\b",
        re.IGNORECASE,
    )
    offenders = []
    for template in ROOT.glob("*/templates/**/*.html"):
        # PDFs are printed by WeasyPrint, never shown under the policy.
        if template.name.endswith("_pdf.html") or "/templates/email" in str(template):
            continue
        for match in pattern.finditer(template.read_text(encoding="utf-8")):
            offenders.append(f"{template.relative_to(ROOT)}: {match.group(0).strip()}")
    assert offenders == []


def test_production_settings_send_the_strict_policy():
    """The production settings (as `make serve` runs them) keep the middleware and the
    strict policy, and add upgrade-insecure-requests. In a child process: prod.py
    changes the shared policy dictionaries in place."""
    import json
    import os
    import subprocess
    import sys

    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'middleware': s.MIDDLEWARE, "
        "'directives': s.CONTENT_SECURITY_POLICY['DIRECTIVES'], "
        "'permissions': bool(s.PERMISSIONS_POLICY)}, default=str))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "elearning.settings.prod",
        "SECRET_KEY": "production-like-" + "x" * 60,
        "ALLOWED_HOSTS": "egide.example.gouv.fr",
        "SITE_URL": "https://egide.example.gouv.fr",
    }
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    prod = json.loads(out.strip().splitlines()[-1])

    assert "core.security_headers.ContentSecurityPolicyMiddleware" in prod["middleware"]
    assert "core.security_headers.PermissionsPolicyMiddleware" in prod["middleware"]
    directives = prod["directives"]
    assert directives["upgrade-insecure-requests"] is True
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert prod["permissions"]
