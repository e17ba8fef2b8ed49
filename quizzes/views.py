"""Quiz pages: rules and history, attempts (form, then result and review), and the
editors' statistics and GIFT import / export."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.constants import Role
from accounts.decorators import profile_complete_required
from accounts.roles import has_role
from core.spreadsheets import csv_response, number

from . import contexts, services, submission
from .constants import AttemptStatus, Phase
from .models import Attempt, Quiz
from .questions import InvalidAnswer
from .selectors import analysis, display, review, taking

GIFT_MAX_BYTES = 2 * 1024 * 1024
# Sent by "Envoyer quand même" and by the countdown: no warning about blank questions.
CONFIRM_FIELD = "envoi_confirme"


def _is_staff(user) -> bool:
    return has_role(user, Role.TRAINER, Role.EDITOR, Role.ADMIN)


def _context_for(request, quiz: Quiz) -> contexts.Context | None:
    """Where the learner takes the quiz (?contexte=module:12), checked by its owner app.

    Without a context, the quiz must be open on its own (staff may always try it).
    """
    key = request.POST.get("contexte") or request.GET.get("contexte")
    if key:
        return contexts.for_quiz(request.user, key, quiz)
    if quiz.available_alone or _is_staff(request.user):
        return None
    raise PermissionDenied(_("Ce quiz se passe depuis le module qui l'utilise."))


def _phase(request, context) -> str:
    # The pre-test exists only where the context offers it (a module set so).
    wanted = request.POST.get("phase") or request.GET.get("phase")
    offered = context is not None and context.offers_pre_test
    return Phase.PRE if wanted == Phase.PRE and offered else Phase.MAIN


@require_GET
@profile_complete_required
def quiz_detail(request, quiz_id: int):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    context = _context_for(request, quiz)
    phase = _phase(request, context)
    by_phase = taking.attempts_by_phase(quiz_id=quiz.pk, user=request.user)
    attempt_list = by_phase[phase]
    verdict = taking.availability(quiz=quiz, attempt_list=attempt_list, phase=phase)
    return render(
        request,
        "quizzes/quiz_detail.html",
        {
            "quiz": quiz,
            "context": context,
            "phase": phase,
            "is_pre_test": phase == Phase.PRE,
            "attempts": taking.finished(attempt_list),
            "counted": taking.counted_attempt(quiz, attempt_list),
            "availability": verdict,
            "question_count": quiz.draw_total or len(quiz.questions.raw_data),
            "progression": taking.progression(quiz=quiz, user=request.user, by_phase=by_phase),
        },
    )


@require_POST
@profile_complete_required
def quiz_start(request, quiz_id: int):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    context = _context_for(request, quiz)
    phase = _phase(request, context)
    key = context.key if context else ""
    try:
        attempt = services.attempt_start(quiz=quiz, user=request.user, context=key, phase=phase)
    except services.AttemptRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(taking.quiz_url(quiz, key, phase))
    return redirect("quizzes:attempt", attempt.pk)


@require_http_methods(["GET", "POST"])
@login_required
def attempt(request, attempt_id: int):
    """The attempt's form while it is open; its result (and review) once closed."""
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), pk=attempt_id)
    if attempt.user_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        return _submit(request, attempt)
    if attempt.is_open and services.attempt_expire_if_overdue(attempt_id=attempt.pk):
        messages.error(
            request, _("Le temps imparti était écoulé : la tentative est close sans être notée.")
        )
        return redirect("quizzes:attempt", attempt.pk)
    if attempt.is_open:
        return _render_form(request, attempt)
    return _render_result(request, attempt)


def _render_form(
    request, attempt, *, data=None, error: str = "", status: int = 200, questions=None
):
    if questions is None:
        questions = display.attempt_form_questions(attempt)
    submission.bind(questions, data)
    remaining = None
    if attempt.deadline:
        remaining = max(0, int((attempt.deadline - timezone.now()).total_seconds()))
    unanswered = [q for q in _flatten(questions) if q.unanswered]
    return render(
        request,
        "quizzes/attempt_form.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "questions": questions,
            "error": error,
            "unanswered": unanswered,
            "attempts_left_after": _attempts_left_after(attempt) if unanswered else None,
            "confirm_field": CONFIRM_FIELD,
            "remaining_seconds": remaining,
            "is_pre_test": attempt.phase == Phase.PRE,
        },
        status=status,
    )


def _flatten(questions):
    for question in questions:
        yield question
        yield from question.sub_questions


def _attempts_left_after(attempt) -> int | None:
    """Attempts left once this one is sent (None: unlimited, or the one-off pre-test)."""
    if attempt.phase == Phase.PRE or attempt.quiz.max_attempts is None:
        return None
    return max(0, attempt.quiz.max_attempts - attempt.number)


def _submit(request, attempt):
    questions = display.attempt_form_questions(attempt) if attempt.is_open else []
    try:
        answers = submission.answers_from_post(questions, request.POST)
        if _warn_first(request, attempt, questions):
            # Nothing is sent yet: the form comes back as it was, with the blanks named.
            return _render_form(request, attempt, data=request.POST, questions=questions)
        result = services.attempt_submit(attempt_id=attempt.pk, user=request.user, answers=answers)
    except InvalidAnswer as error:
        # A form mistake (ranks): show the form again as it was, nothing lost.
        return _render_form(request, attempt, data=request.POST, error=error.message, status=400)
    except services.AttemptRefused as refusal:
        attempt.refresh_from_db()
        if attempt.is_open:
            return _render_form(request, attempt, data=request.POST, error=str(refusal), status=400)
        messages.error(request, str(refusal))
        return redirect("quizzes:attempt", attempt.pk)
    for notice in result.notices:
        messages.success(request, notice)
    return redirect("quizzes:attempt", attempt.pk)


def _warn_first(request, attempt, questions) -> bool:
    """Questions left blank and the learner has not said "send anyway": warn first.

    Not once the time is up (the countdown sends the form by itself, and the server
    alone decides whether it came in time).
    """
    if not questions or request.POST.get(CONFIRM_FIELD):
        return False
    if taking.is_overdue(attempt):
        return False
    return bool(submission.unanswered(questions, request.POST))


def _render_result(request, attempt):
    by_phase = taking.attempts_by_phase(quiz_id=attempt.quiz_id, user=request.user)
    attempt_list = by_phase[attempt.phase]
    policy = review.review_policy(attempt, attempt_list)
    verdict = taking.availability(quiz=attempt.quiz, attempt_list=attempt_list, phase=attempt.phase)
    context = contexts.describe([attempt.context]).get(attempt.context) if attempt.context else None
    return render(
        request,
        "quizzes/attempt_result.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "context": context,
            "policy": policy,
            "items": review.review_items(attempt, policy),
            "availability": verdict,
            "quiz_url": taking.quiz_url(attempt.quiz, attempt.context, attempt.phase),
            "is_pre_test": attempt.phase == Phase.PRE,
            "expired": attempt.status == AttemptStatus.EXPIRED,
            "progression": taking.progression(
                quiz=attempt.quiz, user=request.user, by_phase=by_phase
            ),
        },
    )


# Editors ----------------------------------------------------------------------------


@require_GET
@login_required
def quiz_statistics(request, quiz_id: int):
    if not _is_staff(request.user):
        raise PermissionDenied
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    stats = analysis.quiz_statistics(quiz)
    if request.GET.get("format") == "csv":
        return _statistics_csv(quiz, stats)
    return render(request, "quizzes/quiz_statistics.html", {"quiz": quiz, "stats": stats})


def _statistics_csv(quiz, stats) -> HttpResponse:
    response, writer = csv_response(f"quiz-{quiz.pk}-statistiques.csv")
    writer.writerow([_("Tentatives"), stats.attempts])
    writer.writerow([_("Personnes"), stats.learners])
    writer.writerow([_("Score moyen (%)"), number(stats.average_percent)])
    writer.writerow([_("Taux de réussite (%)"), number(stats.pass_rate)])
    writer.writerow(
        [
            _("Gain moyen pré/post (points)"),
            number(stats.average_gain),
        ]
    )
    writer.writerow([])
    writer.writerow(
        [
            _("Question"),
            _("Type"),
            _("Étiquettes"),
            _("Réponses"),
            _("Réussite (%)"),
            _("Score moyen (%)"),
            _("Réponse proposée"),
            _("Bonne réponse"),
            _("Choisie (nombre)"),
            _("Choisie (%)"),
        ]
    )
    for question in stats.questions:
        base = [
            question.label,
            question.kind,
            ", ".join(question.tags),
            question.answered,
            number(question.success_rate),
            number(question.average_score),
        ]
        if not question.options:
            writer.writerow(base)
        for option in question.options:
            writer.writerow(
                [
                    *base,
                    option.text,
                    _("oui") if option.correct else _("non"),
                    option.count,
                    number(option.share),
                ]
            )
    return response


class GiftUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Fichier GIFT (.txt ou .gift, UTF-8)"),
        error_messages={"required": gettext_lazy("Choisissez un fichier.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > GIFT_MAX_BYTES:
            raise forms.ValidationError(_("Le fichier dépasse 2 Mo."))
        if not upload.name.lower().endswith((".txt", ".gift")):
            raise forms.ValidationError(_("Le fichier doit être au format GIFT (.txt ou .gift)."))
        raw = upload.read()
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(
                _("Le fichier n'est pas encodé en UTF-8 : enregistrez-le en UTF-8 et recommencez.")
            ) from None


def _may_edit(user) -> bool:
    return user.has_perm("quizzes.change_quiz")


@require_http_methods(["GET", "POST"])
@login_required
def gift_import(request, quiz_id: int):
    if not _may_edit(request.user):
        raise PermissionDenied
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    report = None
    form = GiftUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = services.gift_import(quiz=quiz, text=form.cleaned_data["file"])
        form = GiftUploadForm()
    return render(
        request, "quizzes/gift_import.html", {"quiz": quiz, "form": form, "report": report}
    )


@require_GET
@login_required
def gift_export(request, quiz_id: int):
    """What the GIFT file will hold and what GIFT cannot carry (ordering questions go out
    as matching, situations without their case), then the file with ?telecharger=1."""
    if not _may_edit(request.user):
        raise PermissionDenied
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    if request.GET.get("telecharger"):
        text = services.gift_export(quiz)
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="quiz-{quiz.pk}.gift.txt"'
        return response
    return render(
        request,
        "quizzes/gift_export.html",
        {"quiz": quiz, "summary": services.gift_export_summary(quiz)},
    )
