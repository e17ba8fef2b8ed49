import uuid

from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """Return mapping[key] or None (templates cannot index by a variable)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.simple_tag
def unique_id(prefix: str = "id") -> str:
    """Return an id unique in the page, for aria-controls / id pairs in repeated blocks."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"
