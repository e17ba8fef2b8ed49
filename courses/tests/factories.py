"""Builders of catalogue trees and ready H5P packages for the courses tests."""

from wagtail.rich_text import RichText

from courses.constants import WORDS_PER_MINUTE, PackageStatus
from courses.models import (
    Audience,
    H5PPackage,
    LessonPage,
    ModuleIndexPage,
    ModulePage,
    ScormPackage,
)


def catalogue() -> ModuleIndexPage:
    """The catalogue page created by the courses migration."""
    return ModuleIndexPage.objects.get()


def true_false_package(*, correct: str = "false", title: str = "Vrai ou faux") -> H5PPackage:
    """A ready TrueFalse package whose answer key says `correct` (no files needed)."""
    return H5PPackage.objects.create(
        title=title,
        file="h5p/uploads/test.h5p",
        status=PackageStatus.READY,
        main_library="H5P.TrueFalse 1.6",
        h5p_json={"title": title, "mainLibrary": "H5P.TrueFalse"},
        content_json={"correct": correct, "question": "<p>Question</p>"},
    )


def other_package(title: str = "Frise") -> H5PPackage:
    """A ready package of a type the server cannot re-score."""
    return H5PPackage.objects.create(
        title=title,
        file="h5p/uploads/other.h5p",
        status=PackageStatus.READY,
        main_library="H5P.Timeline 1.1",
        h5p_json={"title": title, "mainLibrary": "H5P.Timeline"},
        content_json={},
    )


def scorm_package(*, version: str = "1.2", scos=("sco_1",), title="Paquet SCORM") -> ScormPackage:
    """A ready SCORM package whose manifest names `scos` (no files needed)."""
    return ScormPackage.objects.create(
        title=title,
        file="scorm/uploads/test.zip",
        status=PackageStatus.READY,
        version=version,
        edition=4 if version == "2004" else None,
        manifest={
            "identifier": "paquet",
            "organization": {"identifier": "org", "title": title},
            "scos": [
                {
                    "identifier": identifier,
                    "resource": f"res_{identifier}",
                    "title": f"Partie {identifier}",
                    "launch_url": f"{identifier}/index.html",
                    "mastery_score": 80 if version == "1.2" else None,
                    "min_normalized_measure": 0.8 if version == "2004" else None,
                }
                for identifier in scos
            ],
        },
    )


def module(
    *, title: str = "Le continuum des violences", lessons: int = 2, audiences=(), **fields
) -> ModulePage:
    """A published module of `lessons` lessons; `duration_minutes`, a duration being
    computed from the content, gives the lessons text that long to read."""
    minutes = fields.pop("duration_minutes", None)
    page = ModulePage(title=title, summary=f"Résumé de {title}.", **fields)
    catalogue().add_child(instance=page)
    page.save_revision().publish()
    if audiences:
        page.audiences.set(Audience.objects.filter(code__in=audiences))
        page.save_revision().publish()
    for number in range(1, lessons + 1):
        reading = None
        if minutes is not None:
            reading = minutes // lessons + (minutes % lessons if number == 1 else 0)
        lesson(module_page=page, title=f"{title} — leçon {number}", reading_minutes=reading)
    return ModulePage.objects.get(pk=page.pk)


def lesson(
    *,
    module_page: ModulePage,
    title: str,
    packages=(),
    required: bool = True,
    reading_minutes: int | None = None,
    scorm=(),
) -> LessonPage:
    """A published lesson; `scorm` holds SCORM blocks' values ({"package": …, …})."""
    text = f"Contenu de {title}."
    if reading_minutes:
        # Exactly that many minutes of words at the stated reading speed.
        words = reading_minutes * WORDS_PER_MINUTE - len(f"{title} {text}".split())
        text += " mot" * words
    body = [("paragraph", RichText(f"<p>{text}</p>"))]
    body += [
        ("h5p", {"package": package, "instructions": "Répondez", "required": required})
        for package in packages
    ]
    body += [("scorm", {"required": True, "requirement": "completion", **block}) for block in scorm]
    page = LessonPage(title=title, body=body)
    module_page.add_child(instance=page)
    page.save_revision().publish()
    return LessonPage.objects.get(pk=page.pk)


def answered(response: str, *, statement_id: str, raw_score: int | None = None) -> dict:
    """An xAPI "answered" statement as TrueFalse emits it, claiming `raw_score` if given.

    Its object has no IRI: the server takes it as the root content of the activity it
    is posted to (real statements name it, see courses/tests/test_xapi*.py).
    """
    result = {"completion": True, "response": response}
    if raw_score is not None:
        result["score"] = {"min": 0, "max": 1, "raw": raw_score, "scaled": raw_score}
        result["success"] = bool(raw_score)
    return {
        "id": statement_id,
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"objectType": "Activity"},
        "result": result,
    }
