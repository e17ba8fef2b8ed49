"""Before territories were data, arrondissements were stored as slugs ("59-lille").

The migrations that turn those fields into foreign keys convert them with this
table (Nord and Pas-de-Calais were the only départements with arrondissements
listed then). Kept for those migrations only.
"""

ARRONDISSEMENT_CODES = {
    "59-avesnes-sur-helpe": "591",
    "59-cambrai": "592",
    "59-douai": "593",
    "59-dunkerque": "594",
    "59-lille": "595",
    "59-valenciennes": "596",
    "62-arras": "621",
    "62-bethune": "622",
    "62-boulogne-sur-mer": "623",
    "62-montreuil": "624",
    "62-saint-omer": "625",
    "62-calais": "626",
    "62-lens": "627",
}


def arrondissement_code(value: str | None) -> str | None:
    """The COG code of an old slug (a code is returned as is); None for blank or unknown."""
    if not value:
        return None
    return ARRONDISSEMENT_CODES.get(value, value if value[:1].isdigit() else None)


def departement_code(value: str | None) -> str | None:
    return value or None


def convert_fields(model, departement_field: str | None, arrondissement_field: str | None):
    """Rewrite one model's old values in place (a migration step between two AlterFields).

    Unknown codes become empty rather than breaking the foreign key added next.
    """
    apps_registry = model._meta.apps
    Departement = apps_registry.get_model("territories", "Departement")
    Arrondissement = apps_registry.get_model("territories", "Arrondissement")
    known_departements = set(Departement.objects.values_list("code", flat=True))
    known_arrondissements = set(Arrondissement.objects.values_list("code", flat=True))
    fields = [name for name in (departement_field, arrondissement_field) if name]
    for pk, *values in model.objects.values_list("pk", *fields):
        changes = {}
        for name, value in zip(fields, values, strict=True):
            if name == departement_field:
                new = departement_code(value)
                new = new if new in known_departements else None
            else:
                new = arrondissement_code(value)
                new = new if new in known_arrondissements else None
            if new != value:
                changes[name] = new
        if changes:
            model.objects.filter(pk=pk).update(**changes)


def prepare(
    app_label: str, model_name: str, departement: str | None, arrondissement: str | None
) -> list:
    """Migration operations run before a model's territory fields become foreign keys:
    let the old text columns hold NULL, then convert their values to COG codes."""
    from django.db import migrations, models

    operations = [
        migrations.AlterField(
            model_name=model_name,
            name=name,
            field=models.CharField(max_length=40, null=True, blank=True),
        )
        for name in (departement, arrondissement)
        if name
    ]

    def convert(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        convert_fields(model, departement, arrondissement)

    operations.append(migrations.RunPython(convert, migrations.RunPython.noop))
    return operations
