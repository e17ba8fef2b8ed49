"""A learner's SCORM sessions: launch, commits, resume, and the module's completion."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.tests.factories import UserFactory
from courses import services
from courses.blocks import ScormActivityBlock
from courses.models import ModuleCompletion, ScormAttempt
from courses.scorm import runtime
from courses.selectors import records

from . import factories
from .test_scorm_packages import egide_zip, golf_zip, store

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    """A module of one lesson holding a required two-SCO SCORM 1.2 package, and its learner."""
    package = factories.scorm_package(scos=("reperer", "orienter"))
    module = factories.module(title="Module SCORM", lessons=0)
    lesson = factories.lesson(module_page=module, title="Leçon SCORM", scorm=[{"package": package}])
    person = UserFactory()
    services.enrolment_create(user=person, module=module)
    return package, module, lesson, person


def launch(client, package, lesson, index=0) -> dict:
    response = client.post(
        reverse("courses:scorm_launch", args=[package.pk, lesson.pk, index]),
        content_type="application/json",
        data="{}",
    )
    assert response.status_code == 200, response.content
    return response.json()


def commit(client, url, cmi, **headers):
    return client.post(url, data=json.dumps({"cmi": cmi}), content_type="text/plain", **headers)


def core(status, *, raw=None, suspend="", location="", exit="", session="00:01:30"):
    tree = {
        "core": {
            "lesson_status": status,
            "lesson_location": location,
            "exit": exit,
            "session_time": session,
            "score": {"raw": "" if raw is None else str(raw), "min": "0", "max": "100"},
        },
        "suspend_data": suspend,
    }
    return tree


def test_a_first_launch_starts_from_the_beginning_with_the_manifest_mastery_score(client, setting):
    package, _module, lesson, person = setting
    client.force_login(person)
    data = launch(client, package, lesson)
    assert data["cmi"]["core"]["entry"] == "ab-initio"
    assert data["cmi"]["core"]["student_id"] == f"egide-{person.pk}"
    assert data["cmi"]["core"]["student_name"] == f"{person.last_name}, {person.first_name}"
    assert data["cmi"]["core"]["lesson_status"] == "not attempted"
    assert data["cmi"]["student_data"] == {"mastery_score": "80"}
    assert "suspend_data" not in data["cmi"]
    assert data["launch_url"].endswith("/reperer/index.html")


def test_leaving_halfway_then_launching_again_resumes_where_the_learner_stopped(client, setting):
    package, _module, lesson, person = setting
    client.force_login(person)
    first = launch(client, package, lesson, 1)
    response = commit(
        client,
        first["commit_url"],
        core("incomplete", raw=50, suspend="orienter:etape=2", location="p2", exit="suspend"),
    )
    assert response.status_code == 200
    assert response.json()["result"] == "true"
    second = launch(client, package, lesson, 1)
    assert second["cmi"]["core"]["entry"] == "resume"
    assert second["cmi"]["suspend_data"] == "orienter:etape=2"
    assert second["cmi"]["core"]["lesson_location"] == "p2"
    assert second["cmi"]["core"]["lesson_status"] == "incomplete"
    assert second["cmi"]["core"]["score"] == {"raw": "50", "min": "0", "max": "100"}
    # The first session's 90 seconds are now in the total.
    assert second["cmi"]["core"]["total_time"] == "0000:01:30"


def test_a_sco_that_did_not_suspend_gets_its_data_back_but_no_resume_entry(client, setting):
    package, _module, lesson, person = setting
    client.force_login(person)
    first = launch(client, package, lesson, 0)
    commit(client, first["commit_url"], core("passed", raw=100, suspend="x", location="fin"))
    again = launch(client, package, lesson, 0)
    assert again["cmi"]["core"]["entry"] == ""
    assert again["cmi"]["suspend_data"] == "x"
    assert again["cmi"]["core"]["lesson_location"] == "fin"
    assert again["cmi"]["core"]["lesson_status"] == "passed"


def test_both_scos_done_complete_the_lesson_and_the_module_without_a_scorm_score(client, setting):
    package, module, lesson, person = setting
    client.force_login(person)
    first = launch(client, package, lesson, 0)
    commit(client, first["commit_url"], core("passed", raw=100))
    with pytest.raises(ValidationError, match="Terminez d'abord le paquet"):
        services.lesson_complete(user=person, lesson=lesson)
    second = launch(client, package, lesson, 1)
    answer = commit(client, second["commit_url"], core("completed", raw=100)).json()
    assert answer["status"] == "Paquet terminé."
    outcome = services.lesson_complete(user=person, lesson=lesson)
    assert outcome.complete
    completion = ModuleCompletion.objects.get(user=person, module=module)
    # The browser's score never becomes the module's (the attestation's) score.
    assert completion.score is None


def test_late_and_repeated_commits_never_undo_a_completion(client, setting):
    package, _module, lesson, person = setting
    client.force_login(person)
    session = launch(client, package, lesson, 0)
    commit(client, session["commit_url"], core("passed", raw=90))
    # LMSFinish called twice, then the page's beacon with an older state.
    commit(client, session["commit_url"], core("passed", raw=90))
    commit(client, session["commit_url"], core("incomplete", raw=40))
    attempt = ScormAttempt.objects.get(user=person, sco="reperer")
    assert attempt.completed
    assert attempt.success_status == "passed"
    assert str(attempt.score_scaled) == "0.9000"
    assert attempt.commits == 3


def test_interactions_of_every_session_are_kept(client, setting):
    package, _module, lesson, person = setting
    client.force_login(person)
    for answer in ("ecouter", "ignorer"):
        session = launch(client, package, lesson, 0)
        tree = core("incomplete")
        tree["interactions"] = {"0": {"id": "q1", "student_response": answer}}
        commit(client, session["commit_url"], tree)
    launch(client, package, lesson, 0)
    attempt = ScormAttempt.objects.get(user=person, sco="reperer")
    assert [i["student_response"] for i in attempt.past_interactions] == ["ecouter", "ignorer"]
    exported = records.personal_data(person)["paquets_scorm"]
    assert {row["sco"] for row in exported} == {"reperer"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"pas du json", "JSON attendu"),
        (b'{"core": {}}', "l'objet « cmi » manque"),
        (b'{"cmi": "texte"}', "l'objet « cmi » manque"),
    ],
)
def test_an_unreadable_commit_is_refused_in_french_and_changes_nothing(
    client, setting, body, message
):
    package, _module, lesson, person = setting
    client.force_login(person)
    session = launch(client, package, lesson, 0)
    response = client.post(session["commit_url"], data=body, content_type="text/plain")
    assert response.status_code == 400
    assert message in response.json()["message"]
    assert ScormAttempt.objects.get(user=person, sco="reperer").commits == 0


def test_a_commit_too_large_is_refused_before_reading_it(client, setting):
    package, _module, lesson, person = setting
    client.force_login(person)
    session = launch(client, package, lesson, 0)
    body = json.dumps({"cmi": {"suspend_data": "x" * (600 * 1024)}})
    response = client.post(session["commit_url"], data=body, content_type="text/plain")
    assert response.status_code == 400
    assert "trop volumineuses" in response.json()["message"]


def test_a_commit_address_belongs_to_its_learner_and_to_this_site(client, setting):
    package, module, lesson, person = setting
    client.force_login(person)
    session = launch(client, package, lesson, 0)
    other = UserFactory()
    services.enrolment_create(user=other, module=module)
    client.force_login(other)
    assert commit(client, session["commit_url"], core("passed")).status_code == 403
    client.force_login(person)
    forged = commit(client, session["commit_url"][:-2] + "x/", core("passed"))
    assert forged.status_code == 403
    assert "rechargez la page" in forged.json()["message"]
    cross = commit(client, session["commit_url"], core("passed"), HTTP_SEC_FETCH_SITE="cross-site")
    assert cross.status_code == 403
    assert not ScormAttempt.objects.filter(completion_status="completed").exists()


def test_only_enrolled_learners_launch_and_only_scos_of_the_lesson(client, setting):
    package, _module, lesson, _person = setting
    stranger = UserFactory()
    client.force_login(stranger)
    url = reverse("courses:scorm_launch", args=[package.pk, lesson.pk, 0])
    assert client.post(url).status_code == 403
    assert client.get(url).status_code == 405


def test_a_sco_rank_outside_the_manifest_is_not_found(client, setting):
    package, _module, lesson, person = setting
    client.force_login(person)
    url = reverse("courses:scorm_launch", args=[package.pk, lesson.pk, 2])
    assert client.post(url).status_code == 404


def test_restarting_the_module_forgets_the_scorm_sessions(client, setting):
    package, module, lesson, person = setting
    client.force_login(person)
    session = launch(client, package, lesson, 0)
    commit(client, session["commit_url"], core("passed"))
    ModuleCompletion.objects.create(
        user=person,
        module=module,
        completed_at="2020-01-01T00:00:00Z",
        module_title=module.title,
    )
    module.validity_months = 12
    module.save_revision().publish()
    module.refresh_from_db()
    services.module_restart(user=person, module=module)
    assert not ScormAttempt.objects.filter(user=person).exists()


class TestRequirements:
    def test_success_or_a_score_cannot_be_required_without_the_editors_opt_in(self):
        package = factories.scorm_package()
        block = ScormActivityBlock()
        with pytest.raises(Exception) as caught:
            block.clean(block.to_python({"package": package.pk, "requirement": "success"}))
        assert "cochez cette case" in str(caught.value.block_errors["trust_score"])
        cleaned = block.clean(
            block.to_python(
                {
                    "package": package.pk,
                    "requirement": "min_score",
                    "min_score": 80,
                    "trust_score": True,
                }
            )
        )
        assert cleaned["trust_score"] is True

    def test_with_the_opt_in_a_minimal_score_decides_the_completion(self, client):
        package = factories.scorm_package(version="2004", scos=("golf",))
        module = factories.module(title="Module noté", lessons=0)
        block = {
            "package": package,
            "requirement": "min_score",
            "min_score": 80,
            "trust_score": True,
        }
        lesson = factories.lesson(module_page=module, title="Leçon notée", scorm=[block])
        person = UserFactory()
        services.enrolment_create(user=person, module=module)
        client.force_login(person)
        session = launch(client, package, lesson, 0)
        low = {
            "completion_status": "completed",
            "success_status": "failed",
            "score": {"scaled": "0.5"},
        }
        commit(client, session["commit_url"], low)
        outcome = services.lesson_complete(user=person, lesson=lesson)
        assert not outcome.complete
        assert outcome.missing_activities[0].package == package
        high = {
            "completion_status": "completed",
            "success_status": "passed",
            "score": {"scaled": "0.9"},
        }
        answer = commit(client, session["commit_url"], high).json()
        assert answer["module_completed"] is True
        assert ModuleCompletion.objects.filter(user=person, module=module).exists()


class TestReadingCommits:
    def test_scorm_12_statuses_read_as_2004s(self):
        facts = runtime.read_commit("1.2", core("failed", raw=30))
        assert (facts.completion_status, facts.success_status) == ("completed", "failed")
        assert str(facts.score_scaled) == "0.3000"
        assert facts.session_seconds == 90

    def test_scorm_2004_values_out_of_their_vocabulary_read_as_unknown(self):
        facts = runtime.read_commit(
            "2004",
            {
                "completion_status": "fini",
                "success_status": "passed",
                "score": {"scaled": "7", "raw": "8", "max": "10"},
                "session_time": "PT1H2M3.5S",
            },
        )
        assert facts.completion_status == "unknown"
        assert facts.success_status == "passed"
        # An out-of-range scaled score is ignored: raw over max stands in.
        assert str(facts.score_scaled) == "0.8000"
        assert facts.session_seconds == 3723

    def test_forged_values_are_bounded(self):
        facts = runtime.read_commit(
            "1.2",
            {"core": {"lesson_status": {"x": 1}, "score": {"raw": "NaN"}}, "suspend_data": ["a"]},
        )
        assert facts.completion_status == "unknown"
        assert facts.score_scaled is None
        assert facts.suspend_data == ""


def test_the_package_files_are_served_to_signed_in_people_framed_by_this_site_only(client):
    person = UserFactory()
    package = store(egide_zip(), user=person)
    assert package.is_ready, package.error
    url = reverse("courses:scorm_file", args=[package.pk, "reperer/index.html"])
    assert client.get(url).status_code == 302
    client.force_login(person)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy
    assert "sandbox allow-scripts allow-same-origin" in policy
    assert "allow-top-navigation" not in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert b"Rep\xc3\xa9rer les signaux" in b"".join(response.streaming_content)
    for forbidden in ("../uploads/x.zip", "reperer/../../x", "commun/scorm12.sh", "imsmanifest.xm"):
        assert (
            client.get(reverse("courses:scorm_file", args=[package.pk, forbidden])).status_code
            == 404
        )


def test_a_2004_sco_launches_with_its_manifest_objectives_and_keeps_their_statuses(client):
    package = store(golf_zip(), user=UserFactory())
    sco = package.scos[0]
    assert sco["objectives"] == [
        "PRIMARYOBJ",
        "obj_etiquette",
        "obj_handicapping",
        "obj_havingfun",
        "obj_playing",
    ]
    module = factories.module(title="Golf", lessons=0)
    lesson = factories.lesson(module_page=module, title="Golf", scorm=[{"package": package}])
    person = UserFactory()
    services.enrolment_create(user=person, module=module)
    client.force_login(person)
    first = launch(client, package, lesson)
    assert [o["id"] for o in first["cmi"]["objectives"]][:2] == ["PRIMARYOBJ", "obj_etiquette"]
    assert first["cmi"]["scaled_passing_score"] == "0.8"
    tree = {
        "completion_status": "incomplete",
        "location": "3",
        "objectives": {
            "0": {"id": "obj_playing", "completion_status": "completed", "score": {"scaled": "1"}}
        },
    }
    commit(client, first["commit_url"], tree)
    again = launch(client, package, lesson)
    playing = next(o for o in again["cmi"]["objectives"] if o["id"] == "obj_playing")
    assert playing == {
        "id": "obj_playing",
        "completion_status": "completed",
        "score": {"scaled": "1"},
    }
    assert again["cmi"]["location"] == "3"


def test_the_module_results_show_scorm_figures_as_declared_in_few_queries(
    client, setting, editor, django_assert_max_num_queries
):
    package, module, lesson, person = setting
    client.force_login(person)
    for index, tree in enumerate((core("passed", raw=90), core("completed", raw=70))):
        session = launch(client, package, lesson, index)
        commit(client, session["commit_url"], tree)
    others = [UserFactory() for _ in range(3)]
    for other in others:
        services.enrolment_create(user=other, module=module)
        client.force_login(other)
        session = launch(client, package, lesson, 0)
        commit(client, session["commit_url"], core("failed", raw=20))
    client.force_login(editor)
    url = reverse("courses:module_activity_results", args=[module.pk])
    with django_assert_max_num_queries(25):
        response = client.get(url)
    page = response.content.decode()
    assert "ne peut pas les vérifier" in page
    from courses.selectors.scorm import module_scorm_activities

    (row,) = module_scorm_activities(module=module)
    assert (row.people, row.completed, row.passed) == (4, 1, 1)
    assert str(row.average_score) == "35.0"  # (0.8 + 3 × 0.2) / 4
