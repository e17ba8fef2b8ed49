"""Reads about people. Aggregates only leave this module without identities."""

from django.db.models import Count, QuerySet

from territories.scopes import NATIONAL, NOBODY, Scope

from .constants import ROLE_GROUP_NAMES, Profession, Role
from .models import Institution, User
from .privacy import exporters
from .roles import user_roles

_SCOPE_ATTR = "_egide_territory_scope"


def territory_scope(user) -> Scope:
    """The territories whose figures `user` may read (cached on the user for the request).

    - administrators and the national service: the whole country;
    - a regional delegate: her régions and all their départements;
    - a DDFE: her départements;
    - anyone else: nothing.
    Roles add up: a DDFE who is also a regional delegate sees both.
    """
    cached = getattr(user, _SCOPE_ATTR, None)
    if cached is not None:
        return cached
    roles = user_roles(user)
    if roles & {Role.ADMIN, Role.NATIONAL}:
        scope = NATIONAL
    elif roles & {Role.DDFE, Role.REGIONAL}:
        from territories.selectors import departements_by_region

        regions = (
            frozenset(user.delegated_regions.values_list("code", flat=True))
            if Role.REGIONAL in roles
            else frozenset()
        )
        departements = (
            set(user.delegated_departements.values_list("code", flat=True))
            if Role.DDFE in roles
            else set()
        )
        by_region = departements_by_region()
        for region in regions:
            departements.update(by_region.get(region, []))
        scope = Scope(regions=regions, departements=frozenset(departements))
    else:
        scope = NOBODY
    if getattr(user, "is_authenticated", False):
        setattr(user, _SCOPE_ATTR, scope)
    return scope


def active_people() -> QuerySet[User]:
    """Return accounts of people who can train: active and not anonymised."""
    return User.objects.filter(is_active=True, anonymised_at__isnull=True)


def people_in_scope(scope: Scope) -> QuerySet[User]:
    """Active people working in the scope's territories."""
    codes = scope.departement_codes()
    people = active_people()
    return people if codes is None else people.filter(departement_id__in=codes)


def people_count_by_profession(scope: Scope = NATIONAL) -> list[dict]:
    """Return [{"profession", "label", "count"}] over active accounts, largest first."""
    labels = dict(Profession.choices)
    rows = (
        people_in_scope(scope)
        .exclude(profession="")
        .values("profession")
        .annotate(count=Count("id"))
        .order_by("-count", "profession")
    )
    return [{**row, "label": labels.get(row["profession"], row["profession"])} for row in rows]


def people_count_by_arrondissement(scope: Scope = NATIONAL) -> list[dict]:
    """Return [{"arrondissement", "label", "count"}] over active accounts that gave one."""
    rows = (
        people_in_scope(scope)
        .exclude(arrondissement=None)
        .values("arrondissement", "arrondissement__name")
        .annotate(count=Count("id"))
        .order_by("arrondissement")
    )
    return [
        {
            "arrondissement": row["arrondissement"],
            "label": row["arrondissement__name"],
            "count": row["count"],
        }
        for row in rows
    ]


def users_with_role(role: Role) -> QuerySet[User]:
    return User.objects.filter(groups__name=ROLE_GROUP_NAMES[role])


def user_personal_data(user: User) -> dict:
    """Return everything Égide stores about `user`, for the RGPD export."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.socialaccount.models import SocialAccount

    data = {
        "profil": {
            "adresse_electronique": user.email,
            "prenom": user.first_name,
            "nom": user.last_name,
            "profession": user.get_profession_display() if user.profession else "",
            "employeur": user.employer,
            "structure": user.institution.name if user.institution_id else "",
            "departement": str(user.departement) if user.departement_id else "",
            "arrondissement": user.arrondissement.name if user.arrondissement_id else "",
            "rpps": user.rpps,
            "inscrit_le": user.date_joined.isoformat(),
            "derniere_connexion": user.last_login.isoformat() if user.last_login else None,
        },
        "roles": sorted(user.groups.values_list("name", flat=True)),
        # A delegate's territories are data about her too (what she may see).
        "territoires_suivis": [
            *(d.label() for d in user.delegated_departements.order_by("code")),
            *(r.label() for r in user.delegated_regions.order_by("code")),
        ],
        "adresses_electroniques": [
            {"adresse": e.email, "verifiee": e.verified, "principale": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "comptes_externes": [
            {"fournisseur": s.provider, "identifiant": s.uid, "cree_le": s.date_joined.isoformat()}
            for s in SocialAccount.objects.filter(user=user).order_by("provider")
        ],
        # What a person enrolled and when, never a secret, key or recovery code.
        "double_authentification": [
            {
                "type": str(a.get_type_display()),
                "nom": a.data.get("name", "") if a.type == Authenticator.Type.WEBAUTHN else "",
                "cree_le": a.created_at.isoformat(),
                "derniere_utilisation": a.last_used_at.isoformat() if a.last_used_at else None,
            }
            for a in Authenticator.objects.filter(user=user).order_by("created_at", "pk")
        ],
    }
    for key, exporter in sorted(exporters().items()):
        data[key] = exporter(user)
    return data


def institutions_managed_by(user) -> QuerySet:
    """Return the institutions the user manages (none for anonymous visitors)."""
    if not getattr(user, "is_authenticated", False):
        return Institution.objects.none()
    return Institution.objects.filter(managers=user)


def is_institution_manager(*, user, institution_id: int) -> bool:
    """Return True when the user is one of the institution's managers."""
    return institutions_managed_by(user).filter(pk=institution_id).exists()
