"""Module 1 — Le continuum des violences faites aux femmes (police, gendarmes, all).

Six lessons: the continuum from everyday sexism to feminicide, the forms and signs of
violence, the aggressor's strategy (cycle, control, emprise), assessing danger, receiving
the victim and her complaint at a police or gendarmerie desk, and where to orient her.
Every number of a lesson is in one of its sources' facts (demo/tests/test_content.py).
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
    Figure,
    H5PActivity,
    Lesson,
    Module,
    Source,
)

SLUG = "continuum-des-violences"

# Legal texts cited by the lessons (Légifrance links left out: only sure links are given).
CODE_PENAL = "Code pénal"
CPP = "Code de procédure pénale"


# Activities ---------------------------------------------------------------------------

ACTIVITY_CONTINUUM = H5PActivity(
    title="Le continuum en quatre idées",
    kind="summary",
    content=h5p.summary(
        "<p>Pour chaque étape, choisissez l'affirmation exacte. Les autres reprennent des "
        "idées reçues que vous entendrez sur le terrain.</p>",
        [
            [
                "Les violences faites aux femmes forment une chaîne : le sexisme toléré rend "
                "plus facile le passage à des violences plus graves.",
                "Les remarques sexistes et les coups relèvent de deux mondes sans rapport.",
                "On ne parle de violences qu'à partir du moment où il y a des blessures.",
            ],
            [
                "Depuis avril 2023, l'outrage sexiste aggravé est un délit.",
                "Une remarque sexiste dans la rue n'est jamais punie par la loi.",
                "L'outrage sexiste ne concerne que les faits commis au travail.",
            ],
            [
                "Le mariage ou la vie commune n'autorisent aucun acte sexuel imposé : le viol "
                "entre conjoints est un crime.",
                "Entre époux, la loi présume le consentement aux relations sexuelles.",
                "Un viol entre conjoints relève d'une simple main courante.",
            ],
            [
                "Le meurtre d'une femme par son conjoint ou son ex-conjoint est puni plus "
                "sévèrement qu'un meurtre commis par un inconnu.",
                "Un meurtre au sein du couple est jugé comme un drame passionnel, avec indulgence.",
                "Le lien de couple n'a aucun effet sur la peine encourue.",
            ],
        ],
    ),
    filename="resume-continuum.h5p",
)

ACTIVITY_SIGNS = H5PActivity(
    title="Repérer les violences dans un récit",
    kind="markthewords",
    content=h5p.mark_the_words(
        "<p>Voici ce que Mme D. confie à une infirmière, puis à un gendarme. Cliquez sur les "
        "mots qui désignent un fait de violence ou de contrôle. Ne cliquez pas sur ce qui "
        "relève d'une vie de couple ordinaire.</p>",
        "<p>Depuis la naissance de notre fils, Julien *surveille* mon téléphone chaque soir. "
        "Il a *confisqué* ma carte bancaire et garde mon *passeport* dans sa voiture. Nous "
        "faisons les courses ensemble le samedi. Devant ses amis, il me *rabaisse* et dit que "
        "je suis incapable. Ma sœur vient déjeuner le dimanche, mais il *interdit* que je la "
        "voie seule. Nous avons repeint la chambre du petit. La semaine dernière, il m'a "
        "*bousculée* contre le mur, puis il a *menacé* de partir avec notre fils si je "
        "parlais à quelqu'un.</p>",
    ),
    filename="marquer-violences-recit.h5p",
)

ACTIVITY_CYCLE = H5PActivity(
    title="Le cycle de la violence et la stratégie de l'auteur",
    kind="dragtext",
    content=h5p.drag_text(
        "<p>Faites glisser chaque mot à sa place. Deux mots ne servent pas.</p>",
        "Le cycle commence par un climat de *tension* : la victime surveille ses gestes "
        "pour éviter la colère.\n"
        "Vient l'*agression*, verbale, physique ou sexuelle.\n"
        "L'auteur passe ensuite à la *justification* : il minimise ou rejette la faute sur "
        "elle.\n"
        "La *lune de miel* suit : il promet de changer, ce qui entretient l'espoir.\n"
        "Pour garder le contrôle, l'auteur commence souvent par *isoler* sa partenaire de "
        "ses proches.\n"
        "Il *inverse la culpabilité* : « c'est toi qui me pousses à bout ».\n"
        "Il organise son *impunité* en se montrant charmant à l'extérieur.",
        distractors=["réconciliation durable", "perte de contrôle"],
    ),
    filename="glisser-cycle-strategie.h5p",
)

ACTIVITY_DANGER = H5PActivity(
    title="Évaluer le danger",
    kind="questionset",
    content=h5p.question_set(
        [
            h5p.nested(
                h5p.MULTI_CHOICE,
                h5p.multi_choice(
                    "<p>Une femme raconte les dernières semaines. Quels éléments sont des "
                    "facteurs de danger grave à signaler sans délai ?</p>",
                    [
                        (
                            "Il lui a serré le cou pendant une dispute",
                            True,
                            "Oui : une strangulation, même sans trace, est un signe de danger "
                            "de mort.",
                        ),
                        (
                            "Elle vient de lui annoncer qu'elle le quittait",
                            True,
                            "Oui : la séparation est une période de risque accru.",
                        ),
                        (
                            "Il détient un fusil de chasse",
                            True,
                            "Oui : l'accès à une arme aggrave le danger.",
                        ),
                        (
                            "Elle hésite à porter plainte",
                            False,
                            "Non : l'hésitation est un effet fréquent de l'emprise, pas un "
                            "facteur de danger.",
                        ),
                    ],
                ),
            ),
            h5p.nested(
                h5p.TRUE_FALSE,
                h5p.true_false(
                    "<p>Si la victime dit qu'elle n'a pas peur, on peut en conclure que le "
                    "danger est faible.</p>",
                    correct=False,
                    feedback_html="<p>Faux. Une victime sous emprise minimise souvent. La "
                    "grille s'appuie sur des faits (menaces, strangulation, arme, séparation, "
                    "escalade) et pas seulement sur son ressenti, qui compte aussi quand elle "
                    "dit avoir peur.</p>",
                ),
            ),
            h5p.nested(
                h5p.MULTI_CHOICE,
                h5p.multi_choice(
                    "<p>À quoi sert la grille d'évaluation du danger à l'accueil ?</p>",
                    [
                        (
                            "À objectiver le danger et à le transmettre au parquet avec la "
                            "procédure",
                            True,
                            "Oui : elle éclaire les décisions de protection.",
                        ),
                        (
                            "À décider si la plainte mérite d'être enregistrée",
                            False,
                            "Non : la plainte est reçue dans tous les cas.",
                        ),
                        (
                            "À remplacer l'audition de la victime",
                            False,
                            "Non : elle la complète.",
                        ),
                    ],
                ),
            ),
        ],
        pass_percentage=70,
        key="continuum-danger",
    ),
    filename="serie-evaluer-danger.h5p",
)

# The branching scenario: screens by index (0 first); END closes on the screen's ending.
_GOOD, _PARTIAL, _HARMFUL = 10, 5, 0
ACTIVITY_DESK = H5PActivity(
    title="Au guichet : Mme L. vient « signaler » son conjoint",
    kind="branchingscenario",
    content=h5p.branching_scenario(
        title="Au guichet : Mme L. vient « signaler » son conjoint",
        subtitle_html="<p>Vous êtes de permanence à l'accueil d'un commissariat ou d'une "
        "brigade. Vos choix décident de la suite. Trois fins possibles.</p>",
        screens=[
            # 0
            h5p.scenario_text(
                "Samedi soir, à l'accueil",
                "<p>Une femme d'une trentaine d'années attend depuis vingt minutes dans le "
                "hall, où patientent aussi deux hommes venus pour un vol de scooter. Quand "
                "son tour vient, elle parle bas : « Je voulais juste signaler quelque chose "
                "sur mon mari… Je ne sais pas si c'est grave. » Elle regarde son téléphone "
                "sans arrêt.</p>",
                next_id=1,
            ),
            # 1 — first decision
            h5p.scenario_choice(
                "Premier contact",
                "<p>Que faites-vous ?</p>",
                [
                    (
                        "Je l'installe dans un bureau fermé, je me présente et je lui dis "
                        "qu'elle a bien fait de venir.",
                        2,
                    ),
                    (
                        "Je lui demande de résumer les faits ici, au comptoir, pour voir de "
                        "quoi il s'agit.",
                        3,
                    ),
                    (
                        "Je lui explique que, si elle n'est pas sûre, une main courante "
                        "suffira pour garder une trace.",
                        8,
                    ),
                ],
            ),
            # 2
            h5p.scenario_text(
                "Dans le bureau",
                "<p>Au calme, Mme L. raconte. Son mari lit ses messages, lui a pris sa carte "
                "bancaire, l'appelle dix fois par jour. Hier, quand elle a parlé de le "
                "quitter, il l'a saisie au cou et lui a dit : « Si tu pars, je te tue. » Ils "
                "ont deux enfants de quatre et sept ans, qui étaient dans la pièce. Elle "
                "ajoute : « Je ne veux pas lui attirer d'ennuis, je veux juste que ça "
                "s'arrête. »</p>",
                next_id=4,
            ),
            # 3
            h5p.scenario_text(
                "Au comptoir",
                "<p>Devant les deux hommes qui écoutent, Mme L. se ferme : « Ce n'est rien, "
                "une dispute. » Un collègue vous fait signe ; vous l'emmenez dans un bureau. Il "
                "lui faut longtemps pour raconter, à demi-mot, le contrôle de son téléphone et de "
                "son argent, puis que son mari l'a saisie au cou hier en menaçant de la tuer si "
                "elle partait, devant leurs deux enfants. Retenez-le : sans lieu confidentiel, "
                "une victime "
                "minimise, et l'on passe à côté du danger.</p>",
                next_id=4,
            ),
            # 4 — second decision
            h5p.scenario_choice(
                "Elle hésite",
                "<p>« Je ne sais pas si je veux porter plainte. Il va devenir fou. » Que "
                "faites-vous ?</p>",
                [
                    (
                        "Je nomme les faits comme des violences interdites, je lui explique "
                        "la plainte et ses suites, et je passe avec elle la grille "
                        "d'évaluation du danger.",
                        5,
                    ),
                    (
                        "Je prends sa plainte rapidement, sans revenir sur les menaces, et "
                        "je lui donne le numéro du 3919 en partant.",
                        7,
                    ),
                    (
                        "Je lui conseille de réfléchir au calme et de revenir quand elle sera "
                        "décidée.",
                        8,
                    ),
                ],
            ),
            # 5
            h5p.scenario_text(
                "La grille",
                "<p>Les réponses sont nettes : strangulation hier, menace de mort, séparation "
                "annoncée, enfants exposés, appels incessants. Elle dit aussi : « J'ai peur "
                "de rentrer ce soir. » Elle accepte de porter plainte.</p>",
                next_id=6,
            ),
            # 6 — third decision
            h5p.scenario_choice(
                "Ce soir",
                "<p>La plainte est prise. Il est vingt-deux heures. Que faites-vous "
                "maintenant ?</p>",
                [
                    (
                        "J'alerte l'officier de police judiciaire, qui avise le parquet du "
                        "danger ; on organise sa mise à l'abri et celle des enfants, et je lui "
                        "propose de rencontrer l'intervenante sociale.",
                        9,
                    ),
                    (
                        "Je joins la grille à la procédure, qui suivra son cours, et je la "
                        "laisse rentrer chez elle avec ses enfants.",
                        7,
                    ),
                ],
            ),
            # 7 — partly right ending
            h5p.scenario_text(
                "Une plainte, mais un danger laissé de côté",
                "<p>La plainte existe, c'est essentiel : une enquête peut s'ouvrir. Mais "
                "personne n'a tiré les conséquences du danger. Strangulation, menace de mort "
                "et séparation annoncée sont les signes d'un risque grave : ils appellent un "
                "avis immédiat au parquet et une mise à l'abri ce soir, pas demain. Le "
                "numéro du 3919 est utile ; il ne remplace ni l'évaluation ni "
                "l'orientation vers l'intervenante sociale.</p>",
                end_title="Fin partiellement juste",
                end_subtitle="La plainte est reçue, mais le danger n'est pas traité.",
                score=_PARTIAL,
            ),
            # 8 — harmful ending
            h5p.scenario_text(
                "Elle repart sans plainte",
                "<p>Mme L. remercie et s'en va. Rien n'a été enregistré qui déclenche une "
                "enquête, et personne ne sait qu'elle a été étranglée hier. Une plainte ne "
                "se refuse pas, ne se diffère pas et ne se remplace pas par une main "
                "courante. Elle a entendu « ce n'est pas assez grave » : le discours de son "
                "mari. Elle hésitera encore plus à revenir.</p>",
                end_title="Fin à éviter",
                end_subtitle="La victime repart sans protection et avec l'idée qu'on ne "
                "la croit pas.",
                score=_HARMFUL,
            ),
            # 9 — good ending
            h5p.scenario_text(
                "Une victime crue, informée et protégée",
                "<p>Mme L. a été reçue à l'écart, crue et informée de ses droits. Sa "
                "plainte est prise, le danger est évalué et transmis, le parquet peut "
                "décider vite (garde à vue, éviction, demande de téléphone grave danger). "
                "L'intervenante sociale prend le relais pour l'hébergement, les enfants et "
                "ses droits. C'est ce que demande la loi, et c'est ce qui affaiblit "
                "l'emprise.</p>",
                end_title="Bonne fin",
                end_subtitle="Accueil, plainte, évaluation du danger, protection et "
                "orientation : chaque étape a été tenue.",
                score=_GOOD,
            ),
        ],
        key="continuum-guichet",
    ),
    filename="scenario-guichet.h5p",
)

ACTIVITY_ORIENTATION = H5PActivity(
    title="Qui appeler, vers qui orienter ?",
    kind="singlechoiceset",
    content=h5p.single_choice_set(
        [
            (
                "<p>Une femme vous appelle : son conjoint frappe à la porte et menace de "
                "l'enfoncer.</p>",
                ["Le 17, ou le 114 par SMS", "Le 3919", "Le 115"],
            ),
            (
                "<p>Une victime veut parler à quelqu'un, de jour comme de nuit, gratuitement "
                "et sans donner son nom.</p>",
                ["Le 3919", "Le 119", "Le 0 801 901 911"],
            ),
            (
                "<p>Elle a quitté le domicile avec ses enfants et n'a nulle part où dormir "
                "ce soir.</p>",
                ["Le 115", "Le 119", "Le 3919"],
            ),
            (
                "<p>Après la plainte, elle a besoin d'aide pour ses droits à la CAF, un "
                "logement et la garde des enfants.</p>",
                [
                    "L'intervenant·e social·e en commissariat et gendarmerie",
                    "L'unité médico-judiciaire",
                    "Le parquet",
                ],
            ),
            (
                "<p>Un homme dit qu'il a peur de devenir violent avec sa compagne et "
                "cherche de l'aide.</p>",
                ["Le 0 801 901 911, Ne frappez pas", "Le 3919", "Le 114"],
            ),
        ]
    ),
    filename="choix-orientation.h5p",
)


# Lessons ------------------------------------------------------------------------------

LESSON_CONTINUUM = Lesson(
    title="Du sexisme ordinaire au féminicide",
    intro="Les violences faites aux femmes ne sont pas des faits isolés : elles forment une "
    "chaîne, de la « blague » sexiste tolérée jusqu'au meurtre.",
    body=[
        ("heading", {"text": "Pourquoi parler de continuum", "level": "h2"}),
        (
            "paragraph",
            "<p>On parle de <b>continuum des violences</b> pour désigner un fait que les "
            "victimes, les associations et les enquêteurs constatent tous les jours : les "
            "violences faites aux femmes ne surgissent pas de nulle part. Elles s'inscrivent "
            "dans une suite de comportements qui vont des remarques sexistes présentées comme "
            "de l'humour jusqu'aux coups, aux viols et, au bout de la chaîne, au meurtre "
            "d'une femme parce qu'elle est une femme, que l'on nomme <b>féminicide</b>.</p>"
            "<p>Chaque maillon rend le suivant plus facile. Quand une remarque dégradante ne "
            "choque personne, l'idée s'installe qu'une femme peut être rabaissée. Quand le "
            "contrôle de son téléphone passe pour de la jalousie amoureuse, l'idée s'installe "
            "qu'elle peut être surveillée. Le plan cadre du Pas-de-Calais le dit nettement : "
            "les violences sont enracinées dans le sexisme ordinaire, et sa banalisation crée "
            "un terrain favorable au passage à l'acte. </p>",
        ),
        (
            "callout",
            {
                "title": "Une définition internationale",
                "text": "<p>En 1993, l'Assemblée générale des Nations unies adopte une "
                "déclaration sur l'élimination de la violence à l'égard des femmes. Elle y "
                "désigne tout acte de violence dirigé contre les femmes parce qu'elles sont "
                "des femmes, qui leur cause ou peut leur causer une souffrance physique, "
                "sexuelle ou psychologique, y compris la menace, la contrainte ou la "
                "privation arbitraire de liberté, dans la vie publique comme dans la vie "
                "privée. En 1999, l'ONU fait du 25 novembre la journée internationale pour "
                "l'élimination de cette violence.</p>",
            },
        ),
        ("heading", {"text": "Les maillons de la chaîne", "level": "h2"}),
        (
            "paragraph",
            "<p>Le continuum n'est pas une échelle que chaque auteur gravit. C'est une "
            "façon de relier des faits que l'on traite souvent séparément, "
            "dans des services différents :</p>"
            "<ul><li><b>le sexisme dit ordinaire</b> : « blagues », remarques sur le corps ou "
            "la tenue, interruptions, mises à l'écart ; il n'est pas toujours une infraction, "
            "mais il fixe ce qui paraît acceptable ;</li>"
            "<li><b>le harcèlement dans l'espace public et au travail</b> : commentaires, "
            "sifflements, gestes, propositions insistantes, suivis dans la rue ou dans les "
            "transports ;</li>"
            "<li><b>les violences psychologiques et le contrôle au sein du couple</b> : "
            "dénigrement, isolement, surveillance, privation d'argent ;</li>"
            "<li><b>les violences physiques et sexuelles</b>, dans le couple, la famille, le "
            "travail ou la rue ;</li>"
            "<li><b>le féminicide</b>, souvent précédé de plusieurs de ces maillons, rarement "
            "d'aucun.</li></ul>"
            "<p>Les victimes le disent souvent après coup : « Au début, c'étaient des petites "
            "remarques. » Identifier un maillon, c'est se demander ce qui l'a précédé et ce "
            "qui pourrait suivre.</p>",
        ),
        ("heading", {"text": "Ce que dit la loi à chaque maillon", "level": "h2"}),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "L'outrage sexiste",
                        "body": "<p>Imposer à une personne un propos ou un comportement à "
                        "connotation sexuelle ou sexiste qui la dégrade, l'humilie ou crée "
                        "contre elle une situation intimidante est puni. Depuis avril 2023, "
                        "l'outrage sexiste simple est une contravention de 5e classe et "
                        "l'outrage sexiste aggravé (par exemple commis dans un transport en "
                        "commun, sur une personne mineure ou en réunion) est un délit, puni "
                        "d'une amende de 3 750 €.</p>",
                    },
                    {
                        "title": "Le harcèlement moral au sein du couple",
                        "body": "<p>Des propos ou comportements répétés qui dégradent les "
                        "conditions de vie de la partenaire et altèrent sa santé constituent "
                        "un délit (article 222-33-2-1 du Code pénal). Depuis la loi du 30 "
                        "juillet 2020, la peine est aggravée lorsque ce harcèlement a conduit "
                        "la victime à se suicider ou à tenter de le faire : c'est ce qu'on "
                        "appelle le « suicide forcé ».</p>",
                    },
                    {
                        "title": "La circonstance aggravante du couple",
                        "body": "<p>Les violences commises par le conjoint, le concubin ou "
                        "le partenaire de PACS, y compris ancien, et même sans vie commune, "
                        "sont punies plus sévèrement (article 132-80 du Code pénal). Une "
                        "gifle entre conjoints n'est donc jamais « une affaire privée ».</p>",
                    },
                    {
                        "title": "Le viol entre conjoints",
                        "body": "<p>Le viol et les autres agressions sexuelles sont "
                        "constitués quelle que soit la relation entre l'auteur et la "
                        "victime, y compris s'ils sont mariés (article 222-22 du Code "
                        "pénal). Le mariage ne vaut pas consentement.</p>",
                    },
                    {
                        "title": "Le féminicide",
                        "body": "<p>Le mot ne figure pas dans le Code pénal, mais la réalité "
                        "qu'il désigne y est réprimée : le meurtre commis par le conjoint, "
                        "le concubin ou le partenaire de PACS, y compris ancien, est puni de "
                        "la réclusion criminelle à perpétuité (article 221-4 du Code "
                        "pénal).</p>",
                    },
                ]
            },
        ),
        ("heading", {"text": "Les femmes, principales victimes", "level": "h2"}),
        (
            "paragraph",
            "<p>Les données enregistrées par la police et la gendarmerie, reprises par la "
            "préfecture du Nord en novembre 2023, sont sans ambiguïté. Les femmes "
            "représentent :</p>"
            "<ul><li>87 % des victimes de violences conjugales ;</li>"
            "<li>79 % des victimes de violences sexuelles intrafamiliales hors du couple ;</li>"
            "<li>91 % des victimes d'outrage sexiste ;</li>"
            "<li>92 % des victimes de violences sexuelles dans les transports en commun ;</li>"
            "<li>97 % des victimes de proxénétisme.</li></ul>"
            "<p>Dans l'espace public, 81 % des femmes déclaraient avoir déjà subi du "
            "harcèlement de rue dans une enquête Ipsos de mars 2021, et le rapport 2023 du "
            "Haut Conseil à l'égalité entre les femmes et les hommes relève que 8 femmes sur "
            "10 ont peur de rentrer seules le soir.</p>",
        ),
        ("heading", {"text": "Dans le Nord et le Pas-de-Calais", "level": "h2"}),
        (
            "paragraph",
            "<p>Le Nord compte parmi les départements les plus touchés, avec 13,2 victimes de "
            "violences conjugales pour 1 000 habitantes de 15 à 64 ans. Du 1er janvier au 30 "
            "septembre 2023, les forces de l'ordre y ont identifié 8 594 victimes, 10 % de "
            "plus que sur la même période de 2022, en zone police comme en zone gendarmerie. "
            "Les coups et blessures volontaires ont augmenté de 9 %, les menaces et chantages "
            "de 8 % et les violences sexuelles de 6 % ; seuls les meurtres de conjoint ou "
            "d'ex-conjoint sont restés stables.</p>"
            "<p>Dans le Pas-de-Calais, plus de 8 400 faits de violences envers les femmes ont "
            "été enregistrés en 2018. Sur 3 369 victimes de violences conjugales, 2 728 "
            "étaient des femmes, soit 81 % : plus de 7 femmes chaque jour.</p>",
        ),
        ("heading", {"text": "Ce que cela change dans votre métier", "level": "h2"}),
        (
            "paragraph",
            "<p>Penser en continuum, c'est prendre au sérieux les faits qui paraissent "
            "petits. Une jeune femme qui vient signaler qu'un homme la suit chaque matin "
            "jusqu'à l'arrêt de bus ne dérange pas : elle décrit peut-être un outrage, "
            "peut-être un harcèlement, et elle a besoin d'être crue. Une patrouille appelée "
            "pour « tapage » dans un appartement où une femme pleure ne repart pas sur un "
            "simple rappel au calme. Un·e soignant·e qui voit revenir une patiente pour des "
            "« chutes » s'interroge.</p>"
            "<p>C'est aussi regarder ses propres réflexes. Une plaisanterie sur « la femme qui "
            "l'a bien cherché », entendue dans un service, dit à la victime suivante qu'elle "
            "ne sera pas crue. Les professionnels qui accueillent les victimes ont un rôle "
            "direct dans la chaîne : ils peuvent l'interrompre, ou la conforter.</p>",
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_CONTINUUM.title,
                "instructions": "Pour chaque étape, choisissez l'affirmation exacte.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        Source(
            "Le continuum des violences et leur enracinement dans le sexisme ordinaire est "
            "un sujet de formation des policiers, des gendarmes et des professions "
            "libérales ; la banalisation des comportements sexistes crée un environnement "
            "propice au passage à l'acte.",
            "Plan cadre de lutte contre les violences faites aux femmes du Pas-de-Calais 2019-2022",
            location="Fiche action 1.2 et fiche action 1.3",
            seed=PAS_DE_CALAIS_PLAN,
        ),
        Source(
            "Déclaration de l'ONU de 1993 sur l'élimination de la violence à l'égard des "
            "femmes ; journée internationale du 25 novembre proclamée en 1999. Les femmes "
            "représentent 87 % des victimes de violences conjugales, 79 % des victimes de "
            "violences sexuelles intrafamiliales hors cadre conjugal, 91 % des victimes "
            "d'outrage sexiste, 92 % des victimes de violences sexuelles dans les transports "
            "en commun et 97 % des victimes de proxénétisme. 81 % des femmes ont subi du "
            "harcèlement de rue (Ipsos, mars 2021) ; 8 femmes sur 10 ont peur de rentrer "
            "seules le soir (Haut Conseil à l'égalité, rapport 2023).",
            "Préfecture du Nord, dossier de presse du 25 novembre 2023",
            location="« Pourquoi une journée internationale ? » et partie III",
            seed=NORD_2023,
        ),
        Source(
            "Depuis avril 2023, l'outrage sexiste est une contravention de 5e classe et "
            "l'outrage sexiste aggravé un délit puni d'une amende de 3 750 €.",
            "Préfecture du Nord, dossier de presse du 25 novembre 2023",
            location="Partie III, la lutte contre les violences dans l'espace public",
            seed=NORD_2023,
        ),
        Source(
            "Nord : 13,2 victimes pour 1 000 habitantes de 15 à 64 ans ; du 1er janvier au "
            "30 septembre 2023, 8 594 victimes identifiées, 10 % de plus qu'en 2022 ; coups "
            "et blessures +9 %, menaces ou chantages +8 %, violences sexuelles +6 %.",
            "Préfecture du Nord, dossier de presse du 25 novembre 2023",
            location="Partie I, « L'État s'engage dans le Nord »",
            seed=NORD_2023,
        ),
        Source(
            "Pas-de-Calais, 2018 : plus de 8 400 faits de violences envers les femmes ; "
            "3 369 victimes de violences conjugales dont 2 728 femmes, soit 81 % ; plus de "
            "7 femmes victimes chaque jour.",
            "Plan cadre de lutte contre les violences faites aux femmes du Pas-de-Calais 2019-2022",
            location="Avant-propos",
            seed=PAS_DE_CALAIS_PLAN,
        ),
        Source(
            "Le harcèlement moral au sein du couple est un délit (article 222-33-2-1), "
            "aggravé depuis la loi du 30 juillet 2020 quand il conduit la victime au "
            "suicide ou à une tentative.",
            "Code pénal, article 222-33-2-1",
        ),
        Source(
            "Les violences commises par le conjoint, le concubin ou le partenaire de PACS, "
            "même ancien ou sans cohabitation, sont aggravées (article 132-80).",
            "Code pénal, article 132-80",
        ),
        Source(
            "Le viol et les agressions sexuelles sont constitués quelle que soit la "
            "relation, y compris entre époux (article 222-22).",
            "Code pénal, article 222-22",
        ),
        Source(
            "Le meurtre commis par le conjoint, le concubin ou le partenaire de PACS, même "
            "ancien, est puni de la réclusion criminelle à perpétuité (article 221-4).",
            "Code pénal, article 221-4",
        ),
    ),
)

LESSON_FORMS = Lesson(
    title="Les formes de violences",
    intro="Six formes de violences, qui se cumulent presque toujours, et les signes qui "
    "doivent vous alerter.",
    body=[
        ("heading", {"text": "Six formes de violences", "level": "h2"}),
        (
            "paragraph",
            "<p>Les violences au sein du couple prennent plusieurs formes. Elles se combinent "
            "et se renforcent : les coups arrivent rarement seuls, et les violences "
            "psychologiques les précèdent presque toujours. Les connaître toutes permet de "
            "poser les bonnes questions, de qualifier les faits et de ne pas renvoyer une "
            "victime au motif qu'elle « n'a rien ».</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "Psychologiques",
                        "body": "<p>Insultes, dénigrement, humiliations devant les enfants ou "
                        "les proches, menaces, chantage au suicide, surveillance constante. "
                        "Le harcèlement moral au sein du couple est un délit, aggravé depuis "
                        "la loi du 30 juillet 2020 lorsqu'il conduit la victime à se suicider "
                        "ou à tenter de le faire.</p>",
                    },
                    {
                        "title": "Physiques",
                        "body": "<p>Bousculades, gifles, coups, brûlures, strangulation, "
                        "séquestration, usage d'une arme. Une strangulation, même sans trace, "
                        "signale un danger grave : elle doit être recherchée et notée.</p>",
                    },
                    {
                        "title": "Sexuelles",
                        "body": "<p>Rapports imposés, pratiques forcées, chantage sexuel, "
                        "contraception imposée ou interdite. Le mariage ou la vie commune "
                        "n'autorisent aucun acte sexuel sans consentement : le viol entre "
                        "conjoints est un crime.</p>",
                    },
                    {
                        "title": "Économiques",
                        "body": "<p>Confisquer le salaire ou la carte bancaire, interdire de "
                        "travailler, contracter des dettes au nom de sa partenaire. Privée de "
                        "ressources, une femme peut difficilement partir : l'aide universelle "
                        "d'urgence, créée par la loi du 28 février 2023, répond à ce "
                        "frein.</p>",
                    },
                    {
                        "title": "Administratives",
                        "body": "<p>Garder les papiers d'identité, le titre de séjour, le "
                        "livret de famille ou les documents médicaux ; menacer de faire "
                        "expulser une femme étrangère. Ces violences restent souvent "
                        "invisibles, y compris pour la victime.</p>",
                    },
                    {
                        "title": "En ligne",
                        "body": "<p>Cyberharcèlement, géolocalisation à son insu, lecture "
                        "des messages, diffusion d'images intimes sans accord. Les réseaux "
                        "sociaux ne laissent aucun répit : ils sont accessibles jour et nuit "
                        "et donnent à leurs auteurs un sentiment d'impunité.</p>",
                    },
                ]
            },
        ),
        ("heading", {"text": "Des violences qui se cumulent", "level": "h2"}),
        (
            "paragraph",
            "<p>Une victime décrit rarement une seule forme. Celle qui vient pour une gifle "
            "parlera, si on lui en laisse le temps, d'un téléphone fouillé, d'une carte "
            "bancaire confisquée, d'amies qu'elle ne voit plus. Chaque forme a son rôle dans "
            "l'ensemble : l'isolement prive la victime d'aide, la dépendance économique "
            "l'empêche de partir, la peur la fait taire. C'est pourquoi l'audition ne "
            "s'arrête pas au dernier fait : elle reconstitue l'histoire, avec ses dates, sa "
            "fréquence et son aggravation.</p>"
            "<p>Les violences ne concernent pas qu'un âge ou un milieu. La feuille de route "
            "du Département du Nord rappelle par exemple que les couples de plus de 70 ans "
            "représentent 25 % des situations de violences intrafamiliales recensées par ses "
            "services : une femme âgée qui « tombe souvent » mérite la même attention "
            "qu'une jeune mère.</p>",
        ),
        ("heading", {"text": "Les signes qui doivent alerter", "level": "h2"}),
        (
            "paragraph",
            "<p>Beaucoup de victimes ne viennent pas dire « je suis victime de violences ». "
            "Elles viennent pour autre chose, ou pour rien, et c'est le professionnel qui "
            "repère. Quelques signes, qu'aucun ne suffit à prouver mais qui doivent faire "
            "poser la question :</p>"
            "<ul><li><b>sur le corps</b> : blessures d'âges différents, traces au cou, "
            "ecchymoses sur les bras (gestes de défense), explications qui ne collent pas "
            "avec la lésion ;</li>"
            "<li><b>dans le comportement</b> : peur, sursauts, regard vers la porte ou le "
            "téléphone, besoin de demander la permission, minimisation (« ce n'est "
            "rien ») ;</li>"
            "<li><b>dans la relation</b> : un conjoint qui accompagne partout, répond à sa "
            "place, refuse de la laisser seule avec vous, appelle sans arrêt ;</li>"
            "<li><b>dans la vie quotidienne</b> : pas d'accès à l'argent ni aux papiers, "
            "plus de contacts avec la famille, absences au travail, interventions répétées "
            "à la même adresse ;</li>"
            "<li><b>chez les enfants</b> : troubles du sommeil, agressivité, repli, "
            "inquiétude pour leur mère.</li></ul>",
        ),
        (
            "callout",
            {
                "title": "Les enfants, co-victimes",
                "text": "<p>Un enfant qui vit dans un foyer où sa mère subit des violences "
                "en est victime, même s'il n'est pas frappé. Le Département du Nord rappelle "
                "que le décret n° 2021-1516 du 23 novembre 2021 l'oblige à protéger les "
                "enfants victimes de violences conjugales, et qu'un enfant court 6,5 fois "
                "plus de risque de subir des violences sexuelles dans une famille marquée "
                "par les violences intrafamiliales. Notez toujours la présence des enfants "
                "au moment des faits.</p>",
            },
        ),
        ("heading", {"text": "Poser la question", "level": "h2"}),
        (
            "paragraph",
            "<p>La Haute Autorité de santé recommande aux professionnels de santé de "
            "questionner systématiquement leurs patientes sur les violences, même en "
            "l'absence de signe : la question posée simplement, sans le conjoint, ouvre une "
            "porte que la patiente franchira peut-être plus tard. Le même principe vaut à "
            "l'accueil d'un commissariat, lors d'une intervention à domicile ou dans un "
            "service social : « Est-ce qu'il arrive que quelqu'un vous fasse du mal ou vous "
            "fasse peur à la maison ? »</p>"
            "<p>Trois règles simples : voir la personne <b>seule</b>, poser une question "
            "<b>directe et sans jugement</b>, et <b>respecter sa réponse</b> tout en disant "
            "qu'elle peut revenir. Une femme qui répond « non » aujourd'hui saura qu'on peut "
            "lui poser la question, et à qui s'adresser le jour où elle sera prête.</p>",
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_SIGNS.title,
                "instructions": "Cliquez sur les mots qui désignent un fait de violence ou "
                "de contrôle.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        Source(
            "Le harcèlement moral au sein du couple est un délit (article 222-33-2-1) ; la "
            "loi du 30 juillet 2020 l'aggrave quand il conduit au suicide ou à sa tentative "
            "(« suicide forcé »).",
            "Code pénal, article 222-33-2-1 ; loi n° 2020-936 du 30 juillet 2020",
        ),
        Source(
            "La loi du 28 février 2023 crée une aide universelle d'urgence pour les victimes "
            "de violences conjugales.",
            "Plan interministériel pour l'égalité 2023-2027, mesures du Grenelle",
            location="« Un arsenal législatif nouveau »",
            seed=NATIONAL,
        ),
        Source(
            "Les couples de plus de 70 ans représentent 25 % des situations recensées ; "
            "le décret n° 2021-1516 du 23 novembre 2021 oblige le Département à protéger "
            "les enfants victimes de violences conjugales ; 6,5 fois plus de risque de "
            "violences sexuelles sur les enfants dans les familles où il y a des VIF.",
            "Département du Nord, feuille de route VIF 2023-2026",
            location="Introduction et partie I, A",
            seed=NORD_VIF,
        ),
        Source(
            "Repérage systématique des violences au sein du couple par les professionnels "
            "de santé, même sans signe d'appel.",
            "Haute Autorité de santé, « Repérage des femmes victimes de violences au sein du "
            "couple », recommandation de bonne pratique",
        ),
    ),
)

LESSON_STRATEGY = Lesson(
    title="La stratégie de l'agresseur",
    intro="Comprendre comment l'auteur tient sa victime, pour ne pas se tromper sur elle.",
    body=[
        ("heading", {"text": "Une stratégie, pas une perte de contrôle", "level": "h2"}),
        (
            "paragraph",
            "<p>Les violences conjugales ne sont pas des « disputes qui dérapent » ni des "
            "colères incontrôlables : l'auteur qui frappe sa compagne se maîtrise très bien "
            "au travail, avec ses amis ou face à une patrouille. Il suit le plus souvent une "
            "<b>stratégie</b>, consciente ou non, qui lui assure le contrôle de sa "
            "partenaire. La reconnaître aide à comprendre ce que dit la victime, et ce "
            "qu'elle ne dit pas.</p>"
            "<ol><li><b>Isoler</b> la victime de sa famille, de ses amies, de son travail : "
            "« Ta sœur a une mauvaise influence sur toi. »</li>"
            "<li><b>La dévaloriser</b> jusqu'à ce qu'elle doute d'elle-même : « Sans moi, tu "
            "n'es rien. »</li>"
            "<li><b>Inverser la culpabilité</b> : « C'est toi qui me pousses à bout. »</li>"
            "<li><b>Installer la peur</b> par les menaces, les colères, les coups, la "
            "violence sur les objets ou les animaux.</li>"
            "<li><b>Assurer son impunité</b> en se montrant charmant à l'extérieur, en "
            "recrutant des alliés et en se posant lui-même en victime, parfois jusque dans "
            "les services qui reçoivent sa compagne.</li></ol>",
        ),
        (
            "callout",
            {
                "title": "Quand l'auteur se présente au guichet",
                "text": "<p>Il arrive que l'auteur devance la victime : il vient déclarer "
                "qu'elle est « instable », qu'elle le frappe, qu'elle va mentir. Calme et "
                "convaincant, il recrute l'institution comme alliée. Recevez sa déclaration, "
                "mais gardez en tête cette stratégie, et n'écartez jamais d'emblée la parole "
                "de la femme qu'il décrit.</p>",
            },
        ),
        ("heading", {"text": "Le cycle de la violence", "level": "h2"}),
        (
            "paragraph",
            "<p>Les violences suivent souvent un cycle qui se répète et s'accélère avec le "
            "temps :</p>"
            "<ul><li>un <b>climat de tension</b> : l'auteur est irritable, la victime "
            "surveille ses gestes et ses mots pour éviter l'explosion ;</li>"
            "<li>l'<b>agression</b>, verbale, physique, sexuelle ou économique ;</li>"
            "<li>la <b>justification</b> : l'auteur minimise (« je l'ai juste poussée »), "
            "invoque l'alcool ou la fatigue, et surtout rejette la faute sur elle ;</li>"
            "<li>la <b>lune de miel</b> : il s'excuse, offre des cadeaux, promet de changer, "
            "parfois de se soigner. La victime retrouve l'homme qu'elle a aimé.</li></ul>"
            "<p>La lune de miel est le piège du cycle : elle entretient l'espoir, fait "
            "retirer des plaintes et revenir au domicile. Avec le temps, elle raccourcit, "
            "jusqu'à disparaître, pendant que les agressions deviennent plus fréquentes et "
            "plus graves. Une victime reçue en pleine lune de miel peut vous dire que « tout "
            "va mieux » : c'est un moment du cycle, pas la fin des violences.</p>",
        ),
        ("heading", {"text": "L'emprise et le contrôle coercitif", "level": "h2"}),
        (
            "paragraph",
            "<p>L'<b>emprise</b> désigne l'état d'une personne dont la pensée et les choix "
            "sont progressivement colonisés par l'autre : elle finit par voir la situation "
            "avec les yeux de l'auteur, se croit responsable, doute de sa mémoire. L'emprise "
            "n'est pas une faiblesse de caractère ; elle résulte de la stratégie décrite plus "
            "haut et touche des femmes de tous milieux.</p>"
            "<p>On parle aussi de <b>contrôle coercitif</b> pour nommer ce contrôle de tous "
            "les instants, parfois sans un seul coup : menaces voilées, isolement forcé, "
            "restrictions arbitraires de la vie sociale ou professionnelle, intimidations, "
            "surveillance permanente. Lors des cinq ans du Grenelle, la ministre chargée de "
            "l'égalité a demandé qu'il soit défini et réprimé dans le Code pénal. Pour vous, "
            "l'intérêt de la notion est pratique : elle invite à décrire l'ensemble du "
            "contrôle exercé, pas seulement le dernier coup.</p>",
        ),
        ("heading", {"text": "Partir, revenir, repartir", "level": "h2"}),
        (
            "paragraph",
            "<p>Partir prend du temps. Selon une estimation reprise par le ministère chargé "
            "de l'égalité, les victimes de violences au sein du couple feraient en moyenne "
            "encore 7 allers-retours avant de quitter définitivement leur conjoint violent. "
            "C'est un ordre de grandeur, pas une mesure : il dit surtout que les retours "
            "sont la règle, non l'exception. Le même document nomme les freins : peur de ne "
            "pas avoir assez de ressources, démarches multiples auprès de nombreux "
            "interlocuteurs, délais d'attente, effets des violences elles-mêmes.</p>"
            "<p>La feuille de route du Département du Nord ajoute que les ruptures dans "
            "l'accompagnement sont souvent des moments propices aux retours vers l'auteur : "
            "plus le parcours est lisible et sûr, moins la victime revient. Chaque service "
            "qui la reçoit est une étape de ce parcours.</p>",
        ),
        (
            "callout",
            {
                "title": "Ce que cela change à l'accueil",
                "text": "<p>Une victime qui revient sur ses déclarations, qui retourne "
                "auprès de l'auteur ou qui le défend ne ment pas : elle subit les effets de "
                "l'emprise. Ne dites jamais « la dernière fois, vous êtes retournée avec "
                "lui ». Chaque contact où elle est crue et informée affaiblit la stratégie de "
                "l'auteur ; chaque contact où elle est jugée la renforce.</p>",
            },
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_CYCLE.title,
                "instructions": "Faites glisser chaque mot à sa place.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        Source(
            "La stratégie développée par l'auteur est un sujet de formation ; de nombreuses "
            "victimes regrettent de ne pas avoir su l'identifier, et les auteurs sont "
            "parfois persuadés de leur impunité.",
            "Plan cadre de lutte contre les violences faites aux femmes du Pas-de-Calais 2019-2022",
            location="Fiches action 1.2 et 1.3",
            seed=PAS_DE_CALAIS_PLAN,
        ),
        Source(
            "Le contrôle coercitif (menaces voilées, isolement forcé, restrictions "
            "arbitraires, intimidations, « flicage ») doit être défini et réprimé dans le "
            "Code pénal, selon la ministre chargée de l'égalité pour les cinq ans du "
            "Grenelle. En moyenne, les victimes de violences au sein du couple feraient "
            "encore 7 allers-retours avant de quitter définitivement leur conjoint violent "
            "(estimation, au conditionnel dans la source) ; freins : ressources, démarches, "
            "délais, impacts des violences.",
            "Plan interministériel pour l'égalité 2023-2027, mesures du Grenelle",
            location="Discours des cinq ans du Grenelle ; « Faciliter une sortie définitive "
            "des violences »",
            seed=NATIONAL,
        ),
        Source(
            "Les failles dans les parcours sont souvent des moments propices aux retours "
            "vers l'auteur ; plus les parcours sont sécurisants et lisibles, moins il y a de "
            "retours.",
            "Département du Nord, feuille de route VIF 2023-2026",
            location="Partie III, A",
            seed=NORD_VIF,
        ),
    ),
)

LESSON_DANGER = Lesson(
    title="Repérer le danger et protéger",
    intro="Certains faits annoncent un risque de passage à l'acte grave. Les repérer à "
    "l'accueil, c'est permettre au parquet et au juge de protéger à temps.",
    body=[
        ("heading", {"text": "Pourquoi évaluer le danger", "level": "h2"}),
        (
            "paragraph",
            "<p>Le plan cadre du Pas-de-Calais part d'un constat : des homicides conjugaux "
            "sont commis par des auteurs parfois déjà condamnés pour violences. "
            "Évaluer le danger n'est pas juger la victime ni préjuger de l'enquête : c'est "
            "rassembler les éléments qui permettront au parquet de décider vite et au juge "
            "d'ordonner des mesures de protection.</p>"
            "<p>La loi le prévoit pour toute victime : dès que possible, elle fait l'objet "
            "d'une <b>évaluation personnalisée</b> pour déterminer si elle a besoin de mesures "
            "spécifiques de protection pendant la procédure (article 10-5 du Code de "
            "procédure pénale). Pour les violences conjugales, elle s'appuie sur une grille.</p>",
        ),
        ("heading", {"text": "Les facteurs de danger", "level": "h2"}),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "Ce que l'auteur a déjà fait",
                        "body": "<p>Strangulation ou tentative d'étouffement, même une "
                        "seule fois et même sans trace ; violences pendant la grossesse ; "
                        "violences sexuelles ; violences de plus en plus fréquentes ou "
                        "graves ; violences sur les enfants ou devant eux ; antécédents "
                        "judiciaires, y compris avec une autre partenaire.</p>",
                    },
                    {
                        "title": "Ce que l'auteur dit",
                        "body": "<p>Menaces de mort contre elle, les enfants ou ses "
                        "proches ; menaces de se suicider ; phrases comme « si tu pars, je te "
                        "retrouverai » ou « tu ne seras à personne d'autre ».</p>",
                    },
                    {
                        "title": "Les moyens et les comportements",
                        "body": "<p>Détention d'une arme ou accès à une arme ; jalousie "
                        "obsessionnelle, surveillance, harcèlement par messages ; consommation "
                        "d'alcool ou de drogues qui accompagne les violences ; non-respect "
                        "d'une interdiction de contact.</p>",
                    },
                    {
                        "title": "Le moment",
                        "body": "<p>La <b>séparation</b>, annoncée ou récente, est une "
                        "période de risque accru : l'auteur perd le contrôle et peut "
                        "chercher à le reprendre par la force.</p>",
                    },
                    {
                        "title": "Ce que ressent la victime",
                        "body": "<p>Sa peur compte : quand une femme dit « il va me tuer », "
                        "prenez-la au sérieux. L'inverse n'est pas vrai : une victime sous "
                        "emprise minimise souvent, et son absence de peur ne prouve pas "
                        "l'absence de danger.</p>",
                    },
                ]
            },
        ),
        ("heading", {"text": "La grille d'évaluation du danger", "level": "h2"}),
        (
            "paragraph",
            "<p>La grille est une liste de questions fermées posées à la victime, de "
            "préférence au cours de l'audition, dans un lieu calme : a-t-il déjà essayé de "
            "vous étrangler ? vous a-t-il menacée de mort ? a-t-il une arme ? les violences "
            "ont-elles augmenté ? avez-vous annoncé une séparation ? avez-vous peur pour "
            "votre vie ou celle des enfants ? Les réponses sont jointes à la procédure et "
            "éclairent le parquet.</p>"
            "<p>Le plan cadre du Pas-de-Calais prévoyait de construire une grille commune "
            "d'évaluation des risques, sur le modèle de travaux menés en Angleterre, et de "
            "l'expérimenter en 2022. Elle a deux usages : permettre aux professionnels "
            "(forces de l'ordre, travailleurs sociaux, soignants, associations) de poser un "
            "diagnostic partagé, et aider la victime à prendre conscience de son degré "
            "d'urgence.</p>",
        ),
        (
            "callout",
            {
                "title": "Trois erreurs fréquentes",
                "text": "<p>Faire remplir la grille seule dans le hall, sans explication. "
                "Conditionner la plainte au résultat de la grille : la plainte est reçue dans "
                "tous les cas. Classer la grille sans en tirer de conséquence : un danger "
                "grave se signale à l'officier de police judiciaire et au parquet le jour "
                "même.</p>",
            },
        ),
        ("heading", {"text": "Les outils de protection", "level": "h2"}),
        (
            "paragraph",
            "<p>Votre évaluation éclaire des mesures que d'autres décident, et que vous devez "
            "savoir expliquer :</p>"
            "<ul><li>le <b>téléphone grave danger</b> : attribué par le procureur, il permet "
            "de joindre une plateforme de téléassistance qui évalue la situation et peut "
            "déclencher l'intervention immédiate des forces de l'ordre ; il est accordé pour "
            "6 mois renouvelables, avec un suivi par une association d'aide aux victimes. "
            "Au 31 août 2023, 168 téléphones fonctionnaient dans le Nord, et 6 565 étaient "
            "actifs en France au 4 juillet 2025 ;</li>"
            "<li>le <b>bracelet anti-rapprochement</b>, en place depuis septembre 2020 : il "
            "peut être prononcé pour une infraction punie d'au moins 3 ans d'emprisonnement "
            "commise contre la conjointe ou l'ex-conjointe, même sans cohabitation ; si "
            "l'auteur entre dans la zone interdite, la victime est prévenue et mise en "
            "sécurité ;</li>"
            "<li>l'<b>ordonnance de protection</b>, délivrée par le juge aux affaires "
            "familiales, même sans plainte : depuis la loi du 28 décembre 2019, il statue en "
            "six jours, et la loi du 13 juin 2024 porte à 12 mois la durée initiale des "
            "mesures ; plus de 4 200 ordonnances ont été prononcées en 2024 ;</li>"
            "<li>l'<b>ordonnance provisoire de protection immédiate</b>, créée par la loi du "
            "13 juin 2024 : en cas de danger grave et imminent, le juge la délivre sous 24 "
            "heures (interdiction de contact, de paraître au domicile, suspension du droit de "
            "visite, remise des armes).</li></ul>",
        ),
        (
            "callout",
            {
                "title": "Les enfants : ce que prévoit la loi du 18 mars 2024",
                "text": "<p>Cette loi vise des situations précises, pas tout parent violent. "
                "Elle prévoit le retrait total de l'autorité parentale en cas de condamnation "
                "pour un crime commis sur l'autre parent, ou pour une agression sexuelle "
                "incestueuse ou un crime commis sur l'enfant ; la suspension automatique de "
                "l'exercice de l'autorité parentale et des droits de visite et d'hébergement "
                "du parent poursuivi ou mis en examen pour ces mêmes faits sur l'enfant ; et "
                "la suspension des droits de visite et d'hébergement du parent placé sous "
                "contrôle judiciaire pour violences intrafamiliales. Pour d'autres violences, "
                "c'est au juge d'apprécier au cas par cas.</p>",
            },
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_DANGER.title,
                "instructions": "Répondez aux trois questions.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        Source(
            "La répétition d'homicides conjugaux par des auteurs parfois déjà condamnés "
            "montre l'importance du dépistage précoce du danger. Une grille d'évaluation des "
            "risques sur le modèle des travaux réalisés en Angleterre, pour un diagnostic "
            "partagé et l'auto-évaluation de la victime ; expérimentation en 2022. Le TGD "
            "est accordé pour une mesure de 6 mois renouvelable, avec le suivi d'une "
            "association d'aide aux victimes.",
            "Plan cadre de lutte contre les violences faites aux femmes du Pas-de-Calais 2019-2022",
            location="Axe 3 (introduction, fiche action 3.1) et fiche action 4.9",
            seed=PAS_DE_CALAIS_PLAN,
        ),
        Source(
            "Dès que possible, les victimes font l'objet d'une évaluation personnalisée "
            "pour déterminer si elles ont besoin de mesures spécifiques de protection "
            "(article 10-5).",
            "Code de procédure pénale, article 10-5",
        ),
        Source(
            "168 téléphones grave danger en fonctionnement dans le Nord au 31 août 2023.",
            "Préfecture du Nord, dossier de presse du 25 novembre 2023",
            location="« Les chiffres clés dans le Nord »",
            seed=NORD_2023,
        ),
        Source(
            "Au 4 juillet 2025, 6 565 téléphones grave danger actifs en France. Bracelet "
            "anti-rapprochement mis en place en septembre 2020, pour une infraction punie "
            "d'au moins 3 ans d'emprisonnement contre le conjoint, même sans cohabitation. "
            "Loi du 28 décembre 2019 : ordonnance de protection en six jours. Loi du 13 juin "
            "2024 : durée initiale des mesures portée à 12 mois, ordonnance provisoire de "
            "protection immédiate sous 24 heures. Plus de 4 200 ordonnances de protection "
            "prononcées en 2024. Loi du 18 mars 2024 : retrait total de l'autorité parentale "
            "en cas de condamnation pour agression sexuelle ou viol incestueux ou autre "
            "crime sur l'enfant, ou pour crime sur l'autre parent ; suspension automatique "
            "pour le parent poursuivi pour ces faits sur l'enfant ; suspension des droits "
            "de visite et d'hébergement sous contrôle judiciaire pour violences "
            "intrafamiliales.",
            "Plan interministériel pour l'égalité 2023-2027, mesures du Grenelle",
            location="« Où en sommes-nous aujourd'hui ? », « Un arsenal législatif "
            "nouveau », « Amplifier le dispositif téléphone grave danger », « La "
            "généralisation du bracelet anti-rapprochement »",
            seed=NATIONAL,
        ),
    ),
)

LESSON_RECEPTION = Lesson(
    title="Recevoir la victime et sa plainte",
    intro="Ce qu'il faut dire, ce qu'il ne faut pas dire, et ce que la loi impose quand une "
    "victime se présente au commissariat ou à la brigade.",
    body=[
        ("heading", {"text": "Un moment décisif", "level": "h2"}),
        (
            "paragraph",
            "<p>Le dépôt de plainte est souvent l'aboutissement d'un long cheminement. La "
            "victime a parfois renoncé plusieurs fois devant la porte ; elle arrive avec "
            "la peur d'être jugée, de ne pas être crue, de « faire des histoires ». La "
            "façon dont elle est reçue pèse sur la suite : une femme bien accueillie revient "
            "si elle en a besoin, une femme renvoyée risque de ne plus jamais pousser la "
            "porte. C'est pour cela que, depuis le Grenelle de 2019, un parcours de formation "
            "initiale et continue à l'accueil des victimes est systématique pour les "
            "policiers et les gendarmes : près de 155 000 ont été formés en cinq ans.</p>",
        ),
        ("heading", {"text": "Ce que la loi impose", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>La plainte ne se refuse pas.</b> Les officiers et agents de police "
            "judiciaire sont tenus de recevoir les plaintes des victimes, y compris "
            "lorsque le service n'est pas territorialement compétent (article 15-3 du Code "
            "de procédure pénale). La plainte donne lieu à un procès-verbal et à un "
            "récépissé remis immédiatement à la victime, qui peut obtenir une copie du "
            "procès-verbal.</li>"
            "<li><b>La main courante ne remplace pas la plainte.</b> Elle consigne une "
            "déclaration mais ne déclenche pas d'enquête. Proposer une main courante à une "
            "victime venue porter plainte, ou l'orienter vers elle parce qu'elle hésite, "
            "c'est la priver de la protection que la procédure peut lui apporter.</li>"
            "<li><b>La victime est informée de ses droits</b> (article 10-2 du Code de "
            "procédure pénale) : être aidée par une association d'aide aux victimes, se "
            "constituer partie civile, être assistée d'un avocat, connaître les mesures de "
            "protection dont elle peut bénéficier, notamment l'ordonnance de "
            "protection.</li></ul>"
            "<p>Si, malgré toutes les explications, la victime ne veut pas porter plainte, "
            "vous ne pouvez pas l'y obliger. Mais les faits que vous avez entendus ne "
            "disparaissent pas : rendez compte à votre hiérarchie et à l'officier de police "
            "judiciaire, selon les consignes de votre parquet, surtout quand la grille "
            "révèle un danger grave. Et dites-lui qu'elle peut revenir à tout moment.</p>",
        ),
        ("heading", {"text": "Accueillir : le lieu, le temps, la posture", "level": "h2"}),
        (
            "paragraph",
            "<p>Recevez-la dans un <b>lieu calme et fermé</b>, jamais au comptoir devant "
            "d'autres usagers, et <b>sans l'auteur</b> ni personne de son entourage qui "
            "pourrait lui répéter ses propos. Si elle est venue avec ses enfants, "
            "organisez leur prise en charge pour qu'ils n'entendent pas l'audition. "
            "Présentez-vous, expliquez ce qui va se passer et combien de temps cela peut "
            "prendre.</p>"
            "<p>Pendant l'audition, laissez-la d'abord raconter librement, puis posez des "
            "questions ouvertes (« que s'est-il passé ensuite ? ») avant de préciser les "
            "faits : dates, fréquence, premier fait, fait le plus grave, dernier fait, "
            "présence des enfants, témoins, messages, certificats. Un récit désordonné, des "
            "oublis, une voix sans émotion ne sont pas des signes de mensonge : ce sont des "
            "effets fréquents du traumatisme. Ne la confrontez pas à l'auteur.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "À dire",
                        "body": "<ul><li>« Vous avez bien fait de venir. »</li>"
                        "<li>« Ce que vous décrivez est une violence, et c'est interdit par la "
                        "loi. »</li>"
                        "<li>« Vous n'y êtes pour rien : le seul responsable, c'est "
                        "lui. »</li>"
                        "<li>« Je vous crois. Prenez votre temps. »</li>"
                        "<li>« Voici ce qui va se passer après votre plainte. »</li>"
                        "<li>« Vous pouvez revenir ou appeler à tout moment. »</li></ul>",
                    },
                    {
                        "title": "À ne pas dire",
                        "body": "<ul><li>« Pourquoi n'êtes-vous pas partie plus tôt ? »</li>"
                        "<li>« Qu'avez-vous fait pour qu'il réagisse comme ça ? »</li>"
                        "<li>« Vous êtes sûre ? Il avait l'air si calme au téléphone. »</li>"
                        "<li>« Une main courante suffira, vous verrez bien. »</li>"
                        "<li>« Revenez quand vous aurez des marques. »</li>"
                        "<li>« Vous allez encore retourner avec lui. »</li></ul>",
                    },
                    {
                        "title": "Pourquoi ces mots comptent",
                        "body": "<p>L'auteur répète à la victime que tout est sa faute, "
                        "que personne ne la croira et que ce qu'elle vit est normal. Chaque "
                        "phrase « à ne pas dire » confirme son discours ; chaque phrase « à "
                        "dire » le contredit, avec l'autorité de l'institution.</p>",
                    },
                ]
            },
        ),
        ("heading", {"text": "Après l'audition", "level": "h2"}),
        (
            "paragraph",
            "<p>Évaluez le danger avec la grille et transmettez-le ; proposez un examen par "
            "un médecin ou une unité médico-judiciaire pour constater les blessures, "
            "physiques et psychiques ; proposez la rencontre avec l'<b>intervenant·e "
            "social·e</b> (ISCG), qui prend en charge l'hébergement, les droits et les "
            "enfants pendant que vous menez la procédure. Avant qu'elle parte, "
            "assurez-vous qu'elle sait où dormir ce soir et qui appeler en cas "
            "d'urgence.</p>"
            "<p>Porter plainte n'est pas toujours possible au commissariat : la plainte est "
            "aussi recueillie dans 542 établissements de santé, et le Pas-de-Calais a "
            "organisé des prises de plainte dans des accueils de jour pour les femmes qui "
            "n'osent pas se rendre au commissariat ou à la brigade.</p>",
        ),
        (
            "callout",
            {
                "title": "Pour les professionnels de santé",
                "text": "<p>Depuis la loi du 30 juillet 2020, un médecin ou un autre "
                "professionnel de santé peut signaler au procureur de la République, même "
                "sans l'accord de la victime majeure, des violences conjugales qui mettent sa "
                "vie en danger immédiat lorsqu'elle n'est pas en mesure de se protéger en "
                "raison de l'emprise (article 226-14 du Code pénal). Il s'efforce d'obtenir "
                "son accord et, à défaut, l'informe du signalement.</p>",
            },
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_DESK.title,
                "instructions": "Mettez-vous à la place de l'agent·e d'accueil et faites vos "
                "choix.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        Source(
            "Depuis le Grenelle de 2019, formation initiale et continue à l'accueil des "
            "victimes systématique pour les policiers et gendarmes : près de 155 000 formés "
            "en cinq ans. Le dépôt de plainte est possible dans 542 établissements de "
            "santé.",
            "Plan interministériel pour l'égalité 2023-2027, mesures du Grenelle",
            location="Discours des cinq ans du Grenelle ; « Où en sommes-nous aujourd'hui ? »",
            seed=NATIONAL,
        ),
        Source(
            "Les officiers et agents de police judiciaire sont tenus de recevoir les "
            "plaintes, même hors de leur compétence territoriale ; procès-verbal, "
            "récépissé immédiat et copie du procès-verbal (article 15-3).",
            "Code de procédure pénale, article 15-3",
        ),
        Source(
            "Information des victimes sur leurs droits : aide d'une association, "
            "constitution de partie civile, assistance d'un avocat, mesures de protection "
            "dont l'ordonnance de protection (article 10-2).",
            "Code de procédure pénale, article 10-2",
        ),
        Source(
            "Levée du secret professionnel pour les violences conjugales mettant la vie de "
            "la victime majeure en danger immédiat, sous emprise (article 226-14), introduite "
            "par la loi du 30 juillet 2020.",
            "Code pénal, article 226-14 ; loi n° 2020-936 du 30 juillet 2020",
        ),
        Source(
            "Prise de plainte sur site dans les accueils de jour, pour les victimes qui "
            "n'osent pas se rendre en commissariat ou gendarmerie.",
            "Plan cadre de lutte contre les violences faites aux femmes du Pas-de-Calais 2019-2022",
            location="Fiche action 3.5",
            seed=PAS_DE_CALAIS_PLAN,
        ),
    ),
)

LESSON_RESOURCES = Lesson(
    title="Ressources et numéros d'aide",
    intro="Orienter, c'est passer le relais à la bonne personne : les numéros à donner et "
    "les relais à connaître sur le territoire.",
    body=[
        ("heading", {"text": "Pourquoi orienter", "level": "h2"}),
        (
            "paragraph",
            "<p>Une victime de violences conjugales peut rencontrer près de 20 professionnels "
            "dans son parcours de sortie : avocate, travailleuse sociale, médecin, "
            "urgences, policier ou gendarme, juge aux affaires familiales, bailleur, "
            "banque, agence pour l'emploi… Chacun a son vocabulaire et ses procédures, et "
            "la victime doit souvent répéter son histoire. Le plan cadre du Pas-de-Calais en "
            "fait un constat central : pour éviter ce parcours du combattant, chaque "
            "professionnel doit savoir à qui passer le relais, et le faire lui-même quand "
            "c'est possible plutôt que de donner une liste de numéros.</p>",
        ),
        ("heading", {"text": "Les numéros à connaître", "level": "h2"}),
        ("help_numbers", {"title": "Numéros d'aide"}),
        (
            "paragraph",
            "<p>Le 3919 est gratuit et anonyme, ouvert jour et nuit en métropole comme en "
            "outre-mer. Depuis 2021, il est accessible aux personnes sourdes, malentendantes "
            "ou aphasiques et aux personnes qui parlent une autre langue, dans plus de 200 "
            "langues ; il a traité plus de 100 000 appels en 2024. En 2022, il a reçu 2 342 "
            "appels venant du Nord. Donnez aussi l'application App-Elles, qui permet "
            "d'alerter jusqu'à trois proches, et le site arretonslesviolences.gouv.fr, pour "
            "les victimes, les témoins et les professionnel·les.</p>",
        ),
        (
            "heading",
            {"text": "L'intervenant·e social·e en commissariat et gendarmerie", "level": "h2"},
        ),
        (
            "paragraph",
            "<p>L'ISCG reçoit les victimes dans les locaux mêmes du commissariat ou de la "
            "brigade, qu'elles aient ou non porté plainte. Il ou elle évalue leurs besoins "
            "sociaux, intervient dans l'urgence si nécessaire et fait le lien avec les "
            "partenaires : ouverture de droits à la CAF, recherche d'un logement, aide "
            "juridique, soutien psychologique. L'ISCG explique aussi la procédure et les "
            "suites d'une plainte. Le partage est clair : l'ISCG s'occupe de la prise en "
            "charge sociale, les policiers et les gendarmes de la partie judiciaire.</p>"
            "<p>Dans le Nord, 19 ISCG étaient en poste en 2023, dont 3 postes créés cette "
            "année-là à Douai, Dunkerque et Cambrai. Chacun reçoit en moyenne 300 à 400 "
            "personnes par an et traite en moyenne 4 à 5 situations de violences "
            "intrafamiliales par jour ; les violences conjugales représentent entre 50 % et "
            "70 % de leur activité selon les endroits. En France, 481 intervenants sociaux "
            "étaient en poste fin 2024.</p>",
        ),
        ("heading", {"text": "Les relais dans le Nord", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>11 accueils de jour et lieux d'écoute, d'accueil et "
            "d'orientation</b>, qui écoutent, informent et préparent, ou évitent, le départ "
            "du domicile ;</li>"
            "<li><b>2 centres d'information sur les droits des femmes et des familles "
            "(CIDFF)</b>, pour l'information juridique gratuite ;</li>"
            "<li><b>4 associations d'aide aux victimes</b> du réseau France Victimes et "
            "<b>6 associations spécialisées</b> dans la prise en charge des victimes ;</li>"
            "<li><b>260 places d'hébergement d'urgence</b> réservées aux victimes et à leurs "
            "enfants, accessibles par le 115 ;</li>"
            "<li><b>5 unités médico-judiciaires</b> pour les constatations médicales ;</li>"
            "<li>le van « En voiture Nina &amp; Simon.e.s », qui se rend dans les communes "
            "rurales et les quartiers prioritaires : en 2022, 76 permanences, 570 personnes "
            "venues à sa rencontre et 370 entretiens.</li></ul>"
            "<p>Une cartographie interactive de la préfecture recense ces structures par "
            "territoire. Les Maisons Nord Solidarité, les centres communaux d'action sociale "
            "et les points d'accès au droit reçoivent aussi les victimes.</p>",
        ),
        ("heading", {"text": "Dans le Pas-de-Calais", "level": "h2"}),
        (
            "paragraph",
            "<p>Le plan cadre a développé les intervenants sociaux en commissariat et en "
            "gendarmerie et les accueils de jour. Une cellule de traitement des violences "
            "sexuelles et sexistes (CTV2S) a été créée au commissariat de Lens, puis à "
            "Boulogne-sur-Mer, et un groupe d'enquête de lutte contre les violences "
            "intrafamiliales (GELVIF) est installé à la compagnie de gendarmerie de "
            "Saint-Pol-sur-Ternoise. Repérez les relais de votre "
            "arrondissement avant d'en avoir besoin.</p>",
        ),
        ("heading", {"text": "Partout en France", "level": "h2"}),
        (
            "paragraph",
            "<ul><li>l'<b>aide universelle d'urgence</b>, créée par la loi du 28 février "
            "2023 : un don ou un prêt sans intérêt, versé par la CAF ou la MSA en trois à "
            "cinq jours ouvrés, quand les violences sont attestées par une ordonnance de "
            "protection, une plainte ou un signalement au procureur ; son remboursement peut "
            "être mis à la charge de l'auteur, dans la limite de 5 000 € ;</li>"
            "<li>les <b>maisons des femmes</b>, structures de santé dédiées, et les 15 "
            "centres régionaux de prise en charge du psychotraumatisme ;</li>"
            "<li>pour les auteurs, le numéro <b>Ne frappez pas</b> et les 30 centres de "
            "prise en charge des auteurs : orienter un auteur qui demande de l'aide est "
            "aussi une façon de protéger.</li></ul>",
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_ORIENTATION.title,
                "instructions": "Pour chaque situation, choisissez le bon relais.",
                "requirement": "module",
            },
        ),
        # A SCORM 1.2 package, optional: what a partner's SCORM content looks like here.
        (
            "scorm",
            {
                "folder": "reperer-orienter",
                "title": "Repérer et orienter (module SCORM)",
                "instructions": "Pour aller plus loin : deux mises en situation, à reprendre "
                "quand vous voulez.",
            },
        ),
    ],
    sources=(
        Source(
            "Les victimes de violences conjugales peuvent rencontrer près de 20 "
            "professionnels dans leur parcours de sortie ; chacun emploie son propre "
            "vocabulaire ; il faut éviter la répétition douloureuse des faits. "
            "Développement des ISCG et des accueils de jour, CTV2S de Lens puis de "
            "Boulogne-sur-Mer, GELVIF de Saint-Pol-sur-Ternoise.",
            "Plan cadre de lutte contre les violences faites aux femmes du Pas-de-Calais 2019-2022",
            location="Axe 2 (« Et dans le Pas-de-Calais ? ») et fiche action 4.9",
            seed=PAS_DE_CALAIS_PLAN,
        ),
        Source(
            "Le 3919, accessible depuis 2021 aux personnes en situation de handicap et "
            "allophones (plus de 200 langues), a traité plus de 100 000 appels en 2024 ; "
            "481 intervenants sociaux en poste fin 2024 ; 15 centres régionaux du "
            "psychotraumatisme ; 30 centres de prise en charge des auteurs ; aide "
            "universelle d'urgence créée par la loi du 28 février 2023.",
            "Plan interministériel pour l'égalité 2023-2027, mesures du Grenelle",
            location="« Où en sommes-nous aujourd'hui ? », « Conforter le rôle des ISCG », "
            "« Les centres de prise en charge des auteurs »",
            seed=NATIONAL,
        ),
        Source(
            "En 2022, le 3919 a reçu 2 342 appels venant du Nord. App-Elles alerte jusqu'à "
            "trois contacts. Dans le Nord : 19 ISCG, dont 3 postes créés en 2023 à Douai, "
            "Dunkerque et Cambrai ; 300 à 400 personnes reçues par an, 4 à 5 situations de "
            "violences intrafamiliales par jour, violences conjugales entre 50% et 70% de "
            "l'activité ; 11 accueils de jour, 2 CIDFF, 4 associations d'aide aux "
            "victimes, 6 associations spécialisées, 260 places d'hébergement d'urgence, "
            "5 unités médico-judiciaires ; hébergement d'urgence par le 115 ; van en 2022 : "
            "76 permanences, 570 personnes, "
            "370 entretiens. Aide universelle d'urgence (loi du 28 février 2023) versée en "
            "trois à cinq jours ouvrés, remboursement à la charge de l'auteur dans la "
            "limite de 5 000 €.",
            "Préfecture du Nord, dossier de presse du 25 novembre 2023",
            location="Parties I et IV, « Zoom sur des actions phares mises en œuvre dans le Nord »",
            seed=NORD_2023,
        ),
    ),
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
        "Selon les données des services de police et de gendarmerie reprises par la "
        "préfecture du Nord en 2023, quelle part des victimes de violences conjugales sont "
        "des femmes ?",
        "Les femmes représentent 87 % des victimes de violences conjugales enregistrées par "
        "les services de sécurité.",
        ("Environ la moitié", False),
        ("87 %", True),
        ("97 %", False),
        tags="chiffres",
    ),
    single(
        "Selon l'estimation reprise par le ministère chargé de l'égalité, combien "
        "d'allers-retours une victime de violences au sein du couple ferait-elle en moyenne "
        "avant de quitter définitivement son conjoint violent ?",
        "Sept, en moyenne : c'est une estimation, que la source écrit au conditionnel, et "
        "non une mesure. Elle dit surtout que les retours sont fréquents ; l'emprise, la "
        "peur et le manque de ressources les expliquent, et ils ne disent rien de la "
        "gravité des faits.",
        ("Un seul", False),
        ("Trois", False),
        ("Sept", True),
        tags="strategie",
    ),
    true_false(
        "Une main courante peut être proposée à la place d'une plainte quand la victime hésite.",
        "Faux : la plainte ne peut pas être refusée (article 15-3 du Code de procédure "
        "pénale). La main courante ne déclenche pas d'enquête ; on informe la victime, on "
        "évalue le danger et on reçoit sa plainte.",
        answer=False,
        tags="accueil",
    ),
    multiple(
        "Lesquels de ces éléments sont des facteurs de danger grave à relever avec la grille "
        "d'évaluation ?",
        "Strangulation, menace de mort, arme et séparation récente annoncent un risque de "
        "passage à l'acte grave. Le calme apparent de la victime ne prouve pas l'absence de "
        "danger : l'emprise fait souvent minimiser.",
        ("Il lui a serré le cou lors de la dernière dispute", True),
        ("Il l'a menacée de mort si elle partait", True),
        ("Elle vient d'annoncer qu'elle le quitte", True),
        ("Elle paraît calme pendant l'audition", False),
        tags="danger",
    ),
    single(
        "Quel numéro national, gratuit et anonyme, écoute et oriente les femmes victimes de "
        "violences jour et nuit ?",
        "Le 3919 est ouvert jour et nuit, tous les jours ; le 115 sert à l'hébergement "
        "d'urgence et le 119 aux enfants en danger.",
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
    single(
        "Une victime vous dit : « Je suis retournée chez lui la dernière fois, je sais. » "
        "Quelle réponse convient ?",
        "Les retours font partie du parcours de sortie des violences et s'expliquent par "
        "l'emprise. Les reprocher confirme le discours de l'auteur ; dire qu'on la reçoit "
        "sans jugement le contredit.",
        ("« Vous êtes là aujourd'hui, et c'est ce qui compte. Je vous écoute. »", True),
        ("« Il faudrait savoir ce que vous voulez. »", False),
        ("« Cette fois, il faudra aller jusqu'au bout. »", False),
        tags="accueil",
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
            "La recevoir à l'écart, l'écouter sans juger et nommer les faits comme des "
            "violences l'aide à poursuivre sa démarche.",
            (
                "Je la reçois dans un bureau, je l'écoute et je lui dis que ce qu'elle "
                "décrit est une violence",
                True,
            ),
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
    # Lesson 1
    Figure("87 %", NORD_2023),
    Figure("79 %", NORD_2023),
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
    Figure("9%", NORD_2023),
    Figure("8%", NORD_2023),
    Figure("6%", NORD_2023),
    Figure("8 400", PAS_DE_CALAIS_PLAN),
    Figure("3 369", PAS_DE_CALAIS_PLAN),
    Figure("2 728", PAS_DE_CALAIS_PLAN),
    Figure("81 %", PAS_DE_CALAIS_PLAN),
    Figure("7 femmes", PAS_DE_CALAIS_PLAN),
    # Lesson 2
    Figure("25%", NORD_VIF),
    Figure("6,5 fois", NORD_VIF),
    Figure("2021-1516", NORD_VIF),
    # Lesson 3
    Figure("7 allers-retours", NATIONAL),
    # Lesson 4
    Figure("168", NORD_2023),
    Figure("6 565", NATIONAL),
    Figure("4 200", NATIONAL),
    Figure("12 mois", NATIONAL),
    # Lesson 5
    Figure("155 000", NATIONAL),
    Figure("542", NATIONAL),
    # Lesson 6
    Figure("près de 20", PAS_DE_CALAIS_PLAN),
    Figure("200 langues", NATIONAL),
    Figure("100 000 appels", NATIONAL),
    Figure("2 342", NORD_2023),
    Figure("481", NATIONAL),
    Figure("300 à 400 personnes par an", NORD_2023),
    Figure("4 à 5 situations", NORD_2023),
    Figure("50%", NORD_2023),
    Figure("70%", NORD_2023),
    Figure("11 accueils de jour", NORD_2023),
    Figure("4 associations d'aide aux", NORD_2023),
    Figure("6 associations", NORD_2023),
    Figure("260 places", NORD_2023),
    Figure("5 unités", NORD_2023),
    Figure("76 permanences", NORD_2023),
    Figure("570 personnes", NORD_2023),
    Figure("370 entretiens", NORD_2023),
    Figure("5 000", NORD_2023),
)

MODULE = Module(
    slug=SLUG,
    title="Le continuum des violences faites aux femmes",
    summary=(
        "Du sexisme ordinaire au féminicide : reconnaître toutes les formes de violences, "
        "comprendre la stratégie de l'agresseur et l'emprise, évaluer le danger, recevoir "
        "la victime et sa plainte, et l'orienter vers les bons relais."
    ),
    objectives_html=(
        "<ul><li>Situer une situation sur le continuum des violences</li>"
        "<li>Reconnaître les six formes de violences au sein du couple et leurs signes</li>"
        "<li>Identifier la stratégie de l'agresseur, le cycle de la violence et les effets de "
        "l'emprise</li>"
        "<li>Repérer les facteurs de danger et utiliser la grille d'évaluation</li>"
        "<li>Recevoir une victime et sa plainte : ce qu'il faut dire et ne pas dire</li>"
        "<li>Orienter vers l'ISCG, les associations et le 3919</li></ul>"
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
    activities=(
        ACTIVITY_CONTINUUM,
        ACTIVITY_SIGNS,
        ACTIVITY_CYCLE,
        ACTIVITY_DANGER,
        ACTIVITY_DESK,
        ACTIVITY_ORIENTATION,
    ),
    lessons=(
        LESSON_CONTINUUM,
        LESSON_FORMS,
        LESSON_STRATEGY,
        LESSON_DANGER,
        LESSON_RECEPTION,
        LESSON_RESOURCES,
    ),
    quiz_title="Évaluation finale — le continuum des violences",
    quiz_intro="Douze questions pour vérifier ce que vous retenez du module.",
    questions=QUESTIONS,
    figures=FIGURES,
)
