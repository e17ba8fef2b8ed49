"""The request being answered, for code that runs on its behalf without receiving it:
links built deep inside an email helper (core.absolute_urls), a confirmation message
added from a Wagtail signal (core.moderation)."""

from contextvars import ContextVar

_current_request: ContextVar = ContextVar("egide_current_request", default=None)


def current_request():
    """The request this thread or task is answering, or None (Celery, commands)."""
    return _current_request.get()


class CurrentRequestMiddleware:
    """Remember the request being answered for the time of its response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
