"""Editors' text cannot carry script into the quiz, review and statistics pages.

Situation cases are rich text: cleaned by the allow-list on save, at render time
(rows stored earlier, attempt snapshots) and by the data migration. Question texts,
explanations and answers are plain text, always escaped; GIFT imports keep the
words of HTML, never its markup.
"""

from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.rich_text import sanitise
from quizzes.constants import ReviewAnswers
from quizzes.models import Attempt, Quiz

from . import factories

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(7)</script>",
    "<img src=x onerror=alert(7)>",
    '<a href="javascript:alert(7)">lien</a>',
    "<svg onload=alert(7)>",
    '<a href="jAvAsCrIpT:alert(7)">lien</a>',
    '<a href="&#106;avascript:alert(7)">lien</a>',
    "&lt;script&gt;alert(7)&lt;/script&gt;",
    "<iframe src=javascript:alert(7)>",
    "Question <img src=x onerror=alert(7)//",
]


class _ActiveContent(HTMLParser):
    """Collect what a browser would run: script bodies, event handlers, script URLs."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        if tag in {"svg", "iframe", "object", "embed"}:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or value.startswith(("javascript:", "data:text")):
                self.found.append(f"{tag} {name}={value}")
            if "alert(7)" in value:
                self.found.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert(7)" in data:
            self.found.append(f"<script>{data}")


def assert_inert(page: str) -> None:
    parser = _ActiveContent()
    parser.feed(page)
    assert parser.found == []


def _quiz_with_payloads() -> Quiz:
    """Payloads in every text of a quiz, stored raw as older rows or a crafted POST left them."""
    payload = " ".join(PAYLOADS)
    case = factories.situation(
        "Accueil",
        payload,
        factories.single(f"Sous-question {payload}", f"Oui {PAYLOADS[1]}", f"Non {PAYLOADS[0]}"),
        explanation=payload,
    )
    return factories.quiz(
        factories.single(
            f"Énoncé {payload}",
            f"Bonne {PAYLOADS[3]}",
            f"Mauvaise {PAYLOADS[2]}",
            explanation=payload,
        ),
        case,
        available_alone=True,
        review_answers=ReviewAnswers.ALWAYS,
    )


def test_quiz_review_and_statistics_pages_render_no_active_content(client, learner, editor):
    quiz = _quiz_with_payloads()
    client.force_login(learner)
    client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    attempt_url = reverse("quizzes:attempt", args=[attempt.pk])

    page = client.get(attempt_url).content.decode()
    assert "Énoncé" in page and "Accueil" in page
    assert_inert(page)

    # Sent blank: the warning about blank questions renders the texts again, inert too.
    warned = client.post(attempt_url, {})
    assert "2 questions sans réponse" in warned.content.decode()
    assert_inert(warned.content.decode())
    review = client.post(attempt_url, {"envoi_confirme": "1"}, follow=True)
    assert "Explication" in review.content.decode()
    assert_inert(review.content.decode())

    client.force_login(editor)
    statistics = client.get(reverse("quizzes:quiz_statistics", args=[quiz.pk]))
    assert statistics.status_code == 200
    assert_inert(statistics.content.decode())


def test_situation_case_is_sanitised_when_saved():
    quiz = _quiz_with_payloads()
    list(quiz.questions)  # bound blocks, as the editor's form gives them

    quiz.save()

    quiz.refresh_from_db()
    (situation,) = [b for b in quiz.questions.raw_data if b["type"] == "situation"]
    assert situation["value"]["case"] == sanitise(situation["value"]["case"])
    assert (
        "onerror" not in situation["value"]["case"] and "<script" not in situation["value"]["case"]
    )
    assert situation["value"]["case"].startswith("<p>")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sanitiser_keeps_the_words_and_drops_what_runs(payload):
    assert_inert(sanitise(f"<p>Avant {payload} après</p>"))
    assert sanitise("<p><b>gras</b> <a href='https://x.fr'>lien</a></p>") == (
        '<p><b>gras</b> <a href="https://x.fr" rel="noopener noreferrer">lien</a></p>'
    )


def test_gift_import_stores_the_words_of_html_never_its_markup(client, editor, learner):
    quiz = factories.quiz(title="Import", available_alone=True)
    lines = [
        f"::Q{number}::[html]Question {payload} {{=oui ~non####Parce que {payload}}}"
        for number, payload in enumerate(PAYLOADS)
    ]
    upload = SimpleUploadedFile("banque.gift", "\n\n".join(lines).encode())
    client.force_login(editor)

    response = client.post(reverse("quizzes:gift_import", args=[quiz.pk]), {"file": upload})

    assert f"{len(PAYLOADS)} questions importées" in response.content.decode()
    quiz.refresh_from_db()
    texts = [b["value"]["text"] for b in quiz.questions.raw_data]
    assert "Question" in texts[-1] and all("onerror" not in t and "<img" not in t for t in texts)
    client.force_login(learner)
    client.post(reverse("quizzes:quiz_start", args=[quiz.pk]))
    attempt = Attempt.objects.get(quiz=quiz)
    assert_inert(client.get(reverse("quizzes:attempt", args=[attempt.pk])).content.decode())


def test_data_migration_cleans_stored_situations_and_attempt_snapshots(learner):
    from importlib import import_module

    from django.apps import apps

    from quizzes import services

    migration = import_module("quizzes.migrations.0005_situation_case_sanitised")
    quiz = _quiz_with_payloads()
    attempt = services.attempt_start(quiz=quiz, user=learner)
    Attempt.objects.filter(pk=attempt.pk).update(
        questions=[
            {**q, "text": q["text"] + PAYLOADS[0]} if q["kind"] == "situation" else q
            for q in attempt.questions
        ]
    )

    migration.sanitise_situation_cases(apps, None)

    quiz.refresh_from_db()
    (situation,) = [b for b in quiz.questions.raw_data if b["type"] == "situation"]
    assert (
        "<script" not in situation["value"]["case"] and "onerror" not in situation["value"]["case"]
    )
    snapshot = Attempt.objects.get(pk=attempt.pk).questions
    texts = [q["text"] for q in snapshot if q["kind"] == "situation"]
    assert texts and all("<script" not in t and "onerror" not in t for t in texts)
