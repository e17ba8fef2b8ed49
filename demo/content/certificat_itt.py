"""Module 4 — Rédiger un certificat médical initial et fixer l'ITT (médecins, sages-femmes).

The seed documents say why the topic matters (fiche 1.2 of the Pas-de-Calais plan
names "rédaction d'un certificat ITT" as a technical skill to train; the Nord held
awareness evenings on the lifting of medical secrecy; the national page dates the
law of 30 July 2020) but not how to write the certificate nor what the law says. The
rest comes from public texts, each cited in the lesson's sources: the HAS
recommendation of October 2011 (« Certificat médical initial concernant une personne
victime de violences »: ITT as a « gêne notable » in the acts of ordinary life, not
an inability to do them alone), the Code pénal (222-11, 222-12, 222-13, 222-33-2-1,
R. 624-1, R. 625-1, 131-13, 132-80, 226-13, 226-14 as amended by loi n° 2020-936 du
30 juillet 2020), the Code de procédure pénale (60, 77-1) and the Code de la santé
publique (R. 4127-28, R. 4127-44, R. 4127-76). The worked case (Mme L.) and the
scenario (Mme R.) are fictional: their measures are written in words in the lessons.
"""

from accounts.constants import Profession
from courses.constants import Kind
from courses.h5p import contents as h5p
from demo.loaders.quizzes import matching, multiple, ordering, single, situation, true_false

from . import (
    NATIONAL,
    NORD_2023,
    PAS_DE_CALAIS_PLAN,
    Figure,
    H5PActivity,
    Lesson,
    Module,
    Source,
)

SLUG = "certificat-medical-itt"

# Sources used by several lessons ------------------------------------------------------

HAS_2011 = (
    "Haute Autorité de santé, « Certificat médical initial concernant une personne victime "
    "de violences », recommandation de bonne pratique"
)
CODE_PENAL = "Code pénal"
CSP = "Code de la santé publique (code de déontologie médicale)"


def _has(fact: str, location: str = "") -> Source:
    return Source(fact=fact, reference=HAS_2011, location=location or "Octobre 2011")


def _law(fact: str, reference: str, location: str = "") -> Source:
    return Source(fact=fact, reference=reference, location=location)


# Activities ---------------------------------------------------------------------------

ACTIVITY_RUBRICS = H5PActivity(
    title="Les règles de rédaction du certificat",
    kind="dragtext",
    content=h5p.drag_text(
        "<p>Faites glisser chaque mot à sa place pour retrouver les règles de rédaction d'un "
        "certificat médical initial. Quatre mots ne servent à rien.</p>",
        "Les propos de la victime sont rapportés entre *guillemets*.\n"
        "Quand vous les reformulez, vous employez le *conditionnel* : « elle aurait été "
        "poussée ».\n"
        "Chaque lésion est décrite par sa nature, sa *localisation*, sa taille et sa "
        "*couleur*.\n"
        "Le certificat ne désigne jamais l'*auteur* comme établi.\n"
        "Le retentissement *psychologique* est décrit comme les lésions.\n"
        "L'ITT est exprimée en *jours*, sous réserve de *complications*.\n"
        "Le certificat est remis à la *victime* en main propre.",
        distractors=["indicatif", "coupable", "semaines", "conjoint"],
    ),
    filename="certificat-regles.h5p",
)

ACTIVITY_ITT_CASES = H5PActivity(
    title="Fixer l'ITT : quatre situations",
    kind="singlechoiceset",
    content=h5p.single_choice_set(
        [
            (
                "Selon la HAS, que mesure l'ITT ?",
                [
                    "La durée d'une gêne notable dans les actes ordinaires de la vie",
                    "La durée pendant laquelle la victime ne peut plus rien faire seule",
                    "La durée de l'arrêt de travail prescrit",
                ],
            ),
            (
                "Une retraitée a des côtes douloureuses, dort mal et ne porte plus ses "
                "courses. Fixez-vous une ITT ?",
                [
                    "Oui : la gêne dans sa vie courante compte, qu'elle travaille ou non",
                    "Non : elle n'a pas d'activité professionnelle",
                ],
            ),
            (
                "Une patiente sans lésion visible ne dort plus, sursaute au moindre bruit et "
                "n'ose plus sortir seule. Que faites-vous ?",
                [
                    "J'intègre ce retentissement psychologique dans l'évaluation de l'ITT",
                    "Je conclus à une ITT nulle puisque l'examen physique est normal",
                ],
            ),
            (
                "Une salariée a besoin d'un arrêt de travail. Comment procédez-vous ?",
                [
                    "Deux documents distincts : l'arrêt de travail et le certificat avec l'ITT",
                    "Une seule durée, écrite sur le certificat, qui vaut pour les deux",
                ],
            ),
        ]
    ),
    filename="itt-situations.h5p",
)

ACTIVITY_THRESHOLD = H5PActivity(
    title="Le seuil des huit jours",
    kind="questionset",
    content=h5p.question_set(
        [
            h5p.nested(
                h5p.MULTI_CHOICE,
                h5p.multi_choice(
                    "<p>Un voisin a frappé la victime. Vous fixez une ITT de cinq jours. "
                    "Aucune circonstance aggravante. De quoi relèvent ces violences ?</p>",
                    [
                        (
                            "D'une contravention de la cinquième classe",
                            True,
                            "Oui : article R. 625-1 du code pénal.",
                        ),
                        (
                            "D'un délit",
                            False,
                            "Non : sans circonstance aggravante, le délit commence au-delà "
                            "de huit jours d'ITT.",
                        ),
                        ("D'un crime", False, "Non."),
                    ],
                ),
                title="ITT courte, sans circonstance aggravante",
            ),
            h5p.nested(
                h5p.MULTI_CHOICE,
                h5p.multi_choice(
                    "<p>Mêmes lésions, mêmes cinq jours d'ITT, mais l'auteur est "
                    "l'ex-compagnon de la victime, qui l'a frappée parce qu'elle l'a quitté. "
                    "De quoi relèvent ces violences ?</p>",
                    [
                        (
                            "D'un délit, quelle que soit la durée de l'ITT",
                            True,
                            "Oui : le conjoint, le concubin ou le partenaire, actuel ou "
                            "ancien, est une circonstance aggravante (articles 222-13 et "
                            "132-80).",
                        ),
                        (
                            "D'une contravention, comme pour le voisin",
                            False,
                            "Non : la relation de couple, même passée, aggrave les violences.",
                        ),
                        (
                            "De rien, puisque le couple est séparé",
                            False,
                            "Non : l'ancien conjoint, concubin ou partenaire est visé.",
                        ),
                    ],
                ),
                title="Violences au sein du couple",
            ),
            h5p.nested(
                h5p.TRUE_FALSE,
                h5p.true_false(
                    "<p>C'est le médecin qui choisit, sur son certificat, entre contravention "
                    "et délit.</p>",
                    correct=False,
                    feedback_html=(
                        "<p>Faux : le médecin décrit et fixe l'ITT ; la qualification des "
                        "faits appartient au parquet et au juge.</p>"
                    ),
                ),
                title="Qui qualifie ?",
            ),
            h5p.nested(
                h5p.BLANKS,
                h5p.blanks(
                    "<p>Complétez.</p>",
                    [
                        "<p>Le certificat exprime l'ITT en *jours*, et le seuil pénal est de "
                        "*huit/8* jours.</p>",
                        "<p>Une victime de violences du conjoint sans aucune ITT est victime "
                        "d'un *délit*.</p>",
                    ],
                ),
                title="Les mots justes",
            ),
        ],
        pass_percentage=60,
        key="itt-seuil",
    ),
    filename="itt-seuil-huit-jours.h5p",
)

ACTIVITY_DRAFT = H5PActivity(
    title="Rédigez le certificat de Mme L.",
    kind="blanks",
    content=h5p.blanks(
        "<p>Voici l'extrait du certificat que vous rédigez pour Mme L. Complétez chaque "
        "blanc d'un seul mot, puis comparez avec le modèle qui suit l'activité.</p>",
        [
            "<p>Mme L. *déclare/dit/rapporte* : « Il m'a attrapée par le cou et m'a poussée "
            "contre le mur. »</p>",
            "<p>Selon ses propos, son compagnon l'*aurait* ensuite frappée au visage.</p>",
            "<p>Elle se plaint de douleurs du cou à la *déglutition*.</p>",
            "<p>Examen : ecchymose *violacée/bleue/bleutée* de 4 cm sur 3 cm à la pommette "
            "gauche.</p>",
            "<p>Pleurs pendant l'entretien, insomnie et sursauts au moindre bruit : "
            "retentissement *psychologique/psychique* marqué.</p>",
            "<p>L'ITT est fixée à cinq jours, sous *réserve* de complications.</p>",
            "<p>Certificat établi à la demande de l'intéressée et remis en *main* propre.</p>",
        ],
    ),
    filename="certificat-mme-l.h5p",
)

ACTIVITY_BAD_CERTIFICATE = H5PActivity(
    title="Ce qui n'a pas sa place dans un certificat",
    kind="markthewords",
    content=h5p.mark_the_words(
        "<p>Ce certificat a été rédigé trop vite. Cliquez sur les six mots qui n'ont pas "
        "leur place dans un certificat médical initial : ceux qui qualifient les faits, "
        "désignent un coupable, jugent la victime ou se prononcent sur l'intention.</p>",
        "<p>Mme B. a été *agressée* hier soir par son mari, *coupable* de violences "
        "répétées. Elle présente une ecchymose de 5 cm à la face externe du bras droit, "
        "*manifestement* due à un coup porté *volontairement*. Patiente *hystérique* "
        "pendant l'examen, récit *exagéré*. ITT de trois jours sous réserve de "
        "complications.</p>",
    ),
    filename="certificat-erreurs.h5p",
)

# The consultation scenario: screen indexes are the positions in SCENARIO_SCREENS.
_START, _FIRST, _EXAM, _ITT = 0, 1, 2, 3
_DISCLOSURE, _REPORT, _GOOD, _PARTIAL = 4, 5, 6, 7
_MISSED, _HARMFUL_SILENCE, _HARMFUL_CALL = 8, 9, 10
_NO_ITT, _NAMED = 11, 12

SCENARIO_SCREENS = [
    h5p.scenario_text(
        "La consultation",
        "<p>Mme R., trente et un ans, consulte pour des insomnies. En prenant sa tension, "
        "vous voyez sur son avant-bras des ecchymoses de teintes différentes. Vous lui "
        "demandez comment cela se passe à la maison. Après un silence : « Mon compagnon "
        "s'énerve. Samedi, il m'a serrée fort. »</p>",
        next_id=_FIRST,
    ),
    h5p.scenario_choice(
        "Premier temps",
        "<p>Que faites-vous ?</p>",
        [
            (
                "Je lui dis que je la crois et je lui propose un examen et un certificat",
                _EXAM,
            ),
            ("Je note « chute » dans le dossier et je prescris un somnifère", _HARMFUL_SILENCE),
            ("Je lui explique qu'il faut d'abord porter plainte pour avoir un certificat", _MISSED),
        ],
    ),
    h5p.scenario_text(
        "L'examen",
        "<p>Quatre ecchymoses ovalaires à la face interne de l'avant-bras gauche, violacées "
        "et jaune-vert, une érosion linéaire du cou. Elle a mal en avalant, dort peu, ne "
        "sort plus seule. Elle est en congé parental.</p>",
        next_id=_ITT,
    ),
    h5p.scenario_choice(
        "Conclure le certificat",
        "<p>Comment concluez-vous ?</p>",
        [
            (
                "Propos entre guillemets, lésions et état psychique décrits, ITT en jours "
                "sous réserve de complications",
                _DISCLOSURE,
            ),
            ("Pas d'ITT : elle ne travaille pas", _NO_ITT),
            ("J'écris qu'elle « a été étranglée par son compagnon »", _NAMED),
        ],
    ),
    h5p.scenario_text(
        "Ce qu'elle vous confie",
        "<p>Il l'a serrée au cou « jusqu'à ce qu'elle voie noir ». Il a un fusil de chasse "
        "et a dit qu'il la tuerait si elle partait ; elle lui a annoncé qu'elle voulait se "
        "séparer. Elle refuse de porter plainte et vous demande de n'en parler à "
        "personne.</p>",
        next_id=_REPORT,
    ),
    h5p.scenario_choice(
        "Le secret",
        "<p>Que faites-vous ?</p>",
        [
            (
                "Je cherche son accord pour signaler ; à défaut, je signale au procureur en "
                "l'en informant, et je l'oriente",
                _GOOD,
            ),
            ("Je respecte son refus et lui donne le 3919 et un rendez-vous", _PARTIAL),
            ("J'appelle son compagnon pour apaiser la situation", _HARMFUL_CALL),
        ],
    ),
    h5p.scenario_text(
        "Vous l'avez protégée sans la trahir",
        "<p>Certificat précis, ITT qui tient compte du psychisme. Face à un danger immédiat "
        "sous emprise, l'article 226-14 du code pénal vous autorise à signaler sans son "
        "accord, après l'avoir cherché et en l'informant.</p>",
        end_title="Fin : une prise en charge complète",
        end_subtitle="Certificat, ITT, signalement justifié et expliqué.",
        score=10,
    ),
    h5p.scenario_text(
        "Un danger laissé sans réponse",
        "<p>Le certificat est bon, mais strangulation, arme, menaces de mort et séparation "
        "annoncée disent un danger pour sa vie. Depuis la loi du 30 juillet 2020, vous "
        "pouviez signaler sans son accord, en l'informant.</p>",
        end_title="Fin : en partie juste",
        end_subtitle="Le certificat est fait ; la protection ne l'est pas.",
        score=5,
    ),
    h5p.scenario_text(
        "Une occasion manquée",
        "<p>La victime peut obtenir un certificat sans plainte ; la HAS recommande de "
        "toujours répondre. Sans examen, ses lésions disparaîtront sans trace.</p>",
        end_title="Fin : une occasion manquée",
        end_subtitle="Pas de certificat, pas de trace.",
        score=2,
    ),
    h5p.scenario_text(
        "Le silence",
        "<p>Écrire « chute » quand elle parle de violences, c'est un dossier inexact et une "
        "parole ignorée. Elle repart sans certificat ni orientation, toujours en "
        "danger.</p>",
        end_title="Fin : une prise en charge qui lui nuit",
        end_subtitle="Ne rien voir est aussi une décision.",
        score=0,
    ),
    h5p.scenario_text(
        "L'appel au compagnon",
        "<p>Vous apprenez à l'auteur présumé qu'elle a parlé, au moment le plus dangereux : "
        "celui de la séparation.</p>",
        end_title="Fin : une décision qui la met en danger",
        end_subtitle="Ne jamais contacter l'auteur présumé.",
        score=0,
    ),
    h5p.scenario_text(
        "ITT et travail",
        "<p>L'ITT mesure la gêne notable dans la vie courante, pas l'emploi. Mme R. a mal "
        "en avalant, dort peu, ne sort plus seule : vous fixez une ITT.</p>",
        next_id=_DISCLOSURE,
    ),
    h5p.scenario_text(
        "Les mots du certificat",
        "<p>Vous n'avez pas vu les faits : vous écrivez « Mme R. déclare : “…” » et vous "
        "décrivez l'érosion du cou.</p>",
        next_id=_DISCLOSURE,
    ),
]

ACTIVITY_SCENARIO = H5PActivity(
    title="Scénario : une patiente vous parle de violences",
    kind="branchingscenario",
    content=h5p.branching_scenario(
        title="Scénario : une patiente vous parle de violences",
        subtitle_html="<p>Une consultation de médecine générale. Trois décisions à prendre.</p>",
        screens=SCENARIO_SCREENS,
        key="itt-consultation",
    ),
    filename="scenario-consultation.h5p",
)

# Lessons ------------------------------------------------------------------------------

LESSON_PURPOSE = Lesson(
    title="À quoi sert le certificat médical initial",
    intro="Un acte médical qui devient souvent la seule trace objective des violences.",
    body=[
        ("heading", {"text": "Un acte médical qui sert de preuve", "level": "h2"}),
        (
            "paragraph",
            "<p>Le <b>certificat médical initial</b> décrit ce que le ou la professionnel·le "
            "de santé constate chez une personne qui dit avoir subi des violences, le plus tôt "
            "possible après les faits. Il est « initial » parce qu'il fixe l'état de la "
            "victime au premier examen : d'autres pourront décrire l'évolution. Les ecchymoses "
            "s'effacent, "
            "une érosion cicatrise, la voix cassée par une strangulation revient : si "
            "personne ne les a décrites, elles n'existeront plus pour la justice.</p>"
            "<p>Ce document sert à la victime pour faire valoir ses droits : porter plainte, "
            "demander une ordonnance de protection au juge aux affaires familiales, "
            "défendre sa position dans une "
            "procédure de séparation ou de résidence des enfants. Pour l'enquête, c'est une pièce "
            "objective, rédigée par un tiers. Dans les violences au sein du couple, qui se "
            "passent presque toujours sans témoin, il est souvent l'élément qui permet de "
            "poursuivre.</p>",
        ),
        (
            "paragraph",
            "<p>La Haute Autorité de santé (HAS) a publié en octobre 2011 une recommandation "
            "de bonne pratique consacrée à ce certificat. Elle vise à harmoniser des pratiques "
            "très hétérogènes ; ce module la suit.</p>",
        ),
        ("heading", {"text": "Qui le demande, et quand", "level": "h2"}),
        (
            "paragraph",
            "<p>Deux situations se présentent :</p>"
            "<ul><li><b>La victime le demande elle-même</b>, au médecin de son choix, à sa "
            "sage-femme, aux urgences. Elle n'a pas besoin d'avoir porté plainte, ni même "
            "d'avoir décidé de le faire. La HAS recommande de toujours répondre à cette "
            "demande : refuser, ou renvoyer vers « la police d'abord », c'est la laisser "
            "repartir sans trace.</li>"
            "<li><b>Un officier de police judiciaire ou un magistrat vous requiert</b> par "
            "une réquisition écrite, dans le cadre d'une enquête de flagrance (article 60 du "
            "code de procédure pénale) ou d'une enquête préliminaire (article 77-1). Le "
            "certificat est alors remis à l'autorité qui vous a requis. Refuser de répondre "
            "sans motif légitime est puni d'une amende (article R. 642-1 du code pénal).</li>"
            "</ul>"
            "<p>Souvent, la demande n'est pas formulée. La patiente consulte pour des "
            "insomnies, des douleurs diffuses, un suivi de grossesse ; c'est votre question "
            "sur ce qui se passe à la maison qui ouvre la porte. Proposer vous-même le "
            "certificat fait partie du soin : expliquez à quoi il sert et qu'elle en fera ce "
            "qu'elle voudra.</p>",
        ),
        (
            "callout",
            {
                "title": "Les soignants en première ligne",
                "text": "<p>Dans le Nord, en 2022 et 2023, quatre soirées de sensibilisation "
                "(Lille, Dunkerque, Cambrai, Douai) ont réuni plus de 230 professionnels de "
                "santé : repérer les violences conjugales, connaître les ressources locales, "
                "comprendre la levée du secret professionnel. Le plan du Pas-de-Calais cite la "
                "rédaction d'un certificat ITT comme une compétence technique à acquérir par "
                "les professions médicales. Partout en France, la plainte peut être recueillie "
                "dans 542 établissements de santé, dont 61 prévoient le recueil de preuves "
                "sans plainte.</p>",
            },
        ),
        ("heading", {"text": "Vos obligations de rédacteur ou de rédactrice", "level": "h2"}),
        (
            "paragraph",
            "<p>Établir les certificats que les textes prévoient, conformément aux "
            "constatations médicales que l'on est en mesure de faire, fait partie de "
            "l'exercice normal de la médecine (article R. 4127-76 du code de la santé "
            "publique). Un certificat de complaisance ou un rapport tendancieux est interdit "
            "(article R. 4127-28) : vous n'écrivez que ce que vous avez constaté ou ce que la "
            "victime vous a dit, présenté comme tel. Enfin, le médecin qui discerne qu'une "
            "personne est victime de sévices doit mettre en œuvre les moyens les plus adéquats "
            "pour la protéger, avec prudence et circonspection (article R. 4127-44). Le code "
            "de déontologie des sages-femmes, dans le même code, leur fixe des devoirs "
            "comparables. Le certificat engage votre signature : il décrit sans juger et "
            "conclut sans qualifier.</p>",
        ),
        ("heading", {"text": "Remettre le certificat et en garder la trace", "level": "h2"}),
        (
            "paragraph",
            "<p>Le certificat établi à la demande de la victime lui est <b>remis en main "
            "propre</b>, jamais à un tiers, et surtout pas au conjoint qui l'accompagne. "
            "Gardez-en un double dans le dossier médical : si elle le perd, ou si l'auteur le "
            "détruit, vous pourrez en attester. Si elle ne peut pas le conserver chez elle "
            "sans danger, proposez-lui de le confier à une personne de confiance, à une "
            "association ou de le laisser dans son dossier.</p>"
            "<p>Recevez-la seule. Si le conjoint insiste pour rester, un prétexte d'examen "
            "suffit souvent à l'éloigner quelques minutes.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "À dire à la patiente",
                        "body": "<ul><li>« Ce que vous me racontez est grave, et vous n'y "
                        "êtes pour rien. »</li>"
                        "<li>« Je peux décrire vos blessures dans un certificat. Vous en "
                        "ferez ce que vous voudrez, maintenant ou plus tard. »</li>"
                        "<li>« Je le garde aussi dans votre dossier. »</li></ul>",
                    },
                    {
                        "title": "À ne pas dire",
                        "body": "<ul><li>« Allez d'abord porter plainte, la police vous "
                        "enverra un médecin. »</li>"
                        "<li>« Vous êtes sûre ? Il n'a pas l'air comme ça. »</li>"
                        "<li>« Pourquoi ne partez-vous pas ? »</li></ul>",
                    },
                ]
            },
        ),
    ],
    sources=(
        _has(
            "En octobre 2011, la HAS publie une recommandation sur le certificat médical "
            "initial : répondre toujours à la demande de la victime ou de l'autorité "
            "judiciaire ; un certificat descriptif et objectif, remis en main propre."
        ),
        _law(
            "Les réquisitions de personnes qualifiées : enquête de flagrance (article 60) et "
            "enquête préliminaire (article 77-1).",
            "Code de procédure pénale, articles 60 et 77-1",
        ),
        _law(
            "Refuser sans motif légitime de répondre à une réquisition est puni d'une amende "
            "(article R. 642-1).",
            "Code pénal, article R. 642-1",
        ),
        _law(
            "Établir les certificats conformément aux constatations (article R. 4127-76) ; "
            "certificat de complaisance interdit (article R. 4127-28) ; protéger la victime "
            "de sévices (article R. 4127-44).",
            CSP,
            "Articles R. 4127-28, R. 4127-44 et R. 4127-76",
        ),
        Source(
            fact="En 2022 et 2023, quatre soirées de sensibilisation à Lille, Dunkerque, "
            "Cambrai et Douai ; plus de 230 professionnels de santé sensibilisés, dont à la "
            "levée du secret professionnel.",
            reference="Préfecture du Nord, dossier de presse du 25 novembre 2023",
            location="Sensibilisation des professionnels de santé",
            seed=NORD_2023,
        ),
        Source(
            fact="La rédaction d'un certificat ITT, compétence technique visée par les "
            "formations, concerne surtout les professions médicales.",
            reference="Plan cadre de lutte contre les violences faites aux femmes du "
            "Pas-de-Calais 2019-2022",
            location="Fiche action 1.2",
            seed=PAS_DE_CALAIS_PLAN,
        ),
        Source(
            fact="Le dépôt de plainte est possible dans 542 établissements de santé, dont 61 "
            "prévoient le recueil de preuves sans plainte.",
            reference="Plan interministériel pour l'égalité entre les femmes et les hommes "
            "2023-2027, mesures du Grenelle",
            location="« Où en sommes-nous aujourd'hui ? »",
            seed=NATIONAL,
        ),
    ),
)

LESSON_CONTENT = Lesson(
    title="Ce que contient le certificat : lésions et retentissement psychologique",
    intro="Décrire précisément, rapporter sans qualifier, ne jamais désigner l'auteur.",
    body=[
        ("heading", {"text": "Les rubriques du certificat", "level": "h2"}),
        (
            "paragraph",
            "<p>La HAS propose un modèle ; on peut aussi écrire sur papier libre à en-tête. Les "
            "rubriques, dans l'ordre :</p>"
            "<ol><li><b>L'identification</b> : vos nom, qualité et adresse ; l'identité de la "
            "victime (et, si elle n'a pas de pièce d'identité, « se disant… ») ; la date et "
            "l'heure de l'examen ; le cadre : à sa demande ou sur réquisition.</li>"
            "<li><b>Les déclarations de la victime</b> : ce qu'elle dit des faits, de leur "
            "date, de leur lieu, avec ses mots.</li>"
            "<li><b>Ses doléances</b> : ce qu'elle ressent, douleurs, gêne, sommeil, peur.</li>"
            "<li><b>Les antécédents</b> utiles à l'interprétation, et eux seuls.</li>"
            "<li><b>L'examen clinique</b> : chaque lésion décrite, puis l'examen psychique.</li>"
            "<li><b>Les examens complémentaires</b> demandés et les soins prescrits.</li>"
            "<li><b>La conclusion</b> : la durée d'ITT, la mention « sous réserve de "
            "complications », et la remise du certificat.</li></ol>",
        ),
        (
            "heading",
            {"text": "Rapporter les propos, sans les reprendre à son compte", "level": "h2"},
        ),
        (
            "paragraph",
            "<p>Vous n'étiez pas là. Le certificat rapporte donc ce que la victime dit, en "
            "le signalant comme tel : ses mots <b>entre guillemets</b> (« Mme X déclare : "
            "“Il m'a tirée par les cheveux” »), ou reformulés <b>au conditionnel</b> (« elle "
            "aurait été tirée par les cheveux »). Gardez ses expressions, même crues, même "
            "maladroites : elles disent la scène mieux qu'un résumé médical.</p>"
            "<p>Vous ne nommez jamais l'auteur comme établi. Si elle dit « mon mari », vous "
            "écrivez qu'elle déclare que son mari l'a frappée, pas qu'elle a été frappée par "
            "son mari. Vous ne vous prononcez pas non plus sur le caractère volontaire ou "
            "accidentel des blessures : c'est l'enquête qui l'établira.</p>",
        ),
        (
            "callout",
            {
                "title": "Décrire, sans interpréter",
                "text": "<p>Écrivez « ecchymose violacée ovale de trois centimètres sur deux, "
                "à la face interne du bras gauche, à mi-hauteur » plutôt que « trace de "
                "coup ». L'absence de lésion visible s'écrit aussi : elle n'exclut pas les "
                "violences.</p>",
            },
        ),
        ("heading", {"text": "Décrire chaque lésion", "level": "h2"}),
        (
            "paragraph",
            "<p>Pour chaque lésion, notez :</p>"
            "<ul><li><b>sa nature</b> : ecchymose, hématome, érosion, plaie, brûlure, "
            "morsure, pétéchies ;</li>"
            "<li><b>sa localisation</b>, précise et reproductible : face, côté, repères "
            "anatomiques ;</li>"
            "<li><b>sa taille</b>, mesurée et non estimée ;</li>"
            "<li><b>sa forme et sa couleur</b> : une ecchymose en bande, en empreinte de "
            "doigts, des teintes différentes, que vous décrivez sans chercher à dater précisément "
            "chaque lésion ;</li>"
            "<li><b>la douleur et la gêne fonctionnelle</b> : mobilité réduite, boiterie, "
            "difficulté à avaler.</li></ul>"
            "<p>Un schéma corporel, joint au certificat, aide le lecteur. Des photographies "
            "peuvent compléter la description, avec l'accord de la victime. Après une "
            "strangulation, cherchez les signes discrets : pétéchies du visage ou des "
            "conjonctives, voix modifiée, douleur à la déglutition, marques du cou. Ils "
            "passent facilement inaperçus et comptent beaucoup pour apprécier la gravité des "
            "faits.</p>",
        ),
        ("heading", {"text": "Les situations particulières", "level": "h2"}),
        (
            "paragraph",
            "<p><b>Aucune lésion visible.</b> Écrivez-le, avec la date et l'heure de "
            "l'examen : les faits peuvent être anciens, les coups peuvent ne pas laisser de "
            "trace, une strangulation peut n'en laisser aucune. Décrivez alors avec d'autant "
            "plus de soin les douleurs, la gêne et l'état psychique.</p>"
            "<p><b>Des lésions d'âges différents.</b> Décrivez-les toutes, chacune avec sa "
            "couleur, sans trancher sur leur date : c'est la répétition qui ressort du "
            "certificat, et elle compte pour la justice.</p>"
            "<p><b>Des violences sexuelles.</b> L'examen et les prélèvements qui serviront "
            "de preuve relèvent le plus souvent d'une structure spécialisée ; si les faits "
            "sont récents, orientez sans attendre vers l'unité médico-judiciaire ou le "
            "service d'urgences de référence, et décrivez ce que vous avez constaté sans "
            "multiplier les examens.</p>"
            "<p><b>Une grossesse.</b> Les violences commencent ou s'aggravent souvent "
            "pendant la grossesse. La sage-femme note aussi les rendez-vous manqués, un conjoint "
            "qui ne laisse jamais la patiente seule.</p>",
        ),
        ("heading", {"text": "Le retentissement psychologique", "level": "h2"}),
        (
            "paragraph",
            "<p>La HAS demande de ne pas omettre le versant psychique. Décrivez ce que vous "
            "observez et ce qu'elle rapporte : pleurs, tremblements, sidération, propos "
            "décousus ; troubles du sommeil, cauchemars, reviviscences ; peur de rentrer chez "
            "elle, de sortir seule ; idées suicidaires. Une victime calme, détachée, qui "
            "raconte les faits sans émotion, peut être en état de dissociation : décrivez ce "
            "que vous voyez, sans conclure à l'absence de souffrance.</p>"
            "<p>Vous n'avez pas à poser un diagnostic psychiatrique ; au besoin, demandez un avis "
            "spécialisé, comme le rappelle la HAS.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "À écrire",
                        "body": "<ul><li>« Mme X déclare : “…” »</li>"
                        "<li>« Selon ses dires, elle aurait été poussée dans l'escalier. »</li>"
                        "<li>« Pleure pendant l'entretien. Dit ne plus dormir depuis les "
                        "faits. »</li>"
                        "<li>« Pas de lésion visible ce jour. »</li></ul>",
                    },
                    {
                        "title": "À ne pas écrire",
                        "body": "<ul><li>« Victime de violences conjugales » (une "
                        "qualification).</li>"
                        "<li>« Frappée par son mari » (l'auteur présenté comme établi).</li>"
                        "<li>« Coups portés volontairement » (une intention que vous n'avez "
                        "pas constatée).</li>"
                        "<li>« Patiente hystérique, peu crédible » (un jugement).</li></ul>",
                    },
                ]
            },
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_RUBRICS.title,
                "instructions": "Faites glisser les mots à leur place.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        _has(
            "Un modèle de certificat ou un papier libre ; rubriques : identification, "
            "déclarations, doléances, examen physique et psychique, examens complémentaires, "
            "conclusion avec l'ITT ; schémas et photographies avec l'accord de la victime ; "
            "jamais la responsabilité d'un tiers ni le caractère volontaire des blessures.",
        ),
    ),
)

LESSON_ITT = Lesson(
    title="La notion d'ITT",
    intro="Une durée qui mesure la gêne notable dans la vie courante, pas l'aptitude au travail.",
    body=[
        ("heading", {"text": "Une gêne notable, pas une impossibilité", "level": "h2"}),
        (
            "paragraph",
            "<p>L'<b>incapacité totale de travail</b> (ITT) est une notion du droit pénal. "
            "Le code pénal ne la définit pas. La HAS, dans sa recommandation de "
            "2011, retient la définition suivante : l'ITT est la durée pendant laquelle la "
            "victime éprouve une <b>gêne notable dans les actes de la vie courante</b> : "
            "manger, dormir, se laver, s'habiller, faire ses courses, se déplacer, se rendre "
            "au travail.</p>"
            "<p>Le mot « totale » trompe. Il ne veut pas dire que la victime ne peut plus "
            "rien faire, ni qu'elle ne peut plus accomplir seule ces actes. Une femme qui "
            "s'habille seule mais en grimaçant, qui dort par tranches de deux heures, qui ne "
            "porte plus ses courses, qui n'ose plus prendre le bus, éprouve une gêne notable. "
            "Attendre, pour fixer une ITT, que la victime soit dépendante d'un tiers, c'est "
            "sous-évaluer presque toutes les violences.</p>",
        ),
        (
            "callout",
            {
                "title": "Définition à retenir",
                "text": "<p>ITT : durée, en jours, de la gêne notable que la victime éprouve "
                "dans les actes ordinaires de sa vie, du fait des violences, sur le plan "
                "physique comme psychique.</p>",
            },
        ),
        ("heading", {"text": "L'ITT n'est pas un arrêt de travail", "level": "h2"}),
        (
            "paragraph",
            "<p>Le mot « travail » trompe aussi. L'ITT ne mesure pas l'aptitude à exercer un "
            "métier. Elle se fixe pour toute victime : un enfant, une étudiante, une "
            "retraitée, une mère en congé parental, une personne sans emploi. Une victime "
            "salariée peut avoir une ITT plus courte ou plus longue que son arrêt de travail : "
            "les deux durées répondent à des questions différentes.</p>"
            "<p>L'arrêt de travail est une prescription sociale. Le certificat qui fixe l'ITT "
            "est destiné à la victime et à la justice. Ce sont donc deux documents distincts. "
            "La HAS recommande de demander à la victime si elle exerce une activité "
            "professionnelle et, si nécessaire, d'établir en plus un arrêt de travail.</p>",
        ),
        ("heading", {"text": "Le corps et le psychisme", "level": "h2"}),
        (
            "paragraph",
            "<p>L'ITT prend en compte l'ensemble du retentissement des violences, y compris "
            "psychique. Une patiente sans aucune lésion visible, qui ne dort plus, ne mange "
            "plus, n'ose plus sortir et revit la scène dès qu'elle entend une porte claquer, "
            "éprouve une gêne notable dans sa vie courante. Son ITT n'est pas nulle au motif "
            "que l'examen physique est normal.</p>"
            "<p>C'est particulièrement important dans les violences au sein du couple, où les "
            "violences psychologiques précèdent et accompagnent les coups, et dans les "
            "violences sexuelles, souvent sans lésion. Décrivez les signes qui fondent votre "
            "évaluation : le lecteur doit comprendre d'où vient la durée que vous fixez.</p>",
        ),
        ("heading", {"text": "Fixer la durée", "level": "h2"}),
        (
            "paragraph",
            "<p>L'ITT est une <b>estimation</b>, faite au jour de l'examen, de la durée de la "
            "gêne à venir, comptée à partir des faits. Elle s'exprime <b>en jours</b>. Elle "
            "peut être nulle, et il faut alors l'écrire. Ne la laissez pas en blanc et "
            "n'écrivez pas « à revoir » : un certificat sans ITT oblige à un nouvel examen, "
            "souvent quand les lésions ont disparu.</p>"
            "<p>Concluez par la mention « <b>sous réserve de complications</b> » : une "
            "fracture passée inaperçue, une infection, un état de stress qui s'installe "
            "peuvent allonger la durée. Si la victime revient avec une complication, vous "
            "rédigez un nouveau certificat qui décrit l'évolution ; vous ne modifiez pas "
            "celui qui a été remis. Sur réquisition, ou si l'évaluation dépasse votre "
            "pratique, l'unité médico-judiciaire (UMJ) pourra réévaluer l'ITT pour la "
            "justice.</p>",
        ),
        ("heading", {"text": "Raisonner sur trois exemples", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>Une gifle, une ecchymose de la joue, pas d'autre plainte.</b> La "
            "victime mange, dort, travaille normalement. La gêne est faible et brève : l'ITT "
            "peut être nulle ou de très courte durée. Le certificat reste utile : il décrit la "
            "lésion.</li>"
            "<li><b>Une entorse du poignet droit chez une droitière.</b> Elle ne peut plus "
            "couper sa viande, porter son enfant, conduire. La gêne est notable pendant "
            "plusieurs jours, même si elle se débrouille seule, en adaptant ses gestes.</li>"
            "<li><b>Aucune lésion, mais des menaces répétées et une nuit de violences "
            "verbales.</b> Elle ne dort plus, ne mange plus, n'ose plus rentrer chez elle. La "
            "gêne psychique est notable : l'ITT se fixe sur elle, et le certificat décrit les "
            "signes qui la fondent.</li></ul>"
            "<p>Pour un enfant, la gêne s'apprécie dans les actes de son âge : aller à "
            "l'école, jouer, dormir, manger. Pour une personne âgée, dans son autonomie "
            "habituelle. Le raisonnement est toujours le même : quelle vie menait-elle avant, "
            "et qu'est-ce qui est devenu notablement difficile ?</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "À ne pas confondre",
                        "body": "<ul><li><b>ITT</b> : notion pénale, en jours, gêne dans la "
                        "vie courante.</li>"
                        "<li><b>Arrêt de travail</b> : prescription sociale, aptitude à "
                        "travailler.</li>"
                        "<li><b>Incapacité permanente</b> ou séquelles : évaluées plus tard, "
                        "après consolidation, pour l'indemnisation.</li></ul>",
                    },
                ]
            },
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_ITT_CASES.title,
                "instructions": "Choisissez la bonne réponse pour chaque situation.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        _has(
            "Recommandation de 2011 : l'ITT est la durée d'une gêne notable dans les actes de "
            "la vie courante (manger, dormir, se laver, s'habiller, faire ses courses, se "
            "déplacer, se rendre au travail) ; elle inclut le retentissement psychique ; elle "
            "ne se confond pas avec l'arrêt de travail ; conclure « sous réserve de "
            "complications ».",
            "Octobre 2011, détermination de l'ITT",
        ),
    ),
)

LESSON_THRESHOLD = Lesson(
    title="Plus ou moins de 8 jours : ce que l'ITT change pour la justice",
    intro="Le seuil qui sépare la contravention du délit, et pourquoi il ne joue pas au sein "
    "du couple.",
    body=[
        ("heading", {"text": "Pourquoi la durée compte", "level": "h2"}),
        (
            "paragraph",
            "<p>Pour des violences volontaires sans circonstance aggravante, le code pénal "
            "gradue la réponse selon la durée de l'ITT. Votre estimation pèse donc sur la "
            "qualification des faits et la peine encourue. Ce n'est "
            "pas vous qui qualifiez, c'est le parquet puis le juge, mais ils s'appuieront sur "
            "votre chiffre.</p>"
            "<ul><li><b>Aucune ITT</b> : contravention de la quatrième classe (article "
            "R. 624-1 du code pénal), une amende de 750 euros au plus (article 131-13).</li>"
            "<li><b>ITT de 8 jours ou moins</b> : contravention de la cinquième classe "
            "(article R. 625-1), une amende de 1 500 euros au plus (article 131-13).</li>"
            "<li><b>ITT de plus de 8 jours</b> : délit puni de trois ans d'emprisonnement et "
            "de 45 000 euros d'amende (article 222-11).</li></ul>"
            "<p>Un jour de plus ou de moins autour du seuil change donc la nature de "
            "l'infraction. C'est la raison pour laquelle la HAS insiste sur une évaluation "
            "rigoureuse et motivée : ni gonflée par compassion, ni réduite par prudence.</p>",
        ),
        ("heading", {"text": "Au sein du couple, toujours un délit", "level": "h2"}),
        (
            "paragraph",
            "<p>Le seuil ne joue pas de la même façon quand une circonstance aggravante "
            "existe. L'une d'elles concerne directement votre pratique : les violences "
            "commises <b>par le conjoint, le concubin ou le partenaire lié par un pacs</b> "
            "(article 222-13, 6°). Ces violences sont un délit, puni de trois ans "
            "d'emprisonnement et de 45 000 euros d'amende, même si l'ITT est de 8 jours ou "
            "moins, et même s'il n'y a aucune ITT. La circonstance vaut aussi quand le "
            "couple ne vit pas ensemble, et pour l'ancien conjoint, concubin ou partenaire "
            "lorsque les faits sont commis en raison de la relation passée (article "
            "132-80).</p>"
            "<p>Au-delà de 8 jours d'ITT, la même circonstance porte la peine à cinq ans "
            "d'emprisonnement et 75 000 euros d'amende (article 222-12). D'autres "
            "circonstances aggravent aussi les violences : une victime mineure de quinze "
            "ans, une personne particulièrement vulnérable, l'usage ou la menace d'une "
            "arme. Retenez surtout : dans le couple, une ITT courte ou nulle n'efface pas le "
            "délit.</p>",
        ),
        (
            "callout",
            {
                "title": "Une ITT nulle n'est pas un certificat inutile",
                "text": "<p>Quand l'ITT est nulle, le certificat reste la preuve des "
                "violences : il décrit les lésions, l'état psychique, les propos. Dans le "
                "couple, il peut suffire à fonder des poursuites pour délit.</p>",
            },
        ),
        ("heading", {"text": "Le psychisme compte aussi pour le harcèlement", "level": "h2"}),
        (
            "paragraph",
            "<p>Le harcèlement moral au sein du couple est un délit autonome (article "
            "222-33-2-1). Il est puni de trois ans d'emprisonnement et de 45 000 euros "
            "d'amende lorsque l'ITT est de 8 jours ou moins ou nulle, et de cinq ans et "
            "75 000 euros lorsqu'elle dépasse 8 jours. La loi du 30 juillet 2020 a ajouté une "
            "aggravation lorsque le harcèlement a conduit la victime à se suicider ou à tenter "
            "de le faire. Ici, l'ITT est presque toujours psychique : votre description en donne "
            "la mesure.</p>",
        ),
        ("heading", {"text": "Écrire la durée", "level": "h2"}),
        (
            "paragraph",
            "<p>Écrivez un nombre de jours précis : « ITT de cinq jours », pas « ITT "
            "inférieure à 8 jours » ni « ITT de quelques jours ». Une fourchette ou une "
            "formule qui renvoie au seuil revient à qualifier les faits à la place du "
            "parquet, et rend le certificat fragile. Si vous hésitez entre deux durées, "
            "retenez celle que votre description justifie, et écrivez les éléments qui la "
            "fondent : douleur, gêne fonctionnelle, sommeil, peur, impossibilité de sortir "
            "seule. Un lecteur qui n'a pas vu la victime doit pouvoir comprendre votre "
            "chiffre.</p>",
        ),
        ("heading", {"text": "Au-delà du pénal : l'ordonnance de protection", "level": "h2"}),
        (
            "paragraph",
            "<p>Le certificat ne sert pas qu'au procès pénal. Devant le juge aux affaires "
            "familiales, une victime peut demander une <b>ordonnance de protection</b>, même "
            "sans avoir porté plainte (articles 515-9 et 515-10 du code civil). Le juge la "
            "délivre s'il "
            "estime vraisemblables les violences alléguées et le danger auquel la victime ou "
            "les enfants sont exposés (article 515-11). Depuis la loi du 28 décembre 2019, "
            "il doit statuer dans un délai de six jours. Votre certificat, précis et daté, y pèse "
            "lourd.</p>",
        ),
        ("heading", {"text": "Résister aux pressions", "level": "h2"}),
        (
            "paragraph",
            "<p>Il arrive qu'une victime demande « au moins neuf jours », parce qu'on lui a "
            "dit que c'était nécessaire pour porter plainte. Expliquez-lui que la plainte est "
            "toujours possible, que dans le couple la durée ne conditionne pas le délit, et "
            "que votre évaluation doit rester médicale pour être crédible. À l'inverse, ne "
            "réduisez pas l'ITT pour « ne pas faire d'histoires » : vous n'êtes pas juge de "
            "l'opportunité des poursuites.</p>",
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_THRESHOLD.title,
                "instructions": "Répondez aux quatre questions.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        _law(
            "Violences sans ITT : contravention de la 4e classe (article R. 624-1) ; ITT de "
            "8 jours ou moins : contravention de la 5e classe (article R. 625-1).",
            "Code pénal, articles R. 624-1 et R. 625-1",
        ),
        _law(
            "Amende de 750 euros au plus pour la 4e classe, de 1 500 euros au plus pour la 5e "
            "classe (article 131-13).",
            "Code pénal, article 131-13",
        ),
        _law(
            "ITT de plus de 8 jours : délit puni de trois ans d'emprisonnement et de 45 000 "
            "euros d'amende (article 222-11) ; avec une circonstance aggravante, cinq ans et "
            "75 000 euros (article 222-12).",
            "Code pénal, articles 222-11 et 222-12",
        ),
        _law(
            "Violences par le conjoint, concubin ou partenaire (6°) avec ITT de 8 jours ou "
            "moins ou sans ITT : délit puni de trois ans et de 45 000 euros (article "
            "222-13) ; autres circonstances : victime mineure de quinze ans, personne "
            "particulièrement vulnérable, usage ou menace d'une arme.",
            "Code pénal, article 222-13",
        ),
        _law(
            "La circonstance aggravante vaut sans cohabitation et pour l'ancien conjoint, "
            "concubin ou partenaire (article 132-80).",
            "Code pénal, article 132-80",
        ),
        _law(
            "Harcèlement moral au sein du couple (article 222-33-2-1) : trois ans et 45 000 "
            "euros si l'ITT est de 8 jours ou moins, cinq ans et 75 000 euros au-delà de 8 "
            "jours ; aggravation en cas de suicide ou de tentative ajoutée par la loi du 30 "
            "juillet 2020.",
            "Code pénal, article 222-33-2-1",
        ),
        _has(
            "Une évaluation rigoureuse de l'ITT, qui contribue à la qualification des faits.",
        ),
        _law(
            "Ordonnance de protection par le juge aux affaires familiales (article 515-9), sans "
            "plainte préalable (article 515-10) ; délivrée si les violences et le danger sont "
            "vraisemblables "
            "(article 515-11).",
            "Code civil, articles 515-9 à 515-11",
        ),
        Source(
            fact="La loi du 28 décembre 2019 a accéléré la procédure d'obtention de "
            "l'ordonnance de protection à six jours.",
            reference="Plan interministériel pour l'égalité entre les femmes et les hommes "
            "2023-2027, mesures du Grenelle",
            location="« Un arsenal législatif nouveau »",
            seed=NATIONAL,
        ),
        Source(
            fact="La loi du 30 juillet 2020 fait entrer le « suicide forcé » dans le code "
            "pénal comme circonstance aggravante du harcèlement moral au sein du couple.",
            reference="Plan interministériel pour l'égalité entre les femmes et les hommes "
            "2023-2027, mesures du Grenelle",
            location="« Un arsenal législatif nouveau »",
            seed=NATIONAL,
        ),
    ),
)

LESSON_CASE = Lesson(
    title="Cas pratique : rédiger le certificat de Mme L.",
    intro="Vous rédigez vous-même, puis vous comparez avec un modèle commenté.",
    body=[
        ("heading", {"text": "La situation", "level": "h2"}),
        (
            "paragraph",
            "<p>Lundi matin, Mme L., vingt-huit ans, se présente à votre cabinet sans "
            "rendez-vous. Elle demande « un papier pour prouver ». Elle raconte que samedi "
            "soir, vers vingt-deux heures, son compagnon l'a attrapée par le cou, l'a "
            "poussée contre le mur de la cuisine, puis l'a giflée à plusieurs reprises. Elle "
            "a eu « la tête qui tourne » et a eu du mal à respirer pendant quelques secondes. "
            "Elle n'a pas porté plainte et ne sait pas si elle le fera. Elle travaille comme "
            "aide-soignante de nuit.</p>"
            "<p>À l'examen, vous constatez une ecchymose violacée de la pommette gauche, de "
            "quatre centimètres sur trois ; deux ecchymoses linéaires parallèles, rouge "
            "violacé, sur la face latérale gauche du cou ; quelques pétéchies sur la "
            "conjonctive de l'œil gauche. Elle dit avoir mal en avalant depuis samedi. Elle "
            "pleure pendant l'entretien, dit ne plus dormir, sursauter au moindre bruit et ne "
            "plus vouloir rentrer chez elle.</p>",
        ),
        ("heading", {"text": "Avant d'écrire : trois questions", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>Qu'ai-je constaté moi-même ?</b> Les lésions, leur taille, leur "
            "couleur, la douleur à la déglutition, les pleurs. Cela s'écrit à "
            "l'indicatif.</li>"
            "<li><b>Qu'est-ce qu'elle m'a dit ?</b> Le déroulement des faits, l'auteur, "
            "l'heure. Cela s'écrit entre guillemets ou au conditionnel.</li>"
            "<li><b>Quelle gêne dans sa vie courante ?</b> Elle a mal en avalant, ne dort "
            "plus, a peur ; elle travaille de nuit et ne se sent pas capable de reprendre. "
            "L'ITT et l'arrêt de travail sont deux questions distinctes.</li></ul>"
            "<p>Notez aussi ce qui doit vous alerter : une prise au cou avec troubles de la "
            "conscience et pétéchies évoque une strangulation, un signe de gravité reconnu. "
            "Vous y reviendrez dans la leçon sur le secret professionnel.</p>",
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_DRAFT.title,
                "instructions": "Complétez le certificat, puis lisez le modèle ci-dessous.",
                "requirement": "module",
            },
        ),
        ("heading", {"text": "Le modèle commenté", "level": "h2"}),
        (
            "quote",
            {
                "text": "Je soussignée, Dr N., médecin généraliste, certifie avoir examiné ce "
                "jour, à sa demande, Mme L., qui présente sa carte d'identité. "
                "Mme L. déclare : « Samedi soir, mon compagnon m'a attrapée par le cou et m'a "
                "poussée contre le mur. Il m'a giflée plusieurs fois. J'avais la tête qui "
                "tournait, je n'arrivais plus à respirer. » "
                "Elle se plaint de douleurs à la déglutition, d'insomnie et de peur. "
                "Examen : ecchymose violacée ovalaire de quatre centimètres sur trois à la "
                "pommette gauche ; deux ecchymoses linéaires parallèles rouge violacé à la "
                "face latérale gauche du cou ; pétéchies de la conjonctive gauche. "
                "Sur le plan psychique : pleurs pendant l'entretien, sursauts, insomnie "
                "déclarée depuis les faits, crainte de retourner à son domicile. "
                "En conclusion, l'incapacité totale de travail est fixée à cinq jours, sous "
                "réserve de complications. Certificat établi à la demande de l'intéressée et "
                "remis en main propre.",
                "source": "Certificat modèle, cas fictif",
            },
        ),
        ("heading", {"text": "Ce qu'il faut remarquer", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>L'identité vérifiée</b> est notée.</li>"
            "<li><b>Les faits sont entre guillemets</b>, avec les mots de Mme L. : le "
            "certificat ne dit pas que le compagnon l'a frappée, il dit qu'elle le "
            "déclare.</li>"
            "<li><b>Chaque lésion a une nature, une taille, une forme, une couleur et une "
            "localisation.</b> Les pétéchies et la douleur à la déglutition sont notées, "
            "parce qu'elles comptent pour apprécier la gravité.</li>"
            "<li><b>Le psychisme est décrit</b> par des faits observés ou rapportés, sans "
            "diagnostic plaqué.</li>"
            "<li><b>L'ITT est en jours</b> et tient compte du sommeil, de la douleur et de la "
            "peur, pas seulement de la joue. Un autre médecin pourrait retenir une durée "
            "voisine ; l'important est qu'elle soit motivée par la description.</li>"
            "</ul>"
            "<p>Avec une ITT de cinq jours, des violences commises par un voisin "
            "relèveraient d'une contravention. Commises par son compagnon, elles sont un "
            "délit. Le certificat n'a pas à le dire : c'est au parquet de qualifier.</p>",
        ),
        ("heading", {"text": "Les erreurs fréquentes", "level": "h2"}),
        (
            "paragraph",
            "<p>Les défauts les plus fréquents : une "
            "qualification (« violences conjugales »), l'auteur présenté comme certain, une "
            "intention affirmée (« coups volontaires »), des lésions décrites en un mot "
            "(« hématomes multiples »), un jugement sur la victime, l'ITT oubliée ou "
            "remplacée par un arrêt de travail.</p>",
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_BAD_CERTIFICATE.title,
                "instructions": "Cliquez sur les mots à retirer du certificat.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        _has(
            "Rubriques du certificat ; propos rapportés entre guillemets ; lésions décrites "
            "sans interprétation ; versant psychique ; ITT en jours sous réserve de "
            "complications ; pas de responsabilité d'un tiers ni d'intention affirmée.",
        ),
        _law(
            "ITT de 8 jours ou moins : contravention (article R. 625-1) ; par le conjoint, "
            "concubin ou partenaire : délit (article 222-13).",
            "Code pénal, articles R. 625-1 et 222-13",
        ),
    ),
)

LESSON_SECRECY = Lesson(
    title="Le secret professionnel et le signalement",
    intro="Quand et comment le médecin ou la sage-femme peut informer le procureur, avec ou "
    "sans l'accord de la victime.",
    body=[
        ("heading", {"text": "Le principe et ses exceptions", "level": "h2"}),
        (
            "paragraph",
            "<p>Le secret protège la patiente : sans lui, elle ne parlerait pas. Sa violation "
            "est un délit, puni d'un an d'emprisonnement et de 15 000 euros d'amende "
            "(article 226-13 du code pénal). L'article 226-14 écarte ce délit dans les cas "
            "où la loi impose ou autorise la révélation, et en énumère plusieurs. Le "
            "signalement fait dans ces conditions n'engage ni la responsabilité civile, ni "
            "pénale, ni disciplinaire de son auteur, sauf s'il est établi qu'il n'a pas agi "
            "de bonne foi.</p>"
            "<p>Ces exceptions concernent le médecin et « tout autre professionnel de "
            "santé » : elles s'appliquent donc aussi aux sages-femmes.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "Mineur·es et personnes qui ne peuvent pas se protéger "
                        "(226-14, 1° et 2°)",
                        "body": "<p>Pour un·e mineur·e, ou une personne qui n'est pas en "
                        "mesure de se protéger en raison de son âge ou de son incapacité "
                        "physique ou psychique, vous pouvez informer les autorités sans "
                        "recueillir son accord : le procureur de la République, ou la "
                        "cellule départementale de recueil des informations préoccupantes "
                        "pour un·e mineur·e.</p>",
                    },
                    {
                        "title": "Victime majeure, avec son accord (226-14, 2°)",
                        "body": "<p>Avec l'accord de la victime, vous pouvez porter à la "
                        "connaissance du procureur les sévices ou privations constatés, "
                        "physiques ou psychiques, qui vous font présumer des violences de "
                        "toute nature.</p>",
                    },
                    {
                        "title": "Victime majeure, sans son accord : violences au sein du "
                        "couple (226-14, 3°)",
                        "body": "<p>Depuis la loi n° 2020-936 du 30 juillet 2020, vous pouvez "
                        "signaler au procureur des violences au sein du couple sans l'accord "
                        "de la victime majeure, à deux conditions cumulatives : vous estimez "
                        "en conscience que ces violences mettent sa vie en <b>danger "
                        "immédiat</b>, et qu'elle n'est pas en mesure de se protéger en "
                        "raison de la contrainte morale que crée l'<b>emprise</b> de "
                        "l'auteur. Vous devez vous efforcer d'obtenir son accord et, si vous "
                        "n'y parvenez pas, l'informer du signalement.</p>",
                    },
                ]
            },
        ),
        ("heading", {"text": "Reconnaître un danger immédiat", "level": "h2"}),
        (
            "paragraph",
            "<p>La loi ne liste pas les situations de danger immédiat : vous appréciez « en "
            "conscience ». Doivent vous alerter :</p>"
            "<ul><li>une <b>strangulation</b>, même brève, même sans marque ;</li>"
            "<li>des <b>menaces de mort</b>, ou des menaces de suicide de l'auteur ;</li>"
            "<li>une <b>arme</b> au domicile, détenue ou évoquée ;</li>"
            "<li>une <b>séparation</b> récente ou annoncée, une procédure en cours ;</li>"
            "<li>des violences qui <b>s'aggravent ou s'accélèrent</b>, une grossesse, des "
            "violences sur les enfants ;</li>"
            "<li>une patiente qui dit : « Il va me tuer. »</li></ul>"
            "<p>L'emprise se reconnaît à ce qu'elle empêche : la victime minimise, protège "
            "l'auteur, se sent responsable, refuse toute démarche par peur des représailles. "
            "Son refus n'est pas un consentement éclairé au danger ; il peut en être un "
            "symptôme.</p>",
        ),
        ("heading", {"text": "Les enfants du foyer", "level": "h2"}),
        (
            "paragraph",
            "<p>Quand une patiente vous parle de violences au sein du couple, demandez-lui "
            "s'il y a des enfants au foyer et ce qu'ils voient ou entendent. Un enfant exposé "
            "aux violences conjugales est en danger, même s'il n'est jamais frappé. Pour un·e "
            "mineur·e, l'accord n'est pas requis : vous pouvez saisir le procureur en cas de "
            "danger grave, ou adresser une information préoccupante à la cellule "
            "départementale. Le 119, joignable jour et nuit, conseille aussi les "
            "professionnel·les qui hésitent.</p>"
            "<p>Dans votre écrit au procureur, comme dans le certificat, vous décrivez : ce "
            "que vous avez constaté, ce que la patiente vous a dit (entre guillemets), les "
            "éléments de danger relevés, ce que vous lui avez proposé et sa réponse. Vous "
            "n'avez pas à prouver les faits, ni à attendre d'en être certain·e : le "
            "signalement de bonne foi vous protège.</p>",
        ),
        (
            "callout",
            {
                "title": "La levée du secret s'apprend",
                "text": "<p>La loi du 30 juillet 2020 autorise la levée du secret médical quand "
                "les violences mettent la vie de la victime en danger immédiat. Dans le "
                "Nord, les soirées de sensibilisation des professionnels de santé ont "
                "consacré une partie de leur programme à expliciter cette levée du secret en "
                "matière de violences conjugales.</p>",
            },
        ),
        ("heading", {"text": "Signaler en pratique", "level": "h2"}),
        (
            "paragraph",
            "<ol><li><b>Parlez-lui d'abord.</b> Dites-lui ce qui vous inquiète, concrètement : "
            "« Qu'il vous ait serrée au cou, qu'il ait une arme, qu'il menace de vous tuer : "
            "ce sont des signes de grand danger. Je suis inquiète pour votre vie. » "
            "Proposez le signalement, expliquez ce que fera le procureur.</li>"
            "<li><b>Cherchez son accord</b>, sans le forcer. Notez dans le dossier ce que "
            "vous lui avez proposé et sa réponse.</li>"
            "<li><b>À défaut d'accord</b>, si les deux conditions sont réunies, signalez au "
            "procureur de la République, par écrit, en décrivant les faits constatés et les "
            "éléments de danger. Joignez le certificat si elle l'accepte.</li>"
            "<li><b>Informez-la</b> du signalement, de préférence avant qu'elle reparte, et "
            "préparez avec elle sa sécurité : où aller, qui appeler, le 17 en cas "
            "d'urgence, le 3919 pour en parler.</li></ol>"
            "<p>Ne contactez jamais l'auteur présumé, ni pour vérifier ni pour apaiser : vous "
            "exposeriez la victime. Et si elle est en danger au moment même où elle est dans "
            "votre cabinet, appelez le 17.</p>",
        ),
        (
            "accordion",
            {
                "items": [
                    {
                        "title": "À dire quand vous l'informez du signalement",
                        "body": "<ul><li>« J'ai prévenu le procureur parce que je crains pour "
                        "votre vie. »</li>"
                        "<li>« Ce n'est pas une plainte à votre place : c'est lui qui décidera "
                        "des suites. »</li>"
                        "<li>« Je continue à vous suivre. Vous pouvez revenir quand vous "
                        "voulez. »</li></ul>",
                    },
                    {
                        "title": "À ne pas dire",
                        "body": "<ul><li>« Je n'avais pas le choix. »</li>"
                        "<li>« Maintenant, la police va s'occuper de tout. »</li></ul>",
                    },
                ]
            },
        ),
        (
            "h5p",
            {
                "activity": ACTIVITY_SCENARIO.title,
                "instructions": "Menez la consultation jusqu'au bout, puis recommencez pour "
                "explorer les autres fins.",
                "requirement": "module",
            },
        ),
    ],
    sources=(
        _law(
            "La violation du secret professionnel est punie d'un an d'emprisonnement et de "
            "15 000 euros d'amende (article 226-13).",
            "Code pénal, article 226-13",
        ),
        _law(
            "Article 226-14 : 1° mineur·e ou personne hors d'état de se protéger ; 2° "
            "avec l'accord de la victime majeure ; 3° sans son accord, violences au sein "
            "du couple, danger immédiat et emprise, après avoir cherché son accord et en "
            "l'informant ; pas de responsabilité civile, pénale ou disciplinaire sauf "
            "mauvaise foi.",
            "Code pénal, article 226-14",
        ),
        _law(
            "Le 3° de l'article 226-14 a été créé par la loi n° 2020-936 du 30 juillet 2020 "
            "visant à protéger les victimes de violences conjugales.",
            "Loi n° 2020-936 du 30 juillet 2020",
        ),
        Source(
            fact="La loi du 30 juillet 2020 autorise la levée du secret médical lorsque les "
            "violences mettent la vie de la victime en danger immédiat.",
            reference="Plan interministériel pour l'égalité entre les femmes et les hommes "
            "2023-2027, mesures du Grenelle",
            location="« Un arsenal législatif nouveau »",
            seed=NATIONAL,
        ),
        Source(
            fact="Les soirées de sensibilisation des professionnels de santé du Nord "
            "explicitent la levée du secret professionnel en matière de violences "
            "conjugales ; numéros : 17 en urgence, 3919, 119 pour les enfants en danger, "
            "ouvert 24h/24.",
            reference="Préfecture du Nord, dossier de presse du 25 novembre 2023",
            location="Sensibilisation des professionnels de santé ; contacts",
            seed=NORD_2023,
        ),
    ),
)

LESSON_RESOURCES = Lesson(
    title="Orienter la victime : ressources",
    intro="Les relais médico-judiciaires, sanitaires et sociaux vers lesquels orienter après "
    "le certificat.",
    body=[
        ("heading", {"text": "Le certificat n'est pas une fin", "level": "h2"}),
        (
            "paragraph",
            "<p>Une victime qui repart avec un certificat mais sans interlocuteur repart "
            "seule. Le certificat ouvre un parcours : soins, droits, protection, parfois "
            "plainte. Votre rôle n'est pas de tout faire, mais de lui donner une porte "
            "d'entrée concrète, adaptée à ce qu'elle est prête à faire aujourd'hui. Le plus "
            "efficace est souvent de passer l'appel avec elle, depuis le cabinet, plutôt que "
            "de lui confier un numéro sur un papier qu'elle devra cacher.</p>",
        ),
        ("heading", {"text": "Les relais médico-judiciaires et sanitaires", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>Les unités médico-judiciaires (UMJ)</b> examinent les victimes sur "
            "réquisition et fixent l'ITT pour la justice. Le Nord compte 5 unités "
            "médico-judiciaires. Si la victime porte plainte, l'enquêteur·rice pourra l'y "
            "adresser ; votre certificat initial reste précieux, parce qu'il décrit les "
            "lésions au plus près des faits.</li>"
            "<li><b>Les maisons des femmes / santé</b>, adossées à un hôpital, réunissent "
            "soins, accompagnement psychologique et social. La page nationale du plan "
            "interministériel en compte 100, ouvertes dans 81 départements, et vise une "
            "maison par département d'ici 2027.</li>"
            "<li><b>Les 15 centres régionaux du psychotraumatisme</b> prennent en charge les "
            "troubles psychotraumatiques que vous aurez décrits.</li>"
            "<li><b>Le dépôt de plainte à l'hôpital</b> est possible dans 542 établissements "
            "de santé, dont 61 proposent le recueil de preuves sans plainte : utile pour "
            "une victime qui n'est pas prête à porter plainte mais dont les preuves doivent "
            "être conservées.</li></ul>",
        ),
        ("heading", {"text": "Les relais sociaux et juridiques", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>Les intervenants sociaux en commissariat et gendarmerie (ISCG)</b> "
            "accompagnent la victime au-delà de la plainte : 481 étaient en poste fin "
            "2024.</li>"
            "<li><b>Les accueils de jour et les lieux d'accueil, d'écoute et "
            "d'orientation</b> écoutent, informent, soutiennent et préparent, si elle le "
            "souhaite, le départ du domicile.</li>"
            "<li><b>Les 98 centres d'information sur les droits des femmes et des familles "
            "(CIDFF)</b> informent gratuitement sur les droits : ordonnance de protection, "
            "séparation, logement.</li>"
            "<li><b>Les associations d'aide aux victimes</b> accompagnent dans les démarches "
            "judiciaires.</li></ul>"
            "<p>Dans le Nord, une cartographie interactive recense ces dispositifs par "
            "territoire et par thème ; dans le Pas-de-Calais, le plan départemental organise des "
            "relais comparables. Gardez à portée de main les coordonnées de ceux de votre "
            "secteur : c'est ce qui fait la différence le jour où une patiente parle.</p>",
        ),
        ("heading", {"text": "Connaître le réseau avant d'en avoir besoin", "level": "h2"}),
        (
            "paragraph",
            "<p>Le plan du Pas-de-Calais relève qu'une victime de violences conjugales peut "
            "rencontrer près de 20 professionnels au cours de son parcours de sortie : "
            "médecin traitant, légiste, urgences, police ou gendarmerie, travailleurs "
            "sociaux, avocats, juge aux affaires familiales, bailleurs, banques… Chacun a son "
            "vocabulaire et sa lecture du danger. Pour que votre certificat et votre "
            "orientation servent, il faut savoir à qui vous adressez la patiente, et ce que "
            "cette personne fera ensuite. Les réunions de réseau, les formations communes et "
            "un simple échange téléphonique avec l'association locale font gagner, le jour "
            "venu, un temps que la victime n'a pas.</p>",
        ),
        ("heading", {"text": "Revoir la patiente", "level": "h2"}),
        (
            "paragraph",
            "<p>Proposez un nouveau rendez-vous, à une date proche et sous un motif qu'elle "
            "pourra donner chez elle. Il sert à réexaminer les lésions, à rédiger si besoin un "
            "certificat qui décrit l'évolution, à reprendre l'évaluation du danger et à voir "
            "où elle en est de ses démarches. Notez dans le dossier ce que vous avez constaté, "
            "proposé et remis : si elle revient dans un an, ou si la justice vous interroge, "
            "ce sera la mémoire de son parcours.</p>",
        ),
        ("heading", {"text": "Préparer sa sécurité avec elle", "level": "h2"}),
        (
            "paragraph",
            "<p>Si elle rentre chez elle, aidez-la à préparer un départ en urgence : où "
            "aller, qui prévenir, un code convenu avec une proche, une copie des papiers "
            "importants et du certificat mise à l'abri hors du domicile. Le 115 trouve un "
            "hébergement d'urgence ; fin 2024, plus de 11 200 places d'hébergement étaient "
            "dédiées aux femmes victimes de violences.</p>"
            "<p>Deux dispositifs peuvent aussi la concerner, sans que vous en décidiez : le "
            "<b>téléphone grave danger</b>, attribué par le procureur, qui permet d'alerter "
            "un service de téléassistance joignable jour et nuit (au 4 juillet 2025, 6 565 "
            "téléphones étaient actifs en France) ; et l'<b>aide universelle d'urgence</b>, "
            "créée par la loi du 28 février 2023, une aide financière versée en une fois "
            "pour faire face aux premières dépenses après le départ. Les associations et la "
            "CAF l'aideront à la demander.</p>",
        ),
        (
            "callout",
            {
                "title": "Le 3919, aussi pour les professionnel·les",
                "text": "<p>Le 3919 est gratuit et anonyme, ouvert jour et nuit, tous les "
                "jours. Il s'adresse aux victimes, à leur entourage, et aux professionnels "
                "qui se demandent comment agir. En cas de danger immédiat, c'est le 17, ou "
                "le 114 par SMS pour qui ne peut pas parler.</p>",
            },
        ),
        ("help_numbers", {"title": "Numéros à donner à la patiente"}),
    ],
    sources=(
        Source(
            fact="Le Nord compte 5 unités médico-judiciaires ; une cartographie interactive "
            "recense les dispositifs ; 3919 gratuit et anonyme, 24h/24, 7 j/7, aussi pour les "
            "professionnels ; urgence : 17, ou SMS au 114 ; hébergement d'urgence : 115.",
            reference="Préfecture du Nord, dossier de presse du 25 novembre 2023",
            location="Structures de prise en charge ; contacts",
            seed=NORD_2023,
        ),
        Source(
            fact="100 maisons des femmes/santé dans 81 départements, une par département d'ici "
            "2027 ; 15 centres régionaux du psychotraumatisme ; plainte dans 542 "
            "établissements de santé, dont 61 avec recueil de preuves sans plainte ; 481 "
            "ISCG fin 2024 ; 98 CIDFF.",
            reference="Plan interministériel pour l'égalité entre les femmes et les hommes "
            "2023-2027, mesures du Grenelle",
            location="Dispositifs d'accompagnement ; réponse sanitaire ; ISCG",
            seed=NATIONAL,
        ),
        Source(
            fact="Fin 2024, plus de 11 200 places d'hébergement dédiées aux femmes victimes "
            "de violence ; au 4 juillet 2025, 6 565 téléphones grave danger actifs en "
            "France ; aide universelle d'urgence créée par la loi du 28 février 2023, versée "
            "en une seule fois.",
            reference="Plan interministériel pour l'égalité entre les femmes et les hommes "
            "2023-2027, mesures du Grenelle",
            location="« Où en sommes-nous aujourd'hui ? » ; aide universelle d'urgence",
            seed=NATIONAL,
        ),
        Source(
            fact="Le plan organise l'accueil et l'orientation des victimes, dont les accueils "
            "de jour et l'unité médico-judiciaire de Boulogne-sur-Mer.",
            reference="Plan cadre de lutte contre les violences faites aux femmes du "
            "Pas-de-Calais 2019-2022",
            location="Axes 2 et 3",
            seed=PAS_DE_CALAIS_PLAN,
        ),
        Source(
            fact="Les victimes de violences conjugales peuvent rencontrer près de 20 "
            "professionnels dans leur parcours de sortie, chacun avec son vocabulaire et sa "
            "lecture des risques.",
            reference="Plan cadre de lutte contre les violences faites aux femmes du "
            "Pas-de-Calais 2019-2022",
            location="Fiche action 4.9",
            seed=PAS_DE_CALAIS_PLAN,
        ),
    ),
)

# Final quiz ---------------------------------------------------------------------------

QUESTIONS = [
    true_false(
        "L'ITT au sens pénal correspond à la durée de l'arrêt de travail.",
        "Faux : l'ITT mesure la durée d'une gêne notable dans les actes ordinaires de la vie ; "
        "elle se fixe aussi pour une victime sans emploi, et l'arrêt de travail est un "
        "document distinct.",
        answer=False,
        tags="itt",
    ),
    single(
        "Selon la recommandation de la HAS, comment comprendre le mot « totale » dans "
        "« incapacité totale de travail » ?",
        "La HAS retient une gêne notable dans les actes de la vie courante : la victime n'a "
        "pas à être incapable de les accomplir seule.",
        ("Une gêne notable dans les actes de la vie courante", True),
        ("L'impossibilité d'accomplir seule les actes de la vie courante", False),
        ("L'impossibilité d'exercer son métier", False),
        tags="itt",
    ),
    single(
        "Comment rapporter les propos de la victime dans le certificat ?",
        "Entre guillemets ou au conditionnel, sans qualifier les faits ni désigner l'auteur "
        "comme établi.",
        ("« Mme X déclare : “…” », entre guillemets", True),
        ("« Mme X a été frappée par son mari »", False),
        ("Il ne faut pas les rapporter", False),
        tags="contenu",
    ),
    multiple(
        "Que doit contenir le certificat médical initial ?",
        "Identification, déclarations, description des lésions et du retentissement "
        "psychologique, ITT ; jamais de conclusion sur la culpabilité ni sur l'intention.",
        ("La date et l'heure de l'examen", True),
        ("La taille, la couleur et la localisation de chaque lésion", True),
        ("Le retentissement psychologique observé", True),
        ("L'affirmation que le conjoint est coupable", False),
        ("L'avis du médecin sur le caractère volontaire des coups", False),
        tags="contenu",
    ),
    true_false(
        "Au sein du couple, des violences sans ITT peuvent constituer un délit.",
        "Vrai : les violences commises par le conjoint, le concubin ou le partenaire, actuel "
        "ou ancien, sont un délit quelle que soit la durée de l'ITT (code pénal, articles "
        "222-13 et 132-80).",
        answer=True,
        tags="itt",
    ),
    single(
        "Sans circonstance aggravante, au-delà de quelle durée d'ITT des "
        "violences deviennent-elles un délit ?",
        "Au-delà de 8 jours d'ITT (article 222-11) ; de 8 jours ou moins, c'est une "
        "contravention de la cinquième classe (article R. 625-1).",
        ("1 jour", False),
        ("8 jours", True),
        ("30 jours", False),
        tags="itt",
    ),
    single(
        "Une patiente vous demande un certificat mais n'a pas porté plainte. Que faites-vous ?",
        "La victime peut demander un certificat sans plainte ; la HAS recommande de toujours "
        "répondre à cette demande.",
        ("Je l'examine et je rédige le certificat", True),
        ("Je lui demande de porter plainte d'abord", False),
        ("J'attends une réquisition de la police", False),
        tags="contenu",
    ),
    matching(
        "Associez chaque situation à ce que permet l'article 226-14 du code pénal.",
        "Avec l'accord, le signalement des violences constatées ; sans accord, le danger "
        "immédiat sous emprise dans le couple ; pour un·e mineur·e, l'accord n'est pas "
        "requis.",
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
        "Conclusion, durée d'ITT et remise en main propre",
        tags="contenu",
    ),
    true_false(
        "Un signalement fait de bonne foi dans le cadre de l'article 226-14 peut engager la "
        "responsabilité disciplinaire du médecin.",
        "Faux : l'article 226-14 écarte toute responsabilité civile, pénale ou disciplinaire, "
        "sauf mauvaise foi.",
        answer=False,
        tags="secret",
    ),
    situation(
        "Une consultation aux urgences",
        "<p>Une femme de trente-quatre ans consulte pour une douleur au poignet. Elle finit "
        "par dire que son conjoint l'a frappée et « serrée au cou » la veille, qu'il a une "
        "arme et qu'elle lui a annoncé qu'elle voulait partir. Elle refuse de porter "
        "plainte : « Il me tuerait. »</p>",
        "Strangulation, arme et séparation annoncée sont des signes de danger immédiat ; "
        "l'article 226-14 permet alors de signaler sans son accord, après avoir tenté de "
        "l'obtenir et en l'informant.",
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
        "comment décrire les lésions et le retentissement psychologique, fixer l'ITT comme "
        "la HAS la définit, ce que change le seuil de huit jours, et quand lever le secret "
        "professionnel en cas de violences conjugales. Un cas pratique et un scénario de "
        "consultation."
    ),
    objectives_html=(
        "<ul><li>Rédiger un certificat médical initial complet et prudent</li>"
        "<li>Décrire les lésions et le retentissement psychologique</li>"
        "<li>Fixer une durée d'ITT selon la recommandation de la HAS et en comprendre la "
        "portée pénale</li>"
        "<li>Connaître les cas où le secret peut être levé (article 226-14 du code "
        "pénal)</li>"
        "<li>Orienter la victime vers les relais adaptés</li></ul>"
    ),
    kind=Kind.FORMATION,
    audiences=(Profession.MEDECIN, Profession.SAGE_FEMME),
    mandatory_for=(),
    topics=(("certificat-itt", "Certificat médical et ITT"),),
    content_warning=(
        "Ce module décrit des blessures et des situations de violences conjugales graves."
    ),
    activities=(
        ACTIVITY_RUBRICS,
        ACTIVITY_ITT_CASES,
        ACTIVITY_THRESHOLD,
        ACTIVITY_DRAFT,
        ACTIVITY_BAD_CERTIFICATE,
        ACTIVITY_SCENARIO,
    ),
    lessons=(
        LESSON_PURPOSE,
        LESSON_CONTENT,
        LESSON_ITT,
        LESSON_THRESHOLD,
        LESSON_CASE,
        LESSON_SECRECY,
        LESSON_RESOURCES,
    ),
    quiz_title="Évaluation finale — certificat médical et ITT",
    quiz_intro="Onze questions pour vérifier ce que vous retenez du module.",
    questions=QUESTIONS,
    figures=FIGURES,
)
