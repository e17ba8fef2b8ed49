"""Housekeeping: expired sessions are purged daily."""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from core import services
from core.tasks import clear_expired_sessions

pytestmark = pytest.mark.django_db


def _session(expires_in: timedelta) -> str:
    store = SessionStore()
    store["_auth_user_id"] = "1"
    store.create()
    Session.objects.filter(pk=store.session_key).update(expire_date=timezone.now() + expires_in)
    return store.session_key


def test_sessions_clear_expired_keeps_open_sessions():
    expired = [_session(timedelta(minutes=-1)), _session(timedelta(days=-3))]
    open_session = _session(timedelta(hours=1))

    assert services.sessions_clear_expired() == len(expired)
    assert list(Session.objects.values_list("pk", flat=True)) == [open_session]


def test_clear_expired_sessions_task_reports_the_number_removed():
    _session(timedelta(seconds=-5))
    _session(timedelta(hours=2))

    assert clear_expired_sessions.delay().get() == 1
    assert Session.objects.count() == 1
