"""`manage.py load_demo`: one ready-to-use account per role, as often as it runs."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts import demo
from accounts.constants import ROLE_GROUP_NAMES, Role
from accounts.models import User

pytestmark = pytest.mark.django_db


def _load() -> str:
    out = StringIO()
    call_command("load_demo", "--force", stdout=out)
    return out.getvalue()


def test_load_demo_is_idempotent():
    _load()
    first = set(User.objects.values_list("email", "password"))
    _load()

    assert User.objects.count() == len(demo.ACCOUNTS)
    assert {email for email, _password in first} == {a.email for a in demo.ACCOUNTS}
    assert EmailAddress.objects.count() == len(demo.ACCOUNTS)


def test_each_demo_account_holds_its_role_and_a_complete_profile():
    _load()
    _load()

    for account in demo.ACCOUNTS:
        user = User.objects.get(email=account.email)
        groups = set(user.groups.values_list("name", flat=True))
        assert groups == {ROLE_GROUP_NAMES[Role.LEARNER], ROLE_GROUP_NAMES[account.role]}
        assert user.profile_is_complete
        assert user.is_superuser is account.superuser
        assert EmailAddress.objects.get(user=user).verified


@pytest.mark.parametrize("account", demo.ACCOUNTS, ids=lambda a: a.role.value)
def test_each_demo_account_can_log_in(client, account):
    _load()
    _load()

    response = client.post(
        reverse("account_login"), {"login": account.email, "password": demo.PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email=account.email).pk)
    assert client.get(reverse("core:dashboard")).status_code == 200


def test_load_demo_prints_every_account():
    output = _load()

    assert demo.PASSWORD in output
    for account in demo.ACCOUNTS:
        assert account.email in output


def test_load_demo_refuses_to_run_outside_development(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("load_demo", stdout=StringIO())
    assert not User.objects.exists()


def test_demo_module_ends_with_a_gradable_final_quiz_and_a_questionnaire(client):
    from courses.models import ModulePage
    from quizzes import services
    from quizzes.models import Quiz
    from quizzes.tests.builders import right_answers

    _load()
    _load()

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
