"""Every URL of the platform, requested as every role, on objects owned by someone else.

The table below declares, for each URL pattern (keyed by its name, or by its route when
it has none), how to build its address on an object that belongs to none of the people
playing the roles (tests/url_access_world.py), and the status each role gets on GET and
on POST. `test_every_url_is_declared` fails when a pattern is added without a line here:
deciding who may reach a new page is part of adding it.

Statuses: a number, LOGIN for "302 to the login page", RESET for "302 to allauth's
password reset", or a frozenset of the answers that are all right. POSTs carry no form data
unless the line says otherwise (an empty form must never change anything, nor crash).
Every page answered 200 is also searched for the other learner's address: only the
roles in `sees_owner` may be shown it. And a GET must write nothing to the database
(but the session).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from indicators.constants import ExportFormat

from .url_access_world import ROLES, World, build

LOGIN = "login"
RESET = "reset"  # 302 to allauth's password reset form
# Either answer is right: the page is gone, or it leads to allauth's.
GONE = frozenset({404, RESET})

# URLs whose checks belong to a library and are tested where it is configured:
# allauth's pages (accounts/tests/, tests/browser/test_login_throttling.py), Wagtail's
# admin (the */tests/test_admin.py of each app, which also check the snippet viewsets'
# permission policies) and Django's admin (core/tests/test_admin_site.py). Their
# entrance doors are still declared below (KEPT), since they are ways in.
EXCLUDED_PREFIXES = {
    "accounts/": "allauth",
    "cms/": "Wagtail admin",
    "gestion-technique/": "Django admin",
}
KEPT = {
    "account_login",  # the project's own view (elearning/urls.py)
    "cms/login/",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "admin:index",
    "admin:login",
}


def expect(default, **statuses) -> dict:
    """A status per role: `default`, except the roles named."""
    unknown = set(statuses) - set(ROLES)
    assert not unknown, f"rôles inconnus : {unknown}"
    return {role: statuses.get(role, default) for role in ROLES}


def public(status=200) -> dict:
    return expect(status)


def signed_in(status=200, **statuses) -> dict:
    """Any signed-in person; anonymous visitors are sent to the login page."""
    return expect(status, anonymous=LOGIN, **statuses)


def only(*roles: str, status=200, others=403, **statuses) -> dict:
    """The roles named (and the superuser, who holds every role); 403 for others."""
    allowed = {role: status for role in (*roles, "superuser")}
    return expect(others, anonymous=LOGIN, **{**allowed, **statuses})


@dataclass(frozen=True)
class Access:
    url: Callable[[World], str]
    get: dict
    post: dict
    data: Callable[[World], dict] = field(default=lambda world: {})
    # Roles whose pages may name the other learner (their address is looked for in every
    # page answered 200): those who follow learners, organise or administer.
    sees_owner: tuple = ()
    # Why a GET may write (a GET must not change anything; say why this one does).
    get_writes: str = ""
    # Why this line is expected to fail for now (another branch fixes it).
    xfail: str = ""
    # Why this view takes posts without a CSRF token (a protocol endpoint another site
    # posts to, authenticated otherwise): say how it is authenticated.
    csrf_exempt: str = ""


def url(name: str, **kwargs: Callable[[World], object]) -> Callable[[World], str]:
    return lambda world: reverse(name, kwargs={key: get(world) for key, get in kwargs.items()})


def path(value: str) -> Callable[[World], str]:
    return lambda world: value


TRAINING_STAFF = ("trainer", "editor", "admin")
# Delegates of every level, the national service and administrators, each within her
# territories (indicators.scoping; the plan of the world is in all of theirs).
REPORTING = ("ddfe", "regional", "national", "admin")
NOT_A_POST = public(405)

TABLE: dict[str, Access] = {
    # --- Project-level paths (elearning/urls.py) and Wagtail's public side --------------------
    # Signed-in people are sent on to "Mon espace".
    "account_login": Access(
        path("/accounts/login/"), expect(302, anonymous=200), expect(302, anonymous=200)
    ),
    # Wagtail's login forms go to allauth's (throttling, verified address).
    "cms/login/": Access(path("/cms/login/"), public(LOGIN), public(LOGIN)),
    "_util/login/": Access(path("/_util/login/"), public(LOGIN), public(LOGIN)),
    # Wagtail's password reset skips allauth's throttling: it must be gone (404) or lead to
    # allauth's reset form (RESET).
    **{
        name: Access(
            path(address),
            public(GONE),
            public(GONE),
        )
        for name, address in (
            ("wagtailadmin_password_reset", "/cms/password_reset/"),
            ("wagtailadmin_password_reset_done", "/cms/password_reset/done/"),
            ("wagtailadmin_password_reset_confirm", "/cms/password_reset/confirm/MQ/abc-123/"),
            ("wagtailadmin_password_reset_complete", "/cms/password_reset/complete/"),
        )
    },
    # Django's admin is the superuser's: everyone else goes to its login page, which sends
    # anonymous visitors to allauth's and refuses the signed-in.
    "admin:index": Access(
        url("admin:index"), expect(302, superuser=200), expect(302, superuser=200)
    ),
    "admin:login": Access(
        url("admin:login"),
        expect(403, anonymous=LOGIN, superuser=302),
        expect(403, anonymous=LOGIN, superuser=302),
    ),
    "wagtaildocs_serve": Access(
        lambda world: reverse("wagtaildocs_serve", args=[999999, "document.pdf"]),
        public(404),
        public(404),
    ),
    "wagtaildocs_authenticate_with_password": Access(
        lambda world: reverse("wagtaildocs_authenticate_with_password", args=[999999]),
        public(404),
        public(404),
    ),
    "wagtailcore_authenticate_with_password": Access(
        lambda world: reverse("wagtailcore_authenticate_with_password", args=[999999, 999999]),
        public(404),
        public(404),
    ),
    "wagtailcore_login": Access(url("wagtailcore_login"), public(LOGIN), public(LOGIN)),
    "wagtail_serve": Access(path("/"), public(200), public(200)),
    # --- core ---------------------------------------------------------------------------------
    "core:healthz": Access(url("core:healthz"), public(200), NOT_A_POST),
    # An import's rejected lines are only their importer's (administrators included: 404).
    "core:rejected_lines": Access(lambda w: w.rejected_lines.url, signed_in(404), NOT_A_POST),
    "core:dashboard": Access(url("core:dashboard"), signed_in(), NOT_A_POST),
    "core:privacy": Access(url("core:privacy"), public(), NOT_A_POST),
    "core:accessibility": Access(url("core:accessibility"), public(), NOT_A_POST),
    "core:legal_notice": Access(url("core:legal_notice"), public(), NOT_A_POST),
    # --- accounts -----------------------------------------------------------------------------
    "accounts:profile": Access(url("accounts:profile"), signed_in(), signed_in(200)),
    "accounts:data_export": Access(url("accounts:data_export"), signed_in(), signed_in(405)),
    "accounts:delete": Access(url("accounts:delete"), signed_in(), signed_in(200)),
    # --- lti: endpoints a partner platform (Moodle, Mentor) and its users' browsers reach ------
    "lti:jwks": Access(url("lti:jwks"), public(200), NOT_A_POST),
    # Without the platform's parameters: refused in French (400), whoever asks.
    "lti:login": Access(
        url("lti:login"),
        public(400),
        public(400),
        csrf_exempt="OIDC login initiation: a redirect or form from the platform; it only "
        "redirects to the registered platform's authorisation endpoint",
    ),
    "lti:launch": Access(
        url("lti:launch"),
        public(405),
        public(403),
        csrf_exempt="signed id_token, state cookie and single-use nonce",
    ),
    "lti:deep_link_choose": Access(
        url("lti:deep_link_choose"),
        public(405),
        public(403),
        csrf_exempt="signed token naming a validated deep-linking launch",
    ),
    "lti:dynamic_registration_invite": Access(
        url("lti:dynamic_registration_invite"), only("admin"), only("admin", status=405)
    ),
    # Without a valid administrator's address: refused (403), whoever asks.
    "lti:dynamic_registration": Access(
        url("lti:dynamic_registration", token=lambda w: "adresse-forgee"),
        public(403),
        public(403),
        csrf_exempt="posted from the platform's registration frame; authenticated by the "
        "address an administrator was given (signed, 24 hours)",
    ),
    # --- courses ------------------------------------------------------------------------------
    "courses:catalogue": Access(url("courses:catalogue"), public(302), NOT_A_POST),
    "courses:my_trainings": Access(url("courses:my_trainings"), signed_in(), NOT_A_POST),
    "courses:enrol": Access(
        url("courses:enrol", module_id=lambda w: w.module.pk), public(405), signed_in(302)
    ),
    "courses:restart": Access(
        url("courses:restart", module_id=lambda w: w.module.pk), public(405), signed_in(302)
    ),
    "courses:module_learners": Access(
        url("courses:module_learners", module_id=lambda w: w.module.pk),
        only(*TRAINING_STAFF),
        NOT_A_POST,
        # The training staff find a learner by name or address (the CSV export has
        # always carried the address).
        sees_owner=(*TRAINING_STAFF, "superuser"),
    ),
    "courses:lesson_start": Access(
        url("courses:lesson_start", lesson_id=lambda w: w.lesson.pk), public(405), signed_in(403)
    ),
    "courses:lesson_complete": Access(
        url("courses:lesson_complete", lesson_id=lambda w: w.lesson.pk),
        public(405),
        signed_in(403),
    ),
    "courses:h5p_state": Access(
        url(
            "courses:h5p_state",
            package_id=lambda w: w.package.pk,
            lesson_id=lambda w: w.lesson.pk,
        ),
        signed_in(403),
        signed_in(403),
    ),
    "courses:h5p_xapi": Access(
        url(
            "courses:h5p_xapi",
            package_id=lambda w: w.package.pk,
            lesson_id=lambda w: w.lesson.pk,
        ),
        public(405),
        signed_in(403),
    ),
    "courses:h5p_file": Access(
        url("courses:h5p_file", path=lambda w: "content/999999/content.json"),
        signed_in(404),
        public(405),
    ),
    # The uploaded .h5p, for those who may change packages (editors, administrators); the
    # world's package keeps no uploaded file, so they get 404 past the permission check
    # (courses/tests/test_admin.py downloads a real one).
    "courses:h5p_package_download": Access(
        url("courses:h5p_package_download", package_id=lambda w: w.package.pk),
        only("editor", "admin", status=404),
        public(405),
    ),
    # SCORM: a SCO's launch and commits are for the enrolled learner of the lesson (the
    # world's lesson holds no SCORM package: the enrolment check answers first); a
    # commit's signed address must name the signed-in person.
    "courses:scorm_launch": Access(
        url(
            "courses:scorm_launch",
            package_id=lambda w: 999999,
            lesson_id=lambda w: w.lesson.pk,
            sco_index=lambda w: 0,
        ),
        public(405),
        signed_in(403),
    ),
    "courses:scorm_commit": Access(
        url("courses:scorm_commit", token=lambda w: "adresse-forgee"),
        public(405),
        signed_in(403),
        csrf_exempt="the run-time's last commit is a beacon, which cannot carry the CSRF "
        "header: a signed address naming the learner, checked against the session",
    ),
    "courses:scorm_file": Access(
        url("courses:scorm_file", package_id=lambda w: 999999, path=lambda w: "index.html"),
        signed_in(404),
        public(405),
    ),
    # The uploaded .zip, for those who may change SCORM packages (administrators).
    "courses:scorm_package_download": Access(
        url("courses:scorm_package_download", package_id=lambda w: 999999),
        only("admin", status=404),
        public(405),
    ),
    # Results of the H5P activities (figures and distributions, never names): those who
    # follow learners, as the quiz statistics.
    "courses:activity_results": Access(
        url("courses:activity_results", package_id=lambda w: w.package.pk),
        only(*TRAINING_STAFF),
        NOT_A_POST,
    ),
    "courses:module_activity_results": Access(
        url("courses:module_activity_results", module_id=lambda w: w.module.pk),
        only(*TRAINING_STAFF),
        NOT_A_POST,
    ),
    # --- quizzes ------------------------------------------------------------------------------
    "quizzes:quiz_detail": Access(
        url("quizzes:quiz_detail", quiz_id=lambda w: w.quiz.pk),
        signed_in(403, **dict.fromkeys((*TRAINING_STAFF, "superuser"), 200)),
        NOT_A_POST,
    ),
    "quizzes:quiz_start": Access(
        url("quizzes:quiz_start", quiz_id=lambda w: w.quiz.pk),
        public(405),
        signed_in(403, **dict.fromkeys((*TRAINING_STAFF, "superuser"), 302)),
    ),
    "quizzes:quiz_statistics": Access(
        url("quizzes:quiz_statistics", quiz_id=lambda w: w.quiz.pk),
        only(*TRAINING_STAFF),
        NOT_A_POST,
    ),
    "quizzes:gift_import": Access(
        url("quizzes:gift_import", quiz_id=lambda w: w.quiz.pk),
        only("editor", "admin"),
        only("editor", "admin"),
    ),
    "quizzes:gift_export": Access(
        url("quizzes:gift_export", quiz_id=lambda w: w.quiz.pk),
        only("editor", "admin"),
        NOT_A_POST,
    ),
    "quizzes:attempt": Access(
        url("quizzes:attempt", attempt_id=lambda w: w.attempt.pk), signed_in(404), signed_in(404)
    ),
    "quizzes:questionnaire_answer": Access(
        url(
            "quizzes:questionnaire_answer",
            questionnaire_id=lambda w: w.questionnaire.pk,
            kind=lambda w: "module",
            object_id=lambda w: w.module.pk,
        ),
        signed_in(403),
        signed_in(403),
    ),
    "quizzes:questionnaire_results": Access(
        url("quizzes:questionnaire_results", questionnaire_id=lambda w: w.questionnaire.pk),
        only(*TRAINING_STAFF, "ddfe", "regional", "national"),
        NOT_A_POST,
    ),
    # --- certificates -------------------------------------------------------------------------
    # Who signs the documents of each territory: the delegates edit their territories'
    # (the world's DDFE follows Pas-de-Calais, 62); the national profile is the national
    # service's and the administrators'. Out of scope: 404 (certificates/views_issuers.py).
    "certificates:issuers": Access(
        url("certificates:issuers"), only(*REPORTING), only(*REPORTING, status=405)
    ),
    "certificates:issuer_edit": Access(
        url("certificates:issuer_edit", level=lambda w: "departement", code=lambda w: "62"),
        only(*REPORTING),
        only(*REPORTING, status=302),
        data=lambda w: {
            "issuer": "Délégation départementale aux droits des femmes du Pas-de-Calais",
            "signatory_title": "La déléguée départementale",
            "signatory_name": "Sophie Caron",
            "city": "Arras",
        },
    ),
    "certificates:issuer_reset": Access(
        url("certificates:issuer_reset", level=lambda w: "departement", code=lambda w: "62"),
        only(*REPORTING, status=405),
        only(*REPORTING, status=302),
    ),
    "certificates:issuer_national": Access(
        url("certificates:issuer_national"),
        only("national", "admin", ddfe=404, regional=404),
        only("national", "admin", status=302, ddfe=404, regional=404),
        data=lambda w: {"issuer": "Service des droits des femmes et de l'égalité"},
    ),
    "certificates:issuer_national_reset": Access(
        url("certificates:issuer_national_reset"),
        only("national", "admin", status=405, ddfe=405, regional=405),
        only("national", "admin", status=302, ddfe=404, regional=404),
    ),
    "certificates:mine": Access(url("certificates:mine"), signed_in(), signed_in(405)),
    "certificates:verify_form": Access(url("certificates:verify_form"), public(), NOT_A_POST),
    "certificates:verify": Access(
        url("certificates:verify", code=lambda w: w.attestation.code), public(), NOT_A_POST
    ),
    "certificates:download": Access(
        url("certificates:download", code=lambda w: w.attestation.code),
        signed_in(404),
        signed_in(405),
    ),
    "certificates:regenerate": Access(
        url("certificates:regenerate"), only("admin"), only("admin", status=302)
    ),
    "certificates:admin_detail": Access(
        url("certificates:admin_detail", attestation_id=lambda w: w.attestation.pk),
        only("admin"),
        only("admin", status=405),
    ),
    "certificates:revoke": Access(
        url("certificates:revoke", attestation_id=lambda w: w.attestation.pk),
        only("admin", status=405),
        only("admin", status=400),
    ),
    # The attestations of another organiser's session: only an administrator may zip them
    # (there are none yet: back to the page with a message); certificates.subjects decides.
    "certificates:archive_request": Access(
        url("certificates:archive_request"),
        signed_in(405),
        only("admin", status=302),
        data=lambda w: {"subject": f"session:{w.session.pk}"},
    ),
    "certificates:archive": Access(
        url("certificates:archive", archive_id=lambda w: w.archive.pk),
        signed_in(404),
        signed_in(405),
    ),
    "certificates:archive_download": Access(
        url("certificates:archive_download", archive_id=lambda w: w.archive.pk),
        signed_in(404),
        signed_in(405),
    ),
    # --- events -------------------------------------------------------------------------------
    "events:list": Access(url("events:list"), public(), NOT_A_POST),
    "events:calendar": Access(url("events:calendar"), public(), NOT_A_POST),
    "events:calendar_month": Access(
        url("events:calendar_month", year=lambda w: 2026, month=lambda w: 1), public(), NOT_A_POST
    ),
    "events:detail": Access(
        url("events:detail", session_id=lambda w: w.session.pk), public(), NOT_A_POST
    ),
    "events:register": Access(
        url("events:register", session_id=lambda w: w.session.pk), public(405), signed_in(302)
    ),
    "events:ics": Access(
        url("events:ics", session_id=lambda w: w.session.pk), public(), NOT_A_POST
    ),
    "events:mine": Access(url("events:mine"), signed_in(), NOT_A_POST),
    "events:cancel_registration": Access(
        url("events:cancel_registration", registration_id=lambda w: w.registration.pk),
        public(405),
        signed_in(404),
    ),
    "events:feed_reset": Access(url("events:feed_reset"), public(405), signed_in(302)),
    # The secret address is the credential (a calendar application has no session).
    "events:feed": Access(url("events:feed", token=lambda w: w.feed.token), public(), NOT_A_POST),
    "events:checkin": Access(
        url("events:checkin", token=lambda w: w.session.checkin_token),
        signed_in(),
        signed_in(302),
    ),
    "events:organised": Access(url("events:organised"), only("trainer", "admin"), NOT_A_POST),
    "events:event_create": Access(
        url("events:event_create"), only("trainer", "admin"), only("trainer", "admin")
    ),
    "events:event_edit": Access(
        url("events:event_edit", event_id=lambda w: w.event.pk),
        only("admin"),
        only("admin"),
    ),
    **{
        f"events:{name}": Access(
            url(f"events:{name}", session_id=lambda w: w.session.pk),
            NOT_A_POST if get is None else only("admin", status=get),
            NOT_A_POST if post is None else only("admin", status=post),
            # The registrants' list names them; the attendance sheet and the PDF by name.
            sees_owner=("admin", "superuser") if name == "manage" else (),
        )
        # None: the method is refused (405) before anything else.
        for name, get, post in (
            ("manage", 200, None),
            ("add_participant", None, 302),
            ("import", None, 302),
            ("set_open", None, 302),
            ("cancel", None, 302),
            ("attendance", 200, 302),
            ("qr", 200, None),
            ("signature_sheet", 200, None),
        )
    },
    "events:organiser_cancel_registration": Access(
        url(
            "events:organiser_cancel_registration",
            session_id=lambda w: w.session.pk,
            registration_id=lambda w: w.registration.pk,
        ),
        NOT_A_POST,
        only("admin", status=302),
    ),
    # --- placements ---------------------------------------------------------------------------
    "placements:catalogue": Access(url("placements:catalogue"), public(), NOT_A_POST),
    "placements:offer": Access(
        url("placements:offer", offer_id=lambda w: w.offer.pk), public(), NOT_A_POST
    ),
    "placements:request_new": Access(
        url("placements:request_new", slot_id=lambda w: w.slot.pk), signed_in(), signed_in(400)
    ),
    "placements:mine": Access(url("placements:mine"), signed_in(), signed_in(405)),
    "placements:request": Access(
        url("placements:request", request_id=lambda w: w.placement.pk),
        signed_in(404, admin=200, superuser=200),
        signed_in(405),
        sees_owner=("admin", "superuser"),
    ),
    **{
        f"placements:{name}": Access(
            url(f"placements:{name}", request_id=lambda w: w.placement.pk),
            signed_in(405),
            signed_in(404, admin=post, superuser=post),
            data=lambda w: {"message": "Nous ne pouvons pas vous accueillir."},
        )
        # Administrators see every request, but the answers are the parties' (the host's,
        # the professional's). A message is sent, so that refusing reaches the rights check.
        for name, post in (
            ("accept", 403),
            ("refuse", 403),
            ("confirm", 403),
            ("complete", 403),
            ("cancel", 403),
            ("convention_generate", 403),
        )
    },
    "placements:convention": Access(
        url("placements:convention", request_id=lambda w: w.placement.pk),
        signed_in(404, admin=200, superuser=200),
        signed_in(405),
    ),
    "placements:host_offers": Access(
        url("placements:host_offers"), only("host"), only("host", status=405)
    ),
    "placements:offer_new": Access(
        url("placements:offer_new"),
        only("host", superuser=302),
        only("host", status=400, superuser=302),
    ),
    "placements:offer_edit": Access(
        url("placements:offer_edit", offer_id=lambda w: w.offer.pk),
        only("host", status=404),
        only("host", status=404),
    ),
    # --- assignments --------------------------------------------------------------------------
    "assignments:list": Access(
        url("assignments:list"), only(*REPORTING), only(*REPORTING, status=405)
    ),
    # Another institution's unit, asked for by its id: a unit manager gets their own.
    "assignments:unit": Access(
        lambda w: reverse("assignments:unit") + f"?structure={w.institution.pk}&format=csv",
        only("unit_manager", "admin"),
        only("unit_manager", "admin", status=302),
        data=lambda w: {"structure": w.institution.pk},
        sees_owner=("admin", "superuser"),
    ),
    "assignments:create": Access(
        url("assignments:create"), only(*REPORTING), only(*REPORTING, status=400)
    ),
    "assignments:detail": Access(
        url("assignments:detail", assignment_id=lambda w: w.assignment.pk),
        only(*REPORTING),
        only(*REPORTING, status=405),
    ),
    "assignments:edit": Access(
        url("assignments:edit", assignment_id=lambda w: w.assignment.pk),
        only(*REPORTING),
        only(*REPORTING, status=400),
    ),
    "assignments:roster_import": Access(
        url("assignments:roster_import", assignment_id=lambda w: w.assignment.pk),
        only(*REPORTING, status=405),
        only(*REPORTING, status=400),
    ),
    # --- xAPI learning record store (lrs) ------------------------------------------------------
    # Protocol endpoints: partners authenticate each request with their own credentials,
    # never a session, and a request without X-Experience-API-Version is refused first
    # (400), whoever sends it. About is open to all (xAPI), read-only.
    "lrs:about": Access(url("lrs:about"), public(200), public(405)),
    "lrs:statements": Access(url("lrs:statements"), public(400), public(400)),
    "lrs:state": Access(url("lrs:state"), public(400), public(400)),
    "lrs:activity_profile": Access(url("lrs:activity_profile"), public(400), public(400)),
    "lrs:agent_profile": Access(url("lrs:agent_profile"), public(400), public(400)),
    "lrs:activities": Access(url("lrs:activities"), public(400), public(405)),
    "lrs:agents": Access(url("lrs:agents"), public(400), public(405)),
    # A POST without grant_type is refused before any credential is read.
    "lrs:oauth_token": Access(url("lrs:oauth_token"), public(405), public(400)),
    # --- indicators and the API ---------------------------------------------------------------
    "indicators:dashboard": Access(
        url("indicators:dashboard"), only(*REPORTING), only(*REPORTING, status=405)
    ),
    "indicators:plan_report": Access(
        url("indicators:plan_report", code=lambda w: w.plan.code),
        only(*REPORTING),
        only(*REPORTING, status=405),
    ),
    "indicators:manual_values": Access(
        url("indicators:manual_values", code=lambda w: w.plan.code),
        only(*REPORTING),
        only(*REPORTING, status=400),
    ),
    # Partners' xAPI activities counted for the plan (an empty POST is refused).
    "indicators:partner_mappings": Access(
        url("indicators:partner_mappings", code=lambda w: w.plan.code),
        only(*REPORTING),
        only(*REPORTING, status=400),
    ),
    # A mapping of another plan is not found (the world's plan has none).
    "indicators:partner_mapping_delete": Access(
        url(
            "indicators:partner_mapping_delete",
            code=lambda w: w.plan.code,
            mapping_id=lambda w: 999999,
        ),
        only(*REPORTING, status=405),
        only(*REPORTING, status=404),
    ),
    "indicators:report_export_request": Access(
        url("indicators:report_export_request", code=lambda w: w.plan.code),
        only(*REPORTING, status=405),
        only(*REPORTING, status=302),
    ),
    "indicators:report_export": Access(
        url("indicators:report_export", export_id=lambda w: w.export.pk),
        only(*REPORTING, status=404),
        only(*REPORTING, status=405),
    ),
    "indicators:report_export_download": Access(
        url("indicators:report_export_download", export_id=lambda w: w.export.pk),
        only(*REPORTING, status=404),
        only(*REPORTING, status=405),
    ),
    "indicators:indicator_detail": Access(
        url(
            "indicators:indicator_detail",
            code=lambda w: w.plan.code,
            indicator_code=lambda w: w.indicator.code,
        ),
        only(*REPORTING),
        only(*REPORTING, status=405),
    ),
    # Partner imports: every delegate, each for her territories (views_imports decides
    # which lines she may import; an empty POST is refused with its errors).
    "indicators:participants_import": Access(
        url("indicators:participants_import"),
        only(*REPORTING),
        only(*REPORTING, status=400),
    ),
    # POST revokes a key by its id: another DDFE's key is not found.
    "indicators:api_tokens": Access(
        url("indicators:api_tokens"),
        only(*REPORTING),
        only(*REPORTING, status=404),
        data=lambda w: {"revoke": w.api_token.pk},
    ),
    "indicators_api:indicators": Access(
        lambda world: reverse("indicators_api:indicators") + f"?plan={world.plan.code}",
        expect(403, anonymous=401, ddfe=200, regional=200, national=200, admin=200, superuser=200),
        public(405),
    ),
    # The generated schema and its documentation page: for the API's users only.
    "indicators_api:openapi": Access(
        url("indicators_api:openapi"), only(*REPORTING), only(*REPORTING, status=405)
    ),
    "indicators_api:docs": Access(
        url("indicators_api:docs"), only(*REPORTING), only(*REPORTING, status=405)
    ),
    # The Pas-de-Calais roll-up: within the scope of every delegate of the world.
    "indicators:rollup": Access(
        lambda world: reverse("indicators:rollup") + "?territoire=D62",
        only(*REPORTING),
        only(*REPORTING, status=405),
    ),
    "indicators_api:territories": Access(
        lambda world: reverse("indicators_api:territories") + "?territoire=D62",
        expect(403, anonymous=401, ddfe=200, regional=200, national=200, admin=200, superuser=200),
        public(405),
    ),
    # The API's French documentation page, linked from the keys page.
    "indicators:api_guide": Access(
        url("indicators:api_guide"), only(*REPORTING), only(*REPORTING, status=405)
    ),
}


# --- Reading the URL configuration -------------------------------------------------------------


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern, route, inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name
            key = (f"{namespace}:{name}" if namespace else name) if name else route
            yield key, route


def url_keys() -> dict[str, str]:
    """Every URL pattern of the platform (key → route), minus the libraries' own."""
    keys = {}
    for key, route in _walk(get_resolver()):
        excluded = any(route.lstrip("^").startswith(prefix) for prefix in EXCLUDED_PREFIXES)
        if key in KEPT or not excluded:
            # The first pattern wins, as in Django's resolver (allauth's own login view
            # is shadowed by the project's).
            keys.setdefault(key, route)
    return keys


def test_every_url_is_declared():
    keys = url_keys()
    missing = sorted(set(keys) - set(TABLE))
    stale = sorted(set(TABLE) - set(keys))
    assert not missing, (
        "Ces adresses n'ont pas de ligne dans tests/test_url_access.py (qui peut les "
        "ouvrir, en GET et en POST ?) :\n" + "\n".join(f"  {key}  ({keys[key]})" for key in missing)
    )
    assert not stale, "Lignes de la table sans adresse : " + ", ".join(stale)


# --- Playing the table ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The people, their signed-in clients and the objects, built once for the module
    inside a transaction rolled back at its end (each test runs in a savepoint of it)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build()
            built.clients = {role: _client(built, role) for role in ROLES}
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield built
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


def _client(world: World, role: str, **options) -> Client:
    """A client signed in as the role's person (anonymous: not signed in)."""
    client = Client(**options)
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def _outcome(response):
    if response.status_code == 302:
        if response["Location"].startswith(reverse("account_login")):
            return LOGIN
        if response["Location"].startswith(reverse("account_reset_password")):
            return RESET
    return response.status_code


def _expected(outcome, expected) -> bool:
    return outcome in expected if isinstance(expected, frozenset) else outcome == expected


def _body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


WRITES = ("INSERT", "UPDATE", "DELETE")


def _writes(queries) -> list[str]:
    """The statements that changed data, but the session's (signing in is not a change)."""
    return [
        query["sql"][:120]
        for query in queries
        if query["sql"].lstrip().upper().startswith(WRITES) and "django_session" not in query["sql"]
    ]


def _request(world: World, access: Access, client: Client, method: str):
    """One request, its effects rolled back (the next role finds the same world); return
    the response, its text when it is a 200, and the statements that wrote."""
    address = access.url(world)
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        if method == "get":
            response = client.get(address)
        else:
            response = client.post(address, access.data(world))
        body = _body(response) if response.status_code == 200 else ""
        transaction.set_rollback(True)
    return response, body, _writes(queries)


def _params():
    for key, access in TABLE.items():
        marks = [pytest.mark.xfail(reason=access.xfail, strict=False)] if access.xfail else []
        yield pytest.param(key, marks=marks, id=key)


@pytest.mark.django_db
@pytest.mark.parametrize("key", list(_params()))
def test_access(world, key):
    access = TABLE[key]
    wrong = []
    for method in ("get", "post"):
        expected = getattr(access, method)
        for role in ROLES:
            response, body, writes = _request(world, access, world.clients[role], method)
            outcome = _outcome(response)
            where = f"  {method.upper():4} {role:13}"
            if not _expected(outcome, expected[role]):
                wrong.append(f"{where} attendu {expected[role]}, obtenu {outcome}")
            if method == "get" and writes and not access.get_writes:
                wrong.append(f"{where} un GET modifie des données : {writes[0]}")
            if world.owner.email in body and role not in access.sees_owner:
                wrong.append(f"{where} voit l'adresse de l'autre apprenante")
            elif method == "get" and body and role in access.sees_owner:
                # A declaration that no longer holds would hide the next leak.
                if world.owner.email not in body:
                    wrong.append(f"{where} ne voit plus l'adresse (sees_owner à revoir)")
    assert not wrong, f"{key} ({access.url(world)}) :\n" + "\n".join(wrong)


# Protocol endpoints exempt from CSRF, and why: they never read the session, every
# request carries its partner's own credentials (xAPI's Basic authentication).
CSRF_EXEMPT = {
    key: "xAPI: partners' systems authenticate each request, never with a session"
    for key in (
        "lrs:about",
        "lrs:statements",
        "lrs:state",
        "lrs:activity_profile",
        "lrs:agent_profile",
        "lrs:activities",
        "lrs:agents",
        "lrs:oauth_token",
    )
}


@pytest.mark.django_db
def test_a_post_without_csrf_token_is_refused_everywhere(world):
    """The superuser, who may post almost anywhere, is refused by the CSRF check on every
    address of the table (no view is exempt but the protocol endpoints of CSRF_EXEMPT):
    nothing is done for a forged form."""
    client = _client(world, "superuser", enforce_csrf_checks=True)
    accepted = []
    for key, access in TABLE.items():
        if access.post["superuser"] == 403 or access.csrf_exempt or key in CSRF_EXEMPT:
            continue  # refused anyway, or exempt on purpose: says nothing about the token
        response, _text, _writes = _request(world, access, client, "post")
        if response.status_code != 403 or b"CSRF" not in response.content:
            accepted.append(f"  {key}: {response.status_code}")
    assert not accepted, "POST sans jeton CSRF accepté :\n" + "\n".join(accepted)


# --- Across territories ------------------------------------------------------------------------
#
# The plan of the world is the Pas-de-Calais'. Every door of it, asked by the DDFE of the
# Pas-de-Calais, the Nord DDFE, the Hauts-de-France delegate, the Île-de-France delegate
# and the national service, each with her own export of the plan and her own API key.
# Outside her territories a person gets 404, as for a plan that does not exist, and no
# page she is shown names the plan.

IN, OUT = ("ddfe", "regional", "national"), ("ddfe_nord", "regional_idf")


def _territorial(status, out=404) -> dict:
    return {**dict.fromkeys(IN, status), **dict.fromkeys(OUT, out)}


def _api(world: World, who: str, client: Client):
    return client.get(
        reverse("indicators_api:indicators") + f"?plan={world.plan.code}",
        headers={"Authorization": f"Token {world.keys[who]}"},
    )


CROSS_TERRITORY: dict[str, tuple[Callable, dict]] = {
    "dashboard": (lambda w, who, c: c.get(reverse("indicators:dashboard")), _territorial(200, 200)),
    "plan_report": (
        lambda w, who, c: c.get(reverse("indicators:plan_report", args=[w.plan.code])),
        _territorial(200),
    ),
    "plan_report_csv": (
        lambda w, who, c: c.get(
            reverse("indicators:plan_report", args=[w.plan.code]) + "?format=csv"
        ),
        _territorial(200),
    ),
    "indicator_detail": (
        lambda w, who, c: c.get(
            reverse("indicators:indicator_detail", args=[w.plan.code, w.indicator.code])
        ),
        _territorial(200),
    ),
    "manual_values": (
        lambda w, who, c: c.get(reverse("indicators:manual_values", args=[w.plan.code])),
        _territorial(200),
    ),
    "manual_values_post": (
        lambda w, who, c: c.post(reverse("indicators:manual_values", args=[w.plan.code])),
        _territorial(400),
    ),
    "report_export_request": (
        lambda w, who, c: c.post(
            reverse("indicators:report_export_request", args=[w.plan.code]),
            {"export_format": ExportFormat.XLSX},
        ),
        _territorial(302),
    ),
    "report_export (her own)": (
        lambda w, who, c: c.get(reverse("indicators:report_export", args=[w.exports[who].pk])),
        _territorial(200),
    ),
    "report_export_download (her own)": (
        lambda w, who, c: c.get(
            reverse("indicators:report_export_download", args=[w.exports[who].pk])
        ),
        _territorial(200),
    ),
    "issuer_edit (who signs the Pas-de-Calais' documents)": (
        lambda w, who, c: c.get(reverse("certificates:issuer_edit", args=["departement", "62"])),
        _territorial(200),
    ),
    "issuer_edit_post": (
        lambda w, who, c: c.post(
            reverse("certificates:issuer_edit", args=["departement", "62"]),
            {"issuer": "Délégation du Pas-de-Calais"},
        ),
        _territorial(302),
    ),
    "rollup of the Pas-de-Calais": (
        lambda w, who, c: c.get(reverse("indicators:rollup") + "?territoire=D62"),
        _territorial(200),
    ),
    "rollup API of the Pas-de-Calais (session)": (
        lambda w, who, c: c.get(reverse("indicators_api:territories") + "?territoire=D62"),
        _territorial(200),
    ),
    "api (her key)": (_api, _territorial(200)),
    "api (session)": (
        lambda w, who, c: c.get(reverse("indicators_api:indicators") + f"?plan={w.plan.code}"),
        _territorial(200),
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("key", list(CROSS_TERRITORY))
def test_cross_territory_access(world, key):
    ask, expected = CROSS_TERRITORY[key]
    people = {**{who: world.users[who] for who in IN}, **world.outsiders}
    wrong = []
    for who, person in people.items():
        client = Client()
        client.force_login(person)
        with transaction.atomic():
            response = ask(world, who, client)
            body = _body(response) if response.status_code == 200 else ""
            transaction.set_rollback(True)
        if response.status_code != expected[who]:
            wrong.append(f"  {who:13} attendu {expected[who]}, obtenu {response.status_code}")
        if who in OUT and (world.plan.code in body or world.plan.name in body):
            wrong.append(f"  {who:13} voit le plan d'un autre territoire")
    assert not wrong, f"{key} :\n" + "\n".join(wrong)
