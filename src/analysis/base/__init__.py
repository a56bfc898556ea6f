"""The ground floor: where things live, the one seed, errors, atomic writes, records, table schemas, the cache.

Everything else may import from here; this package imports nothing of
`analysis` outside itself.
"""
