"""Once a département is chosen, the arrondissement list shows only its arrondissements
(accounts/static/accounts/arrondissement-filter.js, an external script: CSP)."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_choosing_a_departement_narrows_the_catalogue_arrondissements(page: Page):
    page.goto("/stages/")
    arrondissement = page.locator('select[name="arrondissement"]')
    nord = arrondissement.locator('optgroup[label="59 – Nord"]')
    pas_de_calais = arrondissement.locator('optgroup[label="62 – Pas-de-Calais"]')
    expect(nord).not_to_have_attribute("disabled", "")
    arrondissement.select_option("595")  # Lille

    page.locator('select[name="departement"]').select_option("62")

    expect(nord).to_have_attribute("disabled", "")
    expect(pas_de_calais).not_to_have_attribute("disabled", "")
    # Lille is not in the Pas-de-Calais: the choice is cleared rather than contradicted.
    expect(arrondissement).to_have_value("")
    arrondissement.select_option("627")  # Lens
    expect(arrondissement).to_have_value("627")

    page.locator('select[name="departement"]').select_option("")

    expect(nord).not_to_have_attribute("disabled", "")
