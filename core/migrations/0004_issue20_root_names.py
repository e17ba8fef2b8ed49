"""Name Wagtail's root page and root collection in French.

Wagtail's first migrations create both as "Root", which the CMS then shows as is in
the page explorer, the page chooser and the collection lists (issue 20, point 12).
"""

from django.db import migrations

FRENCH_NAME = "Racine"


def rename(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title="Root").update(title=FRENCH_NAME, draft_title=FRENCH_NAME)
    Collection.objects.filter(depth=1, name="Root").update(name=FRENCH_NAME)


def restore(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page.objects.filter(depth=1, title=FRENCH_NAME).update(title="Root", draft_title="Root")
    Collection.objects.filter(depth=1, name=FRENCH_NAME).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_site_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(rename, restore)]
