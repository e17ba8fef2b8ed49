"""Security journal: who signed in, failed to, changed a credential or a role.

Written to the `egide.security` logger, one line per event, so the hosting's log
collection keeps them apart from application logs (OWASP ASVS V7: authentication
and access-control events are logged, never a password, token or code). Each line
names the account by its id and, where there is a request, the client's address.
"""

import logging

from django.contrib.auth import signals as auth_signals
from django.db.models.signals import m2m_changed

logger = logging.getLogger("egide.security")


def _ip(request) -> str:
    if request is None:
        return "-"
    # allauth's reading of the address (honours ALLAUTH_TRUSTED_PROXY_COUNT), the one
    # its rate limits use.
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request) or "-"
    except Exception:  # noqa: BLE001 - a journal line must never break a sign-in
        return "-"


def _logged_in(sender, request, user, **kwargs):
    logger.info("login_succeeded user=%s ip=%s", user.pk, _ip(request))


def _logged_out(sender, request, user, **kwargs):
    logger.info("logout user=%s ip=%s", getattr(user, "pk", None), _ip(request))


def _login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password; only the identifier typed is kept, to
    # spot an attack on one account. Control characters are dropped (log injection).
    login = str(credentials.get("email") or credentials.get("username") or "")[:254]
    login = "".join(char for char in login if char.isprintable())
    logger.warning("login_failed login=%r ip=%s", login, _ip(request))


def _credential_event(name: str):
    def receiver(sender, request=None, user=None, **kwargs):
        user = user or getattr(request, "user", None)
        logger.info("%s user=%s ip=%s", name, getattr(user, "pk", None), _ip(request))

    receiver.__name__ = f"audit_{name}"
    return receiver


def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if reverse:  # users added to or removed from one group
        logger.info(
            "roles_changed group=%s action=%s users=%s", instance.pk, action, sorted(pk_set or ())
        )
    else:
        logger.info(
            "roles_changed user=%s action=%s groups=%s", instance.pk, action, sorted(pk_set or ())
        )


def connect() -> None:
    """Connect the journal's receivers (called once from AccountsConfig.ready)."""
    from allauth.account import signals as account_signals
    from django.apps import apps

    from .models import User

    auth_signals.user_logged_in.connect(_logged_in, dispatch_uid="egide_audit_login")
    auth_signals.user_logged_out.connect(_logged_out, dispatch_uid="egide_audit_logout")
    auth_signals.user_login_failed.connect(_login_failed, dispatch_uid="egide_audit_failed")
    events = [
        ("password_changed", account_signals.password_changed),
        ("password_set", account_signals.password_set),
        ("password_reset", account_signals.password_reset),
        ("email_changed", account_signals.email_changed),
    ]
    if apps.is_installed("allauth.mfa"):
        from allauth.mfa import signals as mfa_signals

        events += [
            ("mfa_authenticator_added", mfa_signals.authenticator_added),
            ("mfa_authenticator_removed", mfa_signals.authenticator_removed),
            ("mfa_authenticator_reset", mfa_signals.authenticator_reset),
            ("mfa_authentication_failed", mfa_signals.authentication_failed),
        ]
    for name, signal in events:
        signal.connect(_credential_event(name), weak=False, dispatch_uid=f"egide_audit_{name}")
    m2m_changed.connect(
        _groups_changed, sender=User.groups.through, dispatch_uid="egide_audit_groups"
    )
