"""H5P.BranchingScenario: the score follows the path the learner took.

Its choices (BranchingQuestion) are only reported by getXAPIData() at the end:
each gives the chosen alternative's index. From content[0], following the chosen
alternatives and each content's `nextContentId`, the server rebuilds the path to
an end screen and scores it per `scoringOptionGroup.scoringOption`, as
h5p-branching-scenario.js does: "static-end-score" (the score of the end screen
reached; max = the best end screen), "dynamic-score" (the scores collected along
the path, with the nested questions when `includeInteractionsScores`; max = the
path's own max, as the library computes it), "no-score" (0 of 0).
"""

from collections.abc import Mapping

from .base import (
    EPSILON,
    Question,
    Verdict,
    as_dict,
    as_list,
    as_str,
    label,
    machine_name,
    plain_text,
    unreadable,
)

STATIC, DYNAMIC = "static-end-score", "dynamic-score"
END = -1
MAX_PATHS = 10_000


def _next_id(value) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _has_score(item: dict) -> bool:
    return "endScreenScore" in as_dict(item.get("feedback"))


def _score(item: dict) -> float:
    value = as_dict(item.get("feedback")).get("endScreenScore")
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _end_score(item: dict, default: float) -> float:
    """The end screen's score when `item` (content or alternative) leads to the end."""
    feedback = as_dict(item.get("feedback"))
    shown = any(as_str(feedback.get(k)).strip() for k in ("title", "subtitle"))
    if shown or feedback.get("image") or "endScreenScore" in feedback:
        return _score(item)
    return default


class Choice:
    """A BranchingQuestion: which alternative the learner chose (its content-order index)."""

    __slots__ = ("question", "alternatives", "top", "dynamic")

    def __init__(self, qid: str, params: dict, alternatives: list[dict], dynamic: bool):
        self.alternatives = alternatives
        self.dynamic = dynamic
        # getQuestionMaxScore: the best alternative that does not end the scenario.
        ends = [_score(a) for a in alternatives if _next_id(a.get("nextContentId")) != END]
        self.top = max(ends + [0.0]) if dynamic else 0.0
        choices = tuple((str(i), plain_text(a.get("text"))) for i, a in enumerate(alternatives))
        question = as_dict(params.get("branchingQuestion")).get("question")
        self.question = Question(qid, "H5P.BranchingQuestion", label(question), self.top, choices)

    def points(self, index: int) -> float:
        """getAlternativeScore: what the alternative adds in dynamic scoring."""
        alternative = self.alternatives[index]
        target = _next_id(alternative.get("nextContentId"))
        scored = _has_score(alternative) and target is not None and target >= 0
        return _score(alternative) if scored else 0.0

    def score(self, response) -> Verdict:
        if isinstance(response, bool):
            raise unreadable()
        text = str(response) if isinstance(response, int) else response
        if not isinstance(text, str) or not (text.isascii() and text.isdigit()):
            raise unreadable()
        index = int(text)
        if index >= len(self.alternatives):
            raise unreadable()
        raw = self.points(index) if self.dynamic else 0.0
        return Verdict(raw, self.top, raw >= self.top - EPSILON, str(index))


class _Node:
    __slots__ = ("choice", "next", "end_score", "own", "points", "leaves")

    def __init__(self):
        self.choice: Choice | None = None
        self.next: int | None = None
        self.end_score = 0.0
        self.own: float | None = None  # its feedback.endScreenScore, when set
        self.points = 0.0  # dynamic scoring: what visiting the content adds
        self.leaves: tuple = ()  # ids of the questions it holds (includeInteractionsScores)


class Branching:
    """The scenario's graph and scoring option, built once; `index` collects the scorers."""

    def __init__(self, content: dict, index):
        scenario = as_dict(content.get("branchingScenario"))
        options = as_dict(scenario.get("scoringOptionGroup"))
        self.option = as_str(options.get("scoringOption")) or "no-score"
        self.interactions = options.get("includeInteractionsScores", True) is not False
        screens = [as_dict(e) for e in as_list(scenario.get("endScreens"))]
        default = next((e for e in screens if _next_id(e.get("contentId")) == END), None)
        default = default or (screens[0] if screens else {})
        self.default_end = float(_score({"feedback": default}))
        first = float(_score({"feedback": screens[0]})) if screens else 0.0
        self.nodes = [self._node(as_dict(n), index) for n in as_list(scenario.get("content"))]
        self.max = self._max(first)

    def _node(self, item: dict, index) -> _Node:
        node = _Node()
        content = as_dict(item.get("type"))
        library, params = machine_name(content.get("library")), as_dict(content.get("params"))
        qid = as_str(content.get("subContentId"))
        node.next = _next_id(item.get("nextContentId"))
        node.end_score = _end_score(item, self.default_end)
        node.own = _score(item) if _has_score(item) else None
        if library == "H5P.BranchingQuestion":
            alternatives = as_list(as_dict(params.get("branchingQuestion")).get("alternatives"))
            alternatives = [as_dict(a) for a in alternatives]
            if qid and alternatives:
                node.choice = Choice(qid, params, alternatives, self.option == DYNAMIC)
                index.scorers.append(node.choice)
            return node
        if _has_score(item) and node.next and node.next > END:
            node.points = _score(item)
        if qid:
            before = len(index.scorers)
            index.add(library, params, qid)
            node.leaves = tuple(s.question for s in index.scorers[before:])
        return node

    def _max(self, first_end: float) -> float:
        if self.option == STATIC:
            ends = [0.0]
            for node in self.nodes:
                items = node.choice.alternatives if node.choice else []
                for alternative in items:
                    if _next_id(alternative.get("nextContentId")) == END:
                        ends.append(_score(alternative) if _has_score(alternative) else first_end)
                if not node.choice and node.next == END:
                    ends.append(first_end if node.own is None else node.own)
            return max(ends)
        if self.option == DYNAMIC:
            return max((top for _, top in self._paths()), default=0.0)
        return 0.0

    def _node_max(self, node: _Node) -> float:
        if node.choice:
            return node.choice.top
        return node.points + (sum(q.max for q in node.leaves) if self.interactions else 0.0)

    def _paths(self):
        """(end reached, path max) of every path without a loop (findBranchingPaths)."""
        pending = [(0, frozenset(), 0.0)]
        found = 0
        while pending and found < MAX_PATHS:
            index, seen, top = pending.pop()
            if index == END:
                found += 1
                yield True, top
                continue
            if index is None or not 0 <= index < len(self.nodes) or index in seen:
                continue
            node = self.nodes[index]
            seen, top = seen | {index}, top + self._node_max(node)
            targets = (
                [_next_id(a.get("nextContentId")) for a in node.choice.alternatives]
                if node.choice
                else [node.next]
            )
            pending.extend((target, seen, top) for target in targets)

    def walk(self, answers: Mapping[str, Verdict]):
        """The path the answers describe: (visited nodes, score at the end, end reached)."""
        index, seen, path = 0, set(), []
        while index is not None and 0 <= index < len(self.nodes) and index not in seen:
            seen.add(index)
            node = self.nodes[index]
            path.append(node)
            end_score, target = node.end_score, node.next
            if node.choice:
                verdict = answers.get(node.choice.question.id)
                if verdict is None or not verdict.response.isdigit():
                    return path, 0.0, False
                alternative = node.choice.alternatives[int(verdict.response)]
                target = _next_id(alternative.get("nextContentId"))
                end_score = _end_score(alternative, self.default_end)
            if target == END:
                return path, end_score, True
            index = target
        return path, 0.0, False

    def total(self, answers: Mapping[str, Verdict]) -> tuple[float, float]:
        """(raw, max) of the path the answers describe."""
        path, end_score, done = self.walk(answers)
        if self.option == STATIC:
            return (end_score if done else 0.0), self.max
        if self.option != DYNAMIC:
            return 0.0, 0.0
        raw = top = 0.0
        for node in path:
            top += self._node_max(node)
            if node.choice:
                verdict = answers.get(node.choice.question.id)
                raw += verdict.raw if verdict else 0.0
                continue
            raw += node.points
            if self.interactions:
                raw += sum(answers[q.id].raw for q in node.leaves if q.id in answers)
        return raw, top

    def complete(self, answers: Mapping[str, Verdict]) -> bool:
        return self.walk(answers)[2]
