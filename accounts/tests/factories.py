import factory
from allauth.account.models import EmailAddress

from accounts import services
from accounts.constants import Profession, Role
from accounts.models import User
from territories.tests.factories import TerritoryCodes

PASSWORD = "mot-de-passe-solide-2026"


class UserFactory(TerritoryCodes, factory.django.DjangoModelFactory):
    """A verified learner with a complete profile (Pas-de-Calais, Lens)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.fr")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Martin{n}")
    profession = Profession.POLICE
    employer = "Commissariat de Lens"
    departement = "62"
    arrondissement = "627"  # Lens

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create:
            services.user_assign_role(user=self, role=Role.LEARNER)
            if extracted:
                services.user_assign_role(user=self, role=extracted)

    @factory.post_generation
    def delegated(self, create, extracted, **kwargs):
        """Territories a DDFE or regional delegate follows: codes given, or by default
        her own département (DDFE) or its région (regional delegate)."""
        from accounts.roles import forget_roles, user_roles

        if not create:
            return
        roles = user_roles(self)
        if Role.DDFE in roles:
            codes = extracted if extracted is not None else [self.departement_id]
            self.delegated_departements.set([code for code in codes if code])
        if Role.REGIONAL in roles:
            default = [self.departement.region_id] if self.departement_id else []
            codes = extracted if extracted is not None else default
            self.delegated_regions.set(codes)
        forget_roles(self.pk)
        self.__dict__.pop("_egide_group_names", None)

    @factory.post_generation
    def mfa(self, create, extracted, **kwargs):
        """Privileged roles come with an authenticator app, as the rule requires of them.

        Their tests then sign in as such a person really does (the browser tests type
        the current code, see totp_code) or with force_login. `mfa=False` gives a
        privileged person who has not enrolled yet.
        """
        from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

        from accounts.mfa import mfa_required
        from accounts.roles import forget_roles

        if not create or extracted is False:
            return
        required = mfa_required(self)
        # Leave the role caches as a freshly loaded user finds them.
        forget_roles(self.pk)
        self.__dict__.pop("_egide_group_names", None)
        if extracted or required:
            TOTP.activate(self, generate_totp_secret())


def totp_code(user: User) -> str:
    """Return the code the user's authenticator app shows now."""
    from accounts.mfa import totp_code_now

    code = totp_code_now(user)
    assert code is not None, f"{user.email} has no authenticator app"
    return code


class IncompleteUserFactory(UserFactory):
    """A freshly signed-up person who has not filled in the profile yet."""

    profession = ""
    employer = ""
    departement = ""
    arrondissement = ""


def luhn_check_digit(body: str) -> str:
    """Return the digit that completes `body` into a Luhn-valid number.

    Written from the algorithm's definition (double every second digit from the
    right of the full number, subtract 9 above 9, total must end in 0), so the
    tests do not reuse the validator they check.
    """
    total = 0
    # Once the check digit is appended, the body's last digit is second from the right.
    for position, char in enumerate(reversed(body)):
        value = int(char)
        if position % 2 == 0:
            value = value * 2 - 9 if value * 2 > 9 else value * 2
        total += value
    return str((10 - total % 10) % 10)


def make_rpps(body: str = "1000123456") -> str:
    """Return a valid 11-digit RPPS number starting with `body` (10 digits)."""
    return body + luhn_check_digit(body)
