from .h5p import H5PLibrary, H5PPackage
from .pages import Audience, LessonPage, ModuleIndexPage, ModulePage, Topic
from .progress import ActivityResult, Enrolment, LessonProgress, ModuleCompletion, XAPIStatement
from .scorm import ScormAttempt, ScormPackage, ScormVersion

__all__ = [
    "ActivityResult",
    "Audience",
    "Enrolment",
    "H5PLibrary",
    "H5PPackage",
    "LessonPage",
    "LessonProgress",
    "ModuleCompletion",
    "ModuleIndexPage",
    "ModulePage",
    "ScormAttempt",
    "ScormPackage",
    "ScormVersion",
    "Topic",
    "XAPIStatement",
]
