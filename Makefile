# The two quick-start commands create the virtual environment themselves.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench bench-keys docs dist-windows clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# The distribution was named "drafter" before it became drafter-cchc: an old editable
	# install of that name would shadow the new one.
	$(BIN)/python -m pip uninstall --quiet --yes drafter 2>/dev/null || true
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/drafter demo -o out

test: $(STAMP)
	$(BIN)/ruff check drafter models tests benchmarks offline
	$(BIN)/mypy
	$(BIN)/mypy offline/bundle.py
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

# Every ratio of issue 17 in one run (about three minutes on two cores), then bench-keys.
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_writer.py
	$(BIN)/python benchmarks/bench_cold_start.py
	$(BIN)/python benchmarks/bench_province.py
	$(BIN)/python benchmarks/bench_tui_startup.py
	$(BIN)/python benchmarks/bench_keys.py

# Keys an official presses for xã Cẩm Giàng's first report and the next quarter's (Pilot).
bench-keys: $(STAMP)
	$(BIN)/python benchmarks/bench_keys.py

# The offline installation bundle for Windows (downloads the wheels): see offline/bundle.py.
dist-windows: $(STAMP)
	$(BIN)/python offline/bundle.py windows dist

docs: $(STAMP)
	$(BIN)/python -m drafter.packs.docgen > docs/data-format.md

clean:
	rm -rf $(VENV) out dist .pytest_cache .mypy_cache .ruff_cache
