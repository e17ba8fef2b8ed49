"""Authoring events in the Wagtail admin (administrators): the author becomes an
organiser; trainers stay out of the admin and author on the front-end pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from events.models import Event, Session

pytestmark = pytest.mark.django_db


def _form(title: str, *, starts_at, organisers=()) -> dict:
    local = timezone.localtime(starts_at)
    data = nested_form_data(
        {
            "title": title,
            "kind": "soiree",
            "nature": "sensibilisation",
            "duration_minutes": 150,
            "description": "",
            "questionnaire": "",
            "sessions": inline_formset(
                [
                    {
                        "starts_at": local.strftime("%Y-%m-%d %H:%M"),
                        "ends_at": (local + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
                        "place": "Faculté de médecine",
                        "address": "",
                        "city": "Lille",
                        "departement": "59",
                        "arrondissement": "595",
                        "online_url": "",
                        "capacity": 80,
                        "registration_deadline": "",
                        "checkin_opens_minutes": 30,
                        "registrations_open": "on",
                    }
                ]
            ),
        }
    )
    # Multiple choices are repeated keys, not nested ones.
    data["audiences"] = ["medecin", "sage_femme"]
    data["organisers"] = [user.pk for user in organisers]
    return data


def test_an_administrator_creates_an_event_with_a_session_and_becomes_an_organiser(client):
    trainer = UserFactory(role=Role.ADMIN)
    client.force_login(trainer)
    url = reverse("wagtailsnippets_events_event:add")
    assert client.get(url).status_code == 200
    response = client.post(
        url, _form("Soirée des soignant·es", starts_at=timezone.now() + timedelta(days=20))
    )
    assert response.status_code == 302, response.context["form"].errors
    event = Event.objects.get(title="Soirée des soignant·es")
    assert list(event.organisers.all()) == [trainer]
    assert event.audiences == ["medecin", "sage_femme"]
    session = Session.objects.get(event=event)
    assert session.capacity == 80
    assert session.city == "Lille"
    # The edit page draws the territory lists (core.widgets.Select), the session's chosen.
    page = client.get(reverse("wagtailsnippets_events_event:edit", args=[event.pk]))
    content = page.content.decode()
    assert '<option value="59" selected>' in content
    assert '<option value="595" selected>' in content


def test_trainers_do_not_enter_the_wagtail_admin(client, trainer, event):
    client.force_login(trainer)
    response = client.get(reverse("wagtailsnippets_events_event:edit", args=[event.pk]))
    assert response.status_code == 302
    assert "login" in response["Location"]
