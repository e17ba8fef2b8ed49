"""The four demo modules of Égide, as data: lessons, H5P activities, final quiz, figures.

`demo.loaders.courses` loads them into Wagtail pages (idempotent); editors change them
afterwards in the admin. Every sentence is written for the platform; the facts
and figures come from the public documents copied in `sources/` beside this file
(see its README). Each module lists in `figures` every figure its lessons use and the
source file it is taken from: `demo/tests/test_content.py` checks that
the figure is written in that file and in the lessons.

Lesson bodies are lists of (block type, value) pairs of `courses.blocks`
(paragraph: HTML; heading, callout, quote, accordion, help_numbers: the block's
fields; h5p: {"activity": <title of one of the module's activities>, ...}).
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
class Activity:
    """An H5P TrueFalse activity (built by `courses.h5p.authoring.build_true_false`)."""

    title: str
    statement_html: str
    correct: bool
    feedback_html: str
    filename: str


@dataclass(frozen=True)
class Lesson:
    title: str
    intro: str
    body: list


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
    activities: tuple[Activity, ...]
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
