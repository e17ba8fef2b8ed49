import datetime

from django.utils import timezone
from django.utils.translation import override

from core.templatetags.french import day_month, long_date, of_place


def test_first_of_the_month_is_an_ordinal():
    with override("fr"):
        assert long_date(datetime.date(2026, 1, 1)) == "1er janvier 2026"
        assert long_date(datetime.date(2026, 1, 2)) == "2 janvier 2026"
        assert day_month(datetime.date(2026, 3, 1)) == "1er mars"
        assert long_date(datetime.date(2026, 10, 1), True) == "jeudi 1er octobre 2026"


def test_an_aware_datetime_is_read_in_local_time():
    # 23:30 UTC on 31 December is already 1 January in Paris.
    moment = datetime.datetime(2025, 12, 31, 23, 30, tzinfo=datetime.UTC)
    with override("fr"), timezone.override("Europe/Paris"):
        assert long_date(moment) == "1er janvier 2026"


def test_de_is_elided_before_a_vowel():
    assert of_place("Arras") == "d'Arras"
    assert of_place("Lens") == "de Lens"
    assert of_place("Étaples") == "d'Étaples"
    assert of_place("Hazebrouck") == "de Hazebrouck"
