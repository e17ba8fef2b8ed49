"""Replace Wagtail's placeholder root page with Égide's home page."""

from django.db import migrations

INTRO = (
    "Une plateforme de l'État pour former les professionnel·les qui accueillent "
    "les femmes victimes de violences : forces de l'ordre, soignant·es, "
    "travailleur·ses sociaux·ales, magistrat·es, élu·es et associations."
)


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("core", "HomePage")

    if HomePage.objects.exists():
        return
    # The page Wagtail's own migration created ("Welcome to your new Wagtail site!").
    Page.objects.filter(depth=2, slug="home").delete()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="core")
    home = HomePage.objects.create(
        title="Se former pour mieux protéger",
        draft_title="Se former pour mieux protéger",
        slug="accueil",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/accueil/",
        intro=INTRO,
        locale_id=Page.objects.get(depth=1).locale_id,
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Égide"},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("core", "HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
