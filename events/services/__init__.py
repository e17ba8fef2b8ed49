"""Writes of the events app, by concern: registrations and the waiting list
(`registration`, over the seat helpers of `seats`), attendance and what follows it
(`attendance`), participants' import (`participants`), reminders and calendar feeds
(`reminders`), events written by organisers (`authoring`).

`events.services` is the app's public surface for the other apps (the layering
allows them `services`, not its modules): the functions they and the app's views
call are named here.
"""

from .attendance import attendance_record, checkin
from .authoring import event_add_organiser, event_save
from .participants import (
    ImportReport,
    participants_apply,
    participants_import,
    participants_parse,
)
from .registration import (
    registration_add_by_email,
    registration_cancel,
    registration_create,
    session_cancel,
    session_fill_from_waiting_list,
    session_set_registrations_open,
)
from .reminders import calendar_feed_get_or_create, calendar_feed_reset, reminders_send

__all__ = [
    "ImportReport",
    "attendance_record",
    "calendar_feed_get_or_create",
    "calendar_feed_reset",
    "checkin",
    "event_add_organiser",
    "event_save",
    "participants_apply",
    "participants_import",
    "participants_parse",
    "registration_add_by_email",
    "registration_cancel",
    "registration_create",
    "reminders_send",
    "session_cancel",
    "session_fill_from_waiting_list",
    "session_set_registrations_open",
]
