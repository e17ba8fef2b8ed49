"""Issuing on module completion, the PDF's content, idempotence, failures, validity."""

from datetime import date, timedelta

import pytest
import time_machine
from celery.exceptions import Retry
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from certificates import rendering, services, tasks
from certificates.codes import generate_code, normalize_code
from certificates.constants import CODE_ALPHABET, EventAction, RenderStatus
from certificates.models import Attestation
from core.tests.pdf_text import pdf_text
from courses.services import add_months

from .factories import complete_module, on_commit, pdf_qr_codes

pytestmark = pytest.mark.django_db


def test_completing_a_module_issues_one_attestation_whose_pdf_holds_name_module_and_code(
    learner,
):
    module, completion = complete_module(learner, title="Psychotraumatisme", duration_minutes=90)

    attestation = Attestation.objects.get(user=learner)
    assert attestation.source == f"module-completion:{completion.pk}"
    assert attestation.subject == f"module:{module.pk}"
    assert attestation.render_status == RenderStatus.READY  # eager Celery in tests
    data = attestation.pdf.read()
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert learner.get_full_name() in text
    assert "Psychotraumatisme" in text
    assert attestation.code in text
    assert "1 h 30" in text
    assert "Police nationale" in text  # the learner's profession
    assert "Attestation de formation" in text or "Attestation de sensibilisation" in text
    # The QR code leads to the public verification page of this code.
    assert pdf_qr_codes(data) == [
        settings.SITE_URL + reverse("certificates:verify", args=[attestation.code])
    ]


def test_the_score_of_the_final_assessment_is_printed(learner):
    from quizzes import services as quiz_services
    from quizzes.tests import factories as quiz_factories

    quiz = quiz_factories.three_question_quiz()
    module, _ = complete_module(learner, title="ITT")
    Attestation.objects.all().delete()
    module.completions.all().delete()
    module.final_quiz = quiz
    module.save_revision().publish()
    attempt = quiz_services.attempt_start(quiz=quiz, user=learner, context=f"module:{module.pk}")
    with on_commit():
        quiz_services.attempt_submit(
            attempt_id=attempt.pk, user=learner, answers=quiz_factories.right_answers(quiz)
        )

    attestation = Attestation.objects.get(user=learner)
    assert attestation.score == 100
    text = pdf_text(attestation.pdf.read())
    assert "Score à l'évaluation" in text
    assert "100 %" in text


def test_issuing_twice_for_the_same_completion_keeps_one_attestation(learner):
    _, completion = complete_module(learner)
    first = Attestation.objects.get(user=learner)
    again = services.attestation_issue(
        user=learner,
        source=f"module-completion:{completion.pk}",
        subject="module:1",
        title="Autre titre",
        kind="formation",
        completed_at=timezone.now(),
    )
    assert again.pk == first.pk
    assert Attestation.objects.filter(user=learner).count() == 1


def test_a_render_task_delivered_twice_renders_once(learner):
    complete_module(learner)
    attestation = Attestation.objects.get(user=learner)

    assert tasks.attestation_render.apply(args=[attestation.pk]).get() == "already"
    assert tasks.attestation_render.apply(args=[attestation.pk]).get() == "already"
    attestation.refresh_from_db()
    assert attestation.render_count == 1
    assert attestation.events.filter(action=EventAction.RENDERED).count() == 1


def _broken_render(calls):
    def broken(attestation, **kwargs):
        calls.append(attestation.pk)
        raise OSError("police de caractères introuvable")

    return broken


def test_a_failing_render_is_shown_failed_with_its_error(learner, monkeypatch):
    calls = []
    monkeypatch.setattr(services, "render_pdf", _broken_render(calls))
    complete_module(learner)  # the completion itself is not affected

    attestation = Attestation.objects.get(user=learner)
    assert calls == [attestation.pk]  # eager: no retry inside the learner's request
    assert attestation.render_status == RenderStatus.FAILED
    assert "police de caractères introuvable" in attestation.render_error
    assert attestation.events.filter(action=EventAction.RENDER_FAILED).count() == 1
    assert not attestation.pdf


@pytest.mark.parametrize(("retries", "countdown"), [(0, 30), (1, 120), (3, 1920)])
def test_a_worker_retries_a_failed_render_with_backoff(learner, monkeypatch, retries, countdown):
    monkeypatch.setattr(services, "_queue_renders", lambda ids: None)
    complete_module(learner)
    attestation = Attestation.objects.get(user=learner)
    monkeypatch.setattr(services, "render_pdf", _broken_render([]))
    task = tasks.attestation_render
    sent = []  # what would go to the broker
    monkeypatch.setattr(task, "apply_async", lambda *args, **kwargs: sent.append(kwargs))

    task.push_request(
        args=[attestation.pk], kwargs={}, retries=retries, is_eager=False, called_directly=False
    )
    try:
        with pytest.raises(Retry) as retry:
            task.run(attestation.pk)
    finally:
        task.pop_request()

    assert retry.value.when == countdown
    assert sent and sent[0]["countdown"] == countdown
    attestation.refresh_from_db()
    assert attestation.render_status == RenderStatus.PENDING  # not final yet
    assert "police de caractères introuvable" in attestation.render_error


def test_the_last_retry_marks_the_render_failed(learner, monkeypatch):
    monkeypatch.setattr(services, "_queue_renders", lambda ids: None)
    complete_module(learner)
    attestation = Attestation.objects.get(user=learner)
    monkeypatch.setattr(services, "render_pdf", _broken_render([]))
    task = tasks.attestation_render

    task.push_request(args=[attestation.pk], kwargs={}, retries=task.max_retries, is_eager=False)
    try:
        assert task.run(attestation.pk) == "failed"
    finally:
        task.pop_request()
    attestation.refresh_from_db()
    assert attestation.render_status == RenderStatus.FAILED


def test_regenerating_a_failed_render_delivers_the_pdf(learner, administrator, monkeypatch):
    monkeypatch.setattr(services, "render_pdf", _broken_render([]))
    complete_module(learner)
    monkeypatch.undo()

    with on_commit():
        services.attestations_regenerate(by=administrator)
    attestation = Attestation.objects.get(user=learner)
    assert attestation.render_status == RenderStatus.READY
    assert attestation.render_error == ""
    assert attestation.render_count == 1


def test_regeneration_keeps_the_code_and_replaces_the_file(learner, administrator):
    complete_module(learner)
    attestation = Attestation.objects.get(user=learner)
    code, old_name = attestation.code, attestation.pdf.name

    with on_commit():
        assert services.attestations_regenerate(by=administrator) == 1

    attestation.refresh_from_db()
    assert attestation.code == code
    assert attestation.render_count == 2
    assert attestation.pdf.name != old_name
    assert not attestation.pdf.storage.exists(old_name)
    assert code in pdf_text(attestation.pdf.read())
    assert attestation.events.filter(action=EventAction.REGENERATION, actor=administrator).exists()


def test_stale_pending_renders_are_queued_again(learner, monkeypatch):
    monkeypatch.setattr(services, "_queue_renders", lambda ids: None)  # the task is lost
    complete_module(learner)
    attestation = Attestation.objects.get(user=learner)
    assert attestation.render_status == RenderStatus.PENDING
    monkeypatch.undo()

    assert services.attestations_requeue_stale() == 0  # just queued: not stale yet
    Attestation.objects.filter(pk=attestation.pk).update(
        render_queued_at=timezone.now() - timedelta(hours=1)
    )
    with on_commit():
        assert services.attestations_requeue_stale() == 1
    attestation.refresh_from_db()
    assert attestation.render_status == RenderStatus.READY


def test_validity_period_prints_the_expiry_date_and_expires(learner):
    with time_machine.travel(date(2026, 1, 31), tick=False):
        complete_module(learner, validity_months=13)
    attestation = Attestation.objects.get(user=learner)
    assert attestation.valid_until == date(2027, 2, 28)
    assert "28 février 2027" in pdf_text(attestation.pdf.read())
    with time_machine.travel(date(2027, 2, 28), tick=False):
        assert not attestation.is_expired
    with time_machine.travel(date(2027, 3, 1), tick=False):
        assert attestation.is_expired


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 23), 12, date(2027, 11, 23)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_codes_use_no_ambiguous_character_and_normalise_as_typed():
    code = generate_code()
    prefix, *groups = code.split("-")
    assert prefix == "EGD" and [len(g) for g in groups] == [4, 4, 4]
    assert all(c in CODE_ALPHABET for c in "".join(groups))
    assert not set("01IOLSZB258") & set("".join(groups))
    typed = " " + "".join(groups).lower() + " "
    assert normalize_code(typed) == code
    assert normalize_code(code.replace("-", " ")) == code
    assert normalize_code("EGD-0000-0000-0000") is None
    assert normalize_code("EGD-ACDE") is None


def test_the_template_is_readable_html_with_the_issuer_of_the_day(learner):
    from certificates import services as certificate_services
    from territories.models import Departement

    certificate_services.issuer_profile_save(
        by=None,
        territory=Departement.objects.get(code=learner.departement_id),
        issuer="Délégation départementale du Pas-de-Calais",
        signatory_name="Marie Dupont",
    )
    complete_module(learner)
    attestation = Attestation.objects.get(user=learner)
    html = rendering.render_html(attestation)
    assert "Marie Dupont" in html
    assert attestation.issuer == "Délégation départementale du Pas-de-Calais"


def test_a_code_copied_from_the_pdf_reads_back_exactly_whatever_its_letters(learner):
    """Every ordered pair of the code's letters, printed once: none is read with a space
    between (a gap between two glyphs made some codes copy as "…-MQ JE…")."""
    _module, _completion = complete_module(learner, title="Continuum", duration_minutes=60)
    attestation = Attestation.objects.get(user=learner)
    # A de Bruijn sequence: each ordered pair of the alphabet appears once, cut into the
    # code's groups of four.
    n, sequence, a = len(CODE_ALPHABET), [], [0] * (2 * len(CODE_ALPHABET))

    def db(t, p):
        if t > 2:
            if 2 % p == 0:
                sequence.extend(a[1 : p + 1])
        else:
            a[t] = a[t - p]
            db(t + 1, p)
            for j in range(a[t - p] + 1, n):
                a[t] = j
                db(t + 1, t)

    db(1, 1)
    symbols = "".join(CODE_ALPHABET[i] for i in sequence) + CODE_ALPHABET[sequence[0]]
    groups = [symbols[i : i + 4] for i in range(0, len(symbols), 4)]
    codes = ["EGD-" + "-".join(groups[i : i + 3]) for i in range(0, len(groups), 3)]
    for code in codes:
        attestation.code = code  # in memory only: printed, never saved
        data = rendering.render_pdf(attestation)
        assert code in pdf_text(data), code


@pytest.mark.parametrize(
    "name",
    [
        '<img src=x onerror="alert(5)">',
        "<b>Inès</b> </p><script>alert(1)</script>",
        '=HYPERLINK("http://evil.example/","clic")',
    ],
)
def test_a_name_or_title_holding_markup_is_printed_as_text(learner, name):
    learner.last_name = name
    learner.save()
    complete_module(learner, title=f"Module {name}", duration_minutes=60)

    text = pdf_text(Attestation.objects.get(user=learner).pdf.read())

    # The characters themselves, not interpreted: no markup ran in the printer.
    assert name in text
    assert f"Module {name}" in text
