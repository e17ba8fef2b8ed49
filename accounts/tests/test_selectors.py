"""Reads about people: the RGPD export and the anonymous counts."""

import pytest
from allauth.account.models import EmailAddress

from accounts import selectors, services
from accounts.constants import ROLE_GROUP_NAMES, Profession, Role
from accounts.privacy import exporters
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_personal_data_holds_the_profile_roles_and_addresses():
    user = UserFactory(first_name="Léa", last_name="Durand", role=Role.TRAINER)
    EmailAddress.objects.create(user=user, email="lea.perso@exemple.fr", verified=False)

    data = selectors.user_personal_data(user)

    assert data["profil"]["adresse_electronique"] == user.email
    assert (data["profil"]["prenom"], data["profil"]["nom"]) == ("Léa", "Durand")
    assert data["profil"]["arrondissement"] == "Lens"
    assert data["profil"]["departement"] == "62 – Pas-de-Calais"
    assert data["roles"] == sorted([ROLE_GROUP_NAMES[Role.LEARNER], ROLE_GROUP_NAMES[Role.TRAINER]])
    assert {a["adresse"]: a["verifiee"] for a in data["adresses_electroniques"]} == {
        user.email: True,
        "lea.perso@exemple.fr": False,
    }


def test_personal_data_includes_registered_exporters(temporary_exporter):
    user = UserFactory()
    temporary_exporter("formations", lambda person: [{"module": "Repérer", "par": person.pk}])

    data = selectors.user_personal_data(user)

    assert "formations" in exporters()
    assert data["formations"] == [{"module": "Repérer", "par": user.pk}]


def test_counts_by_profession_and_arrondissement_skip_departed_accounts():
    UserFactory.create_batch(3, profession=Profession.MEDECIN, arrondissement="627")
    UserFactory(profession=Profession.POLICE, departement="59", arrondissement="595")
    UserFactory(profession=Profession.POLICE, departement="75", arrondissement="")
    UserFactory(profession=Profession.POLICE, is_active=False)
    services.user_anonymise(user=UserFactory(profession=Profession.MEDECIN))

    by_profession = {r["profession"]: r["count"] for r in selectors.people_count_by_profession()}
    by_arrondissement = {
        r["arrondissement"]: r["count"] for r in selectors.people_count_by_arrondissement()
    }

    assert by_profession == {Profession.MEDECIN: 3, Profession.POLICE: 2}
    assert by_arrondissement == {"627": 3, "595": 1}
    assert selectors.active_people().count() == 5


def test_counts_come_largest_first_with_french_labels():
    UserFactory.create_batch(2, profession=Profession.INFIRMIER)
    UserFactory(profession=Profession.ELU)

    rows = selectors.people_count_by_profession()

    assert [(r["label"], r["count"]) for r in rows] == [
        (Profession.INFIRMIER.label, 2),
        (Profession.ELU.label, 1),
    ]


def test_users_with_role_lists_members_of_the_group():
    trainer = UserFactory(role=Role.TRAINER)
    UserFactory()

    assert list(selectors.users_with_role(Role.TRAINER)) == [trainer]
