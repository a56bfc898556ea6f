"""The words minutes use about people: titles, pronouns, and verbs of saying, from `data/layout.yml`.

The header parser reads roles from here, speaker attribution reads all
three, and the topic models leave the reporting verbs out of their terms
(every minute says "understreket" and "påpekte"; no topic is made of them).
One list each, in the layout file a researcher edits, so a word added there
reaches every stage.
"""

from analysis.language.layout import layout

# Longest first, so "Politisk rådgiver" wins over "Rådgiver".
ROLES = tuple(sorted(layout().roles, key=len, reverse=True))
PRONOUNS = layout().pronouns
FIRST_PERSON = layout().first_person
REPORTING_LEMMAS = layout().speech_verbs
