"""The words minutes use about people: titles, pronouns, and verbs of saying, from `data/layout.yml`.

The header parser reads roles from here, speaker attribution reads all
three, and the topic models leave the reporting verbs out of their terms
(every minute says "understreket" and "påpekte"; no topic is made of them).
One list each, in the layout file a researcher edits, so a word added there
reaches every stage.
"""

import re

from analysis.language.layout import layout

# Longest first, so "Politisk rådgiver" wins over "Rådgiver".
ROLES = tuple(sorted(layout().roles, key=len, reverse=True))
PRONOUNS = layout().pronouns
FIRST_PERSON = layout().first_person
PHOTO_CREDITS = layout().photo_credits
# The credit labels as a pattern, capitalised or not, longest first ("Fotograf" before "Foto").
PHOTO_CREDIT_LABEL = "(?:{})".format(
    "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in sorted(PHOTO_CREDITS, key=len, reverse=True))
)
REPORTING_LEMMAS = layout().speech_verbs
