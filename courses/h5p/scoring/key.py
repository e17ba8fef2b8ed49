"""The answer key of a package, parsed once, and the dispatch of statements to it.

`package_key` walks content.json once: every scorable question becomes a scorer
with its precomputed key, indexed by subContentId ("" for the root content), so
`PackageKey.check` is a dict lookup plus a small comparison (verdicts are also
memoised per response). Broken or unknown parts never raise here: they leave
questions unscored. Questions without a subContentId of their own (a Single
Choice Set's questions, a Summary's statement groups) are named
`<parent id>#<index>` ("#0" in a root Summary).
"""

from collections.abc import Mapping
from dataclasses import replace

from . import branching, choice, composite, drag, text
from .base import (
    EPSILON,
    Check,
    Question,
    ScoringRefused,
    Verdict,
    absent,
    as_dict,
    as_list,
    as_str,
    claim_problem,
    label,
    machine_name,
    unreadable,
)

REPORT_LIBRARIES = frozenset({"H5P.SingleChoiceSet", "H5P.BranchingScenario"})
# Libraries whose own answered/completed statement carries the activity's total.
TOTAL_LIBRARIES = frozenset(
    {
        "H5P.QuestionSet",
        "H5P.CoursePresentation",
        "H5P.InteractiveVideo",
        "H5P.SingleChoiceSet",
        "H5P.Summary",
        "H5P.BranchingScenario",
    }
)
VIEW_VERBS = frozenset({"consume", "consumed", "experienced", "completed"})
MAX_DEPTH = 8

OTHER = Check("other")
TOTAL = Check("total")
VIEW = Check("view")

# One scorer per question: (qid, params) -> scorers, in content order.
LEAF_BUILDERS = {
    "H5P.TrueFalse": lambda qid, params: [choice.TrueFalse(qid, params)],
    "H5P.MultiChoice": lambda qid, params: [choice.MultiChoice(qid, params)],
    "H5P.SingleChoiceSet": choice.single_choice_set,
    "H5P.Summary": choice.summary_groups,
    "H5P.Blanks": text.blanks,
    "H5P.DragText": text.drag_text,
    "H5P.MarkTheWords": text.mark_the_words,
    "H5P.DragQuestion": drag.drag_question,
}


class _Index:
    """What the walk over content.json collects."""

    def __init__(self):
        self.scorers: list = []
        self.known: set[str] = set()

    def add(self, library: str, params, qid: str, depth: int = 0, title: str = "") -> None:
        if depth > MAX_DEPTH or not isinstance(params, dict):
            return
        builder = LEAF_BUILDERS.get(library)
        if builder is not None:
            try:
                scorers = builder(qid, params)
            except Exception:  # noqa: BLE001 - a broken answer key leaves the question unscored
                return
            for scorer in scorers:
                if not scorer.question.label:  # DragQuestion has no question text
                    scorer.question = replace(scorer.question, label=label(title))
            self.scorers.extend(scorers)
            return
        for child_library, child_params, child_id, child_title in composite.children(
            library, params
        ):
            if child_id:
                self.known.add(child_id)
                self.add(
                    machine_name(child_library), child_params, child_id, depth + 1, child_title
                )


def _known_ids(content, found: set[str], depth: int = 0) -> None:
    """Every subContentId of the content, scored or not (statements may name any)."""
    if depth > 40:
        return
    if isinstance(content, dict):
        sub = content.get("subContentId")
        if isinstance(sub, str) and sub:
            found.add(sub)
        for value in content.values():
            if isinstance(value, dict | list):
                _known_ids(value, found, depth + 1)
    elif isinstance(content, list):
        for value in content:
            if isinstance(value, dict | list):
                _known_ids(value, found, depth + 1)


def _sub_content_id(object_id) -> str:
    if not isinstance(object_id, str) or "subContentId=" not in object_id:
        return ""
    return object_id.split("subContentId=", 1)[1].split("&", 1)[0]


def _choices_fingerprint(statement: dict) -> tuple[str, ...]:
    definition = as_dict(as_dict(statement.get("object")).get("definition"))
    texts = []
    for item in as_list(definition.get("choices")):
        description = as_dict(as_dict(item).get("description"))
        value = next(iter(description.values()), "") if description else ""
        texts.append(" ".join(as_str(value).split()))
    return tuple(texts)


CACHE_SIZE = 4096


def _answer(scorer, result: dict, cache: dict | None = None) -> Check:
    """Re-score a response (memoised per package: learners send the same responses)."""
    response = result.get("response")
    memo = (scorer.question.id, response) if isinstance(response, str) else None
    check = cache.get(memo) if cache is not None and memo is not None else None
    if check is None:
        check = Check("answer", scorer.question.id, scorer.score(response))
        if cache is not None and memo is not None and len(cache) < CACHE_SIZE:
            cache[memo] = check
    problem = claim_problem(result, check.verdict)
    if problem:
        raise ScoringRefused(problem)
    return check


class PackageKey:
    """The answer key of one package version, and how its statements are checked."""

    def __init__(self, main_library: str, content: dict, title: str = ""):
        self.main_library = main_library
        self.pass_ratio: float | None = None
        self._branching = None
        index = _Index()
        if main_library == "H5P.BranchingScenario":
            self._branching = branching.Branching(content, index)
        else:
            index.add(main_library, content, "", title=title)
        scorers = index.scorers
        self.questions: tuple[Question, ...] = tuple(s.question for s in scorers)
        self._by_id = {s.question.id: s for s in scorers}
        self._root = self._by_id.get("") if main_library in LEAF_BUILDERS else None
        self._summaries = {s.fingerprint: s for s in scorers if isinstance(s, choice.SummaryGroup)}
        self._sets = [s for s in scorers if isinstance(s, choice.SingleChoice)]
        self._report_only = frozenset(s.question.id for s in self._sets)
        # A Single Choice Set inside a composite is only scored from the report too.
        self.needs_report = main_library in REPORT_LIBRARIES or bool(self._sets)
        known: set[str] = set()
        _known_ids(content, known)
        self._known = frozenset(known | index.known)
        self.max = float(sum(q.max for q in self.questions))
        if self._branching is not None:
            self.max = self._branching.max
        self.scored = bool(self.questions) or self._branching is not None and self.max > 0
        self._total_statement = main_library in TOTAL_LIBRARIES
        self.pass_ratio = composite.pass_ratio(main_library, content)
        self._pool = composite.pool_size(main_library, content, len(self.questions))
        self._cache: dict = {}

    def check(self, statement: dict) -> Check:
        statement = as_dict(statement)
        verb = as_str(as_dict(statement.get("verb")).get("id")).rsplit("/", 1)[-1]
        if not self.scored:
            return VIEW if verb in VIEW_VERBS else OTHER
        sub = _sub_content_id(as_dict(statement.get("object")).get("id"))
        if verb == "answered":
            return self._answered(sub, statement, as_dict(statement.get("result")))
        if verb == "completed" and not sub and self._total_statement:
            return TOTAL
        return OTHER

    def _answered(self, sub: str, statement: dict, result: dict) -> Check:
        if sub:
            scorer = self._by_id.get(sub)
            if scorer is None:
                if sub in self._known:
                    return OTHER  # a container or a content without an answer key
                raise absent()
            if sub in self._report_only:
                return OTHER
            return _answer(scorer, result, self._cache)
        if "response" in result:
            if self._root is not None:
                return _answer(self._root, result, self._cache)
            group = self._summaries.get(_choices_fingerprint(statement))
            if group is not None:
                return _answer(group, result)
            if self._sets:
                # Upstream bug: a Single Choice Set's live per-question response is the
                # displayed position (and names no subContentId); its report scores it.
                return OTHER
            raise absent()
        if self._root is not None:
            raise unreadable()
        return TOTAL if self._total_statement else OTHER

    def check_report(self, report: dict) -> dict[str, Verdict]:
        verdicts: dict[str, Verdict] = {}
        pending = [as_dict(report)]
        position = 0
        while pending:
            node = pending.pop(0)
            statement = as_dict(node.get("statement"))
            children = as_list(node.get("children"))
            pending[:0] = [as_dict(child) for child in children]
            result = as_dict(statement.get("result"))
            if "response" not in result:
                continue
            scorer = self._report_scorer(statement, position)
            if scorer is None:
                continue
            if isinstance(scorer, choice.SingleChoice):
                position += 1
            verdicts[scorer.question.id] = _answer(scorer, result).verdict
        return verdicts

    def _report_scorer(self, statement: dict, position: int):
        sub = _sub_content_id(as_dict(statement.get("object")).get("id"))
        if sub:
            scorer = self._by_id.get(sub)
            if scorer is None and sub not in self._known:
                raise absent()
            return scorer
        if self._root is not None:
            return self._root
        group = self._summaries.get(_choices_fingerprint(statement))
        if group is not None:
            return group
        if self._sets:
            if position >= len(self._sets):
                raise absent()
            return self._sets[position]
        raise absent()

    def total(self, answers: Mapping[str, Verdict]) -> Verdict:
        if self._branching is not None:
            raw, top = self._branching.total(answers)
            if top == 0:  # no-score: reaching an end screen is the success
                return Verdict(0.0, 0.0, self._branching.complete(answers))
        else:
            raw = sum(answers[q.id].raw for q in self.questions if q.id in answers)
            top = self.max
            if self._pool is not None:
                top = sum(q.max for q in self.questions if q.id in answers)
        return Verdict(raw, top, self._success(raw, top))

    def _success(self, raw: float, top: float) -> bool:
        if self.pass_ratio is None:
            return top > 0 and raw >= top - EPSILON
        scaled = raw / top if top else 0.0
        return scaled >= self.pass_ratio - EPSILON

    def complete(self, answers: Mapping[str, Verdict]) -> bool:
        if self._branching is not None:
            return self._branching.complete(answers)
        answered = sum(1 for q in self.questions if q.id in answers)
        if self._pool is not None:
            return answered >= self._pool
        return bool(self.questions) and answered == len(self.questions)


def package_key(h5p_json: dict, content_json: dict) -> PackageKey:
    """The answer key of a package; never raises (broken parts are unscored)."""
    h5p_json = as_dict(h5p_json)
    main = as_str(h5p_json.get("mainLibrary"))
    try:
        return PackageKey(main, as_dict(content_json), as_str(h5p_json.get("title")))
    except Exception:  # content.json is uploaded by editors: never break the player
        return PackageKey("", {})
