"""The "Quitter rapidement" button leaves at once for a neutral site, over everything
(the open mobile menu too), and leaves no way back: going Back never shows a page of
the site again in that tab (issue 20, point 5)."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEUTRAL_URL = "https://meteofrance.com/"
NEUTRAL_PAGE = "<html><head><title>Météo</title></head><body>neutre</body></html>"
# Pages visited before, so going back has somewhere of ours to go.
EARLIER_PATHS = ("/mentions-legales/", "/accessibilite/")
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def neutral_site(page: Page, settings):
    settings.QUICK_EXIT_URL = NEUTRAL_URL
    page.route(
        f"{NEUTRAL_URL}**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE),
    )


def _click_button(page: Page) -> None:
    page.get_by_role("link", name="Quitter rapidement").click()


def _press_escape_twice(page: Page) -> None:
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")


def _assert_no_way_back(page: Page, live_server, how: str, pages_before: int) -> None:
    """Back, past every page of ours in the tab: none of them shows again."""
    expect(page, how).to_have_url(NEUTRAL_URL)
    expect(page.locator("body")).to_have_text("neutre")
    ours = re.compile(rf"^{re.escape(live_server.url)}/")
    for step in range(pages_before):
        page.go_back(wait_until="commit")
        # A page of ours reached through Back leaves again before being shown.
        expect(page, f"Back #{step + 1} after {how}").not_to_have_url(ours)


@pytest.mark.usefixtures("neutral_site")
def test_quick_exit_leaves_no_way_back_in_the_history(page: Page, live_server):
    for leave in (_click_button, _press_escape_twice):
        for path in (*EARLIER_PATHS, "/accounts/login/"):
            page.goto(path)
        expect(page.get_by_role("link", name="Quitter rapidement")).to_be_visible()

        leave(page)

        _assert_no_way_back(page, live_server, leave.__name__, len(EARLIER_PATHS) + 1)
    # Coming back on purpose (a typed address) shows the site again.
    page.goto("/")
    expect(page.get_by_role("link", name="Quitter rapidement")).to_be_visible()


@pytest.mark.usefixtures("neutral_site")
def test_quick_exit_stays_on_top_of_the_open_mobile_menu(page: Page, live_server):
    page.set_viewport_size(PHONE)
    page.goto(EARLIER_PATHS[0])
    page.goto("/")
    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("navigation", name="Menu principal")).to_be_visible()

    button = page.get_by_role("link", name="Quitter rapidement")
    expect(button).to_be_visible()
    # Nothing covers it: the element under its centre is the button itself.
    box = button.bounding_box()
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y)?.closest('#quitter-rapidement') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top, "the open menu covers the quick-exit button"
    # Nor does the menu's close button hide under it.
    expect(page.get_by_role("button", name="Fermer")).to_be_visible()

    button.click()

    _assert_no_way_back(page, live_server, "the button over the mobile menu", 2)
