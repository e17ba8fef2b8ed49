"""Signals other apps listen to (events imports none of the apps above it)."""

from django.dispatch import Signal

# Sent inside the transaction that first marks a person present at a session (on
# the attendance sheet or by the QR check-in), once per registration, with
# `registration` (events.Registration) and `session` (events.Session): the
# indicators count the person trained as they were then (profession, territory).
attendance_confirmed = Signal()

# Sent inside the transaction that corrects a presence (present → absent or partial),
# with `registration` and `session`: the person no longer counts as trained there.
attendance_withdrawn = Signal()
