"""The statement rules never fail other than by `Invalid` (property-based fuzzing)."""

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lrs import validation

from .factories import statement

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(
        [
            "Agent",
            "Group",
            "SubStatement",
            "StatementRef",
            "mailto:a@b.fr",
            "http://a.test/1",
            "2025-01-01T00:00:00Z",
            "PT1H",
        ]
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "actor",
                    "verb",
                    "object",
                    "objectType",
                    "mbox",
                    "member",
                    "definition",
                    "context",
                    "result",
                    "score",
                    "scaled",
                    "raw",
                    "min",
                    "max",
                    "display",
                    "contextActivities",
                    "interactionType",
                    "choices",
                    "attachments",
                    "extensions",
                    "name",
                    "account",
                    "homePage",
                    "timestamp",
                    "registration",
                    "x",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)
FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _checked(value) -> None:
    try:
        validation.statement(value)
    except validation.Invalid:
        pass


@FUZZ
@given(value=json_values)
def test_any_json_is_accepted_or_refused_with_a_reason(value):
    _checked(value)


@FUZZ
@given(
    key=st.sampled_from(["actor", "verb", "object", "result", "context", "timestamp"]),
    value=json_values,
)
def test_any_part_of_a_valid_statement_replaced_by_anything(key, value):
    changed = copy.deepcopy(statement())
    changed[key] = value
    _checked(changed)


@pytest.mark.parametrize(
    "tag,valid",
    [
        ("fr-FR", True),
        ("en", True),
        ("zh-Hant-TW", True),
        ("x-private", True),
        ("fr_FR", False),
        ("", False),
        ("a12345678", False),
    ],
)
def test_language_tags(tag, valid):
    value = statement()
    value["verb"]["display"] = {tag: "x"}
    if valid:
        validation.statement(value)
    else:
        with pytest.raises(validation.Invalid):
            validation.statement(value)
