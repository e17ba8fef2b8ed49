"""The results link of a session's or a module's page leads somewhere before anyone
has answered: for its organisers and the DDFE, not for another organiser."""

import pytest
from django.urls import reverse

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from events.tests.factories import EventFactory, SessionFactory, organiser
from quizzes.models import Questionnaire

pytestmark = pytest.mark.django_db


def test_results_of_a_session_nobody_answered_yet_are_reachable_by_who_may_read_them(client):
    questionnaire = Questionnaire.objects.get(title="Questionnaire de satisfaction et d'impact")
    trainer = organiser()
    session = SessionFactory(event=EventFactory(organisers=[trainer], questionnaire=questionnaire))
    url = reverse("quizzes:questionnaire_results", args=[questionnaire.pk])
    subject = {"sujet": f"session:{session.pk}"}

    for reader in (trainer, UserFactory(role=Role.DDFE)):
        client.force_login(reader)
        response = client.get(url, subject)
        page = response.content.decode()
        assert response.status_code == 200
        assert str(session) in page and "Personne n'a encore répondu" in page

    client.force_login(organiser())
    assert client.get(url, subject).status_code == 404
    client.force_login(trainer)
    assert client.get(url, {"sujet": "session:999999"}).status_code == 404
