"""Module 3 — Prostitution des mineur·es : repérer, protéger, signaler."""

from accounts.constants import Profession
from courses.constants import Kind
from demo.loaders.quizzes import matching, multiple, ordering, single, situation, true_false

from . import NORD_2023, PAS_DE_CALAIS_PLAN, Activity, Figure, Lesson, Module

SLUG = "prostitution-des-mineurs"

ACTIVITY_CONSENT = Activity(
    title="Vrai ou faux : la mineure qui se dit volontaire",
    statement_html=(
        "<p>Une adolescente de 16 ans affirme qu'elle se prostitue par choix et refuse toute "
        "aide : le ou la professionnel·le doit respecter sa décision et ne rien faire.</p>"
    ),
    correct=False,
    feedback_html=(
        "<p>Faux. Un·e mineur·e en situation de prostitution est un enfant en danger. Il faut "
        "agir et signaler, même s'il ou elle ne demande rien et ne se reconnaît pas "
        "victime.</p>"
    ),
    filename="vrai-faux-mineure.h5p",
)

ACTIVITY_GIFTS = Activity(
    title="Vrai ou faux : des cadeaux en échange d'actes sexuels",
    statement_html=("<p>Il n'y a prostitution que s'il y a échange d'argent.</p>"),
    correct=False,
    feedback_html=(
        "<p>Faux. Des vêtements, un téléphone, un hébergement ou de la drogue en échange "
        "d'actes sexuels relèvent aussi de la prostitution.</p>"
    ),
    filename="vrai-faux-cadeaux.h5p",
)

LESSON_PHENOMENON = Lesson(
    title="Comprendre la prostitution des mineur·es",
    intro="Un phénomène en hausse, qui concerne aussi des adolescentes scolarisées en France.",
    body=[
        ("heading", {"text": "De quoi parle-t-on ?", "level": "h2"}),
        (
            "paragraph",
            "<p>La prostitution consiste à accepter des actes sexuels, quels qu'ils soient, en "
            "échange d'une rémunération. Celle-ci n'est pas forcément de l'argent : des "
            "cadeaux, un hébergement, des vêtements ou des produits suffisent.</p>"
            "<p>On estime qu'en France, entre 7 000 et 10 000 enfants seraient victimes de "
            "prostitution chaque année, un chiffre probablement inférieur à la réalité. Les "
            "acteurs de terrain constatent une hausse, qui ne se limite pas à la traite de "
            "jeunes venu·es de l'étranger : la prostitution touche aussi des adolescentes, le "
            "plus souvent des filles, qui ont grandi en France et sont parfois scolarisées.</p>",
        ),
        (
            "callout",
            {
                "title": "Des mots qui masquent la réalité",
                "text": "<p>« Michetonnage », « escorting » : ces termes "
                "banalisent l'exploitation et rendent le repérage plus difficile. Derrière "
                "eux, il s'agit de prostitution, c'est-à-dire d'une violence.</p>",
            },
        ),
        ("h5p", {"activity": ACTIVITY_GIFTS.title, "instructions": "Vrai ou faux ?"}),
    ],
)

LESSON_SIGNALS = Lesson(
    title="Facteurs de risque et signaux d'alerte",
    intro="Aucun profil type, mais des facteurs qui se cumulent et des signes qui alertent.",
    body=[
        ("heading", {"text": "Repérer les situations à risque", "level": "h2"}),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "Facteurs qui fragilisent",
                        "body": "<ul><li>violences subies dans l'enfance, notamment "
                        "sexuelles, ou dans la famille ;</li>"
                        "<li>ruptures familiales, placement, fugues, errance ;</li>"
                        "<li>faible estime de soi, isolement, rejet lié à l'orientation "
                        "sexuelle ou à l'identité de genre ;</li>"
                        "<li>décrochage scolaire, précarité, consommation de "
                        "produits.</li></ul>",
                    },
                    {
                        "title": "Facteurs qui déclenchent",
                        "body": "<ul><li>un besoin d'argent ou d'un toit après une fugue ;"
                        "</li><li>la rencontre d'un « petit ami » plus âgé qui offre "
                        "attention et cadeaux puis exige des actes sexuels (« lover boy ») ;"
                        "</li><li>un groupe de pairs qui présente la prostitution comme un "
                        "moyen facile de gagner de l'argent.</li></ul>",
                    },
                    {
                        "title": "Signaux d'alerte",
                        "body": "<ul><li>absences, fugues répétées, nuits hors du lieu de "
                        "vie ;</li><li>argent, vêtements, téléphones dont l'origine reste "
                        "floue ;</li><li>plusieurs téléphones, messages incessants, "
                        "accompagnement par des adultes inconnus ;</li><li>infections "
                        "sexuellement transmissibles, grossesse, traces de violence ;</li>"
                        "<li>un âge caché : beaucoup de jeunes se disent majeurs à la demande "
                        "de ceux qui les exploitent.</li></ul>",
                    },
                ]
            },
        ),
        (
            "paragraph",
            "<p>Un signe isolé ne suffit pas ; c'est leur <b>cumul</b> qui doit alerter. Les "
            "jeunes n'évoquent presque jamais spontanément leur situation, par honte, par peur "
            "ou parce qu'ils ne se vivent pas comme victimes. Le repérage revient donc aux "
            "adultes qui les entourent.</p>",
        ),
        ("h5p", {"activity": ACTIVITY_CONSENT.title, "instructions": "Vrai ou faux ?"}),
    ],
)

LESSON_ONLINE = Lesson(
    title="Le recrutement en ligne",
    intro="Réseaux sociaux et sites d'annonces : la prostitution s'organise surtout en ligne.",
    body=[
        ("heading", {"text": "Des réseaux sociaux aux annonces", "level": "h2"}),
        (
            "paragraph",
            "<p>La prostitution de rue est la plus visible, mais la plupart des contacts se "
            "nouent désormais par internet. Les réseaux sociaux servent à repérer les jeunes "
            "isolés, à les flatter, puis à les attirer par des promesses d'argent facile ou de "
            "relation amoureuse. Les annonces sont ensuite publiées sur des sites spécialisés "
            "et les rencontres se déroulent en appartement ou à l'hôtel.</p>"
            "<p>Dans le Pas-de-Calais, l'observation de sites internet a relevé près de 700 "
            "annonces en 4 mois, concernant près de 300 personnes.</p>",
        ),
        (
            "paragraph",
            "<p>Les images intimes obtenues ou volées deviennent un moyen de pression "
            "(« revenge porn », chantage), et le cyber-harcèlement isole davantage la victime. "
            "Parler avec les jeunes de consentement, de violences en ligne et de stéréotypes "
            "fait partie de la prévention : dans le Nord, les CIDFF ont ainsi rencontré plus "
            "de 320 jeunes.</p>",
        ),
        (
            "callout",
            {
                "title": "Signaler un contenu en ligne",
                "text": "<p>Une annonce ou un contenu qui laisse penser à la prostitution "
                "d'un·e mineur·e se signale sur la plateforme du ministère de l'Intérieur : "
                "internet-signalement.gouv.fr.</p>",
            },
        ),
    ],
)

LESSON_LAW = Lesson(
    title="Ce que dit la loi",
    intro="La prostitution d'un·e mineur·e est toujours interdite ; tout·e professionnel·le doit "
    "agir.",
    body=[
        ("heading", {"text": "La loi du 13 avril 2016", "level": "h2"}),
        (
            "paragraph",
            "<p>La <b>loi du 13 avril 2016</b> considère les personnes prostituées comme des "
            "victimes : elle a supprimé le délit de racolage, créé un parcours de sortie de la "
            "prostitution et interdit l'achat d'actes sexuels, en sanctionnant les clients.</p>",
        ),
        (
            "callout",
            {
                "title": "Avec un·e mineur·e, aucune exception",
                "text": "<p>Toute relation prostitutionnelle avec une personne de moins de "
                "18 ans est interdite, et les peines encourues par le client sont aggravées. "
                "Le consentement apparent du ou de la jeune ne change rien : un·e mineur·e "
                "en situation de prostitution relève de la protection de l'enfance, même s'il "
                "ou elle exige le silence.</p>",
            },
        ),
        (
            "paragraph",
            "<ul><li><b>Le proxénétisme</b> consiste notamment à aider ou protéger la "
            "prostitution d'autrui, à en tirer profit, ou à pousser quelqu'un à se prostituer "
            "(article 225-5 du code pénal).</li>"
            "<li><b>La traite des êtres humains</b> consiste à recruter, transporter ou héberger "
            "une personne pour l'exploiter ; quand la victime est mineure, l'infraction est "
            "constituée même sans menace, contrainte ni contrepartie (article 225-4-1).</li>"
            "<li><b>Le devoir d'agir</b> : tout·e professionnel·le qui a connaissance de la "
            "prostitution d'un·e mineur·e doit agir, même sans demande de sa part. Les "
            "fonctionnaires doivent en outre aviser le procureur de la République des délits "
            "dont ils ont connaissance (article 40 du code de procédure pénale).</li></ul>",
        ),
    ],
)

LESSON_REPORT = Lesson(
    title="Repérer, protéger, signaler : les ressources",
    intro="Comment aborder le sujet, à qui signaler et qui peut vous aider.",
    body=[
        ("heading", {"text": "Ouvrir le dialogue", "level": "h2"}),
        (
            "paragraph",
            "<p>Recevez le ou la jeune seul·e, sans jugement, et montrez que vous êtes "
            "disponible. Quelques questions simples peuvent ouvrir la porte : « Comment tu "
            "fais pour dormir ou manger en ce moment ? », « Est-ce qu'on te demande de faire "
            "des choses que tu ne veux pas ? », « Est-ce que tu te sens en danger ? ». Si la "
            "réponse reste évasive, dites que vous en reparlerez et que vous pouvez "
            "l'aider.</p>",
        ),
        ("heading", {"text": "Signaler", "level": "h2"}),
        (
            "paragraph",
            "<ol><li><b>En cas de danger immédiat</b> : le 17, ou le procureur de la République "
            "de permanence, qui peut ordonner une mise à l'abri.</li>"
            "<li><b>Sinon</b> : une information préoccupante à la cellule départementale "
            "(CRIP) du conseil départemental, ou un appel au 119, qui la transmet.</li>"
            "<li><b>En ligne</b> : internet-signalement.gouv.fr.</li>"
            "<li><b>Pour être conseillé·e</b> : les services spécialisés et les associations "
            "qui accompagnent les jeunes en situation de prostitution.</li></ol>",
        ),
        ("heading", {"text": "Dans le Nord", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>La Boussole</b> (association AGSS de l'Udaf) : point d'écoute pour les "
            "professionnel·les, les jeunes et leurs familles, au 07 57 76 46 58, et sur "
            "Snapchat (ecouteboussole) pour les jeunes.</li>"
            "<li><b>L'accueil de jour Tara</b> (association Solfa, Lille) : accueil "
            "inconditionnel des jeunes en errance ou en situation de prostitution, au 03 21 21 "
            "91 16.</li>"
            "<li><b>4 associations spécialisées</b> et des places d'hébergement dédiées aux "
            "jeunes en situation de prostitution.</li></ul>"
            "<p>Pour les jeunes eux-mêmes : le site jenesuispasavendre.org.</p>",
        ),
        ("help_numbers", {"title": "Numéros d'aide"}),
    ],
)

QUESTIONS = [
    true_false(
        "Une relation prostitutionnelle avec un·e mineur·e de 17 ans qui se dit consentant·e "
        "est autorisée.",
        "Faux : toute relation prostitutionnelle avec une personne de moins de 18 ans est "
        "interdite, et les peines du client sont aggravées.",
        answer=False,
        tags="loi",
    ),
    true_false(
        "Recevoir un hébergement ou des vêtements en échange d'actes sexuels peut relever de "
        "la prostitution.",
        "Vrai : la rémunération n'est pas forcément de l'argent.",
        answer=True,
        tags="definition",
    ),
    multiple(
        "Parmi ces éléments, lesquels sont des signaux d'alerte à prendre au sérieux, surtout "
        "s'ils se cumulent ?",
        "Fugues, biens inexpliqués et plusieurs téléphones sont des signaux classiques ; de "
        "bons résultats scolaires n'en sont pas un.",
        ("Des fugues répétées et des nuits hors du lieu de vie", True),
        ("De l'argent ou des vêtements dont l'origine reste floue", True),
        ("Plusieurs téléphones et des messages incessants", True),
        ("De bons résultats scolaires", False),
        tags="reperage",
    ),
    single(
        "Combien d'enfants seraient victimes de prostitution chaque année en France, selon "
        "une estimation probablement en deçà de la réalité ?",
        "Entre 7 000 et 10 000 enfants, selon une estimation approximative.",
        ("Quelques centaines", False),
        ("Entre 7 000 et 10 000", True),
        ("Plus de 100 000", False),
        tags="chiffres",
    ),
    single(
        "Une adolescente refuse toute aide et dit ne pas être victime. Que faites-vous ?",
        "Un·e mineur·e en situation de prostitution est en danger : le devoir d'agir "
        "s'applique même sans demande.",
        ("Je respecte son choix et je n'agis pas", False),
        ("Je signale la situation, même sans son accord", True),
        ("J'attends qu'elle soit majeure pour lui proposer un accompagnement", False),
        tags="loi",
    ),
    matching(
        "Associez chaque situation au bon canal de signalement.",
        "Le danger immédiat relève du 17 ou du parquet ; l'information préoccupante de la "
        "CRIP ou du 119 ; une annonce en ligne de internet-signalement.gouv.fr.",
        ("Une jeune est retenue en ce moment dans un hôtel", "Le 17 ou le procureur"),
        (
            "Un faisceau de signes inquiétants, sans urgence",
            "Une information préoccupante (CRIP ou 119)",
        ),
        ("Une annonce en ligne semble concerner une mineure", "internet-signalement.gouv.fr"),
        tags="signalement",
    ),
    single(
        "Qu'est-ce qu'un « lover boy » ?",
        "Le « lover boy » séduit une jeune, la rend dépendante affectivement puis exige des "
        "actes sexuels, souvent pour d'autres.",
        ("Un jeune qui a une relation amoureuse avec une personne de son âge", False),
        ("Un proxénète qui séduit une jeune avant de l'exploiter", True),
        ("Un éducateur spécialisé", False),
        tags="recrutement",
    ),
    true_false(
        "Les jeunes en situation de prostitution en parlent généralement d'eux-mêmes aux "
        "professionnel·les.",
        "Faux : la honte, la peur et l'emprise les en empêchent ; beaucoup cachent même leur "
        "âge. Le repérage revient aux adultes.",
        answer=False,
        tags="reperage",
    ),
    single(
        "Que prévoit la loi du 13 avril 2016 pour les personnes prostituées ?",
        "Elle les considère comme des victimes : fin du délit de racolage, parcours de "
        "sortie, pénalisation des clients.",
        ("Elle les sanctionne pour racolage", False),
        ("Elle les reconnaît comme victimes et sanctionne les clients", True),
        ("Elle autorise la prostitution à partir de 16 ans", False),
        tags="loi",
    ),
    ordering(
        "Remettez dans l'ordre les étapes typiques d'un recrutement en ligne.",
        "Repérage d'un·e jeune isolé·e, séduction et cadeaux, dépendance puis exploitation : "
        "connaître ces étapes aide à intervenir tôt.",
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
            "l'appui d'un service spécialisé comme La Boussole ; attendre n'est pas une "
            "option.",
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
        "Facteurs de risque, signaux d'alerte, recrutement en ligne : repérer les jeunes en "
        "situation ou en risque de prostitution, connaître la loi et savoir à qui signaler."
    ),
    objectives_html=(
        "<ul><li>Reconnaître les facteurs de risque et les signaux d'alerte</li>"
        "<li>Comprendre les mécanismes du recrutement en ligne</li>"
        "<li>Connaître la loi : la prostitution d'un·e mineur·e est toujours interdite</li>"
        "<li>Signaler au bon interlocuteur : 119, CRIP, procureur, services spécialisés</li>"
        "</ul>"
    ),
    kind=Kind.SENSIBILISATION,
    audiences=tuple(Profession.values),
    mandatory_for=(),
    topics=(("prostitution-mineurs", "Prostitution des mineur·es"),),
    content_warning=(
        "Ce module évoque l'exploitation sexuelle d'adolescent·es et des situations de "
        "violences sexuelles."
    ),
    activities=(ACTIVITY_GIFTS, ACTIVITY_CONSENT),
    lessons=(LESSON_PHENOMENON, LESSON_SIGNALS, LESSON_ONLINE, LESSON_LAW, LESSON_REPORT),
    quiz_title="Évaluation finale — prostitution des mineur·es",
    quiz_intro="Onze questions pour vérifier ce que vous retenez du module.",
    questions=QUESTIONS,
    figures=FIGURES,
)
