"""Signals other apps listen to (placements imports none of the apps above it)."""

from django.dispatch import Signal

# Sent inside the transaction that records that a placement took place, with
# `request` (placements.PlacementRequest, status completed, `completed_at` set) and
# `offer` (placements.Offer, its institution reachable as `offer.institution`):
# the indicators count it as a placement organised ("nombre de stages organisés").
placement_completed = Signal()
