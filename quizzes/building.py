"""Between the editors' blocks, the grader's `Question` objects and stored attempts.

- `questions_from_stream`: a quiz's StreamField → `questions.Question` list (ids are
  the blocks' UUIDs, option ids the list items' UUIDs);
- `to_json` / `from_json`: the snapshot of drawn questions kept in an attempt;
- `raw_blocks_from_question`: a parsed GIFT question → raw StreamField data, with
  fresh UUIDs, to append to a quiz.
"""

import hashlib
import uuid
from dataclasses import asdict
from decimal import Decimal

from core.rich_text import plain_text, sanitise

from . import draws
from .questions import Choice, Item, Kind, Pair, Question, Scoring, true_false_choices

_KIND_BY_BLOCK = {
    "single": Kind.SINGLE,
    "multiple": Kind.MULTIPLE,
    "true_false": Kind.TRUE_FALSE,
    "matching": Kind.MATCHING,
    "ordering": Kind.ORDERING,
    "situation": Kind.SITUATION,
}
_BLOCK_BY_KIND = {kind: name for name, kind in _KIND_BY_BLOCK.items()}


def _tags(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in (text or "").split(",") if t.strip()))


def _answer_id(text: str) -> str:
    """Matching answers are identified by their text: equal texts are one option."""
    return "r" + hashlib.sha256(text.strip().encode()).hexdigest()[:12]


def _list_ids(list_value) -> list[str]:
    return [str(bound.id) for bound in list_value.bound_blocks]


def question_from_block(block_type: str, value, block_id: str) -> Question:
    """Build the grader's question from one block's value (a StructValue)."""
    kind = _KIND_BY_BLOCK[block_type]
    common = {
        "id": str(block_id),
        "kind": kind,
        "points": Decimal(str(value["points"])),
        "tags": _tags(value["tags"]),
        "explanation": value["explanation"] or "",
    }
    extra = {"explanation_timing": value.get("explanation_timing") or "review"}
    if kind == Kind.SITUATION:
        subs = tuple(
            question_from_block(child.block_type, child.value, child.id)
            for child in value["sub_questions"]
        )
        return Question(
            **common,
            **extra,
            title=value["title"],
            text=sanitise(value["case"].source),
            sub_questions=subs,
        )
    text = value["text"]
    if kind in (Kind.SINGLE, Kind.MULTIPLE):
        ids = _list_ids(value["choices"])
        choices = tuple(
            Choice(id=i, text=c["text"], correct=bool(c["correct"]), feedback=c["feedback"] or "")
            for i, c in zip(ids, value["choices"], strict=True)
        )
        scoring = value.get("scoring") or Scoring.PARTIAL
        return Question(**common, **extra, text=text, choices=choices, scoring=scoring)
    if kind == Kind.TRUE_FALSE:
        choices = true_false_choices(correct=value["answer"] == "true")
        return Question(**common, **extra, text=text, choices=choices)
    if kind == Kind.MATCHING:
        ids = _list_ids(value["pairs"])
        pairs = tuple(
            Pair(
                prompt_id=i,
                prompt=p["prompt"],
                answer_id=_answer_id(p["answer"]),
                answer=p["answer"],
            )
            for i, p in zip(ids, value["pairs"], strict=True)
        )
        return Question(**common, **extra, text=text, pairs=pairs, scoring=value["scoring"])
    ids = _list_ids(value["items"])
    items = tuple(Item(id=i, text=t) for i, t in zip(ids, value["items"], strict=True))
    return Question(**common, **extra, text=text, items=items, scoring=value["scoring"])


def questions_from_stream(stream) -> list[Question]:
    """All questions of a quiz, in the editor's order."""
    return [question_from_block(b.block_type, b.value, b.id) for b in stream]


def situation_media(stream) -> dict[str, dict]:
    """{situation id: its image and audio (ids, text alternative, transcript)}.

    Kept beside the grader's questions in an attempt's snapshot; ids only, so
    the page fetches every file of an attempt in one query per kind.
    """
    media = {}
    for block in stream.raw_data:
        if block["type"] != "situation":
            continue
        value = block["value"]
        if value.get("image") or value.get("audio"):
            media[str(block["id"])] = {
                "image": value.get("image"),
                "image_alt": value.get("image_alt") or "",
                "audio": value.get("audio"),
                "audio_transcript": value.get("audio_transcript") or "",
            }
    return media


def draw(quiz, pool: list[Question], *, seed: int, tag_draws: dict[str, int] | None = None):
    """The questions of one attempt, per the quiz's draw settings (draws.draw_questions)."""
    if tag_draws is None:
        tag_draws = {d.tag: d.count for d in quiz.tag_draws.all()}
    per_tag = {tag: count for tag, count in tag_draws.items() if count} or None
    return draws.draw_questions(pool, per_tag=per_tag, total=quiz.draw_total, seed=seed)


# Attempt snapshots -----------------------------------------------------------------


def _jsonable(data):
    if isinstance(data, dict):
        return {k: _jsonable(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_jsonable(v) for v in data]
    if isinstance(data, Decimal):
        return str(data)
    return data


def to_json(question: Question) -> dict:
    return _jsonable(asdict(question))


def from_json(data: dict) -> Question:
    return Question(
        id=data["id"],
        kind=data["kind"],
        points=Decimal(data["points"]),
        text=data["text"],
        title=data["title"],
        choices=[Choice(**c) for c in data["choices"]],
        scoring=data["scoring"],
        pairs=[Pair(**p) for p in data["pairs"]],
        items=[Item(**i) for i in data["items"]],
        sub_questions=[from_json(s) for s in data["sub_questions"]],
        tags=data["tags"],
        explanation=data["explanation"],
        text_format=data["text_format"],
        explanation_timing=data.get("explanation_timing", "review"),
    )


# GIFT import -------------------------------------------------------------------------


def _uid() -> str:
    return str(uuid.uuid4())


def _plain(text: str) -> str:
    # GIFT [html] text is untrusted: keep its words, never its markup (a tag left
    # open at the end included, which Django's strip_tags keeps).
    return plain_text(text)


def raw_block_from_question(question: Question) -> dict:
    """Raw StreamField data for one parsed GIFT question (fresh ids)."""
    common = {
        "text": _plain(question.text) or _plain(question.title),
        "points": str(question.points),
        "tags": ", ".join(question.tags),
        "explanation": _plain(question.explanation),
        "explanation_timing": "review",
    }
    kind = question.kind
    if kind in (Kind.SINGLE, Kind.MULTIPLE):
        value = {
            **common,
            "choices": [
                {
                    "type": "item",
                    "id": _uid(),
                    "value": {
                        "text": _plain(c.text),
                        "correct": c.correct,
                        "feedback": _plain(c.feedback),
                    },
                }
                for c in question.choices
            ],
        }
        if kind == Kind.MULTIPLE:
            value["scoring"] = question.scoring.value
    elif kind == Kind.TRUE_FALSE:
        right = next(c.id for c in question.choices if c.correct)
        value = {**common, "answer": "true" if right == "true" else "false"}
    elif kind == Kind.MATCHING:
        value = {
            **common,
            "scoring": question.scoring.value,
            "pairs": [
                {
                    "type": "item",
                    "id": _uid(),
                    "value": {"prompt": _plain(p.prompt), "answer": _plain(p.answer)},
                }
                for p in question.pairs
            ],
        }
    elif kind == Kind.ORDERING:
        value = {
            **common,
            "scoring": question.scoring.value,
            "items": [
                {"type": "item", "id": _uid(), "value": _plain(i.text)} for i in question.items
            ],
        }
    else:  # GIFT has no situations; never reached from gift.parsing.parse_gift
        raise ValueError(kind)
    return {"type": _BLOCK_BY_KIND[kind], "id": _uid(), "value": value}
