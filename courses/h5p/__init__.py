"""The platform's own H5P layer: validate uploaded .h5p archives and extract them.

No models here: courses.models and the Celery task call these plain functions.
"""

from .extraction import extract_package
from .validation import validate_package
from .validation.definitions import H5PValidationError, LibraryRef, Limits, ValidatedPackage

__all__ = [
    "H5PValidationError",
    "LibraryRef",
    "Limits",
    "ValidatedPackage",
    "extract_package",
    "validate_package",
]
