"""Create the platform's default satisfaction and impact questionnaire.

Editors can change it or add others in the admin; the "mieux outillé·e" item
feeds the action plan's indicator. Reversing leaves it in place (responses may
already hang on it).
"""

from django.db import migrations

TITLE = "Questionnaire de satisfaction et d'impact"
INTRO = (
    "Votre avis nous aide à améliorer les formations. Indiquez pour chaque affirmation "
    "votre degré d'accord, puis donnez une note globale. Vos réponses sont anonymes."
)
ITEMS = [
    ("Les contenus correspondent à mes besoins professionnels.", False),
    ("Les exemples et mises en situation sont proches de ma pratique.", False),
    ("Je me sens mieux outillé·e pour repérer et orienter une victime.", True),
    ("Je recommanderais cette formation à mes collègues.", False),
]


def create(apps, schema_editor):
    Questionnaire = apps.get_model("quizzes", "Questionnaire")
    QuestionnaireItem = apps.get_model("quizzes", "QuestionnaireItem")
    if Questionnaire.objects.filter(title=TITLE).exists():
        return
    questionnaire = Questionnaire.objects.create(title=TITLE, intro=INTRO, anonymous=True)
    QuestionnaireItem.objects.bulk_create(
        QuestionnaireItem(
            questionnaire=questionnaire,
            text=text,
            better_equipped=better_equipped,
            sort_order=position,
        )
        for position, (text, better_equipped) in enumerate(ITEMS)
    )


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
