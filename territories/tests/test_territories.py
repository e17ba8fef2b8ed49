"""Territories as data: the COG is loaded by migration and by load_territories, again
and again without change; names take their article; the tree answers without queries."""

import json

import pytest
from django.core.management import call_command

from territories import selectors
from territories.models import Arrondissement, Departement, Region
from territories.services import latest_data_file, territories_load

pytestmark = pytest.mark.django_db


def test_the_migration_loaded_the_whole_country():
    assert Region.objects.count() == 18
    assert Departement.objects.count() == 101
    assert Arrondissement.objects.filter(departement_id="59").count() == 6
    assert Departement.objects.get(code="976").name == "Mayotte"
    assert Departement.objects.get(code="2A").region_id == "94"
    assert sorted(Departement.objects.filter(region_id="32").values_list("code", flat=True)) == [
        "02",
        "59",
        "60",
        "62",
        "80",
    ]


def test_loading_again_changes_nothing(capsys):
    report = territories_load()
    assert (report.created, report.updated, report.retired) == (0, 0, 0)

    call_command("load_territories")

    assert "0 créés, 0 mis à jour, 0 retirés" in capsys.readouterr().out


def test_a_renamed_territory_is_updated_and_a_vanished_one_kept_inactive():
    data = json.loads(latest_data_file().read_text(encoding="utf-8"))
    data["arrondissements"] = [a for a in data["arrondissements"] if a["code"] != "627"]
    for item in data["departements"]:
        if item["code"] == "62":
            item["name"] = "Pas-de-Calais (nouveau nom)"

    report = territories_load(data=data)

    assert (report.updated, report.retired) == (1, 1)
    lens = Arrondissement.objects.get(code="627")
    assert not lens.active  # still there for the participations that point to it
    assert Departement.objects.get(code="62").name == "Pas-de-Calais (nouveau nom)"
    assert "627" not in selectors.arrondissements(["62"]).values_list("code", flat=True)
    assert selectors.arrondissement_counts()["62"] == 6


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("59", "Département du Nord (59)"),
        ("80", "Département de la Somme (80)"),
        ("01", "Département de l'Ain (01)"),
        ("92", "Département des Hauts-de-Seine (92)"),
        ("75", "Département de Paris (75)"),
        ("974", "Département de La Réunion (974)"),
    ],
)
def test_labels_take_the_name_s_article(code, label):
    assert Departement.objects.get(code=code).label() == label


def test_the_tree_answers_without_queries(django_assert_num_queries):
    selectors.forget_cache()
    selectors.departements_by_region()  # fills the cache
    with django_assert_num_queries(0):
        assert selectors.arrondissement_departement("627") == "62"
        assert selectors.arrondissement_name("595") == "Lille"
        assert selectors.region_departement_codes("32") == ["02", "59", "60", "62", "80"]
        assert selectors.arrondissement_counts()["75"] == 1
