"""Module 3 — Prostitution des mineur·es : repérer, protéger, signaler.

Six lessons: the phenomenon, the signs, online recruitment, the law (loi n° 2002-305,
Code pénal), reporting (article 40 du Code de procédure pénale, information
préoccupante, 119) and the relays. Facts come from the Île-de-France guide
(`PROSTITUTION_GUIDE`), the Nord press kit (`NORD_2023`), the Pas-de-Calais plan
(`PAS_DE_CALAIS_PLAN`, fiche 4.5) and public law; each lesson lists them last.
"""

from accounts.constants import Profession
from courses.constants import Kind
from courses.h5p import contents as h5p
from demo.loaders.quizzes import matching, multiple, ordering, single, situation, true_false

from . import (
    NORD_2023,
    PAS_DE_CALAIS_PLAN,
    PROSTITUTION_GUIDE,
    Activity,
    Figure,
    H5PActivity,
    Lesson,
    Module,
    Source,
)

SLUG = "prostitution-des-mineurs"

GUIDE = (
    "Préfecture de la région d'Île-de-France (DRDFE), guide à l'usage des professionnel·les "
    "sur la prostitution et le parcours de sortie"
)
NORD_PRESS = (
    "Préfecture du Nord, dossier de presse du 25 novembre 2023 sur les violences faites aux femmes"
)
PDC_PLAN = (
    "Pas-de-Calais, plan cadre départemental de lutte contre les violences faites aux femmes "
    "2019-2022"
)
LOI_2002 = "Loi n° 2002-305 du 4 mars 2002 relative à l'autorité parentale"

# Sources shared by several lessons.
SOURCE_DEFINITION = Source(
    fact="La prostitution consiste à se prêter à des actes sexuels, de quelque nature qu'ils "
    "soient, contre une rémunération, qui peut être un cadeau ou un hébergement ; la loi du 13 "
    "avril 2016 a abrogé le délit de racolage et reconnaît les personnes prostituées comme "
    "victimes.",
    reference=GUIDE,
    location="« Le cadre légal » : la définition française de la prostitution ; « La loi du 13 "
    "avril 2016 »",
    seed=PROSTITUTION_GUIDE,
)
SOURCE_MINORS = Source(
    fact="Aucune source ne permet de mesurer l'ampleur de la prostitution des mineur·es ; les "
    "associations constatent une recrudescence de mineur·es victimes de traite, venu·es "
    "notamment du Nigeria, de Roumanie, de Bulgarie, mais aussi de nationalité française, et "
    "d'adolescentes ayant grandi en France, parfois scolarisées ; les mineur·es ne parlent "
    "jamais spontanément de leur situation et beaucoup cachent leur minorité à la demande de "
    "leurs proxénètes ; toute relation prostitutionnelle avec un·e mineur·e de moins de 18 ans "
    "est interdite et tout·e professionnel·le qui en a connaissance doit agir.",
    reference=GUIDE,
    location="« Mineur·es : un public particulièrement vulnérable, un devoir d'agir »",
    seed=PROSTITUTION_GUIDE,
)
SOURCE_LOI_2002 = Source(
    fact="La prostitution des mineur·es est interdite sur tout le territoire de la République ; "
    "tout·e mineur·e qui se prostitue, même occasionnellement, est réputé·e en danger et "
    "relève du juge des enfants au titre de l'assistance éducative (loi n° 2002-305 du 4 mars "
    "2002, article 13).",
    reference=LOI_2002,
    location="Article 13, I et II",
)

# Activities -------------------------------------------------------------------------

ACTIVITY_GIFTS = Activity(
    title="Vrai ou faux : des cadeaux en échange d'actes sexuels",
    statement_html=("<p>Il n'y a prostitution que s'il y a échange d'argent.</p>"),
    correct=False,
    feedback_html=(
        "<p>Faux. Des vêtements, un téléphone, un hébergement, des repas ou des produits "
        "obtenus en échange d'actes sexuels relèvent aussi de la prostitution, et il n'est pas "
        "nécessaire qu'il y ait eu pénétration.</p>"
    ),
    filename="vrai-faux-cadeaux.h5p",
)

ACTIVITY_SIGNALS = H5PActivity(
    title="Prostitution des mineur·es : repérer les signaux dans un récit",
    kind="markthewords",
    content=h5p.mark_the_words(
        "<p>Une assistante sociale de collège vous décrit la situation d'une élève. Cliquez "
        "sur les <strong>huit mots</strong> qui désignent un signal d'alerte de prostitution. "
        "Les autres éléments du récit ne sont pas, à eux seuls, des signaux.</p>",
        "<p>Inès est en troisième. Depuis la rentrée, ses *absences* se multiplient, surtout "
        "le lundi matin. Elle a fait deux *fugues* de plusieurs jours ; à son retour, elle "
        "portait des vêtements de marque et des *bijoux* que sa mère ne lui a pas offerts. "
        "Elle a désormais deux *téléphones*, qu'elle ne lâche pas pendant les cours. Elle "
        "parle d'un *copain* de vingt-quatre ans qui l'attend parfois en voiture devant le "
        "collège. Elle aime le dessin et veut devenir coiffeuse. L'infirmière l'a vue deux "
        "fois pour des *douleurs* au ventre et lui a proposé un dépistage d'*infections* "
        "sexuellement transmissibles. Elle a changé de groupe d'amies et dit en riant qu'elle "
        "« fait de l'*argent* facile » le week-end.</p>",
    ),
    filename="prostitution-signaux-recit.h5p",
)

ACTIVITY_RECRUITMENT = H5PActivity(
    title="Prostitution des mineur·es : les étapes d'un recrutement",
    kind="dragtext",
    content=h5p.drag_text(
        "<p>Faites glisser chaque mot à sa place dans le récit d'un recrutement. Deux mots "
        "sont de trop.</p>",
        "Un homme repère sur les réseaux sociaux une adolescente *isolée*, en conflit avec "
        "sa famille.\n"
        "Il la flatte, lui écrit chaque jour et lui offre des *cadeaux* : elle se croit "
        "aimée.\n"
        "Il l'éloigne peu à peu de ses amies et de ses proches : c'est l'*isolement*.\n"
        "Il lui annonce ensuite qu'elle lui doit de l'argent : la *dette* sert de moyen de "
        "pression.\n"
        "Il menace de diffuser des photos intimes : c'est du *chantage*.\n"
        "Il publie une *annonce* en ligne qui la présente comme majeure et organise les "
        "rencontres à l'hôtel.\n"
        "En tirant profit de ces rencontres, il commet le délit de *proxénétisme*.",
        distractors=["racolage", "consentement"],
    ),
    filename="prostitution-recrutement.h5p",
)

ACTIVITY_LAW = H5PActivity(
    title="Prostitution des mineur·es : qualifier les faits",
    kind="questionset",
    content=h5p.question_set(
        [
            h5p.nested(
                h5p.MULTI_CHOICE,
                h5p.multi_choice(
                    "<p>Un homme de trente ans paie une adolescente de seize ans pour un "
                    "acte sexuel. Quelle infraction commet-il, au minimum ?</p>",
                    [
                        (
                            "Le recours à la prostitution d'un·e mineur·e",
                            True,
                            "Oui : solliciter, accepter ou obtenir un acte sexuel d'un·e "
                            "mineur·e contre une rémunération ou un avantage est un délit.",
                        ),
                        (
                            "Aucune, si l'adolescente était consentante",
                            False,
                            "Non : le consentement apparent d'un·e mineur·e ne fait "
                            "disparaître aucune infraction.",
                        ),
                        (
                            "Une simple contravention",
                            False,
                            "Non : avec un·e mineur·e, c'est un délit, plus lourdement puni "
                            "que l'achat d'un acte sexuel à un·e adulte.",
                        ),
                    ],
                ),
                title="Le client",
            ),
            h5p.nested(
                h5p.MULTI_CHOICE,
                h5p.multi_choice(
                    "<p>Lesquels de ces faits relèvent du proxénétisme ?</p>",
                    [
                        (
                            "Encaisser l'argent des rencontres d'une jeune",
                            True,
                            "Oui : tirer profit de la prostitution d'autrui.",
                        ),
                        (
                            "Conduire une jeune aux rendez-vous et surveiller l'hôtel",
                            True,
                            "Oui : aider, assister ou protéger la prostitution d'autrui.",
                        ),
                        (
                            "Convaincre une amie de « faire comme moi » pour gagner de l'argent",
                            True,
                            "Oui : entraîner une personne vers la prostitution, même entre jeunes.",
                        ),
                        (
                            "Héberger une adolescente en fugue sans rien lui demander",
                            False,
                            "Non, pas en soi : il faut une aide à la prostitution, un profit "
                            "ou une pression pour qu'elle se prostitue.",
                        ),
                    ],
                ),
                title="Le proxénétisme",
            ),
            h5p.nested(
                h5p.TRUE_FALSE,
                h5p.true_false(
                    "<p>Pour qu'il y ait traite d'un·e mineur·e, il faut prouver une menace, "
                    "une contrainte ou une violence.</p>",
                    correct=False,
                    feedback_html="<p>Faux : quand la victime est mineure, la traite est "
                    "constituée même sans menace, contrainte, abus de vulnérabilité ni "
                    "contrepartie.</p>",
                ),
                title="La traite",
            ),
            h5p.nested(
                h5p.BLANKS,
                h5p.blanks(
                    "<p>Complétez avec un mot.</p>",
                    [
                        "<p>Tout·e mineur·e qui se prostitue, même occasionnellement, est "
                        "réputé·e en *danger* et relève du juge des *enfants*.</p>",
                    ],
                ),
                title="Le mineur réputé en danger",
            ),
        ],
        pass_percentage=60,
        key="prostitution-loi",
    ),
    filename="prostitution-qualifier.h5p",
)

ACTIVITY_REPORTING = H5PActivity(
    title="Prostitution des mineur·es : les voies du signalement",
    kind="blanks",
    content=h5p.blanks(
        "<p>Complétez chaque phrase d'un mot ou d'un nombre.</p>",
        [
            "<p>Un·e fonctionnaire qui apprend un crime ou un *délit* dans ses fonctions en "
            "avise sans délai le *procureur* de la République.</p>",
            "<p>Sans danger immédiat, on transmet une information *préoccupante* à la cellule "
            "du conseil *départemental* (CRIP).</p>",
            "<p>Le numéro national de l'enfance en danger, joignable jour et nuit, est le "
            "*119*.</p>",
            "<p>En cas de danger immédiat, on appelle le *17* ou le parquet de permanence.</p>",
            "<p>Sauf intérêt contraire de l'enfant, les *parents* sont informés de la "
            "transmission d'une information préoccupante.</p>",
        ],
    ),
    filename="prostitution-signalement.h5p",
)

ACTIVITY_PATROL = H5PActivity(
    title="Mise en situation : une adolescente rencontrée en patrouille",
    kind="branchingscenario",
    content=h5p.branching_scenario(
        title="Une adolescente rencontrée en patrouille",
        subtitle_html="<p>Vous êtes en patrouille de nuit. Chacun de vos choix a des "
        "conséquences pour la jeune fille : choisissez comme vous le feriez sur le "
        "terrain.</p>",
        screens=[
            h5p.scenario_text(
                "Sur le parking d'un hôtel",
                "<p>Il est presque deux heures du matin. Sur le parking d'un hôtel en bord de "
                "rocade, une jeune fille en tenue légère descend d'une voiture, qui repart "
                "aussitôt. Elle semble avoir froid et regarde sans cesse son téléphone. "
                "Quand vous l'abordez, elle répond vite : « J'ai dix-neuf ans, j'attends "
                "une copine, je n'ai rien fait. » Elle n'a pas de pièce d'identité.</p>",
                next_id=1,
            ),
            h5p.scenario_choice(
                "Premier choix",
                "<p>Que faites-vous ?</p>",
                [
                    (
                        "Elle se dit majeure et n'est pas recherchée : vous la laissez repartir.",
                        2,
                    ),
                    (
                        "Vous lui dites que ce qu'elle fait est interdit et relevez son "
                        "identité pour la verbaliser.",
                        3,
                    ),
                    (
                        "Vous l'éloignez du parking, vous présentez, lui proposez de se "
                        "mettre au chaud et vérifiez calmement son identité.",
                        4,
                    ),
                ],
            ),
            h5p.scenario_text(
                "Elle repart seule",
                "<p>Elle remonte dans une autre voiture un peu plus tard. Rien n'a été "
                "vérifié : ni son âge, ni le conducteur, ni la chambre d'hôtel.</p>",
                end_title="Une occasion manquée",
                end_subtitle="Beaucoup de mineures se disent majeures sur ordre de ceux qui "
                "les exploitent. Sans pièce d'identité, une jeune apparence, une heure "
                "tardive et une voiture qui repart imposent de vérifier et de protéger.",
                score=0,
            ),
            h5p.scenario_text(
                "Elle se ferme",
                "<p>Elle se sent accusée, ne dit plus rien et disparaît dès que vous "
                "relâchez votre attention. Elle retiendra que la police la considère comme "
                "fautive.</p>",
                end_title="Une erreur de cadre",
                end_subtitle="Le racolage n'est plus un délit depuis 2016, et une mineure en "
                "situation de prostitution est une victime, réputée en danger. La traiter en "
                "délinquante confirme ce que lui répète son exploiteur : personne ne "
                "l'aidera.",
                score=0,
            ),
            h5p.scenario_text(
                "Ce que vous apprenez",
                "<p>Au chaud dans le véhicule, elle finit par donner son vrai nom. La "
                "consultation des fichiers montre qu'elle a quinze ans et qu'une fugue a "
                "été déclarée par sa maison d'enfants il y a trois jours. Elle a deux "
                "téléphones et la carte d'une chambre de l'hôtel. Elle dit : « Mon copain "
                "va être en colère, il m'a payé la chambre. » Votre collègue a relevé la "
                "plaque de la voiture.</p>",
                next_id=5,
            ),
            h5p.scenario_choice(
                "Deuxième choix",
                "<p>Comment poursuivez-vous ?</p>",
                [
                    (
                        "Vous la raccompagnez à sa maison d'enfants et mentionnez la fin de "
                        "la fugue.",
                        6,
                    ),
                    (
                        "Vous rendez compte à l'officier de police judiciaire, qui avise le "
                        "parquet : mise à l'abri, examen médical, audition adaptée, "
                        "enquête sur le « copain », la chambre et la voiture.",
                        7,
                    ),
                    (
                        "Vous l'interrogez longuement sur place pour obtenir tout de suite "
                        "le nom de son « copain ».",
                        8,
                    ),
                ],
            ),
            h5p.scenario_text(
                "Retour au foyer",
                "<p>Elle est en sécurité cette nuit. Mais la chambre, le « copain » et la "
                "voiture ne font l'objet d'aucune suite, et elle fugue de nouveau la "
                "semaine suivante.</p>",
                end_title="À moitié seulement",
                end_subtitle="La mise à l'abri était juste, mais des faits de recours à la "
                "prostitution d'une mineure et de proxénétisme sont probables : ce sont des "
                "délits (voire des crimes) dont le procureur doit être avisé sans délai, et "
                "la situation doit être signalée pour sa protection.",
                score=5,
            ),
            h5p.scenario_text(
                "Protéger et enquêter",
                "<p>Le parquet, avisé dans la nuit, fait mettre la jeune fille à l'abri ; "
                "elle est examinée, puis entendue dans un cadre adapté. L'enquête vise "
                "l'homme qui a payé la chambre et le conducteur ; le juge des enfants est "
                "saisi.</p>",
                end_title="La bonne réponse",
                end_subtitle="Vous avez vérifié son âge, protégé la victime sans la juger, "
                "avisé le parquet des infractions probables et préservé les éléments "
                "d'enquête.",
                score=10,
            ),
            h5p.scenario_text(
                "Un interrogatoire sur le parking",
                "<p>Sous la pression, elle pleure, se contredit puis se tait. Ses "
                "déclarations, recueillies sans cadre, seront difficiles à utiliser, et elle "
                "refusera ensuite de parler.</p>",
                end_title="Une bonne intention, une mauvaise méthode",
                end_subtitle="Une victime sous emprise ne livre pas son exploiteur sur un "
                "parking. Mettez-la d'abord à l'abri, avisez le parquet et laissez "
                "l'audition à des enquêteurs formés, dans un lieu adapté.",
                score=3,
            ),
        ],
        key="prostitution-patrouille",
    ),
    filename="prostitution-patrouille.h5p",
)

# Lessons ----------------------------------------------------------------------------

LESSON_PHENOMENON = Lesson(
    title="Comprendre la prostitution des mineur·es",
    intro="Un phénomène mal mesuré, en hausse selon tous les acteurs de terrain, qui touche "
    "aussi des adolescentes ayant grandi et scolarisées en France.",
    body=[
        ("heading", {"text": "De quoi parle-t-on ?", "level": "h2"}),
        (
            "paragraph",
            "<p>En droit français, la prostitution désigne le fait d'accepter des actes "
            "sexuels, quels qu'ils soient, en échange d'une rémunération. Deux précisions "
            "changent tout sur le terrain. D'abord, la rémunération n'est pas forcément de "
            "l'argent : un repas, des vêtements, un téléphone, une nuit au chaud, des "
            "produits ou la promesse d'un de ces avantages suffisent. Ensuite, il n'est pas "
            "nécessaire qu'il y ait eu pénétration : des attouchements ou d'autres actes "
            "sexuels obtenus contre un avantage entrent aussi dans la définition.</p>"
            "<p>Quand la personne a moins de dix-huit ans, la question du choix ne se pose "
            "pas. La loi n° 2002-305 du 4 mars 2002 interdit la prostitution des mineur·es "
            "sur tout le territoire et considère que tout·e mineur·e qui s'y livre, même de "
            "façon occasionnelle, est en danger. Le ou la jeune n'est jamais l'auteur d'une "
            "infraction : il ou elle est la victime d'adultes, ou parfois d'autres jeunes, "
            "qui achètent, organisent ou exploitent ces actes.</p>",
        ),
        (
            "callout",
            {
                "title": "Définition à retenir",
                "text": "<p>Un·e mineur·e en situation de prostitution est un·e enfant en "
                "danger et une victime. Toute contrepartie compte, argent ou non, et tout "
                "acte sexuel compte, avec ou sans pénétration.</p>",
            },
        ),
        ("heading", {"text": "Un phénomène mal mesuré, en hausse", "level": "h2"}),
        (
            "paragraph",
            "<p>Personne ne sait compter précisément ces jeunes : ils et elles échappent aux "
            "statistiques, cachent leur âge et ne se présentent presque jamais comme "
            "victimes. Le guide francilien destiné aux professionnel·les le dit sans "
            "détour : aucune source ne permet aujourd'hui d'évaluer l'ampleur du "
            "phénomène.</p>"
            "<p>Les ordres de grandeur disponibles sont donc des estimations. La préfecture "
            "du Nord, dans son dossier de presse du 25 novembre 2023, retient qu'entre 7 000 "
            "et 10 000 enfants seraient victimes de prostitution chaque année en France, en "
            "précisant qu'il s'agit d'une évaluation approximative et probablement bien "
            "inférieure à la réalité. Présentez toujours ce chiffre comme une estimation, "
            "jamais comme un comptage.</p>"
            "<p>Sur un point, en revanche, les acteurs institutionnels et associatifs sont "
            "unanimes : le phénomène progresse. Les associations spécialisées observent "
            "depuis plusieurs années davantage de mineur·es victimes de traite à des fins "
            "d'exploitation sexuelle, venu·es notamment du Nigeria, de Roumanie ou de "
            "Bulgarie, mais aussi de nationalité française. Surtout, la prostitution des "
            "mineur·es ne se résume pas à la traite : elle concerne aussi des adolescentes, "
            "le plus souvent des filles, qui ont grandi en France, vivent dans leur famille "
            "ou en foyer et vont parfois encore au collège ou au lycée.</p>",
        ),
        ("heading", {"text": "Un système, pas une affaire individuelle", "level": "h2"}),
        (
            "paragraph",
            "<p>Parler de « système prostitutionnel » permet de voir l'ensemble des acteurs : "
            "des clients qui achètent, des proxénètes et des réseaux qui organisent et "
            "encaissent, des personnes prostituées qui subissent, et une société qui "
            "tolère plus ou moins. La France a fait le choix d'une position abolitionniste : "
            "la prostitution y est considérée comme une violence, et la loi du 13 avril 2016 "
            "a supprimé le délit de racolage pour reconnaître les personnes prostituées "
            "comme des victimes. Elle a aussi interdit l'achat d'actes sexuels et créé un "
            "parcours de sortie de la prostitution.</p>"
            "<p>Pour un·e mineur·e, ce cadre s'ajoute à la protection de l'enfance. "
            "L'achat d'un acte sexuel à un·e mineur·e est un délit plus lourdement puni que "
            "celui commis avec un·e adulte, et celui ou celle qui organise ou tire profit "
            "de cette prostitution est un·e proxénète, même s'il s'agit d'un « petit "
            "copain » ou d'une amie du même âge.</p>",
        ),
        ("heading", {"text": "Des mots qui masquent la réalité", "level": "h2"}),
        (
            "paragraph",
            "<p>Les jeunes décrivent rarement ce qu'ils vivent avec le mot « prostitution ». "
            "Ils parlent de « michetonnage », d'« escorting », de « plans » ou de « faire "
            "de l'argent ». Ces termes, dont le guide francilien cite les deux premiers, "
            "banalisent l'exploitation et la font passer pour un mode de vie choisi, "
            "parfois valorisé sur les réseaux sociaux. Ils rendent aussi le repérage plus "
            "difficile pour les adultes qui ne les connaissent pas. Votre rôle n'est pas "
            "de corriger le vocabulaire du ou de la jeune, mais de comprendre ce qu'il "
            "recouvre et de ne pas reprendre à votre compte l'idée d'un choix.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "À dire",
                        "body": "<ul><li>« un·e jeune en situation de prostitution », "
                        "« une victime d'exploitation sexuelle » ;</li>"
                        "<li>« ce qui t'arrive n'est pas normal et ce n'est pas ta "
                        "faute » ;</li>"
                        "<li>« la loi te protège, même si tu as accepté ».</li></ul>",
                    },
                    {
                        "title": "À ne pas dire",
                        "body": "<ul><li>« une prostituée », « une michetonneuse », « une "
                        "escort » : ces mots l'enferment dans un statut ;</li>"
                        "<li>« tu l'as cherché », « tu savais ce que tu faisais » ;</li>"
                        "<li>« à ton âge, tu es assez grande pour choisir ».</li></ul>",
                    },
                ]
            },
        ),
        ("heading", {"text": "Ce que vous pouvez rencontrer dans votre métier", "level": "h2"}),
        (
            "paragraph",
            "<p>La prostitution des mineur·es se montre rarement de face. Elle apparaît au "
            "détour d'une autre affaire, et c'est souvent là que tout se joue.</p>"
            "<ul><li><b>En patrouille</b> : une jeune fille seule la nuit près d'un hôtel, "
            "d'une gare ou d'un parking, qui se dit majeure sans pouvoir le prouver, une "
            "voiture qui repart à votre arrivée.</li>"
            "<li><b>Au commissariat ou à la brigade</b> : des parents qui déclarent une "
            "énième fugue, une plainte pour vol de téléphone qui révèle des échanges "
            "inquiétants, une adolescente entendue dans une autre affaire.</li>"
            "<li><b>Aux urgences ou en consultation</b> : une adolescente alcoolisée ou "
            "intoxiquée amenée en pleine nuit, une demande répétée de contraception "
            "d'urgence, une infection sexuellement transmissible, des lésions "
            "inexpliquées.</li>"
            "<li><b>Dans un établissement de l'aide sociale à l'enfance</b> : des fugues le "
            "week-end, des retours avec des biens de valeur, un « copain » plus âgé qui "
            "attend devant la porte.</li></ul>"
            "<p>Dans chacune de ces situations, le ou la professionnel·le qui fait le lien "
            "entre des signes épars peut changer la trajectoire d'un·e jeune. Les leçons "
            "suivantes vous donnent les repères pour le faire : reconnaître les signaux, "
            "comprendre le recrutement, qualifier les faits, signaler et orienter.</p>",
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_GIFTS.title,
                "instructions": "Vrai ou faux ? Répondez, puis lisez l'explication.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        SOURCE_DEFINITION,
        SOURCE_MINORS,
        Source(
            fact="En France, entre 7 000 et 10 000 enfants seraient victimes de prostitution "
            "chaque année, une évaluation approximative et probablement bien en deçà de la "
            "réalité ; les acteurs institutionnels et associatifs constatent que la "
            "prostitution des mineur·es s'accroît et ne se réduit pas à la traite "
            "(dossier de presse du 25 novembre 2023).",
            reference=NORD_PRESS,
            location="II. La lutte contre la prostitution des personnes mineures dans le Nord",
            seed=NORD_2023,
        ),
        SOURCE_LOI_2002,
    ),
)

LESSON_SIGNALS = Lesson(
    title="Facteurs de risque et signaux d'alerte",
    intro="Il n'existe pas de profil type, mais des vulnérabilités qui s'additionnent et des "
    "signes qui, réunis, doivent alerter.",
    body=[
        ("heading", {"text": "Des vulnérabilités qui s'additionnent", "level": "h2"}),
        (
            "paragraph",
            "<p>Aucun·e jeune n'entre dans la prostitution pour une seule raison. Les "
            "situations sont diverses, mais les professionnel·les qui accompagnent ces "
            "jeunes retrouvent des facteurs communs, qui se cumulent. Le guide francilien "
            "les range en trois familles : ce qui fragilise, ce qui déclenche la première "
            "rencontre avec la prostitution, et ce qui installe peu à peu le ou la jeune "
            "dans cette situation. Connaître ces facteurs ne sert pas à étiqueter un·e "
            "adolescent·e, mais à regarder de plus près quand plusieurs d'entre eux se "
            "rencontrent.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "Ce qui fragilise",
                        "body": "<ul><li><b>dans la famille</b> : parents peu présents ou "
                        "abusant de leur autorité, violences répétées, en particulier "
                        "sexuelles, ruptures ;</li>"
                        "<li><b>dans le rapport à soi</b> : mauvaise estime de soi, "
                        "rapport difficile au corps, besoin affectif, isolement, rejet lié "
                        "à l'orientation sexuelle ou à l'identité de genre ;</li>"
                        "<li><b>dans la vie sociale</b> : échec scolaire, précarité ;</li>"
                        "<li><b>dans les comportements</b> : errance, consommation d'alcool "
                        "ou de drogues, fréquentation de groupes à risque.</li></ul>",
                    },
                    {
                        "title": "Ce qui déclenche",
                        "body": "<ul><li>un besoin immédiat : un toit après une fugue, de "
                        "l'argent, un réseau quand on n'en a plus ;</li>"
                        "<li>une sexualité marquée par la domination, de multiples "
                        "partenaires, des addictions, une valorisation excessive de "
                        "l'argent et des marques ;</li>"
                        "<li>une rencontre : un groupe qui présente la prostitution comme "
                        "un moyen facile de gagner de l'argent, un « petit ami » plus âgé "
                        "(le « lover boy ») qui séduit avant d'exploiter, un emploi de "
                        "« masseuse » ou d'« hôtesse ».</li></ul>",
                    },
                    {
                        "title": "Ce qui installe",
                        "body": "<ul><li>le sentiment d'appartenir enfin à un groupe ;</li>"
                        "<li>une identité sociale construite autour de cette activité, "
                        "présentée comme occasionnelle et maîtrisée, mais vécue avec honte "
                        "ou culpabilité ;</li>"
                        "<li>l'emprise de l'exploiteur, qui isole le ou la jeune de ses "
                        "proches et des adultes protecteurs.</li></ul>",
                    },
                ]
            },
        ),
        ("heading", {"text": "Les jeunes les plus exposé·es", "level": "h2"}),
        (
            "paragraph",
            "<p>La rapporteure spéciale des Nations unies sur la prostitution des enfants, "
            "citée par le guide, désigne comme les plus vulnérables les enfants qui vivent "
            "ou errent dans la rue, les enfants placés en institution, les victimes de "
            "violences sexuelles dans leur famille, les enfants dépendants à l'alcool ou aux "
            "drogues et les mineur·es isolé·es étranger·es. Les mineur·es victimes de traite "
            "cumulent souvent plusieurs de ces fragilités : migration, isolement, situation "
            "administrative irrégulière, vécu de violences. Plus le ou la jeune est isolé·e, "
            "plus l'emprise de l'exploiteur est forte.</p>"
            "<p>Pour un·e policier·ère ou un·e gendarme, cela signifie qu'une fugue "
            "d'adolescente placée n'est jamais une affaire banale. Pour un·e soignant·e, "
            "qu'une adolescente en errance vue aux urgences appelle des questions au-delà du "
            "motif de sa venue.</p>",
        ),
        ("heading", {"text": "Les signaux qui doivent alerter", "level": "h2"}),
        (
            "paragraph",
            "<p>Un signe isolé ne prouve rien : un·e adolescent·e peut fuguer, recevoir un "
            "téléphone ou sécher les cours pour bien d'autres raisons. C'est le "
            "<b>cumul</b> qui doit alerter, et il se construit souvent à plusieurs, en "
            "croisant ce que voient l'école, la famille, le foyer, les soignant·es et les "
            "forces de l'ordre.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "Dans la vie quotidienne",
                        "body": "<ul><li>fugues répétées, souvent le week-end, nuits "
                        "passées hors du domicile ou du foyer ;</li>"
                        "<li>absences scolaires, décrochage, retards le lundi ;</li>"
                        "<li>changement brutal d'amis, de tenue, de rythme de vie.</li></ul>",
                    },
                    {
                        "title": "Dans ce que le ou la jeune possède",
                        "body": "<ul><li>argent liquide, vêtements de marque, bijoux, soins "
                        "de beauté que ses ressources n'expliquent pas ;</li>"
                        "<li>plusieurs téléphones ou plusieurs comptes sur les réseaux "
                        "sociaux, messages incessants ;</li>"
                        "<li>clés ou cartes de chambres d'hôtel, billets de transport "
                        "vers d'autres villes.</li></ul>",
                    },
                    {
                        "title": "Dans son entourage",
                        "body": "<ul><li>un « copain » nettement plus âgé, qui vient le ou "
                        "la chercher en voiture ;</li>"
                        "<li>des adultes inconnus qui l'accompagnent ou répondent à sa "
                        "place ;</li>"
                        "<li>une amie qui propose de « faire des plans » ensemble.</li></ul>",
                    },
                    {
                        "title": "Dans sa santé",
                        "body": "<ul><li>infections sexuellement transmissibles, grossesse, "
                        "demandes répétées de contraception d'urgence ;</li>"
                        "<li>lésions, traces de coups, douleurs inexpliquées ;</li>"
                        "<li>consommation d'alcool ou de drogues, épuisement, troubles du "
                        "sommeil, signes de psychotraumatisme.</li></ul>",
                    },
                ]
            },
        ),
        ("heading", {"text": "Croiser les regards", "level": "h2"}),
        (
            "paragraph",
            "<p>Chaque professionnel·le ne voit qu'un morceau de la situation. Le ou la "
            "CPE note les absences du lundi, l'infirmier·ère scolaire une demande de test de "
            "grossesse, l'éducateur·rice du foyer les retours tardifs, la brigade une fugue "
            "de plus. Séparés, ces éléments paraissent banals ; réunis, ils dessinent un "
            "danger. D'où l'importance de noter ce que vous observez, avec la date et les "
            "mots exacts du ou de la jeune, et de le partager avec les personnes qui peuvent "
            "agir : votre hiérarchie, le service social, la cellule départementale, le "
            "parquet quand il y a une infraction. Une note précise et datée vaut mieux "
            "qu'une impression, et elle servira à ceux qui évalueront la situation.</p>",
        ),
        ("heading", {"text": "Pourquoi le ou la jeune ne dit rien", "level": "h2"}),
        (
            "paragraph",
            "<p>Les mineur·es en situation de prostitution n'en parlent presque jamais "
            "spontanément. La honte, la peur des représailles ou d'un placement, la loyauté "
            "envers un « copain » qu'ils ou elles aiment, la dette qu'on leur a fait "
            "contracter et les images qu'on menace de diffuser les en empêchent. Beaucoup "
            "ne se vivent pas comme victimes : ils et elles disent gérer, choisir, gagner "
            "leur vie. Enfin, beaucoup cachent leur âge, souvent sur consigne de leurs "
            "proxénètes, précisément pour décourager les professionnel·les d'intervenir.</p>"
            "<p>Le repérage ne peut donc pas reposer sur une révélation. Il revient aux "
            "adultes qui croisent le ou la jeune, chacun·e dans son métier, de remarquer "
            "les signes, d'ouvrir une porte et de transmettre.</p>",
        ),
        (
            "callout",
            {
                "title": "Ce qui ne doit pas vous arrêter",
                "text": "<ul><li>« Elle dit qu'elle est majeure » : vérifiez, beaucoup de "
                "mineur·es mentent sur leur âge sur ordre de leur exploiteur.</li>"
                "<li>« Il dit qu'il est d'accord » : le consentement apparent d'un·e "
                "mineur·e ne change rien à sa situation de danger.</li>"
                "<li>« C'est un garçon » : les garçons aussi sont exploités, et encore "
                "moins repérés.</li>"
                "<li>« Elle refuse toute aide » : la protection de l'enfance s'applique "
                "même quand le ou la jeune exige le silence.</li></ul>",
            },
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_SIGNALS.title,
                "instructions": "Lisez le récit et cliquez sur les mots qui désignent un "
                "signal d'alerte.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        Source(
            fact="Les facteurs de risque se cumulent et se répartissent en facteurs "
            "fragilisants, déclenchants et d'installation progressive ; la rapporteure "
            "spéciale de l'ONU désigne comme les plus vulnérables les enfants des rues, "
            "placés, victimes d'abus sexuels intrafamiliaux, dépendants et les mineur·es "
            "isolé·es étranger·es ; les mineur·es victimes de traite cumulent les "
            "vulnérabilités ; le cumul de plusieurs signes doit alerter.",
            reference=GUIDE,
            location="« Mineur·es : un public particulièrement vulnérable, un devoir d'agir » "
            "(facteurs fragilisants, déclenchants, d'installation progressive)",
            seed=PROSTITUTION_GUIDE,
        ),
        SOURCE_MINORS,
        SOURCE_LOI_2002,
    ),
)

LESSON_ONLINE = Lesson(
    title="Le recrutement en ligne",
    intro="Réseaux sociaux, messageries, sites d'annonces : aujourd'hui, la prostitution des "
    "mineur·es se prépare et s'organise surtout en ligne.",
    body=[
        ("heading", {"text": "La rue n'est plus le premier lieu", "level": "h2"}),
        (
            "paragraph",
            "<p>La prostitution de rue reste la plus visible, mais elle ne représenterait "
            "plus qu'une minorité des prises de contact avec les clients : selon le guide "
            "francilien, moins d'un tiers. Le reste passe par internet, et les rencontres "
            "ont lieu en appartement, dans des logements loués pour quelques nuits ou à "
            "l'hôtel. Cette évolution complique le repérage : il n'y a plus de trottoir à "
            "surveiller, et les jeunes circulent d'une ville à l'autre au gré des "
            "annonces.</p>"
            "<p>Pour les mineur·es, le numérique joue un double rôle. Il sert d'abord à les "
            "<b>recruter</b> : les réseaux sociaux permettent de repérer les jeunes isolé·es, "
            "en conflit avec leur famille ou en quête de reconnaissance. Il sert ensuite à "
            "les <b>exploiter</b> : des annonces, souvent rédigées pour les faire passer "
            "pour majeur·es, attirent les clients, et les messageries permettent d'organiser "
            "les rendez-vous.</p>",
        ),
        ("heading", {"text": "Les étapes d'un recrutement", "level": "h2"}),
        (
            "paragraph",
            "<p>Les récits recueillis par les associations décrivent souvent le même "
            "enchaînement, qu'il est utile de connaître pour intervenir tôt.</p>"
            "<ol><li><b>Le repérage</b> : un compte qui s'intéresse à une adolescente, "
            "commente ses photos, lui écrit en privé. La cible est choisie pour sa "
            "fragilité : fugue, conflit familial, solitude.</li>"
            "<li><b>La séduction</b> : compliments, attention constante, cadeaux, sorties. "
            "Le « lover boy » se présente comme un petit ami, parfois comme le seul qui la "
            "comprenne.</li>"
            "<li><b>L'isolement</b> : il l'éloigne de ses amies, de sa famille, des adultes "
            "du foyer, qui « ne la comprennent pas ».</li>"
            "<li><b>La dette ou le chantage</b> : il lui rappelle tout ce qu'il a payé, ou "
            "menace de diffuser des images intimes qu'elle lui a confiées.</li>"
            "<li><b>L'exploitation</b> : il publie des annonces, loue les chambres, fixe les "
            "prix et encaisse l'argent.</li></ol>"
            "<p>Le recrutement passe aussi par les pairs : une amie qui raconte qu'elle « se "
            "fait de l'argent facile » et propose de l'accompagner, un groupe où ces "
            "pratiques sont valorisées. La frontière entre victime et recruteur·euse est "
            "alors floue, et l'adolescent·e qui recrute est souvent lui- ou elle-même "
            "exploité·e.</p>",
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_RECRUITMENT.title,
                "instructions": "Faites glisser les mots dans le texte.",
                "requirement": "module",
            },
        ),
        ("heading", {"text": "Les images comme moyen de pression", "level": "h2"}),
        (
            "paragraph",
            "<p>Les photos et vidéos intimes tiennent une place centrale. Obtenues dans une "
            "relation de confiance, volées ou extorquées, elles deviennent une arme : la "
            "menace de les envoyer aux parents ou aux camarades suffit souvent à faire "
            "obéir. La diffusion d'images intimes sans accord (souvent appelée « revenge "
            "porn ») et le cyberharcèlement qui l'accompagne isolent encore la victime, qui "
            "se sent coupable et n'ose plus demander de l'aide. Lors d'une audition ou d'une "
            "consultation, demander s'il existe des images et si quelqu'un menace de les "
            "diffuser permet souvent de comprendre pourquoi un·e jeune ne parvient pas à "
            "partir.</p>",
        ),
        ("heading", {"text": "Ce que le numérique laisse comme traces", "level": "h2"}),
        (
            "paragraph",
            "<p>Le numérique complique le repérage, mais il laisse des traces utiles à la "
            "protection comme à l'enquête : des annonces qui reprennent les mêmes photos ou "
            "le même numéro de téléphone, des réservations d'hôtel ou de logement au nom "
            "d'un tiers, des paiements, des conversations où l'exploiteur fixe les tarifs "
            "et les horaires. Pour un·e enquêteur·rice, ces éléments permettent souvent de "
            "caractériser le proxénétisme sans faire reposer toute la procédure sur la "
            "parole de la victime. Pour les autres professionnel·les, la règle est simple : "
            "ne pas fouiller soi-même un téléphone ni contacter les auteurs, mais signaler "
            "ce que l'on a vu, en décrivant précisément l'annonce ou le profil (nom du site, "
            "pseudonyme, date).</p>"
            "<p>Demander à un·e jeune comment il ou elle rencontre ses « copains » ou d'où "
            "viennent ses cadeaux, et s'il existe des images que quelqu'un menace de "
            "diffuser, fait partie d'un entretien de repérage aux urgences comme à "
            "l'accueil d'un commissariat.</p>",
        ),
        (
            "heading",
            {
                "text": "Un chiffre à lire avec précaution : l'observation des annonces",
                "level": "h2",
            },
        ),
        (
            "paragraph",
            "<p>Dans le Pas-de-Calais, le plan cadre départemental 2019-2022 a confié à "
            "l'Amicale du Nid un diagnostic sur la prostitution dans le département. Une de "
            "ses phases a consisté à observer les sites internet de septembre à décembre "
            "2018. Elle a relevé près de 700 annonces diffusées sur 4 mois, concernant près "
            "de 300 personnes.</p>"
            "<p>Ce chiffre décrit la prostitution en ligne dans son ensemble, "
            "essentiellement celle d'adultes : il ne dit pas combien de mineur·es figuraient "
            "parmi ces personnes, et il ne faut jamais le présenter comme un chiffre de la "
            "prostitution des mineur·es. Il montre en revanche l'ampleur de l'offre "
            "publiée en ligne sur un seul département, au milieu de laquelle des mineur·es "
            "présenté·es comme majeur·es peuvent se trouver.</p>",
        ),
        ("heading", {"text": "Prévenir auprès des jeunes", "level": "h2"}),
        (
            "paragraph",
            "<p>Parler avec les jeunes du consentement, des relations violentes, des "
            "violences en ligne et des stéréotypes de genre fait partie de la prévention. "
            "Dans le Nord, après un appel à projets national remporté en 2022 par la "
            "fédération régionale des CIDFF des Hauts-de-France, les CIDFF Nord/Territoires "
            "et Nord/Flandres sont intervenus auprès de plus de 320 jeunes : séances en "
            "collège avec un escape game ou le jeu débat « Vu sur les réseaux », "
            "interventions en maisons d'enfants sur la puberté, le consentement, le "
            "« revenge porn » et le cyberharcèlement, forums avec des partenaires locaux. "
            "Ces actions devaient se poursuivre en 2024.</p>"
            "<p>Pour les jeunes eux-mêmes, le site jenesuispasavendre.org présente la "
            "réalité de la prostitution, rappelle la loi et indique des structures à "
            "contacter, avec une bande dessinée interactive et des vidéos.</p>",
        ),
        (
            "callout",
            {
                "title": "Signaler un contenu en ligne",
                "text": "<p>Une annonce, un profil ou une conversation qui laisse penser à "
                "la prostitution d'un·e mineur·e se signale sur la plateforme du ministère "
                "de l'Intérieur, internet-signalement.gouv.fr. Ce signalement ne remplace "
                "pas l'information des autorités sur la situation du ou de la jeune quand "
                "vous le ou la connaissez : il s'y ajoute.</p>",
            },
        ),
    ],
    sources=(
        Source(
            fact="La prostitution de rue représenterait moins d'un tiers des prises de "
            "contact avec les clients, qui passent surtout par internet ; les rencontres se "
            "font en appartement, à l'hôtel ; les « lover boys » séduisent avant d'exploiter ; "
            "la plateforme internet-signalement.gouv.fr du ministère de l'Intérieur reçoit "
            "les signalements de prostitution sur internet ; le site jenesuispasavendre.org "
            "sensibilise les jeunes.",
            reference=GUIDE,
            location="« Un phénomène hétérogène » ; « Mineur·es : un public particulièrement "
            "vulnérable » ; « Information et prévention »",
            seed=PROSTITUTION_GUIDE,
        ),
        Source(
            fact="Le diagnostic départemental confié à l'Amicale du Nid a observé les sites "
            "internet de septembre à décembre 2018 : près de 700 annonces diffusées sur 4 "
            "mois concernant près de 300 personnes, toutes situations de prostitution "
            "confondues (le diagnostic ne distingue pas les mineur·es) ; plan cadre "
            "2019-2022.",
            reference=PDC_PLAN,
            location="Axe 4, fiche action 4.5 « Le diagnostic départemental »",
            seed=PAS_DE_CALAIS_PLAN,
        ),
        Source(
            fact="Lauréate en 2022 d'un appel à projets national, la FR-CIDFF des "
            "Hauts-de-France a développé des actions de sensibilisation ; les CIDFF "
            "Nord/Territoires et Nord/Flandres sont intervenus auprès de plus de 320 jeunes "
            "(collèges, maisons d'enfants, forums : escape game, jeu débat « Vu sur les "
            "réseaux », « revenge porn », cyberharcèlement) ; actions poursuivies en 2024.",
            reference=NORD_PRESS,
            location="II. La lutte contre la prostitution des personnes mineures dans le "
            "Nord, « Renforcement de la prévention des conduites prostitutionnelles »",
            seed=NORD_2023,
        ),
    ),
)

LESSON_LAW = Lesson(
    title="Ce que dit la loi",
    intro="La prostitution d'un·e mineur·e est interdite, le ou la jeune est réputé·e en "
    "danger, et ceux qui en profitent commettent des délits, parfois des crimes.",
    body=[
        (
            "heading",
            {"text": "Un principe : le ou la mineur·e est réputé·e en danger", "level": "h2"},
        ),
        (
            "paragraph",
            "<p>L'article 13 de la loi n° 2002-305 du 4 mars 2002 relative à l'autorité "
            "parentale pose deux règles. La première : la prostitution des mineur·es est "
            "interdite sur tout le territoire de la République. La seconde : tout·e "
            "mineur·e qui se prostitue, même occasionnellement, est <b>réputé·e en "
            "danger</b> et relève de la protection du <b>juge des enfants</b>, au titre de "
            "l'assistance éducative.</p>"
            "<p>« Réputé en danger » signifie que le danger n'a pas à être démontré par "
            "ailleurs : la situation de prostitution suffit. Il n'y a donc pas à se demander "
            "si l'adolescent·e est « vraiment » contraint·e, ni à attendre qu'il ou elle se "
            "reconnaisse victime. L'assistance éducative est la procédure de l'article 375 "
            "du Code civil : le juge des enfants peut ordonner des mesures de protection, "
            "jusqu'au placement, lorsque la santé, la sécurité ou la moralité d'un·e "
            "mineur·e sont en danger.</p>"
            "<p>Interdire la prostitution des mineur·es ne veut pas dire punir le ou la "
            "jeune. Aucune infraction ne lui est reprochée, et le délit de racolage, qui "
            "visait autrefois les personnes prostituées, a été abrogé par la loi du 13 avril "
            "2016. Ceux que la loi pénale vise sont les clients, les proxénètes et les "
            "trafiquants.</p>",
        ),
        ("heading", {"text": "Le client commet un délit", "level": "h2"}),
        (
            "paragraph",
            "<p>L'article 225-12-1 du Code pénal punit le fait de solliciter, d'accepter ou "
            "d'obtenir des relations de nature sexuelle de la part d'un·e mineur·e qui se "
            "prostitue, même occasionnellement, en échange d'une rémunération, d'un "
            "avantage en nature ou de la simple promesse de l'un ou de l'autre. "
            "L'infraction est constituée dès la sollicitation ou la promesse : il n'est pas "
            "nécessaire que l'acte ait eu lieu.</p>"
            "<p>L'article 225-12-2 aggrave les peines dans plusieurs cas, et notamment "
            "lorsque le ou la mineur·e a <b>moins de 15 ans</b>. Les autres circonstances "
            "aggravantes parlent directement du terrain : des faits habituels ou commis sur "
            "plusieurs mineur·es, un contact noué par une annonce ou un réseau de "
            "communication ouvert au public, un abus d'autorité. Enfin, la loi française "
            "s'applique aux faits commis à l'étranger par un·e Français·e ou par une personne "
            "qui réside habituellement en France (article 225-12-3) : acheter un acte sexuel "
            "à un·e mineur·e lors d'un voyage reste punissable en France.</p>"
            "<p>Pour les moins de 15 ans, une autre qualification s'impose souvent. Depuis "
            "la loi n° 2021-478 du 21 avril 2021, l'article 222-23-1 du Code pénal fait de "
            "tout acte de pénétration sexuelle ou bucco-génital commis par un·e majeur·e sur "
            "un·e mineur·e de moins de 15 ans un <b>viol</b>, sans qu'il soit besoin de "
            "prouver violence, contrainte, menace ou surprise, lorsque l'écart d'âge est "
            "d'au moins cinq ans. Et cette condition d'écart d'âge ne s'applique pas quand "
            "les faits sont commis en échange d'une rémunération ou d'un avantage : le "
            "client majeur qui commet un tel acte sur un·e enfant de moins de 15 ans "
            "encourt donc les peines du viol, quel que soit leur écart d'âge.</p>",
        ),
        (
            "callout",
            {
                "title": "Avec un·e mineur·e, aucune exception",
                "text": "<p>Depuis 2016, l'achat d'un acte sexuel est interdit quel que "
                "soit l'âge. Avec un·e mineur·e, c'est un délit plus lourdement puni, "
                "aggravé en dessous de 15 ans, et souvent un viol à cet âge. Le "
                "consentement apparent du ou de la jeune n'efface pas l'infraction.</p>",
            },
        ),
        ("heading", {"text": "Le proxénétisme", "level": "h2"}),
        (
            "paragraph",
            "<p>L'article 225-5 du Code pénal définit le proxénétisme par trois séries "
            "d'actes :</p>"
            "<ul><li><b>aider, assister ou protéger</b> la prostitution d'autrui : conduire "
            "une jeune aux rendez-vous, réserver les chambres, faire le guet ;</li>"
            "<li><b>tirer profit</b> de la prostitution d'autrui, en partager les gains ou "
            "recevoir de l'argent d'une personne qui se prostitue habituellement ;</li>"
            "<li><b>embaucher, entraîner ou détourner</b> une personne en vue de la "
            "prostitution, ou faire pression sur elle pour qu'elle se prostitue ou "
            "continue.</li></ul>"
            "<p>Le « petit copain » qui encaisse, l'amie qui recrute et prélève sa part, le "
            "logeur qui loue l'appartement en connaissance de cause sont des proxénètes. "
            "Quand la victime est mineure, l'article 225-7 aggrave les peines. Quand elle a "
            "moins de 15 ans, le proxénétisme devient un <b>crime</b> (article "
            "225-7-1).</p>",
        ),
        ("heading", {"text": "La traite des êtres humains", "level": "h2"}),
        (
            "paragraph",
            "<p>L'article 225-4-1 du Code pénal définit la traite comme le fait de recruter "
            "une personne, de la transporter, de la transférer, de l'héberger ou de "
            "l'accueillir pour l'exploiter, notamment sexuellement. Pour un·e adulte, il "
            "faut en outre un moyen : menace, contrainte, violence, tromperie, abus "
            "d'autorité ou de vulnérabilité, ou échange d'une rémunération ou d'un "
            "avantage. <b>Pour un·e mineur·e, aucun de ces moyens n'est exigé</b> : "
            "recruter, transporter ou héberger un·e enfant pour l'exploiter suffit.</p>"
            "<p>Cette qualification est utile quand les jeunes sont déplacé·es d'une ville à "
            "l'autre, logé·es par ceux qui les exploitent ou venu·es de l'étranger. Le guide "
            "francilien rappelle que les réseaux de traite sont souvent liés à la "
            "criminalité organisée.</p>",
        ),
        ("heading", {"text": "Les droits du ou de la jeune victime", "level": "h2"}),
        (
            "paragraph",
            "<p>Le ou la jeune peut porter plainte et se constituer partie civile ; ses "
            "représentant·es légaux·ales ou un·e administrateur·rice ad hoc peuvent le "
            "faire pour lui ou elle. Un·e mineur·e étranger·e d'au moins 16 ans qui dépose "
            "plainte pour traite ou proxénétisme, et qui veut travailler ou suivre une "
            "formation professionnelle, peut obtenir une carte de séjour temporaire dans "
            "les conditions prévues par la loi.</p>"
            "<p>Qualifier juste ne relève pas de tous les métiers : un·e soignant·e ou un·e "
            "travailleur·se social·e n'a pas à choisir entre proxénétisme et traite. Mais "
            "connaître ces infractions aide chacun·e à comprendre qu'il ne s'agit pas "
            "d'une affaire privée, et qu'un signalement déclenche à la fois une protection "
            "et une enquête.</p>",
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_LAW.title,
                "instructions": "Répondez aux questions ; chacune est corrigée avec son "
                "explication.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        SOURCE_LOI_2002,
        Source(
            fact="L'assistance éducative (Code civil, article 375) permet au juge des "
            "enfants d'ordonner des mesures quand la santé, la sécurité ou la moralité d'un·e "
            "mineur·e sont en danger.",
            reference="Code civil, article 375",
        ),
        Source(
            fact="Le recours à la prostitution d'un·e mineur·e, y compris occasionnelle, "
            "contre une rémunération, un avantage en nature ou leur promesse, est un délit "
            "(article 225-12-1) ; les peines sont aggravées notamment quand le ou la "
            "mineur·e a moins de 15 ans, en cas de faits habituels ou sur plusieurs "
            "personnes, de contact par un réseau de communication, d'abus d'autorité "
            "(article 225-12-2) ; la loi française s'applique aux faits commis à l'étranger "
            "par un·e Français·e ou un·e résident·e habituel·le (article 225-12-3).",
            reference="Code pénal, articles 225-12-1, 225-12-2 et 225-12-3",
        ),
        Source(
            fact="Constitue un viol tout acte de pénétration sexuelle ou bucco-génital "
            "commis par un·e majeur·e sur un·e mineur·e de moins de 15 ans lorsque l'écart "
            "d'âge est d'au moins cinq ans ; cette condition d'âge ne s'applique pas si les "
            "faits sont commis contre une rémunération ou un avantage (article 222-23-1, "
            "créé par la loi n° 2021-478 du 21 avril 2021).",
            reference="Code pénal, article 222-23-1",
        ),
        Source(
            fact="Le proxénétisme (article 225-5) : aider, assister ou protéger la "
            "prostitution d'autrui ; en tirer profit ; embaucher, entraîner ou faire "
            "pression ; peines aggravées à l'égard d'un·e mineur·e (article 225-7) ; crime "
            "à l'égard d'un·e mineur·e de moins de 15 ans (article 225-7-1).",
            reference="Code pénal, articles 225-5, 225-7 et 225-7-1",
        ),
        Source(
            fact="La traite des êtres humains (article 225-4-1) : recruter, transporter, "
            "transférer, héberger ou accueillir une personne à des fins d'exploitation ; "
            "contre un·e mineur·e, elle est constituée même sans menace, contrainte, abus "
            "ni rémunération ; les réseaux sont souvent liés à la criminalité organisée ; "
            "la loi du 13 avril 2016 a abrogé le délit de racolage et créé l'infraction de "
            "recours à la prostitution ; un·e mineur·e d'au moins 16 ans qui porte plainte "
            "pour traite ou proxénétisme peut obtenir une carte de séjour temporaire.",
            reference=GUIDE,
            location="« Le cadre légal » (traite, proxénétisme, loi du 13 avril 2016) ; "
            "« Droit au séjour »",
            seed=PROSTITUTION_GUIDE,
        ),
    ),
)

LESSON_SIGNAL = Lesson(
    title="Signaler : article 40, information préoccupante et 119",
    intro="Selon l'urgence et votre métier, trois voies complémentaires : le parquet, la "
    "cellule départementale et le 119. Aucune n'exige d'être certain·e.",
    body=[
        ("heading", {"text": "Agir sans attendre la certitude", "level": "h2"}),
        (
            "paragraph",
            "<p>Tout·e professionnel·le qui a connaissance d'une situation de prostitution "
            "d'un·e mineur·e a le devoir d'agir, même si le ou la jeune ne demande rien. Il "
            "ne vous revient ni de prouver les faits ni d'enquêter : la protection de "
            "l'enfance évalue la situation, la justice qualifie les infractions. Votre rôle "
            "est de transmettre ce que vous avez vu et entendu, vite et à la bonne "
            "adresse. Le choix de la voie dépend d'une question : le ou la jeune est-il ou "
            "elle en danger <b>maintenant</b> ?</p>",
        ),
        ("heading", {"text": "Danger immédiat : le parquet", "level": "h2"}),
        (
            "paragraph",
            "<p>Une jeune qui doit rejoindre un client ce soir, qui est retenue dans un "
            "appartement, qui vient d'être frappée, qui n'a nulle part où dormir : la "
            "réponse est immédiate. Appelez le 17 (ou le 114 par SMS pour les personnes qui "
            "ne peuvent pas parler) ; les forces de l'ordre avisent le procureur de la "
            "République de permanence, souvent la section des mineur·es du parquet. En cas "
            "d'urgence, le procureur du lieu où le ou la mineur·e a été trouvé·e peut "
            "ordonner lui-même un placement provisoire, à charge de saisir ensuite le juge "
            "des enfants (article 375-5 du Code civil).</p>"
            "<p>Un·e professionnel·le de la protection de l'enfance qui, en raison de la "
            "gravité de la situation, saisit directement le procureur adresse une copie de "
            "son signalement au président du conseil départemental (article L. 226-4 du "
            "Code de l'action sociale et des familles) : ainsi, la cellule départementale "
            "connaît toutes les situations.</p>",
        ),
        ("heading", {"text": "L'article 40 : des crimes et des délits", "level": "h2"}),
        (
            "paragraph",
            "<p>L'article 40 du Code de procédure pénale oblige toute autorité constituée, "
            "tout·e officier·ère public·que et tout·e fonctionnaire qui, dans l'exercice de "
            "ses fonctions, acquiert la connaissance d'un <b>crime ou d'un délit</b>, à en "
            "donner avis <b>sans délai</b> au procureur de la République et à lui "
            "transmettre les renseignements, procès-verbaux et actes qui s'y "
            "rapportent.</p>"
            "<p>La prostitution d'un·e mineur·e implique presque toujours de telles "
            "infractions : le recours à la prostitution d'un·e mineur·e et le proxénétisme "
            "sont des délits, le proxénétisme sur un·e mineur·e de moins de 15 ans et le "
            "viol sont des crimes. Un·e agent·e public·que qui les apprend, qu'il ou elle "
            "soit enseignant·e, agent·e hospitalier·ère, travailleur·se social·e d'une "
            "collectivité ou agent·e d'une préfecture, doit donc en aviser le parquet, en "
            "plus de la protection de l'enfance. Pour les policier·ères et les gendarmes, "
            "ces faits appellent une procédure, sous le contrôle du parquet, que "
            "l'adolescent·e porte plainte ou non.</p>",
        ),
        ("heading", {"text": "Sans urgence : l'information préoccupante", "level": "h2"}),
        (
            "paragraph",
            "<p>Quand il n'y a pas de danger immédiat mais un faisceau de signes inquiétants, "
            "la voie est l'<b>information préoccupante</b>. C'est une information adressée à "
            "la cellule de recueil des informations préoccupantes (CRIP) du conseil "
            "départemental, qui centralise, sous l'autorité du président du conseil "
            "départemental, tout ce qui laisse craindre qu'un·e mineur·e est en danger ou "
            "risque de l'être (article L. 226-3 du Code de l'action sociale et des "
            "familles). La cellule fait évaluer la situation et décide des suites : "
            "accompagnement, mesure administrative ou saisine du juge.</p>"
            "<p>Les professionnel·les qui mettent en œuvre la protection de l'enfance ou y "
            "concourent transmettent sans délai ces informations (article L. 226-2-1). Les "
            "parents sont informés de la transmission, <b>sauf si c'est contraire à "
            "l'intérêt de l'enfant</b> : quand un membre de la famille participe à "
            "l'exploitation, ou quand informer les parents exposerait le ou la jeune, on ne "
            "les prévient pas.</p>",
        ),
        ("heading", {"text": "Le 119, pour tous et à toute heure", "level": "h2"}),
        (
            "paragraph",
            "<p>Le 119, « Allô enfance en danger », est le service national d'accueil "
            "téléphonique de l'enfance en danger (article L. 226-6 du même code). Il est "
            "gratuit, confidentiel et joignable 24 h sur 24, 7 jours sur 7. Il écoute les "
            "jeunes, leurs proches et les professionnel·les, conseille et transmet les "
            "situations à la cellule départementale compétente. C'est la bonne porte "
            "d'entrée quand vous ne savez pas à qui vous adresser, ou pour un·e "
            "professionnel·le isolé·e un soir de week-end.</p>",
        ),
        ("heading", {"text": "Soignant·es : le secret ne fait pas obstacle", "level": "h2"}),
        (
            "paragraph",
            "<p>Un médecin ou un·e autre professionnel·le de santé qui constate des sévices, "
            "y compris sexuels, infligés à un·e mineur·e peut en informer le procureur de la "
            "République ou la cellule départementale sans l'accord du ou de la jeune : "
            "l'article 226-14 du Code pénal lève alors le secret professionnel. Le "
            "signalement fait dans ce cadre n'engage pas la responsabilité civile, pénale "
            "ou disciplinaire de son auteur, sauf s'il est établi qu'il n'a pas agi de bonne "
            "foi.</p>"
            "<p>Aux urgences, une adolescente de quatorze ans arrive alcoolisée à l'aube, "
            "accompagnée d'un homme qui repart aussitôt ; elle porte des ecchymoses et "
            "demande une contraception d'urgence. Soigner, proposer un dépistage, prévenir "
            "le ou la médecin senior et, le jour même, aviser le parquet (sa sécurité à la "
            "sortie est en jeu) : voilà la réponse attendue, en notant précisément ce "
            "qu'elle dit et ce que vous constatez.</p>",
        ),
        (
            "callout",
            {
                "title": "Rédiger un signalement ou une information préoccupante",
                "text": "<ul><li>Identifiez le ou la jeune, votre fonction et la date.</li>"
                "<li>Décrivez les faits observés, datés, sans interprétation.</li>"
                "<li>Rapportez ses paroles entre guillemets, telles qu'il ou elle les a "
                "dites.</li>"
                "<li>N'écrivez pas « prostitution avérée » si vous ne le savez pas : "
                "écrivez ce qui vous inquiète et pourquoi.</li>"
                "<li>Indiquez les personnes et lieux cités (prénom, pseudo, plaque, "
                "hôtel).</li>"
                "<li>Ne menez pas d'enquête vous-même et ne confrontez pas l'exploiteur "
                "présumé.</li></ul>",
            },
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_REPORTING.title,
                "instructions": "Complétez les phrases, puis vérifiez vos réponses.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        Source(
            fact="Toute autorité constituée, tout officier public ou fonctionnaire qui, dans "
            "l'exercice de ses fonctions, acquiert la connaissance d'un crime ou d'un délit "
            "en donne avis sans délai au procureur de la République (article 40).",
            reference="Code de procédure pénale, article 40",
            location="Article 40, alinéa 2",
        ),
        Source(
            fact="Le recours à la prostitution d'un·e mineur·e (article 225-12-1) et le "
            "proxénétisme (article 225-5) sont des délits ; le proxénétisme à l'égard d'un·e "
            "mineur·e de moins de 15 ans est un crime (article 225-7-1), comme le viol "
            "(article 222-23-1).",
            reference="Code pénal, articles 225-12-1, 225-5, 225-7-1 et 222-23-1",
        ),
        Source(
            fact="La cellule de recueil, de traitement et d'évaluation des informations "
            "préoccupantes placée auprès du président du conseil départemental (article "
            "L. 226-3) ; transmission sans délai des informations préoccupantes, parents "
            "informés sauf intérêt contraire de l'enfant (article L. 226-2-1) ; copie au "
            "président du conseil départemental d'un avis direct au procureur "
            "(article L. 226-4) ; le service national d'accueil téléphonique de l'enfance en "
            "danger, le 119 (article L. 226-6).",
            reference="Code de l'action sociale et des familles, articles L. 226-2-1, "
            "L. 226-3, L. 226-4 et L. 226-6",
            location="Livre II, titre II, chapitre VI",
        ),
        Source(
            fact="En cas d'urgence, le procureur de la République du lieu où le mineur a été "
            "trouvé peut ordonner un placement provisoire, à charge de saisir le juge des "
            "enfants (article 375-5).",
            reference="Code civil, article 375-5",
            location="Article 375-5, alinéa 2",
        ),
        Source(
            fact="Le secret professionnel ne s'applique pas à celui qui informe les autorités "
            "de sévices, y compris sexuels, infligés à un·e mineur·e ; l'accord de la victime "
            "mineure n'est pas nécessaire ; le signalement de bonne foi n'engage pas la "
            "responsabilité de son auteur (article 226-14).",
            reference="Code pénal, article 226-14",
        ),
        Source(
            fact="Le 119 - Allô enfance en danger est joignable 24 h sur 24, 7 jours sur 7, "
            "gratuit et confidentiel ; tout·e professionnel·le qui a connaissance d'une "
            "situation de prostitution de mineur·e a le devoir d'agir et la signale aux "
            "services départementaux, aux forces de l'ordre, à la justice ou au 119.",
            reference=GUIDE,
            location="« Mineur·es : un public particulièrement vulnérable, un devoir "
            "d'agir » ; « Permanences téléphoniques »",
            seed=PROSTITUTION_GUIDE,
        ),
        Source(
            fact="Numéros d'urgence : le 17, le 114 par SMS.",
            reference=NORD_PRESS,
            location="Numéros utiles",
            seed=NORD_2023,
        ),
    ),
)

LESSON_REPORT = Lesson(
    title="Repérer, protéger, signaler : les ressources",
    intro="Ouvrir le dialogue avec le ou la jeune, s'appuyer sur les services spécialisés du "
    "territoire et s'entraîner sur une situation de terrain.",
    body=[
        ("heading", {"text": "Ouvrir le dialogue", "level": "h2"}),
        (
            "paragraph",
            "<p>Le premier entretien ne vise pas à obtenir un récit complet, mais à créer "
            "un lien qui permettra d'y revenir. Recevez le ou la jeune seul·e, sans la "
            "personne qui l'accompagne, dans un lieu calme. Présentez-vous, dites ce que "
            "vous avez remarqué et pourquoi vous vous inquiétez, sans accuser. Posez des "
            "questions ouvertes et concrètes, qui partent de sa vie quotidienne plutôt que "
            "du mot « prostitution » :</p>"
            "<ul><li>« Où est-ce que tu dors en ce moment ? Comment tu fais pour "
            "manger ? »</li>"
            "<li>« Ce téléphone, c'est quelqu'un qui te l'a donné ? Qu'est-ce qu'il "
            "attend de toi en échange ? »</li>"
            "<li>« Est-ce qu'on te demande de faire des choses que tu ne veux pas "
            "faire ? »</li>"
            "<li>« Est-ce que quelqu'un a des photos de toi et menace de les "
            "montrer ? »</li>"
            "<li>« Est-ce que tu te sens en danger, toi ou quelqu'un de ta "
            "famille ? »</li></ul>"
            "<p>Si les réponses restent évasives, ne forcez pas. Dites que vous restez "
            "disponible, que ce qui lui arrive n'est pas de sa faute, et expliquez ce que "
            "vous allez faire pour le ou la protéger.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "À dire",
                        "body": "<ul><li>« Je te crois, et tu as bien fait de me "
                        "parler. »</li>"
                        "<li>« Je ne peux pas garder ça pour moi, parce que mon rôle est "
                        "de te protéger. Je vais t'expliquer à qui j'en parle et "
                        "pourquoi. »</li>"
                        "<li>« Ce n'est pas toi qui as fait quelque chose d'interdit, c'est "
                        "l'adulte qui t'a payé·e. »</li></ul>",
                    },
                    {
                        "title": "À ne pas dire",
                        "body": "<ul><li>« Je te promets de ne rien dire » : vous ne "
                        "pourrez pas tenir cette promesse.</li>"
                        "<li>« Pourquoi tu ne t'es pas enfui·e ? » : la question culpabilise "
                        "et ignore l'emprise.</li>"
                        "<li>« Tu te rends compte de ce que tu fais ? » : le jugement ferme "
                        "la porte.</li></ul>",
                    },
                ]
            },
        ),
        ("heading", {"text": "Protéger, c'est aussi soigner et accompagner", "level": "h2"}),
        (
            "paragraph",
            "<p>La prostitution laisse des traces physiques et psychologiques graves. "
            "L'accompagnement proposé au ou à la jeune vise le soin du traumatisme, une "
            "nouvelle relation aux adultes et le retour à des repères de son âge. Il se "
            "construit dans la durée et à plusieurs : aide sociale à l'enfance, juge des "
            "enfants, soignant·es, associations spécialisées, forces de l'ordre. Le guide "
            "francilien insiste sur ce travail en réseau, seul capable d'accompagner un "
            "public aussi vulnérable ; il cite à Paris un dispositif expérimental qui "
            "éloigne géographiquement les mineur·es victimes de traite et les confie à des "
            "éducateur·rices formé·es à ces situations. Pour les victimes de traite en "
            "danger dans leur ville, le dispositif national Accueil sécurisant (AcSé) "
            "organise une mise à l'abri loin du lieu d'exploitation.</p>"
            "<p>Les rechutes sont fréquentes : fugue, retour auprès du « copain », refus "
            "des rendez-vous. Elles ne signent pas l'échec de la protection ; elles font "
            "partie du parcours de sortie de l'emprise. Chaque nouvelle fugue appelle une "
            "nouvelle transmission.</p>",
        ),
        ("heading", {"text": "Après la transmission", "level": "h2"}),
        (
            "paragraph",
            "<p>Transmettre ne veut pas dire se retirer. La cellule départementale fait "
            "évaluer la situation par des professionnel·les de la protection de l'enfance, "
            "qui peuvent vous solliciter ; le parquet peut saisir le juge des enfants et "
            "ouvrir une enquête ; le ou la jeune peut être placé·e ou accompagné·e chez ses "
            "parents. Les professionnel·les qui ont transmis une information préoccupante "
            "sont informé·es des suites qui lui ont été données. Pendant ce temps, le lien "
            "que vous avez noué compte : continuer à recevoir le ou la jeune, lui "
            "expliquer ce qui se passe et transmettre tout élément nouveau (une nouvelle "
            "fugue, un nom, une adresse) aide ceux qui le ou la protègent.</p>"
            "<p>Si vous êtes policier·ère ou gendarme, pensez aussi à ce que la victime "
            "vivra pendant la procédure : une audition dans un cadre adapté, par des "
            "enquêteur·rices formé·es, évite de lui faire répéter son récit, et un examen "
            "médical par une unité médico-judiciaire permet à la fois de la soigner et de "
            "constater les lésions.</p>",
        ),
        ("heading", {"text": "Dans le Nord : des relais spécialisés", "level": "h2"}),
        (
            "paragraph",
            "<p>Le dossier de presse de la préfecture du Nord de novembre 2023 présente les "
            "relais financés par l'État dans le département.</p>"
            "<ul><li><b>La Boussole</b>, point d'écoute de l'association AGSS de l'Udaf, "
            "étendu à tout le département en septembre 2023 : des travailleur·ses "
            "sociaux·ales dédié·es répondent aux professionnel·les, aux jeunes en situation "
            "de prostitution ou très exposé·es et à leurs familles. Le point d'écoute "
            "informe, oriente vers les partenaires de proximité, offre un espace de parole "
            "et aide à prévenir, identifier et signaler les situations de danger. Ligne "
            "téléphonique : 07 57 76 46 58 ; pour les jeunes, un compte Snapchat, "
            "« ecouteboussole ».</li>"
            "<li><b>L'accueil de jour Tara</b>, porté par l'association Solfa et inauguré en "
            "2023 à Lille : il accueille sans condition les jeunes en errance ou en "
            "situation de prostitution, pour se poser, parler, prendre une douche ou un "
            "repas, et informe jeunes et familles sur la sexualité, la prostitution et "
            "l'emprise. Le dossier de presse indique pour lui le 03 21 21 91 16 et "
            "l'adresse adj-ppe@asso-solfa.fr. Ce numéro commence par un indicatif du "
            "Pas-de-Calais alors que l'accueil est situé à Lille : confirmez-le auprès de "
            "l'association avant de le transmettre à un·e jeune.</li>"
            "<li>Le Nord compte <b>4 associations spécialisées</b> et des places "
            "d'hébergement pour les jeunes en situation de prostitution.</li></ul>"
            "<p>Ailleurs, la délégation départementale aux droits des femmes et à l'égalité "
            "de la préfecture connaît les associations agréées et les relais de votre "
            "territoire.</p>",
        ),
        ("heading", {"text": "Mise en situation", "level": "h2"}),
        (
            "paragraph",
            "<p>Vous allez vivre une patrouille de nuit. La scène est fictive, mais chaque "
            "élément vient de situations que décrivent les professionnel·les. Faites vos "
            "choix comme sur le terrain, puis lisez l'explication de la fin atteinte.</p>",
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_PATROL.title,
                "instructions": "Choisissez à chaque étape ; la fin atteinte est notée.",
                "requirement": "module",
            },
        ),
        ("help_numbers", {"title": "Numéros d'aide"}),
    ],
    sources=(
        Source(
            fact="En septembre 2023, l'association AGSS de l'Udaf a étendu son point "
            "d'écoute « La Boussole » à tout le Nord : ligne téléphonique 07 57 76 46 58 "
            "tenue par des travailleurs sociaux pour les professionnels, les jeunes et leurs "
            "familles, compte Snapchat ecouteboussole ; l'accueil de jour Tara, porté par "
            "l'association Solfa, inauguré en 2023 et situé à Lille, accueille sans "
            "condition les jeunes en errance ou en prostitution, avec pour contact le 03 21 "
            "21 91 16 et adj-ppe@asso-solfa.fr ; le Nord compte 4 associations spécialisées "
            "et des places d'hébergement pour jeunes en situation de prostitution "
            "(dossier de presse de novembre 2023).",
            reference=NORD_PRESS,
            location="II. La lutte contre la prostitution des personnes mineures dans le "
            "Nord : « La Boussole », « l'accueil de jour Tara »",
            seed=NORD_2023,
        ),
        Source(
            fact="La prostitution laisse des traces physiques et psychologiques graves ; "
            "l'accompagnement vise le traitement du passé traumatique, un nouveau rapport "
            "aux adultes et une réappropriation des normes ; le travail en réseau est "
            "nécessaire ; à Paris, un dispositif expérimental éloigne géographiquement les "
            "mineur·es victimes de traite ; le dispositif national Accueil sécurisant "
            "(AcSé) met à l'abri les victimes de traite en danger localement ; la "
            "délégation départementale aux droits des femmes connaît les associations "
            "agréées ; le 119 écoute les mineur·es en danger et les adultes qui s'en "
            "inquiètent.",
            reference=GUIDE,
            location="Éditorial ; « Mineur·es : un public particulièrement vulnérable » "
            "(bonne pratique) ; « Contacts utiles »",
            seed=PROSTITUTION_GUIDE,
        ),
    ),
)

QUESTIONS = [
    true_false(
        "Une relation prostitutionnelle avec un·e mineur·e de 17 ans qui se dit consentant·e "
        "est autorisée.",
        "Faux : la prostitution des mineur·es est interdite (loi du 4 mars 2002) et le "
        "recours à la prostitution d'un·e mineur·e est un délit (Code pénal, article "
        "225-12-1), quel que soit son consentement apparent.",
        answer=False,
        tags="loi",
    ),
    true_false(
        "Recevoir un hébergement ou des vêtements en échange d'actes sexuels peut relever de "
        "la prostitution.",
        "Vrai : la rémunération n'est pas forcément de l'argent ; un avantage en nature ou sa "
        "promesse suffit.",
        answer=True,
        tags="definition",
    ),
    multiple(
        "Parmi ces éléments, lesquels sont des signaux d'alerte à prendre au sérieux, surtout "
        "s'ils se cumulent ?",
        "Fugues, biens inexpliqués, plusieurs téléphones et un « copain » nettement plus âgé "
        "sont des signaux classiques ; de bons résultats scolaires n'en sont pas un.",
        ("Des fugues répétées et des nuits hors du lieu de vie", True),
        ("De l'argent ou des vêtements dont l'origine reste floue", True),
        ("Plusieurs téléphones et des messages incessants", True),
        ("Un « copain » nettement plus âgé qui vient la chercher en voiture", True),
        ("De bons résultats scolaires", False),
        tags="reperage",
    ),
    single(
        "Combien d'enfants seraient victimes de prostitution chaque année en France, selon "
        "l'estimation reprise par la préfecture du Nord en 2023 ?",
        "Entre 7 000 et 10 000 enfants : une évaluation approximative, probablement bien en "
        "deçà de la réalité, et non un comptage.",
        ("Quelques centaines", False),
        ("Entre 7 000 et 10 000", True),
        ("Plus de 100 000", False),
        tags="chiffres",
    ),
    single(
        "Que signifie la règle selon laquelle un·e mineur·e qui se prostitue est « réputé·e "
        "en danger » ?",
        "La loi du 4 mars 2002 (article 13) présume le danger : il n'a pas à être démontré, "
        "et le ou la jeune relève de la protection du juge des enfants au titre de "
        "l'assistance éducative.",
        ("Le danger n'a pas à être prouvé : le juge des enfants peut être saisi", True),
        ("Le ou la mineur·e peut être poursuivi·e pour mise en danger de soi-même", False),
        ("Il faut attendre qu'il ou elle se reconnaisse victime pour agir", False),
        tags="loi",
    ),
    single(
        "Un·e agent·e public·que apprend, dans ses fonctions, qu'un homme paie une "
        "adolescente pour des actes sexuels. Que lui impose l'article 40 du Code de "
        "procédure pénale ?",
        "L'article 40 vise les crimes et les délits : leur connaissance dans l'exercice des "
        "fonctions impose d'en aviser sans délai le procureur de la République. Le recours à "
        "la prostitution d'un·e mineur·e est un délit.",
        ("D'en aviser sans délai le procureur de la République", True),
        ("Rien : l'article 40 ne vise que les crimes", False),
        ("D'attendre que l'adolescente porte plainte", False),
        tags="signalement",
    ),
    matching(
        "Associez chaque situation au bon canal de signalement.",
        "Le danger immédiat relève du 17 ou du parquet ; un faisceau de signes sans urgence, "
        "d'une information préoccupante (CRIP ou 119) ; une annonce en ligne, de "
        "internet-signalement.gouv.fr.",
        ("Une jeune est retenue en ce moment dans un hôtel", "Le 17 ou le procureur"),
        (
            "Un faisceau de signes inquiétants, sans urgence",
            "Une information préoccupante (CRIP ou 119)",
        ),
        ("Une annonce en ligne semble concerner une mineure", "internet-signalement.gouv.fr"),
        tags="signalement",
    ),
    true_false(
        "Dans le Pas-de-Calais, l'observation de près de 700 annonces en 4 mois (2018) a "
        "compté près de 300 mineur·es en situation de prostitution.",
        "Faux : ce diagnostic de 2018 portait sur l'ensemble des annonces de prostitution "
        "publiées en ligne, concernant près de 300 personnes ; il ne dit pas combien étaient "
        "mineures.",
        answer=False,
        tags="chiffres",
    ),
    ordering(
        "Remettez dans l'ordre les étapes typiques d'un recrutement en ligne.",
        "Repérage d'un·e jeune isolé·e, séduction et cadeaux, dépendance ou dette, puis "
        "exploitation : connaître ces étapes aide à intervenir tôt.",
        "Repérer un·e jeune isolé·e sur les réseaux sociaux",
        "Le ou la flatter et lui offrir des cadeaux",
        "Créer une dépendance affective ou une dette",
        "Publier des annonces et organiser les rencontres",
        tags="recrutement",
    ),
    situation(
        "Un éducateur inquiet",
        "<p>Vous êtes éducateur·rice dans une maison d'enfants. Léa, 15 ans, fugue souvent "
        "le week-end. Elle revient avec des vêtements neufs et un second téléphone, et parle "
        "d'un « copain » de 23 ans qui « s'occupe d'elle ». Elle vous demande de ne rien "
        "dire.</p>",
        "Le cumul des signes impose d'agir : ouvrir le dialogue, protéger et signaler, sans "
        "promettre le secret.",
        single(
            "Léa vous demande de garder le secret. Que lui répondez-vous ?",
            "On ne promet pas un secret qu'on ne pourra pas tenir : on explique qu'on va agir "
            "pour la protéger, et comment.",
            ("Je lui promets de ne rien dire pour garder sa confiance", False),
            ("Je lui explique que je dois la protéger et que je vais en parler", True),
            ("Je lui dis d'en parler elle-même à la police", False),
        ),
        multiple(
            "Quelles démarches engagez-vous ?",
            "Une information préoccupante ou le 119, le parquet en cas de danger immédiat et "
            "l'appui d'un service spécialisé comme La Boussole ; attendre une preuve n'est "
            "pas une option.",
            ("Transmettre une information préoccupante à la CRIP ou appeler le 119", True),
            ("Prévenir le procureur ou le 17 si elle est en danger immédiat", True),
            ("Demander conseil à un service spécialisé comme La Boussole", True),
            ("Attendre d'avoir une preuve certaine avant d'agir", False),
        ),
        tags="signalement",
    ),
]

FIGURES = (
    Figure("7 000 et 10 000", NORD_2023),
    Figure("700", PAS_DE_CALAIS_PLAN),
    Figure("4 mois", PAS_DE_CALAIS_PLAN),
    Figure("300", PAS_DE_CALAIS_PLAN),
    Figure("320", NORD_2023),
    Figure("4 associations", NORD_2023),
)

MODULE = Module(
    slug=SLUG,
    title="Prostitution des mineur·es : repérer, protéger, signaler",
    summary=(
        "Signaux d'alerte, recrutement en ligne, cadre légal et signalement : repérer les "
        "jeunes en situation ou en risque de prostitution, qualifier ce qu'ils subissent et "
        "savoir à qui transmettre."
    ),
    objectives_html=(
        "<ul><li>Reconnaître les facteurs de risque et le cumul de signaux d'alerte</li>"
        "<li>Comprendre les mécanismes du recrutement, en ligne et par les pairs</li>"
        "<li>Connaître la loi : le ou la mineur·e est réputé·e en danger ; client, "
        "proxénète et trafiquant commettent des infractions</li>"
        "<li>Signaler au bon interlocuteur : parquet (article 40), information préoccupante, "
        "119</li>"
        "<li>Ouvrir le dialogue et orienter vers les relais spécialisés</li></ul>"
    ),
    kind=Kind.SENSIBILISATION,
    audiences=tuple(Profession.values),
    mandatory_for=(),
    topics=(("prostitution-mineurs", "Prostitution des mineur·es"),),
    content_warning=(
        "Ce module évoque l'exploitation sexuelle d'adolescent·es et des situations de "
        "violences sexuelles."
    ),
    activities=(
        ACTIVITY_GIFTS,
        ACTIVITY_SIGNALS,
        ACTIVITY_RECRUITMENT,
        ACTIVITY_LAW,
        ACTIVITY_REPORTING,
        ACTIVITY_PATROL,
    ),
    lessons=(
        LESSON_PHENOMENON,
        LESSON_SIGNALS,
        LESSON_ONLINE,
        LESSON_LAW,
        LESSON_SIGNAL,
        LESSON_REPORT,
    ),
    quiz_title="Évaluation finale — prostitution des mineur·es",
    quiz_intro="Dix questions pour vérifier ce que vous retenez du module.",
    questions=QUESTIONS,
    figures=FIGURES,
)
