"""The system check that keeps every snippet chooser behind its permission policy."""

from types import SimpleNamespace

from wagtail.snippets.views.chooser import SnippetChooserViewSet

from core.checks import snippet_choosers_check_permissions


def test_every_registered_snippet_uses_the_checked_chooser():
    assert snippet_choosers_check_permissions(None) == []


def test_a_snippet_registered_with_wagtails_own_viewset_is_refused(monkeypatch):
    from courses.models import Topic

    bare = SimpleNamespace(chooser_viewset_class=SnippetChooserViewSet)
    monkeypatch.setattr(Topic, "snippet_viewset", bare)
    errors = snippet_choosers_check_permissions(None)
    assert [error.id for error in errors] == ["core.E001"]
    assert "courses.Topic" in errors[0].msg
