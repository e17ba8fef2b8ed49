"""Files built in the background for one person: archives of attestations, report
exports. One way for every app, on models that extend core.models.FileJob:

- `register(Model, build=…)` in the app's `ready()`: how its file is written (and
  that a deleted job's file goes with it);
- `file_job_request` creates the job and queues its build on commit; the same request
  while one is pending, or just built (a double click, a page sent twice), returns
  that job;
- `file_job_build` (run by the task core.tasks.file_job_build) writes the file,
  saving progress for the page the owner watches; `file_job_failed` records why not;
- `file_job_of_owner` and `file_job_response`: only the owner reads or downloads,
  anyone else gets a 404, and so does the owner once the file has expired;
- `file_jobs_purge`: the hourly purge (core.tasks.owned_files_purge) deletes the
  expired files and marks lost builds failed.
"""

import hashlib
import json
import logging
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import IO

from django.apps import apps
from django.core.files import File
from django.db import IntegrityError, models, transaction
from django.db.models.signals import post_delete
from django.http import FileResponse, Http404
from django.utils import timezone

from . import background
from .constants import FileJobStatus
from .models import FileJob

logger = logging.getLogger(__name__)

# A build still pending this long after it was asked is taken as lost (a worker
# killed, a broker emptied): marked failed, so that asking again builds a new one.
STALE_AFTER = timedelta(hours=2)

# progress(done, total=None): saved at once, outside any transaction, for the page.
Progress = Callable[..., None]
# build(job, progress, out) writes the file into `out` and returns its name.
Builder = Callable[[FileJob, Progress, IO[bytes]], str]

_builders: dict[str, Builder] = {}

# A click arriving this soon after the same request was built gets that file (a
# double click on a fast build), not a second build.
JUST_BUILT = timedelta(seconds=10)


def register(model: type[FileJob], *, build: Builder) -> None:
    """Declare how the files of `model` are written (from the app's `ready()`)."""
    _builders[model._meta.label] = build
    post_delete.connect(
        _delete_file, sender=model, weak=False, dispatch_uid=f"file-job-{model._meta.label}"
    )


def _delete_file(sender, instance: FileJob, **kwargs) -> None:
    # A job deleted with its owner's account or its plan takes its file along (files
    # hold names); once committed, so that a rollback keeps both.
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))


def _request_key(model: type[FileJob], params: dict) -> str:
    values = {
        name: value.pk if isinstance(value, models.Model) else value
        for name, value in params.items()
    }
    text = json.dumps([model._meta.label, values], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _fail_stale(queryset, now: datetime) -> int:
    return queryset.filter(status=FileJobStatus.PENDING, created_at__lt=now - STALE_AFTER).update(
        status=FileJobStatus.FAILED, error="abandoned: never built", finished_at=now
    )


def file_job_request(model: type[FileJob], *, owner, params: dict, **extra) -> FileJob:
    """Ask for a file built from `params` (saved on the job, with `extra`); its build
    is queued once the transaction commits.

    While the same owner's job with the same `params` is pending, that job is returned
    and nothing is queued: a unique constraint guards it against concurrent requests.
    """
    key = _request_key(model, params)
    mine = model.objects.filter(owner=owner, request_key=key)
    with transaction.atomic():
        _fail_stale(mine, timezone.now())
        pending = mine.filter(status=FileJobStatus.PENDING).first() or _just_built(mine)
        if pending is not None:
            return pending
        job = model(owner=owner, request_key=key, **params, **extra)
        job.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                job.save()
        except IntegrityError:
            # The same request, saved by a concurrent one a moment ago.
            pending = mine.filter(status=FileJobStatus.PENDING).first()
            if pending is None:
                raise
            return pending
        _queue_build(job)
    return job


def _just_built(mine) -> FileJob | None:
    since = timezone.now() - JUST_BUILT
    return mine.filter(status=FileJobStatus.READY, finished_at__gte=since).first()


def _queue_build(job: FileJob) -> None:
    from . import tasks

    # Under `make run`, in a thread of the web process: the page shows the progress
    # instead of the browser waiting for the whole file (core.background).
    background.delay_on_commit(tasks.file_job_build, job._meta.label, job.pk)


def file_job_build(*, model_label: str, job_id: int) -> str:
    """Write the job's file with its registered builder; return what happened.

    Idempotent: a job no longer pending (built, failed, expired) is left alone, so a
    task delivered twice builds once.
    """
    model = apps.get_model(model_label)
    job = model.objects.filter(pk=job_id).first()
    if job is None:
        return "missing"
    if job.status != FileJobStatus.PENDING:
        return "already"
    rows = model.objects.filter(pk=job.pk)

    def progress(done: int, total: int | None = None) -> None:
        rows.update(done=done, **({} if total is None else {"total": total}))

    with tempfile.TemporaryFile() as out:
        filename = _builders[model_label](job, progress, out)
        out.seek(0)
        job.file.save(filename, File(out), save=False)
    now = timezone.now()
    built = rows.filter(status=FileJobStatus.PENDING).update(
        file=job.file.name,
        status=FileJobStatus.READY,
        done=models.F("total"),
        error="",
        finished_at=now,
        expires_at=now + job.kept_for,
    )
    if not built:  # failed as lost meanwhile: its requester asked again
        job.file.delete(save=False)
        return "abandoned"
    return "ready"


def file_job_failed(*, model_label: str, job_id: int, error: str) -> None:
    """Record why a build failed, for the owner's page (and the administrators)."""
    model = apps.get_model(model_label)
    model.objects.filter(pk=job_id, status=FileJobStatus.PENDING).update(
        status=FileJobStatus.FAILED, error=error[:5000], finished_at=timezone.now()
    )
    logger.error("file job %s %s failed: %s", model_label, job_id, error)


def file_job_of_owner(queryset, *, owner, job_id: int) -> FileJob | None:
    """The job `job_id` of `queryset` (a FileJob model or queryset) if `owner` asked
    for it; None for anyone else, as if it did not exist."""
    if isinstance(queryset, type):
        queryset = queryset.objects.all()
    if not getattr(owner, "is_authenticated", False):
        return None
    return queryset.filter(pk=job_id, owner=owner).first()


def file_job_response(job: FileJob | None, *, content_type: str | None = None) -> FileResponse:
    """The job's file as an attachment; 404 when there is none or it has expired."""
    if job is None or not job.is_downloadable:
        raise Http404
    return FileResponse(
        job.file.open("rb"),
        content_type=content_type,
        as_attachment=True,
        filename=job.download_name,
    )


def _job_models() -> list[type[FileJob]]:
    return [model for model in apps.get_models() if issubclass(model, FileJob)]


def file_jobs_purge(*, now: datetime | None = None) -> int:
    """Delete the files whose time is up (marked expired) and mark the lost builds
    failed; return how many files were deleted."""
    now = now or timezone.now()
    deleted = 0
    for model in _job_models():
        _fail_stale(model.objects.all(), now)
        expired = model.objects.filter(status=FileJobStatus.READY, expires_at__lte=now)
        for job in expired.only("pk", "file").iterator():
            if job.file:
                job.file.delete(save=False)
                deleted += 1
            model.objects.filter(pk=job.pk).update(status=FileJobStatus.EXPIRED, file="")
    return deleted
