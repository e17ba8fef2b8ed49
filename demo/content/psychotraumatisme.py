"""Module 2 — Psychotraumatisme : comprendre pour mieux accueillir.

Six lessons: what psychotrauma is, the three survival mechanisms, the consequences for
victims and children, the account that seems incoherent, the hearing that takes trauma
into account (branching scenario) and where to orient. Every number of a lesson is in
one of its sources' facts (demo/tests/test_content.py).
"""

from accounts.constants import Profession
from courses.constants import Kind
from courses.h5p import contents as h5p
from demo.loaders.quizzes import matching, multiple, ordering, single, situation, true_false

from . import (
    NATIONAL,
    NORD_2023,
    NORD_VIF,
    PAS_DE_CALAIS_PLAN,
    PROSTITUTION_GUIDE,
    Figure,
    H5PActivity,
    Lesson,
    Module,
    Source,
)

SLUG = "psychotraumatisme-accueil"

CODE_PP = "Code de procédure pénale"


def _p(*paragraphs: str) -> tuple[str, str]:
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


def _h2(text: str) -> tuple[str, dict]:
    return ("heading", {"text": text, "level": "h2"})


def _h3(text: str) -> tuple[str, dict]:
    return ("heading", {"text": text, "level": "h3"})


def _list(*items: str, ordered: bool = False) -> tuple[str, str]:
    tag = "ol" if ordered else "ul"
    return ("paragraph", f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>")


def _callout(title: str, *paragraphs: str) -> tuple[str, dict]:
    return ("callout", {"title": title, "text": "".join(f"<p>{p}</p>" for p in paragraphs)})


def _accordion(*items: tuple[str, str]) -> tuple[str, dict]:
    return (
        "accordion",
        {"items": [{"title": title, "body": f"<p>{body}</p>"} for title, body in items]},
    )


def _h5p(activity, instructions: str) -> tuple[str, dict]:
    return (
        "h5p",
        {"activity": activity.title, "instructions": instructions, "requirement": "module"},
    )


# Sources used by several lessons ------------------------------------------------------

GUIDE_DEFINITION = Source(
    fact=(
        "Le psychotraumatisme est l'ensemble des troubles psychiques qui suivent un ou "
        "plusieurs événements ayant menacé l'intégrité physique ou psychique d'une personne "
        "et provoqué une peur intense, un sentiment d'impuissance ou d'horreur ; les victimes "
        "de violences sexuelles et de prostitution y sont très exposées ; reviviscences, "
        "évitement, hyperactivité ; risque de dépression, d'addictions, d'idées suicidaires."
    ),
    reference=(
        "Direction régionale aux droits des femmes et à l'égalité d'Île-de-France, guide "
        "pour les professionnel·les sur la prostitution et le parcours de sortie"
    ),
    location="Accès aux soins, encadré « Le psychotraumatisme »",
    seed=PROSTITUTION_GUIDE,
)

PDC_TOPICS = Source(
    fact=(
        "Le plan cadre 2019-2022 prévoit de former les professionnel·les aux conséquences des "
        "violences sur les victimes et leurs enfants, dont le psychotrauma (fiche action 1.2)."
    ),
    reference=(
        "Préfecture du Pas-de-Calais, plan cadre de lutte contre les violences faites aux "
        "femmes 2019-2022"
    ),
    location="Axe 1, fiche action 1.2",
    seed=PAS_DE_CALAIS_PLAN,
)

PDC_TWENTY = Source(
    fact=(
        "Une victime de violences conjugales peut rencontrer près de 20 professionnel·les "
        "dans son parcours de sortie des violences ; il faut lui éviter de répéter "
        "douloureusement les faits (fiche action 4.9)."
    ),
    reference=(
        "Préfecture du Pas-de-Calais, plan cadre de lutte contre les violences faites aux "
        "femmes 2019-2022"
    ),
    location="Axe 4, fiche action 4.9",
    seed=PAS_DE_CALAIS_PLAN,
)


# Lesson 1 — what psychotrauma is -------------------------------------------------------

ACTIVITY_SYMPTOMS = H5PActivity(
    title="Glisser les mots : les signes du psychotraumatisme",
    kind="dragtext",
    content=h5p.drag_text(
        "<p>Faites glisser chaque mot à sa place dans les phrases.</p>",
        "Les souvenirs qui s'imposent et les cauchemars relèvent de la *reviviscence*.\n"
        "Ne plus prendre le bus où l'agression a eu lieu relève de l'*évitement*.\n"
        "Sursauter au moindre bruit et ne plus dormir relèvent de l'*hypervigilance*.\n"
        "Se sentir détachée de soi, comme engourdie, peut traduire une *dissociation*.\n"
        "Boire pour ne plus penser aux faits peut être une conduite *addictive*.\n"
        "Ces troubles se *soignent* : repérer, c'est ouvrir l'accès aux soins.",
        distractors=["simulation", "caprice"],
    ),
    filename="glisser-signes-psychotraumatisme.h5p",
)

LESSON_DEFINITION = Lesson(
    title="Qu'est-ce que le psychotraumatisme ?",
    intro=(
        "Des troubles durables, fréquents après des violences, que l'on peut repérer et "
        "qui se soignent : ce que tout·e professionnel·le de première ligne doit savoir."
    ),
    body=[
        _h2("Pourquoi ce module vous concerne"),
        _p(
            "Policier·e, gendarme, médecin, sage-femme, infirmier·e ou travailleur·se "
            "social·e : vous êtes souvent la première personne à qui une victime parle. Ce "
            "qu'elle vit dans ce premier échange compte. Une victime qui se sent crue et "
            "comprise revient, complète son récit, accepte une orientation. Une victime "
            "qui se sent jugée se tait, parfois pour des années.",
            "Or beaucoup de réactions des victimes déroutent : elle ne s'est pas défendue, "
            "elle raconte sans émotion, elle se trompe dans les dates, elle est retournée "
            "chez l'auteur. Ces réactions ne sont ni des caprices ni des signes de "
            "mensonge. Elles s'expliquent le plus souvent par le psychotraumatisme. Le "
            "plan cadre 2019-2022 du Pas-de-Calais l'a d'ailleurs inscrit parmi les sujets "
            "de formation des professionnel·les (fiche action 1.2), aux côtés du continuum "
            "des violences et de la stratégie de l'agresseur.",
        ),
        _h2("Une définition"),
        _p(
            "Le <b>psychotraumatisme</b> désigne l'ensemble des troubles psychiques qui "
            "suivent un ou plusieurs événements ayant menacé l'intégrité physique ou "
            "psychique d'une personne, et qui l'ont plongée dans une peur intense, un "
            "sentiment d'impuissance ou d'horreur. L'événement n'est pas forcément unique : "
            "des violences répétées pendant des mois ou des années, comme dans les "
            "violences conjugales, l'inceste ou la prostitution, exposent à des formes plus "
            "lourdes et plus durables.",
            "Tout le monde ne développe pas un psychotraumatisme après un événement grave. "
            "Le risque augmente quand les violences sont intentionnelles, répétées, "
            "commises par un proche, et quand l'entourage n'a pas cru la victime.",
        ),
        _h2("Trois familles de signes"),
        _p(
            "Les troubles se regroupent autour de trois grandes familles. Elles coexistent "
            "souvent chez la même personne, à des degrés variables, et peuvent apparaître "
            "tout de suite ou bien plus tard, parfois à l'occasion d'un nouvel événement "
            "(une séparation, une convocation, une naissance)."
        ),
        _accordion(
            (
                "Revivre : la reviviscence",
                "Souvenirs qui s'imposent sans qu'on les appelle, images qui surgissent, "
                "cauchemars, impression de revivre la scène avec la même terreur. C'est la "
                "manifestation de la mémoire traumatique, détaillée dans la leçon suivante.",
            ),
            (
                "Éviter : l'évitement",
                "Fuir les lieux, les personnes, les odeurs, les conversations qui rappellent "
                "les faits ; ne plus prendre un trajet, ne plus ouvrir son courrier, ne pas "
                "venir à un rendez-vous. Éviter, c'est aussi se couper de ses émotions : la "
                "personne dit ne plus rien ressentir.",
            ),
            (
                "Être en alerte : l'hypervigilance",
                "Sursauts, insomnie, irritabilité, difficultés de concentration, besoin de "
                "tout contrôler, de s'asseoir dos au mur, de surveiller la porte. Le corps "
                "reste en état d'alarme alors que le danger est passé, ou qu'il est toujours "
                "là.",
            ),
        ),
        _p(
            "À ces trois familles s'ajoutent souvent des pensées négatives durables sur "
            "soi et sur le monde : honte, culpabilité (« c'est de ma faute »), sentiment "
            "d'être salie ou différente, perte de confiance dans les autres. Ces pensées "
            "sont souvent entretenues par l'auteur lui-même, qui reproche à la victime les "
            "violences qu'il commet."
        ),
        _h3("Quand les violences durent"),
        _p(
            "Après des violences répétées et prolongées, dont il était difficile ou "
            "impossible de s'échapper, les troubles prennent souvent une forme plus "
            "complexe. S'y ajoutent des difficultés à réguler ses émotions (colères "
            "soudaines, effondrements), une image de soi très dégradée et des relations "
            "marquées par la méfiance ou, au contraire, par une dépendance aux autres. Les "
            "soignant·es parlent de psychotraumatisme complexe. Il se rencontre chez des "
            "victimes de violences conjugales installées depuis des années, d'inceste, de "
            "traite ou de prostitution, et il explique que la sortie des violences prenne du "
            "temps.",
        ),
        _h2("Ce que cela entraîne sans soins"),
        _p(
            "Ces symptômes causent une grande souffrance. Sans prise en charge, ils peuvent "
            "conduire à une dépression, à des conduites addictives (alcool, médicaments, "
            "drogues) qui servent d'anesthésiant, à des troubles alimentaires, à des "
            "douleurs chroniques sans cause retrouvée, parfois à des idées suicidaires. Ils "
            "pèsent sur le travail, les relations, la parentalité.",
        ),
        _h3("Des situations que vous connaissez"),
        _list(
            "Une femme vient déclarer la perte de ses papiers. Elle sursaute quand la porte "
            "s'ouvre, regarde sans cesse son téléphone et répond à peine. Son compagnon "
            "l'attend dehors.",
            "Un homme consulte pour la troisième fois en un mois pour des douleurs au "
            "ventre. Les examens sont normaux. Il dort mal et boit davantage depuis "
            "« une histoire » qu'il ne veut pas raconter.",
            "Une adolescente est amenée pour une ivresse. Elle est agressive, se moque de "
            "tout, puis dit d'un coup : « De toute façon ça ne sert à rien, personne ne "
            "m'a crue la dernière fois. »",
        ),
        _p(
            "Dans chacune de ces situations, le motif affiché n'est pas tout. Une question "
            "posée calmement, au bon moment et sans témoin, peut ouvrir la parole."
        ),
        _callout(
            "À retenir",
            "Le psychotraumatisme n'est pas une faiblesse de caractère : c'est une "
            "blessure, avec des signes reconnaissables. Il se soigne, d'autant mieux que la "
            "prise en charge est précoce. Le repérer, c'est permettre l'accès à des soins "
            "spécialisés.",
        ),
        _h2("Ce que l'on attend de vous"),
        _p(
            "Vous n'avez pas à poser un diagnostic : c'est le travail des soignant·es "
            "formé·es. On attend de vous trois choses simples. D'abord, <b>reconnaître</b> "
            "que des réactions déroutantes peuvent être des effets du trauma, et ne pas en "
            "tirer de conclusion sur la sincérité de la personne. Ensuite, <b>adapter</b> "
            "votre façon d'accueillir, d'entendre ou d'examiner, pour ne pas aggraver la "
            "blessure. Enfin, <b>orienter</b> vers les soins et l'accompagnement "
            "spécialisés, en expliquant pourquoi.",
            "Pour un·e soignant·e, cela passe par une question posée simplement, même sans "
            "signe évident : « Avez-vous déjà subi des violences ? ». Pour un·e enquêteur·rice, "
            "par une audition conduite de façon à recueillir le récit le plus complet "
            "possible sans obliger la victime à le revivre inutilement. Les leçons suivantes "
            "vous donnent les outils de chacune de ces étapes.",
        ),
        _h5p(
            ACTIVITY_SYMPTOMS,
            "Replacez les mots : chaque phrase décrit un signe ou un effet du "
            "psychotraumatisme. Deux mots ne servent pas.",
        ),
    ],
    sources=(GUIDE_DEFINITION, PDC_TOPICS),
)


# Lesson 2 — the three mechanisms ----------------------------------------------------------

ACTIVITY_MECHANISMS = H5PActivity(
    title="Quel mécanisme ? Cinq situations",
    kind="singlechoiceset",
    content=h5p.single_choice_set(
        [
            (
                "Agressée dans un parking, elle dit : « Je voulais crier, aucun son ne "
                "sortait, mes jambes ne bougeaient plus. »",
                ["La sidération", "La dissociation", "L'évitement"],
            ),
            (
                "Il raconte d'une voix égale des violences très graves ; il dit qu'il avait "
                "l'impression de regarder la scène d'en haut.",
                ["La dissociation", "L'indifférence", "La sidération"],
            ),
            (
                "En entendant une porte claquer dans le couloir du commissariat, elle se "
                "met à trembler et à pleurer comme si l'agresseur était là.",
                ["La mémoire traumatique", "L'hypervigilance seule", "Une simulation"],
            ),
            (
                "Elle ne se rappelle pas le jour des faits mais décrit exactement l'odeur du "
                "tabac et le motif du papier peint.",
                [
                    "Un souvenir traumatique, fragmenté et sensoriel",
                    "Un récit inventé",
                    "Une amnésie sans lien avec les faits",
                ],
            ),
            (
                "Depuis l'agression, il ne passe plus jamais par la rue où elle a eu lieu et "
                "change de trottoir quand il croise un homme qui ressemble à l'auteur.",
                ["L'évitement", "La dissociation", "La sidération"],
            ),
        ]
    ),
    filename="choix-mecanismes.h5p",
)

LESSON_MECHANISMS = Lesson(
    title="Sidération, dissociation, mémoire traumatique",
    intro=(
        "Trois mécanismes de survie qui expliquent des réactions souvent mal comprises, "
        "pendant les violences et longtemps après."
    ),
    body=[
        _h2("Un cerveau en mode survie"),
        _p(
            "Face à un danger, le cerveau déclenche une alarme : le cœur s'accélère, les "
            "muscles se tendent, le corps se prépare à fuir ou à se défendre. Ce sont les "
            "réactions que l'on attend spontanément d'une victime, et c'est pourquoi on "
            "s'étonne quand elle « n'a rien fait ».",
            "Mais quand la menace est extrême, quand aucune fuite n'est possible, quand "
            "l'agresseur est plus fort ou qu'il s'agit d'un proche dont on dépend, d'autres "
            "réactions prennent le relais. Elles sont automatiques : la victime ne les "
            "choisit pas, ne les contrôle pas, et s'en veut souvent ensuite. Les "
            "explications qui suivent sont simplifiées.",
        ),
        _h2("La sidération : figée face au danger"),
        _p(
            "La victime est comme pétrifiée : elle ne peut ni crier, ni bouger, ni penser. "
            "Certaines décrivent une voix qui ne sort plus, un corps « en pierre », un temps "
            "suspendu. Cette paralysie est une réaction de survie ancienne, que l'on "
            "observe aussi chez l'animal face au prédateur. Elle est fréquente lors des "
            "violences sexuelles.",
            "La sidération explique qu'une victime ne se soit pas débattue, n'ait pas appelé "
            "à l'aide, ait parfois « obéi » aux ordres de l'agresseur. Elle ne signifie "
            "jamais qu'elle était d'accord. L'auteur, lui, sait souvent l'utiliser : "
            "surprise, isolement, menace, effet de sidération recherché.",
        ),
        _callout(
            "À ne pas dire",
            "« Pourquoi vous ne vous êtes pas défendue ? », « Vous auriez pu crier, "
            "non ? ». Ces questions font porter à la victime la responsabilité de sa "
            "paralysie. Préférez : « Qu'est-ce qui s'est passé pour vous à ce "
            "moment-là ? » ou « Qu'avez-vous ressenti ? ».",
        ),
        _h2("La dissociation : se mettre à distance"),
        _p(
            "Pour supporter l'insupportable, l'esprit se déconnecte en partie : la victime "
            "se sent spectatrice de la scène, comme anesthésiée, hors de son corps. Elle "
            "ressent moins la douleur et la peur. Ce mécanisme protège sur le moment, mais "
            "il a un prix : la personne peut garder peu de souvenirs organisés de ce qu'elle "
            "a vécu.",
            "La dissociation peut durer bien après les faits, surtout tant que la victime "
            "reste exposée à l'auteur ou aux violences. Elle peut alors parler de faits "
            "graves d'une voix calme, sans larmes, avec un détachement qui surprend. Elle "
            "peut aussi « décrocher » pendant un entretien : regard fixe, réponses lentes, "
            "impression qu'elle n'entend plus. Ce calme apparent est un effet du trauma, pas "
            "un signe d'indifférence ni de mensonge.",
        ),
        _h2("La mémoire traumatique : un passé qui ne passe pas"),
        _p(
            "Les souvenirs d'un événement traumatique ne sont pas rangés comme les souvenirs "
            "ordinaires, avec une date, un ordre et un récit. Ils restent bruts, en "
            "fragments très sensoriels : une odeur, un bruit, une phrase, la couleur d'un "
            "vêtement. Certains moments sont d'une précision extrême, d'autres manquent "
            "complètement.",
            "Ces fragments peuvent ressurgir à l'identique au moindre rappel (un parfum, une "
            "intonation, une porte qui claque, un geste d'examen) avec la même terreur, comme "
            "si les violences recommençaient. On parle de reviviscence. Pour s'en protéger, "
            "beaucoup de victimes évitent tout ce qui leur rappelle les faits, y compris d'en "
            "parler. C'est l'une des raisons pour lesquelles une plainte arrive parfois "
            "tard, et pour lesquelles un récit se construit par morceaux, au fil des "
            "entretiens.",
        ),
        _h2("Ce que l'enquête en retient"),
        _p(
            "Ces mécanismes déplacent la question. Se demander pourquoi la victime ne s'est "
            "pas défendue conduit à chercher en elle la cause de ce qu'elle a subi. Se "
            "demander dans quel contexte les faits ont eu lieu conduit à des éléments utiles "
            "à l'enquête : la surprise, la menace, la différence de force ou d'âge, "
            "l'emprise, l'état de la victime, les moyens employés par l'auteur. L'absence de "
            "résistance n'est pas un consentement ; c'est souvent la trace de la peur.",
            "De la même façon, une victime qui a continué à voir l'auteur après les faits, "
            "qui lui a envoyé des messages ordinaires ou qui a tardé à parler n'est pas "
            "moins crédible. L'évitement, la dissociation et la dépendance expliquent ces "
            "comportements, que l'on retrouve chez de très nombreuses victimes.",
        ),
        _h2("Dans votre pratique"),
        _list(
            "<b>Au guichet ou au téléphone</b> : une victime qui parle à voix basse, "
            "hésite, s'excuse, repart sans rien dire est peut-être en train d'éviter. "
            "Proposez un lieu plus calme et du temps.",
            "<b>En consultation</b> : un examen gynécologique, un geste sur le cou ou une "
            "position allongée peuvent déclencher une reviviscence. Annoncez chaque geste, "
            "demandez l'accord, laissez la possibilité d'arrêter.",
            "<b>En audition</b> : un regard fixe, un silence prolongé, une réponse sans "
            "lien avec la question peuvent signaler une dissociation. La leçon sur "
            "l'audition vous donne les gestes pour aider la personne à revenir au présent.",
        ),
        _p(
            "Dans tous les cas, expliquer ces mécanismes à la victime elle-même l'aide "
            "beaucoup : beaucoup se reprochent de ne pas s'être défendues ou d'avoir « tout "
            "oublié ». Entendre d'un·e professionnel·le que ce sont des réactions normales "
            "face à une situation anormale soulage et redonne confiance."
        ),
        _callout(
            "À dire",
            "« Ce que vous décrivez, ne plus pouvoir bouger, c'est une réaction de survie : "
            "le cerveau coupe tout quand le danger est trop grand. Beaucoup de victimes le "
            "vivent. Ce n'est pas de votre faute, et cela ne veut pas dire que vous étiez "
            "d'accord. »",
        ),
        _h5p(
            ACTIVITY_MECHANISMS,
            "Pour chaque situation, choisissez le mécanisme qui l'explique le mieux.",
        ),
    ],
    sources=(GUIDE_DEFINITION,),
)


# Lesson 3 — consequences for victims and children ------------------------------------------

NORD_VIF_FACTS = Source(
    fact=(
        "Le risque de violences sexuelles sur les enfants est 6,5 fois plus élevé dans les "
        "familles où il y a des violences intrafamiliales ; 80 % des femmes en situation de "
        "handicap seront victimes de violences au cours de leur vie."
    ),
    reference=(
        "Département du Nord, feuille de route de lutte contre les violences "
        "intrafamiliales 2023-2026"
    ),
    location="Introduction et partie « Coordonner »",
    seed=NORD_VIF,
)

NORD_VIF_CHILDREN = Source(
    fact=(
        "Le Département prévoit des accompagnements psychologiques adaptés aux enfants et "
        "adolescents victimes (action 56), des dispositifs de prise en charge du "
        "psycho-trauma co-construits avec l'ARS (action 57) et la prise en compte de la "
        "parole des enfants victimes (action 58)."
    ),
    reference=(
        "Département du Nord, feuille de route de lutte contre les violences "
        "intrafamiliales 2023-2026"
    ),
    location="Partie « Agir », actions 56 à 58",
    seed=NORD_VIF,
)

PDC_CHILDREN = Source(
    fact=(
        "Les enfants sont victimes des violences au sein du couple dont ils sont témoins ; "
        "la loi du 3 août 2018 fait de la présence d'un mineur lors des faits une "
        "circonstance aggravante (fiche action 2.14)."
    ),
    reference=(
        "Préfecture du Pas-de-Calais, plan cadre de lutte contre les violences faites aux "
        "femmes 2019-2022"
    ),
    location="Axe 2, fiche action 2.14",
    seed=PAS_DE_CALAIS_PLAN,
)

LAW_2024 = Source(
    fact=(
        "La loi du 18 mars 2024 prévoit le retrait total de l'autorité parentale en cas de "
        "condamnation pour un crime ou une agression sexuelle incestueuse sur l'enfant, ou "
        "pour un crime sur l'autre parent ; la suspension de l'exercice de l'autorité "
        "parentale et des droits de visite et d'hébergement du parent poursuivi ou mis en "
        "examen pour un crime ou une agression sexuelle incestueuse sur son enfant ; la "
        "suspension des droits de visite et d'hébergement d'un parent sous contrôle "
        "judiciaire pour violences intrafamiliales."
    ),
    reference=(
        "Ministère chargé de l'égalité, « Prévenir et lutter contre les violences au sein "
        "du couple » (Plan interministériel 2023-2027, mesures du Grenelle)"
    ),
    location="Partie « Un arsenal législatif nouveau »",
    seed=NATIONAL,
)

ACTIVITY_CHILDREN = H5PActivity(
    title="Série de questions : les enfants et les victimes les plus exposées",
    kind="questionset",
    content=h5p.question_set(
        [
            h5p.nested(
                h5p.MULTI_CHOICE,
                h5p.multi_choice(
                    "<p>Un garçon de huit ans vit avec sa mère, que son père frappe. Quels "
                    "signes peuvent traduire l'effet des violences sur lui ?</p>",
                    [
                        (
                            "Des cauchemars et des difficultés d'endormissement",
                            True,
                            "Oui : les troubles du sommeil sont fréquents.",
                        ),
                        (
                            "Une chute des résultats scolaires et des troubles de l'attention",
                            True,
                            "Oui : la peur permanente empêche de se concentrer.",
                        ),
                        (
                            "Un sentiment de culpabilité ou le besoin de protéger sa mère",
                            True,
                            "Oui : beaucoup d'enfants se sentent responsables.",
                        ),
                        (
                            "Aucun, puisqu'il dort pendant les disputes",
                            False,
                            "Non : un enfant entend, devine et ressent, même sans voir.",
                        ),
                    ],
                ),
            ),
            h5p.nested(
                h5p.TRUE_FALSE,
                h5p.true_false(
                    "<p>Depuis la loi du 18 mars 2024, tout parent auteur de violences "
                    "conjugales perd automatiquement son autorité parentale.</p>",
                    correct=False,
                    feedback_html=(
                        "<p>Faux. La loi vise les crimes commis sur l'enfant ou sur l'autre "
                        "parent et les agressions sexuelles incestueuses : retrait total en "
                        "cas de condamnation, suspension dès les poursuites ou la mise en "
                        "examen. Pour d'autres violences, le juge apprécie au cas par "
                        "cas.</p>"
                    ),
                ),
            ),
            h5p.nested(
                h5p.BLANKS,
                h5p.blanks(
                    "<p>Complétez avec les chiffres de la feuille de route du Département "
                    "du Nord.</p>",
                    [
                        "<p>Dans les familles où il y a des violences intrafamiliales, le "
                        "risque de violences sexuelles sur les enfants est *6,5/6.5* fois "
                        "plus élevé.</p>",
                        "<p>*80* % des femmes en situation de handicap seront victimes de "
                        "violences au cours de leur vie.</p>",
                    ],
                ),
            ),
        ],
        pass_percentage=60,
        key="psychotrauma-enfants",
    ),
    filename="serie-enfants-vulnerabilites.h5p",
)

LESSON_CONSEQUENCES = Lesson(
    title="Les conséquences pour les victimes et pour les enfants",
    intro=(
        "Santé, vie sociale, démarches, parentalité : des effets qui s'étendent bien "
        "au-delà des faits, et des enfants qui sont des victimes à part entière."
    ),
    body=[
        _h2("Une santé atteinte durablement"),
        _p(
            "Le psychotraumatisme ne se limite pas à la souffrance psychique. Il pèse sur "
            "la santé physique : troubles du sommeil, douleurs chroniques, troubles "
            "digestifs, maladies qui s'aggravent faute de suivi. Les conduites "
            "d'anesthésie (alcool, médicaments, drogues) ajoutent leurs propres dégâts. "
            "Pour les soignant·es, des consultations répétées pour des plaintes vagues, des "
            "retards de soins ou un suivi de grossesse tardif doivent faire penser aux "
            "violences.",
        ),
        _h2("Des démarches qui deviennent des épreuves"),
        _p(
            "L'hypervigilance, l'évitement et la fatigue rendent difficile ce qui paraît "
            "simple : ouvrir un courrier, rappeler un service, se rendre à une convocation, "
            "tenir un emploi. Une victime peut manquer des rendez-vous, se montrer "
            "agressive au guichet ou tout abandonner au milieu d'une procédure. Ce n'est pas "
            "de la mauvaise volonté.",
            "Le parcours lui-même peut aggraver la blessure. Le plan cadre du Pas-de-Calais "
            "relève qu'une victime de violences conjugales peut rencontrer près de 20 "
            "professionnel·les dans son parcours de sortie des violences : avocat·e, "
            "travailleur·se social·e, médecin, gendarme ou policier·e, juge, bailleur, "
            "banque… Chacun·e a son vocabulaire et ses procédures. Chaque fois qu'on lui "
            "redemande de tout raconter, elle est à nouveau confrontée aux faits. D'où "
            "l'importance de transmettre ce qui peut l'être, avec son accord, et de ne pas "
            "faire répéter sans nécessité.",
        ),
        _h2("Minimiser, revenir, se rétracter"),
        _p(
            "Une victime peut minimiser les faits, les nier devant l'auteur, retirer sa "
            "plainte ou retourner au domicile. Ces attitudes sont fréquentes. Elles tiennent "
            "à la peur, à l'emprise, à la dépendance matérielle, à la honte, et aussi aux "
            "effets du trauma : l'évitement pousse à ne plus en parler, la dissociation "
            "coupe des émotions qui signaleraient le danger. C'est pourquoi l'évaluation du "
            "danger ne peut pas reposer sur ce que la victime en dit seule : elle revient "
            "aux professionnel·les, à partir des faits.",
        ),
        _h2("Les enfants sont des victimes"),
        _p(
            "Un enfant exposé aux violences conjugales n'en est pas un simple témoin : il en "
            "est victime, même s'il n'a pas vu les coups. Il entend, il devine, il vit dans "
            "la peur. Les effets sur son développement sont réels : troubles du sommeil et "
            "de l'attention, anxiété, agressivité ou repli, retard scolaire, sentiment de "
            "culpabilité, conflit de loyauté entre ses parents, parfois reproduction des "
            "violences plus tard. Un enfant peut lui aussi développer un psychotraumatisme, "
            "qui s'exprime souvent par le comportement plus que par les mots.",
            "Les violences conjugales s'accompagnent souvent d'autres violences. La feuille "
            "de route du Département du Nord rappelle que, dans les familles où il y a des "
            "violences intrafamiliales, le risque de violences sexuelles sur les enfants est "
            "6,5 fois plus élevé. Repérer les violences conjugales, c'est donc aussi poser la "
            "question de la sécurité des enfants.",
        ),
        _h3("Ce que prévoit la loi"),
        _p(
            "La loi du 3 août 2018 fait de la présence d'un mineur lors des faits une "
            "circonstance aggravante des violences commises au sein du couple.",
            "La loi du 18 mars 2024 renforce la protection des enfants dans des cas précis. "
            "Elle prévoit le retrait total de l'autorité parentale lorsque le parent est "
            "condamné pour un crime ou une agression sexuelle incestueuse commis sur son "
            "enfant, ou pour un crime commis sur l'autre parent. Elle suspend de plein droit "
            "l'exercice de l'autorité parentale et les droits de visite et d'hébergement du "
            "parent poursuivi ou mis en examen pour un crime ou une agression sexuelle "
            "incestueuse sur son enfant. Elle permet aussi de suspendre les droits de visite "
            "et d'hébergement d'un parent placé sous contrôle judiciaire pour violences "
            "intrafamiliales.",
            "Elle ne retire donc pas l'autorité parentale à tout parent violent : pour les "
            "autres violences, c'est le juge qui apprécie, au cas par cas. Dites-le avec "
            "exactitude à une victime qui vous interroge, sans promettre une mesure qui "
            "dépend de la juridiction.",
        ),
        _h3("Ce que fait le Département du Nord"),
        _p(
            "La feuille de route du Nord prévoit de financer des accompagnements "
            "psychologiques et socio-éducatifs adaptés aux enfants et adolescents victimes "
            "(action 56), de construire avec l'ARS des dispositifs de prise en charge du "
            "psycho-trauma (action 57) et de mieux prendre en compte la parole des enfants "
            "victimes (action 58)."
        ),
        _callout(
            "À dire à un enfant",
            "Adaptez les mots à son âge et restez simple : « Ce qui se passe à la maison "
            "n'est pas de ta faute. » « Tu as le droit d'avoir peur et d'en parler. » « Des "
            "adultes vont s'occuper de te protéger. » Ne lui demandez pas de choisir entre "
            "ses parents, ne lui faites pas promettre de garder un secret, ne promettez pas "
            "ce que vous ne pouvez pas tenir.",
        ),
        _h2("Des victimes plus exposées"),
        _callout(
            "Femmes en situation de handicap",
            "Selon la feuille de route du Nord, 80 % des femmes en situation de handicap "
            "seront victimes de violences au cours de leur vie. Leur accueil demande "
            "d'adapter l'entretien : lieu accessible, interprète en langue des signes, "
            "temps supplémentaire, communication simplifiée. L'aidant qui accompagne peut "
            "être l'auteur : proposez toujours un temps seule avec la victime.",
        ),
        _p(
            "D'autres victimes cumulent les obstacles : les adolescentes, les personnes "
            "étrangères ou sans papiers, les personnes âgées, les personnes en situation de "
            "prostitution, les victimes LGBT+. Pour elles, un accueil qui tient compte du "
            "trauma compte d'autant plus qu'elles ont souvent déjà rencontré l'incrédulité."
        ),
        _h5p(
            ACTIVITY_CHILDREN,
            "Trois questions pour vérifier ce que vous retenez sur les enfants et les "
            "victimes les plus exposées.",
        ),
    ],
    sources=(PDC_TWENTY, NORD_VIF_FACTS, PDC_CHILDREN, LAW_2024, NORD_VIF_CHILDREN),
)


# Lesson 4 — the account that seems incoherent, and the complaint ---------------------------

ACTIVITY_REPORT_WORDS = H5PActivity(
    title="Repérer les mots qui jugent dans un procès-verbal",
    kind="markthewords",
    content=h5p.mark_the_words(
        "<p>Cet extrait de procès-verbal a été rédigé trop vite. Cliquez sur les mots qui "
        "jugent la victime ou sa crédibilité au lieu de rapporter ce qu'elle dit ou ce "
        "que l'on observe.</p>",
        "<p>La plaignante se présente seule à l'accueil. Elle *prétend* avoir été "
        "agressée par son ancien compagnon dans la nuit de samedi. Son récit est "
        "*incohérent* : elle situe d'abord les faits dans la cuisine, puis dans l'entrée. "
        "Elle décrit avec précision l'odeur de tabac et le bruit de la télévision. Elle "
        "parle d'une voix égale, *étrangement* calme, et ne pleure pas. Elle déclare : "
        "« Je n'arrivais plus à bouger. » Elle ne s'est *pourtant* pas défendue. Elle "
        "indique ne plus se souvenir de la fin de la soirée, ce qui paraît "
        "*invraisemblable*.</p>",
    ),
    filename="marquer-mots-proces-verbal.h5p",
)

CPP_15_3 = Source(
    fact=(
        "Les officiers et agents de police judiciaire sont tenus de recevoir les plaintes "
        "des victimes d'infractions, y compris dans un service ou une unité territorialement "
        "incompétent, et de les transmettre (article 15-3)."
    ),
    reference=f"{CODE_PP}, article 15-3",
)

CPP_VICTIMS = Source(
    fact=(
        "La victime est informée de ses droits par les enquêteur·rices (article 10-2) ; elle "
        "peut, à sa demande, être accompagnée à tous les stades de l'enquête par la personne "
        "majeure de son choix (article 10-4) ; elle fait l'objet d'une évaluation "
        "personnalisée pour déterminer si elle a besoin de mesures spécifiques de protection "
        "(article 10-5)."
    ),
    reference=f"{CODE_PP}, articles 10-2, 10-4 et 10-5",
)

NATIONAL_HOSPITAL = Source(
    fact=(
        "Le dépôt de plainte est possible dans 542 établissements de santé, dont 61 prévoient "
        "le recueil de preuves sans plainte."
    ),
    reference=(
        "Ministère chargé de l'égalité, « Prévenir et lutter contre les violences au sein "
        "du couple » (Plan interministériel 2023-2027, mesures du Grenelle)"
    ),
    location="Partie « Où en sommes-nous aujourd'hui ? »",
    seed=NATIONAL,
)

LESSON_COMPLAINT = Lesson(
    title="Un récit qui semble incohérent : recevoir la parole et la plainte",
    intro=(
        "Pourquoi un récit traumatique est fragmenté, pourquoi ce n'est pas un mensonge, "
        "et ce que cela change pour recevoir la plainte."
    ),
    body=[
        _h2("À quoi ressemble un récit traumatique"),
        _p("Une victime traumatisée peut, sans mentir le moins du monde :"),
        _list(
            "se tromper dans l'ordre des événements, les dates, les heures ;",
            "se souvenir de détails sensoriels très précis mais pas de l'essentiel "
            "(combien de temps, comment elle est rentrée chez elle) ;",
            "parler sans émotion apparente, ou rire de façon décalée ;",
            "avoir des trous de mémoire sur des moments entiers ;",
            "compléter son récit plus tard, au fil des auditions, avec des éléments nouveaux ;",
            "revenir sur ses déclarations sous la pression de l'auteur ou de l'entourage.",
        ),
        _p(
            "Ces caractéristiques découlent directement des mécanismes vus plus haut : la "
            "sidération et la dissociation ont empêché l'enregistrement normal des faits, "
            "la mémoire traumatique les a stockés en fragments. Un récit parfaitement lisse, "
            "chronologique et émouvant n'est pas un gage de vérité ; un récit décousu n'est "
            "pas un signe de mensonge. La crédibilité ne se juge pas à la forme du récit.",
        ),
        _h2("Ce que cela change pour l'enquête"),
        _p(
            "Tenir compte du trauma ne veut pas dire renoncer à la rigueur. L'enquête "
            "recherche des faits et des preuves ; elle gagne à recueillir le récit le plus "
            "complet et le plus fiable possible. Or un récit obtenu sous pression, en "
            "confrontant la victime à ses « contradictions » dès la première audition, est "
            "souvent plus pauvre : la victime se ferme, se dissocie, acquiesce pour que "
            "cela s'arrête, ou retire sa plainte.",
            "Les variations d'un récit se traitent autrement. On les note fidèlement, sans "
            "les commenter. On cherche des repères qui permettent de situer les faits "
            "(un repas, une émission, un appel, un trajet). On recoupe avec les éléments "
            "extérieurs : certificats médicaux, messages, témoins, constatations. Ce sont "
            "eux, plus que la forme du récit, qui étayent le dossier.",
        ),
        _h2("Recevoir la plainte : ce que dit la loi"),
        _p(
            "Les officiers et agents de police judiciaire sont tenus de recevoir la plainte "
            "d'une victime, y compris quand le service n'est pas territorialement compétent : "
            "ils la transmettent ensuite au service compétent (article 15-3 du Code de "
            "procédure pénale). Renvoyer une victime traumatisée vers un autre commissariat "
            "ou une autre brigade, ou lui proposer une simple main courante quand elle veut "
            "porter plainte, c'est prendre le risque qu'elle ne revienne jamais.",
            "La victime est informée de ses droits par les enquêteur·rices (article 10-2). "
            "Elle peut, à sa demande, être accompagnée à tous les stades de l'enquête par "
            "la personne majeure de son choix (article 10-4), sauf décision contraire "
            "motivée. Elle fait l'objet d'une évaluation personnalisée, qui détermine si "
            "elle a besoin de mesures de protection particulières pendant la procédure "
            "(article 10-5). Un psychotraumatisme visible fait partie de ce que cette "
            "évaluation doit relever.",
        ),
        _accordion(
            (
                "À dire",
                "« Vous avez bien fait de venir. » « Prenez le temps qu'il vous faut. » "
                "« Il est normal de ne pas se souvenir de tout, dites-moi ce dont vous vous "
                "souvenez. » « Si un détail vous revient plus tard, vous pourrez le "
                "compléter. »",
            ),
            (
                "À ne pas dire",
                "« Vous êtes sûre ? Tout à l'heure vous disiez autre chose. » « Pourquoi "
                "vous n'êtes pas partie ? » « Vous n'avez pas l'air si choquée. » « Revenez "
                "quand vous aurez les idées claires. »",
            ),
            (
                "À écrire dans le procès-verbal",
                "Les mots de la victime, entre guillemets, y compris ses hésitations et ses "
                "« je ne sais plus ». Ce que l'on observe (« elle s'interrompt, regarde "
                "fixement la fenêtre »), jamais ce que l'on en pense (« étrangement calme », "
                "« récit incohérent »).",
            ),
        ),
        _h5p(
            ACTIVITY_REPORT_WORDS,
            "Relisez l'extrait et cliquez sur les mots qui n'ont pas leur place dans un "
            "procès-verbal.",
        ),
        _h2("Une plainte tardive n'est pas suspecte"),
        _p(
            "Beaucoup de victimes déposent plainte longtemps après les faits : des semaines, "
            "des mois, parfois des années. L'évitement les a tenues éloignées de tout ce "
            "qui rappelait les violences ; la honte, la peur de l'auteur, la dépendance ou "
            "un premier accueil décevant ont fait le reste. Un élément déclencheur (une "
            "séparation, la naissance d'un enfant, une nouvelle agression, un article de "
            "presse) les conduit un jour à parler. Le délai ne dit rien de la réalité des "
            "faits ; il fait partie de l'histoire à recueillir.",
        ),
        _h3("Ce que peuvent apporter les soignant·es"),
        _p(
            "Le certificat médical décrit aussi l'état psychique de la victime : ce qu'elle "
            "dit ressentir, ce que le ou la médecin observe (anxiété, pleurs, sidération, "
            "troubles du sommeil rapportés), sans se prononcer sur la réalité des faits. "
            "Ce retentissement psychologique compte dans l'appréciation des violences. Un "
            "suivi par un·e psychologue ou un·e psychiatre pourra plus tard en témoigner. "
            "Pour les enquêteur·rices, ces éléments étayent le dossier bien mieux que "
            "l'attitude de la victime pendant l'audition.",
        ),
        _h2("Porter plainte ailleurs qu'au commissariat"),
        _callout(
            "Porter plainte à l'hôpital",
            "Selon le ministère chargé de l'égalité, la plainte peut être recueillie dans "
            "542 établissements de santé, dont 61 permettent de recueillir les preuves "
            "sans plainte, pour une victime qui n'est pas prête à engager une procédure. "
            "Pour une victime en état de choc, c'est souvent là que tout commence.",
        ),
        _p(
            "Pour les soignant·es, cela signifie qu'un examen bien conduit et bien consigné "
            "peut servir plus tard à la procédure, même si la victime ne porte pas plainte "
            "tout de suite. Pour les enquêteur·rices, que la plainte peut se préparer avec "
            "l'équipe soignante, dans un lieu où la victime se sent en sécurité. Dans les "
            "deux cas, le récit n'a pas à être entièrement reconstruit ce jour-là : mieux "
            "vaut une première trace fidèle qu'une chronologie forcée.",
        ),
    ],
    sources=(CPP_15_3, CPP_VICTIMS, NATIONAL_HOSPITAL),
)


NATIONAL_3919 = Source(
    fact=(
        "Le 3919 est accessible 24h/24, 7j/7 ; depuis 2021, il est accessible aux personnes "
        "sourdes, malentendantes, aphasiques et allophones."
    ),
    reference=(
        "Ministère chargé de l'égalité, « Prévenir et lutter contre les violences au sein "
        "du couple » (Plan interministériel 2023-2027, mesures du Grenelle)"
    ),
    location="Partie « Où en sommes-nous aujourd'hui ? »",
    seed=NATIONAL,
)


# Lesson 5 — the hearing that takes trauma into account (branching scenario) ---------------

_SCENARIO_SCREENS = [
    # 0
    h5p.scenario_text(
        "Mardi, dix heures",
        "<p>Vous êtes enquêteur·rice. Mme Lenoir vient déposer plainte : deux jours plus "
        "tôt, son ancien compagnon est entré chez elle et l'a violée. Dans un bureau fermé, "
        "vous lui expliquez le déroulement de l'audition.</p>"
        "<p>Elle commence : « Il a sonné, j'ai ouvert parce que… » Puis elle s'arrête, le "
        "regard fixé sur le mur. Elle ne répond plus. Une minute passe.</p>",
        next_id=1,
    ),
    # 1
    h5p.scenario_choice(
        "Premier choix",
        "<p>Mme Lenoir ne répond plus, le regard fixe. Que faites-vous ?</p>",
        [
            (
                "Je l'appelle doucement par son nom, je l'aide à revenir au présent (le "
                "lieu, le jour, un verre d'eau) et je propose une pause",
                2,
            ),
            ("Je répète la question plus fermement : il faut avancer", 4),
            ("J'attends en silence, puis je reprends le procès-verbal où nous en étions", 6),
        ],
    ),
    # 2
    h5p.scenario_text(
        "Elle revient",
        "<p>Mme Lenoir boit un peu d'eau : « Pardon, je ne sais pas ce qui m'arrive. » Vous "
        "lui dites que c'est une réaction fréquente après des violences.</p>"
        "<p>Elle reprend : « Je ne sais plus l'ordre. Je me souviens de l'odeur de sa veste, "
        "de la radio… Après, c'est noir. J'ai dit le soir, mais c'était peut-être "
        "l'après-midi. »</p>",
        next_id=3,
    ),
    # 3
    h5p.scenario_choice(
        "Deuxième choix",
        "<p>Le récit est fragmenté, l'heure des faits varie. Comment poursuivez-vous ?</p>",
        [
            (
                "Je note ses mots, puis je cherche avec elle des repères (la radio, un "
                "repas, un appel) pour situer les faits",
                7,
            ),
            ("Je lui fais remarquer ses contradictions pour qu'elle se décide", 8),
            ("Je mets fin à l'audition : elle reviendra quand ses idées seront claires", 9),
        ],
    ),
    # 4
    h5p.scenario_text(
        "Elle se ferme",
        "<p>Mme Lenoir se recroqueville : « Laissez tomber. Personne ne va me croire. » "
        "Elle prend son sac.</p>",
        next_id=5,
    ),
    # 5
    h5p.scenario_choice(
        "Rattraper la situation",
        "<p>Elle veut partir. Que faites-vous ?</p>",
        [
            (
                "Je reconnais être allé·e trop vite, je propose une pause et je rappelle "
                "qu'elle peut être accompagnée de la personne de son choix",
                10,
            ),
            ("Je la laisse partir : si elle ne veut pas parler, je n'y peux rien", 9),
        ],
    ),
    # 6 — partly right
    h5p.scenario_text(
        "Un procès-verbal mince",
        "<p>Mme Lenoir reprend mécaniquement et répond par oui ou par non. Le procès-verbal "
        "est court ; elle repart sans savoir vers qui se tourner.</p>",
        end_title="Fin partiellement satisfaisante",
        end_subtitle=(
            "Attendre sans brusquer était respectueux, mais elle était dissociée : sans "
            "l'aider à revenir au présent, vous avez recueilli un récit pauvre, et "
            "l'orientation vers les soins manque."
        ),
        score=5,
    ),
    # 7 — good
    h5p.scenario_text(
        "Un récit qui se construit",
        "<p>En partant de la radio, elle se souvient du journal de dix-huit heures : les "
        "faits se situent en fin d'après-midi. Vous lui dites qu'elle pourra compléter, "
        "vous lui remettez par écrit les coordonnées utiles et vous signalez sa "
        "vulnérabilité dans l'évaluation personnalisée.</p>",
        end_title="Bonne fin : une audition qui tient compte du trauma",
        end_subtitle=(
            "Vous l'avez aidée à sortir de la dissociation, accepté un récit fragmenté, "
            "cherché des repères plutôt que des contradictions et orienté vers les soins. "
            "Le récit est plus complet et mieux daté."
        ),
        score=10,
    ),
    # 8 — harmful
    h5p.scenario_text(
        "« Écrivez ce que vous voulez »",
        "<p>Mme Lenoir se fige, puis acquiesce à tout. Le procès-verbal mentionne des "
        "« déclarations contradictoires ». Le lendemain, elle renonce.</p>",
        end_title="Fin néfaste",
        end_subtitle=(
            "La mise en doute réactive la peur : la victime se ferme ou acquiesce pour que "
            "cela cesse. Une variation d'heure se traite par des repères et des recoupements."
        ),
        score=0,
    ),
    # 9 — harmful
    h5p.scenario_text(
        "Elle ne reviendra pas",
        "<p>Mme Lenoir repart sans plainte, sans rendez-vous, sans coordonnées. Elle ne "
        "revient pas.</p>",
        end_title="Fin néfaste",
        end_subtitle=(
            "Vous êtes tenu·e de recevoir la plainte (article 15-3 du Code de procédure "
            "pénale). Renvoyer une victime traumatisée, c'est souvent la perdre : "
            "l'évitement l'éloigne de tout ce qui rappelle les faits."
        ),
        score=0,
    ),
    # 10 — partly right
    h5p.scenario_text(
        "Une reprise fragile",
        "<p>Après une pause, elle accepte de revenir le lendemain avec une amie. Elle reste "
        "méfiante ; certains moments ne seront jamais racontés.</p>",
        end_title="Fin partiellement satisfaisante",
        end_subtitle=(
            "Reconnaître votre erreur a sauvé la plainte, mais presser une victime dissociée "
            "l'a refermée : aidez-la d'abord à revenir au présent."
        ),
        score=5,
    ),
]

ACTIVITY_HEARING = H5PActivity(
    title="Scénario : l'audition qui se fige",
    kind="branchingscenario",
    content=h5p.branching_scenario(
        title="Scénario : l'audition qui se fige",
        subtitle_html=(
            "<p>Une victime se fige au milieu de son audition, puis raconte par fragments. "
            "À vous de décider.</p>"
        ),
        screens=_SCENARIO_SCREENS,
        key="psychotrauma-audition",
    ),
    filename="scenario-audition-qui-se-fige.h5p",
)

CPP_MINORS = Source(
    fact=(
        "L'audition d'un·e mineur·e victime de l'une des infractions de l'article 706-47 "
        "fait l'objet d'un enregistrement audiovisuel (article 706-52) ; le ou la mineur·e "
        "peut être accompagné·e pendant ses auditions par un·e psychologue, un·e médecin, "
        "un membre de sa famille ou un administrateur ad hoc (article 706-53)."
    ),
    reference=f"{CODE_PP}, articles 706-52 et 706-53",
)

PDC_MELANIE = Source(
    fact=(
        "Le plan cadre 2019-2022 prévoit de développer les auditions de type « Mélanie » et de "
        "mettre un administrateur ad hoc à disposition des forces de l'ordre 24h/24 (fiche "
        "action 2.14)."
    ),
    reference=(
        "Préfecture du Pas-de-Calais, plan cadre de lutte contre les violences faites aux "
        "femmes 2019-2022"
    ),
    location="Axe 2, fiche action 2.14, perspectives",
    seed=PAS_DE_CALAIS_PLAN,
)

LESSON_HEARING = Lesson(
    title="Conduire une audition qui tient compte du trauma",
    intro=("Une méthode pour recueillir un récit complet sans aggraver la blessure."),
    body=[
        _h2("Préparer l'audition"),
        _p(
            "Une audition qui tient compte du trauma se prépare. Le lieu d'abord : un "
            "bureau fermé, au calme, où l'on ne sera pas interrompu. Le temps ensuite : "
            "une telle audition ne se conduit pas entre deux interventions. Les personnes "
            "enfin : la victime est reçue seule, sans l'auteur "
            "ni un proche qui pourrait l'influencer. Elle peut, si elle le souhaite, être "
            "accompagnée de la personne majeure de son choix (article 10-4 du Code de "
            "procédure pénale) ; cet accompagnement se décide avec elle, pas à sa place.",
            "Si elle a besoin d'un·e interprète, faites appel à un·e professionnel·le, "
            "jamais à un membre de la famille ni à un enfant. Si l'intervenant·e social·e "
            "du commissariat ou de la brigade est présent·e, proposez-lui de rencontrer la "
            "victime avant ou après l'audition.",
        ),
        _h2("Ouvrir : expliquer et rassurer"),
        _p(
            "Les premières minutes fixent le climat. Présentez-vous, dites combien de temps "
            "cela peut prendre, expliquez le déroulement (récit libre, puis questions, puis "
            "relecture du procès-verbal) et la suite de la procédure. Dites explicitement "
            "qu'elle peut demander une pause, qu'il est normal de ne pas se souvenir de "
            "tout, et qu'elle pourra compléter plus tard. Une victime qui a moins peur se "
            "souvient mieux.",
        ),
        _h2("Écouter : le récit libre d'abord"),
        _p(
            "Commencez par une invitation large : « Racontez-moi ce qui s'est passé, en "
            "commençant où vous voulez. » Laissez parler sans interrompre, même si l'ordre "
            "n'est pas chronologique. Les silences font partie du récit : ne les comblez pas "
            "trop vite. Notez les mots exacts de la victime. Ce premier récit, même "
            "désordonné, est souvent le plus riche, parce qu'il suit la mémoire de la "
            "victime plutôt que les cases de la procédure.",
        ),
        _h2("Questionner : ouvert avant fermé"),
        _p(
            "Précisez ensuite avec des questions ouvertes (« Que s'est-il passé ensuite ? », "
            "« Que voyiez-vous ? », « Qu'entendiez-vous ? »), puis seulement avec des "
            "questions fermées pour les points indispensables. Évitez les questions qui "
            "suggèrent la réponse (« Il vous a frappée avec la main, c'est ça ? ») et celles "
            "qui commencent par « pourquoi », qui sonnent comme un reproche. Pour situer les "
            "faits dans le temps, cherchez des repères dans la vie de la victime (un repas, "
            "une émission, un appel, l'école des enfants) plutôt que d'exiger une heure.",
            "Les détails sensoriels (odeurs, bruits) ne sont pas anecdotiques : la mémoire "
            "traumatique les conserve, et ils peuvent être vérifiés.",
        ),
        _h2("Quand la victime se fige ou se dissocie"),
        _p(
            "Regard fixe, silence prolongé, réponses sans lien avec la question, voix qui "
            "change : la victime peut décrocher en pleine audition, submergée par un "
            "souvenir. Insister ne sert à rien, et peut aggraver. Aidez-la à revenir au "
            "présent :"
        ),
        _list(
            "appelez-la calmement par son nom et dites-lui où elle est et quel jour on est ;",
            "proposez-lui de poser les pieds à plat au sol, de sentir le dossier de la "
            "chaise, de respirer lentement ;",
            "offrez un verre d'eau, proposez de se lever, d'ouvrir la fenêtre ;",
            "proposez une pause, puis reprenez par une question simple et neutre ;",
            "expliquez-lui ensuite ce qui s'est passé : une réaction fréquente après des "
            "violences, pas une faiblesse.",
            ordered=True,
        ),
        _p(
            "Notez ces moments dans le procès-verbal de façon factuelle (« l'audition est "
            "suspendue dix minutes à la demande de la victime »). Ils ne fragilisent pas la "
            "procédure ; ils l'éclairent."
        ),
        _h5p(
            ACTIVITY_HEARING,
            "Vivez une audition du point de vue de l'enquêteur·rice. Chaque choix mène à une "
            "suite différente ; la fin vous explique ce qui a aidé ou nui.",
        ),
        _h2("Conclure et orienter"),
        _p(
            "Relisez le procès-verbal avec la victime, en lui laissant le temps de corriger. "
            "Rappelez qu'elle pourra compléter sa déposition. Dites-lui ce qui va se passer "
            "maintenant : examen à l'unité médico-judiciaire, mesures de protection "
            "possibles. Remettez par écrit les coordonnées utiles (association "
            "d'aide aux victimes, consultation spécialisée en psychotraumatisme, 3919), car "
            "une personne sous le choc retient mal ce qu'on lui dit. Signalez dans "
            "l'évaluation personnalisée ce que vous avez observé.",
        ),
        _h3("Avant une confrontation"),
        _p(
            "Face à l'auteur présumé, une victime traumatisée peut revivre les faits ou se "
            "figer. Une confrontation se prépare : expliquez-en le but, rappelez qu'elle "
            "peut être accompagnée (article 10-4), prévoyez des pauses. Se figer devant "
            "l'auteur n'ôte rien à sa crédibilité.",
        ),
        _h2("Les enfants : un cadre particulier"),
        _p(
            "L'audition d'un·e mineur·e victime de violences sexuelles est enregistrée en "
            "vidéo (article 706-52 du Code de procédure pénale) : l'enregistrement évite à "
            "l'enfant de répéter son récit. Pendant ses auditions, il ou elle peut être "
            "accompagné·e par un·e psychologue, un·e médecin, un membre de sa famille ou un "
            "administrateur ad hoc (article 706-53). Ces auditions se déroulent de "
            "préférence dans des salles adaptées, dites salles « Mélanie », avec des "
            "enquêteur·rices formé·es. Le plan cadre 2019-2022 du Pas-de-Calais "
            "prévoyait de les développer et de mettre un administrateur ad hoc à "
            "disposition des forces de l'ordre 24h/24 (fiche action 2.14).",
        ),
        _callout(
            "À retenir",
            "Un lieu calme, des explications, le récit libre d'abord, des questions "
            "ouvertes, des repères plutôt que des reproches, des pauses, les mots de la "
            "victime dans le procès-verbal, une orientation écrite : c'est une audition "
            "plus humaine, et un dossier plus solide.",
        ),
    ],
    sources=(CPP_VICTIMS, CPP_MINORS, PDC_MELANIE, NATIONAL_3919),
)


# Lesson 6 — orienting to care ------------------------------------------------------------------

ACTIVITY_ORIENTING = H5PActivity(
    title="Résumé : orienter une victime vers les soins",
    kind="summary",
    content=h5p.summary(
        "<p>Une victime ne dort plus depuis l'agression et revoit la scène sans cesse. "
        "Choisissez l'affirmation juste à chaque étape.</p>",
        [
            [
                "J'explique que ces troubles sont fréquents après des violences et se soignent.",
                "Je lui dis que cela passera tout seul.",
                "Je lui conseille de ne plus y penser.",
            ],
            [
                "Je propose une consultation spécialisée, avec son accord.",
                "Je prends rendez-vous à sa place sans lui en parler.",
                "J'attends qu'elle me demande une adresse.",
            ],
            [
                "Je remets les coordonnées par écrit.",
                "Je donne un numéro oralement, elle le retiendra.",
                "Je lui dis de chercher sur internet.",
            ],
            [
                "Avec son accord, j'appelle la structure pour préparer son arrivée.",
                "Une fois l'adresse donnée, mon rôle est terminé.",
                "Je transmets son dossier à la structure sans la prévenir.",
            ],
        ],
    ),
    filename="resume-orienter-vers-les-soins.h5p",
)

NATIONAL_CARE = Source(
    fact=(
        "Les 15 centres régionaux de prise en charge du psycho-traumatisme ; les 100 maisons "
        "des femmes/santé, ouvertes dans 81 départements ; d'ici 2027, une maison des "
        "femmes/santé dans chaque département."
    ),
    reference=(
        "Ministère chargé de l'égalité, « Prévenir et lutter contre les violences au sein "
        "du couple » (Plan interministériel 2023-2027, mesures du Grenelle)"
    ),
    location="Partie « Améliorer la réponse sanitaire apportée aux femmes victimes de violences »",
    seed=NATIONAL,
)

PDC_CARE = Source(
    fact=(
        "Fiche action 2.13 (état des lieux du plan cadre 2019-2022) : le centre national de "
        "ressources et de résilience (CNRR), co-piloté par le CHU de Lille et l'AP-HP, a été "
        "inauguré au CHRU de Lille le 22 février 2019 ; le centre régional du "
        "psychotraumatisme des Hauts-de-France est porté par le CHRU de Lille ; les centres "
        "médico-psychologiques consultent gratuitement ; les associations tiennent "
        "mensuellement près de 550 heures de permanences psychologiques spécialisées."
    ),
    reference=(
        "Préfecture du Pas-de-Calais, plan cadre de lutte contre les violences faites aux "
        "femmes 2019-2022"
    ),
    location="Axe 2, fiche action 2.13",
    seed=PAS_DE_CALAIS_PLAN,
)

CN2R = Source(
    fact=(
        "Le Centre national de ressources et de résilience, qui se nomme CN2R, informe le "
        "public et les professionnel·les sur les psychotraumatismes, élabore des outils pour "
        "les pratiques professionnelles et anime le réseau des centres régionaux du "
        "psychotrauma (CRP)."
    ),
    reference="Centre national de ressources et de résilience (CN2R), « Qui sommes-nous ? »",
    url="https://cn2r.fr/qui-sommes-nous",
)

NORD_RESOURCES = Source(
    fact=(
        "Dans le Nord, au 25 novembre 2023 : 19 intervenants sociaux en commissariat et "
        "gendarmerie, 6 associations spécialisées de prise en charge des victimes, 11 "
        "accueils de jour et lieux d'écoute, d'accueil et d'orientation, 2 CIDFF, 4 "
        "associations d'aide aux victimes adhérentes à France Victimes, 5 unités "
        "médico-judiciaires ; le 119, pour les enfants en danger, ouvert 24h/24, 7 j/7."
    ),
    reference=(
        "Préfecture du Nord, dossier de presse du 25 novembre 2023, violences faites aux femmes"
    ),
    location="Page « Dans le Nord » et « Pour une écoute, un conseil ou une prise en charge »",
    seed=NORD_2023,
)

NORD_VIF_TEAMS = Source(
    fact=(
        "Le Département du Nord prévoit de financer des dispositifs psychologiques d'aide aux "
        "victimes (action 53) et d'anticiper la supervision des équipes pour éviter la "
        "fatigue professionnelle et les traumatismes vicariants (action 28)."
    ),
    reference=(
        "Département du Nord, feuille de route de lutte contre les violences "
        "intrafamiliales 2023-2026"
    ),
    location="Actions 28 et 53",
    seed=NORD_VIF,
)

LESSON_RESOURCES = Lesson(
    title="Ressources en psychotraumatisme",
    intro=("Orienter vers les soins : comment, vers qui, et comment prendre soin de soi."),
    body=[
        _h2("Pourquoi orienter, et quand"),
        _p(
            "Le psychotraumatisme se soigne, et il se soigne d'autant mieux que la prise en "
            "charge est précoce. Des psychothérapies centrées sur le trauma existent ; elles "
            "sont proposées par des soignant·es formé·es. Votre rôle n'est pas de les "
            "conduire, mais de faire en sorte que la victime sache qu'elles existent et "
            "puisse y accéder.",
            "Le bon moment est souvent le premier contact, à la fin d'une audition, d'une "
            "consultation ou d'un entretien : la victime vient de trouver la force de parler.",
        ),
        _h2("Comment proposer une orientation"),
        _list(
            "<b>Expliquer</b> : ses troubles (cauchemars, sursauts, trous de mémoire) sont "
            "des réactions fréquentes après des violences ; ils ne veulent pas dire qu'elle "
            "« devient folle » ; ils se soignent.",
            "<b>Proposer</b> sans imposer : la victime choisit.",
            "<b>Écrire</b> : les coordonnées, sur un support que l'auteur ne verra pas.",
            "<b>Relayer</b> : avec son accord, appeler la structure devant elle, préparer "
            "son arrivée, lui éviter de tout raconter une nouvelle fois.",
            "<b>Suivre</b> : noter de reprendre de ses nouvelles, quand votre cadre le permet.",
            ordered=True,
        ),
        _h2("Les centres régionaux du psychotraumatisme"),
        _p(
            "Le ministère chargé de l'égalité recense 15 centres régionaux de prise en charge "
            "du psycho-traumatisme. Ils proposent des consultations spécialisées et "
            "organisent le maillage des soins dans leur région.",
            "Dans les Hauts-de-France, le centre régional du psychotraumatisme est porté par "
            "le CHRU de Lille : il organise le maillage de la région et la consultation "
            "spécialisée. Renseignez-vous sur ses modalités d'accès et ses antennes avant "
            "d'en avoir besoin, pour pouvoir donner une information exacte le jour où une "
            "victime est devant vous.",
        ),
        _h3("Le centre national de ressources et de résilience"),
        _p(
            "Le centre national de ressources et de résilience, aujourd'hui appelé CN2R, est "
            "co-piloté par le CHU de Lille et l'AP-HP ; selon le plan cadre du Pas-de-Calais, "
            "qui le nomme CNRR, il a été inauguré au CHRU de Lille le 22 février 2019. Il "
            "anime le réseau des centres régionaux, informe le public et les "
            "professionnel·les et diffuse des outils pour les pratiques professionnelles. "
            "C'est une ressource pour se former, pas un lieu de consultation."
        ),
        _h2("Les autres ressources"),
        _list(
            "<b>Les centres médico-psychologiques (CMP)</b> proposent des consultations "
            "gratuites, utiles pour un suivi au long cours.",
            "<b>Les associations d'aide aux victimes</b>, souvent membres du réseau France "
            "Victimes, offrent une écoute, une aide juridique et des permanences de "
            "psychologues. Dans son état des lieux de 2019, le plan cadre du Pas-de-Calais "
            "(fiche action 2.13) relevait que les associations y tenaient près de 550 heures "
            "par mois de permanences psychologiques spécialisées. Ce chiffre, qui mesurait "
            "l'offre associative du département à cette date, n'est pas une donnée "
            "actuelle.",
            "<b>Les maisons des femmes</b> réunissent soins, soutien psychologique et "
            "accompagnement social, adossées à un hôpital. Le ministère recense 100 maisons "
            "des femmes/santé, ouvertes dans 81 départements, et vise une maison par "
            "département d'ici 2027.",
            "<b>Les unités médico-judiciaires (UMJ)</b> examinent les victimes sur "
            "réquisition et constatent les violences physiques et psychologiques.",
            "<b>Les intervenant·es sociaux en commissariat et gendarmerie (ISCG)</b> "
            "reçoivent les victimes dans les locaux et les orientent vers les partenaires.",
        ),
        _callout(
            "Dans le Nord",
            "Le dossier de presse de la préfecture du Nord du 25 novembre 2023 recensait "
            "dans le département 19 intervenants sociaux en commissariat et gendarmerie, "
            "6 associations spécialisées de prise en charge des victimes, 4 associations "
            "d'aide aux victimes adhérentes à France Victimes, 2 CIDFF, 11 accueils de jour "
            "et lieux d'écoute, d'accueil et d'orientation, et 5 unités "
            "médico-judiciaires. Le Département prévoit aussi de financer des dispositifs "
            "psychologiques d'aide aux victimes (action 53 de sa feuille de route).",
        ),
        _h2("Deux situations particulières"),
        _h3("Orienter un enfant"),
        _p(
            "Un enfant exposé aux violences a besoin de sa propre prise en charge, distincte "
            "de celle de son parent. Parlez-en au parent protecteur : consultation "
            "spécialisée en psychotraumatisme, centre médico-psychologique pour enfants et "
            "adolescents, protection maternelle et infantile, médecin scolaire. Si l'enfant "
            "est en danger, l'information préoccupante et le 119, joignable 24h/24 et "
            "7 j/7, restent les voies à connaître.",
        ),
        _h3("Quand la victime refuse"),
        _p(
            "Une victime peut refuser toute orientation : elle « va bien », elle a peur que "
            "l'auteur l'apprenne. Respectez ce refus, mais laissez une porte ouverte : "
            "remettez malgré tout un numéro et proposez d'en reparler plus tard.",
        ),
        _h2("Prendre soin de soi"),
        _p(
            "Entendre des récits de violences, jour après jour, laisse des traces. Fatigue, "
            "irritabilité, cauchemars, cynisme, impression d'être envahi·e par les récits : "
            "on parle de traumatisme vicariant. La feuille de route du Nord prévoit "
            "d'ailleurs d'anticiper la supervision des équipes pour l'éviter (action 28). "
            "En parler en équipe, demander une supervision, connaître ses limites : c'est "
            "ce qui permet de continuer à bien accueillir.",
        ),
        _h5p(
            ACTIVITY_ORIENTING,
            "Pour chaque étape de l'orientation, choisissez l'affirmation juste.",
        ),
        ("help_numbers", {"title": "Numéros d'aide"}),
    ],
    sources=(NATIONAL_CARE, PDC_CARE, CN2R, NORD_RESOURCES, NORD_VIF_TEAMS),
)


# Final quiz ---------------------------------------------------------------------------------

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
        "Reviviscences, évitement et hypervigilance sont les trois familles de signes ; ils ne "
        "sont pas toujours visibles, d'où l'intérêt de poser la question.",
        ("Cauchemars et souvenirs qui s'imposent", True),
        ("Évitement des lieux qui rappellent les faits", True),
        ("Hypervigilance et sursauts", True),
        ("Un récit parfaitement chronologique et détaillé", False),
        tags="definition",
    ),
    single(
        "Un récit avec des trous, un ordre incertain et des détails sensoriels très précis :",
        "Le souvenir traumatique est morcelé ; ces caractéristiques sont attendues et ne "
        "disent rien de la sincérité. On note, on cherche des repères, on recoupe.",
        ("est un indice de mensonge", False),
        ("est compatible avec une mémoire traumatique", True),
        ("doit conduire à refuser la plainte", False),
        tags="recit",
    ),
    ordering(
        "Dans quel ordre conduire l'audition d'une victime traumatisée ?",
        "On explique d'abord le déroulement, on laisse le récit libre, puis on précise avec "
        "des questions ouvertes et des repères, avant de relire et d'orienter vers les soins.",
        "Expliquer le déroulement et la suite de la procédure",
        "Laisser la victime raconter librement",
        "Préciser avec des questions ouvertes et des repères",
        "Relire le procès-verbal et remettre les coordonnées utiles par écrit",
        tags="accueil",
    ),
    single(
        "Au milieu de son audition, une victime se tait, le regard fixe, et ne répond plus. "
        "Que faites-vous d'abord ?",
        "Elle est probablement dissociée : on l'aide à revenir au présent (son nom, le lieu, "
        "le jour, un verre d'eau) et on propose une pause avant de reprendre.",
        ("Je l'aide à revenir au présent et je propose une pause", True),
        ("Je répète ma question plus fermement", False),
        ("Je mets fin à l'audition et je lui propose de revenir plus tard", False),
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
        "sexuelles sur les enfants est, selon la feuille de route du Département du Nord :",
        "Il est 6,5 fois plus élevé : repérer les violences conjugales, c'est aussi protéger "
        "les enfants.",
        ("identique", False),
        ("2 fois plus élevé", False),
        ("6,5 fois plus élevé", True),
        tags="enfants",
    ),
    single(
        "Que prévoit la loi du 18 mars 2024 sur l'autorité parentale ?",
        "Elle vise des cas précis : crime ou agression sexuelle incestueuse sur l'enfant, "
        "crime sur l'autre parent. Pour d'autres violences, le juge apprécie au cas par cas.",
        (
            "Le retrait total en cas de condamnation pour un crime ou une agression sexuelle "
            "incestueuse sur l'enfant, ou pour un crime sur l'autre parent",
            True,
        ),
        ("Le retrait automatique pour tout parent auteur de violences conjugales", False),
        ("Rien : l'autorité parentale ne peut pas être retirée", False),
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
    Figure("19 intervenants sociaux", NORD_2023),
    Figure("5 unités médico-judiciaires", NORD_2023),
)

MODULE = Module(
    slug=SLUG,
    title="Psychotraumatisme : comprendre pour mieux accueillir",
    summary=(
        "Sidération, dissociation, mémoire traumatique : comprendre les réactions des "
        "victimes et de leurs enfants, pourquoi un récit peut sembler incohérent, comment "
        "conduire une audition qui tient compte du trauma et vers qui orienter."
    ),
    objectives_html=(
        "<ul><li>Expliquer simplement la sidération, la dissociation et la mémoire "
        "traumatique</li>"
        "<li>Reconnaître les conséquences des violences sur les victimes et les enfants</li>"
        "<li>Recevoir une plainte sans confondre un récit fragmenté avec un mensonge</li>"
        "<li>Conduire un entretien ou une audition adaptés au trauma, y compris quand la "
        "victime se fige</li>"
        "<li>Orienter vers les centres régionaux du psychotraumatisme et les autres "
        "ressources</li></ul>"
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
    activities=(
        ACTIVITY_SYMPTOMS,
        ACTIVITY_MECHANISMS,
        ACTIVITY_CHILDREN,
        ACTIVITY_REPORT_WORDS,
        ACTIVITY_HEARING,
        ACTIVITY_ORIENTING,
    ),
    lessons=(
        LESSON_DEFINITION,
        LESSON_MECHANISMS,
        LESSON_CONSEQUENCES,
        LESSON_COMPLAINT,
        LESSON_HEARING,
        LESSON_RESOURCES,
    ),
    quiz_title="Évaluation finale — psychotraumatisme",
    quiz_intro="Onze questions pour vérifier ce que vous retenez du module.",
    questions=QUESTIONS,
    figures=FIGURES,
)
