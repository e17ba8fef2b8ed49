"""Module 2 — Psychotraumatisme : comprendre pour mieux accueillir."""

from accounts.constants import Profession
from courses.constants import Kind
from demo.loaders.quizzes import matching, multiple, ordering, single, situation, true_false

from . import (
    NATIONAL,
    NORD_VIF,
    PAS_DE_CALAIS_PLAN,
    Activity,
    Figure,
    Lesson,
    Module,
)

SLUG = "psychotraumatisme-accueil"

ACTIVITY_FREEZE = Activity(
    title="Vrai ou faux : la victime qui ne s'est pas débattue",
    statement_html=(
        "<p>Si une victime ne s'est pas débattue et n'a pas crié, c'est qu'elle était d'accord.</p>"
    ),
    correct=False,
    feedback_html=(
        "<p>Faux. Face à un danger extrême, beaucoup de victimes sont paralysées : c'est la "
        "sidération, une réaction de survie qui ne se commande pas. Elle ne dit rien d'un "
        "consentement.</p>"
    ),
    filename="vrai-faux-sideration.h5p",
)

ACTIVITY_ACCOUNT = Activity(
    title="Vrai ou faux : le récit décousu",
    statement_html=(
        "<p>Un récit sans chronologie claire, avec des trous et des détails très précis, "
        "est un signe que la victime invente.</p>"
    ),
    correct=False,
    feedback_html=(
        "<p>Faux. Un souvenir traumatique est souvent morcelé : des détails sensoriels très "
        "nets, des moments absents, un ordre incertain. C'est l'effet attendu du trauma sur la "
        "mémoire, pas un indice de mensonge.</p>"
    ),
    filename="vrai-faux-recit.h5p",
)

LESSON_DEFINITION = Lesson(
    title="Qu'est-ce que le psychotraumatisme ?",
    intro="Un ensemble de troubles durables, fréquents chez les victimes de violences.",
    body=[
        ("heading", {"text": "Une définition", "level": "h2"}),
        (
            "paragraph",
            "<p>Le <b>psychotraumatisme</b> désigne les troubles psychiques qui suivent un ou "
            "plusieurs événements ayant menacé la vie ou l'intégrité physique ou psychique "
            "d'une personne, et qui l'ont plongée dans une peur intense, un sentiment "
            "d'impuissance ou d'horreur. Les violences sexuelles, les violences conjugales "
            "répétées et la prostitution y exposent particulièrement.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "Revivre",
                        "body": "<p>Souvenirs qui s'imposent, cauchemars, impression de "
                        "revivre la scène : c'est la mémoire traumatique.</p>",
                    },
                    {
                        "title": "Éviter",
                        "body": "<p>Fuir les lieux, les personnes, les conversations qui "
                        "rappellent les faits ; ne plus ressentir grand-chose.</p>",
                    },
                    {
                        "title": "Être en alerte",
                        "body": "<p>Hypervigilance, sursauts, insomnie, irritabilité, "
                        "difficultés à se concentrer.</p>",
                    },
                ]
            },
        ),
        (
            "paragraph",
            "<p>Ces symptômes causent une grande souffrance. Sans soins, ils peuvent mener à "
            "une dépression, à des conduites addictives (alcool, médicaments, drogues), parfois "
            "à des idées suicidaires. Ils se soignent : repérer le psychotraumatisme, c'est "
            "ouvrir la porte à une prise en charge spécialisée.</p>",
        ),
    ],
)

LESSON_MECHANISMS = Lesson(
    title="Sidération, dissociation, mémoire traumatique",
    intro="Trois mécanismes de survie qui expliquent des réactions souvent mal comprises.",
    body=[
        (
            "paragraph",
            "<p>Face à un danger, le cerveau déclenche une alarme qui prépare le corps à fuir "
            "ou à se défendre. Quand la menace est extrême et qu'aucune issue n'existe, "
            "surtout si l'agresseur est un proche, d'autres réactions prennent le relais. "
            "Elles ne se choisissent pas.</p>",
        ),
        ("heading", {"text": "La sidération", "level": "h2"}),
        (
            "paragraph",
            "<p>La victime est comme figée : elle ne peut ni crier, ni bouger, ni penser. "
            "Cette paralysie est une réaction de survie fréquente lors des violences sexuelles. "
            "Elle explique qu'une victime « n'ait rien fait » ; elle ne signifie jamais qu'elle "
            "était d'accord.</p>",
        ),
        ("heading", {"text": "La dissociation", "level": "h2"}),
        (
            "paragraph",
            "<p>Pour supporter l'insupportable, l'esprit se met à distance : la victime se "
            "sent spectatrice de la scène, comme anesthésiée, et ressent moins la douleur et "
            "les émotions. Cet état peut durer après les faits, tant que la victime reste "
            "exposée à l'agresseur. Elle peut alors raconter des faits graves d'une voix calme, "
            "sans larmes : ce détachement est un effet du trauma, pas un signe "
            "d'indifférence.</p>",
        ),
        ("heading", {"text": "La mémoire traumatique", "level": "h2"}),
        (
            "paragraph",
            "<p>Les souvenirs de l'événement ne sont pas rangés comme des souvenirs ordinaires. "
            "Ils restent bruts, en fragments (une odeur, un bruit, une phrase) et peuvent "
            "ressurgir à l'identique au moindre rappel, avec la même terreur, comme si les "
            "violences recommençaient. Pour s'en protéger, beaucoup de victimes évitent tout "
            "ce qui les leur rappelle, y compris d'en parler.</p>",
        ),
        ("h5p", {"activity": ACTIVITY_FREEZE.title, "instructions": "Vrai ou faux ?"}),
    ],
)

LESSON_CONSEQUENCES = Lesson(
    title="Les conséquences pour les victimes et pour les enfants",
    intro="Santé, vie sociale, parentalité : des effets qui s'étendent bien au-delà des faits.",
    body=[
        (
            "paragraph",
            "<p>Le psychotraumatisme pèse sur la santé physique (douleurs, troubles du sommeil, "
            "maladies chroniques), sur la vie professionnelle et sociale, et sur la capacité à "
            "engager des démarches. Une victime peut minimiser les faits ou les nier : c'est "
            "une défense psychique, qui rend d'autant plus utile l'évaluation du danger par "
            "les professionnel·les. Au cours de son parcours, une victime de violences "
            "conjugales peut rencontrer près de 20 professionnel·les : chaque répétition de "
            "son récit la confronte de nouveau aux faits.</p>",
        ),
        ("heading", {"text": "Les enfants sont des victimes", "level": "h2"}),
        (
            "paragraph",
            "<p>Un enfant exposé aux violences conjugales n'en est pas un simple témoin : il "
            "en est victime. Peur, troubles du sommeil et de l'attention, sentiment de "
            "culpabilité, conflit de loyauté envers ses parents, reproduction des violences "
            "plus tard : les effets sur son développement sont réels. Dans les familles "
            "marquées par les violences intrafamiliales, le risque de violences sexuelles sur "
            "les enfants est 6,5 fois plus élevé.</p>"
            "<p>La loi en tient compte : depuis la loi du 3 août 2018, la présence d'un mineur "
            "aggrave les violences commises au sein du couple, et la loi du 18 mars 2024 "
            "permet de suspendre ou de retirer l'autorité parentale du parent violent.</p>",
        ),
        (
            "callout",
            {
                "title": "Des victimes plus exposées",
                "text": "<p>80 % des femmes en situation de handicap subiront des violences "
                "au cours de leur vie. Leur accueil demande d'adapter l'entretien (lieu "
                "accessible, interprète en langue des signes, temps supplémentaire).</p>",
            },
        ),
    ],
)

LESSON_COMPLAINT = Lesson(
    title="Un récit qui semble incohérent : recevoir la parole et la plainte",
    intro="Adapter l'entretien aux effets du trauma, sans renoncer à la rigueur de la procédure.",
    body=[
        (
            "paragraph",
            "<p>Une victime traumatisée peut :</p>"
            "<ul><li>se tromper dans l'ordre des événements ou les dates ;</li>"
            "<li>se souvenir de détails sensoriels précis mais pas de l'essentiel ;</li>"
            "<li>parler sans émotion apparente, ou rire de façon décalée ;</li>"
            "<li>compléter son récit plus tard, au fil des auditions ;</li>"
            "<li>revenir sur ses déclarations sous la pression de l'auteur.</li></ul>"
            "<p>Aucun de ces signes ne prouve un mensonge. Ils sont les effets attendus de la "
            "sidération, de la dissociation et de la mémoire traumatique.</p>",
        ),
        ("h5p", {"activity": ACTIVITY_ACCOUNT.title, "instructions": "Vrai ou faux ?"}),
        ("heading", {"text": "Pendant l'audition", "level": "h2"}),
        (
            "paragraph",
            "<ol><li>Recevoir la victime seule, dans un lieu calme, et lui expliquer la "
            "procédure et la suite.</li>"
            "<li>La laisser d'abord raconter librement, avec des questions ouvertes, avant de "
            "préciser la chronologie.</li>"
            "<li>Noter ses mots à elle, y compris ses hésitations.</li>"
            "<li>Proposer des pauses ; ne pas interpréter un silence ou un calme apparent.</li>"
            "<li>Éviter de lui faire répéter son récit : une audition complète vaut mieux que "
            "plusieurs partielles.</li>"
            "<li>Orienter vers une unité médico-judiciaire et vers un soutien psychologique "
            "spécialisé.</li></ol>",
        ),
        (
            "callout",
            {
                "title": "Porter plainte à l'hôpital",
                "text": "<p>La plainte peut aussi être recueillie dans 542 établissements de "
                "santé, dont 61 permettent de recueillir les preuves sans plainte, pour une "
                "victime qui n'est pas prête.</p>",
            },
        ),
    ],
)

LESSON_RESOURCES = Lesson(
    title="Ressources en psychotraumatisme",
    intro="Les structures spécialisées de la région et les numéros à donner.",
    body=[
        ("heading", {"text": "Les structures spécialisées", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>Le centre régional du psychotraumatisme des Hauts-de-France</b>, porté "
            "par le CHRU de Lille, organise le maillage de la région et la consultation "
            "spécialisée. Il fait partie des 15 centres régionaux du pays.</li>"
            "<li><b>Le centre national de ressources et de résilience (CNRR)</b>, inauguré au "
            "CHRU de Lille le 22 février 2019 et co-piloté avec l'AP-HP, développe la recherche "
            "et la formation sur le psychotraumatisme.</li>"
            "<li><b>Les centres médico-psychologiques (CMP)</b> proposent des consultations "
            "gratuites, utiles pour un suivi au long cours.</li>"
            "<li><b>Les associations d'aide aux victimes</b> tiennent des permanences "
            "psychologiques spécialisées : près de 550 heures par mois dans le "
            "Pas-de-Calais.</li>"
            "<li><b>Les 100 maisons des femmes</b>, ouvertes dans 81 départements, réunissent "
            "soins, soutien psychologique et accompagnement social.</li></ul>",
        ),
        ("help_numbers", {"title": "Numéros d'aide"}),
    ],
)

QUESTIONS = [
    true_false(
        "Une victime qui ne s'est pas débattue pendant une agression sexuelle était consentante.",
        "Faux : la sidération paralyse la victime ; c'est une réaction de survie, jamais un "
        "consentement.",
        answer=False,
        tags="mecanismes",
    ),
    matching(
        "Associez chaque mécanisme à sa description.",
        "Sidération : paralysie ; dissociation : mise à distance des émotions ; mémoire "
        "traumatique : souvenirs bruts qui ressurgissent à l'identique.",
        ("Sidération", "La victime est figée, incapable de crier ou de bouger"),
        ("Dissociation", "La victime se sent spectatrice, comme anesthésiée"),
        (
            "Mémoire traumatique",
            "Un rappel fait revivre les faits avec la même terreur",
        ),
        tags="mecanismes",
    ),
    multiple(
        "Lesquels de ces signes sont compatibles avec un psychotraumatisme ?",
        "Cauchemars, évitement et hypervigilance sont les signes classiques ; ils ne sont "
        "pas toujours visibles, d'où l'intérêt de poser la question.",
        ("Cauchemars et souvenirs qui s'imposent", True),
        ("Évitement des lieux qui rappellent les faits", True),
        ("Hypervigilance et sursauts", True),
        ("Un récit parfaitement chronologique et détaillé", False),
        tags="definition",
    ),
    true_false(
        "Une victime qui raconte des faits graves d'une voix calme, sans pleurer, est "
        "probablement peu affectée.",
        "Faux : la dissociation anesthésie les émotions ; le calme apparent peut au contraire "
        "signaler un trauma important.",
        answer=False,
        tags="recit",
    ),
    single(
        "Un récit avec des trous, un ordre incertain et des détails sensoriels très précis :",
        "Le souvenir traumatique est morcelé ; ces caractéristiques sont attendues et ne "
        "disent rien de la sincérité.",
        ("est un indice de mensonge", False),
        ("est compatible avec une mémoire traumatique", True),
        ("doit conduire à refuser la plainte", False),
        tags="recit",
    ),
    ordering(
        "Dans quel ordre conduire l'audition d'une victime traumatisée ?",
        "On explique d'abord la procédure, on laisse le récit libre, puis on précise la "
        "chronologie avant d'orienter vers les soins.",
        "Expliquer la procédure et la suite",
        "Laisser la victime raconter librement",
        "Préciser la chronologie par des questions",
        "Orienter vers l'unité médico-judiciaire et un soutien psychologique",
        tags="accueil",
    ),
    single(
        "Un enfant exposé aux violences conjugales entre ses parents est :",
        "L'enfant exposé est une victime : les violences affectent son développement, et la "
        "présence d'un mineur aggrave la peine de l'auteur.",
        ("un simple témoin", False),
        ("une victime à part entière", True),
        ("protégé s'il n'a pas vu les coups", False),
        tags="enfants",
    ),
    single(
        "Dans les familles marquées par les violences intrafamiliales, le risque de violences "
        "sexuelles sur les enfants est :",
        "Il est 6,5 fois plus élevé : repérer les violences conjugales, c'est aussi protéger "
        "les enfants.",
        ("identique", False),
        ("2 fois plus élevé", False),
        ("6,5 fois plus élevé", True),
        tags="enfants",
    ),
    single(
        "Quelle structure organise la prise en charge du psychotraumatisme dans les "
        "Hauts-de-France ?",
        "Le centre régional du psychotraumatisme, porté par le CHRU de Lille, organise le "
        "maillage régional et la consultation spécialisée.",
        ("Le centre régional du psychotraumatisme porté par le CHRU de Lille", True),
        ("Le 115", False),
        ("La caisse d'allocations familiales", False),
        tags="ressources",
    ),
    true_false(
        "Faire répéter son récit plusieurs fois à une victime aide à vérifier sa sincérité "
        "sans lui nuire.",
        "Faux : chaque répétition confronte la victime aux faits et peut réactiver la mémoire "
        "traumatique ; mieux vaut une audition complète, bien préparée.",
        answer=False,
        tags="accueil",
    ),
    situation(
        "Une audition difficile",
        "<p>Une jeune femme dépose plainte pour un viol commis par son ancien compagnon. Elle "
        "parle d'une voix monocorde, se trompe de jour, puis se souvient précisément de "
        "l'odeur de la pièce. Elle s'interrompt : « Je ne sais plus, tout est flou. »</p>",
        "Le calme, les trous et les détails sensoriels sont des effets du trauma : on adapte "
        "l'entretien, on ne conclut pas au mensonge.",
        single(
            "Comment interprétez-vous son attitude ?",
            "Ton monocorde, erreurs de dates et détails sensoriels sont compatibles avec une "
            "dissociation et une mémoire traumatique.",
            ("Elle invente, puisque son récit varie", False),
            ("Ce sont des effets possibles du trauma, pas des indices de mensonge", True),
            ("Elle n'est pas affectée, puisqu'elle ne pleure pas", False),
        ),
        multiple(
            "Que faites-vous ?",
            "Une pause, des questions ouvertes et une orientation vers les soins aident la "
            "victime ; la confronter à ses contradictions la fragilise.",
            ("Je propose une pause et je reprends avec des questions ouvertes", True),
            ("Je note ses mots, y compris ses hésitations", True),
            ("Je lui fais remarquer ses contradictions pour la pousser à préciser", False),
            ("Je l'oriente vers une unité médico-judiciaire et un soutien spécialisé", True),
        ),
        tags="accueil",
    ),
]

FIGURES = (
    Figure("près de 20", PAS_DE_CALAIS_PLAN),
    Figure("6,5 fois", NORD_VIF),
    Figure("80%", NORD_VIF),
    Figure("542", NATIONAL),
    Figure("61", NATIONAL),
    Figure("15 centres régionaux", NATIONAL),
    Figure("22 février 2019", PAS_DE_CALAIS_PLAN),
    Figure("550 heures", PAS_DE_CALAIS_PLAN),
    Figure("100 maisons des femmes", NATIONAL),
    Figure("81 départements", NATIONAL),
)

MODULE = Module(
    slug=SLUG,
    title="Psychotraumatisme : comprendre pour mieux accueillir",
    summary=(
        "Sidération, dissociation, mémoire traumatique : comprendre les réactions des "
        "victimes et de leurs enfants, pourquoi un récit peut sembler incohérent, et comment "
        "recevoir une plainte en tenant compte du trauma."
    ),
    objectives_html=(
        "<ul><li>Expliquer simplement la sidération, la dissociation et la mémoire "
        "traumatique</li>"
        "<li>Reconnaître les conséquences des violences sur les victimes et les enfants</li>"
        "<li>Conduire un entretien ou une audition adaptés au trauma</li>"
        "<li>Orienter vers les ressources régionales en psychotraumatisme</li></ul>"
    ),
    kind=Kind.FORMATION,
    audiences=(
        Profession.POLICE,
        Profession.GENDARMERIE,
        Profession.MEDECIN,
        Profession.SAGE_FEMME,
        Profession.INFIRMIER,
        Profession.TRAVAILLEUR_SOCIAL,
    ),
    mandatory_for=(),
    topics=(("psychotraumatisme", "Psychotraumatisme"),),
    content_warning=(
        "Ce module décrit les réactions des victimes pendant et après des violences, "
        "notamment sexuelles, et leurs effets sur les enfants."
    ),
    activities=(ACTIVITY_FREEZE, ACTIVITY_ACCOUNT),
    lessons=(
        LESSON_DEFINITION,
        LESSON_MECHANISMS,
        LESSON_CONSEQUENCES,
        LESSON_COMPLAINT,
        LESSON_RESOURCES,
    ),
    quiz_title="Évaluation finale — psychotraumatisme",
    quiz_intro="Onze questions pour vérifier ce que vous retenez du module.",
    questions=QUESTIONS,
    figures=FIGURES,
)
