"""Resource launches from a real LTI 1.3 platform (lti1p3platform on 127.0.0.1)."""

import pytest
from django.contrib.auth import get_user_model
from lti_tool.models import LtiDeployment, LtiUser

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from courses.models import Enrolment
from lti.models import GradeTarget

from .helpers import launch, text
from .platform import Platform

pytestmark = pytest.mark.django_db
User = get_user_model()


def signed_in_user(client):
    response = client.get("/compte/profil/")
    return response.wsgi_request.user


def test_launch_signs_the_matched_person_in_and_lands_on_the_module(client, platform, module):
    person = UserFactory(email="camille.martin@interieur.gouv.fr")

    response = launch(
        client, platform, email="Camille.Martin@interieur.gouv.fr", custom={"module": module.pk}
    )

    assert response.status_code == 302
    assert response["Location"] == module.url
    assert signed_in_user(client) == person
    assert Enrolment.objects.filter(user=person, module=module).exists()
    page = client.get(module.url)
    assert page.status_code == 200
    assert module.title in text(page)
    # The platform's person is linked: the next launch finds the account without email.
    assert LtiUser.objects.get(sub="moodle-42").auth_user == person
    target = GradeTarget.objects.get(user=person, module=module)
    assert target.resource_link_id == "resource-link-1"
    assert target.ags_claim["lineitems"] == platform.url("/lineitems")


def test_unknown_email_provisions_a_learner_then_asks_for_the_profile(client, platform, module):
    response = launch(
        client,
        platform,
        email="nouvelle.personne@ch-douai.fr",
        name="Nadia Benali",
        custom={"module": module.pk},
    )

    person = User.objects.get(email="nouvelle.personne@ch-douai.fr")
    assert (person.first_name, person.last_name) == ("Nadia", "Benali")
    assert not person.has_usable_password()
    assert person.groups.filter(name="Apprenant·e").exists()
    assert response.status_code == 302
    assert response["Location"] == f"/compte/profil/?next={module.url}"
    profile = client.get(response["Location"])
    assert "Complétez votre profil" in text(profile)
    assert signed_in_user(client) == person


def test_a_linked_platform_person_comes_back_without_email(client, platform, module):
    person = UserFactory(email="camille.martin@interieur.gouv.fr")
    launch(client, platform, email="camille.martin@interieur.gouv.fr", custom={"module": module.pk})
    client.logout()

    response = launch(client, platform, email=None, custom={"module": module.pk})

    assert response["Location"] == module.url
    assert signed_in_user(client) == person


def test_privileged_account_is_not_opened_by_a_launch(client, platform, module):
    UserFactory(email="formatrice@exemple.fr", role=Role.TRAINER)

    response = launch(client, platform, email="formatrice@exemple.fr", custom={"module": module.pk})

    assert response.status_code == 403
    assert "Connectez-vous directement à Égide" in text(response)
    assert not signed_in_user(client).is_authenticated


def test_launch_without_email_is_refused_in_french(client, platform, module):
    response = launch(client, platform, email=None, custom={"module": module.pk})

    assert response.status_code == 403
    assert "n'a pas transmis votre adresse électronique" in text(response)
    assert not User.objects.exists() or not signed_in_user(client).is_authenticated


def _swap_body(form, **changes):
    import base64
    import json

    header, body, signature = form["id_token"].split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims.update(changes)
    new_body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    form["id_token"] = f"{header}.{new_body}.{signature}"


def test_bad_signature_is_refused(client, platform, module):
    UserFactory(email="victime.usurpee@exemple.fr")

    response = launch(
        client,
        platform,
        email="camille@exemple.fr",
        custom={"module": module.pk},
        tamper=lambda form: _swap_body(form, email="victime.usurpee@exemple.fr"),
    )

    assert response.status_code == 403
    assert "La signature du lancement n'a pas pu être vérifiée" in text(response)
    assert not signed_in_user(client).is_authenticated
    assert not LtiUser.objects.exists()


def test_token_signed_by_another_key_is_refused(client, platform, module):
    impostor = Platform()
    try:
        # Same issuer and client, but the impostor's key: the issuer's key set says no.
        impostor.registration.set_iss(platform.issuer)

        login = client.get(platform.login_initiation_url(user_id="moodle-42"))
        form = impostor.authorise(
            login["Location"].replace(platform.url(""), impostor.url("")),
            user_id="moodle-42",
            email="camille@exemple.fr",
            custom={"module": module.pk},
        )
        response = client.post(
            form["launch_url"], {"id_token": form["id_token"], "state": form["state"]}
        )
    finally:
        impostor.close()

    assert response.status_code == 403
    assert "signature" in text(response)
    assert not signed_in_user(client).is_authenticated


def test_replayed_launch_is_refused(client, platform, module):
    UserFactory(email="camille@exemple.fr")
    first = launch(client, platform, email="camille@exemple.fr", custom={"module": module.pk})
    assert first.status_code == 302
    client.logout()

    form = first.launch_form
    replay = client.post(form["launch_url"], {"id_token": form["id_token"], "state": form["state"]})

    assert replay.status_code == 403
    assert "Ce lancement a déjà été utilisé" in text(replay)
    assert not signed_in_user(client).is_authenticated


def test_unknown_deployment_is_refused_and_shown_for_activation(client, platform, module):
    UserFactory(email="camille@exemple.fr")
    platform.registration.set_deployment_id("deployment-inconnu")

    response = launch(client, platform, email="camille@exemple.fr", custom={"module": module.pk})

    assert response.status_code == 403
    assert "déploiement de la plateforme n'est pas activé" in text(response)
    assert not signed_in_user(client).is_authenticated
    seen = LtiDeployment.objects.get(deployment_id="deployment-inconnu")
    assert not seen.is_active


def test_unknown_issuer_is_refused_at_login(client, platform, module):
    platform.registration.set_iss("https://moodle.inconnu.example")

    response = client.get(platform.login_initiation_url(user_id="moodle-42"))

    assert response.status_code == 403
    assert "n'est pas enregistrée dans Égide" in text(response)


def test_inactive_registration_is_refused(client, platform, module):
    UserFactory(email="camille@exemple.fr")
    login = client.get(platform.login_initiation_url(user_id="moodle-42"))
    form = platform.authorise(login["Location"], user_id="moodle-42", email="camille@exemple.fr")
    platform.db_registration.is_active = False
    platform.db_registration.save()

    response = client.post(
        form["launch_url"], {"id_token": form["id_token"], "state": form["state"]}
    )

    assert response.status_code == 403
    assert "n'est pas enregistrée dans Égide" in text(response)


def test_launch_from_another_browser_is_refused(client, platform, module):
    login = client.get(platform.login_initiation_url(user_id="moodle-42"))
    form = platform.authorise(login["Location"], user_id="moodle-42", email="camille@exemple.fr")
    client.cookies.clear()  # the state cookie stayed in the first browser

    response = client.post(
        form["launch_url"], {"id_token": form["id_token"], "state": form["state"]}
    )

    assert response.status_code == 403
    assert "ouvert dans un autre navigateur" in text(response)


@pytest.mark.parametrize(
    "data", [{}, {"id_token": "abc", "state": "x"}, {"id_token": "a.b.c", "state": ""}]
)
def test_garbage_is_refused_without_error(client, db, data):
    response = client.post("/lti/lancement/", data)

    assert response.status_code in (400, 403)
    assert "Lancement refusé" in text(response)


def test_launch_is_post_only(client, db):
    assert client.get("/lti/lancement/").status_code == 405


def test_what_platforms_said_is_exported_then_erased_with_the_account(client, platform, module):
    from accounts.services import user_anonymise

    person = UserFactory(email="camille@exemple.fr")
    launch(client, platform, email="camille@exemple.fr", custom={"module": module.pk})

    export = client.get("/compte/mes-donnees/").json()["plateformes_lti"]

    assert export[0]["plateforme"] == "Moodle de test"
    assert export[0]["identifiant_sur_la_plateforme"] == "moodle-42"
    assert export[0]["modules_lances"][0]["module"] == module.title
    user_anonymise(user=person)
    assert not LtiUser.objects.exists() and not GradeTarget.objects.exists()


def test_deep_link_picker_queries_do_not_grow_with_modules(client, platform, module):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from courses.tests import factories as course_factories

    from .platform import INSTRUCTOR

    def picker_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = launch(
                client, platform, email="prof@exemple.fr", roles=(INSTRUCTOR,), deep_link=True
            )
        assert response.status_code == 200
        return len(queries)

    picker_queries()  # the first launch creates the platform's person and course
    one = picker_queries()
    for number in range(4):
        course_factories.module(title=f"Module {number}", lessons=0)
    picker_queries()  # publishing emptied the page cache (site, routes): filled again here
    assert picker_queries() == one


def test_an_invalid_email_is_refused(client, platform, module):
    response = launch(client, platform, email="pas-une-adresse", custom={"module": module.pk})

    assert response.status_code == 403
    assert "n'est pas valide" in text(response)
    assert not User.objects.filter(email="pas-une-adresse").exists()
