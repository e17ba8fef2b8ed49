"""Who may download every attestation of a subject as a ZIP, without knowing what it is.

An attestation knows no module or session (../shared/STYLE.md): it records its subject
as a key such as ``module:12`` or ``session:5``. The app that owns a kind of subject
registers, in its `AppConfig.ready`, who may export that subject's attestations; the
permission `certificates.export_attestation` alone would let an organiser zip the
attestations of someone else's session.
"""

from collections.abc import Callable

# (user, object id) → True when the user may export the subject's attestations.
_exporters: dict[str, Callable[[object, int], bool]] = {}


def register(kind: str, may_export: Callable[[object, int], bool]) -> None:
    _exporters[kind] = may_export


def may_export(user, subject: str) -> bool:
    """Return True when `user` may download the attestations of `subject` ("module:12");
    False for an unknown kind or a malformed key."""
    kind, _sep, raw_id = (subject or "").partition(":")
    check = _exporters.get(kind)
    return check is not None and raw_id.isdigit() and check(user, int(raw_id))
