"""Module 4 — Rédiger un certificat médical initial et fixer l'ITT (médecins, sages-femmes).

The documents say why the topic matters (fiche 1.2 of the Pas-de-Calais plan,
awareness evenings of the Nord) but not what the law says: the legal points
below are only well-established French law (code pénal articles 222-11,
222-13, 226-13 and 226-14, law of 30 July 2020), kept short.
"""

from accounts.constants import Profession
from courses.constants import Kind
from demo.loaders.quizzes import matching, multiple, ordering, single, situation, true_false

from . import NATIONAL, NORD_2023, Activity, Figure, Lesson, Module

SLUG = "certificat-medical-itt"

ACTIVITY_ITT_WORK = Activity(
    title="Vrai ou faux : ITT et arrêt de travail",
    statement_html=(
        "<p>Une victime retraitée ne peut pas se voir reconnaître d'ITT puisqu'elle ne "
        "travaille pas.</p>"
    ),
    correct=False,
    feedback_html=(
        "<p>Faux. L'ITT au sens pénal mesure la gêne dans les actes de la vie courante, pas "
        "l'aptitude au travail : elle se fixe pour toute victime, enfant, retraitée ou sans "
        "emploi.</p>"
    ),
    filename="vrai-faux-itt.h5p",
)

ACTIVITY_SECRECY = Activity(
    title="Vrai ou faux : signaler sans l'accord de la victime",
    statement_html=(
        "<p>Un médecin ne peut jamais signaler des violences conjugales au procureur sans "
        "l'accord de la victime majeure.</p>"
    ),
    correct=False,
    feedback_html=(
        "<p>Faux. Depuis la loi du 30 juillet 2020, il le peut quand il estime que la vie de "
        "la victime est en danger immédiat et qu'elle n'est pas en mesure de se protéger en "
        "raison de l'emprise. Il s'efforce d'obtenir son accord et, à défaut, l'informe du "
        "signalement.</p>"
    ),
    filename="vrai-faux-secret.h5p",
)

LESSON_PURPOSE = Lesson(
    title="À quoi sert le certificat médical initial",
    intro="Un document de soin qui devient une pièce essentielle de la procédure.",
    body=[
        ("heading", {"text": "Le rôle du certificat", "level": "h2"}),
        (
            "paragraph",
            "<p>Le <b>certificat médical initial</b> décrit, le plus tôt possible après les "
            "faits, ce que le médecin ou la sage-femme constate. Il sert à la victime pour "
            "faire valoir ses droits : plainte, demande d'ordonnance de protection, procédure "
            "de séparation ou de garde des enfants. Pour l'enquête et pour le juge, il est "
            "souvent la seule trace objective des violences.</p>"
            "<p>La victime peut le demander sans avoir porté plainte. Il lui est remis en main "
            "propre ; le double reste dans le dossier médical. Si elle ne peut pas le conserver "
            "chez elle sans danger, proposez-lui de le confier à une personne de confiance ou "
            "à une association.</p>",
        ),
        (
            "callout",
            {
                "title": "Les soignants en première ligne",
                "text": "<p>Dans le Nord, quatre soirées de sensibilisation ont réuni plus de "
                "230 professionnels de santé en 2022 et 2023 pour repérer les violences, "
                "connaître les ressources locales et comprendre la levée du secret. Partout en "
                "France, la plainte peut être recueillie dans 542 établissements de santé.</p>",
            },
        ),
    ],
)

LESSON_CONTENT = Lesson(
    title="Ce que contient le certificat : lésions et retentissement psychologique",
    intro="Décrire précisément, rapporter sans qualifier, ne jamais désigner l'auteur.",
    body=[
        ("heading", {"text": "Les rubriques du certificat", "level": "h2"}),
        (
            "paragraph",
            "<ol><li><b>L'identification</b> : le ou la professionnel·le, la victime, la date et "
            "l'heure de l'examen.</li>"
            "<li><b>Les déclarations de la victime</b>, entre guillemets et au conditionnel "
            "(« Mme X déclare avoir été frappée… ») : vous rapportez ses propos, sans les "
            "qualifier et sans nommer l'auteur comme s'il était établi.</li>"
            "<li><b>Ce qu'elle ressent</b> : douleurs, gêne, troubles du sommeil, peur.</li>"
            "<li><b>L'examen clinique</b> : chaque lésion décrite (nature, taille, forme, "
            "couleur, localisation précise), au besoin sur un schéma corporel ; les examens "
            "complémentaires demandés.</li>"
            "<li><b>Le retentissement psychologique</b> observé : état de stress, pleurs ou "
            "au contraire détachement, troubles du sommeil, idées suicidaires, reviviscences.</li>"
            "<li><b>La conclusion</b> : la durée d'ITT, éventuellement « sous réserve de "
            "complications », et la mention que le certificat est remis en main propre.</li></ol>",
        ),
        (
            "callout",
            {
                "title": "Décrire, sans interpréter",
                "text": "<p>Écrivez « ecchymose violacée ovale, mesurée en centimètres, à la "
                "face interne du bras gauche » plutôt que « trace de coup ». L'absence de lésion "
                "visible s'écrit aussi : elle n'exclut pas les violences.</p>",
            },
        ),
        (
            "paragraph",
            "<p>Le retentissement psychologique compte autant que les lésions. Une victime "
            "calme, détachée, peut être en état de dissociation : décrivez ce que vous observez "
            "plutôt que de conclure à l'absence de souffrance.</p>",
        ),
    ],
)

LESSON_ITT = Lesson(
    title="La notion d'ITT",
    intro="Une durée qui mesure la gêne dans la vie courante et qui oriente la qualification "
    "pénale.",
    body=[
        ("heading", {"text": "Définition", "level": "h2"}),
        (
            "paragraph",
            "<p>L'<b>incapacité totale de travail</b> (ITT) au sens pénal n'a rien à voir avec "
            "un arrêt de travail. Elle correspond à la durée pendant laquelle la victime ne peut "
            "plus accomplir seule les actes ordinaires de la vie : se lever, se laver, "
            "s'habiller, manger, se déplacer. Elle se fixe donc pour toute victime, qu'elle "
            "travaille ou non, et elle tient compte du retentissement psychologique.</p>"
            "<p>« Totale » ne veut pas dire absolue : une victime qui se déplace avec difficulté "
            "et a besoin d'aide pour les gestes quotidiens a une ITT.</p>",
        ),
        (
            "callout",
            {
                "title": "Pourquoi la durée compte",
                "text": "<p>Hors circonstance aggravante, des violences sont un délit "
                "au-delà de 8 jours d'ITT et une contravention en deçà. Commises par le "
                "conjoint ou l'ex-conjoint, elles sont toujours un délit, même sans ITT : le "
                "certificat reste essentiel pour décrire les faits.</p>",
            },
        ),
        ("h5p", {"activity": ACTIVITY_ITT_WORK.title, "instructions": "Vrai ou faux ?"}),
    ],
)

LESSON_SECRECY = Lesson(
    title="Le secret professionnel et le signalement",
    intro="Quand et comment le médecin ou la sage-femme peut informer le procureur.",
    body=[
        ("heading", {"text": "Le principe et ses exceptions", "level": "h2"}),
        (
            "paragraph",
            "<p>Le secret médical protège la patiente ; sa violation est un délit (article "
            "226-13 du code pénal). L'article 226-14 prévoit des exceptions : dans ces cas, le "
            "signalement fait de bonne foi n'engage ni la responsabilité civile, ni pénale, ni "
            "disciplinaire de son auteur.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "Avec l'accord de la victime majeure",
                        "body": "<p>Le médecin ou tout autre professionnel de santé peut "
                        "signaler au procureur de la République les violences qu'il a "
                        "constatées.</p>",
                    },
                    {
                        "title": "Sans son accord, en cas de danger immédiat",
                        "body": "<p>Depuis la loi du 30 juillet 2020, il peut signaler des "
                        "violences au sein du couple sans l'accord de la victime majeure "
                        "lorsqu'il estime en conscience que sa vie est en <b>danger "
                        "immédiat</b> et qu'elle n'est pas en mesure de se protéger en raison "
                        "de l'<b>emprise</b> de l'auteur. Il s'efforce d'obtenir son accord et, "
                        "à défaut, l'informe du signalement.</p>",
                    },
                    {
                        "title": "Mineurs et personnes vulnérables",
                        "body": "<p>Pour un·e mineur·e ou une personne qui ne peut pas se "
                        "protéger (âge, handicap, maladie), l'accord n'est pas nécessaire : on "
                        "signale au procureur ou on transmet une information préoccupante.</p>",
                    },
                ]
            },
        ),
        (
            "paragraph",
            "<p>Les signes d'un danger immédiat sont notamment : des menaces de mort, une "
            "strangulation, l'usage ou la détention d'une arme, une séparation récente ou "
            "annoncée, des violences qui s'aggravent ou s'accélèrent.</p>",
        ),
        ("h5p", {"activity": ACTIVITY_SECRECY.title, "instructions": "Vrai ou faux ?"}),
    ],
)

LESSON_RESOURCES = Lesson(
    title="Orienter la victime : ressources",
    intro="Les relais médico-judiciaires et sociaux vers lesquels orienter.",
    body=[
        ("heading", {"text": "Les relais", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>Les unités médico-judiciaires (UMJ)</b> (le Nord compte 5 unités) "
            "réalisent les examens sur réquisition et fixent l'ITT pour la justice.</li>"
            "<li><b>Les intervenants sociaux en commissariat et gendarmerie</b> accompagnent la "
            "victime au-delà de la plainte.</li>"
            "<li><b>Les accueils de jour, lieux d'écoute et CIDFF</b> informent gratuitement "
            "sur les droits et accompagnent dans la durée.</li>"
            "<li><b>Les maisons des femmes</b>, adossées à un hôpital, réunissent soins et "
            "accompagnement.</li></ul>",
        ),
        ("help_numbers", {"title": "Numéros à donner à la patiente"}),
    ],
)

QUESTIONS = [
    true_false(
        "L'ITT au sens pénal correspond à la durée de l'arrêt de travail.",
        "Faux : l'ITT mesure l'incapacité à accomplir seule les actes de la vie courante ; "
        "elle se fixe aussi pour une victime sans emploi.",
        answer=False,
        tags="itt",
    ),
    single(
        "Comment rapporter les propos de la victime dans le certificat ?",
        "Entre guillemets et au conditionnel, sans qualifier les faits ni désigner l'auteur "
        "comme établi.",
        ("« Mme X déclare avoir été frappée par… », entre guillemets", True),
        ("« Mme X a été frappée par son mari »", False),
        ("Il ne faut pas les rapporter", False),
        tags="contenu",
    ),
    multiple(
        "Que doit contenir le certificat médical initial ?",
        "Identification, déclarations, description des lésions et du retentissement "
        "psychologique, ITT ; jamais de conclusion sur la culpabilité.",
        ("La date et l'heure de l'examen", True),
        ("La description précise de chaque lésion", True),
        ("Le retentissement psychologique observé", True),
        ("L'affirmation que le conjoint est coupable", False),
        tags="contenu",
    ),
    true_false(
        "Au sein du couple, des violences sans ITT peuvent constituer un délit.",
        "Vrai : les violences commises par le conjoint, actuel ou passé, sont un délit quelle "
        "que soit la durée de l'ITT.",
        answer=True,
        tags="itt",
    ),
    single(
        "Sans circonstance aggravante, au-delà de quelle durée d'ITT des "
        "violences deviennent-elles un délit ?",
        "Au-delà de 8 jours d'ITT ; en deçà, c'est une contravention, sauf circonstance "
        "aggravante.",
        ("1 jour", False),
        ("8 jours", True),
        ("30 jours", False),
        tags="itt",
    ),
    true_false(
        "Le retentissement psychologique peut être pris en compte pour fixer l'ITT.",
        "Vrai : l'ITT tient compte de l'ensemble des atteintes, y compris psychiques.",
        answer=True,
        tags="itt",
    ),
    single(
        "À qui le certificat est-il remis ?",
        "À la victime, en main propre ; le double reste dans le dossier médical.",
        ("À la victime, en main propre", True),
        ("Au conjoint, s'il accompagne la patiente", False),
        ("Directement au commissariat, sans en informer la victime", False),
        tags="contenu",
    ),
    matching(
        "Associez chaque situation à ce que permet l'article 226-14 du code pénal.",
        "Avec l'accord, le signalement des violences constatées ; sans accord, le danger "
        "immédiat sous emprise ; pour un mineur, l'accord n'est pas requis.",
        ("Victime majeure d'accord", "Signalement au procureur avec son accord"),
        (
            "Victime majeure en danger immédiat et sous emprise",
            "Signalement possible même si elle refuse, en l'informant",
        ),
        ("Victime mineure", "Signalement sans avoir à recueillir son accord"),
        tags="secret",
    ),
    ordering(
        "Dans quel ordre rédiger le certificat ?",
        "Identification, déclarations, examen clinique, puis conclusion avec l'ITT.",
        "Identification du professionnel et de la victime, date et heure",
        "Déclarations de la victime, entre guillemets",
        "Examen clinique et retentissement psychologique",
        "Conclusion et durée d'ITT",
        tags="contenu",
    ),
    true_false(
        "Un signalement fait de bonne foi dans le cadre de l'article 226-14 peut engager la "
        "responsabilité disciplinaire du médecin.",
        "Faux : la loi protège le professionnel de santé qui signale de bonne foi.",
        answer=False,
        tags="secret",
    ),
    situation(
        "Une consultation aux urgences",
        "<p>Une femme de 34 ans consulte pour une douleur au poignet. Elle finit par dire que "
        "son conjoint l'a frappée et « serrée au cou » la veille, qu'il a une arme et qu'elle "
        "lui a annoncé qu'elle voulait partir. Elle refuse de porter plainte : « Il me "
        "tuerait. »</p>",
        "Strangulation, arme et séparation annoncée sont des signes de danger immédiat ; "
        "l'article 226-14 permet alors de signaler sans son accord, après avoir tenté de "
        "l'obtenir.",
        multiple(
            "Quels éléments signalent un danger immédiat ?",
            "La strangulation, l'arme et la séparation annoncée sont des facteurs de danger "
            "reconnus ; le refus de porter plainte n'en est pas un.",
            ("La strangulation", True),
            ("La détention d'une arme", True),
            ("La séparation annoncée", True),
            ("Son refus de porter plainte", False),
        ),
        single(
            "Que faites-vous ?",
            "On rédige le certificat, on cherche son accord et, à défaut, on signale au "
            "procureur en l'informant ; ne rien faire la laisse en danger.",
            (
                "Je rédige le certificat, je cherche son accord et, à défaut, je signale au "
                "procureur en l'en informant",
                True,
            ),
            ("Je respecte son refus et je ne fais rien", False),
            ("J'appelle son conjoint pour vérifier ses dires", False),
        ),
        tags="secret",
    ),
]

FIGURES = (
    Figure("quatre soirées", NORD_2023),
    Figure("230", NORD_2023),
    Figure("542", NATIONAL),
    Figure("5 unités", NORD_2023),
)

MODULE = Module(
    slug=SLUG,
    title="Rédiger un certificat médical initial et fixer l'ITT",
    summary=(
        "Pour les médecins et les sages-femmes : à quoi sert le certificat médical initial, "
        "comment décrire les lésions et le retentissement psychologique, fixer l'ITT et "
        "quand lever le secret professionnel en cas de violences conjugales."
    ),
    objectives_html=(
        "<ul><li>Rédiger un certificat médical initial complet et prudent</li>"
        "<li>Décrire les lésions et le retentissement psychologique</li>"
        "<li>Fixer une durée d'ITT et en comprendre la portée pénale</li>"
        "<li>Connaître les cas où le secret peut être levé (article 226-14 du code "
        "pénal)</li></ul>"
    ),
    kind=Kind.FORMATION,
    audiences=(Profession.MEDECIN, Profession.SAGE_FEMME),
    mandatory_for=(),
    topics=(("certificat-itt", "Certificat médical et ITT"),),
    content_warning=(
        "Ce module décrit des blessures et des situations de violences conjugales graves."
    ),
    activities=(ACTIVITY_ITT_WORK, ACTIVITY_SECRECY),
    lessons=(LESSON_PURPOSE, LESSON_CONTENT, LESSON_ITT, LESSON_SECRECY, LESSON_RESOURCES),
    quiz_title="Évaluation finale — certificat médical et ITT",
    quiz_intro="Onze questions pour vérifier ce que vous retenez du module.",
    questions=QUESTIONS,
    figures=FIGURES,
)
