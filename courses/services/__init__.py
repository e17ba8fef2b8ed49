"""Writes of the training capability: enrolment, progress, H5P results, completion.

One module per job: `enrolment` (joining a module, opening its lessons),
`completion` (the completion rule, its one door, recertification cycles) and
`activities` (xAPI statements from the H5P player, activity results, resume state).
Callers import from here.
"""

from ..xapi import StatementRejected
from .activities import DONE_VERBS, h5p_state_save, xapi_statement_record
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
    "xapi_statement_record",
]
