"""Signals other apps listen to (courses imports none of the apps above it)."""

from django.dispatch import Signal

# Sent inside the transaction that records a module completion, with `completion`
# (courses.ModuleCompletion) and `module` (courses.ModulePage): the indicators
# count it as it was then (profession, arrondissement, date).
module_completed = Signal()
