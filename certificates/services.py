"""Writes: issue, render, revoke, regenerate attestations; build ZIP archives."""

import logging
import zipfile
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import background, file_jobs

from . import subjects
from .codes import generate_code
from .constants import (
    RENDER_STALE_MINUTES,
    EventAction,
    Kind,
    RenderStatus,
)
from .models import (
    Attestation,
    AttestationArchive,
    AttestationEvent,
    IssuerLevel,
    IssuerProfile,
)
from .rendering import render_pdf
from .selectors.issuers import issuer_for, profile_of

logger = logging.getLogger(__name__)


def _queue_renders(ids: list[int]) -> None:
    """Queue one render task per attestation once the transaction commits."""
    from . import tasks

    # Under `make run`, in a thread of the web process: an attendance sheet of 34
    # presences answers at once instead of after 34 PDFs (core.background).
    for pk in ids:
        background.delay_on_commit(tasks.attestation_render, pk)


def _holder_and_issuer(user, departement_code: str | None) -> dict:
    """What the attestation prints of its holder and of who issues it, copied today."""
    issuer = issuer_for(departement_code=departement_code or user.departement_id)
    return {
        "holder_name": user.get_full_name() or user.email,
        "profession": user.get_profession_display() if user.profession else "",
        "issuer": issuer.issuer,
        "departement": issuer.territory,
        "signatory_name": issuer.signatory_name,
        "signatory_title": issuer.signatory_title,
        "issued_in": issuer.city,
    }


def attestation_issue(
    *,
    user,
    source: str,
    subject: str,
    title: str,
    kind: Kind | str,
    completed_at: datetime,
    duration_minutes: int | None = None,
    score: Decimal | float | None = None,
    valid_until: date | None = None,
    departement_code: str | None = None,
) -> Attestation:
    """Return the learner's attestation for `source`, creating it once; its PDF is
    rendered by a Celery task queued on commit.

    `departement_code` is the territory that speaks for the activity (a session's,
    a host institution's); without it, the learner's département on the day of
    issue. Who issues and signs (certificates.selectors.issuers) is copied onto the
    attestation, so later changes of settings never rewrite it.

    Calling it again for the same learner and source (a completion evaluated twice,
    a task delivered twice) returns the existing attestation.
    """
    existing = Attestation.objects.filter(user=user, source=source).first()
    if existing is not None:
        return existing
    fields = {
        "subject": subject,
        "title": title,
        "kind": kind,
        "duration_minutes": duration_minutes or None,
        "completed_at": completed_at,
        "score": score,
        "valid_until": valid_until,
        **_holder_and_issuer(user, departement_code),
    }
    for _attempt in range(5):
        try:
            with transaction.atomic():
                attestation = Attestation(user=user, source=source, code=generate_code(), **fields)
                attestation.full_clean(validate_unique=False, validate_constraints=False)
                attestation.save()
                AttestationEvent.objects.create(attestation=attestation, action=EventAction.ISSUED)
        except IntegrityError:
            # Either the same source issued concurrently (return it) or, very
            # rarely, a code collision (draw another).
            existing = Attestation.objects.filter(user=user, source=source).first()
            if existing is not None:
                return existing
            continue
        _queue_renders([attestation.pk])
        logger.info("attestation %s issued to user %s for %s", attestation.code, user.pk, source)
        return attestation
    raise RuntimeError("could not draw a free attestation code")


def attestation_render(*, attestation_id: int) -> str:
    """Render the attestation's PDF unless it is already rendered; return what happened.

    Idempotent under duplicate delivery: the row is locked while rendering, so a
    second task for the same attestation waits, then finds it ready and stops.
    """
    with transaction.atomic():
        attestation = Attestation.objects.select_for_update().filter(pk=attestation_id).first()
        if attestation is None:
            return "missing"
        if attestation.render_status == RenderStatus.READY:
            return "already"
        if attestation.is_revoked:
            return "revoked"
        pdf = render_pdf(attestation)
        previous = attestation.pdf.name
        attestation.render_count += 1
        attestation.pdf.save(f"v{attestation.render_count}.pdf", ContentFile(pdf), save=False)
        attestation.render_status = RenderStatus.READY
        attestation.rendered_at = timezone.now()
        attestation.render_error = ""
        attestation.save(
            update_fields=["pdf", "render_status", "rendered_at", "render_error", "render_count"]
        )
        AttestationEvent.objects.create(attestation=attestation, action=EventAction.RENDERED)
        new_name = attestation.pdf.name
        storage = attestation.pdf.storage

        def cleanup_previous():
            if previous and previous != new_name:
                storage.delete(previous)

        # A rollback keeps the previous file, which the row still names.
        transaction.on_commit(cleanup_previous)
    return "rendered"


def attestation_render_failed(*, attestation_id: int, error: str, final: bool) -> None:
    """Record a failed render for administrators; after the last retry, mark it failed."""
    with transaction.atomic():
        attestation = Attestation.objects.select_for_update().filter(pk=attestation_id).first()
        if attestation is None or attestation.render_status == RenderStatus.READY:
            return
        attestation.render_error = error[:5000]
        fields = ["render_error"]
        if final:
            attestation.render_status = RenderStatus.FAILED
            fields.append("render_status")
        attestation.save(update_fields=fields)
        AttestationEvent.objects.create(
            attestation=attestation, action=EventAction.RENDER_FAILED, message=error[:1000]
        )
    logger.error("attestation %s could not be rendered: %s", attestation_id, error)


def attestation_revoke(*, attestation: Attestation, by, reason: str) -> Attestation:
    """Revoke an attestation with a reason: it no longer verifies; the holder sees why."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Indiquez le motif de la révocation.")})
    with transaction.atomic():
        attestation = Attestation.objects.select_for_update().get(pk=attestation.pk)
        if attestation.is_revoked:
            raise ValidationError(_("Cette attestation est déjà révoquée."))
        attestation.revoked_at = timezone.now()
        attestation.revoked_by = by
        attestation.revocation_reason = reason
        attestation.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        AttestationEvent.objects.create(
            attestation=attestation, action=EventAction.REVOKED, actor=by, message=reason
        )
    logger.info("attestation %s revoked by user %s", attestation.code, getattr(by, "pk", None))
    return attestation


def attestation_reinstate(*, attestation: Attestation, by, reason: str) -> Attestation:
    """Lift a revocation (e.g. an attendance corrected twice); the journal keeps both."""
    with transaction.atomic():
        attestation = Attestation.objects.select_for_update().get(pk=attestation.pk)
        if not attestation.is_revoked:
            return attestation
        attestation.revoked_at = None
        attestation.revoked_by = None
        attestation.revocation_reason = ""
        attestation.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
        AttestationEvent.objects.create(
            attestation=attestation, action=EventAction.REINSTATED, actor=by, message=reason
        )
        if attestation.render_status != RenderStatus.READY:
            _queue_renders([attestation.pk])
    logger.info("attestation %s reinstated by user %s", attestation.code, getattr(by, "pk", None))
    return attestation


def attestation_for_source(*, user, source: str) -> Attestation | None:
    return Attestation.objects.filter(user=user, source=source).first()


def attestations_regenerate(*, by, subject: str | None = None) -> int:
    """Render again every attestation not revoked (of one subject, or all), keeping
    codes and dates: after a change of the PDF template. The issuer and signatory
    stay those copied at issue: a delegate's change signs the next attestations,
    never those already delivered.

    Return how many were queued. Each keeps its current PDF until the new one is ready.
    """
    now = timezone.now()
    queryset = Attestation.objects.filter(revoked_at__isnull=True)
    if subject:
        queryset = queryset.filter(subject=subject)
    with transaction.atomic():
        ids = list(queryset.values_list("pk", flat=True))
        Attestation.objects.filter(pk__in=ids).update(
            render_status=RenderStatus.PENDING, render_queued_at=now, render_error=""
        )
        AttestationEvent.objects.bulk_create(
            [
                AttestationEvent(
                    attestation_id=pk, action=EventAction.REGENERATION, actor=by, at=now
                )
                for pk in ids
            ],
            batch_size=1000,
        )
        _queue_renders(ids)
    logger.info("%s attestations queued for regeneration by user %s", len(ids), by.pk)
    return len(ids)


def attestations_requeue_stale(*, older_than: timedelta | None = None) -> int:
    """Queue again the renders still pending long after they were queued (lost tasks)."""
    limit = timezone.now() - (older_than or timedelta(minutes=RENDER_STALE_MINUTES))
    with transaction.atomic():
        ids = list(
            Attestation.objects.filter(
                render_status=RenderStatus.PENDING,
                render_queued_at__lt=limit,
                revoked_at__isnull=True,
            ).values_list("pk", flat=True)[:5000]
        )
        Attestation.objects.filter(pk__in=ids).update(render_queued_at=timezone.now())
        _queue_renders(ids)
    if ids:
        logger.warning("%s attestation renders queued again", len(ids))
    return len(ids)


def attestations_erase_holder(*, user) -> int:
    """On account deletion (RGPD): revoke the holder's attestations, erase the name
    printed on them and delete their PDFs. Counts of people trained stay true."""
    erased = 0
    for attestation in Attestation.objects.filter(user=user):
        with transaction.atomic():
            if attestation.pdf:
                name, storage = attestation.pdf.name, attestation.pdf.storage
                transaction.on_commit(lambda n=name, s=storage: s.delete(n))
            message = _("Compte supprimé à la demande de la personne.")
            attestation.holder_name = _("(nom effacé)")
            attestation.profession = ""
            attestation.pdf = ""
            attestation.render_status = RenderStatus.FAILED
            fields = ["holder_name", "profession", "pdf", "render_status"]
            if not attestation.is_revoked:
                attestation.revoked_at = timezone.now()
                attestation.revocation_reason = message
                fields += ["revoked_at", "revocation_reason"]
            attestation.save(update_fields=fields)
            AttestationEvent.objects.create(
                attestation=attestation, action=EventAction.HOLDER_ERASED, message=message
            )
        erased += 1
    return erased


def issuer_profile_save(
    *,
    by,
    territory,
    issuer: str,
    signatory_name: str = "",
    signatory_title: str = "",
    city: str = "",
) -> IssuerProfile:
    """Create or update who speaks for a territory (a Departement, a Region, or None
    for the nation). The caller checked that `by` may (certificates.selectors.issuers.may_edit).

    Applies to documents issued from now on; attestations already delivered keep
    the issuer and signatory of their day.
    """
    from territories.models import Departement, Region

    profile = profile_of(territory)
    if profile is None:
        if isinstance(territory, Departement):
            profile = IssuerProfile(level=IssuerLevel.DEPARTEMENT, departement=territory)
        elif isinstance(territory, Region):
            profile = IssuerProfile(level=IssuerLevel.REGION, region=territory)
        else:
            profile = IssuerProfile(level=IssuerLevel.NATIONAL)
    profile.issuer = issuer.strip()
    profile.signatory_name = signatory_name.strip()
    profile.signatory_title = signatory_title.strip()
    profile.city = city.strip()
    profile.updated_by = by
    profile.full_clean()
    profile.save()
    logger.info(
        "issuer profile %s (%s %s) saved by user %s",
        profile.pk,
        profile.level,
        profile.departement_id or profile.region_id or "",
        getattr(by, "pk", None),
    )
    return profile


def issuer_profile_delete(*, by, territory) -> bool:
    """Forget a territory's own settings: its documents then follow the région's,
    the national ones or the default text. Return whether there was one."""
    profile = profile_of(territory)
    if profile is None:
        return False
    profile.delete()
    logger.info("issuer profile %s deleted by user %s", profile.pk, getattr(by, "pk", None))
    return True


def archive_request(*, user, subject: str) -> AttestationArchive:
    """Ask for a ZIP of every valid attestation of a subject, built in the background
    (core.file_jobs: asking again while it is pending returns the same archive).

    Only someone who may see that subject's attestations may ask (certificates.subjects:
    the organisers of a session, those who follow a module's learners, administrators).
    """
    if not subjects.may_archive(user, subject):
        raise PermissionDenied(
            _("Vous ne pouvez pas télécharger les attestations de cette activité.")
        )
    attestations = Attestation.objects.filter(subject=subject, revoked_at__isnull=True)
    latest = attestations.order_by("-issued_at").first()
    if latest is None:
        raise ValidationError(_("Aucune attestation n'a encore été délivrée pour cette activité."))
    return file_jobs.file_job_request(
        AttestationArchive,
        owner=user,
        params={"subject": subject},
        title=latest.title,
        total=attestations.count(),
    )


def _archive_member_name(attestation: Attestation) -> str:
    name = slugify(attestation.holder_name) or "attestation"
    return f"{name}-{attestation.code}.pdf"


def archive_write(archive: AttestationArchive, progress, out) -> str:
    """Write the archive's ZIP into `out`, rendering first any attestation not rendered
    yet; return the file's name (core.file_jobs builds it).

    Progress is saved every few files, for the page the requester watches.
    """
    attestations = Attestation.objects.filter(
        subject=archive.subject, revoked_at__isnull=True
    ).order_by("holder_name", "pk")
    # PDFs not rendered yet (pending, failed) are rendered first; then one query reads all.
    for pk in attestations.exclude(render_status=RenderStatus.READY).values_list("pk", flat=True):
        attestation_render(attestation_id=pk)
    total = attestations.count()
    progress(0, total)
    step = max(1, total // 50)
    written = 0
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zip_file:
        for written, attestation in enumerate(attestations.iterator(), start=1):
            with attestation.pdf.open("rb") as pdf:
                # PDFs are compressed already: stored, not deflated again.
                zip_file.writestr(_archive_member_name(attestation), pdf.read())
            if written % step == 0:
                progress(written)
    progress(written, written)  # what the ZIP holds, were attestations revoked meanwhile
    return f"attestations-{slugify(archive.title)[:60] or 'activite'}.zip"
