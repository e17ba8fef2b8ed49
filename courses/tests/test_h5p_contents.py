"""The content builders (courses.h5p.contents) make packages the validator accepts and
the server scores: the demo modules' activities are re-scored like uploaded ones."""

import io

import pytest

from courses.h5p import contents as c
from courses.h5p.authoring import build_package
from courses.h5p.scoring import package_key
from courses.h5p.validation import validate_package

CASES = {
    "truefalse": (c.true_false("<p>Une main courante vaut plainte.</p>", correct=False), 1, 1),
    "multichoice": (
        c.multi_choice("<p>Signes ?</p>", [("Isolement", True, "Oui"), ("Rien", False, "Non")]),
        1,
        1,
    ),
    "singlechoiceset": (
        c.single_choice_set(
            [("<p>Danger ?</p>", ["17", "115"]), ("<p>SMS ?</p>", ["114", "3977"])]
        ),
        2,
        2,
    ),
    "dragtext": (c.drag_text("<p>Placez</p>", "Le *3919*.\nLe *17*.", distractors=["115"]), 1, 2),
    "blanks": (c.blanks("<p>Complétez</p>", ["<p>Le *3919*.</p>", "<p>Le *17*.</p>"]), 1, 2),
    "markthewords": (c.mark_the_words("<p>Marquez</p>", "<p>*Peur* et *isolement*.</p>"), 1, 2),
    "summary": (c.summary("<p>Choisissez</p>", [["Vrai", "Faux"], ["Vrai", "Faux", "Faux"]]), 2, 2),
    "questionset": (
        c.question_set(
            [
                c.nested(c.TRUE_FALSE, c.true_false("<p>Q</p>", correct=True)),
                c.nested(c.MULTI_CHOICE, c.multi_choice("<p>Q</p>", [("a", True, "")])),
                c.nested(c.BLANKS, c.blanks("<p>Q</p>", ["<p>Le *17*.</p>"])),
            ],
            key="test",
        ),
        3,
        3,
    ),
    "branchingscenario": (
        c.branching_scenario(
            title="Au guichet",
            subtitle_html="<p>Choisissez</p>",
            screens=[
                c.scenario_text("Accueil", "<p>Elle arrive.</p>", next_id=1),
                c.scenario_choice(
                    "Choix", "<p>Que faites-vous ?</p>", [("Écouter", 2), ("Renvoyer", 3)]
                ),
                c.scenario_text("Bien", "<p>Oui.</p>", end_title="Bien", score=10),
                c.scenario_text("Non", "<p>Non.</p>", end_title="À revoir", score=2),
            ],
        ),
        1,
        10,
    ),
}


@pytest.mark.parametrize("kind", CASES)
def test_each_built_activity_is_valid_and_scored_by_the_server(kind):
    content, questions, top = CASES[kind]
    data = build_package(kind, title=f"Activité {kind}", content=content)
    validated = validate_package(io.BytesIO(data), filename=f"{kind}.h5p")
    key = package_key(validated.h5p_json, validated.content_json)
    assert key.scored
    assert (len(key.questions), key.max) == (questions, top)


def test_the_same_scenario_gives_the_same_package():
    """Nested ids are derived from the text: loading the demo twice changes nothing."""
    content = CASES["branchingscenario"][0]
    screens = content["branchingScenario"]["content"]
    again = c.branching_scenario(
        title="Au guichet",
        subtitle_html="<p>Choisissez</p>",
        screens=[{k: v for k, v in screen.items()} for screen in screens],
    )
    assert again == content
