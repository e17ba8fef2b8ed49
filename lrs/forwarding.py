"""Égide's own statements (the H5P player's, received by courses) copied to an external
LRS when one is configured (LRS_FORWARD_URL, e.g. a Learning Locker of the ministry).

Never in the learner's way: statements are queued once the transaction commits and
sent by a Celery task, retried with a growing delay when the other LRS is down. The
actor stays the pseudonym the player was given (courses' HMAC): the external LRS
learns what was done, not who did it.
"""

import base64
import json
import logging
import urllib.error
import urllib.request

from django.conf import settings

from core.background import delay_on_commit

from .constants import XAPI_VERSION

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 10


class ForwardingFailed(Exception):
    """The external LRS could not take the statements now: try again later."""


def enabled() -> bool:
    return bool(getattr(settings, "LRS_FORWARD_URL", ""))


def statements_forward(statements: list[dict]) -> None:
    """Queue `statements` for the external LRS (nothing when none is configured)."""
    if not enabled() or not statements:
        return
    from . import tasks

    delay_on_commit(tasks.statements_forward, statements)


def statements_send(statements: list[dict]) -> int:
    """POST `statements` to the external LRS; return the HTTP status.

    A 409 means the other LRS already holds these ids (a retry after a lost answer):
    done. Another 4xx will not get better by retrying: logged and dropped. 5xx, 429
    and network errors raise ForwardingFailed (the task retries).
    """
    url = settings.LRS_FORWARD_URL.rstrip("/") + "/statements"
    credentials = f"{settings.LRS_FORWARD_USERNAME}:{settings.LRS_FORWARD_PASSWORD}"
    request = urllib.request.Request(
        url,
        data=json.dumps(statements).encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-Experience-API-Version": XAPI_VERSION,
            "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        if error.code == 409:
            return error.code
        if error.code == 429 or error.code >= 500:
            raise ForwardingFailed(f"external LRS answered {error.code}") from error
        logger.error("external LRS refused %d statements: %s", len(statements), error.code)
        return error.code
    except (urllib.error.URLError, OSError) as error:
        raise ForwardingFailed(str(error)) from error
