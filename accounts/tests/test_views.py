"""The person's own pages: profile, RGPD export and account deletion."""

import json

import pytest
from allauth.account.models import EmailAddress
from django import forms
from django.urls import reverse
from django.utils import translation

from accounts.constants import Profession, Role
from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROFILE_URL = reverse("accounts:profile")
DASHBOARD_URL = reverse("core:dashboard")
EXPORT_URL = reverse("accounts:data_export")
DELETE_URL = reverse("accounts:delete")

VALID_PROFILE = {
    "first_name": "Léa",
    "last_name": "Durand",
    "profession": Profession.TRAVAILLEUR_SOCIAL,
    "employer": "CCAS de Douai",
    "departement": "59",
    "arrondissement": "593",
    "rpps": "",
}


def _french(message: str) -> str:
    with translation.override("fr"):
        return str(message)


# --- Profile ---------------------------------------------------------------------


@pytest.mark.parametrize("url", [PROFILE_URL, EXPORT_URL, DELETE_URL])
def test_own_pages_send_anonymous_visitors_to_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_profile_shows_the_current_values(client, learner):
    client.force_login(learner)

    response = client.get(PROFILE_URL)

    assert response.status_code == 200
    assert response.context["form"].instance == learner
    assert learner.employer in response.content.decode()


def test_profile_lists_arrondissements_by_departement_for_the_filter_script(client, learner):
    client.force_login(learner)

    response = client.get(PROFILE_URL)

    html = response.content.decode()
    assert '<optgroup label="59 – Nord">' in html
    assert "data-filtre-departement" in html
    assert "accounts/arrondissement-filter" in html
    field = response.context["form"].fields["departement"]
    assert ("62", "62 – Pas-de-Calais") in [(str(v), label) for v, label in field.choices]


def test_profile_post_saves_and_comes_back_to_the_profile(client, incomplete_user):
    client.force_login(incomplete_user)

    response = client.post(PROFILE_URL, VALID_PROFILE)

    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    incomplete_user.refresh_from_db()
    assert incomplete_user.employer == "CCAS de Douai"
    assert incomplete_user.arrondissement_id == "593"
    assert incomplete_user.profile_is_complete


def test_profile_post_follows_a_local_next(client, incomplete_user):
    client.force_login(incomplete_user)

    response = client.post(PROFILE_URL, {**VALID_PROFILE, "next": DASHBOARD_URL})

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD_URL


@pytest.mark.parametrize(
    "next_url",
    ["https://pirate.example/", "//pirate.example/mon-espace/", "javascript:alert(1)"],
)
def test_profile_post_ignores_an_external_next(client, incomplete_user, next_url):
    client.force_login(incomplete_user)

    response = client.post(f"{PROFILE_URL}?next={next_url}", {**VALID_PROFILE, "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == PROFILE_URL
    incomplete_user.refresh_from_db()
    assert incomplete_user.profile_is_complete


def test_profile_post_with_errors_shows_them_in_french_and_saves_nothing(client, learner):
    client.force_login(learner)
    before = User.objects.values().get(pk=learner.pk)

    response = client.post(
        PROFILE_URL, {**VALID_PROFILE, "employer": "", "departement": "59", "arrondissement": ""}
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"employer", "arrondissement"}
    required = _french(forms.Field.default_error_messages["required"])
    assert required != "This field is required."
    assert errors["employer"] == [required]
    assert required in response.content.decode()
    assert User.objects.values().get(pk=learner.pk) == before


def test_profile_refuses_an_rpps_with_a_wrong_key(client, learner):
    client.force_login(learner)
    before = User.objects.values().get(pk=learner.pk)

    response = client.post(
        PROFILE_URL, {**VALID_PROFILE, "profession": Profession.MEDECIN, "rpps": "10001234560"}
    )

    assert response.status_code == 200
    assert "rpps" in response.context["form"].errors
    assert User.objects.values().get(pk=learner.pk) == before


def test_profile_refuses_an_arrondissement_of_another_departement(client, learner):
    client.force_login(learner)

    response = client.post(
        PROFILE_URL, {**VALID_PROFILE, "departement": "59", "arrondissement": "627"}
    )

    assert response.status_code == 200
    assert "arrondissement" in response.context["form"].errors
    learner.refresh_from_db()
    assert learner.departement_id == "62"


def test_profile_cannot_change_the_login_email_or_rights(client, learner):
    client.force_login(learner)
    email = learner.email

    client.post(PROFILE_URL, {**VALID_PROFILE, "email": "autre@exemple.fr", "is_staff": "on"})

    learner.refresh_from_db()
    assert learner.email == email
    assert not learner.is_staff


def test_dashboard_sends_an_incomplete_profile_to_the_form_first(client, incomplete_user):
    client.force_login(incomplete_user)

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 302
    assert response["Location"] == f"{PROFILE_URL}?next={DASHBOARD_URL}"

    response = client.get(response["Location"])
    assert response.status_code == 200
    assert f'name="next" value="{DASHBOARD_URL}"' in response.content.decode()

    response = client.post(f"{PROFILE_URL}?next={DASHBOARD_URL}", VALID_PROFILE, follow=True)

    assert response.redirect_chain == [(DASHBOARD_URL, 302)]
    assert response.templates[0].name == "accounts/dashboard.html"
    assert "Mon espace" in response.content.decode()
    assert f"Bonjour {VALID_PROFILE['first_name']}" in response.content.decode()


def test_dashboard_query_string_survives_the_profile_detour(client, incomplete_user):
    client.force_login(incomplete_user)
    wanted = f"{DASHBOARD_URL}?onglet=formations&ordre=date"

    profile_url = client.get(wanted)["Location"]
    response = client.post(profile_url, VALID_PROFILE)

    assert response["Location"] == wanted


def test_dashboard_shows_mon_espace_to_a_complete_profile(client, learner):
    client.force_login(learner)

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 200
    content = response.content.decode()
    assert "<title>Mon espace" in content
    assert f"Bonjour {learner.first_name}" in content


# --- RGPD export -------------------------------------------------------------------


def test_export_is_a_json_attachment_of_my_data_only(client, learner):
    other = UserFactory(first_name="Autre", last_name="Personne", employer="Mairie de Calais")
    client.force_login(learner)

    response = client.get(EXPORT_URL)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["profil"]["adresse_electronique"] == learner.email
    assert data["profil"]["nom"] == learner.last_name
    assert [a["adresse"] for a in data["adresses_electroniques"]] == [learner.email]
    assert data["profil"]["departement"] == "62 – Pas-de-Calais"
    assert data["profil"]["arrondissement"] == "Lens"
    raw = response.content.decode()
    for value in (other.email, other.last_name, other.employer):
        assert value not in raw


def test_export_names_the_territories_a_delegate_follows(client):
    delegate = UserFactory(role=Role.DDFE, delegated=["59", "62"])
    client.force_login(delegate)

    data = json.loads(client.get(EXPORT_URL).content)

    assert data["territoires_suivis"] == [
        "Département du Nord (59)",
        "Département du Pas-de-Calais (62)",
    ]


def test_export_includes_registered_exporters(client, learner, temporary_exporter):
    temporary_exporter("attestations", lambda person: {"nombre": person.pk * 2})
    client.force_login(learner)

    data = json.loads(client.get(EXPORT_URL).content)

    assert data["attestations"] == {"nombre": learner.pk * 2}


def test_export_is_read_only(client, learner):
    client.force_login(learner)

    assert client.post(EXPORT_URL).status_code == 405


# --- Account deletion --------------------------------------------------------------


def test_delete_page_shows_the_confirmation_form(client, learner):
    client.force_login(learner)

    response = client.get(DELETE_URL)

    assert response.status_code == 200
    assert set(response.context["form"].fields) == {"confirmation", "password"}


@pytest.mark.parametrize(
    "data",
    [
        {"confirmation": "SUPPRIMER", "password": "mauvais-mot-de-passe"},
        {"confirmation": "SUPPRIMER", "password": ""},
        {"confirmation": "supprime", "password": PASSWORD},
        {"confirmation": "", "password": PASSWORD},
    ],
)
def test_delete_without_password_and_confirmation_changes_nothing(client, learner, data):
    client.force_login(learner)
    before = User.objects.values().get(pk=learner.pk)

    response = client.post(DELETE_URL, data)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert User.objects.values().get(pk=learner.pk) == before
    assert EmailAddress.objects.filter(user=learner).exists()
    assert client.session.get("_auth_user_id") == str(learner.pk)


def test_delete_anonymises_logs_out_and_blocks_login(client, learner):
    email = learner.email
    kept = User.objects.values(
        "profession", "departement_id", "arrondissement_id", "date_joined"
    ).get(pk=learner.pk)
    client.force_login(learner)

    response = client.post(DELETE_URL, {"confirmation": " supprimer ", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session.get("_auth_user_id") is None
    user = User.objects.get(pk=learner.pk)
    assert email not in user.email
    assert (user.first_name, user.last_name, user.employer, user.rpps) == ("", "", "", "")
    assert {name: getattr(user, name) for name in kept} == kept
    assert not user.is_active
    assert not user.has_usable_password()
    assert not user.groups.exists()
    assert not EmailAddress.objects.filter(user=user).exists()

    response = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert response.status_code == 200
    assert client.session.get("_auth_user_id") is None


def test_delete_other_sessions_of_the_person_are_closed(client, learner):
    other_device = client.__class__()
    other_device.force_login(learner)
    client.force_login(learner)

    client.post(DELETE_URL, {"confirmation": "SUPPRIMER", "password": PASSWORD})

    response = other_device.get(DASHBOARD_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_delete_without_a_password_for_a_proconnect_account(client, learner):
    learner.set_unusable_password()
    learner.save(update_fields=["password"])
    client.force_login(learner)

    form = client.get(DELETE_URL).context["form"]
    response = client.post(DELETE_URL, {"confirmation": "SUPPRIMER"})

    assert "password" not in form.fields
    assert response.status_code == 302
    assert User.objects.get(pk=learner.pk).anonymised_at is not None
