"""Drag and drop: DragQuestion."""


def drag_question(qid, params):
    return []
