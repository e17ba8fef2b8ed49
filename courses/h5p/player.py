"""What the H5P player (h5p-standalone, served from node_modules) needs from the page's policy."""

import base64
import hashlib

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
# Added to the site's policy on pages that play activities (csp.decorators.csp_update).
CSP_UPDATE = {"script-src": [FRAME_INLINE_SCRIPT_HASH]}
