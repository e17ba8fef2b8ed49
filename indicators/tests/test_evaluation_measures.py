"""Average score and share of "better equipped" from the satisfaction questionnaires."""

from datetime import date

import pytest
import time_machine

from accounts.tests.factories import UserFactory
from courses.tests import factories as course_factories
from indicators import selectors, services
from indicators.models import Indicator, Plan
from quizzes import services as quiz_services
from quizzes.models import Questionnaire, QuestionnaireItem

pytestmark = pytest.mark.django_db

PLAN = {
    "code": "TEST-2024",
    "name": "Plan d'essai",
    "territory": "Pas-de-Calais (62)",
    "period_start": "2024-01-01",
    "period_end": "2027-12-31",
    "axes": [
        {
            "number": "1",
            "title": "Former",
            "fiches": [
                {
                    "number": "1.4",
                    "title": "Évaluer",
                    "indicators": [
                        {"label": "Note évaluative", "measure": "average_score"},
                        {
                            "label": "75 % des participants se sentent mieux outillés",
                            "measure": "better_equipped_share",
                            "target": 75,
                            "unit": "%",
                        },
                    ],
                }
            ],
        }
    ],
}


def test_scores_and_shares_add_every_response_of_the_linked_modules():
    """Module 1: overall 4 and 2, equipped answers 4 (agree) and 1 (disagree); module 2:
    overall 5, equipped 3 (agree); one 2024 response outside the year. For 2025:
    average (4 + 2 + 5) / 3 = 3.67, better equipped 2 of 3 = 66.7 %."""
    services.plan_load(data=PLAN)
    plan = Plan.objects.get()
    questionnaire = Questionnaire.objects.create(title="Satisfaction")
    needs = QuestionnaireItem.objects.create(
        questionnaire=questionnaire, text="Besoins", sort_order=0
    )
    equipped = QuestionnaireItem.objects.create(
        questionnaire=questionnaire, text="Mieux outillé·e", better_equipped=True, sort_order=1
    )
    module_1, module_2 = (
        course_factories.module(title="Un", lessons=1),
        course_factories.module(title="Deux", lessons=1),
    )
    for indicator in Indicator.objects.all():
        for module in (module_1, module_2):
            services.activity_link(indicator=indicator, activity=f"module:{module.pk}")

    def answer(module, overall, equipped_value, when):
        with time_machine.travel(when, tick=False):
            quiz_services.questionnaire_answer(
                questionnaire=questionnaire,
                user=UserFactory(),
                subject=f"module:{module.pk}",
                overall=overall,
                values={needs.pk: 3, equipped.pk: equipped_value},
            )

    answer(module_1, 4, 4, "2025-02-01 10:00 +0100")
    answer(module_1, 2, 1, "2025-03-01 10:00 +0100")
    answer(module_2, 5, 3, "2025-04-01 10:00 +0200")
    answer(module_2, 1, 1, "2024-06-01 10:00 +0200")

    rows = {
        row.indicator.code: row
        for row in selectors.plan_report(plan=plan, start=date(2025, 1, 1), end=date(2025, 12, 31))
    }
    assert str(rows["TEST-2024-1.4-1"].value) == "3.67"
    assert str(rows["TEST-2024-1.4-2"].value) == "66.7"
    assert rows["TEST-2024-1.4-2"].gap < 0  # below the 75 % target
    assert "mieux" in rows["TEST-2024-1.4-2"].counting_rule

    empty = selectors.plan_report(plan=plan, start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert [row.value for row in empty] == [None, None]  # no response: no figure
