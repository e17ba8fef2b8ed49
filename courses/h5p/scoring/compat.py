"""The first re-scoring API (TrueFalse only), kept while ingestion moves to
`package_key` / `PackageKey.check`: `courses.services.activities` still calls it.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class CheckedResult:
    success: bool
    score_scaled: float


Scorer = Callable[[dict, dict], CheckedResult | None]


def _score_true_false(content: dict, result: dict) -> CheckedResult | None:
    """TrueFalse stores the right answer as content["correct"] ("true"/"false")."""
    expected = str(content.get("correct", "")).lower()
    response = str(result.get("response", "")).strip().lower()
    if expected not in {"true", "false"} or response not in {"true", "false"}:
        return None
    success = response == expected
    return CheckedResult(success=success, score_scaled=1.0 if success else 0.0)


SCORERS: dict[str, Scorer] = {"H5P.TrueFalse": _score_true_false}


def main_machine_name(h5p_json: dict) -> str:
    return str(h5p_json.get("mainLibrary", ""))


def can_check(h5p_json: dict) -> bool:
    """Return True when the platform re-scores this package's answers itself."""
    return main_machine_name(h5p_json) in SCORERS


def check(h5p_json: dict, content: dict, result: dict) -> CheckedResult | None:
    """Return the server's verdict for an xAPI `result`, or None if it cannot check."""
    scorer = SCORERS.get(main_machine_name(h5p_json))
    return scorer(content, result) if scorer else None
