"""Print the current second-factor code of a demo account (development database only)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.mfa import totp_code_now
from accounts.models import User


class Command(BaseCommand):
    help = (
        "Affiche le code de double authentification du moment d'un compte de "
        "démonstration (développement seulement)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="Adresse du compte, par exemple ddfe@egide.test.")

    def handle(self, *args, email, **options):
        # A code from the database is a second factor given away: only where the
        # demo runs, never on a server with real accounts.
        if not settings.DEBUG:
            raise CommandError(
                "Cette commande ne sert qu'en développement (DEBUG=True) : elle "
                "affiche un code de connexion."
            )
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"Aucun compte à l'adresse {email}.")
        code = totp_code_now(user)
        if code is None:
            raise CommandError(f"Le compte {email} n'a pas d'application d'authentification.")
        self.stdout.write(code)
