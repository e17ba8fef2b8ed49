"""Satisfaction questionnaires: who answered, their figures, sums per subject (indicators)."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, Q, Sum

from ..constants import AGREEING, Likert
from ..models import Questionnaire, QuestionnaireAnswer, QuestionnaireReceipt, QuestionnaireResponse
from .figures import round_tenth


def questionnaire_answered(*, questionnaire: Questionnaire, user, subject: str) -> bool:
    return QuestionnaireReceipt.objects.filter(
        questionnaire=questionnaire, user=user, subject=subject
    ).exists()


@dataclass
class ItemStat:
    text: str
    better_equipped: bool
    counts: dict[int, int]
    answered: int
    agree_share: Decimal | None


@dataclass
class SatisfactionSummary:
    responses: int
    average_overall: Decimal | None  # the "note évaluative", out of 5
    better_equipped_share: Decimal | None  # % "mieux outillé·e" (agree + strongly agree)
    items: list[ItemStat]
    comments: list[tuple[str, str, object]]  # (who — empty when anonymous, comment, date)


def satisfaction_summary(
    *, questionnaire: Questionnaire, subject: str | None = None, responses=None
) -> SatisfactionSummary:
    """Figures of a questionnaire's responses (optionally for one module or session).

    `responses` lets the indicators issue pass any queryset of responses (a plan's
    modules and sessions over a period). Four queries.
    """
    if responses is None:
        responses = QuestionnaireResponse.objects.filter(questionnaire=questionnaire)
        if subject:
            responses = responses.filter(subject=subject)
    totals = responses.aggregate(n=Count("id"), avg=Avg("overall"))
    items = list(questionnaire.items.all())
    counts = defaultdict(Counter)
    for item_id, value, n in (
        QuestionnaireAnswer.objects.filter(response__in=responses)
        .values_list("item_id", "value")
        .annotate(n=Count("id"))
        .order_by()
    ):
        counts[item_id][value] += n
    stats = []
    for item in items:
        item_counts = counts.get(item.pk, Counter())
        answered = sum(item_counts.values())
        agreeing = sum(item_counts.get(v, 0) for v in AGREEING)
        stats.append(
            ItemStat(
                text=item.text,
                better_equipped=item.better_equipped,
                counts={value: item_counts.get(value, 0) for value in Likert.values},
                answered=answered,
                agree_share=round_tenth(Decimal(100) * agreeing / answered) if answered else None,
            )
        )
    equipped = [s for s in stats if s.better_equipped and s.answered]
    share = None
    if equipped:
        agreeing = sum(sum(s.counts[v] for v in AGREEING) for s in equipped)
        share = round_tenth(Decimal(100) * agreeing / sum(s.answered for s in equipped))
    comments = [
        (
            "" if questionnaire.anonymous or user is None else user.get_full_name(),
            comment,
            answered_on,
        )
        for user, comment, answered_on in (
            (r.user, r.comment, r.answered_on)
            for r in responses.exclude(comment="").select_related("user").order_by("-answered_on")
        )
    ]
    return SatisfactionSummary(
        responses=totals["n"],
        average_overall=round_tenth(totals["avg"]),
        better_equipped_share=share,
        items=stats,
        comments=comments,
    )


@dataclass
class QuestionnaireOverview:
    questionnaire: Questionnaire
    responses: int
    average_overall: Decimal | None
    better_equipped_share: Decimal | None


def questionnaires_overview() -> list[QuestionnaireOverview]:
    """Each questionnaire's headline figures, in three queries whatever their number."""
    questionnaires = list(
        Questionnaire.objects.annotate(
            n=Count("responses"), avg=Avg("responses__overall")
        ).order_by("title")
    )
    agree = Count("id", filter=Q(value__in=AGREEING))
    equipped = {
        row["response__questionnaire_id"]: row
        for row in QuestionnaireAnswer.objects.filter(item__better_equipped=True)
        .values("response__questionnaire_id")
        .annotate(n=Count("id"), agree=agree)
        .order_by()
    }
    overview = []
    for questionnaire in questionnaires:
        row = equipped.get(questionnaire.pk)
        share = round_tenth(Decimal(100) * row["agree"] / row["n"]) if row and row["n"] else None
        overview.append(
            QuestionnaireOverview(
                questionnaire=questionnaire,
                responses=questionnaire.n,
                average_overall=round_tenth(questionnaire.avg),
                better_equipped_share=share,
            )
        )
    return overview


@dataclass
class SubjectFigures:
    """Sums of the questionnaire responses about one subject, for callers to add up."""

    responses: int = 0
    overall_sum: int = 0
    equipped_answered: int = 0
    equipped_agreeing: int = 0


def questionnaire_figures_by_subject(
    *, subjects: list[str], start, end
) -> dict[str, SubjectFigures]:
    """Per subject ("module:12"), responses answered between two dates: their count, the
    sum of overall scores, and the answers to "better equipped" items (two queries).

    Sums rather than averages, so the indicators can add several subjects exactly.
    """
    figures: dict[str, SubjectFigures] = defaultdict(SubjectFigures)
    if not subjects:
        return {}
    responses = QuestionnaireResponse.objects.filter(
        subject__in=subjects, answered_on__range=(start, end)
    )
    for subject, n, total in (
        responses.values_list("subject").annotate(n=Count("id"), total=Sum("overall")).order_by()
    ):
        figures[subject].responses = n
        figures[subject].overall_sum = total or 0
    for subject, value, n in (
        QuestionnaireAnswer.objects.filter(response__in=responses, item__better_equipped=True)
        .values_list("response__subject", "value")
        .annotate(n=Count("id"))
        .order_by()
    ):
        figures[subject].equipped_answered += n
        if value in AGREEING:
            figures[subject].equipped_agreeing += n
    return dict(figures)
