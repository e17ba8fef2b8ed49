"""A gendarme requests a placement at a hospital in Chromium, the host accepts, and
both download the convention."""

import re

import pytest
from playwright.sync_api import Page, expect

from accounts.tests.factories import UserFactory
from certificates.tests.factories import pdf_text
from placements.models import PlacementRequest
from placements.tests.factories import InstitutionFactory, OfferFactory, SlotFactory, host

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OFFER_TITLE = "Une journée à l'unité médico-judiciaire"


def _download_convention(page: Page, link_name=re.compile("Télécharger la convention")) -> str:
    with page.expect_download() as download_info:
        page.get_by_role("link", name=link_name).click()
    with open(download_info.value.path(), "rb") as pdf:
        return " ".join(pdf_text(pdf.read()).split())


def test_a_gendarme_requests_a_hospital_placement_the_host_accepts_both_get_the_convention(
    browser, live_server, password
):
    manager = host(first_name="Hélène", last_name="Vasseur")
    hospital = InstitutionFactory(name="Centre hospitalier de Lens", managers=[manager])
    SlotFactory(offer=OfferFactory(institution=hospital, title=OFFER_TITLE), seats=2)
    gendarme = UserFactory(
        first_name="Yann",
        last_name="Kerbrat",
        profession="gendarmerie_nationale",
        employer="Brigade de gendarmerie d'Arras",
    )

    # The gendarme finds the offer in the catalogue and asks for a slot.
    professional = browser.new_context(base_url=live_server.url, locale="fr-FR")
    page = professional.new_page()
    log_in(page, email=gendarme.email, password=password)
    page.get_by_role("link", name="Stages croisés").first.click()
    page.get_by_label("Type de structure").select_option("hopital")
    page.get_by_role("button", name="Filtrer").click()
    page.get_by_role("link", name=OFFER_TITLE).click()
    expect(page.get_by_role("heading", name=OFFER_TITLE, level=1)).to_be_visible()
    page.get_by_role("link", name=re.compile("Demander ce créneau")).first.click()
    page.get_by_label("Votre motivation").fill("Je reçois des victimes à la brigade.")
    page.get_by_label("Nom de la personne à contacter chez votre employeur").fill("Capitaine Morel")
    page.get_by_label("Son adresse électronique").fill("morel@gendarmerie.exemple.fr")
    page.get_by_label("Son numéro de téléphone").fill("03 21 11 22 33")
    page.get_by_role("button", name="Envoyer ma demande").click()
    expect(page.get_by_text("Votre demande est envoyée")).to_be_visible()
    placement = PlacementRequest.objects.get()

    # The host sees it in "Mes offres" and accepts it.
    host_context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    host_page = host_context.new_page()
    log_in(host_page, email=manager.email, password=password)
    host_page.goto("/stages/mes-offres/")
    requests_table = host_page.get_by_role("table", name="Demandes en attente de votre réponse")
    requests_table.get_by_role("link", name=re.compile("Ouvrir la demande de Yann Kerbrat")).click()
    host_page.get_by_label(re.compile("Message au ou à la stagiaire")).fill(
        "Rendez-vous à 8 h 30 aux urgences."
    )
    host_page.get_by_role("button", name="Accepter la demande").click()
    expect(
        host_page.get_by_text("Demande acceptée : la convention de stage est générée.")
    ).to_be_visible()
    host_text = _download_convention(host_page)
    assert "Yann Kerbrat" in host_text
    assert "Centre hospitalier de Lens" in host_text
    assert "Capitaine Morel" in host_text

    # The gendarme finds the acceptance in "Mes stages" and downloads the same convention.
    page.get_by_role("link", name="Stages croisés").first.click()
    page.get_by_role("link", name="Mes stages").click()
    current = page.get_by_role("table", name="Mes demandes et stages en cours")
    expect(current.get_by_text("Acceptée, convention à confirmer")).to_be_visible()
    text = _download_convention(page, re.compile(f"Convention du stage « {re.escape(OFFER_TITLE)}"))
    assert "Brigade de gendarmerie d'Arras" in text
    assert OFFER_TITLE in text
    current.get_by_role("link", name=re.compile("Ouvrir la demande")).click()
    expect(page.get_by_text("Rendez-vous à 8 h 30 aux urgences.").first).to_be_visible()
    page.get_by_role("button", name="Confirmer le stage").click()
    expect(page.get_by_text("Votre confirmation est enregistrée.")).to_be_visible()
    placement.refresh_from_db()
    assert placement.professional_confirmed_at is not None

    professional.close()
    host_context.close()


def test_placement_pages_have_no_serious_accessibility_violation(page: Page, password):
    from axe_playwright_python.sync_playwright import Axe

    from placements.tests.factories import request_for

    from .test_accessibility import BLOCKING_IMPACTS, _describe

    manager = host()
    hospital = InstitutionFactory(name="Centre hospitalier de Lens", managers=[manager])
    offer = OfferFactory(institution=hospital, title=OFFER_TITLE)
    slot = SlotFactory(offer=offer)
    placement = request_for(UserFactory(), slot)
    axe = Axe()
    log_in(page, email=manager.email, password=password)
    for path in [
        "/stages/",
        f"/stages/offres/{offer.pk}/",
        f"/stages/creneaux/{slot.pk}/demander/",
        f"/stages/demandes/{placement.pk}/",
        "/stages/mes-offres/",
        "/stages/mes-offres/nouvelle/",
        f"/stages/mes-offres/{offer.pk}/modifier/",
        "/stages/mes-stages/",
    ]:
        page.goto(path)
        results = axe.run(page)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, f"axe violations on {path}:\n{_describe(blocking)}"
