"""The page cache never serves stale routes, restrictions or module outlines."""

import pytest
from wagtail.models import PageViewRestriction

from courses import services
from courses.models import LessonPage
from courses.selectors import catalogue

from . import factories

pytestmark = pytest.mark.django_db


def test_new_lesson_appears_in_the_outline_once_published(learner):
    module = factories.module(lessons=1)
    assert len(catalogue.module_lessons(module)) == 1  # now cached

    factories.lesson(module_page=module, title="Leçon ajoutée")

    titles = [lesson.title for lesson in catalogue.module_lessons(module)]
    assert titles[-1] == "Leçon ajoutée" and len(titles) == 2


def test_unpublished_page_is_no_longer_served(client, learner):
    module = factories.module(lessons=1)
    assert client.get(module.url).status_code == 200  # route cached

    module.unpublish()

    assert client.get(module.url).status_code == 404


def test_renamed_page_moves_to_its_new_url(client):
    module = factories.module(lessons=0, title="Ancien titre")
    old_url = module.url
    assert client.get(old_url).status_code == 200

    module.slug = "nouveau-titre"
    module.save_revision().publish()
    module.refresh_from_db()

    assert module.url.endswith("/nouveau-titre/")
    assert client.get(old_url).status_code == 404
    assert client.get(module.url).status_code == 200


def test_new_view_restriction_applies_at_once(client, learner):
    module = factories.module(lessons=1)
    lesson = LessonPage.objects.child_of(module).get()
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    assert client.get(lesson.url).status_code == 200  # restrictions cached (none)

    PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    response = client.get(lesson.url)
    assert response.status_code == 200
    assert "password" in response.content.decode().lower()
    assert "Leçon 1 sur 1" not in response.content.decode()


def test_cached_lesson_body_shows_each_learner_their_own_activity_status(client, learner):
    """The body is rendered once and shared; the activity status is each learner's."""
    from accounts.tests.factories import UserFactory
    from courses.constants import PackageStatus
    from courses.models import ActivityResult

    module = factories.module(lessons=0)
    package = factories.true_false_package(title="Le cycle de la violence")
    lesson = factories.lesson(module_page=module, title="Leçon avec activité", packages=[package])
    other = UserFactory()
    for user in (learner, other):
        services.enrolment_create(user=user, module=module)
    ActivityResult.objects.create(
        user=learner, package=package, lesson=lesson, module=module, completed=True, success=True
    )

    client.force_login(other)
    assert "Activité réussie." not in client.get(lesson.url).content.decode()  # now cached
    client.force_login(learner)
    body = client.get(lesson.url).content.decode()
    assert "Activité réussie." in body and "Le cycle de la violence" in body

    package.status = PackageStatus.PENDING
    package.save()

    assert "en cours de préparation" in client.get(lesson.url).content.decode()


def test_a_republished_lesson_or_module_shows_at_once_on_the_shared_lesson_page(client, learner):
    """The lesson's main column is rendered once for everyone: a new revision of the
    lesson, a renamed module or a new next lesson must show on the next request."""
    from wagtail.rich_text import RichText

    module = factories.module(lessons=0)
    lesson = factories.lesson(module_page=module, title="Leçon 1")
    services.enrolment_create(user=learner, module=module)
    client.force_login(learner)
    first = client.get(lesson.url).content.decode()
    assert "Contenu de Leçon 1." in first and "Leçon suivante" not in first

    lesson.body = [("paragraph", RichText("<p>Texte révisé par l'équipe éditoriale.</p>"))]
    lesson.save_revision().publish()
    module.title = "Le continuum des violences (édition 2027)"
    module.save_revision().publish()
    factories.lesson(module_page=module, title="Leçon 2")

    page = client.get(lesson.url).content.decode()
    assert "Texte révisé par l'équipe éditoriale." in page
    assert "Contenu de Leçon 1." not in page
    assert "Le continuum des violences (édition 2027)" in page
    assert "Leçon 1 sur 2" in page and "Leçon suivante" in page
