"""Composites: QuestionSet, CoursePresentation and InteractiveVideo.

They hold other contents (`{"library", "params", "subContentId"}`) whose own
statements carry `?subContentId=`: the key indexes the scorable children, and the
composite's total is the sum of its children, as each library's getScore() does.
"""

from collections.abc import Iterator

from .base import as_dict, as_list, as_str, number

Child = tuple[str, dict, str, str]  # library, params, subContentId, title


def _content(value) -> Child | None:
    value = as_dict(value)
    params = value.get("params")
    if not isinstance(params, dict):
        return None
    title = as_str(as_dict(value.get("metadata")).get("title"))
    return as_str(value.get("library")), params, as_str(value.get("subContentId")), title


def _question_set(params: dict) -> Iterator[Child]:
    for question in as_list(params.get("questions")):
        child = _content(question)
        if child:
            yield child


def _course_presentation(params: dict) -> Iterator[Child]:
    presentation = as_dict(params.get("presentation"))
    for slide in as_list(presentation.get("slides")):
        for element in as_list(as_dict(slide).get("elements")):
            child = _content(as_dict(element).get("action"))
            if child:
                yield child


def _interactive_video(params: dict) -> Iterator[Child]:
    video = as_dict(params.get("interactiveVideo"))
    for interaction in as_list(as_dict(video.get("assets")).get("interactions")):
        child = _content(as_dict(interaction).get("action"))
        if child:
            yield child
    # The end summary joins the interactions when it has statements (hasMainSummary).
    summary = _content(as_dict(video.get("summary")).get("task"))
    if summary:
        yield summary


WALKERS = {
    "H5P.QuestionSet": _question_set,
    "H5P.CoursePresentation": _course_presentation,
    "H5P.InteractiveVideo": _interactive_video,
}


def children(library: str, params: dict) -> Iterator[Child]:
    """The contents a composite holds, in content order (nothing for other types)."""
    walker = WALKERS.get(library)
    return walker(params) if walker else iter(())


def pass_ratio(library: str, content: dict) -> float | None:
    """The content's own success threshold, as the library computes result.success."""
    if library == "H5P.QuestionSet":
        return min(max(number(content.get("passPercentage"), 50.0), 0.0), 100.0) / 100
    if library in ("H5P.SingleChoiceSet", "H5P.MultiChoice"):
        behaviour = as_dict(content.get("behaviour"))
        return min(max(number(behaviour.get("passPercentage"), 100.0), 0.0), 100.0) / 100
    return None


def pool_size(library: str, content: dict, count: int) -> int | None:
    """How many questions a QuestionSet draws when it draws a pool (poolSize)."""
    if library != "H5P.QuestionSet":
        return None
    size = int(number(content.get("poolSize"), 0.0))
    return size if 0 < size < count else None
