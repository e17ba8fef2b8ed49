"""Human-readable attestation codes: EGD-XXXX-XXXX-XXXX."""

import re
import secrets

from .constants import CODE_ALPHABET, CODE_GROUP_LENGTH, CODE_GROUPS, CODE_PREFIX

_LENGTH = CODE_GROUPS * CODE_GROUP_LENGTH


def generate_code() -> str:
    """Return a fresh random code (uniqueness is the database's constraint)."""
    symbols = "".join(secrets.choice(CODE_ALPHABET) for _ in range(_LENGTH))
    groups = [symbols[i : i + CODE_GROUP_LENGTH] for i in range(0, _LENGTH, CODE_GROUP_LENGTH)]
    return "-".join([CODE_PREFIX, *groups])


def normalize_code(raw: str) -> str | None:
    """Return the canonical form of a typed code, or None if it cannot be one.

    Case, spaces, dashes and the prefix are optional when typing.
    """
    compact = re.sub(r"[\s\-–.]", "", (raw or "").upper())
    if compact.startswith(CODE_PREFIX):
        compact = compact[len(CODE_PREFIX) :]
    if len(compact) != _LENGTH or any(c not in CODE_ALPHABET for c in compact):
        return None
    groups = [compact[i : i + CODE_GROUP_LENGTH] for i in range(0, _LENGTH, CODE_GROUP_LENGTH)]
    return "-".join([CODE_PREFIX, *groups])
