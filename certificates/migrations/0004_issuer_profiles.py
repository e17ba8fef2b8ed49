"""Issuers per territory replace the single AttestationSettings (issue 17).

The one configured service becomes the profile of the département it names
("Nord (59)" → Nord), or the national profile when it names none we know: nothing
typed by an administrator is lost. Attestations already delivered keep what they
printed: the signatory, read from the settings at each render until now, is copied
onto them, so a later render prints the same name.
"""

import re

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _departement_named(Departement, text):
    """The département an AttestationSettings.departement text names: "Nord (59)",
    "59", "Nord"; None when it names none."""
    text = (text or "").strip()
    match = re.search(r"\(\s*(\w{2,3})\s*\)", text) or re.fullmatch(r"(\w{2,3})", text)
    if match:
        found = Departement.objects.filter(code=match.group(1).upper()).first()
        if found is not None:
            return found
    name = re.sub(r"\s*\(.*\)\s*$", "", text)
    return Departement.objects.filter(name__iexact=name).first() if name else None


def settings_to_profiles(apps, schema_editor):
    AttestationSettings = apps.get_model("certificates", "AttestationSettings")
    IssuerProfile = apps.get_model("certificates", "IssuerProfile")
    Attestation = apps.get_model("certificates", "Attestation")
    Departement = apps.get_model("territories", "Departement")
    old = AttestationSettings.objects.order_by("pk").first()
    if old is None:
        return  # never saved: nothing was configured, the default texts apply
    departement = _departement_named(Departement, old.departement)
    fields = {
        "issuer": old.issuer,
        "signatory_name": old.signatory_name,
        "signatory_title": old.signatory_title,
    }
    if departement is not None:
        IssuerProfile.objects.update_or_create(
            departement=departement, defaults={"level": "departement", **fields}
        )
    else:
        IssuerProfile.objects.update_or_create(level="national", defaults=fields)
    Attestation.objects.filter(signatory_name="", signatory_title="").update(
        signatory_name=old.signatory_name, signatory_title=old.signatory_title
    )


def profiles_to_settings(apps, schema_editor):
    """Back to one service: the national profile, else the first département's."""
    AttestationSettings = apps.get_model("certificates", "AttestationSettings")
    IssuerProfile = apps.get_model("certificates", "IssuerProfile")
    profile = (
        IssuerProfile.objects.filter(level="national").first()
        or IssuerProfile.objects.filter(level="departement")
        .select_related("departement")
        .order_by("departement_id")
        .first()
    )
    if profile is None:
        return
    departement = profile.departement
    AttestationSettings.objects.update_or_create(
        pk=1,
        defaults={
            "issuer": profile.issuer,
            "departement": f"{departement.name} ({departement.code})" if departement else "",
            "signatory_name": profile.signatory_name,
            "signatory_title": profile.signatory_title,
        },
    )


def forget_settings_permissions(apps, schema_editor):
    """The retired setting's permissions (granted to administrators in 0002)."""
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(
        content_type__app_label="certificates", content_type__model="attestationsettings"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_reinstated"),
        ("territories", "0002_load_cog"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="IssuerProfile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("departement", "département"),
                            ("region", "région"),
                            ("national", "national"),
                        ],
                        max_length=12,
                        verbose_name="niveau",
                    ),
                ),
                (
                    "issuer",
                    models.CharField(
                        help_text="Par exemple : Délégation départementale aux droits des femmes et à l'égalité",
                        max_length=255,
                        verbose_name="service émetteur",
                    ),
                ),
                (
                    "signatory_name",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="nom du ou de la signataire"
                    ),
                ),
                (
                    "signatory_title",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="fonction du ou de la signataire"
                    ),
                ),
                (
                    "city",
                    models.CharField(
                        blank=True,
                        help_text="Imprimé « Fait à … » ; laissez vide pour ne pas l'imprimer.",
                        max_length=100,
                        verbose_name="lieu de signature",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="modifié le")),
                (
                    "departement",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="issuer_profile",
                        to="territories.departement",
                        verbose_name="département",
                    ),
                ),
                (
                    "region",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="issuer_profile",
                        to="territories.region",
                        verbose_name="région",
                    ),
                ),
                (
                    "updated_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="modifié par",
                    ),
                ),
            ],
            options={
                "verbose_name": "service émetteur d'un territoire",
                "verbose_name_plural": "services émetteurs des territoires",
            },
        ),
        migrations.AddField(
            model_name="attestation",
            name="issued_in",
            field=models.CharField(blank=True, max_length=100, verbose_name="lieu de signature"),
        ),
        migrations.AddField(
            model_name="attestation",
            name="signatory_name",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="nom du ou de la signataire"
            ),
        ),
        migrations.AddField(
            model_name="attestation",
            name="signatory_title",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="fonction du ou de la signataire"
            ),
        ),
        migrations.AlterField(
            model_name="attestation",
            name="departement",
            field=models.CharField(blank=True, max_length=100, verbose_name="territoire"),
        ),
        migrations.AddConstraint(
            model_name="issuerprofile",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("departement__isnull", False),
                        ("level", "departement"),
                        ("region__isnull", True),
                    ),
                    models.Q(
                        ("departement__isnull", True),
                        ("level", "region"),
                        ("region__isnull", False),
                    ),
                    models.Q(
                        ("departement__isnull", True),
                        ("level", "national"),
                        ("region__isnull", True),
                    ),
                    _connector="OR",
                ),
                name="certificates_issuerprofile_level_territory",
            ),
        ),
        migrations.AddConstraint(
            model_name="issuerprofile",
            constraint=models.UniqueConstraint(
                condition=models.Q(("level", "national")),
                fields=("level",),
                name="certificates_issuerprofile_one_national",
            ),
        ),
        migrations.RunPython(settings_to_profiles, profiles_to_settings),
        migrations.DeleteModel(
            name="AttestationSettings",
        ),
        migrations.RunPython(forget_settings_permissions, migrations.RunPython.noop),
    ]
