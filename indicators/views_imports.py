"""Partners' trainings imported from a file: upload, preview, confirm.

Apart from the reports (indicators.views) because an import writes, and follows
the importer's territory: the scope is read once here and passed to the parser,
which refuses the lines outside it.
"""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.constants import TERRITORY_ROLES
from accounts.roles import role_required
from accounts.selectors import territory_scope
from core.imports.pipeline import rejected_lines
from core.imports.previews import confirmed_file, preview_drop, preview_keep

from . import imports
from .forms import ParticipantsFileForm

TEMPLATE = "indicators/participants_import.html"


@role_required(*TERRITORY_ROLES)
@require_http_methods(["GET", "POST"])
def participants_import(request):
    """Trainings held by partners: upload, preview (nothing written), then confirm.

    The previewed file waits in the private folder of the person who sent it
    (core.imports.previews), so the confirmation imports exactly what was checked,
    and only that person can confirm it. The confirmation checks the file again
    against the importer's territory as it is then (a delegation withdrawn in
    between counts).
    """
    scope = territory_scope(request.user)
    if request.method == "POST" and request.POST.get("confirm"):
        return _confirm(request, scope)
    posted = request.method == "POST"
    form = ParticipantsFileForm(request.POST if posted else None, request.FILES if posted else None)
    context = {"form": form, "scope": scope}
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        report = imports.parse(data, upload.name, scope=scope)
        context["preview"] = report
        context["rejected"] = rejected_lines(report, owner=request.user)
        # Nothing to confirm when every valid line is already imported as it is.
        if not report.error and report.to_write:
            context["token"] = preview_keep(owner=request.user, data=data, filename=upload.name)
    unreadable = "preview" in context and context["preview"].error
    invalid = (form.is_bound and not form.is_valid()) or unreadable
    return render(request, TEMPLATE, context, status=400 if invalid else 200)


def _confirm(request, scope):
    confirmed = confirmed_file(request)
    if confirmed is None:
        return redirect("indicators:participants_import")
    token, data, filename = confirmed
    report = imports.apply(imports.parse(data, filename, scope=scope))
    preview_drop(owner=request.user, token=token)
    context = {
        "done": report,
        "rejected": rejected_lines(report, owner=request.user),
        "form": ParticipantsFileForm(),
        "scope": scope,
    }
    return render(request, TEMPLATE, context)
