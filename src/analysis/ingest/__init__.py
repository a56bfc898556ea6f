"""Documents in: the manifest, reading and verifying bytes (sha256), extracting text from PDF/DOCX/HTML, decoding.

May import `base` and `language`. Nothing here parses or codes; it hands
verified, decoded text to `parse`.
"""
