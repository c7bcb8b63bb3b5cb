"""Dates with a precision (day, month, year), and the arithmetic the lifter needs on them."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

PRECISIONS = ("year", "month", "day")


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """'2021', '2021-10' or '2021-10-06'; anything else (or a day that does not exist) is a ValueError."""
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
        if not m:
            raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(m[1])
        month = int(m[2]) if m[2] else None
        day = int(m[3]) if m[3] else None
        if year == 0:
            raise ValueError("year 0 does not exist")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        if month is not None and day is not None:
            dt.date(year, month, day)  # raises ValueError for 2021-02-30
        return cls(year, month, day)

    @classmethod
    def of(cls, day: dt.date, precision: str = "day") -> PartialDate:
        if precision == "year":
            return cls(day.year)
        if precision == "month":
            return cls(day.year, day.month)
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> dt.date:
        if self.day:
            return self.start
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def overlaps(self, other: PartialDate) -> bool:
        return self.start <= other.end and other.start <= self.end

    def coarsen(self, precision: str) -> PartialDate:
        """The same date at a coarser precision (never finer than it is)."""
        if PRECISIONS.index(precision) >= PRECISIONS.index(self.precision):
            return self
        return PartialDate(self.year, self.month if precision == "month" else None)

    def exists(self) -> bool:
        """Whether the date is on the calendar (no 30 February, no year 0 or 10000)."""
        try:
            self.start  # noqa: B018
            self.end  # noqa: B018
        except (ValueError, OverflowError):
            return False
        return True

    def shift_days(self, days: int) -> PartialDate:
        """Move by whole days; a month- or year-precise date moves its start and keeps its precision.

        Moving off the calendar (before year 1, after 9999) is a ValueError, like a day that does not exist.
        """
        try:
            return PartialDate.of(self.start + dt.timedelta(days=days), self.precision)
        except OverflowError:
            raise ValueError(f"{self.iso()} shifted by {days} days is off the calendar") from None

    def __str__(self) -> str:
        return self.iso()
