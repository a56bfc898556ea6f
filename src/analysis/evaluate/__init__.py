"""How well the parser reads a researcher's documents, scored against what a careful reader extracted (a gold file).

May import everything but the command line.
"""
