"""Pas-de-Calais: plan cadre de lutte contre les violences faites aux femmes 2019-2022.

Transcribed from shared/seeds/001_d726db3b4e21499e.txt: every axis, every fiche action and
its "indicateurs retenus". Titles and indicator labels follow the plan; objectives are
summarised in our own words.

Every indicator is written in the plan, in the « Indicateurs retenus » paragraph that ends
its fiche action (the copy has no page numbers but for three pages): "issu du plan", with
that paragraph as its reference. Fiche 2.15 leaves its indicators « à déterminer »: none.
"""

PLAN = {
    "code": "PDC-2019",
    "name": "Plan cadre départemental de lutte contre les violences faites aux femmes 2019-2022",
    "departement": "62",
    "period_start": "2019-01-01",
    "period_end": "2022-12-31",
    # Where the plan writes each indicator ({fiche}: the fiche's number).
    "indicator_source": {
        "provenance": "plan",
        "reference": "Fiche action {fiche}, « Indicateurs retenus »",
    },
    "axes": [
        {
            "number": "1",
            "title": "L’éducation et la culture de l’égalité",
            "fiches": [
                {
                    "number": "1.1",
                    "title": (
                        "Éduquer à la vie affective et sexuelle des collégiens et des lycéens "
                        "(PAVAS)"
                    ),
                    "objective": (
                        "Former des personnels volontaires de l’Éducation nationale pour animer "
                        "des séquences d’éducation à la vie affective et sexuelle, afin que les "
                        "adolescent·e·s développent des compétences relationnelles et fassent "
                        "leurs choix dans le respect de l’autre."
                    ),
                    "pilot": (
                        "Service infirmier du Rectorat en lien avec la Direction des Services "
                        "Départementaux de l’Éducation Nationale du Pas-de-Calais – la conseillère "
                        "technique infirmière auprès de l’IA-DASEN"
                    ),
                    "partners": (
                        "Conseil départemental du Pas-de-Calais (notamment les centres de "
                        "planification ou d’éducation familiale), professionnels des Maisons des "
                        "Adolescents de l’Artois et du Littoral (MDA)"
                    ),
                    "indicators": [
                        {
                            "label": "Grossesses / IVG",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Protection de l’enfance",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Situations de harcèlement",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "1.2",
                    "title": "Sensibiliser et former des professionnel·le·s",
                    "objective": (
                        "Bâtir avec les partenaires et les collectivités un programme annuel de "
                        "sensibilisation et de formation des professionnel·le·s (élus, forces de "
                        "l’ordre, magistrats, professions libérales, agents d’accueil…), y compris "
                        "en e-learning, pour garantir partout un accueil adapté des victimes."
                    ),
                    "pilot": (
                        "Direction Départementale de la Cohésion Sociale / Délégation "
                        "Départementale des Droits des femmes"
                    ),
                    "partners": (
                        "Coordinateurs et coordinatrices CLSPD/CISPD, Conseil Départemental du "
                        "Pas-de-Calais, CDG62, ARS, CNFPT, employeurs"
                    ),
                    "indicators": [
                        {
                            "label": "Nombre de formations dans l’année",
                            "measure": "sessions_held",
                            "target": None,
                            "unit": "formations",
                        },
                        {
                            "label": "Nombre de sensibilisations",
                            "measure": "sessions_held",
                            "target": None,
                            "unit": "sensibilisations",
                        },
                        {
                            "label": "Nombre de participant·e·s aux deux types d’action",
                            "measure": "people_trained",
                            "target": None,
                            "unit": "personnes",
                        },
                        {
                            "label": "Note évaluative",
                            "measure": "average_score",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre de sujets traités",
                            "measure": "manual",
                            "target": None,
                            "unit": "sujets",
                        },
                    ],
                },
                {
                    "number": "1.3",
                    "title": "Prévenir et informer le grand public",
                    "objective": (
                        "Relayer les campagnes nationales et construire une campagne de "
                        "communication départementale pour mieux faire connaître au grand public "
                        "les violences, leurs conséquences et les dispositifs d’aide existants."
                    ),
                    "pilot": (
                        "Préfecture, Direction Départementale de la Cohésion Sociale – Délégation "
                        "Départementale aux droits des femmes et les CISPD/CLSPD pour le relais "
                        "d’information sur leur territoire ; Conseil Départemental pour le "
                        "recensement des actions de prévention, en partenariat avec la Direction "
                        "Départementale de la Cohésion Sociale"
                    ),
                    "partners": "Services de l’État, associations, institutions, collectivités",
                    "indicators": [
                        {
                            "label": (
                                "Communication autour de la journée internationale de lutte contre "
                                "les violences faites aux femmes"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Informations mises à disposition des usagers",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Relais des numéros nationaux",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Diffusion de la cartographie et mise à jour annuelle",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "1.4",
                    "title": (
                        "Mobiliser les professionnels de la jeunesse dans la mise en œuvre de la "
                        "culture de l’égalité"
                    ),
                    "objective": (
                        "Outiller les professionnels au contact des jeunes (information jeunesse, "
                        "accueils collectifs de mineurs, service civique, Promeneurs du Net) par "
                        "des outils d’animation et des échanges de pratiques, pour renforcer la "
                        "prévention des inégalités et des violences sexistes."
                    ),
                    "pilot": (
                        "Unité jeunesse et éducation populaire – MEJF – Direction Départementale "
                        "de la Cohésion Sociale"
                    ),
                    "partners": "Conseil Départemental du Pas-de-Calais, CAF, MSA",
                    "indicators": [
                        {
                            "label": (
                                "Nombre de professionnels investis dans la démarche (50 % des "
                                "informateurs « jeunesse », 100 animateurs ACM, 100 % des "
                                "Promeneurs du Net, 25 % des tuteurs de service civique d’ici 2022)"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "professionnels",
                        },
                        {
                            "label": (
                                "Nombre d’outils créés sur la thématique mobilisables (2 outils "
                                "ACM, 1 référentiel des bonnes pratiques)"
                            ),
                            "measure": "manual",
                            "target": 3,
                            "unit": "outils",
                        },
                        {
                            "label": (
                                "Renforcer les compétences professionnelles sur le thème de "
                                "l’égalité pour les acteurs touchés (questionnaire : 75 % des "
                                "participants se sentent plus outillés pour faire face aux "
                                "questions touchant l’égalité)"
                            ),
                            "measure": "better_equipped_share",
                            "target": 75,
                            "unit": "%",
                        },
                        {
                            "label": "Nombre de jeunes touchés",
                            "measure": "manual",
                            "target": None,
                            "unit": "jeunes",
                        },
                    ],
                },
            ],
        },
        {
            "number": "2",
            "title": "L’accueil, la protection et l’accompagnement des victimes",
            "fiches": [
                {
                    "number": "2.1",
                    "title": (
                        "La présence d’intervenants sociaux au sein des commissariats du "
                        "Pas-de-Calais"
                    ),
                    "objective": (
                        "Étendre et pérenniser les postes d’intervenants sociaux en commissariat "
                        "(créations à Lens et Calais, renfort à Arras) pour accueillir et orienter "
                        "les victimes repérées par la police."
                    ),
                    "pilot": "Direction Départementale de la Sûreté Publique / Préfecture",
                    "partners": "Collectivités, Conseil Départemental du Pas-de-Calais",
                    "indicators": [
                        {
                            "label": "Nombre d’intervenants sociaux en exercice sur le département",
                            "measure": "manual",
                            "target": None,
                            "unit": "intervenants",
                        },
                        {
                            "label": "Nombre de personnes accompagnées",
                            "measure": "manual",
                            "target": None,
                            "unit": "personnes",
                        },
                    ],
                },
                {
                    "number": "2.2",
                    "title": (
                        "La présence d’intervenants sociaux au sein des compagnies de gendarmerie "
                        "du Pas-de-Calais"
                    ),
                    "objective": (
                        "Créer de nouveaux postes d’intervenants sociaux en gendarmerie pour mieux "
                        "suivre et informer les victimes, et ainsi faire reculer les infractions "
                        "liées aux violences intrafamiliales."
                    ),
                    "pilot": (
                        "Officier adjoint « prévention-partenariat » du groupement de gendarmerie "
                        "départementale du Pas-de-Calais"
                    ),
                    "partners": (
                        "Conseil Départemental du Pas-de-Calais, intercommunalités du Pas-de-Calais"
                    ),
                    "indicators": [
                        {
                            "label": (
                                "Nombre de coups et blessures volontaires criminels ou "
                                "correctionnels commis dans la sphère familiale"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": (
                                "Nombre de coups et blessures volontaires sur mineurs de moins de "
                                "15 ans, mauvais traitements ou abandons d’enfants"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre de menaces ou chantages",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "2.3",
                    "title": "L’accompagnement social par la Caisse d’Allocations Familiales",
                    "objective": (
                        "Traiter en priorité les droits CAF des victimes de violences conjugales "
                        "et leur proposer un accompagnement social (information, orientation, "
                        "accès aux droits) pour sécuriser leur séparation."
                    ),
                    "pilot": "Caisse d’Allocations Familiales du Pas-de-Calais",
                    "partners": "Services de l’État, Conseil Départemental, collectivités",
                    "indicators": [
                        {
                            "label": "Nombre d’accompagnements sociaux",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre d’orientations",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre d’ouvertures de droits",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "2.4",
                    "title": "L’aide aux victimes et accès aux droits",
                    "objective": (
                        "Garantir aux femmes victimes l’accès à une information juridique et à un "
                        "soutien psychologique spécialisés, en renforçant le maillage des "
                        "permanences, notamment en milieu rural."
                    ),
                    "pilot": (
                        "Direction Départementale de la Cohésion Sociale / Délégation "
                        "Départementale aux Droits des Femmes"
                    ),
                    "partners": (
                        "Services de l’État, Conseil Départemental du Pas-de-Calais, "
                        "collectivités, CDAD, associations d’aide aux victimes"
                    ),
                    "indicators": [
                        {
                            "label": "Nombre de lieux de permanences",
                            "measure": "manual",
                            "target": None,
                            "unit": "lieux",
                        },
                        {
                            "label": "Nombre de permanences",
                            "measure": "manual",
                            "target": None,
                            "unit": "permanences",
                        },
                        {
                            "label": "Nombre de publics accueillis",
                            "measure": "manual",
                            "target": None,
                            "unit": "personnes",
                        },
                    ],
                },
                {
                    "number": "2.5",
                    "title": "Les accueils de jour des femmes victimes de violences",
                    "objective": (
                        "Consolider et étendre les accueils de jour, lieux de premier accueil sans "
                        "rendez-vous, pour préparer ou éviter les départs en urgence, avec à terme "
                        "un accueil dans chaque arrondissement."
                    ),
                    "pilot": "Direction Départementale de la Cohésion Sociale",
                    "partners": (
                        "Conseil Départemental du Pas-de-Calais, collectivités, associations "
                        "porteuses"
                    ),
                    "indicators": [
                        {
                            "label": "Nombre d’accueils de jour sur le département",
                            "measure": "manual",
                            "target": None,
                            "unit": "accueils de jour",
                        },
                        {
                            "label": "Nombre de femmes accueillies",
                            "measure": "manual",
                            "target": None,
                            "unit": "femmes",
                        },
                        {
                            "label": "Nombre d’enfants accueillis",
                            "measure": "manual",
                            "target": None,
                            "unit": "enfants",
                        },
                        {
                            "label": "Nombre d’entretiens",
                            "measure": "manual",
                            "target": None,
                            "unit": "entretiens",
                        },
                        {
                            "label": "Nombre d’orientations",
                            "measure": "manual",
                            "target": None,
                            "unit": "orientations",
                        },
                        {
                            "label": "Nombre d’accompagnements",
                            "measure": "manual",
                            "target": None,
                            "unit": "accompagnements",
                        },
                    ],
                },
                {
                    "number": "2.6",
                    "title": "L’hébergement des femmes victimes",
                    "objective": (
                        "Assurer dans chaque arrondissement une offre suffisante d’hébergement "
                        "d’urgence et de logement adapté pour mettre à l’abri les femmes victimes "
                        "et leurs enfants."
                    ),
                    "pilot": "Direction Départementale de la Cohésion Sociale",
                    "partners": (
                        "Intercommunalités, collectivités, Conseil Départemental du Pas-de-Calais, "
                        "secteur associatif"
                    ),
                    "indicators": [
                        {
                            "label": "Taux d’équipement départemental et infra-départemental",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre de demandes non pourvues",
                            "measure": "manual",
                            "target": None,
                            "unit": "demandes",
                        },
                        {
                            "label": "Nombre de femmes accueillies",
                            "measure": "manual",
                            "target": None,
                            "unit": "femmes",
                        },
                        {
                            "label": "Durée de la prise en charge",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "2.7",
                    "title": (
                        "Le centre de ressources pour la prévention des violences sexuelles et de "
                        "la maltraitance"
                    ),
                    "objective": (
                        "Aider les personnels de l’Éducation nationale à repérer et prendre en "
                        "charge les enfants victimes de violences, y compris ceux témoins de "
                        "violences conjugales, grâce à un centre de ressources joignable 24 h/24."
                    ),
                    "pilot": (
                        "Éducation nationale – DSDEN du Pas-de-Calais (la chargée de mission "
                        "partenariats et prévention des violences, coordonnatrice du dispositif)"
                    ),
                    "partners": (
                        "Conseil Départemental du Pas-de-Calais, procureurs des 4 tribunaux de "
                        "grande instance"
                    ),
                    "indicators": [
                        {
                            "label": "Nombre de saisines en lien avec une violence intrafamiliale",
                            "measure": "manual",
                            "target": None,
                            "unit": "saisines",
                        },
                        {
                            "label": (
                                "Nombre de saisines pour un enfant témoin de violence conjugale"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "saisines",
                        },
                    ],
                },
                {
                    "number": "2.8",
                    "title": "La Cellule de Traitement des Violences Sexuelles et Sexistes (CTV2S)",
                    "objective": (
                        "Offrir au commissariat une cellule dédiée qui prend en charge globalement "
                        "les femmes victimes de violences conjugales (volets judiciaire, social et "
                        "psychologique), sur le modèle de Lens puis de Boulogne-sur-Mer."
                    ),
                    "pilot": "Circonscription de Sécurité Publique de Lens-Agglomération",
                    "partners": (
                        "Unité de Protection Sociale de la Sûreté Départementale de Lens (BPF, "
                        "Brigade des mineurs, BAV), Délégués à la Cohésion Police-Population de la "
                        "ZSP de Lens-Sallaumines, parquets des TGI d’Arras et de Béthune, "
                        "Sous-Préfecture de Lens, services sociaux locaux (CCAS, CALL-CAHC, "
                        "Conseil Départemental du Pas-de-Calais…), associations d’aide aux "
                        "victimes (CIDFF, France Victimes 62, « 9 de Cœur »…), CAF"
                    ),
                    "indicators": [
                        {
                            "label": "Nombre de victimes prises en charge au niveau de la CTV2S",
                            "measure": "manual",
                            "target": None,
                            "unit": "victimes",
                        },
                        {
                            "label": (
                                "Nombre de fiches Bureau d’Aide aux Victimes ; correspondance "
                                "entre le référent police aide aux victimes et les associations de "
                                "victimes"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "fiches",
                        },
                    ],
                },
                {
                    "number": "2.9",
                    "title": (
                        "L’accompagnement professionnel des femmes victimes pour lever les freins "
                        "rencontrés dans leur insertion professionnelle ou leur maintien dans "
                        "l’emploi"
                    ),
                    "objective": (
                        "Mobiliser les acteurs de l’emploi, de l’insertion et les employeurs, par "
                        "un diagnostic et des ateliers communs, pour que la violence conjugale "
                        "soit prise en compte dans l’accès et le maintien des victimes dans "
                        "l’emploi."
                    ),
                    "pilot": "Direction Départementale de la Cohésion Sociale",
                    "partners": (
                        "Pôle emploi, Conseil Départemental du Pas-de-Calais, CCI, CMA, MEDEF"
                    ),
                    "indicators": [
                        {
                            "label": (
                                "Nombre de professionnels de l’accompagnement ayant participé à "
                                "une séance de « formation »"
                            ),
                            "measure": "people_trained",
                            "target": None,
                            "unit": "professionnels",
                        },
                        {
                            "label": "Pourcentage de femmes accompagnées qui ont repris un emploi",
                            "measure": "manual",
                            "target": None,
                            "unit": "%",
                        },
                        {
                            "label": (
                                "Nombre d’entreprises engagées dans la prise en compte de la "
                                "violence conjugale"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "entreprises",
                        },
                    ],
                },
                {
                    "number": "2.10",
                    "title": "L’accès au logement locatif social des victimes de violences",
                    "objective": (
                        "Permettre aux victimes éligibles d’accéder rapidement à un logement "
                        "social durable, grâce à la mobilisation du contingent préfectoral, sans "
                        "passage systématique par l’hébergement."
                    ),
                    "pilot": "Direction Départementale de la Cohésion Sociale",
                    "partners": (
                        "Associations d’aide aux victimes, associations d’hébergement et de "
                        "logement temporaire, SIAO, collectivités territoriales (communes et EPCI)"
                    ),
                    "indicators": [
                        {
                            "label": (
                                "Signature de l’avenant à la convention-cadre de mise en œuvre du "
                                "contingent préfectoral de réservation"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Suivi du nombre de relogements",
                            "measure": "manual",
                            "target": None,
                            "unit": "relogements",
                        },
                        {
                            "label": "Suivi des délais de relogement",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "2.11",
                    "title": "La constitution d’un réseau d’entraide citoyen",
                    "objective": (
                        "Expérimenter autour d’Arras un réseau de bénévoles formés qui écoutent, "
                        "informent, accompagnent et, si besoin, mettent à l’abri les femmes "
                        "victimes dans les zones rurales isolées."
                    ),
                    "pilot": "Communauté Urbaine d’Arras (CUA)",
                    "partners": (
                        "Élu·e·s volontaires, associations d’aide aux victimes, DDFE, gendarmerie"
                    ),
                    "indicators": [
                        {
                            "label": "Nombre de communes participantes",
                            "measure": "manual",
                            "target": None,
                            "unit": "communes",
                        },
                        {
                            "label": "Nombre de bénévoles",
                            "measure": "manual",
                            "target": None,
                            "unit": "bénévoles",
                        },
                    ],
                },
                {
                    "number": "2.12",
                    "title": "Les groupes de paroles pour les victimes de violences sexuelles",
                    "objective": (
                        "Recenser les groupes de parole existants puis expérimenter des groupes "
                        "non mixtes pour aider les victimes de violences sexuelles à libérer leur "
                        "parole et à se reconstruire."
                    ),
                    "pilot": "Direction Départementale de la Cohésion Sociale",
                    "partners": (
                        "TGI de Boulogne-sur-Mer, ARS, Unité Médico-Judiciaire de "
                        "Boulogne-sur-Mer, associations d’aide aux victimes, accueils de jour et "
                        "d’hébergement"
                    ),
                    "indicators": [
                        {
                            "label": "Mise en place des groupes",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre de personnes accompagnées",
                            "measure": "manual",
                            "target": None,
                            "unit": "personnes",
                        },
                        {
                            "label": "Mobilisation des financements",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "2.13",
                    "title": "L’organisation d’un service de prise en charge psychologique 24h/24",
                    "objective": (
                        "Donner aux victimes un accès à une prise en charge psychologique "
                        "spécialisée, en urgence comme en suivi, via un partenariat avec le CNRR "
                        "et une astreinte de fin de semaine."
                    ),
                    "pilot": "ARS, Direction Départementale de la Cohésion Sociale",
                    "partners": (
                        "Associations d’aide aux victimes, CNRR, services de police et de "
                        "gendarmerie"
                    ),
                    "indicators": [
                        {
                            "label": "Construction d’un partenariat avec le CNRR",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre de permanences psychologiques",
                            "measure": "manual",
                            "target": None,
                            "unit": "permanences",
                        },
                        {
                            "label": "Nombre de victimes prises en charge",
                            "measure": "manual",
                            "target": None,
                            "unit": "victimes",
                        },
                        {
                            "label": "Nombre d’astreintes effectives",
                            "measure": "manual",
                            "target": None,
                            "unit": "astreintes",
                        },
                    ],
                },
                {
                    "number": "2.14",
                    "title": (
                        "La prise en charge et l’accompagnement psychologique spécialisé des "
                        "enfants témoins"
                    ),
                    "objective": (
                        "Repérer et accompagner les enfants exposés aux violences conjugales, en "
                        "identifiant les structures compétentes et en outillant les "
                        "professionnels, pour limiter les effets sur leur développement."
                    ),
                    "pilot": "Conseil Départemental, Agence Régionale de Santé",
                    "partners": (
                        "Conseil Départemental du Pas-de-Calais, ARS, CAF, espace de rencontre, "
                        "médiation familiale, PAEJ, LAEP, coordonnateurs parentalité, DSDEN, "
                        "forces de l’ordre"
                    ),
                    "indicators": [
                        {
                            "label": "Nombre d’enfants et de familles repérés",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre d’enfants et de familles bénéficiant de l’action",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Durée des accompagnements",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre d’actions collectives réalisées",
                            "measure": "manual",
                            "target": None,
                            "unit": "actions",
                        },
                        {
                            "label": "Nombre d’actions individuelles réalisées",
                            "measure": "manual",
                            "target": None,
                            "unit": "actions",
                        },
                    ],
                },
                {
                    "number": "2.15",
                    "title": "L’accompagnement à la fonction parentale",
                    "objective": (
                        "Faire des lieux de soutien à la parentalité (PMI, préparation à "
                        "l’accouchement, REAAP…) des espaces de repérage des violences conjugales "
                        "et accompagner le parent victime dans son lien avec ses enfants."
                    ),
                    "pilot": "Conseil Départemental du Pas-de-Calais, CAF",
                    "partners": "PMI, réseaux périnatalité, PRE, REAAP",
                    "indicators": [],
                },
                {
                    "number": "2.16",
                    "title": (
                        "La lutte contre les violences sexuelles et sexistes dans la fonction "
                        "publique"
                    ),
                    "objective": (
                        "Appliquer dans les administrations la circulaire du 9 mars 2018 : "
                        "prévention, formation des encadrants, signalement, protection des "
                        "victimes et sanction des auteurs, avec des temps de sensibilisation "
                        "communs."
                    ),
                    "pilot": (
                        "Chaque direction des services de l’État, Conseil Départemental du "
                        "Pas-de-Calais, collectivités"
                    ),
                    "partners": "DGAFP, CNFPT",
                    "indicators": [
                        {
                            "label": "Signalements",
                            "measure": "manual",
                            "target": None,
                            "unit": "signalements",
                        },
                        {
                            "label": "Nombre de sensibilisations / formations organisées",
                            "measure": "sessions_held",
                            "target": None,
                            "unit": "sessions",
                        },
                    ],
                },
                {
                    "number": "2.17",
                    "title": "L’hébergement des auteurs de violences conjugales",
                    "objective": (
                        "Mettre à disposition de la justice des places d’hébergement pour les "
                        "auteurs afin de rendre effectives les mesures d’éviction et de permettre "
                        "aux victimes de rester chez elles."
                    ),
                    "pilot": (
                        "Procureurs de la République du Pas-de-Calais, Direction Départementale de "
                        "la Cohésion Sociale"
                    ),
                    "partners": (
                        "Présidents des tribunaux judiciaires du Pas-de-Calais, juges "
                        "d’application des peines, SPIP, collectivités, associations partenaires"
                    ),
                    "indicators": [
                        {
                            "label": "Nombre de places disponibles",
                            "measure": "manual",
                            "target": None,
                            "unit": "places",
                        },
                        {
                            "label": "Nombre de places utilisées",
                            "measure": "manual",
                            "target": None,
                            "unit": "places",
                        },
                        {
                            "label": "Durée de prise en charge",
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
            "title": "Les actions judiciaires",
            "fiches": [
                {
                    "number": "3.1",
                    "title": "Le Téléphone Grave Danger",
                    "objective": (
                        "Poursuivre le déploiement des téléphones grave danger, qui permettent aux "
                        "femmes en grand danger d’alerter rapidement les forces de l’ordre, et "
                        "sensibiliser les partenaires pour repérer les bénéficiaires."
                    ),
                    "pilot": (
                        "Les quatre procureurs de la République du Pas-de-Calais, association "
                        "référente France Victimes 62"
                    ),
                    "partners": "Collectivités, associations spécialisées",
                    "indicators": [
                        {
                            "label": "Nombre de terminaux déployés",
                            "measure": "manual",
                            "target": None,
                            "unit": "terminaux",
                        },
                        {
                            "label": "Nombre de terminaux attribués",
                            "measure": "manual",
                            "target": None,
                            "unit": "terminaux",
                        },
                        {
                            "label": "Durée de l’attribution",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre de réunions de sensibilisation",
                            "measure": "sessions_held",
                            "target": None,
                            "unit": "réunions",
                        },
                    ],
                },
                {
                    "number": "3.2",
                    "title": "Le Groupe d’Enquête des Violences Intrafamiliales – GELVIF",
                    "objective": (
                        "Confier à un groupe d’enquêteurs de gendarmerie spécialisés le traitement "
                        "rapide et transversal des violences intrafamiliales, en réseau avec les "
                        "partenaires sociaux."
                    ),
                    "pilot": "Compagnie de gendarmerie de Saint-Pol-sur-Ternoise",
                    "partners": "Procureur de la République d’Arras, CISPD",
                    "indicators": [
                        {
                            "label": "Nombre de dossiers traités",
                            "measure": "manual",
                            "target": None,
                            "unit": "dossiers",
                        },
                        {
                            "label": "Délai moyen de traitement d’un dossier",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Suites judiciaires",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "3.3",
                    "title": "L’accompagnement individuel renforcé des multi-réitérants",
                    "objective": (
                        "Prévenir la récidive des auteurs de violences sous addiction par un "
                        "accompagnement renforcé des personnes placées sous main de justice "
                        "favorisant leur insertion."
                    ),
                    "pilot": "Procureur de la République d’Arras",
                    "partners": (
                        "Président du Tribunal de Grande Instance d’Arras, juges d’application des "
                        "peines du TGI d’Arras, SPIP, CUA"
                    ),
                    "indicators": [
                        {
                            "label": "Nombre d’entrées dans le dispositif",
                            "measure": "manual",
                            "target": None,
                            "unit": "entrées",
                        },
                        {
                            "label": (
                                "Nombre de mises à exécution de la peine d’emprisonnement des "
                                "individus entrés dans le dispositif"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": (
                                "Nombre de réductions de la durée du suivi décidées par les juges "
                                "d’application des peines"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Durée moyenne du suivi",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "3.4",
                    "title": "Le rappel à la loi et les stages de responsabilisation",
                    "objective": (
                        "Maintenir les rappels à la loi et les stages de responsabilisation, qui "
                        "amènent les auteurs de violences légères et non répétées à mesurer la "
                        "gravité de leurs actes."
                    ),
                    "pilot": (
                        "Les quatre procureurs du Pas-de-Calais, Direction Départementale de la "
                        "Cohésion Sociale"
                    ),
                    "partners": (
                        "Président du tribunal, juges d’application des peines, SPIP, "
                        "collectivités, associations"
                    ),
                    "indicators": [
                        {
                            "label": "Nombre de rappels à la loi",
                            "measure": "manual",
                            "target": None,
                            "unit": "rappels à la loi",
                        },
                        {
                            "label": "Nombre de stages",
                            "measure": "manual",
                            "target": None,
                            "unit": "stages",
                        },
                        {
                            "label": "Nombre de personnes concernées",
                            "measure": "manual",
                            "target": None,
                            "unit": "personnes",
                        },
                    ],
                },
                {
                    "number": "3.5",
                    "title": (
                        "La prise de plaintes dans les lieux dédiés à l’accueil de femmes victimes "
                        "de violences"
                    ),
                    "objective": (
                        "Organiser, par convention entre accueils de jour et forces de sécurité, "
                        "le dépôt de plainte sur place pour les victimes qui n’osent pas se rendre "
                        "au commissariat ou en gendarmerie."
                    ),
                    "pilot": "Préfecture du Pas-de-Calais",
                    "partners": (
                        "Procureurs de la République d’Arras, Béthune, Boulogne-sur-Mer et "
                        "Saint-Omer, Direction Départementale de la Sûreté Publique du "
                        "Pas-de-Calais, Groupement de Gendarmerie du Pas-de-Calais, associations "
                        "La Vie Active, Accueil Neuf de Cœur, La Parenthèse"
                    ),
                    "indicators": [
                        {
                            "label": "Signature des conventions",
                            "measure": "manual",
                            "target": None,
                            "unit": "conventions",
                        },
                        {
                            "label": "Nombre de plaintes prises sur site",
                            "measure": "manual",
                            "target": None,
                            "unit": "plaintes",
                        },
                    ],
                },
            ],
        },
        {
            "number": "4",
            "title": (
                "Mesurer le phénomène, coordonner et évaluer les dispositifs de lutte contre les "
                "violences faites aux femmes"
            ),
            "fiches": [
                {
                    "number": "4.1",
                    "title": "L’observatoire départemental de l’école maternelle",
                    "objective": (
                        "Observer les pratiques des classes maternelles, désormais sous l’angle de "
                        "l’égalité filles-garçons et des stéréotypes de genre, puis accompagner "
                        "les équipes à partir des préconisations."
                    ),
                    "pilot": (
                        "Éducation nationale – DSDEN du Pas-de-Calais – inspectrice chargée des "
                        "missions départementales maternelle et maîtrise de la langue"
                    ),
                    "partners": "CAF du Pas-de-Calais, établissements médico-sociaux",
                    "indicators": [
                        {
                            "label": (
                                "Focale sur l’influence des stéréotypes de genre dans les "
                                "pratiques des enseignants"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": (
                                "Actions de sensibilisation en direction des familles réalisées "
                                "par les écoles visitées"
                            ),
                            "measure": "sessions_held",
                            "target": None,
                            "unit": "actions",
                        },
                    ],
                },
                {
                    "number": "4.2",
                    "title": "L’Équipe Mobile de Climat Scolaire (EMCS)",
                    "objective": (
                        "Exploiter les enquêtes de climat scolaire, résultats ventilés par genre, "
                        "pour que les écoles et établissements intègrent les violences de genre "
                        "dans leurs plans de prévention."
                    ),
                    "pilot": (
                        "Éducation nationale – Direction des Services Départementaux de "
                        "l’Éducation Nationale du Pas-de-Calais"
                    ),
                    "partners": "",
                    "indicators": [
                        {
                            "label": (
                                "Apporter une dimension genrée aux interventions de l’équipe "
                                "mobile de climat scolaire pour une prise en compte dans les plans "
                                "de prévention des établissements"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": (
                                "À partir des violences de genre déclarées dans les questionnaires "
                                "de climat scolaire, inviter les écoles et établissements à "
                                "intégrer la problématique dans leur plan de prévention"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": (
                                "Nombre de plans de prévention qui intègrent explicitement la "
                                "problématique des violences de genre"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "plans",
                        },
                        {
                            "label": "Évolution des résultats par genre",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "4.3",
                    "title": (
                        "Le Comité Départemental d’Éducation à la Santé et la Citoyenneté (CDESC)"
                    ),
                    "objective": (
                        "Fédérer au sein d’une instance départementale toutes les actions de "
                        "l’Éducation nationale sur le climat scolaire, dont l’égalité "
                        "filles-garçons et la prévention des violences, et les essaimer dans les "
                        "établissements."
                    ),
                    "pilot": (
                        "Éducation nationale – Direction des Services Départementaux de "
                        "l’Éducation Nationale du Pas-de-Calais"
                    ),
                    "partners": (
                        "Préfecture, Conseil Départemental du Pas-de-Calais, représentants des "
                        "associations (Ligue de l’enseignement), Services Départementaux "
                        "d’Intervention et de Secours, Fédération de parents d’élèves (FCPE), "
                        "Canopé, chercheurs universitaires"
                    ),
                    "indicators": [
                        {
                            "label": (
                                "Indicateurs des fiches action connexes portées par la DSDEN "
                                "(CRVS, EMCS, observatoire maternelle, PAVAS) et indicateurs "
                                "relatifs à la prévention du harcèlement"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "4.4",
                    "title": (
                        "Les contrats locaux de mobilisation et de coordination contre les "
                        "violences sexistes et sexuelles"
                    ),
                    "objective": (
                        "Inciter les collectivités dotées d’un CLSPD/CISPD à signer des contrats "
                        "locaux réunissant les acteurs du territoire (protocole interne, personne "
                        "ressource, grille d’évaluation, formation) pour fluidifier les parcours "
                        "des victimes."
                    ),
                    "pilot": (
                        "Préfecture, Direction Départementale de la Cohésion Sociale, "
                        "collectivités porteuses d’un CISPD/CLSPD"
                    ),
                    "partners": "L’ensemble des services, institutions et associations concernés",
                    "indicators": [
                        {
                            "label": "Nombre de contrats signés",
                            "measure": "manual",
                            "target": None,
                            "unit": "contrats",
                        },
                        {
                            "label": "Nombre de partenaires associés",
                            "measure": "manual",
                            "target": None,
                            "unit": "partenaires",
                        },
                        {
                            "label": "Contenu des contrats",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "4.5",
                    "title": "Le diagnostic départemental",
                    "objective": (
                        "Rassembler les statistiques disponibles pour établir un diagnostic "
                        "départemental partagé des violences sexistes et sexuelles, y compris un "
                        "volet sur la prostitution, à des fins d’observatoire."
                    ),
                    "pilot": (
                        "Direction Départementale de la Cohésion Sociale / Délégation "
                        "Départementale aux Droits des Femmes"
                    ),
                    "partners": (
                        "Services de l’État, Conseil Départemental du Pas-de-Calais, "
                        "collectivités, ARS, services de santé, Justice, associations"
                    ),
                    "indicators": [
                        {
                            "label": (
                                "Réalisation du diagnostic et sa présentation dans les territoires"
                            ),
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Nombre de partenaires contributeurs",
                            "measure": "manual",
                            "target": None,
                            "unit": "partenaires",
                        },
                    ],
                },
                {
                    "number": "4.6",
                    "title": "Le partenariat entre le SIAO et les associations d’aide aux victimes",
                    "objective": (
                        "Signer une convention entre le SIAO et les associations d’aide aux "
                        "victimes pour mieux repérer, orienter et mettre en sécurité les femmes "
                        "victimes, jusqu’au logement, et sensibiliser les travailleurs sociaux du "
                        "SIAO."
                    ),
                    "pilot": (
                        "Direction Départementale de la Cohésion Sociale / Délégation "
                        "Départementale aux Droits des Femmes"
                    ),
                    "partners": (
                        "SIAO, associations d’aide aux victimes, Conseil départemental du "
                        "Pas-de-Calais"
                    ),
                    "indicators": [
                        {
                            "label": "Signature de la convention",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Suivi des indicateurs annuels",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "4.7",
                    "title": (
                        "La plateforme numérique interactive pour accompagner et sécuriser le "
                        "parcours de droit des victimes"
                    ),
                    "objective": (
                        "Expérimenter dans l’arrondissement de Montreuil-sur-Mer une plateforme "
                        "numérique collaborative et géolocalisée (DroitDirect.fr) pour orienter "
                        "les victimes en milieu rural et coordonner les intervenants."
                    ),
                    "pilot": (
                        "Droits d’Urgence (représentée par son président et sa directrice) avec "
                        "l’appui de l’ANSA"
                    ),
                    "partners": (
                        "Sous-préfecture de Montreuil-sur-Mer, Direction départementale de la "
                        "cohésion sociale et Déléguée aux droits des femmes, Directrice régionale "
                        "aux droits des femmes, Conseil départemental et Maison départementale de "
                        "solidarité de Montreuil, Communauté de communes du Haut-Pays en "
                        "Montreuillois, Communauté de communes des 7 Vallées, Communauté "
                        "d’agglomération des 2 Baies en Montreuillois, FIAC, CIDFF, France "
                        "Victimes 62, gendarmerie de Montreuil-Écuires et de "
                        "Saint-Pol-sur-Ternoise, police du Touquet et de Berck, Tribunal de Grande "
                        "Instance et Parquet de Boulogne, Unité médico-judiciaire de "
                        "Boulogne-sur-Mer, CAF, travailleurs sociaux (Point d’accès au droit, "
                        "CCAS…)"
                    ),
                    "indicators": [
                        {
                            "label": "Fréquentation du site",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                        {
                            "label": "Évolution de la prise en charge des victimes",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "4.8",
                    "title": (
                        "La déclinaison du plan cadre au plus proche des territoires et des "
                        "populations"
                    ),
                    "objective": (
                        "Décliner le plan localement via les CISPD/CLSPD et des groupes "
                        "opérationnels, sous l’œil d’un comité de pilotage restreint qui en mesure "
                        "chaque année l’application."
                    ),
                    "pilot": "Préfecture – Direction Départementale de la Cohésion Sociale",
                    "partners": "Conseil départemental du Pas-de-Calais, collectivités",
                    "indicators": [
                        {
                            "label": "Fréquentation des groupes de travail",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "4.9",
                    "title": "L’évaluation des risques et orienter le plus efficacement",
                    "objective": (
                        "Construire avec les partenaires un annuaire numérique des professionnels "
                        "et une grille d’évaluation des risques partagée pour mieux orienter les "
                        "victimes et leur éviter de répéter leur histoire."
                    ),
                    "pilot": "Direction Départementale de la Cohésion Sociale",
                    "partners": (
                        "Conseil Départemental, police, gendarmerie dont le CREOGN, parquets, "
                        "associations spécialisées dans la conception des outils, l’ensemble des "
                        "réseaux pour la diffusion des outils"
                    ),
                    "indicators": [
                        {
                            "label": "Nombre de rencontres pour la conception des outils",
                            "measure": "sessions_held",
                            "target": None,
                            "unit": "rencontres",
                        },
                        {
                            "label": "Résultats obtenus",
                            "measure": "manual",
                            "target": None,
                            "unit": "",
                        },
                    ],
                },
                {
                    "number": "4.10",
                    "title": "La réalisation des stages croisés",
                    "objective": (
                        "Proposer aux professionnels des conventions de stages croisés pour qu’ils "
                        "découvrent les métiers, procédures et contraintes de leurs partenaires et "
                        "fluidifient les parcours des victimes."
                    ),
                    "pilot": (
                        "Direction Départementale de la Cohésion Sociale et l’ensemble des "
                        "partenaires pour la mise en application"
                    ),
                    "partners": "Tous",
                    "indicators": [
                        {
                            "label": "Nombre de stages organisés",
                            "measure": "placements",
                            "target": None,
                            "unit": "stages",
                        },
                    ],
                },
            ],
        },
    ],
}
