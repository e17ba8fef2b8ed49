"""Thin Celery tasks: each takes an id and calls one service."""

from celery import shared_task


@shared_task(acks_late=True)
def report_export_build(export_id: int) -> str:
    from . import services

    try:
        return services.report_export_build(export_id=export_id)
    except Exception as exc:  # recorded for the requester's page, then raised for the logs
        services.report_export_failed(export_id=export_id, error=f"{type(exc).__name__}: {exc}")
        raise
