# The archive is a file job (core.models.FileJob): its requester is its owner. A
# rename, so that every archive keeps who asked for it.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0004_issuer_profiles"),
    ]

    operations = [
        migrations.RenameField("attestationarchive", "requested_by", "owner"),
    ]
