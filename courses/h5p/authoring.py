"""Build H5P TrueFalse packages with French statements, from the npm fixture libraries.

The only playable content type available from a registry is H5P.TrueFalse 1.6
(shared/H5P.md); its libraries ship in the npm alias `h5p-fixtures`. Editors
normally upload complete .h5p exports; this module serves demo content and tests.
"""

import copy
import io
import json
import zipfile
from pathlib import Path

from django.conf import settings

FIXTURE_DIR = Path(settings.BASE_DIR) / "node_modules" / "h5p-fixtures" / "test" / "workspace"

FRENCH_L10N = {
    "trueText": "Vrai",
    "falseText": "Faux",
    "score": "Vous avez obtenu @score point(s) sur @total",
    "checkAnswer": "Vérifier",
    "showSolutionButton": "Voir la solution",
    "tryAgain": "Réessayer",
    "wrongAnswerMessage": "Réponse incorrecte",
    "correctAnswerMessage": "Bonne réponse",
    "scoreBarLabel": "Vous avez obtenu :num point(s) sur :total",
}


def build_true_false(
    *, title: str, statement_html: str, correct: bool, feedback_html: str = ""
) -> bytes:
    """Return the bytes of a .h5p TrueFalse package asking `statement_html`."""
    h5p_json = json.loads((FIXTURE_DIR / "h5p.json").read_text())
    h5p_json.update({"title": title, "language": "fr"})
    content = json.loads((FIXTURE_DIR / "content" / "content.json").read_text())
    content = copy.deepcopy(content)
    content["question"] = statement_html
    content["correct"] = "true" if correct else "false"
    content["l10n"] = {**content.get("l10n", {}), **FRENCH_L10N}
    if feedback_html:
        content["behaviour"] = {
            **content.get("behaviour", {}),
            "feedbackOnCorrect": feedback_html,
            "feedbackOnWrong": feedback_html,
        }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("h5p.json", json.dumps(h5p_json, ensure_ascii=False))
        archive.writestr("content/content.json", json.dumps(content, ensure_ascii=False))
        for path in sorted(FIXTURE_DIR.rglob("*")):
            relative = path.relative_to(FIXTURE_DIR).as_posix()
            if path.is_file() and "/" in relative and not relative.startswith("content/"):
                archive.write(path, relative)
    return buffer.getvalue()
