"""Who speaks for a territory: the issuer, signatory and place printed on documents.

One function, issuer_for(), serves every document so they all answer the same way:
attestations (certificates.services.attestation_issue), placement conventions
(placements.rendering) and the plans' bilan (indicators.exports.bilan_pdf). The
caller chooses the territory the document speaks for; this module chooses who
speaks: the département's profile, else its région's, else the national one, else
a text built from the territory's name, so that a Lens attestation never reads
"Nord" because only the Nord filled in its settings.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from territories.models import Departement, Region
from territories.scopes import Scope

from ..models import IssuerLevel, IssuerProfile


@dataclass(frozen=True)
class Issuer:
    """What a document prints about who issues it."""

    issuer: str
    territory: str  # "Département du Nord (59)", "Région Hauts-de-France", "" (national)
    signatory_name: str = ""
    signatory_title: str = ""
    city: str = ""
    # Where the text comes from: a configured profile or the built-in default.
    configured: bool = False


def default_issuer(territory: Departement | Region | None) -> Issuer:
    """The text printed when nobody configured the territory (nor its région, nor the
    nation): the State service of that territory, without a name to sign."""
    if isinstance(territory, Departement):
        return Issuer(
            issuer=_("Délégation départementale aux droits des femmes et à l'égalité %(of)s")
            % {"of": territory.of_name()},
            territory=territory.label(),
            signatory_title=_("La déléguée départementale aux droits des femmes et à l'égalité"),
        )
    if isinstance(territory, Region):
        return Issuer(
            issuer=_("Direction régionale aux droits des femmes et à l'égalité %(of)s")
            % {"of": territory.of_name()},
            territory=territory.label(),
            signatory_title=_("La directrice régionale aux droits des femmes et à l'égalité"),
        )
    return Issuer(
        issuer=_("Service des droits des femmes et de l'égalité entre les femmes et les hommes"),
        territory="",
        signatory_title=_(
            "La cheffe du service des droits des femmes et de l'égalité entre les femmes "
            "et les hommes"
        ),
    )


def _from_profile(profile: IssuerProfile, territory: Departement | Region | None) -> Issuer:
    return Issuer(
        issuer=profile.issuer,
        territory=territory.label() if territory is not None else "",
        signatory_name=profile.signatory_name,
        signatory_title=profile.signatory_title,
        city=profile.city,
        configured=True,
    )


def issuer_for(*, departement_code: str | None = None, region_code: str | None = None) -> Issuer:
    """Return who speaks for a département (or, without one, a région; without
    either, the nation): the most local profile configured, else the default text of
    the territory asked for. Two queries at most.

    The territory printed is the one of the profile that speaks (a région's
    delegation signing for a département without its own profile prints the
    région), so the issuer and the territory printed under it always agree.
    """
    departement = region = None
    if departement_code:
        departement = (
            Departement.objects.select_related("region").filter(code=departement_code).first()
        )
        if departement is not None:
            region = departement.region
    if departement is None and region_code:
        region = Region.objects.filter(code=region_code).first()
    wanted = Q(level=IssuerLevel.NATIONAL)
    if departement is not None:
        wanted |= Q(departement_id=departement.code)
    if region is not None:
        wanted |= Q(region_id=region.code)
    profiles = {profile.level: profile for profile in IssuerProfile.objects.filter(wanted)}
    if departement is not None and IssuerLevel.DEPARTEMENT in profiles:
        return _from_profile(profiles[IssuerLevel.DEPARTEMENT], departement)
    if region is not None and IssuerLevel.REGION in profiles:
        return _from_profile(profiles[IssuerLevel.REGION], region)
    if IssuerLevel.NATIONAL in profiles:
        return _from_profile(profiles[IssuerLevel.NATIONAL], None)
    return default_issuer(departement or region)


# --- Who may edit which profile (certificates.views_issuers) ----------------------


@dataclass(frozen=True)
class IssuerRow:
    """One territory of the editing page: its current text and whether it is its own."""

    level: str
    code: str  # "" for the national profile
    name: str
    issuer: Issuer
    own: bool  # configured for this very territory (not inherited, not the default)


def may_edit(scope: Scope, level: str, code: str = "") -> bool:
    """A DDFE edits her départements, a regional delegate her régions and their
    départements, the national service and administrators everything."""
    if level == IssuerLevel.NATIONAL:
        return scope.national
    if level == IssuerLevel.REGION:
        return scope.covers_region(code)
    return scope.covers_departement(code)


def territory_in_scope(scope: Scope, level: str, code: str = ""):
    """The territory (Departement, Region or None for national) the scope may edit;
    raise LookupError for an unknown code or one outside the scope (the view's 404)."""
    if level not in IssuerLevel.values or not may_edit(scope, level, code):
        raise LookupError(code)
    if level == IssuerLevel.NATIONAL:
        if code:
            raise LookupError(code)
        return None
    model = Departement if level == IssuerLevel.DEPARTEMENT else Region
    territory = model.objects.filter(code=code, active=True).first()
    if territory is None:
        raise LookupError(code)
    return territory


def profile_of(territory) -> IssuerProfile | None:
    if isinstance(territory, Departement):
        return IssuerProfile.objects.filter(departement=territory).first()
    if isinstance(territory, Region):
        return IssuerProfile.objects.filter(region=territory).first()
    return IssuerProfile.objects.filter(level=IssuerLevel.NATIONAL).first()


def issuer_rows(scope: Scope) -> list[IssuerRow]:
    """The territories the scope may edit, national first, then régions and
    départements by code, each with the text printed today. Three queries."""
    regions = Region.objects.filter(active=True).order_by("code")
    departements = Departement.objects.filter(active=True).select_related("region")
    if not scope.national:
        regions = regions.filter(code__in=scope.regions)
        departements = departements.filter(code__in=scope.departements)
    profiles = list(IssuerProfile.objects.all())
    by_departement = {p.departement_id: p for p in profiles if p.departement_id}
    by_region = {p.region_id: p for p in profiles if p.region_id}
    national = next((p for p in profiles if p.level == IssuerLevel.NATIONAL), None)

    def fallback(territory, region=None):
        if region is not None and region.code in by_region:
            return _from_profile(by_region[region.code], region)
        if national is not None:
            return _from_profile(national, None)
        return default_issuer(territory)

    rows = []
    if scope.national:
        current = _from_profile(national, None) if national else default_issuer(None)
        rows.append(
            IssuerRow(IssuerLevel.NATIONAL, "", _("National"), current, national is not None)
        )
    for region in regions:
        profile = by_region.get(region.code)
        current = _from_profile(profile, region) if profile else fallback(region)
        rows.append(
            IssuerRow(IssuerLevel.REGION, region.code, region.label(), current, bool(profile))
        )
    for departement in departements.order_by("code"):
        profile = by_departement.get(departement.code)
        current = (
            _from_profile(profile, departement)
            if profile
            else fallback(departement, departement.region)
        )
        rows.append(
            IssuerRow(
                IssuerLevel.DEPARTEMENT,
                departement.code,
                departement.label(),
                current,
                bool(profile),
            )
        )
    return rows
