"""One look for every figure: fonts with æøå, colour-blind-aware colours, one colour per theme, nb/en text.

Every figure of the project calls `use_style()` and takes its words from
`text(key, lang)`, so a report can be drawn in Norwegian (default) or
English, and a theme has the same colour in every figure it appears in.
"""

import matplotlib as mpl

DEFAULT_LANGUAGE = "nb"
FONT = "DejaVu Sans"  # ships with matplotlib, so CI and a researcher's laptop draw the same glyphs
NORWEGIAN_LETTERS = "æøåÆØÅ"

# Okabe & Ito (2008): for series that are not themes (meetings, models, measures).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

# Paul Tol's "muted" and "light" schemes. Fifteen categories cannot all be told apart by every
# reader from colour alone, so every theme-coloured figure also names the theme on its axis.
THEME_PALETTE = [
    "#332288",
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#AA4499",
    "#77AADD",
    "#EE8866",
    "#AA4400",
    "#FFAABB",
    "#555555",
    "#BBCC33",
]
UNCODED_COLOUR = "#BBBBBB"
SEQUENTIAL_MAP = "cividis"  # perceptually uniform and readable with colour-vision deficiencies

TEXT = {
    "nb": {
        "sentences_per_speaker": "Setninger per taler",
        "n_sentences": "Antall setninger",
        "no_speaker": "(ingen taler / fortellende tekst)",
        "top_speakers": "De {n} talerne med flest setninger i {documents} dokumenter",
        "themes_per_meeting": "Temaer per møte",
        "share_of_meeting": "Andel av møtets setninger (%); tallet ved søylen er antall setninger",
        "choosing_k": "Valg av antall temaer",
        "k": "Antall temaer (k)",
        "value": "Verdi",
        "coherence": "Koherens (NPMI)",
        "stability": "Stabilitet (Jaccard)",
        "chosen_k": "valgt k = {k}",
        "top_terms": "Toppord per tema ({model})",
        "weight": "Vekt",
        "crosswalk": "Temaer i kodeboken per {model}-tema",
        "topic": "{model}-tema",
        "share_of_topic": "Andel av temaets vekt",
        "theme_by_meeting": "Temaer per møte",
        "meeting": "Møte",
        "share_of_sentences": "Andel av setningene",
        "theme_by_organisation": "Temaer per organisasjon",
        "organisation": "Organisasjon (talerens)",
        "raised_answered": "Reist av sivilsamfunnet – tatt opp av regjeringssiden?",
        "n_raisers": "Antall talere fra sivilsamfunnet som reiste temaet",
        "answered": "tatt opp senere i møtet",
        "not_answered": "ikke tatt opp",
        "uncoded": "(ukodet)",
    },
    "en": {
        "sentences_per_speaker": "Sentences per speaker",
        "n_sentences": "Number of sentences",
        "no_speaker": "(no speaker / narrative)",
        "top_speakers": "The {n} speakers with the most sentences in {documents} documents",
        "themes_per_meeting": "Themes per meeting",
        "share_of_meeting": "Share of the meeting's sentences (%); the number is the count of sentences",
        "choosing_k": "Choosing the number of topics",
        "k": "Number of topics (k)",
        "value": "Value",
        "coherence": "Coherence (NPMI)",
        "stability": "Stability (Jaccard)",
        "chosen_k": "chosen k = {k}",
        "top_terms": "Top terms per topic ({model})",
        "weight": "Weight",
        "crosswalk": "Codebook themes per {model} topic",
        "topic": "{model} topic",
        "share_of_topic": "Share of the topic's weight",
        "theme_by_meeting": "Themes per meeting",
        "meeting": "Meeting",
        "share_of_sentences": "Share of sentences",
        "theme_by_organisation": "Themes per organisation",
        "organisation": "Organisation (of the speaker)",
        "raised_answered": "Raised by civil society – taken up by the government side?",
        "n_raisers": "Civil-society speakers who raised the theme",
        "answered": "taken up later in the meeting",
        "not_answered": "not taken up",
        "uncoded": "(uncoded)",
    },
}


def text(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    if lang not in TEXT:
        raise ValueError(f"language {lang!r} is not one of {', '.join(TEXT)}")
    return TEXT[lang][key].format(**values)


def theme_colours(theme_ids: list[str]) -> dict[str, str]:
    """Colours by codebook position, so a theme keeps its colour in every figure of a build."""
    colours = {t: THEME_PALETTE[i % len(THEME_PALETTE)] for i, t in enumerate(theme_ids)}
    colours["(uncoded)"] = UNCODED_COLOUR
    return colours


def use_style() -> None:
    """Report-size text, the fonts with Norwegian letters, and reproducible SVG output."""
    mpl.rcParams.update(
        {
            "font.family": FONT,
            "font.size": 10,
            "axes.titlesize": 11,
            "axes.labelsize": 10,
            "xtick.labelsize": 9,
            "ytick.labelsize": 9,
            "legend.fontsize": 8,
            "figure.dpi": 100,
            "savefig.dpi": 300,
            "savefig.bbox": "tight",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.prop_cycle": mpl.cycler(color=PALETTE),
            "image.cmap": SEQUENTIAL_MAP,
            "svg.hashsalt": "analysis",  # fixed ids in SVG files
            "svg.fonttype": "path",  # text as outlines: the SVG looks the same without the font installed
        }
    )
