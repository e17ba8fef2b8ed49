"""Builders of institutions, offers and requests for the placements tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.constants import InstitutionKind, Role
from accounts.models import Institution
from accounts.tests.factories import UserFactory
from placements import services
from placements.models import Offer, Slot
from territories.tests.factories import TerritoryCodes


class InstitutionFactory(TerritoryCodes, factory.django.DjangoModelFactory):
    class Meta:
        model = Institution
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Centre hospitalier n° {n}")
    kind = InstitutionKind.HOPITAL
    address = "99 route de La Bassée"
    postal_code = "62300"
    city = "Lens"
    departement = "62"
    arrondissement = "627"

    @factory.post_generation
    def managers(self, create, extracted, **kwargs):
        if create and extracted:
            self.managers.set(extracted)


def host(**fields):
    """A host manager (role HOST) with a complete profile."""
    fields.setdefault("profession", "medecin")
    fields.setdefault("employer", "Centre hospitalier de Lens")
    return UserFactory(role=Role.HOST, **fields)


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer
        skip_postgeneration_save = True

    institution = factory.SubFactory(InstitutionFactory)
    title = "Une journée aux urgences médico-judiciaires"
    description = "Accueil des victimes, examen, rédaction du certificat."
    objectives = "Comprendre le parcours de soins d'une victime."
    is_published = True


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    offer = factory.SubFactory(OfferFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    end_date = factory.LazyAttribute(lambda slot: slot.start_date + timedelta(days=1))
    seats = 2


def request_for(user, slot, **fields):
    """A pending request of `user` for `slot`, through the service."""
    data = {
        "motivation": "Mieux connaître le parcours des victimes à l'hôpital.",
        "employer_name": user.employer or "Commissariat de Lens",
        "employer_contact_name": "Commandante Durand",
        "employer_email": "chef@police.exemple.fr",
        "employer_phone": "03 21 00 00 00",
    }
    data.update(fields)
    return services.request_create(user=user, slot=slot, **data)
