"""Every project template is well formed where Django would not say so itself."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# .cache: tools fetched at run time (ADL's conformance suite has templates of its own).
SKIPPED = {
    ".venv",
    ".cache",
    "node_modules",
    "vendor",
    "var",
    "media",
    "static_collected",
    "test-artifacts",
}
# Django's {# #} comment ends on its own line: one left open is printed as text (it
# once went into the attestation's style sheet, which WeasyPrint then half ignored).
OPEN_COMMENT = re.compile(r"\{#(?![^\n]*#\})")


def _templates():
    for path in ROOT.rglob("templates/**/*"):
        if path.is_file() and not SKIPPED & set(path.relative_to(ROOT).parts):
            yield path


def test_no_template_comment_runs_over_several_lines():
    found = [
        f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}"
        for path in _templates()
        for text in [path.read_text(encoding="utf-8", errors="replace")]
        for match in OPEN_COMMENT.finditer(text)
    ]
    assert not found, "{# #} left open (use {% comment %}): " + ", ".join(found)


def test_the_templates_are_found():
    assert sum(1 for _ in _templates()) > 100
