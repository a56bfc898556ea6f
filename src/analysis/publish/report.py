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

from analysis.base.atomic import write_text_atomic
from analysis.base.config import CODEBOOK_PATH, NOTEBOOKS_DIR, PROJ_ROOT, RAW_DIR, REPORT_PATH
from analysis.base.errors import InputError
from analysis.coding.codebook import load_codebook
from analysis.ingest.manifest import read_manifest
from analysis.publish.notebooks import numbered_notebooks
from analysis.publish.words import WORDS, kind_label

_FRAME = re.compile(r'<table border="1" class="dataframe">.*?</table>', re.DOTALL)
_ROW_NUMBER = re.compile(r"(<tr[^>]*>\s*)<th>\d+</th>\s*")
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
td code.sha { word-break: break-all; font-size: 0.75rem; }
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
    if "text/markdown" in data:  # a computed finding: rendered, never its repr
        source = data["text/markdown"]
        return markdown2html("".join(source) if isinstance(source, list) else source)
    if "text/html" in data:
        return "".join(data["text/html"]) if isinstance(data["text/html"], list) else data["text/html"]
    if "image/png" in data:
        return f'<img src="data:image/png;base64,{data["image/png"].strip()}" alt="" style="max-width:100%">'
    if "text/plain" in data:
        return f"<pre>{html.escape(data['text/plain'])}</pre>"
    return ""


def _without_row_numbers(table: str) -> str:
    """A pandas table whose index is only row numbers loses that column: readers took it for data.

    Only an unnamed index under a one-row header goes; a named one ('rank')
    or a header of several levels stays as pandas drew it.
    """
    body = table[table.find("<tbody>") :]
    head = table[: table.find("<tbody>")]
    rows = body.count("<tr")
    header_rows = re.findall(r"<tr[^>]*>\s*<th[^>]*>([^<]*)</th>", head)
    if not rows or len(_ROW_NUMBER.findall(body)) != rows or header_rows != [""]:
        return table
    body = _ROW_NUMBER.sub(r"\1", body)
    head = re.sub(r"(<tr[^>]*>\s*)<th[^>]*>[^<]*</th>\s*", r"\1", head)
    return head + body


def notebook_html(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    parts = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            parts.append(markdown2html(cell.source))
        elif cell.cell_type == "code":
            parts.extend(_output_html(output) for output in cell.get("outputs", []))
    body = _FRAME.sub(lambda m: _without_row_numbers(m[0]), "\n".join(parts))
    return _prefix_ids(body, path.stem)


def _manifest_html(raw_dir: Path, words: dict[str, str], lang: str) -> str:
    """The full sha256 of every document, wrapped inside its cell rather than cut off at the page edge."""
    rows = "".join(
        f"<tr><td>{html.escape(e.file)}</td><td>{html.escape(kind_label(e.kind, lang))}</td>"
        f"<td>{html.escape(e.date)}</td>"
        f'<td>{html.escape(e.title)}</td><td><code class="sha">{e.sha256}</code></td></tr>'
        for e in read_manifest(raw_dir)
    )
    return (
        f"<table><thead><tr><th>{words['file']}</th><th>{words['kind']}</th><th>{words['date']}</th>"
        f"<th>{words['doc_title']}</th><th>sha256</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _versions_html(words: dict[str, str]) -> str:
    packages = sorted({(d.metadata["Name"].lower(), d.version) for d in metadata.distributions() if d.metadata["Name"]})
    rows = "".join(f"<tr><td>{html.escape(n)}</td><td>{html.escape(v)}</td></tr>" for n, v in packages)
    return (
        f"<p>{words['python'].format(version=html.escape(platform.python_version()))}</p>"
        f"<details><summary>{words['packages'].format(n=len(packages))}</summary><table><thead><tr>"
        f"<th>{words['package']}</th><th>{words['version']}</th></tr></thead><tbody>{rows}</tbody></table></details>"
    )


def render_report(
    notebooks_dir: Path = NOTEBOOKS_DIR,
    raw_dir: Path = RAW_DIR,
    codebook_path: Path = CODEBOOK_PATH,
    lang: str = "nb",
) -> str:
    if lang not in WORDS:
        raise InputError("--lang", f"language {lang!r} is not one of {', '.join(WORDS)}", "use nb or en")
    words = WORDS[lang]  # the report's own text; the notebooks were executed in the same language
    sections, toc = [], []
    for path in numbered_notebooks(notebooks_dir):
        body = notebook_html(path)
        for level, anchor, heading in _HEADING.findall(body):
            toc.append(f'<li class="h{level}"><a href="#{anchor}">{heading.strip()}</a></li>')
        source = path.relative_to(PROJ_ROOT).as_posix() if path.is_relative_to(PROJ_ROOT) else path.name
        sections.append(
            f'<section class="notebook" id="{path.stem}"><p><small>{words["source"]}: <code>{source}</code>'
            f"</small></p>\n{body}\n</section>"
        )
    toc.append(f'<li class="h1"><a href="#provenance">{words["provenance"]}</a></li>')
    codebook = load_codebook(codebook_path)
    provenance = (
        f'<section class="notebook" id="provenance"><h1>{words["provenance"]}</h1>'
        f"<h2>{words['documents']}</h2>"
        + _manifest_html(raw_dir, words, lang)
        + f"<h2>{words['codebook']}</h2><p><code>{html.escape(codebook.source)}</code>, sha256 "
        f'<code class="sha">{codebook.sha256}</code>, {len(codebook.themes)} {words["themes"]}.</p>'
        f"<h2>{words['software']}</h2>" + _versions_html(words) + "</section>"
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(words['title'])}</title>\n"
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<style>{CSS}</style>\n</head>\n'
        f"<body>\n<h1>{html.escape(words['title'])}</h1>\n<p>{words['intro']}</p>\n"
        f"<nav><h2>{words['contents']}</h2><ul>{''.join(toc)}</ul></nav>\n"
        + "\n".join(sections)
        + "\n"
        + provenance
        + "\n</body>\n</html>\n"
    )


def write_report(path: Path = REPORT_PATH, **kwargs: Path | str) -> Path:
    write_text_atomic(path, render_report(**kwargs))
    return path
