"""From decoded text to records: cleaning, paragraphs, meeting header, agenda, speakers, sentences.

May import `base`, `language` and `ingest`; never `coding`, `analyse` or
anything above. `parse.document.parse_document` runs these stages on one
document.
"""
