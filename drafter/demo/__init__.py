"""The demo: the bundled data files (a commune and a district of 2024, a province of 2026
with its communes), the showcase built from them in its own database, and the made-up
communes, reports and scores of demos, tests and benchmarks."""
