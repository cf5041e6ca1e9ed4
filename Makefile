# The usual verbs. `make run` and `make test` do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes: the suite is independent per worker (own database, own media folder).
JOBS ?= 2
EXAMPLE_NETWORK := IFO-chefsnätverket Sjuhärad
EXAMPLE_MINUTES := examples/ifo-chefsnatverket-sjuharad

.PHONY: run test setup lint format check score benchmarks clean

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Samverka needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

setup: $(VENV)/.installed

run: setup
	DEBUG=1 $(BIN)/samverka migrate --noinput
	DEBUG=1 $(BIN)/samverka import $(EXAMPLE_MINUTES) --network "$(EXAMPLE_NETWORK)" --create-network
	DEBUG=1 $(BIN)/samverka demo --join "$(EXAMPLE_NETWORK)"
	@echo "Samverka: http://$(HOST):$(PORT)/"
	DEBUG=1 $(BIN)/samverka runserver $(HOST):$(PORT)

test: setup
	$(BIN)/pytest -n $(JOBS) $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy samverka benchmarks examples

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Structural checks CI runs besides the suite.
check: setup
	DEBUG=1 $(BIN)/samverka makemigrations --check --dry-run
	DEBUG=0 ALLOWED_HOSTS=samverka.example.se \
	SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') \
	$(BIN)/samverka check --deploy --fail-level WARNING

# The extractor against the shared hand-made gold (needs ../shared).
score: setup
	$(PYTHON) ../shared/eval/score.py --gold ../shared/eval/gold --docs ../shared/seeds --cmd '$(BIN)/samverka parse --format json {}'
	$(PYTHON) ../shared/eval/score.py --gold ../shared/eval/practice/gold --docs ../shared/eval/practice/docs --cmd '$(BIN)/samverka parse --format json {}'

benchmarks: setup
	$(BIN)/python benchmarks/parse.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
