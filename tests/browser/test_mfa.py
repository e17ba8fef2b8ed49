"""Second factor: a DDFE referent enrols an authenticator app at first sign-in, then needs it."""

import re
import time

import pytest
from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Page, expect

from accounts.constants import Role
from accounts.tests.factories import UserFactory

from .conftest import enter_current_totp_code, log_in, submit_login_form, submit_totp_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WRONG_CODE = "Code incorrect."


def code_from_secret(secret: str) -> str:
    """What an authenticator app set up with `secret` shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // app_settings.TOTP_PERIOD))


def other_code(code: str) -> str:
    return f"{(int(code) + 1) % 10**6:06d}"


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("button", name="Se déconnecter")).to_have_count(0)


def test_ddfe_enrols_an_authenticator_app_then_needs_it_to_sign_in(page: Page, password):
    ddfe = UserFactory(role=Role.DDFE, mfa=False)

    log_in(page, email=ddfe.email, password=password)

    # Sent to the setup page, and kept there whatever page is asked for.
    expect(page).to_have_url(re.compile(r"/accounts/2fa/$"))
    expect(page.get_by_role("main")).to_contain_text("Double authentification obligatoire")
    page.goto("/indicateurs/")
    expect(page).to_have_url(re.compile(r"/accounts/2fa/$"))

    page.get_by_role("main").get_by_role("link", name="Activer").click()
    # Changing one's factors asks for the password again, even just after signing in.
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmer l'accès")
    page.get_by_label(re.compile(r"^\s*Mot de passe")).fill(password)
    page.get_by_role("main").get_by_role("button", name="Confirmer").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Activer l'application d'authentification"
    )
    # "Scan" the QR code: the same secret is written below it for typing into the app.
    expect(page.get_by_role("img", name=re.compile(r"^[A-Z2-7]{32}$"))).to_be_visible()
    secret = page.locator("#authenticator_secret").input_value()

    submit_totp_code(page, other_code(code_from_secret(secret)))
    expect(page.get_by_role("main")).to_contain_text(WRONG_CODE)

    submit_totp_code(page, code_from_secret(secret))

    # Recovery codes, shown this once; "Continuer" leads where the person was going.
    expect(page).to_have_url(re.compile(r"/accounts/2fa/recovery-codes/$"))
    codes = page.locator("#recovery_codes").input_value().split()
    assert len(codes) == 10
    expect(page.get_by_role("main")).to_contain_text("ils ne seront plus affichés")
    # Without this box ticked, leaving the page asks for confirmation.
    page.get_by_text("J'ai sauvegardé mes codes de récupération").click()
    expect(page.get_by_label("J'ai sauvegardé mes codes de récupération")).to_be_checked()
    page.get_by_role("link", name="Continuer").click()
    expect(page).to_have_url(re.compile(r"/indicateurs/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord DDFE")
    page.goto("/accounts/2fa/recovery-codes/")
    expect(page.locator("#recovery_codes")).to_have_count(0)
    log_out(page)

    # Next sign-in: the password is not enough.
    page.goto("/accounts/login/")
    submit_login_form(page, email=ddfe.email, password=password)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Authentification à deux facteurs")
    # Not signed in until the code is given.
    page.goto("/indicateurs/")
    expect(page).not_to_have_url(re.compile(r"/indicateurs/$"))
    page.goto("/accounts/2fa/authenticate/")
    submit_totp_code(page, "000000" if codes[0] != "000000" else "111111")
    expect(page.get_by_role("main")).to_contain_text(WRONG_CODE)

    # A recovery code works, once.
    submit_totp_code(page, codes[0])
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))
    log_out(page)
    page.goto("/accounts/login/")
    submit_login_form(page, email=ddfe.email, password=password)
    submit_totp_code(page, codes[0])
    expect(page.get_by_role("main")).to_contain_text(WRONG_CODE)

    # And the app's current code.
    enter_current_totp_code(page, ddfe)
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))


def test_trainer_with_an_authenticator_app_signs_in_with_its_code(page: Page, password):
    trainer = UserFactory(role=Role.TRAINER)

    log_in(page, email=trainer.email, password=password)

    expect(page).to_have_url(re.compile(r"/mon-espace/$"))
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def test_trainer_enrols_a_passkey_then_signs_in_with_it_alone(page: Page, context, password):
    """Chromium's virtual authenticator stands for a phone or a security key with a PIN."""
    trainer = UserFactory(role=Role.TRAINER, mfa=False)
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )

    log_in(page, email=trainer.email, password=password)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/$"))
    page.goto("/accounts/2fa/webauthn/add/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirmer l'accès")
    page.get_by_label(re.compile(r"^\s*Mot de passe")).fill(password)
    page.get_by_role("main").get_by_role("button", name="Confirmer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ajouter une clé de sécurité")
    page.get_by_text("Sans mot de passe").click()
    page.get_by_role("main").get_by_role("button", name="Ajouter").click()

    # Enrolled: recovery codes, then the pages the role opens.
    expect(page).to_have_url(re.compile(r"/accounts/2fa/recovery-codes/$"))
    page.get_by_text("J'ai sauvegardé mes codes de récupération").click()
    page.get_by_role("link", name="Continuer").click()
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))
    log_out(page)

    page.goto("/accounts/login/")
    page.get_by_role("main").get_by_role("button", name="Se connecter avec une clé d'accès").click()
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))
    log_out(page)

    # Or as the second factor after the password.
    page.goto("/accounts/login/")
    submit_login_form(page, email=trainer.email, password=password)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    page.get_by_role("button", name="Utiliser une clé de sécurité ou une clé d'accès").click()
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()


def test_second_factor_pages_have_no_serious_accessibility_violation(page: Page, password):
    from axe_playwright_python.sync_playwright import Axe

    from .test_accessibility import BLOCKING_IMPACTS, _describe

    axe = Axe()
    # The code step of a sign-in.
    page.goto("/accounts/login/")
    submit_login_form(page, email=UserFactory(role=Role.TRAINER).email, password=password)
    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    checked = [page.url]
    results = [axe.run(page)]
    page.context.clear_cookies()

    # The enrolment pages.
    editor = UserFactory(role=Role.EDITOR, mfa=False)
    log_in(page, email=editor.email, password=password)
    checked.append(page.url)
    results.append(axe.run(page))
    page.get_by_role("main").get_by_role("link", name="Activer").click()
    checked.append(page.url)
    results.append(axe.run(page))  # password confirmation
    page.get_by_label(re.compile(r"^\s*Mot de passe")).fill(password)
    page.get_by_role("main").get_by_role("button", name="Confirmer").click()
    expect(page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    checked.append(page.url)
    results.append(axe.run(page))

    for url, result in zip(checked, results, strict=True):
        blocking = [v for v in result.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, f"axe violations on {url}:\n{_describe(blocking)}"
