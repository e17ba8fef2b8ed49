# Égide — the two commands a newcomer types:
#   make run    install everything, migrate, load the demo data, serve on http://127.0.0.1:8000
#   make test   install what the tests need, start PostgreSQL and Redis, run the whole suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-long install install-test system-libs serve bench bench-peer bench-attestations bench-indicators bench-mandatory bench-scale bench-xapi conformance lint format lock messages check-messages clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.base-installed: requirements/base.lock | $(VENV)/bin/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/base.lock
	touch $@

$(VENV)/.test-installed: requirements/test.lock $(VENV)/.base-installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/test.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	@# h5p-standalone's preinstall script fails and is not needed: its dist/ is prebuilt.
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

# Debian libraries the Python packages load at run time (WeasyPrint's Pango).
system-libs:
	@bash scripts/system-libs.sh

install: system-libs $(VENV)/.base-installed node_modules/.installed

install-test: system-libs $(VENV)/.test-installed node_modules/.installed

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_territories
	$(BIN)/python manage.py load_plans
	$(BIN)/python manage.py load_demo
	@echo ""
	@echo "Égide est servi sur http://$(HOST):$(PORT)/  (administration du contenu : /cms/)"
	@echo "Les courriels (vérification d'adresse, mot de passe oublié) s'affichent dans ce terminal."
	@echo "Double authentification des comptes autres que l'apprenante : secret affiché ci-dessus,"
	@echo "ou code du moment avec : $(BIN)/python manage.py demo_totp ddfe@egide.test"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-test
	bash scripts/test.sh

# Long acceptance suites, run by .ci/run after `make test`: the crawl of every page
# each demo role reaches, in Chromium (tests marked `long`, about 4 minutes).
test-long: install-test
	bash scripts/with-services.sh $(BIN)/pytest -p no:cacheprovider --durations=3 -m long

# The production topology (gunicorn web, Celery worker, Celery beat) from the
# Procfile; needs DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS and SITE_URL.
serve: install
	DJANGO_SETTINGS_MODULE=elearning.settings.prod $(BIN)/python manage.py collectstatic --noinput -v 0
	DJANGO_SETTINGS_MODULE=elearning.settings.prod $(BIN)/python manage.py migrate --noinput
	PATH="$(CURDIR)/$(BIN):$$PATH" DJANGO_SETTINGS_MODULE=elearning.settings.prod $(BIN)/honcho start

# Lesson pages and xAPI through gunicorn, then attestations through a Celery worker.
bench: install-test
	bash bench/run.sh
	bash bench/attestations.sh
	bash bench/indicators.sh
	bash bench/mandatory.sh
	bash bench/xapi.sh

# Égide beside wagtail-lms 0.11.1, installed in .cache/bench-peer-venv (issue 23).
bench-peer: install-test
	bash bench/peer.sh

bench-attestations: install-test
	bash bench/attestations.sh

bench-indicators: install-test
	bash bench/indicators.sh

bench-mandatory: install-test
	bash bench/mandatory.sh

bench-xapi: install-test
	bash bench/xapi.sh

bench-scale: install-test
	bash bench/scale.sh

# ADL's LRS conformance suite (xAPI 1.0.3, 1,365 tests) against /xapi/ on loopback:
# prints passed/total, fails unless all pass (scripts/conformance.sh; needs npm). Only
# the platform's own packages are needed (PostgreSQL and Redis come with services.sh).
conformance: $(VENV)/.base-installed
	bash scripts/conformance.sh

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

lock:
	$(PYTHON) scripts/lock.py

# Update the French catalogues after changing displayed strings, then compile them.
messages: install
	$(BIN)/python scripts/messages.py update

check-messages: install
	$(BIN)/python scripts/messages.py check

clean:
	rm -rf $(VENV) node_modules static_collected .pytest_cache
