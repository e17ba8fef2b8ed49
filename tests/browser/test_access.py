"""Who reaches what: the Wagtail admin and the DDFE dashboard, seen from a browser."""

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_learner_reaches_neither_the_cms_nor_the_ddfe_dashboard(page: Page, learner, password):
    log_in(page, email=learner.email, password=password)
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))
    nav = page.get_by_role("navigation", name="Menu principal")
    expect(nav.get_by_role("link", name="Tableau de bord DDFE")).to_have_count(0)
    expect(nav.get_by_role("link", name="Administration du contenu")).to_have_count(0)

    # Wagtail turns the learner away (through the login page) to "Mon espace",
    # with its message, instead of showing the admin.
    response = page.goto("/cms/")
    assert response.status == 200
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))
    expect(
        page.get_by_role("status").filter(
            has_text="Vous n’avez pas l’autorisation d’accéder à l’administration."
        )
    ).to_be_visible()
    expect(page.locator("#wagtail")).to_have_count(0)

    response = page.goto("/indicateurs/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="Tableau de bord DDFE")).to_have_count(0)
    expect(page.get_by_text("personnes inscrites sur la plateforme")).to_have_count(0)
    # The French error page, in the layout: the quick exit and a way back.
    expect(page.get_by_role("heading", level=1)).to_have_text("Accès refusé")
    expect(page.get_by_role("link", name="Quitter rapidement")).to_be_visible()
    expect(page.get_by_text("Forbidden")).to_have_count(0)
    page.get_by_role("main").get_by_role("link", name="Aller à Mon espace").click()
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))


def test_ddfe_referent_opens_the_dashboard_from_mon_espace(page: Page, ddfe, learner, password):
    log_in(page, email=ddfe.email, password=password)
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Tableau de bord DDFE"
    ).click()

    expect(page).to_have_url(re.compile(r"/indicateurs/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tableau de bord DDFE")
    # The referent and the learner.
    expect(page.get_by_text("2 personnes inscrites sur la plateforme.")).to_be_visible()
    expect(page.get_by_role("table", name="Personnes inscrites par profession")).to_be_visible()


def test_editor_opens_the_cms_from_mon_espace(page: Page, editor, password):
    log_in(page, email=editor.email, password=password)
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Administration du contenu"
    ).click()

    expect(page).to_have_url(re.compile(r"/cms/$"))
    # Wagtail's admin dashboard, not a login page.
    expect(page.locator("#wagtail")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Égide")
    expect(page.get_by_label("E-mail")).to_have_count(0)
