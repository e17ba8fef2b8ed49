"""Existing data migrates: old free-text départements and arrondissement slugs become
foreign keys to the COG, and nothing already counted is lost."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# serialized_rollback: the flush after the test must give back the territories the
# migrations loaded, as for every transactional test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = [
    ("accounts", "0004_unit_managers"),
    ("events", "0003_titles_single_line"),
    ("indicators", "0009_report_exports"),
    ("assignments", "0001_initial"),
    ("territories", "0002_load_cog"),
]
AFTER = [
    ("accounts", "0006_territory_roles"),
    ("events", "0004_session_territories"),
    ("indicators", "0010_territories"),
    ("assignments", "0002_arrondissement_codes"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_old_codes_and_slugs_become_territories():
    old = _migrate(BEFORE)
    try:
        User = old.get_model("accounts", "User")
        Group = old.get_model("auth", "Group")
        Plan = old.get_model("indicators", "Plan")
        Participation = old.get_model("indicators", "Participation")
        Assignment = old.get_model("assignments", "Assignment")
        lens = User.objects.create(
            email="lens@exemple.fr", departement="62", arrondissement="62-lens"
        )
        User.objects.create(email="vide@exemple.fr", departement="", arrondissement="")
        ddfe = User.objects.create(email="ddfe@exemple.fr", departement="62")
        ddfe.groups.add(Group.objects.get_or_create(name="Référent·e DDFE")[0])
        for code, departement in (("PDC-2019", "62"), ("NORD-VIF-2023", "59")):
            Plan.objects.create(
                code=code,
                name=code,
                territory=departement,
                departement=departement,
                period_start=date(2023, 1, 1),
                period_end=date(2026, 12, 31),
            )
        common = {"activity": "module:1", "activity_title": "M", "kind": "formation"}
        Participation.objects.create(
            person_key=f"user:{lens.pk}",
            source="a",
            occurred_on=date(2024, 5, 2),
            channel="elearning",
            departement="62",
            arrondissement="62-calais",
            **common,
        )
        Participation.objects.create(
            person_key="email:x@exemple.fr",
            source="b",
            occurred_on=date(2024, 5, 3),
            channel="external",
            departement="59",
            arrondissement="59-lille",
            **common,
        )
        Assignment.objects.create(
            title="Module obligatoire", arrondissements=["62-lens", "59-douai"], due_days=30
        )

        new = _migrate(AFTER)

        User = new.get_model("accounts", "User")
        lens = User.objects.get(email="lens@exemple.fr")
        assert (lens.departement_id, lens.arrondissement_id) == ("62", "627")
        empty = User.objects.get(email="vide@exemple.fr")
        assert (empty.departement_id, empty.arrondissement_id) == (None, None)
        # A DDFE who saw every plan keeps seeing them through delegations.
        ddfe = User.objects.get(email="ddfe@exemple.fr")
        assert sorted(ddfe.delegated_departements.values_list("code", flat=True)) == ["59", "62"]
        Plan = new.get_model("indicators", "Plan")
        assert dict(Plan.objects.values_list("code", "departement_id")) == {
            "PDC-2019": "62",
            "NORD-VIF-2023": "59",
        }
        rows = new.get_model("indicators", "Participation").objects.order_by("source")
        assert list(rows.values_list("departement_id", "arrondissement_id")) == [
            ("62", "626"),
            ("59", "595"),
        ]
        assignment = new.get_model("assignments", "Assignment").objects.get()
        assert assignment.arrondissements == ["627", "593"]
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
