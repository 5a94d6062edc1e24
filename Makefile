# The README's commands. Each target sets up its own virtual environment in .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site serve test lint

$(BIN)/ratsarchiv: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable ".[test]"
	@touch $@

site: $(BIN)/ratsarchiv
	$(BIN)/ratsarchiv build

serve: $(BIN)/ratsarchiv
	$(BIN)/ratsarchiv serve

lint: $(BIN)/ratsarchiv
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

test: $(BIN)/ratsarchiv lint
	@test -x /usr/bin/chromium || { echo "Die Browser-Tests brauchen Chromium: sudo apt-get install chromium" >&2; exit 2; }
	$(BIN)/python -m pytest -n auto
