"""SCORM packages played in Chromium with scorm-again: play, leave halfway, resume, complete.

Two real packages, uploaded and extracted through courses.scorm.packages: Égide's own
SCORM 1.2 package (two SCOs, a score, suspend data; demo/content/scorm/
reperer-orienter) and Rustici's "Golf Explained" (SCORM 2004 3rd edition, one SCO of 15
pages, a bookmark and a resume prompt; CC BY 3.0 US).
"""

import re
import shutil
import time

import pytest
from playwright.sync_api import Page, expect

from accounts.tests.factories import UserFactory
from courses import services
from courses.models import ModuleCompletion, ScormAttempt
from courses.scorm.packages import scorm_root
from courses.tests import factories as course_factories
from courses.tests.test_scorm_packages import egide_zip, golf_zip, store

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LAST_LESSON = "J'ai terminé cette leçon"
GOLF_BUTTON = "Ouvrir « Golf Explained - Run-time Advanced Calls »"


@pytest.fixture
def fresh_scorm_root():
    shutil.rmtree(scorm_root(), ignore_errors=True)
    yield
    shutil.rmtree(scorm_root(), ignore_errors=True)


def module_with(package, title: str):
    module = course_factories.module(title=title, lessons=0)
    lesson = course_factories.lesson(
        module_page=module, title=f"{title} : la leçon", scorm=[{"package": package}]
    )
    return module, lesson


def enrolled_learner(page: Page, module, password: str):
    learner = UserFactory()
    services.enrolment_create(user=learner, module=module)
    log_in(page, email=learner.email, password=password)
    return learner


def sco_frame(page: Page):
    return page.frame_locator(".egide-scorm__frame")


def wait_for(check, *, timeout=10.0):
    """Wait until the server recorded what a beacon carried (it is sent without an answer)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError("the server did not record the commit in time")


def test_scorm_12_two_scos_played_left_halfway_resumed_and_completed(
    page: Page, fresh_scorm_root, superuser, password
):
    package = store(egide_zip(), user=superuser, filename="reperer-orienter.zip")
    assert package.is_ready, package.error
    module, lesson = module_with(package, "Repérer et orienter")
    learner = enrolled_learner(page, module, password)

    page.goto(lesson.url)
    page.get_by_role("button", name="Repérer les signaux").click()
    frame = sco_frame(page)
    expect(frame.locator("#etat")).to_have_text("Première visite.")
    frame.get_by_role("button", name="Je lui propose d'en parler, seule à seule.").click()
    status = page.locator(".egide-scorm__status")
    expect(status).to_have_text("1 partie terminée sur 2.")

    page.get_by_role("button", name="Orienter la victime").click()
    expect(frame.locator("#etat")).to_have_text("Première visite.")
    frame.get_by_role("button", name="Je m'arrête ici et reprendrai plus tard.").click()
    expect(status).to_have_text("1 partie terminée sur 2.")
    # The learner leaves the lesson halfway through the second SCO.
    page.goto(module.url)
    page.goto(lesson.url)
    page.get_by_role("button", name="Orienter la victime").click()
    expect(frame.locator("#etat")).to_have_text("Reprise : orienter:etape=2")
    frame.get_by_role("button", name="Le 3919.").click()
    expect(status).to_have_text("Paquet terminé.")

    page.get_by_role("button", name=LAST_LESSON, exact=True).click()
    expect(page).to_have_url(re.compile(rf"{re.escape(module.url)}$"))
    expect(page.get_by_role("heading", name="Module terminé")).to_be_visible()
    completion = ModuleCompletion.objects.get(user=learner, module=module)
    assert completion.score is None  # a SCORM score is never the attestation's
    scos = {a.sco: a for a in ScormAttempt.objects.filter(user=learner)}
    assert scos["item_reperer"].success_status == "passed"
    assert str(scos["item_reperer"].score_scaled) == "1.0000"
    assert scos["item_orienter"].completion_status == "completed"


def test_scorm_2004_golf_bookmark_resumes_after_leaving_and_completes_the_module(
    page: Page, fresh_scorm_root, superuser, password
):
    package = store(golf_zip(), user=superuser, filename="golf.zip")
    assert package.is_ready, package.error
    module, lesson = module_with(package, "Golf expliqué")
    learner = enrolled_learner(page, module, password)
    dialogs = []

    def answer(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer)
    page.goto(lesson.url)
    page.get_by_role("button", name=GOLF_BUTTON).click()
    launch = sco_frame(page)
    content = launch.frame_locator("#contentFrame")
    expect(content.locator("body")).to_contain_text("Play")
    for _ in range(3):
        launch.locator("#butNext").click()
    # Leaving the page: the SCO suspends itself on unload, the page sends its last state.
    page.goto(module.url)
    wait_for(lambda: ScormAttempt.objects.filter(user=learner, cmi__location="3").exists())

    page.goto(lesson.url)
    page.get_by_role("button", name=GOLF_BUTTON).click()
    expect(launch.locator("#butPrevious")).to_be_enabled()
    assert dialogs == ["Would you like to resume from where you previously left off?"]
    for _ in range(11):
        launch.locator("#butNext").click()
    expect(launch.locator("#butNext")).to_be_disabled()
    launch.locator("#butExit").click()
    wait_for(
        lambda: ScormAttempt.objects.filter(user=learner, completion_status="completed").exists()
    )
    page.get_by_role("button", name=LAST_LESSON, exact=True).click()
    expect(page.get_by_role("heading", name="Module terminé")).to_be_visible()
    assert ModuleCompletion.objects.filter(user=learner, module=module).exists()
    attempt = ScormAttempt.objects.get(user=learner)
    assert attempt.total_seconds > 0 or attempt.session_seconds > 0
