"""Reads: a holder's attestations, the public verification, archives."""

from dataclasses import dataclass
from datetime import date, datetime

from core.file_jobs import file_job_of_owner

from .. import subjects
from ..codes import normalize_code
from ..constants import Validity
from ..models import Attestation, AttestationArchive


def attestations_for_user(*, user) -> list[Attestation]:
    return list(Attestation.objects.filter(user=user).order_by("-completed_at", "-pk"))


def attestations_by_source(*, user, sources: list[str]) -> dict[str, Attestation]:
    """The learner's attestations for these sources (one query), keyed by source."""
    if not sources:
        return {}
    return {a.source: a for a in Attestation.objects.filter(user=user, source__in=sources)}


def attestation_of_holder(*, user, code: str) -> Attestation | None:
    """The attestation with this code if `user` holds it; None for anyone else."""
    canonical = normalize_code(code)
    if canonical is None:
        return None
    return Attestation.objects.filter(code=canonical, user=user).first()


@dataclass(frozen=True)
class Verification:
    """What the public page may say about a code, and nothing more."""

    code: str
    validity: Validity
    holder_name: str = ""
    title: str = ""
    nature: str = ""
    attendance: bool = False
    completed_at: datetime | None = None
    valid_until: date | None = None
    revoked_at: datetime | None = None


def verification(*, code: str) -> Verification:
    canonical = normalize_code(code)
    attestation = (
        Attestation.objects.filter(code=canonical)
        .only(
            "code",
            "holder_name",
            "title",
            "kind",
            "subject",
            "completed_at",
            "valid_until",
            "revoked_at",
        )
        .first()
        if canonical
        else None
    )
    if attestation is None:
        return Verification(code=canonical or code[:40], validity=Validity.UNKNOWN)
    if attestation.is_revoked:
        validity = Validity.REVOKED
    elif attestation.is_expired:
        validity = Validity.EXPIRED
    else:
        validity = Validity.VALID
    return Verification(
        code=attestation.code,
        validity=validity,
        holder_name=attestation.holder_name,
        title=attestation.title,
        nature=attestation.nature_display,
        attendance=attestation.is_attendance,
        completed_at=attestation.completed_at,
        valid_until=attestation.valid_until,
        revoked_at=attestation.revoked_at,
    )


def archive_of_requester(*, user, archive_id: int) -> AttestationArchive | None:
    """The archive if `user` asked for it and may still see its subject's attestations
    (an organiser removed from a session no longer downloads what she gathered)."""
    archive = file_job_of_owner(AttestationArchive, owner=user, job_id=archive_id)
    if archive is None or not subjects.may_archive(user, archive.subject):
        return None
    return archive


def attestation_count_for_subject(*, subject: str) -> int:
    return Attestation.objects.filter(subject=subject, revoked_at__isnull=True).count()


def personal_data(user) -> list[dict]:
    """The holder's attestations, for the RGPD export."""
    return [
        {
            "code": a.code,
            "intitule": a.title,
            "nature": a.nature_display,
            "acheve_le": a.completed_at.isoformat(),
            "valable_jusqu_au": a.valid_until.isoformat() if a.valid_until else None,
            "score": str(a.score) if a.score is not None else None,
            "revoquee_le": a.revoked_at.isoformat() if a.revoked_at else None,
            "motif_revocation": a.revocation_reason,
        }
        for a in Attestation.objects.filter(user=user).order_by("completed_at")
    ]
