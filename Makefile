# Two commands matter: `make report` and `make test`. `make help` lists all.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
STAMP := $(VENV)/.installed
# unit tests run on every core (pytest-xdist); the notebooks run one after another under nbval
TEST_WORKERS ?= auto
NOTEBOOKS := $(sorted $(wildcard notebooks/[0-9]*.ipynb))

export PYTHONHASHSEED := 0

## help: list the targets
.PHONY: help
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed -e 's/^## /  /' -e 's/: /\t/' | expand -t 14

# The notebooks name this kernel: the project's environment, registered inside .venv.
KERNEL_NAME := inkluderingsdugnaden
KERNEL_DISPLAY := Inkluderingsdugnaden (analysis)

# A .venv moved or copied from another folder keeps scripts and an editable install that point
# there: the script's first line names the folder it was made in.
VENV_ORIGIN := $(shell test -f $(BIN)/analysis && head -1 $(BIN)/analysis | sed -e 's|^\#!||' -e 's|/bin/python[0-9.]*$$||')
ifneq ($(VENV_ORIGIN),)
ifneq ($(realpath $(VENV_ORIGIN)),$(realpath $(VENV)))
STALE_VENV := yes
endif
endif

# Every process make starts writes a module's bytecode when it first imports it, even where the environment says
# not to (PYTHONDONTWRITEBYTECODE, set in CI and containers), so that no process recompiles every module it imports
# (about 2.5 s per build, worker, test and kernel). Compiling all 11,000 modules at install instead took 19 s of
# every fresh setup, twice in `make test` (the compendium-copy test builds its own), and most are never imported.
unexport PYTHONDONTWRITEBYTECODE

# The environment is rebuilt whenever the lock file or the project metadata changes, or it was made elsewhere.
$(STAMP): requirements.lock pyproject.toml $(if $(STALE_VENV),FORCE)
	@if [ -n "$(STALE_VENV)" ]; then \
	  echo ".venv was made in $(VENV_ORIGIN), not here (the folder was moved or copied): rebuilding it"; \
	  rm -rf $(VENV); fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	@touch $@

KERNEL_SPEC := $(VENV)/share/jupyter/kernels/$(KERNEL_NAME)/kernel.json
$(KERNEL_SPEC): $(STAMP)
	$(BIN)/python -m ipykernel install --sys-prefix --name $(KERNEL_NAME) --display-name "$(KERNEL_DISPLAY)" >/dev/null

.PHONY: FORCE
FORCE:

## venv: create .venv with the exact versions of requirements.lock
.PHONY: venv
venv: $(KERNEL_SPEC)

## data: build data/processed/ from data/raw/
.PHONY: data
data: $(KERNEL_SPEC)
	$(BIN)/analysis build

## report: set up, build data/processed/, score it against data/gold.json, execute the notebooks, render reports/report.html
.PHONY: report
report: data
	@if [ -f data/gold.json ]; then $(BIN)/analysis evaluate --quiet; fi
	$(BIN)/analysis notebooks
	$(BIN)/analysis report

## evaluate: score the parse against a gold file (GOLD=data/gold.json; DOCS=folder parses that folder instead of the build;
##           CODING=hand-coded sentences of DOCS also scores the theme coder, into CODING_OUT)
GOLD ?= data/gold.json
DOCS ?=
EVALUATION ?= reports/evaluation.csv
CODING ?=
CODING_OUT ?= reports/coding-evaluation.csv
.PHONY: evaluate
evaluate: $(if $(DOCS),$(KERNEL_SPEC),data)
	$(BIN)/analysis evaluate --gold $(GOLD) $(if $(DOCS),--docs $(DOCS)) --out $(EVALUATION) \
		$(if $(CODING),--coding $(CODING) --coding-out $(CODING_OUT))

## evaluate-devset: score parse and coder on the development corpus beside the project (DEVSET=../shared/devset),
##                  and write the coding scores into the README
DEVSET ?= ../shared/devset
.PHONY: evaluate-devset
evaluate-devset: data
	$(BIN)/analysis evaluate --gold $(DEVSET)/gold.json --docs $(DEVSET)/docs --out reports/evaluation-devset.csv \
		--coding $(DEVSET)/coding_gold.csv --coding-out reports/coding-devset.csv --readme README.md --quiet

## test: set up, then lint, import layers, unit tests and strict nbval on every notebook
.PHONY: test
test: data
	$(BIN)/ruff check src tests notebooks
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n $(TEST_WORKERS) -rs tests
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg -p no:cacheprovider notebooks
	@# nbval does not compare images: the re-executed notebooks must have redrawn every figure file identically
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  changed="$$(git status --porcelain -- reports/figures)"; \
	  if [ -n "$$changed" ]; then echo "$$changed"; \
	    echo "error: reports/figures changed when the notebooks re-ran — run make report and commit the figures"; \
	    exit 1; fi; \
	  echo "reports/figures: every figure redrawn byte for byte"; fi

## bench: time every stage on 100 and 1,000 synthetic documents (BENCH_DOCS="100 1000 10000" for more)
BENCH_DOCS ?= 100 1000
.PHONY: bench
bench: $(KERNEL_SPEC)
	$(BIN)/analysis bench --docs $(BENCH_DOCS)

## lab: JupyterLab at the project root, kernel "Inkluderingsdugnaden (analysis)" (LAB_ARGS="--no-browser --port 8890")
LAB_ARGS ?=
.PHONY: lab
lab: $(KERNEL_SPEC)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(LAB_ARGS) notebooks/01-corpus-overview.ipynb

## lock: refresh requirements.lock from the ranges in pyproject.toml
.PHONY: lock
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip compile --quiet pyproject.toml --extra dask --extra dev --extra lab --python-version 3.11 -o requirements.lock

## clean: remove generated data, reports and the environment
.PHONY: clean
clean:
	rm -rf $(VENV) data/processed data/.cache reports/report.html
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
