# Platen: `make run` serves it, `make test` tests it. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
PYTEST_ARGS ?=

.PHONY: install run worker test test-integrations test-integration-server lint bench clean

$(STAMP): requirements.txt requirements-dev.txt
	sh scripts/install-fonts.sh
	sh scripts/install-browser.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/python run.py

test: install
	sh scripts/install-browser.sh   # cheap when present; the dashboard tests fail (never skip) without chromium
	$(BIN)/python -m pytest --ignore=tests/apps $(PYTEST_ARGS)

# The platform apps (integrations/) and the Python client (clients/python/), each by its own tools, against a
# Platen these tests start (embedded Redis, one worker, a free port); npm installs come from lockfiles (npm ci).
test-integrations: install
	$(BIN)/python -m pytest tests/apps $(PYTEST_ARGS)

# The integration tests again, against an external Redis server (CI: 127.0.0.1:6379).
test-integration-server: install
	PLATEN_TEST_REDIS_URL=$${PLATEN_TEST_REDIS_URL:-redis://127.0.0.1:6379/15} $(BIN)/python -m pytest tests/integration $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

bench: install
	@for b in bench/[!_]*.py; do $(BIN)/python $$b || exit 1; done   # bench/_*.py are shared helpers

clean:
	rm -rf $(VENV) .pytest_cache
