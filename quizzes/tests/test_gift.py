"""Tests for quizzes.gift: GIFT import, error report and export."""

from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.gift.parsing import LineError, parse_gift
from quizzes.gift.writing import export_gift
from quizzes.grading import grade
from quizzes.questions import Choice, Item, Kind, Pair, Question, Scoring

BANQUE = Path(__file__).parent / "data" / "banque.gift"


def parse_one(text: str) -> Question:
    report = parse_gift(text)
    assert report.errors == []
    assert len(report.questions) == 1
    return report.questions[0]


def error_of(text: str) -> LineError:
    report = parse_gift(text)
    assert report.questions == []
    assert len(report.errors) == 1
    return report.errors[0]


# Constructs ----------------------------------------------------------------------------


def test_single_choice_with_title_feedback_and_explanation():
    question = parse_one(
        "::Accueil::Que faire ? {=Recevoir la plainte#Oui. ~Refuser#Non.####Obligation légale.}"
    )
    assert question.kind == Kind.SINGLE
    assert (question.id, question.title, question.text) == ("q1", "Accueil", "Que faire ?")
    assert question.choices == (
        Choice("c1", "Recevoir la plainte", correct=True, feedback="Oui."),
        Choice("c2", "Refuser", correct=False, feedback="Non."),
    )
    assert question.explanation == "Obligation légale."
    assert question.points == Decimal(1)


def test_multi_line_question_and_comments():
    question = parse_one(
        "// commentaire\nQuel numéro ?\n// au milieu\n{\n=3919\n~15\n~18\n}\n\n// fin\n"
    )
    assert question.text == "Quel numéro ?"
    assert [c.text for c in question.choices] == ["3919", "15", "18"]


def test_multiple_choice_with_weights_is_partial():
    question = parse_one("Lesquelles ? {~%50%a ~%50%b ~%-100%c}")
    assert question.kind == Kind.MULTIPLE and question.scoring == Scoring.PARTIAL
    assert [c.correct for c in question.choices] == [True, True, False]
    assert grade(question, ["c1"]).score == Decimal("0.5")


def test_multiple_choice_accepts_thirds():
    question = parse_one("Lesquelles ? {~%33.3%a ~%33.3%b ~%33.3%c ~%-100%d}")
    assert sum(c.correct for c in question.choices) == 3


@pytest.mark.parametrize(
    ("answers", "correct", "right_feedback", "wrong_feedback"),
    [
        ("T", True, "", ""),
        ("TRUE", True, "", ""),
        ("F", False, "", ""),
        ("FALSE", False, "", ""),
        ("TRUE#Faux, relisez.", True, "", "Faux, relisez."),
        ("F#Non.#Bien vu.", False, "Bien vu.", "Non."),
    ],
)
def test_true_false(answers, correct, right_feedback, wrong_feedback):
    question = parse_one(f"Le 3919 est gratuit. {{{answers}}}")
    assert question.kind == Kind.TRUE_FALSE
    right = next(c for c in question.choices if c.correct)
    wrong = next(c for c in question.choices if not c.correct)
    assert right.id == ("true" if correct else "false")
    assert (right.feedback, wrong.feedback) == (right_feedback, wrong_feedback)


def test_true_false_general_feedback():
    question = parse_one("Énoncé. {T####Explication.}")
    assert question.explanation == "Explication."


def test_matching_shares_repeated_answers():
    question = parse_one("Associez. {=17 -> Police =112 -> Police =3919 -> Écoute}")
    assert question.kind == Kind.MATCHING
    assert question.pairs == (
        Pair("p1", "17", "r1", "Police"),
        Pair("p2", "112", "r1", "Police"),
        Pair("p3", "3919", "r2", "Écoute"),
    )


def test_escapes_stay_literal_text():
    question = parse_one(r"::a\:\:b::1 \= 1 \{x\} \# \~ {=oui \= vrai ~non \# \~}")
    assert question.title == "a::b"
    assert question.text == "1 = 1 {x} # ~"
    assert [c.text for c in question.choices] == ["oui = vrai", "non # ~"]


def test_format_markers_are_stripped_and_recorded():
    html = parse_one("::T::[html]<p>Un <b>texte</b></p> {T}")
    assert (html.text, html.text_format) == ("<p>Un <b>texte</b></p>", "html")
    assert parse_one("[markdown]*Texte* {T}").text_format == "markdown"
    assert parse_one("[plain]Texte {T}").text == "Texte"


def test_category_becomes_tag_until_next_one():
    report = parse_gift("$CATEGORY: itt\n\nA {T}\n\nB {F}\n\n$CATEGORY: 3919\nC {T}\n")
    assert [q.tags for q in report.questions] == [("itt",), ("itt",), ("3919",)]


def test_missing_word_keeps_a_blank():
    question = parse_one("Appelez le {=17 ~115} en cas de danger.")
    assert question.text == "Appelez le _____ en cas de danger."


# Errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Q {=a ~b", "accolade ouvrante non fermée"),
        ("Q {}", "composition"),
        ("Q {   }", "composition"),
        ("Q {=x =y}", "question à réponse courte non prise en charge"),
        ("Q {=x}", "question à réponse courte non prise en charge"),
        ("Q {#3:1}", "question numérique non prise en charge"),
        ("Q {~a ~b}", "aucune bonne réponse"),
        ("Q {=a =b ~c}", "exactement une bonne réponse"),
        ("Q {=a -> 1 =b -> 2}", "au moins 3 paires"),
        ("Q {~%40%a ~%40%b ~c}", "totalisent 80"),
        ("Q {~%70%a ~%30%b ~c}", "même pourcentage"),
        ("Q {~%150%a ~b}", "hors de l’intervalle"),
        ("Q {~%abc%a ~b}", "pourcentage illisible"),
        ("Q {=%50%a ~b}", "pourcentages dans une question à choix unique"),
        ("Q {~ ~b}", "réponse vide"),
        ("Q {=a}{~b}", "plusieurs blocs"),
        ("::Titre sans fin Q {T}", "titre non fermé"),
        ("Une description sans réponses", "aucun bloc de réponses"),
    ],
)
def test_invalid_constructs_are_reported(text, message):
    error = error_of("// entête\n\n" + text)
    assert message in error.message
    assert error.line == 3
    assert error.excerpt == text[:80]


def test_report_on_sample_bank_lists_exactly_the_invalid_questions():
    report = parse_gift(BANQUE.read_text(encoding="utf-8"))
    assert [(e.line, e.message) for e in report.errors] == [
        (55, "question à réponse courte non prise en charge."),
        (58, "question numérique non prise en charge."),
        (74, "accolade ouvrante non fermée."),
        (80, "aucune bonne réponse (ni « = », ni pourcentage positif)."),
        (87, "question ouverte (composition) non prise en charge."),
        (119, "les pourcentages des bonnes réponses totalisent 80 % au lieu de 100 %."),
        (127, "une question d’association demande au moins 3 paires (comme Moodle)."),
        (134, "une question à choix unique a exactement une bonne réponse (=)."),
    ]
    assert report.errors[0].excerpt.startswith("::Numéro à retenir::")
    kinds = [q.kind for q in report.questions]
    assert len(kinds) == 18
    assert {k: kinds.count(k) for k in set(kinds)} == {
        Kind.SINGLE: 6,
        Kind.MULTIPLE: 3,
        Kind.TRUE_FALSE: 7,
        Kind.MATCHING: 2,
    }
    assert [q.id for q in report.questions] == [f"q{n}" for n in range(1, 19)]
    assert {q.tags for q in report.questions} == {
        ("accueil-plainte",),
        ("3919",),
        ("itt",),
        ("continuum",),
    }


# Export --------------------------------------------------------------------------------


def test_round_trip_of_sample_bank():
    first = parse_gift(BANQUE.read_text(encoding="utf-8")).questions
    exported = export_gift(first)
    again = parse_gift(exported)
    assert again.errors == []
    assert again.questions == first
    assert export_gift(again.questions) == exported


def test_export_escapes_and_multiple_weights():
    question = Question(
        id="m",
        kind=Kind.MULTIPLE,
        title="a::b",
        text="1 = 1 {x}\nsuite",
        choices=(
            Choice("1", "oui # ~", correct=True),
            Choice("2", "aussi", correct=True),
            Choice("3", "encore", correct=True),
            Choice("4", "non", feedback="Raté."),
        ),
        tags=("itt",),
    )
    exported = export_gift([question])
    assert exported == (
        "$CATEGORY: itt\n\n"
        r"::a\:\:b::1 \= 1 \{x\}\nsuite {~%33.33333%oui \# \~ ~%33.33333%aussi "
        r"~%33.33333%encore ~%-33.33333%non#Raté.}" + "\n"
    )
    reparsed = parse_one(exported)
    assert reparsed.text == "1 = 1 {x}\nsuite"
    assert [c.correct for c in reparsed.choices] == [True, True, True, False]


def test_export_true_false_feedbacks():
    original = parse_one("Énoncé. {F#Non.#Bien vu.####Parce que.}")
    assert export_gift([original]) == "Énoncé. {FALSE#Non.#Bien vu.####Parce que.}\n"
    right_only = parse_one("Énoncé. {T##Bien vu.}")
    assert parse_one(export_gift([right_only])) == right_only


def test_export_converts_or_reports_what_gift_lacks_and_reimports_the_rest():
    ordering = Question(
        id="o",
        kind=Kind.ORDERING,
        text="Classez",
        items=(Item("a", "Alerte"), Item("b", "Mise à l'abri"), Item("c", "Plainte")),
    )
    short_ordering = Question(
        id="s", kind=Kind.ORDERING, text="Deux", items=(Item("a", "A"), Item("b", "B"))
    )
    matching = Question(
        id="x",
        kind=Kind.MATCHING,
        text="Deux paires",
        pairs=(Pair("p1", "A", "r1", "1"), Pair("p2", "B", "r2", "2")),
    )
    single = parse_one("Énoncé\nsur deux lignes {=oui ~non}")
    situation = Question(
        id="sit", kind=Kind.SITUATION, title="Accueil", text="<p>Cas</p>", sub_questions=(single,)
    )

    exported = export_gift([ordering, short_ordering, matching, situation])

    comments = [line for line in exported.splitlines() if line.startswith("//")]
    assert comments == [
        "// Remise en ordre « Classez » exportée en association : chaque élément est associé "
        "à son rang.",
        "// Remise en ordre « Deux » non exportée : GIFT n’a pas ce type.",
        "// Association « Deux paires » non exportée : moins de 3 paires (refusée par Moodle).",
        "// Mise en situation « Accueil » : ses questions suivent, sans le texte du cas.",
    ]
    again = parse_gift(exported)
    assert again.errors == []
    assert [q.kind for q in again.questions] == [Kind.MATCHING, Kind.SINGLE]
    assert [(p.prompt, p.answer) for p in again.questions[0].pairs] == [
        ("Alerte", "1"),
        ("Mise à l'abri", "2"),
        ("Plainte", "3"),
    ]
    assert again.questions[1].text == "Énoncé\nsur deux lignes"


@pytest.mark.parametrize("breaking", ["\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028", "\x00"])
def test_export_keeps_each_question_on_one_line_whatever_its_text(breaking):
    question = parse_one("Énoncé {=oui ~non}")
    question = Question(
        id="q", kind=Kind.SINGLE, text=f"Avant{breaking}après", choices=question.choices
    )

    again = parse_gift(export_gift([question]))

    assert again.errors == [] and len(again.questions) == 1
    assert again.questions[0].text.replace("\n", "") == "Avantaprès"
