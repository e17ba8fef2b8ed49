"""Writes of the training capability: enrolment, progress, H5P results, completion.

One module per job: `enrolment` (joining a module, opening its lessons),
`completion` (the completion rule, its one door, recertification cycles) and
`activities` (xAPI statements from the H5P player, re-scored, activity results,
resume state) with `activity_keys` (answer keys per package, the learner's xAPI pseudonym).
Callers import from here.
"""

from ..xapi import StatementRejected
from .activities import (
    DONE_VERBS,
    IngestOutcome,
    h5p_state_save,
    xapi_report_record,
    xapi_statement_record,
)
from .activity_keys import package_key, xapi_pseudonym
from .completion import (
    CompletionOutcome,
    add_months,
    completion_attestation_issue,
    completion_finalise,
    lesson_complete,
    logger,
    module_completion_update,
    module_restart,
)
from .enrolment import enrolment_create, lesson_open

__all__ = [
    "DONE_VERBS",
    "IngestOutcome",
    "CompletionOutcome",
    "StatementRejected",
    "add_months",
    "completion_attestation_issue",
    "completion_finalise",
    "enrolment_create",
    "h5p_state_save",
    "lesson_complete",
    "lesson_open",
    "logger",
    "module_completion_update",
    "module_restart",
    "package_key",
    "xapi_pseudonym",
    "xapi_report_record",
    "xapi_statement_record",
]
