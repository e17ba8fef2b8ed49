"""Public pages and "Mon espace": French, lean on queries, role-aware navigation."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts import services
from accounts.constants import Role
from accounts.tests.factories import UserFactory
from core.models import HomePage

pytestmark = pytest.mark.django_db

HOME = "/"
LOGIN = reverse("account_login")
DASHBOARD = reverse("core:dashboard")

# Measured once; a page that starts querying per row or per role breaks these.
HOME_QUERIES = 4  # site, page, page ancestors (aliases), view restrictions
LOGIN_QUERIES = 1  # configured social apps
SIGNED_IN_QUERIES = 3  # session, user, the user's group names
# + the courses panel: enrolments, lessons done, completions, view restrictions, module pages
DASHBOARD_QUERIES = SIGNED_IN_QUERIES + 5


def _allauth_french(msgid: str) -> str:
    with translation.override("fr"):
        text = translation.gettext(msgid)
    assert text != msgid, f"{msgid!r} has no French translation"
    return text


@pytest.mark.parametrize("accept_language", ["fr-FR,fr;q=0.9", "en-GB,en;q=0.9", "de"])
def test_home_page_is_french_whatever_the_browser_asks(client, accept_language):
    response = client.get(HOME, HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="fr"' in content
    assert response["Content-Language"] == "fr"
    home = HomePage.objects.get()
    assert f"<h1>{home.title}</h1>" in content
    assert str(settings.SERVICE_TAGLINE) in content
    assert reverse("account_signup") in content


@pytest.mark.parametrize("accept_language", ["fr-FR,fr;q=0.9", "en-US,en;q=0.9"])
def test_login_page_is_french_whatever_the_browser_asks(client, accept_language):
    response = client.get(LOGIN, HTTP_ACCEPT_LANGUAGE=accept_language)

    content = response.content.decode()
    assert '<html lang="fr"' in content
    assert _allauth_french("Sign In") in content
    assert _allauth_french("Forgot your password?") in content
    assert "Forgot your password?" not in content


def test_home_page_query_count_is_constant(client, django_assert_max_num_queries):
    client.get(HOME)  # fills Wagtail's cached site root paths

    with django_assert_max_num_queries(HOME_QUERIES):
        assert client.get(HOME).status_code == 200


def test_home_page_for_a_signed_in_person_adds_only_session_and_user(
    client, learner, django_assert_max_num_queries
):
    client.force_login(learner)
    client.get(HOME)

    with django_assert_max_num_queries(HOME_QUERIES + SIGNED_IN_QUERIES):
        response = client.get(HOME)
    assert reverse("core:dashboard") in response.content.decode()


def test_login_page_query_count_is_constant(client, django_assert_max_num_queries):
    UserFactory.create_batch(5)
    client.get(LOGIN)  # fills Django's in-process cache of the current Site

    with django_assert_max_num_queries(LOGIN_QUERIES):
        assert client.get(LOGIN).status_code == 200


def test_dashboard_query_count_does_not_grow_with_roles(client, django_assert_max_num_queries):
    learner = UserFactory()
    everything = UserFactory(role=Role.DDFE)
    for role in (Role.TRAINER, Role.EDITOR, Role.HOST, Role.ADMIN):
        services.user_assign_role(user=everything, role=role)
    UserFactory.create_batch(5, role=Role.TRAINER)

    for user in (learner, everything):
        client.force_login(user)
        client.get(DASHBOARD)  # warm the site and role caches, as on a running server
        with django_assert_max_num_queries(DASHBOARD_QUERIES):
            response = client.get(DASHBOARD)
        assert response.status_code == 200
    assert response.context["user_sees_reports"] and response.context["user_can_edit_content"]


def test_dashboard_requires_login(client):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next={DASHBOARD}"


@pytest.mark.parametrize(
    ("role", "sees_reports", "edits_content"),
    [
        (None, False, False),
        (Role.TRAINER, False, False),
        (Role.DDFE, True, False),
        (Role.EDITOR, False, True),
        (Role.ADMIN, True, True),
    ],
)
def test_dashboard_links_follow_the_roles(client, role, sees_reports, edits_content):
    client.force_login(UserFactory(role=role))

    content = client.get(DASHBOARD).content.decode()

    assert (f'href="{reverse("indicators:dashboard")}"' in content) is sees_reports
    assert ('href="/cms/"' in content) is edits_content


@pytest.mark.parametrize("name", ["core:privacy", "core:accessibility", "core:legal_notice"])
def test_legal_pages_are_public(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()


def test_every_page_offers_the_quick_exit(client):
    content = client.get(HOME).content.decode()

    assert settings.QUICK_EXIT_URL in content


def test_the_cached_menu_follows_each_person_and_marks_the_current_page(client, learner, ddfe):
    # The menu is rendered once per variant (core/templates/base.html): one person's
    # links must never show in another's page, and the current page is marked.
    reports = f'href="{reverse("indicators:dashboard")}"'
    my_trainings = reverse("courses:my_trainings")

    client.force_login(ddfe)
    assert reports in client.get(DASHBOARD).content.decode()
    client.force_login(learner)
    dashboard = client.get(DASHBOARD).content.decode()
    trainings = client.get(my_trainings).content.decode()

    assert reports not in dashboard
    assert f'href="{DASHBOARD}" aria-current="page"' in dashboard
    assert f'href="{my_trainings}" aria-current="page"' not in dashboard
    assert f'href="{my_trainings}" aria-current="page"' in trainings
    assert f'href="{DASHBOARD}" aria-current="page"' not in trainings


@pytest.mark.parametrize(
    "address", ["/api/v1/indicators/?plan=%00", "/parcours/catalogue/?q=a%00b", "/page%00inconnue/"]
)
def test_a_nul_character_in_the_address_is_a_400_in_french(client, address):
    # PostgreSQL refuses NUL in any text: a lookup made with it was a 500.
    response = client.get(address)

    assert response.status_code == 400
    text = response.json()["erreur"] if address.startswith("/api/") else response.content.decode()
    assert "caractère nul" in text


@pytest.mark.parametrize(
    ("role", "url_name"),
    [
        (Role.TRAINER, "events:organised"),
        (Role.HOST, "placements:host_offers"),
        (Role.UNIT_MANAGER, "assignments:unit"),
    ],
)
def test_each_role_finds_its_workspace_in_the_menu_and_in_mon_espace(
    client, learner, role, url_name
):
    link = f'href="{reverse(url_name)}"'
    client.force_login(UserFactory(role=role))
    dashboard = client.get(DASHBOARD).content.decode()
    # Once in the main menu, once as a tile of "Mon espace".
    assert dashboard.count(link) == 2

    client.force_login(learner)
    assert link not in client.get(DASHBOARD).content.decode()
