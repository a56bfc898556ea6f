"""Render the executed notebooks as one self-contained HTML report for readers.

The report holds the notebooks' narrative, tables and figures (code cells
left out), a table of contents, the corpus manifest with every document's
sha256, and the versions of every package in the environment, so a reader
can cite exactly what produced each figure. Figures are embedded as data
URIs; nothing is fetched when the file is opened. The output has no date,
so a rebuild from the same input is byte-identical.
"""

import html
import platform
import re
from importlib import metadata
from pathlib import Path

import nbformat
from nbconvert.filters import markdown2html

from analysis.atomic import write_text_atomic
from analysis.codebook import CODEBOOK_PATH, load_codebook
from analysis.manifest import read_manifest
from analysis.notebooks import numbered_notebooks
from analysis.paths import NOTEBOOKS_DIR, PROJ_ROOT, RAW_DIR, REPORTS_DIR

REPORT_PATH = REPORTS_DIR / "report.html"
TITLE = "Inkluderingsdugnaden i referater – analyserapport"
_HEADING = re.compile(r'<h([12]) id="([^"]+)">(.*?)<a class="anchor-link"', re.DOTALL)

CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; line-height: 1.5; color: #222; }
nav { background: #f5f5f5; padding: 0.5rem 1.5rem; border-radius: 6px; }
nav ul { padding-left: 1.2rem; } nav li.h2 { margin-left: 1.2rem; list-style: circle; }
section.notebook { border-top: 2px solid #ddd; margin-top: 2.5rem; }
table { border-collapse: collapse; font-size: 0.8rem; margin: 0.5rem 0 1rem; display: block; overflow-x: auto; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
pre { background: #f8f8f8; padding: 0.5rem; overflow-x: auto; font-size: 0.8rem; }
figure.report-figure { margin: 1.5rem 0; } figure.report-figure img { border: 1px solid #eee; }
figcaption { font-size: 0.85rem; color: #444; }
mark { background: #fde68a; }
a.anchor-link { display: none; }
"""


def _prefix_ids(body: str, prefix: str) -> str:
    """Heading ids are unique per notebook only; prefix them so the report's links stay unambiguous."""
    body = re.sub(r'<h([1-6]) id="([^"]+)"', lambda m: f'<h{m[1]} id="{prefix}-{m[2]}"', body)
    return re.sub(
        r'class="anchor-link" href="#([^"]+)"', lambda m: f'class="anchor-link" href="#{prefix}-{m[1]}"', body
    )


def _output_html(output: dict) -> str:
    kind = output.get("output_type")
    if kind == "stream":
        return "" if output.get("name") == "stderr" else f"<pre>{html.escape(output.get('text', ''))}</pre>"
    data = output.get("data", {})
    if "text/html" in data:
        return "".join(data["text/html"]) if isinstance(data["text/html"], list) else data["text/html"]
    if "image/png" in data:
        return f'<img src="data:image/png;base64,{data["image/png"].strip()}" alt="" style="max-width:100%">'
    if "text/plain" in data:
        return f"<pre>{html.escape(data['text/plain'])}</pre>"
    return ""


def notebook_html(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    parts = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            parts.append(markdown2html(cell.source))
        elif cell.cell_type == "code":
            parts.extend(_output_html(output) for output in cell.get("outputs", []))
    return _prefix_ids("\n".join(parts), path.stem)


def _manifest_html(raw_dir: Path) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(e.file)}</td><td>{html.escape(e.kind)}</td><td>{html.escape(e.date)}</td>"
        f"<td>{html.escape(e.title)}</td><td><code>{e.sha256}</code></td></tr>"
        for e in read_manifest(raw_dir)
    )
    return (
        "<table><thead><tr><th>Fil</th><th>Type</th><th>Dato (manifest)</th><th>Tittel (manifest)</th>"
        f"<th>sha256</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _versions_html() -> str:
    packages = sorted({(d.metadata["Name"].lower(), d.version) for d in metadata.distributions() if d.metadata["Name"]})
    rows = "".join(f"<tr><td>{html.escape(n)}</td><td>{html.escape(v)}</td></tr>" for n, v in packages)
    return (
        f"<p>Python {html.escape(platform.python_version())}. Every installed package "
        f"(installed from <code>requirements.lock</code>):</p>"
        f"<details><summary>{len(packages)} packages</summary><table><thead><tr><th>Package</th>"
        f"<th>Version</th></tr></thead><tbody>{rows}</tbody></table></details>"
    )


def render_report(
    notebooks_dir: Path = NOTEBOOKS_DIR, raw_dir: Path = RAW_DIR, codebook_path: Path = CODEBOOK_PATH
) -> str:
    sections, toc = [], []
    for path in numbered_notebooks(notebooks_dir):
        body = notebook_html(path)
        for level, anchor, heading in _HEADING.findall(body):
            toc.append(f'<li class="h{level}"><a href="#{anchor}">{heading.strip()}</a></li>')
        source = path.relative_to(PROJ_ROOT).as_posix() if path.is_relative_to(PROJ_ROOT) else path.name
        sections.append(
            f'<section class="notebook" id="{path.stem}"><p><small>Kilde: <code>{source}</code>'
            f"</small></p>\n{body}\n</section>"
        )
    toc.append('<li class="h1"><a href="#provenance">Kilder og versjoner</a></li>')
    codebook = load_codebook(codebook_path)
    provenance = (
        '<section class="notebook" id="provenance"><h1>Kilder og versjoner</h1>'
        "<h2>Dokumentene</h2>"
        + _manifest_html(raw_dir)
        + f"<h2>Kodeboken</h2><p><code>{html.escape(codebook.source)}</code>, sha256 <code>{codebook.sha256}</code>, "
        f"{len(codebook.themes)} temaer.</p><h2>Programvare</h2>" + _versions_html() + "</section>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="nb">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(TITLE)}</title>\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<style>{CSS}</style>\n</head>\n'
        f"<body>\n<h1>{html.escape(TITLE)}</h1>\n<p>Laget av <code>make report</code> fra notatbøkene i "
        "<code>notebooks/</code>: fortelling, tabeller og figurer uten kode. Hver figur finnes også som PNG, SVG "
        "og CSV i <code>reports/figures/</code>.</p>\n"
        f"<nav><h2>Innhold</h2><ul>{''.join(toc)}</ul></nav>\n"
        + "\n".join(sections)
        + "\n"
        + provenance
        + "\n</body>\n</html>\n"
    )


def write_report(path: Path = REPORT_PATH, **kwargs: Path) -> Path:
    write_text_atomic(path, render_report(**kwargs))
    return path
