"""Create (or reset) a partner credential from the command line (conformance runs,
first set-up before the CMS is reachable)."""

from django.core.management.base import BaseCommand

from lrs import services
from lrs.constants import Scope
from lrs.models import Partner


class Command(BaseCommand):
    help = "Crée un partenaire xAPI (identifiant et secret) ou redéfinit son secret."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("--key", default="")
        parser.add_argument("--secret", default="")
        parser.add_argument("--scope", action="append", default=None)

    def handle(self, name, key, secret, scope, **options):
        import hashlib

        scopes = scope or [Scope.ALL]
        partner = Partner.objects.filter(key=key).first() if key else None
        if partner is not None:
            if secret:
                partner.secret_digest = hashlib.sha256(secret.encode()).hexdigest()
                partner.scopes = scopes
                partner.save()
            else:
                secret = services.partner_secret_reset(partner=partner)
        else:
            partner, secret = services.partner_create(
                name=name, scopes=scopes, key=key, secret=secret
            )
        self.stdout.write(f"{partner.key}:{secret}")
