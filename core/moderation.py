"""Confirmation messages for the CMS's moderation steps.

Wagtail approves or rejects a step without a word: from the dashboard's "awaiting
your review" panel, nothing says it worked, and from the editor the only message is
"the page has been updated". The person who approves must see what happened (issue
20, point 13). Wagtail's signals carry no request: the one being answered comes from
core.request_context.
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from .request_context import current_request

_FINISHED = "_egide_workflow_approved"


def _title(workflow_state) -> str:
    content = workflow_state.content_object
    getter = getattr(content, "get_admin_display_title", None)
    return getter() if getter else str(content)


def workflow_approved(sender, instance, user=None, **kwargs):
    """The last step approved: the page is published."""
    request = current_request()
    if request is None:
        return
    setattr(request, _FINISHED, True)
    messages.success(
        request,
        _("« %(title)s » est approuvée et publiée.") % {"title": _title(instance)},
    )


def task_approved(sender, instance, user=None, **kwargs):
    """One step approved; Wagtail sends this after workflow_approved when it was the last."""
    request = current_request()
    if request is None or getattr(request, _FINISHED, False):
        return
    messages.success(
        request,
        _("Étape « %(task)s » approuvée : « %(title)s » passe à l'étape suivante.")
        % {"task": instance.task.name, "title": _title(instance.workflow_state)},
    )


def task_rejected(sender, instance, user=None, **kwargs):
    request = current_request()
    if request is None:
        return
    messages.success(
        request,
        _("Modifications demandées pour « %(title)s ».")
        % {"title": _title(instance.workflow_state)},
    )


def connect() -> None:
    from wagtail import signals

    signals.workflow_approved.connect(workflow_approved, dispatch_uid="egide-workflow-approved")
    signals.task_approved.connect(task_approved, dispatch_uid="egide-task-approved")
    signals.task_rejected.connect(task_rejected, dispatch_uid="egide-task-rejected")
