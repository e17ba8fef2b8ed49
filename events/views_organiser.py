"""Organisers' pages: their sessions, registrants and waiting list, attendance sheet,
QR code for the room, signature sheet, import of a list (preview then confirm), add
by hand, close, cancel.

Trainers manage the sessions of the events they organise; administrators all.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.constants import Role
from accounts.roles import role_required
from core.absolute_urls import absolute_url
from core.imports.pipeline import rejected_lines
from core.imports.previews import confirmed_file, preview_drop, preview_keep
from core.pdf import pdf_fonts, pdf_from_html, qr_svg

from . import selectors, services
from .constants import Attendance
from .forms import AddParticipantForm, CancelSessionForm, EventForm, ImportForm, session_formset
from .models import Event, Registration, Session

organiser_required = role_required(Role.TRAINER, Role.ADMIN)


def _managed_session(request, session_id: int) -> Session:
    session = selectors.session_for_manager(session_id=session_id)
    if session is None:
        raise Http404
    if not selectors.may_manage(request.user, session.event):
        raise PermissionDenied
    return session


def _back(session: Session):
    return redirect("events:manage", session_id=session.pk)


def _errors(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@require_GET
@organiser_required
def my_organised_sessions(request):
    return render(
        request,
        "events/organiser/sessions.html",
        selectors.organiser_sessions(user=request.user),
    )


def _event_form(request, event: Event | None):
    data = request.POST if request.method == "POST" else None
    form = EventForm(data, instance=event, organiser=request.user)
    # A new event starts with one blank session; an edited one offers one more.
    sessions = session_formset(extra=1 if event else 0)(
        data, instance=event or Event(), prefix="sessions"
    )
    if request.method == "POST" and form.is_valid() and sessions.is_valid():
        saved = services.event_save(form=form, sessions=sessions, by=request.user)
        messages.success(request, _("L'événement « %(title)s » est enregistré.") % {"title": saved})
        return redirect("events:organised")
    return render(
        request,
        "events/organiser/event_form.html",
        {"form": form, "sessions": sessions, "event": event},
    )


@require_http_methods(["GET", "POST"])
@organiser_required
def event_create(request):
    """An event and its sessions, on one page (no Wagtail admin needed)."""
    return _event_form(request, None)


@require_http_methods(["GET", "POST"])
@organiser_required
def event_edit(request, event_id: int):
    event = get_object_or_404(Event, pk=event_id)
    if not selectors.may_manage(request.user, event):
        raise PermissionDenied
    return _event_form(request, event)


@require_GET
@organiser_required
def manage(request, session_id: int):
    session = _managed_session(request, session_id)
    return render(
        request,
        "events/organiser/manage.html",
        {
            "session": session,
            "event": session.event,
            **selectors.session_registrants(session=session),
            "add_form": AddParticipantForm(),
            "import_form": ImportForm(),
            "cancel_form": CancelSessionForm(),
            # Once begun, the list is history: absences go on the attendance sheet.
            "may_unregister": not session.has_started and not session.is_cancelled,
        },
    )


@require_POST
@organiser_required
def add_participant(request, session_id: int):
    session = _managed_session(request, session_id)
    form = AddParticipantForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("email", [])))
        return _back(session)
    try:
        registration = services.registration_add_by_email(
            session=session, email=form.cleaned_data["email"], by=request.user
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(
            request,
            _("%(name)s : %(status)s.")
            % {"name": registration.user, "status": registration.get_status_display()},
        )
    return _back(session)


@require_POST
@organiser_required
def import_participants(request, session_id: int):
    """A file of participants: a preview first (nothing written, rejected lines with
    their reason), then the confirmation of the file kept for it (core.imports)."""
    session = _managed_session(request, session_id)
    if request.POST.get("confirm"):
        return _import_confirm(request, session)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(
            request,
            " ".join(form.errors.get("file", [])) or _("Choisissez un fichier à importer."),
        )
        return _back(session)
    upload = form.cleaned_data["file"]
    data = upload.read()
    try:
        report = services.participants_parse(session=session, data=data, filename=upload.name)
    except ValidationError as error:
        _errors(request, error)
        return _back(session)
    if report.error:
        messages.error(request, report.error)
        return _back(session)
    token = None
    if report.to_write:
        token = preview_keep(owner=request.user, data=data, filename=upload.name)
    return _import_page(request, session, report, preview=True, token=token)


def _import_confirm(request, session: Session):
    confirmed = confirmed_file(request)
    if confirmed is None:
        return _back(session)
    token, data, filename = confirmed
    try:
        # Checked again: accounts and seats may have changed since the preview.
        report = services.participants_import(
            session=session, by=request.user, data=data, filename=filename
        )
    except ValidationError as error:
        _errors(request, error)
        return _back(session)
    preview_drop(owner=request.user, token=token)
    return _import_page(request, session, report, preview=False, token=None)


def _import_page(request, session: Session, report, *, preview: bool, token: str | None):
    return render(
        request,
        "events/organiser/import_report.html",
        {
            "session": session,
            "event": session.event,
            "report": report,
            "preview": preview,
            "token": token,
            "rejected": rejected_lines(report, owner=request.user),
        },
    )


@require_POST
@organiser_required
def set_registrations_open(request, session_id: int):
    session = _managed_session(request, session_id)
    is_open = request.POST.get("open") == "1"
    try:
        services.session_set_registrations_open(session=session, is_open=is_open, by=request.user)
        if is_open:
            services.session_fill_from_waiting_list(session=session)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(
            request,
            _("Les inscriptions sont ouvertes.")
            if is_open
            else _("Les inscriptions sont fermées."),
        )
    return _back(session)


@require_POST
@organiser_required
def cancel_session(request, session_id: int):
    session = _managed_session(request, session_id)
    form = CancelSessionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Indiquez le motif de l'annulation."))
        return _back(session)
    try:
        services.session_cancel(
            session=session, by=request.user, reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(
            request, _("La session est annulée ; les personnes inscrites sont prévenues.")
        )
    return _back(session)


@require_POST
@organiser_required
def cancel_registration(request, session_id: int, registration_id: int):
    session = _managed_session(request, session_id)
    registration = get_object_or_404(Registration, pk=registration_id, session=session)
    try:
        services.registration_cancel(registration=registration, by=request.user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(
            request, _("L'inscription de %(name)s est annulée.") % {"name": registration.user}
        )
    return _back(session)


# Short labels: three large buttons side by side on a phone (the legend names the person).
ATTENDANCE_BUTTONS = [
    (Attendance.PRESENT, _lazy("Présent·e")),
    (Attendance.PARTIAL, _lazy("Partielle")),
    (Attendance.ABSENT, _lazy("Absent·e")),
]


def _attendance_marks(request, shown) -> dict[int, str]:
    """The choices posted for the rows shown; with "rest", the people shown and still
    unmarked are marked present (the usual evening: everyone came but a few)."""
    marks = {}
    for registration in shown:
        value = request.POST.get(f"presence-{registration.pk}")
        if value is not None:
            marks[registration.pk] = value
        elif request.POST.get("rest") == "present" and not registration.attendance:
            marks[registration.pk] = Attendance.PRESENT
    return marks


@require_http_methods(["GET", "POST"])
@organiser_required
def attendance(request, session_id: int):
    """One form for the whole room, made for a phone: a search box, a row of three large
    buttons per person, the save button and the count of people present always in view."""
    session = _managed_session(request, session_id)
    registered = selectors.session_registrants(session=session)["registered"]
    query = (request.POST.get("q") or request.GET.get("q") or "").strip()[:100]
    shown = selectors.matching_people(registered, query)
    if request.method == "POST":
        try:
            changed = services.attendance_record(
                session=session, by=request.user, marks=_attendance_marks(request, shown)
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(
                request,
                ngettext(
                    "Feuille de présence enregistrée (%(n)s modification).",
                    "Feuille de présence enregistrée (%(n)s modifications).",
                    changed,
                )
                % {"n": changed},
            )
        url = reverse("events:attendance", args=[session.pk])
        return redirect(f"{url}?{urlencode({'q': query})}" if query else url)
    return render(
        request,
        "events/organiser/attendance.html",
        {
            "session": session,
            "event": session.event,
            "registered": shown,
            "query": query,
            "total": len(registered),
            "present": sum(r.attendance == Attendance.PRESENT for r in registered),
            "unmarked": sum(not r.attendance for r in shown),
            "choices": ATTENDANCE_BUTTONS,
            "is_open": timezone.now() >= session.checkin_opens_at,
        },
    )


def checkin_absolute_url(session: Session, request=None) -> str:
    """The check-in address in the room's QR code, on the server actually in use."""
    path = reverse("events:checkin", args=[session.checkin_token])
    return absolute_url(path, request)


@require_GET
@organiser_required
def qr_code(request, session_id: int):
    """Shown on the room's screen: a QR code of the check-in address (none once the
    check-in has closed: it would lead to a dead end)."""
    session = _managed_session(request, session_id)
    url = checkin_absolute_url(session, request)
    closed = session.checkin_phase == "closed"
    return render(
        request,
        "events/organiser/qr.html",
        {
            "session": session,
            "event": session.event,
            "qr_code": "" if closed else qr_svg(url, label=_("Code QR d'émargement"), scale=10),
            "checkin_url": url,
        },
    )


@require_GET
@organiser_required
def signature_sheet(request, session_id: int):
    """A printable A4 list of registrants with empty signature boxes (PDF)."""
    session = _managed_session(request, session_id)
    registered = selectors.session_registrants(session=session)["registered"]
    with translation.override("fr"):
        html = render_to_string(
            "events/organiser/signature_sheet_pdf.html",
            {
                "session": session,
                "event": session.event,
                "registered": registered,
                "fonts": pdf_fonts(),
            },
        )
    response = HttpResponse(pdf_from_html(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="emargement-session-{session.pk}.pdf"'
    return response
