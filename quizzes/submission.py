"""Read a submitted attempt form into the answers `grading.grade_attempt` expects.

Field names: ``q.<question id>`` (single, true/false, multiple), ``q.<question
id>.<prompt id>`` (matching), ``q.<question id>.<item id>`` (ordering, a rank),
and the same below a situation: ``q.<situation id>.<sub-question id>[.<…>]``.
Ids are UUIDs (no dots). Fields naming a question that was not drawn are kept,
so that grading refuses the submission as tampered rather than ignoring it.
"""

from django.utils.translation import gettext as _

from .questions import InvalidAnswer, Kind
from .selectors.display import DisplayQuestion

PREFIX = "q."


def field_name(*ids: str) -> str:
    return PREFIX + ".".join(ids)


def _ordering(question: DisplayQuestion, data, base: str):
    ranks = {}
    for option in question.options:
        raw = (data.get(f"{base}.{option.id}") or "").strip()
        if raw:
            ranks[option.id] = raw
    if not ranks:
        return None
    expected = {str(n) for n in range(1, len(question.options) + 1)}
    if len(ranks) != len(question.options) or set(ranks.values()) != expected:
        raise InvalidAnswer(
            _("Donnez à chaque élément un rang différent, de 1 à %(n)d.")
            % {"n": len(question.options)},
            question_id=question.id,
        )
    return sorted(ranks, key=lambda option_id: int(ranks[option_id]))


def _answer(question: DisplayQuestion, data, base: str):
    kind = question.kind
    if kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        return data.get(base) or None
    if kind == Kind.MULTIPLE:
        return data.getlist(base) or None
    if kind == Kind.MATCHING:
        given = {p.id: data.get(f"{base}.{p.id}") for p in question.prompts}
        given = {k: v for k, v in given.items() if v}
        return given or None
    if kind == Kind.ORDERING:
        return _ordering(question, data, base)
    given = {}
    for sub in question.sub_questions:
        value = _answer(sub, data, f"{base}.{sub.id}")
        if value is not None:
            given[sub.id] = value
    return given or None


def answers_from_post(questions: list[DisplayQuestion], data) -> dict:
    """Return {question id: answer} from a QueryDict; raise InvalidAnswer on bad ranks."""
    answers = {}
    known = set()
    for question in questions:
        known.add(question.id)
        value = _answer(question, data, field_name(question.id))
        if value is not None:
            answers[question.id] = value
    for name in data:
        if name.startswith(PREFIX):
            question_id = name[len(PREFIX) :].split(".", 1)[0]
            if question_id not in known:
                answers[question_id] = data.get(name)
    return answers


def _complete(question: DisplayQuestion, data, base: str) -> bool:
    kind = question.kind
    if kind in (Kind.SINGLE, Kind.TRUE_FALSE, Kind.MULTIPLE):
        return bool(data.getlist(base))
    if kind == Kind.MATCHING:
        return all(data.get(f"{base}.{p.id}") for p in question.prompts)
    if kind == Kind.ORDERING:
        return all((data.get(f"{base}.{o.id}") or "").strip() for o in question.options)
    return True


def unanswered(questions: list[DisplayQuestion], data) -> list[DisplayQuestion]:
    """The questions (sub-questions of a situation one by one) left blank or half done,
    marked `unanswered` for the form: the learner is warned before sending them."""
    missing = []
    for question in questions:
        base = field_name(question.id)
        pairs = (
            [(sub, f"{base}.{sub.id}") for sub in question.sub_questions]
            if question.kind == Kind.SITUATION
            else [(question, base)]
        )
        for shown, name in pairs:
            if not _complete(shown, data, name):
                shown.unanswered = True
                missing.append(shown)
    return missing


def bind(questions: list[DisplayQuestion], data) -> None:
    """Mark the options the learner had chosen, to show the form again as it was."""
    for question in questions:
        _bind(question, data, field_name(question.id))


def _bind(question: DisplayQuestion, data, base: str) -> None:
    question.name = base
    if question.kind == Kind.SITUATION:
        for sub in question.sub_questions:
            _bind(sub, data, f"{base}.{sub.id}")
        return
    chosen = set(data.getlist(base)) if data is not None else set()
    for option in question.options:
        option.name = f"{base}.{option.id}"
        option.checked = option.id in chosen
        option.value = data.get(option.name, "") if data is not None else ""
    for prompt in question.prompts:
        prompt.name = f"{base}.{prompt.id}"
        prompt.value = data.get(prompt.name, "") if data is not None else ""
