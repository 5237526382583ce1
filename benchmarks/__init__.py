"""Benchmarks on a deterministic, province-sized copy of the sample site (see benchmarks/SEARCH.md)."""
