"""A module with a real H5P activity, played in Chromium: learners, a forger, an editor.

The activity is the real H5P.TrueFalse package of the npm fixtures ("Is this
false?", the right answer being « False »), uploaded and extracted through
courses.h5p.packages, so the player loads its libraries from the platform. A
question set (vendored sample) resumes where the learner left it; the 14 content
types are played one by one in test_h5p_content_types.py.
"""

import io
import re
import time

import pytest
from playwright.sync_api import FrameLocator, Page, expect

from accounts.tests.factories import UserFactory
from courses import services
from courses.h5p.authoring import build_package
from courses.models import ActivityResult, H5PPackage, ModuleCompletion, XAPIStatement
from courses.services.activities import xapi_pseudonym
from courses.tests import factories as course_factories
from courses.tests.h5p_builders import needs_npm_fixtures
from courses.tests.h5p_uploads import fresh_h5p_root, upload_package

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    needs_npm_fixtures(),
]

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
MODULE_TITLE = "Repérer les violences conjugales"
NEXT_LESSON = "J'ai terminé cette leçon, passer à la suivante"
LAST_LESSON = "J'ai terminé cette leçon"

# What a tampered browser sends through the player: a wrong answer presented as a
# full success, as if the content had sent it (the player posts it like any other).
FORGE_STATEMENT = """(iri) => {
    window.H5P.externalDispatcher.trigger("xAPI", {statement: {
        verb: {id: "http://adlnet.gov/expapi/verbs/answered"},
        object: {id: iri},
        result: {
            success: true,
            completion: true,
            score: {scaled: 1, raw: 1, min: 0, max: 1},
            response: "true",
        },
    }});
}"""
RIGHT = "Réponse vérifiée : 1 sur 1 point. Activité : 1 sur 1 point, réussie."
WRONG = "Réponse vérifiée : 0 sur 1 point. Activité : 0 sur 1 point, pas encore réussie."


@pytest.fixture
def h5p_root():
    yield from fresh_h5p_root()


@pytest.fixture
def true_false(h5p_root, superuser) -> H5PPackage:
    package = upload_package(user=superuser, title="Vrai ou faux : les signaux d'alerte")
    assert package.is_ready, package.error
    return package


def build_module(package: H5PPackage, *, require_activities_success: bool = False):
    """Return a published module whose first lesson holds the activity, and its two lessons."""
    module = course_factories.module(
        title=MODULE_TITLE, lessons=0, require_activities_success=require_activities_success
    )
    first = course_factories.lesson(
        module_page=module, title="Les signaux d'alerte", packages=[package]
    )
    second = course_factories.lesson(module_page=module, title="Orienter la victime")
    return module, first, second


def player(frame_owner: Page | FrameLocator) -> FrameLocator:
    """The iframe in which h5p-standalone runs the activity."""
    return frame_owner.frame_locator(".egide-h5p__player iframe.h5p-iframe")


def answer(frame_owner: Page | FrameLocator, choice: str) -> None:
    """Pick « True » or « False » in the TrueFalse activity, then press its check button."""
    activity = player(frame_owner)
    activity.locator(".h5p-true-false-answer", has_text=re.compile(rf"^\s*{choice}\s*$")).click()
    activity.locator("button.h5p-question-check-answer").click()


def enrol_from_module_page(page: Page, module, first_lesson) -> None:
    page.goto(module.url)
    page.get_by_role("button", name="M'inscrire et commencer").click()
    expect(page).to_have_url(re.compile(rf"{re.escape(first_lesson.url)}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(first_lesson.title)


def activity_status(page: Page):
    return page.locator(".egide-h5p__status")


def test_learner_plays_the_activity_and_completes_the_module(page: Page, true_false, password):
    module, first, second = build_module(true_false)
    learner = UserFactory()
    log_in(page, email=learner.email, password=password)
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))

    enrol_from_module_page(page, module, first)
    expect(player(page).locator(".h5p-true-false-answer")).to_have_count(2)
    answer(page, "False")

    expect(player(page).locator(".h5p-true-false-answer.correct")).to_have_text(
        "False.Correct answer"
    )
    # The status line says what the server made of the answer, not the browser.
    expect(activity_status(page)).to_have_text(RIGHT)
    result = ActivityResult.objects.get(user=learner, package=true_false, lesson=first)
    assert result.completed and result.server_checked and result.success is True
    assert result.score_scaled == 1
    assert XAPIStatement.objects.filter(user=learner, verb=ANSWERED, server_success=True).exists()

    page.get_by_role("button", name=NEXT_LESSON).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(second.url)}$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(second.title)
    page.get_by_role("button", name=LAST_LESSON, exact=True).click()

    expect(page).to_have_url(re.compile(rf"{re.escape(module.url)}$"))
    expect(page.get_by_role("heading", name="Module terminé")).to_be_visible()
    expect(
        page.get_by_text(f"Bravo, vous avez terminé le module « {MODULE_TITLE} ».")
    ).to_be_visible()
    completion = ModuleCompletion.objects.get(user=learner, module=module)
    assert completion.score == 100 and completion.module_title == MODULE_TITLE

    page.goto("/parcours/mes-formations/")
    completed = page.get_by_role("region", name="Terminées")
    expect(completed.get_by_role("link", name=MODULE_TITLE, exact=True)).to_be_visible()
    # The attestation issued with the completion is one click away.
    expect(
        completed.get_by_role("link", name=f"PDF de l'attestation « {MODULE_TITLE} »")
    ).to_be_visible()
    expect(page.get_by_role("region", name="En cours")).to_contain_text(
        "Aucune formation en cours."
    )


def test_forged_success_does_not_complete_a_module_requiring_success(
    page: Page, true_false, password
):
    module, first, second = build_module(true_false, require_activities_success=True)
    learner = UserFactory()
    log_in(page, email=learner.email, password=password)
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))
    enrol_from_module_page(page, module, first)

    answer(page, "True")  # wrong: the statement is false
    expect(player(page).locator(".h5p-true-false-answer.wrong")).to_have_text("True.Wrong answer")
    expect(activity_status(page)).to_have_text(WRONG)
    player_element = page.locator(".egide-h5p__player")
    iri = page.evaluate(
        "(url) => window.location.origin + url", player_element.get_attribute("data-xapi-url")
    )
    page.evaluate(FORGE_STATEMENT, iri)

    # The server refuses the forged success and the learner reads why.
    expect(activity_status(page)).to_have_text(
        "La réponse est annoncée juste alors qu'elle ne l'est pas."
    )
    answers = XAPIStatement.objects.filter(user=learner, verb=ANSWERED)
    assert [statement.server_success for statement in answers] == [False]
    # Every statement the player sent named the learner by their pseudonym only.
    mail = player_element.get_attribute("data-xapi-mail")
    assert mail == f"{xapi_pseudonym(learner)}@apprenants.egide.invalid"
    assert {s.raw["actor"]["mbox"] for s in XAPIStatement.objects.filter(user=learner)} == {
        f"mailto:{mail}"
    }
    result = ActivityResult.objects.get(user=learner, package=true_false, lesson=first)
    assert result.server_checked and result.success is False and result.score_scaled == 0

    # Both lessons can be finished, the activity having been done...
    page.get_by_role("button", name=NEXT_LESSON).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(second.url)}$"))
    page.get_by_role("button", name=LAST_LESSON, exact=True).click()

    # ...but the module is not completed: its rule asks for a server-checked success,
    # and the learner is sent back to the activity with the reason.
    expect(page.get_by_text("le module n'est pas encore validé")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"{re.escape(first.url)}$"))
    assert not ModuleCompletion.objects.filter(user=learner).exists()
    expect(activity_status(page)).to_have_text("Activité faite : vous pouvez réessayer.")
    page.goto(module.url)
    expect(page.get_by_text("Progression : 100 %")).to_be_visible()
    expect(page.get_by_text("Module terminé")).to_have_count(0)
    page.goto("/parcours/mes-formations/")
    expect(page.get_by_role("region", name="En cours")).to_contain_text(MODULE_TITLE)
    expect(page.get_by_role("region", name="Terminées")).to_contain_text(
        "Aucun module terminé pour le moment."
    )


def test_editor_previews_the_lesson_with_its_playable_activity(
    page: Page, true_false, editor, password
):
    _module, first, _second = build_module(true_false)
    log_in(page, email=editor.email, password=password)
    expect(page).to_have_url(re.compile(r"/mon-espace/$"))

    page.goto(f"/cms/pages/{first.pk}/edit/")
    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()

    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_contain_text(first.title)
    activity = player(preview)
    expect(activity.locator(".h5p-true-false-answer")).to_have_count(2)
    expect(activity.get_by_text("Is this false?")).to_be_visible()

    # The activity plays in the preview; the editor, not enrolled, gets no lesson
    # button and no result endpoint.
    answer(preview, "False")
    expect(activity.locator(".h5p-true-false-answer.correct")).to_have_text("False.Correct answer")
    expect(preview.get_by_role("button", name=LAST_LESSON)).to_have_count(0)
    expect(preview.locator(".egide-h5p__player")).to_have_attribute("data-xapi-url", "")
    assert not ActivityResult.objects.exists() and not XAPIStatement.objects.exists()


def wait_for(condition, timeout: float = 10.0) -> None:
    """Wait until `condition()` holds in the database (written by the live server)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


def test_a_question_set_resumes_on_the_question_left(page: Page, h5p_root, superuser, password):
    package = upload_package(
        user=superuser,
        archive=io.BytesIO(build_package("questionset")),
        filename="questionset.h5p",
        title="Questions",
    )
    module = course_factories.module(title=MODULE_TITLE, lessons=0)
    lesson = course_factories.lesson(module_page=module, title="Orienter", packages=[package])
    learner = UserFactory()
    services.enrolment_create(user=learner, module=module)
    log_in(page, email=learner.email, password=password)
    page.goto(lesson.url)
    activity = player(page)
    first = activity.locator(".question-container").nth(0)
    second = activity.locator(".question-container").nth(1)
    # Answers are shuffled at each load (their data-id is the shown position): the
    # chosen one is known by its text.
    chosen = first.locator(".h5p-answer").nth(2)
    answer_text = chosen.inner_text().strip()
    chosen.click()
    expect(chosen).to_have_attribute("aria-checked", "true")
    activity.get_by_role("button", name="Suivant").first.click()
    expect(second).to_be_visible()
    # The player keeps each step shortly after it happens (not only when the page is
    # left, a save that may arrive after the next page has read the state).
    saved = ActivityResult.objects.filter(user=learner, package=package, state__isnull=False)
    wait_for(
        lambda: any('"progress":1' in state for state in saved.values_list("state", flat=True))
    )

    page.reload()
    # The set opens on the second question, the first one's choice kept.
    expect(activity.locator(".question-container").nth(1)).to_be_visible()
    expect(activity.locator(".question-container").nth(0)).to_be_hidden()
    state = ActivityResult.objects.get(user=learner, package=package).state
    assert '"progress":1' in state
    activity.get_by_role("button", name="Précédent").first.click()
    answers = activity.locator(".question-container").nth(0).locator(".h5p-answer")
    expect(answers.filter(has_text=answer_text)).to_have_attribute("aria-checked", "true")
    expect(answers.and_(activity.locator('[aria-checked="true"]'))).to_have_count(1)


PHONE = {"width": 390, "height": 844}


def test_trainer_finds_a_learner_in_a_long_list_on_a_phone(page: Page, password):
    """The learner list on a 390 px phone: every column on screen, keyboard-scrollable
    table, a page at a time, found by name (issue 20, points 7 and 11)."""
    from axe_playwright_python.sync_playwright import Axe

    from accounts.constants import Role

    module = course_factories.module(title=MODULE_TITLE, lessons=2)
    for number in range(55):
        person = UserFactory(last_name=f"Apprenant{number:02d}")
        services.enrolment_create(user=person, module=module)
    sought = UserFactory(
        first_name="Héloïse",
        last_name="Zunino-Delacroix-Montmorency",
        email="heloise.zunino-delacroix-montmorency@gendarmerie.interieur.gouv.fr",
    )
    services.enrolment_create(user=sought, module=module)
    trainer = UserFactory(role=Role.TRAINER)
    page.set_viewport_size(PHONE)
    log_in(page, email=trainer.email, password=password)

    page.goto(f"/parcours/modules/{module.pk}/apprenants/")
    table = page.locator(".egide-learners table")
    expect(table.locator("caption")).to_contain_text("56 personnes")
    expect(table.locator("tbody tr")).to_have_count(50)
    # Nothing off-screen: neither the page nor the table scrolls sideways.
    widths = page.evaluate(
        """() => {
            const box = document.querySelector('.egide-learners .fr-table__container');
            return [document.documentElement.scrollWidth, box.scrollWidth, box.clientWidth];
        }"""
    )
    assert widths[0] <= PHONE["width"] and widths[1] <= widths[2], widths
    results = Axe().run(page)
    blocking = [
        v["id"] for v in results.response["violations"] if v["impact"] in {"serious", "critical"}
    ]
    assert not blocking, blocking

    page.get_by_role("searchbox", name="Nom ou adresse électronique").fill("zunino")
    page.get_by_role("button", name="Rechercher").click()
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table).to_contain_text(sought.email)
    expect(table).to_contain_text("0 leçon")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
