"""Text questions: Blanks, DragText and MarkTheWords."""


def blanks(qid, params):
    return []


def drag_text(qid, params):
    return []


def mark_the_words(qid, params):
    return []
