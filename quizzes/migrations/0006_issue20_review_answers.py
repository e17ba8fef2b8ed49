from django.db import migrations, models


def from_boolean(apps, schema_editor):
    """An unticked box was the editor's choice: never. A ticked one was the default
    (no editor could tell it from a choice), which becomes the new default."""
    Quiz = apps.get_model("quizzes", "Quiz")
    Quiz.objects.filter(review_shows_answers=False).update(review_answers="never")


def to_boolean(apps, schema_editor):
    Quiz = apps.get_model("quizzes", "Quiz")
    Quiz.objects.filter(review_answers="never").update(review_shows_answers=False)


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0005_situation_case_sanitised")]

    operations = [
        migrations.AddField(
            model_name="quiz",
            name="review_answers",
            field=models.CharField(
                choices=[
                    ("once_settled", "Une fois le quiz réussi ou les tentatives épuisées"),
                    ("always", "À chaque relecture, même après un échec"),
                    ("never", "Jamais"),
                ],
                default="once_settled",
                help_text=(
                    "Montrées après un échec alors qu'il reste des tentatives, elles rendent "
                    "la tentative suivante facile à copier."
                ),
                max_length=20,
                verbose_name="la relecture montre les bonnes réponses",
            ),
        ),
        migrations.RunPython(from_boolean, to_boolean),
        migrations.RemoveField(model_name="quiz", name="review_shows_answers"),
    ]
