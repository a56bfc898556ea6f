"""Norwegian language knowledge: lemmas, stop words, dates, sentence splitting, and the word lists a researcher edits.

May import `base` only. Parsing, coding and the analyses all take their
words from here, so a word list is defined once.
"""
