PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install test demo bench score notebooks clean

# Idempotent: the venv is made once and re-installed only when pyproject.toml changes.
$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or make PYTHON=python3)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

test: install
	$(BIN)/python -m pytest

# Extraction quality on the gold pages, as text and dressed as HTML.
score: install
	$(BIN)/python tests/score.py --gold tests/gold --pages tests/pages --cmd '$(BIN)/dkevents extract --manifest {manifest}'
	$(BIN)/python tests/score.py --wrap-html --gold tests/gold --pages tests/pages --cmd '$(BIN)/dkevents extract --manifest {manifest}'

demo: install
	$(BIN)/dkevents demo

bench: install
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/datasets.py
	$(BIN)/python bench/crawl.py

# Executes the notebook on the demo datasets (crawled first if missing) and renders it to HTML.
notebooks: install
	test -e datasets/people/ || $(BIN)/dkevents demo
	cd notebooks && ../$(BIN)/jupyter nbconvert --to html --execute who_speaks_where.ipynb --output who_speaks_where.html

clean:
	rm -rf $(VENV) build *.egg-info
