"""Two web nodes and two Celery workers on one PostgreSQL, one Redis and one storage.

The module starts, once and in parallel, two gunicorn instances (one worker, four
threads each) on two loopback ports and two Celery workers, all with the production
settings (tests/integration/multinode_settings.py says why not exactly prod) on the
test database. The test process plays the people (HTTP sessions of `requests`, which
send the same cookies to both nodes as a browser behind a load balancer would: the
administrator publishing in the CMS, learners, the people registering) and writes
the starting data as a third node would. Nothing is mocked: what one node or worker
writes, the others read through PostgreSQL, Redis or the shared storage.

Storage: local folders shared by path (MEDIA_ROOT, PRIVATE_MEDIA_ROOT); when the
S3 test server runs (EGIDE_TEST_S3_URL) and the settings know object storage
(elearning/settings/storage.py, django-storages and boto3 installed), two fresh
buckets instead, given to every process through the AWS_* variables.
"""

import html.parser
import http.cookiejar
import importlib.util
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.sessions.backends.db import SessionStore
from django.test import override_settings
from django.urls import reverse

from accounts.constants import Role
from accounts.tests.factories import PASSWORD, UserFactory, totp_code
from certificates.constants import RenderStatus
from certificates.models import Attestation
from core import page_cache
from courses import services as course_services
from courses.models import LessonPage, ModulePage
from courses.tests import factories as course_factories
from events.constants import Status
from events.models import Registration
from events.tests.factories import SessionFactory

from .conftest import ROOT, _database_url, _record_pid, stop_worker, wait_for, worker_log

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SETTINGS_MODULE = "tests.integration.multinode_settings"
# One key for every node and worker, as in production: sessions, CSRF tokens and
# signed values made by one are read by the others.
NODE_SECRET_KEY = "multinode-" + secrets.token_urlsafe(48)
# Under a minute on a quiet machine; generous for a loaded one (CI, other suites).
STARTUP_SECONDS = 120
PEOPLE = 30
SEATS = 10
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _shared_caches() -> dict:
    """The nodes' cache (settings.base with REDIS_URL), for the test process to join.

    The test settings keep a per-process cache so unit tests stay isolated; here the
    test process creates pages (the factories publish them) as a third node would, so
    their signals must bump the page cache's version where the nodes read it.
    """
    return {
        "default": {
            "BACKEND": "core.cache.ReusedClientRedisCache",
            "LOCATION": settings.TEST_REDIS_URL,
            "KEY_PREFIX": "egide",
        },
        "local": settings.CACHES["local"],
    }


def _object_storage_env() -> dict | None:
    """AWS_* variables for two fresh buckets on the S3 test server, or None when
    the test server, the libraries or the settings for object storage are missing."""
    endpoint = os.environ.get("EGIDE_TEST_S3_URL")
    needed = ("storages", "boto3", "elearning.settings.storage")
    if not endpoint or not all(importlib.util.find_spec(name) for name in needed):
        return None
    import boto3

    region = "eu-west-3"
    suffix = uuid.uuid4().hex[:12]
    env = {
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_ACCESS_KEY_ID": "egide-test",
        "AWS_SECRET_ACCESS_KEY": "egide-test-secret",
        "AWS_S3_REGION_NAME": region,
        "AWS_STORAGE_BUCKET_NAME": f"egide-multinode-public-{suffix}",
        "AWS_PRIVATE_BUCKET_NAME": f"egide-multinode-private-{suffix}",
    }
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
        region_name=region,
    )
    for bucket in (env["AWS_STORAGE_BUCKET_NAME"], env["AWS_PRIVATE_BUCKET_NAME"]):
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region}
        )
    return env


def _spawn(command: list[str], env: dict, name: str) -> subprocess.Popen:
    """Start a process whose output is read as it comes (a full pipe would block it);
    its pid is recorded so scripts/services.sh stops it if the run is interrupted."""
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    _record_pid(process)
    process.name = name
    process.log_lines = []

    def read_log():
        for line in process.stdout:
            process.log_lines.append(line)

    process.log_reader = threading.Thread(target=read_log, daemon=True)
    process.log_reader.start()
    return process


class Node:
    def __init__(self, name: str, port: int, process: subprocess.Popen):
        self.name = name
        self.port = port
        self.process = process
        self.base_url = f"http://127.0.0.1:{port}"

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def __repr__(self):
        return f"Node({self.name}, {self.base_url})"


class Cluster:
    def __init__(self, nodes: list[Node], workers: list[subprocess.Popen], storage_env):
        self.a, self.b = nodes
        self.nodes = nodes
        self.workers = workers
        self.storage_env = storage_env
        self.storage = "object storage" if storage_env else "shared folders"

    def private_objects(self) -> set[str]:
        """The keys in the private bucket (object storage only)."""
        import boto3

        env = self.storage_env
        client = boto3.client(
            "s3",
            endpoint_url=env["AWS_S3_ENDPOINT_URL"],
            aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
            region_name=env["AWS_S3_REGION_NAME"],
        )
        listing = client.list_objects_v2(Bucket=env["AWS_PRIVATE_BUCKET_NAME"])
        return {item["Key"] for item in listing.get("Contents", [])}

    def logs(self) -> str:
        parts = []
        for process in [node.process for node in self.nodes] + self.workers:
            parts.append(f"--- {process.name} ---\n{worker_log(process)[-4000:]}")
        return "\n".join(parts)


def _wait_until_up(nodes: list[Node], workers: list[subprocess.Popen], hostnames: list[str]):
    from elearning.celery import app

    deadline = time.monotonic() + STARTUP_SECONDS
    waiting_nodes = list(nodes)
    waiting_workers = list(hostnames)
    while time.monotonic() < deadline and (waiting_nodes or waiting_workers):
        for process in [node.process for node in nodes] + workers:
            if process.poll() is not None:
                process.log_reader.join(5)
                pytest.fail(f"{process.name} exited early:\n{worker_log(process)}")
        for node in list(waiting_nodes):
            try:
                # Any answer will do (/healthz says 503 until a worker answers): the
                # node has loaded Django and listens.
                requests.get(node.url("/healthz"), timeout=STARTUP_SECONDS)
            except requests.ConnectionError:
                continue
            waiting_nodes.remove(node)
        if waiting_workers:
            answers = app.control.ping(destination=waiting_workers, timeout=0.5)
            for answer in answers:
                for hostname in answer:
                    if hostname in waiting_workers:
                        waiting_workers.remove(hostname)
        time.sleep(0.2)
    if waiting_nodes or waiting_workers:
        pytest.fail(f"not up within {STARTUP_SECONDS} s: {waiting_nodes} {waiting_workers}")


@pytest.fixture(scope="module")
def cluster(django_db_setup, django_db_blocker):
    """Two gunicorn nodes and two Celery workers, started in parallel, stopped after
    the module's tests (on failure too)."""
    from elearning.celery import app

    assert app.conf.broker_url == settings.TEST_REDIS_URL
    with django_db_blocker.unblock():
        database_url = _database_url()
    email_dir = tempfile.mkdtemp(prefix="egide-multinode-mail-")
    storage_env = _object_storage_env()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "SECRET_KEY": NODE_SECRET_KEY,
        "DATABASE_URL": database_url,
        "REDIS_URL": settings.TEST_REDIS_URL,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": email_dir,
        "DB_CONN_MAX_AGE": "0",
        # One storage for everyone: the test process's folders, shared by path…
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        # … or, when the S3 test server is there, the same two buckets.
        **(storage_env or {}),
        # Both nodes run the same release, as a deployment does (settings.base).
        "RELEASE": f"multinode-{os.getpid()}",
    }
    env.pop("SITE_URL", None)
    processes: list[subprocess.Popen] = []
    try:
        nodes = []
        for name in ("A", "B"):
            port = _free_port()
            command = [
                str(BIN / "gunicorn"),
                "elearning.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--log-level",
                "warning",
            ]
            process = _spawn(command, env, f"node {name}")
            processes.append(process)
            nodes.append(Node(name, port, process))
        workers, hostnames = [], []
        for name in ("one", "two"):
            hostname = f"egide-multinode-{name}-{os.getpid()}@localhost"
            command = [
                str(BIN / "celery"),
                "-A",
                "elearning",
                "worker",
                "--pool",
                "solo",
                "--loglevel",
                "INFO",
                "--hostname",
                hostname,
                "--without-gossip",
                "--without-mingle",
            ]
            process = _spawn(command, env, f"worker {name}")
            process.hostname = hostname
            processes.append(process)
            workers.append(process)
            hostnames.append(hostname)
        started = time.monotonic()
        _wait_until_up(nodes, workers, hostnames)
        print(f"two nodes and two workers up in {time.monotonic() - started:.1f} s")
        app.conf.task_always_eager = False  # the test process queues to Redis too
        yield Cluster(nodes, workers, storage_env)
    finally:
        app.conf.task_always_eager = True
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            output = stop_worker(process)
            if os.environ.get("EGIDE_SHOW_WORKER_LOG"):
                print(f"--- {process.name} ---\n{output}")


@pytest.fixture
def shared_cache(cluster):
    """The test process on the nodes' Redis cache; the page cache starts a new version
    (the database was flushed since the previous test, Redis was not)."""
    with override_settings(CACHES=_shared_caches()):
        page_cache.clear_local()
        page_cache.bump()
        yield
        page_cache.clear_local()
    page_cache.clear_local()


class SecureCookiesOverHttp(http.cookiejar.DefaultCookiePolicy):
    """Send `Secure` cookies to the plain-HTTP nodes.

    In production the browser speaks HTTPS to the load balancer, which speaks HTTP to
    the nodes; here the client talks to the nodes directly, so it keeps and sends the
    production settings' Secure session and CSRF cookies as that browser would.
    """

    def return_ok_secure(self, cookie, request):
        return True


class Browser(requests.Session):
    """One person's browser: one cookie jar for both nodes (cookies do not depend on
    the port), as behind a load balancer."""

    def __init__(self):
        super().__init__()
        self.cookies.set_policy(SecureCookiesOverHttp())
        self.headers["Accept"] = "text/html"

    def prepare_request(self, request):
        # requests copies the jar into a new one with the default policy, which holds
        # back Secure cookies over http: the Cookie header is made from the jar itself.
        prepared = super().prepare_request(request)
        prepared.headers.pop("Cookie", None)
        prepared.prepare_cookies(self.cookies)
        return prepared


def browser() -> Browser:
    return Browser()


def said(html: str) -> list[str]:
    """The messages and form errors a page shows (for failure reports)."""
    pattern = r'class="fr-(?:alert|error-text|message--error)[^"]*"[^>]*>\s*(?:<p>)?([^<]+)'
    return re.findall(pattern, html)


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_token(session: requests.Session, node: Node, path: str) -> str:
    response = session.get(node.url(path), timeout=30)
    assert response.status_code == 200, (node, path, response.status_code)
    match = CSRF_INPUT.search(response.text)
    assert match, f"no CSRF token in {path} on {node}"
    return match.group(1)


def post(session: requests.Session, node: Node, path: str, data: dict, **kwargs):
    # Browsers send Origin with every POST; Django checks it against the host.
    headers = {"Origin": node.base_url}
    return session.post(node.url(path), data=data, headers=headers, timeout=60, **kwargs)


def login(session: requests.Session, node: Node, email: str) -> requests.Response:
    """Sign in through the real login form (allauth's fields) on `node`."""
    path = reverse("account_login")
    token = csrf_token(session, node, path)
    return post(
        session,
        node,
        path,
        {"csrfmiddlewaretoken": token, "login": email, "password": PASSWORD},
        allow_redirects=False,
    )


def production_password(user) -> None:
    """Give `user` PASSWORD hashed as production does: the test settings' fast
    MD5 hasher is unknown to the nodes, which run the production hashers."""
    hasher = PBKDF2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save(update_fields=["password"])


def signed_in(user) -> requests.Session:
    """A browser holding a session created in the database for `user`.

    Used for the 30 people registering at once: signing 30 people in through the form
    within a minute trips the login rate limit (30/min per address, in Redis, so shared
    by the nodes: everyone here comes from 127.0.0.1). The session is what
    django.contrib.auth.login stores, signed with the nodes' key.
    """
    with override_settings(SECRET_KEY=NODE_SECRET_KEY):
        store = SessionStore()
        store["_auth_user_id"] = str(user.pk)
        store["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        store["_auth_user_hash"] = user.get_session_auth_hash()
        store.create()
    session = browser()
    session.cookies.set(settings.SESSION_COOKIE_NAME, store.session_key, domain="127.0.0.1")
    return session


class FormFields(html.parser.HTMLParser):
    """The fields a browser would submit from the form `form_id`: what the CMS
    page editor sends when nothing is changed (inputs, checked boxes, selected
    options, text areas; not the buttons)."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self._select: tuple[str, bool] | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside or attrs.get("disabled") is not None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = (name, "multiple" in attrs)
            self._first_option = None
            self._selected = False
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            if self._first_option is None:
                self._first_option = value
            if "selected" in attrs:
                self.fields.append((self._select[0], value))
                self._selected = True
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select:
            name, multiple = self._select
            if not multiple and not self._selected and self._first_option is not None:
                self.fields.append((name, self._first_option))  # a browser sends the first
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # A browser drops the newline that follows <textarea>.
            self.fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None


def form_fields(html_text: str, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(html_text)
    assert parser.fields, f"no form #{form_id} in the page"
    return parser.fields


def editor_signed_in(cluster) -> Browser:
    """An administrator (the role that publishes; editors submit drafts for review)
    signed in on node A as they are: password, then the code of their authenticator
    app (the role requires a second factor)."""
    # The secret of the authenticator is encrypted with a key derived from the nodes'
    # SECRET_KEY (accounts.adapters): made and read here with that key.
    with override_settings(SECRET_KEY=NODE_SECRET_KEY):
        editor = UserFactory(role=Role.ADMIN)
    production_password(editor)
    person = browser()
    answer = login(person, cluster.a, editor.email)
    assert answer.status_code == 302, said(answer.text)
    assert answer.headers["Location"] == reverse("mfa_authenticate")
    token = csrf_token(person, cluster.a, reverse("mfa_authenticate"))
    with override_settings(SECRET_KEY=NODE_SECRET_KEY):
        code = totp_code(editor)
    answer = post(
        person,
        cluster.a,
        reverse("mfa_authenticate"),
        {"csrfmiddlewaretoken": token, "code": code},
        allow_redirects=False,
    )
    assert answer.status_code == 302, said(answer.text)
    return person


def publish_in_cms(cluster, person: Browser, page, **changes) -> None:
    """Change fields of `page` in the CMS editor of node A and press "Publish"."""
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = person.get(cluster.a.url(edit), timeout=60)
    assert form.status_code == 200, (form.status_code, said(form.text))
    fields = [(name, value) for name, value in form_fields(form.text, "page-edit-form")]
    fields = [(name, value) for name, value in fields if name not in changes]
    fields += list(changes.items()) + [("action-publish", "action-publish")]
    answer = person.post(
        cluster.a.url(edit),
        data=fields,
        headers={"Origin": cluster.a.base_url},
        timeout=60,
        allow_redirects=False,
    )
    assert answer.status_code == 302, (answer.status_code, said(answer.text))


# --- 1. Pages ------------------------------------------------------------------


def test_a_page_published_by_the_editor_is_served_fresh_by_the_other_node(cluster, shared_cache):
    module = course_factories.module(title="Le continuum des violences", lessons=1)
    module.summary = "Première version du résumé."
    module.save_revision().publish()
    visitor_a, visitor_b = browser(), browser()
    url = module.url
    editor = editor_signed_in(cluster)

    page = visitor_b.get(cluster.b.url(url), timeout=30)
    assert page.status_code == 200, cluster.logs()
    assert "Première version du résumé." in page.text

    # Proof that node B serves the page from the page cache, and that the cache is
    # shared: the database is changed behind Django's back (no signal, no bump).
    # Node B goes on serving what it cached, and node A, which never rendered the
    # page, serves the same copy from Redis.
    ModulePage.objects.filter(pk=module.pk).update(summary="Changé sans passer par le CMS.")
    for node, visitor in ((cluster.b, visitor_b), (cluster.a, visitor_a)):
        page = visitor.get(node.url(url), timeout=30)
        assert page.status_code == 200
        assert "Première version du résumé." in page.text, f"{node} did not use the cache"
        assert "Changé sans passer" not in page.text

    # The editor publishes the page in the CMS of node A.
    publish_in_cms(cluster, editor, module, summary="Deuxième version, publiée.")

    for node, visitor in ((cluster.b, visitor_b), (cluster.a, visitor_a)):
        page = visitor.get(node.url(url), timeout=30)
        assert page.status_code == 200
        assert "Deuxième version, publiée." in page.text, f"{node} served a stale page"
        assert "Première version" not in page.text


# --- 2. Sessions ---------------------------------------------------------------


def test_a_session_opened_on_one_node_works_on_the_other(cluster, shared_cache):
    user = UserFactory(first_name="Anaïs", last_name="Multinœud")
    production_password(user)
    person = browser()
    dashboard = reverse("core:dashboard")

    answer = login(person, cluster.a, user.email)
    assert answer.status_code == 302, said(answer.text)
    assert answer.headers["Location"] == dashboard

    for node in (cluster.b, cluster.a):
        page = person.get(node.url(dashboard), timeout=30, allow_redirects=False)
        assert page.status_code == 200, (node, page.status_code, page.headers.get("Location"))
        assert "Anaïs" in page.text

    # And signing out on B ends the session on A too.
    token = csrf_token(person, cluster.b, dashboard)
    post(person, cluster.b, reverse("account_logout"), {"csrfmiddlewaretoken": token})
    page = person.get(cluster.a.url(dashboard), timeout=30, allow_redirects=False)
    assert page.status_code == 302
    assert page.headers["Location"].startswith(reverse("account_login"))


# --- 3. Seats --------------------------------------------------------------------


def test_thirty_registrations_over_both_nodes_fill_exactly_ten_seats(cluster, shared_cache):
    session = SessionFactory(capacity=SEATS)
    people = [UserFactory() for _ in range(PEOPLE)]
    detail = reverse("events:detail", args=[session.pk])
    register = reverse("events:register", args=[session.pk])
    # Each person reads the page (and its CSRF token) on one node and registers on the
    # other: half the registrations go to A, half to B.
    plans = []
    for index, person in enumerate(people):
        browser_ = signed_in(person)
        reader, writer = (cluster.a, cluster.b) if index % 2 else (cluster.b, cluster.a)
        plans.append((browser_, writer, csrf_token(browser_, reader, detail)))
    barrier = threading.Barrier(PEOPLE)

    def send(plan):
        browser_, writer, token = plan
        barrier.wait(timeout=30)
        return writer, post(browser_, writer, register, {"csrfmiddlewaretoken": token})

    with ThreadPoolExecutor(max_workers=PEOPLE) as pool:
        answers = list(pool.map(send, plans))

    assert [answer.status_code for _node, answer in answers] == [200] * PEOPLE
    seated = [(n, a) for n, a in answers if "Votre inscription est enregistrée" in a.text]
    waiting = [(n, a) for n, a in answers if "La session est complète" in a.text]
    assert len(seated) == SEATS
    assert len(waiting) == PEOPLE - SEATS
    assert {node.name for node, _answer in answers} == {"A", "B"}
    for node in cluster.nodes:
        given = sum(1 for n, _a in seated if n is node)
        print(f"node {node.name}: {PEOPLE // 2} registrations, {given} seats given")

    statuses = list(Registration.objects.filter(session=session).values_list("status", flat=True))
    assert len(statuses) == PEOPLE
    assert statuses.count(Status.REGISTERED) == SEATS
    assert statuses.count(Status.WAITLISTED) == PEOPLE - SEATS


# --- 4. Attestations ---------------------------------------------------------------


def test_an_attestation_rendered_by_one_worker_downloads_from_both_nodes(cluster, shared_cache):
    module = course_factories.module(title="Repérer les violences", lessons=1)
    lesson = LessonPage.objects.child_of(module).get()
    user = UserFactory(first_name="Inès")
    production_password(user)
    course_services.enrolment_create(user=user, module=module)
    person = browser()
    assert login(person, cluster.b, user.email).status_code == 302

    # The lesson finished on node A completes the module: the certificates service
    # issues the attestation and queues its PDF on commit, from node A's process.
    token = csrf_token(person, cluster.a, lesson.url)
    done = post(
        person,
        cluster.a,
        reverse("courses:lesson_complete", args=[lesson.pk]),
        {"csrfmiddlewaretoken": token},
    )
    assert done.status_code == 200
    attestation = wait_for(lambda: Attestation.objects.filter(user=user).first(), timeout=10)

    def rendered():
        attestation.refresh_from_db()
        return attestation.render_status == RenderStatus.READY

    wait_for(rendered, timeout=60, interval=0.2)

    renderers = [
        worker
        for worker in cluster.workers
        if any("attestation_render" in line and "succeeded" in line for line in worker.log_lines)
    ]
    assert len(renderers) == 1, cluster.logs()
    print(f"attestation {attestation.code} rendered by {renderers[0].name} ({cluster.storage})")
    if cluster.storage_env:
        # Written by the worker into the bucket, not onto a disk the nodes happen to share.
        assert attestation.pdf.name in cluster.private_objects()

    download = reverse("certificates:download", args=[attestation.code])
    for node in (cluster.b, cluster.a):
        response = person.get(node.url(download), timeout=30)
        assert response.status_code == 200, (node, response.status_code)
        assert response.content.startswith(b"%PDF"), node
