"""Demo accounts, one per role (used by `manage.py load_demo`)."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress

from accounts import services
from accounts.constants import Profession, Role
from accounts.models import User

# A demo password is printed on screen by `make run` and published in the README: it
# is set only on a development database (DEBUG). Loaded elsewhere (`load_demo --force`,
# as the benchmark does), the demo accounts exist but no password opens them.
PASSWORD = "egide-demo-2026"
# Every demo account except the learner's must sign in with a second factor. They
# share this authenticator-app secret, printed by `make run` with an otpauth:// URI
# to scan; `manage.py demo_totp EMAIL` prints the current code for those without
# an app. Like the password, it is public: demo data only.
TOTP_SECRET = "EGIDEDEMOEGIDEDEMOEGIDEDEMOEGIDE"


def totp_uri() -> str:
    """Return the otpauth:// URI of the demo secret, for an authenticator app."""
    from urllib.parse import quote, urlencode

    from allauth.mfa import app_settings

    params = {"secret": TOTP_SECRET, "issuer": app_settings.TOTP_ISSUER}
    return f"otpauth://totp/{quote('Égide (démonstration)')}?{urlencode(params, quote_via=quote)}"


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: Role
    first_name: str
    last_name: str
    profession: str
    employer: str
    departement: str
    arrondissement: str
    superuser: bool = False
    # Territories followed: départements for a DDFE, régions for a regional delegate.
    delegated: tuple[str, ...] = ()

    @property
    def role_label(self) -> str:
        return str(self.role.label)


ACCOUNTS = [
    DemoAccount(
        "apprenante@egide.test",
        Role.LEARNER,
        "Camille",
        "Lefebvre",
        Profession.POLICE,
        "Commissariat de Lens",
        "62",
        "627",
    ),
    DemoAccount(
        "formatrice@egide.test",
        Role.TRAINER,
        "Nadia",
        "Benali",
        Profession.ASSOCIATION,
        "CIDFF du Nord",
        "59",
        "595",
    ),
    DemoAccount(
        "accueil@egide.test",
        Role.HOST,
        "Julien",
        "Dupont",
        Profession.GENDARMERIE,
        "Compagnie de gendarmerie d'Arras",
        "62",
        "621",
    ),
    DemoAccount(
        "redactrice@egide.test",
        Role.EDITOR,
        "Claire",
        "Martin",
        Profession.AGENT_COLLECTIVITE,
        "Préfecture du Pas-de-Calais",
        "62",
        "621",
    ),
    DemoAccount(
        "ddfe@egide.test",
        Role.DDFE,
        "Sophie",
        "Caron",
        Profession.AGENT_COLLECTIVITE,
        "DDFE du Pas-de-Calais",
        "62",
        "621",
        delegated=("62",),
    ),
    DemoAccount(
        "ddfe-nord@egide.test",
        Role.DDFE,
        "Aurélie",
        "Vasseur",
        Profession.AGENT_COLLECTIVITE,
        "DDFE du Nord",
        "59",
        "595",
        delegated=("59",),
    ),
    DemoAccount(
        "region@egide.test",
        Role.REGIONAL,
        "Hélène",
        "Deschamps",
        Profession.AGENT_COLLECTIVITE,
        "DRDFE Hauts-de-France",
        "59",
        "595",
        delegated=("32",),
    ),
    DemoAccount(
        "national@egide.test",
        Role.NATIONAL,
        "Isabelle",
        "Moreau",
        Profession.AGENT_COLLECTIVITE,
        "Service des droits des femmes et de l'égalité (SDFE)",
        "75",
        "751",
    ),
    DemoAccount(
        "responsable@egide.test",
        Role.UNIT_MANAGER,
        "Pascale",
        "Morel",
        Profession.POLICE,
        "Commissariat de Lens",
        "62",
        "627",
    ),
    DemoAccount(
        "admin@egide.test",
        Role.ADMIN,
        "Thomas",
        "Leroy",
        Profession.AUTRE,
        "Préfecture du Nord",
        "59",
        "595",
        superuser=True,
    ),
]


def load(*, with_logins: bool) -> list[DemoAccount]:
    """Create or refresh the demo accounts: verified email, complete profile, one role,
    and the demo authenticator app where the role requires a second factor.

    Without `with_logins`, the accounts get no usable password and no authenticator
    (and none is superuser): the published demo password and secret must not open a
    database other than a developer's.
    """
    from accounts.mfa import mfa_required

    for account in ACCOUNTS:
        user, _created = User.objects.get_or_create(email=account.email)
        user.first_name = account.first_name
        user.last_name = account.last_name
        user.profession = account.profession
        user.employer = account.employer
        user.departement_id = account.departement
        user.arrondissement_id = account.arrondissement
        user.is_superuser = account.superuser and with_logins
        user.is_staff = account.superuser and with_logins
        user.is_active = True
        if with_logins:
            user.set_password(PASSWORD)
        else:
            user.set_unusable_password()
        user.full_clean()
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        services.user_assign_role(user=user, role=Role.LEARNER)
        services.user_assign_role(user=user, role=account.role)
        if account.role == Role.DDFE:
            user.delegated_departements.set(account.delegated)
        elif account.role == Role.REGIONAL:
            user.delegated_regions.set(account.delegated)
        if with_logins and mfa_required(user):
            services.user_totp_activate(user=user, secret=TOTP_SECRET)
    return ACCOUNTS
