# Two commands on a fresh machine:
#   make demo   set up .venv, ingest the bundled demo corpus into ledger.db, print events, a tally and a tracker
#   make test   set up .venv with the test tools, lint, run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint readme install install-dev clean

demo: install
	$(BIN)/conflict-ledger demo
	$(BIN)/conflict-ledger tracker show us-forces-attacks

test: install-dev
	$(BIN)/ruff check src tests bench docs
	$(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check src tests bench docs

# the README's demo output and Figures section, from the CLI and bench/results (run the benchmarks first)
readme: install
	$(BIN)/python docs/update_readme.py

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

clean:
	rm -rf $(VENV) ledger.db ledger.db-wal ledger.db-shm
