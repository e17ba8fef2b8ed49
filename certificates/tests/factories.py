"""Read attestations back: the QR code on its page, a completed module."""

import pypdfium2
import zxingcpp
from django.test import TestCase

from courses import services as course_services
from courses.models import LessonPage
from courses.tests import factories as course_factories


def pdf_qr_codes(data: bytes) -> list[str]:
    """Decode the QR codes printed on the PDF's first page, as a phone would."""
    document = pypdfium2.PdfDocument(data)
    image = document[0].render(scale=2).to_pil()
    return [result.text for result in zxingcpp.read_barcodes(image)]


def on_commit():
    """Run the callbacks queued with transaction.on_commit (the render tasks) at exit:
    tests run inside a transaction that never commits."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def complete_module(user, **module_fields):
    """A one-lesson module the learner completes; return (module, completion)."""
    module = course_factories.module(lessons=1, **module_fields)
    course_services.enrolment_create(user=user, module=module)
    lesson = LessonPage.objects.child_of(module).get()
    with on_commit():
        course_services.lesson_complete(user=user, lesson=lesson)
    return module, user.module_completions.get(module=module)
