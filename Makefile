# The two commands of the quick start: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ASSETS := dashboard/app/static/vendor/.installed
PORT ?= 8501

.PHONY: run test lint typecheck unit fuzz load bench bench-pages bench-store demo assets gazetteer clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

# Leaflet and friends come from the npm registry at set-up time; the repository carries no copies.
$(ASSETS): scripts/fetch_assets.py | $(STAMP)
	$(PY) scripts/fetch_assets.py

assets: $(ASSETS)

load: $(STAMP)
	$(PY) -m dashboard load seeds

run: $(STAMP) $(ASSETS) load
	$(PY) -m streamlit run dashboard/app/streamlit_app.py --server.port $(PORT)

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(STAMP)
	$(PY) -m mypy dashboard

unit: $(STAMP) $(ASSETS)
	$(PY) -m pytest

test: lint typecheck unit

# The fuzz test of extraction with 10,000 generated articles a test (make test runs 300).
fuzz: $(STAMP) $(ASSETS)
	STRIKEMAP_FUZZ=fuzz $(PY) -m pytest tests/test_fuzz.py -p no:cacheprovider --hypothesis-show-statistics

# SIZES="10000 100000" to time other sizes than 10,000, 100,000 and 1,000,000 events.
bench: $(STAMP) $(ASSETS)
	$(PY) scripts/bench.py $(if $(SIZES),--sizes $(SIZES))

# The server's memory through the pages and a download, at a million events by default.
bench-pages: $(STAMP) $(ASSETS)
	$(PY) scripts/bench_pages.py $(if $(SIZES),--sizes $(SIZES))

# The store at a million events on SQLite and PostgreSQL (a throwaway cluster unless
# BENCH_ARGS="--postgres URL"); minutes of filling the first time.
bench-store: $(STAMP)
	$(PY) scripts/bench_store.py $(BENCH_ARGS)

gazetteer: $(STAMP)
	$(PY) -m pip install --quiet -e '.[build-data]'
	$(PY) scripts/build_gazetteer.py

clean:
	rm -rf $(VENV) dashboard/app/static/vendor .pytest_cache .mypy_cache .ruff_cache
