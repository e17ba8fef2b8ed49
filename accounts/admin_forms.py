"""Forms of the Wagtail admin for accounts' models."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.users import forms as wagtail_user_forms

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


class DelegationsMixin:
    """The territories a delegate answers for, on the Wagtail user forms.

    Administrators set them with the role: a DDFE must follow at least one
    département and a regional delegate at least one région, or the form is refused.
    Why enforce it: without a territory the delegate's pages are all empty with no
    word of why (accounts.selectors.territory_scope gives her nothing), and the
    person who can fix it is the administrator filling in this very form.
    """

    delegation_fields = ("delegated_departements", "delegated_regions")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegated_departements"].help_text = _(
            "Pour un·e référent·e DDFE : les départements dont elle ou il voit les plans, "
            "les chiffres, les imports et les formations obligatoires. Au moins un."
        )
        self.fields["delegated_regions"].help_text = _(
            "Pour un·e délégué·e régional·e : les régions suivies, avec tous leurs "
            "départements et la synthèse régionale. Au moins une."
        )
        self.fields["delegated_departements"].queryset = self.fields[
            "delegated_departements"
        ].queryset.order_by("code")

    def clean(self):
        data = super().clean()
        names = {group.name for group in data.get("groups") or []}
        if ROLE_GROUP_NAMES[Role.DDFE] in names and not data.get("delegated_departements"):
            self.add_error(
                "delegated_departements",
                _("Un·e référent·e DDFE suit au moins un département : choisissez-le."),
            )
        if ROLE_GROUP_NAMES[Role.REGIONAL] in names and not data.get("delegated_regions"):
            self.add_error(
                "delegated_regions",
                _("Un·e délégué·e régional·e suit au moins une région : choisissez-la."),
            )
        return data


def _delegation_widgets() -> dict:
    return {name: forms.CheckboxSelectMultiple for name in DelegationsMixin.delegation_fields}


class UserCreationForm(DelegationsMixin, wagtail_user_forms.UserCreationForm):
    class Meta(wagtail_user_forms.UserCreationForm.Meta):
        fields = wagtail_user_forms.UserCreationForm.Meta.fields | set(
            DelegationsMixin.delegation_fields
        )
        widgets = {**wagtail_user_forms.UserCreationForm.Meta.widgets, **_delegation_widgets()}


class UserEditForm(DelegationsMixin, wagtail_user_forms.UserEditForm):
    class Meta(wagtail_user_forms.UserEditForm.Meta):
        fields = wagtail_user_forms.UserEditForm.Meta.fields | set(
            DelegationsMixin.delegation_fields
        )
        widgets = {**wagtail_user_forms.UserEditForm.Meta.widgets, **_delegation_widgets()}
