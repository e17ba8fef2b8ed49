"""Error pages: French, in the site's layout, with the quick exit and a way back
(issue 20, point 4). A learner who opens a page of another role must not land on
Django's bare English "403 Forbidden"."""

import pytest
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from core.views_errors import server_error

pytestmark = pytest.mark.django_db

QUICK_EXIT = 'id="quitter-rapidement"'


def _assert_error_page(response, status: int, heading: str):
    content = response.content.decode()
    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in content
    assert f"Erreur {status}" in content
    assert QUICK_EXIT in content
    assert 'class="fr-header"' in content
    assert 'href="/"' in content
    assert "Forbidden" not in content and "Not Found" not in content


def test_a_learner_opening_the_indicators_gets_the_french_403_with_ways_out(client, learner):
    client.force_login(learner)
    response = client.get(
        reverse("indicators:dashboard"), HTTP_REFERER="http://testserver/parcours/mes-formations/"
    )

    _assert_error_page(response, 403, "Accès refusé")
    content = response.content.decode()
    assert f'href="{reverse("core:dashboard")}"' in content
    assert 'href="http://testserver/parcours/mes-formations/"' in content  # back


def test_an_unknown_address_gets_the_french_404(client):
    _assert_error_page(client.get("/nulle-part/"), 404, "Page introuvable")


def test_an_address_with_a_null_character_gets_the_french_400(client):
    _assert_error_page(client.get("/sessions/?q=%00"), 400, "Demande incorrecte")


def test_a_form_sent_without_its_security_token_gets_the_french_page(learner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    response = client.post(reverse("account_logout"))

    _assert_error_page(response, 403, "Formulaire expiré")


def test_the_500_page_renders_without_the_database(django_assert_num_queries):
    request = RequestFactory().get("/parcours/")
    with django_assert_num_queries(0):
        response = server_error(request)

    content = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Erreur inattendue</h1>" in content
    assert QUICK_EXIT in content and "https://" in content
    assert 'class="fr-header"' in content


@override_settings(ALLOWED_HOSTS=["testserver"])
def test_a_refused_host_gets_the_french_400(client):
    _assert_error_page(client.get("/", HTTP_HOST="ailleurs.example"), 400, "Demande incorrecte")


@override_settings(DEBUG=True)
def test_under_make_run_a_404_is_the_french_page_too(client):
    _assert_error_page(client.get("/nulle-part/"), 404, "Page introuvable")
