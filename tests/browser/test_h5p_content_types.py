"""Each of the 14 H5P content types, played by a learner in a lesson: wrong, then right.

The package is the vendored French sample (`courses.h5p.authoring.build_package`),
uploaded and extracted as the admin does; the learner answers in Chromium with real
clicks, typing and drags (tests/browser/h5p_drivers.py). After each attempt, the status
line under the player shows the server's verdict, the database holds it (the server's
own points, never the browser's), and at the end the module page shows the learner's
result.

Speed: the 14 tests share one learner signed in once on one page, and one database
state for the module (see `shared_database`): each test only adds its module and
package. A flush and restore of the database per test, as the other browser tests do,
would cost more than playing the activity.
"""

import io
import re

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection
from playwright.sync_api import Page, expect

from accounts.tests.factories import UserFactory
from courses.h5p.authoring import SAMPLE_KINDS, build_package
from courses.models import ActivityResult, H5PPackage, XAPIStatement
from courses.services import enrolment_create
from courses.tests import factories as course_factories
from courses.tests.h5p_uploads import fresh_h5p_root, upload_package

from .conftest import ARTIFACTS_DIR, log_in
from .h5p_drivers import DRIVERS, Attempt, Driver

pytestmark = [pytest.mark.browser]


@pytest.fixture(autouse=True)
def _live_server_helper(live_server):
    """Replaces pytest-django's helper of the same name, which makes every test using the
    live server transactional (database flushed after each). Here the module's tests
    share one committed state (`shared_database`); the live server's settings still
    apply for each test."""
    live_server._live_server_modified_settings.enable()
    yield
    live_server._live_server_modified_settings.disable()


@pytest.fixture(scope="module")
def shared_database(django_db_setup, django_db_blocker):
    """Database access for the whole module, committed (the live server reads it).

    The tests start from the migrated data (home page, catalogue, role groups) and the
    module leaves the database as it found it: flushed, then the migrated data put
    back, from the copy Django serializes for serialized-rollback tests (made here
    when no such test asked for it).
    """
    from wagtail.models import Page as WagtailPage

    with django_db_blocker.unblock():
        if not hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()
        if not WagtailPage.objects.exists():  # emptied by an earlier transactional test
            _restore_migrated_data()
        yield
        # Signal handlers run while the rows come back may ask for content types: with
        # them all in the cache (same ids as the copy), none is created in between.
        ContentType.objects.get_for_models(*apps.get_models(include_auto_created=True))
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            database=DEFAULT_DB_ALIAS,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        _restore_migrated_data()


def _restore_migrated_data() -> None:
    connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    # The rows come back with their ids; new rows must not reuse them.
    statements = connection.ops.sequence_reset_sql(
        no_style(), apps.get_models(include_auto_created=True)
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.fixture(scope="module")
def world(shared_database):
    """The private H5P folder, an administrator who uploads, the learner."""
    root = fresh_h5p_root()
    next(root)
    yield {
        "uploader": UserFactory(
            is_superuser=True, is_staff=True, profession="autre", employer="DSI"
        ),
        "learner": UserFactory(),
        "violations": [],
    }
    next(root, None)


@pytest.fixture(scope="module")
def _signed_in(world):
    """The learner's browser page, opened by the first test and kept for the others."""
    holder: dict = {}
    yield holder
    if "context" in holder:
        holder["context"].close()


@pytest.fixture
def learner_page(browser, live_server, world, _signed_in, password, request) -> Page:
    """The learner's page, signed in through the login page by the first test.

    As with conftest's `page`: screenshot and markup kept when a test fails, and a test
    that passes with a Content-Security-Policy violation fails.
    """
    if "page" not in _signed_in:
        context = browser.new_context(
            base_url=live_server.url, locale="fr-FR", viewport={"width": 1280, "height": 1400}
        )
        context.set_default_timeout(15_000)
        # The network is closed (as in conftest's context): only the live server answers.
        context.route(
            re.compile(rf"^(?!{re.escape(live_server.url)}/)"), lambda route: route.abort()
        )
        context.on(
            "console",
            lambda message: (
                world["violations"].append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        _signed_in["context"] = context
        _signed_in["page"] = context.new_page()
        log_in(_signed_in["page"], email=world["learner"].email, password=password)
        expect(_signed_in["page"]).to_have_url(re.compile(r"/mon-espace/$"))
    world["violations"].clear()
    yield _signed_in["page"]
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS_DIR.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page = _signed_in["page"]
        page.screenshot(path=str(ARTIFACTS_DIR / f"{name}.png"), full_page=True)
        # The activity's markup is in the player's frame, not in the page's.
        frames = [frame.content() for frame in page.frames if frame != page.main_frame]
        (ARTIFACTS_DIR / f"{name}.html").write_text(
            "\n".join([page.content(), *frames]), encoding="utf-8"
        )
    if world["violations"] and report is not None and report.passed:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(world["violations"]))


def activity_in_lesson(world, driver: Driver):
    """A published module whose lesson holds the sample, the learner enrolled."""
    package = upload_package(
        user=world["uploader"],
        archive=io.BytesIO(build_package(driver.kind, content=driver.content())),
        filename=f"{driver.kind}.h5p",
        title=f"Activité {driver.kind}",
    )
    assert package.is_ready, package.error
    module = course_factories.module(title=f"Module {driver.kind}", lessons=0)
    lesson = course_factories.lesson(
        module_page=module, title="Repérer et orienter", packages=[package]
    )
    enrolment_create(user=world["learner"], module=module)
    return package, module, lesson


def status(page: Page):
    return page.locator(".egide-h5p__status")


def assert_server_verdict(learner, package: H5PPackage, attempt: Attempt, best: float) -> None:
    """The activity's result and the statements' verdicts are the server's.

    `best`: the best score so far (a later, worse attempt never lowers it).
    """
    result = ActivityResult.objects.get(user=learner, package=package)
    assert result.server_checked
    assert result.completed is attempt.completed
    if attempt.completed:
        assert float(result.score_scaled) == pytest.approx(best, abs=1e-4)  # 4 decimals
        # A success stays: the right attempt comes last.
        assert result.success is attempt.success
    else:
        assert result.success is None and result.score_scaled is None
    expected = {a.question_id: (a.raw, a.max, a.success) for a in attempt.answers}
    answers = {
        question_id: (verdict["raw"], verdict["max"], verdict["success"])
        for question_id, verdict in result.answers.items()
    }
    assert answers == expected
    # Each answer's statement row carries the server's verdict, whatever the browser said.
    for question_id, (raw, max_, success) in expected.items():
        row = (
            XAPIStatement.objects.filter(user=learner, package=package, question_id=question_id)
            .exclude(server_success=None)
            .latest("pk")
        )
        assert (float(row.server_raw), float(row.server_max), row.server_success) == (
            raw,
            max_,
            success,
        ), question_id


def module_page_result(page: Page, package: H5PPackage):
    """The learner's row for the activity in « Vos résultats aux activités »."""
    table = page.get_by_role("table", name="Vos résultats aux activités")
    return table.locator(f"tr[data-activite='{package.pk}']")


@pytest.mark.parametrize("kind", SAMPLE_KINDS)
def test_learner_plays_the_activity_wrong_then_right(kind, learner_page: Page, world):
    page = learner_page
    driver = DRIVERS[kind]
    learner = world["learner"]
    package, module, lesson = activity_in_lesson(world, driver)

    errors: list[str] = []

    def on_error(error) -> None:
        errors.append(str(error))

    page.on("pageerror", on_error)
    page.goto(lesson.url)
    driver.wait_ready(page)
    # Named for screen readers (axe frame-title), in the content's language, and with
    # the content's title (h5p-standalone alone leaves Drag and Drop's "Drag and drop").
    frame = page.locator(".egide-h5p__player iframe.h5p-iframe")
    expect(frame).to_have_attribute("title", f"Activité interactive : {package.title}")
    expect(driver.frame(page).locator("html")).to_have_attribute("lang", "fr")
    if kind == "dragquestion":
        expect(driver.frame(page).get_by_text(package.title)).to_be_visible()
        expect(driver.frame(page).get_by_text("Drag and drop")).to_have_count(0)

    if not driver.scored:
        driver.view(page)
        expect(status(page)).to_have_text("Activité consultée.")
        result = ActivityResult.objects.get(user=learner, package=package)
        assert result.completed and result.success is None and result.answers == {}
        badge, score = "Faite", "—"
    else:
        driver.answer_wrong(page)
        expect(status(page)).to_have_text(driver.wrong.status())
        wrong = driver.wrong.raw / driver.wrong.max
        assert_server_verdict(learner, package, driver.wrong, best=wrong)

        driver.retry(page)
        driver.answer_right(page)
        expect(status(page)).to_have_text(driver.right.status())
        best = max(wrong, driver.right.raw / driver.right.max)
        assert_server_verdict(learner, package, driver.right, best=best)
        badge = "Réussie" if driver.right.success else "À refaire"
        score = f"{round(100 * best)} %"

    page.remove_listener("pageerror", on_error)
    assert not errors, errors  # no script error while playing

    page.goto(module.url)
    row = module_page_result(page, package)
    expect(row.get_by_role("rowheader")).to_have_text(package.title)
    expect(row.locator("td").nth(1)).to_have_text(badge)
    expect(row.locator("td").nth(2)).to_have_text(score)
