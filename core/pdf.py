"""Print documents to PDF: a Django template (HTML and CSS editors can read) printed by
WeasyPrint with the DSFR's Marianne font embedded, and QR codes as inline SVG.

The one printer of the platform: attestations (certificates.rendering), placement
conventions, signature sheets and the indicators' bilan all print through here, so
fonts are found and loaded once per process and every document looks the same.
"""

from functools import cache

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

FONT_FILES = {
    ("400", "normal"): "dsfr/dist/fonts/Marianne-Regular.woff2",
    ("400", "italic"): "dsfr/dist/fonts/Marianne-Regular_Italic.woff2",
    ("700", "normal"): "dsfr/dist/fonts/Marianne-Bold.woff2",
}


@cache
def _fonts() -> tuple[dict, ...]:
    fonts = []
    for (weight, style), path in FONT_FILES.items():
        found = finders.find(path)
        if found:
            fonts.append({"weight": weight, "style": style, "url": f"file://{found}"})
    return tuple(fonts)


def pdf_fonts() -> list[dict]:
    """The Marianne @font-face sources, for `{{ fonts }}` in a PDF template
    (see certificates/attestation_pdf.html)."""
    return list(_fonts())


@cache
def _font_config():
    # Reused between renders: WeasyPrint then loads each font file once per process.
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def pdf_layout(html: str):
    """Lay HTML out in pages (a weasyprint Document: `len(document.pages)`,
    `document.write_pdf()`): the long step of printing, separate so that a
    background build can report progress between the two."""
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).render(font_config=_font_config())


def pdf_from_html(html: str) -> bytes:
    """Print HTML to an A4 PDF with the platform's fonts embedded."""
    return pdf_layout(html).write_pdf()


def pdf_html(template: str, context: dict) -> str:
    """Render a PDF template in French (documents are printed in the service's language),
    with the fonts in its context."""
    with translation.override("fr"):
        return render_to_string(template, {**context, "fonts": pdf_fonts()})


def pdf_render(template: str, context: dict) -> bytes:
    """Render a PDF template (pdf_html) and print it."""
    return pdf_from_html(pdf_html(template, context))


def qr_svg(url: str, *, label: str, scale: int = 4) -> SafeString:
    """A QR code of `url` as inline SVG, labelled for screen readers (a data: URI would
    cost WeasyPrint ~25 ms to decode)."""
    svg = segno.make(url, error="m").svg_inline(scale=scale, border=2, dark="#161616")
    opening = format_html('<svg role="img" aria-label="{}" ', label)
    # segno's SVG holds no user text; the label is escaped above.
    return mark_safe(svg.replace("<svg ", opening, 1))  # noqa: S308
