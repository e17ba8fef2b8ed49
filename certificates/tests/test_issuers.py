"""Who speaks for which territory: attestations, the bilan, the delegates' settings page."""

import html
import importlib
from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from certificates import rendering, services
from certificates.models import Attestation, IssuerLevel, IssuerProfile
from certificates.selectors.issuers import issuer_for, issuer_rows
from core.tests.pdf_text import pdf_text
from territories.models import Departement, Region
from territories.scopes import NATIONAL

from .factories import complete_module, on_commit

pytestmark = pytest.mark.django_db

NORD_DEFAULT = "Délégation départementale aux droits des femmes et à l'égalité du Nord"
PDC_DEFAULT = "Délégation départementale aux droits des femmes et à l'égalité du Pas-de-Calais"


def _profile(code: str, **fields) -> IssuerProfile:
    """A département's (two-character code), région's ("r32") or national ("") profile."""
    if code.startswith("r"):
        territory = Region.objects.get(code=code[1:])
    elif code:
        territory = Departement.objects.get(code=code)
    else:
        territory = None
    return services.issuer_profile_save(by=None, territory=territory, **fields)


@pytest.fixture
def nord_and_pdc():
    _profile(
        "59",
        issuer="Délégation départementale aux droits des femmes et à l'égalité du Nord",
        signatory_title="La déléguée départementale du Nord",
        signatory_name="Claire Nordin",
        city="Lille",
    )
    _profile(
        "62",
        issuer="Délégation départementale aux droits des femmes et à l'égalité du Pas-de-Calais",
        signatory_title="La déléguée départementale du Pas-de-Calais",
        signatory_name="Sophie Calais",
        city="Arras",
    )


def _issue(user, source="test:1", **kwargs) -> Attestation:
    """Issue without rendering (the render task runs only on commit)."""
    return services.attestation_issue(
        user=user,
        source=source,
        subject="test:1",
        title="Le continuum des violences",
        kind="formation",
        completed_at=timezone.now(),
        **kwargs,
    )


# --- Attestations ------------------------------------------------------------------


def test_a_lens_learner_s_attestation_names_the_pas_de_calais_and_a_lille_one_s_the_nord(
    nord_and_pdc,
):
    lens = UserFactory(first_name="Inès", last_name="Lensoise")  # 62, Lens
    lille = UserFactory(departement="59", arrondissement="595", employer="Commissariat de Lille")

    complete_module(lens, title="Psychotraumatisme", duration_minutes=60)
    complete_module(lille, title="Psychotraumatisme", duration_minutes=60)

    in_lens = Attestation.objects.get(user=lens)
    assert in_lens.issuer == PDC_DEFAULT
    assert in_lens.departement == "Département du Pas-de-Calais (62)"
    assert (in_lens.signatory_name, in_lens.issued_in) == ("Sophie Calais", "Arras")
    text = pdf_text(in_lens.pdf.read())
    assert PDC_DEFAULT in text
    assert "Département du Pas-de-Calais (62)" in text
    assert "Sophie Calais" in text and "La déléguée départementale du Pas-de-Calais" in text
    assert "Fait à Arras, le" in text
    assert "Nord" not in text

    in_lille = Attestation.objects.get(user=lille)
    assert in_lille.issuer == NORD_DEFAULT
    assert in_lille.departement == "Département du Nord (59)"
    text = pdf_text(in_lille.pdf.read())
    assert "Claire Nordin" in text and "Fait à Lille, le" in text
    assert "Pas-de-Calais" not in text


def test_a_paris_learner_without_settings_gets_the_text_of_paris_then_the_national_one(
    nord_and_pdc,
):
    paris = UserFactory(departement="75", arrondissement="751", employer="Préfecture de police")

    first = _issue(paris, source="test:paris-1")
    assert first.issuer == "Délégation départementale aux droits des femmes et à l'égalité de Paris"
    assert first.departement == "Département de Paris (75)"
    assert first.signatory_title == (
        "La déléguée départementale aux droits des femmes et à l'égalité"
    )
    assert first.signatory_name == ""  # nobody configured a name to sign

    _profile("", issuer="Service des droits des femmes et de l'égalité", signatory_name="Anne État")
    second = _issue(paris, source="test:paris-2")
    assert second.issuer == "Service des droits des femmes et de l'égalité"
    assert second.departement == ""
    assert second.signatory_name == "Anne État"


def test_a_departement_without_its_own_settings_follows_its_region(nord_and_pdc):
    _profile("r32", issuer="DRDFE des Hauts-de-France", signatory_name="Rose Région")
    _profile("", issuer="Service national")
    amiens = UserFactory(departement="80", arrondissement="", employer="CHU d'Amiens")

    attestation = _issue(amiens)

    assert attestation.issuer == "DRDFE des Hauts-de-France"
    assert attestation.departement == "Région Hauts-de-France"
    assert attestation.signatory_name == "Rose Région"
    # The Nord keeps its own.
    assert issuer_for(departement_code="59").signatory_name == "Claire Nordin"


def test_a_learner_without_departement_gets_the_national_text():
    nowhere = UserFactory(departement="", arrondissement="")
    attestation = _issue(nowhere)
    assert attestation.issuer == (
        "Service des droits des femmes et de l'égalité entre les femmes et les hommes"
    )
    assert attestation.departement == ""


def test_an_attestation_keeps_the_issuer_of_its_day_when_rendered_again(learner, nord_and_pdc):
    with on_commit():
        attestation = _issue(learner)
    _profile("62", issuer="Nouvelle délégation", signatory_name="Nouvelle Déléguée")

    with on_commit():
        services.attestations_regenerate(by=learner)

    attestation.refresh_from_db()
    assert attestation.render_count == 2
    text = pdf_text(attestation.pdf.read())
    assert "Sophie Calais" in text and PDC_DEFAULT in text
    assert "Nouvelle" not in text
    # The next one is signed by the new delegate.
    assert _issue(learner, source="test:2").signatory_name == "Nouvelle Déléguée"


def test_a_session_s_attestation_speaks_for_the_session_s_departement(nord_and_pdc):
    from events import services as event_services
    from events.constants import Attendance
    from events.tests.factories import EventFactory, SessionFactory, organiser

    trainer = organiser()
    session = SessionFactory(event=EventFactory(organisers=[trainer]))  # Lille, 59
    lens = UserFactory()  # works in Lens (62)
    registration = event_services.registration_create(session=session, user=lens)

    event_services.attendance_record(
        session=session,
        by=trainer,
        marks={registration.pk: Attendance.PRESENT},
        now=session.starts_at + timedelta(minutes=10),
    )

    attestation = Attestation.objects.get(user=lens)
    assert attestation.issuer == NORD_DEFAULT
    assert attestation.signatory_name == "Claire Nordin"


def test_issuer_and_signatory_holding_markup_are_printed_as_text(learner):
    _profile(
        "62",
        issuer='<img src=x onerror="alert(1)">Délégation',
        signatory_name="<script>alert(2)</script>Marie",
        city="<b>Arras</b>",
    )
    attestation = _issue(learner)

    page = rendering.render_html(attestation)
    assert "<script>alert(2)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;Marie" in page
    assert "&lt;b&gt;Arras&lt;/b&gt;" in page
    text = pdf_text(rendering.render_pdf(attestation))
    assert "<script>alert(2)</script>Marie" in text


# --- The bilan of a plan -----------------------------------------------------------


def _plan(code: str, **territory):
    from indicators import services as indicator_services
    from indicators.tests.test_plans import SMALL

    data = {**SMALL, "code": code, "name": f"Plan {code}"}
    data.pop("departement", None)
    data.pop("territory", None)
    return indicator_services.plan_load(data={**data, **territory})


def test_the_bilan_of_the_nord_plan_names_the_nord():
    from indicators import exports

    plan = _plan("NORD-2024", departement="59")
    assert plan.departement_id == "59"
    _profile("62", issuer="Délégation du Pas-de-Calais", signatory_name="Sophie Calais")

    text = pdf_text(
        exports.bilan_pdf(plan=plan, rows=[], start=date(2025, 1, 1), end=date(2025, 12, 31))
    )
    assert NORD_DEFAULT in text
    assert "Pas-de-Calais" not in text

    _profile("59", issuer="DDFE du Nord", signatory_name="Claire <b>Nordin</b>", city="Lille")
    text = pdf_text(
        exports.bilan_pdf(plan=plan, rows=[], start=date(2025, 1, 1), end=date(2025, 12, 31))
    )
    assert "DDFE du Nord" in text
    assert "Claire <b>Nordin</b>" in text  # printed as typed, not as markup
    assert "Fait à Lille, le" in text


def test_a_regional_plan_speaks_for_its_region_and_a_national_plan_for_the_nation():
    assert issuer_for(region_code="32").issuer == (
        "Direction régionale aux droits des femmes et à l'égalité des Hauts-de-France"
    )
    assert issuer_for(region_code="32").territory == "Région Hauts-de-France"
    assert issuer_for().issuer == (
        "Service des droits des femmes et de l'égalité entre les femmes et les hommes"
    )
    _profile("59", issuer="DDFE du Nord")
    # A département's profile never speaks for its région.
    assert issuer_for(region_code="32").issuer.startswith("Direction régionale")


# --- Who edits which territory -----------------------------------------------------


@pytest.fixture
def nord_ddfe():
    return UserFactory(role=Role.DDFE, departement="59", arrondissement="595", delegated=["59"])


def _form(**fields):
    return {
        "issuer": "Délégation départementale du Nord",
        "signatory_title": "La déléguée départementale",
        "signatory_name": "Claire Nordin",
        "city": "Lille",
        **fields,
    }


def test_a_nord_ddfe_edits_the_nord_and_gets_404_for_the_pas_de_calais(client, nord_ddfe):
    client.force_login(nord_ddfe)
    nord = reverse("certificates:issuer_edit", args=["departement", "59"])
    pdc = reverse("certificates:issuer_edit", args=["departement", "62"])

    listing = html.unescape(client.get(reverse("certificates:issuers")).content.decode())
    assert "Département du Nord (59)" in listing
    assert "Pas-de-Calais" not in listing
    assert "Région Hauts-de-France" not in listing

    assert client.get(pdc).status_code == 404
    assert client.post(pdc, _form(issuer="Piratage")).status_code == 404
    reset = reverse("certificates:issuer_reset", args=["departement", "62"])
    assert client.post(reset).status_code == 404
    assert client.get(reverse("certificates:issuer_national")).status_code == 404
    assert client.post(reverse("certificates:issuer_national"), _form()).status_code == 404
    region = reverse("certificates:issuer_edit", args=["region", "32"])
    assert client.get(region).status_code == 404
    assert not IssuerProfile.objects.exists()

    page = html.unescape(client.get(nord).content.decode())
    assert NORD_DEFAULT in page  # the default offered as a starting point
    response = client.post(nord, _form())
    assert response.status_code == 302
    assert response["Location"] == reverse("certificates:issuers")
    profile = IssuerProfile.objects.get()
    assert (profile.level, profile.departement_id) == (IssuerLevel.DEPARTEMENT, "59")
    assert (profile.signatory_name, profile.city, profile.updated_by) == (
        "Claire Nordin",
        "Lille",
        nord_ddfe,
    )
    assert issuer_for(departement_code="59").issuer == "Délégation départementale du Nord"
    assert issuer_for(departement_code="62").issuer == PDC_DEFAULT


def test_an_empty_issuer_is_refused_in_french(client, nord_ddfe):
    client.force_login(nord_ddfe)
    url = reverse("certificates:issuer_edit", args=["departement", "59"])
    response = client.post(url, _form(issuer=""))
    assert response.status_code == 400
    assert "Champ requis." in html.unescape(response.content.decode())
    assert not IssuerProfile.objects.exists()


def test_reset_is_post_only_and_returns_to_the_inherited_text(client, nord_ddfe):
    client.force_login(nord_ddfe)
    _profile("59", issuer="DDFE du Nord")
    reset = reverse("certificates:issuer_reset", args=["departement", "59"])
    assert client.get(reset).status_code == 405
    assert client.post(reset).status_code == 302
    assert not IssuerProfile.objects.exists()
    assert issuer_for(departement_code="59").issuer == NORD_DEFAULT


def test_a_regional_delegate_edits_her_region_and_its_departements_not_others(client):
    delegate = UserFactory(role=Role.REGIONAL, delegated=["32"])
    client.force_login(delegate)
    for level, code in [("region", "32"), ("departement", "62"), ("departement", "80")]:
        url = reverse("certificates:issuer_edit", args=[level, code])
        assert client.post(url, _form(issuer=f"Service {code}")).status_code == 302
    for level, code in [("region", "11"), ("departement", "75")]:
        url = reverse("certificates:issuer_edit", args=[level, code])
        assert client.get(url).status_code == 404
    assert client.get(reverse("certificates:issuer_national")).status_code == 404
    assert IssuerProfile.objects.count() == 3


def test_the_national_service_edits_the_national_profile(client):
    national = UserFactory(role=Role.NATIONAL, departement="75", arrondissement="751")
    client.force_login(national)
    response = client.post(reverse("certificates:issuer_national"), _form(issuer="SDFE"))
    assert response.status_code == 302
    assert IssuerProfile.objects.get().level == IssuerLevel.NATIONAL
    assert issuer_for(departement_code="75").issuer == "SDFE"
    # Unknown territories and levels are not found, whoever asks.
    for args in [("departement", "00"), ("region", "99"), ("commune", "59")]:
        assert client.get(reverse("certificates:issuer_edit", args=args)).status_code == 404
    assert client.get("/attestations/signataires/national/59/").status_code == 404


@pytest.mark.parametrize("role", [Role.LEARNER, Role.TRAINER, Role.EDITOR, Role.UNIT_MANAGER])
def test_people_without_a_territory_role_may_not_edit(client, role):
    client.force_login(UserFactory(role=role))
    assert client.get(reverse("certificates:issuers")).status_code == 403
    url = reverse("certificates:issuer_edit", args=["departement", "62"])
    assert client.post(url, _form()).status_code == 403
    assert not IssuerProfile.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("certificates:issuers"))
    assert response.status_code == 302
    assert "/comptes/" in response["Location"] or "login" in response["Location"]


def test_the_listing_costs_the_same_queries_for_the_whole_country(django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        rows = issuer_rows(NATIONAL)
    assert len(rows) == 1 + Region.objects.filter(active=True).count() + (
        Departement.objects.filter(active=True).count()
    )
    for code in ("59", "62", "r32", ""):
        _profile(code, issuer=f"Service {code}")
    with django_assert_max_num_queries(3):
        rows = issuer_rows(NATIONAL)
    by_name = {row.name: row for row in rows}
    assert by_name["Département de la Somme (80)"].issuer.issuer == "Service r32"
    assert not by_name["Département de la Somme (80)"].own
    assert by_name["Département du Nord (59)"].own


# --- The migration of the single setting --------------------------------------------


@pytest.mark.parametrize(
    ("departement", "level", "code"),
    [("Nord (59)", "departement", "59"), ("Nord", "departement", "59"), ("", "national", None)],
)
def test_the_old_single_setting_moves_to_the_departement_it_names(departement, level, code):
    migration = importlib.import_module("certificates.migrations.0004_issuer_profiles")
    old = SimpleNamespace(
        issuer="Délégation départementale aux droits des femmes et à l'égalité",
        departement=departement,
        signatory_name="Marie Dupont",
        signatory_title="La déléguée départementale",
    )

    class Settings:
        class objects:  # noqa: N801 - stands for the historical model's manager
            @staticmethod
            def order_by(*args):
                return SimpleNamespace(first=lambda: old)

    class Apps:
        def get_model(self, app_label, name):
            if name == "AttestationSettings":
                return Settings
            return django_apps.get_model(app_label, name)

    learner = UserFactory()
    delivered = _issue(learner)
    Attestation.objects.filter(pk=delivered.pk).update(signatory_name="", signatory_title="")

    migration.settings_to_profiles(Apps(), None)

    profile = IssuerProfile.objects.get()
    assert (profile.level, profile.departement_id) == (level, code)
    assert (profile.issuer, profile.signatory_name) == (old.issuer, "Marie Dupont")
    # Attestations delivered before keep printing the signatory they printed.
    delivered.refresh_from_db()
    assert delivered.signatory_name == "Marie Dupont"


def test_the_wagtail_settings_menu_links_the_page_instead_of_the_retired_setting(
    client, administrator
):
    client.force_login(administrator)
    page = html.unescape(client.get("/cms/").content.decode())
    assert "Signataires des documents" in page
    assert reverse("certificates:issuers") in page
    assert "attestationsettings" not in page
    assert client.get("/cms/settings/certificates/attestationsettings/").status_code == 404
