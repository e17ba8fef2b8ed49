from django.db import models
from django.utils.translation import gettext_lazy as _

XAPI_VERSION = "1.0.3"
# What /xapi/about announces: the versions whose statements this store accepts.
SUPPORTED_VERSIONS = ["1.0.3", "1.0.2", "1.0.1", "1.0.0"]
VOIDED_VERB = "http://adlnet.gov/expapi/verbs/voided"
SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature"
# Largest page of statements answered to one GET (the `more` link gives the rest).
PAGE_SIZE = 100


class DocumentKind(models.TextChoices):
    STATE = "state", _("État")
    ACTIVITY_PROFILE = "activity_profile", _("Profil d'activité")
    AGENT_PROFILE = "agent_profile", _("Profil d'agent")


class Scope(models.TextChoices):
    """What a partner credential may do (xAPI's own scope names)."""

    STATEMENTS_WRITE = "statements/write", _("Écrire des déclarations")
    STATEMENTS_READ_MINE = "statements/read/mine", _("Lire ses propres déclarations")
    STATEMENTS_READ = "statements/read", _("Lire toutes les déclarations")
    STATE = "state", _("Documents d'état")
    PROFILE = "profile", _("Profils d'activité et d'agent")
    ALL = "all", _("Tout")
