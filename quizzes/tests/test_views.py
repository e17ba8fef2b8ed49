"""Quiz pages through the test client: access, forms, tampering, editors' tools, query counts."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.tests.factories import UserFactory
from quizzes import building, services
from quizzes.constants import AttemptStatus
from quizzes.models import Attempt

from . import factories

pytestmark = pytest.mark.django_db

GIFT_FILE = Path(__file__).parent / "data" / "banque.gift"


def _start(client, quiz) -> Attempt:
    data = {}
    response = client.post(reverse("quizzes:quiz_start", args=[quiz.pk]), data)
    assert response.status_code == 302, response.content[:500]
    return Attempt.objects.filter(quiz=quiz).latest("pk")


def _field_data(attempt: Attempt, answers: dict) -> dict:
    """POST data a browser would send for `answers` (single, true/false, multiple)."""
    data = {}
    for question_id, answer in answers.items():
        data[f"q.{question_id}"] = answer
    return data


def test_start_is_post_only(client, learner):
    quiz = factories.three_question_quiz(available_alone=True)
    client.force_login(learner)

    assert client.get(reverse("quizzes:quiz_start", args=[quiz.pk])).status_code == 405
    assert not Attempt.objects.exists()


def test_someone_elses_attempt_is_not_found(client, learner):
    quiz = factories.three_question_quiz(available_alone=True)
    attempt = services.attempt_start(quiz=quiz, user=UserFactory())
    client.force_login(learner)

    assert client.get(reverse("quizzes:attempt", args=[attempt.pk])).status_code == 404
    response = client.post(reverse("quizzes:attempt", args=[attempt.pk]), {})
    assert response.status_code == 404
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.IN_PROGRESS


def test_a_forged_field_is_refused_with_a_message_and_nothing_is_graded(client, learner):
    quiz = factories.three_question_quiz(available_alone=True)
    client.force_login(learner)
    attempt = _start(client, quiz)

    data = _field_data(attempt, factories.right_answers(quiz))
    data["q.question-inventee"] = "x"
    response = client.post(reverse("quizzes:attempt", args=[attempt.pk]), data)

    assert response.status_code == 400
    assert "ne fait pas partie du tirage" in response.content.decode()
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.IN_PROGRESS


def test_a_replayed_submission_is_refused(client, learner):
    quiz = factories.three_question_quiz(available_alone=True)
    client.force_login(learner)
    attempt = _start(client, quiz)
    url = reverse("quizzes:attempt", args=[attempt.pk])
    client.post(url, _field_data(attempt, factories.wrong_answers(quiz)) | {"envoi_confirme": "1"})

    response = client.post(url, _field_data(attempt, factories.right_answers(quiz)), follow=True)

    assert "déjà été envoyée" in response.content.decode()
    assert Attempt.objects.get(pk=attempt.pk).passed is False


def test_ordering_and_matching_fields_and_a_rank_mistake_keeps_the_answers(client, learner):
    quiz = factories.quiz(
        factories.ordering(
            "Remettez dans l'ordre le cycle de la violence",
            ["Climat de tension", "Agression", "Justification", "Lune de miel"],
        ),
        factories.matching(
            "Associez chaque numéro à son service",
            [
                ("3919", "Violences Femmes Info"),
                ("119", "Enfance en danger"),
                ("17", "Police secours"),
            ],
        ),
        available_alone=True,
    )
    client.force_login(learner)
    attempt = _start(client, quiz)
    ordering, matching = (
        building.from_json(q)
        for q in sorted(attempt.questions, key=lambda q: q["kind"] != "ordering")
    )
    url = reverse("quizzes:attempt", args=[attempt.pk])
    data = {f"q.{ordering.id}.{item.id}": "1" for item in ordering.items}  # every rank 1
    data.update({f"q.{matching.id}.{p.prompt_id}": p.answer_id for p in matching.pairs})

    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "rang différent" in html
    assert f'value="{matching.pairs[0].answer_id}" selected' in html  # nothing lost

    data.update({f"q.{ordering.id}.{item.id}": str(n) for n, item in enumerate(ordering.items, 1)})
    assert client.post(url, data).status_code == 302
    assert Attempt.objects.get(pk=attempt.pk).percent == 100


def test_blank_questions_are_named_before_sending_and_sent_once_confirmed(client, learner):
    quiz = factories.quiz(
        factories.single("Quel numéro ?", "Le 3919", "Le 17"),
        factories.situation(
            "Accueil",
            "Une femme se présente.",
            factories.true_false("Vous l'écoutez ?", True),
            factories.true_false("Vous la renvoyez ?", False),
        ),
        available_alone=True,
        max_attempts=3,
        shuffle_answers=False,
    )
    client.force_login(learner)
    attempt = _start(client, quiz)
    single, case = sorted(
        (building.from_json(q) for q in attempt.questions), key=lambda q: q.kind == "situation"
    )
    n = 1 + [q["id"] for q in attempt.questions].index(case.id)
    listen = case.sub_questions[0]
    data = {f"q.{single.id}": single.choices[0].id}
    data[f"q.{case.id}.{listen.id}"] = "true"
    url = reverse("quizzes:attempt", args=[attempt.pk])

    warned = client.post(url, data)

    html = warned.content.decode()
    assert warned.status_code == 200 and "1 question sans réponse" in html
    assert f"Question {n}.2" in html and "il vous restera 2 tentatives" in html
    assert f'value="{single.choices[0].id}" checked' in html  # nothing lost
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.IN_PROGRESS

    sent = client.post(url, data | {"envoi_confirme": "1"})
    assert sent.status_code == 302
    assert Attempt.objects.get(pk=attempt.pk).status == AttemptStatus.SUBMITTED


def test_sub_questions_are_numbered_under_their_situation(client, learner):
    quiz = factories.quiz(
        factories.single("Première question", "Oui", "Non"),
        factories.situation(
            "Accueil",
            "Une femme se présente.",
            factories.true_false("Sous-question A", True),
            factories.true_false("Sous-question B", True),
        ),
        factories.single("Dernière question", "Oui", "Non"),
        available_alone=True,
    )
    client.force_login(learner)
    attempt = _start(client, quiz)
    order = {q["id"]: n for n, q in enumerate(attempt.questions, 1)}
    case = next(q for q in attempt.questions if q["kind"] == "situation")
    n = order[case["id"]]

    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()

    assert f"{n}.1. Sous-question A" in html and f"{n}.2. Sous-question B" in html
    assert "1. Sous-question A" not in html.replace(f"{n}.1. Sous-question A", "")


def test_statistics_are_for_trainers_and_editors_with_csv(client, learner, editor):
    quiz = factories.three_question_quiz()
    services.attempt_submit(
        attempt_id=services.attempt_start(quiz=quiz, user=learner).pk,
        user=learner,
        answers=factories.right_answers(quiz),
    )
    url = reverse("quizzes:quiz_statistics", args=[quiz.pk])
    client.force_login(learner)
    assert client.get(url).status_code == 403

    client.force_login(editor)
    page = client.get(url)
    assert page.status_code == 200 and "100,0 %" in page.content.decode()
    export = client.get(url, {"format": "csv"})
    text = export.content.decode("utf-8-sig")
    assert export["Content-Type"].startswith("text/csv")
    assert "Le 3919;oui;1;100,0" in text  # French decimal comma, for spreadsheets


def test_gift_import_reports_bad_questions_and_export_round_trips(client, editor, learner):
    quiz = factories.quiz(title="Banque accueil")
    url = reverse("quizzes:gift_import", args=[quiz.pk])
    client.force_login(learner)
    assert client.get(url).status_code == 403

    client.force_login(editor)
    upload = SimpleUploadedFile("banque.gift", GIFT_FILE.read_bytes())
    response = client.post(url, {"file": upload})

    html = response.content.decode()
    quiz.refresh_from_db()
    imported = len(quiz.questions.raw_data)
    assert imported > 0 and f"{imported} questions importées" in html
    assert "Ligne " in html  # the invalid questions are listed with their line
    # Imported questions are real questions: an attempt can be drawn and graded.
    attempt = services.attempt_start(quiz=quiz, user=learner)
    graded = services.attempt_submit(
        attempt_id=attempt.pk, user=learner, answers=factories.right_answers(quiz)
    )
    assert graded.attempt.percent == 100

    export = client.get(reverse("quizzes:gift_export", args=[quiz.pk]), {"telecharger": "1"})
    assert export.status_code == 200
    assert "Une femme se présente au commissariat" in export.content.decode()


def test_gift_import_refuses_a_file_that_is_not_utf8(client, editor):
    quiz = factories.quiz(title="Banque")
    client.force_login(editor)
    upload = SimpleUploadedFile("banque.gift", "Question é {TRUE}".encode("latin-1"))

    response = client.post(reverse("quizzes:gift_import", args=[quiz.pk]), {"file": upload})

    assert "encodé en UTF-8" in response.content.decode()
    quiz.refresh_from_db()
    assert len(quiz.questions.raw_data) == 0


def _count(client, url) -> int:
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_quiz_pages_do_not_issue_queries_per_question(client, learner, editor):
    small = factories.quiz(factories.true_false("Q", True), available_alone=True)
    large = factories.quiz(
        *(factories.true_false(f"Q{n}", True) for n in range(6)),
        factories.situation("Cas", "Une situation.", factories.true_false("Sous-question", True)),
        available_alone=True,
    )
    client.force_login(learner)
    counts = {}
    for name, quiz in (("small", small), ("large", large)):
        attempt = services.attempt_start(quiz=quiz, user=learner)
        form = _count(client, reverse("quizzes:attempt", args=[attempt.pk]))
        services.attempt_submit(attempt_id=attempt.pk, user=learner, answers={})
        result = _count(client, reverse("quizzes:attempt", args=[attempt.pk]))
        counts[name] = (form, result)
    assert counts["small"] == counts["large"]

    client.force_login(editor)
    assert _count(client, reverse("quizzes:quiz_statistics", args=[small.pk])) == _count(
        client, reverse("quizzes:quiz_statistics", args=[large.pk])
    )


def test_a_situation_shows_its_image_with_its_text_alternative(client, learner, settings, tmp_path):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    settings.MEDIA_ROOT = tmp_path
    image = Image.objects.create(title="Commissariat", file=get_test_image_file())
    block = factories.situation(
        "Au guichet",
        "Une femme attend à l'accueil.",
        factories.true_false("Elle peut porter plainte.", True),
    )
    block["value"]["image"] = image.pk
    block["value"]["image_alt"] = "Le hall d'accueil d'un commissariat"
    quiz = factories.quiz(block, available_alone=True)
    client.force_login(learner)

    attempt = _start(client, quiz)
    html = client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode()

    assert image.file.url in html
    assert 'alt="Le hall d&#x27;accueil d&#x27;un commissariat"' in html


def test_the_statistics_csv_keeps_questions_and_answers_as_text(client, learner, editor):
    from core.tests.spreadsheet_checks import PAYLOAD, assert_csv_neutralised

    quiz = factories.quiz(factories.single(PAYLOAD, "@SUM(1)", "+33 3919"))
    services.attempt_submit(
        attempt_id=services.attempt_start(quiz=quiz, user=learner).pk,
        user=learner,
        answers=factories.right_answers(quiz),
    )
    client.force_login(editor)
    url = reverse("quizzes:quiz_statistics", args=[quiz.pk])
    content = client.get(url, {"format": "csv"}).content
    for text in (PAYLOAD, "@SUM(1)", "+33 3919"):
        assert_csv_neutralised(content, text)


def test_gift_export_of_every_question_kind_answers_and_says_what_gift_lacks(client, editor):
    quiz = factories.quiz(
        factories.single("Numéro d'écoute ?", "Le 3919", "Le 15"),
        factories.ordering("Remettez dans l'ordre", ["Écouter", "Protéger", "Orienter"]),
        factories.situation(
            "Accueil",
            "<p>Une femme se présente.</p>",
            factories.true_false("Elle peut porter plainte.", True),
            factories.matching("Associez", [("ITT", "Médecin"), ("Plainte", "OPJ"), ("A", "B")]),
        ),
        title="Toutes sortes",
    )
    client.force_login(editor)

    url = reverse("quizzes:gift_export", args=[quiz.pk])
    page = client.get(url).content.decode()
    # Said to the editor before the download, not only inside the file.
    assert "Le fichier contiendra 4 questions." in page
    assert "Remise en ordre « Remettez dans l&#x27;ordre » exportée en association" in page

    export = client.get(url, {"telecharger": "1"})

    assert export.status_code == 200 and "attachment" in export["Content-Disposition"]
    text = export.content.decode()
    assert "// Remise en ordre « Remettez dans l'ordre » exportée en association" in text
    assert "// Mise en situation « Accueil »" in text
    assert "=Écouter -> 1 =Protéger -> 2 =Orienter -> 3" in text


@pytest.mark.parametrize("context", ["module:²", "module:" + "9" * 30, "module:", "inconnu:1"])
def test_a_forged_quiz_context_is_not_found(client, learner, context):
    quiz = factories.three_question_quiz(available_alone=True)
    client.force_login(learner)

    response = client.get(reverse("quizzes:quiz_detail", args=[quiz.pk]), {"contexte": context})

    assert response.status_code == 404
