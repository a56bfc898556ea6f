"""Blocks of a text file written by a command, between two marker lines (the README's generated parts)."""

from analysis.base.errors import InputError


def between(text: str, begin: str, end: str) -> str:
    """What the text says between its markers ('' without them)."""
    start, stop = text.find(begin), text.find(end)
    return text[start + len(begin) : stop].strip("\n") if 0 <= start < stop else ""


def with_block(text: str, begin: str, end: str, block: str, where: str = "README.md") -> str:
    """The text with what stands between its markers replaced by `block`; one clear error without the markers."""
    start, stop = text.find(begin), text.find(end)
    if start < 0 or stop < start:
        raise InputError(where, f"has no markers {begin} … {end}", "add both marker lines where the block belongs")
    return f"{text[: start + len(begin)]}\n{block}\n{text[stop:]}"
