from django import template
from wagtail.rich_text import RichText
from wagtail.templatetags.wagtailcore_tags import richtext

from core.rich_text import sanitise

register = template.Library()


@register.filter
def sanitised_richtext(value):
    """`|richtext` for text that may predate sanitising on save (attempt snapshots, old rows):
    cleaned by the allow-list, then rendered as Wagtail rich text."""
    if value is None:
        return ""
    source = value.source if isinstance(value, RichText) else str(value)
    return richtext(sanitise(source))
