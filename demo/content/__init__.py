"""The four demo modules of Égide, as data: lessons, H5P activities, final quiz, figures.

`demo.loaders.courses` loads them into Wagtail pages (idempotent); editors change them
afterwards in the admin. Every sentence is written for the platform; the facts
and figures come from the public documents copied in `sources/` beside this file
(see its README). Each module lists in `figures` every figure its lessons use and the
source file it is taken from: `demo/tests/test_content.py` checks that
the figure is written in that file and in the lessons.

Lesson bodies are lists of (block type, value) pairs of `courses.blocks`
(paragraph: HTML; heading, callout, quote, accordion, help_numbers: the block's
fields; h5p: {"activity": <title of one of the module's activities>, ...}); the
lesson's `sources` become its last block, "Sources".
"""

from dataclasses import dataclass, field

# Source documents (file names in the seeds folder).
NORD_2023 = "000_cef67672539bcb9f.txt"  # Préfecture du Nord, dossier de presse 25 novembre 2023
PAS_DE_CALAIS_PLAN = "001_d726db3b4e21499e.txt"  # Plan cadre Pas-de-Calais 2019-2022
NORD_VIF = "002_95e5071599f271fc.txt"  # Département du Nord, feuille de route VIF 2023-2026
NATIONAL = "003_06374049aa4d1d31.txt"  # Plan interministériel égalité, mesures du Grenelle
PROSTITUTION_GUIDE = "004_bddc7e3f7988addd.txt"  # Guide Île-de-France prostitution


@dataclass(frozen=True)
class Figure:
    """A figure written in a lesson, exactly as in its source document."""

    text: str
    source: str


@dataclass(frozen=True)
class Source:
    """Where facts of a lesson come from, listed under "Sources" at the end of the lesson.

    `fact` says what the lesson takes from the source, writing every figure, date and
    article number it backs as the lesson writes them: `demo/tests/test_content.py`
    checks that each number of a lesson's text is in one of its sources' facts, and
    that each number of a fact from a seed document (`seed`: a file of `sources/`)
    is written in that document.
    """

    fact: str
    reference: str  # the document's title, or the legal text ("Code pénal, article 225-5")
    location: str = ""  # page, section, fiche, action, date
    seed: str = ""  # the file of demo/content/sources/ when the document is one of them
    url: str = ""  # Légifrance, HAS…


@dataclass(frozen=True)
class Activity:
    """An H5P TrueFalse activity (built by `courses.h5p.contents.true_false`)."""

    title: str
    statement_html: str
    correct: bool
    feedback_html: str
    filename: str

    @property
    def kind(self) -> str:
        return "truefalse"

    @property
    def content(self) -> dict:
        from courses.h5p import contents

        return contents.true_false(
            self.statement_html, correct=self.correct, feedback_html=self.feedback_html
        )


@dataclass(frozen=True)
class H5PActivity:
    """An H5P activity of any authored kind: `content` built by `courses.h5p.contents`
    (branching_scenario, question_set, drag_text, blanks, mark_the_words, summary,
    single_choice_set, multi_choice)."""

    title: str
    kind: str  # one of courses.h5p.authoring.SAMPLE_KINDS
    content: dict
    filename: str


@dataclass(frozen=True)
class Lesson:
    title: str
    intro: str
    body: list
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class Module:
    slug: str
    title: str
    summary: str
    objectives_html: str
    kind: str
    audiences: tuple[str, ...]
    mandatory_for: tuple[str, ...]
    topics: tuple[tuple[str, str], ...]  # (slug, name)
    content_warning: str
    activities: tuple[Activity | H5PActivity, ...]
    lessons: tuple[Lesson, ...]
    quiz_title: str
    quiz_intro: str
    questions: list = field(repr=False)
    figures: tuple[Figure, ...] = ()


def modules() -> list[Module]:
    """The four modules, in catalogue order."""
    from . import certificat_itt, continuum, prostitution_mineurs, psychotraumatisme

    return [
        continuum.MODULE,
        psychotraumatisme.MODULE,
        prostitution_mineurs.MODULE,
        certificat_itt.MODULE,
    ]
