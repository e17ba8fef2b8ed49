"""Accounts: the user model, passwords, allauth (email sign-in, second factor,
ProConnect / Pro Santé Connect)."""

from .environment import SITE_URL, env

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:dashboard"

# --- allauth -------------------------------------------------------------------
SITE_ID = 1
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "accounts.adapters.SocialAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Égide] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# Login throttling: 5 failed attempts per account per 5 minutes, 10 per minute per IP.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/300s/key",
    "login": "30/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}

# --- Second factor (allauth.mfa) -------------------------------------------------
# Privileged roles (accounts.constants.MFA_REQUIRED_ROLES) must enrol one before
# reaching anything else (accounts.middleware); anyone else may from "Mon compte".
MFA_ADAPTER = "accounts.adapters.MFAAdapter"
# Encrypts TOTP secrets and recovery-code seeds in the database (a Fernet key:
# `python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`);
# without it, a key derived from SECRET_KEY (changing SECRET_KEY then voids the factors).
MFA_ENCRYPTION_KEY = env("MFA_ENCRYPTION_KEY", "")
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = "Égide"
# A security key or a phone's passkey can also sign in alone (it is two factors:
# possession of the key, and the PIN or biometrics that unlock it).
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_PASSKEY_SIGNUP_ENABLED = False
# Recovery codes are shown once, right after enrolment; a person who lost them
# generates new ones (which revokes the old ones).
MFA_RECOVERY_CODES_SHOW_ONCE = True
# WebAuthn needs a secure origin; plain http is accepted only where dev and test
# settings turn this on (127.0.0.1).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False

SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False


def _oidc_app(prefix: str, provider_id: str, name: str, scope: list[str]) -> dict | None:
    """Return an allauth OpenID Connect app built from PREFIX_* variables, or None.

    The provider only exists when its client id, secret and server URL are all set,
    so a deployment without ProConnect shows no ProConnect button.
    """
    client_id = env(f"{prefix}_CLIENT_ID")
    secret = env(f"{prefix}_CLIENT_SECRET")
    server_url = env(f"{prefix}_SERVER_URL")
    if not (client_id and secret and server_url):
        return None
    return {
        "provider_id": provider_id,
        "name": name,
        "client_id": client_id,
        "secret": secret,
        "settings": {
            "server_url": server_url,
            "token_auth_method": "client_secret_post",
            "oauth_pkce_enabled": True,
            "scope": scope,
        },
    }


OIDC_APPS = [
    app
    for app in (
        _oidc_app(
            "PROCONNECT",
            "proconnect",
            "ProConnect",
            ["openid", "email", "given_name", "usual_name", "siret", "uid"],
        ),
        _oidc_app(
            "PROSANTECONNECT",
            "prosanteconnect",
            "Pro Santé Connect",
            ["openid", "scope_all"],
        ),
    )
    if app
]
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": OIDC_APPS}} if OIDC_APPS else {}
