"""English left in a French interface: common words of English user interfaces, looked
for in the text a person sees or hears (visible text, title, labels read aloud).

Only words that are not also French: "Page", "Menu", "Date", "Type", "Total",
"Actions", "Description", "Question", "Message", "Contact", "Note", "Images",
"Documents" are French too; "on", "or", "an", "if", "sort", "Explorer" are French words.
"""

import re

WORDS = [
    # Grammar words that no French sentence contains.
    "the",
    "and",
    "of",
    "to",
    "with",
    "for",
    "your",
    "you",
    "this",
    "that",
    "is",
    "are",
    "be",
    "not",
    "has",
    "have",
    "will",
    "can",
    "from",
    "by",
    "all",
    "it",
    "here",
    "please",
    # Buttons, links and labels of web frameworks (Django, allauth, Wagtail, DSFR).
    "Save",
    "Cancel",
    "Search",
    "Delete",
    "Edit",
    "Add",
    "Remove",
    "Submit",
    "Close",
    "Back",
    "Next",
    "Previous",
    "Home",
    "Settings",
    "Login",
    "Logout",
    "Password",
    "Username",
    "Updated",
    "Created",
    "Root",
    "Forbidden",
    "Error",
    "Loading",
    "Show",
    "Hide",
    "More",
    "Less",
    "Download",
    "Upload",
    "Choose",
    "Select",
    "Filter",
    "Clear",
    "Apply",
    "Reset",
    "Help",
    "Title",
    "Status",
    "Name",
    "User",
    "Users",
    "Group",
    "Groups",
    "Dashboard",
    "Reports",
    "Draft",
    "Live",
    "Published",
    "Unpublished",
    "Preview",
    "Publish",
    "Locked",
    "Owner",
    "Revision",
    "History",
    "Snippets",
    "Workflow",
    "Welcome",
    "Yes",
    "View",
    "New",
    "Required",
    "required",
    "Optional",
    "optional",
    "Invalid",
    "invalid",
    "Success",
    "Failed",
    "Warning",
    "Sign",
    "Enter",
    "Skip",
    "Confirm",
    "Account",
    "Profile",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Never",
    "Unknown",
    "None",
    "Other",
    "items",
    "results",
    "found",
    "minutes ago",
    "hours ago",
]
PHRASES = [
    "Not Found",
    "Server Error",
    "Bad Request",
    "Page not found",
    "Log in",
    "Sign in",
    "Sign up",
    "Log out",
    "No results",
]

# Proper nouns and names a person sees as such (product names, H5P content types as
# their authors name them, standards). Removed from the text before the search.
ALLOWED = [
    "Wagtail",
    "H5P",
    "xAPI",
    "OpenAPI",
    "DSFR",
    "Chromium",
    "Django",
    "Celery",
    "Redis",
    "PostgreSQL",
    "WeasyPrint",
    "Swagger",
    # H5P content types (library titles on the H5P libraries page and in activities).
    "Drag the Words",
    "Mark the Words",
    "Find the Hotspot",
    "Find the Words",
    "Fill in the Blanks",
    "Drag and Drop",
    "Dialog Cards",
    "Interactive Video",
    "Course Presentation",
    "Branching Scenario",
    "Question Set",
    "Single Choice Set",
    "Multiple Choice",
    "True/False Question",
    "Image Hotspots",
    "Accordion",
    "Summary",
    "Essay",
    "Flashcards",
    "Image Sequencing",
    "Memory Game",
    "Timeline",
    "Audio Recorder",
    "Arithmetic Quiz",
    "Speak the Words",
    "Sort the Paragraphs",
    "Advanced Text",
    "Interactive Book",
    "Image Slider",
    "Documentation Tool",
]

# English that only a change outside this project would remove: (page path pattern,
# term, why). Each needs a human decision; the lead may override the string instead.
ALLOWED_ON_PAGES = [
    (
        r"^/cms/",
        "Search",
        "Wagtail 8's header search form has a hard-coded value='Search' on its screen-reader "
        "only submit button (wagtailadmin/shared/header.html, not translatable): only an "
        "override of that Wagtail template would change it.",
    ),
    (
        r"^/cms/pages/",
        "the",
        "Wagtail 8's page explorer labels its link « Visit the live page », a string its "
        "French catalogue does not translate.",
    ),
    (
        r"^/cms/pages/",
        "STATUS",
        "Wagtail's own French catalogue says « Status actuel de la page » (sic, for "
        "'Current page status:'); a project translation of that msgid would correct it.",
    ),
]

# Axe violations in Wagtail's own admin markup, which the project does not render:
# (page path pattern, rule, regular expression of every node's CSS selector, why).
ALLOWED_VIOLATIONS = [
    (
        r"^/cms/",
        "scrollable-region-focusable",
        r"\.w-minimap__list",
        "Wagtail 8's editor minimap (the collapsible outline beside long forms): its list "
        "scrolls without a focusable element; Wagtail's own component.",
    ),
    (
        r"^/cms/",
        "aria-input-field-name",
        r"\.notranslate|div\[aria-describedby=\"placeholder-\w+\"\]",
        "Draftail, Wagtail's rich-text editor: Draft.js's contenteditable box (role=textbox, "
        "class notranslate) gets no accessible name from Wagtail 8, whose label points at "
        "the hidden input it serialises to. Only a change in Wagtail would name it.",
    ),
]


def allowed_violation(path: str, violation: dict) -> bool:
    """Whether every node of an axe violation is one the allow list explains."""
    return any(
        re.match(pattern, path)
        and violation["id"] == rule
        and all(re.fullmatch(selector, node["target"]) for node in violation["nodes"])
        for pattern, rule, selector, _why in ALLOWED_VIOLATIONS
    )


def _variants(word: str) -> set[str]:
    """The word as written, capitalised, and in capitals (DSFR badges are uppercase,
    and innerText applies text-transform) when long enough not to be an acronym."""
    forms = {word, word[:1].upper() + word[1:]}
    if len(word) >= 4:
        forms.add(word.upper())
    return forms


_TERMS = sorted({form for word in WORDS + PHRASES for form in _variants(word)}, key=len)
_PATTERN = re.compile(
    r"(?<![\w'’-])(" + "|".join(re.escape(t) for t in reversed(_TERMS)) + r")(?![\w'’-])"
)
_ALLOWED = re.compile("|".join(re.escape(name) for name in ALLOWED))


# Addresses are not words: e-mails (the demo's @demo.egide.invalid) and URLs.
_ADDRESSES = re.compile(r"\S+@\S+|\bhttps?://\S+")


def english_strings(text: str, path: str = "") -> list[str]:
    """Each English term found in the text, once, with a few words around its first use
    and how many times it is there."""
    text = _ALLOWED.sub(" ", _ADDRESSES.sub(" ", text))
    allowed_here = {term for pattern, term, _why in ALLOWED_ON_PAGES if re.match(pattern, path)}
    found: dict[str, list[str]] = {}
    for match in _PATTERN.finditer(text):
        if match.group(0) in allowed_here:
            continue
        start, end = match.span()
        excerpt = " ".join(text[max(0, start - 30) : end + 30].split())
        found.setdefault(match.group(0), []).append(excerpt)
    return [
        f"{term!r} in «{excerpts[0]}»"
        + (f" (and {len(excerpts) - 1} more)" if excerpts[1:] else "")
        for term, excerpts in sorted(found.items())
    ]
