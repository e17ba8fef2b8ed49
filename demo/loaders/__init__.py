"""One demo loader per capability app, run in order by `manage.py load_demo`; each is
idempotent and goes through the app's services where a real user would."""
