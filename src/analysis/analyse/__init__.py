"""Corpus-level analyses of the built tables: topic models, their labels, cross-meeting comparison.

May import `base`, `language` and `coding` (themes per sentence); never
`ingest`, `parse` or `pipeline`.
"""
