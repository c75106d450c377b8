"""Baselines the benchmarks compare against (never deployed)."""
