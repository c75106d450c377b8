# The project's commands. Each sets up .venv on first use (and again when a
# requirements file changes), so a fresh clone needs only Python 3.11+.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000

.PHONY: run test lint typecheck unit bench scrape chromium policies package bootstrap deploy clean

STAGE ?= dev

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "storekeeper needs Python 3.11 or newer (PYTHON=$(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade "pip<26.3"  # chalice 1.34 asks for pip < 26.3
	$(BIN)/python -m pip install -qq -r requirements-dev.txt
	@touch $@

run: $(STAMP)
	$(BIN)/python -m local_runtime serve --host 127.0.0.1 --port $(PORT)

scrape: $(STAMP)
	$(BIN)/python -m local_runtime invoke nightly_scrape

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) chromium
	$(BIN)/pytest

# The browser test drives Debian's Chromium (the registries here offer no
# browser downloads); installed once, with apt, when it is missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
		echo "installing Debian's chromium for the browser test"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

bench: $(STAMP)
	$(BIN)/python -m bench

# Deploying (see the README): AWS credentials and a region in your environment.
policies: $(STAMP)
	$(BIN)/python -m deploy.policies

package: $(STAMP)
	$(BIN)/python -m deploy.package --stage $(STAGE)

bootstrap: $(STAMP)
	$(BIN)/python -m deploy.bootstrap --stage $(STAGE)

deploy: bootstrap
	$(BIN)/python -m deploy.bytecode
	$(BIN)/chalice deploy --stage $(STAGE)
	$(BIN)/python -m deploy.bootstrap --stage $(STAGE) --after-deploy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
