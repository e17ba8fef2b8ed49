"""A DDFE opens the API's documentation from her API keys page: a French page with a
worked example, then Swagger UI, served from our own files under the
Content-Security-Policy, which lists the indicators operation and calls it with her
session."""

import re

import pytest
from playwright.sync_api import Page, expect

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from indicators import services

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PLAN = {
    "code": "DOC-2024",
    "name": "Plan départemental documenté",
    "departement": "62",
    "period_start": "2024-01-01",
    "period_end": "2027-12-31",
    "axes": [
        {
            "number": "1",
            "title": "Former",
            "fiches": [
                {
                    "number": "1.1",
                    "title": "Sensibiliser",
                    "indicators": [
                        {"label": "Nombre de personnes formées", "measure": "people_trained"}
                    ],
                }
            ],
        }
    ],
}


def test_a_ddfe_reads_the_api_documentation_and_tries_the_indicators(page: Page, password):
    services.plan_load(data=PLAN)
    ddfe = UserFactory(role=Role.DDFE)
    log_in(page, email=ddfe.email, password=password)

    page.goto("/indicateurs/cles-api/")
    page.get_by_role("link", name=re.compile("Documentation de l'API")).click()
    # In French first: the command to type with her key, and what it answers today.
    expect(page).to_have_url(re.compile(r"/indicateurs/api/$"))
    expect(page.get_by_role("heading", name="Utiliser l'API des indicateurs")).to_be_visible()
    expect(page.locator("#exemple-commande")).to_contain_text(
        'curl -H "Authorization: Token VOTRE_CLÉ"'
    )
    expect(page.locator("#exemple-commande")).to_contain_text("plan=DOC-2024")
    expect(page.locator("#exemple-reponse")).to_contain_text('"code": "DOC-2024-1.1-1"')

    page.get_by_role("link", name=re.compile("Essayer l'API dans le navigateur")).click()
    expect(page).to_have_url(re.compile(r"/api/v1/docs/$"))
    expect(page.get_by_role("heading", name="Documentation de l'API", level=1)).to_be_visible()

    operation = page.locator(".opblock-get", has_text="/api/v1/indicators/")
    expect(operation).to_contain_text("Indicateurs d'un plan sur une période")
    expect(page.locator(".opblock-get", has_text="/api/v1/territoires/")).to_be_visible()
    operation.locator(".opblock-summary").first.click()
    expect(operation.locator(".parameter__name", has_text="plan")).to_be_visible()
    expect(operation.locator(".parameter__name", has_text="by")).to_be_visible()

    # "Try it out" calls the API with her session, on a plan of her département.
    operation.get_by_role("button", name="Try it out").click()
    operation.locator("tr[data-param-name='plan'] input").fill("DOC-2024")
    operation.get_by_role("button", name="Execute").click()
    answer = operation.locator(".live-responses-table tbody .response-col_status").first
    expect(answer).to_have_text("200")
    expect(operation.locator(".live-responses-table")).to_contain_text("DOC-2024-1.1-1")
