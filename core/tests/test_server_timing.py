"""The Server-Timing header: the server's own time, on when SERVER_TIMING is set."""

import re

from django.http import HttpResponse
from django.test import RequestFactory

from core.middleware import ServerTimingMiddleware


def _answer(settings, enabled: bool):
    settings.SERVER_TIMING = enabled
    middleware = ServerTimingMiddleware(lambda request: HttpResponse("ok"))
    return middleware(RequestFactory().get("/"))


def test_the_answer_carries_the_time_django_spent(settings):
    response = _answer(settings, enabled=True)

    assert re.fullmatch(r"app;dur=\d+\.\d", response.headers["Server-Timing"])


def test_production_does_not_tell_its_timings(settings):
    assert "Server-Timing" not in _answer(settings, enabled=False).headers


def test_production_settings_leave_it_off():
    from elearning.settings import base

    assert base.SERVER_TIMING is base.DEBUG
