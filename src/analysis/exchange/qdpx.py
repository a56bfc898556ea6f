"""REFI-QDA exchange: our coding out to NVivo, ATLAS.ti, MAXQDA or QualCoder, and their corrections back in.

`export_qdpx` writes a `.qdpx` project (a zip of `project.qde` and one plain
text per document): the codebook as codes with colours and definitions,
every document as a text source, every coded sentence as a
`PlainTextSelection` with one `Coding` per theme, and speakers and
organisations as cases. Offsets are character positions (Unicode code
points) in the exported text, and every GUID is derived from what it names
(uuid5), so the same build exports the same bytes.

`import_qdpx` reads the codings of such a project after a researcher has
worked on it, compares them with `codes.csv`, and appends the differences
to the manual-codes file: codes added in the other tool (with the coder's
name) and codes removed there.
"""

import csv
import io
import uuid
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis import __version__
from analysis.base.atomic import deterministic_zip, write_bytes_atomic, write_text_atomic
from analysis.base.config import display_path
from analysis.base.errors import InputError
from analysis.base.handfiles import read_csv_text
from analysis.coding.codebook import Codebook
from analysis.coding.manual_codes import FILE_COLUMNS as MANUAL_COLUMNS
from analysis.publish.style import theme_colours

NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
GUID_NAMESPACE = uuid.UUID("6f1c2b8e-3d4a-5b6c-8d7e-9f0a1b2c3d4e")
AUTO_CODER = "analysis (automatic coder)"
MIN_OVERLAP = 0.5  # share of a sentence a selection must cover to code it


def guid(kind: str, key: str) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{key}"))


def _q(tag: str, ns: str = NS) -> str:
    return f"{{{ns}}}{tag}"


@dataclass(frozen=True)
class Source:
    meeting_id: str
    text: str
    spans: dict[str, tuple[int, int]]  # segment_id -> (start, end)


def source_text(meeting: pd.Series, segments: pd.DataFrame) -> Source:
    """The document as readers of the export see it: title, section headings, paragraphs of sentences."""
    parts: list[str] = []
    length = 0
    spans: dict[str, tuple[int, int]] = {}

    def add(text: str) -> None:
        nonlocal length
        parts.append(text)
        length += len(text)

    if meeting["title"]:
        add(meeting["title"])
    section, paragraph = None, None
    for row in segments.itertuples(index=False):
        if row.section != section and row.section:
            add(("\n\n" if length else "") + row.section)
        if row.paragraph_no != paragraph or row.section != section:
            add("\n\n" if length else "")
        else:
            add(" ")
        section, paragraph = row.section, row.paragraph_no
        spans[row.segment_id] = (length, length + len(row.text))
        add(row.text)
    add("\n")
    return Source(meeting["meeting_id"], "".join(parts), spans)


def build_sources(meetings: pd.DataFrame, segments: pd.DataFrame) -> dict[str, Source]:
    grouped = dict(tuple(segments.groupby("meeting_id", sort=False)))
    return {
        m["meeting_id"]: source_text(m, grouped.get(m["meeting_id"], segments.iloc[0:0]))
        for _, m in meetings.iterrows()
    }


def _codes_element(parent: ET.Element, codebook: Codebook, ns: str) -> None:
    codes = ET.SubElement(parent, _q("Codes", ns))
    colours = theme_colours(codebook.ids)
    for theme in codebook.themes:
        code = ET.SubElement(
            codes,
            _q("Code", ns),
            guid=guid("code", theme.id),
            name=theme.label_nb,
            isCodable="true",
            color=colours[theme.id],
        )
        ET.SubElement(code, _q("Description", ns)).text = f"{theme.definition} [{theme.id}] ({theme.label_en})"


VARIABLES = ("dato", "dokumenttype", "språk", "organisasjon", "aktørtype")


def project_xml(tables: dict[str, pd.DataFrame], codebook: Codebook, sources: dict[str, Source]) -> bytes:
    """The project.qde document: users, the codebook, variables, cases and the coded sources."""
    codes = tables["codes"]
    coders = sorted({c for c in codes["coder"] if c})
    users = {AUTO_CODER: guid("user", AUTO_CODER)} | {c: guid("user", c) for c in coders}
    project = ET.Element(
        _q("Project"),
        name="Inkluderingsdugnaden i referater",
        origin=f"analysis {__version__}",
        creatingUserGUID=users[AUTO_CODER],
    )
    users_el = ET.SubElement(project, _q("Users"))
    for name, user_guid in users.items():
        ET.SubElement(users_el, _q("User"), guid=user_guid, name=name)
    _codes_element(ET.SubElement(project, _q("CodeBook")), codebook, NS)
    variables = {name: guid("variable", name) for name in VARIABLES}
    variables_el = ET.SubElement(project, _q("Variables"))
    for name, var_guid in variables.items():
        ET.SubElement(variables_el, _q("Variable"), guid=var_guid, name=name, typeOfVariable="Text")
    coded = codes.groupby("segment_id", sort=False)
    _cases_element(ET.SubElement(project, _q("Cases")), tables["segments"], coded, variables)
    _sources_element(ET.SubElement(project, _q("Sources")), tables["meetings"], sources, coded, users, variables)
    ET.register_namespace("", NS)
    ET.indent(project)
    return ET.tostring(project, encoding="utf-8", xml_declaration=True)


def _cases_element(cases_el: ET.Element, segments: pd.DataFrame, coded, variables: dict[str, str]) -> None:
    """Speakers and organisations of coded sentences as cases, each pointing at its selections."""
    info = segments.set_index("segment_id")
    cases: dict[tuple[str, str], list[str]] = {}
    for sid in coded.groups:
        if info.loc[sid, "speaker"]:
            cases.setdefault(("speaker", info.loc[sid, "speaker"]), []).append(sid)
        if info.loc[sid, "organisation_canonical"]:
            cases.setdefault(("organisation", info.loc[sid, "organisation_canonical"]), []).append(sid)
    speaker_org = dict(
        zip(
            segments["speaker"],
            zip(segments["organisation_canonical"], segments["actor_type"], strict=True),
            strict=True,
        )
    )
    for (kind, name), sids in sorted(cases.items()):
        case = ET.SubElement(cases_el, _q("Case"), guid=guid(f"case-{kind}", name), name=name)
        ET.SubElement(case, _q("Description")).text = "taler" if kind == "speaker" else "organisasjon"
        org, actor = speaker_org.get(name, ("", "")) if kind == "speaker" else (name, "")
        for variable, value in (("organisasjon", org), ("aktørtype", actor)):
            if value:
                _variable_value(case, variables[variable], value)
        for sid in sids:
            ET.SubElement(case, _q("SelectionRef"), targetGUID=guid("selection", sid))


def _sources_element(
    sources_el: ET.Element,
    meetings: pd.DataFrame,
    sources: dict[str, Source],
    coded,
    users: dict[str, str],
    variables: dict[str, str],
) -> None:
    """Each document as a text source; each coded sentence a selection at its exact offsets, with its codings."""
    for _, meeting in meetings.iterrows():
        source = sources[meeting["meeting_id"]]
        source_guid = guid("source", meeting["meeting_id"])
        element = ET.SubElement(
            sources_el,
            _q("TextSource"),
            guid=source_guid,
            name=meeting["meeting_id"],
            plainTextPath=f"internal://{source_guid}.txt",
        )
        ET.SubElement(element, _q("Description")).text = meeting["title"]
        for sid in source.spans:
            if sid not in coded.groups:
                continue
            start, end = source.spans[sid]
            selection = ET.SubElement(
                element,
                _q("PlainTextSelection"),
                guid=guid("selection", sid),
                name=sid,
                startPosition=str(start),
                endPosition=str(end),
            )
            for row in coded.get_group(sid).itertuples(index=False):
                user = users[row.coder] if row.source == "manual" and row.coder else users[AUTO_CODER]
                coding = ET.SubElement(
                    selection, _q("Coding"), guid=guid("coding", f"{sid}:{row.theme}"), creatingUser=user
                )
                ET.SubElement(coding, _q("CodeRef"), targetGUID=guid("code", row.theme))
        for variable, value in (
            ("dato", meeting["date"]),
            ("dokumenttype", meeting["kind"]),
            ("språk", meeting.get("language", "")),
        ):
            if value:
                _variable_value(element, variables[variable], value)


def _variable_value(parent: ET.Element, variable_guid: str, value: str) -> None:
    holder = ET.SubElement(parent, _q("VariableValue"))
    ET.SubElement(holder, _q("VariableRef"), targetGUID=variable_guid)
    ET.SubElement(holder, _q("TextValue")).text = value


def export_qdpx(tables: dict[str, pd.DataFrame], codebook: Codebook, out: Path) -> Path:
    sources = build_sources(tables["meetings"], tables["segments"])
    files = {"project.qde": project_xml(tables, codebook, sources)}
    for meeting_id, source in sources.items():
        files[f"sources/{guid('source', meeting_id)}.txt"] = source.text.encode("utf-8")
    return write_bytes_atomic(out, deterministic_zip(files))


def codebook_xml(codebook: Codebook) -> bytes:
    ET.register_namespace("", CODEBOOK_NS)
    root = ET.Element(_q("CodeBook", CODEBOOK_NS), origin=f"analysis {__version__}")
    _codes_element(root, codebook, CODEBOOK_NS)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def export_codebook(codebook: Codebook, out: Path) -> Path:
    """The codebook as a REFI-QDA .qdc file, written atomically like every other output."""
    return write_bytes_atomic(Path(out), codebook_xml(codebook))


def _theme_of_code(code: ET.Element, codebook: Codebook) -> str | None:
    by_guid = {guid("code", t.id): t.id for t in codebook.themes}
    by_name = {label.casefold(): i for i, label in codebook.labels().items()} | {i: i for i in codebook.ids}
    return by_guid.get(code.get("guid", "")) or by_name.get((code.get("name") or "").casefold())


def read_codings(path: Path, tables: dict[str, pd.DataFrame], codebook: Codebook) -> tuple[set, dict, set[str]]:
    """Codings in a .qdpx as {(segment_id, theme)}, who made them, and the meetings it covers."""
    where = display_path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            root = ET.fromstring(archive.read("project.qde"))
            texts = {
                name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.startswith("sources/")
            }
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as error:
        raise InputError(where, f"not a readable REFI-QDA project ({error})", "export it again as .qdpx") from None
    users = {u.get("guid"): u.get("name") or "" for u in root.iter(_q("User"))}
    themes = {c.get("guid"): _theme_of_code(c, codebook) for c in root.iter(_q("Code"))}
    sources = build_sources(tables["meetings"], tables["segments"])
    codings: set[tuple[str, str]] = set()
    coders: dict[tuple[str, str], str] = {}
    covered: set[str] = set()
    for element in root.iter(_q("TextSource")):
        meeting_id = element.get("name", "")
        if meeting_id not in sources:
            raise InputError(
                where,
                f"source {meeting_id!r} is not a document of this build",
                "import only projects exported from this compendium",
            )
        path_in_zip = "sources/" + (element.get("plainTextPath") or "").removeprefix("internal://")
        if texts.get(path_in_zip) != sources[meeting_id].text:
            raise InputError(
                where,
                f"the text of {meeting_id} differs from the current build",
                "export again with `analysis export-qdpx` and redo the coding on the new export",
            )
        covered.add(meeting_id)
        spans = sources[meeting_id].spans
        for selection in element.iter(_q("PlainTextSelection")):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            hit = [sid for sid, (a, b) in spans.items() if min(b, end) - max(a, start) >= MIN_OVERLAP * (b - a)]
            for coding in selection.iter(_q("Coding")):
                ref = coding.find(_q("CodeRef"))
                theme = themes.get(ref.get("targetGUID") if ref is not None else None)
                if theme is None:
                    raise InputError(
                        where,
                        f"a coding in {meeting_id} uses a code that is not in the codebook",
                        "add the code to data/codebook.yml first, or remove the coding",
                    )
                for sid in hit:
                    codings.add((sid, theme))
                    coders[(sid, theme)] = users.get(coding.get("creatingUser"), "") or "qdpx import"
    return codings, coders, covered


def import_qdpx(
    path: Path, tables: dict[str, pd.DataFrame], codebook: Codebook, manual_path: Path, coder: str = "qdpx import"
) -> tuple[int, int]:
    """Append the project's differences from codes.csv to the manual-codes file; returns (added, removed)."""
    imported, who, covered = read_codings(Path(path), tables, codebook)
    segments = tables["segments"]
    in_scope = set(segments[segments["meeting_id"].isin(covered)]["segment_id"])
    current = {
        (s, t) for s, t in zip(tables["codes"]["segment_id"], tables["codes"]["theme"], strict=True) if s in in_scope
    }
    order = {sid: i for i, sid in enumerate(segments["segment_id"])}
    rank = {t: i for i, t in enumerate(codebook.ids)}
    key = lambda pair: (order[pair[0]], rank[pair[1]])  # noqa: E731
    note = f"from {Path(path).name}"
    rows = [
        [s, t, "add", who[(s, t)] if who[(s, t)] != AUTO_CODER else coder, note]
        for s, t in sorted(imported - current, key=key)
    ]
    rows += [[s, t, "remove", coder, note] for s, t in sorted(current - imported, key=key)]
    manual_path = Path(manual_path)
    existing = ",".join(MANUAL_COLUMNS) + "\n"
    if manual_path.is_file():  # appended to as it is, so it must be what `read_manual_codes` reads
        existing = read_csv_text(manual_path, MANUAL_COLUMNS, required=MANUAL_COLUMNS[:3])
    if not existing.endswith("\n"):
        existing += "\n"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    write_text_atomic(manual_path, existing + buffer.getvalue())
    return sum(r[2] == "add" for r in rows), sum(r[2] == "remove" for r in rows)
