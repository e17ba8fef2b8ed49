from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from territories.validators import arrondissement_required, territory_errors

from .constants import HEALTH_PROFESSIONS, InstitutionKind, Profession
from .validators import validate_rpps


class UserManager(DjangoUserManager):
    """Manager for a user model whose login identifier is the email address."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person using Égide; the email address is the login identifier.

    Profile fields are those a trainer and the DDFE need to count people trained
    by profession and territory. When an account is deleted the identifying
    fields are blanked (see services.user_anonymise) and the rest is kept.
    """

    username = None
    email = models.EmailField(_("adresse électronique"), unique=True)
    profession = models.CharField(
        _("profession"), max_length=40, choices=Profession.choices, blank=True
    )
    employer = models.CharField(
        _("employeur ou institution"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : commissariat de Lens, CH de Douai, CIDFF du Nord."),
    )
    # Where the person works: what the territories' figures count (indicators).
    departement = models.ForeignKey(
        "territories.Departement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("département d'exercice"),
    )
    arrondissement = models.ForeignKey(
        "territories.Arrondissement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("arrondissement"),
    )
    # Territories a delegate answers for (accounts.selectors.territory_scope): the
    # départements of a DDFE, the régions of a regional delegate.
    delegated_departements = models.ManyToManyField(
        "territories.Departement",
        blank=True,
        related_name="delegates",
        verbose_name=_("départements suivis"),
        help_text=_("Référent·es DDFE : les départements dont ils et elles voient les chiffres."),
    )
    delegated_regions = models.ManyToManyField(
        "territories.Region",
        blank=True,
        related_name="delegates",
        verbose_name=_("régions suivies"),
        help_text=_(
            "Délégué·es régionaux·les : les régions dont ils et elles voient les chiffres."
        ),  # noqa: E501
    )
    # The unit the person works in, when it is known to the platform: its unit
    # managers follow the person's mandatory training.
    institution = models.ForeignKey(
        "accounts.Institution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("structure"),
    )
    rpps = models.CharField(
        _("numéro RPPS"),
        max_length=11,
        blank=True,
        validators=[validate_rpps],
        help_text=_("Facultatif, pour les professionnel·les de santé : 11 chiffres."),
    )
    anonymised_at = models.DateTimeField(_("anonymisé le"), null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("utilisateur·rice")
        verbose_name_plural = _("utilisateur·rices")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]
        indexes = [models.Index(fields=["departement", "profession"])]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self) -> None:
        super().clean()
        self.email = (self.email or "").strip().lower()
        errors = territory_errors(self)
        if self.rpps and self.profession and self.profession not in HEALTH_PROFESSIONS:
            errors["rpps"] = _(
                "Le numéro RPPS ne concerne que les médecins, sages-femmes et infirmier·es."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def missing_profile_fields(self) -> list[str]:
        """Return the names of the profile fields still to fill before training."""
        required = ["first_name", "last_name", "profession", "employer", "departement_id"]
        if arrondissement_required(self.departement_id):
            required.append("arrondissement_id")
        return [name.removesuffix("_id") for name in required if not getattr(self, name)]

    @property
    def profile_is_complete(self) -> bool:
        return not self.missing_profile_fields


class Institution(models.Model):
    """A police station, hospital, association… that hosts cross-placements.

    Its managers (host managers for the placements, unit managers for mandatory
    training) are plain user accounts attached here by administrators.
    """

    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=30, choices=InstitutionKind.choices)
    address = models.CharField(_("adresse"), max_length=255)
    postal_code = models.CharField(_("code postal"), max_length=10, blank=True)
    city = models.CharField(_("commune"), max_length=100)
    departement = models.ForeignKey(
        "territories.Departement",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("département"),
    )
    arrondissement = models.ForeignKey(
        "territories.Arrondissement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("arrondissement"),
    )
    managers = models.ManyToManyField(
        User,
        related_name="managed_institutions",
        blank=True,
        verbose_name=_("responsables"),
        help_text=_("Comptes qui gèrent les offres et les demandes de cette structure."),
    )

    # No page references an institution: skip Wagtail's reference index on save.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"), "city", name="accounts_institution_unique_name_city"
            ),
        ]
        indexes = [models.Index(fields=["departement", "kind"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors = territory_errors(self)
        if not errors and arrondissement_required(self.departement_id):
            if not self.arrondissement_id:
                errors["arrondissement"] = _("Indiquez l'arrondissement.")
        if errors:
            raise ValidationError(errors)

    @property
    def full_address(self) -> str:
        return ", ".join(p for p in [self.address, f"{self.postal_code} {self.city}".strip()] if p)
