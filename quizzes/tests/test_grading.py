"""Tests for quizzes.grading: pure functions, no database."""

import re
from decimal import Decimal

import pytest

from quizzes.draws import draw_questions, shuffled_choices
from quizzes.grading import grade, grade_attempt
from quizzes.questions import (
    Choice,
    DrawError,
    InvalidAnswer,
    InvalidQuestion,
    Item,
    Kind,
    Pair,
    Question,
    Scoring,
    true_false_choices,
)


def make_single(qid: str = "s1", points: str = "1", tags: tuple[str, ...] = ()) -> Question:
    return Question(
        id=qid,
        kind=Kind.SINGLE,
        points=Decimal(points),
        text="Que doit faire l’agent d’accueil ?",
        choices=(
            Choice("a", "Recevoir la plainte", correct=True),
            Choice("b", "Orienter vers un autre service"),
            Choice("c", "Proposer une main courante"),
        ),
        tags=tags,
    )


def make_multiple(scoring: Scoring = Scoring.PARTIAL, points: str = "1") -> Question:
    return Question(
        id="m1",
        kind=Kind.MULTIPLE,
        points=Decimal(points),
        scoring=scoring,
        choices=(
            Choice("a", "Captures d’écran", correct=True),
            Choice("b", "Certificat médical", correct=True),
            Choice("c", "Attestations", correct=True),
            Choice("d", "Rien"),
            Choice("e", "Un horoscope"),
        ),
    )


def make_matching(scoring: Scoring = Scoring.PARTIAL) -> Question:
    return Question(
        id="x1",
        kind=Kind.MATCHING,
        scoring=scoring,
        pairs=(
            Pair("p1", "3919", "r1", "Écoute"),
            Pair("p2", "17", "r2", "Police secours"),
            Pair("p3", "114", "r3", "Urgence par SMS"),
            Pair("p4", "112", "r2", "Police secours"),
        ),
    )


def make_ordering(scoring: Scoring = Scoring.PARTIAL) -> Question:
    return Question(
        id="o1",
        kind=Kind.ORDERING,
        scoring=scoring,
        items=(
            Item("i1", "Tension"),
            Item("i2", "Agression"),
            Item("i3", "Justification"),
            Item("i4", "Lune de miel"),
        ),
    )


def make_situation() -> Question:
    return Question(
        id="sit",
        kind=Kind.SITUATION,
        points=Decimal("4"),
        text="Mme D. se présente à l’accueil…",
        sub_questions=(
            make_single("a1", points="1"),
            Question(
                id="a2",
                kind=Kind.TRUE_FALSE,
                points=Decimal("3"),
                choices=true_false_choices(correct=True),
            ),
        ),
    )


# single / true_false --------------------------------------------------------------------


def test_single_right_and_wrong():
    right = grade(make_single(points="2"), "a")
    assert (right.score, right.points_awarded, right.correct) == (Decimal("1"), Decimal("2"), True)
    wrong = grade(make_single(points="2"), "b")
    assert (wrong.score, wrong.points_awarded, wrong.correct) == (Decimal("0"), Decimal("0"), False)


def test_true_false_is_graded_like_single():
    question = Question(id="tf", kind=Kind.TRUE_FALSE, choices=true_false_choices(correct=False))
    assert grade(question, "false").correct
    assert not grade(question, "true").correct
    assert [c.text for c in question.choices] == ["Vrai", "Faux"]


def test_unanswered_scores_zero():
    result = grade(make_single(), None)
    assert result.score == 0 and result.detail == {"answered": False}


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("z", "identifiant inconnu « z »"),
        (["a"], "un identifiant (texte) est attendu"),
        (1, "un identifiant (texte) est attendu"),
    ],
)
def test_single_invalid_answers(answer, message):
    with pytest.raises(InvalidAnswer) as error:
        grade(make_single(), answer)
    assert message in error.value.message
    assert error.value.message.startswith("Réponse invalide à la question s1")
    assert error.value.question_id == "s1"


# multiple -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "score"),
    [
        (["a", "b", "c"], "1"),
        (["a", "b"], "0.6667"),
        (["a"], "0.3333"),
        ([], "0"),
        (["d", "e"], "0"),  # all wrong
        (["a", "b", "c", "d"], "0.6667"),  # over-selection costs one right pick
        (["a", "b", "c", "d", "e"], "0.3333"),
        (["a", "d", "e"], "0"),  # negative floored at 0
    ],
)
def test_multiple_partial(answer, score):
    result = grade(make_multiple(), answer)
    assert result.score == Decimal(score)
    assert result.correct == (score == "1")


def test_multiple_partial_points_are_rounded_half_up():
    # 2 points x 2/3 = 1.3333… -> 1.33 ; 1 point x 1/3 = 0.3333… -> 0.33
    assert grade(make_multiple(points="2"), ["a", "b"]).points_awarded == Decimal("1.33")
    # 5 points x 1/3 = 1.6666… -> 1.67
    assert grade(make_multiple(points="5"), ["a"]).points_awarded == Decimal("1.67")


def test_multiple_detail():
    detail = grade(make_multiple(), ["a", "d"]).detail
    assert detail == {"correct_selected": 1, "wrong_selected": 1, "correct_total": 3}


@pytest.mark.parametrize(
    ("answer", "score"), [(["a", "b", "c"], "1"), (["a", "b"], "0"), (["a", "b", "c", "d"], "0")]
)
def test_multiple_all_or_nothing(answer, score):
    assert grade(make_multiple(Scoring.ALL_OR_NOTHING), answer).score == Decimal(score)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (["a", "a"], "identifiant en double « a »"),
        (["a", "zz"], "identifiant inconnu « zz »"),
        ("a", "une liste d’identifiants est attendue"),
        ({"a": True}, "une liste d’identifiants est attendue"),
        ([1], "un identifiant (texte) est attendu"),
    ],
)
def test_multiple_invalid_answers(answer, message):
    with pytest.raises(InvalidAnswer, match=re.escape(message)):
        grade(make_multiple(), answer)


# matching -------------------------------------------------------------------------------


def test_matching_partial_per_pair_and_shared_answers():
    question = make_matching()
    full = {"p1": "r1", "p2": "r2", "p3": "r3", "p4": "r2"}
    assert grade(question, full).correct
    half = grade(question, {"p1": "r1", "p2": "r2", "p3": "r2"})  # p4 unanswered
    assert half.score == Decimal("0.5")
    assert half.detail == {"pairs_correct": 2, "pairs_total": 4}
    assert grade(make_matching(Scoring.ALL_OR_NOTHING), {"p1": "r1"}).score == 0


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"p9": "r1"}, "élément à associer inconnu « p9 »"),
        ({"p1": "r9"}, "identifiant inconnu « r9 »"),
        ({"p1": ["r1"]}, "un identifiant (texte) est attendu"),
        (["r1"], "un objet associant des identifiants est attendu"),
    ],
)
def test_matching_invalid_answers(answer, message):
    with pytest.raises(InvalidAnswer, match=re.escape(message)):
        grade(make_matching(), answer)


# ordering -------------------------------------------------------------------------------


def test_ordering_partial_and_all_or_nothing():
    assert grade(make_ordering(), ["i1", "i2", "i3", "i4"]).correct
    swapped = ["i1", "i3", "i2", "i4"]
    assert grade(make_ordering(), swapped).score == Decimal("0.5")
    assert grade(make_ordering(), ["i4", "i3", "i2", "i1"]).score == 0
    assert grade(make_ordering(Scoring.ALL_OR_NOTHING), swapped).score == 0


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (["i1", "i2", "i3"], "chacun des éléments une fois"),
        (["i1", "i1", "i3", "i4"], "identifiant en double « i1 »"),
        (["i1", "i2", "i3", "i9"], "identifiant inconnu « i9 »"),
        ("i1", "une liste d’identifiants est attendue"),
    ],
)
def test_ordering_invalid_answers(answer, message):
    with pytest.raises(InvalidAnswer, match=re.escape(message)):
        grade(make_ordering(), answer)


# situation ------------------------------------------------------------------------------


def test_situation_is_points_weighted_mean():
    question = make_situation()
    # Sub-question a2 weighs 3 of 4: right on a2 only -> 0.75 of the situation's 4 points.
    result = grade(question, {"a1": "b", "a2": "true"})
    assert result.score == Decimal("0.75")
    assert result.points_awarded == Decimal("3.00")
    assert result.detail["sub_questions"]["a2"].correct
    only_a1 = grade(question, {"a1": "a"})  # a2 unanswered
    assert only_a1.score == Decimal("0.25")
    assert grade(question, {"a1": "a", "a2": "true"}).correct


def test_situation_rejects_unknown_sub_question_and_bad_sub_answer():
    with pytest.raises(InvalidAnswer, match="sous-question inconnue « a9 »"):
        grade(make_situation(), {"a9": "a"})
    with pytest.raises(InvalidAnswer, match="question a1 : identifiant inconnu"):
        grade(make_situation(), {"a1": "nope"})
    with pytest.raises(InvalidAnswer, match="un objet associant"):
        grade(make_situation(), ["a"])


# question consistency -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": Kind.SINGLE, "choices": (Choice("a", "A"), Choice("b", "B"))}, "exactement une"),
        (
            {"kind": Kind.SINGLE, "choices": (Choice("a", "A", True), Choice("a", "B"))},
            "en double",
        ),
        ({"kind": Kind.MULTIPLE, "choices": (Choice("a", "A"), Choice("b", "B"))}, "au moins une"),
        ({"kind": Kind.TRUE_FALSE, "choices": (Choice("a", "A", True),)}, "deux choix"),
        ({"kind": Kind.MATCHING, "pairs": (Pair("p", "P", "r", "R"),)}, "deux paires"),
        ({"kind": Kind.ORDERING, "items": (Item("i", "I"),)}, "deux éléments"),
        ({"kind": Kind.SITUATION}, "au moins une sous-question"),
        ({"kind": Kind.SINGLE, "points": Decimal(0)}, "barème"),
        ({"kind": Kind.SINGLE, "points": 1}, "barème"),
        ({"kind": Kind.SINGLE, "points": Decimal("NaN")}, "barème"),
    ],
)
def test_inconsistent_questions_are_rejected(kwargs, message):
    with pytest.raises(InvalidQuestion, match=re.escape(message)):
        Question(id="bad", **kwargs)


def test_nested_situation_is_rejected():
    with pytest.raises(InvalidQuestion, match="ne peut pas en contenir"):
        Question(id="outer", kind=Kind.SITUATION, sub_questions=(make_situation(),))


# attempts -------------------------------------------------------------------------------


def test_grade_attempt_totals_and_percent():
    questions = [make_single("s1", "1"), make_single("s2", "2"), make_multiple(points="3")]
    result = grade_attempt(questions, {"s1": "a", "m1": ["a"]})  # s2 missing
    assert result.total_points == Decimal("2.00")  # 1 + 0 + 3 x 1/3
    assert result.max_points == Decimal("6")
    assert result.percent == Decimal("33.33")
    assert result.per_question["s2"].score == 0


def test_grade_attempt_percent_rounds_half_up():
    # 1 point of 8 = 12.5 % exactly; 1 of 16 = 6.25 %; 1 of 32 = 3.125 % -> 3.13.
    questions = [make_single(f"s{n}", "1") for n in range(32)]
    assert grade_attempt(questions, {"s0": "a"}).percent == Decimal("3.13")


def test_grade_attempt_rejects_answers_to_questions_not_drawn():
    with pytest.raises(InvalidAnswer, match="ne fait pas partie du tirage : « s9 »"):
        grade_attempt([make_single("s1")], {"s1": "a", "s9": "a"})
    with pytest.raises(InvalidAnswer, match="objet indexé par question"):
        grade_attempt([make_single("s1")], ["a"])


def test_grade_attempt_empty_is_zero_percent():
    assert grade_attempt([], {}).percent == Decimal("0.00")


# draws and shuffling --------------------------------------------------------------------


def make_pool() -> list[Question]:
    return [make_single(f"p{n}", tags=("itt",)) for n in range(5)] + [
        make_single(f"c{n}", tags=("3919",)) for n in range(6)
    ]


def test_draw_is_deterministic_per_seed():
    pool = make_pool()
    first = draw_questions(pool, total=4, seed=42)
    assert [q.id for q in first] == [q.id for q in draw_questions(pool, total=4, seed=42)]
    assert len({q.id for q in first}) == 4
    others = {tuple(q.id for q in draw_questions(pool, total=4, seed=s)) for s in range(10)}
    assert len(others) > 1


def test_draw_respects_per_tag_counts_and_tops_up():
    pool = make_pool()
    drawn = draw_questions(pool, per_tag={"itt": 2, "3919": 3}, total=7, seed=1)
    ids = [q.id for q in drawn]
    assert len(ids) == len(set(ids)) == 7
    assert sum(1 for i in ids if i.startswith("p")) >= 2
    assert sum(1 for i in ids if i.startswith("c")) >= 3
    exact = draw_questions(pool, per_tag={"itt": 2, "3919": 3}, seed=1)
    assert sorted(i.id[0] for i in exact) == ["c", "c", "c", "p", "p"]


def test_draw_without_limits_returns_whole_pool_shuffled():
    pool = make_pool()
    assert sorted(q.id for q in draw_questions(pool, seed=3)) == sorted(q.id for q in pool)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"per_tag": {"itt": 6}},
            "l’étiquette « itt » : 6 demandées, 5",
        ),
        ({"per_tag": {"absente": 1}}, "étiquette « absente »"),
        ({"total": 12}, "Pas assez de questions : 12 demandées, 11 disponibles"),
        ({"per_tag": {"itt": 3}, "total": 2}, "inférieur à la somme"),
        ({"per_tag": {"itt": -1}}, "négatif"),
    ],
)
def test_draw_errors(kwargs, message):
    with pytest.raises(DrawError, match=re.escape(message)):
        draw_questions(make_pool(), seed=1, **kwargs)


def test_draw_rejects_duplicated_pool():
    with pytest.raises(DrawError, match="deux fois"):
        draw_questions([make_single("s1"), make_single("s1")], total=1, seed=1)


def test_shuffled_choices_deterministic_per_seed():
    question = make_multiple()
    order = [c.id for c in shuffled_choices(question, 7)]
    assert order == [c.id for c in shuffled_choices(question, 7)]
    assert sorted(order) == ["a", "b", "c", "d", "e"]
    assert len({tuple(c.id for c in shuffled_choices(question, s)) for s in range(20)}) > 1


def test_shuffled_true_false_keeps_order():
    question = Question(id="tf", kind=Kind.TRUE_FALSE, choices=true_false_choices(correct=True))
    assert [c.id for c in shuffled_choices(question, 5)] == ["true", "false"]


def test_shuffled_ordering_never_shows_the_solution():
    question = make_ordering()
    for seed in range(50):
        order = [i.id for i in shuffled_choices(question, seed)]
        assert order != ["i1", "i2", "i3", "i4"]
        assert sorted(order) == ["i1", "i2", "i3", "i4"]


def test_shuffled_matching_gives_distinct_answer_options():
    options = shuffled_choices(make_matching(), 3)
    assert sorted(o.id for o in options) == ["r1", "r2", "r3"]
    assert all(isinstance(o, Item) for o in options)


def test_shuffled_situation_is_refused():
    with pytest.raises(InvalidQuestion, match="chaque sous-question"):
        shuffled_choices(make_situation(), 1)
