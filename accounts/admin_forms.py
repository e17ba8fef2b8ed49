"""Forms of the Wagtail admin for accounts' models."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .constants import ROLE_GROUP_NAMES, Role
from .models import User

# Who may manage an institution: its hosts (placements) and unit managers
# (mandatory training). Everyone else is one of tens of thousands of learners.
MANAGER_ROLES = (Role.HOST, Role.UNIT_MANAGER)


class ManagerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return f"{user.get_full_name() or user.email} — {user.email}"


class InstitutionForm(WagtailAdminModelForm):
    """Offers as managers only the accounts holding a manager's role.

    A plain multi-select of every account would list the whole platform (50,000
    learners in the benchmark): slow to render and impossible to use. A manager
    already attached keeps their box even if their role was removed since, so
    saving never drops them silently.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        attached = self.instance.managers.all() if self.instance.pk else User.objects.none()
        self.fields["managers"] = ManagerChoiceField(
            label=_("Responsables"),
            queryset=User.objects.filter(
                Q(groups__name__in=[ROLE_GROUP_NAMES[role] for role in MANAGER_ROLES])
                | Q(pk__in=attached.values("pk"))
            )
            .distinct()
            .order_by("last_name", "first_name", "email"),
            widget=forms.CheckboxSelectMultiple,
            required=False,
            help_text=_(
                "Comptes qui gèrent les offres et les demandes de cette structure, ou suivent "
                "la formation obligatoire de ses agents. Seuls les comptes ayant le rôle "
                "« Structure d'accueil » ou « Responsable d'unité » sont proposés : donnez "
                "d'abord ce rôle au compte."
            ),
        )
