from django.forms.renderers import DjangoTemplates
from dsfr.forms import DsfrBoundField


class DsfrFormRenderer(DjangoTemplates):
    """Render every form with the State design system's markup.

    Django 5.2 lets the renderer choose the BoundField class; django-dsfr's one
    picks the DSFR snippet for each widget type (input, select, checkbox, radio)
    and marks fields in error with aria-invalid / aria-describedby.
    """

    form_template_name = "dsfr/form_snippet.html"
    bound_field_class = DsfrBoundField
