"""Writes of the LTI app: who a launch signs in, where scores go, what they say."""

import logging
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from lti_tool.models import LtiDeployment, LtiLaunch, LtiRegistration, LtiUser
from lti_tool.utils import sync_data_from_launch

from accounts import services as account_services
from accounts.constants import Role
from accounts.mfa import mfa_enrolled
from accounts.models import User
from accounts.roles import user_roles
from core.background import delay_on_commit

from .models import GradeTarget

logger = logging.getLogger("egide.security")

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
CUSTOM_MODULE = "module"  # the custom parameter naming the module (set by deep linking)


@dataclass(frozen=True)
class LaunchPerson:
    """Who a resource launch is for: an account to sign in, or why there is none."""

    user: User | None
    created: bool = False
    refusal: str = ""


def _is_privileged(user: User) -> bool:
    """Accounts a launch never signs in: they hold more than the learner's role, or
    protect their sign-in with a second factor. A partner platform's administrator
    can write any email address on a platform account; signing in by that address
    must not open a trainer's, a delegate's or an administrator's account."""
    if user.is_staff or user.is_superuser:
        return True
    if user_roles(user) - {Role.LEARNER}:
        return True
    return mfa_enrolled(user)


def launch_person(*, lti_user: LtiUser) -> LaunchPerson:
    """Match the platform's person to an Égide account, or create one.

    The platform user already linked (a previous launch) keeps its account; otherwise
    the email address the platform sends finds the account (case-insensitive), or a
    learner account is created with the names the launch carries; the rest of the
    profile is asked on the first training page.
    """
    user = lti_user.auth_user
    if user is None:
        email = (lti_user.email or "").strip().lower()
        if not email:
            return LaunchPerson(
                None,
                refusal=_(
                    "Votre plateforme n'a pas transmis votre adresse électronique : Égide "
                    "ne peut pas vous reconnaître. Demandez à son administrateur·rice "
                    "de partager l'adresse des personnes avec Égide."
                ),
            )
        try:
            validate_email(email)
        except ValidationError:
            return LaunchPerson(
                None,
                refusal=_(
                    "L'adresse électronique transmise par votre plateforme n'est pas valide."
                ),
            )
        user = User.objects.filter(email__iexact=email).first()
        created = False
        if user is None:
            user = _learner_create(lti_user=lti_user, email=email)
            created = True
        if _is_privileged(user):
            return LaunchPerson(None, refusal=_privileged_refusal())
        lti_user.auth_user = user
        lti_user.save(update_fields=["auth_user", "datetime_modified"])
        return LaunchPerson(user, created=created)
    if not user.is_active:
        return LaunchPerson(None, refusal=_("Ce compte Égide est désactivé."))
    if _is_privileged(user):
        return LaunchPerson(None, refusal=_privileged_refusal())
    return LaunchPerson(user)


def _privileged_refusal() -> str:
    return _(
        "Votre compte Égide a un rôle qui donne accès aux données d'autres personnes : "
        "il ne s'ouvre pas depuis une autre plateforme. Connectez-vous directement à "
        "Égide, puis rouvrez le module."
    )


def _learner_create(*, lti_user: LtiUser, email: str) -> User:
    first, last = lti_user.given_name.strip(), lti_user.family_name.strip()
    if not (first or last) and lti_user.name.strip():
        first, _space, last = lti_user.name.strip().partition(" ")
    # No password: the person signs in through the platform, or sets one with
    # allauth's reset form (which proves the address).
    user = User.objects.create_user(
        email=email, first_name=first[:150], last_name=last[:150], password=None
    )
    account_services.user_signed_up(user=user)
    logger.info(
        "account %s created by an LTI launch (registration %s)", user.pk, lti_user.registration_id
    )
    return user


@transaction.atomic
def launch_record(*, lti_launch: LtiLaunch) -> LtiUser:
    """Store what the launch says (django-lti: deployment, platform user, context,
    membership, resource link) and return the platform user."""
    sync_data_from_launch(lti_launch)
    return lti_launch.user


def grade_target_record(*, lti_launch: LtiLaunch, user: User, module) -> GradeTarget | None:
    """Remember where to send `user`'s score for `module`, when the launch allows it."""
    claim = lti_launch.ags_claim
    link = lti_launch.resource_link_claim or {}
    if not claim or SCORE_SCOPE not in claim.get("scope", []) or not link.get("id"):
        return None
    target, _created = GradeTarget.objects.update_or_create(
        registration=lti_launch.registration,
        platform_user_id=lti_launch.get_claim("sub"),
        resource_link_id=link["id"],
        defaults={
            "user": user,
            "module": module,
            "deployment_id": lti_launch.deployment.deployment_id,
            "ags_claim": claim,
        },
    )
    if target.score_sent_at is None:
        _earlier_completion_send(target)
    return target


def _earlier_completion_send(target: GradeTarget) -> None:
    """A module completed on Égide before the platform linked it: its grade book learns
    it at the first launch, not at a next completion that may never come."""
    from courses.models import ModuleCompletion

    from .tasks import score_send

    completion = (
        ModuleCompletion.objects.filter(user_id=target.user_id, module_id=target.module_id)
        .order_by("-completed_at")
        .only("pk")
        .first()
    )
    if completion is not None:
        delay_on_commit(score_send, target.pk, completion.pk)


def on_module_completed(sender, completion, module, **kwargs) -> None:
    """courses.signals.module_completed: queue the score for every platform that
    launched this person into this module (sent after the commit, never blocking)."""
    from .tasks import score_send

    target_ids = GradeTarget.objects.filter(
        user_id=completion.user_id, module_id=module.pk, registration__is_active=True
    ).values_list("pk", flat=True)
    for target_id in target_ids:
        delay_on_commit(score_send, target_id, completion.pk)


def score_value(completion) -> float:
    """The score sent, between 0 and 1: the module's graded score when it has one
    (the final quiz), 1 otherwise (a completed module is fully done)."""
    if completion.score is None:
        return 1.0
    return max(0.0, min(1.0, float(completion.score) / 100))


def score_send(*, target: GradeTarget, completion) -> None:
    """Post the completion's score to the target's line item (AGS). Raises on failure:
    the task retries."""
    from pylti1p3.assignments_grades import AssignmentsGradesService
    from pylti1p3.grade import Grade
    from pylti1p3.lineitem import LineItem
    from pylti1p3.service_connector import ServiceConnector

    from .protocol import TimeoutSession

    registration = target.registration.to_registration()
    connector = ServiceConnector(registration, requests_session=TimeoutSession())
    ags = AssignmentsGradesService(connector, target.ags_claim)
    grade = (
        Grade()
        .set_score_given(score_value(completion))
        .set_score_maximum(1)
        .set_timestamp(completion.completed_at.isoformat())
        .set_activity_progress("Completed")
        .set_grading_progress("FullyGraded")
        .set_user_id(target.platform_user_id)
    )
    lineitem = None
    if not target.ags_claim.get("lineitem"):
        # The link has no line item of its own: find or create the module's.
        lineitem = (
            LineItem()
            .set_tag(f"egide-module-{target.module_id}")
            .set_score_maximum(1)
            .set_label(completion.module_title[:255])
            .set_resource_id(f"module:{target.module_id}")
            .set_resource_link_id(target.resource_link_id)
        )
    try:
        ags.put_grade(grade, lineitem)
    except Exception as exc:
        GradeTarget.objects.filter(pk=target.pk).update(score_error=str(exc)[:2000])
        raise
    GradeTarget.objects.filter(pk=target.pk).update(score_sent_at=timezone.now(), score_error="")


@transaction.atomic
def registration_deployments_set(
    *, registration: LtiRegistration, deployment_ids: list[str]
) -> None:
    """Make `deployment_ids` the active deployments of `registration`.

    Others are kept inactive rather than deleted: their launches' history (contexts,
    resource links) stays, and a deployment a platform used before it was declared
    appears here to be activated.
    """
    wanted = {d.strip() for d in deployment_ids if d.strip()}
    for deployment_id in wanted:
        LtiDeployment.objects.update_or_create(
            registration=registration, deployment_id=deployment_id, defaults={"is_active": True}
        )
    registration.deployments.exclude(deployment_id__in=wanted).update(is_active=False)


def deep_link_resource(*, module, launch_url: str):
    """The content item that links a platform's activity to `module`, with a line
    item so that the platform creates the grade column the score goes to."""
    from pylti1p3.deep_link_resource import DeepLinkResource
    from pylti1p3.lineitem import LineItem

    return (
        DeepLinkResource()
        .set_url(launch_url)
        .set_title(module.title)
        .set_custom_params({CUSTOM_MODULE: str(module.pk)})
        .set_lineitem(
            LineItem()
            .set_label(module.title[:255])
            .set_score_maximum(1)
            .set_resource_id(f"module:{module.pk}")
            .set_tag(f"egide-module-{module.pk}")
        )
    )


def on_user_anonymised(sender, user, **kwargs) -> None:
    """accounts.signals.user_anonymised: forget what platforms said of the person
    (identity on the platform, names, address) and where her scores went."""
    LtiUser.objects.filter(auth_user=user).delete()
    GradeTarget.objects.filter(user=user).delete()
