"""Partners' xAPI statements (lrs) counted for the indicators a DDFE maps them to.

A statement counts as a participation like an imported line does: one per statement
(source "xapi:<statement id>"), for the partner activity and verb it carries, whatever
the number of indicators mapped to it (distinct people are counted per indicator by
the rollup, as for modules). Who the person is:

- an actor whose mbox is the verified address of an Égide account is that account:
  its profile that day decides where it counts (the territory rule, as for modules);
- otherwise, when the partner's credential names the département where its learners
  work, the actor counts there, as an imported person does ("email:<address>" for an
  mbox, so the person becomes the account's when she signs up:
  services.participations_claim);
- otherwise the statement is "non rattachée": shown on the mapping page, not counted.
  Counting it nowhere is safer than guessing a territory: a plan counts the people of
  its territory, and a figure sent to the prefect must not include strangers.
"""

import hashlib
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from lrs.models import Statement, digest

from . import rollup, services
from .constants import Channel
from .models import ActivityLink, Participation, PartnerActivityMapping, partner_activity_key

SOURCE_PREFIX = "xapi:"


def _source(statement: Statement) -> str:
    return f"{SOURCE_PREFIX}{statement.statement_id}"


def _occurred_on(statement: Statement) -> date:
    moment = parse_datetime(statement.data.get("timestamp", "")) or statement.stored
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    return timezone.localdate(moment)


def _email(statement: Statement) -> str:
    mbox = statement.data["actor"].get("mbox", "")
    return mbox.removeprefix("mailto:").strip().lower() if mbox.startswith("mailto:") else ""


def _account_of(email: str):
    """The account whose verified address is `email`, or None."""
    from allauth.account.models import EmailAddress

    if not email:
        return None
    address = (
        EmailAddress.objects.select_related("user")
        .filter(email__iexact=email, verified=True, user__is_active=True)
        .first()
    )
    return address.user if address is not None else None


def _title(statement: Statement, mapping: PartnerActivityMapping) -> str:
    names = statement.data["object"].get("definition", {}).get("name", {})
    name = names.get("fr-FR") or names.get("fr") or next(iter(names.values()), "")
    return f"{name or mapping.activity_iri} — {statement.partner.name}"


def statement_count(*, statement: Statement, mapping: PartnerActivityMapping) -> bool:
    """Record the participation of one statement; False when its person is unknown and
    its partner names no territory (non rattachée)."""
    source = _source(statement)
    if Participation.objects.filter(source=source).exists():
        return True
    occurred_on = _occurred_on(statement)
    user = _account_of(_email(statement))
    if user is not None:
        services.participation_record(
            source=source,
            user=user,
            activity=mapping.activity,
            activity_title=_title(statement, mapping),
            occurred_on=occurred_on,
            kind=mapping.kind,
            channel=Channel.EXTERNAL,
        )
        return True
    departement = statement.partner.departement_id
    if not departement:
        return False
    email = _email(statement)
    person_key = (
        f"email:{email}"
        if email
        else "xapi:" + hashlib.sha256(statement.actor_key.encode()).hexdigest()[:40]
    )
    participation = Participation.objects.create(
        source=source,
        person_key=person_key,
        activity=mapping.activity,
        activity_title=_title(statement, mapping)[:255],
        occurred_on=occurred_on,
        kind=mapping.kind,
        channel=Channel.EXTERNAL,
        departement_id=departement,
    )
    rollup.record(
        person_key=person_key,
        activity=mapping.activity,
        day=occurred_on,
        departement=departement,
        channel=participation.channel,
    )
    return True


def on_statement_stored(sender, statement: Statement, **kwargs) -> None:
    """lrs.signals.statement_stored: count it if a DDFE mapped its activity and verb;
    a voiding statement takes back what its target counted."""
    if statement.is_voiding:
        target = statement.data["object"]["id"]
        services.participation_remove(source=f"{SOURCE_PREFIX}{target}")
        return
    if not statement.activity_id:
        return
    key = partner_activity_key(statement.partner_id, statement.activity_id, statement.verb_id)
    mapping = PartnerActivityMapping.objects.filter(activity=key).first()
    if mapping is not None:
        statement_count(statement=statement, mapping=mapping)


def _matching(mapping: PartnerActivityMapping):
    return Statement.objects.filter(
        partner_id=mapping.partner_id,
        activity_hash=digest(mapping.activity_iri),
        verb_id=mapping.verb_iri,
        voided=False,
    ).select_related("partner")


@transaction.atomic
def mapping_create(*, indicator, partner, activity_iri: str, verb_iri: str, kind: str, by):
    """Count the partner's statements (already stored and to come) for `indicator`."""
    mapping = PartnerActivityMapping(
        indicator=indicator,
        partner=partner,
        activity_iri=activity_iri,
        verb_iri=verb_iri,
        kind=kind,
        created_by=by,
    )
    mapping.activity = partner_activity_key(partner.pk, activity_iri, verb_iri)
    mapping.full_clean()
    mapping.save()
    # Statements received before the mapping count too. One statement at a time: a
    # mapping is made once, and each statement needs its person resolved.
    for statement in _matching(mapping).iterator():
        statement_count(statement=statement, mapping=mapping)
    ActivityLink.objects.get_or_create(indicator=indicator, activity=mapping.activity)
    rollup.rebuild([indicator.pk])
    return mapping


@transaction.atomic
def mapping_delete(*, mapping: PartnerActivityMapping) -> None:
    """Stop counting the partner activity for the indicator; its participations go
    when no other indicator counts them."""
    indicator_id, activity = mapping.indicator_id, mapping.activity
    mapping.delete()
    ActivityLink.objects.filter(indicator_id=indicator_id, activity=activity).delete()
    if not PartnerActivityMapping.objects.filter(activity=activity).exists():
        people = list(
            Participation.objects.filter(activity=activity)
            .values_list("person_key", flat=True)
            .distinct()
        )
        Participation.objects.filter(activity=activity).delete()
        rollup.territory_rebuild(people)
    rollup.rebuild([indicator_id])


def mappings_figures(mappings: list[PartnerActivityMapping]) -> dict[int, dict]:
    """For each mapping: statements received, counted, non rattachées, people (two
    queries whatever the number of mappings)."""
    from django.db.models import Count, Q

    if not mappings:
        return {}
    matching = Q()
    for mapping in mappings:
        matching |= Q(
            partner_id=mapping.partner_id,
            activity_hash=digest(mapping.activity_iri),
            verb_id=mapping.verb_iri,
        )
    received = {
        (row["partner_id"], row["activity_hash"], row["verb_id"]): row["count"]
        for row in Statement.objects.filter(matching, voided=False)
        .values("partner_id", "activity_hash", "verb_id")
        .annotate(count=Count("pk"))
    }
    counted = {
        row["activity"]: row
        for row in Participation.objects.filter(activity__in={m.activity for m in mappings})
        .values("activity")
        .annotate(count=Count("pk"), people=Count("person_key", distinct=True))
    }
    figures = {}
    for mapping in mappings:
        statements = received.get(
            (mapping.partner_id, digest(mapping.activity_iri), mapping.verb_iri), 0
        )
        row = counted.get(mapping.activity, {"count": 0, "people": 0})
        figures[mapping.pk] = {
            "statements": statements,
            "counted": row["count"],
            "unattached": max(statements - row["count"], 0),
            "people": row["people"],
        }
    return figures


def mapping_figures(mapping: PartnerActivityMapping) -> dict:
    """How many statements match, how many count, how many are non rattachées."""
    return mappings_figures([mapping])[mapping.pk]
