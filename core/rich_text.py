"""The one sanitiser of HTML written by editors or imported from files (nh3, allow-list).

Rich text is stored in Wagtail's database format and rendered with `|richtext`,
which trusts it. Whatever reaches the database without passing through the editor
(a crafted form POST, a GIFT import, data older than this module) is cleaned here,
on save, on import and again when rendered: only what Wagtail's rich text editor
produces survives — paragraphs, line breaks, bold, italic, lists, h2–h4 headings,
links to http(s) or mailto addresses (opened without `window.opener` nor referrer),
and Wagtail's own `<a linktype="page" id="…">` internal links.
"""

import html

import nh3

TAGS = {"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "h2", "h3", "h4", "a"}
# `data-block-key` is the editor's paragraph identifier (comments, revision diffs).
_BLOCK_KEY = {"data-block-key"}
ATTRIBUTES = {
    "a": {"href", "linktype", "id"},
    **{tag: _BLOCK_KEY for tag in ("p", "li", "h2", "h3", "h4")},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Whole elements whose content is code or styling, not words to keep.
_DROPPED_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object"}


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # `id` is only the page number of a Wagtail internal link, never a DOM id.
    if tag == "a" and attribute == "id" and not value.isdigit():
        return None
    if tag == "a" and attribute == "linktype" and value not in {"page", "document"}:
        return None
    if attribute == "data-block-key" and not (value.isalnum() and len(value) <= 16):
        return None
    return value


_RICH_TEXT = nh3.Cleaner(
    tags=TAGS,
    clean_content_tags=_DROPPED_WITH_CONTENT,
    attributes=ATTRIBUTES,
    attribute_filter=_attribute_filter,
    url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)
_NO_TAGS = nh3.Cleaner(
    tags=set(), clean_content_tags=_DROPPED_WITH_CONTENT, attributes={}, strip_comments=True
)


def sanitise(markup: str) -> str:
    """Return `markup` with only the allowed tags, attributes and link schemes."""
    return _RICH_TEXT.clean(str(markup or ""))


def plain_text(markup: str) -> str:
    """Return the words of `markup` as plain text (to be escaped when displayed).

    Unlike Django's `strip_tags`, a tag left open at the end
    (``Question <img src=x onerror=alert(5)//``) is removed too, not kept as text.
    """
    return html.unescape(_NO_TAGS.clean(str(markup or ""))).strip()
