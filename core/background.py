"""Work a request hands over: a Celery task queued once the transaction commits.

In production a worker runs it. Under `make run` there is no worker (Celery eager):
the task would run inside the request that queued it, and the person would wait for
all of it with no sign of progress (a bilan: 20-35 s; an attendance sheet of 34
presences: one attestation PDF each, over 15 s). There, queued tasks run in one
thread of the web process, one after the other, and the request answers at once.
The tests run them at once (eager, DEBUG off) unless they set TASKS_IN_THREAD.
"""

import contextvars
import logging
from concurrent.futures import Future, ThreadPoolExecutor

from django.conf import settings
from django.db import connections, transaction

logger = logging.getLogger(__name__)


def runs_in_thread() -> bool:
    """Whether queued tasks run in the web process's thread (see the module)."""
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        return False
    return getattr(settings, "TASKS_IN_THREAD", settings.DEBUG)


def delay_on_commit(task, *args) -> None:
    """Queue `task(*args)` once the current transaction commits (at once outside one)."""
    if runs_in_thread():
        transaction.on_commit(lambda: _submit(task, args))
    else:
        transaction.on_commit(lambda: task.delay(*args))


_thread_pool: ThreadPoolExecutor | None = None


def _submit(task, args) -> Future:
    global _thread_pool  # one per process, made on first use
    if _thread_pool is None:
        _thread_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="egide-task")
    # In the request's context: the task's log lines keep its request id (core.request_id).
    return _thread_pool.submit(contextvars.copy_context().run, _run, task, args)


def _run(task, args) -> None:
    try:
        # As an eager call: the task sees request.is_eager and does not wait to retry.
        task.apply(args=args, throw=True)
    except Exception:
        logger.exception("task %s%r failed in the web process", task.name, args)
    finally:
        connections.close_all()  # this thread's own connections


def wait_until_idle(timeout: float = 60) -> None:
    """Return once every task queued so far has run (tests, shutdown)."""
    if _thread_pool is not None:
        _thread_pool.submit(lambda: None).result(timeout=timeout)
