"""Each person reads the plans of her own territories, and only those (indicators.scoping).

The Nord DDFE does not reach the Pas-de-Calais plan by any door (page, indicator,
manual figures, export, API, admin); the Hauts-de-France delegate reaches both and
the regional plan; the delegate of another région reaches none of them; the national
service reaches every plan. Another territory's plan answers 404, as an unknown one.
"""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils.html import escape

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from indicators import constants, services
from indicators.constants import ExportFormat, ExportStatus
from indicators.scoping import plan_visible, plans_in_scope
from territories.scopes import NATIONAL, Scope

pytestmark = pytest.mark.django_db

STAFF = {"profession": "agent_collectivite", "employer": "Préfecture"}


def _plan(code: str, *, departement: str = "", region: str = ""):
    return services.plan_load(
        data={
            "code": code,
            "name": f"Plan {code}",
            "departement": departement,
            "region": region,
            "period_start": "2024-01-01",
            "period_end": "2027-12-31",
            "axes": [
                {
                    "number": "1",
                    "title": "Former",
                    "fiches": [
                        {
                            "number": "1.2",
                            "title": "Former les professionnel·les",
                            "indicators": [
                                {"label": "Personnes formées", "measure": "people_trained"},
                                {"label": "Chiffre saisi", "measure": "manual"},
                            ],
                        }
                    ],
                }
            ],
        }
    )


@pytest.fixture
def plans():
    return {
        "nord": _plan("NORD-2024", departement="59"),
        "pdc": _plan("PDC-2024", departement="62"),
        "hdf": _plan("HDF-2024", region="32"),
        "france": _plan("FRANCE-2024"),
    }


@pytest.fixture
def people():
    return {
        "nord": UserFactory(role=Role.DDFE, departement="59", arrondissement="595", **STAFF),
        "both": UserFactory(role=Role.DDFE, delegated=["59", "62"], **STAFF),
        "hdf": UserFactory(role=Role.REGIONAL, delegated=["32"], **STAFF),
        "idf": UserFactory(
            role=Role.REGIONAL, departement="75", arrondissement="", delegated=["11"], **STAFF
        ),
        "national": UserFactory(role=Role.NATIONAL, **STAFF),
        "admin": UserFactory(role=Role.ADMIN, **STAFF),
    }


# Who sees which plan: the rule of indicators.scoping.plan_visible.
VISIBLE = {
    "nord": {"nord"},
    "both": {"nord", "pdc"},
    "hdf": {"nord", "pdc", "hdf"},
    "idf": set(),
    "national": {"nord", "pdc", "hdf", "france"},
    "admin": {"nord", "pdc", "hdf", "france"},
}


def test_plan_visible_and_plans_in_scope_say_the_same(plans):
    scopes = {
        "nord": Scope(departements=frozenset({"59"})),
        "hdf": Scope(regions=frozenset({"32"}), departements=frozenset({"59", "62", "80"})),
        "national": NATIONAL,
    }
    for name, scope in scopes.items():
        listed = set(plans_in_scope(scope).values_list("code", flat=True))
        visible = {plan.code for plan in plans.values() if plan_visible(scope, plan)}
        assert listed == visible == {plans[key].code for key in VISIBLE[name]}


@pytest.mark.parametrize("who", list(VISIBLE))
def test_the_dashboard_lists_the_plans_in_scope(client, plans, people, who):
    client.force_login(people[who])

    response = client.get(reverse("indicators:dashboard"))

    assert response.status_code == 200
    assert {plan.code for plan in response.context["plans"]} == {
        plans[key].code for key in VISIBLE[who]
    }
    content = response.content.decode()
    for key, plan in plans.items():
        assert (reverse("indicators:plan_report", args=[plan.code]) in content) == (
            key in VISIBLE[who]
        )


def test_the_dashboard_counts_the_people_of_the_territories(client, people):
    UserFactory.create_batch(2, departement="59", arrondissement="593")
    UserFactory.create_batch(3, departement="62", arrondissement="627")
    UserFactory(departement="75", arrondissement="")

    def total(who):
        client.force_login(people[who])
        return client.get(reverse("indicators:dashboard")).context["total"]

    # The delegates are people of their own département too: the Nord DDFE works in the
    # Nord, the Paris delegate in Paris, everyone else in the Pas-de-Calais (factory).
    nord, pdc, paris = 2 + 1, 3 + 4, 1 + 1
    assert total("nord") == nord
    assert total("both") == total("hdf") == nord + pdc
    assert total("idf") == paris
    assert total("national") == total("admin") == nord + pdc + paris


def _pages(plan) -> dict[str, str]:
    indicator = plan.indicators.order_by("rank").first()
    return {
        "report": reverse("indicators:plan_report", args=[plan.code]),
        "csv": reverse("indicators:plan_report", args=[plan.code]) + "?format=csv",
        "detail": reverse("indicators:indicator_detail", args=[plan.code, indicator.code]),
        "manual": reverse("indicators:manual_values", args=[plan.code]),
    }


@pytest.mark.parametrize("who", list(VISIBLE))
def test_pages_of_a_plan_out_of_scope_are_404(client, plans, people, who):
    client.force_login(people[who])
    wrong = []
    for key, plan in plans.items():
        expected = 200 if key in VISIBLE[who] else 404
        for page, address in _pages(plan).items():
            status = client.get(address).status_code
            if status != expected:
                wrong.append(f"{plan.code} {page}: {status}, {expected} expected")
        response = client.post(
            reverse("indicators:report_export_request", args=[plan.code]),
            {"export_format": ExportFormat.XLSX},
        )
        if response.status_code != (302 if key in VISIBLE[who] else 404):
            wrong.append(f"{plan.code} export: {response.status_code}")
    assert wrong == []


def test_a_refused_post_writes_nothing(client, plans, people):
    from indicators.models import ManualValue, ReportExport

    client.force_login(people["nord"])
    indicator = plans["pdc"].indicators.get(measure="manual")

    client.post(
        reverse("indicators:manual_values", args=["PDC-2024"]),
        {
            "indicator": indicator.pk,
            "period_start": "2024-01-01",
            "period_end": "2024-12-31",
            "value": "12",
        },
    )
    client.post(
        reverse("indicators:report_export_request", args=["PDC-2024"]),
        {"export_format": ExportFormat.XLSX},
    )

    assert not ManualValue.objects.exists()
    assert not ReportExport.objects.exists()


def test_the_report_shows_the_territory_and_its_counting_rule(client, plans, people):
    client.force_login(people["hdf"])

    content = client.get(reverse("indicators:plan_report", args=["PDC-2024"])).content.decode()

    assert "Territoire du plan : Département du Pas-de-Calais (62)" in content
    assert escape(str(constants.TERRITORY_RULE)) in content


def test_the_arrondissement_filter_offers_and_accepts_only_the_plans(client, plans, people):
    client.force_login(people["hdf"])
    address = reverse("indicators:plan_report", args=["PDC-2024"])

    offered = client.get(address).context["form"].fields["arrondissement"].choices
    refused = client.get(address + "?arrondissement=595")
    accepted = client.get(address + "?arrondissement=627")

    assert {code for code, _label in offered if code} == {
        "621",
        "622",
        "623",
        "624",
        "625",
        "626",
        "627",
    }
    assert "arrondissement" in refused.context["form"].errors
    assert refused.context["arrondissement"] == ""  # the whole plan, not Lille
    assert accepted.context["arrondissement"] == "627"


def test_a_ddfe_of_two_departements_opens_each_plan(client, plans, people):
    client.force_login(people["both"])

    for code in ("NORD-2024", "PDC-2024"):
        response = client.get(reverse("indicators:plan_report", args=[code]))
        assert response.status_code == 200
        assert response.context["plan"].code == code


def _ready_export(user, plan):
    export = services.report_export_request(
        user=user,
        plan=plan,
        export_format=ExportFormat.XLSX,
        start=date(2024, 1, 1),
        end=date(2024, 12, 31),
    )
    export.file.save("indicateurs.xlsx", ContentFile(b"PK"), save=False)
    export.status = ExportStatus.READY
    export.save()
    return export


def test_an_own_export_of_a_plan_no_longer_in_scope_is_404(client, plans, people):
    ddfe = people["both"]
    export = _ready_export(ddfe, plans["pdc"])
    client.force_login(ddfe)
    page = reverse("indicators:report_export", args=[export.pk])
    download = reverse("indicators:report_export_download", args=[export.pk])
    assert client.get(page).status_code == 200
    assert client.get(download).status_code == 200

    # Her delegation now covers the Nord only: the Pas-de-Calais figures are no longer hers.
    ddfe.delegated_departements.set(["59"])
    ddfe.__dict__.pop("_egide_territory_scope", None)
    client.force_login(ddfe)

    assert client.get(page).status_code == 404
    assert client.get(download).status_code == 404


def test_another_persons_export_stays_404_even_in_scope(client, plans, people):
    export = _ready_export(people["nord"], plans["nord"])
    client.force_login(people["hdf"])

    assert client.get(reverse("indicators:report_export", args=[export.pk])).status_code == 404


def _api(client, key: str, plan: str):
    return client.get(
        reverse("indicators_api:indicators") + f"?plan={plan}",
        headers={"Authorization": f"Token {key}"},
    )


def test_a_key_acts_with_its_owners_scope(client, plans, people):
    _token, nord_key = services.api_token_create(user=people["nord"], name="Tableaux")
    _token, hdf_key = services.api_token_create(user=people["hdf"], name="Tableaux")

    refused = _api(client, nord_key, "PDC-2024")
    unknown = _api(client, nord_key, "INCONNU")

    assert refused.status_code == unknown.status_code == 404
    assert refused.json() == unknown.json()
    assert "hors de vos territoires" in refused.json()["erreur"]
    assert "NORD-2024" in refused.json()["erreur"]
    for other in ("PDC-2024", "HDF-2024", "FRANCE-2024"):
        assert other not in refused.json()["erreur"]
    assert _api(client, nord_key, "NORD-2024").status_code == 200
    assert _api(client, hdf_key, "PDC-2024").json()["plan"]["code"] == "PDC-2024"
    assert _api(client, hdf_key, "HDF-2024").status_code == 200
    assert _api(client, hdf_key, "FRANCE-2024").status_code == 404


def test_the_api_refuses_an_arrondissement_outside_the_plan(client, plans, people):
    client.force_login(people["hdf"])
    address = reverse("indicators_api:indicators") + "?plan=PDC-2024&arrondissement=595"

    response = client.get(address)

    assert response.status_code == 400
    assert "627" in response.json()["erreur"]


# --- The Wagtail admin ----------------------------------------------------------------------


def _admin_delegate(person):
    """A delegate let into the admin with the right to see plans, fiches and indicators:
    what she may list there must still be her territories' rows only."""
    person.user_permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "access_admin",
                "view_plan",
                "change_plan",
                "view_fiche",
                "view_indicator",
            ]
        )
    )
    return person


def test_the_admin_lists_and_chooses_only_the_plans_in_scope(client, plans, people):
    from indicators.models import Indicator, Plan

    client.force_login(_admin_delegate(people["nord"]))
    nord, pdc = plans["nord"], plans["pdc"]
    viewset = Plan.snippet_viewset
    chooser = viewset.chooser_viewset

    listing = client.get(reverse(viewset.get_url_name("list"))).content.decode()
    choices = client.get(reverse(chooser.get_url_name("choose_results"))).content.decode()
    indicators = client.get(
        reverse(Indicator.snippet_viewset.get_url_name("list"))
    ).content.decode()

    for text in (listing, choices):
        assert "NORD-2024" in text
        assert "PDC-2024" not in text and "HDF-2024" not in text
    assert "NORD-2024-1.2-1" in indicators and "PDC-2024-1.2-1" not in indicators
    # Nor the plan filter's choices.
    assert "Plan PDC-2024" not in indicators
    assert client.get(reverse(chooser.get_url_name("chosen"), args=[pdc.pk])).status_code == 404
    assert client.get(reverse(viewset.get_url_name("edit"), args=[pdc.pk])).status_code == 404
    assert client.get(reverse(viewset.get_url_name("edit"), args=[nord.pk])).status_code == 200
    pdc_indicator = pdc.indicators.first()
    assert (
        client.get(
            reverse(Indicator.snippet_viewset.get_url_name("history"), args=[pdc_indicator.pk])
        ).status_code
        == 404
    )


def test_the_admin_edit_form_offers_only_her_departements(client, plans, people):
    from indicators.models import Plan

    client.force_login(_admin_delegate(people["nord"]))
    edit = reverse(Plan.snippet_viewset.get_url_name("edit"), args=[plans["nord"].pk])

    form = client.get(edit).context["form"]
    moved = client.post(
        edit,
        {
            "code": "NORD-2024",
            "name": "Plan NORD-2024",
            "departement": "62",
            "region": "",
            "period_start": "2024-01-01",
            "period_end": "2027-12-31",
            "status": plans["nord"].status,
        },
    )

    assert list(form.fields["departement"].queryset.values_list("code", flat=True)) == ["59"]
    assert list(form.fields["region"].queryset) == []
    assert moved.status_code == 200  # the form again, with its error
    plans["nord"].refresh_from_db()
    assert plans["nord"].departement_id == "59"


def test_administrators_list_every_plan_in_the_admin(client, plans, people):
    from indicators.models import Plan

    client.force_login(people["admin"])

    listing = client.get(reverse(Plan.snippet_viewset.get_url_name("list"))).content.decode()

    for plan in plans.values():
        assert plan.code in listing


def test_the_fiche_form_offers_her_axes_in_a_query_that_does_not_grow(client, plans, people):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from indicators.models import Axis, Fiche

    client.force_login(people["admin"])
    fiche = Fiche.objects.get(plan=plans["nord"])
    edit = reverse(Fiche.snippet_viewset.get_url_name("edit"), args=[fiche.pk])
    client.get(edit)  # warm the caches

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(edit).status_code == 200
        return len(captured)

    before = queries()
    for number in range(2, 12):
        Axis.objects.create(plan=plans["pdc"], number=str(number), title="Axe", rank=number)
    assert queries() == before  # each axis is named after its plan, fetched with it

    delegate = _admin_delegate(people["nord"])
    delegate.user_permissions.add(Permission.objects.get(codename="change_fiche"))
    client.force_login(delegate)
    axes = client.get(edit).context["form"].fields["axis"].queryset
    assert {axis.plan.code for axis in axes} == {"NORD-2024"}
