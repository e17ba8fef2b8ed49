"""Seed the audiences (one per profession) and create the catalogue page under the home page."""

from django.db import migrations

PROFESSIONS = [
    "police_nationale",
    "gendarmerie_nationale",
    "medecin",
    "sage_femme",
    "infirmier",
    "travailleur_social",
    "magistrat",
    "elu",
    "agent_collectivite",
    "association",
    "autre",
]


def seed(apps, schema_editor):
    Audience = apps.get_model("courses", "Audience")
    for code in PROFESSIONS:
        Audience.objects.get_or_create(code=code)

    HomePage = apps.get_model("core", "HomePage")
    ModuleIndexPage = apps.get_model("courses", "ModuleIndexPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    home = HomePage.objects.first()
    if home is None or ModuleIndexPage.objects.exists():
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="courses", model="moduleindexpage")
    # Treebeard's API is not available in migrations: compute the child path by hand.
    path = f"{home.path}{home.numchild + 1:04d}"
    ModuleIndexPage.objects.create(
        title="Catalogue des formations",
        draft_title="Catalogue des formations",
        slug="formations",
        content_type=content_type,
        path=path,
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}formations/",
        intro=(
            "Des modules courts pour repérer, accueillir, orienter et protéger : choisissez "
            "selon votre métier, le thème ou la durée."
        ),
        locale_id=home.locale_id,
    )
    HomePage.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("core", "0003_site_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
