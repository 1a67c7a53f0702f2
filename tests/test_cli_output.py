"""How casualty figures read in tables: a figure, a range, an open count, or no toll at all."""

from __future__ import annotations

import pytest

from conflict_ledger.cli.output import NOT_REPORTED, range_text


@pytest.mark.parametrize("best, low, high, shown", [
    (8, None, None, "8"),            # one stated figure
    (0, None, 0, "0"),               # "no one was hurt"
    (0, 0, None, NOT_REPORTED),      # no toll in the report (counted as 0, as ACLED does)
    (None, None, None, NOT_REPORTED),  # no figure known
    (None, 3, 9, "3-9"),             # "several"
    (34, 34, None, "34+"),           # "at least 34"
    (8, 0, 8, "8 (0-8)"),            # sources differ
    (8, 0, None, "8 (0+)"),          # one source gives 8, another an open count from 0
    (None, 68, None, "68+"),         # a total with open counts in it
])
def test_range_text(best, low, high, shown):
    assert range_text(best, low, high) == shown
