"""Which groups of words a text holds, found in one pass.

The coder's name mask asks this of every sentence (which branches of the
names' expression can match here?), and the parser's people recognisers ask
it of every paragraph (which recognisers can find anyone here?), before they
run patterns that try every position. A compiled multi-pattern matcher
(Aho-Corasick, `pyahocorasick`) reads the text once in C for all the words,
each mapped to the groups that need it as bits.
"""

from collections.abc import Mapping

import ahocorasick


class WordBits:
    """Words, each with the bits of the groups that need it; `bits_in(text)` is the union over the words it holds."""

    def __init__(self, needs: Mapping[str, int]) -> None:
        self._automaton: ahocorasick.Automaton | None = None  # none without words: no text holds any
        if needs:
            self._automaton = ahocorasick.Automaton()
            for word, bits in sorted(needs.items()):
                self._automaton.add_word(word, bits)
            self._automaton.make_automaton()

    def bits_in(self, text: str) -> int:
        """The bits of every word that occurs in `text`, as written (case counts)."""
        found = 0
        for _, bits in self._automaton.iter(text) if self._automaton is not None else ():
            found |= bits
        return found
