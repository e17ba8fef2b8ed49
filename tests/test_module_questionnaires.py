"""Satisfaction questionnaires: answering once per completed module, anonymity,
the results page (figures, permissions, filter, CSV)."""

import csv
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from courses.models import ModuleCompletion, ModulePage
from courses.tests import factories as course_factories
from quizzes import services
from quizzes.constants import Likert
from quizzes.models import (
    Questionnaire,
    QuestionnaireAnswer,
    QuestionnaireItem,
    QuestionnaireReceipt,
    QuestionnaireResponse,
)

pytestmark = pytest.mark.django_db

EQUIPPED = "Je me sens mieux outillé·e pour repérer et orienter une victime."
NEEDS = "Les contenus correspondent à mes besoins professionnels."


def _questionnaire(*, anonymous: bool = True) -> Questionnaire:
    questionnaire = Questionnaire.objects.create(
        title="Votre avis sur le module", intro="Deux minutes suffisent.", anonymous=anonymous
    )
    QuestionnaireItem.objects.create(questionnaire=questionnaire, text=NEEDS, sort_order=0)
    QuestionnaireItem.objects.create(
        questionnaire=questionnaire, text=EQUIPPED, better_equipped=True, sort_order=1
    )
    return questionnaire


def _module(questionnaire: Questionnaire, title: str = "Le continuum des violences") -> ModulePage:
    module = course_factories.module(title=title, lessons=0)
    ModulePage.objects.filter(pk=module.pk).update(satisfaction_questionnaire=questionnaire)
    return ModulePage.objects.get(pk=module.pk)


def _complete(user, module: ModulePage) -> None:
    ModuleCompletion.objects.create(
        user=user,
        module=module,
        cycle=1,
        completed_at=timezone.now(),
        revision=None,
        module_title=module.title,
    )


def _items(questionnaire: Questionnaire) -> tuple[QuestionnaireItem, QuestionnaireItem]:
    return (
        questionnaire.items.get(text=NEEDS),
        questionnaire.items.get(text=EQUIPPED),
    )


def _data(questionnaire, *, needs=4, equipped=3, overall="4", comment="") -> dict:
    needs_item, equipped_item = _items(questionnaire)
    data = {"overall": overall, "comment": comment}
    if needs is not None:
        data[f"item_{needs_item.pk}"] = str(needs)
    if equipped is not None:
        data[f"item_{equipped_item.pk}"] = str(equipped)
    return data


def _answer(questionnaire, module, *, user=None, needs=4, equipped=3, overall=4, comment=""):
    needs_item, equipped_item = _items(questionnaire)
    return services.questionnaire_answer(
        questionnaire=questionnaire,
        user=user or UserFactory(),
        subject=f"module:{module.pk}",
        overall=overall,
        values={needs_item.pk: needs, equipped_item.pk: equipped},
        comment=comment,
    )


def _answer_url(questionnaire, module) -> str:
    return reverse("quizzes:questionnaire_answer", args=[questionnaire.pk, "module", module.pk])


def _results_url(questionnaire) -> str:
    return reverse("quizzes:questionnaire_results", args=[questionnaire.pk])


# The default questionnaire ------------------------------------------------------------


def test_the_migration_creates_the_default_questionnaire():
    questionnaire = Questionnaire.objects.get(title="Questionnaire de satisfaction et d'impact")
    assert questionnaire.anonymous is True and questionnaire.intro
    items = list(questionnaire.items.order_by("sort_order"))
    assert [item.text for item in items] == [
        "Les contenus correspondent à mes besoins professionnels.",
        "Les exemples et mises en situation sont proches de ma pratique.",
        "Je me sens mieux outillé·e pour repérer et orienter une victime.",
        "Je recommanderais cette formation à mes collègues.",
    ]
    assert [item.better_equipped for item in items] == [False, False, True, False]


# Answering ----------------------------------------------------------------------------


def test_get_shows_the_form_and_the_anonymity_and_writes_nothing(client, learner):
    questionnaire = _questionnaire(anonymous=True)
    module = _module(questionnaire)
    _complete(learner, module)
    client.force_login(learner)

    response = client.get(_answer_url(questionnaire, module))

    page = response.content.decode()
    assert response.status_code == 200
    assert NEEDS in page and EQUIPPED in page and "Note globale de 1" in page
    assert "Vos réponses sont anonymes" in page
    assert page.count("<fieldset") >= 3 and "<legend" in page
    assert QuestionnaireReceipt.objects.count() == 0
    assert QuestionnaireResponse.objects.count() == 0


def test_non_anonymous_questionnaire_says_so_on_the_form(client, learner):
    questionnaire = _questionnaire(anonymous=False)
    module = _module(questionnaire)
    _complete(learner, module)
    client.force_login(learner)

    page = client.get(_answer_url(questionnaire, module)).content.decode()

    assert "Vos réponses ne sont pas anonymes" in page


def test_a_learner_answers_once_and_is_counted_once(client, learner):
    questionnaire = _questionnaire()
    module = _module(questionnaire)
    _complete(learner, module)
    client.force_login(learner)
    url = _answer_url(questionnaire, module)

    response = client.post(url, _data(questionnaire, comment="Très concret."), follow=True)

    assert response.redirect_chain[0] == (module.url, 302)
    assert "Merci, votre réponse est enregistrée." in response.content.decode()
    recorded = QuestionnaireResponse.objects.get()
    assert recorded.subject == f"module:{module.pk}"
    assert recorded.overall == 4 and recorded.comment == "Très concret."
    assert dict(QuestionnaireAnswer.objects.values_list("item__text", "value")) == {
        NEEDS: 4,
        EQUIPPED: 3,
    }

    second = client.post(url, _data(questionnaire, overall="1"), follow=True)

    assert "Vous avez déjà répondu à ce questionnaire." in second.content.decode()
    assert QuestionnaireResponse.objects.count() == 1
    assert QuestionnaireReceipt.objects.count() == 1
    assert QuestionnaireResponse.objects.get().overall == 4

    again = client.get(url)
    page = again.content.decode()
    assert again.status_code == 200
    assert "Vous avez déjà répondu à ce questionnaire" in page
    assert "Envoyer mes réponses" not in page and 'name="overall"' not in page


def test_invalid_form_is_shown_again_with_the_typed_comment(client, learner):
    questionnaire = _questionnaire()
    module = _module(questionnaire)
    _complete(learner, module)
    client.force_login(learner)
    comment = "Les mises en situation m'ont aidée à poser la question."

    response = client.post(
        _answer_url(questionnaire, module),
        _data(questionnaire, equipped=None, overall="", comment=comment),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Donnez une note globale." in page
    assert "Indiquez votre degré d&#x27;accord avec cette affirmation." in page
    assert "Les mises en situation m&#x27;ont aidée à poser la question." in page
    # The answer already chosen stays checked.
    needs_item, _equipped = _items(questionnaire)
    assert response.context["form"][f"item_{needs_item.pk}"].value() == "4"
    assert QuestionnaireResponse.objects.count() == 0
    assert QuestionnaireReceipt.objects.count() == 0


def test_out_of_range_values_are_refused(client, learner):
    questionnaire = _questionnaire()
    module = _module(questionnaire)
    _complete(learner, module)
    client.force_login(learner)

    response = client.post(_answer_url(questionnaire, module), _data(questionnaire, overall="6"))

    assert response.status_code == 200
    assert "Choisissez une note de 1 à 5." in response.content.decode()
    assert QuestionnaireResponse.objects.count() == 0


def test_a_learner_who_did_not_complete_the_module_is_refused(client, learner):
    questionnaire = _questionnaire()
    module = _module(questionnaire)
    client.force_login(learner)
    url = _answer_url(questionnaire, module)

    assert client.get(url).status_code == 403
    assert client.post(url, _data(questionnaire)).status_code == 403
    assert QuestionnaireResponse.objects.count() == 0


def test_the_questionnaire_must_be_the_modules_one(client, learner):
    questionnaire = _questionnaire()
    other = _questionnaire()
    module = _module(questionnaire)
    _complete(learner, module)
    client.force_login(learner)

    assert client.get(_answer_url(other, module)).status_code == 404
    missing = reverse("quizzes:questionnaire_answer", args=[questionnaire.pk, "module", 999999])
    assert client.get(missing).status_code == 404


def test_answering_needs_a_signed_in_person(client):
    questionnaire = _questionnaire()
    module = _module(questionnaire)

    response = client.get(_answer_url(questionnaire, module))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_anonymous_response_keeps_no_name_but_is_counted(client, learner, editor):
    questionnaire = _questionnaire(anonymous=True)
    module = _module(questionnaire)
    _complete(learner, module)
    client.force_login(learner)
    client.post(_answer_url(questionnaire, module), _data(questionnaire, comment="Utile."))

    recorded = QuestionnaireResponse.objects.get()
    assert recorded.user is None
    assert QuestionnaireReceipt.objects.get().user == learner

    client.force_login(editor)
    response = client.get(_results_url(questionnaire))

    page = response.content.decode()
    assert response.context["summary"].responses == 1
    assert "Utile." in page
    assert learner.last_name not in page and learner.get_full_name() not in page


def test_non_anonymous_results_show_the_name(client, learner, editor):
    questionnaire = _questionnaire(anonymous=False)
    module = _module(questionnaire)
    _complete(learner, module)
    client.force_login(learner)
    client.post(_answer_url(questionnaire, module), _data(questionnaire, comment="Utile."))

    assert QuestionnaireResponse.objects.get().user == learner
    client.force_login(editor)
    page = client.get(_results_url(questionnaire)).content.decode()

    assert learner.get_full_name() in page and "Utile." in page


# Results -------------------------------------------------------------------------------


def test_learners_cannot_read_the_results_but_staff_and_the_ddfe_can(
    client, learner, editor, ddfe, administrator
):
    questionnaire = _questionnaire()
    url = _results_url(questionnaire)
    client.force_login(learner)
    assert client.get(url).status_code == 403
    assert client.get(url + "?format=csv").status_code == 403

    for person in (editor, ddfe, administrator, UserFactory(role=Role.TRAINER)):
        client.force_login(person)
        assert client.get(url).status_code == 200


def test_results_need_a_signed_in_person_and_are_get_only(client, editor):
    questionnaire = _questionnaire()
    url = _results_url(questionnaire)
    assert client.get(url).status_code == 302
    client.force_login(editor)
    assert client.post(url).status_code == 405


def test_figures_count_agree_and_strongly_agree_as_better_equipped(client, editor):
    questionnaire = _questionnaire()
    module = _module(questionnaire)
    _answer(questionnaire, module, equipped=Likert.STRONGLY_AGREE, overall=5)
    _answer(questionnaire, module, equipped=Likert.AGREE, overall=4)
    _answer(questionnaire, module, equipped=Likert.DISAGREE, overall=4, needs=1)
    client.force_login(editor)

    response = client.get(_results_url(questionnaire))

    summary = response.context["summary"]
    assert summary.responses == 3
    assert summary.better_equipped_share == Decimal("66.7")
    assert summary.average_overall == Decimal("4.3")  # 13 / 3
    equipped = next(item for item in summary.items if item.better_equipped)
    assert equipped.counts == {1: 0, 2: 1, 3: 1, 4: 1} and equipped.agree_share == Decimal("66.7")
    page = response.content.decode()
    assert "66,7 %" in page and "4,3 / 5" in page
    assert '<th scope="col">Tout à fait d&#x27;accord</th>' in page and "<caption>" in page


def test_results_can_be_filtered_by_module(client, ddfe):
    questionnaire = _questionnaire()
    first = _module(questionnaire, title="Repérer")
    second = _module(questionnaire, title="Orienter")
    _answer(questionnaire, first, overall=2)
    _answer(questionnaire, second, overall=5)
    _answer(questionnaire, second, overall=4)
    client.force_login(ddfe)

    everything = client.get(_results_url(questionnaire)).context["summary"]
    only_first = client.get(f"{_results_url(questionnaire)}?sujet=module:{first.pk}").context[
        "summary"
    ]

    assert everything.responses == 3
    assert only_first.responses == 1 and only_first.average_overall == Decimal("2.0")
    assert client.get(f"{_results_url(questionnaire)}?sujet=module:abc").status_code == 404


def test_csv_export(client, editor):
    questionnaire = _questionnaire()
    module = _module(questionnaire)
    _answer(questionnaire, module, needs=4, equipped=4, overall=5)
    _answer(questionnaire, module, needs=3, equipped=2, overall=3)
    client.force_login(editor)

    response = client.get(f"{_results_url(questionnaire)}?sujet=module:{module.pk}&format=csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert ["Réponses", "2"] in rows
    assert ["Note évaluative moyenne (/5)", "4,0"] in rows
    assert ["Mieux outillé·es (%)", "50,0"] in rows
    assert ["Pour", module.title] in rows
    header = next(row for row in rows if row and row[0] == "Affirmation")
    assert header[2:6] == [label for _value, label in Likert.choices]
    assert [NEEDS, "non", "0", "0", "1", "1", "2", "100,0"] in rows
    assert [EQUIPPED, "oui", "0", "1", "0", "1", "2", "50,0"] in rows


def test_results_query_count_does_not_grow_with_responses(client, editor):
    questionnaire = _questionnaire()
    module = _module(questionnaire)
    _answer(questionnaire, module, comment="Un.")
    client.force_login(editor)
    url = _results_url(questionnaire)
    client.get(url)  # warm the role and page caches

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(4):
        _answer(questionnaire, module, comment=f"Commentaire {number}.")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    assert response.context["summary"].responses == 5
    assert len(many) == len(few)


def test_csv_export_keeps_titles_and_statements_as_text(client, editor):
    from core.tests.spreadsheet_checks import PAYLOAD, assert_csv_neutralised

    questionnaire = _questionnaire()
    questionnaire.title = PAYLOAD
    questionnaire.save()
    module = _module(questionnaire)
    _answer(questionnaire, module, needs=4, equipped=4, overall=5)
    questionnaire.items.filter(text=NEEDS).update(text="@SUM(1)")
    client.force_login(editor)
    content = client.get(f"{_results_url(questionnaire)}?format=csv").content
    assert_csv_neutralised(content)
    assert_csv_neutralised(content, "@SUM(1)")
