"""Writes about people: profile update, roles, anonymisation."""

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.core.exceptions import ValidationError

from accounts import services
from accounts.constants import ROLE_GROUP_NAMES, Profession, Role
from accounts.models import User
from accounts.roles import has_role
from accounts.tests.factories import PASSWORD, IncompleteUserFactory, UserFactory, make_rpps

pytestmark = pytest.mark.django_db


def test_profile_update_saves_stripped_values():
    user = IncompleteUserFactory()

    services.user_profile_update(
        user=user,
        profession=Profession.MEDECIN,
        employer="  CH de Douai ",
        departement="59",
        arrondissement="593",
        rpps=make_rpps(),
    )

    user.refresh_from_db()
    assert user.employer == "CH de Douai"
    assert (user.profession, user.departement_id, user.arrondissement_id) == (
        Profession.MEDECIN,
        "59",
        "593",
    )
    assert user.rpps == make_rpps()
    assert user.profile_is_complete


def test_profile_update_refuses_fields_outside_the_profile():
    user = UserFactory()

    with pytest.raises(ValueError):
        services.user_profile_update(user=user, employer="Mairie", is_staff=True)

    user.refresh_from_db()
    assert not user.is_staff
    assert user.employer != "Mairie"


def test_profile_update_validates_before_saving():
    user = UserFactory(profession=Profession.POLICE)
    employer = user.employer

    with pytest.raises(ValidationError):
        services.user_profile_update(user=user, employer="Mairie", rpps=make_rpps())

    stored = User.objects.get(pk=user.pk)
    assert (stored.employer, stored.rpps) == (employer, "")


def test_signed_up_person_becomes_a_learner():
    user = IncompleteUserFactory.build(email="nouvelle@exemple.fr")
    user.save()

    services.user_signed_up(user=user)

    assert list(user.groups.values_list("name", flat=True)) == [ROLE_GROUP_NAMES[Role.LEARNER]]


def test_assign_and_remove_role_take_effect_on_the_same_user_object():
    user = UserFactory()
    assert not has_role(user, Role.TRAINER)  # caches the group names on the object

    services.user_assign_role(user=user, role=Role.TRAINER)
    assert has_role(user, Role.TRAINER)

    services.user_remove_role(user=user, role=Role.TRAINER)
    assert not has_role(user, Role.TRAINER)
    assert has_role(user, Role.LEARNER)


def test_anonymise_erases_identity_and_keeps_statistics():
    user = UserFactory(
        first_name="Léa",
        last_name="Durand",
        profession=Profession.SAGE_FEMME,
        employer="CH de Douai",
        departement="59",
        arrondissement="593",
        rpps=make_rpps(),
        role=Role.TRAINER,
    )
    SocialAccount.objects.create(user=user, provider="proconnect", uid="pc-123")
    joined = user.date_joined
    email = user.email

    services.user_anonymise(user=user)

    user = User.objects.get(pk=user.pk)
    assert email not in user.email
    assert (user.first_name, user.last_name, user.employer, user.rpps) == ("", "", "", "")
    assert (user.profession, user.departement_id, user.arrondissement_id) == (
        Profession.SAGE_FEMME,
        "59",
        "593",
    )
    assert user.date_joined == joined
    assert user.anonymised_at is not None
    assert not user.is_active
    assert not user.has_usable_password()
    assert not user.check_password(PASSWORD)
    assert not user.groups.exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(email=email).exists()
    assert not SocialAccount.objects.filter(user=user).exists()


def test_anonymise_removes_admin_rights():
    user = UserFactory(is_staff=True, is_superuser=True)

    services.user_anonymise(user=user)

    user.refresh_from_db()
    assert not user.is_staff and not user.is_superuser
    assert not has_role(user, Role.ADMIN)


def test_anonymised_email_frees_the_address_for_a_new_account():
    user = UserFactory(email="lea@exemple.fr")

    services.user_anonymise(user=user)
    UserFactory(email="lea@exemple.fr")

    assert User.objects.filter(email="lea@exemple.fr").count() == 1
