"""Pages: listing and calendar, detail and registration, "Mes sessions", check-in,
the organiser's pages; who may see what; query counts."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from certificates.models import Attestation
from events import services
from events.constants import Attendance, EventKind, Status
from events.models import Registration

from .factories import EventFactory, SessionFactory, health_professional, organiser

pytestmark = pytest.mark.django_db


def test_listing_filters_by_departement_audience_and_kind(client, session):
    dunkerque = SessionFactory(
        event=EventFactory(
            title="Webinaire certificat ITT",
            kind=EventKind.WEBINAR,
            audiences=["medecin"],
        ),
        city="Dunkerque",
        departement="59",
        arrondissement="594",
    )
    arras = SessionFactory(
        event=EventFactory(title="Journée gendarmerie", kind=EventKind.TRAINING_DAY),
        city="Arras",
        departement="62",
        arrondissement="621",
    )
    SessionFactory(
        event=EventFactory(title="Soirée passée"), starts_at=timezone.now() - timedelta(days=3)
    )
    cancelled = SessionFactory(event=EventFactory(title="Soirée annulée"))
    services.session_cancel(session=cancelled, by=UserFactory(), reason="Annulée")

    def titles(**params):
        response = client.get(reverse("events:list"), params)
        assert response.status_code == 200
        return [s.event.title for s in response.context["sessions"]]

    assert sorted(titles()) == sorted(
        [session.event.title, dunkerque.event.title, arras.event.title]
    )
    assert titles(departement="62") == ["Journée gendarmerie"]
    assert "Webinaire certificat ITT" not in titles(public="police_nationale")
    assert "Webinaire certificat ITT" in titles(public="medecin")
    assert titles(type="webinaire") == ["Webinaire certificat ITT"]


def test_listing_query_count_does_not_grow_with_sessions(client, django_assert_max_num_queries):
    for _ in range(3):
        SessionFactory()
    with django_assert_max_num_queries(8) as few:
        client.get(reverse("events:list"))
    for _ in range(12):
        session = SessionFactory()
        services.registration_create(session=session, user=UserFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("events:list"))
    assert len(response.context["sessions"]) == 15


def test_month_calendar_groups_sessions_by_day(client):
    start = timezone.localtime(timezone.now() + timedelta(days=40)).replace(hour=18, minute=0)
    SessionFactory(event=EventFactory(title="Soirée A"), starts_at=start)
    SessionFactory(event=EventFactory(title="Soirée B"), starts_at=start + timedelta(hours=1))
    response = client.get(reverse("events:calendar_month", args=[start.year, start.month]))
    assert response.status_code == 200
    (day,) = response.context["month"].days
    assert [s.event.title for s in day.sessions] == ["Soirée A", "Soirée B"]
    assert client.get("/sessions/calendrier/2026/13/").status_code == 404


def test_registration_needs_a_post_with_csrf_and_a_complete_profile(session, incomplete_user):
    url = reverse("events:register", args=[session.pk])
    person = UserFactory()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(person)
    assert strict.get(url).status_code == 405
    assert strict.post(url).status_code == 403  # no CSRF token
    assert not Registration.objects.exists()

    client = Client()
    client.force_login(incomplete_user)
    response = client.post(url)
    assert response.status_code == 302
    assert reverse("accounts:profile") in response["Location"]
    assert not Registration.objects.exists()

    client.force_login(person)
    response = client.post(url, follow=True)
    assert "Votre inscription est enregistrée." in response.content.decode()
    assert Registration.objects.get().user == person


def test_detail_explains_why_registration_is_refused(client, session):
    session.event.audiences = ["medecin"]
    session.event.save()
    client.force_login(UserFactory(profession="police_nationale"))
    response = client.get(reverse("events:detail", args=[session.pk]))
    assert "réservée aux professions suivantes : Médecin" in response.content.decode()
    response = client.post(reverse("events:register", args=[session.pk]), follow=True)
    assert "réservée aux professions suivantes" in response.content.decode()
    assert not Registration.objects.exists()


def test_my_sessions_lists_only_my_registrations(client, session):
    me, other = UserFactory(), UserFactory()
    mine = services.registration_create(session=session, user=me)
    theirs = services.registration_create(
        session=SessionFactory(event=EventFactory(title="Soirée de quelqu'un d'autre")), user=other
    )
    client.force_login(me)
    response = client.get(reverse("events:mine"))
    assert [row.registration for row in response.context["upcoming"]] == [mine]
    assert "Soirée de quelqu&#x27;un d&#x27;autre" not in response.content.decode()
    # Nor can I cancel theirs.
    response = client.post(reverse("events:cancel_registration", args=[theirs.pk]))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.REGISTERED
    client.post(reverse("events:cancel_registration", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.status == Status.CANCELLED


def test_checkin_page_shows_a_button_and_post_records_presence(client, session):
    person = UserFactory()
    services.registration_create(session=session, user=person)
    session.starts_at = timezone.now() + timedelta(minutes=10)
    session.ends_at = session.starts_at + timedelta(hours=2)
    session.save()
    client.force_login(person)
    url = reverse("events:checkin", args=[session.checkin_token])
    response = client.get(url)
    assert "Je confirme ma présence" in response.content.decode()
    assert Registration.objects.get().attendance == ""  # GET changes nothing
    client.post(url)
    assert Registration.objects.get().attendance == Attendance.PRESENT
    assert Attestation.objects.filter(user=person).exists()


def test_checkin_outside_the_window_says_when_it_opens(client, session):
    person = UserFactory()
    services.registration_create(session=session, user=person)
    client.force_login(person)
    url = reverse("events:checkin", args=[session.checkin_token])
    assert "émargement n'est pas encore ouvert" in client.get(url).content.decode()
    response = client.post(url, follow=True)
    assert "émargement n'est pas encore ouvert" in response.content.decode()
    assert Registration.objects.get().attendance == ""


ORGANISER_PAGES = ["manage", "attendance", "qr", "signature_sheet"]


@pytest.mark.parametrize("name", ORGANISER_PAGES)
def test_a_learner_cannot_open_organiser_pages(client, session, name):
    client.force_login(UserFactory())
    assert client.get(reverse(f"events:{name}", args=[session.pk])).status_code == 403
    assert client.get(reverse("events:organised")).status_code == 403


@pytest.mark.parametrize("name", ORGANISER_PAGES)
def test_an_organiser_cannot_manage_another_organisers_session(client, session, name):
    client.force_login(organiser())
    assert client.get(reverse(f"events:{name}", args=[session.pk])).status_code == 403


def test_an_organiser_cannot_act_on_another_organisers_session(client, session):
    intruder = organiser()
    client.force_login(intruder)
    person = UserFactory()
    registration = services.registration_create(session=session, user=person)
    for url, data in [
        (reverse("events:add_participant", args=[session.pk]), {"email": person.email}),
        (reverse("events:set_open", args=[session.pk]), {"open": "0"}),
        (reverse("events:cancel", args=[session.pk]), {"reason": "Non"}),
        (
            reverse("events:organiser_cancel_registration", args=[session.pk, registration.pk]),
            {},
        ),
        (
            reverse("events:attendance", args=[session.pk]),
            {f"presence-{registration.pk}": "present"},
        ),
    ]:
        assert client.post(url, data).status_code == 403
    session.refresh_from_db()
    assert session.registrations_open and not session.is_cancelled
    assert Registration.objects.get().status == Status.REGISTERED


@pytest.mark.parametrize("name", ORGANISER_PAGES)
def test_organiser_and_administrator_open_the_organiser_pages(client, session, trainer, name):
    services.registration_create(session=session, user=UserFactory(first_name="Inès"))
    for user in (trainer, UserFactory(role=Role.ADMIN)):
        client.force_login(user)
        response = client.get(reverse(f"events:{name}", args=[session.pk]))
        assert response.status_code == 200


def test_signature_sheet_is_a_pdf_listing_registrants(client, session, trainer):
    from core.tests.pdf_text import pdf_text

    services.registration_create(session=session, user=UserFactory(last_name="Moreau"))
    client.force_login(trainer)
    response = client.get(reverse("events:signature_sheet", args=[session.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "MOREAU" in text
    assert "Signature" in text


def test_qr_page_encodes_the_checkin_address(client, session, trainer):
    client.force_login(trainer)
    response = client.get(reverse("events:qr", args=[session.pk]))
    assert response.context["checkin_url"].endswith(
        f"/sessions/emargement/{session.checkin_token}/"
    )
    assert "<svg" in response.content.decode()


def test_attendance_sheet_posts_the_whole_room(client, trainer):
    session = SessionFactory(
        event=EventFactory(organisers=[trainer]),
        starts_at=timezone.now() - timedelta(hours=1),
        ends_at=timezone.now() + timedelta(hours=1),
    )
    people = [UserFactory() for _ in range(3)]
    registrations = [
        Registration.objects.create(
            session=session, user=p, status=Status.REGISTERED, source="self"
        )
        for p in people
    ]
    client.force_login(trainer)
    response = client.post(
        reverse("events:attendance", args=[session.pk]),
        {
            f"presence-{registrations[0].pk}": "present",
            f"presence-{registrations[1].pk}": "partiel",
            f"presence-{registrations[2].pk}": "absent",
        },
        follow=True,
    )
    assert "Feuille de présence enregistrée (3 modifications)." in response.content.decode()
    assert [r.attendance for r in Registration.objects.order_by("pk")] == [
        "present",
        "partiel",
        "absent",
    ]
    assert list(Attestation.objects.values_list("user", flat=True)) == [people[0].pk]


def test_organiser_imports_a_csv_and_sees_the_report(client, session, trainer):
    UserFactory(email="ines@exemple.fr")
    client.force_login(trainer)
    upload = SimpleUploadedFile(
        "participants.csv",
        "email;nom;prenom;profession\nines@exemple.fr;Moreau;Inès;Médecin\n"
        "x@exemple.fr;X;Y;Médecin\n".encode(),
        content_type="text/csv",
    )
    url = reverse("events:import", args=[session.pk])
    preview = client.post(url, {"file": upload})
    content = preview.content.decode()
    assert "1 personne sera inscrite" in content
    assert "aucun compte Égide" in content
    assert not Registration.objects.exists()  # the preview registers nobody
    response = client.post(url, {"confirm": "1", "token": preview.context["token"]})
    content = response.content.decode()
    assert "1 personne inscrite" in content
    assert "1 ligne refusée" in content
    assert "aucun compte Égide" in content
    assert Registration.objects.get().user.email == "ines@exemple.fr"


def test_organiser_closes_registrations_and_adds_by_hand(client, session, trainer):
    client.force_login(trainer)
    client.post(reverse("events:set_open", args=[session.pk]), {"open": "0"})
    session.refresh_from_db()
    assert not session.registrations_open
    person = UserFactory(email="sage.femme@exemple.fr")
    response = client.post(
        reverse("events:add_participant", args=[session.pk]),
        {"email": "sage.femme@exemple.fr"},
        follow=True,
    )
    assert Registration.objects.get(session=session).user == person
    assert "Inscrit·e" in response.content.decode()


def test_organised_sessions_lists_only_mine(client, session, trainer):
    other = SessionFactory(event=EventFactory(title="La soirée d'une autre"))
    client.force_login(trainer)
    response = client.get(reverse("events:organised"))
    assert response.context["upcoming"] == [session]
    client.force_login(UserFactory(role=Role.ADMIN))
    response = client.get(reverse("events:organised"))
    assert set(response.context["upcoming"]) == {session, other}


def test_registrant_list_query_count_does_not_grow(
    client, session, trainer, django_assert_max_num_queries
):
    session.capacity = 3
    session.save()
    for _ in range(2):
        services.registration_create(session=session, user=health_professional())
    client.force_login(trainer)
    url = reverse("events:manage", args=[session.pk])
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for _ in range(10):
        services.registration_create(session=session, user=health_professional())
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["registered"]) == 3
    assert len(response.context["waiting"]) == 9


def test_organised_sessions_query_count_does_not_grow(
    client, trainer, django_assert_max_num_queries
):
    event = EventFactory(organisers=[trainer])
    SessionFactory(event=event)
    client.force_login(trainer)
    client.get(reverse("events:organised"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("events:organised"))
    for _ in range(8):
        session = SessionFactory(event=EventFactory(organisers=[trainer]))
        services.registration_create(session=session, user=UserFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("events:organised"))
    assert len(response.context["upcoming"]) == 9


def test_webinar_link_is_shown_to_registered_people_only(client):
    webinar = SessionFactory(
        event=EventFactory(title="Webinaire ITT", kind=EventKind.WEBINAR),
        city="",
        place="",
        address="",
        departement="",
        arrondissement="",
        online_url="https://webinaire.example.gouv.fr/itt",
    )
    person = UserFactory()
    client.force_login(person)
    url = reverse("events:detail", args=[webinar.pk])
    assert "webinaire.example.gouv.fr" not in client.get(url).content.decode()
    services.registration_create(session=webinar, user=person)
    content = client.get(url).content.decode()
    assert "En ligne" in content
    assert "https://webinaire.example.gouv.fr/itt" in content
