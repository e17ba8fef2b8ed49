"""Roll-ups by territory (/indicateurs/synthese/): distinct people trained in a
département, a région or the whole country, for the delegates whose scope covers it.

Access: the territory roles (DDFE, regional delegate, national service,
administrators), then the scope (accounts.selectors.territory_scope): a territory
outside it is answered 404, as if it did not exist.
"""

from datetime import date

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from accounts.constants import TERRITORY_ROLES
from accounts.roles import role_required
from accounts.selectors import territory_scope
from core.spreadsheets import Sheet, spreadsheet_response

from . import selectors
from .constants import ROLLUP_RULE, TERRITORY_RULE, Provenance
from .labels import month_label
from .models import Plan
from .scoping import scope_covers, scope_territories

FIRST_YEAR = 2019


class RollupForm(forms.Form):
    """The territory and period: a calendar year (this one by default) or dates."""

    territoire = forms.ChoiceField(label=gettext_lazy("Territoire"), required=False)
    year = forms.TypedChoiceField(
        label=gettext_lazy("Année"), coerce=int, required=False, empty_value=None
    )
    start = forms.DateField(
        label=gettext_lazy("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=gettext_lazy("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, territories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territoire"].choices = territories
        this_year = timezone.localdate().year
        self.fields["year"].choices = [("", _("Dates ci-dessous"))] + [
            (year, str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("La date de fin précède la date de début."))
        return data

    def period(self) -> tuple[date, date]:
        """Dates if both given, else the year chosen, else this calendar year."""
        year = timezone.localdate().year
        if self.is_bound and self.is_valid():
            data = self.cleaned_data
            if data.get("start") and data.get("end") and not data.get("year"):
                return data["start"], data["end"]
            year = data.get("year") or year
        return date(year, 1, 1), date(year, 12, 31)


def _lines(by: str, lines, percent_of: int | None = None) -> dict:
    """A breakdown as the chart table of indicators/includes/chart_table.html."""
    top = max((line.count for line in lines), default=0)
    return {
        "by": by,
        "rows": [
            {
                "label": month_label(line.label) if by == "month" else line.label,
                "count": line.count,
                "percent": round(100 * line.count / top) if top else 0,
            }
            for line in lines
        ],
    }


def _visible_plans(scope, result) -> list[Plan]:
    """The plans of the territory shown that the user may open, each with how many of
    its indicators the plan writes and how many the platform proposes (one query)."""
    from django.db.models import Count, Q

    from territories.selectors import region_departement_codes

    plans = (
        Plan.objects.select_related("departement", "region")
        .annotate(
            indicators_from_plan=Count(
                "indicators", filter=Q(indicators__provenance=Provenance.PLAN)
            ),
            indicators_proposed=Count(
                "indicators", filter=Q(indicators__provenance=Provenance.PROPOSED)
            ),
        )
        .order_by("departement", "code")
    )
    if result.level == "departement":
        plans = plans.filter(departement_id=result.code)
    elif result.level == "region":
        plans = plans.filter(
            Q(departement_id__in=region_departement_codes(result.code)) | Q(region_id=result.code)
        )
    if not scope.national:
        plans = plans.filter(
            Q(departement_id__in=scope.departements) | Q(region_id__in=scope.regions)
        )
    return list(plans)


@role_required(*TERRITORY_ROLES)
@require_GET
def rollup(request):
    scope = territory_scope(request.user)
    if scope.empty:
        raise PermissionDenied
    territories = scope_territories(scope)
    key = request.GET.get("territoire") or territories[0][0]
    parsed = selectors.parse_territory_key(key)
    if parsed is None or not scope_covers(scope, *parsed):
        raise Http404
    level, code = parsed
    if key.upper() not in {choice for choice, _label in territories}:
        raise Http404  # an unknown code within a national scope
    form = RollupForm(request.GET or None, territories=territories, initial={"territoire": key})
    start, end = form.period()
    result = selectors.territory_rollup(level=level, code=code, start=start, end=end)
    export = request.GET.get("format")
    if export in {"csv", "xlsx"}:
        return _export(result, export)
    charts = []
    if result.level == "national":
        charts.append(dict(_lines("region", result.parts), title=_("Par région")))
    if result.departements:
        charts.append(dict(_lines("departement", result.departements), title=_("Par département")))
    charts += [
        dict(_lines("profession", result.by_profession), title=_("Par public")),
        dict(_lines("month", result.by_month), title=_("Mois par mois")),
        dict(_lines("channel", result.by_channel), title=_("Par modalité")),
    ]
    query = {"territoire": result.key, "start": start.isoformat(), "end": end.isoformat()}
    return render(
        request,
        "indicators/rollup.html",
        {
            "form": form,
            "result": result,
            "charts": charts,
            "plans": _visible_plans(scope, result),
            "rollup_rule": ROLLUP_RULE,
            "territory_rule": TERRITORY_RULE,
            "query": "&".join(f"{name}={value}" for name, value in query.items()),
        },
    )


def export_rows(result) -> list[list]:
    """The roll-up as lines (breakdown, group, people): what CSV, XLSX and tests read."""
    rows = [[_("Total (personnes distinctes)"), result.label, result.total]]
    sections = [
        (_("Région"), result.parts if result.level == "national" else []),
        (_("Département"), result.departements),
        (_("Public"), result.by_profession),
        (_("Mois"), result.by_month),
        (_("Modalité"), result.by_channel),
    ]
    for title, lines in sections:
        rows += [[title, line.label, line.count] for line in lines]
    if result.parts_differ:
        rows.append([_("Somme des parties (non dédoublonnée)"), "", result.parts_sum])
    return rows


def _export(result, export: str):
    header = [_("Ventilation"), _("Groupe"), _("Personnes")]
    # The counting rule under the header: a figure read alone is misread.
    rows = [[str(ROLLUP_RULE), "", ""], *export_rows(result)]
    filename = f"synthese-{result.key}-{result.start:%Y%m%d}-{result.end:%Y%m%d}"
    return spreadsheet_response(export, filename, [Sheet(result.key, header, rows)])
