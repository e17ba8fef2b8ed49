"""The User model: email login, profile completeness and cross-field validation."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts.constants import HEALTH_PROFESSIONS, Profession, Role
from accounts.models import User
from accounts.roles import has_role
from accounts.tests.factories import PASSWORD, IncompleteUserFactory, UserFactory, make_rpps
from accounts.validators import validate_rpps

pytestmark = pytest.mark.django_db


def test_create_user_logs_in_with_a_lowercased_email():
    user = User.objects.create_user("Camille.Martin@Exemple.FR", password=PASSWORD)

    assert User.USERNAME_FIELD == "email"
    assert user.email == "camille.martin@exemple.fr"
    assert user.check_password(PASSWORD)
    assert not user.is_staff and not user.is_superuser
    assert User.objects.get_by_natural_key("camille.martin@exemple.fr") == user


def test_create_user_without_email_is_refused():
    with pytest.raises(ValueError):
        User.objects.create_user("", password=PASSWORD)


def test_create_superuser_holds_every_role():
    user = User.objects.create_superuser("dsi@exemple.fr", password=PASSWORD)

    assert user.is_staff and user.is_superuser
    assert all(has_role(user, role) for role in Role)


def test_email_is_unique_whatever_its_case():
    User.objects.create_user("camille@exemple.fr", password=PASSWORD)

    # The manager lowercases; the database constraint catches writes that bypass it.
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="Camille@EXEMPLE.fr")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("CAMILLE@exemple.fr", password=PASSWORD)
    assert User.objects.filter(email__iexact="camille@exemple.fr").count() == 1


def test_full_clean_reports_an_email_taken_in_another_case():
    UserFactory(email="camille@exemple.fr")
    duplicate = UserFactory.build(email="Camille@Exemple.FR", password=PASSWORD)

    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "email" in excinfo.value.message_dict


def test_complete_profile_has_nothing_missing():
    user = UserFactory()

    assert user.profile_is_complete
    assert user.missing_profile_fields == []


def test_new_account_lists_every_missing_profile_field():
    user = IncompleteUserFactory(first_name="", last_name="")

    assert not user.profile_is_complete
    assert set(user.missing_profile_fields) == {
        "first_name",
        "last_name",
        "profession",
        "employer",
        "departement",
    }


@pytest.mark.parametrize("departement", ["59", "62", "974"])
def test_arrondissement_is_required_where_the_departement_has_several(departement):
    user = UserFactory(departement=departement, arrondissement="")

    assert user.missing_profile_fields == ["arrondissement"]
    assert not user.profile_is_complete


def test_arrondissement_is_optional_where_the_departement_has_only_one():
    user = UserFactory(departement="75", arrondissement="")  # Paris: one arrondissement

    assert user.profile_is_complete


def test_clean_rejects_an_arrondissement_of_another_departement():
    user = UserFactory()
    user.departement_id = "59"
    user.arrondissement_id = "627"  # Lens, Pas-de-Calais

    with pytest.raises(ValidationError) as excinfo:
        user.full_clean()
    assert list(excinfo.value.message_dict) == ["arrondissement"]


def test_clean_accepts_an_arrondissement_of_the_departement():
    user = UserFactory()
    user.departement_id = "59"
    user.arrondissement_id = "595"  # Lille

    user.full_clean()


def test_clean_rejects_an_rpps_for_a_non_health_profession():
    user = UserFactory(profession=Profession.POLICE)
    user.rpps = make_rpps()

    with pytest.raises(ValidationError) as excinfo:
        user.full_clean()
    assert list(excinfo.value.message_dict) == ["rpps"]


@pytest.mark.parametrize("profession", sorted(HEALTH_PROFESSIONS))
def test_clean_accepts_an_rpps_for_a_health_profession(profession):
    user = UserFactory(profession=profession)
    user.rpps = make_rpps()

    user.full_clean()


def test_rpps_validator_accepts_eleven_digits_with_a_valid_luhn_key():
    validate_rpps(make_rpps("1000123456"))
    validate_rpps(make_rpps("8100000000"))


def test_rpps_validator_rejects_a_wrong_luhn_key():
    valid = make_rpps("1000123456")
    wrong_key = valid[:-1] + str((int(valid[-1]) + 1) % 10)

    with pytest.raises(ValidationError) as excinfo:
        validate_rpps(wrong_key)
    assert excinfo.value.code == "rpps_key"


@pytest.mark.parametrize(
    "value",
    [
        make_rpps("1000123456")[:-1],  # 10 digits
        make_rpps("1000123456") + "0",  # 12 digits
        "1000A234567",
        " 1000123456",
        "²" * 11,  # digits for isdigit(), not for int()
        "١٠٠٠١٢٣٤٥٦٧",  # Arabic-Indic digits
    ],
)
def test_rpps_validator_rejects_anything_but_eleven_digits(value):
    with pytest.raises(ValidationError) as excinfo:
        validate_rpps(value)
    assert excinfo.value.code == "rpps_format"


def test_str_is_the_full_name_or_the_email():
    named = UserFactory(first_name="Léa", last_name="Durand")
    unnamed = IncompleteUserFactory(first_name="", last_name="")

    assert str(named) == "Léa Durand"
    assert str(unnamed) == unnamed.email
