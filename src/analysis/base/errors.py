"""Expected failures carry the file, the problem and the remedy, so the CLI can say one clear line."""

from pathlib import Path


class InputError(Exception):
    """Bad input a user can fix; reported without a traceback."""

    def __init__(self, where: str | Path, problem: str, remedy: str = "") -> None:
        self.where = str(where)
        self.problem = problem
        self.remedy = remedy
        super().__init__(self.line())

    def __reduce__(self):
        """Picklable, so an error raised in a parallel worker reaches the command line intact."""
        return (type(self), (self.where, self.problem, self.remedy))

    def line(self) -> str:
        text = f"{self.where}: {self.problem}"
        return f"{text} — {self.remedy}" if self.remedy else text
