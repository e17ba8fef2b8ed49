"""Results of the H5P activities for trainers and editors, as quiz statistics are for quizzes.

Per activity: people, attempts, success rate and average score (from `ActivityResult`),
and for each question of the package's answer key (`courses.h5p.scoring`) the
distribution of the responses the server checked (`XAPIStatement` rows whose
`server_success` is known): which choice, which distractor, which words typed.
Every answer given counts, not only each person's latest: an item analysis wants them
all. The number of queries depends on neither people, attempts, questions nor
activities (asserted in courses/tests/test_activity_results.py).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..h5p import scoring
from ..models import ActivityResult, H5PPackage, LessonPage, ModulePage, XAPIStatement

# xAPI joins the parts of a response (several choices, several blanks) with "[,]".
PART_SEPARATOR = "[,]"
# Free-text answers shown per field, the most frequent first; the rest are counted.
SHOWN_RESPONSES = 10
# Beyond this many choices (MarkTheWords offers every word of its text), only the
# choices picked at least once are listed; the others are counted.
MANY_CHOICES = 20
_HUNDRED = Decimal(100)
# The question types' names as the H5P editor shows them in French.
LIBRARY_LABELS = {
    "H5P.TrueFalse": gettext_lazy("Vrai ou faux"),
    "H5P.MultiChoice": gettext_lazy("Choix multiple"),
    "H5P.SingleChoiceSet": gettext_lazy("Série de choix uniques"),
    "H5P.Blanks": gettext_lazy("Texte à trous"),
    "H5P.DragText": gettext_lazy("Glisser les mots"),
    "H5P.MarkTheWords": gettext_lazy("Marquer les mots"),
    "H5P.DragQuestion": gettext_lazy("Glisser-déposer"),
    "H5P.Summary": gettext_lazy("Résumé"),
    "H5P.BranchingScenario": gettext_lazy("Scénario à embranchements"),
    "H5P.BranchingQuestion": gettext_lazy("Question à embranchements"),
}
_TENTH = Decimal("0.1")


def _percent(part, whole) -> Decimal | None:
    if not whole:
        return None
    return (_HUNDRED * Decimal(part) / Decimal(whole)).quantize(_TENTH)


@dataclass
class Figures:
    """What an activity's results say, for one lesson or all of them."""

    people: int = 0
    attempts: int = 0
    completed: int = 0
    checked: int = 0  # results the server scored (its verdict is known)
    success_rate: Decimal | None = None
    average_score: Decimal | None = None


@dataclass
class ChoiceCount:
    id: str
    label: str
    count: int
    share: Decimal | None


@dataclass
class ResponseCount:
    text: str
    count: int
    share: Decimal | None


@dataclass
class ResponseGroup:
    """The free-text responses given in one field (a blank, a gap), most frequent first."""

    label: str
    responses: list[ResponseCount]
    others: int = 0  # responses given but not listed (beyond SHOWN_RESPONSES)


@dataclass
class QuestionResults:
    id: str
    label: str
    library: str
    kind: str  # the library's French name
    max_points: float
    answered: int = 0
    people: int = 0
    success_rate: Decimal | None = None
    average_score: Decimal | None = None
    choices: list[ChoiceCount] = field(default_factory=list)
    groups: list[ResponseGroup] = field(default_factory=list)
    unpicked: int = 0  # choices never picked, left out of a long list
    removed: bool = False  # answered once, no longer in the package's content


@dataclass
class LessonChoice:
    """A lesson where the activity has results: the page's filter."""

    lesson_id: int
    lesson_title: str
    module_id: int
    module_title: str


@dataclass
class ActivityResults:
    package: H5PPackage
    scored: bool
    figures: Figures
    questions: list[QuestionResults]
    lessons: list[LessonChoice]


@dataclass
class ActivityRow:
    """One activity of a module, in a lesson, with its figures."""

    lesson: LessonPage
    package_id: int
    title: str
    figures: Figures


def result_filter(*, module: ModulePage | None = None, lesson: LessonPage | None = None) -> Q:
    """Rows of ActivityResult within the module or lesson asked for (all when neither)."""
    if lesson is not None:
        return Q(lesson_id=lesson.pk)
    if module is not None:
        return Q(module_id=module.pk)
    return Q()


def _statement_filter(*, module, lesson) -> Q:
    # Statements carry their lesson only: a module is its lessons (one subquery).
    if lesson is not None:
        return Q(lesson_id=lesson.pk)
    if module is not None:
        return Q(lesson_id__in=LessonPage.objects.child_of(module).values("pk"))
    return Q()


_FIGURES = {
    "people": Count("user", distinct=True),
    "attempts": Sum("attempts"),
    "completed": Count("id", filter=Q(completed=True)),
    "checked": Count("id", filter=Q(server_checked=True, success__isnull=False)),
    "succeeded": Count("id", filter=Q(server_checked=True, success=True)),
    "average": Avg("score_scaled", filter=Q(server_checked=True)),
}


def _figures(row: dict) -> Figures:
    average = row["average"]
    return Figures(
        people=row["people"],
        attempts=row["attempts"] or 0,
        completed=row["completed"],
        checked=row["checked"],
        success_rate=_percent(row["succeeded"], row["checked"]),
        average_score=None if average is None else (_HUNDRED * average).quantize(_TENTH),
    )


def activity_results(
    *, package: H5PPackage, module: ModulePage | None = None, lesson: LessonPage | None = None
) -> ActivityResults:
    """The results of one activity, within a module or a lesson if given. Five queries."""
    key = scoring.package_key(package.h5p_json or {}, package.content_json or {})
    results = ActivityResult.objects.filter(result_filter(module=module, lesson=lesson))
    figures = _figures(results.filter(package=package).aggregate(**_FIGURES))
    statements = XAPIStatement.objects.filter(
        _statement_filter(module=module, lesson=lesson),
        package=package,
        server_success__isnull=False,
    )
    return ActivityResults(
        package=package,
        scored=key.scored,
        figures=figures,
        questions=_questions(key.questions, statements),
        lessons=lessons_with_results(package=package),
    )


def _questions(questions, statements) -> list[QuestionResults]:
    """Each question's figures and distribution, from two grouped queries."""
    by_response = (
        statements.order_by()
        .values_list("question_id", "response")
        .annotate(
            n=Count("id"),
            ok=Count("id", filter=Q(server_success=True)),
            raw=Sum("server_raw"),
            max=Sum("server_max"),
        )
    )
    given: dict[str, list[tuple]] = defaultdict(list)
    for question_id, response, n, ok, raw, max_ in by_response:
        given[question_id].append((response, n, ok, raw, max_))
    people = dict(
        statements.order_by()
        .values_list("question_id")
        .annotate(n=Count("user", distinct=True))
        .values_list("question_id", "n")
    )
    rows = [_question(question, given.pop(question.id, []), people) for question in questions]
    # The root content's own verdict on a set (its total) is no question; other ids
    # answered are questions an editor removed since.
    given.pop("", None)
    for question_id, answers in sorted(given.items()):
        gone = _GoneQuestion(id=question_id, label=_("Question retirée de l'activité"))
        rows.append(_question(gone, answers, people, removed=True))
    return rows


@dataclass(frozen=True)
class _GoneQuestion:
    """A question answered once that the package's content no longer has."""

    id: str
    label: str
    library: str = ""
    max: float = 0
    choices: tuple = ()


def _question(question, answers: list[tuple], people: dict, removed=False) -> QuestionResults:
    answered = sum(n for _r, n, _ok, _raw, _max in answers)
    raw = sum((r or 0) for _r, _n, _ok, r, _max in answers)
    max_points = sum((m or 0) for _r, _n, _ok, _raw, m in answers)
    row = QuestionResults(
        id=question.id,
        label=question.label or _("Question sans intitulé"),
        library=question.library,
        kind=str(LIBRARY_LABELS.get(question.library, question.library)),
        max_points=question.max,
        answered=answered,
        people=people.get(question.id, 0),
        success_rate=_percent(sum(ok for _r, _n, ok, _raw, _max in answers), answered),
        average_score=_percent(raw, max_points),
        removed=removed,
    )
    counted = [(response, n) for response, n, _ok, _raw, _max in answers]
    if question.choices:
        row.choices, leftover = _choice_counts(question.choices, counted, answered)
        if len(row.choices) > MANY_CHOICES:
            picked = [choice for choice in row.choices if choice.count]
            row.unpicked = len(row.choices) - len(picked)
            row.choices = picked
        if leftover:
            row.groups = [_group(_("Autres réponses"), leftover, answered)]
    else:
        row.groups = _free_text_groups(counted, answered)
    return row


def _choice_counts(choices, counted, answered) -> tuple[list[ChoiceCount], Counter]:
    """How often each choice was picked (one response may pick several), and the
    parts that name no choice, kept as given."""
    known = {choice_id for choice_id, _label in choices}
    picks: Counter = Counter()
    leftover: Counter = Counter()
    for response, n in counted:
        parts = [part for part in response.split(PART_SEPARATOR) if part != ""]
        for part in set(parts):
            (picks if part in known else leftover)[part] += n
        if not parts:
            leftover[""] += n
    rows = [
        ChoiceCount(
            id=choice_id,
            label=label,
            count=picks[choice_id],
            share=_percent(picks[choice_id], answered),
        )
        for choice_id, label in choices
    ]
    return rows, leftover


def _free_text_groups(counted, answered) -> list[ResponseGroup]:
    """Typed responses grouped per field (blank, gap), in the order of the text."""
    fields: dict[int, Counter] = defaultdict(Counter)
    for response, n in counted:
        for position, part in enumerate(response.split(PART_SEPARATOR)):
            fields[position][part.strip()] += n
    if len(fields) <= 1:
        return [_group("", fields[0], answered)] if fields else []
    return [
        _group(_("Champ %(number)s") % {"number": position + 1}, fields[position], answered)
        for position in sorted(fields)
    ]


def _group(label: str, counter: Counter, answered: int) -> ResponseGroup:
    # Most frequent first, then alphabetical: the same order on every page load.
    ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    shown = ordered[:SHOWN_RESPONSES]
    return ResponseGroup(
        label=label,
        responses=[
            ResponseCount(text=text or _("(vide)"), count=n, share=_percent(n, answered))
            for text, n in shown
        ],
        others=sum(n for _text, n in ordered[SHOWN_RESPONSES:]),
    )


def lessons_with_results(*, package: H5PPackage) -> list[LessonChoice]:
    """The lessons (and their modules) where the activity has results. Two queries."""
    pairs = list(
        ActivityResult.objects.filter(package=package)
        .order_by()
        .values_list("module_id", "lesson_id")
        .distinct()
    )
    titles = dict(
        LessonPage.objects.filter(pk__in={lesson for _m, lesson in pairs}).values_list(
            "pk", "title"
        )
    )
    titles.update(
        ModulePage.objects.filter(pk__in={module for module, _l in pairs}).values_list(
            "pk", "title"
        )
    )
    choices = [
        LessonChoice(
            lesson_id=lesson_id,
            lesson_title=titles.get(lesson_id, ""),
            module_id=module_id,
            module_title=titles.get(module_id, ""),
        )
        for module_id, lesson_id in pairs
    ]
    return sorted(choices, key=lambda c: (c.module_title, c.lesson_title, c.lesson_id))


def module_activities(*, module: ModulePage) -> list[ActivityRow]:
    """Every activity of the module's live lessons, in page order, with its figures.

    Three queries: the lessons with their bodies, the packages' titles, and the
    results grouped per lesson and activity.
    """
    lessons = LessonPage.objects.live().child_of(module).order_by("path")
    pairs = [
        (lesson, package_id)
        for lesson in lessons
        for package_id in dict.fromkeys(lesson.h5p_package_ids())
    ]
    titles = dict(
        H5PPackage.objects.filter(pk__in={p for _l, p in pairs}).values_list("pk", "title")
    )
    grouped = {
        (row.pop("lesson_id"), row.pop("package_id")): _figures(row)
        for row in ActivityResult.objects.filter(module=module)
        .order_by()
        .values("lesson_id", "package_id")
        .annotate(**_FIGURES)
    }
    return [
        ActivityRow(
            lesson=lesson,
            package_id=package_id,
            title=titles.get(package_id) or _("Activité H5P n° %(id)s") % {"id": package_id},
            figures=grouped.get((lesson.pk, package_id), Figures()),
        )
        for lesson, package_id in pairs
        if package_id in titles
    ]
