"""Demo module shown by `make run` (the demo-content issue writes the full modules).

Idempotent: the module is found by its slug, the activity by its title.
"""

import io

from django.core.files.base import ContentFile
from wagtail.rich_text import RichText

from .constants import Kind
from .h5p.authoring import build_true_false
from .h5p.packages import h5p_package_extract, h5p_package_prepare
from .h5p.validation import validate_package
from .models import Audience, H5PPackage, LessonPage, ModuleIndexPage, ModulePage, Topic

MODULE_SLUG = "continuum-des-violences"

LESSON_1 = """
<p>Les violences faites aux femmes ne surgissent pas d'un coup. Elles s'inscrivent dans un
<b>continuum</b> : des remarques sexistes « ordinaires » et du dénigrement jusqu'aux violences
physiques et sexuelles, et, au bout de la chaîne, au féminicide. Chaque étape banalise la
suivante.</p>
<p>Repérer les premiers signes, c'est déjà protéger : une victime qui décrit des humiliations
répétées, un contrôle de ses dépenses ou de son téléphone décrit des violences, même sans coups.</p>
"""

LESSON_2 = """
<p>L'auteur de violences suit souvent une stratégie : il <b>isole</b> la victime de ses proches,
la <b>dévalorise</b>, <b>inverse la culpabilité</b> (« c'est de ta faute »), installe la
<b>peur</b> et s'assure de son <b>impunité</b> en recrutant des alliés.</p>
<p>Comprendre cette stratégie aide à recevoir une plainte sans juger une victime qui revient sur
ses déclarations ou qui reste auprès de l'auteur : ce sont des effets de l'emprise.</p>
"""


def _activity(*, user) -> H5PPackage:
    title = "Vrai ou faux : les violences sans coups"
    existing = H5PPackage.objects.filter(title=title).first()
    if existing and existing.is_ready:
        return existing
    data = build_true_false(
        title=title,
        statement_html=(
            "<p>Une victime qui ne présente aucune blessure ne subit pas de violences "
            "conjugales.</p>"
        ),
        correct=False,
        feedback_html=(
            "<p>Faux : les violences psychologiques, économiques ou administratives sont des "
            "violences, et le harcèlement moral au sein du couple est un délit.</p>"
        ),
    )
    validated = validate_package(io.BytesIO(data), filename="vrai-faux-violences.h5p")
    package = existing or H5PPackage()
    h5p_package_prepare(package=package, validated=validated, user=user)
    package.file.save("vrai-faux-violences.h5p", ContentFile(data), save=True)
    return h5p_package_extract(package=package)


def load(*, user) -> ModulePage:
    """Create or refresh the demo module with two lessons and a TrueFalse activity."""
    index = ModuleIndexPage.objects.get()
    package = _activity(user=user)
    module = ModulePage.objects.filter(slug=MODULE_SLUG).first()
    if module is None:
        module = ModulePage(
            title="Le continuum des violences faites aux femmes",
            slug=MODULE_SLUG,
            summary=(
                "Du sexisme ordinaire au féminicide : repérer les violences, comprendre la "
                "stratégie de l'agresseur pour mieux accueillir la parole des victimes."
            ),
            objectives=RichText(
                "<ul><li>Situer une situation sur le continuum des violences</li>"
                "<li>Reconnaître la stratégie de l'agresseur</li></ul>"
            ).source,
            kind=Kind.SENSIBILISATION,
            duration_minutes=20,
            content_warning=(
                "Ce module évoque des violences conjugales et sexuelles, avec des exemples "
                "de situations vécues."
            ),
        )
        index.add_child(instance=module)
    topic, _created = Topic.objects.get_or_create(
        slug="continuum", defaults={"name": "Continuum des violences"}
    )
    module.topics.set([topic])
    module.audiences.set(
        Audience.objects.filter(code__in=["police_nationale", "gendarmerie_nationale", "autre"])
    )
    module.mandatory_for.set(
        Audience.objects.filter(code__in=["police_nationale", "gendarmerie_nationale"])
    )
    from quizzes import demo as quizzes_demo

    quizzes_demo.load(module)
    module.save_revision(user=user).publish()
    lessons = [
        (
            "Du sexisme ordinaire au féminicide",
            [
                ("paragraph", RichText(LESSON_1)),
                ("h5p", {"package": package, "instructions": "Vrai ou faux ?", "required": True}),
            ],
        ),
        (
            "La stratégie de l'agresseur",
            [("paragraph", RichText(LESSON_2)), ("help_numbers", {"title": "Numéros d'aide"})],
        ),
    ]
    for title, body in lessons:
        lesson = LessonPage.objects.child_of(module).filter(title=title).first()
        if lesson is None:
            lesson = LessonPage(title=title, body=body)
            module.add_child(instance=lesson)
        else:
            lesson.body = body
        lesson.save_revision(user=user).publish()
    _past_completion(module)
    return module


def _past_completion(module: ModulePage) -> None:
    """The trainer completed the module in the summer: Mes attestations shows a PDF and
    the verification page a valid code from the first `make run`."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from accounts.models import User

    from .models import Enrolment, ModuleCompletion
    from .services import completion_finalise

    trainer = User.objects.filter(email="formatrice@egide.test").first()
    if trainer is None:
        return
    completed_at = datetime(2026, 7, 3, 15, 20, tzinfo=ZoneInfo("Europe/Paris"))
    Enrolment.objects.get_or_create(user=trainer, module=module)
    completion, _created = ModuleCompletion.objects.get_or_create(
        user=trainer,
        module=module,
        cycle=1,
        defaults={
            "completed_at": completed_at,
            "score": 90,
            "revision": module.live_revision,
            "module_title": module.title,
        },
    )
    completion_finalise(completion=completion, module=module)
