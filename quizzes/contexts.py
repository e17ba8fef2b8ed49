"""Where a quiz is taken or a questionnaire answered, without knowing what it is.

A quiz knows no module (../shared/STYLE.md: quizzes sit below courses, events
and placements). An attempt or a questionnaire response records its context
as a key such as ``module:12`` (later ``session:5``); the app that owns that
kind of context registers a `Provider` in its `AppConfig.ready`, and the quiz
pages ask it who may take the quiz there, where to go back, and what to call it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import Http404


@dataclass(frozen=True)
class Context:
    key: str  # "module:12"
    title: str
    url: str
    offers_pre_test: bool = False


@dataclass(frozen=True)
class Provider:
    # (user, object id, quiz) → Context, or raise Http404 / PermissionDenied.
    quiz_access: Callable
    # (user, object id, questionnaire) → Context, or raise Http404 / PermissionDenied.
    questionnaire_access: Callable
    # (object ids) → {object id: Context}; unknown ids are left out.
    describe: Callable[[Iterable[int]], dict]
    # (user, object ids) → the ids whose questionnaire results the user may read (those
    # who follow that module's learners, that session's organisers). None: nobody but
    # the roles that read every result (see quizzes.views_questionnaires).
    readable_results: Callable[[object, Iterable[int]], set] | None = None


_providers: dict[str, Provider] = {}


def register(kind: str, provider: Provider) -> None:
    _providers[kind] = provider


def parse(key: str) -> tuple[Provider, int]:
    """Return the provider and object id of a key like "module:12"; 404 if malformed."""
    kind, _sep, raw_id = (key or "").partition(":")
    # isdigit() alone accepts "²", which int() refuses; 18 digits fit a bigint.
    if kind not in _providers or not (raw_id.isascii() and raw_id.isdigit()) or len(raw_id) > 18:
        raise Http404
    return _providers[kind], int(raw_id)


def for_quiz(user, key: str, quiz) -> Context:
    provider, object_id = parse(key)
    return provider.quiz_access(user, object_id, quiz)


def for_questionnaire(user, key: str, questionnaire) -> Context:
    provider, object_id = parse(key)
    return provider.questionnaire_access(user, object_id, questionnaire)


def describe(keys: Iterable[str]) -> dict[str, Context]:
    """{key: Context} for the keys whose object still exists, in a query per kind."""
    ids_by_kind: dict[str, list[int]] = {}
    for key in keys:
        kind, _sep, raw_id = key.partition(":")
        if kind in _providers and raw_id.isascii() and raw_id.isdigit() and len(raw_id) <= 18:
            ids_by_kind.setdefault(kind, []).append(int(raw_id))
    described = {}
    for kind, ids in ids_by_kind.items():
        for object_id, context in _providers[kind].describe(ids).items():
            described[f"{kind}:{object_id}"] = context
    return described


def readable_results(user, keys: Iterable[str]) -> set[str]:
    """Of the context keys given, those whose questionnaire results `user` may read.

    One call per kind of context, whatever the number of keys.
    """
    ids_by_kind: dict[str, list[int]] = {}
    for key in keys:
        kind, _sep, raw_id = key.partition(":")
        if kind in _providers and raw_id.isascii() and raw_id.isdigit():
            ids_by_kind.setdefault(kind, []).append(int(raw_id))
    readable = set()
    for kind, ids in ids_by_kind.items():
        check = _providers[kind].readable_results
        if check is not None:
            readable |= {f"{kind}:{object_id}" for object_id in check(user, ids)}
    return readable
