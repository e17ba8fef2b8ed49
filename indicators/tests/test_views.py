"""The dashboard at /indicateurs/: aggregates of the person's territories, for delegates,
the national service and administrators only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.constants import Profession, Role
from accounts.tests.factories import PASSWORD, UserFactory
from territories.selectors import arrondissement_name

pytestmark = pytest.mark.django_db

URL = reverse("indicators:dashboard")
# session, user, the user's groups, her départements, total, by profession, by
# arrondissement, questionnaires (figures and "mieux outillé·es" shares), plans
DASHBOARD_QUERIES = 10


def _rows(response, key: str) -> dict:
    return {row[key]: row["count"] for row in response.context[f"by_{key}"]}


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={URL}"


@pytest.mark.parametrize("role", [None, Role.TRAINER, Role.HOST, Role.EDITOR])
def test_other_roles_are_forbidden(client, role):
    client.force_login(UserFactory(role=role))

    assert client.get(URL).status_code == 403


@pytest.mark.parametrize("fixture", ["ddfe", "administrator", "superuser"])
def test_ddfe_and_administrators_are_admitted(client, request, fixture):
    client.force_login(request.getfixturevalue(fixture))

    assert client.get(URL).status_code == 200


@pytest.mark.parametrize("role", [Role.REGIONAL, Role.NATIONAL])
def test_regional_and_national_roles_are_admitted(client, role):
    client.force_login(UserFactory(role=role))

    assert client.get(URL).status_code == 200


def test_ddfe_sees_counts_by_profession_and_arrondissement(client, ddfe):
    people = [
        *UserFactory.create_batch(3, profession=Profession.POLICE, arrondissement="627"),
        *UserFactory.create_batch(
            2, profession=Profession.MEDECIN, departement="59", arrondissement="595"
        ),
        UserFactory(profession=Profession.ELU, departement="62", arrondissement="621"),
        UserFactory(profession=Profession.ELU, departement="75", arrondissement=""),
    ]
    # The DDFE of the Pas-de-Calais counts the people of the Pas-de-Calais only.
    everyone = [person for person in [*people, ddfe] if person.departement_id == "62"]
    client.force_login(ddfe)

    response = client.get(URL)

    by_profession = {}
    by_arrondissement = {}
    for person in everyone:
        by_profession[person.profession] = by_profession.get(person.profession, 0) + 1
        if person.arrondissement_id:
            by_arrondissement[person.arrondissement_id] = (
                by_arrondissement.get(person.arrondissement_id, 0) + 1
            )
    assert response.context["total"] == len(everyone) == 5
    assert _rows(response, "profession") == by_profession
    assert Profession.MEDECIN not in by_profession
    assert _rows(response, "arrondissement") == by_arrondissement
    content = response.content.decode()
    for value, count in by_arrondissement.items():
        assert f"<td>{arrondissement_name(value)}</td><td>{count}</td>" in content
    assert arrondissement_name("595") not in content
    police = Profession.POLICE.label
    assert f"<td>{police}</td><td>{by_profession[Profession.POLICE]}</td>" in content


def test_dashboard_shows_no_identity(client, ddfe):
    person = UserFactory(first_name="Hortense", last_name="Vasseur", employer="CH de Lens")
    client.force_login(ddfe)

    content = client.get(URL).content.decode()

    for value in (person.email, person.first_name, person.last_name, person.employer):
        assert value not in content


def test_a_deleted_account_no_longer_counts(client, ddfe):
    leaving = UserFactory(profession=Profession.MAGISTRAT, arrondissement="621")
    UserFactory(profession=Profession.MAGISTRAT, arrondissement="621")
    client.force_login(ddfe)
    before = client.get(URL)

    client.force_login(leaving)
    client.post(reverse("accounts:delete"), {"confirmation": "SUPPRIMER", "password": PASSWORD})
    client.force_login(ddfe)
    after = client.get(URL)

    assert after.context["total"] == before.context["total"] - 1
    assert _rows(after, "profession")[Profession.MAGISTRAT] == (
        _rows(before, "profession")[Profession.MAGISTRAT] - 1
    )
    assert _rows(after, "arrondissement")["621"] == (_rows(before, "arrondissement")["621"] - 1)


def test_query_count_does_not_grow_with_people(client, ddfe, django_assert_max_num_queries):
    UserFactory.create_batch(3)
    client.force_login(ddfe)
    client.get(URL)  # warm the per-user role cache, as on a running server

    with (
        django_assert_max_num_queries(DASHBOARD_QUERIES),
        CaptureQueriesContext(connection) as baseline,
    ):
        client.get(URL)
    professions = list(Profession)
    for index in range(20):
        UserFactory(
            profession=professions[index % len(professions)],
            arrondissement="623" if index % 2 else "627",
            role=Role.TRAINER if index % 2 else None,
        )
    with CaptureQueriesContext(connection) as grown:
        response = client.get(URL)

    assert len(grown) == len(baseline)
    assert response.context["total"] == 3 + 20 + 1


def test_ddfe_sees_the_satisfaction_figures_of_each_questionnaire(client, ddfe):
    from quizzes import services
    from quizzes.models import Questionnaire

    questionnaire = Questionnaire.objects.get(title="Questionnaire de satisfaction et d'impact")
    items = list(questionnaire.items.all())
    for overall, equipped_value in ((5, 4), (3, 3), (2, 1)):
        services.questionnaire_answer(
            questionnaire=questionnaire,
            user=UserFactory(),
            subject="module:1",
            overall=overall,
            values={i.pk: (equipped_value if i.better_equipped else 3) for i in items},
        )
    client.force_login(ddfe)

    row = next(
        r for r in client.get(URL).context["questionnaires"] if r.questionnaire == questionnaire
    )

    assert row.responses == 3
    assert str(row.average_overall) == "3.3"
    assert str(row.better_equipped_share) == "66.7"
