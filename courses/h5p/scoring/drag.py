"""Drag and drop: H5P.DragQuestion.

The response lists `<dropZone>[.]<element>` pairs; the key is each drop zone's
`correctElements`. Scoring copies h5p-drag-question.js: +1 per element in a right
zone, -1 per element in a wrong one (floor 0) when `applyPenalties` (default) or
`singlePoint`; only the right placements otherwise; `singlePoint` gives 1 point
for a perfect board, else 0. An element with `multiple` may sit in several zones.
"""

from .base import PAIR, SEP, Question, Verdict, as_dict, as_list, label, plain_text, unreadable


def _element_label(element: dict) -> str:
    content = as_dict(element.get("type"))
    params = as_dict(content.get("params"))
    text = plain_text(params.get("text")) or plain_text(params.get("alt"))
    return text or plain_text(as_dict(content.get("metadata")).get("title"))


def _zone_index(value) -> int | None:
    text = str(value)
    return int(text) if text.isascii() and text.isdigit() else None


class DragQuestion:
    __slots__ = (
        "question",
        "allowed",
        "correct",
        "multiple",
        "penalties",
        "single_point",
        "blank_is_correct",
        "full",
        "top",
    )

    def __init__(self, qid: str, params: dict):
        task = as_dict(as_dict(params.get("question")).get("task"))
        elements = [as_dict(e) for e in as_list(task.get("elements"))]
        zones = [as_dict(z) for z in as_list(task.get("dropZones"))]
        behaviour = as_dict(params.get("behaviour"))
        self.penalties = behaviour.get("applyPenalties", True) is not False
        self.single_point = behaviour.get("singlePoint", False) is True
        correct: dict[int, set[int]] = {}
        for z, zone in enumerate(zones):
            for index in as_list(zone.get("correctElements")):
                element = _zone_index(index)
                if element is not None:
                    correct.setdefault(element, set()).add(z)
        self.correct = {e: frozenset(zs) for e, zs in correct.items()}
        # Draggable elements are those with drop zones; they may only land there.
        self.allowed = {}
        for e, element in enumerate(elements):
            allowed = {_zone_index(z) for z in as_list(element.get("dropZones"))}
            allowed = frozenset(z for z in allowed if z is not None and z < len(zones))
            if allowed:
                self.allowed[e] = allowed
        self.multiple = frozenset(e for e, el in enumerate(elements) if el.get("multiple"))
        self.blank_is_correct = not any(as_list(z.get("correctElements")) for z in zones)
        self.full = self._calculate_max(len(elements))
        self.top = 1.0 if self.single_point else self.full
        choices = tuple(
            (
                f"{z}{PAIR}{e}",
                f"{_element_label(elements[e])} → {plain_text(zones[z].get('label'))}",
            )
            for e, zs in sorted(self.allowed.items())
            for z in sorted(zs)
        )
        text = label(as_dict(params.get("metadata")).get("title")) or label(params.get("title"))
        self.question = Question(qid, "H5P.DragQuestion", text, self.top, choices)

    def _calculate_max(self, count: int) -> float:
        if self.blank_is_correct:
            return 1.0
        total = 0
        for e in range(count):
            zones = self.correct.get(e)
            if zones:
                total += len(zones) if e in self.multiple else 1
        return float(total)

    def _placements(self, response: str) -> list[tuple[int, int]]:
        if response == "":
            return []
        pairs = []
        for part in response.split(SEP):
            zone, _, element = part.partition(PAIR)
            z, e = _zone_index(zone), _zone_index(element)
            if z is None or e is None or z not in self.allowed.get(e, ()):
                raise unreadable()
            pairs.append((z, e))
        if len(set(pairs)) != len(pairs):
            raise unreadable()
        placed = [e for _, e in pairs]
        if any(placed.count(e) > 1 for e in placed if e not in self.multiple):
            raise unreadable()
        return pairs

    def score(self, response) -> Verdict:
        if not isinstance(response, str):
            raise unreadable()
        pairs = self._placements(response)
        points = raw_points = 1 if self.blank_is_correct else 0
        for z, e in pairs:
            if z in self.correct.get(e, ()):
                points += 1
                raw_points += 1
            else:
                points -= 1
        points = max(points, 0)
        if not pairs and self.blank_is_correct:
            points = 1  # not answered: the content's weight
        if self.single_point:
            points = 1 if points == self.full else 0
        raw = float(points if self.penalties or self.single_point else raw_points)
        normalised = SEP.join(f"{z}{PAIR}{e}" for z, e in sorted(pairs, key=lambda p: (p[1], p[0])))
        return Verdict(raw, self.top, raw == self.top, normalised)


def drag_question(qid: str, params: dict) -> list[DragQuestion]:
    return [DragQuestion(qid, params)]
