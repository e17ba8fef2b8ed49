"""`manage.py load_demo`: one ready-to-use account per role, as often as it runs.

Loading the demo builds four modules with their H5P packages: the checks that need it
share one test, loaded twice (idempotency), rather than loading it again for each.
"""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from accounts.constants import ROLE_GROUP_NAMES, Role
from accounts.models import User
from demo.loaders import accounts as demo

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _development(settings):
    """`make run`'s settings: the demo password is set only on a development database."""
    settings.DEBUG = True


def _load() -> str:
    out = StringIO()
    call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    from wagtail.models import Page

    from assignments.models import Obligation
    from certificates.models import Attestation
    from events.models import Registration, Session
    from indicators.models import ActivityLink, Participation
    from placements.models import Offer, PlacementRequest
    from quizzes.models import QuestionnaireResponse

    return {
        model.__name__: model.objects.count()
        for model in (
            User,
            EmailAddress,
            Page,
            Attestation,
            Session,
            Registration,
            Offer,
            PlacementRequest,
            Obligation,
            ActivityLink,
            Participation,
            QuestionnaireResponse,
        )
    }


def _demo_totp_code() -> str:
    import time

    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(demo.TOTP_SECRET, counter))


def test_load_demo_twice_gives_every_role_a_working_account_and_duplicates_nothing():
    from courses.models import ModulePage
    from quizzes import services
    from quizzes.models import Quiz
    from quizzes.tests.factories import right_answers

    output = _load()
    first = _counts()
    passwords = set(User.objects.values_list("email", "password"))
    assert _load() and _counts() == first
    # Passwords are set again to the demo one (a new hash), never duplicated accounts.
    assert {email for email, _ in passwords} == set(User.objects.values_list("email", flat=True))

    assert demo.PASSWORD in output
    assert demo.TOTP_SECRET in output and demo.totp_uri() in output
    logins = {account.email for account in demo.ACCOUNTS}
    assert EmailAddress.objects.count() == len(demo.ACCOUNTS)
    # Everyone else is generated demonstration data, on a reserved domain, who cannot log in.
    for user in User.objects.exclude(email__in=logins):
        assert user.email.endswith(".invalid") and not user.has_usable_password()
    for account in demo.ACCOUNTS:
        assert account.email in output
        user = User.objects.get(email=account.email)
        groups = set(user.groups.values_list("name", flat=True))
        assert groups == {ROLE_GROUP_NAMES[Role.LEARNER], ROLE_GROUP_NAMES[account.role]}
        assert user.profile_is_complete
        assert user.is_superuser is account.superuser
        assert EmailAddress.objects.get(user=user).verified
        client = Client()
        response = client.post(
            reverse("account_login"), {"login": account.email, "password": demo.PASSWORD}
        )
        assert response.status_code == 302, account.email
        if account.role != Role.LEARNER:
            # The second factor, from the secret printed with the accounts.
            assert response["Location"] == reverse("mfa_authenticate"), account.email
            response = client.post(response["Location"], {"code": _demo_totp_code()})
            assert response.status_code == 302, account.email
        assert client.session["_auth_user_id"] == str(user.pk)
        assert client.get(reverse("core:dashboard")).status_code == 200

    module = ModulePage.objects.get(slug="continuum-des-violences")
    # One final quiz per demo module, created once even when loaded twice.
    assert Quiz.objects.count() == 4 and module.final_quiz is not None
    assert module.pre_test and module.satisfaction_questionnaire is not None
    learner = User.objects.get(email="apprenante@egide.test")
    attempt = services.attempt_start(
        quiz=module.final_quiz, user=learner, context=f"module:{module.pk}"
    )
    result = services.attempt_submit(
        attempt_id=attempt.pk, user=learner, answers=right_answers(module.final_quiz)
    )
    assert result.attempt.percent == 100

    _assert_generated_people_and_figures()
    _assert_movers_keep_the_departement_of_the_day()
    _assert_each_plan_counts_its_departement_only()


def _assert_generated_people_and_figures():
    """The generated demonstration data gives the DDFE's reports figures."""
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import Institution
    from courses.models import ModuleCompletion
    from demo import people as demo_people
    from demo.loaders import events as events_demo
    from events.constants import Attendance
    from events.models import Session
    from indicators import selectors
    from indicators.models import Plan
    from placements.constants import Status
    from placements.models import PlacementRequest
    from quizzes.models import QuestionnaireReceipt, QuestionnaireResponse

    generated = User.objects.filter(email__endswith=f"@{demo_people.DOMAIN}")
    assert generated.count() == demo_people.COUNT
    assert all(demo_people.MARK in user.last_name for user in generated)
    assert generated.values("arrondissement").distinct().count() >= 10
    # Completions spread over the last two years, month after month.
    completed = ModuleCompletion.objects.filter(user__in=generated)
    months = {(d.year, d.month) for d in completed.values_list("completed_at", flat=True)}
    assert completed.count() > 150 and len(months) >= 18

    now = timezone.now()
    past_evenings = [
        events_demo.PAST_EVENING,
        *(title for title, _days, _place in events_demo.PAST_EVENINGS),
    ]
    for title in past_evenings:
        session = Session.objects.get(event__title=title)
        assert session.ends_at < now
        attendance = list(session.registrations.values_list("attendance", flat=True))
        assert attendance.count(Attendance.PRESENT) >= 25, title
        assert attendance.count(Attendance.ABSENT) >= 1, title
        # The organiser's "Résultats du questionnaire" has answers, all from people present.
        answered = QuestionnaireResponse.objects.filter(subject=f"session:{session.pk}")
        assert answered.count() >= 5, title
        receipts = QuestionnaireReceipt.objects.filter(subject=f"session:{session.pk}")
        assert not receipts.exclude(
            user__in=session.registrations.filter(attendance=Attendance.PRESENT).values("user")
        ).exists(), title
    upcoming = Session.objects.filter(starts_at__gt=now).values_list("event__kind", flat=True)
    assert {"soiree", "journee", "webinaire"} <= set(upcoming)

    institutions = Institution.objects.filter(placement_offers__is_published=True).distinct()
    assert institutions.count() == 10
    assert len({i.kind for i in institutions}) >= 6
    assert PlacementRequest.objects.filter(status=Status.COMPLETED).count() >= 5

    # Every linked indicator of the Nord plan has a figure over its period; the
    # Pas-de-Calais plan (2019-2022) over the last two years, when the demo happens.
    today = timezone.localdate()
    periods = {
        "NORD-VIF-2023": (None, None),
        "PDC-2019": (today - timedelta(days=730), today),
    }
    for code, (start, end) in periods.items():
        plan = Plan.objects.get(code=code)
        rows = selectors.plan_report(plan=plan, start=start, end=end)
        linked = [row for row in rows if row.indicator.links.exists()]
        assert linked, code
        for row in linked:
            assert row.value, (code, row.indicator.code)


def _assert_movers_keep_the_departement_of_the_day():
    """About fifteen people moved between the Nord and the Pas-de-Calais, trained before
    and after: each participation carries the département of its day, their profile
    the new one; a few people work outside both départements."""
    from demo import people as demo_people
    from indicators.models import Participation

    movers = demo_people._movers()
    assert 10 <= len(movers) <= 20
    for spec in movers.values():
        user = User.objects.get(email=spec.email)
        assert (user.departement_id, user.arrondissement_id) == (
            spec.departement,
            spec.arrondissement,
        )
        rows = list(
            Participation.objects.filter(user=user).values_list(
                "occurred_on", "departement_id", "arrondissement_id"
            )
        )
        assert {departement for _day, departement, _arr in rows} == {
            spec.previous_departement,
            spec.departement,
        }, spec.email
        for day, departement, arrondissement in rows:
            assert arrondissement == spec.arrondissement_on(day), (spec.email, day)
            assert departement == arrondissement[:2]
    generated = User.objects.filter(email__endswith=f"@{demo_people.DOMAIN}")
    elsewhere = set(
        generated.exclude(departement__in=["59", "62"]).values_list("departement", flat=True)
    )
    assert elsewhere == {"02", "80", "75", "69"}


def _people_counted(plan, start, end) -> dict[int, set[str]]:
    """The rule of the brief, computed here from the rows themselves: per people
    indicator of `plan`, the distinct people whose participation in a linked activity
    happened in the period while they worked in the plan's territory."""
    from indicators.constants import Measure
    from indicators.models import ActivityLink, Participation

    codes = plan.departement_codes()
    counted: dict[int, set[str]] = {}
    links = ActivityLink.objects.filter(
        indicator__plan=plan, indicator__measure=Measure.PEOPLE_TRAINED
    ).values_list("indicator_id", "activity")
    for indicator_id, activity in links:
        rows = Participation.objects.filter(activity=activity, occurred_on__range=(start, end))
        if codes is not None:
            rows = rows.filter(departement_id__in=codes)
        counted.setdefault(indicator_id, set()).update(rows.values_list("person_key", flat=True))
    return counted


def _assert_each_plan_counts_its_departement_only():
    """On the demo itself: no plan counts a participation from outside its
    département, and the Nord and Pas-de-Calais people are disjoint but for movers."""
    from datetime import timedelta

    from django.utils import timezone

    from demo import people as demo_people
    from indicators import selectors
    from indicators.constants import Measure
    from indicators.models import ActivityLink, Participation, Plan

    end = timezone.localdate()
    start = demo_people.REFERENCE_DAY - timedelta(days=demo_people.SPAN_DAYS + 60)
    people = {}
    for code, departement in (("NORD-VIF-2023", "59"), ("PDC-2019", "62")):
        plan = Plan.objects.get(code=code)
        assert plan.departement_codes() == [departement]
        expected = _people_counted(plan, start, end)
        # The check means something: people of other départements did take the
        # activities these indicators count.
        linked = ActivityLink.objects.filter(indicator__plan=plan).values("activity")
        assert (
            Participation.objects.filter(activity__in=linked, occurred_on__range=(start, end))
            .exclude(departement=departement)
            .exists()
        ), code
        rows = selectors.plan_report(plan=plan, start=start, end=end)
        people_rows = [row for row in rows if row.indicator.measure == Measure.PEOPLE_TRAINED]
        assert any(row.value for row in people_rows), code
        for row in people_rows:
            assert row.value == len(expected.get(row.indicator.pk, ())), row.indicator.code
        people[code] = set().union(*expected.values())
    movers = set(
        User.objects.filter(email__in=demo_people.mover_emails()).values_list("pk", flat=True)
    )
    both = people["NORD-VIF-2023"] & people["PDC-2019"]
    assert both, "movers trained on both sides count in both plans"
    assert both <= {f"user:{pk}" for pk in movers}


def test_load_demo_refuses_to_run_outside_development(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("load_demo", stdout=StringIO())
    assert not User.objects.exists()


def test_load_demo_forced_outside_development_creates_no_account_anyone_can_open(settings):
    """The benchmark loads the demo on its own database with --force: the published
    password must open nothing there, and no demo account is a superuser."""
    settings.DEBUG = False
    out = StringIO()

    call_command("load_demo", "--force", stdout=out)

    assert demo.PASSWORD not in out.getvalue()
    for account in demo.ACCOUNTS:
        user = User.objects.get(email=account.email)
        assert not user.has_usable_password()
        assert not user.is_superuser and not user.is_staff
    response = Client().post(
        reverse("account_login"), {"login": demo.ACCOUNTS[0].email, "password": demo.PASSWORD}
    )
    assert response.status_code == 200  # the form again, with its error
    assert not response.wsgi_request.user.is_authenticated
