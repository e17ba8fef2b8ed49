"""Public listing and calendar, registration, "Mes sessions", calendar files, QR
check-in (thin views: permission checks here, rules in services and selectors)."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.decorators import profile_complete_required

from . import ics, selectors, services
from .constants import Attendance, Status
from .forms import SessionFilterForm
from .models import CalendarFeed, Registration, Session


def _filters(request) -> tuple[SessionFilterForm, dict]:
    form = SessionFilterForm(request.GET or None)
    return form, form.filters() if request.GET else {}


@require_GET
def session_list(request):
    form, filters = _filters(request)
    return render(
        request,
        "events/session_list.html",
        {
            "form": form,
            "sessions": selectors.upcoming_sessions(**filters),
            "is_organiser": selectors.is_organiser(request.user),
        },
    )


@require_GET
def session_calendar(request, year: int | None = None, month: int | None = None):
    """The month's sessions as a list grouped by day (an accessible calendar)."""
    today = timezone.localdate()
    year, month = year or today.year, month or today.month
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        raise Http404
    form, filters = _filters(request)
    return render(
        request,
        "events/session_calendar.html",
        {
            "form": form,
            "month": selectors.month_calendar(year=year, month=month, **filters),
            "query": request.GET.urlencode(),
            "is_current": date(year, month, 1) <= today.replace(day=1),
        },
    )


@require_GET
def session_detail(request, session_id: int):
    session = selectors.session_public(session_id=session_id)
    if session is None:
        raise Http404
    registration = selectors.registration_of(session=session, user=request.user)
    refusal = None
    if not request.user.is_authenticated:
        refusal = selectors.session_refusal(session=session)
    elif registration is None or not registration.is_active:
        refusal = selectors.registration_refusal(session=session, user=request.user)
    return render(
        request,
        "events/session_detail.html",
        {
            "session": session,
            "event": session.event,
            "registration": registration,
            "position": selectors.waitlist_position(registration) if registration else None,
            "refusal": refusal,
            "questionnaire_url": selectors.questionnaire_url(session=session)
            if registration is not None and registration.attendance == Attendance.PRESENT
            else "",
            "may_manage": request.user.is_authenticated
            and selectors.may_manage(request.user, session.event),
        },
    )


@require_POST
@profile_complete_required
def register(request, session_id: int):
    session = get_object_or_404(Session, pk=session_id)
    try:
        registration = services.registration_create(session=session, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("events:detail", session_id=session.pk)
    if registration.status == Status.REGISTERED:
        messages.success(request, _("Votre inscription est enregistrée."))
    else:
        messages.info(
            request,
            _(
                "La session est complète : vous êtes sur la liste d'attente. Vous recevrez "
                "un courriel si une place se libère."
            ),
        )
    return redirect("events:detail", session_id=session.pk)


@require_POST
@login_required
def cancel_registration(request, registration_id: int):
    """The person cancels their own registration (or leaves the waiting list)."""
    registration = get_object_or_404(Registration, pk=registration_id, user=request.user)
    try:
        services.registration_cancel(registration=registration, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Votre inscription est annulée."))
    back = request.POST.get("next", "")
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("events:mine")


@require_GET
@login_required
def my_sessions(request):
    feed = CalendarFeed.objects.filter(user=request.user).first()
    feed_url = request.build_absolute_uri(reverse("events:feed", args=[feed.token])) if feed else ""
    return render(
        request,
        "events/my_sessions.html",
        {
            **selectors.my_registrations(user=request.user),
            "feed_url": feed_url,
            "is_organiser": selectors.is_organiser(request.user),
        },
    )


@require_POST
@login_required
def feed_reset(request):
    """Create the personal feed address, or replace it (the old one stops working)."""
    existed = CalendarFeed.objects.filter(user=request.user).exists()
    services.calendar_feed_reset(user=request.user)
    if existed:
        messages.success(request, _("Nouvelle adresse créée : l'ancienne ne fonctionne plus."))
    else:
        messages.success(request, _("Votre adresse d'agenda personnel est prête."))
    return redirect("events:mine")


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def session_ics(request, session_id: int):
    session = get_object_or_404(
        Session.objects.select_related("event", "departement"), pk=session_id
    )
    return _ics_response(ics.session_calendar(session), f"session-{session.pk}.ics")


@require_GET
def feed(request, token: str):
    """The personal feed: anyone with the secret address (a calendar application)."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    content = ics.registrations_calendar(
        selectors.feed_registrations(user=feed.user), name=_("Mes sessions Égide")
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
@profile_complete_required
def checkin(request, token: str):
    """The address in the room's QR code: GET shows a button, POST records presence."""
    session = get_object_or_404(
        Session.objects.select_related("event", "departement"), checkin_token=token
    )
    registration = selectors.registration_of(session=session, user=request.user)
    if request.method == "POST":
        try:
            services.checkin(token=token, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("events:checkin", token=token)
        messages.success(request, _("Votre présence est enregistrée. Merci !"))
        return redirect("events:mine")
    return render(
        request,
        "events/checkin.html",
        {
            "session": session,
            "registration": registration,
            "is_registered": registration is not None and registration.status == Status.REGISTERED,
        },
    )
