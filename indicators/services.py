"""Writes: load a plan (idempotent), link activities to indicators."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from . import rollup
from .constants import Provenance
from .models import (
    ActivityLink,
    ApiToken,
    Axis,
    Fiche,
    Indicator,
    Participation,
    Plan,
    ReportExport,
)


@transaction.atomic
def plan_load(*, data: dict) -> Plan:
    """Create or update a plan with its axes, fiches and indicators from `data`.

    Idempotent: loading the same data again changes nothing. Matching is by plan
    code, axis and fiche numbers and indicator rank, so indicator codes (and the
    links and figures that hang on them) survive a reload. Nothing is deleted: an
    indicator dropped from the data keeps its history.

    Each indicator's provenance (indicators.constants.Provenance) comes from its own
    "provenance" and "reference" keys, else from the plan's "indicator_source"
    ({"provenance": …, "reference": "Fiche action {fiche}, …"}, where {fiche} is the
    fiche's number); without either, an indicator is a proposal with no reference.
    """
    source = data.get("indicator_source", {})
    plan, _created = Plan.objects.update_or_create(
        code=data["code"],
        defaults={
            "name": data["name"],
            "departement_id": data.get("departement") or None,
            "region_id": data.get("region") or None,
            "period_start": date.fromisoformat(data["period_start"]),
            "period_end": date.fromisoformat(data["period_end"]),
        },
    )
    plan.full_clean()
    fiche_rank = 0
    for axis_rank, axis_data in enumerate(data["axes"], start=1):
        axis, _created = Axis.objects.update_or_create(
            plan=plan,
            number=axis_data["number"],
            defaults={"title": axis_data["title"], "rank": axis_rank},
        )
        for fiche_data in axis_data["fiches"]:
            fiche_rank += 1
            fiche, _created = Fiche.objects.update_or_create(
                plan=plan,
                number=fiche_data["number"],
                defaults={
                    "axis": axis,
                    "title": fiche_data["title"],
                    "objective": fiche_data.get("objective", ""),
                    "pilot": fiche_data.get("pilot", ""),
                    "partners": fiche_data.get("partners", ""),
                    "rank": fiche_rank,
                },
            )
            for rank, indicator_data in enumerate(fiche_data["indicators"], start=1):
                target = indicator_data.get("target")
                indicator = Indicator.objects.filter(fiche=fiche, rank=rank).first() or Indicator(
                    plan=plan, fiche=fiche, rank=rank
                )
                indicator.label = indicator_data["label"]
                indicator.measure = indicator_data.get("measure", "manual")
                indicator.target = Decimal(str(target)) if target is not None else None
                indicator.unit = indicator_data.get("unit", "")
                indicator.provenance = indicator_data.get(
                    "provenance", source.get("provenance", Provenance.PROPOSED)
                )
                reference = indicator_data.get("reference", source.get("reference", ""))
                indicator.plan_reference = reference.format(fiche=fiche.number)
                indicator.full_clean(exclude=["code"])
                indicator.save()
    return plan


def plan_territory_changed(*, plan: Plan) -> int:
    """A plan now covers another territory: its indicators count other people, so
    their per-person rollup is rebuilt (called by Plan.save, so plan_load and the
    admin both trigger it)."""
    return rollup.rebuild(list(plan.indicators.values_list("pk", flat=True)))


def participations_imported(*, person_keys, indicator_ids) -> None:
    """Participations written in bulk (partner imports): recount their indicators and
    their people's territories, in the caller's transaction."""
    rollup.rebuild(sorted(set(indicator_ids)))
    rollup.territory_rebuild(sorted(set(person_keys)))


def activity_link(*, indicator: Indicator, activity: str) -> ActivityLink:
    """Count `activity` ("module:12") for `indicator`; linking twice is harmless."""
    link, created = ActivityLink.objects.get_or_create(indicator=indicator, activity=activity)
    if created:
        rollup.rebuild([indicator.pk])
    return link


@transaction.atomic
def activity_links_set(*, indicator: Indicator, prefix: str, activities: list[str]) -> None:
    """Make the indicator's links of one kind ("module:") exactly `activities`."""
    removed, _detail = (
        indicator.links.filter(activity__startswith=prefix)
        .exclude(activity__in=activities)
        .delete()
    )
    added = 0
    for activity in activities:
        _link, created = ActivityLink.objects.get_or_create(indicator=indicator, activity=activity)
        added += created
    if removed or added:
        rollup.rebuild([indicator.pk])


def manual_value_enter(
    *, indicator: Indicator, period_start: date, period_end: date, value, comment: str, by
):
    """Record a figure entered by the DDFE (kept with who entered it and when)."""
    from .models import ManualValue

    entry = ManualValue(
        indicator=indicator,
        period_start=period_start,
        period_end=period_end,
        value=value,
        comment=comment,
        entered_by=by,
    )
    entry.full_clean()
    entry.save()
    return entry


def participation_record(
    *,
    source: str,
    user,
    activity: str,
    activity_title: str,
    occurred_on: date,
    kind: str,
    channel: str,
    place_departement: str | None = None,
) -> Participation:
    """Record that `user` was trained by `activity` on `occurred_on`, once per source.

    The person's profile is copied now: counts keep it as it was that day — their
    département decides which plans count them (the counting rule, selectors). The
    place of an in-person activity (`place_departement`) decides where sessions and
    placements are counted as organised.
    """
    participation, created = Participation.objects.get_or_create(
        source=source,
        defaults={
            "person_key": f"user:{user.pk}",
            "user": user,
            "activity": activity,
            "activity_title": activity_title[:255],
            "occurred_on": occurred_on,
            "kind": kind,
            "channel": channel,
            "profession": user.profession,
            "employer": user.employer[:200],
            "departement_id": user.departement_id,
            "arrondissement_id": user.arrondissement_id,
            "place_departement_id": place_departement or None,
        },
    )
    if created:
        rollup.record(
            person_key=participation.person_key,
            activity=activity,
            day=occurred_on,
            departement=participation.departement_id,
            profession=participation.profession,
            channel=participation.channel,
        )
    return participation


def on_module_completed(sender, completion, module, **kwargs) -> None:
    """courses.signals.module_completed: the completion counts for the module's indicators."""
    from django.utils import timezone

    from .constants import Channel

    participation_record(
        source=f"module-completion:{completion.pk}",
        user=completion.user,
        activity=f"module:{module.pk}",
        activity_title=completion.module_title,
        occurred_on=timezone.localdate(completion.completed_at),
        kind=module.kind,
        channel=Channel.ELEARNING,
    )


def on_attendance_confirmed(sender, registration, session, **kwargs) -> None:
    """events.signals.attendance_confirmed: a person present at a session counts for the
    event's indicators, as trained on the session's day."""
    from django.utils import timezone

    from .constants import Channel

    event = session.event
    participation_record(
        source=f"session-attendance:{registration.pk}",
        user=registration.user,
        activity=f"event:{event.pk}",
        activity_title=event.title,
        occurred_on=timezone.localdate(session.starts_at),
        kind=event.nature,
        channel=Channel.EVENT,
        place_departement=session.departement_id,
    )


def on_attendance_withdrawn(sender, registration, session, **kwargs) -> None:
    """events.signals.attendance_withdrawn: a presence corrected no longer counts."""
    participation_remove(source=f"session-attendance:{registration.pk}")


def participation_remove(*, source: str) -> bool:
    """Forget a participation recorded by mistake; the counts follow at once."""
    participation = Participation.objects.filter(source=source).first()
    if participation is None:
        return False
    activity, person_key = participation.activity, participation.person_key
    participation.delete()
    rollup.territory_rebuild([person_key])
    rollup.rebuild(
        list(
            ActivityLink.objects.filter(activity=activity)
            .values_list("indicator_id", flat=True)
            .distinct()
        )
    )
    return True


def on_placement_completed(sender, request, offer, **kwargs) -> None:
    """placements.signals.placement_completed: the professional counts as trained (on the
    placement's last day) and the placement as organised, for the offer's indicators."""
    from .constants import Channel, ParticipationKind

    participation_record(
        source=f"placement:{request.pk}",
        user=request.user,
        activity=f"offer:{offer.pk}",
        activity_title=f"{offer.title} — {offer.institution}",
        occurred_on=request.slot.end_date,
        kind=ParticipationKind.FORMATION,
        channel=Channel.PLACEMENT,
        place_departement=offer.institution.departement_id,
    )


def participations_claim(*, user) -> int:
    """A person imported by email (no account then) signs up: their participations
    become the account's, so they stay one person for every count."""
    claimed = Participation.objects.filter(person_key=f"email:{user.email.lower()}")
    activities = set(claimed.values_list("activity", flat=True))
    count = claimed.update(person_key=f"user:{user.pk}", user=user)
    if count:
        rollup.territory_rebuild([f"email:{user.email.lower()}", f"user:{user.pk}"])
        rollup.rebuild(
            list(
                ActivityLink.objects.filter(activity__in=activities)
                .values_list("indicator_id", flat=True)
                .distinct()
            )
        )
    return count


def on_user_saved(sender, instance, created, **kwargs) -> None:
    if created and instance.email:
        participations_claim(user=instance)


def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """Create a key for `user`; return it with the clear key, shown only this once."""
    import hashlib
    import secrets

    key = secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name.strip()[:100] or "API",
        digest=hashlib.sha256(key.encode()).hexdigest(),
        prefix=key[:8],
    )
    token.save()
    return token, key


def api_token_revoke(*, token) -> None:
    from django.utils import timezone

    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def api_token_user(*, key: str):
    """The active user of a valid, unrevoked key, or None (and mark the key used)."""
    import hashlib

    from django.utils import timezone

    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=hashlib.sha256(key.encode()).hexdigest(), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def report_export_request(
    *, user, plan: Plan, export_format: str, start: date, end: date, arrondissement: str = ""
) -> ReportExport:
    """Ask for a PDF bilan or a detailed workbook, built in the background (core.file_jobs:
    asking again while it is pending returns the same export)."""
    from core import file_jobs

    from . import exports
    from .constants import ExportFormat

    return file_jobs.file_job_request(
        ReportExport,
        owner=user,
        params={
            "plan": plan,
            "format": export_format,
            "period_start": start,
            "period_end": end,
            "arrondissement_id": arrondissement or None,
        },
        total=2 if export_format == ExportFormat.PDF else exports.DOSSIER_STEPS + 1,
    )
