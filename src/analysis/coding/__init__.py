"""Theme codes per sentence: the codebook, the automatic coder, manual corrections, agreement, organisations.

May import `base` and `language`; never `ingest`, `parse` or `pipeline`. It
works on sentence texts and tables, whoever made them.
"""
