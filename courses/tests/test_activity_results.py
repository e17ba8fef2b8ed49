"""Results of the H5P activities: what trainers and editors read (figures, the distribution
of the responses per question, CSV), who may read them, and each learner's own verdicts on
the module page. Statements are written as the ingestion stores them (server verdicts)."""

import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from core.tests.spreadsheet_checks import PAYLOAD, assert_csv_neutralised, csv_is_formula_free
from courses import services
from courses.constants import PackageStatus
from courses.h5p.authoring import sample_content, sample_h5p_json
from courses.models import ActivityResult, H5PPackage, XAPIStatement
from courses.selectors import activity_results as selectors

from . import factories

pytestmark = pytest.mark.django_db

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
# Sub-questions of the QuestionSet sample (vendor/h5p/samples/questionset).
QS_MULTI = "1e1ec641-d9e6-4d9a-8f16-be133374d835"
QS_TRUE_FALSE = "f8970136-7ccd-45b7-b7fd-76fdb78054d8"
QS_BLANKS = "ee103d7c-f59c-404d-b220-6368ca193b9b"


@pytest.fixture
def trainer(db):
    return UserFactory(role=Role.TRAINER, profession="autre", employer="CIDFF")


def _package(kind: str, title: str | None = None, content: dict | None = None) -> H5PPackage:
    """A ready package of a vendored sample (its h5p.json and content.json are the key)."""
    h5p_json = sample_h5p_json(kind)
    return H5PPackage.objects.create(
        title=title or kind,
        file=f"h5p/uploads/{kind}.h5p",
        status=PackageStatus.READY,
        main_library=h5p_json["mainLibrary"],
        h5p_json=h5p_json,
        content_json=content or sample_content(kind),
    )


def _answer(user, package, lesson, response, *, raw, top=1, question="", success=None):
    """An answer as the ingestion records it: the server's verdict on the response."""
    return XAPIStatement.objects.create(
        statement_id=uuid.uuid4(),
        user=user,
        package=package,
        lesson=lesson,
        verb=ANSWERED,
        raw={},
        question_id=question,
        response=response,
        server_raw=Decimal(raw),
        server_max=Decimal(top),
        server_success=raw == top if success is None else success,
    )


def _result(user, package, lesson, *, success, score, completed=True, attempts=1):
    return ActivityResult.objects.create(
        user=user,
        package=package,
        lesson=lesson,
        module=lesson.module,
        attempts=attempts,
        completed=completed,
        success=success,
        score_scaled=None if score is None else Decimal(score),
        server_checked=success is not None,
    )


def _lesson_with(*packages, module=None, title="Leçon des activités"):
    module = module or factories.module(title="Repérer les violences", lessons=0)
    return factories.lesson(module_page=module, title=title, packages=list(packages))


def test_a_multiple_choice_shows_which_distractor_was_chosen(client, trainer):
    package = _package("multichoice", title="Le numéro d'écoute")
    lesson = _lesson_with(package)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    _answer(first, package, lesson, "0", raw=1)
    _answer(second, package, lesson, "1", raw=0)  # 115, a distractor
    _answer(second, package, lesson, "0", raw=1)  # then right
    _answer(third, package, lesson, "3", raw=0)
    _result(first, package, lesson, success=True, score="1")
    _result(second, package, lesson, success=True, score="1", attempts=2)
    _result(third, package, lesson, success=False, score="0")

    results = selectors.activity_results(package=package)

    assert (results.figures.people, results.figures.attempts) == (3, 4)
    assert results.figures.success_rate == Decimal("66.7")
    assert results.figures.average_score == Decimal("66.7")
    [question] = results.questions
    assert question.label.startswith("Quel numéro national d'écoute")
    assert (question.answered, question.people, question.success_rate) == (4, 3, Decimal("50.0"))
    picked = {choice.label: (choice.count, choice.share) for choice in question.choices}
    assert picked == {
        "3919": (2, Decimal("50.0")),
        "115": (1, Decimal("25.0")),
        "119": (0, Decimal("0.0")),
        "3977": (1, Decimal("25.0")),
    }

    client.force_login(trainer)
    html = client.get(reverse("courses:activity_results", args=[package.pk])).content.decode()
    assert "Quel numéro national d&#x27;écoute" in html
    assert '<meter min="0" max="100" value="50.0"' in html and "50,0 %" in html
    assert 'id="taux-reussite">66,7 %' in html


def test_a_question_set_shows_each_question_and_groups_typed_answers(client, editor):
    package = _package("questionset", title="Série")
    lesson = _lesson_with(package)
    people = [UserFactory() for _ in range(3)]
    for person, blank in zip(people, ("114", "115", "114 "), strict=True):
        _answer(person, package, lesson, blank, raw=int(blank.strip() == "114"), question=QS_BLANKS)
    _answer(people[0], package, lesson, "0[,]1[,]3", raw=3, top=3, question=QS_MULTI)
    _answer(people[1], package, lesson, "2", raw=0, top=3, question=QS_MULTI)
    _answer(people[0], package, lesson, "true", raw=1, question=QS_TRUE_FALSE)
    # The set's own total is no question; an answer to a question deleted since is kept.
    _answer(people[0], package, lesson, "", raw=4, top=5, question="")
    _answer(people[2], package, lesson, "0", raw=1, question="une-question-supprimee")

    questions = {q.id: q for q in selectors.activity_results(package=package).questions}

    assert list(questions) == [QS_MULTI, QS_TRUE_FALSE, QS_BLANKS, "une-question-supprimee"]
    multi = questions[QS_MULTI]
    assert [choice.count for choice in multi.choices] == [1, 1, 1, 1]  # every choice picked once
    assert multi.average_score == Decimal("50.0")
    [typed] = questions[QS_BLANKS].groups
    assert [(r.text, r.count) for r in typed.responses] == [("114", 2), ("115", 1)]
    assert questions["une-question-supprimee"].removed

    client.force_login(editor)
    html = client.get(reverse("courses:activity_results", args=[package.pk])).content.decode()
    assert "Question retirée de l&#x27;activité" in html
    assert "Le 3919 est accessible gratuitement" in html
    assert html.count("<caption>") == 4  # one table per choice list or typed answers


def test_blanks_are_grouped_per_blank_and_a_learner_text_stays_text(client, editor):
    package = _package("blanks", title="Les numéros")
    lesson = _lesson_with(package)
    learner = UserFactory()
    _answer(learner, package, lesson, "3919[,]17[,]114", raw=3, top=3)
    _answer(learner, package, lesson, "3918[,]17[,]<b>115</b>", raw=1, top=3)

    [question] = selectors.activity_results(package=package).questions

    assert [group.label for group in question.groups] == ["Champ 1", "Champ 2", "Champ 3"]
    assert [(r.text, r.count) for r in question.groups[1].responses] == [("17", 2)]
    client.force_login(editor)
    html = client.get(reverse("courses:activity_results", args=[package.pk])).content.decode()
    assert "&lt;b&gt;115&lt;/b&gt;" in html and "<b>115</b>" not in html


def test_marking_words_lists_the_words_picked_not_every_word_of_the_text(client, editor):
    package = _package("markthewords", title="Les mots")
    lesson = _lesson_with(package)
    _answer(UserFactory(), package, lesson, "8[,]12[,]23", raw=3, top=3)
    _answer(UserFactory(), package, lesson, "8[,]33", raw=0, top=3)

    [question] = selectors.activity_results(package=package).questions

    assert [(c.id, c.count) for c in question.choices] == [
        ("8", 2),
        ("12", 1),
        ("23", 1),
        ("33", 1),
    ]
    assert question.unpicked > 0
    client.force_login(editor)
    html = client.get(reverse("courses:activity_results", args=[package.pk])).content.decode()
    assert f"{question.unpicked} autres réponses proposées n'ont jamais été choisies" in html


def test_results_filter_by_module_and_by_lesson(client, editor):
    package = _package("truefalse", title="Le 3919")
    first_module = factories.module(title="Accueillir", lessons=0)
    second_module = factories.module(title="Orienter", lessons=0)
    first = _lesson_with(package, module=first_module, title="Au guichet")
    second = _lesson_with(package, module=second_module, title="Au téléphone")
    for lesson, response in ((first, "true"), (second, "false"), (second, "false")):
        learner = UserFactory()
        _answer(learner, package, lesson, response, raw=int(response == "true"))
        _result(learner, package, lesson, success=response == "true", score=0)

    everywhere = selectors.activity_results(package=package)
    in_module = selectors.activity_results(package=package, module=second_module)
    in_lesson = selectors.activity_results(package=package, lesson=first)

    assert [everywhere.figures.people, in_module.figures.people, in_lesson.figures.people] == [
        3,
        2,
        1,
    ]
    assert [c.count for c in in_module.questions[0].choices] == [0, 2]  # ("true", "false")
    assert [c.count for c in in_lesson.questions[0].choices] == [1, 0]
    assert {(c.module_title, c.lesson_title) for c in everywhere.lessons} == {
        ("Accueillir", "Au guichet"),
        ("Orienter", "Au téléphone"),
    }
    client.force_login(editor)
    url = reverse("courses:activity_results", args=[package.pk])
    page = client.get(url, {"lecon": first.pk}).content.decode()
    assert 'id="personnes">1<' in page and "Dans la leçon « Au guichet »" in page
    assert client.get(url, {"module": second_module.pk}).context["results"].figures.people == 2
    assert client.get(url, {"lecon": 999999}).status_code == 404


def test_only_those_who_follow_learners_see_the_results(client, learner, editor, trainer):
    package = _package("truefalse")
    lesson = _lesson_with(package)
    other = UserFactory(email="autre.apprenante@example.org")
    _answer(other, package, lesson, "true", raw=1)
    _result(other, package, lesson, success=True, score=1)
    urls = [
        reverse("courses:activity_results", args=[package.pk]),
        reverse("courses:activity_results", args=[package.pk]) + "?format=csv",
        reverse("courses:module_activity_results", args=[lesson.module.pk]),
        reverse("courses:module_activity_results", args=[lesson.module.pk]) + "?format=csv",
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # to the login page
    client.force_login(learner)
    for url in urls:
        assert client.get(url).status_code == 403
    for person in (trainer, editor):
        client.force_login(person)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200
            # Figures, never names: nobody's address shows on these pages.
            assert other.email not in response.content.decode("utf-8-sig")
    assert client.post(urls[0]).status_code == 405


def test_the_csv_exports_keep_typed_text_as_text(client, editor):
    package = _package("truefalse", title=PAYLOAD)
    lesson = _lesson_with(package)
    learner = UserFactory()
    # Typed answers (to a question since removed: grouped as given, field by field).
    gone = "ancienne-question"
    _answer(learner, package, lesson, "=1+1[,]17[,]@SUM(1)", raw=1, top=3, question=gone)
    _answer(UserFactory(), package, lesson, "3919[,]17[,]114", raw=3, top=3, question=gone)
    _result(learner, package, lesson, success=False, score="0.3333")
    client.force_login(editor)

    export = client.get(reverse("courses:activity_results", args=[package.pk]), {"format": "csv"})
    module_export = client.get(
        reverse("courses:module_activity_results", args=[lesson.module.pk]), {"format": "csv"}
    )

    assert export["Content-Type"].startswith("text/csv")
    for text in (PAYLOAD, "=1+1", "@SUM(1)"):
        assert_csv_neutralised(export.content, text)
    text = export.content.decode("utf-8-sig")
    assert "Champ 2;17;2;100,0" in text  # both gave 17: French decimal comma
    assert "1;1;1;0,0;33,3" in text  # people, attempts, completed, success, score
    assert_csv_neutralised(module_export.content, PAYLOAD)
    assert csv_is_formula_free(module_export.content)


def test_an_activity_without_answers_to_check_says_so(client, editor):
    package = _package("accordion", title="Les numéros utiles")
    lesson = _lesson_with(package)
    _result(UserFactory(), package, lesson, success=None, score=None)
    client.force_login(editor)

    html = client.get(reverse("courses:activity_results", args=[package.pk])).content.decode()

    assert "pas de réponses à vérifier" in html and 'id="personnes">1<' in html
    assert 'id="taux-reussite">—' in html


def test_the_module_page_lists_every_activity_with_its_figures(client, trainer):
    module = factories.module(title="Accueillir", lessons=0)
    right, wrong = _package("truefalse", title="Vrai ou faux"), _package("multichoice")
    first = _lesson_with(right, wrong, module=module, title="Première")
    second = _lesson_with(right, module=module, title="Seconde")
    _result(UserFactory(), right, first, success=True, score=1)
    _result(UserFactory(), right, second, success=False, score=0)

    rows = selectors.module_activities(module=module)

    assert [(r.lesson.title, r.title, r.figures.people) for r in rows] == [
        ("Première", "Vrai ou faux", 1),
        ("Première", "multichoice", 0),
        ("Seconde", "Vrai ou faux", 1),
    ]
    client.force_login(trainer)
    html = client.get(reverse("courses:module_activity_results", args=[module.pk])).content.decode()
    detail = reverse("courses:activity_results", args=[right.pk])
    assert f'href="{detail}?lecon={second.pk}"' in html
    module_html = client.get(module.url).content.decode()
    assert reverse("courses:module_activity_results", args=[module.pk]) in module_html


def test_the_admin_lists_link_to_the_results(client, editor, learner):
    package = _package("truefalse")
    module = factories.module(title="Accueillir", lessons=0)
    client.force_login(editor)

    listing = client.get(reverse("wagtailsnippets_courses_h5ppackage:list")).content.decode()
    explorer = client.get(reverse("wagtailadmin_explore", args=[module.get_parent().pk]))

    assert reverse("courses:activity_results", args=[package.pk]) in listing
    assert reverse("courses:module_activity_results", args=[module.pk]) in explorer.content.decode()


def _count(client, url) -> int:
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _crowd(package, lesson, *, people: int, question="", responses=("true", "false")):
    for number in range(people):
        person = UserFactory()
        for response in responses:
            _answer(
                person, package, lesson, response, raw=int(response == "true"), question=question
            )
        _result(person, package, lesson, success=number % 2 == 0, score=number % 2)


def test_result_pages_cost_the_same_queries_whatever_the_numbers(client, editor):
    small_module = factories.module(title="Petit", lessons=0)
    large_module = factories.module(title="Grand", lessons=0)
    small = _package("truefalse", title="Une question")
    large = _package("questionset", title="Trois questions")
    others = [_package("multichoice", title=f"Activité {n}") for n in range(4)]
    small_lesson = _lesson_with(small, module=small_module)
    large_lesson = _lesson_with(large, *others, module=large_module)
    _lesson_with(*others, module=large_module, title="Encore")
    _crowd(small, small_lesson, people=1)
    for question in (QS_MULTI, QS_TRUE_FALSE, QS_BLANKS):
        _crowd(large, large_lesson, people=6, question=question, responses=("0", "1[,]2", "x"))
    client.force_login(editor)

    for suffix in ("", "?format=csv", f"?module={large_module.pk}"):
        small_count = _count(client, reverse("courses:activity_results", args=[small.pk]) + suffix)
        large_count = _count(client, reverse("courses:activity_results", args=[large.pk]) + suffix)
        assert small_count == large_count, suffix
    for suffix in ("", "?format=csv"):
        assert _count(
            client, reverse("courses:module_activity_results", args=[small_module.pk]) + suffix
        ) == _count(
            client, reverse("courses:module_activity_results", args=[large_module.pk]) + suffix
        )


# The learner's side: "Vos résultats aux activités" on the module page ---------------------


def _verdict_rows(html: str) -> dict[str, str]:
    """Activity title → the row's text, from the learner's results table."""
    import re

    table = html.split('id="vos-resultats-activites"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr data-activite=\"\d+\">(.*?)</tr>", table, re.S)
    found = {}
    for row in rows:
        cells = [
            re.sub(r"<[^>]+>", " ", cell)
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        found[" ".join(cells[0].split())] = " ".join(" ".join(cells[1:]).split())
    return found


def test_a_learner_sees_the_servers_verdict_on_each_of_her_activities(client, learner):
    module = factories.module(title="Accueillir", lessons=0)
    passed, failed = _package("truefalse", title="Réussie"), _package("multichoice", title="Ratée")
    viewed, started = _package("accordion", title="Lue"), _package("questionset", title="Série")
    untouched = _package("blanks", title="Pas commencée")
    first = _lesson_with(passed, failed, module=module, title="Première")
    second = _lesson_with(viewed, started, untouched, module=module, title="Seconde")
    services.enrolment_create(user=learner, module=module)
    _result(learner, passed, first, success=True, score="1")
    _result(learner, failed, first, success=False, score="0.3333")
    _result(learner, viewed, second, success=None, score=None)
    in_progress = _result(learner, started, second, success=False, score="0.2", completed=False)
    ActivityResult.objects.filter(pk=in_progress.pk).update(answers={QS_TRUE_FALSE: {"raw": 1}})
    # Someone else's success on the activity this learner has not started.
    _result(UserFactory(), untouched, second, success=True, score="1")
    client.force_login(learner)

    html = client.get(module.url).content.decode()

    assert "Vos résultats aux activités" in html
    assert _verdict_rows(html) == {
        "Réussie": "Première Réussie 100 %",
        "Ratée": "Première À refaire 33 %",
        "Lue": "Seconde Faite —",
        "Série": "Seconde En cours 20 %",
        "Pas commencée": "Seconde À faire —",
    }


def test_the_learners_results_are_hers_only_and_absent_before_enrolling(client, learner):
    package = _package("truefalse", title="Le 3919")
    lesson = _lesson_with(package)
    module = lesson.module
    other = UserFactory()
    services.enrolment_create(user=other, module=module)
    _result(other, package, lesson, success=True, score="1")

    client.force_login(learner)
    assert "Vos résultats aux activités" not in client.get(module.url).content.decode()
    services.enrolment_create(user=learner, module=module)
    assert _verdict_rows(client.get(module.url).content.decode()) == {
        "Le 3919": f"{lesson.title} À faire —"
    }
    client.force_login(other)
    assert _verdict_rows(client.get(module.url).content.decode()) == {
        "Le 3919": f"{lesson.title} Réussie 100 %"
    }


def test_the_module_page_costs_the_same_queries_whatever_the_activities(client):
    counts = []
    for size in (1, 6):
        module = factories.module(title=f"Module {size}", lessons=0)
        packages = [_package("truefalse", title=f"Activité {n}") for n in range(size)]
        learner = UserFactory()
        services.enrolment_create(user=learner, module=module)
        for number in range(size):
            lesson = _lesson_with(*packages, module=module, title=f"Leçon {number}")
            for package in packages:
                _result(learner, package, lesson, success=True, score="1")
        client.force_login(learner)
        counts.append(_count(client, module.url))
        assert client.get(module.url).content.decode().count("data-activite=") == size * size
    assert counts[0] == counts[1]


def test_an_activity_added_or_renamed_shows_at_once_on_the_module_page(client, learner):
    first = _package("truefalse", title="Le 3919")
    lesson = _lesson_with(first)
    services.enrolment_create(user=learner, module=lesson.module)
    client.force_login(learner)
    assert list(_verdict_rows(client.get(lesson.module.url).content.decode())) == ["Le 3919"]

    second = _package("multichoice", title="Le 114")
    lesson.body.append(("h5p", {"package": second, "instructions": "", "required": True}))
    lesson.save_revision().publish()
    first.title = "Le 3919, numéro d'écoute"
    first.save()

    rows = _verdict_rows(client.get(lesson.module.url).content.decode())
    assert list(rows) == ["Le 3919, numéro d&#x27;écoute", "Le 114"]


# Through the ingestion: the statements H5P really sends, posted as the player does -------


@pytest.fixture
def _h5p_files():
    from .h5p_uploads import fresh_h5p_root

    yield from fresh_h5p_root()


@pytest.mark.parametrize("kind", ["questionset", "singlechoiceset"])
def test_captured_runs_show_in_the_results_and_on_the_module_page(
    client, kind, superuser, editor, _h5p_files
):
    from .test_xapi import activity, replay

    wrong, right = UserFactory(), UserFactory()
    package, lesson = activity(kind, learner=wrong, installer=superuser)
    services.enrolment_create(user=right, module=lesson.module)
    for person, run in ((wrong, "wrong"), (right, "right")):
        client.force_login(person)
        responses = replay(client, kind, run, package=package, lesson=lesson, user=person)
        assert all(response.status_code == 200 for response in responses)

    results = selectors.activity_results(package=package)

    assert (results.figures.people, results.figures.success_rate) == (2, Decimal("50.0"))
    assert results.questions and all(q.answered == 2 and q.people == 2 for q in results.questions)
    assert all(q.success_rate == Decimal("50.0") for q in results.questions)
    for question in results.questions:
        # Each person's response is counted under what she chose or typed.
        counted = sum(c.count for c in question.choices) + sum(
            r.count for g in question.groups for r in g.responses
        )
        assert counted >= 2, question
    client.force_login(wrong)
    assert _verdict_rows(client.get(lesson.module.url).content.decode()) == {
        package.title: f"{lesson.title} À refaire 0 %"
    }
    client.force_login(right)
    assert _verdict_rows(client.get(lesson.module.url).content.decode()) == {
        package.title: f"{lesson.title} Réussie 100 %"
    }
    client.force_login(editor)
    page = client.get(reverse("courses:activity_results", args=[package.pk]))
    assert page.status_code == 200 and 'id="taux-reussite">50,0 %' in page.content.decode()
