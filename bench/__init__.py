"""Benchmarks: run on demand (``python bench/NAME.py --write``), never in the test suite."""
