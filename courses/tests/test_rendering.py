"""The lesson's main column is rendered once and shared: each learner's own parts
(CSRF token above all) are put in per request and never cached."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.tests.factories import UserFactory
from courses import rendering, services
from courses.models import LessonPage

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
        "lesson_outline": [lesson],
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


@pytest.fixture
def h5p_root():
    from .h5p_uploads import fresh_h5p_root

    yield from fresh_h5p_root()


def _activity_lesson(superuser, kinds):
    import io

    from courses.h5p.authoring import build_package

    from .h5p_uploads import upload_package

    packages = [
        upload_package(
            user=superuser,
            archive=io.BytesIO(build_package(kind)),
            filename=f"{kind}.h5p",
            title=f"Activité {kind}",
        )
        for kind in kinds
    ]
    module = factories.module(lessons=0)
    lesson = factories.lesson(module_page=module, title="Repérer", packages=packages)
    return module, lesson, packages


def _player(html: str, package) -> str:
    """The attributes of a package's player element."""
    start = html.index(f'id="h5p-{package.pk}"')
    return html[start : html.index("></div>", start)]


def test_each_learner_gets_the_same_players_with_their_own_pseudonymous_actor(
    h5p_root, superuser, monkeypatch
):
    from courses.services import activities

    module, lesson, packages = _activity_lesson(superuser, ["truefalse"])
    people = [UserFactory(), UserFactory()]
    shared = []
    original = rendering.shared_lesson_content

    def counting(**kwargs):
        shared.append(original(**kwargs))
        return shared[-1]

    monkeypatch.setattr(rendering, "shared_lesson_content", counting)
    pages = []
    for person in people:
        services.enrolment_create(user=person, module=module)
        client = Client()
        client.force_login(person)
        pages.append(client.get(lesson.url).content.decode())

    assert len(shared) == 1
    assert 'data-xapi-mail="<!--egide-h5p-actor-->"' in shared[0]
    for person, page in zip(people, pages, strict=True):
        mail = f"{activities.xapi_pseudonym(person)}@apprenants.egide.invalid"
        player = _player(page, packages[0])
        # The player identifies the learner by a pseudonym, never by name or e-mail.
        assert f'data-xapi-mail="{mail}"' in player
        assert person.email not in page and person.last_name not in player
    assert activities.xapi_pseudonym(people[0]) not in pages[1]


def test_players_say_how_each_package_reports_from_its_answer_key(h5p_root, superuser):
    kinds = ["truefalse", "singlechoiceset", "branchingscenario", "accordion", "dialogcards"]
    module, lesson, packages = _activity_lesson(superuser, kinds)
    learner = UserFactory()
    services.enrolment_create(user=learner, module=module)
    client = Client()
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()

    modes = {}
    for kind, package in zip(kinds, packages, strict=True):
        player = _player(html, package)
        modes[kind] = ('data-report="1"' in player, 'data-completes-on-view="1"' in player)
        assert f'data-title="Activité {kind}"' in player and 'data-language="fr"' in player
        assert 'data-frame-title="Activité interactive : Activité ' in player
    assert modes == {
        "truefalse": (False, False),
        "singlechoiceset": (True, False),
        "branchingscenario": (True, False),
        "accordion": (False, True),
        "dialogcards": (False, True),
    }
    assert "<!--egide-" not in html
    # The player's own strings, in French (H5P core leaves them in English).
    settings = html.split('<script id="egide-h5p-settings" type="application/json">', 1)[1]
    assert '"fullscreen": "Plein \\u00e9cran"' in settings
    assert '"close": "Fermer"' in settings


def test_a_lesson_without_activity_has_no_player_settings():
    module = factories.module(lessons=1)
    learner = UserFactory()
    services.enrolment_create(user=learner, module=module)
    lesson = module.get_children().live().get().specific
    client = Client()
    client.force_login(learner)
    html = client.get(lesson.url).content.decode()
    assert "egide-h5p-settings" not in html and "egide-h5p__player" not in html


@pytest.mark.parametrize("published_lessons", [0, 2])
def test_a_lesson_previewed_before_publication_counts_itself(editor, published_lessons):
    """An editor previews a new lesson: "Leçon 3 sur 3" (or "1 sur 1"), never "1 sur 0"."""
    module = factories.module(lessons=published_lessons)
    draft = LessonPage(title="Brouillon", live=False)
    module.add_child(instance=draft)
    draft.save_revision()

    response = draft.make_preview_request(extra_request_attrs={"user": editor})

    html = response.render().content.decode()
    total = published_lessons + 1
    assert f"Leçon {total} sur {total}" in html
    assert f'data-fr-steps="{total}"' in html
