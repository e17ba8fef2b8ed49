"""Write questions as GIFT: ordering is converted to matching, what GIFT lacks is reported."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from django.utils.translation import gettext as _

from ..questions import Kind, Pair, Question
from .parsing import ESCAPABLE, MIN_MATCHING_PAIRS, GiftError

# str.splitlines() ends a line at each of these: inside a question they must be escaped,
# or the question would be cut in two on import.
_LINE_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")


def _escape(text: str) -> str:
    escaped = "".join("\\" + char if char in ESCAPABLE else char for char in text)
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
                "Remise en ordre « %(label)s » exportée en association : chaque élément "
                "est associé à son rang."
            )
            % {"label": label}
        ]
    if question.kind == Kind.MATCHING and len(question.pairs) < MIN_MATCHING_PAIRS:
        return [], [
            _(
                "Association « %(label)s » non exportée : moins de %(n)d paires "
                "(refusée par Moodle)."
            )
            % {"label": label, "n": MIN_MATCHING_PAIRS}
        ]
    return [question], []


@dataclass(frozen=True)
class ExportSummary:
    """What a GIFT export will hold, told to the editor before the download."""

    written: int  # questions in the file (a situation's sub-questions one by one)
    notes: list[str]  # what was converted or left out, as the file's comments say


def export_summary(questions: list[Question]) -> ExportSummary:
    written, notes = 0, []
    for question in questions:
        exported, question_notes = _exportable(question)
        written += len(exported)
        notes += question_notes
    return ExportSummary(written=written, notes=notes)


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
