"""Thin Celery tasks of the training capability."""

from celery import shared_task


@shared_task(acks_late=True)
def h5p_package_extract(package_id: int) -> str:
    from .h5p.packages import h5p_package_extract as extract
    from .models import H5PPackage

    package = H5PPackage.objects.filter(pk=package_id).first()
    if package is None:
        return "missing"
    return extract(package=package).status


@shared_task(acks_late=True)
def scorm_package_extract(package_id: int) -> str:
    from .models import ScormPackage
    from .scorm.packages import scorm_package_extract as extract

    package = ScormPackage.objects.filter(pk=package_id).first()
    if package is None:
        return "missing"
    return extract(package=package).status
