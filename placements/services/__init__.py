"""Writes: offers and their slots (offers), every step of a placement request (requests),
and the emails they send (notifications).

The functions below are the app's write API, for its views and for the apps above it
(the demo, the tests' factories): callers keep calling `placements.services.<name>`.
"""

from .offers import offer_save
from .requests import (
    convention_generate,
    request_accept,
    request_cancel,
    request_complete,
    request_confirm,
    request_create,
    request_refuse,
)

__all__ = [
    "convention_generate",
    "offer_save",
    "request_accept",
    "request_cancel",
    "request_complete",
    "request_confirm",
    "request_create",
    "request_refuse",
]
