"""Module 1 — Le continuum des violences faites aux femmes (police, gendarmes, all)."""

from accounts.constants import Profession
from courses.constants import Kind
from demo.loaders.quizzes import matching, multiple, ordering, single, situation, true_false

from . import NATIONAL, NORD_2023, PAS_DE_CALAIS_PLAN, Activity, Figure, Lesson, Module

SLUG = "continuum-des-violences"

ACTIVITY_NO_BLOWS = Activity(
    title="Vrai ou faux : les violences sans coups",
    statement_html=(
        "<p>Une femme qui ne présente aucune blessure ne subit pas de violences conjugales.</p>"
    ),
    correct=False,
    feedback_html=(
        "<p>Faux. Dénigrement, menaces, contrôle de l'argent ou des papiers : ce sont des "
        "violences, souvent les premières. Le harcèlement moral au sein du couple est un "
        "délit.</p>"
    ),
    filename="vrai-faux-violences.h5p",
)

ACTIVITY_COMPLAINT = Activity(
    title="Vrai ou faux : la plainte d'une victime qui hésite",
    statement_html=(
        "<p>Lorsqu'une victime hésite, l'agent·e d'accueil peut lui proposer une main courante "
        "à la place de la plainte qu'elle vient déposer.</p>"
    ),
    correct=False,
    feedback_html=(
        "<p>Faux. Une plainte ne se refuse pas et ne se remplace pas par une main courante, "
        "qui ne déclenche pas d'enquête. On informe la victime, on la laisse décider et on "
        "recueille sa plainte.</p>"
    ),
    filename="vrai-faux-plainte.h5p",
)

LESSON_CONTINUUM = Lesson(
    title="Du sexisme ordinaire au féminicide",
    intro="Les violences faites aux femmes forment une chaîne : chaque maillon rend le suivant "
    "plus facile.",
    body=[
        ("heading", {"text": "Un continuum de violences", "level": "h2"}),
        (
            "paragraph",
            "<p>On parle de <b>continuum des violences</b> pour dire que les violences faites aux "
            "femmes ne sont pas des événements isolés. Elles vont des « blagues » sexistes, des "
            "remarques sur le corps et du harcèlement dans la rue jusqu'aux coups, aux viols et, "
            "au bout de la chaîne, au meurtre d'une femme parce qu'elle est une femme : le "
            "<b>féminicide</b>.</p>"
            "<p>Le sexisme dit ordinaire n'est pas anodin : quand il est toléré, il installe "
            "l'idée qu'une femme peut être rabaissée, contrôlée puis frappée. Il crée un terrain "
            "favorable au passage à l'acte.</p>",
        ),
        (
            "callout",
            {
                "title": "Une définition internationale",
                "text": "<p>Les Nations unies définissent en 1993 la violence à l'égard des "
                "femmes comme tout acte dirigé contre elles parce qu'elles sont des femmes et "
                "qui leur cause, ou peut leur causer, une souffrance physique, sexuelle ou "
                "psychologique, y compris la menace, la contrainte ou la privation de liberté, "
                "dans la vie publique comme dans la vie privée.</p>",
            },
        ),
        ("heading", {"text": "Les femmes, principales victimes", "level": "h2"}),
        (
            "paragraph",
            "<p>Les données des services de sécurité sont nettes. Les femmes représentent :</p>"
            "<ul><li>87 % des victimes de violences conjugales ;</li>"
            "<li>91 % des victimes d'outrage sexiste ;</li>"
            "<li>92 % des victimes de violences sexuelles dans les transports en commun ;</li>"
            "<li>97 % des victimes de proxénétisme.</li></ul>"
            "<p>Dans l'espace public, 81 % des femmes disent avoir déjà subi du harcèlement de "
            "rue (enquête Ipsos de 2021) et 8 femmes sur 10 ont peur de rentrer seules le soir "
            "(Haut Conseil à l'égalité, 2023).</p>",
        ),
        (
            "paragraph",
            "<p>Repérer tôt, c'est protéger : une femme qui décrit des humiliations répétées, "
            "un partenaire qui fouille son téléphone ou confisque son salaire décrit déjà des "
            "violences, même sans la moindre trace de coup.</p>",
        ),
        (
            "h5p",
            {"activity": ACTIVITY_NO_BLOWS.title, "instructions": "Vrai ou faux ?"},
        ),
    ],
)

LESSON_FORMS = Lesson(
    title="Les formes de violences",
    intro="Six formes de violences, qui se cumulent presque toujours.",
    body=[
        ("heading", {"text": "Six formes de violences", "level": "h2"}),
        (
            "paragraph",
            "<p>Les violences au sein du couple prennent plusieurs formes. Elles se combinent "
            "et se renforcent : les coups arrivent rarement seuls, et les violences "
            "psychologiques les précèdent presque toujours.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "Psychologiques",
                        "body": "<p>Insultes, dénigrement, humiliations devant les enfants ou "
                        "les proches, menaces, chantage au suicide, surveillance constante. "
                        "Le harcèlement moral au sein du couple est un délit, "
                        "aggravé depuis la loi du 30 juillet 2020 lorsqu'il conduit la victime "
                        "à se suicider ou à tenter de le faire (« suicide forcé »).</p>",
                    },
                    {
                        "title": "Physiques",
                        "body": "<p>Bousculades, gifles, coups, strangulation, séquestration, "
                        "usage d'une arme. Une strangulation, même sans trace, signale un danger "
                        "grave.</p>",
                    },
                    {
                        "title": "Sexuelles",
                        "body": "<p>Rapports imposés, pratiques forcées, chantage sexuel. Le "
                        "mariage ou la vie commune n'autorisent aucun acte sexuel sans "
                        "consentement : le viol entre conjoints est un crime.</p>",
                    },
                    {
                        "title": "Économiques",
                        "body": "<p>Confisquer le salaire ou la carte bancaire, interdire de "
                        "travailler, contracter des dettes au nom de sa partenaire. Privée de "
                        "ressources, une femme peut difficilement partir : l'aide universelle "
                        "d'urgence, créée par la loi du 28 février 2023, répond à ce frein.</p>",
                    },
                    {
                        "title": "Administratives",
                        "body": "<p>Garder les papiers d'identité, le titre de séjour, le "
                        "livret de famille ou les documents médicaux ; menacer de faire expulser "
                        "une femme étrangère. Ces violences restent souvent invisibles.</p>",
                    },
                    {
                        "title": "En ligne",
                        "body": "<p>Cyber-harcèlement, géolocalisation à son insu, lecture "
                        "des messages, diffusion d'images intimes sans accord. Les réseaux "
                        "sociaux ne laissent aucun répit : ils sont accessibles jour et nuit et "
                        "donnent à leurs auteurs un sentiment d'impunité.</p>",
                    },
                ]
            },
        ),
        (
            "callout",
            {
                "title": "Dans l'espace public aussi",
                "text": "<p>Depuis avril 2023, l'outrage sexiste aggravé est un délit, puni "
                "d'une amende de 3 750 €. Le site masecurite.fr permet de signaler des faits "
                "et d'échanger avec des policiers et des gendarmes à toute heure.</p>",
            },
        ),
    ],
)

LESSON_STRATEGY = Lesson(
    title="La stratégie de l'agresseur",
    intro="Comprendre comment l'auteur tient sa victime pour ne pas se tromper sur elle.",
    body=[
        (
            "paragraph",
            "<p>Les violences conjugales ne sont pas des « disputes qui dérapent ». L'auteur "
            "suit le plus souvent une <b>stratégie</b>, consciente ou non, qui lui assure le "
            "contrôle de sa partenaire :</p>"
            "<ol><li><b>isoler</b> la victime de sa famille, de ses amies, de son travail ;</li>"
            "<li><b>la dévaloriser</b> jusqu'à ce qu'elle doute d'elle-même ;</li>"
            "<li><b>inverser la culpabilité</b> : « c'est toi qui me pousses à bout » ;</li>"
            "<li><b>installer la peur</b> par les menaces, les colères, les coups ;</li>"
            "<li><b>assurer son impunité</b> en se montrant charmant à l'extérieur et en "
            "recrutant des alliés, parfois jusque dans les services qui reçoivent la victime.</li>"
            "</ol>",
        ),
        ("heading", {"text": "Le cycle de la violence", "level": "h2"}),
        (
            "paragraph",
            "<p>Les violences suivent souvent un cycle qui s'accélère avec le temps : un "
            "<b>climat de tension</b>, l'<b>agression</b>, la <b>justification</b> par l'auteur "
            "qui minimise ou rejette la faute, puis une <b>« lune de miel »</b> où il promet de "
            "changer. Cette dernière phase entretient l'espoir et rend le départ plus "
            "difficile.</p>"
            "<p>Ce mécanisme d'<b>emprise</b> explique qu'en moyenne, une femme victime de "
            "violences au sein du couple fasse 7 allers-retours avant de quitter définitivement "
            "son conjoint. Le contrôle au quotidien (menaces voilées, isolement, restrictions, "
            "surveillance) est aujourd'hui désigné sous le nom de <b>contrôle coercitif</b>.</p>",
        ),
        (
            "callout",
            {
                "title": "Ce que cela change à l'accueil",
                "text": "<p>Une victime qui revient sur ses déclarations, qui retourne auprès "
                "de l'auteur ou qui le défend ne ment pas : elle subit les effets de l'emprise. "
                "Chaque contact où elle est crue et informée affaiblit la stratégie de "
                "l'auteur.</p>",
            },
        ),
    ],
)

LESSON_FIGURES = Lesson(
    title="Les chiffres du territoire et l'accueil des victimes",
    intro="Ce que les chiffres du Nord et du Pas-de-Calais disent de votre activité.",
    body=[
        ("heading", {"text": "Dans le Nord", "level": "h2"}),
        (
            "paragraph",
            "<p>Le Nord compte parmi les départements les plus touchés, avec 13,2 victimes de "
            "violences conjugales pour 1 000 habitantes de 15 à 64 ans. Du 1er janvier au 30 "
            "septembre 2023, les forces de l'ordre y ont identifié 8 594 victimes, 10 % de plus "
            "qu'un an plus tôt, en zone police comme en zone gendarmerie. Les coups et blessures "
            "ont augmenté de 9 %, les menaces et chantages de 8 % et les violences sexuelles "
            "de 6 %.</p>"
            "<p>En 2022, le 3919 a reçu 2 342 appels venant du Nord ; 168 téléphones grave "
            "danger y fonctionnaient au 31 août 2023.</p>",
        ),
        ("heading", {"text": "Dans le Pas-de-Calais", "level": "h2"}),
        (
            "paragraph",
            "<p>En 2018, plus de 8 400 faits de violences envers les femmes ont été enregistrés "
            "par la police et la gendarmerie. Sur 3 369 victimes de violences conjugales, 2 728 "
            "étaient des femmes, soit 81 % : plus de 7 femmes chaque jour.</p>",
        ),
        ("heading", {"text": "Au niveau national", "level": "h2"}),
        (
            "paragraph",
            "<p>Depuis le Grenelle de 2019, la formation initiale et continue des policiers et "
            "des gendarmes à l'accueil des victimes est systématique : près de 155 000 ont été "
            "formés en cinq ans. Fin 2024, 481 intervenants sociaux étaient en poste dans les "
            "commissariats et les gendarmeries, et plus de 4 200 ordonnances de protection ont "
            "été prononcées dans l'année.</p>",
        ),
        ("heading", {"text": "Recevoir la plainte", "level": "h2"}),
        (
            "paragraph",
            "<p>Le dépôt de plainte est souvent l'aboutissement d'un long cheminement. Quelques "
            "repères :</p>"
            "<ul><li>la plainte ne peut pas être refusée, et ne se remplace pas par une main "
            "courante ;</li>"
            "<li>recevoir la victime dans un lieu calme, sans l'auteur ni ses proches ;</li>"
            "<li>nommer les faits : « ce que vous décrivez est une violence, et c'est "
            "interdit » ;</li>"
            "<li>évaluer le danger (menaces de mort, strangulation, arme, séparation récente, "
            "enfants exposés) et le signaler au parquet ;</li>"
            "<li>proposer l'intervenant·e social·e (ISCG) pour la suite : hébergement, droits, "
            "accompagnement.</li></ul>",
        ),
        ("h5p", {"activity": ACTIVITY_COMPLAINT.title, "instructions": "Vrai ou faux ?"}),
    ],
)

LESSON_RESOURCES = Lesson(
    title="Ressources et numéros d'aide",
    intro="Les numéros à donner et les relais à connaître sur le territoire.",
    body=[
        ("heading", {"text": "Les numéros à connaître", "level": "h2"}),
        ("help_numbers", {"title": "Numéros d'aide"}),
        ("heading", {"text": "Les relais dans le Nord", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>19 intervenants sociaux en commissariat et gendarmerie (ISCG)</b> : ils "
            "reçoivent les victimes sur place et font le lien avec les services sociaux, "
            "pendant que policiers et gendarmes mènent la procédure ;</li>"
            "<li><b>11 accueils de jour et lieux d'écoute</b>, <b>2 centres d'information sur les "
            "droits des femmes et des familles (CIDFF)</b> pour l'information juridique "
            "gratuite, <b>4 associations d'aide aux victimes</b> du réseau France Victimes ;</li>"
            "<li><b>260 places d'hébergement d'urgence</b> réservées aux victimes et à leurs "
            "enfants, accessibles par le 115 ;</li>"
            "<li><b>5 unités médico-judiciaires</b> pour les constatations médicales ;</li>"
            "<li>le van « En voiture Nina &amp; Simon.e.s », qui se rend dans les communes "
            "rurales et les quartiers prioritaires.</li></ul>",
        ),
        (
            "paragraph",
            "<p>Partout en France : l'application App-Elles pour alerter des proches, le site "
            "arretonslesviolences.gouv.fr pour les victimes, les témoins et les "
            "professionnel·les, et masecurite.fr pour signaler des faits hors urgence.</p>",
        ),
    ],
)

QUESTIONS = [
    true_false(
        "Une victime qui ne présente aucune blessure visible ne subit pas de violences conjugales.",
        "Faux : les violences psychologiques, économiques ou administratives sont des "
        "violences, et le harcèlement moral au sein du couple est un délit.",
        answer=False,
        tags="formes",
    ),
    multiple(
        "Parmi ces comportements, lesquels relèvent de la stratégie de l'agresseur ?",
        "L'agresseur isole, dévalorise, inverse la culpabilité, installe la peur et organise "
        "son impunité. Exprimer un désaccord n'est pas une violence.",
        ("Isoler sa compagne de sa famille et de ses amies", True),
        ("Lui répéter que tout est de sa faute", True),
        ("Se montrer charmant auprès des voisins et des collègues de sa compagne", True),
        ("Exprimer un désaccord lors d'une discussion", False),
        tags="strategie",
    ),
    ordering(
        "Remettez dans l'ordre les phases du cycle de la violence conjugale.",
        "Tension, agression, justification puis « lune de miel » : le cycle recommence et "
        "s'accélère, et la lune de miel entretient l'espoir de la victime.",
        "Climat de tension",
        "Agression",
        "Justification",
        "Lune de miel",
        tags="strategie",
    ),
    matching(
        "Associez chaque fait à la forme de violence qu'il illustre.",
        "Garder les papiers relève des violences administratives, confisquer le salaire des "
        "violences économiques, lire les messages en cachette des violences en ligne, "
        "rabaisser devant les enfants des violences psychologiques.",
        ("Il garde son passeport et sa carte vitale", "Violence administrative"),
        ("Il confisque son salaire", "Violence économique"),
        ("Il lit ses messages et la géolocalise à son insu", "Violence en ligne"),
        ("Il l'humilie devant les enfants", "Violence psychologique"),
        tags="formes",
    ),
    single(
        "Quelle part des victimes de violences conjugales sont des femmes, selon les services "
        "de sécurité ?",
        "Les femmes représentent 87 % des victimes de violences conjugales enregistrées.",
        ("Environ la moitié", False),
        ("87 %", True),
        ("97 %", False),
        tags="chiffres",
    ),
    single(
        "En moyenne, combien d'allers-retours une victime fait-elle avant de quitter "
        "définitivement un conjoint violent ?",
        "En moyenne 7 : l'emprise, la peur et le manque de ressources expliquent ces retours, "
        "qui ne disent rien de la gravité des faits.",
        ("1", False),
        ("3", False),
        ("7", True),
        tags="strategie",
    ),
    true_false(
        "Une main courante peut être proposée à la place d'une plainte quand la victime hésite.",
        "Faux : la plainte ne peut pas être refusée. La main courante ne déclenche pas "
        "d'enquête ; on informe la victime et on respecte sa décision.",
        answer=False,
        tags="accueil",
    ),
    single(
        "Quel numéro national, gratuit et anonyme, écoute et oriente les femmes victimes de "
        "violences jour et nuit ?",
        "Le 3919 est ouvert 24 h/24 et 7 j/7 ; le 115 sert à l'hébergement d'urgence et le "
        "119 aux enfants en danger.",
        ("Le 3919", True),
        ("Le 115", False),
        ("Le 119", False),
        tags="orientation",
    ),
    single(
        "Quel est le rôle de l'intervenant·e social·e en commissariat ou gendarmerie (ISCG) ?",
        "L'ISCG prend en charge la dimension sociale (droits, hébergement, orientation) ; "
        "les policiers et les gendarmes se concentrent sur la procédure judiciaire.",
        ("Recevoir la plainte à la place des enquêteurs", False),
        ("Évaluer les besoins sociaux de la victime et l'orienter vers les partenaires", True),
        ("Décider des suites judiciaires", False),
        tags="orientation",
    ),
    true_false(
        "Les remarques sexistes « ordinaires » sont sans lien avec les violences graves.",
        "Faux : le sexisme toléré banalise le contrôle et le mépris des femmes ; il est le "
        "premier maillon du continuum qui peut aller jusqu'au féminicide.",
        answer=False,
        tags="continuum",
    ),
    situation(
        "Un dépôt de plainte",
        "<p>Une femme se présente à l'accueil. Elle explique que son conjoint contrôle son "
        "téléphone et ses dépenses et qu'il l'a menacée hier soir de « lui faire payer » si "
        "elle partait. Elle hésite : « Je ne sais pas si c'est assez grave pour porter "
        "plainte. »</p>",
        "Écouter sans juger, nommer les faits, évaluer le danger et recevoir la plainte : "
        "chaque contact où la victime est crue affaiblit l'emprise.",
        single(
            "Que faites-vous d'abord ?",
            "Écouter sans juger et nommer les faits comme des violences aide la victime à "
            "poursuivre sa démarche.",
            ("Je l'écoute et je lui dis que ce qu'elle décrit est une violence", True),
            ("Je lui demande pourquoi elle n'est pas partie plus tôt", False),
            ("Je lui conseille d'en parler d'abord avec son conjoint", False),
        ),
        multiple(
            "Quels éléments de son récit sont des signes de danger à signaler au parquet ?",
            "Les menaces liées à la séparation et le contrôle permanent sont des facteurs de "
            "danger reconnus ; l'hésitation de la victime n'en est pas un.",
            ("Les menaces si elle part", True),
            ("Le contrôle de son téléphone et de ses dépenses", True),
            ("Son hésitation à porter plainte", False),
        ),
        tags="accueil",
    ),
]

FIGURES = (
    Figure("87 %", NORD_2023),
    Figure("91 %", NORD_2023),
    Figure("92 %", NORD_2023),
    Figure("97 %", NORD_2023),
    Figure("81%", NORD_2023),
    Figure("8 femmes sur 10", NORD_2023),
    Figure("3 750", NORD_2023),
    Figure("13,2", NORD_2023),
    Figure("1 000 habitantes de 15 à 64 ans", NORD_2023),
    Figure("8 594", NORD_2023),
    Figure("10 %", NORD_2023),
    Figure("9 %", NORD_2023),
    Figure("8 %", NORD_2023),
    Figure("6 %", NORD_2023),
    Figure("2 342", NORD_2023),
    Figure("168", NORD_2023),
    Figure("19 intervenants sociaux", NORD_2023),
    Figure("11 accueils de jour", NORD_2023),
    Figure("2 Centres", NORD_2023),
    Figure("4 associations d'aide aux", NORD_2023),
    Figure("260 places", NORD_2023),
    Figure("5 unités", NORD_2023),
    Figure("8 400", PAS_DE_CALAIS_PLAN),
    Figure("3 369", PAS_DE_CALAIS_PLAN),
    Figure("2 728", PAS_DE_CALAIS_PLAN),
    Figure("81 %", PAS_DE_CALAIS_PLAN),
    Figure("7 femmes", PAS_DE_CALAIS_PLAN),
    Figure("7 allers-retours", NATIONAL),
    Figure("155 000", NATIONAL),
    Figure("481", NATIONAL),
    Figure("4 200", NATIONAL),
)

MODULE = Module(
    slug=SLUG,
    title="Le continuum des violences faites aux femmes",
    summary=(
        "Du sexisme ordinaire au féminicide : reconnaître toutes les formes de violences, "
        "comprendre la stratégie de l'agresseur et connaître les chiffres du territoire pour "
        "mieux recevoir la parole des victimes."
    ),
    objectives_html=(
        "<ul><li>Situer une situation sur le continuum des violences</li>"
        "<li>Reconnaître les six formes de violences au sein du couple</li>"
        "<li>Identifier la stratégie de l'agresseur et les effets de l'emprise</li>"
        "<li>Recevoir une plainte et orienter vers les bons relais</li></ul>"
    ),
    kind=Kind.SENSIBILISATION,
    audiences=tuple(Profession.values),
    mandatory_for=(Profession.POLICE, Profession.GENDARMERIE),
    topics=(
        ("continuum", "Continuum des violences"),
        ("strategie-agresseur", "Stratégie de l'agresseur"),
    ),
    content_warning=(
        "Ce module évoque des violences conjugales, sexuelles et des féminicides, avec des "
        "exemples de situations vécues."
    ),
    activities=(ACTIVITY_NO_BLOWS, ACTIVITY_COMPLAINT),
    lessons=(LESSON_CONTINUUM, LESSON_FORMS, LESSON_STRATEGY, LESSON_FIGURES, LESSON_RESOURCES),
    quiz_title="Évaluation finale — le continuum des violences",
    quiz_intro="Onze questions pour vérifier ce que vous retenez du module.",
    questions=QUESTIONS,
    figures=FIGURES,
)
