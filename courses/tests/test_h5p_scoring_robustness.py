"""Broken content and hostile statements: the key never breaks, checks only refuse.

content.json comes from whatever package an editor uploads, statements from the
learner's browser: `package_key` must never raise (broken parts are unscored)
and `check`/`check_report` raise nothing but `ScoringRefused`. Checking is a
lookup in what `package_key` prepared: no HTML is parsed per statement.
"""

import copy
import json
from pathlib import Path

from django.conf import settings
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from courses.h5p import scoring
from courses.h5p.authoring import SAMPLE_KINDS, sample_content, sample_h5p_json
from courses.h5p.scoring import base, branching, choice, drag, text

XAPI_DIR = Path(settings.BASE_DIR) / "vendor" / "h5p" / "xapi"

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-5, max_value=5)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.sampled_from(["", "*", "**", "*a/b:c*", "<p>*x*</p>", "-1", "0", "H5P.Blanks 1.14"])
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["params", "library", "subContentId", "correct", "answers", "questions", "text"]
            )
            | st.text(max_size=6),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)
fast = hypothesis_settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def paths(value, prefix=()):
    """Every place inside a JSON value, to replace one of them."""
    yield prefix
    if isinstance(value, dict):
        for name, item in value.items():
            yield from paths(item, (*prefix, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*prefix, index))


def replaced(content, path, new):
    if not path:
        return new
    content = copy.deepcopy(content)
    target = content
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = new
    return content


SAMPLE_PATHS = {kind: list(paths(sample_content(kind))) for kind in SAMPLE_KINDS}


def captured(kind: str) -> list[dict]:
    statements = []
    for run in ("right", "wrong"):
        path = XAPI_DIR / "all" / f"{kind}-{run}.json"
        statements.extend(json.loads(path.read_text(encoding="utf-8")))
    return statements


def exercise(key: scoring.PackageKey, statements) -> None:
    for statement in statements:
        try:
            key.check(statement)
        except scoring.ScoringRefused as refusal:
            assert str(refusal)
    key.total({q.id: scoring.Verdict(q.max, q.max, True) for q in key.questions})
    key.complete({})


@fast
@given(content=json_values, main=st.sampled_from(SAMPLE_KINDS))
def test_package_key_never_raises_on_any_content(content, main):
    key = scoring.package_key(sample_h5p_json(main), content)
    assert key.max >= 0 or key.main_library == "H5P.BranchingScenario"
    exercise(key, captured(main))


@fast
@given(data=st.data(), kind=st.sampled_from(SAMPLE_KINDS))
def test_package_key_never_raises_on_a_damaged_sample(data, kind):
    path = data.draw(st.sampled_from(SAMPLE_PATHS[kind]))
    content = replaced(sample_content(kind), path, data.draw(json_values))
    exercise(scoring.package_key(sample_h5p_json(kind), content), captured(kind))


@fast
@given(statement=json_values, kind=st.sampled_from(SAMPLE_KINDS))
def test_checks_raise_only_refusals_on_any_statement(statement, kind):
    key = scoring.package_key(sample_h5p_json(kind), sample_content(kind))
    exercise(key, [statement])
    try:
        key.check_report(statement)
    except scoring.ScoringRefused:
        pass


@fast
@given(data=st.data(), kind=st.sampled_from(SAMPLE_KINDS))
def test_checks_raise_only_refusals_on_damaged_captures(data, kind):
    statements = captured(kind)
    if not statements:
        return
    statement = data.draw(st.sampled_from(statements))
    path = data.draw(st.sampled_from(list(paths(statement))))
    forged = replaced(statement, path, data.draw(json_values))
    exercise(scoring.package_key(sample_h5p_json(kind), sample_content(kind)), [forged])


def test_package_key_survives_deep_nesting_and_odd_h5p_json():
    deep = {"library": "H5P.QuestionSet 1.21", "params": {}, "subContentId": "x"}
    for _ in range(500):
        deep = {"questions": [deep]}
    assert not scoring.package_key({"mainLibrary": "H5P.QuestionSet"}, deep).scored
    assert not scoring.package_key(None, None).scored
    assert not scoring.package_key({"mainLibrary": ["H5P.TrueFalse"]}, {}).scored
    unknown = scoring.package_key({"mainLibrary": "H5P.Essay"}, sample_content("blanks"))
    assert (unknown.scored, unknown.questions) == (False, ())


@given(a=st.text(alphabet="abcé", max_size=8), b=st.text(alphabet="abcé", max_size=8))
def test_levenshtein_is_a_distance_bounded_by_the_longer_word(a, b):
    distance = text.levenshtein(a, b)
    assert distance == text.levenshtein(b, a)
    assert (distance == 0) is (a == b)
    assert distance <= max(len(a), len(b))


def test_checking_parses_no_html(monkeypatch):
    keys = {
        kind: scoring.package_key(sample_h5p_json(kind), sample_content(kind))
        for kind in SAMPLE_KINDS
    }

    def forbidden(*args, **kwargs):
        raise AssertionError("HTML parsed at check time")

    for module in (base, branching, choice, drag):
        monkeypatch.setattr(module, "plain_text", forbidden)
    monkeypatch.setattr(base.HTMLParser, "feed", forbidden)
    for kind, key in keys.items():
        for statement in captured(kind):
            key.check(statement)
