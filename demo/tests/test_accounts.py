"""Demo accounts: privileged ones come with the printed authenticator-app secret."""

import io
import time

import pytest
from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management import CommandError, call_command

from accounts.mfa import mfa_enrolled
from accounts.models import User
from demo.loaders import accounts as demo

pytestmark = pytest.mark.django_db


def _code_of_the_printed_secret() -> str:
    counter = int(time.time()) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(demo.TOTP_SECRET, counter))


def test_privileged_demo_accounts_use_the_printed_secret_and_the_learner_none():
    demo.load(with_logins=True)
    demo.load(with_logins=True)  # idempotent

    enrolled = {user.email: mfa_enrolled(user) for user in User.objects.all()}
    assert enrolled == {
        account.email: account.email != "apprenante@egide.test" for account in demo.ACCOUNTS
    }
    assert f"secret={demo.TOTP_SECRET}" in demo.totp_uri()
    assert demo.totp_uri().startswith("otpauth://totp/")


def test_demo_totp_prints_the_current_code_in_development(settings):
    demo.load(with_logins=True)
    settings.DEBUG = True
    out = io.StringIO()

    call_command("demo_totp", "DDFE@egide.test", stdout=out)

    assert out.getvalue().strip() == _code_of_the_printed_secret()


def test_demo_totp_refuses_outside_development(settings):
    demo.load(with_logins=True)
    settings.DEBUG = False

    with pytest.raises(CommandError, match="développement"):
        call_command("demo_totp", "ddfe@egide.test", stdout=io.StringIO())


def test_demo_totp_says_when_an_account_has_no_app(settings):
    demo.load(with_logins=True)
    settings.DEBUG = True

    with pytest.raises(CommandError, match="pas d'application"):
        call_command("demo_totp", "apprenante@egide.test", stdout=io.StringIO())
