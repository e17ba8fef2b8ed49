"""Writes about people: profile, roles, anonymisation."""

import logging

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from .constants import ROLE_GROUP_NAMES, Role
from .models import User

logger = logging.getLogger("egide.security")

PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "profession",
    "employer",
    "institution",
    "departement",
    "arrondissement",
    "rpps",
)
TERRITORY_FIELDS = frozenset({"departement", "arrondissement"})


def user_assign_role(*, user: User, role: Role) -> None:
    """Add `user` to the group of `role`.

    The groups come from a migration; get_or_create keeps sign-up working if an
    administrator deleted one by mistake.
    """
    group, _created = Group.objects.get_or_create(name=ROLE_GROUP_NAMES[role])
    user.groups.add(group)
    if hasattr(user, "_egide_group_names"):
        del user._egide_group_names  # the shared cache is cleared by accounts.apps


def user_remove_role(*, user: User, role: Role) -> None:
    user.groups.remove(Group.objects.get(name=ROLE_GROUP_NAMES[role]))
    if hasattr(user, "_egide_group_names"):
        del user._egide_group_names


def user_totp_activate(*, user: User, secret: str) -> None:
    """Give `user` an authenticator app on `secret` (base32), with recovery codes.

    People enrol through allauth's pages; this serves the demo accounts (a fixed,
    printed secret) and the tests.
    """
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP

    Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).delete()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)


def user_signed_up(*, user: User) -> None:
    """Give a new account its default role: every person starts as a learner."""
    user_assign_role(user=user, role=Role.LEARNER)


def user_profile_update(*, user: User, **fields) -> User:
    """Update profile fields after full validation; unknown fields are refused."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    # Territories may come as instances (the profile form) or as INSEE codes ("59",
    # "593"; a blank one clears): a code is written to the key column directly.
    for name, value in fields.items():
        if name in TERRITORY_FIELDS and not hasattr(value, "pk"):
            setattr(user, f"{name}_id", (value or "").strip() or None)
            continue
        setattr(user, name, value.strip() if isinstance(value, str) else value)
    user.full_clean()
    user.save(update_fields=[*fields.keys()])
    return user


@transaction.atomic
def user_anonymise(*, user: User) -> User:
    """Delete an account the RGPD way: remove identity, keep anonymous statistics.

    Name, email, RPPS and employer are erased; the login, linked email addresses,
    external (ProConnect) identities and second factors (authenticator app, security
    keys, recovery codes) are removed; the password becomes unusable,
    which also invalidates every open session. Profession, département,
    arrondissement and dates stay, so counts of people trained remain true.
    """
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount

    EmailAddress.objects.filter(user=user).delete()
    SocialAccount.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.email = f"anonyme-{user.pk}@supprime.invalid"
    user.first_name = ""
    user.last_name = ""
    user.rpps = ""
    user.employer = ""
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.anonymised_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    from .signals import user_anonymised

    user_anonymised.send(sender=User, user=user)
    logger.info("account %s anonymised at the holder's request", user.pk)
    return user
