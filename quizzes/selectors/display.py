"""An attempt's questions as sent to the browser: ids and texts, never the answer key."""

from dataclasses import dataclass, field
from decimal import Decimal

from ..models import Attempt
from ..questions import Kind, Question
from .taking import attempt_questions


@dataclass
class DisplayOption:
    id: str
    text: str
    # Set by quizzes.submission.bind: the form field's name and what the learner had sent.
    name: str = ""
    checked: bool = False
    value: str = ""


@dataclass
class DisplayQuestion:
    """A question as sent to the browser: ids and texts, never the answer key."""

    id: str
    kind: str
    text: str
    title: str
    points: Decimal
    options: list[DisplayOption] = field(default_factory=list)  # choices, or ordering items
    prompts: list[DisplayOption] = field(default_factory=list)  # matching prompts
    sub_questions: list["DisplayQuestion"] = field(default_factory=list)
    name: str = ""  # the form field's name (quizzes.submission.bind)
    # As shown: "2", and "2.1", "2.2" for a situation's sub-questions (never "1." again
    # inside question 2).
    number: str = ""
    unanswered: bool = False  # set by quizzes.submission.unanswered
    image_url: str = ""
    image_alt: str = ""
    audio_url: str = ""
    audio_transcript: str = ""


def _display(question: Question, *, seed: int, shuffle: bool) -> DisplayQuestion:
    from ..draws import shuffled_choices

    shown = DisplayQuestion(
        id=question.id,
        kind=question.kind.value,
        text=question.text,
        title=question.title,
        points=question.points,
    )
    if question.kind == Kind.SITUATION:
        shown.sub_questions = [
            _display(s, seed=seed, shuffle=shuffle) for s in question.sub_questions
        ]
        return shown
    if question.kind == Kind.MATCHING:
        shown.prompts = [DisplayOption(p.prompt_id, p.prompt) for p in question.pairs]
    if shuffle or question.kind in (Kind.ORDERING, Kind.MATCHING):
        # Ordering items are always shuffled (in order, they would be the answer).
        options = shuffled_choices(question, seed)
    else:
        options = list(question.choices)
    shown.options = [DisplayOption(o.id, o.text) for o in options]
    return shown


def attempt_form_questions(attempt: Attempt) -> list[DisplayQuestion]:
    shuffle = attempt.quiz.shuffle_answers
    shown = [_display(q, seed=attempt.seed, shuffle=shuffle) for q in attempt_questions(attempt)]
    _attach_media(shown, {q["id"]: q["media"] for q in attempt.questions if q.get("media")})
    for rank, question in enumerate(shown, start=1):
        question.number = str(rank)
        for sub_rank, sub in enumerate(question.sub_questions, start=1):
            sub.number = f"{rank}.{sub_rank}"
    return shown


def _attach_media(shown: list[DisplayQuestion], media: dict[str, dict]) -> None:
    """Situations' image and audio: one query per kind of file, whatever their number."""
    if not media:
        return
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    images = get_image_model().objects.in_bulk([m["image"] for m in media.values() if m["image"]])
    documents = get_document_model().objects.in_bulk(
        [m["audio"] for m in media.values() if m["audio"]]
    )
    for question in shown:
        item = media.get(question.id)
        if not item:
            continue
        image = images.get(item["image"])
        if image is not None:
            question.image_url, question.image_alt = image.file.url, item["image_alt"]
        audio = documents.get(item["audio"])
        if audio is not None:
            question.audio_url, question.audio_transcript = audio.url, item["audio_transcript"]
