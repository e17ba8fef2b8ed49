"""The tool's own RSA key pair, made once per installation (never in the repository).

Platforms fetch its public half at /lti/jwks/; `manage.py rotate_keys` (django-lti)
adds a new one later.
"""

from django.db import migrations


def tool_key_create(apps, schema_editor):
    from jwcrypto.jwk import JWK

    Key = apps.get_model("lti_tool", "Key")
    if Key.objects.filter(is_active=True).exists():
        return
    key = JWK.generate(kty="RSA", size=2048)
    Key.objects.create(
        public_key=key.export_to_pem().decode("utf-8"),
        private_key=key.export_to_pem(private_key=True, password=None).decode("utf-8"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("lti", "0001_issue22_grade_targets"),
        ("lti_tool", "0008_ltideployment_pns_url_and_more"),
    ]

    operations = [migrations.RunPython(tool_key_create, migrations.RunPython.noop)]
