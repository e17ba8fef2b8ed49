import uuid

from django import template

register = template.Library()


@register.simple_tag
def unique_id(prefix: str = "id") -> str:
    """Return an id unique in the page, for aria-controls / id pairs in repeated blocks."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@register.simple_tag(takes_context=True)
def lesson_content(context) -> str:
    """The lesson page's main column: shared rendering, this learner's parts put in
    (courses.rendering; the selectors built the context)."""
    from ..rendering import lesson_content_html

    return lesson_content_html(lesson=context["page"], request=context["request"], context=context)


@register.filter
def duration(minutes) -> str:
    """A computed duration in words: "13 minutes", "1 heure", "1 h 30"."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    hours, rest = divmod(int(minutes or 0), 60)
    if not hours:
        return ngettext("%(n)d minute", "%(n)d minutes", rest) % {"n": rest}
    if not rest:
        return ngettext("%(n)d heure", "%(n)d heures", hours) % {"n": hours}
    return _("%(h)d h %(m)02d") % {"h": hours, "m": rest}
