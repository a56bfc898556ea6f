"""Save a figure together with the numbers it plots, so every figure can be checked and redrawn."""

from pathlib import Path

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure

from analysis.paths import FIGURES_DIR
from analysis.tables import to_csv_text

DPI = 300


def use_style() -> None:
    """Fonts that carry æ, ø and å (DejaVu Sans ships with matplotlib) and a fixed SVG id salt."""
    mpl.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "figure.dpi": 100,
            "savefig.dpi": DPI,
            "savefig.bbox": "tight",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "analysis",
            "svg.fonttype": "path",
        }
    )


def save_figure(fig: Figure, name: str, data: pd.DataFrame, figures_dir: Path = FIGURES_DIR) -> list[Path]:
    """Write NAME.png, NAME.svg and NAME.csv with no date or tool-version metadata."""
    figures_dir = Path(figures_dir)
    figures_dir.mkdir(parents=True, exist_ok=True)
    png, svg, csv = (figures_dir / f"{name}.{ext}" for ext in ("png", "svg", "csv"))
    fig.savefig(png, metadata={"Software": None})
    fig.savefig(svg, metadata={"Date": None, "Creator": None})
    csv.write_text(to_csv_text(data), encoding="utf-8")
    return [png, svg, csv]
