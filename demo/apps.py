from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    # Shown nowhere (the app has no models): no catalogue to keep for it.
    verbose_name = "Démonstration"
    default_auto_field = "django.db.models.BigAutoField"
