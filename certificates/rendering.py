"""Render an attestation to PDF through the platform's printer (core.pdf): its
template, with a QR code pointing to the public verification page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.absolute_urls import absolute_url
from core.pdf import pdf_from_html, pdf_html, qr_svg

TEMPLATE = "certificates/attestation_pdf.html"


def verification_url(code: str) -> str:
    return absolute_url(reverse("certificates:verify", args=[code]))


def render_html(attestation) -> str:
    """The attestation as HTML; everything it prints was copied onto it at issue."""
    url = verification_url(attestation.code)
    return pdf_html(
        TEMPLATE,
        {
            "attestation": attestation,
            "verification_url": url,
            "qr_code": qr_svg(url, label=_("Code QR de vérification")),
        },
    )


def render_pdf(attestation) -> bytes:
    """Return the attestation's PDF (A4, fonts embedded)."""
    return pdf_from_html(render_html(attestation))
