"""Benchmarks: each runs storekeeper against a baseline in the same run and prints ratios."""
