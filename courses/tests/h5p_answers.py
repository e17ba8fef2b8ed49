"""Answer any scored H5P activity right, with what a real player sends.

`right_answer_posts(package, lesson=…, user=…)` reads a package's h5p.json and
content.json and returns the bodies the lesson's player (courses/static/courses/
lesson.js) posts to `courses:h5p_xapi` when the learner answers everything right:
the xAPI statements, then, for the types whose live statements do not tell what was
chosen (Single Choice Set, Branching Scenario), the getXAPIData() report. Their
shapes follow the runs captured from real players in vendor/h5p/xapi/: the
response of each kind, `?subContentId=` for nested questions, the report's
children. The claimed scores are computed here from the answer key, independently
of the server: the server refuses a claim above its own verdict, so a full score
it grants is a full score both sides agree on.

A Branching Scenario is played along its best path: the one reaching the highest-
scoring end screen (static end score), or collecting the most points on its choices
and screens (dynamic score; questions nested in its screens are answered right but
their points are not added to the claimed total). Types without an answer key, or
unknown here, raise NoRightAnswer.
"""

import html
import json
import re
import uuid
from dataclasses import dataclass, field

from django.urls import reverse

from courses.h5p.scoring.text import mark_the_words_words
from courses.services.activities import xapi_mbox

VERBS = "http://adlnet.gov/expapi/verbs/"
ANSWERED = VERBS + "answered"
COMPLETED = VERBS + "completed"
INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
SEP = "[,]"
PAIR = "[.]"
END = -1


class NoRightAnswer(ValueError):
    """The tool does not know how to answer this content (unknown or unscored type)."""


@dataclass(frozen=True)
class Answer:
    """One question answered right: its response and score, as its library reports it."""

    response: str
    raw: float
    max: float
    definition: dict = field(default_factory=dict)
    success: bool | None = True  # None: the library's statement has no `success`


# --- Text helpers -------------------------------------------------------------------


def _text(markup) -> str:
    """The text a browser shows for an HTML fragment, whitespace collapsed."""
    if not isinstance(markup, str):
        return ""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", markup)).split())


def _choices(texts: list[str], ids: list[str] | None = None) -> list[dict]:
    ids = ids or [str(i) for i in range(len(texts))]
    return [{"id": i, "description": {"en-US": t}} for i, t in zip(ids, texts, strict=True)]


def _number(value, default: float) -> float:
    if isinstance(value, bool):
        return default
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _starred(text: str) -> list[str]:
    """The `*…*` parts of a text (H5P's marking of answers), stars removed."""
    return [part for part in re.findall(r"\*([^*]+)\*", text)]


# --- One answer per leaf kind -------------------------------------------------------


def _true_false(params: dict) -> list[Answer]:
    right = "true" if params.get("correct") == "true" else "false"
    definition = {
        "description": {"en-US": _text(params.get("question"))},
        "interactionType": "true-false",
        "correctResponsesPattern": [right],
    }
    return [Answer(right, 1.0, 1.0, definition)]


def _multi_choice(params: dict) -> list[Answer]:
    """Every right choice (content order); H5P's default first answer is right."""
    answers = params.get("answers") or [{"text": "Answer 1", "correct": True}]
    flags = [bool(a.get("correct", i == 0)) for i, a in enumerate(answers)]
    weights = [_number(a.get("weight"), 1.0) if "weight" in a else 1.0 for a in answers]
    behaviour = params.get("behaviour") or {}
    kind = behaviour.get("type", "auto")
    single = sum(flags) == 1 if kind == "auto" else kind == "single"
    weight = _number(params.get("weight"), 1.0)
    if single or behaviour.get("singlePoint", True) or not any(flags):
        top = weight
    else:
        top = sum(w for w, right in zip(weights, flags, strict=True) if right)
    right = [str(i) for i, flag in enumerate(flags) if flag]
    definition = {
        "description": {"en-US": _text(params.get("question"))},
        "interactionType": "choice",
        "correctResponsesPattern": [SEP.join(right)],
        "choices": _choices([_text(a.get("text")) for a in answers]),
    }
    return [Answer(SEP.join(right), top, top, definition)]


def _blanks(params: dict) -> list[Answer]:
    """The first accepted spelling of each blank (`*answer/other:tip*`)."""
    words = []
    for sentence in params.get("questions") or []:
        for inner in _starred(sentence if isinstance(sentence, str) else ""):
            solution = re.sub(r"</?[a-z]*\d?>", "", inner, flags=re.IGNORECASE)
            words.append(html.unescape(solution.split(":", 1)[0].split("/")[0].strip()))
    if not words:
        return []
    definition = {
        "description": {"en-US": _text(params.get("text"))},
        "interactionType": "fill-in",
        "correctResponsesPattern": [SEP.join(words)],
    }
    top = float(len(words))
    return [Answer(SEP.join(words), top, top, definition, success=None)]


def _drag_text(params: dict) -> list[Answer]:
    """The word of each gap (`*word:tip\\+right\\-wrong*`), in text order."""
    words = []
    for inner in _starred(params.get("textField") or ""):
        words.append(re.split(r":|\\\+|\\-", inner, maxsplit=1)[0].rstrip())
    if not words:
        return []
    definition = {
        "description": {"en-US": _text(params.get("taskDescription"))},
        "interactionType": "fill-in",
        "correctResponsesPattern": [SEP.join(words)],
    }
    top = float(len(words))
    return [Answer(SEP.join(words), top, top, definition, success=None)]


def _mark_the_words(params: dict) -> list[Answer]:
    """The index of each word to mark. The library numbers the selectable words in
    its own way (punctuation, HTML nodes): `mark_the_words_words` is that reading,
    checked against real players in courses/tests/test_h5p_scoring.py."""
    words = mark_the_words_words(params.get("textField") or "")
    right = [str(i) for i, (_word, answer) in enumerate(words) if answer]
    definition = {
        "description": {"en-US": _text(params.get("taskDescription"))},
        "interactionType": "choice",
        "correctResponsesPattern": [SEP.join(right)],
        "choices": _choices([word for word, _answer in words]),
    }
    top = float(len(right) or 1)
    return [Answer(SEP.join(right), top, top, definition)]


def _drag_question(params: dict) -> list[Answer]:
    """Each element dropped on its right zone(s): `zone[.]element` pairs."""
    task = (params.get("question") or {}).get("task") or {}
    zones = task.get("dropZones") or []
    elements = task.get("elements") or []
    behaviour = params.get("behaviour") or {}
    right: dict[int, list[int]] = {}
    for z, zone in enumerate(zones):
        for element in zone.get("correctElements") or []:
            right.setdefault(int(element), []).append(z)
    pairs = []
    for e, targets in sorted(right.items()):
        chosen = targets if (elements[e] or {}).get("multiple") else targets[:1]
        pairs += [f"{z}{PAIR}{e}" for z in chosen]
    top = 1.0 if behaviour.get("singlePoint") or not pairs else float(len(pairs))
    definition = {"interactionType": "matching", "correctResponsesPattern": [SEP.join(pairs)]}
    return [Answer(SEP.join(pairs), top, top, definition)]


def _summary_groups(params: dict) -> list[Answer]:
    """Each statement group: its first statement (in content order) is the right one."""
    answers = []
    for item in params.get("summaries") or []:
        statements = (item or {}).get("summary")
        if not isinstance(statements, list) or not statements:
            continue  # H5P drops a group without statements
        definition = {
            "name": {"en-US": "Summary statement"},
            "description": {"en-US": _text(params.get("intro"))},
            "interactionType": "choice",
            "correctResponsesPattern": ["0"],
            "choices": _choices([_text(s) for s in statements]),
        }
        answers.append(Answer("0", 1.0, 1.0, definition, success=None))
    return answers


def _single_choices(params: dict) -> list[Answer]:
    """Each question of a set: its first answer in content order is the right one."""
    answers = []
    for choice in params.get("choices") or []:
        definition = {
            "description": {"en-US": _text(choice.get("question"))},
            "interactionType": "choice",
            "correctResponsesPattern": ["0"],
            "choices": _choices([_text(a) for a in choice.get("answers") or []]),
        }
        answers.append(Answer("0", 1.0, 1.0, definition))
    return answers


# Libraries a single statement answers (the root content, or a nested one).
LEAVES = {
    "H5P.TrueFalse": _true_false,
    "H5P.MultiChoice": _multi_choice,
    "H5P.Blanks": _blanks,
    "H5P.DragText": _drag_text,
    "H5P.MarkTheWords": _mark_the_words,
    "H5P.DragQuestion": _drag_question,
}
COMPOSITES = ("H5P.QuestionSet", "H5P.CoursePresentation", "H5P.InteractiveVideo")
KINDS = (*LEAVES, *COMPOSITES, "H5P.Summary", "H5P.SingleChoiceSet", "H5P.BranchingScenario")


# --- Statements ---------------------------------------------------------------------


@dataclass
class _Player:
    """Builds statements for one activity as lesson.js sends them."""

    iri: str
    mbox: str
    versions: dict  # machine name -> "1.8"

    def category(self, library: str) -> list[dict]:
        """`library`: "H5P.MultiChoice 1.16" (nested) or a machine name (its version known)."""
        name, _space, version = library.partition(" ")
        version = version or self.versions.get(name, "")
        full = f"{name}-{version}" if version else name
        return [{"id": f"http://h5p.org/libraries/{full}", "objectType": "Activity"}]

    def statement(self, verb: str, *, library: str, sub: str = "", result=None, definition=None):
        statement = {
            "id": str(uuid.uuid4()),
            "verb": {"id": verb, "display": {"en-US": verb.rsplit("/", 1)[-1]}},
            "object": {
                "id": f"{self.iri}?subContentId={sub}" if sub else self.iri,
                "objectType": "Activity",
                "definition": {**(definition or {}), "type": INTERACTION},
            },
            "context": {"contextActivities": {"category": self.category(library)}},
        }
        if sub:
            parent = [{"id": self.iri, "objectType": "Activity"}]
            statement["context"]["contextActivities"]["parent"] = parent
        if result is not None:
            statement["result"] = result
        if self.mbox:
            statement["actor"] = {"name": "apprenant", "mbox": self.mbox, "objectType": "Agent"}
        return statement

    def answered(self, answer: Answer, *, library: str, sub: str = "") -> dict:
        result = {
            "score": _score(answer.raw, answer.max),
            "completion": True,
            "response": answer.response,
        }
        if answer.success is not None:
            result["success"] = answer.success
        return self.statement(
            ANSWERED, library=library, sub=sub, result=result, definition=answer.definition
        )

    def total(self, verb: str, library: str, raw: float, top: float, success=None) -> dict:
        result = {"score": _score(raw, top), "completion": True}
        if success is not None:
            result["success"] = success
        return self.statement(verb, library=library, result=result)

    def report(self, library: str, raw: float, top: float, children: list[dict]) -> dict:
        """getXAPIData(): the activity's statement (given an id by the player), its
        children's statements without ids."""
        statement = self.total(ANSWERED, library, raw, top, success=raw >= top)
        statement["object"]["definition"]["interactionType"] = "compound"
        for child in children:
            child.pop("id", None)
        return {"statement": statement, "children": [{"statement": c} for c in children]}


def _score(raw: float, top: float) -> dict:
    return {"min": 0, "max": _int(top), "raw": _int(raw), "scaled": raw / top if top else 0}


def _int(value: float):
    return int(value) if float(value).is_integer() else value


def _versions(h5p_json: dict) -> dict:
    return {
        dep.get("machineName"): f"{dep.get('majorVersion')}.{dep.get('minorVersion')}"
        for dep in h5p_json.get("preloadedDependencies") or []
    }


def _composite_children(library: str, params: dict) -> list[dict]:
    """The contents a QuestionSet, CoursePresentation or InteractiveVideo holds."""
    if library == "H5P.QuestionSet":
        return list(params.get("questions") or [])
    if library == "H5P.CoursePresentation":
        slides = (params.get("presentation") or {}).get("slides") or []
        return [e.get("action") or {} for s in slides for e in s.get("elements") or []]
    video = params.get("interactiveVideo") or {}
    interactions = (video.get("assets") or {}).get("interactions") or []
    return [i.get("action") or {} for i in interactions]


def _nested_statements(player: _Player, content: dict) -> tuple[list[dict], float]:
    """The answered statement of a nested question (`?subContentId=`), and its points."""
    library = content.get("library") or ""
    build = LEAVES.get(library.split(" ", 1)[0])
    sub = content.get("subContentId") or ""
    if build is None or not sub or not isinstance(content.get("params"), dict):
        return [], 0.0  # text, image, or a type scored from a report only
    statements, raw = [], 0.0
    for answer in build(content["params"]):
        statements.append(player.answered(answer, library=library, sub=sub))
        raw += answer.raw
    return statements, raw


# --- Branching scenario -------------------------------------------------------------


def _feedback_score(item: dict) -> float | None:
    feedback = item.get("feedback") or {}
    if "endScreenScore" not in feedback:
        return None
    return _number(feedback["endScreenScore"], 0.0)


def _end_score(item: dict, default: float) -> float:
    """The score of the end screen reached through `item` (a screen or an alternative):
    its own end screen when it sets one, else the scenario's default end screen."""
    feedback = item.get("feedback") or {}
    shown = any(str(feedback.get(k) or "").strip() for k in ("title", "subtitle"))
    if shown or feedback.get("image") or "endScreenScore" in feedback:
        return _feedback_score(item) or 0.0
    return default


def _static_max(screens: list[dict], default: float, option: str) -> float:
    """The best end screen's score, reachable or not (as the library counts it)."""
    if option != "static-end-score":
        return 0.0
    scores = [0.0]
    for screen in screens:
        params = (screen.get("type") or {}).get("params") or {}
        alternatives = (params.get("branchingQuestion") or {}).get("alternatives")
        items = alternatives or [screen]
        scores += [_end_score(i, default) for i in items if int(i.get("nextContentId", END)) == END]
    return max(scores)


def _best_path(content: dict) -> tuple[list[tuple[int, int | None]], float, float]:
    """The path reaching the best score: [(screen index, alternative chosen or None)],
    its score, and the best score any end screen gives (what H5P calls the maximum)."""
    scenario = content.get("branchingScenario") or {}
    screens = scenario.get("content") or []
    ends = scenario.get("endScreens") or []
    default = next((e for e in ends if e.get("contentId") == END), ends[0] if ends else {})
    default_score = _number(default.get("endScreenScore"), 0.0)
    option = (scenario.get("scoringOptionGroup") or {}).get("scoringOption") or "no-score"
    dynamic = option == "dynamic-score"

    best: tuple[float, list] | None = None
    top = 0.0 if dynamic else _static_max(screens, default_score, option)
    pending = [(0, (), 0.0)]
    while pending:
        index, path, points = pending.pop()
        if not 0 <= index < len(screens) or index in [i for i, _ in path]:
            continue
        screen = screens[index]
        params = (screen.get("type") or {}).get("params") or {}
        alternatives = (params.get("branchingQuestion") or {}).get("alternatives")
        if alternatives:
            moves = [
                (int(a.get("nextContentId", END)), a, number)
                for number, a in enumerate(alternatives)
            ]
        else:
            moves = [(int(screen.get("nextContentId", END)), screen, None)]
        for target, item, choice in moves:
            step = (*path, (index, choice))
            gained = points
            if dynamic and target != END:
                gained += _feedback_score(item) or 0.0
            if target == END:
                score = gained if dynamic else _end_score(item, default_score)
                score = score if option in ("static-end-score", "dynamic-score") else 0.0
                if dynamic:
                    top = max(top, score)
                if best is None or score > best[0]:
                    best = (score, list(step))
            else:
                pending.append((target, step, gained))
    if best is None:
        raise NoRightAnswer("Ce scénario n'atteint aucun écran de fin.")
    return best[1], best[0], top


def _branching_posts(player: _Player, content: dict) -> list[dict]:
    path, raw, top = _best_path(content)
    screens = content["branchingScenario"]["content"]
    live, chosen = [], []
    for index, choice in path:
        screen = screens[index]["type"]
        if choice is None:
            live += _nested_statements(player, screen)[0]
            continue
        alternatives = screen["params"]["branchingQuestion"]["alternatives"]
        definition = {
            "description": {"en-US": _text(screen["params"]["branchingQuestion"].get("question"))},
            "interactionType": "choice",
            "correctResponsesPattern": [],
            "choices": _choices([_text(a.get("text")) for a in alternatives]),
        }
        # The report gives the alternative chosen as a number (captured run).
        result = {"completion": True, "response": choice}
        chosen.append(
            player.statement(
                ANSWERED,
                library=screen.get("library") or "H5P.BranchingQuestion",
                sub=screen.get("subContentId") or "",
                result=result,
                definition=definition,
            )
        )
    library = "H5P.BranchingScenario"
    completed = player.total(COMPLETED, library, raw, top)
    return [*live, completed, player.report(library, raw, top, chosen)]


def _with_parent(statement: dict, iri: str) -> dict:
    statement["context"]["contextActivities"]["parent"] = [{"id": iri, "objectType": "Activity"}]
    return statement


# --- Entry points -------------------------------------------------------------------


def right_answers(h5p_json: dict, content_json: dict, *, iri: str, mbox: str = "") -> list[dict]:
    """The bodies a player posts for the activity `iri` (its xAPI URL, with the page's
    origin) when every question is answered right, in the order it sends them.
    `mbox`: the learner's pseudonymous actor (`xapi_mbox(user)`), none if empty.
    Raises NoRightAnswer for a type it cannot answer (or one without an answer key)."""
    library = h5p_json.get("mainLibrary") or ""
    player = _Player(iri=iri, mbox=mbox, versions=_versions(h5p_json))
    if library in LEAVES:
        answers = LEAVES[library](content_json)
        if not answers:
            raise NoRightAnswer(f"{library} sans réponse attendue.")
        return [player.answered(answer, library=library) for answer in answers]
    if library == "H5P.Summary":
        groups = _summary_groups(content_json)
        if not groups:
            raise NoRightAnswer("Résumé sans affirmation.")
        # Each group's statement names the Summary as its parent (captured run).
        statements = [
            _with_parent(player.answered(group, library=library), iri) for group in groups
        ]
        top = float(len(groups))
        return [*statements, player.total(ANSWERED, library, top, top)]
    if library == "H5P.SingleChoiceSet":
        answers = _single_choices(content_json)
        if not answers:
            raise NoRightAnswer("Série de questions sans question.")
        children = [
            _with_parent(player.answered(answer, library=library), iri) for answer in answers
        ]
        top = float(len(answers))
        completed = player.total(COMPLETED, library, top, top, success=True)
        return [completed, player.report(library, top, top, children)]
    if library in COMPOSITES:
        statements, raw = [], 0.0
        for child in _composite_children(library, content_json):
            nested, points = _nested_statements(player, child)
            statements += nested
            raw += points
        if not statements:
            raise NoRightAnswer(f"{library} sans question notée.")
        if library == "H5P.QuestionSet":
            statements.append(player.total(COMPLETED, library, raw, raw, success=True))
        elif library == "H5P.CoursePresentation":
            statements.append(player.total(COMPLETED, library, raw, raw))
        return statements
    if library == "H5P.BranchingScenario":
        return _branching_posts(player, content_json)
    raise NoRightAnswer(f"Type H5P sans réponses connues : {library or '?'}.")


def xapi_path(package, lesson) -> str:
    return reverse("courses:h5p_xapi", args=[package.pk, lesson.pk])


def right_answer_posts(
    package, *, lesson, user=None, origin: str = "http://testserver"
) -> list[tuple[str, dict]]:
    """(URL, JSON body) of each post the lesson's player makes when `user` answers the
    package right in `lesson`: statements and getXAPIData() report all go to
    `courses:h5p_xapi`."""
    path = xapi_path(package, lesson)
    bodies = right_answers(
        package.h5p_json or {},
        package.content_json or {},
        iri=origin + path,
        mbox=xapi_mbox(user) if user is not None else "",
    )
    return [(path, body) for body in bodies]


def answer_right(client, package, *, lesson, user) -> list:
    """Post the right answers through the endpoint with `client` (signed in as `user`);
    return the responses (each asserted 200, with the server's message if not)."""
    responses = []
    for url, body in right_answer_posts(package, lesson=lesson, user=user):
        response = client.post(url, json.dumps(body), content_type="application/json")
        assert response.status_code == 200, (package.title, body, response.json())
        responses.append(response)
    return responses
