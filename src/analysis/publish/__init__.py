"""What readers see: figure style, plots, figure files, notebook views, running the notebooks, the HTML report.

Reads built tables. May import `base`, `language`, `ingest` (the manifest)
and `coding` (the codebook); never `pipeline`, `parse` or `analyse`.
"""
