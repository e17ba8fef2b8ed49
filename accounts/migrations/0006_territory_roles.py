"""The regional delegate's and the national service's roles (views check them, with
the territories each person answers for: accounts.selectors.territory_scope)."""

from django.db import migrations

GROUP_NAMES = ["Délégué·e régional·e DRDFE", "Service national des droits des femmes"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUP_NAMES:
        Group.objects.get_or_create(name=name)


def delegate_existing_ddfe(apps, schema_editor):
    """Before territories, the DDFE saw every plan: each existing DDFE follows the
    départements of the plans loaded so far, so nobody loses a view they used."""
    User = apps.get_model("accounts", "User")
    Plan = apps.get_model("indicators", "Plan")
    codes = list(
        Plan.objects.exclude(departement=None).values_list("departement_id", flat=True).distinct()
    )
    for user in User.objects.filter(groups__name="Référent·e DDFE"):
        if not user.delegated_departements.exists():
            user.delegated_departements.add(*codes)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_territories"),
        ("indicators", "0010_territories"),
    ]

    operations = [
        # Unapplied, the groups stay (empty or not): deleting them would drop memberships.
        migrations.RunPython(create_groups, migrations.RunPython.noop),
        migrations.RunPython(delegate_existing_ddfe, migrations.RunPython.noop),
    ]
