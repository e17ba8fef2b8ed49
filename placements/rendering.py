"""Print a placement's convention to PDF: a Django template printed by WeasyPrint
through certificates.rendering (Marianne font embedded)."""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from certificates.issuers import issuer_for
from certificates.rendering import pdf_fonts, pdf_from_html

TEMPLATE = "placements/convention_pdf.html"


def convention_html(placement) -> str:
    offer = placement.slot.offer
    with translation.override("fr"):
        return render_to_string(
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
                "fonts": pdf_fonts(),
            },
        )


def convention_pdf(placement) -> bytes:
    """Return the convention's PDF (A4, fonts embedded)."""
    return pdf_from_html(convention_html(placement))
