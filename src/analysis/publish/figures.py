"""Save a figure with everything a reader needs to reuse and check it, in one call.

`save_figure` writes NAME.png (300 dpi), NAME.svg, NAME.csv (exactly the
numbers plotted) and NAME.txt (the one-sentence alt text) into
`reports/figures/`, records title, caption, alt text and source notebook in
`reports/figures/index.csv`, and returns an object that shows the figure in
the notebook (and so in the report) with its alt text and caption. No file
carries a date or a tool version, so a rebuild changes no byte.
"""

import base64
import csv
import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from analysis.base.atomic import taking_turns, write_text_atomic
from analysis.base.config import NOTEBOOKS_DIR
from analysis.base.config import figures_dir as current_figures_dir
from analysis.base.tables import to_csv_text
from analysis.publish.style import use_style

DISPLAY_DPI = 110
INDEX_COLUMNS = ["name", "title", "caption", "alt_text", "notebook", "files"]

__all__ = ["SavedFigure", "read_index", "save_figure", "use_style"]


@dataclass(frozen=True)
class SavedFigure:
    name: str
    title: str
    caption: str
    alt_text: str
    files: tuple[str, ...]
    preview_png: bytes

    def __repr__(self) -> str:
        return f"{self.name}: {', '.join(self.files)}"

    def _repr_html_(self) -> str:
        data = base64.b64encode(self.preview_png).decode("ascii")
        return (
            f'<figure id="fig-{self.name}" class="report-figure">'
            f'<img src="data:image/png;base64,{data}" alt="{html.escape(self.alt_text)}" style="max-width:100%">'
            f"<figcaption><strong>{html.escape(self.title)}.</strong> {html.escape(self.caption)} "
            f"<small>({', '.join(f'<code>{html.escape(f)}</code>' for f in self.files)})</small></figcaption></figure>"
        )


def source_notebook(name: str, notebooks_dir: Path = NOTEBOOKS_DIR) -> str:
    """Figures are named after their notebook's number: 03-… comes from notebooks/03-*.ipynb."""
    prefix = name.split("-")[0]
    matches = sorted(Path(notebooks_dir).glob(f"{prefix}-*.ipynb"))
    return f"notebooks/{matches[0].name}" if matches else ""


def read_index(figures_dir: Path | None = None) -> pd.DataFrame:
    path = Path(figures_dir or current_figures_dir()) / "index.csv"
    if not path.is_file():
        return pd.DataFrame(columns=INDEX_COLUMNS)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _update_index(figures_dir: Path, row: dict[str, str]) -> None:
    """The figure's row in the index, replacing its old one; one process at a time, so notebooks run at once keep
    each other's rows."""
    path = Path(figures_dir) / "index.csv"
    with taking_turns(Path(figures_dir)):
        index = read_index(figures_dir)
        index = index[index["name"] != row["name"]]
        index = pd.concat([index, pd.DataFrame([row])], ignore_index=True).sort_values("name", kind="stable")
        buffer = io.StringIO()
        index[INDEX_COLUMNS].to_csv(buffer, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        write_text_atomic(path, buffer.getvalue())


def save_figure(
    fig: Figure,
    name: str,
    data: pd.DataFrame,
    *,
    title: str,
    caption: str,
    alt: str,
    figures_dir: Path | None = None,
) -> SavedFigure:
    """Write the figure's files and index row, close it, and return it for display."""
    names_out = re.sub(r"«[^»]*»", "«»", alt.strip())  # a quoted name may hold a full stop ('St. Olavs')
    if not alt.strip() or re.search(r"[.!?]\s+[A-ZÆØÅ]", names_out):
        raise ValueError(f"{name}: alt text must be one sentence")
    figures_dir = Path(figures_dir or current_figures_dir())
    figures_dir.mkdir(parents=True, exist_ok=True)
    files = tuple(f"{name}.{ext}" for ext in ("png", "svg", "csv", "txt"))
    fig.savefig(figures_dir / files[0], metadata={"Title": title, "Description": alt, "Software": None})
    fig.savefig(figures_dir / files[1], metadata={"Title": title, "Description": alt, "Date": None, "Creator": None})
    (figures_dir / files[2]).write_text(to_csv_text(data), encoding="utf-8")
    (figures_dir / files[3]).write_text(alt.strip() + "\n", encoding="utf-8")
    preview = io.BytesIO()
    fig.savefig(preview, format="png", dpi=DISPLAY_DPI, metadata={"Software": None})
    plt.close(fig)
    _update_index(
        figures_dir,
        {
            "name": name,
            "title": title,
            "caption": caption,
            "alt_text": alt.strip(),
            "notebook": source_notebook(name),
            "files": "; ".join(files),
        },
    )
    return SavedFigure(name, title, caption, alt.strip(), files, preview.getvalue())
