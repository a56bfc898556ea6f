"""Tables out to and codes in from other tools: REFI-QDA projects and codebooks, Excel workbooks.

Reads built tables. May import `base`, `coding` and `publish` (theme colours);
never `pipeline`, `parse` or `analyse`.
"""
