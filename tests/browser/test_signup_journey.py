"""A new professional signs up, confirms the address, completes the profile, comes back."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from playwright.sync_api import Page, expect

from accounts.models import User

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "claire.dubois@exemple.fr"
PASSWORD = "un-long-mot-de-passe-2026"
CONFIRM_LINK = re.compile(r"https?://[^\s/]+(/accounts/confirm-email/[^\s/]+/)")


def test_sign_up_confirm_complete_profile_log_out_and_back_in(page: Page):
    page.goto("/")
    page.get_by_role("link", name="Créer mon compte").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Création de compte")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Prénom").fill("Claire")
    page.get_by_label("Nom", exact=True).fill("Dubois")
    page.get_by_label(re.compile(r"^\s*Mot de passe(?!\s*\(confirmation)")).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Création de compte").click()

    # Verification is mandatory: no session yet, an email instead.
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre adresse e-mail")
    expect(page.get_by_role("button", name="Se déconnecter")).to_have_count(0)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    link = CONFIRM_LINK.search(message.body)
    assert link, f"no confirmation link in:\n{message.body}"

    page.goto(link.group(1))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmer l'adresse e-mail")
    page.get_by_role("main").get_by_role("button", name="Confirmer").click()

    # Logged in on confirmation, then asked for the profile before "Mon espace".
    expect(page).to_have_url(re.compile(r"/compte/profil/\?next=/mon-espace/$"))
    expect(
        page.get_by_role("status").filter(
            has_text="Complétez votre profil pour accéder à vos formations."
        )
    ).to_be_visible()
    assert EmailAddress.objects.get(email=EMAIL).verified

    page.get_by_label("Profession", exact=True).select_option("police_nationale")
    page.get_by_label("Employeur ou institution").fill("Commissariat de Lens")
    page.get_by_label("Département d'exercice").select_option("62")
    page.get_by_label("Arrondissement").select_option(label="Lens")
    page.get_by_role("button", name="Enregistrer mon profil").click()

    expect(page).to_have_url(re.compile(r"/mon-espace/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Claire")
    expect(
        page.get_by_role("status").filter(has_text="Votre profil a été enregistré.")
    ).to_be_visible()
    user = User.objects.get(email=EMAIL)
    assert (user.profession, user.departement_id, user.arrondissement_id) == (
        "police_nationale",
        "62",
        "627",
    )

    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("link", name="Se connecter").first).to_be_visible()
    expect(page.get_by_role("button", name="Se déconnecter")).to_have_count(0)
    assert page.goto("/mon-espace/").url.split("?")[0].endswith("/accounts/login/")

    log_in(page, email=EMAIL, password=PASSWORD)
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Bonjour Claire")
    expect(page.get_by_role("link", name="Mon espace")).to_have_attribute("aria-current", "page")
