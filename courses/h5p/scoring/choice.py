"""Choice questions: TrueFalse, MultiChoice, SingleChoiceSet and Summary.

Each builder reads one content's params once and returns scorers whose
`score(response)` is a small comparison. The rules copy the library JS in
vendor/h5p/libraries/ so that a real browser's claim always matches.
"""

from .base import (
    SEP,
    Question,
    Verdict,
    as_dict,
    as_list,
    as_str,
    label,
    number,
    plain_text,
    split_ids,
    unreadable,
)


class TrueFalse:
    """H5P.TrueFalse: "true"/"false", 1 point; anything but "true" in the key means false."""

    __slots__ = ("question", "answer")

    def __init__(self, qid: str, params: dict):
        self.answer = "true" if params.get("correct") == "true" else "false"
        l10n = as_dict(params.get("l10n"))
        choices = (
            ("true", plain_text(l10n.get("trueText")) or "Vrai"),
            ("false", plain_text(l10n.get("falseText")) or "Faux"),
        )
        self.question = Question(qid, "H5P.TrueFalse", label(params.get("question")), 1.0, choices)

    def score(self, response) -> Verdict:
        if response not in ("true", "false"):
            raise unreadable()
        right = response == self.answer
        return Verdict(1.0 if right else 0.0, 1.0, right, response)


def _multichoice_answers(params: dict) -> list[tuple[bool, float, str]]:
    # $.extend(true, defaults, params) merges the default first answer (correct: true)
    # into the content's first answer: a missing "correct" there means right.
    answers = []
    for index, answer in enumerate(as_list(params.get("answers"))):
        answer = as_dict(answer)
        correct = answer.get("correct", index == 0)
        weight = number(answer.get("weight"), 1.0) if "weight" in answer else 1.0
        answers.append((bool(correct), weight, plain_text(answer.get("text"))))
    return answers or [(True, 1.0, "Answer 1")]


class MultiChoice:
    """H5P.MultiChoice: ids are indices in content order, several joined by "[,]".

    Multiple-answer mode is calcScore() of multichoice.js: +weight per right choice,
    -weight per wrong one, floor 0, singlePoint turning it into all (params.weight)
    or nothing at passPercentage. Single-answer mode gives the whole weight to the
    right choice (the browser sends 1 live, params.weight after a resume: the
    server never gives less than either).
    """

    __slots__ = ("question", "answers", "single", "single_point", "weight", "pass_pct", "top")

    def __init__(self, qid: str, params: dict):
        behaviour = as_dict(params.get("behaviour"))
        self.answers = _multichoice_answers(params)
        correct_count = sum(1 for right, _, _ in self.answers if right)
        kind = behaviour.get("type", "auto")
        self.single = correct_count == 1 if kind == "auto" else kind == "single"
        self.single_point = bool(behaviour.get("singlePoint", True))
        self.weight = number(params.get("weight"), 1.0)
        self.pass_pct = number(behaviour.get("passPercentage"), 100.0)
        self.top = (
            self._calculate_max() if not self.single and not self.single_point else self.weight
        )
        choices = tuple((str(i), text) for i, (_, _, text) in enumerate(self.answers))
        self.question = Question(
            qid, "H5P.MultiChoice", label(params.get("question")), self.top, choices
        )

    def _calculate_max(self) -> float:
        if not any(right for right, _, _ in self.answers):
            return self.weight
        return sum(weight for right, weight, _ in self.answers if right)

    def score(self, response) -> Verdict:
        if not isinstance(response, str):
            raise unreadable()
        ids = split_ids(response, limit=len(self.answers))
        if self.single:
            if len(ids) > 1:
                raise unreadable()
            raw = self.top if ids and self.answers[ids[0]][0] else 0.0
        else:
            raw = self._calc_score(ids)
        success = self.top > 0 and 100 * raw / self.top >= self.pass_pct
        normalised = SEP.join(str(i) for i in sorted(ids))
        return Verdict(raw, self.top, bool(success), normalised)

    def _calc_score(self, ids: list[int]) -> float:
        raw = 0.0
        for i in ids:
            right, weight, _ = self.answers[i]
            raw += weight if right else -weight
        raw = max(raw, 0.0)
        blank_is_correct = not any(right for right, _, _ in self.answers)
        if not ids and blank_is_correct:
            raw = self.weight
        if self.single_point:
            top = self._calculate_max()
            raw = self.weight if top and 100 * raw / top >= self.pass_pct else 0.0
        return raw


class SingleChoice:
    """One question of H5P.SingleChoiceSet: the first answer in content order is right.

    Only the getXAPIData() report gives content-order ids (the live statement sends
    the displayed position: upstream bug), so these are scored from the report.
    """

    __slots__ = ("question",)

    def __init__(self, qid: str, choice: dict):
        answers = [plain_text(a) for a in as_list(choice.get("answers"))]
        choices = tuple((str(i), text) for i, text in enumerate(answers))
        self.question = Question(
            qid, "H5P.SingleChoiceSet", label(choice.get("question")), 1.0, choices
        )

    def score(self, response) -> Verdict:
        if isinstance(response, int) and not isinstance(response, bool):
            response = str(response)
        if not isinstance(response, str):
            raise unreadable()
        ids = split_ids(response, limit=len(self.question.choices))
        if len(ids) != 1:
            raise unreadable()
        right = ids[0] == 0
        return Verdict(1.0 if right else 0.0, 1.0, right, str(ids[0]))


def single_choice_set(qid_prefix: str, params: dict) -> list[SingleChoice]:
    scorers = []
    for index, choice in enumerate(as_list(params.get("choices"))):
        choice = as_dict(choice)
        qid = as_str(choice.get("subContentId")) or f"{qid_prefix}#{index}"
        scorers.append(SingleChoice(qid, choice))
    return scorers


class SummaryGroup:
    """One statement group of H5P.Summary: 1 point when the first click is the first
    statement of the group (live response: that click; report: every click, in order)."""

    __slots__ = ("question", "fingerprint")

    def __init__(self, qid: str, intro: str, statements: list[str]):
        texts = [plain_text(s) for s in statements]
        self.fingerprint = tuple(texts)
        choices = tuple((str(i), text) for i, text in enumerate(texts))
        # Every group shares the intro: its right statement tells them apart on result pages.
        text = f"{plain_text(intro)} — {texts[0]}" if texts else plain_text(intro)
        self.question = Question(qid, "H5P.Summary", label(text), 1.0, choices)

    def score(self, response) -> Verdict:
        if not isinstance(response, str) or response == "":
            raise unreadable()
        first = response.split(SEP, 1)[0]
        split_ids(first, limit=len(self.fingerprint))
        right = first == "0"
        return Verdict(1.0 if right else 0.0, 1.0, right, first)


def summary_groups(qid_prefix: str, params: dict) -> list[SummaryGroup]:
    """The groups H5P.Summary keeps (it drops the items without a `summary` list)."""
    groups = []
    intro = params.get("intro") or "Choose the correct statement."
    for index, item in enumerate(as_list(params.get("summaries"))):
        item = as_dict(item)
        statements = item.get("summary")
        if not isinstance(statements, list) or not statements:
            continue
        qid = as_str(item.get("subContentId")) or f"{qid_prefix}#{index}"
        groups.append(SummaryGroup(qid, intro, [as_str(s) for s in statements]))
    return groups
