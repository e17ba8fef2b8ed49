"""What the H5P player (h5p-standalone, served from node_modules) needs from the page's policy."""

import base64
import hashlib
from dataclasses import dataclass

from csp.constants import UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

from . import scoring

# H5P's core (frame.bundle.js, `H5P.getHeadTags`) writes each activity's frame, an
# about:blank iframe that inherits the lesson page's Content-Security-Policy, with
# this one inline script. The lesson page allows exactly this script by its hash
# rather than every inline script ('unsafe-inline'); a test checks the player still
# writes it, so an upgrade of h5p-standalone that changes it is noticed.
FRAME_INLINE_SCRIPT = (
    "H5PIntegration = window.parent.H5PIntegration; var H5P = H5P || {}; H5P.externalEmbed = false;"
)
FRAME_INLINE_SCRIPT_HASH = (
    "'sha256-"
    + base64.b64encode(hashlib.sha256(FRAME_INLINE_SCRIPT.encode()).digest()).decode()
    + "'"
)
# Added to the site's policy on pages that play activities (csp.decorators.csp_update),
# from what the content types of shared/h5p-content-types need in Chromium:
# - inline styles: most lay themselves out with style attributes in the markup they
#   build (Dialog Cards, Drag and Drop, Course Presentation…) and Branching Scenario
#   adds a <style> element (its resize detector). Uploaded packages bring their own
#   libraries, so no list of hashes can cover them. Styles cannot run script, and
#   img-src/font-src/connect-src still keep anything from leaving for another site;
# - fonts in data: URLs (Interactive Video's icons);
# - media in blob: URLs (Single Choice Set's sound effects).
# Scripts stay as strict as elsewhere, but for the hash above.
CSP_UPDATE = {
    "script-src": [FRAME_INLINE_SCRIPT_HASH],
    "style-src": [UNSAFE_INLINE],
    "font-src": ["data:"],
    "media-src": ["blob:"],
}


# H5P core's interface strings (H5PIntegration.l10n.H5P): h5p-standalone only has
# them in English, and they show in the player's buttons and dialogs (full screen,
# rights of use, reuse, confirmations, lost connection). Keys as in H5P core.
CORE_STRINGS = {
    "fullscreen": _("Plein écran"),
    "disableFullscreen": _("Quitter le plein écran"),
    "download": _("Télécharger"),
    "copyrights": _("Droits d'utilisation"),
    "embed": _("Intégrer"),
    "size": _("Taille"),
    "showAdvanced": _("Afficher les options avancées"),
    "hideAdvanced": _("Masquer les options avancées"),
    "advancedHelp": _(
        "Insérez ce script dans votre site pour que le contenu intégré s'adapte à sa taille :"
    ),
    "copyrightInformation": _("Droits d'utilisation"),
    "close": _("Fermer"),
    "title": _("Titre"),
    "author": _("Auteur"),
    "year": _("Année"),
    "source": _("Source"),
    "license": _("Licence"),
    "thumbnail": _("Vignette"),
    "noCopyrights": _("Aucune information sur les droits d'utilisation de ce contenu."),
    "reuse": _("Réutiliser"),
    "reuseContent": _("Réutiliser le contenu"),
    "reuseDescription": _("Réutiliser ce contenu."),
    "downloadDescription": _("Télécharger ce contenu dans un fichier H5P."),
    "copyrightsDescription": _("Voir les droits d'utilisation de ce contenu."),
    "embedDescription": _("Voir le code d'intégration de ce contenu."),
    "h5pDescription": _("Visiter H5P.org pour découvrir d'autres contenus."),
    "contentChanged": _("Ce contenu a changé depuis votre dernière visite."),
    "startingOver": _("Vous allez recommencer depuis le début."),
    "by": _("par"),
    "showMore": _("Afficher plus"),
    "showLess": _("Afficher moins"),
    "subLevel": _("Sous-niveau"),
    "confirmDialogHeader": _("Confirmer l'action"),
    "confirmDialogBody": _(
        "Veuillez confirmer que vous souhaitez continuer. Cette action est irréversible."
    ),
    "cancelLabel": _("Annuler"),
    "confirmLabel": _("Confirmer"),
    "licenseU": _("Non communiquée"),
    "licenseCCBY": _("Attribution"),
    "licenseCCBYSA": _("Attribution - Partage dans les mêmes conditions"),
    "licenseCCBYND": _("Attribution - Pas de modification"),
    "licenseCCBYNC": _("Attribution - Pas d'utilisation commerciale"),
    "licenseCCBYNCSA": _(
        "Attribution - Pas d'utilisation commerciale - Partage dans les mêmes conditions"
    ),
    "licenseCCBYNCND": _("Attribution - Pas d'utilisation commerciale - Pas de modification"),
    "licenseCC40": _("4.0 International"),
    "licenseCC30": _("3.0 non transposée"),
    "licenseCC25": _("2.5 générique"),
    "licenseCC20": _("2.0 générique"),
    "licenseCC10": _("1.0 générique"),
    "licenseGPL": _("Licence publique générale GNU"),
    "licenseV3": _("Version 3"),
    "licenseV2": _("Version 2"),
    "licenseV1": _("Version 1"),
    "licensePD": _("Domaine public"),
    "licenseCC010": _("CC0 1.0 universel (CC0 1.0) : dévouement au domaine public"),
    "licensePDM": _("Marque du domaine public"),
    "licenseC": _("Droit d'auteur"),
    "contentType": _("Type de contenu"),
    "licenseExtras": _("Compléments de licence"),
    "changes": _("Historique des modifications"),
    "contentCopied": _("Le contenu a été copié dans le presse-papiers"),
    "connectionLost": _(
        "Connexion perdue. Vos résultats seront enregistrés et envoyés au retour de la connexion."
    ),
    "connectionReestablished": _("Connexion rétablie."),
    "resubmitScores": _("Envoi des résultats enregistrés."),
    "offlineDialogHeader": _("La connexion au serveur a été perdue"),
    "offlineDialogBody": _(
        "Vos réponses à cette activité n'ont pas pu être envoyées. "
        "Vérifiez votre connexion à Internet."
    ),
    "offlineDialogRetryMessage": _("Nouvel essai dans :num…"),
    "offlineDialogRetryButtonLabel": _("Réessayer maintenant"),
    "offlineSuccessfulSubmit": _("Résultats envoyés."),
    "width": _("largeur"),
    "height": _("hauteur"),
}

# What lesson.js writes in the status line (the server's own message otherwise).
PLAYER_MESSAGES = {
    "refused": _("La réponse n'a pas été acceptée."),
    "failed": _("La réponse n'a pas pu être enregistrée : rechargez la page."),
    "loadFailed": _("L'activité n'a pas pu être chargée."),
}


def player_settings() -> dict:
    """What lesson.js gives every player of a lesson, in the current language."""
    return {
        "l10n": {"H5P": {key: str(text) for key, text in CORE_STRINGS.items()}},
        "messages": {key: str(text) for key, text in PLAYER_MESSAGES.items()},
    }


@dataclass(frozen=True)
class PlayerMode:
    """How the player reports one package: from its answer key, never from the browser."""

    report: bool  # send getXAPIData() when the root content completes
    completes_on_view: bool  # no answer key: "experienced" once shown


def player_mode(key: scoring.PackageKey) -> PlayerMode:
    return PlayerMode(report=key.needs_report, completes_on_view=not key.scored)
