"""Name the django.contrib.sites site after the service.

allauth's emails greet and sign with the current site's name; without this row
Django creates "example.com" after migrating, and every verification or reset
email would come from "example.com".
"""

from urllib.parse import urlparse

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations


def name_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    domain = urlparse(settings.SITE_URL).netloc or "localhost"
    _site, created = Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain[:100], "name": settings.SERVICE_NAME}
    )
    if created:
        # Inserting an explicit primary key does not move PostgreSQL's sequence.
        for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [Site]):
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_create_homepage"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(name_site, migrations.RunPython.noop)]
