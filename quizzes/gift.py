"""Moodle GIFT import and export for the question kinds the grader supports.

Parsing never stops at a bad question: each one that cannot be imported becomes a
`LineError` (French message, line where the question starts) and the rest of the file
is still read. Parsed questions are `questions.Question` objects, with generated ids
(``q1``, ``q2``… in file order; choices ``c1``…, matching prompts ``p1``… and answers
``r1``…), one point each, and the current ``$CATEGORY`` as their only tag.

Text after a ``[html]`` marker is kept verbatim as text: it is NOT safe to render and
must be sanitised (e.g. with an allow-list sanitiser) before display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .questions import Choice, InvalidQuestion, Kind, Pair, Question, Scoring, true_false_choices

# Escaped characters are swapped for private-use code points while parsing, so the
# structural characters can be searched for without tripping over escaped ones.
_ESCAPABLE = "\\~=#{}:"
_PLACEHOLDERS = {char: chr(0xE000 + index) for index, char in enumerate(_ESCAPABLE)}
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
            _("une question d’appariement demande au moins %(n)d paires (comme Moodle).")
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


# Export --------------------------------------------------------------------------------


# str.splitlines() ends a line at each of these: inside a question they must be escaped,
# or the question would be cut in two on import.
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")


def _escape(text: str) -> str:
    escaped = "".join("\\" + char if char in _ESCAPABLE else char for char in text)
    return _LINE_BREAKS.sub(r"\\n", _CONTROL.sub("", escaped))


def _one_line(text: str) -> str:
    return " ".join(_CONTROL.sub("", _LINE_BREAKS.sub(" ", text)).split())


def _weight(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.00001")).normalize(), "f")


def _feedback(text: str) -> str:
    return f"#{_escape(text)}" if text else ""


def _label(question: Question) -> str:
    return _one_line(question.title or question.text)[:80]


def _as_matching(question: Question) -> Question:
    """An ordering question as the matching GIFT can carry: each item paired with its rank."""
    pairs = tuple(
        Pair(prompt_id=item.id, prompt=item.text, answer_id=str(rank), answer=str(rank))
        for rank, item in enumerate(question.items, start=1)
    )
    return replace(question, kind=Kind.MATCHING, pairs=pairs, items=())


def _answers(question: Question) -> str:
    if question.kind == Kind.TRUE_FALSE:
        right = next(c for c in question.choices if c.correct)
        wrong = next(c for c in question.choices if not c.correct)
        head = "TRUE" if right.id == "true" else "FALSE"
        if right.feedback:
            return f"{head}#{_escape(wrong.feedback)}#{_escape(right.feedback)}"
        return head + _feedback(wrong.feedback)
    if question.kind == Kind.SINGLE:
        return " ".join(
            ("=" if c.correct else "~") + _escape(c.text) + _feedback(c.feedback)
            for c in question.choices
        )
    if question.kind == Kind.MULTIPLE:
        n_correct = sum(1 for c in question.choices if c.correct)
        share = Decimal(100) / n_correct
        # Equal negative weights reproduce the grader's "one wrong pick cancels one right".
        return " ".join(
            f"~%{_weight(share if c.correct else -share)}%{_escape(c.text)}{_feedback(c.feedback)}"
            for c in question.choices
        )
    if question.kind == Kind.MATCHING:
        return " ".join(f"={_escape(p.prompt)} -> {_escape(p.answer)}" for p in question.pairs)
    raise GiftError(
        _("Question %(id)s : le type « %(kind)s » n’existe pas en GIFT.")
        % {"id": question.id, "kind": question.kind}
    )


def _exportable(question: Question) -> tuple[list[Question], list[str]]:
    """Return the GIFT questions standing for `question` and the notes for the editor.

    GIFT lacks situations and ordering questions, and Moodle refuses a matching
    question with fewer than three pairs: what cannot be carried is said, never dropped
    silently, and the export never fails on it.
    """
    label = _label(question)
    if question.kind == Kind.SITUATION:
        notes = [
            _("Mise en situation « %(label)s » : ses questions suivent, sans le texte du cas.")
            % {"label": label}
        ]
        questions: list[Question] = []
        for sub in question.sub_questions:
            sub_questions, sub_notes = _exportable(sub)
            questions += sub_questions
            notes += sub_notes
        return questions, notes
    if question.kind == Kind.ORDERING:
        if len(question.items) < MIN_MATCHING_PAIRS:
            return [], [
                _("Remise en ordre « %(label)s » non exportée : GIFT n’a pas ce type.")
                % {"label": label}
            ]
        return [_as_matching(question)], [
            _(
                "Remise en ordre « %(label)s » exportée en appariement : chaque élément "
                "est associé à son rang."
            )
            % {"label": label}
        ]
    if question.kind == Kind.MATCHING and len(question.pairs) < MIN_MATCHING_PAIRS:
        return [], [
            _("Appariement « %(label)s » non exporté : moins de %(n)d paires (refusé par Moodle).")
            % {"label": label, "n": MIN_MATCHING_PAIRS}
        ]
    return [question], []


def export_gift(questions: list[Question]) -> str:
    """Return a GIFT document for `questions`.

    Only the first tag is written, as ``$CATEGORY``; ids and points are not part of GIFT.
    A question GIFT cannot carry as it is (situation, ordering, matching of fewer than
    three pairs) is converted or left out, with a ``//`` comment line saying so where
    it stood; the importer skips comment lines.
    """
    chunks: list[str] = []
    category = ""
    for original in questions:
        exported, notes = _exportable(original)
        if notes:
            chunks.append("\n".join(f"// {_one_line(note)}" for note in notes))
        for question in exported:
            tag = _one_line(question.tags[0]) if question.tags else ""
            if tag != category:
                chunks.append(f"$CATEGORY: {tag}")
                category = tag
            head = f"::{_escape(question.title)}::" if question.title else ""
            if question.text_format:
                head += f"[{question.text_format}]"
            body = _answers(question)
            if question.explanation:
                body += f"####{_escape(question.explanation)}"
            chunks.append(f"{head}{_escape(question.text)} {{{body}}}")
    return "\n\n".join(chunks) + "\n"
