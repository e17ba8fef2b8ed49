"""The data test_backup_restore.py backs up, made and checked in a separate process.

Run as `python -m tests.integration.backup_scenario seed|check` with DATABASE_URL on the
test's scratch database and the storage settings under test (folders or buckets): the
pytest process stays on its own test database. The last line printed is JSON.
"""

import hashlib
import json
import sys

EMAIL = "sauvegarde@exemple.fr"
DOCUMENT_BYTES = "Guide de l'accueil des victimes — version imprimable.\n".encode()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def seed() -> dict:
    """A learner who completed a module and whose attestation PDF is stored, through the
    services a learner's clicks call; a public document (Wagtail) in the default storage."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from accounts.tests.factories import PASSWORD, UserFactory
    from certificates.models import Attestation
    from courses import services
    from courses.models import LessonPage
    from courses.tests import factories

    user = UserFactory(email=EMAIL)
    module = factories.module(title="Module sauvegardé", lessons=1)
    services.enrolment_create(user=user, module=module)
    lesson = LessonPage.objects.child_of(module).get()
    # Outside a transaction: the render task queued on commit runs at once (eager
    # Celery without REDIS_URL) and stores the PDF.
    outcome = services.lesson_complete(user=user, lesson=lesson)
    assert outcome.created, outcome
    attestation = Attestation.objects.get(user=user)
    attestation.refresh_from_db()
    assert attestation.is_ready, attestation.render_error
    with attestation.pdf.open("rb") as handle:
        pdf = handle.read()
    document = get_document_model()(title="Guide imprimable")
    document.file.save("guide.txt", ContentFile(DOCUMENT_BYTES), save=True)
    return {
        "password": PASSWORD,
        "module_id": module.pk,
        "module_title": module.title,
        "attestation_code": attestation.code,
        "pdf_name": attestation.pdf.name,
        "pdf_sha256": _sha256(pdf),
        "pdf_size": len(pdf),
        "document_id": document.pk,
        "document_sha256": _sha256(DOCUMENT_BYTES),
    }


def check(expected: dict) -> dict:
    """What the restored site has of the seeded data."""
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model

    from certificates.models import Attestation
    from courses.models import ModulePage

    user = get_user_model().objects.get(email=EMAIL)
    attestation = Attestation.objects.get(code=expected["attestation_code"])
    with attestation.pdf.open("rb") as handle:
        pdf = handle.read()
    module = ModulePage.objects.live().filter(pk=expected["module_id"]).first()
    document = get_document_model().objects.get(pk=expected["document_id"])
    with document.file.open("rb") as handle:
        document_bytes = handle.read()
    return {
        "password_ok": user.check_password(expected["password"]),
        "attestation_user_ok": attestation.user_id == user.pk,
        "pdf_name": attestation.pdf.name,
        "pdf_sha256": _sha256(pdf),
        "pdf_starts": pdf[:5].decode("latin-1"),
        "module_title": module.title if module else None,
        "module_url": module.url if module else None,
        "document_sha256": _sha256(document_bytes),
    }


def main(argv: list[str]) -> None:
    import django

    django.setup()
    if argv[0] == "seed":
        result = seed()
    else:
        result = check(json.loads(argv[1]))
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
