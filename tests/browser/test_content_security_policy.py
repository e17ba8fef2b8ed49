"""The Content-Security-Policy holds in a real browser: script injected into a page
(what a cross-site scripting flaw would let through) does not run, and Chromium's
report of it is what the browser tests' fixture watches for."""

import pytest
from playwright.sync_api import Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_injected_script_and_handler_do_not_run(page: Page, csp_violations):
    page.goto("/accounts/login/")
    # The page's own scripts run: DSFR marks the document once it has started.
    page.wait_for_function("document.documentElement.hasAttribute('data-fr-js')")

    # What is injected, and the directive Chromium names when it refuses it.
    injections = [
        (
            "script-src",
            """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = 'script';";
            document.body.append(script);
        }""",
        ),
        (
            "script-src",  # an event handler attribute
            """() => {
            const image = document.createElement("img");
            image.setAttribute("onerror", "window.injected = 'handler'");
            image.setAttribute("src", "data:,");
            document.body.append(image);
        }""",
        ),
        (
            "style-src",  # a style attribute
            """() => {
            const styled = document.createElement("p");
            styled.setAttribute("style", "color: red");
            document.body.append(styled);
        }""",
        ),
    ]
    for directive, inject in injections:
        with page.expect_console_message(
            lambda message: "Content Security Policy" in message.text
        ) as report:
            page.evaluate(inject)
        assert directive in report.value.text

    assert page.evaluate("window.injected") is None
    csp_violations.clear()  # provoked on purpose
