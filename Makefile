# Kinozavod: `make run` sets everything up and serves the site; `make test` runs every test.

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
# One stamp per requirements file, so each is re-installed when its file changes.
INSTALLED := $(VENV)/.requirements-installed
DEV_INSTALLED := $(VENV)/.requirements-dev-installed
DEV_ENV := DJANGO_DEBUG=1
SEED_FIXTURES := fixtures/catalogue.json fixtures/curation.json
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/kinozavod

.PHONY: run setup install install-dev test lint test-sqlite test-postgres seed editor benchmark benchmark-import load lighthouse clean

run: setup
	@echo "Serving Kinozavod on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

setup: install .env
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py load_seed $(SEED_FIXTURES)
	$(DEV_ENV) $(BIN)/python manage.py ensure_editor

install: $(INSTALLED)

install-dev: $(DEV_INSTALLED)

$(INSTALLED): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# requirements-dev.txt includes requirements.txt: this installs both.
$(DEV_INSTALLED): requirements-dev.txt requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@ $(INSTALLED)

# This machine's own secret key, so that `manage.py` commands typed by hand work
# without DJANGO_DEBUG. Written once and never overwritten (no prerequisites), in
# two steps so that a failed write leaves no empty file behind; only its owner
# may read it. It stays out of git (.gitignore).
.env:
	umask 077 && { \
	    echo '# This machine only, written once by make setup; never commit it. Real environment variables win.'; \
	    $(PYTHON) -c 'import secrets; print("DJANGO_SECRET_KEY=" + secrets.token_urlsafe(50))'; \
	} > $@.tmp
	mv $@.tmp $@

# Reload the seed even into a catalogue with content: natural keys make this an
# update in place (seed rows get the seed's wording back), never a duplicate.
seed: install
	$(DEV_ENV) $(BIN)/python manage.py load_seed --force $(SEED_FIXTURES)

editor: install
	$(DEV_ENV) $(BIN)/python manage.py ensure_editor

test: install-dev
	scripts/ensure-chromium
	scripts/ensure-postgres
	scripts/ensure-redis
	scripts/ensure-nginx
	$(MAKE) --no-print-directory lint test-sqlite test-postgres

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test-sqlite: install-dev
	$(BIN)/pytest

# A throwaway database per run; pytest-django creates test_<name> and drops it.
test-postgres: install-dev
	DATABASE_URL=$(POSTGRES_URL)_$$$$ $(BIN)/pytest

benchmark: setup
	scripts/ensure-nginx
	scripts/ensure-wrk
	scripts/benchmark $(BENCHMARK_ARGS)

# import_fixtures beside loaddata on 10,000 generated films, SQLite and PostgreSQL
# (BENCHMARK_IMPORT_ARGS="--films 2000" for a quicker look).
benchmark-import: install
	scripts/ensure-postgres
	scripts/benchmark-import $(BENCHMARK_IMPORT_ARGS)

# Writers, an import, readers and password guessers at once (issue 7's measurements).
load: install
	scripts/load

# Lighthouse's mobile performance audit of pages with pictures (needs npm the first time).
lighthouse: install
	scripts/lighthouse-audit

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
