# Tribune: `make run` serves the demo site, `make test` runs the whole suite.
# Needs only make and Python 3.11 or newer; everything else is installed into .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
export DJANGO_SETTINGS_MODULE ?= tribune.settings.dev

.PHONY: run test lint check-python install install-dev translations e2e-deps clean

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null || { \
	  echo "Tribune needs Python 3.11 or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo missing)."; \
	  echo "Install a newer Python and run: make PYTHON=python3.12 $(MAKECMDGOALS)"; exit 1; }

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs are stamped so that a second `make run` starts at once; a changed lock reinstalls.
$(VENV)/.installed: requirements/base.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/base.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.installed-dev: requirements/dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

translations: $(VENV)/.installed
	$(BIN)/python manage.py compile_translations

run: install translations
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	@echo "Tribune at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, editor / tribune-editor)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The browser tests need axe-core from npm; without npm they are skipped and say so.
e2e-deps:
	@if command -v npm >/dev/null 2>&1; then \
	  [ -d e2e/node_modules/axe-core ] || npm ci --prefix e2e --no-audit --no-fund --silent; \
	else echo "npm not found: browser tests will be skipped"; fi

lint: install-dev
	$(BIN)/ruff check .

test: install-dev e2e-deps
	DJANGO_SETTINGS_MODULE=tribune.settings.test $(BIN)/python manage.py compile_translations
	$(BIN)/ruff check .
	DJANGO_SETTINGS_MODULE=tribune.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=tribune.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var e2e/node_modules
