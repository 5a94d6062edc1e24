# The README's commands. Each target sets up its own virtual environment in .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site serve test lint

# The editors' area (/redaktion/): Decap CMS from npm, pinned by editor/package-lock.json.
EDITOR := editor/node_modules/.package-lock.json
$(EDITOR): editor/package.json editor/package-lock.json
	@command -v npm >/dev/null || { echo "Der Redaktionsbereich braucht Node.js mit npm: sudo apt-get install nodejs npm" >&2; exit 2; }
	npm ci --prefix editor --ignore-scripts --no-audit --no-fund
	@touch $@

$(BIN)/ratsarchiv: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable ".[test]"
	@touch $@

site: $(BIN)/ratsarchiv $(EDITOR)
	$(BIN)/ratsarchiv build

serve: $(BIN)/ratsarchiv $(EDITOR)
	$(BIN)/ratsarchiv serve

lint: $(BIN)/ratsarchiv
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

test: $(BIN)/ratsarchiv $(EDITOR) lint
	@test -x /usr/bin/chromium || { echo "Die Browser-Tests brauchen Chromium: sudo apt-get install chromium" >&2; exit 2; }
	$(BIN)/python -m pytest -n auto --dist worksteal --durations=15
