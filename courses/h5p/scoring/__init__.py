"""Server-side re-scoring of H5P answers (the contract of issue 19).

The browser's score can be forged: the server recomputes every answer from the
learner's response and the answer key in content.json, parsed once per package
version by `package_key`. One module per family of content types.
"""

from .base import Check, Question, ScoringRefused, Verdict, claim_problem
from .compat import CheckedResult, can_check, check
from .key import REPORT_LIBRARIES, PackageKey, package_key

__all__ = [
    "REPORT_LIBRARIES",
    "Check",
    "CheckedResult",
    "PackageKey",
    "Question",
    "ScoringRefused",
    "Verdict",
    "can_check",
    "check",
    "claim_problem",
    "package_key",
]
