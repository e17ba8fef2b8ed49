"""Nord: feuille de route départementale sur les violences intrafamiliales 2023-2026.

Transcribed from shared/seeds/002_95e5071599f271fc.txt: every heading becomes an axis and
every numbered action a fiche. Objectives are summarised in our own words.

The roadmap states no indicator. Every indicator below is the platform's proposal to
follow the action (fiche) it sits under, and is loaded as such: "proposé", with that
action as its reference (`indicator_source`). Pages, exports, the bilan and the API say
so, and the plan's page says it first. The three targets are read from the actions' own
words (action 1: 100 referents; action 11: a seminar a year over the four years; action
24: the three networks it names).
"""

# Notes on the source: action 15 does not exist in the roadmap (the numbering jumps from
# 14 to 16), and one row of the table under axis 15 has no number (kept as a comment
# there). Axes are the numbered orientations that directly group the actions; the parts
# (I/II/III) and sub-parts (A/B/C) above them are recalled in comments.

PLAN = {
    "code": "NORD-VIF-2023",
    "name": "Feuille de route départementale sur les violences intrafamiliales 2023-2026",
    "departement": "59",
    "period_start": "2023-01-01",
    "period_end": "2026-12-31",
    # No indicator is written in the roadmap: each is proposed for its action ({fiche}:
    # the action's number, the fiche's).
    "indicator_source": {
        "provenance": "proposed",
        "reference": "Action {fiche} de la feuille de route",
    },
    "axes": [
        # I) Identifier — A) Tisser et renforcer les réseaux partenariaux internes et externes
        {
            "number": "1",
            "title": (
                "Clarifier les responsabilités et articulations des différents services "
                "départementaux et métiers dans la mise en œuvre de la lutte contre les violences "
                "intrafamiliales"
            ),
            "fiches": [
                {
                    "number": "1",
                    "title": (
                        "Mettre en place un réseau de référents VIF départemental composé de "
                        "professionnels de différents métiers (100 professionnels référents)"
                    ),
                    "objective": (
                        "Constituer un réseau départemental d'une centaine de professionnels "
                        "référents VIF issus de métiers variés, chargés de diffuser l'expertise "
                        "dans les équipes."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de référents VIF formés",
                            "measure": "people_trained",
                            "target": 100,
                            "unit": "personnes",
                        },
                    ],
                },
                {
                    "number": "2",
                    "title": (
                        "Intervenir au sein des différents réseaux départementaux (de pôles ou de "
                        "métiers), pour définir collectivement les responsabilités et les rôles "
                        "des professionnels dans la lutte contre les VIF, identifier les besoins "
                        "et co-construire des plans d'actions"
                    ),
                    "objective": (
                        "Aller dans les réseaux internes (pôles, métiers) pour répartir clairement "
                        "les rôles de chacun face aux VIF, recenser les besoins et bâtir des plans "
                        "d'actions communs."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Nombre de plans d'actions co-construits avec les réseaux "
                                "départementaux"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "3",
                    "title": (
                        "Travailler en lien avec le pôle autonomie sur les questions spécifiques "
                        "des victimes et auteurs en situation de handicap ou de plus de 70 ans"
                    ),
                    "objective": (
                        "Associer le pôle autonomie pour traiter les situations particulières des "
                        "victimes et auteurs en situation de handicap ou âgés de plus de 70 ans."
                    ),
                    "pilot": "",
                    "partners": "Pôle autonomie",
                    "indicators": [
                        {
                            "label": "Travail conjoint engagé avec le pôle autonomie (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "2",
            "title": (
                "Mettre en place et renforcer les coopérations interinstitutionnelles au service "
                "de la lutte contre les violences intrafamiliales"
            ),
            "fiches": [
                {
                    "number": "4",
                    "title": (
                        "Favoriser la rencontre des différentes institutions et la connaissance de "
                        "leurs responsabilités respectives dans le cadre de la lutte contre les "
                        "VIF, afin d'identifier les lieux de pilotage de l'action et faciliter les "
                        "coopérations"
                    ),
                    "objective": (
                        "Réunir les institutions concernées pour que chacune connaisse le rôle des "
                        "autres, repérer qui pilote quoi et éviter les instances redondantes."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de rencontres interinstitutionnelles organisées",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "5",
                    "title": (
                        "Partager les données entre les institutions, les observatoires des VIF et "
                        "l'ODPE pour permettre la production collective de données fiabilisées"
                    ),
                    "objective": (
                        "Mettre en commun les données des institutions, des observatoires des VIF "
                        "et de l'ODPE afin de produire collectivement des chiffres fiables."
                    ),
                    "pilot": "",
                    "partners": "Observatoires des VIF, ODPE",
                    "indicators": [
                        {
                            "label": (
                                "Partage de données effectif entre institutions, observatoires et "
                                "ODPE (oui/non)"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "6",
                    "title": (
                        "Construire un partenariat solide avec la Justice, éclairant le "
                        "fonctionnement des différentes juridictions confrontées aux VIF"
                    ),
                    "objective": (
                        "Bâtir une coopération durable avec l'institution judiciaire pour mieux "
                        "comprendre le fonctionnement des juridictions saisies de VIF."
                    ),
                    "pilot": "",
                    "partners": "Justice",
                    "indicators": [
                        {
                            "label": "Partenariat formalisé avec la Justice (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "3",
            "title": (
                "S'appuyer sur les ressources partenariales en territoire pour développer les "
                "orientations possibles pour les victimes"
            ),
            "fiches": [
                {
                    "number": "7",
                    "title": (
                        "Cartographier, en lien avec l'Etat, les ressources départementales pour "
                        "les victimes (adultes et enfants) et auteurs de VIF"
                    ),
                    "objective": (
                        "Dresser avec l'Etat une carte des ressources du département destinées aux "
                        "victimes, adultes comme enfants, et aux auteurs de VIF."
                    ),
                    "pilot": "",
                    "partners": "Etat",
                    "indicators": [
                        {
                            "label": "Cartographie des ressources réalisée (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "8",
                    "title": (
                        "Organiser des stages d'immersion croisés pour soutenir le travail en "
                        "réseau au niveau des territoires"
                    ),
                    "objective": (
                        "Permettre aux professionnels de différentes structures de passer du temps "
                        "les uns chez les autres pour renforcer le travail en réseau sur les "
                        "territoires."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de stages d'immersion organisés",
                            "measure": "placements",
                            "target": None,
                            "unit": "stages",
                        },
                    ],
                },
                {
                    "number": "9",
                    "title": (
                        "Développer de nouvelles réponses et pratiques professionnelles sur la "
                        "question des VIF"
                    ),
                    "objective": (
                        "Faire émerger de nouvelles réponses et de nouvelles façons de travailler "
                        "face aux VIF."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Nombre de nouvelles réponses ou pratiques professionnelles "
                                "développées"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "10",
                    "title": (
                        "Conventionner et pérenniser au maximum les partenariats, financiers ou "
                        "non, permettant de répondre aux besoins des victimes"
                    ),
                    "objective": (
                        "Sécuriser dans la durée, par voie de convention, les partenariats "
                        "financiers ou non qui répondent aux besoins des victimes."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de conventions de partenariat signées",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        # I) Identifier — B) Faciliter la montée en compétence des professionnels des services
        # départementaux
        {
            "number": "4",
            "title": "Mettre en place une culture commune en s'appuyant sur le réseau VIF",
            "fiches": [
                {
                    "number": "11",
                    "title": (
                        "Organiser un séminaire annuel avec des interventions de professionnels "
                        "spécialistes en lien avec les besoins exprimés par les professionnels "
                        "référents VIF"
                    ),
                    "objective": (
                        "Réunir chaque année les référents VIF autour d'interventions de "
                        "spécialistes choisies selon les besoins qu'ils ont exprimés."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de séminaires annuels organisés",
                            "measure": "sessions_held",
                            "target": 4,
                            "unit": "sessions",
                        },
                        {
                            "label": "Nombre de professionnels participant aux séminaires",
                            "measure": "people_trained",
                            "target": None,
                            "unit": "personnes",
                        },
                    ],
                },
                {
                    "number": "12",
                    "title": (
                        "Présenter des enquêtes, des outils ou des données de recherche lors des "
                        "rencontres départementales et territoriales"
                    ),
                    "objective": (
                        "Faire connaître enquêtes, outils et résultats de recherche lors des "
                        "rencontres départementales et territoriales."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Nombre de présentations réalisées lors des rencontres "
                                "départementales et territoriales"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "13",
                    "title": (
                        "Créer une communauté de partage d'outils et de documentation se basant "
                        "sur les dispositifs internes disponibles (EPICEA, outils territoriaux...)"
                    ),
                    "objective": (
                        "Animer une communauté de partage d'outils et de documentation appuyée sur "
                        "les ressources internes existantes comme EPICEA."
                    ),
                    "pilot": "",
                    "partners": "EPICEA",
                    "indicators": [
                        {
                            "label": (
                                "Communauté de partage d'outils et de documentation créée (oui/non)"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "5",
            "title": "Utiliser le réseau VIF comme levier à la mise en place d'une culture commune",
            "fiches": [
                {
                    "number": "14",
                    "title": (
                        "Soutenir les équipes de proximité dans leurs pratiques en s'appuyant sur "
                        "les référents VIF départementaux et territoriaux"
                    ),
                    "objective": (
                        "Appuyer les équipes de proximité dans leur pratique quotidienne grâce aux "
                        "référents VIF départementaux et territoriaux."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Nombre d'équipes de proximité accompagnées par les référents VIF"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                # Action 15 is absent from the roadmap (numbering jumps 14 -> 16).
                {
                    "number": "16",
                    "title": (
                        "Faciliter la mise en place de temps de co-formation entre professionnels "
                        "par les référents VIF"
                    ),
                    "objective": (
                        "Encourager les référents VIF à organiser des temps de formation mutuelle "
                        "entre professionnels."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de temps de co-formation organisés",
                            "measure": "sessions_held",
                            "target": None,
                            "unit": "sessions",
                        },
                        {
                            "label": "Nombre de professionnels formés",
                            "measure": "people_trained",
                            "target": None,
                            "unit": "personnes",
                        },
                    ],
                },
                {
                    "number": "17",
                    "title": (
                        "Organiser, à la demande des territoires et en lien avec les référents "
                        "VIF, des formations interinstitutionnelles."
                    ),
                    "objective": (
                        "Monter, à la demande des territoires et avec les référents VIF, des "
                        "formations réunissant plusieurs institutions."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de formations interinstitutionnelles organisées",
                            "measure": "sessions_held",
                            "target": None,
                            "unit": "sessions",
                        },
                        {
                            "label": "Nombre de personnes formées",
                            "measure": "people_trained",
                            "target": None,
                            "unit": "personnes",
                        },
                    ],
                },
            ],
        },
        {
            "number": "6",
            "title": "Positionner l'ODPE comme point d'accès aux ressources liées aux VIF",
            "fiches": [
                {
                    "number": "18",
                    "title": (
                        "Mettre en place des webinaires avec des enregistrements mis à disposition "
                        "des professionnels"
                    ),
                    "objective": (
                        "Proposer des webinaires dont les enregistrements restent accessibles aux "
                        "professionnels."
                    ),
                    "pilot": "ODPE",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de webinaires organisés",
                            "measure": "sessions_held",
                            "target": None,
                            "unit": "sessions",
                        },
                        {
                            "label": "Nombre de professionnels ayant suivi les webinaires",
                            "measure": "people_trained",
                            "target": None,
                            "unit": "personnes",
                        },
                    ],
                },
                {
                    "number": "19",
                    "title": (
                        "Répertorier les formations mises en place, notamment par les partenaires "
                        "du territoire, et appuyer le financement de la montée en compétence des "
                        "professionnels du département sur les VIF"
                    ),
                    "objective": (
                        "Recenser l'offre de formation existante, notamment celle des partenaires, "
                        "et aider à financer la formation des agents départementaux sur les VIF "
                        "(DU, colloques, conférences…)."
                    ),
                    "pilot": "ODPE",
                    "partners": "SOLFA, CIDFF, PF59",
                    "indicators": [
                        {
                            "label": "Nombre de professionnels du département formés sur les VIF",
                            "measure": "people_trained",
                            "target": None,
                            "unit": "personnes",
                        },
                        {
                            "label": "Répertoire des formations disponibles réalisé (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "20",
                    "title": (
                        "Référencer, transmettre et communiquer autour de ressources théoriques et "
                        "pratiques sur les VIF"
                    ),
                    "objective": (
                        "Recenser et diffuser des ressources théoriques et pratiques sur les VIF."
                    ),
                    "pilot": "ODPE",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de ressources référencées et diffusées",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        # I) Identifier — C) Définir des jalons méthodologiques de repérage systématique des VIF
        # pour les bénéficiaires des services départementaux
        {
            "number": "7",
            "title": (
                "Développer une connaissance spécifique des pratiques professionnelles sur la "
                "thématique des VIF et objectiver des jalons méthodologiques"
            ),
            "fiches": [
                {
                    "number": "21",
                    "title": (
                        "Réaliser et/ou promouvoir des travaux de recherche en lien avec le milieu "
                        "universitaire, ainsi que des retours d'expériences, pour soutenir et "
                        "améliorer les pratiques professionnelles départementales d'évaluation, de "
                        "repérage et d'accompagnement"
                    ),
                    "objective": (
                        "Mener ou soutenir, avec l'université, des recherches et retours "
                        "d'expérience pour améliorer l'évaluation, le repérage et "
                        "l'accompagnement."
                    ),
                    "pilot": "",
                    "partners": "Milieu universitaire",
                    "indicators": [
                        {
                            "label": (
                                "Nombre de travaux de recherche ou retours d'expérience réalisés "
                                "ou soutenus"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "22",
                    "title": (
                        "Favoriser la participation des personnes concernées et les impliquer dans "
                        "les travaux de diagnostic et de recherche"
                    ),
                    "objective": (
                        "Associer les personnes directement concernées aux diagnostics et aux "
                        "travaux de recherche."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de personnes concernées associées aux travaux",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "23",
                    "title": (
                        "Mettre en place les actions de diagnostic en collaboration avec les "
                        "équipes de terrain et instaurer des temps spécifiques pour leur "
                        "transmettre les retours et conclusions"
                    ),
                    "objective": (
                        "Conduire les diagnostics avec les équipes de terrain et leur restituer "
                        "résultats et conclusions lors de temps dédiés."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Nombre de temps de restitution organisés auprès des équipes de "
                                "terrain"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "8",
            "title": (
                "Créer des outils spécifiques de repérage des VIF et d'aide à l'orientation des "
                "personnes concernées avec les professionnels de terrain"
            ),
            "fiches": [
                {
                    "number": "24",
                    "title": (
                        "Travailler en co-construction sur le repérage des VIF au sein des réseaux "
                        "PMI, CSS et CeGIDD"
                    ),
                    "objective": (
                        "Co-construire le repérage des VIF avec les réseaux de la PMI, des centres "
                        "de santé sexuelle et des CeGIDD."
                    ),
                    "pilot": "",
                    "partners": "Réseaux PMI, CSS, CeGIDD",
                    "indicators": [
                        {
                            "label": (
                                "Nombre de réseaux (PMI, CSS, CeGIDD) engagés dans la "
                                "co-construction"
                            ),
                            "measure": "manual",
                            "target": 3,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "25",
                    "title": (
                        "Formaliser des documents sur lesquels les professionnels pourront appuyer "
                        "leur pratique"
                    ),
                    "objective": (
                        "Rédiger des documents de référence sur lesquels les professionnels "
                        "peuvent s'appuyer dans leur pratique."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de documents de référence formalisés",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "26",
                    "title": "Co-construire des outils de repérage avec les personnes concernées",
                    "objective": (
                        "Élaborer les outils de repérage en associant les personnes concernées."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Nombre d'outils de repérage co-construits avec les personnes "
                                "concernées"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "9",
            "title": "Déployer le process de repérage systématique des violences",
            "fiches": [
                {
                    "number": "27",
                    "title": (
                        "Accompagner les équipes dans la mise place du repérage systématique en "
                        "prenant en compte des besoins de formation de l'équipe et d'outillage "
                        "pour l'orientation des victimes"
                    ),
                    "objective": (
                        "Aider les équipes à instaurer le repérage systématique en tenant compte "
                        "de leurs besoins de formation et d'outils d'orientation des victimes."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Nombre d'équipes accompagnées dans la mise en place du repérage "
                                "systématique"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre de professionnels formés au repérage systématique",
                            "measure": "people_trained",
                            "target": None,
                            "unit": "personnes",
                        },
                    ],
                },
                {
                    "number": "28",
                    "title": (
                        "Anticiper le besoin de supervision des équipes en lien avec la mise en "
                        "place du dépistage, afin d'éviter la fatigue professionnelle et les "
                        "traumatismes vicariants"
                    ),
                    "objective": (
                        "Prévoir une supervision des équipes qui pratiquent le dépistage afin de "
                        "prévenir l'épuisement et le traumatisme vicariant."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre d'équipes bénéficiant d'une supervision",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "29",
                    "title": (
                        "Accompagner la mise en place du repérage systématique des violences par "
                        "une démarche statistique permettant d'évaluer la pertinence et "
                        "l'efficacité de l'action"
                    ),
                    "objective": (
                        "Suivre statistiquement le repérage systématique pour en mesurer la "
                        "pertinence et l'efficacité."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Suivi statistique du repérage systématique mis en place (oui/non)"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        # II) Prévenir — A) Coordonner les actions de prévention des VIF au niveau des territoires
        {
            "number": "10",
            "title": (
                "Définir les responsabilités et les instances de pilotage des différentes "
                "politiques publiques en lien avec les actions de prévention des VIF"
            ),
            "fiches": [
                {
                    "number": "30",
                    "title": (
                        "Participer à l'instance de pilotage de l'Etat sur les actions de "
                        "prévention globales"
                    ),
                    "objective": (
                        "Prendre part à l'instance pilotée par l'Etat sur les actions globales de "
                        "prévention."
                    ),
                    "pilot": "",
                    "partners": "Etat",
                    "indicators": [
                        {
                            "label": (
                                "Participation effective à l'instance de pilotage de l'Etat "
                                "(oui/non)"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "31",
                    "title": (
                        "Créer une instance de pilotage, commune avec l'Etat, spécifique à "
                        "l'éducation à la vie affective relationnelle et sexuelle afin d'avoir une "
                        "vision globale sur les actions mises en place"
                    ),
                    "objective": (
                        "Installer avec l'Etat une instance dédiée à l'éducation à la vie "
                        "affective, relationnelle et sexuelle pour avoir une vue d'ensemble des "
                        "actions."
                    ),
                    "pilot": "",
                    "partners": "Etat",
                    "indicators": [
                        {
                            "label": "Instance de pilotage commune créée (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "11",
            "title": (
                "Etablir un état des lieux statistique et cartographié sur les questions de "
                "prévention afin de pouvoir objectiver les besoins et les territoires non pourvus"
            ),
            "fiches": [
                {
                    "number": "32",
                    "title": (
                        "En lien avec l'Etat, mettre en place un état des lieux et un diagnostic "
                        "des actions de prévention à tous les âges au niveau du département"
                    ),
                    "objective": (
                        "Réaliser avec l'Etat un état des lieux et un diagnostic des actions de "
                        "prévention, tous âges confondus, à l'échelle du département."
                    ),
                    "pilot": "",
                    "partners": "Etat",
                    "indicators": [
                        {
                            "label": (
                                "État des lieux et diagnostic des actions de prévention réalisés "
                                "(oui/non)"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "33",
                    "title": (
                        "Partager les données départementales liées aux actions de prévention "
                        "mises en place (PMI, CSS)"
                    ),
                    "objective": (
                        "Mettre à disposition les données départementales sur les actions de "
                        "prévention menées en PMI et en CSS."
                    ),
                    "pilot": "",
                    "partners": "PMI, CSS",
                    "indicators": [
                        {
                            "label": "Données départementales de prévention partagées (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "12",
            "title": (
                "Réaliser une recherche sur les méthodes d'intervention existantes de prévention "
                "des VIF afin d'étayer un plan départemental de prévention"
            ),
            "fiches": [
                {
                    "number": "34",
                    "title": (
                        "Faire un état des lieux des programmes et outils existants en matière de "
                        "prévention contre les VIF"
                    ),
                    "objective": (
                        "Recenser les programmes et outils de prévention des VIF qui existent déjà."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "État des lieux des programmes et outils de prévention réalisé "
                                "(oui/non)"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "35",
                    "title": (
                        "Formaliser un programme départemental de prévention des VIF en lien avec "
                        "la DDFE et l'Education Nationale"
                    ),
                    "objective": (
                        "Formaliser un programme départemental de prévention des VIF avec la DDFE "
                        "et l'Education nationale."
                    ),
                    "pilot": "",
                    "partners": "DDFE, Education nationale",
                    "indicators": [
                        {
                            "label": "Programme départemental de prévention formalisé (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        # II) Prévenir — B) Permettre la montée en compétence des professionnels au bénéfice d'une
        # prévention départementale homogène et efficiente
        {
            "number": "13",
            "title": (
                "Sensibiliser les professionnels départementaux (CCF, sexologues) mettant en place "
                "des actions de prévention"
            ),
            "fiches": [
                {
                    "number": "36",
                    "title": (
                        "Transmettre et proposer des temps de formation spécifiques sur les VIF "
                        "aux différents professionnels réalisant des actions de prévention"
                    ),
                    "objective": (
                        "Proposer aux professionnels qui animent des actions de prévention des "
                        "formations dédiées aux VIF."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de professionnels de prévention formés sur les VIF",
                            "measure": "people_trained",
                            "target": None,
                            "unit": "personnes",
                        },
                        {
                            "label": "Nombre de temps de formation organisés",
                            "measure": "sessions_held",
                            "target": None,
                            "unit": "sessions",
                        },
                    ],
                },
                {
                    "number": "37",
                    "title": (
                        "Proposer des outils, de la documentation ou des ressources en "
                        "collaboration avec Epicéa et le Centre de documentation"
                    ),
                    "objective": (
                        "Mettre à disposition outils, documentation et ressources avec Epicéa et "
                        "le centre de documentation."
                    ),
                    "pilot": "",
                    "partners": "Epicéa, Centre de documentation",
                    "indicators": [
                        {
                            "label": "Nombre d'outils et ressources mis à disposition",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "38",
                    "title": (
                        "Travailler collectivement, pôle santé et ODPE, sur le traitement des "
                        "données récoltées et liées aux actions de prévention dans le cadre des "
                        "CSS"
                    ),
                    "objective": (
                        "Exploiter conjointement, entre pôle santé et ODPE, les données issues des "
                        "actions de prévention des CSS."
                    ),
                    "pilot": "Pôle santé, ODPE",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Traitement conjoint des données de prévention des CSS réalisé "
                                "(oui/non)"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "14",
            "title": (
                "Soutenir la pratique des professionnels départementaux à l'aide d'outils de "
                "communication permettant la prévention sur les violences intrafamiliales"
            ),
            "fiches": [
                {
                    "number": "39",
                    "title": (
                        "Mettre en place une campagne de communication de lutte contre les VIF "
                        "comme outil de prévention"
                    ),
                    "objective": (
                        "Lancer une campagne de communication contre les VIF servant d'outil de "
                        "prévention."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Campagne de communication réalisée (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "40",
                    "title": (
                        "Outiller les professionnels départementaux avec des supports de "
                        "communication attractifs et permettant la réflexion"
                    ),
                    "objective": (
                        "Doter les professionnels de supports de communication attractifs qui "
                        "suscitent la réflexion."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de supports de communication diffusés",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "41",
                    "title": (
                        "Réaliser avec les équipes de terrain une exposition itinérante de "
                        "prévention sur les VIF"
                    ),
                    "objective": (
                        "Concevoir avec les équipes de terrain une exposition itinérante de "
                        "prévention des VIF."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Exposition itinérante réalisée (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "15",
            "title": (
                "Favoriser la mise en place d'actions innovantes, la coopération et le partage des "
                "savoirs entre les différentes institutions mettant en place des actions de "
                "prévention contre les VIF"
            ),
            "fiches": [
                # The roadmap lists an unnumbered action here: « Favoriser la découverte de
                # programmes mis en place dans d'autres départements ».
                {
                    "number": "42",
                    "title": (
                        "Favoriser des immersions croisées pour découvrir de nouvelles pratiques "
                        "professionnelles et de nouveaux outils"
                    ),
                    "objective": (
                        "Organiser des immersions croisées entre institutions pour découvrir "
                        "d'autres pratiques professionnelles et d'autres outils de prévention."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de stages d'immersion organisés",
                            "measure": "placements",
                            "target": None,
                            "unit": "stages",
                        },
                    ],
                },
                {
                    "number": "43",
                    "title": (
                        "Proposer des formations interinstitutionnelles sur des programmes portant "
                        "sur les compétences psycho-sociales et l'apprentissage du consentement"
                    ),
                    "objective": (
                        "Proposer des formations communes à plusieurs institutions sur les "
                        "programmes de compétences psychosociales et l'apprentissage du "
                        "consentement."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de formations interinstitutionnelles organisées",
                            "measure": "sessions_held",
                            "target": None,
                            "unit": "sessions",
                        },
                        {
                            "label": "Nombre de personnes formées",
                            "measure": "people_trained",
                            "target": None,
                            "unit": "personnes",
                        },
                    ],
                },
            ],
        },
        # II) Prévenir — C) Favoriser la mise en place d'actions de prévention à tous les âges de la
        # vie et la transmission de savoirs entre pairs
        {
            "number": "16",
            "title": (
                "Soutenir financièrement des actions de prévention de lutte contre les violences "
                "dès le plus jeune âge et favoriser la mise en place d'actions et de programmes "
                "expérimentaux"
            ),
            "fiches": [
                {
                    "number": "44",
                    "title": (
                        "Mettre en place un appel à projet pour financer des actions de prévention "
                        "sur les VIF dès le plus jeune âge et de manière pérenne"
                    ),
                    "objective": (
                        "Lancer un appel à projets pour financer durablement des actions de "
                        "prévention des VIF auprès des plus jeunes."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Nombre de projets financés dans le cadre de l'appel à projets"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "17",
            "title": (
                "Mettre en place une politique proactive de pairs aidants, dès l'adolescence, sur "
                "les questions de VIF"
            ),
            "fiches": [
                {
                    "number": "45",
                    "title": (
                        "Valoriser et financer les actions de formation sur les VIF pour les "
                        "jeunes de 14 à 25 ans"
                    ),
                    "objective": (
                        "Soutenir et financer la formation des jeunes de 14 à 25 ans sur les VIF."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de jeunes de 14 à 25 ans formés sur les VIF",
                            "measure": "people_trained",
                            "target": None,
                            "unit": "personnes",
                        },
                    ],
                },
                {
                    "number": "46",
                    "title": (
                        "Soutenir les actions de pairs aidants pour les personnes LGBT+ victimes "
                        "de violences dans le couple"
                    ),
                    "objective": (
                        "Appuyer les initiatives de pairs aidants destinées aux personnes LGBT+ "
                        "victimes de violences conjugales."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre d'actions de pairs aidants LGBT+ soutenues",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "47",
                    "title": (
                        "Prendre compte de la parole des pairs aidants dans le cadre de la mise en "
                        "place de nos actions"
                    ),
                    "objective": (
                        "Intégrer le point de vue des pairs aidants dans la conception des actions "
                        "départementales."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Parole des pairs aidants recueillie et prise en compte (oui/non)"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "18",
            "title": (
                "Produire des évaluations prenant en compte la parole des personnes concernées"
            ),
            "fiches": [
                {
                    "number": "48",
                    "title": (
                        "Réaliser des observations des actions de prévention mises en place et "
                        "financées par le département, afin d'évaluer leur pertinence et leur "
                        "adéquation avec la politique publique mise en place par le département"
                    ),
                    "objective": (
                        "Observer les actions de prévention financées par le Département pour "
                        "vérifier leur pertinence et leur cohérence avec la politique "
                        "départementale."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre d'actions de prévention financées observées",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "49",
                    "title": (
                        "Travailler à l'évaluation des projets en collaboration avec les "
                        "partenaires, afin de prendre en compte la parole des participants aux "
                        "actions"
                    ),
                    "objective": (
                        "Évaluer les projets avec les partenaires en intégrant l'avis des "
                        "participants."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de projets évalués avec les partenaires",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "50",
                    "title": (
                        "Collecter des données et cartographier l'impact de nos actions afin "
                        "d'évaluer l'impact de notre action"
                    ),
                    "objective": (
                        "Recueillir des données et cartographier les effets des actions pour en "
                        "mesurer l'impact."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Cartographie de l'impact des actions réalisée (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        # III) Agir — A) Soutenir et tisser un réseau partenarial opérationnel, facilitant les
        # articulations des protections
        {
            "number": "19",
            "title": (
                "Offrir un accompagnement durable afin de permettre aux victimes d'échapper à la "
                "violence et de se reconstruire"
            ),
            "fiches": [
                {
                    "number": "51",
                    "title": (
                        "Identifier les impensés dans les parcours d'accompagnement avec les "
                        "partenaires institutionnels, associatifs et universitaires en prenant en "
                        "compte de la parole des victimes"
                    ),
                    "objective": (
                        "Repérer, avec les partenaires et à partir de la parole des victimes, les "
                        "angles morts des parcours d'accompagnement."
                    ),
                    "pilot": "",
                    "partners": "Partenaires institutionnels, associatifs et universitaires",
                    "indicators": [
                        {
                            "label": "Diagnostic des angles morts des parcours réalisé (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "52",
                    "title": (
                        "Financer les actions d'accompagnement individuels et collectifs "
                        "médico-social et psychologique (enveloppe VIF)"
                    ),
                    "objective": (
                        "Financer, sur l'enveloppe VIF, des accompagnements médico-sociaux et "
                        "psychologiques individuels et collectifs."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre d'actions d'accompagnement financées (enveloppe VIF)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "53",
                    "title": (
                        "Financer des dispositifs juridiques et psychologiques d'aide aux victimes "
                        "sur le département (pôle lutte contre les exclusions)"
                    ),
                    "objective": (
                        "Financer des dispositifs d'aide juridique et psychologique aux victimes "
                        "dans le département."
                    ),
                    "pilot": "Pôle lutte contre les exclusions",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de dispositifs d'aide aux victimes financés",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "54",
                    "title": (
                        "Mettre en place des conventions et protocoles avec des partenaires afin "
                        "de faciliter la continuité dans les parcours des victimes"
                    ),
                    "objective": (
                        "Signer conventions et protocoles avec les partenaires pour assurer la "
                        "continuité des parcours des victimes."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de conventions et protocoles signés",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "55",
                    "title": (
                        "Financer un dispositif d'hébergement pour des femmes victimes enceintes "
                        "ou avec enfants de moins de 3 ans"
                    ),
                    "objective": (
                        "Financer un hébergement pour les femmes victimes enceintes ou "
                        "accompagnées d'enfants de moins de 3 ans."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Dispositif d'hébergement financé (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "20",
            "title": (
                "Protéger les enfants victimes et leur garantir les meilleures conditions de "
                "développement"
            ),
            "fiches": [
                {
                    "number": "56",
                    "title": (
                        "Financer des accompagnements individuels et collectifs (psychologiques, "
                        "socio-éducatifs, médico-sociaux) spécifiques et adaptés pour les enfants "
                        "et adolescents victimes de violences intrafamiliales"
                    ),
                    "objective": (
                        "Financer des accompagnements adaptés, individuels et collectifs, pour les "
                        "enfants et adolescents victimes de VIF."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Nombre d'accompagnements financés pour les enfants et adolescents "
                                "victimes"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "57",
                    "title": (
                        "Co-construire avec l'ARS des dispositifs adaptés à la prise en charge du "
                        "psycho-trauma pour les victimes de VIF"
                    ),
                    "objective": (
                        "Concevoir avec l'ARS des dispositifs de prise en charge du "
                        "psychotraumatisme des victimes de VIF."
                    ),
                    "pilot": "",
                    "partners": "ARS",
                    "indicators": [
                        {
                            "label": (
                                "Nombre de dispositifs de prise en charge du psychotraumatisme "
                                "co-construits"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "58",
                    "title": (
                        "Prendre en compte la parole des enfants victimes, leur permettre "
                        "d'exercer leurs droits et respecter leurs besoins fondamentaux"
                    ),
                    "objective": (
                        "Écouter les enfants victimes, garantir l'exercice de leurs droits et le "
                        "respect de leurs besoins fondamentaux."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Modalités de recueil de la parole des enfants victimes mises en "
                                "place (oui/non)"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "21",
            "title": (
                "Favoriser la prise de conscience et la responsabilisation des auteurs afin "
                "d'éviter la répétition des faits"
            ),
            "fiches": [
                {
                    "number": "59",
                    "title": (
                        "Mettre en place des mesures d'accompagnement protégées permettant aux "
                        "victimes adultes d'être en sécurité et l'exercice de la parentalité des "
                        "auteurs"
                    ),
                    "objective": (
                        "Instaurer des mesures d'accompagnement protégées qui assurent la sécurité "
                        "des victimes adultes tout en encadrant la parentalité des auteurs."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Mesures d'accompagnement protégées mises en place (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "60",
                    "title": (
                        "Participer au financement de projets d'accompagnement et d'hébergement "
                        "d'auteurs de VIF (CAP, COJ)"
                    ),
                    "objective": (
                        "Cofinancer des projets d'accompagnement et d'hébergement des auteurs de "
                        "VIF."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Nombre de projets d'accompagnement ou d'hébergement d'auteurs "
                                "cofinancés"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "61",
                    "title": "Favoriser les parcours de désistance et d'exercice du rôle de parent",
                    "objective": (
                        "Encourager les parcours de sortie de la délinquance et l'exercice "
                        "responsable du rôle de parent."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Action réalisée (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        # III) Agir — B) Faciliter l'articulation des protections pour les victimes et les parcours
        # des auteurs en rendant lisibles les ressources des territoires
        {
            "number": "22",
            "title": (
                "Soutenir et participer à la mise en place de dispositifs départementaux "
                "spécifiques à la lutte contre les VIF"
            ),
            "fiches": [
                {
                    "number": "62",
                    "title": (
                        "Organiser de manière cohérente la mise en place et le financement des "
                        "postes ISCG, en partenariat avec l'Etat (FIPD/DDFE), les communes et/ou "
                        "les EPCI dans un objectif de pérennisation du dispositif"
                    ),
                    "objective": (
                        "Organiser de façon cohérente et pérenne le déploiement et le financement "
                        "des postes d'ISCG avec l'Etat et les collectivités."
                    ),
                    "pilot": "",
                    "partners": "Etat (FIPD, DDFE), communes, EPCI",
                    "indicators": [
                        {
                            "label": "Nombre de postes ISCG cofinancés",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "63",
                    "title": (
                        "Participer au dispositif pour faciliter la mobilité des femmes victimes "
                        "de violences conjugales sur le département en cours de mise en place par "
                        "l'Etat"
                    ),
                    "objective": (
                        "Contribuer au dispositif de l'Etat facilitant la mobilité des femmes "
                        "victimes de violences conjugales."
                    ),
                    "pilot": "",
                    "partners": "Etat",
                    "indicators": [
                        {
                            "label": "Participation au dispositif de mobilité (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "64",
                    "title": (
                        "Réaliser des conventions avec les bailleurs sociaux pour favoriser "
                        "l'accès au logement des victimes de VIF via le PDALHPD"
                    ),
                    "objective": (
                        "Conventionner avec les bailleurs sociaux, via le PDALHPD, pour faciliter "
                        "le relogement des victimes."
                    ),
                    "pilot": "",
                    "partners": "Bailleurs sociaux",
                    "indicators": [
                        {
                            "label": "Nombre de conventions signées avec les bailleurs sociaux",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "23",
            "title": (
                "Outiller les professionnels non-spécialistes des violences intrafamiliales pour "
                "assurer des orientations adéquates"
            ),
            "fiches": [
                {
                    "number": "65",
                    "title": (
                        "Mettre en place un répertoire par territoire pour répertorier les "
                        "structures d'accueil, d'hébergement et d'accompagnement des victimes de "
                        "VIF"
                    ),
                    "objective": (
                        "Établir pour chaque territoire un répertoire des structures d'accueil, "
                        "d'hébergement et d'accompagnement des victimes."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de territoires dotés d'un répertoire",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "66",
                    "title": (
                        "Réaliser, en lien avec le service communication, des supports spécifiques "
                        "aux VIF reprenant la charte graphique de la campagne départementale"
                    ),
                    "objective": (
                        "Produire avec le service communication des supports VIF aux couleurs de "
                        "la campagne départementale."
                    ),
                    "pilot": "",
                    "partners": "Service communication",
                    "indicators": [
                        {
                            "label": "Nombre de supports spécifiques réalisés",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "24",
            "title": (
                "Développer des dispositifs et des outils départementaux spécifiques à "
                "l'accompagnement des victimes de VIF"
            ),
            "fiches": [
                {
                    "number": "67",
                    "title": (
                        "Accompagner l'expérimentation de la mise en place du dispositif d'aide "
                        "d'urgence sur le territoire de Valenciennes"
                    ),
                    "objective": (
                        "Soutenir l'expérimentation d'un dispositif d'aide d'urgence sur le "
                        "territoire de Valenciennes."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Expérimentation accompagnée sur le territoire de Valenciennes "
                                "(oui/non)"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "68",
                    "title": (
                        "Développer un livret retraçant les parcours possibles pour les victimes, "
                        "leur permettant de visualiser les différentes étapes et temporalités"
                    ),
                    "objective": (
                        "Rédiger un livret présentant aux victimes les parcours possibles, leurs "
                        "étapes et leurs délais."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Livret des parcours réalisé (oui/non)",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        # III) Agir — C) Appuyer les projets innovants prenant en compte la parole des personnes
        # concernées
        {
            "number": "25",
            "title": (
                "Prendre en compte les contraintes des procédures liées aux violences et les "
                "besoins des victimes"
            ),
            "fiches": [
                {
                    "number": "69",
                    "title": (
                        "Construire des projets innovants avec les victimes et répondre à leurs "
                        "besoins"
                    ),
                    "objective": (
                        "Monter avec les victimes des projets innovants qui répondent à leurs "
                        "besoins."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de projets innovants construits avec les victimes",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "70",
                    "title": (
                        "Adapter aux victimes de violences conjugales les dispositifs d'insertion "
                        "socio-professionnelle : prise en compte les possibles absences liées aux "
                        "accompagnements, au parcours juridique et aux contraintes nouvelles de la "
                        "monoparentalité"
                    ),
                    "objective": (
                        "Adapter les dispositifs d'insertion aux contraintes des victimes : "
                        "absences liées aux démarches et à la procédure, monoparentalité."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de dispositifs d'insertion adaptés",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "71",
                    "title": (
                        "Mettre en place des dispositifs prenant en compte les parcours et "
                        "vulnérabilités spécifiques des victimes adolescentes, en situation de "
                        "handicap, sans papiers ou de la communauté LGBT+"
                    ),
                    "objective": (
                        "Créer des dispositifs tenant compte des vulnérabilités propres aux "
                        "victimes adolescentes, handicapées, sans papiers ou LGBT+."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de dispositifs spécifiques mis en place",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "26",
            "title": (
                "Mettre en place des actions spécifiques pour les enfants victimes pour les "
                "protéger et répondre à leurs besoins"
            ),
            "fiches": [
                {
                    "number": "72",
                    "title": (
                        "Créer des actions innovantes à partir de la parole des enfants victimes"
                    ),
                    "objective": (
                        "Imaginer des actions nouvelles à partir de ce qu'expriment les enfants "
                        "victimes."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre d'actions innovantes créées",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "73",
                    "title": (
                        "Accompagner la mise en place d'actions spécifiques sur la vie affective, "
                        "relationnelle et sexuelle auprès des MECS"
                    ),
                    "objective": (
                        "Soutenir des actions sur la vie affective, relationnelle et sexuelle dans "
                        "les MECS."
                    ),
                    "pilot": "",
                    "partners": "MECS",
                    "indicators": [
                        {
                            "label": "Nombre de MECS accompagnées",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "74",
                    "title": (
                        "Faciliter la mise en place de groupe de paroles d'enfants victimes par "
                        "tranches d'âge"
                    ),
                    "objective": (
                        "Aider à créer des groupes de parole d'enfants victimes organisés par "
                        "tranche d'âge."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre de groupes de parole mis en place",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
        {
            "number": "27",
            "title": (
                "Des actions pour les auteurs qui leur permettent la proactivité et le droit au "
                "changement"
            ),
            "fiches": [
                {
                    "number": "75",
                    "title": (
                        "Mettre en place des actions sur la parentalité des auteurs à partir de la "
                        "prise en compte de l'intérêt de l'enfant"
                    ),
                    "objective": (
                        "Développer des actions sur la parentalité des auteurs centrées sur "
                        "l'intérêt de l'enfant."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Nombre d'actions sur la parentalité des auteurs mises en place"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "76",
                    "title": (
                        "Développer des actions d'accompagnement spécialisé pour les auteurs de "
                        "VIF sans contrainte judiciaire"
                    ),
                    "objective": (
                        "Proposer un accompagnement spécialisé aux auteurs de VIF qui ne font pas "
                        "l'objet d'une contrainte judiciaire."
                    ),
                    "pilot": "",
                    "partners": "",
                    "indicators": [
                        {
                            "label": "Nombre d'actions d'accompagnement spécialisé développées",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
            ],
        },
    ],
}
