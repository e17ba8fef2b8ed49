"""Render an attestation to PDF: a Django template (HTML and CSS editors can read)
printed by WeasyPrint, with the DSFR's Marianne font embedded and a QR code
(segno) pointing to the public verification page."""

from functools import cache

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe

TEMPLATE = "certificates/attestation_pdf.html"
FONT_FILES = {
    ("400", "normal"): "dsfr/dist/fonts/Marianne-Regular.woff2",
    ("400", "italic"): "dsfr/dist/fonts/Marianne-Regular_Italic.woff2",
    ("700", "normal"): "dsfr/dist/fonts/Marianne-Bold.woff2",
}


def verification_url(code: str) -> str:
    return settings.SITE_URL + reverse("certificates:verify", args=[code])


@cache
def _fonts() -> list[dict]:
    fonts = []
    for (weight, style), path in FONT_FILES.items():
        found = finders.find(path)
        if found:
            fonts.append({"weight": weight, "style": style, "url": f"file://{found}"})
    return fonts


@cache
def _font_config():
    # Reused between renders: WeasyPrint then loads each font file once per process.
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def qr_svg(url: str) -> str:
    """The QR code as inline SVG (a data: URI would cost WeasyPrint ~25 ms to decode)."""
    svg = segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#161616")
    return svg.replace("<svg ", '<svg role="img" aria-label="Code QR de vérification" ', 1)


def render_html(attestation) -> str:
    """The attestation as HTML; everything it prints was copied onto it at issue."""
    url = verification_url(attestation.code)
    with translation.override("fr"):
        return render_to_string(
            TEMPLATE,
            {
                "attestation": attestation,
                "verification_url": url,
                "qr_code": mark_safe(qr_svg(url)),  # noqa: S308 - segno's SVG, no user text
                "fonts": _fonts(),
            },
        )


def pdf_from_html(html: str) -> bytes:
    """Print HTML to PDF with the platform's fonts (also used by the indicators' report).

    `{{ fonts }}` in the template gives the Marianne @font-face sources; see
    attestation_pdf.html.
    """
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(font_config=_font_config())


def pdf_fonts() -> list[dict]:
    return _fonts()


def render_pdf(attestation) -> bytes:
    """Return the attestation's PDF (A4, fonts embedded)."""
    return pdf_from_html(render_html(attestation))
