"""Sessions and placements count for the indicators: people present at a session and
people hosted in a placement are people trained; sessions held and placements organised
are counted for their own indicators; the admin links events and offers."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from events import services as event_services
from events.constants import Attendance
from events.tests.factories import EventFactory, SessionFactory, health_professional
from indicators import selectors, services
from indicators.models import ActivityLink, Indicator, Participation
from placements import services as placement_services
from placements.tests.factories import (
    InstitutionFactory,
    OfferFactory,
    SlotFactory,
    host,
    request_for,
)

from .test_plans import SMALL

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def plan():
    # A Nord plan: the sessions (Lille) and the people of the factories are in the Nord.
    plan = services.plan_load(data=dict(SMALL, departement="59"))
    trained = Indicator.objects.get(code="TEST-2024-1.2-2")  # people trained
    held = Indicator.objects.get(code="TEST-2024-1.2-1")
    held.measure = "sessions_held"
    held.save()
    organised = Indicator.objects.get(code="TEST-2024-1.2-3")
    organised.measure = "placements"
    organised.save()
    return {"plan": plan, "trained": trained, "held": held, "organised": organised}


def _evening(plan, starts_at: datetime, *, present: int, absent: int = 0):
    """A session of an event linked to both indicators, with people marked."""
    event = EventFactory()
    for indicator in (plan["trained"], plan["held"]):
        services.activity_link(indicator=indicator, activity=f"event:{event.pk}")
    session = SessionFactory(
        event=event, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2)
    )
    organiser = UserFactory(role="formateur")
    people = [health_professional() for _ in range(present + absent)]
    registrations = [
        event_services.registration_create(
            session=session, user=person, now=starts_at - timedelta(days=5)
        )
        for person in people
    ]
    marks = {
        registration.pk: Attendance.PRESENT if n < present else Attendance.ABSENT
        for n, registration in enumerate(registrations)
    }
    event_services.attendance_record(
        session=session, by=organiser, marks=marks, now=starts_at + timedelta(hours=1)
    )
    return session, people


def test_people_present_count_as_trained_and_the_session_as_held(
    plan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session, people = _evening(
            plan, datetime(2025, 3, 12, 19, 0, tzinfo=PARIS), present=3, absent=2
        )
        _evening(plan, datetime(2025, 11, 20, 19, 0, tzinfo=PARIS), present=0, absent=1)
    participations = Participation.objects.filter(channel="event")
    assert participations.count() == 3
    assert {p.activity for p in participations} == {f"event:{session.event_id}"}
    assert {p.occurred_on.isoformat() for p in participations} == {"2025-03-12"}

    rows = {
        row.indicator.code: row.value
        for row in selectors.plan_report(
            plan=plan["plan"], start=datetime(2025, 1, 1).date(), end=datetime(2025, 12, 31).date()
        )
    }
    assert rows["TEST-2024-1.2-2"] == 3  # people present
    assert rows["TEST-2024-1.2-1"] == 1  # the November session had nobody present
    # Territory: the session was in Lille.
    lille = {
        row.indicator.code: row.value
        for row in selectors.plan_report(plan=plan["plan"], arrondissement="595")
    }
    assert lille["TEST-2024-1.2-1"] == 1
    douai = {
        row.indicator.code: row.value
        for row in selectors.plan_report(plan=plan["plan"], arrondissement="593")
    }
    assert douai["TEST-2024-1.2-1"] == 0
    # A Pas-de-Calais plan counting the same event: neither the Lille session nor the
    # Nord professionals present are its own.
    other = services.plan_load(data=dict(SMALL, code="PDC-2024", departement="62"))
    for code in ("PDC-2024-1.2-1", "PDC-2024-1.2-2"):
        indicator = Indicator.objects.get(code=code)
        indicator.measure = "sessions_held" if code.endswith("-1") else "people_trained"
        indicator.save()
        services.activity_link(indicator=indicator, activity=f"event:{session.event_id}")
    pdc = {
        row.indicator.code: row.value
        for row in selectors.plan_report(
            plan=other, start=datetime(2025, 1, 1).date(), end=datetime(2025, 12, 31).date()
        )
    }
    assert pdc["PDC-2024-1.2-1"] == 0 and pdc["PDC-2024-1.2-2"] == 0


def test_a_completed_placement_counts_as_organised_and_its_visitor_as_trained(
    plan, django_capture_on_commit_callbacks
):
    manager = host()
    institution = InstitutionFactory(managers=[manager], departement="59", arrondissement="595")
    offer = OfferFactory(institution=institution)
    for indicator in (plan["trained"], plan["organised"]):
        services.activity_link(indicator=indicator, activity=f"offer:{offer.pk}")
    slot = SlotFactory(offer=offer)
    gendarme = UserFactory(
        profession="gendarmerie_nationale", departement="59", arrondissement="592"
    )
    with django_capture_on_commit_callbacks(execute=True):
        placement = request_for(gendarme, slot)
        placement_services.request_accept(request_id=placement.pk, by=manager)
        placement_services.request_confirm(request_id=placement.pk, by=gendarme)
        placement_services.request_confirm(request_id=placement.pk, by=manager)
        placement_services.request_complete(
            request_id=placement.pk, by=manager, today=slot.end_date
        )
        participation = Participation.objects.get(source=f"placement:{placement.pk}")
    assert participation.channel == "placement" and participation.occurred_on == slot.end_date
    assert participation.place_departement_id == "59"  # where the placement took place
    period = {"start": slot.start_date - timedelta(days=1), "end": slot.end_date}
    rows = {r.indicator.code: r.value for r in selectors.plan_report(plan=plan["plan"], **period)}
    assert rows["TEST-2024-1.2-3"] == 1  # placements organised
    assert rows["TEST-2024-1.2-2"] == 1  # people trained
    before = {
        r.indicator.code: r.value
        for r in selectors.plan_report(
            plan=plan["plan"], start=period["start"], end=slot.end_date - timedelta(days=1)
        )
    }
    assert before["TEST-2024-1.2-3"] == 0  # counted on the placement's last day


def test_an_administrator_links_events_and_offers_to_an_indicator(client, administrator, plan):
    event = EventFactory(title="Soirée des professionnel·les de santé — Lille")
    offer = OfferFactory(title="Une journée aux UMJ")
    indicator = plan["trained"]
    client.force_login(administrator)
    url = reverse("wagtailsnippets_indicators_indicator:edit", args=[indicator.pk])
    page = client.get(url).content.decode()
    assert "Événements en présentiel comptés" in page and "Offres de stage croisé comptées" in page
    response = client.post(
        url,
        {
            "plan": indicator.plan_id,
            "fiche": indicator.fiche_id,
            "rank": indicator.rank,
            "label": indicator.label,
            "measure": indicator.measure,
            "target": "",
            "unit": "personnes",
            "provenance": indicator.provenance,
            "plan_reference": indicator.plan_reference,
            "events": [event.pk],
            "offers": [offer.pk],
        },
    )
    assert response.status_code == 302
    assert set(
        ActivityLink.objects.filter(indicator=indicator).values_list("activity", flat=True)
    ) == {
        f"event:{event.pk}",
        f"offer:{offer.pk}",
    }


def test_session_and_offer_pages_show_the_indicators_they_count_for(client, plan):
    session = SessionFactory(starts_at=timezone.now() + timedelta(days=5))
    services.activity_link(indicator=plan["trained"], activity=f"event:{session.event_id}")
    offer = OfferFactory()
    SlotFactory(offer=offer)
    services.activity_link(indicator=plan["trained"], activity=f"offer:{offer.pk}")
    session_page = client.get(reverse("events:detail", args=[session.pk])).content.decode()
    offer_page = client.get(reverse("placements:offer", args=[offer.pk])).content.decode()
    assert "TEST-2024-1.2-2" in session_page
    assert "TEST-2024-1.2-2" in offer_page
    # With its provenance: the test plan writes no indicator, each is a proposal.
    for page in (session_page, offer_page):
        assert ">Proposé</span>" in page


def test_a_presence_corrected_no_longer_counts_and_its_attestation_is_revoked(
    plan, django_capture_on_commit_callbacks
):
    from certificates.models import Attestation

    starts_at = datetime(2025, 3, 12, 19, 0, tzinfo=PARIS)
    with django_capture_on_commit_callbacks(execute=True):
        session, people = _evening(plan, starts_at, present=2)
    registration = session.registrations.get(user=people[0])
    organiser = UserFactory(role="formateur")
    period = {"start": starts_at.date(), "end": starts_at.date()}

    def figures():
        return {
            r.indicator.code: r.value for r in selectors.plan_report(plan=plan["plan"], **period)
        }

    assert figures()["TEST-2024-1.2-2"] == 2
    later = starts_at + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        event_services.attendance_record(
            session=session, by=organiser, marks={registration.pk: Attendance.ABSENT}, now=later
        )
    assert figures()["TEST-2024-1.2-2"] == 1
    attestation = Attestation.objects.get(source=f"session-attendance:{registration.pk}")
    assert attestation.is_revoked and "Présence corrigée" in attestation.revocation_reason

    with django_capture_on_commit_callbacks(execute=True):
        event_services.attendance_record(
            session=session, by=organiser, marks={registration.pk: Attendance.PRESENT}, now=later
        )
    attestation.refresh_from_db()
    assert not attestation.is_revoked
    assert Attestation.objects.filter(user=people[0]).count() == 1
    assert figures()["TEST-2024-1.2-2"] == 2
