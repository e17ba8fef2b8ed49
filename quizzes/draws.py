"""Which questions an attempt gets, and in which order its options are shown.

Deterministic for a given seed (stored on the attempt), so that reloading the page
shows the same draw in the same order.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from django.utils.translation import gettext as _

from .questions import Choice, DrawError, InvalidQuestion, Item, Kind, Question

# Draws and shuffling ---------------------------------------------------------------


def draw_questions(
    pool: Sequence[Question],
    *,
    per_tag: Mapping[str, int] | None = None,
    total: int | None = None,
    seed: int,
) -> list[Question]:
    """Return questions drawn from `pool`, deterministically for a given `seed`.

    `per_tag` draws that many questions carrying each tag (tags taken in sorted order,
    a question is never drawn twice); `total` then tops up from the rest of the pool.
    Without either, the whole pool is returned shuffled. The result is shuffled so tags
    are mixed. Pass the pool in a stable order (e.g. by primary key): same pool order and
    same seed give the same draw. Raise `DrawError` when the pool is too small.
    """
    if len({q.id for q in pool}) != len(pool):
        raise DrawError(_("Le réservoir contient deux fois la même question."))
    rng = random.Random(seed)
    chosen: list[Question] = []
    taken: set[str] = set()
    for tag in sorted(per_tag or {}):
        wanted = (per_tag or {})[tag]
        if wanted < 0:
            raise DrawError(_("Le nombre de questions demandé ne peut pas être négatif."))
        candidates = [q for q in pool if tag in q.tags and q.id not in taken]
        if wanted > len(candidates):
            raise DrawError(
                _(
                    "Pas assez de questions pour l’étiquette « %(tag)s » : "
                    "%(wanted)d demandées, %(available)d disponibles."
                )
                % {"tag": tag, "wanted": wanted, "available": len(candidates)}
            )
        for question in rng.sample(candidates, wanted):
            chosen.append(question)
            taken.add(question.id)
    if total is None and per_tag is None:
        total = len(pool)
    if total is not None:
        missing = total - len(chosen)
        if missing < 0:
            raise DrawError(
                _("Le total demandé (%(total)d) est inférieur à la somme par étiquette (%(sum)d).")
                % {"total": total, "sum": len(chosen)}
            )
        rest = [q for q in pool if q.id not in taken]
        if missing > len(rest):
            raise DrawError(
                _("Pas assez de questions : %(wanted)d demandées, %(available)d disponibles.")
                % {"wanted": total, "available": len(pool)}
            )
        chosen.extend(rng.sample(rest, missing))
    rng.shuffle(chosen)
    return chosen


def shuffled_choices(question: Question, seed: int) -> list[Choice] | list[Item]:
    """Return the options of `question` in a per-attempt order derived from `seed`.

    `single`/`multiple`: choices shuffled; `true_false`: kept as is (Vrai, Faux);
    `ordering`: items shuffled, never in the expected order; `matching`: the distinct
    answer options as `Item`s, shuffled. For a situation, shuffle each sub-question.
    Only ids and texts may be sent to the browser, never `Choice.correct`.
    """
    # A string seed is hashed with SHA-512 by `random`, so it is stable across processes.
    rng = random.Random(f"{seed}:{question.id}")
    if question.kind == Kind.TRUE_FALSE:
        return list(question.choices)
    if question.kind in (Kind.SINGLE, Kind.MULTIPLE):
        choices = list(question.choices)
        rng.shuffle(choices)
        return choices
    if question.kind == Kind.MATCHING:
        options = list({p.answer_id: Item(p.answer_id, p.answer) for p in question.pairs}.values())
        rng.shuffle(options)
        return options
    if question.kind == Kind.ORDERING:
        items = list(question.items)
        rng.shuffle(items)
        if items == list(question.items):
            # Showing the solution would make the question pointless: rotate by one.
            items = items[1:] + items[:1]
        return items
    raise InvalidQuestion(
        _("Question %(id)s : mélangez chaque sous-question de la mise en situation.")
        % {"id": question.id}
    )
