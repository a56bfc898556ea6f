"""The `analysis` command: one subcommand per pipeline entry point, one clear line per error."""

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from analysis.base.config import (
    CODEBOOK_PATH,
    GOLD_PATH,
    HAND_CODES_PATH,
    MANUAL_CODES_PATH,
    NOTEBOOKS_DIR,
    NUMBERED_NOTEBOOKS,
    PROCESSED_DIR,
    RANDOM_STATE,
    RAW_DIR,
    REPORTS_DIR,
    display_path,
)
from analysis.base.errors import InputError


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- arguments, checked before any work: each check says what is wrong and what to do, in one line ------------------
# Each check carries `bad`, values it must refuse, and `good`, a way to make a value it accepts: the sweep test in
# tests/test_cli_arguments.py calls every registered subcommand with every bad value of every checked argument.


def _check(bad: tuple[str, ...], good: Callable[[Path], str]):
    def mark(function):
        function.bad, function.good = bad, good
        return function

    return mark


def _made_file(tmp: Path) -> str:
    path = tmp / "dokument.txt"
    path.write_text("Referat fra møtet i kontaktutvalget. Deltakerne diskuterte lønnstilskudd.\n", encoding="utf-8")
    return str(path)


@_check(bad=("0", "-5", "many"), good=lambda _tmp: "3")
def positive_count(text: str) -> int:
    """A count of 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number — give a count of 1 or more") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a count of 1 or more — give 1 or more")
    return value


@_check(bad=("-1", "seed"), good=lambda _tmp: "7")
def seed(text: str) -> int:
    """A random seed: a whole number of 0 or more."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 0 or more — give a seed such as 42")
    return value


@_check(bad=("/no/such/file.txt", "/"), good=_made_file)
def existing_file(text: str) -> str:
    """A file that must exist."""
    path = Path(text)
    if path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder, not a file — give the file itself")
    if not path.is_file():
        raise argparse.ArgumentTypeError(f"{text}: no such file — check the path")
    return text


@_check(bad=("/no/such/folder", sys.executable), good=lambda tmp: str(tmp))
def existing_folder(text: str) -> str:
    """A folder that must exist."""
    path = Path(text)
    if not path.exists():
        raise argparse.ArgumentTypeError(f"{text}: no such folder — check the path")
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a file, not a folder — give the folder")
    return text


@_check(bad=("/no/such/folder", sys.executable), good=lambda tmp: str(tmp))
def processed_folder(text: str) -> str:
    """The built tables' folder."""
    path = Path(text)
    if not path.is_dir():
        shown = "is a file, not a folder" if path.exists() else "holds no built tables"
        raise argparse.ArgumentTypeError(f"{text} {shown} — run `analysis build` first, or give --processed FOLDER")
    return text


def _made_raw(tmp: Path) -> str:
    raw = tmp / "raw"
    raw.mkdir(exist_ok=True)
    (raw / "manifest.csv").write_text("file,sha256,kind,date,title,source\n", encoding="utf-8")
    return str(raw)


@_check(bad=("/no/such/folder", sys.executable, "/"), good=_made_raw)
def raw_folder(text: str) -> str:
    """A raw folder: it must hold manifest.csv."""
    existing_folder(text)
    if not (Path(text) / "manifest.csv").is_file():
        raise argparse.ArgumentTypeError(
            f"{text} has no manifest.csv — give the raw folder (data/raw), or register a document with `analysis add`"
        )
    return text


def _made_notebooks(tmp: Path) -> str:
    folder = tmp / "notebooks"
    folder.mkdir(exist_ok=True)
    (folder / "01-x.ipynb").write_text("{}", encoding="utf-8")
    return str(folder)


@_check(bad=("/no/such/folder", sys.executable, "/"), good=_made_notebooks)
def notebooks_folder(text: str) -> str:
    """A folder holding numbered notebooks (01-….ipynb)."""
    existing_folder(text)
    if not any(Path(text).glob(NUMBERED_NOTEBOOKS)):
        raise argparse.ArgumentTypeError(
            f"{text} holds no numbered notebooks (01-….ipynb) — give the folder that holds them; nothing was touched"
        )
    return text


def _writable_parent(text: str, what: str) -> None:
    parent = Path(text).resolve().parent
    if not parent.is_dir():
        raise argparse.ArgumentTypeError(f"{text}: folder {parent} does not exist — create it or write elsewhere")
    if not os.access(parent, os.W_OK):
        raise argparse.ArgumentTypeError(f"{text}: folder {parent} is not writable — write the {what} elsewhere")


@_check(bad=("/no/such/folder/out.csv", "/"), good=lambda tmp: str(tmp / "out.csv"))
def output_file(text: str) -> str:
    """A file to write: not a folder, in a folder that exists and may be written to."""
    if Path(text).is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder — give a file name to write")
    _writable_parent(text, "file")
    return text


@_check(bad=("/no/such/folder/out.csv", "/", sys.executable), good=lambda tmp: str(tmp / "new.csv"))
def new_file(text: str) -> str:
    """A file to create: it must not exist yet (it would hold someone's work), in a writable folder."""
    if Path(text).is_file():
        raise argparse.ArgumentTypeError(f"{text} exists and may hold someone's work — give a new file name")
    return output_file(text)


@_check(bad=("/no/such/folder/out", sys.executable), good=lambda tmp: str(tmp / "out"))
def output_folder(text: str) -> str:
    """A folder to write into: a folder or nothing yet, inside a folder that exists and may be written to."""
    if Path(text).exists() and not Path(text).is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a file — give a folder to write into")
    _writable_parent(text, "folder")
    return text


@_check(bad=("yesterday", "2019-13-01"), good=lambda _tmp: "2019-12-06")
def date_text(text: str) -> str:
    """YYYY-MM-DD, YYYY-MM, YYYY, or empty."""
    from analysis.ingest.manifest import DATE_RE

    if text and not DATE_RE.match(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not YYYY-MM-DD, YYYY-MM or YYYY — write the date in ISO form")
    return text


class _Parser(argparse.ArgumentParser):
    """argparse, but a bad argument gets one line and exit 2, not the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {self.prog}: {message}\n")


def cmd_build(args: argparse.Namespace) -> int:
    from analysis.pipeline.build import build

    result = build(
        Path(args.raw),
        Path(args.out),
        codebook_path=Path(args.codebook),
        manual_path=Path(args.manual_codes),
        hand_path=Path(args.hand_codes),
        analyses=not args.no_analyses,
        jobs=args.jobs,
        scheduler=args.scheduler,
        progress=None if args.quiet else _say,
    )
    for warning in result.warnings:
        _say(f"warning: {warning}")
    counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
    _say(f"{'kept' if result.unchanged else 'built'} {display_path(Path(args.out))}: {counts}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from analysis.ingest.manifest import add_document

    entry = add_document(
        Path(args.file),
        Path(args.raw),
        kind=args.kind,
        date=args.date,
        title=args.title,
        origin=args.source,
        name=args.name,
    )
    _say(
        f"added {entry.file} ({entry.sha256[:12]}…) to {display_path(Path(args.raw))}/manifest.csv;"
        " run `analysis build` to include it"
    )
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from analysis.ingest.manifest import edit_document

    changes = {"kind": args.kind, "date": args.date, "title": args.title, "source": args.source}
    if all(value is None for value in changes.values()):
        raise InputError(args.file, "nothing to change", "give --date, --title, --kind or --source")
    entry = edit_document(Path(args.raw), args.file, **changes)
    shown = ", ".join(f"{k} {getattr(entry, k)!r}" for k, v in changes.items() if v is not None)
    _say(f"{entry.file}: {shown} in {display_path(Path(args.raw))}/manifest.csv; run `analysis build` to apply it")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from analysis.ingest.manifest import remove_document

    moved = remove_document(Path(args.raw), args.file)
    _say(
        f"removed {moved.name} from {display_path(Path(args.raw))}/manifest.csv; the file was moved to "
        f"{display_path(moved)}; run `analysis build` to drop it from the tables"
    )
    return 0


def cmd_notebooks(args: argparse.Namespace) -> int:
    from analysis.pipeline.build import require_built_with
    from analysis.publish.notebooks import run_in_language

    require_built_with(CODEBOOK_PATH, PROCESSED_DIR)
    done = run_in_language(args.lang, Path(args.dir), progress=_say)
    if args.lang != "nb":
        _say(f"executed in {args.lang}: {display_path(done)} (the committed notebooks are unchanged)")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from analysis.publish.notebooks import language_dir, run_in_language
    from analysis.publish.report import write_report

    notebooks = Path(args.dir)
    if args.lang != "nb":  # the committed notebooks are Norwegian: run copies in the report's language first
        from analysis.pipeline.build import require_built_with

        require_built_with(CODEBOOK_PATH, PROCESSED_DIR)
        notebooks = run_in_language(args.lang, notebooks, progress=_say)
    out = Path(args.out) if args.out else language_dir(args.lang) / "report.html"
    path = write_report(out, notebooks_dir=notebooks, lang=args.lang)
    _say(f"wrote {display_path(path)} ({path.stat().st_size // 1024} KiB, self-contained)")
    return 0


def _load(folder: Path, name: str, where: str | None = None):
    """A built table; a table not built yet is one line naming the folder."""
    from analysis.base.tables import load

    try:
        return load(name, folder, where=where)
    except FileNotFoundError as error:
        raise InputError(display_path(folder), str(error), "run `analysis build` first") from None


def _load_processed(folder: Path) -> dict:
    from analysis.base.tables import CONTRACT_TABLES

    return {name: _load(folder, name) for name in CONTRACT_TABLES}


def cmd_export_qdpx(args: argparse.Namespace) -> int:
    from analysis.coding.codebook import load_codebook
    from analysis.exchange.qdpx import export_qdpx

    path = export_qdpx(_load_processed(Path(args.processed)), load_codebook(Path(args.codebook)), Path(args.out))
    _say(f"wrote {display_path(path)} (REFI-QDA project; open it in NVivo, ATLAS.ti, MAXQDA or QualCoder)")
    return 0


def cmd_import_qdpx(args: argparse.Namespace) -> int:
    from analysis.coding.codebook import load_codebook
    from analysis.exchange.qdpx import import_qdpx

    added, removed = import_qdpx(
        Path(args.file),
        _load_processed(Path(args.processed)),
        load_codebook(Path(args.codebook)),
        Path(args.manual_codes),
        coder=args.coder,
    )
    _say(
        f"{display_path(Path(args.manual_codes))}: {added} code(s) added, {removed} removed from "
        f"{Path(args.file).name}; run `analysis build` to apply them"
    )
    return 0


def cmd_export_codebook(args: argparse.Namespace) -> int:
    from analysis.coding.codebook import load_codebook
    from analysis.exchange.qdpx import export_codebook

    path = export_codebook(load_codebook(Path(args.codebook)), Path(args.out))
    _say(f"wrote {display_path(path)} (REFI-QDA codebook)")
    return 0


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from analysis.coding.codebook import load_codebook
    from analysis.exchange.spreadsheet import export_xlsx

    path = export_xlsx(_load_processed(Path(args.processed)), load_codebook(Path(args.codebook)), Path(args.out))
    _say(f"wrote {display_path(path)}")
    return 0


def cmd_export_csv(args: argparse.Namespace) -> int:
    from analysis.base.atomic import write_text_atomic
    from analysis.base.tables import COLUMNS, to_csv_text

    folder, out = Path(args.processed), Path(args.out or f"{args.table}.csv")
    if args.table not in COLUMNS:
        raise InputError(args.table, "is not a table", f"name one of: {', '.join(COLUMNS)}")
    try:
        table = _load(folder, args.table, where=args.where)
    except ValueError as error:
        raise InputError(f"--where {args.where!r}", str(error), "use the table's column names and SQL") from None
    write_text_atomic(out, to_csv_text(table))
    _say(f"wrote {display_path(out)} ({len(table)} rows of {args.table})")
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    from analysis.coding.codebook import load_codebook
    from analysis.coding.sample import draw_sample, write_sample

    tables = _load_processed(Path(args.processed))
    codes = tables["codes"]
    codebook = load_codebook(Path(args.codebook))
    sample, design = draw_sample(tables["segments"], codes, codebook.ids, args.n, args.seed)
    design_file = write_sample(sample, design, Path(args.out))
    strata = design.drop_duplicates("stratum")
    _say(
        f"wrote {len(sample)} of {len(tables['segments'])} sentences from {len(strata)} strata to "
        f"{display_path(Path(args.out))} (blind: give a copy to each coder, who fills `coder` and `themes`) "
        f"and the design to {display_path(design_file)} (keep it from the coders)"
    )
    if len(sample) < args.n:
        _say(f"the corpus has only {len(sample)} sentences: all of them are in the sample")
    return 0


COLUMNS_BEGIN = (
    "<!-- columns: written by `analysis columns --readme README.md` from src/analysis/base/columns.yml, "
    "do not edit by hand -->"
)
COLUMNS_END = "<!-- /columns -->"


def cmd_columns(args: argparse.Namespace) -> int:
    from analysis.base.atomic import write_text_atomic
    from analysis.base.markers import with_block
    from analysis.base.tables import columns_markdown

    if args.readme is None:
        print(columns_markdown())
        return 0
    readme = Path(args.readme)
    text = readme.read_text(encoding="utf-8")
    write_text_atomic(readme, with_block(text, COLUMNS_BEGIN, COLUMNS_END, columns_markdown(), display_path(readme)))
    _say(f"wrote the tables' columns into {display_path(readme)}")
    return 0


def cmd_synth(args: argparse.Namespace) -> int:
    from analysis.bench.synth import synth_corpus

    out = synth_corpus(args.docs, Path(args.out), seed=args.seed)
    _say(f"wrote {args.docs} synthetic documents and manifest.csv to {display_path(out)}")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from analysis.bench.bench import bench

    table = bench(args.docs, Path(args.out), topic_sample=args.topic_docs)
    print(table.drop(columns="machine").to_string(index=False))
    _say(f"machine: {table['machine'].iloc[0]}; written to {display_path(Path(args.out))}")
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from analysis.evaluate.run import (
        evaluate,
        evaluate_coding,
        update_readme,
        write_coding_evaluation,
        write_evaluation,
    )

    if args.coding and not args.docs:
        raise InputError("--coding", "needs --docs", "pass the folder that holds the coded sentences' documents")
    if args.readme and not args.coding:
        raise InputError("--readme", "needs --coding", "pass the hand-coded sentences to score")

    evaluation = evaluate(
        Path(args.gold),
        Path(args.docs) if args.docs else None,
        Path(args.processed),
        progress=None if args.quiet else _say,
    )
    if evaluation.left_out and evaluation.documents:
        shown = ", ".join(evaluation.left_out[:3]) + (", …" if len(evaluation.left_out) > 3 else "")
        _say(
            f"warning: {len(evaluation.left_out)} document(s) of {display_path(Path(args.gold))} are not in the build, "
            f"left out of the scores: {shown}"
        )
    if not evaluation.documents:
        _say(
            f"warning: no document of {display_path(Path(args.gold))} is in the build: nothing scored; write a gold "
            "file for some of your own documents (README, 'Writing a gold file for your documents')"
        )
    if not args.quiet:
        for miss in evaluation.misses.itertuples(index=False):
            shown = " → ".join(part for part in (miss.expected, miss.parsed) if part)
            _say(f"  {miss.file}: {miss.field} {miss.problem}: {shown}")
    print(evaluation.summary.to_string(index=False, na_rep=""))
    written = write_evaluation(evaluation, Path(args.out), Path(args.misses) if args.misses else None)
    summary = evaluation.summary.set_index("field")
    share = f" ({evaluation.share_found:.0%})" if summary.loc["all", "gold"] else ""
    _say(
        f"found {summary.loc['all', 'found']} of {summary.loc['all', 'gold']} gold facts{share}; "
        f"wrote {', '.join(display_path(p) for p in written)}"
    )
    if args.coding:
        coding = evaluate_coding(
            Path(args.coding),
            Path(args.gold),
            Path(args.docs),
            Path(args.codebook),
            progress=None if args.quiet else _say,
        )
        print(coding.agreement.to_string(index=False, na_rep=""))
        written = write_coding_evaluation(
            coding, Path(args.coding_out), Path(args.coding_misses) if args.coding_misses else None
        )
        if args.readme:
            written.append(
                update_readme(Path(args.readme), coding, Path(args.codebook), Path(args.processed), evaluation.summary)
            )
        measures = dict(coding.summary.itertuples(index=False))
        _say(
            f"coding micro-F1 {measures['micro_f1']:.3f} on {measures['gold_sentences']} sentences; "
            f"off-topic sentences coded: {measures['off_topic_sentences_coded']} of {measures['off_topic_sentences']}; "
            f"wrote {', '.join(display_path(p) for p in written)}"
        )
    return 0


def parser() -> argparse.ArgumentParser:
    top = _Parser(prog="analysis", description=__doc__)
    from analysis.ingest.manifest import KINDS

    top.add_argument("--verbose", action="store_true", help="show tracebacks (for bug reports)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="build data/processed/ from data/raw/")
    p.add_argument(
        "--raw", type=raw_folder, default=str(RAW_DIR), help="raw folder with manifest.csv (default data/raw)"
    )
    p.add_argument(
        "--out", type=output_folder, default=str(PROCESSED_DIR), help="output folder (default data/processed)"
    )
    p.add_argument(
        "--codebook",
        type=existing_file,
        default=str(CODEBOOK_PATH),
        help="theme codebook (default data/codebook.yml); try a variant without editing it",
    )
    p.add_argument(
        "--manual-codes",
        default=str(MANUAL_CODES_PATH),
        help="manual code corrections (default data/manual_codes.csv)",
    )
    p.add_argument(
        "--hand-codes",
        default=str(HAND_CODES_PATH),
        help="hand codes the automatic coding is compared with (default data/hand_codes.csv)",
    )
    p.add_argument(
        "--no-analyses", action="store_true", help="stop after coding: no topic models or comparisons (a quick check)"
    )
    p.add_argument("--jobs", type=positive_count, default=None, help="worker processes (default: all cores)")
    p.add_argument(
        "--scheduler", default=None, help="Dask scheduler address (tcp://host:8786) to process documents on a cluster"
    )
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("add", help="copy a document into the raw folder and register it")
    p.add_argument("file", type=existing_file, help="the document as received")
    p.add_argument("--raw", type=output_folder, default=str(RAW_DIR), help="raw folder (default data/raw)")
    p.add_argument("--kind", default="minutes", choices=KINDS, help="minutes, news, agenda or other (default minutes)")
    p.add_argument(
        "--date",
        type=date_text,
        default="",
        help="YYYY-MM-DD, YYYY-MM or YYYY; a partial date is completed from the text",
    )
    p.add_argument("--title", default="", help="title, when the text does not state it")
    p.add_argument("--source", default="", help="where the document came from (URL, archive id)")
    p.add_argument("--name", default=None, help="file name in the raw folder (default: as given)")
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("edit", help="correct a registered document's kind, date, title or source")
    p.add_argument("file", help="the document's file name in the raw folder")
    p.add_argument("--raw", type=raw_folder, default=str(RAW_DIR), help="raw folder (default data/raw)")
    p.add_argument("--kind", default=None, choices=KINDS, help="minutes, news, agenda or other")
    p.add_argument("--date", type=date_text, default=None, help="YYYY-MM-DD, YYYY-MM or YYYY ('' lets the text decide)")
    p.add_argument("--title", default=None, help="title ('' lets the text decide)")
    p.add_argument("--source", default=None, help="where the document came from")
    p.set_defaults(func=cmd_edit)

    p = sub.add_parser("remove", help="unregister a document and move its file to data/removed/")
    p.add_argument("file", help="the document's file name in the raw folder")
    p.add_argument("--raw", type=raw_folder, default=str(RAW_DIR), help="raw folder (default data/raw)")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("notebooks", help="execute the numbered notebooks in order and save them with outputs")
    p.add_argument(
        "--dir", type=notebooks_folder, default=str(NOTEBOOKS_DIR), help="notebook folder (default notebooks)"
    )
    p.add_argument(
        "--lang",
        default="nb",
        choices=("nb", "en"),
        help="language (default nb, in place); en runs copies into reports/en/notebooks/ and reports/en/figures/",
    )
    p.set_defaults(func=cmd_notebooks)

    for name, func, help_text in (
        ("export-qdpx", cmd_export_qdpx, "write a REFI-QDA project (.qdpx) with documents, codes and codings"),
        ("export-xlsx", cmd_export_xlsx, "write one Excel workbook: a sheet per table and the coded sentences"),
    ):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("out", type=output_file, help="output file")
        p.add_argument(
            "--processed",
            type=existing_folder,
            default=str(PROCESSED_DIR),
            help="built tables (default data/processed)",
        )
        p.add_argument(
            "--codebook", type=existing_file, default=str(CODEBOOK_PATH), help="codebook (default data/codebook.yml)"
        )
        p.set_defaults(func=func)

    p = sub.add_parser("export", help="write a table of the Parquet store as a file for people")
    formats = p.add_subparsers(dest="format", required=True, parser_class=_Parser)
    p = formats.add_parser(
        "csv", help="one table as CSV, the contract's form, optionally only the rows --where selects"
    )
    p.add_argument("table", help="a table name: meetings, attendees, agenda, segments, codes, theme_comparison, …")
    p.add_argument(
        "--where",
        help="an SQL condition on the table's columns, e.g. \"meeting_id LIKE '2019-%%' AND speaker <> ''\"",
    )
    p.add_argument("--out", type=output_file, help="file to write (default TABLE.csv here)")
    p.add_argument(
        "--processed", type=processed_folder, default=str(PROCESSED_DIR), help="built tables (default data/processed)"
    )
    p.set_defaults(func=cmd_export_csv)

    p = sub.add_parser("import-qdpx", help="bring codings made in another QDA tool back as manual codes")
    p.add_argument("file", type=existing_file, help="a .qdpx exported by `analysis export-qdpx` and coded elsewhere")
    p.add_argument(
        "--processed", type=processed_folder, default=str(PROCESSED_DIR), help="built tables (default data/processed)"
    )
    p.add_argument(
        "--codebook", type=existing_file, default=str(CODEBOOK_PATH), help="codebook (default data/codebook.yml)"
    )
    p.add_argument("--manual-codes", type=output_file, default=str(MANUAL_CODES_PATH), help="file to append to")
    p.add_argument("--coder", default="qdpx import", help="name recorded for removed codes (default 'qdpx import')")
    p.set_defaults(func=cmd_import_qdpx)

    p = sub.add_parser("export-codebook", help="write the codebook alone as REFI-QDA (.qdc)")
    p.add_argument("out", type=output_file, help="output file")
    p.add_argument(
        "--codebook", type=existing_file, default=str(CODEBOOK_PATH), help="codebook (default data/codebook.yml)"
    )
    p.set_defaults(func=cmd_export_codebook)

    p = sub.add_parser("sample", help="draw a blind, stratified sample of sentences for hand coding")
    p.add_argument("--n", type=positive_count, required=True, help="sentences to draw (100–300 is typical)")
    p.add_argument("--seed", type=seed, default=RANDOM_STATE, help=f"random seed (default {RANDOM_STATE})")
    p.add_argument(
        "--out", type=new_file, required=True, help="file for the coders; the design goes beside it (NAME.design.csv)"
    )
    p.add_argument(
        "--processed", type=processed_folder, default=str(PROCESSED_DIR), help="built tables (default data/processed)"
    )
    p.add_argument(
        "--codebook", type=existing_file, default=str(CODEBOOK_PATH), help="codebook (default data/codebook.yml)"
    )
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("columns", help="print every table's columns and their meaning (from columns.yml) as Markdown")
    p.add_argument("--readme", type=existing_file, help="write them between this README's column markers instead")
    p.set_defaults(func=cmd_columns)

    p = sub.add_parser("synth", help="write a deterministic synthetic corpus shaped like the real minutes")
    p.add_argument("--docs", type=positive_count, required=True, help="number of documents")
    p.add_argument("--out", type=output_folder, required=True, help="raw folder to create (documents + manifest.csv)")
    p.add_argument("--seed", type=seed, default=RANDOM_STATE, help=f"random seed (default {RANDOM_STATE})")
    p.set_defaults(func=cmd_synth)

    p = sub.add_parser("bench", help="time every stage on synthetic corpora next to the read-and-split floor")
    p.add_argument(
        "--docs", type=positive_count, nargs="+", default=[100, 1000], help="corpus sizes (default 100 1000)"
    )
    p.add_argument(
        "--topic-docs",
        type=positive_count,
        default=None,
        help="documents the topic-model stage is timed on (default: all)",
    )
    p.add_argument("--out", type=output_file, default=str(REPORTS_DIR / "benchmarks.csv"), help="CSV of the figures")
    p.set_defaults(func=cmd_bench)

    p = sub.add_parser("evaluate", help="score the parse against a gold file of what a careful reader extracts")
    p.add_argument("--gold", type=existing_file, default=str(GOLD_PATH), help="gold file (default data/gold.json)")
    p.add_argument(
        "--docs",
        type=existing_folder,
        default=None,
        help="parse this folder's documents (kinds from the gold) instead of the current build",
    )
    p.add_argument("--processed", default=str(PROCESSED_DIR), help="built tables (default data/processed)")
    p.add_argument(
        "--out",
        type=output_file,
        default=str(REPORTS_DIR / "evaluation.csv"),
        help="scores per field (default reports/evaluation.csv)",
    )
    p.add_argument(
        "--misses", type=output_file, default=None, help="also write every miss, with its document, to this CSV"
    )
    p.add_argument("--quiet", action="store_true", help="print the scores only, not every miss")
    p.add_argument(
        "--coding",
        type=existing_file,
        default=None,
        help="also score the theme coder against this CSV of hand-coded sentences (doc,sentence_id,themes,sentence); "
        "needs --docs",
    )
    p.add_argument(
        "--coding-out",
        type=output_file,
        default=str(REPORTS_DIR / "coding-evaluation.csv"),
        help="coding scores per theme (default reports/coding-evaluation.csv; the measures go to …-summary.csv)",
    )
    p.add_argument(
        "--coding-misses", type=output_file, default=None, help="also write every coding disagreement to this CSV"
    )
    p.add_argument(
        "--readme",
        type=existing_file,
        default=None,
        help="also write the coding scores, beside the build's agreement with hand coding, into this README",
    )
    p.add_argument(
        "--codebook",
        type=existing_file,
        default=str(CODEBOOK_PATH),
        help="codebook to score (default data/codebook.yml)",
    )
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("report", help="render the executed notebooks as one self-contained HTML report")
    p.add_argument(
        "--out",
        type=output_file,
        default=None,
        help="output file (default reports/report.html; reports/en/report.html for --lang en)",
    )
    p.add_argument(
        "--lang",
        default="nb",
        choices=("nb", "en"),
        help="the report's language, every word of it (default nb); en first executes the notebooks in English",
    )
    p.add_argument(
        "--dir", type=notebooks_folder, default=str(NOTEBOOKS_DIR), help="notebook folder (default notebooks)"
    )
    p.set_defaults(func=cmd_report)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as stop:  # --help (0) or a bad argument (2, its one line already said)
        return int(stop.code or 0)
    try:
        return args.func(args)
    except InputError as error:
        if args.verbose:
            traceback.print_exc()
        _say(f"error: {error.line()}")
        return 2
    except KeyboardInterrupt:
        _say("interrupted; data/processed/ was left as it was")
        return 130


if __name__ == "__main__":
    sys.exit(main())
