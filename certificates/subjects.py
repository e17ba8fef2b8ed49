"""Who may gather a subject's attestations in a ZIP, without knowing what it is.

An attestation knows no module, session or offer (../shared/STYLE.md: certificates
sit below courses, events and placements); its `subject` is a key such as
``module:12``, ``session:5`` or ``offer:3``. The app that owns a kind of subject
registers in its `AppConfig.ready` who may see that subject's attestations, as
courses does for quizzes (quizzes.contexts). A subject of a kind nobody registered
is archived only by those who see every attestation.
"""

from collections.abc import Callable

# (user, object id) → True when the person may see the attestations of that object.
Rule = Callable[[object, int], bool]

_rules: dict[str, Rule] = {}
# What an attestation of that kind of subject certifies, when the Kind's label does not
# say it ("Stage croisé" rather than "Présence à une session" for a placement).
_natures: dict[str, str] = {}


def register(kind: str, rule: Rule, *, nature: str | None = None) -> None:
    _rules[kind] = rule
    if nature is not None:
        _natures[kind] = nature


def nature_of(subject: str) -> str | None:
    """The nature registered for the subject's kind (None: the attestation's Kind says it)."""
    nature = _natures.get((subject or "").partition(":")[0])
    return str(nature) if nature is not None else None


def may_archive(user, subject: str) -> bool:
    """Return True when `user` may download every attestation of `subject` in a ZIP."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if not user.has_perm("certificates.export_attestation"):
        return False
    # Administrators see every attestation in the admin: they may gather any subject.
    if user.has_perm("certificates.view_attestation"):
        return True
    kind, _sep, raw_id = (subject or "").partition(":")
    rule = _rules.get(kind)
    if rule is None or not raw_id.isdigit():
        return False
    return rule(user, int(raw_id))
