"""Builders of events and sessions for the events tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.constants import Role
from accounts.tests.factories import UserFactory
from courses.constants import Kind
from events.constants import EventKind
from events.models import Event, Session
from territories.tests.factories import TerritoryCodes


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Soirée de sensibilisation n° {n}")
    kind = EventKind.EVENING
    nature = Kind.SENSIBILISATION
    description = "Repérer, accueillir et orienter les femmes victimes de violences."
    duration_minutes = 150
    audiences = factory.LazyFunction(list)

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if create and extracted:
            for user in extracted:
                Event.organisers.through.objects.create(event=self, user=user)

    @factory.post_generation
    def modules(self, create, extracted, **kwargs):
        if create and extracted:
            for module in extracted:
                Event.follow_up_modules.through.objects.create(event=self, modulepage=module)


class SessionFactory(TerritoryCodes, factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2, minutes=30))
    place = "Faculté de médecine"
    address = "2 avenue Eugène Avinée"
    city = "Lille"
    departement = "59"
    arrondissement = "595"
    capacity = 10


def organiser(**kwargs):
    return UserFactory(role=Role.TRAINER, profession="association", **kwargs)


def health_professional(**kwargs):
    kwargs.setdefault("profession", "medecin")
    kwargs.setdefault("employer", "CHU de Lille")
    kwargs.setdefault("departement", "59")
    kwargs.setdefault("arrondissement", "595")
    return UserFactory(**kwargs)
