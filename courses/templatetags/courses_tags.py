import uuid

from django import template

register = template.Library()


@register.simple_tag
def unique_id(prefix: str = "id") -> str:
    """Return an id unique in the page, for aria-controls / id pairs in repeated blocks."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"
