"""Member names H5P skips (rule 3); the names every archive refuses are in courses/archives."""


def is_ignored(name: str) -> bool:
    """Return True for members H5P skips: any path segment starting with "." or "_" (rule 3).

    H5P core skips them without refusing the package (h5p.classes.php, isValidPackage:
    `preg_match('/(^[\\._]|\\/[\\._])/', $fileName)` then `continue`), and so do we:
    official libraries ship `language/.en.json`, exports from macOS carry `__MACOSX/`
    and `.DS_Store`. Skipped files are never extracted nor served; their names are
    still checked (rule 2 and member_name_problem) since they are shown in messages.
    """
    return any(segment.startswith((".", "_")) for segment in name.split("/") if segment)
