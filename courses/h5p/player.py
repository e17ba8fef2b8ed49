"""What the H5P player (h5p-standalone, served from node_modules) needs from the page's policy."""

import base64
import hashlib

from csp.constants import UNSAFE_INLINE

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
