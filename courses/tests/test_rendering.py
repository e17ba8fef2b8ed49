"""The lesson's main column is rendered once and shared: each learner's own parts
(CSRF token above all) are put in per request and never cached."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import UserFactory
from courses import rendering, services

from . import factories

pytestmark = pytest.mark.django_db

TOKEN_FIELD = 'name="csrfmiddlewaretoken" value="'


def _token(html: str) -> str:
    return html.split(TOKEN_FIELD, 1)[1].split('"', 1)[0]


def test_two_learners_share_one_rendering_and_never_each_others_token(monkeypatch):
    module = factories.module(lessons=2)
    lesson = module.get_children().live().order_by("path").first().specific
    people = [UserFactory(), UserFactory()]
    for person in people:
        services.enrolment_create(user=person, module=module)
    shared = []

    def counting(**kwargs):
        html = original(**kwargs)
        shared.append(html)
        return html

    original = rendering.shared_lesson_content
    monkeypatch.setattr(rendering, "shared_lesson_content", counting)

    clients, pages = [], []
    for person in people:
        client = Client(enforce_csrf_checks=True)
        client.force_login(person)
        clients.append(client)
        pages.append(client.get(lesson.url).content.decode())

    # Rendered for the first learner, read from the cache for the second.
    assert len(shared) == 1
    # The shared copy holds the marker, no token nor anything of the first learner.
    assert f"{TOKEN_FIELD}<!--egide-csrf-->" in shared[0]
    assert people[0].email not in shared[0]
    first, second = (_token(page) for page in pages)
    assert first != second and first not in pages[1] and second not in pages[0]

    url = reverse("courses:lesson_complete", args=[lesson.pk])
    # Each token is its own session's: the other learner's is refused.
    assert clients[1].post(url, {"csrfmiddlewaretoken": first}).status_code == 403
    assert clients[1].post(url, {"csrfmiddlewaretoken": second}).status_code == 302
    assert clients[0].post(url, {"csrfmiddlewaretoken": first}).status_code == 302
    assert len(shared) == 1


def test_a_preview_is_never_cached(rf, learner, monkeypatch):
    module = factories.module(lessons=1)
    lesson = module.get_children().live().get().specific
    request = rf.get(lesson.url)
    request.user = learner
    request.is_preview = True
    context = {
        "module": module,
        "progress": type("P", (), {"lessons": [lesson], "percent": 0})(),
        "lesson_number": 1,
        "previous_lesson": None,
        "next_lesson": None,
        "lesson_completed": False,
        "activity_results": {},
    }
    calls = []
    original = rendering.shared_lesson_content

    def counting(**kwargs):
        calls.append(1)
        return original(**kwargs)

    monkeypatch.setattr(rendering, "shared_lesson_content", counting)
    for _ in range(2):
        html = rendering.lesson_content_html(lesson=lesson, request=request, context=context)
        assert "<!--egide-" not in html and lesson.title in html
    assert len(calls) == 2
