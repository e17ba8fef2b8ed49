"""Load the demonstration data shown by `make run`. Idempotent: run it as often as you like.

Each capability's demo data has its loader in `demo/loaders/`; this command only runs
them in order and prints the demo accounts.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from accounts.constants import Role
from accounts.models import User
from certificates.models import Attestation
from demo import people as demo_people
from demo.loaders import accounts as accounts_demo
from demo.loaders import assignments as assignments_demo
from demo.loaders import courses as courses_demo
from demo.loaders import events as events_demo
from demo.loaders import indicators as indicators_demo
from demo.loaders import placements as placements_demo
from demo.loaders import practice as practice_demo
from demo.loaders import progress as progress_demo
from territories.models import Departement, Region


def _territory(account: accounts_demo.DemoAccount) -> str:
    """What the account's figures cover, printed next to it: the tour compares them."""
    if account.role in {Role.NATIONAL, Role.ADMIN}:
        return "France entière"
    if account.role == Role.DDFE:
        found = Departement.objects.filter(code__in=account.delegated).order_by("code")
    elif account.role == Role.REGIONAL:
        found = Region.objects.filter(code__in=account.delegated).order_by("code")
    else:
        return ""
    return ", ".join(str(territory.label()) for territory in found)


class Command(BaseCommand):
    help = "Charge les données de démonstration (idempotent) et affiche les comptes."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Autoriser le chargement hors mode développement (banc de mesure) : "
                "les comptes de démonstration sont alors créés sans mot de passe utilisable."
            ),
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Les données de démonstration ne se chargent qu'en développement "
                "(DEBUG=True) ; utilisez --force pour passer outre."
            )
        # The demo password is public: only a development database gets it.
        with_logins = settings.DEBUG
        accounts, modules, progress, indicators = self._load(with_logins=with_logins)
        self._summary(modules[courses_demo.MODULE_SLUG], progress, indicators)
        self.stdout.write("")
        if not with_logins:
            self.stdout.write(
                "Comptes de démonstration créés sans mot de passe (hors mode développement) :"
            )
            self._accounts(accounts)
            return
        self.stdout.write(f"Comptes de démonstration (mot de passe : {accounts_demo.PASSWORD})")
        self._accounts(accounts)
        self._second_factor()

    def _load(self, *, with_logins: bool) -> tuple:
        """Run every loader; return the accounts, the modules, the generated learners'
        progress and the indicators linked."""
        # Three transactions rather than one: the generated learners' completions must
        # commit inside `renders_left_pending` (their attestation PDFs are not rendered
        # at once, see there). Each step is idempotent, so running the command again
        # completes a load interrupted between two of them.
        with transaction.atomic():
            accounts = accounts_demo.load(with_logins=with_logins)
            editor = User.objects.get(email="admin@egide.test")
            modules = courses_demo.load_all(user=editor)
            module = modules[courses_demo.MODULE_SLUG]
            practice_demo.load(user=editor)
            events_demo.load(module=module)
            placements_demo.load()
            assignments_demo.load(module=module)
        with progress_demo.renders_left_pending(), transaction.atomic():
            progress = progress_demo.load(modules=modules)
        with transaction.atomic():
            indicators = indicators_demo.load()
        return accounts, modules, progress, indicators

    def _summary(self, module, progress: dict[str, int], indicators: list) -> None:
        self.stdout.write(self.style.SUCCESS("Données de démonstration chargées."))
        self.stdout.write(f"Module de démonstration : {module.url}")
        self.stdout.write(
            f"Apprenant·es générées (démonstration) : {demo_people.COUNT} ; ajouts : "
            f"{progress['enrolments']} inscriptions, {progress['completions']} modules "
            f"terminés, {progress['answers']} questionnaires de satisfaction, "
            f"{progress['moves']} changements de département."
        )
        self.stdout.write(
            f"Dont {len(demo_people.mover_emails())} personnes passées du Nord au "
            "Pas-de-Calais ou inversement, formées avant et après leur mutation, et "
            "quelques-unes dans la Somme, l'Aisne, à Paris et dans le Rhône."
        )
        self.stdout.write(
            "Indicateurs liés aux activités de démonstration : "
            + ", ".join(indicator.code for indicator in indicators)
        )
        attestation = Attestation.objects.filter(user__email="formatrice@egide.test").first()
        if attestation is not None:
            self.stdout.write(
                "Attestation de démonstration : "
                + reverse("certificates:verify", args=[attestation.code])
            )

    def _second_factor(self) -> None:
        self.stdout.write("")
        self.stdout.write(
            "Double authentification (tous les comptes sauf l'apprenante) : code de "
            "l'application d'authentification réglée sur le secret "
            f"{accounts_demo.TOTP_SECRET}"
        )
        self.stdout.write(f"  à scanner ou copier : {accounts_demo.totp_uri()}")
        self.stdout.write(
            "  sans application : python manage.py demo_totp ddfe@egide.test "
            "affiche le code du moment"
        )

    def _accounts(self, accounts) -> None:
        for account in accounts:
            territory = _territory(account)
            line = f"  {account.role_label:<40} {account.email:<26}"
            self.stdout.write(f"{line} {territory}".rstrip())
