"""After five wrong passwords for an account, even the right one is refused for a while."""

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import submit_login_form

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WRONG_CREDENTIALS = "L’adresse e-mail ou le mot de passe sont incorrects."
TOO_MANY_ATTEMPTS = "Trop de tentatives de connexion échouées. Veuillez réessayer ultérieurement."


def test_sixth_attempt_is_refused_even_with_the_right_password(page: Page, learner, password):
    page.goto("/accounts/login/")
    for _attempt in range(5):
        # The form comes back with the error after each attempt; try again from there.
        submit_login_form(page, email=learner.email, password="pas-le-bon-mot-de-passe")
        expect(page).to_have_url(re.compile(r"/accounts/login/$"))
        expect(page.get_by_role("main")).to_contain_text(WRONG_CREDENTIALS)

    submit_login_form(page, email=learner.email, password=password)

    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("main")).to_contain_text(TOO_MANY_ATTEMPTS)
    expect(page.get_by_role("button", name="Se déconnecter")).to_have_count(0)
    assert page.goto("/mon-espace/").url.split("?")[0].endswith("/accounts/login/")
