"""PDF, Word and web pages in: fixtures generated here, text checked down to the sentence."""

from pathlib import Path

import matplotlib
import pytest
from corpus import build_corpus
from docx import Document
from fpdf import FPDF

from analysis.base.errors import InputError
from analysis.ingest.extract import dehyphenate, extract, remove_page_furniture
from analysis.ingest.manifest import add_document

FONT = Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
PAGES = [
    [
        "Referat fra møte i Brukerrådet 12. mars 2020",
        "",
        "Dato: 12. mars 2020",
        "Til stede: Olav Strømmen, Velferdsalliansen",
        "Kari Nordmann, ASD",
        "",
        "1. Dialog",
        "",
        "Strømmen fortalte at det er vanskelig å komme inn på arbeids-",
        "markedet for personer som har stått utenfor, og at Arbeids- og",
        "sosialdepartementet må",
    ],
    [
        "se på ordningene. Han etterlyste bedre oppfølging av arbeidsgiverne.",
        "",
        "2. Avslutning",
        "",
        "Kari Nordmann takket for møtet.",
    ],
]


def make_pdf(path: Path, pages: list[list[str]], text: bool = True) -> Path:
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("DejaVu", size=11)
        if not text:
            pdf.rect(20, 20, 170, 250, style="F")  # a "scan": marks on the page, no text layer
            continue
        for row, line in enumerate(lines):
            if line:
                pdf.set_xy(20, 20 + 7 * row)
                pdf.cell(text=line)
        pdf.set_xy(20, 280)
        pdf.cell(text=f"Side {number} av {len(pages)}")
    path.write_bytes(bytes(pdf.output()))
    return path


def make_docx(path: Path) -> Path:
    document = Document()
    for text in [
        "Referat fra møte i arbeidsgruppen 3. juni 2021",
        "Dato: 3. juni 2021",
        "Møteleder: Anne Lie",
        "Til stede: Anne Lie, NAV",
        "Per Olsen, Wayback",
        "1. Lønnstilskudd",
        "Per Olsen understreket at lønnstilskudd bør gis for mer enn tre måneder av gangen.",
    ]:
        document.add_paragraph(text)
    document.save(path)
    return path


HTML = """<!DOCTYPE html><html lang="nb"><head><title>Nyhet</title><script>var x = 1;</script></head>
<body><header><nav><a href="/">Forsiden</a> <a href="/dep">Departementer</a> Meny Søk</nav></header>
<main><article><h1>– Vi må gjøre det enkelt for arbeidsgiverne</h1>
<p>I slutten av oktober inviterte statssekretær Morten Bakke representanter til innspillsmøte.</p>
<p>– Det er nyttig å møte aktører som vet hvor skoen trykker, sier statssekretær Morten Bakke.</p>
</article><aside>Les også: Andre saker om arbeid</aside></main>
<footer>Kontakt oss · Personvern · Informasjonskapsler</footer></body></html>"""


def test_pdf_repairs_page_furniture_hyphens_and_page_breaks(tmp_path: Path) -> None:
    text = extract(make_pdf(tmp_path / "m.pdf", PAGES), (tmp_path / "m.pdf").read_bytes(), "m.pdf").text
    assert "Side 1 av 2" not in text and "Side 2 av 2" not in text
    assert "arbeidsmarkedet" in text and "arbeids-" not in text
    assert "Arbeids- og sosialdepartementet" in " ".join(text.split())


def test_pdf_minutes_build_into_sentences(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    add_document(make_pdf(tmp_path / "2020-03-12_brukerrad.pdf", PAGES), raw, kind="minutes")
    result = build_corpus(raw, tmp_path / "out", analyses=False, hand_path=None, manual_path=None)
    meeting = result.tables["meetings"].iloc[0]
    assert (meeting["date"], meeting["encoding"]) == ("2020-03-12", "pdf")
    sentences = result.tables["segments"]["text"].tolist()
    assert sentences[0] == (
        "Strømmen fortalte at det er vanskelig å komme inn på arbeidsmarkedet for personer som "
        "har stått utenfor, og at Arbeids- og sosialdepartementet må se på ordningene."
    )
    assert result.tables["segments"]["speaker"].tolist()[:2] == ["Olav Strømmen", "Olav Strømmen"]
    assert (raw / "2020-03-12_brukerrad.pdf").read_bytes() == (tmp_path / "2020-03-12_brukerrad.pdf").read_bytes()


def test_scanned_pdf_asks_for_ocr(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", PAGES, text=False)
    with pytest.raises(InputError, match="no text layer"):
        extract(path, path.read_bytes(), "scan.pdf")


def test_docx_minutes_build(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    add_document(make_docx(tmp_path / "2021-06-03_arbeidsgruppe.docx"), raw, kind="minutes")
    result = build_corpus(raw, tmp_path / "out", analyses=False, hand_path=None, manual_path=None)
    meeting = result.tables["meetings"].iloc[0]
    assert (meeting["date"], meeting["chair"]) == ("2021-06-03", "Anne Lie")
    assert result.tables["attendees"]["name"].tolist() == ["Anne Lie", "Per Olsen"]  # list split over paragraphs
    segment = result.tables["segments"].iloc[0]
    assert segment["speaker"] == "Per Olsen" and segment["text"].startswith("Per Olsen understreket")
    assert set(result.tables["codes"]["theme"]) == {"wage_subsidy"}


def test_html_keeps_the_article_not_the_navigation(tmp_path: Path) -> None:
    text = extract(Path("nyhet.html"), HTML.encode("utf-8"), "nyhet.html").text
    assert text.split("\n\n")[0] == "– Vi må gjøre det enkelt for arbeidsgiverne"
    assert "sier statssekretær Morten Bakke" in text
    for noise in ("Forsiden", "Meny", "Personvern", "Les også", "var x"):
        assert noise not in text


@pytest.mark.parametrize(
    "text_in, text_out",
    [
        ("komme inn på arbeids-\nmarkedet", "komme inn på arbeidsmarkedet"),
        ("Arbeids-\nog sosialdepartementet", "Arbeids- og sosialdepartementet"),
        ("Arbeids- og\nsosialdepartementet", "Arbeids- og\nsosialdepartementet"),
        ("NAV-\nkontoret", "NAV-\nkontoret"),  # an upper-case compound part keeps its hyphen
        ("uendret tekst", "uendret tekst"),
    ],
)
def test_dehyphenate(text_in: str, text_out: str) -> None:
    assert dehyphenate(text_in) == text_out


def test_running_header_and_page_numbers_are_dropped() -> None:
    pages = [["Kontaktutvalget – referat", "Tekst én.", "3"], ["Kontaktutvalget – referat", "Tekst to.", "4"]]
    assert remove_page_furniture(pages) == [["Tekst én."], ["Tekst to."]]


def test_unsupported_type_is_refused() -> None:
    with pytest.raises(InputError, match=r"file type \.rtf is not supported"):
        extract(Path("x.rtf"), b"{\\rtf1 hei}", "x.rtf")
