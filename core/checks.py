"""System checks of the platform's own rules."""

from django.core.checks import Error, Tags, register


@register(Tags.security)
def snippet_choosers_check_permissions(app_configs, **kwargs):
    """Refuse a snippet whose chooser would show its rows to every editor.

    A model registered with Wagtail's own SnippetViewSet (or the bare
    ``@register_snippet`` decorator) gets a chooser that only asks for admin access.
    """
    from wagtail.snippets.models import get_snippet_models

    from .admin_viewsets import SnippetChooserViewSet

    errors = []
    for model in get_snippet_models():
        viewset = getattr(model, "snippet_viewset", None)
        if viewset is None or not issubclass(viewset.chooser_viewset_class, SnippetChooserViewSet):
            errors.append(
                Error(
                    f"The snippet {model._meta.label} is not registered with "
                    "core.admin_viewsets.SnippetViewSet: its chooser ignores the "
                    "model's permission policy.",
                    hint="Register it with a viewset based on core.admin_viewsets.SnippetViewSet.",
                    obj=model,
                    id="core.E001",
                )
            )
    return errors
