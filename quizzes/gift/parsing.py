"""Read a GIFT file into questions, a French error per question that cannot be imported."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from ..questions import Choice, InvalidQuestion, Kind, Pair, Question, Scoring, true_false_choices

# Escaped characters are swapped for private-use code points while parsing, so the
# structural characters can be searched for without tripping over escaped ones.
ESCAPABLE = "\\~=#{}:"
_PLACEHOLDERS = {char: chr(0xE000 + index) for index, char in enumerate(ESCAPABLE)}
_RESTORE = {v: k for k, v in _PLACEHOLDERS.items()}
_FORMAT = re.compile(r"^\s*\[(html|markdown|plain|moodle)\]", re.IGNORECASE)
_TRUE_FALSE = re.compile(r"(T|TRUE|F|FALSE)\s*(#.*)?", re.DOTALL)
_WEIGHT = re.compile(r"^%([^%]*)%")
MIN_MATCHING_PAIRS = 3  # Moodle refuses matching questions with fewer pairs.
_WEIGHT_TOLERANCE = Decimal(1)  # Hand-written files use 33.3 or 33.33333 for a third.


@dataclass(frozen=True)
class LineError:
    """A question that could not be imported."""

    line: int
    message: str
    excerpt: str


@dataclass
class ImportReport:
    """Questions read from a GIFT file and the ones rejected."""

    questions: list[Question] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)


class GiftError(ValueError):
    """Why one question block cannot be imported (French message)."""


# Import --------------------------------------------------------------------------------


def _encode(text: str) -> str:
    """Return `text` with escapes replaced by placeholders; ``\\n`` becomes a newline."""
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            following = text[index + 1]
            if following in _PLACEHOLDERS:
                out.append(_PLACEHOLDERS[following])
                index += 2
                continue
            if following == "n":
                out.append("\n")
                index += 2
                continue
        out.append(char)
        index += 1
    return "".join(out)


def _decode(text: str) -> str:
    """Return `text` with placeholders turned back into literal characters, stripped."""
    return "".join(_RESTORE.get(char, char) for char in text).strip()


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Return the blank-line separated blocks as (line number, line), comments dropped."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith("//"):
            continue
        if not line.strip():
            if current:
                blocks.append(current)
                current = []
            continue
        current.append((number, line))
    if current:
        blocks.append(current)
    return blocks


def _split_feedback(part: str) -> tuple[str, str]:
    text, _sep, feedback = part.partition("#")
    return _decode(text), _decode(feedback)


def _parse_choices(body: str) -> tuple[Kind, tuple[Choice, ...]]:
    """Return the kind and choices of a `{=a ~b}` or `{~%50%a ~%50%b}` answer set."""
    parts = [p for p in re.split(r"(?=[=~])", body) if p.strip()]
    if any(p[0] not in "=~" for p in parts):
        raise GiftError(_("texte inattendu avant la première réponse."))
    has_equal = any(p[0] == "=" for p in parts)
    has_weight = any(_WEIGHT.match(p[1:].lstrip()) for p in parts)
    if has_equal and has_weight:
        raise GiftError(_("pourcentages dans une question à choix unique : non pris en charge."))
    choices: list[Choice] = []
    weights: list[Decimal] = []
    for index, part in enumerate(parts, start=1):
        raw = part[1:].lstrip()
        weight = Decimal(100) if part[0] == "=" else Decimal(0)
        match = _WEIGHT.match(raw)
        if match:
            try:
                weight = Decimal(match.group(1).strip())
            except InvalidOperation:
                raise GiftError(
                    _("pourcentage illisible « %(value)s ».") % {"value": match.group(1)}
                ) from None
            if not weight.is_finite() or not Decimal(-100) <= weight <= Decimal(100):
                raise GiftError(
                    _("pourcentage hors de l’intervalle -100 à 100 : « %(value)s ».")
                    % {"value": match.group(1)}
                )
            raw = raw[match.end() :]
        text, feedback = _split_feedback(raw)
        if not text:
            raise GiftError(_("réponse vide."))
        weights.append(weight)
        choices.append(Choice(id=f"c{index}", text=text, correct=weight > 0, feedback=feedback))
    if len(choices) < 2:
        raise GiftError(_("il faut au moins deux réponses."))
    if has_equal:
        if sum(1 for c in choices if c.correct) != 1:
            raise GiftError(_("une question à choix unique a exactement une bonne réponse (=)."))
        return Kind.SINGLE, tuple(choices)
    positive = [w for w in weights if w > 0]
    if not positive:
        raise GiftError(_("aucune bonne réponse (ni « = », ni pourcentage positif)."))
    if abs(sum(positive) - 100) > _WEIGHT_TOLERANCE:
        raise GiftError(
            _("les pourcentages des bonnes réponses totalisent %(sum)s %% au lieu de 100 %%.")
            % {"sum": sum(positive)}
        )
    if max(positive) - min(positive) > _WEIGHT_TOLERANCE:
        # Partial scoring counts every right answer alike (see quizzes.grading).
        raise GiftError(_("les bonnes réponses doivent avoir le même pourcentage."))
    return Kind.MULTIPLE, tuple(choices)


def _parse_matching(body: str) -> tuple[Pair, ...]:
    """Return the pairs of a `{=a -> 1 =b -> 2 =c -> 3}` answer set."""
    parts = [p for p in re.split(r"(?==)", body) if p.strip()]
    pairs: list[Pair] = []
    answer_ids: dict[str, str] = {}
    for index, part in enumerate(parts, start=1):
        if not part.startswith("=") or "->" not in part:
            raise GiftError(_("chaque paire s’écrit « =élément -> réponse »."))
        prompt_raw, _sep, answer_raw = part[1:].partition("->")
        prompt, answer = _decode(prompt_raw), _decode(answer_raw)
        if not prompt or not answer:
            raise GiftError(_("paire incomplète."))
        answer_id = answer_ids.setdefault(answer, f"r{len(answer_ids) + 1}")
        pairs.append(Pair(prompt_id=f"p{index}", prompt=prompt, answer_id=answer_id, answer=answer))
    if len(pairs) < MIN_MATCHING_PAIRS:
        raise GiftError(
            _("une question d’association demande au moins %(n)d paires (comme Moodle).")
            % {"n": MIN_MATCHING_PAIRS}
        )
    return tuple(pairs)


def _parse_true_false(body: str) -> tuple[Choice, ...]:
    """Return the two choices of `{T}` / `{FALSE#wrong feedback#right feedback}`."""
    match = _TRUE_FALSE.fullmatch(body.strip())
    assert match is not None
    is_true = match.group(1).startswith("T")
    # Moodle: the first feedback is shown for a wrong answer, the second for a right one.
    wrong, _sep, right = (match.group(2) or "#")[1:].partition("#")
    true_choice, false_choice = true_false_choices(correct=is_true)
    right_id = "true" if is_true else "false"
    return tuple(
        Choice(
            id=c.id,
            text=c.text,
            correct=c.correct,
            feedback=_decode(right if c.id == right_id else wrong),
        )
        for c in (true_choice, false_choice)
    )


def _parse_question(encoded: str, *, question_id: str, category: str) -> Question:
    """Return the question in one encoded GIFT block, or raise `GiftError`."""
    title = ""
    rest = encoded.strip()
    if rest.startswith("::"):
        end = rest.find("::", 2)
        if end == -1:
            raise GiftError(_("titre non fermé (« :: » manquant)."))
        title, rest = _decode(rest[2:end]), rest[end + 2 :]
    text_format = ""
    marker = _FORMAT.match(rest)
    if marker:
        text_format, rest = marker.group(1).lower(), rest[marker.end() :]
    opening = rest.find("{")
    if opening == -1:
        raise GiftError(_("aucun bloc de réponses entre accolades."))
    closing = rest.find("}", opening)
    if closing == -1:
        raise GiftError(_("accolade ouvrante non fermée."))
    if "{" in rest[opening + 1 : closing] or "{" in rest[closing:] or "}" in rest[closing + 1 :]:
        raise GiftError(_("plusieurs blocs de réponses : non pris en charge."))
    before, after = _decode(rest[:opening]), _decode(rest[closing + 1 :])
    # Moodle's "missing word" form: the answers stand for a blank inside the sentence.
    text = f"{before} _____ {after}" if after else before
    if not text:
        raise GiftError(_("énoncé vide."))
    body, _sep, explanation_raw = rest[opening + 1 : closing].partition("####")
    explanation = _decode(explanation_raw)
    stripped = body.strip()
    common = {
        "id": question_id,
        "title": title,
        "text": text,
        "explanation": explanation,
        "text_format": text_format,
        "tags": (category,) if category else (),
    }
    if not stripped:
        raise GiftError(_("question ouverte (composition) non prise en charge."))
    if stripped.startswith("#"):
        raise GiftError(_("question numérique non prise en charge."))
    if _TRUE_FALSE.fullmatch(stripped):
        return Question(kind=Kind.TRUE_FALSE, choices=_parse_true_false(stripped), **common)
    if stripped.startswith("=") and "->" in stripped:
        return Question(
            kind=Kind.MATCHING, pairs=_parse_matching(stripped), scoring=Scoring.PARTIAL, **common
        )
    if "~" not in stripped:
        if stripped.startswith("="):
            raise GiftError(_("question à réponse courte non prise en charge."))
        raise GiftError(_("bloc de réponses non reconnu."))
    kind, choices = _parse_choices(stripped)
    return Question(kind=kind, choices=choices, scoring=Scoring.PARTIAL, **common)


def parse_gift(text: str) -> ImportReport:
    """Return the questions of a GIFT document and an error for each rejected one."""
    report = ImportReport()
    category = ""
    for block in _blocks(text):
        if block[0][1].strip().upper().startswith("$CATEGORY:"):
            category = block[0][1].strip()[len("$CATEGORY:") :].strip()
            block = block[1:]
            if not block:
                continue
        line, first = block[0]
        question_id = f"q{len(report.questions) + 1}"
        try:
            question = _parse_question(
                _encode("\n".join(content for _number, content in block)),
                question_id=question_id,
                category=category,
            )
        except (GiftError, InvalidQuestion) as error:
            report.errors.append(
                LineError(line=line, message=str(error), excerpt=first.strip()[:80])
            )
            continue
        report.questions.append(question)
    return report
