"""A deterministic synthetic corpus shaped like the real minutes, for benchmarks.

Structure comes from the real documents (header fields, attendee lines,
numbered agenda items, presentations, paragraphs of real sentences); the
vocabulary does not: a share of each sentence's content words is replaced
by word forms drawn from simplemma's own Bokmål dictionary with a Zipf
distribution, so a large synthetic corpus has tens of thousands of word
types like a real one, instead of our two documents' few hundred repeated.
"""

import random
import re
from pathlib import Path

import numpy as np

from analysis.base.atomic import write_text_atomic
from analysis.base.config import RANDOM_STATE, REFERENCE_CORPUS
from analysis.ingest.documents import load_documents
from analysis.ingest.manifest import ManifestEntry, format_manifest, sha256_of
from analysis.language.dates import MONTHS
from analysis.language.norwegian import STOP_WORDS
from analysis.language.sentences import split_sentences
from analysis.parse.document import Draft, run_stages, stages_until

VOCABULARY_SIZE = 60_000
ZIPF_EXPONENT = 1.07
REPLACED_SHARE = 0.3
SENTENCES_PER_DOCUMENT = (170, 230)
MONTH_NAMES = [m for m in MONTHS if len(m) > 3]
_WORD = re.compile(r"\b[a-zæøå]{4,}\b")
AGENDA_TITLES = [
    "Velkommen og innledning",
    "Orientering om inkluderingsdugnaden",
    "Innlegg fra organisasjonene",
    "Dialog",
    "Lønnstilskudd og oppfølging",
    "Opplæring og fagbrev",
    "Eventuelt",
    "Avslutning",
]


def dictionary_forms(size: int = VOCABULARY_SIZE, seed: int = RANDOM_STATE) -> list[str]:
    """A fixed sample of plain lower-case Bokmål word forms from the lemmatiser's dictionary."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    forms = sorted(f for f in DefaultDictionaryFactory().get_dictionary("nb") if re.fullmatch(r"[a-zæøå]{4,14}", f))
    return random.Random(seed).sample(forms, min(size, len(forms)))


class Vocabulary:
    def __init__(self, forms: list[str], rng: np.random.Generator) -> None:
        ranks = np.arange(1, len(forms) + 1)
        weights = 1.0 / ranks**ZIPF_EXPONENT
        self.forms = forms
        self.cumulative = np.cumsum(weights / weights.sum())
        self.rng = rng

    def draw(self, n: int) -> list[str]:
        picks = np.searchsorted(self.cumulative, self.rng.random(n))
        return [self.forms[min(i, len(self.forms) - 1)] for i in picks]


def _real_material(raw_dir: Path) -> tuple[list[str], list[tuple[str, str, str]]]:
    sentences, people = [], []
    for document in load_documents(raw_dir):
        draft = run_stages(Draft(document), stages_until("header"))  # the build's own parse, up to the header
        people += [(p.role, p.name, p.organisation) for p in draft.header.people if p.status == "present"]
        for paragraph in draft.body:
            sentences += [s for s in split_sentences(paragraph) if len(s.split()) >= 6]
    return sentences, people


def _mutate(sentence: str, vocabulary: Vocabulary, rng: random.Random) -> str:
    words = [m for m in _WORD.finditer(sentence) if m.group(0) not in STOP_WORDS]
    chosen = [m for m in words if rng.random() < REPLACED_SHARE]
    if not chosen:
        return sentence
    replacements = vocabulary.draw(len(chosen))
    parts, last = [], 0
    for match, new in zip(chosen, replacements, strict=True):
        parts += [sentence[last : match.start()], new]
        last = match.end()
    return "".join(parts) + sentence[last:]


def synth_document(
    index: int, sentences: list[str], people: list[tuple[str, str, str]], vocabulary: Vocabulary, rng: random.Random
) -> str:
    day, month, year = 1 + index % 28, MONTH_NAMES[index % 12], 2015 + (index // 336) % 10
    present = rng.sample(people, k=min(len(people), rng.randint(6, 12)))
    chair, minute_taker = present[0][1], present[-1][1]
    lines = [
        f"Dato: {day}. {month} {year} Fra/til: 1000-1200",
        "",
        f"Referent: {minute_taker} Møteleder: {chair}",
        "",
        f"Saksnr.: {index}/{year % 100:02d}",
        "",
        "Til stede: " + "\n".join(f"{role + ' ' if role else ''}{name}, {org}" for role, name, org in present),
        "",
        "Fraværende:",
        "",
        "Kopi:",
        "",
        f"Referat fra møte {day}. {month} {year} i Kontaktutvalget (syntetisk dokument {index})",
        "",
    ]
    n_sentences = rng.randint(*SENTENCES_PER_DOCUMENT)
    titles = rng.sample(AGENDA_TITLES, k=5)
    per_item = n_sentences // len(titles)
    for number, title in enumerate(titles, 1):
        lines += [f"{number}. {title}", ""]
        if number == 3:
            _, name, org = rng.choice(present)
            lines += [f"Innspill om arbeid og inkludering v/{name} ({org})"]
        remaining = per_item
        while remaining > 0:
            size = min(remaining, rng.randint(3, 8))
            speaker = rng.choice(present)[1].split()[-1]
            body = [_mutate(rng.choice(sentences), vocabulary, rng) for _ in range(size)]
            lines += [f"{speaker} fortalte at " + body[0][0].lower() + body[0][1:] + " " + " ".join(body[1:]), ""]
            remaining -= size
    return "\n".join(lines)


def synth_corpus(n_docs: int, out: Path, raw_dir: Path = REFERENCE_CORPUS, seed: int = RANDOM_STATE) -> Path:
    """Write N documents and their manifest into OUT (a raw folder); same N and seed, same bytes."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    sentences, people = _real_material(raw_dir)
    vocabulary = Vocabulary(dictionary_forms(seed=seed), np.random.default_rng(seed))
    rng = random.Random(seed)
    entries = []
    for index in range(1, n_docs + 1):
        name = f"synth-{index:06d}.txt"
        write_text_atomic(out / name, synth_document(index, sentences, people, vocabulary, rng))
        entries.append(ManifestEntry(name, sha256_of(out / name), "minutes", "", "", "analysis synth"))
    write_text_atomic(out / "manifest.csv", format_manifest(entries))
    return out
