"""Synthetic corpora and benchmarks of the real pipeline at scale.

May import everything but the command line.
"""
