"""The four demo modules (`demo.loaders.courses`, `demo/content/`): complete, idempotent,
completable by a learner, and every figure traceable to its source document."""

import html
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape, strip_tags
from wagtail.models import Page, Revision

from accounts.constants import Profession
from accounts.tests.factories import UserFactory
from courses.constants import PackageStatus
from courses.h5p.scoring import package_key
from courses.models import (
    ActivityResult,
    H5PPackage,
    LessonPage,
    ModuleCompletion,
    ModulePage,
)
from courses.selectors.catalogue import module_minutes
from courses.templatetags.courses_tags import duration
from courses.tests import factories as course_factories
from courses.tests import h5p_answers
from courses.tests.h5p_builders import needs_npm_fixtures
from demo import content as demo_content
from demo.loaders import courses as demo
from demo.loaders import quizzes as quizzes_demo
from quizzes import building, services
from quizzes.models import Quiz
from quizzes.questions import Kind
from quizzes.tests.factories import right_answers, single

pytestmark = [
    pytest.mark.django_db,
    needs_npm_fixtures(),
]

# The public source documents, kept with the content they back (demo/content/sources).
SEEDS_DIR = Path(__file__).resolve().parent.parent / "content" / "sources"
CONTENT = demo_content.modules()
SLUGS = [content.slug for content in CONTENT]


@pytest.fixture
def editor_user(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return UserFactory(profession="agent_collectivite", employer="DDFE 59")


@pytest.fixture
def loaded(editor_user):
    return demo.load_all(user=editor_user)


def _counts() -> dict:
    quizzes = list(Quiz.objects.all())
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "packages": H5PPackage.objects.count(),
        "quizzes": len(quizzes),
        "questions": sum(len(quiz.questions) for quiz in quizzes),
    }


def _lessons(module: ModulePage) -> list[LessonPage]:
    return list(LessonPage.objects.child_of(module).live().order_by("path").specific())


def _lesson_text(module: ModulePage) -> str:
    parts = []
    for lesson in _lessons(module):
        parts += [lesson.title, lesson.intro]
        for block in lesson.body:
            parts.append(str(block.render()) if block.block_type != "h5p" else "")
    return _normalised(html.unescape(strip_tags(" ".join(parts))))


def _quiz_text(content: demo_content.Module) -> str:
    """Every string of the module's quiz (statements, cases, options, explanations)."""
    strings = []

    def collect(value):
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(content.questions)
    return _normalised(html.unescape(strip_tags(" ".join(strings))))


def _normalised(text: str) -> str:
    """Fold the typography of sources and lessons alike: spaces, apostrophes, case."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'")
    text = re.sub(r"\s+", " ", text)
    return re.sub(r" %", "%", text).lower()


# Loading -----------------------------------------------------------------------------


def test_load_all_returns_the_four_modules_in_order_and_load_the_continuum(loaded, editor_user):
    assert list(loaded) == SLUGS
    assert [module.title for module in loaded.values()] == [c.title for c in CONTENT]
    assert demo.load(user=editor_user).pk == loaded["continuum-des-violences"].pk


def test_loading_twice_creates_nothing_new(loaded, editor_user):
    first = _counts()

    again = demo.load_all(user=editor_user)

    assert _counts() == first
    assert {slug: m.pk for slug, m in again.items()} == {s: m.pk for s, m in loaded.items()}


def test_an_existing_demo_module_is_updated_in_place(editor_user):
    old_quiz = Quiz.objects.create(
        title=quizzes_demo.QUIZ_TITLE,
        questions=[single("Quel numéro ?", "Le 3919", "Le 115", explanation="Le 3919.")],
    )
    old = course_factories.module(
        title="Le continuum des violences", lessons=0, slug=demo.MODULE_SLUG
    )
    old.final_quiz = old_quiz
    old.save_revision().publish()
    strategy = course_factories.lesson(module_page=old, title="La stratégie de l'agresseur")
    course_factories.lesson(module_page=old, title="Une leçon retirée du contenu")

    module = demo.load(user=editor_user)

    assert module.pk == old.pk
    assert ModulePage.objects.filter(slug=demo.MODULE_SLUG).count() == 1
    titles = [lesson.title for lesson in _lessons(module)]
    assert titles == [lesson.title for lesson in CONTENT[0].lessons]
    assert strategy.pk in [lesson.pk for lesson in _lessons(module)]
    # Unpublished, not deleted: learners' progress may point at it.
    assert LessonPage.objects.filter(title="Une leçon retirée du contenu", live=False).exists()
    # The short, unattempted former quiz is replaced in place.
    old_quiz.refresh_from_db()
    assert module.final_quiz_id == old_quiz.pk and len(old_quiz.questions) >= 10


def test_an_attempted_quiz_is_left_as_it_is(editor_user, learner):
    old_quiz = Quiz.objects.create(
        title=quizzes_demo.QUIZ_TITLE,
        questions=[single("Quel numéro ?", "Le 3919", "Le 115", explanation="Le 3919.")],
    )
    services.attempt_start(quiz=old_quiz, user=learner)

    module = demo.load(user=editor_user)

    old_quiz.refresh_from_db()
    assert module.final_quiz_id == old_quiz.pk and len(old_quiz.questions) == 1


# Shape of each module (one load, every module checked) --------------------------------


def test_each_module_has_its_lessons_activities_and_resources(loaded):
    for slug, module in loaded.items():
        lessons = _lessons(module)

        assert 4 <= len(lessons) <= 8, slug
        assert module.summary and module.objectives and module.content_warning, slug
        assert module.kind, slug
        assert module.audiences.exists() and module.topics.exists(), slug
        blocks = [block for lesson in lessons for block in lesson.body]
        activities = [block.value["package"] for block in blocks if block.block_type == "h5p"]
        assert activities, slug
        for package in activities:
            assert package.status == PackageStatus.READY, package.title
        assert any(block.block_type == "help_numbers" for block in blocks), slug


def test_each_module_is_forty_minutes_of_real_content_or_more(loaded):
    """Issue 21: the computed time (reading, activities, final quiz) reaches 40 minutes;
    nobody types a duration, so the page announces exactly this figure."""
    for slug, module in loaded.items():
        minutes = module_minutes(module)
        assert minutes >= 40, (slug, minutes)
        page = html.unescape(Client().get(module.url).content.decode())
        assert f"Environ {duration(minutes)}" in page, slug


def test_each_module_practises_with_a_scenario_and_varied_scored_activities(loaded):
    """Issue 21: one branching scenario at least, three scored activities of two kinds
    other than true/false at least, and every activity re-scored by the server."""
    for slug, module in loaded.items():
        packages = [
            block.value["package"]
            for lesson in _lessons(module)
            for block in lesson.body
            if block.block_type == "h5p"
        ]
        kinds = [package.main_library.split()[0] for package in packages]
        for package in packages:
            assert package_key(package.h5p_json, package.content_json).scored, package.title
        assert "H5P.BranchingScenario" in kinds, slug
        others = [kind for kind in kinds if kind != "H5P.TrueFalse"]
        assert len(others) >= 3 and len(set(others)) >= 2, (slug, kinds)


def test_each_lesson_outline_goes_from_h2_to_h3(loaded):
    """Callouts, accordions and help numbers title with h3: a section title (h2) comes
    first, so screen reader users get an outline without a gap under the h1."""
    for module in loaded.values():
        for lesson in _lessons(module):
            types = [block.block_type for block in lesson.body]
            first_h3 = next(
                (i for i, t in enumerate(types) if t in {"callout", "accordion", "help_numbers"}),
                None,
            )
            if first_h3 is not None:
                assert "heading" in types[:first_h3], lesson.title


def test_audiences_and_mandatory_modules(loaded):
    continuum = loaded["continuum-des-violences"]
    certificate = loaded["certificat-medical-itt"]

    assert set(continuum.mandatory_for.values_list("code", flat=True)) == {
        Profession.POLICE,
        Profession.GENDARMERIE,
    }
    assert continuum.audiences.count() == len(Profession.values)
    assert set(certificate.audiences.values_list("code", flat=True)) == {
        Profession.MEDECIN,
        Profession.SAGE_FEMME,
    }
    for slug in ("psychotraumatisme-accueil", "certificat-medical-itt"):
        assert not loaded[slug].mandatory_for.exists()


def test_each_final_quiz_is_varied_and_explains_every_answer(loaded):
    for slug, module in loaded.items():
        quiz = module.final_quiz
        questions = building.questions_from_stream(quiz.questions)

        assert module.require_quiz_passed, slug
        assert len(questions) >= 10, slug
        kinds = {question.kind for question in questions}
        assert len(kinds) >= 3 and Kind.SITUATION in kinds, slug
        for block in quiz.questions:
            assert block.value["explanation"].strip(), block.value.get("text")
            for sub in block.value.get("sub_questions", []):
                assert sub.value["explanation"].strip(), sub.value["text"]


# A learner completes each module -----------------------------------------------------


@pytest.mark.parametrize("slug", SLUGS)
def test_a_learner_completes_each_module(client, loaded, slug):
    module = loaded[slug]
    learner = UserFactory(profession=module.audiences.first().code)
    client.force_login(learner)
    response = client.post(reverse("courses:enrol", args=[module.pk]))
    assert response.status_code == 302

    assert client.get(module.url).status_code == 200
    for lesson in _lessons(module):
        assert client.post(reverse("courses:lesson_start", args=[lesson.pk])).status_code < 400
        page = client.get(lesson.url)
        assert page.status_code == 200 and escape(lesson.title) in page.content.decode()
        for activity in lesson.h5p_blocks():
            _answer_everything_right(client, activity["package"], lesson=lesson, user=learner)
        response = client.post(reverse("courses:lesson_complete", args=[lesson.pk]))
        assert response.status_code == 302
    assert not ModuleCompletion.objects.filter(user=learner, module=module).exists()

    attempt = services.attempt_start(
        quiz=module.final_quiz, user=learner, context=f"module:{module.pk}"
    )
    submission = services.attempt_submit(
        attempt_id=attempt.pk, user=learner, answers=right_answers(module.final_quiz)
    )

    assert submission.attempt.passed
    completion = ModuleCompletion.objects.get(user=learner, module=module)
    assert completion.score == Decimal("100.00")


def _answer_everything_right(client, package, *, lesson, user) -> None:
    """Answer an activity of any kind right, as the lesson's player posts it (statements,
    then the getXAPIData() report where the kind needs one): the server re-scores it
    and the learner's result is a full, server-checked success."""
    h5p_answers.answer_right(client, package, lesson=lesson, user=user)
    result = ActivityResult.objects.get(user=user, package=package, lesson=lesson)
    assert result.server_checked, package.title
    assert result.completed and result.success, (package.title, result.answers)
    assert result.score_scaled == 1, (package.title, result.score_scaled)


# Figures -----------------------------------------------------------------------------


def test_every_figure_is_in_its_source_document_and_in_the_lessons(loaded):
    for content in CONTENT:
        text = _lesson_text(loaded[content.slug])

        assert content.figures, content.slug
        for figure in content.figures:
            source = _normalised((SEEDS_DIR / figure.source).read_text(encoding="utf-8"))
            assert _normalised(figure.text) in source, (figure.text, figure.source)
            assert _normalised(figure.text) in text, f"{figure.text} is not used in the lessons"


def test_every_percentage_in_the_lessons_and_quizzes_is_a_declared_figure(loaded):
    for content in CONTENT:
        text = _lesson_text(loaded[content.slug]) + " " + _quiz_text(content)
        declared = [_normalised(figure.text) for figure in content.figures]

        for percentage in set(re.findall(r"\d+(?:,\d+)?%", text)):
            assert any(percentage in figure for figure in declared), (content.slug, percentage)


# Sources ---------------------------------------------------------------------------

# Blocks whose text is the lesson's own (the help numbers are the platform's list, the
# sources list is what backs the text, the activities are checked by their scoring).
OWN_TEXT_BLOCKS = {"heading", "paragraph", "callout", "quote", "accordion", "media"}
# "155 000", "155\u202f000": one number.
_THOUSANDS = re.compile(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}(?!\d))")


def _numbers(text: str) -> set[str]:
    """Each number written in `text` ("87", "2,5", "225", "12", "1" of 225-12-1)."""
    text = _THOUSANDS.sub("", html.unescape(strip_tags(text)))
    return set(re.findall(r"\d+(?:,\d+)?", text))


def _own_text(lesson: LessonPage) -> str:
    parts = [lesson.title, lesson.intro]
    parts += [str(b.render()) for b in lesson.body if b.block_type in OWN_TEXT_BLOCKS]
    return " ".join(parts)


def test_every_lesson_lists_its_sources_last(loaded):
    for content in CONTENT:
        module = loaded[content.slug]
        learner = Client()
        learner.force_login(UserFactory(profession=module.audiences.first().code))
        assert learner.post(reverse("courses:enrol", args=[module.pk])).status_code == 302
        lessons = {lesson.title: lesson for lesson in _lessons(module)}
        for lesson_content in content.lessons:
            assert lesson_content.sources, lesson_content.title
            body = lessons[lesson_content.title].body
            assert body[len(body) - 1].block_type == "sources", lesson_content.title
            page = learner.get(lessons[lesson_content.title].url).content.decode()
            assert 'id="sources-titre"' in page, lesson_content.title
            assert escape(lesson_content.sources[0].reference) in page, lesson_content.title


def test_every_number_of_a_lesson_is_backed_by_one_of_its_sources(loaded):
    """Issue 21: every figure, date and legal reference of a lesson has its source
    line: each number of the lesson's text is written in one of its sources' facts."""
    for content in CONTENT:
        lessons = {lesson.title: lesson for lesson in _lessons(loaded[content.slug])}
        for lesson_content in content.lessons:
            backed = set().union(*(_numbers(s.fact) for s in lesson_content.sources))
            unbacked = _numbers(_own_text(lessons[lesson_content.title])) - backed
            assert not unbacked, (lesson_content.title, sorted(unbacked))


def test_every_figure_taken_from_a_seed_document_is_written_there():
    for content in CONTENT:
        for lesson in content.lessons:
            for source in lesson.sources:
                assert source.reference.strip(), lesson.title
                if not source.seed:
                    continue
                document = (SEEDS_DIR / source.seed).read_text(encoding="utf-8")
                missing = _numbers(source.fact) - _numbers(document)
                assert not missing, (lesson.title, source.fact, sorted(missing))
