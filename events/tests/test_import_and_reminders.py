"""CSV import of participants, reminders before the session, calendar files."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from icalendar import Calendar

from accounts.tests.factories import UserFactory
from events import ics, services, tasks
from events.constants import Source, Status
from events.models import Registration

from .factories import SessionFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")


def _csv(*lines: str, bom: bool = False) -> bytes:
    data = "\n".join(lines).encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if bom else data


@pytest.mark.parametrize("bom", [False, True], ids=["utf8", "utf8-bom"])
def test_import_registers_known_accounts_and_reports_rejected_lines(session, trainer, bom):
    UserFactory(email="ines.moreau@chu-lille.fr")
    UserFactory(email="paul.durand@chu-lille.fr")
    data = _csv(
        "Email;Nom;Prénom;Profession",
        "ines.moreau@chu-lille.fr;Moreau;Inès;Médecin",
        "PAUL.DURAND@chu-lille.fr;Durand;Paul;sage_femme",
        "pas-une-adresse;Martin;Léa;Médecin",
        "lea.petit@exemple.fr;Petit;Léa;Médecin",
        "claire@exemple.fr;;Claire;Infirmière",
        "ines.moreau@chu-lille.fr;Moreau;Inès;Médecin",
        "jean@exemple.fr;Roux;Jean;Astronaute",
        "",
        bom=bom,
    )
    report = services.participants_import(session=session, by=trainer, data=data)
    assert (report.registered, report.waitlisted, report.unchanged) == (2, 0, 0)
    reasons = {line.line: line.reason for line in report.rejected}
    assert reasons == {
        4: "adresse électronique absente ou invalide",
        5: "aucun compte Égide avec cette adresse : la personne doit d'abord en créer un",
        6: "nom ou prénom manquant",
        7: "adresse déjà présente ligne 2",
        8: "profession inconnue : « Astronaute »",
    }
    assert set(Registration.objects.filter(session=session).values_list("source", flat=True)) == {
        Source.IMPORT
    }

    again = services.participants_import(session=session, by=trainer, data=data)
    assert (again.registered, again.waitlisted, again.unchanged) == (0, 0, 2)
    assert Registration.objects.filter(session=session).count() == 2


def test_import_fills_the_seats_then_the_waiting_list(session, trainer):
    session.capacity = 1
    session.save()
    UserFactory(email="a@exemple.fr")
    UserFactory(email="b@exemple.fr")
    data = _csv(
        "email;nom;prenom;profession", "a@exemple.fr;A;Anne;Médecin", "b@exemple.fr;B;Bob;Médecin"
    )
    report = services.participants_import(session=session, by=trainer, data=data)
    assert (report.registered, report.waitlisted) == (1, 1)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"email;nom;profession\na@b.fr;A;Autre", "Colonnes manquantes : prenom"),
        (b"", "Le fichier est vide"),
    ],
    ids=["missing-column", "empty"],
)
def test_import_refuses_unreadable_files_with_a_clear_message(session, trainer, data, message):
    with pytest.raises(ValidationError, match=message):
        services.participants_import(session=session, by=trainer, data=data)


def test_a_list_saved_by_french_excel_is_read(session, trainer):
    """Windows-1252, as French Excel saves a CSV: the accented header and profession are
    read (core.imports.reading detects the encoding)."""
    UserFactory(email="anais@exemple.fr", profession="medecin", departement="59")
    data = "email;nom;prénom;profession\nanais@exemple.fr;Lefèvre;Anaïs;Médecin\n".encode("cp1252")

    report = services.participants_import(session=session, by=trainer, data=data)

    assert (report.registered, report.rejected) == (1, [])
    assert session.registrations.get().user.email == "anais@exemple.fr"


def _participants_file(kind: str) -> tuple[str, bytes]:
    """A list as LibreOffice (ODS) or French Excel (Windows-1252 CSV) saves it."""
    from core.spreadsheets import Sheet, ods_bytes

    header = ["email", "nom", "prénom", "profession"]
    lines = [
        ["anais@exemple.fr", "Lefèvre", "Anaïs", "Médecin"],
        ["x@exemple.fr", "X", "Y", "Autre"],
    ]
    if kind == "ods":
        return "liste.ods", ods_bytes([Sheet("Liste", header, lines)])
    text = "\r\n".join(";".join(line) for line in [header, *lines]) + "\r\n"
    return "liste.csv", text.encode("cp1252")


@pytest.mark.parametrize("kind", ["ods", "cp1252"])
def test_the_organiser_previews_then_confirms_a_list_and_downloads_its_rejected_lines(
    client, session, trainer, kind
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    UserFactory(email="anais@exemple.fr")
    client.force_login(trainer)
    url = reverse("events:import", args=[session.pk])
    name, data = _participants_file(kind)
    preview = client.post(url, {"file": SimpleUploadedFile(name, data)})
    page = preview.content.decode()
    assert "1 personne sera inscrite" in page and "Lefèvre" in page
    assert not Registration.objects.exists()  # nothing written before the confirmation
    rejected = b"".join(client.get(preview.context["rejected"].url).streaming_content)
    assert "x@exemple.fr" in rejected.decode("utf-8-sig")

    # Only the person who previewed the file may confirm it.
    client.force_login(UserFactory(role="administrateur"))  # manages every session
    client.post(url, {"confirm": "1", "token": preview.context["token"]})
    assert not Registration.objects.exists()

    client.force_login(trainer)
    done = client.post(url, {"confirm": "1", "token": preview.context["token"]})
    assert "1 personne inscrite" in done.content.decode()
    assert session.registrations.get().user.email == "anais@exemple.fr"
    assert "aucun compte Égide" in done.content.decode()
    download = b"".join(client.get(done.context["rejected"].url).streaming_content)
    assert download.decode("utf-8-sig").count("x@exemple.fr") == 1
    # The kept file is gone: a second confirmation registers nobody more.
    again = client.post(url, {"confirm": "1", "token": preview.context["token"]}, follow=True)
    assert "plus disponible" in again.content.decode()


def test_a_list_over_the_line_limit_is_refused_before_it_is_read_to_the_end(
    client, session, trainer, monkeypatch
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from core.imports import reading

    pulled = []
    real = reading._csv_lines

    def counting(data):
        for row in real(data):
            pulled.append(row)
            yield row

    monkeypatch.setattr(reading, "_csv_lines", counting)
    lines = [f"p{n}@exemple.fr;Nom;Prénom;Médecin" for n in range(5000)]
    upload = SimpleUploadedFile("liste.csv", _csv("email;nom;prenom;profession", *lines))
    client.force_login(trainer)
    response = client.post(
        reverse("events:import", args=[session.pk]), {"file": upload}, follow=True
    )
    assert "Trop de lignes : 2000 au plus par fichier." in response.content.decode()
    assert len(pulled) == 2002  # the header, 2,000 lines, the one too many: no further


def _start(day: int, hour: int = 18) -> datetime:
    return datetime(2026, 3, day, hour, 30, tzinfo=PARIS)


def test_reminders_two_days_before_and_the_day_before_each_sent_once(
    django_capture_on_commit_callbacks,
):
    session = SessionFactory(starts_at=_start(12), ends_at=_start(12, 21))
    person = UserFactory()
    with time_machine.travel(datetime(2026, 3, 1, 9, 0, tzinfo=PARIS), tick=False):
        services.registration_create(session=session, user=person)
    cancelled = UserFactory()
    with time_machine.travel(datetime(2026, 3, 1, 9, 0, tzinfo=PARIS), tick=False):
        services.registration_cancel(
            registration=services.registration_create(session=session, user=cancelled),
            by=cancelled,
        )
    mail.outbox.clear()

    def beat(moment):
        with time_machine.travel(moment, tick=False):
            with django_capture_on_commit_callbacks(execute=True):
                return tasks.reminders_send.delay().get()

    assert beat(datetime(2026, 3, 9, 18, 0, tzinfo=PARIS)) == 0  # three days before
    assert beat(datetime(2026, 3, 10, 19, 0, tzinfo=PARIS)) == 1  # under 48 h
    assert beat(datetime(2026, 3, 10, 19, 15, tzinfo=PARIS)) == 0  # a second beat run
    assert beat(datetime(2026, 3, 11, 19, 0, tzinfo=PARIS)) == 1  # under 24 h
    assert beat(datetime(2026, 3, 11, 19, 15, tzinfo=PARIS)) == 0
    assert beat(datetime(2026, 3, 12, 19, 0, tzinfo=PARIS)) == 0  # started
    assert [m.to for m in mail.outbox] == [[person.email], [person.email]]
    assert "dans deux jours" in mail.outbox[0].body
    assert "demain" in mail.outbox[1].body


def test_a_late_registration_gets_only_the_eve_reminder():
    session = SessionFactory(starts_at=_start(12), ends_at=_start(12, 21))
    with time_machine.travel(datetime(2026, 3, 11, 20, 0, tzinfo=PARIS), tick=False):
        registration = services.registration_create(session=session, user=UserFactory())
        assert services.reminders_send() == 1
        assert services.reminders_send() == 0
    registration.refresh_from_db()
    assert registration.reminded_eve_at is not None
    assert registration.reminded_early_at is None


def test_no_reminder_for_a_cancelled_session(trainer):
    session = SessionFactory(starts_at=_start(12), ends_at=_start(12, 21))
    with time_machine.travel(datetime(2026, 3, 1, 9, 0, tzinfo=PARIS), tick=False):
        services.registration_create(session=session, user=UserFactory())
        services.session_cancel(session=session, by=trainer, reason="Salle indisponible")
    with time_machine.travel(datetime(2026, 3, 11, 20, 0, tzinfo=PARIS), tick=False):
        assert services.reminders_send() == 0


def test_session_ics_has_the_paris_times_and_the_place():
    session = SessionFactory(starts_at=_start(12), ends_at=_start(12, 21))
    calendar = Calendar.from_ical(ics.session_calendar(session))
    (component,) = calendar.walk("VEVENT")
    assert component.decoded("dtstart") == _start(12)
    assert component.decoded("dtend") == _start(12, 21)
    assert "Lille" in str(component["location"])
    assert str(component["summary"]) == session.event.title


def test_session_ics_stays_valid_when_texts_hold_control_characters():
    session = SessionFactory(
        starts_at=_start(12),
        ends_at=_start(12, 21),
        # (No NUL: PostgreSQL cannot store one, and the title's validator refuses it.)
        event__title="Soirée\rde\x0bsensibilisation\x7f",
        event__description="Ligne 1\r\nLigne 2\rLigne 3\x1b",
        place="Salle\r\nB",
    )

    content = ics.session_calendar(session)

    # Every line ends with CRLF: no bare CR, LF or other control splits a property.
    lines = content.split(b"\r\n")
    assert lines[-1] == b"" and not any(
        char in line for line in lines for char in (b"\r", b"\n", b"\x0b", b"\x7f", b"\x1b")
    )
    (component,) = Calendar.from_ical(content).walk("VEVENT")
    assert str(component["summary"]) == "Soirée de sensibilisation"
    assert str(component["location"]).startswith("Salle B")
    assert str(component["description"]).startswith("Ligne 1\nLigne 2\nLigne 3\n")


def test_feed_lists_active_registrations_and_its_address_can_be_reset(client, session):
    person = UserFactory()
    other = SessionFactory(starts_at=session.starts_at + timedelta(days=7))
    services.registration_create(session=session, user=person)
    services.registration_cancel(
        registration=services.registration_create(session=other, user=person), by=person
    )
    feed = services.calendar_feed_get_or_create(user=person)
    response = client.get(f"/sessions/agenda/{feed.token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["uid"]).split("@")[0] for e in events] == [f"session-{session.pk}"]

    old_token = feed.token
    client.force_login(person)
    client.post("/sessions/mes-inscriptions/agenda/")
    assert client.get(f"/sessions/agenda/{old_token}.ics").status_code == 404
    feed.refresh_from_db()
    new_token = feed.token
    assert new_token != old_token
    assert client.get(f"/sessions/agenda/{new_token}.ics").status_code == 200
    assert Registration.objects.get(user=person, session=session).status == Status.REGISTERED


def test_the_import_page_answers_garbage_and_long_lists_briefly(client, session, trainer):
    import os

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client.force_login(trainer)
    url = reverse("events:import", args=[session.pk])
    garbage = SimpleUploadedFile("liste.csv", b"\xff\xfe" + os.urandom(4096))
    response = client.post(url, {"file": garbage}, follow=True)
    assert response.redirect_chain[0][1] == 302
    assert "Fichier illisible" in response.content.decode()

    lines = [f"=personne{n}@exemple.fr;Nom;Prénom;Médecin" for n in range(130)]
    upload = SimpleUploadedFile("liste.csv", _csv("email;nom;prenom;profession", *lines))
    page = client.post(url, {"file": upload})
    assert "130 lignes rejetées — les 100 premières ci-dessous" in page.content.decode()
    report_url = page.context["rejected"].url
    content = b"".join(client.get(report_url).streaming_content)
    assert content.decode("utf-8-sig").count("'=personne") == 130  # formula-safe
    client.force_login(UserFactory())
    assert client.get(report_url).status_code == 404
