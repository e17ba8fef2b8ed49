"""Print a placement's convention to PDF through the platform's printer (core.pdf)."""

from django.utils import timezone

from certificates.selectors.issuers import issuer_for
from core.pdf import pdf_from_html, pdf_html

TEMPLATE = "placements/convention_pdf.html"


def convention_html(placement) -> str:
    offer = placement.slot.offer
    return pdf_html(
        TEMPLATE,
        {
            "placement": placement,
            "slot": placement.slot,
            "offer": offer,
            "institution": offer.institution,
            "professional": placement.user,
            # The host institution's territory speaks for the placement it hosts;
            # the PDF is printed once, so later settings never rewrite it.
            "issuer": issuer_for(departement_code=offer.institution.departement_id),
            "generated_on": timezone.localdate(),
        },
    )


def convention_pdf(placement) -> bytes:
    """Return the convention's PDF (A4, fonts embedded)."""
    return pdf_from_html(convention_html(placement))
