import wagtail.fields
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
        # Ordering items labelled for screen readers (quizzes.blocks.ListItemTextBlock).
        migrations.AlterField(
            model_name="quiz",
            name="questions",
            field=wagtail.fields.StreamField(
                [
                    ("single", 10),
                    ("multiple", 12),
                    ("true_false", 14),
                    ("matching", 19),
                    ("ordering", 22),
                    ("situation", 33),
                ],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.TextBlock", (), {"label": "Énoncé"}),
                    1: (
                        "wagtail.blocks.DecimalBlock",
                        (),
                        {
                            "decimal_places": 2,
                            "default": 1,
                            "label": "Points",
                            "max_digits": 6,
                            "min_value": 0.01,
                        },
                    ),
                    2: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Thèmes séparés par des virgules, pour les tirages et les statistiques.",
                            "label": "Étiquettes",
                            "max_length": 200,
                            "required": False,
                        },
                    ),
                    3: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": "Pourquoi la bonne réponse est la bonne : montrée après la réponse ou à la relecture.",
                            "label": "Explication",
                            "required": False,
                        },
                    ),
                    4: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("after_answer", "Dès la réponse envoyée"),
                                ("review", "À la relecture, selon la règle du quiz"),
                            ],
                            "label": "Afficher l'explication",
                        },
                    ),
                    5: ("wagtail.blocks.CharBlock", (), {"label": "Réponse", "max_length": 500}),
                    6: (
                        "wagtail.blocks.BooleanBlock",
                        (),
                        {"label": "Bonne réponse", "required": False},
                    ),
                    7: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Retour si choisie", "max_length": 500, "required": False},
                    ),
                    8: (
                        "wagtail.blocks.StructBlock",
                        [[("text", 5), ("correct", 6), ("feedback", 7)]],
                        {},
                    ),
                    9: ("wagtail.blocks.ListBlock", (8,), {"label": "Réponses", "min_num": 2}),
                    10: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("text", 0),
                                ("points", 1),
                                ("tags", 2),
                                ("explanation", 3),
                                ("explanation_timing", 4),
                                ("choices", 9),
                            ]
                        ],
                        {},
                    ),
                    11: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("partial", "Partielle (chaque bonne réponse rapporte une part)"),
                                ("all_or_nothing", "Tout ou rien"),
                            ],
                            "label": "Notation",
                        },
                    ),
                    12: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("text", 0),
                                ("points", 1),
                                ("tags", 2),
                                ("explanation", 3),
                                ("explanation_timing", 4),
                                ("choices", 9),
                                ("scoring", 11),
                            ]
                        ],
                        {},
                    ),
                    13: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [("true", "Vrai"), ("false", "Faux")],
                            "label": "Bonne réponse",
                        },
                    ),
                    14: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("text", 0),
                                ("points", 1),
                                ("tags", 2),
                                ("explanation", 3),
                                ("explanation_timing", 4),
                                ("answer", 13),
                            ]
                        ],
                        {},
                    ),
                    15: ("wagtail.blocks.CharBlock", (), {"label": "Élément", "max_length": 300}),
                    16: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Deux éléments peuvent partager le même élément associé (même texte).",
                            "label": "Élément associé",
                            "max_length": 300,
                        },
                    ),
                    17: ("wagtail.blocks.StructBlock", [[("prompt", 15), ("answer", 16)]], {}),
                    18: ("wagtail.blocks.ListBlock", (17,), {"label": "Paires", "min_num": 2}),
                    19: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("text", 0),
                                ("points", 1),
                                ("tags", 2),
                                ("explanation", 3),
                                ("explanation_timing", 4),
                                ("pairs", 18),
                                ("scoring", 11),
                            ]
                        ],
                        {},
                    ),
                    20: (
                        "quizzes.blocks.ListItemTextBlock",
                        (),
                        {"label": "Élément", "max_length": 300},
                    ),
                    21: (
                        "wagtail.blocks.ListBlock",
                        (20,),
                        {"label": "Éléments, dans le bon ordre", "min_num": 2},
                    ),
                    22: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("text", 0),
                                ("points", 1),
                                ("tags", 2),
                                ("explanation", 3),
                                ("explanation_timing", 4),
                                ("items", 21),
                                ("scoring", 11),
                            ]
                        ],
                        {},
                    ),
                    23: ("wagtail.blocks.CharBlock", (), {"label": "Titre", "max_length": 200}),
                    24: (
                        "core.blocks.SanitisedRichTextBlock",
                        (),
                        {
                            "features": ["bold", "italic", "ul", "ol"],
                            "help_text": "Par exemple : « Une femme se présente pour déposer plainte et dit… »",
                            "label": "Situation",
                        },
                    ),
                    25: (
                        "wagtail.images.blocks.ImageChooserBlock",
                        (),
                        {"label": "Image", "required": False},
                    ),
                    26: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Texte alternatif de l'image", "required": False},
                    ),
                    27: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {"label": "Enregistrement audio (MP3, OGG)", "required": False},
                    ),
                    28: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"label": "Transcription de l'audio", "required": False},
                    ),
                    29: (
                        "wagtail.blocks.StreamBlock",
                        [
                            [
                                ("single", 10),
                                ("multiple", 12),
                                ("true_false", 14),
                                ("matching", 19),
                                ("ordering", 22),
                            ]
                        ],
                        {"label": "Questions"},
                    ),
                    30: (
                        "wagtail.blocks.DecimalBlock",
                        (),
                        {
                            "decimal_places": 2,
                            "default": 1,
                            "label": "Poids de la situation (points)",
                            "max_digits": 6,
                            "min_value": 0.01,
                        },
                    ),
                    31: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"label": "Étiquettes", "max_length": 200, "required": False},
                    ),
                    32: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"label": "Explication d'ensemble", "required": False},
                    ),
                    33: (
                        "wagtail.blocks.StructBlock",
                        [
                            [
                                ("title", 23),
                                ("case", 24),
                                ("image", 25),
                                ("image_alt", 26),
                                ("audio", 27),
                                ("audio_transcript", 28),
                                ("sub_questions", 29),
                                ("points", 30),
                                ("tags", 31),
                                ("explanation", 32),
                                ("explanation_timing", 4),
                            ]
                        ],
                        {},
                    ),
                },
                verbose_name="questions",
            ),
        ),
    ]
