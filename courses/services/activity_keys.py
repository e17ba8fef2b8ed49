"""Answer keys per package version, and who and what an xAPI statement is about.

Re-scoring reads a package's answer key for every statement: it is parsed once per
package version and process. The player names each learner by a pseudonym (no
personal data leaves for the browser's H5P), which statements must carry.
"""

import hashlib
import hmac
import threading
from functools import lru_cache

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse

from .. import xapi
from ..h5p import scoring
from ..models import H5PPackage

ACTOR_DOMAIN = "apprenants.egide.invalid"


# --- Answer keys, built once per package version and process -------------------

_KEYS: dict[tuple, scoring.PackageKey] = {}
_KEYS_LOCK = threading.Lock()
KEYS_CACHED = 256


def package_key(package: H5PPackage) -> scoring.PackageKey:
    """The package's answer key, cached by (pk, extracted_at): a new upload of the
    package is extracted again, so a changed content never meets a stale key."""
    cache_key = (package.pk, package.extracted_at)
    key = _KEYS.get(cache_key)
    if key is None:
        key = scoring.package_key(package.h5p_json or {}, package.content_json or {})
        with _KEYS_LOCK:
            if len(_KEYS) >= KEYS_CACHED:
                _KEYS.clear()
            _KEYS[cache_key] = key
    return key


@receiver(post_save, sender=H5PPackage, dispatch_uid="courses_h5p_key_forget")
@receiver(post_delete, sender=H5PPackage, dispatch_uid="courses_h5p_key_forget_deleted")
def _package_key_forget(sender, instance, **kwargs) -> None:
    # Saved in this process (edits without a new extraction, a primary key reused
    # after a rolled back test): drop its keys rather than trust the timestamp.
    with _KEYS_LOCK:
        for cache_key in [k for k in _KEYS if k[0] == instance.pk]:
            _KEYS.pop(cache_key, None)


# --- Who and what a statement is about -----------------------------------------


def xapi_pseudonym(user) -> str:
    """The learner's pseudonymous xAPI name: no personal data leaves for the player."""
    return _pseudonym(user.pk, settings.SECRET_KEY)


@lru_cache(maxsize=4096)
def _pseudonym(user_id: int, secret: str) -> str:
    digest = hmac.new(secret.encode(), f"xapi-actor:{user_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:20]


def xapi_mbox(user) -> str:
    return f"mailto:{xapi_pseudonym(user)}@{ACTOR_DOMAIN}"


@lru_cache(maxsize=4096)
def _activity_path(package_id: int, lesson_id: int) -> str:
    return reverse("courses:h5p_xapi", args=[package_id, lesson_id])


def identity_check(statement: dict, *, user, package, lesson) -> str:
    """Refuse another learner's or another activity's statement; return its sub-content."""
    xapi.actor_check(statement, xapi_mbox(user))
    return xapi.sub_content_id(statement, _activity_path(package.pk, lesson.pk))
