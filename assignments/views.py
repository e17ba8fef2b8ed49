"""Pages of the mandatory training: assignments and compliance for the delegates (each
within her territories: accounts.selectors.territory_scope), the national service and
the administrators (aggregates only: no quiz detail, no list of people). Unit managers
follow their institution's people (`unit`)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.constants import TERRITORY_ROLES, Role
from accounts.roles import role_required
from accounts.selectors import territory_scope
from core.imports.pipeline import rejected_lines
from core.imports.previews import confirmed_file, preview_drop, preview_keep
from core.spreadsheets import Sheet, spreadsheet_response

from . import imports, selectors, services
from .constants import DueStatus
from .forms import AssignmentForm, RosterFileForm
from .models import Assignment

GROUPINGS = {
    "module": _lazy("Par module"),
    "arrondissement": _lazy("Par arrondissement"),
    "institution": _lazy("Par structure"),
}


def _assignment_for(request, assignment_id: int, queryset=None, *, change=False) -> Assignment:
    """The assignment if it concerns the person's territories (to change it: if its whole
    population lies in them), else 404 (as for one that does not exist)."""
    queryset = Assignment.objects.all() if queryset is None else queryset
    assignment = get_object_or_404(queryset, pk=assignment_id)
    allowed = selectors.assignment_in_scope if change else selectors.assignment_readable
    if not allowed(assignment, territory_scope(request.user)):
        raise Http404
    return assignment


@role_required(*TERRITORY_ROLES)
@require_GET
def assignment_list(request):
    scope = territory_scope(request.user)
    assignments = selectors.assignments_in_scope(scope)
    items = selectors.statuses(
        selectors.obligations_in_scope(
            selectors.Obligation.objects.filter(assignment__in=assignments), scope
        )
    )
    by_assignment: dict[int, list] = {}
    for item in items:
        by_assignment.setdefault(item.obligation.assignment_id, []).append(item)
    rows = [
        {
            "assignment": assignment,
            "summary": (
                selectors.compliance(by_assignment.get(assignment.pk, []), by="all") or [None]
            )[0],
        }
        for assignment in assignments
    ]
    active = [item for item in items if item.obligation.assignment.active]
    tables = [
        {"by": by, "title": GROUPINGS[by], "rows": selectors.compliance(active, by=by)}
        for by in ("arrondissement", "institution")
    ]
    return render(
        request,
        "assignments/assignment_list.html",
        {"rows": rows, "tables": tables, "statuses": list(DueStatus)},
    )


@role_required(*TERRITORY_ROLES)
@require_http_methods(["GET", "POST"])
def assignment_edit(request, assignment_id: int | None = None):
    assignment = _assignment_for(request, assignment_id, change=True) if assignment_id else None
    # Bound on every POST, even an empty one, so that it is refused with its errors.
    form = AssignmentForm(
        request.POST if request.method == "POST" else None,
        instance=assignment,
        scope=territory_scope(request.user),
    )
    if request.method == "POST" and form.is_valid():
        if assignment is None:
            data = form.cleaned_data
            assignment = services.assignment_create(
                by=request.user,
                title=data["title"],
                modules=data["modules"],
                professions=data["professions"],
                arrondissements=data["arrondissements"],
                due_date=data["due_date"],
                due_days=data["due_days"],
                institutions=data["institutions"],
                recertify=data["recertify"],
                remind_days_before=data["remind_days_before"],
                remind_on_due_date=data["remind_on_due_date"],
                overdue_every_days=data["overdue_every_days"],
                overdue_max=data["overdue_max"],
                expiry_notice_days=data["expiry_notice_days"],
                active=data["active"],
            )
        else:
            assignment = services.assignment_update(assignment=form.save(commit=False), form=form)
        count = assignment.obligations.values("user_id").distinct().count()
        messages.success(
            request,
            ngettext(
                "Affectation enregistrée : %(count)s personne concernée.",
                "Affectation enregistrée : %(count)s personnes concernées.",
                count,
            )
            % {"count": count},
        )
        return redirect("assignments:detail", assignment_id=assignment.pk)
    return render(
        request,
        "assignments/assignment_form.html",
        {"form": form, "assignment": assignment},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@role_required(*TERRITORY_ROLES)
@require_GET
def assignment_detail(request, assignment_id: int):
    assignment = _assignment_for(
        request, assignment_id, Assignment.objects.prefetch_related("modules")
    )
    items = selectors.assignment_statuses(assignment, territory_scope(request.user))
    tables = {by: selectors.compliance(items, by=by) for by in GROUPINGS}
    export = request.GET.get("format")
    if export in {"csv", "xlsx"}:
        return _export(assignment, tables, export)
    return render(
        request,
        "assignments/assignment_detail.html",
        {
            "assignment": assignment,
            "summary": (selectors.compliance(items, by="all") or [None])[0],
            "tables": [
                {"by": by, "title": GROUPINGS[by], "rows": rows} for by, rows in tables.items()
            ],
            "statuses": list(DueStatus),
            "roster_form": RosterFileForm(),
            "roster_count": assignment.roster.count(),
        },
    )


def _export(assignment, tables, export: str):
    header = [_("Regroupement"), _("Valeur"), _("Obligations"), _("Taux de conformité (%)")]
    header += [str(status.label) for status in DueStatus]
    lines = [
        [str(GROUPINGS[by]), row.label, row.total, row.rate]
        + [row.count(status) for status in DueStatus]
        for by, rows in tables.items()
        for row in rows
    ]
    filename = f"conformite-affectation-{assignment.pk}"
    return spreadsheet_response(export, filename, [Sheet(_("Conformité"), header, lines)])


@role_required(*TERRITORY_ROLES)
@require_POST
def roster_import(request, assignment_id: int):
    """Import a list of people: a preview first (nothing written, rejected lines with
    their reason), then the confirmation of the file kept for it (core.imports)."""
    assignment = _assignment_for(request, assignment_id, change=True)
    if request.POST.get("confirm"):
        return _roster_confirm(request, assignment)
    form = RosterFileForm(request.POST, request.FILES)
    context = {"assignment": assignment, "form": form}
    status = 400
    if form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        report = imports.parse(data, upload.name, assignment=assignment)
        if not report.error:
            status = 200
            imports.preview(report, assignment=assignment)
            # Nothing to confirm when every valid line is in the list already.
            if report.added:
                context["token"] = preview_keep(owner=request.user, data=data, filename=upload.name)
        context["preview"] = report
        context["rejected"] = rejected_lines(report, owner=request.user)
    return render(request, "assignments/roster_report.html", context, status=status)


def _roster_confirm(request, assignment: Assignment):
    confirmed = confirmed_file(request)
    if confirmed is None:
        return redirect("assignments:detail", assignment_id=assignment.pk)
    token, data, filename = confirmed
    # Checked again: the list may have changed since the preview.
    report = imports.parse(data, filename, assignment=assignment)
    if not report.error:
        imports.apply(report, assignment=assignment)
    preview_drop(owner=request.user, token=token)
    context = {
        "assignment": assignment,
        "done": report,
        "rejected": rejected_lines(report, owner=request.user),
    }
    return render(request, "assignments/roster_report.html", context)


@role_required(Role.UNIT_MANAGER, Role.ADMIN)
@require_http_methods(["GET", "POST"])
def unit(request):
    """A unit manager's view of their institution: each person's status on each mandatory
    module, with dates only (never quiz details); reminders to the overdue; exports."""
    institutions = selectors.managed_institutions(request.user)
    if not institutions:
        return render(request, "assignments/unit.html", {"institutions": []})
    chosen = request.POST.get("structure") or request.GET.get("structure")
    institution = next((i for i in institutions if str(i.pk) == chosen), institutions[0])
    status = request.POST.get("statut") or request.GET.get("statut", "")
    status = status if status in DueStatus.values else ""
    if request.method == "POST":
        return _unit_remind(request, institution, status)
    items = selectors.unit_statuses(institution=institution)
    shown = [item for item in items if item.status == status] if status else items
    export = request.GET.get("format")
    if export in {"csv", "xlsx"}:
        return _unit_export(institution, shown, export)
    page = Paginator(shown, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "assignments/unit.html",
        {
            "institutions": institutions,
            "institution": institution,
            "summary": (selectors.compliance(items, by="all") or [None])[0],
            "page": page,
            "status": status,
            "statuses": list(DueStatus),
            "overdue": sum(1 for item in items if item.status == DueStatus.OVERDUE),
            "to_remind": len(selectors.manager_reminders_due(items)),
            "last_reminders": selectors.last_manager_reminders(institution=institution),
        },
    )


def _unit_remind(request, institution, status: str):
    """Send the manager's reminders, then back to the same structure and filter."""
    sent = services.reminders_send_overdue(
        obligations=selectors.Obligation.objects.filter(
            user__institution=institution, assignment__active=True
        ),
        by=request.user,
    )
    if sent:
        messages.success(
            request,
            ngettext(
                "%(count)s relance envoyée par courriel.",
                "%(count)s relances envoyées par courriel.",
                sent,
            )
            % {"count": sent},
        )
    else:
        # Only when another manager sent them in between: the button counts the same.
        messages.info(
            request, _("Aucune relance à envoyer : les personnes en retard sont déjà relancées.")
        )
    query = urlencode(
        {"structure": institution.pk, "statut": status} if status else {"structure": institution.pk}
    )
    return redirect(f"{request.path}?{query}")


def _unit_export(institution, items, export: str):
    header = [
        _("Nom"),
        _("Prénom"),
        _("Adresse électronique"),
        _("Module"),
        _("Statut"),
        _("Échéance"),
        _("Terminé le"),
        _("Valable jusqu'au"),
    ]
    lines = [
        [
            item.obligation.user.last_name,
            item.obligation.user.first_name,
            item.obligation.user.email,
            item.obligation.module.title,
            item.status_label,
            item.due_on,
            timezone.localdate(item.completed_at) if item.completed_at else None,
            item.valid_until,
        ]
        for item in items
    ]
    filename = f"formations-obligatoires-structure-{institution.pk}"
    return spreadsheet_response(export, filename, [Sheet(institution.name, header, lines)])
