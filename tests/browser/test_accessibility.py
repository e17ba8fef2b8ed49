"""axe-core finds no serious or critical accessibility violation on the entry pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def _describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            if node.get("failureSummary"):
                lines.append("      " + node["failureSummary"].replace("\n", "\n      "))
    return "\n".join(lines)


@pytest.mark.parametrize(
    "path",
    ["/", "/accounts/login/", "/accounts/signup/"],
    ids=["accueil", "connexion", "inscription"],
)
def test_page_has_no_serious_accessibility_violation(page: Page, axe: Axe, path):
    page.goto(path)
    results = axe.run(page)

    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe violations on {path}:\n{_describe(blocking)}"


def test_quiz_form_and_result_have_no_serious_accessibility_violation(
    page: Page, axe: Axe, password
):
    """Every question type, a situation included, then the corrected result."""
    from accounts.tests.factories import UserFactory
    from quizzes.tests import factories as quiz_factories

    from .conftest import log_in

    quiz = quiz_factories.quiz(
        quiz_factories.single("Quel numéro ?", "Le 3919", "Le 17"),
        quiz_factories.multiple("Quelles formes ?", ["Psychologique"], ["Aucune"]),
        quiz_factories.true_false("La plainte peut être refusée.", False),
        quiz_factories.matching("Associez", [("3919", "Écoute"), ("17", "Police")]),
        quiz_factories.ordering("Ordonnez", ["Tension", "Agression", "Justification"]),
        quiz_factories.situation(
            "Au guichet", "Une femme attend.", quiz_factories.true_false("Vrai ?", True)
        ),
        available_alone=True,
    )
    log_in(page, email=UserFactory().email, password=password)
    page.goto(f"/evaluations/quiz/{quiz.pk}/")
    page.get_by_role("button", name="Commencer le quiz").click()

    # The blank form, the warning about unanswered questions, then the result.
    for moment in ("form", "warning", "result"):
        page.get_by_role("heading", level=1).wait_for()
        results = axe.run(page)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, f"axe violations on the quiz {moment}:\n{_describe(blocking)}"
        if moment == "form":
            page.get_by_role("button", name="Envoyer mes réponses").click()
        elif moment == "warning":
            # The warning's own button (the same choice is repeated under the form).
            page.locator("#envoyer-quand-meme").click()


def test_attestation_pages_have_no_serious_accessibility_violation(page: Page, axe: Axe, password):
    """Mes attestations (with a revoked one), the verification form and a result."""
    from accounts.tests.factories import UserFactory
    from certificates import services
    from certificates.models import Attestation
    from certificates.tests.factories import complete_module

    from .conftest import log_in

    learner = UserFactory()
    complete_module(learner, title="Psychotraumatisme")
    complete_module(learner, title="Prostitution des mineur·es")
    revoked = Attestation.objects.filter(user=learner).first()
    services.attestation_revoke(attestation=revoked, by=None, reason="Doublon.")
    log_in(page, email=learner.email, password=password)

    for path in (
        "/attestations/",
        "/attestations/verifier/",
        f"/attestations/verifier/{Attestation.objects.exclude(pk=revoked.pk).get().code}/",
        f"/attestations/verifier/{revoked.code}/",
    ):
        page.goto(path)
        results = axe.run(page)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, f"axe violations on {path}:\n{_describe(blocking)}"


def test_plan_report_and_manual_entry_have_no_serious_accessibility_violation(
    page: Page, axe: Axe, password
):
    from accounts.constants import Role
    from accounts.tests.factories import UserFactory
    from indicators import services
    from indicators.tests.test_plans import SMALL

    from .conftest import log_in

    services.plan_load(data=SMALL)
    log_in(page, email=UserFactory(role=Role.DDFE).email, password=password)
    for path in (
        "/indicateurs/",
        "/indicateurs/plans/TEST-2024/",
        "/indicateurs/plans/TEST-2024/saisie/",
    ):
        page.goto(path)
        results = axe.run(page)
        blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
        assert not blocking, f"axe violations on {path}:\n{_describe(blocking)}"


@pytest.mark.parametrize("kind", ["truefalse", "dragquestion"])
def test_lesson_with_an_activity_has_no_serious_accessibility_violation(
    page: Page, axe: Axe, password, superuser, kind
):
    """The activity's frame is named (frame-title), and the lesson page around it passes."""
    import io
    import shutil

    from accounts.tests.factories import UserFactory
    from courses import services
    from courses.h5p.authoring import build_package
    from courses.h5p.packages import h5p_root
    from courses.tests import factories as course_factories
    from courses.tests.h5p_uploads import upload_package

    from .conftest import log_in

    shutil.rmtree(h5p_root(), ignore_errors=True)
    package = upload_package(
        user=superuser,
        archive=io.BytesIO(build_package(kind)),
        filename=f"{kind}.h5p",
        title="Orienter une victime",
    )
    module = course_factories.module(title="Repérer les violences", lessons=0)
    lesson = course_factories.lesson(module_page=module, title="Orienter", packages=[package])
    learner = UserFactory()
    services.enrolment_create(user=learner, module=module)
    log_in(page, email=learner.email, password=password)

    page.goto(lesson.url)
    page.frame_locator("iframe.h5p-iframe").locator(".h5p-initialized").wait_for()
    results = axe.run(page)
    shutil.rmtree(h5p_root(), ignore_errors=True)

    assert "frame-title" in {rule["id"] for rule in results.response["passes"]}
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"axe violations on the lesson:\n{_describe(blocking)}"
