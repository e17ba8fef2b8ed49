"""A request id on every log line, from the request into the Celery tasks it queues.

The id comes from the `X-Request-ID` header when it is a plain token (the load balancer
or the proxy in front usually sets one), otherwise a new uuid4 hex; it is sent back in
the response's `X-Request-ID`. It lives in a context variable for the request, and
`RequestIdFilter` copies it onto every log record. A task queued meanwhile carries it
as the message header `request_id` (`before_task_publish`); the worker sets it for the
task's run (`task_prerun`) and clears it after (`task_postrun`), so the worker's lines
carry the id of the request that asked for the work.
"""

import contextvars
import logging
import re
import uuid

HEADER = "X-Request-ID"
MESSAGE_HEADER = "request_id"
# A plain token only: the id goes into logs and headers, never anything a forged
# header could use to break a line or inject fields.
VALID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
# What a log record shows outside any request or task (start-up, beat).
NONE = "-"

_current: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "egide_request_id", default=None
)


def get() -> str | None:
    return _current.get()


def accepted_or_new(value: str | None) -> str:
    """The id given when it is a plain token, otherwise a new one."""
    if value and VALID.match(value):
        return value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Take or make the request's id; set it for the request; return it in the answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = accepted_or_new(request.headers.get(HEADER))
        request.request_id = request_id
        token = _current.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request_id
        return response


class RequestIdFilter(logging.Filter):
    """Add `request_id` to every record (a handler's filter: it never drops one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _current.get() or NONE
        return True


# --- Celery: the id travels in the task message -----------------------------------


def on_before_task_publish(headers=None, **_kwargs) -> None:
    request_id = _current.get()
    if request_id and headers is not None and MESSAGE_HEADER not in headers:
        headers[MESSAGE_HEADER] = request_id


_task_tokens: dict[str, contextvars.Token] = {}


def on_task_prerun(task_id=None, task=None, **_kwargs) -> None:
    # Custom message headers end up as attributes of the task's request context.
    request_id = getattr(task.request, MESSAGE_HEADER, None) if task is not None else None
    if request_id and not VALID.match(str(request_id)):
        request_id = None
    if request_id and task_id:
        _task_tokens[task_id] = _current.set(request_id)


def on_task_postrun(task_id=None, **_kwargs) -> None:
    token = _task_tokens.pop(task_id, None)
    if token is not None:
        try:
            _current.reset(token)
        except ValueError:  # set in another context (should not happen): just clear
            _current.set(None)


def connect_celery_signals() -> None:
    from celery import signals

    signals.before_task_publish.connect(on_before_task_publish, weak=False)
    signals.task_prerun.connect(on_task_prerun, weak=False)
    signals.task_postrun.connect(on_task_postrun, weak=False)
