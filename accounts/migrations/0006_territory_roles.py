"""The regional delegate's and the national service's roles (views check them, with
the territories each person answers for: accounts.selectors.territory_scope)."""

from django.db import migrations

GROUP_NAMES = ["Délégué·e régional·e DRDFE", "Service national des droits des femmes"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUP_NAMES:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_NAMES).delete()


def delegate_existing_ddfe(apps, schema_editor):
    """Before territories, the DDFE saw every plan: each existing DDFE follows the
    départements of the plans loaded so far, so nobody loses a view they used."""
    Group = apps.get_model("auth", "Group")
    Plan = apps.get_model("indicators", "Plan")
    group = Group.objects.filter(name="Référent·e DDFE").first()
    if group is None:
        return
    codes = list(
        Plan.objects.exclude(departement=None).values_list("departement_id", flat=True).distinct()
    )
    for user in group.user_set.all():
        if not user.delegated_departements.exists():
            user.delegated_departements.add(*codes)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_territories"),
        ("indicators", "0010_territories"),
    ]

    operations = [
        migrations.RunPython(create_groups, remove_groups),
        migrations.RunPython(delegate_existing_ddfe, migrations.RunPython.noop),
    ]
