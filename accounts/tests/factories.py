import factory
from allauth.account.models import EmailAddress

from accounts import services
from accounts.constants import Profession, Role
from accounts.models import User

PASSWORD = "mot-de-passe-solide-2026"


class UserFactory(factory.django.DjangoModelFactory):
    """A verified learner with a complete profile (Pas-de-Calais, Lens)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.fr")
    first_name = "Camille"
    last_name = factory.Sequence(lambda n: f"Martin{n}")
    profession = Profession.POLICE
    employer = "Commissariat de Lens"
    departement = "62"
    arrondissement = "62-lens"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create:
            services.user_assign_role(user=self, role=Role.LEARNER)
            if extracted:
                services.user_assign_role(user=self, role=extracted)


class IncompleteUserFactory(UserFactory):
    """A freshly signed-up person who has not filled in the profile yet."""

    profession = ""
    employer = ""
    departement = ""
    arrondissement = ""
