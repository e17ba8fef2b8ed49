from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core import activity_panels

register = template.Library()


@register.simple_tag(takes_context=True)
def activity_panels_for(context, activity: str, object_id=None):
    """Render every panel registered for the activity's page (see core.activity_panels):
    `{% activity_panels_for "module:12" %}` or `{% activity_panels_for "event" event.pk %}`."""
    if object_id is not None:
        activity = f"{activity}:{object_id}"
    request = context.get("request")
    html = "".join(
        render_to_string(panel["template_name"], panel["context"], request=request)
        for panel in activity_panels.panels_for(activity)
    )
    return mark_safe(html)  # noqa: S308 - our own templates, autoescaped
