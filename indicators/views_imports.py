"""Partners' trainings imported from a file: upload, preview, confirm.

Apart from the reports (indicators.views) because an import writes, and follows
the importer's territory: the scope is read once here and passed to the parser,
which refuses the lines outside it.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.constants import TERRITORY_ROLES
from accounts.roles import role_required
from accounts.selectors import territory_scope
from core.owned_files import owned_file_delete, owned_file_keep, owned_file_open
from core.rejected_lines import rejected_lines_keep

from . import imports
from .constants import IMPORT_PREVIEWS
from .forms import ParticipantsFileForm


def _rejected_lines(request, report: imports.Report):
    return rejected_lines_keep(
        owner=request.user,
        header=[_("Ligne"), _("Motif")],
        rows=[[item.line, item.reason] for item in report.rejected],
    )


@role_required(*TERRITORY_ROLES)
@require_http_methods(["GET", "POST"])
def participants_import(request):
    """Trainings held by partners: upload, preview (nothing written), then confirm.

    The previewed file waits in private storage under a random name in the folder of
    the person who sent it (core.owned_files, kept a day), so the confirmation imports
    exactly what was checked, and only that person can confirm it. The confirmation
    checks the file again against the importer's territory as it is then (a
    delegation withdrawn in between counts).
    """
    scope = territory_scope(request.user)
    if request.method == "POST" and request.POST.get("confirm"):
        token = request.POST.get("token", "")
        # Only the person who previewed the file may confirm it (it sits in their folder).
        stored = owned_file_open(owner=request.user, folder=IMPORT_PREVIEWS, name=token)
        if stored is None or not token.endswith((".csv", ".xlsx")):
            messages.error(request, _("Ce fichier n'est plus disponible : envoyez-le à nouveau."))
            return redirect("indicators:participants_import")
        with stored:
            report = imports.apply(imports.parse(stored.read(), token, scope=scope))
        owned_file_delete(owner=request.user, folder=IMPORT_PREVIEWS, name=token)
        return render(
            request,
            "indicators/participants_import.html",
            {
                "done": report,
                "rejected": _rejected_lines(request, report),
                "form": ParticipantsFileForm(),
                "scope": scope,
            },
        )
    posted = request.method == "POST"
    form = ParticipantsFileForm(request.POST if posted else None, request.FILES if posted else None)
    context = {"form": form, "scope": scope}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        report = imports.parse(data, upload.name, scope=scope)
        context["preview"] = report
        context["rejected"] = _rejected_lines(request, report)
        # Nothing to confirm when every valid line is already imported as it is.
        if not report.error and report.to_write:
            context["token"] = owned_file_keep(
                owner=request.user,
                folder=IMPORT_PREVIEWS,
                data=data,
                extension=upload.name.rsplit(".", 1)[-1].lower(),
            )
    unreadable = "preview" in context and context["preview"].error
    invalid = (form.is_bound and not form.is_valid()) or unreadable
    return render(
        request, "indicators/participants_import.html", context, status=400 if invalid else 200
    )
