"""What the learning record store keeps: partner credentials, statements (with the
agents and activities they name, for the queries), attachments and documents."""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import DocumentKind, Scope


def digest(value: str) -> str:
    """A fixed-length key for an IRI or an agent: IRIs may be thousands of characters,
    too long for an index; equality of the SHA-256 is equality of the value."""
    return hashlib.sha256(value.encode()).hexdigest()


class Partner(models.Model):
    """A partner platform's credential: it sends (and reads back) xAPI statements.

    The secret is random (32 bytes, shown once), so a SHA-256 digest is as safe as a
    slow password hash here and keeps Basic authentication cheap on every request.
    """

    name = models.CharField(_("nom"), max_length=150)
    key = models.CharField(_("identifiant"), max_length=64, unique=True)
    secret_digest = models.CharField(max_length=64, editable=False)
    scopes = models.JSONField(_("droits"), default=list, blank=True)
    # Where this partner's learners work, when the partner says so: unknown actors of
    # its statements are counted there (indicators). Empty: they are not counted.
    departement = models.ForeignKey(
        "territories.Departement",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("département des apprenant·es"),
    )
    is_active = models.BooleanField(_("actif"), default=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dernière utilisation"), null=True, blank=True)

    class Meta:
        verbose_name = _("partenaire xAPI")
        verbose_name_plural = _("partenaires xAPI")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def allows(self, scope: str) -> bool:
        return Scope.ALL in self.scopes or scope in self.scopes

    @property
    def authority(self) -> dict:
        """The agent that vouches for this partner's statements (xAPI `authority`)."""
        return {
            "objectType": "Agent",
            "name": self.name,
            "account": {"homePage": "https://egide.gouv.fr/xapi/partenaires", "name": self.key},
        }


class Statement(models.Model):
    """One xAPI statement as stored (with `stored`, `authority`, `version`)."""

    statement_id = models.UUIDField(unique=True)
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="statements")
    data = models.JSONField()
    verb_id = models.TextField()
    # The object's id when it is an activity; empty otherwise.
    activity_id = models.TextField(blank=True)
    activity_hash = models.CharField(max_length=64, blank=True, db_index=True)
    actor_key = models.TextField()
    registration = models.UUIDField(null=True, blank=True)
    # The statement this one refers to (object StatementRef): queries return the
    # statements referring to those they match (Communication 2.1.4).
    target_id = models.UUIDField(null=True, blank=True, db_index=True)
    stored = models.DateTimeField(db_index=True)
    voided = models.BooleanField(default=False)
    # A voiding statement's target (xAPI: a voiding statement cannot be voided).
    is_voiding = models.BooleanField(default=False)
    # The statement as sent, without what the store adds: sending it again unchanged
    # is harmless, changed is a conflict.
    fingerprint = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("déclaration xAPI")
        verbose_name_plural = _("déclarations xAPI")
        indexes = [models.Index(fields=["partner", "stored"])]

    def __str__(self) -> str:
        return str(self.statement_id)


class StatementLink(models.Model):
    """An agent or activity a statement names, for the `agent`, `activity` and
    `related_*` filters of GET /xapi/statements."""

    class Kind(models.TextChoices):
        AGENT = "agent"  # the actor, or the object when it is an agent
        RELATED_AGENT = "related_agent"  # any agent anywhere in the statement
        ACTIVITY = "activity"  # the object
        RELATED_ACTIVITY = "related_activity"  # object, context activities, sub-statement

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    value_hash = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["kind", "value_hash"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.value_hash[:12]}"


class Attachment(models.Model):
    """An attachment's content, shared by every statement naming its SHA-256."""

    sha2 = models.CharField(max_length=128, unique=True)
    content_type = models.CharField(max_length=255)
    content = models.BinaryField()

    def __str__(self) -> str:
        return self.sha2


class Activity(models.Model):
    """The last definition given for an activity id (GET /xapi/activities)."""

    activity_hash = models.CharField(max_length=64, unique=True)
    activity_id = models.TextField()
    definition = models.JSONField(default=dict)

    def __str__(self) -> str:
        return self.activity_id


class Document(models.Model):
    """A state, activity profile or agent profile document, private to its partner."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    # What the document hangs on (activity, agent, registration), hashed together.
    scope_hash = models.CharField(max_length=64)
    document_id = models.TextField()
    document_hash = models.CharField(max_length=64)
    content = models.BinaryField()
    content_type = models.CharField(max_length=255)
    etag = models.CharField(max_length=64)
    updated = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "kind", "scope_hash", "document_hash"],
                name="lrs_document_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.document_id}"
