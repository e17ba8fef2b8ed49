"""Signals capability apps listen to (accounts imports none of them)."""

from django.dispatch import Signal

# Sent inside the anonymisation transaction, with `user`: apps erase what they
# printed or stored about the person.
user_anonymised = Signal()
