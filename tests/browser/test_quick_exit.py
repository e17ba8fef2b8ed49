"""The "Quitter rapidement" button leaves at once for a neutral site and leaves no trace
in the history: the Back button must not bring the page back."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEUTRAL_URL = "https://meteofrance.com/"
NEUTRAL_PAGE = "<html><head><title>Météo</title></head><body>neutre</body></html>"
# A page visited before, so going back has somewhere to go.
PREVIOUS_PATH = "/mentions-legales/"


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


@pytest.mark.usefixtures("neutral_site")
@pytest.mark.parametrize("path", ["/", "/accounts/login/"], ids=["accueil", "connexion"])
def test_quick_exit_replaces_the_page_with_a_neutral_site(page: Page, live_server, path):
    page.goto(PREVIOUS_PATH)
    for leave in (_click_button, _press_escape_twice):
        page.goto(path)
        expect(page.get_by_role("link", name="Quitter rapidement")).to_be_visible()

        leave(page)

        expect(page, f"{leave.__name__} on {path}").to_have_url(NEUTRAL_URL)
        expect(page.locator("body")).to_have_text("neutre")
        page.go_back()
        # The page the person left was replaced, not stacked: Back skips it.
        expect(page, f"Back after {leave.__name__} on {path}").to_have_url(
            f"{live_server.url}{PREVIOUS_PATH}"
        )
