"""The convention and the attestation of a placement speak for the host's territory."""

import pytest

from accounts.tests.factories import UserFactory
from certificates import services as certificate_services
from certificates.models import Attestation
from certificates.tests.factories import pdf_text
from placements import services
from territories.models import Departement

from .factories import InstitutionFactory, OfferFactory, SlotFactory, host, request_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def lille_slot():
    manager = host(email="accueil@chu-lille.exemple.fr")
    institution = InstitutionFactory(
        name="CHU de Lille",
        city="Lille",
        postal_code="59000",
        departement="59",
        arrondissement="595",
        managers=[manager],
    )
    offer = OfferFactory(institution=institution, title="Unité médico-judiciaire")
    return SlotFactory(offer=offer, seats=2), manager


def test_a_lens_gendarme_hosted_in_lille_gets_a_nord_convention_and_attestation(lille_slot):
    slot, manager = lille_slot
    for code, name, signatory in [
        ("59", "DDFE du <i>Nord</i>", "Claire Nordin"),
        ("62", "DDFE du Pas-de-Calais", "Sophie Calais"),
    ]:
        certificate_services.issuer_profile_save(
            by=None,
            territory=Departement.objects.get(code=code),
            issuer=name,
            signatory_title="La déléguée départementale",
            signatory_name=signatory,
            city="Lille" if code == "59" else "Arras",
        )
    gendarme = UserFactory(employer="Brigade de Lens")  # Pas-de-Calais (62)

    placement = services.request_accept(request_id=request_for(gendarme, slot).pk, by=manager)

    text = " ".join(pdf_text(placement.convention.read()).split())
    assert "DDFE du <i>Nord</i>" in text  # printed as typed
    assert "Département du Nord (59)" in text
    assert "Convention établie à Lille le" in text
    assert "Claire Nordin" in text
    assert "Sophie Calais" not in text and "Pas-de-Calais" not in text

    services.request_confirm(request_id=placement.pk, by=gendarme)
    services.request_confirm(request_id=placement.pk, by=manager)
    services.request_complete(request_id=placement.pk, by=manager, today=slot.end_date)
    attestation = Attestation.objects.get(user=gendarme)
    assert attestation.issuer == "DDFE du <i>Nord</i>"
    assert attestation.signatory_name == "Claire Nordin"
    assert attestation.issued_in == "Lille"
