"""How a learner plays each of the 14 vendored H5P samples, wrong then right, with real input.

One driver per kind of `courses.h5p.authoring.SAMPLE_KINDS`. A driver knows the sample's
answer key (vendor/h5p/samples/<kind>/content/content.json) and what H5P shows, and
plays the activity in the lesson page's player iframe the way a person does: clicks,
typing, and mouse drags with intermediate moves (jQuery UI's draggable ignores a
pointer that jumps). Drivers never sleep: each step waits for what H5P shows once it
has taken the input (the next slide, the dropped word, the retry button…).

Each driver also states the server's verdicts a wrong and a right attempt must get
(`Attempt`): points per answered question and the activity's total. The numbers are
H5P's own (the captures in vendor/h5p/xapi/ and docs/h5p-content-types.md).
"""

import re
from dataclasses import dataclass

from playwright.sync_api import FrameLocator, Locator, Page, expect

from courses.h5p.authoring import sample_content

PLAYER_IFRAME = ".egide-h5p__player iframe.h5p-iframe"

# Sub-content ids of the samples' questions (their `subContentId` in content.json).
QS_MULTICHOICE = "1e1ec641-d9e6-4d9a-8f16-be133374d835"
QS_TRUEFALSE = "f8970136-7ccd-45b7-b7fd-76fdb78054d8"
QS_BLANKS = "ee103d7c-f59c-404d-b220-6368ca193b9b"
CP_MULTICHOICE = "978d6c15-f121-4105-b6e8-e558b413c04d"
CP_TRUEFALSE = "80c1dbb7-fa5b-4ed1-b3c1-42d79577417f"
IV_MULTICHOICE = "b9443276-2c84-4290-9448-925efdeea36f"
BS_QUESTION = "29af383e-a313-4d9f-a54b-95762775adc6"


@dataclass(frozen=True)
class Answer:
    """The server's verdict on one question: its id and points.

    Ids are the scoring module's: "" for the root content, the `subContentId` of
    sub-content, `<parent id>#<index>` for questions without one of their own (a
    Single Choice Set's questions, a Summary's groups).
    """

    question_id: str
    raw: float
    max: float

    @property
    def success(self) -> bool:
        return self.raw == self.max


@dataclass(frozen=True)
class Attempt:
    """What the server must have decided once an attempt is over."""

    answers: tuple[Answer, ...]  # the latest verdict of every question answered
    raw: float  # the activity's total after this attempt
    max: float
    success: bool
    completed: bool = True
    # The status line shows the verdict on the last answer before the activity's
    # (single questions); composites end on their total alone.
    answer_line: bool = False
    shown: str = ""  # a pattern of the status line, when the rules above do not say it

    def status(self) -> re.Pattern:
        """The whole status line under the player once the attempt is over."""
        if self.shown:
            return re.compile(self.shown)
        line = activity_line(self.raw, self.max, self.success)
        if self.answer_line:
            return re.compile(rf"^\s*{re.escape(answer_line(self.raw, self.max))} {line}\s*$")
        return re.compile(rf"^\s*{line}\s*$")


def number(value: float) -> str:
    """A number as the status line writes it: no useless decimals, French comma."""
    return f"{value:g}".replace(".", ",")


def points(raw: float, max_: float) -> str:
    # French plural: « 0 sur 1 point », « 1 sur 3 points ».
    return f"{number(raw)} sur {number(max_)} point{'s' if max_ >= 2 else ''}"


def answer_line(raw: float, max_: float) -> str:
    return f"Réponse vérifiée : {points(raw, max_)}."


def activity_line(raw: float, max_: float, success: bool) -> str:
    verdict = "réussie" if success else "pas encore réussie"
    return re.escape(f"Activité : {points(raw, max_)}, {verdict}.")


def button(scope: FrameLocator | Locator, label: str) -> Locator:
    """The visible button whose text is `label` (H5P's aria-labels are long sentences)."""
    return scope.locator("button:visible").filter(
        has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")
    )


def choice(scope: FrameLocator | Locator, role: str, label: str) -> Locator:
    """The radio, checkbox or option whose text is `label`.

    By text rather than accessible name: H5P draws its check marks with icon fonts,
    whose glyphs end up in the accessible name.
    """
    return scope.get_by_role(role).filter(has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))


def drag(page: Page, source: Locator, target: Locator) -> None:
    """Drag `source` onto the middle of `target` with the mouse, as a person does.

    jQuery UI starts a drag only after the pointer has moved a few pixels with the
    button down, and finds the drop zone from the pointer's last positions: the
    moves go in small steps.
    """
    source.scroll_into_view_if_needed()
    start = source.bounding_box()
    end = target.bounding_box()
    assert start and end, "the draggable and its target must be on screen"
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(start["x"] + start["width"] / 2 + 5, start["y"] + start["height"] / 2 + 5)
    page.mouse.move(end["x"] + end["width"] / 2, end["y"] + end["height"] / 2, steps=8)
    page.mouse.up()


@dataclass
class Driver:
    """Plays one kind of sample; subclasses fill in the three steps."""

    kind: str = ""
    scored: bool = True
    wrong: Attempt | None = None
    right: Attempt | None = None
    # What the learner sees once the activity is ready to be played.
    ready: str = ".h5p-content"

    def content(self) -> dict | None:
        """The content.json to build the package from (None: the sample's own)."""
        return None

    def frame(self, page: Page) -> FrameLocator:
        return page.frame_locator(PLAYER_IFRAME)

    def wait_ready(self, page: Page) -> None:
        expect(self.frame(page).locator(self.ready).first).to_be_visible()

    def answer_wrong(self, page: Page) -> None:
        raise NotImplementedError

    def retry(self, page: Page) -> None:
        """Start again after the wrong attempt (most types: their « Recommencer » button)."""
        frame = self.frame(page)
        button(frame, "Recommencer").click()
        expect(button(frame, "Vérifier")).to_be_visible()

    def answer_right(self, page: Page) -> None:
        raise NotImplementedError

    def view(self, page: Page) -> None:
        """Unscored kinds: look at the activity (nothing to answer)."""
        raise NotImplementedError

    def check(self, page: Page, scope: FrameLocator | Locator | None = None) -> None:
        """Press « Vérifier » and wait until H5P has checked the answer (the button goes)."""
        scope = scope or self.frame(page)
        button(scope, "Vérifier").click()
        expect(button(scope, "Vérifier")).to_have_count(0)


def _single(raw: float, max_: float, question_id: str = "") -> Attempt:
    return Attempt(
        answers=(Answer(question_id, raw, max_),),
        raw=raw,
        max=max_,
        success=raw == max_,
        answer_line=True,
    )


class TrueFalse(Driver):
    def __init__(self):
        super().__init__(
            kind="truefalse",
            ready=".h5p-true-false-answers",
            wrong=_single(0, 1),
            right=_single(1, 1),
        )

    def pick(self, page: Page, label: str) -> None:
        frame = self.frame(page)
        choice(frame, "radio", label).click()
        expect(choice(frame, "radio", label)).to_have_attribute("aria-checked", "true")
        self.check(page)

    def answer_wrong(self, page: Page) -> None:
        self.pick(page, "Faux")  # the 3919 is free and open 24/7: « Vrai »

    def answer_right(self, page: Page) -> None:
        self.pick(page, "Vrai")


class MultiChoice(Driver):
    def __init__(self):
        super().__init__(
            kind="multichoice", ready=".h5p-answers", wrong=_single(0, 1), right=_single(1, 1)
        )

    def pick(self, page: Page, label: str) -> None:
        # Answers are shuffled on display: find them by their text.
        frame = self.frame(page)
        choice(frame, "radio", label).click()
        self.check(page)

    def answer_wrong(self, page: Page) -> None:
        self.pick(page, "115")

    def answer_right(self, page: Page) -> None:
        self.pick(page, "3919")


class SingleChoiceSet(Driver):
    """Three questions; the right answer is the first of each list (shuffled on display).

    The set moves to the next question by itself after showing the answer; the
    sample waits 2 s (3 s after a wrong answer): the test's package shortens the
    waits, nothing else.
    """

    QUESTIONS = (
        ("Le 17 (police-secours)", "Le 3919"),
        ("Le 114", "Le 115"),
        ("Un certificat médical descriptif", "Une ordonnance"),
    )

    def __init__(self):
        super().__init__(
            kind="singlechoiceset",
            ready=".h5p-sc-current-slide",
            wrong=Attempt(
                answers=tuple(Answer(f"#{n}", 0, 1) for n in range(3)), raw=0, max=3, success=False
            ),
            right=Attempt(
                answers=tuple(Answer(f"#{n}", 1, 1) for n in range(3)), raw=3, max=3, success=True
            ),
        )

    def content(self) -> dict:
        content = sample_content(self.kind)
        content["behaviour"].update(timeoutCorrect=150, timeoutWrong=150)
        return content

    def play(self, page: Page, pick: int) -> None:
        frame = self.frame(page)
        for number_, answers in enumerate(self.QUESTIONS):
            slide = self.slide(page, number_)
            expect(slide).to_have_class(re.compile(r"\bh5p-sc-current-slide\b"))
            choice(slide, "radio", answers[pick]).click()
        expect(frame.locator(".h5p-sc-set-results")).to_be_visible()

    def slide(self, page: Page, number_: int) -> Locator:
        frame = self.frame(page)
        return frame.locator(".h5p-sc-slide").filter(
            has=frame.locator(f'[id$="-question-{number_}"]')
        )

    def answer_wrong(self, page: Page) -> None:
        self.play(page, 1)

    def retry(self, page: Page) -> None:
        button(self.frame(page), "Recommencer").click()
        expect(self.slide(page, 0)).to_have_class(re.compile(r"\bh5p-sc-current-slide\b"))

    def answer_right(self, page: Page) -> None:
        self.play(page, 0)


class Blanks(Driver):
    def __init__(self):
        super().__init__(
            kind="blanks", ready="input.h5p-text-input", wrong=_single(1, 3), right=_single(3, 3)
        )

    def fill(self, page: Page, words: tuple[str, str, str]) -> None:
        frame = self.frame(page)
        for index, word in enumerate(words, start=1):
            blank = frame.get_by_role("textbox", name=f"Blanc {index} sur 3")
            blank.click()
            blank.press_sequentially(word)
        self.check(page)

    def answer_wrong(self, page: Page) -> None:
        self.fill(page, ("3918", "17", "115"))  # only the 17 is right

    def answer_right(self, page: Page) -> None:
        self.fill(page, ("3919", "17", "114"))


class DragText(Driver):
    def __init__(self):
        super().__init__(
            kind="dragtext",
            ready=".h5p-drag-draggables-container",
            wrong=_single(1, 3),
            right=_single(3, 3),
        )

    def place(self, page: Page, words: tuple[str, str, str]) -> None:
        frame = self.frame(page)
        gaps = frame.locator(".h5p-drag-droppable-words .ui-droppable")
        for gap, word in enumerate(words):
            # The word is the draggable's first span (the second is for screen readers).
            source = frame.locator(
                f'.h5p-drag-draggables-container .h5p-draggable:has(> span:text-is("{word}"))'
            )
            drag(page, source, gaps.nth(gap))
            # H5P moves the dropped word into the gap.
            expect(gaps.nth(gap).locator(".h5p-draggable")).to_have_text(re.compile(rf"^{word}"))
        self.check(page)

    def answer_wrong(self, page: Page) -> None:
        self.place(page, ("115", "17", "119"))  # only the 17 is right

    def answer_right(self, page: Page) -> None:
        self.place(page, ("3919", "17", "114"))


class MarkTheWords(Driver):
    def __init__(self):
        super().__init__(
            kind="markthewords",
            ready=".h5p-word-selectable-words",
            wrong=_single(0, 3),  # one right, one wrong: +1 −1
            right=_single(3, 3),
        )

    def mark(self, page: Page, words: tuple[str, ...]) -> None:
        frame = self.frame(page)
        for word in words:
            option = choice(frame, "option", word)
            option.click()
            expect(option).to_have_attribute("aria-selected", "true")
        self.check(page)

    def answer_wrong(self, page: Page) -> None:
        self.mark(page, ("ecchymoses", "partiel"))

    def answer_right(self, page: Page) -> None:
        self.mark(page, ("ecchymoses", "craintive", "isolement"))


class DragQuestion(Driver):
    """Four numbers to drop on two zones; penalties on (a wrong drop takes a point)."""

    DANGER, LISTENING = 0, 1
    ZONES = ("Danger immédiat", "Écoute et accompagnement")

    def __init__(self):
        super().__init__(
            kind="dragquestion", ready=".h5p-dropzone", wrong=_single(0, 4), right=_single(4, 4)
        )

    def place(self, page: Page, zones: dict[str, int]) -> None:
        frame = self.frame(page)
        dropzones = frame.locator(".h5p-dropzone")
        for label, zone in zones.items():
            source = frame.locator(".h5p-draggable").filter(has_text=label)
            drag(page, source, dropzones.nth(zone))
            expect(source).to_contain_text(f"Placé dans la zone de dépôt {self.ZONES[zone]}.")
        self.check(page)

    def answer_wrong(self, page: Page) -> None:
        self.place(
            page,
            {
                "17 (police-secours)": self.LISTENING,
                "114 (SMS)": self.DANGER,
                "3919": self.DANGER,
                "France Victimes 116 006": self.LISTENING,
            },
        )

    def answer_right(self, page: Page) -> None:
        self.place(
            page,
            {
                "17 (police-secours)": self.DANGER,
                "114 (SMS)": self.DANGER,
                "3919": self.LISTENING,
                "France Victimes 116 006": self.LISTENING,
            },
        )


class Summary(Driver):
    """Pick the right statement of each group; only the first click of a group counts.

    H5P's Summary has no retry button: a wrong statement stays on screen and the
    learner tries again in the same group. So the « wrong » step is a wrong first
    click on the first group, the « right » step the right statement of each group:
    the server must keep 0 points for the first group (first-click rule).
    """

    def __init__(self):
        super().__init__(
            kind="summary",
            ready=".summary-options",
            wrong=Attempt(
                answers=(Answer("#0", 0, 1),),
                raw=0,
                max=2,
                success=False,
                completed=False,
                shown=rf"^\s*{re.escape(answer_line(0, 1))}( {activity_line(0, 2, False)})?\s*$",
            ),
            right=Attempt(
                answers=(Answer("#0", 0, 1), Answer("#1", 1, 1)), raw=1, max=2, success=False
            ),
        )

    def claim(self, page: Page, text: str) -> Locator:
        statement = self.frame(page).get_by_role("radio", name=text)
        statement.click()
        return statement

    def answer_wrong(self, page: Page) -> None:
        wrong = self.claim(page, "Interroger la victime en présence de son conjoint.")
        expect(wrong).to_have_class(re.compile(r"summary-failed"))

    def retry(self, page: Page) -> None:
        """Nothing to press: the learner clicks again in the same group."""

    def answer_right(self, page: Page) -> None:
        frame = self.frame(page)
        self.claim(page, "Poser la question des violences directement, sans jugement")
        expect(frame.locator(".summary-progress")).to_have_text("Progression de 1 sur 2")
        self.claim(page, "Informer la victime de l'existence du 3919")
        expect(frame.locator(".summary-progress")).to_have_text("Progression de 2 sur 2")


class QuestionSet(Driver):
    """Three questions, one per page: multiple answers (3 points), true/false, one blank."""

    def __init__(self):
        super().__init__(
            kind="questionset",
            ready=".questionset .question-container",
            wrong=Attempt(
                answers=(
                    Answer(QS_MULTICHOICE, 0, 3),
                    Answer(QS_TRUEFALSE, 0, 1),
                    Answer(QS_BLANKS, 0, 1),
                ),
                raw=0,
                max=5,
                success=False,
            ),
            right=Attempt(
                answers=(
                    Answer(QS_MULTICHOICE, 3, 3),
                    Answer(QS_TRUEFALSE, 1, 1),
                    Answer(QS_BLANKS, 1, 1),
                ),
                raw=5,
                max=5,
                success=True,
            ),
        )

    def question(self, page: Page) -> Locator:
        return self.frame(page).locator(".question-container:visible")

    def play(self, page: Page, choices: tuple[str, ...], true_false: str, blank: str) -> None:
        frame = self.frame(page)
        question = self.question(page)
        for label in choices:
            choice(question, "checkbox", label).click()
        self.check(page, question)
        button(frame, "Suivant").click()
        question = frame.locator(".question-container.h5p-true-false:visible")
        choice(question, "radio", true_false).click()
        self.check(page, question)
        button(frame, "Suivant").click()
        question = frame.locator(".question-container.h5p-blanks:visible")
        question.get_by_role("textbox").click()
        question.get_by_role("textbox").press_sequentially(blank)
        self.check(page, question)
        button(frame, "Terminer").click()
        expect(frame.locator(".questionset-results")).to_be_visible()

    def answer_wrong(self, page: Page) -> None:
        self.play(page, ("Une demande de renouvellement d'ordonnance",), "Faux", "115")

    def retry(self, page: Page) -> None:
        frame = self.frame(page)
        button(frame, "Recommencer").click()
        expect(frame.locator(".question-container.h5p-multichoice:visible")).to_be_visible()

    def answer_right(self, page: Page) -> None:
        self.play(
            page,
            (
                "Des blessures répétées aux explications vagues",
                "Le conjoint répond systématiquement à la place de la patiente",
                "Un isolement progressif vis-à-vis des proches",
            ),
            "Vrai",
            "114",
        )


class CoursePresentation(Driver):
    """Slides: a title, a multiple choice, a true/false, then the summary slide."""

    def __init__(self):
        super().__init__(
            kind="coursepresentation",
            ready=".h5p-slide.h5p-current",
            wrong=Attempt(
                answers=(Answer(CP_MULTICHOICE, 0, 1), Answer(CP_TRUEFALSE, 0, 1)),
                raw=0,
                max=2,
                success=False,
            ),
            right=Attempt(
                answers=(Answer(CP_MULTICHOICE, 1, 1), Answer(CP_TRUEFALSE, 1, 1)),
                raw=2,
                max=2,
                success=True,
            ),
        )

    def next_slide(self, page: Page, number_: int) -> Locator:
        frame = self.frame(page)
        frame.get_by_role("button", name="Diapositive suivante").click()
        slide = frame.locator(f"#slide-{number_}.h5p-current")
        expect(slide).to_be_visible()
        self.wait_still(page)
        return slide

    def wait_still(self, page: Page) -> None:
        """Wait for the end of the slide's animation: until then, H5P ignores the buttons."""
        expect(self.frame(page).locator(".h5p-slide.h5p-animate")).to_have_count(0)

    def play(self, page: Page, answer: str, true_false: str) -> None:
        slide = self.next_slide(page, 1)
        choice(slide, "radio", answer).click()
        self.check(page, slide)
        slide = self.next_slide(page, 2)
        choice(slide, "radio", true_false).click()
        self.check(page, slide)
        frame = self.frame(page)
        frame.get_by_role("button", name="Diapositive suivante").click()
        expect(frame.locator(".h5p-summary-slide.h5p-current")).to_be_visible()
        self.wait_still(page)

    def answer_wrong(self, page: Page) -> None:
        self.play(page, "115", "Faux")

    def retry(self, page: Page) -> None:
        frame = self.frame(page)
        button(frame.locator(".h5p-summary-slide"), "Recommencer").click()
        expect(frame.locator("#slide-0.h5p-current")).to_be_visible()
        self.wait_still(page)

    def answer_right(self, page: Page) -> None:
        self.play(page, "3919", "Vrai")


class InteractiveVideo(Driver):
    """A 12 s video that stops at 2 s on a multiple choice question."""

    def __init__(self):
        super().__init__(
            kind="interactivevideo",
            ready=".h5p-splash",
            wrong=_single(0, 1, IV_MULTICHOICE),
            right=_single(1, 1, IV_MULTICHOICE),
        )

    def question(self, page: Page) -> Locator:
        return self.frame(page).locator(".h5p-interaction.h5p-multichoice-interaction")

    def answer_wrong(self, page: Page) -> None:
        self.frame(page).locator(".h5p-splash").click()
        question = self.question(page)
        expect(choice(question, "radio", "115")).to_be_visible()
        choice(question, "radio", "115").click()
        self.check(page, question)

    def retry(self, page: Page) -> None:
        question = self.question(page)
        button(question, "Recommencer").click()
        expect(button(question, "Vérifier")).to_be_visible()

    def answer_right(self, page: Page) -> None:
        question = self.question(page)
        choice(question, "radio", "3919").click()
        self.check(page, question)


class BranchingScenario(Driver):
    """One question; the first reaction ends on a 10-point screen, the other on 0."""

    def __init__(self):
        super().__init__(
            kind="branchingscenario",
            ready=".h5p-start-button",
            # The scenario scores its end screens ("static-end-score"): its question
            # itself is worth no points, whichever reaction is chosen.
            wrong=Attempt(answers=(Answer(BS_QUESTION, 0, 0),), raw=0, max=10, success=False),
            right=Attempt(answers=(Answer(BS_QUESTION, 0, 0),), raw=10, max=10, success=True),
        )

    def play(self, page: Page, reaction: str, score: int) -> None:
        frame = self.frame(page)
        frame.locator(".h5p-start-screen.h5p-current-screen").get_by_role(
            "button", name="Commencer le cours"
        ).click()
        frame.get_by_role("button", name=reaction).click()
        button(frame, "Continuer").click()
        end = frame.locator(".h5p-end-screen.h5p-current-screen")
        expect(end.locator(".h5p-score-value")).to_have_text(str(score))

    def answer_wrong(self, page: Page) -> None:
        self.play(page, "Je lui conseille d'en parler à son conjoint", 0)

    def retry(self, page: Page) -> None:
        frame = self.frame(page)
        button(frame.locator(".h5p-end-screen.h5p-current-screen"), "Recommencer le cours").click()
        expect(frame.locator(".h5p-start-screen.h5p-current-screen")).to_be_visible()

    def answer_right(self, page: Page) -> None:
        self.play(page, "Je l'écoute, je la crois et je l'informe du 3919", 10)


class Dialogcards(Driver):
    def __init__(self):
        super().__init__(kind="dialogcards", scored=False, ready=".h5p-dialogcards-current")

    def view(self, page: Page) -> None:
        card = self.frame(page).locator(".h5p-dialogcards-current")
        button(card, "Retourner").click()
        expect(card).to_contain_text("Violences Femmes Info")


class Accordion(Driver):
    def __init__(self):
        super().__init__(kind="accordion", scored=False, ready=".h5p-panel-button")

    def view(self, page: Page) -> None:
        panel = self.frame(page).get_by_role("button", name="Repérer")
        panel.click()
        expect(panel).to_have_attribute("aria-expanded", "true")
        expect(self.frame(page).get_by_text("Poser systématiquement la question")).to_be_visible()


DRIVERS: dict[str, Driver] = {
    driver.kind: driver
    for driver in (
        TrueFalse(),
        MultiChoice(),
        SingleChoiceSet(),
        Blanks(),
        DragText(),
        MarkTheWords(),
        DragQuestion(),
        Summary(),
        QuestionSet(),
        CoursePresentation(),
        InteractiveVideo(),
        BranchingScenario(),
        Dialogcards(),
        Accordion(),
    )
}
