"""The words minutes use about people: titles, pronouns, and verbs of saying.

The header parser reads roles from here, speaker attribution reads all
three, and the topic models leave the reporting verbs out of their terms
(every minute says "understreket" and "påpekte"; no topic is made of them).
One list each, so a word added here reaches every stage.
"""

# Titles that stand before a name in attendee lists, longest first so "Politisk rådgiver" wins.
ROLES = (
    "Statsråd",
    "Statssekretær",
    "Politisk rådgiver",
    "Departementsråd",
    "Ekspedisjonssjef",
    "Avdelingsdirektør",
    "Fagdirektør",
    "Seniorrådgiver",
    "Rådgiver",
    "Direktør",
    "Generalsekretær",
    "Daglig leder",
    "Nestleder",
    "Styreleder",
    "Leder",
    "Ordfører",
    "Varaordfører",
    "Kommunedirektør",
    "Seksjonssjef",
    "Underdirektør",
    "Prosjektleder",
)

PRONOUNS = frozenset({"hun", "han", "ho"})  # "ho" is Nynorsk
# Verbs of saying, judging and presenting (as simplemma lemmas): a mention next to one is a speaker.
REPORTING_LEMMAS = frozenset(
    "si mene kommentere fortelle understreke påpeke spørre uttale ønske svare presisere "
    "orientere etterlyse fremheve trekke gi takke avslutte begynne starte fortsette "
    "reflektere innlede foreslå savne lure nevne synes tro oppfordre beskrive redegjøre "
    "forklare informere opplyse uttrykke legge minne peke vise understrekte "
    # Nynorsk lemmas of the same verbs
    "seie meine fortelje spørje ønskje peike byrje leggje".split()
)
