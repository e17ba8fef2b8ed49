"""Texts of the seeded modules and lessons, and names of the seeded learners."""

THEMES = [
    "Repérer les violences conjugales",
    "Accueillir la parole des victimes",
    "Le continuum des violences",
    "L'emprise et ses mécanismes",
    "Violences sexuelles : cadre juridique",
    "Les enfants co-victimes",
    "Le certificat médical initial",
    "L'ordonnance de protection",
    "Évaluer le danger",
    "Travailler en réseau sur le territoire",
]
TOPICS = [
    ("bench-reperage", "Repérage"),
    ("bench-accueil", "Accueil et écoute"),
    ("bench-droit", "Droit et procédure"),
    ("bench-sante", "Santé"),
    ("bench-enfance", "Enfance"),
    ("bench-reseau", "Travail en réseau"),
]
PARAGRAPHS = [
    "<p>Les violences au sein du couple s'installent le plus souvent progressivement. Des "
    "remarques dévalorisantes, un contrôle des dépenses ou du téléphone, un isolement des "
    "proches précèdent fréquemment les coups. Repérer ces signes, c'est pouvoir orienter "
    "plus tôt, avant que la situation ne devienne dangereuse pour la victime et ses enfants.</p>",
    "<p>Lorsqu'une victime se confie, la première réponse compte : la <b>croire</b>, lui dire "
    "que la loi interdit et punit ces violences, que l'auteur en est seul responsable et "
    "qu'elle peut être aidée. Évitez les questions qui culpabilisent (« pourquoi n'êtes-vous "
    "pas partie ? ») : elles renforcent l'emprise.</p>",
    "<p>L'agresseur suit souvent une stratégie : il isole, dévalorise, inverse la culpabilité, "
    "installe la peur et recrute des alliés pour assurer son impunité. Connaître cette "
    "stratégie aide à comprendre pourquoi une victime revient sur ses déclarations ou reste "
    "auprès de l'auteur : ce sont des effets de l'emprise, pas un manque de sincérité.</p>",
    "<p>Le 3919, Violences Femmes Info, est gratuit, anonyme et joignable 24 heures sur 24 et "
    "7 jours sur 7. En cas de danger immédiat, composez le 17 ou envoyez un SMS au 114. Les "
    "associations spécialisées du département accompagnent les victimes dans leurs démarches "
    "juridiques, sociales et médicales.</p>",
    "<p>Les enfants exposés aux violences conjugales en sont aussi victimes : troubles du "
    "sommeil, difficultés scolaires, anxiété, parfois reproduction des comportements. Leur "
    "situation doit être prise en compte dans l'évaluation du danger et, le cas échéant, "
    "signalée à la cellule de recueil des informations préoccupantes.</p>",
    "<p>Le certificat médical initial décrit les lésions et le retentissement psychologique "
    "sans se prononcer sur l'auteur. Il fixe une incapacité totale de travail qui oriente la "
    "qualification pénale. Rédigé avec précision, il constitue une pièce essentielle de la "
    "procédure, même si la victime ne porte pas plainte immédiatement.</p>",
    "<p>L'ordonnance de protection, délivrée par le juge aux affaires familiales, peut "
    "interdire à l'auteur d'entrer en contact avec la victime, attribuer le logement à "
    "celle-ci et organiser l'exercice de l'autorité parentale. Elle peut être demandée sans "
    "dépôt de plainte préalable.</p>",
    "<p>Le travail en réseau permet d'éviter que la victime ait à répéter son récit : "
    "forces de sécurité, professionnel·les de santé, travailleur·ses sociaux, associations et "
    "magistrat·es partagent, dans le respect du secret professionnel, les informations "
    "nécessaires à sa protection.</p>",
]
CALLOUT = "<p>Le 3919 est <b>gratuit et anonyme</b>, joignable jour et nuit.</p>"
FIRST_NAMES = [
    "Camille", "Nadia", "Julien", "Sophie", "Karim", "Léa", "Thomas", "Inès", "Hugo", "Manon",
    "Yasmine", "Pierre", "Chloé", "Mehdi", "Sarah", "Louis", "Aïcha", "Nicolas", "Emma", "Omar",
]  # fmt: skip
LAST_NAMES = [
    "Martin", "Bernard", "Dubois", "Lefebvre", "Moreau", "Benali", "Laurent", "Girard",
    "Rousseau", "Diallo", "Fontaine", "Chevalier", "Robin", "Nguyen", "Mercier", "Dupont",
]  # fmt: skip
EMPLOYERS = [
    "Commissariat de Lens", "Brigade de gendarmerie d'Arras", "CH de Douai", "CIDFF du Nord",
    "Conseil départemental", "Tribunal judiciaire de Lille", "Mairie de Calais",
    "Cabinet libéral", "Maison départementale des solidarités",
]  # fmt: skip


def lesson_body(*, module_number: int, lesson_number: int, package):
    from wagtail.rich_text import RichText

    first = (module_number + lesson_number) % len(PARAGRAPHS)
    texts = [PARAGRAPHS[(first + i) % len(PARAGRAPHS)] for i in range(3)]
    body = [
        ("heading", {"text": "Ce qu'il faut savoir", "level": "h2"}),
        ("paragraph", RichText(texts[0] + texts[1])),
        ("callout", {"title": "À retenir", "text": RichText(CALLOUT)}),
        ("paragraph", RichText(texts[2])),
    ]
    if package is not None:
        body.append(
            ("h5p", {"package": package, "instructions": "Vrai ou faux ?", "required": True})
        )
    return body
