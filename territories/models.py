"""Régions, départements and arrondissements of the INSEE Code officiel géographique.

Their INSEE code is their primary key ("32", "59", "595"): foreign keys hold the
code itself, so the tables that count people (indicators.Participation) filter
on it without a join, and the code read in SQL is the one every State service uses.
Rows are loaded from territories/data/cog-YEAR.json (services.territories_load),
never typed in: an arrondissement that leaves the COG is kept, marked inactive,
so the participations that point to it keep their history.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# INSEE's TNCC ("type de nom en clair"): which article the name takes. Index:
# TNCC value; item: (article, "of" form), e.g. 2 → "le Nord", "du Nord".
ARTICLES = {
    0: ("", "de "),
    1: ("", "d'"),
    2: ("le ", "du "),
    3: ("la ", "de la "),
    4: ("les ", "des "),
    5: ("l'", "de l'"),
    6: ("aux ", "des "),
    7: ("las ", "de las "),
    8: ("los ", "de los "),
}


class Territory(models.Model):
    code = models.CharField(_("code INSEE"), max_length=5, primary_key=True)
    name = models.CharField(_("nom"), max_length=100)
    # INSEE's TNCC, see ARTICLES.
    article = models.PositiveSmallIntegerField(_("article (TNCC)"), default=0)
    active = models.BooleanField(_("en vigueur"), default=True)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"

    def of_name(self) -> str:
        """The name after "de": "du Nord", "de la Somme", "de l'Ain", "de Paris"."""
        return ARTICLES.get(self.article, ARTICLES[0])[1] + self.name


class Region(Territory):
    class Meta(Territory.Meta):
        verbose_name = _("région")
        verbose_name_plural = _("régions")

    def label(self) -> str:
        return _("Région %(name)s") % {"name": self.name}


class Departement(Territory):
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="departements", verbose_name=_("région")
    )

    class Meta(Territory.Meta):
        verbose_name = _("département")
        verbose_name_plural = _("départements")

    def label(self) -> str:
        """ "Département du Nord (59)", as printed on reports and attestations."""
        return _("Département %(of_name)s (%(code)s)") % {
            "of_name": self.of_name(),
            "code": self.code,
        }


class Arrondissement(Territory):
    departement = models.ForeignKey(
        Departement,
        on_delete=models.PROTECT,
        related_name="arrondissements",
        verbose_name=_("département"),
    )

    class Meta(Territory.Meta):
        verbose_name = _("arrondissement")
        verbose_name_plural = _("arrondissements")

    def __str__(self) -> str:
        return self.name

    def label(self) -> str:
        return _("Arrondissement %(of_name)s") % {"of_name": self.of_name()}
