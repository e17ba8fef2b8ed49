"""The browser's part of an LTI launch, played by Django's test client."""

import html

from .platform import Platform


def launch(client, platform: Platform, *, user_id="moodle-42", tamper=None, **claims):
    """Run login initiation → authorisation → launch; return the launch's response.

    `tamper(form)` may change the signed form before it is posted (attacks).
    """
    login = client.get(platform.login_initiation_url(user_id=user_id))
    assert login.status_code == 302, login.content.decode()[:500]
    form = platform.authorise(login["Location"], user_id=user_id, **claims)
    if tamper:
        tamper(form)
    response = client.post(
        form["launch_url"], {"id_token": form["id_token"], "state": form["state"]}
    )
    response.launch_form = form
    return response


def text(response) -> str:
    """The page as read (entities decoded: French apostrophes are escaped)."""
    return html.unescape(response.content.decode())
