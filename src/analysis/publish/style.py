"""One look for every figure: fonts with æøå, colour-blind-aware colours, one colour per theme.

Every figure of the project calls `use_style()` (and takes its words from
`analysis.publish.words`), so a theme has the same colour in every figure
it appears in.
"""

import matplotlib as mpl

from analysis.coding.codes import UNCODED

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


def theme_colours(theme_ids: list[str]) -> dict[str, str]:
    """Colours by codebook position, so a theme keeps its colour in every figure of a build."""
    colours = {t: THEME_PALETTE[i % len(THEME_PALETTE)] for i, t in enumerate(theme_ids)}
    colours[UNCODED] = UNCODED_COLOUR
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
