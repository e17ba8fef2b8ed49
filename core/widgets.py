"""Form widgets that render fast.

Django renders each <option> of a <select> through a template (about 2 ms each on
this machine): the profile form's 450 territories and units took 0.7–1.4 s to
render, over the 500 ms a page may take. `Select` writes its options in Python; the
markup is Django's own (same attributes, same optgroups), so django-dsfr styles it
as any select.
"""

from html import escape

from django import forms
from django.utils.safestring import SafeData, mark_safe


def _text(value) -> str:
    return str(value) if isinstance(value, SafeData) else escape(str(value))


def _attrs(attrs: dict) -> str:
    return "".join(
        f" {name}" if value is True else f' {name}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False and value is not None
    )


def _options(options) -> str:
    return "".join(
        f'<option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_text(option['label'])}</option>"
        for option in options
    )


class Select(forms.Select):
    template_name = "core/widgets/select.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        parts = []
        for group_name, options, _index in context["widget"]["optgroups"]:
            if group_name:
                label = _text(group_name)
                parts.append(f'<optgroup label="{label}">{_options(options)}</optgroup>')
            else:
                parts.append(_options(options))
        # Every value went through _text (escaped unless already safe).
        context["widget"]["options_html"] = mark_safe("".join(parts))  # noqa: S308
        return context
