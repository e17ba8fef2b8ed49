"""People trained per indicator, on a small dataset whose counts were worked out by hand."""

import html
import re
from datetime import date

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from accounts import services as account_services
from accounts.constants import Role
from accounts.tests.factories import UserFactory
from courses import services as course_services
from courses.models import LessonPage
from courses.tests import factories as course_factories
from indicators import selectors, services
from indicators.models import Indicator, Participation, Plan

from .test_plans import SMALL

pytestmark = pytest.mark.django_db

YEAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))


def _complete(user, module, when: str):
    with time_machine.travel(when, tick=False):
        course_services.enrolment_create(user=user, module=module)
        lesson = LessonPage.objects.child_of(module).get()
        course_services.lesson_complete(user=user, lesson=lesson)


@pytest.fixture
def dataset():
    """Indicator A counts modules 1 and 2; indicator B counts module 2 only.

    X completes both modules in 2025; Y module 1 in 2025, then changes profession;
    W module 1 in 2025, then deletes the account; Z module 2 in 2024.
    Expected — 2025: A = {X, Y, W} = 3, B = {X} = 1.
    Whole plan period: A = {X, Y, W, Z} = 4, B = {X, Z} = 2.
    Everyone lives in the arrondissement of Lens but Y (Arras): 2025 in Lens, A = 2, B = 1.
    """
    plan = services.plan_load(data=SMALL)
    a = Indicator.objects.get(code="TEST-2024-1.2-2")  # people trained
    b = Indicator.objects.get(code="TEST-2024-1.2-1")  # made a people-trained one for the test
    b.measure = "people_trained"
    b.save()
    module_1 = course_factories.module(title="Continuum", lessons=1)
    module_2 = course_factories.module(title="Psychotrauma", lessons=1)
    for indicator, modules in ((a, [module_1, module_2]), (b, [module_2])):
        for module in modules:
            services.activity_link(indicator=indicator, activity=f"module:{module.pk}")
    x, w, z = (UserFactory(arrondissement="62-lens") for _ in range(3))
    y = UserFactory(arrondissement="62-arras")
    _complete(x, module_1, "2025-03-10 10:00 +0100")
    _complete(x, module_2, "2025-04-02 10:00 +0200")
    _complete(y, module_1, "2025-05-20 10:00 +0200")
    _complete(w, module_1, "2025-06-01 10:00 +0200")
    _complete(z, module_2, "2024-11-15 10:00 +0100")
    return {"plan": plan, "a": a, "b": b, "y": y, "w": w}


def test_people_are_counted_once_per_indicator_over_the_period(dataset):
    counts = selectors.people_trained_by_indicator(
        plan=dataset["plan"], start=YEAR_2025[0], end=YEAR_2025[1]
    )
    assert counts == {dataset["a"].pk: 3, dataset["b"].pk: 1}

    whole = selectors.people_trained_by_indicator(
        plan=dataset["plan"], start=date(2024, 1, 1), end=date(2027, 12, 31)
    )
    assert whole == {dataset["a"].pk: 4, dataset["b"].pk: 2}


def test_the_profile_is_counted_as_it_was_at_completion(dataset):
    y = dataset["y"]
    before = y.profession
    y.profession = "medecin"
    y.save()
    participation = Participation.objects.get(user=y)
    assert participation.profession == before


def test_a_deleted_account_still_counts(dataset):
    account_services.user_anonymise(user=dataset["w"])
    counts = selectors.people_trained_by_indicator(
        plan=dataset["plan"], start=YEAR_2025[0], end=YEAR_2025[1]
    )
    assert counts[dataset["a"].pk] == 3


def test_a_completion_is_recorded_once(dataset):
    from courses.models import ModuleCompletion
    from courses.services import completion_finalise

    total = Participation.objects.count()
    completion = ModuleCompletion.objects.select_related("module").first()
    completion_finalise(completion=completion, module=completion.module)
    assert Participation.objects.count() == total == 5


def test_the_report_states_the_rule_and_does_not_guess(dataset, django_assert_num_queries):
    # people trained, session links, placements, figures entered, evaluation links, the
    # indicators: the same number whatever the size of the plan or the number of people
    with django_assert_num_queries(6):
        rows = selectors.plan_report(plan=dataset["plan"], start=YEAR_2025[0], end=YEAR_2025[1])
    by_code = {row.indicator.code: row for row in rows}
    assert by_code["TEST-2024-1.2-2"].value == 3
    assert "Personnes distinctes" in by_code["TEST-2024-1.2-2"].counting_rule
    # Not measured by the platform yet: no figure rather than a wrong one.
    assert by_code["TEST-2024-1.2-3"].value is None


def test_completing_a_module_linked_to_fiche_1_2_adds_one_person(learner):
    call_command("load_plans", stdout=open("/dev/null", "w"))
    plan = Plan.objects.get(code="PDC-2019")
    indicator = Indicator.objects.get(code="PDC-2019-1.2-3")
    module = course_factories.module(title="Le continuum des violences", lessons=1)
    services.activity_link(indicator=indicator, activity=f"module:{module.pk}")
    period = {"start": date(2019, 1, 1), "end": date(2030, 12, 31)}
    before = selectors.people_trained_by_indicator(plan=plan, **period).get(indicator.pk, 0)

    course_services.enrolment_create(user=learner, module=module)
    course_services.lesson_complete(user=learner, lesson=LessonPage.objects.child_of(module).get())

    after = selectors.people_trained_by_indicator(plan=plan, **period).get(indicator.pk, 0)
    assert after == before + 1


def test_the_ddfe_reads_the_plan_report_for_a_year(client, ddfe, dataset):
    client.force_login(ddfe)
    url = reverse("indicators:plan_report", args=["TEST-2024"])
    response = client.get(url, {"year": "2025"})
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert (
        "Chiffres du 1er janvier 2025 au 31 décembre 2025 · Département du Pas-de-Calais (62)."
        in page
    )
    row = re.search(r"TEST-2024-1\.2-2</code></td>\s*<td><a [^>]*><strong>(\d+)</strong>", page)
    assert row and row.group(1) == "3"
    # The counting rule is written once, in the rules shown on demand.
    assert page.count("Personnes distinctes ayant terminé un module") == 1
    whole = html.unescape(client.get(url).content.decode())
    assert re.search(r"TEST-2024-1\.2-2</code></td>\s*<td><a [^>]*><strong>4</strong>", whole)


def test_a_reversed_period_is_explained(client, ddfe, dataset):
    client.force_login(ddfe)
    url = reverse("indicators:plan_report", args=["TEST-2024"])
    response = client.get(url, {"start": "2025-12-31", "end": "2025-01-01"})
    assert "La date de fin précède la date de début." in html.unescape(response.content.decode())


@pytest.mark.parametrize("role", [None, Role.HOST, Role.TRAINER, Role.EDITOR])
def test_only_the_ddfe_and_administrators_read_plan_reports(client, role):
    services.plan_load(data=SMALL)
    client.force_login(UserFactory(role=role))
    response = client.get(reverse("indicators:plan_report", args=["TEST-2024"]))
    assert response.status_code == 403


def test_the_csv_and_xlsx_exports_hold_the_same_figures(client, ddfe, dataset):
    import io

    from openpyxl import load_workbook

    client.force_login(ddfe)
    url = reverse("indicators:plan_report", args=["TEST-2024"])
    query = {"start": "2025-01-01", "end": "2025-12-31"}
    csv_text = client.get(url, {**query, "format": "csv"}).content.decode("utf-8-sig")
    lines = {line.split(";")[0]: line.split(";") for line in csv_text.splitlines()[1:]}
    assert lines["TEST-2024-1.2-2"][4] == "3"
    assert lines["TEST-2024-1.2-1"][4] == "1"
    assert "Personnes distinctes" in lines["TEST-2024-1.2-2"][8]
    assert lines["TEST-2024-1.2-3"][5] == "75,00"  # the target, French decimal comma

    response = client.get(url, {**query, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["TEST-2024-1.2-2"][4] == 3
    assert values["TEST-2024-1.2-1"][4] == 1


def test_the_api_returns_each_indicator_with_its_rule_and_breakdowns(client, ddfe, dataset):
    client.force_login(ddfe)
    url = reverse("indicators_api:indicators")
    data = client.get(url, {"plan": "TEST-2024", "from": "2025-01-01", "to": "2025-12-31"}).json()
    items = {item["code"]: item for item in data["indicators"]}
    assert items["TEST-2024-1.2-2"]["value"] == 3
    assert items["TEST-2024-1.2-3"]["target"] == 75
    assert items["TEST-2024-1.2-3"]["value"] is None
    assert "Personnes distinctes" in items["TEST-2024-1.2-2"]["counting_rule"]

    by_month = client.get(
        url, {"plan": "TEST-2024", "from": "2025-01-01", "to": "2025-12-31", "by": "month"}
    ).json()
    months = {i["code"]: i["breakdown"] for i in by_month["indicators"]}
    assert months["TEST-2024-1.2-2"] == {"2025-03": 1, "2025-04": 1, "2025-05": 1, "2025-06": 1}
    by_channel = client.get(url, {"plan": "TEST-2024", "by": "channel"}).json()
    channels = {i["code"]: i["breakdown"] for i in by_channel["indicators"]}
    assert channels["TEST-2024-1.2-2"] == {"elearning": 4}


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        # Unknown, or outside her territories: the same answer (indicators.scoping).
        ({"plan": "INCONNU"}, 404, "Plan inconnu"),
        ({"plan": "TEST-2024", "from": "01/01/2025"}, 400, "AAAA-MM-JJ"),
        ({"plan": "TEST-2024", "by": "age"}, 400, "Ventilation inconnue"),
        ({"plan": "TEST-2024", "from": "2025-12-31", "to": "2025-01-01"}, 400, "précède"),
    ],
)
def test_the_api_explains_bad_parameters_in_french(client, ddfe, query, status, message):
    services.plan_load(data=SMALL)
    client.force_login(ddfe)
    response = client.get(reverse("indicators_api:indicators"), query)
    assert response.status_code == status
    assert message in response.json()["erreur"]


def test_the_api_refuses_learners_hosts_and_anonymous_visitors(client):
    services.plan_load(data=SMALL)
    url = reverse("indicators_api:indicators")
    assert client.get(url, {"plan": "TEST-2024"}).status_code == 401
    for role in (None, Role.HOST, Role.TRAINER):
        client.force_login(UserFactory(role=role))
        assert client.get(url, {"plan": "TEST-2024"}).status_code == 403


def test_the_openapi_schema_describes_the_endpoint(client, ddfe):
    client.force_login(ddfe)
    schema = client.get(reverse("indicators_api:openapi")).json()
    path = reverse("indicators_api:indicators")
    parameters = {p["name"] for p in schema["paths"][path]["get"]["parameters"]}
    assert parameters == {"plan", "from", "to", "arrondissement", "by"}


def test_the_module_page_shows_the_indicators_it_counts_for(client, learner):
    services.plan_load(data=SMALL)
    module = course_factories.module(title="Continuum", lessons=1)
    services.activity_link(
        indicator=Indicator.objects.get(code="TEST-2024-1.2-2"), activity=f"module:{module.pk}"
    )
    client.force_login(learner)
    page = html.unescape(client.get(module.url).content.decode())
    assert "TEST-2024-1.2-2" in page
    assert "Nombre de personnes formées" in page
    other = course_factories.module(title="Sans indicateur", lessons=1)
    assert "Indicateurs des plans" not in client.get(other.url).content.decode()


def test_the_drill_down_shows_activities_and_breakdowns(
    client, ddfe, dataset, django_assert_max_num_queries
):
    client.force_login(ddfe)
    url = reverse("indicators:indicator_detail", args=["TEST-2024", "TEST-2024-1.2-2"])
    client.get(url)  # warm caches (site, roles)
    with django_assert_max_num_queries(14):  # constant: the same with 4 or 400 people
        response = client.get(url, {"start": "2025-01-01", "end": "2025-12-31"})
    page = html.unescape(response.content.decode())
    assert "3 personnes formées ou sensibilisées du 1er janvier 2025 au 31 décembre 2025." in page
    activities = {a["title"]: a["count"] for a in response.context["activities"]}
    assert activities == {"Continuum": 3, "Psychotrauma": 1}
    tables = {
        t["by"]: {r["label"]: r["count"] for r in t["rows"]} for t in response.context["tables"]
    }
    assert tables["channel"] == {"Formation en ligne": 3}
    assert tables["month"] == {"mars 2025": 1, "avril 2025": 1, "mai 2025": 1, "juin 2025": 1}
    assert sum(tables["profession"].values()) == 3


def test_a_script_reads_the_api_with_a_key_until_it_is_revoked(client, ddfe, dataset):
    from indicators.models import ApiToken

    client.force_login(ddfe)
    page = client.post(reverse("indicators:api_tokens"), {"name": "Tableau préfecture"})
    key = page.context["created_key"]
    assert key and key in page.content.decode()
    token = ApiToken.objects.get()
    assert key not in (token.digest, token.prefix)  # only a digest is stored

    script = type(client)()  # no session: the key alone
    url = reverse("indicators_api:indicators")
    response = script.get(url, {"plan": "TEST-2024"}, HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 200
    assert {i["code"] for i in response.json()["indicators"]} >= {"TEST-2024-1.2-2"}
    assert (
        script.get(url, {"plan": "TEST-2024"}, HTTP_AUTHORIZATION="Token faux").status_code == 401
    )

    client.post(reverse("indicators:api_tokens"), {"revoke": token.pk})
    assert (
        script.get(url, {"plan": "TEST-2024"}, HTTP_AUTHORIZATION=f"Token {key}").status_code == 401
    )


def test_a_key_of_someone_who_lost_the_role_is_refused(client, dataset):
    from indicators.services import api_token_create

    learner = UserFactory()
    _token, key = api_token_create(user=learner, name="ancienne")
    response = client.get(
        reverse("indicators_api:indicators"),
        {"plan": "TEST-2024"},
        HTTP_AUTHORIZATION=f"Token {key}",
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(2025, 1, 1), date(2025, 12, 31)),
        (date(2024, 1, 1), date(2027, 12, 31)),
        (date(2025, 4, 1), date(2025, 5, 31)),
        (date(2024, 11, 1), date(2024, 11, 30)),
        (date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_the_monthly_rollup_counts_exactly_like_the_join(dataset, start, end):
    from indicators import rollup

    assert rollup.period_masks(start, end) is not None  # whole months: the rollup answers
    plan = dataset["plan"]
    fast = selectors.people_trained_by_indicator(plan=plan, start=start, end=end)
    assert fast == selectors.people_trained_by_join(plan=plan, start=start, end=end)


def test_periods_in_days_use_the_join(dataset):
    from indicators import rollup

    assert rollup.period_masks(date(2025, 3, 10), date(2025, 4, 1)) is None
    counts = selectors.people_trained_by_indicator(
        plan=dataset["plan"], start=date(2025, 3, 10), end=date(2025, 4, 1)
    )
    assert counts == {dataset["a"].pk: 1}  # only X, on 10 March (and 2 April is outside)


def test_linking_a_module_afterwards_counts_its_past_completions(dataset):
    plan, b = dataset["plan"], dataset["b"]
    module_1 = Indicator.objects.get(pk=dataset["a"].pk).links.order_by("pk").first().activity
    services.activity_link(indicator=b, activity=module_1)  # module 1 now counts for B too
    counts = selectors.people_trained_by_indicator(plan=plan, start=YEAR_2025[0], end=YEAR_2025[1])
    assert counts[b.pk] == 3  # X, Y, W
    assert counts == selectors.people_trained_by_join(
        plan=plan, start=YEAR_2025[0], end=YEAR_2025[1]
    )


def test_the_ods_export_holds_the_same_figures(client, ddfe, dataset):
    import io

    from odf.opendocument import load
    from odf.table import Table, TableCell, TableRow

    client.force_login(ddfe)
    url = reverse("indicators:plan_report", args=["TEST-2024"])
    response = client.get(url, {"start": "2025-01-01", "end": "2025-12-31", "format": "ods"})
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    document = load(io.BytesIO(response.content))
    table = document.spreadsheet.getElementsByType(Table)[0]
    rows = []
    for row in table.getElementsByType(TableRow):
        cells = row.getElementsByType(TableCell)
        rows.append([c.getAttribute("value") or str(c) for c in cells])
    figures = {row[0]: row[4] for row in rows[1:]}
    assert figures["TEST-2024-1.2-2"] == "3"
    assert figures["TEST-2024-1.2-1"] == "1"


def test_the_plan_report_charts_have_their_tables(client, ddfe, dataset):
    client.force_login(ddfe)
    url = reverse("indicators:plan_report", args=["TEST-2024"])
    response = client.get(url, {"year": "2025"})
    charts = {
        c["title"]: {r["label"]: r["count"] for r in c["rows"]} for c in response.context["charts"]
    }
    # Named, not coded: the test made both people-trained indicators.
    assert charts["Personnes formées par indicateur"] == {
        "Nombre de personnes formées": 3,
        "Nombre de sessions": 1,
    }
    months = charts["Personnes formées, mois par mois (tous indicateurs)"]
    assert months == {"mars 2025": 1, "avril 2025": 1, "mai 2025": 1, "juin 2025": 1}
    # Y changed profession afterwards: still counted with the profession of the day.
    assert sum(charts["Personnes formées par public (tous indicateurs)"].values()) == 3
    assert "Personnes formées par indicateur" in response.content.decode()


@pytest.mark.parametrize("revoke", ["abc", "²", "1 OR 1=1"])
def test_revoking_a_key_with_a_forged_identifier_is_not_found(client, ddfe, revoke):
    client.force_login(ddfe)

    response = client.post(reverse("indicators:api_tokens"), {"revoke": revoke})

    assert response.status_code == 404
