"""The build: the per-document stages on all cores or a Dask cluster, then the corpus tables, written at once.

May import every stage below it (`base` to `analyse`); nothing but `bench`
and the command line imports it.
"""
