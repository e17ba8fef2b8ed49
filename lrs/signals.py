"""What other apps hear from the learning record store (indicators listens)."""

from django.dispatch import Signal

# A partner's statement was stored (not sent again): `statement` (lrs.models.Statement).
# Sent inside the storing transaction, so what listeners write commits with it.
statement_stored = Signal()
