"""Text questions: Blanks (typed), DragText (dragged words) and MarkTheWords (clicked words).

The answer key is marked with asterisks in the content's text; each parser below
follows its library's own (quirky) reading so the gaps and words are numbered
exactly as the browser numbers them in `result.response`.
"""

import html
import re
from collections import Counter
from html.parser import HTMLParser

from .base import (
    SEP,
    Question,
    Verdict,
    as_dict,
    as_list,
    as_str,
    label,
    plain_text,
    split_ids,
    unreadable,
)

_TAG = re.compile(r"</?[a-z]*\d?>", re.IGNORECASE)


def levenshtein(a: str, b: str) -> int:
    """H5P.TextUtilities.computeLevenshteinDistance(a, b, countSwapping=true), quirks included."""
    if a == b:
        return 0
    if not a or not b:
        return len(a) or len(b)
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, previous2[j - 2] + cost)
            current[j] = best
        previous2, previous = previous, current
    return previous[len(b)]


def _blank_solutions(markup: str) -> list[list[str]]:
    """The clozes of one Blanks question, as Blanks.handleBlanks/parseSolution read them."""
    clozes = []
    start = markup.find("*")
    while start != -1:
        end = markup.find("*", start + 1)
        if end == -1:
            break
        inner = _TAG.sub("", markup[start + 1 : end])
        if inner:
            solution = inner.split(":", 1)[0]
            clozes.append([html.unescape(s.strip()) for s in solution.split("/")])
            start = markup.find("*", end + 1)
        else:
            start = markup.find("*", start + 2)
    return clozes


class Blanks:
    """H5P.Blanks: one point per blank; alternatives, case and spelling as cloze.js does."""

    __slots__ = ("question", "clozes", "case_sensitive", "spelling")

    def __init__(self, qid: str, params: dict):
        behaviour = as_dict(params.get("behaviour"))
        self.case_sensitive = behaviour.get("caseSensitive", True) is True
        self.spelling = behaviour.get("acceptSpellingErrors") is True
        clozes = []
        markups = [m for m in as_list(params.get("questions")) if isinstance(m, str) and m]
        for markup in markups:
            clozes.extend(_blank_solutions(markup))
        if not self.case_sensitive:
            clozes = [[s.lower() for s in answers] for answers in clozes]
        self.clozes = tuple(tuple(answers) for answers in clozes)
        # The intro alone is often "Complete.": the sentences, blanks hidden, say what is asked.
        sentences = " ".join(re.sub(r"\*[^*]+\*", "___", m) for m in markups)
        text = label(f"{plain_text(params.get('text'))} {plain_text(sentences)}")
        self.question = Question(qid, "H5P.Blanks", text, float(len(self.clozes)))

    def _correct(self, answered: str, answers: tuple[str, ...]) -> bool:
        if not self.case_sensitive:
            answered = answered.lower()
        for answer in answers:
            if self.spelling:
                distance = levenshtein(answered, answer)
                if (len(answer) > 9 and distance <= 2) or (len(answer) > 3 and distance <= 1):
                    return True
            if answered == answer:
                return True
        return False

    def score(self, response) -> Verdict:
        if not isinstance(response, str):
            raise unreadable()
        parts = [p.strip() for p in response.split(SEP)]
        if len(parts) != len(self.clozes):
            raise unreadable()
        raw = sum(1 for p, a in zip(parts, self.clozes, strict=True) if self._correct(p, a))
        top = float(len(self.clozes))
        shown = parts if self.case_sensitive else [p.lower() for p in parts]
        return Verdict(float(raw), top, raw == top, SEP.join(shown))


def blanks(qid: str, params: dict) -> list[Blanks]:
    scorer = Blanks(qid, params)
    return [scorer] if scorer.clozes else []


_STARRED = re.compile(r"(\*.*?\*)")


def _drag_text_word(part: str) -> str:
    """DragText's parser (N): the word of `*word:tip\\+right\\-wrong*`."""
    tips = re.findall(r":[^\\*]+", part)
    right = re.findall(r"\\\+[^\\*:]+", part)
    wrong = re.findall(r"\\-[^\\*:]+", part)
    word = part[1:] if part.startswith("*") else part
    word = word[:-1] if word.endswith("*") else word
    for found in (tips, right, wrong):
        if found:  # String.replace with an array: its comma-joined text, first occurrence
            word = word.replace(",".join(found), "", 1)
    return word.rstrip()


def _starred_parts(text: str) -> list[str]:
    parts = [p for p in _STARRED.split(text) if p]
    return [p for p in parts if p.startswith("*") and p.endswith("*")]


class DragText:
    """H5P.DragText: one point per gap holding the word its key names."""

    __slots__ = ("question", "answers", "words")

    def __init__(self, qid: str, params: dict):
        text = re.sub(r"\r\n|\n|\r", "<br/>", as_str(params.get("textField")))
        self.answers = tuple(_drag_text_word(p) for p in _starred_parts(text))
        distractors = re.sub(r"\r\n|\n|\r", "<br/>", as_str(params.get("distractors")))
        extra = [_drag_text_word(p) for p in _starred_parts(distractors) if p.strip()]
        # Each draggable word exists once: a response cannot use a word more often.
        self.words = Counter(self.answers) + Counter(extra)
        self.question = Question(
            qid, "H5P.DragText", label(params.get("taskDescription")), float(len(self.answers))
        )

    def score(self, response) -> Verdict:
        if not isinstance(response, str):
            raise unreadable()
        parts = response.split(SEP)
        if len(parts) != len(self.answers):
            raise unreadable()
        used = Counter(p for p in parts if p)
        if any(count > self.words.get(word, 0) for word, count in used.items()):
            raise unreadable()
        raw = sum(1 for p, a in zip(parts, self.answers, strict=True) if p == a)
        top = float(len(self.answers))
        return Verdict(float(raw), top, raw == top, response)


def drag_text(qid: str, params: dict) -> list[DragText]:
    scorer = DragText(qid, params)
    return [scorer] if scorer.answers else []


_WORDS = re.compile(r" \*[^\* ]+\* |[^\s]+")
_PREFIX = re.compile(r"^[\[\({⟨¿¡“\"«„]+")
_SUFFIX = re.compile(r"[\",….:;?!\]\)}⟩»”]+$")


class _TextNodes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes: list[str] = []

    def handle_data(self, data):
        self.nodes.append(data)


def _remove_double_asterisks(word: str) -> str:
    # Word.removeDoubleAsterisks keeps only its last cut, as upstream does.
    index, cut = word.find("*"), word
    while index != -1:
        if word.find("*", index + 1) == index + 1:
            cut = word[:index] + word[index + 2 :]
        index = word.find("*", index + 1)
    return cut


def _is_answer(word: str) -> bool:
    marked = _remove_double_asterisks(word)
    return len(marked) > 2 and marked[0] == "*" and "*" in (marked[-1], marked[-2])


def mark_the_words_words(markup: str) -> list[tuple[str, bool]]:
    """Every selectable word of MarkTheWords' textField, in order: (text, is an answer)."""
    parser = _TextNodes()
    parser.feed(markup)
    parser.close()
    words = []
    for node in parser.nodes:
        for entry in _WORDS.findall(re.sub(r"&nbsp;|\r\n|\n|\r", " ", node)):
            entry = entry.strip()
            prefix = _PREFIX.search(entry)
            suffix = _SUFFIX.search(entry)
            start = len(prefix.group()) if prefix else 0
            end = len(entry) - (len(suffix.group()) if suffix else 0)
            word = entry[start:end] if end > start else ""
            if word:
                words.append((word.replace("*", ""), _is_answer(word)))
    return words


class MarkTheWords:
    """H5P.MarkTheWords: +1 per right word clicked, -1 per wrong one, floor 0."""

    __slots__ = ("question", "answers", "count", "blank_is_correct", "top")

    def __init__(self, qid: str, params: dict):
        words = mark_the_words_words(as_str(params.get("textField")))
        self.count = len(words)
        self.answers = frozenset(i for i, (_, answer) in enumerate(words) if answer)
        self.blank_is_correct = not self.answers
        self.top = float(len(self.answers) or 1)
        choices = tuple((str(i), text) for i, (text, _) in enumerate(words))
        self.question = Question(
            qid, "H5P.MarkTheWords", label(params.get("taskDescription")), self.top, choices
        )

    def score(self, response) -> Verdict:
        if not isinstance(response, str):
            raise unreadable()
        ids = split_ids(response, limit=self.count)
        right = sum(1 for i in ids if i in self.answers)
        wrong = len(ids) - right
        if wrong == 0 and self.blank_is_correct:
            right = 1
        raw = float(max(right - wrong, 0))
        return Verdict(raw, self.top, raw == self.top, SEP.join(map(str, sorted(ids))))


def mark_the_words(qid: str, params: dict) -> list[MarkTheWords]:
    scorer = MarkTheWords(qid, params)
    return [scorer] if scorer.count else []
